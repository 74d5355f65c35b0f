//! The envelope around a document (Verschlüsselung): gzip, then age in
//! passphrase (scrypt) mode, so `age -d file | gunzip` yields the JSON
//! document without Kontor. Reading also accepts the other envelopes a user
//! may reasonably hand us: the plain JSON export, gzip without age, an
//! age file whose content is uncompressed JSON (made with `age -p` from a
//! plain export), and ASCII-armoured age files (`age -a`, PEM-style
//! "-----BEGIN AGE ENCRYPTED FILE-----"), read through age's
//! `ArmoredReader`.

use super::error::BackupError;
use age::secrecy::SecretString;
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::io::{self, BufWriter, Read, Write};
use std::iter;

/// scrypt work factor (N = 2^17) for files we write: about 0.8 s in WASM
/// in Chromium on the reference machine, so a guessed passphrase costs an
/// attacker as much; age's own default measures the device, which in WASM
/// landed at 3.5 s.
pub const WORK_FACTOR: u8 = 17;
/// Highest work factor we accept on reading. The age CLI writes 18
/// (256 MiB of scrypt memory, about a second); 22 leaves room for files
/// made with a deliberately higher factor. scrypt needs 1 KiB × 2^N of
/// memory, so in WASM (at most 4 GiB, and a failed allocation aborts the
/// app instead of returning an error) the cap is 20 = 1 GiB: a higher file
/// gets a clear refusal rather than a crashed tab.
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_WORK_FACTOR: u8 = 22;
#[cfg(target_arch = "wasm32")]
pub const MAX_WORK_FACTOR: u8 = 20;
/// Largest document we unpack: a 100,000-entry company is about 80 MB of
/// JSON; a gzip bomb must not exhaust the browser's memory.
pub const MAX_DOCUMENT_BYTES: u64 = 1 << 30;
/// gzip level: 6 (the default) halves the size of level 1 only by a few
/// percent on log JSON but costs noticeably more time in WASM.
const COMPRESSION_LEVEL: u32 = 1;

const AGE_MAGIC: &[u8] = b"age-encryption.org/";
const AGE_V1_LINE: &[u8] = b"age-encryption.org/v1\n";
/// First line of an armoured age file (`age -a`).
const ARMOR_MAGIC: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";
const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];

/// What a file looks like from its first bytes, before any passphrase:
/// the UI asks for a passphrase only for [`FileKind::Encrypted`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Encrypted,
    Compressed,
    PlainJson,
    Unknown,
}

pub fn detect(bytes: &[u8]) -> FileKind {
    // A file cut inside the magic is still a (damaged) age file.
    // age's armour reader, like the CLI, allows whitespace before the
    // first line.
    let text = bytes.trim_ascii_start();
    if bytes.starts_with(AGE_MAGIC)
        || (bytes.len() >= 4 && AGE_MAGIC.starts_with(bytes))
        || text.starts_with(ARMOR_MAGIC)
    {
        FileKind::Encrypted
    } else if bytes.starts_with(GZIP_MAGIC) {
        FileKind::Compressed
    } else if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        FileKind::PlainJson
    } else {
        FileKind::Unknown
    }
}

/// The writer chain of an encrypted export: buffer (records arrive in
/// small writes) → gzip → age → bytes.
pub(crate) struct SealingWriter {
    inner: BufWriter<GzEncoder<age::stream::StreamWriter<Vec<u8>>>>,
}

