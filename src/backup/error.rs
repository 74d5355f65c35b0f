//! Why a backup could not be written, read or restored (Sicherungsfehler).
//! Every variant is one refusal the UI turns into a German and an English
//! sentence; every refusal leaves the stored companies as they were. Like
//! [`StoreError`], the enum is `Clone` and carries no foreign error types,
//! so it can sit in a Leptos signal.

use crate::store::StoreError;

/// Which manifest figure disagrees with the log it describes.
use crate::ledger::ReplayError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManifestField {
    /// `event_count` against the number of records.
    EventCount,
    /// `head_seq` against the last record's sequence number.
    HeadSeq,
    /// `head_hash` against the verified chain's last hash.
    HeadHash,
    /// `drafts_included` against the presence of a `drafts` object.
    DraftsIncluded,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    /// The passphrase does not open the file (age cannot tell this apart
    /// from a damaged key stanza, so it is worded as "wrong passphrase").
    #[error("the passphrase does not open this backup")]
    WrongPassphrase,
    /// An empty passphrase is refused on export: it would protect nothing.
    #[error("the passphrase must not be empty")]
    EmptyPassphrase,
    /// Refused on export: shorter than `min_chars` or found within about a
    /// million guesses ([`super::passphrase`]).
    #[error(
        "the passphrase is too weak for a backup (at least {min_chars} characters, hard to guess)"
    )]
    WeakPassphrase { min_chars: usize },
    /// Cut off, or bytes changed after it was written (age's
    /// authentication, gzip's checksum or the JSON syntax failed).
    #[error("the backup file is truncated or damaged: {detail}")]
    Damaged { detail: String },
    /// Neither an age file, nor a Kontor JSON document, nor an age file
    /// whose content is a Kontor document.
    #[error("this file is not a Kontor backup")]
    NotKontorBackup,
    /// An age file encrypted to a key (recipient) rather than a passphrase.
    #[error("this age file is encrypted to a key, not with a passphrase")]
    NotPassphraseEncrypted,
    /// The file demands more scrypt work than we accept (a hostile or
    /// mistaken file could otherwise stall the browser for minutes).
    #[error("the file's key derivation is too expensive (work factor {found}, at most {max})")]
    WorkFactorTooHigh { found: u8, max: u8 },
    /// Decompressed, the document would exceed the size limit.
    #[error("the backup is larger than {max_bytes} bytes when unpacked")]
    TooLarge { max_bytes: u64 },
    /// Written by a newer Kontor in a format version this one cannot read.
    #[error(
        "the backup was written in format version {found}; this version of Kontor reads up to {supported}"
    )]
    NewerFormat { found: u32, supported: u32 },
    /// The log in the backup does not verify from this record on.
    #[error("record {seq} of the backup's log does not verify: the log was changed")]
    BrokenChain { seq: u64 },
    /// The manifest's figures disagree with the log in the same file.
    #[error(
        "the backup's manifest does not match its log ({field:?}: manifest says {manifest}, log has {found})"
    )]
    ManifestMismatch {
        field: ManifestField,
        manifest: String,
        found: String,
    },
    /// The log verifies but its events do not fold into books (written by
    /// something that is not Kontor's engine, or by a bug): refused before
    /// anything is stored, with the record and the engine's reason.
    #[error("the backup's log does not fold into books: {0}")]
    DoesNotFold(ReplayError),
    /// A company with the backup's id or name is already stored; the UI
    /// offers "restore as copy" or "replace".
    #[error("a company \"{name}\" (id {id}) already exists")]
    CompanyExists { id: String, name: String },
    /// A storage operation failed; a partial restore was removed again.
    #[error("storage: {0}")]
    Store(StoreError),
    /// Writing the file failed in a way none of the above describes
    /// (out of memory in a compressor, a broken random source).
    #[error("the backup could not be written: {detail}")]
    Unexpected { detail: String },
}

impl From<StoreError> for BackupError {
    fn from(error: StoreError) -> Self {
        BackupError::Store(error)
    }
}

impl BackupError {
    pub(crate) fn damaged(detail: impl ToString) -> BackupError {
        BackupError::Damaged {
            detail: detail.to_string(),
        }
    }

    pub(crate) fn unexpected(detail: impl ToString) -> BackupError {
        BackupError::Unexpected {
            detail: detail.to_string(),
        }
    }
}
