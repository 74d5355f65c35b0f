//! `kontor-cli verify FILE [--expect-head HASH]`: checks an unencrypted
//! Kontor backup (the plain JSON the backup page exports, or that JSON
//! gzipped; `age -d file.kontor.age` gives the gzipped form) as a third
//! party would, by the rules of `docs/log-format.md`: every record's
//! sequence number follows the one before, every hash is
//! SHA-256(previous hash || body), the manifest's count and head describe
//! the log, and the events fold into books. Prints the company, the
//! records, the first and the head hash and `OK`; otherwise names the
//! first bad record with its position (and its line in the file) and
//! exits 1. `--expect-head` compares the head with one the reader got
//! elsewhere (the GoBD export's `hashkette.csv`, an earlier check), so a
//! log rewritten with fresh hashes is caught too.

use crate::cli::{CliError, io};
use kontor::backup::{FORMAT_NAME, FORMAT_VERSION, FileKind, detect};
use kontor::ledger::Book;
use kontor::ledger::chain::{ChainHash, ChainHead, LogRecord};
use serde::Deserialize;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The largest document verify unpacks (as the app's restore).
const MAX_DOCUMENT_BYTES: u64 = 1 << 30;
/// The line of the first record: the writer puts the manifest on line 1,
/// `"log":[` on line 2 and one record per line from line 3 on.
const FIRST_RECORD_LINE: u64 = 3;

/// Why a file does not verify; each names what it is about.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error("{path}: encrypted backup; decrypt it first: age -d FILE > backup.json.gz")]
    Encrypted { path: PathBuf },
    #[error("{path}: not a Kontor backup")]
    NotABackup { path: PathBuf },
    #[error("{path}: the file is truncated or damaged: {detail}")]
    Damaged { path: PathBuf, detail: String },
    #[error("{path}: larger than {max} bytes unpacked")]
    TooLarge { path: PathBuf, max: u64 },
    #[error("{path}: backup format version {found}; this verifier reads up to {supported}")]
    NewerFormat {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error(
        "{path}: record at position {position} (line {line}) has sequence number {found}, expected {expected}: a record is missing, added or out of order"
    )]
    Gap {
        path: PathBuf,
        position: u64,
        line: u64,
        expected: u64,
        found: u64,
    },
    #[error("{path}: record {seq} (line {line}): its hash is not 64 hex digits")]
    BadHashText { path: PathBuf, seq: u64, line: u64 },
    #[error(
        "{path}: record {seq} (line {line}) does not match its hash: the record or one before it was changed after it was written"
    )]
    HashMismatch { path: PathBuf, seq: u64, line: u64 },
    #[error("{path}: the manifest's {field} is {manifest}, the log has {found}")]
    Manifest {
        path: PathBuf,
        field: &'static str,
        manifest: String,
        found: String,
    },
    #[error(
        "{path}: the head is {found}, expected {expected}: the log is not the one you expected"
    )]
    HeadDiffers {
        path: PathBuf,
        expected: String,
        found: String,
    },
    #[error("{path}: the chain is intact but the events do not fold into books: {detail}")]
    DoesNotFold { path: PathBuf, detail: String },
}

#[derive(Deserialize)]
struct Document {
    manifest: Manifest,
    log: Vec<RawRecord>,
}

#[derive(Deserialize)]
struct Manifest {
    format: String,
    format_version: u32,
    company_id: String,
    company_name: String,
    event_count: u64,
    head_seq: u64,
    head_hash: String,
}

/// A record as written, its hash still text, so a bad hash is a bad
/// record rather than an unreadable file.
#[derive(Deserialize)]
struct RawRecord {
    seq: u64,
    body: String,
    hash: String,
}

#[derive(Deserialize)]
struct Probe {
    manifest: ProbeManifest,
}

#[derive(Deserialize)]
struct ProbeManifest {
    format: String,
    format_version: u32,
}

