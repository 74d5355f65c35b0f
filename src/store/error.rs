//! Why a store operation failed (Speicherfehler). Every variant is something
//! the UI can say in one plain sentence; none carries a raw `JsValue`, so the
//! error is `Clone` and can sit in a Leptos signal.

use crate::ledger::chain::ChainError;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The browser refused to store more data (`QuotaExceededError`).
    #[error("the browser's storage for this site is full")]
    QuotaExceeded,
    /// Another writer (usually another tab) moved the log first; nothing was
    /// written. Reload the log, re-check the command, try again.
    #[error(
        "the log moved on: expected it to end at record {expected_seq}, it ends at {found_seq}"
    )]
    Conflict { expected_seq: u64, found_seq: u64 },
    /// The stored log does not verify from this record on (changed, removed
    /// or reordered bytes), or records handed to `append` are not a chain.
    #[error("record {seq} of the log does not verify: the log was changed after it was written")]
    BrokenChain { seq: u64 },
    /// The database was written by a newer version of Kontor; it is left
    /// untouched.
    #[error(
        "the data was written by a newer version of Kontor (schema {found}, this version reads up to {supported})"
    )]
    NewerSchema { found: u32, supported: u32 },
    /// A stored block has an encoding this code does not know.
    #[error("log block {block} has an unknown encoding ({found})")]
    UnknownEncoding { block: u64, found: String },
    /// A stored block claims a known encoding but its bytes do not parse.
    #[error("log block {block} is damaged: {detail}")]
    CorruptBlock { block: u64, detail: String },
    /// A stored head or registry entry does not parse.
    #[error("the stored {what} is damaged: {detail}")]
    CorruptMeta { what: String, detail: String },
    #[error("{what} was not found")]
    NotFound { what: String },
    /// `delete_company` was called with a confirmation that is not the
    /// company's exact name.
    #[error("the confirmation does not match the company's name")]
    ConfirmationMismatch,
    #[error("a company name must be 1 to {max_chars} characters and not only spaces")]
    InvalidName { max_chars: usize },
    #[error("one append may hold at most {max} records, got {count}")]
    AppendTooLarge { count: usize, max: usize },
    /// IndexedDB is missing or refused to open (private mode, disabled
    /// storage, storage gone).
    #[error("the browser's storage is not available: {detail}")]
    StorageUnavailable { detail: String },
    /// Another tab holds the database open and does not let it go (a tab of
    /// an older Kontor during an upgrade, or while the company is deleted).
    #[error("another tab holds the data open and does not release it within {seconds} s")]
    Blocked { seconds: u32 },
    /// The browser did not answer opening or deleting a database at all
    /// (seen in WebKitGTK after a navigation cut off an earlier open).
    #[error("the browser did not answer opening its storage within {seconds} s")]
    NoAnswer { seconds: u32 },
    /// This tab's connection was closed because another tab upgrades or
    /// deletes the company's database: reload before writing again.
    #[error("the company was upgraded or deleted in another tab; reload the page")]
    ClosedElsewhere,
    /// The transaction was aborted before it committed; nothing was stored.
    #[error("the write was aborted; nothing was stored")]
    Aborted,
    /// Anything the browser reported that none of the above describes.
    /// The company is encrypted and nobody has logged in to this handle.
    #[error("the company is encrypted: a user must log in")]
    Locked,
    /// Unknown login or wrong password: deliberately the same answer.
    #[error("user name or password is wrong")]
    LoginRefused,
    #[error("a login must be 1 to {max_chars} characters without spaces")]
    InvalidLogin { max_chars: usize },
    /// A sealed block that does not open: changed, moved, or from another
    /// company.
    #[error("log block {block} was changed or does not belong to this company")]
    BlockRefused { block: u64 },
    /// A plaintext block in an encrypted company: not written by Kontor.
    #[error("log block {block} is not encrypted although the company is")]
    UnsealedBlock { block: u64 },
    #[error("the draft {key} was changed or does not belong to this company")]
    DraftRefused { key: String },
    /// A new password the company's policy refuses; nothing was stored.
    #[error(transparent)]
    Password(#[from] crate::security::PolicyError),
    #[error("the company is encrypted already")]
    AlreadyEncrypted,
    #[error("the company is not encrypted")]
    NotEncrypted,
    /// No random numbers or unusable key parameters: nothing was changed.
    #[error("the company's key could not be made: {detail}")]
    KeyUnavailable { detail: String },
    #[error("unexpected storage error: {detail}")]
    Unexpected { detail: String },
}

impl StoreError {
    pub(crate) fn not_found(what: impl Into<String>) -> StoreError {
        StoreError::NotFound { what: what.into() }
    }

    /// Whether this says the stored data itself is damaged (reading it
    /// again gives the same answer), not that storage failed this time.
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            StoreError::BrokenChain { .. }
                | StoreError::UnknownEncoding { .. }
                | StoreError::CorruptBlock { .. }
                | StoreError::CorruptMeta { .. }
                | StoreError::BlockRefused { .. }
                | StoreError::UnsealedBlock { .. }
        )
    }

    pub(crate) fn unexpected(detail: impl ToString) -> StoreError {
        StoreError::Unexpected {
            detail: detail.to_string(),
        }
    }
}

impl From<ChainError> for StoreError {
    fn from(error: ChainError) -> Self {
        StoreError::BrokenChain { seq: error.seq() }
    }
}

/// Maps a `DOMException` name to a variant. Kept free of web types so the
/// mapping is tested natively.
pub fn from_dom_exception_name(name: &str, message: &str) -> StoreError {
    match name {
        "QuotaExceededError" => StoreError::QuotaExceeded,
        "AbortError" => StoreError::Aborted,
        "InvalidStateError" | "UnknownError" | "SecurityError" | "NotAllowedError" => {
            StoreError::StorageUnavailable {
                detail: format!("{name}: {message}"),
            }
        }
        _ => StoreError::Unexpected {
            detail: format!("{name}: {message}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dom_exception_names_map_to_variants() {
        assert_eq!(
            from_dom_exception_name("QuotaExceededError", ""),
            StoreError::QuotaExceeded
        );
        assert_eq!(
            from_dom_exception_name("AbortError", ""),
            StoreError::Aborted
        );
        assert!(matches!(
            from_dom_exception_name("UnknownError", "disk gone"),
            StoreError::StorageUnavailable { .. }
        ));
        assert!(matches!(
            from_dom_exception_name("DataError", ""),
            StoreError::Unexpected { .. }
        ));
    }
}