impl SealingWriter {
    /// Derives the key: the one slow step (scrypt), ≈0.8 s in WASM.
    pub(crate) fn new(passphrase: &str, work_factor: u8) -> Result<SealingWriter, BackupError> {
        if passphrase.is_empty() {
            return Err(BackupError::EmptyPassphrase);
        }
        let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_string()));
        recipient.set_work_factor(work_factor.clamp(1, MAX_WORK_FACTOR));
        let encryptor =
            age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient))
                .map_err(BackupError::unexpected)?;
        let age_writer = encryptor
            .wrap_output(Vec::new())
            .map_err(BackupError::unexpected)?;
        let gzip = GzEncoder::new(age_writer, Compression::new(COMPRESSION_LEVEL));
        Ok(SealingWriter {
            inner: BufWriter::with_capacity(64 * 1024, gzip),
        })
    }

    pub(crate) fn writer(&mut self) -> &mut impl Write {
        &mut self.inner
    }

    /// Flushes and closes gzip, then age (which writes its final chunk).
    pub(crate) fn finish(self) -> Result<Vec<u8>, BackupError> {
        let gzip = self
            .inner
            .into_inner()
            .map_err(|e| BackupError::unexpected(e.error()))?;
        let age_writer = gzip.finish().map_err(BackupError::unexpected)?;
        age_writer.finish().map_err(BackupError::unexpected)
    }
}

/// Unwraps any accepted envelope and returns the JSON document's bytes.
/// `progress(done, total)` counts input bytes consumed.
pub fn open(
    bytes: &[u8],
    passphrase: &str,
    progress: impl FnMut(u64, u64),
) -> Result<Vec<u8>, BackupError> {
    let input = ProgressReader {
        inner: bytes,
        done: 0,
        total: bytes.len() as u64,
        progress,
    };
    match detect(bytes) {
        FileKind::Encrypted => {
            let plaintext = decrypt(input, passphrase).map_err(|e| match e {
                // age falls back to "unknown version" when a v1 header does
                // not parse (a changed MAC character, say): that is damage.
                BackupError::NotKontorBackup if bytes.starts_with(AGE_V1_LINE) => {
                    BackupError::damaged("the age v1 header does not parse")
                }
                other => other,
            })?;
            open_content(plaintext)
        }
        FileKind::Compressed => read_limited(GzDecoder::new(input)),
        FileKind::PlainJson => read_limited(input),
        FileKind::Unknown => Err(BackupError::NotKontorBackup),
    }
}

fn decrypt<R: Read>(input: R, passphrase: &str) -> Result<Vec<u8>, BackupError> {
    // ArmoredReader passes a binary file through and unwraps an armoured
    // one (checking its Base64 and line lengths).
    let decryptor =
        age::Decryptor::new(age::armor::ArmoredReader::new(input)).map_err(map_decrypt_error)?;
    if !decryptor.is_scrypt() {
        return Err(BackupError::NotPassphraseEncrypted);
    }
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let reader = decryptor
        .decrypt(iter::once(&identity as &dyn age::Identity))
        .map_err(map_decrypt_error)?;
    read_limited(reader)
}

/// What age wrapped: our gzip, or JSON a user encrypted with the CLI.
fn open_content(plaintext: Vec<u8>) -> Result<Vec<u8>, BackupError> {
    match detect(&plaintext) {
        FileKind::Compressed => read_limited(GzDecoder::new(plaintext.as_slice())),
        FileKind::PlainJson => Ok(plaintext),
        FileKind::Encrypted | FileKind::Unknown => Err(BackupError::NotKontorBackup),
    }
}

/// Reads to the end, refusing more than [`MAX_DOCUMENT_BYTES`]. Any read
/// error here is authentication (age) or checksum (gzip) failure or a cut
/// file: damage.
fn read_limited(reader: impl Read) -> Result<Vec<u8>, BackupError> {
    let mut out = Vec::new();
    reader
        .take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(BackupError::damaged)?;
    if out.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(BackupError::TooLarge {
            max_bytes: MAX_DOCUMENT_BYTES,
        });
    }
    Ok(out)
}

fn map_decrypt_error(error: age::DecryptError) -> BackupError {
    use age::DecryptError as E;
    match error {
        // A wrong passphrase fails to unwrap the file key; age cannot tell
        // that from a changed stanza, so the likelier cause is named.
        E::DecryptionFailed | E::KeyDecryptionFailed => BackupError::WrongPassphrase,
        E::ExcessiveWork { required, .. } => BackupError::WorkFactorTooHigh {
            found: required,
            max: MAX_WORK_FACTOR,
        },
        E::NoMatchingKeys => BackupError::NotPassphraseEncrypted,
        E::UnknownFormat => BackupError::NotKontorBackup,
        E::InvalidHeader | E::InvalidMac | E::Io(_) => BackupError::damaged(error),
    }
}