pub fn verify(args: &[String]) -> Result<(), CliError> {
    let (file, expect) = match args {
        [file] if !file.starts_with("--") => (PathBuf::from(file), None),
        [file, flag, hash] if flag == "--expect-head" && !file.starts_with("--") => {
            (PathBuf::from(file), Some(hash.to_ascii_lowercase()))
        }
        _ => {
            return Err(CliError::Usage(
                "verify takes one FILE [--expect-head HASH]".into(),
            ));
        }
    };
    let bytes = std::fs::read(&file).map_err(io(&file))?;
    let report = check(&file, &bytes, expect.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    writeln!(out, "{report}OK").map_err(io(Path::new("stdout")))
}

/// Verifies the bytes of a backup file; the report's lines on success.
pub fn check(path: &Path, bytes: &[u8], expect: Option<&str>) -> Result<String, VerifyError> {
    checked_records(path, bytes, expect).map(|(report, _)| report)
}

/// Verifies the bytes of a backup file; the report and the verified
/// records of its log.
pub fn checked_records(
    path: &Path,
    bytes: &[u8],
    expect: Option<&str>,
) -> Result<(String, Vec<LogRecord>), VerifyError> {
    let path = path.to_path_buf();
    let json = match detect(bytes) {
        FileKind::Encrypted => return Err(VerifyError::Encrypted { path }),
        FileKind::Unknown => return Err(VerifyError::NotABackup { path }),
        FileKind::PlainJson => bytes.to_vec(),
        FileKind::Compressed => {
            let mut out = Vec::new();
            let mut reader = flate2::read::GzDecoder::new(bytes).take(MAX_DOCUMENT_BYTES + 1);
            reader
                .read_to_end(&mut out)
                .map_err(|e| VerifyError::Damaged {
                    path: path.clone(),
                    detail: e.to_string(),
                })?;
            if out.len() as u64 > MAX_DOCUMENT_BYTES {
                return Err(VerifyError::TooLarge {
                    path,
                    max: MAX_DOCUMENT_BYTES,
                });
            }
            out
        }
    };
    let document = parse(&path, &json)?;
    let m = &document.manifest;
    if m.format != FORMAT_NAME {
        return Err(VerifyError::NotABackup { path });
    }
    if m.format_version > FORMAT_VERSION || m.format_version == 0 {
        return Err(VerifyError::NewerFormat {
            path,
            found: m.format_version,
            supported: FORMAT_VERSION,
        });
    }
    let records = chain(&path, &document.log)?;
    let head = records.last().map_or(ChainHead::EMPTY, ChainHead::after);
    let manifest = |field, manifest: String, found: String| {
        if manifest == found {
            Ok(())
        } else {
            Err(VerifyError::Manifest {
                path: path.clone(),
                field,
                manifest,
                found,
            })
        }
    };
    manifest(
        "event_count",
        m.event_count.to_string(),
        records.len().to_string(),
    )?;
    manifest("head_seq", m.head_seq.to_string(), head.seq.to_string())?;
    manifest(
        "head_hash",
        m.head_hash.to_ascii_lowercase(),
        head.hash.to_hex(),
    )?;
    if let Some(expected) = expect
        && expected != head.hash.to_hex()
    {
        return Err(VerifyError::HeadDiffers {
            path,
            expected: expected.to_string(),
            found: head.hash.to_hex(),
        });
    }
    let book = Book::fold_records(&records).map_err(|e| VerifyError::DoesNotFold {
        path: path.clone(),
        detail: e.to_string(),
    })?;
    let first = records.first().map(|r| r.hash.to_hex()).unwrap_or_default();
    let report = format!(
        "file: {}\ncompany: {} (id {})\nrecords: {}\nentries: {}\nfirst hash: {first}\nhead: {} {}\nchain: every hash recomputed\n",
        path.display(),
        m.company_name,
        m.company_id,
        records.len(),
        book.entry_count(),
        head.seq,
        head.hash.to_hex()
    );
    Ok((report, records))
}

fn parse(path: &Path, json: &[u8]) -> Result<Document, VerifyError> {
    match serde_json::from_slice::<Document>(json) {
        Ok(d) => Ok(d),
        Err(error) => {
            if let Ok(probe) = serde_json::from_slice::<Probe>(json) {
                if probe.manifest.format != FORMAT_NAME {
                    return Err(VerifyError::NotABackup {
                        path: path.to_path_buf(),
                    });
                }
                if probe.manifest.format_version > FORMAT_VERSION {
                    return Err(VerifyError::NewerFormat {
                        path: path.to_path_buf(),
                        found: probe.manifest.format_version,
                        supported: FORMAT_VERSION,
                    });
                }
            }
            match error.classify() {
                serde_json::error::Category::Data => Err(VerifyError::NotABackup {
                    path: path.to_path_buf(),
                }),
                _ => Err(VerifyError::Damaged {
                    path: path.to_path_buf(),
                    detail: error.to_string(),
                }),
            }
        }
    }
}

/// Recomputes the chain record by record; the first bad one is the error.
fn chain(path: &Path, log: &[RawRecord]) -> Result<Vec<LogRecord>, VerifyError> {
    let mut head = ChainHead::EMPTY;
    let mut out = Vec::with_capacity(log.len());
    for (i, raw) in log.iter().enumerate() {
        let position = i as u64 + 1;
        let line = FIRST_RECORD_LINE + i as u64;
        if raw.seq != head.seq + 1 {
            return Err(VerifyError::Gap {
                path: path.to_path_buf(),
                position,
                line,
                expected: head.seq + 1,
                found: raw.seq,
            });
        }
        let Some(hash) = ChainHash::from_hex(&raw.hash) else {
            return Err(VerifyError::BadHashText {
                path: path.to_path_buf(),
                seq: raw.seq,
                line,
            });
        };
        if ChainHash::link(&head.hash, raw.body.as_bytes()) != hash {
            return Err(VerifyError::HashMismatch {
                path: path.to_path_buf(),
                seq: raw.seq,
                line,
            });
        }
        let record = LogRecord {
            seq: raw.seq,
            body: raw.body.clone(),
            hash,
        };
        head = ChainHead::after(&record);
        out.push(record);
    }
    Ok(out)
}
