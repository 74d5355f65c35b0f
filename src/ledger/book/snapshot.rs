//! Snapshot (Momentaufnahme): a folded Book in a compact binary encoding
//! (MessagePack), bound to the log head it folds, so a large company opens
//! by reading one value and folding only the records after it.
//!
//! A snapshot is a cache of the log, never a second truth. It is read back
//! only by the very build of the ledger that wrote it (the fingerprint
//! `build.rs` takes of the ledger's code), only onto a log whose records
//! after its head continue that head's hash, and the log's chain is still
//! verified in full before anything is written. Anything else (another
//! build, bytes that do not read, a head the log does not continue) is
//! ignored: the Book is folded from the log and the snapshot rebuilt.

use crate::ledger::book::Book;
use crate::ledger::chain::ChainHead;

/// What every snapshot starts with: the format and the ledger's build.
const MAGIC: &[u8; 16] = b"KONTOR-SNAPSHOT1";
const FINGERPRINT: &str = env!("KONTOR_BOOK_FINGERPRINT");
const HEADER: usize = MAGIC.len() + FINGERPRINT.len();
const _: () = assert!(FINGERPRINT.len() == 16, "build.rs writes 16 hex digits");

/// Why a stored snapshot is not used (the Book is then folded from the log).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    #[error("not a snapshot")]
    Foreign,
    #[error("the snapshot was written by another version of Kontor")]
    OtherBuild,
    #[error("the snapshot does not read: {0}")]
    Unreadable(String),
    #[error("the snapshot cannot be written: {0}")]
    Unwritable(String),
}

/// `book` as it stands at `head`, encoded.
pub fn encode(book: &Book, head: ChainHead) -> Result<Vec<u8>, SnapshotError> {
    let mut bytes = Vec::with_capacity(HEADER);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(FINGERPRINT.as_bytes());
    rmp_serde::encode::write(&mut bytes, &(head, book))
        .map_err(|e| SnapshotError::Unwritable(e.to_string()))?;
    Ok(bytes)
}

/// The head and Book a snapshot holds, if this build wrote it.
pub fn decode(bytes: &[u8]) -> Result<(ChainHead, Book), SnapshotError> {
    rmp_serde::from_slice(body(bytes)?).map_err(|e| SnapshotError::Unreadable(e.to_string()))
}

/// The encoded head and Book after the header, if this build wrote them.
fn body(bytes: &[u8]) -> Result<&[u8], SnapshotError> {
    let (magic, rest) = bytes
        .split_at_checked(MAGIC.len())
        .ok_or(SnapshotError::Foreign)?;
    let (fingerprint, body) = rest
        .split_at_checked(FINGERPRINT.len())
        .ok_or(SnapshotError::Foreign)?;
    match (magic == MAGIC, fingerprint == FINGERPRINT.as_bytes()) {
        (false, _) => Err(SnapshotError::Foreign),
        (true, false) => Err(SnapshotError::OtherBuild),
        (true, true) => Ok(body),
    }
}