/// Counts bytes as age or gzip pull them from the file.
struct ProgressReader<'a, F: FnMut(u64, u64)> {
    inner: &'a [u8],
    done: u64,
    total: u64,
    progress: F,
}

impl<F: FnMut(u64, u64)> Read for ProgressReader<'_, F> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done += n as u64;
        (self.progress)(self.done, self.total);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed(content: &[u8], passphrase: &str) -> Vec<u8> {
        let mut writer = SealingWriter::new(passphrase, 10).unwrap();
        writer.writer().write_all(content).unwrap();
        writer.finish().unwrap()
    }

    #[test]
    fn sealed_bytes_open_with_the_passphrase_only() {
        let file = sealed(b"{\"x\":1}", "richtig");
        assert_eq!(detect(&file), FileKind::Encrypted);
        assert_eq!(open(&file, "richtig", |_, _| {}).unwrap(), b"{\"x\":1}");
        assert_eq!(
            open(&file, "falsch", |_, _| {}),
            Err(BackupError::WrongPassphrase)
        );
    }

    #[test]
    fn empty_passphrase_is_refused() {
        assert!(matches!(
            SealingWriter::new("", 10),
            Err(BackupError::EmptyPassphrase)
        ));
    }

    #[test]
    fn an_armoured_age_file_opens_like_a_binary_one() {
        use age::armor::{ArmoredWriter, Format};
        let mut recipient = age::scrypt::Recipient::new(SecretString::from("richtig".to_string()));
        recipient.set_work_factor(10);
        let encryptor =
            age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient)).unwrap();
        let armor = ArmoredWriter::wrap_output(Vec::new(), Format::AsciiArmor).unwrap();
        let mut writer = encryptor.wrap_output(armor).unwrap();
        writer.write_all(b"{\"x\":1}").unwrap();
        let file = writer.finish().unwrap().finish().unwrap();
        assert!(file.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"));
        assert_eq!(detect(&file), FileKind::Encrypted);
        assert_eq!(open(&file, "richtig", |_, _| {}).unwrap(), b"{\"x\":1}");
        assert_eq!(
            open(&file, "falsch", |_, _| {}),
            Err(BackupError::WrongPassphrase)
        );
    }

    #[test]
    fn a_changed_header_character_is_damage_whatever_it_becomes() {
        let file = sealed(b"{\"x\":1}", "richtig");
        let mac = file.windows(4).position(|w| w == b"--- ").unwrap() + 4;
        // '@' is no Base64 character: age then reads the header as an
        // unknown version; 'A'/'B' keep it Base64 but break the MAC.
        for replacement in [b'@', b'A', b'B'] {
            let mut bad = file.clone();
            if bad[mac + 1] == replacement {
                continue;
            }
            bad[mac + 1] = replacement;
            assert!(
                matches!(
                    open(&bad, "richtig", |_, _| {}),
                    Err(BackupError::Damaged { .. })
                ),
                "{}",
                replacement as char
            );
        }
    }

    #[test]
    fn detect_by_first_bytes() {
        assert_eq!(detect(b"  \n{\"a\":1}"), FileKind::PlainJson);
        assert_eq!(detect(&[0x1f, 0x8b, 8]), FileKind::Compressed);
        assert_eq!(detect(b"PK\x03\x04"), FileKind::Unknown);
        assert_eq!(detect(b""), FileKind::Unknown);
    }

    #[test]
    fn progress_reaches_the_file_size() {
        let file = sealed(&vec![b' '; 200_000], "p");
        let mut last = (0, 0);
        let _ = open(&file, "p", |done, total| last = (done, total));
        assert_eq!(last.0, last.1);
        assert_eq!(last.1, file.len() as u64);
    }
}
