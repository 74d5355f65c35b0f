//! The rules of the log that both stores enforce (Journal-Regeln), as pure
//! functions: an append must continue the stored head exactly, and a loaded
//! log must verify and end exactly at the stored head. Checking the chain on
//! write *and* on read is deliberate: either check alone lets a bug or a
//! tampered byte through.

use super::blocks::decode_block;
use super::error::StoreError;
use super::vault::{Place, Vault, from_stored};
use crate::ledger::chain::{ChainHead, LogRecord, follow_sequence, verify_chain};

/// Most records one append may carry: one command makes a handful of
/// events; an import of a year makes thousands. Beyond this, split it.
pub const MAX_APPEND_RECORDS: usize = 10_000;

// An import makes one event per row and is appended in one go: the
// engine's import limits must fit one append (a 50,000-item file passed
// the item check and then failed at the store).
const _: () = assert!(crate::ledger::types::limits::MAX_IMPORT_ITEMS <= MAX_APPEND_RECORDS);
const _: () = assert!(crate::ledger::types::limits::MAX_IMPORT_PARTNERS <= MAX_APPEND_RECORDS);

/// Checks that `records` continue `stored` and returns the new head.
/// A different starting point means another writer moved the log
/// ([`StoreError::Conflict`]); records that do not link are a caller bug
/// ([`StoreError::BrokenChain`]).
pub fn check_append(stored: ChainHead, records: &[LogRecord]) -> Result<ChainHead, StoreError> {
    if records.len() > MAX_APPEND_RECORDS {
        return Err(StoreError::AppendTooLarge {
            count: records.len(),
            max: MAX_APPEND_RECORDS,
        });
    }
    let Some(first) = records.first() else {
        return Ok(stored);
    };
    if first.seq != stored.seq + 1 {
        return Err(StoreError::Conflict {
            expected_seq: first.seq.saturating_sub(1),
            found_seq: stored.seq,
        });
    }
    Ok(verify_chain(stored, records)?)
}

/// How much of the chain a read checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Framing, sequence and every body's hash.
    Chain,
    /// Framing and sequence only, each record's stored hash taken as it
    /// is: the caller verifies the chain afterwards ([`ChainCheck`]) and
    /// writes nothing on top before that has passed.
    Framing,
}

/// Decodes stored blocks (in key order) and checks them as `check` says
/// against the stored head; `from` is where checking starts (EMPTY for a
/// whole log) and only records after `from.seq` are returned. With a
/// `vault` every block must be sealed by it; without one, a sealed block
/// means "locked".
pub fn read_blocks(
    from: ChainHead,
    blocks: impl IntoIterator<Item = Result<(u64, String), StoreError>>,
    stored_head: ChainHead,
    vault: Option<&Vault>,
    check: Check,
) -> Result<Vec<LogRecord>, StoreError> {
    let mut out: Vec<LogRecord> = Vec::new();
    let mut head = from;
    for block in blocks {
        let (number, text) = block?;
        let text = from_stored(vault, Place::Block(number), text)?;
        let records = decode_block(number, &text)?;
        drop(text);
        let fresh: Vec<LogRecord> = records.into_iter().filter(|r| r.seq > from.seq).collect();
        head = match check {
            Check::Chain => verify_chain(head, &fresh)?,
            Check::Framing => follow_sequence(head, &fresh)?,
        };
        out.extend(fresh);
    }
    check_ends_at(head, stored_head)?;
    Ok(out)
}

/// The hash chain of a log read with [`Check::Framing`], verified from its
/// first record up to the head that read returned, one block at a time so
/// that a store can read the blocks in parts and yield between them.
pub struct ChainCheck {
    target: ChainHead,
    at: ChainHead,
}

impl ChainCheck {
    pub fn new(target: ChainHead) -> ChainCheck {
        ChainCheck {
            target,
            at: ChainHead::EMPTY,
        }
    }

    /// Verifies the records of block `number` (its plaintext) that lie up
    /// to the target; blocks must come in key order from the first.
    pub fn feed(&mut self, number: u64, text: &str) -> Result<(), StoreError> {
        let (at, target) = (self.at.seq, self.target.seq);
        let records = decode_block(number, text)?;
        let part = records.iter().filter(|r| r.seq > at && r.seq <= target);
        self.at = verify_chain(self.at, part)?;
        Ok(())
    }

    /// [`ChainCheck::feed`] with a block as stored: opened by `vault`
    /// where the company is encrypted.
    pub fn feed_stored(
        &mut self,
        vault: Option<&Vault>,
        number: u64,
        text: String,
    ) -> Result<(), StoreError> {
        let text = from_stored(vault, Place::Block(number), text)?;
        self.feed(number, &text)
    }

    /// Whether every record up to the target has been fed.
    pub fn reached(&self) -> bool {
        self.at.seq >= self.target.seq
    }

    /// The verdict: the chain verified and ends exactly at the target.
    pub fn finish(self) -> Result<(), StoreError> {
        check_ends_at(self.at, self.target)
    }
}

/// The records of the block an append extends must end at the stored head;
/// otherwise the stored log is damaged and must not be extended.
pub fn check_tail(stored: ChainHead, tail: Vec<LogRecord>) -> Result<Vec<LogRecord>, StoreError> {
    match tail.last() {
        Some(last) if ChainHead::after(last) == stored => Ok(tail),
        _ => Err(StoreError::BrokenChain { seq: stored.seq }),
    }
}

/// The pair invariant: the verified end of the records equals the head
/// written in the same transaction as them.
fn check_ends_at(verified: ChainHead, stored: ChainHead) -> Result<(), StoreError> {
    if verified == stored {
        return Ok(());
    }
    let seq = if verified.seq < stored.seq {
        verified.seq + 1
    } else if verified.seq > stored.seq {
        stored.seq + 1
    } else {
        stored.seq
    };
    Err(StoreError::BrokenChain { seq })
}

/// Encodes a head for storage; JSON so the stored head is readable.
pub fn encode_head(head: &ChainHead) -> String {
    format!(
        "{{\"seq\":{},\"hash\":\"{}\"}}",
        head.seq,
        head.hash.to_hex()
    )
}

pub fn decode_head(text: &str) -> Result<ChainHead, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::CorruptMeta {
        what: "head record".into(),
        detail: e.to_string(),
    })
}

/// Convenience for tests and generators: seals `bodies` after `head`.
pub fn seal_all(mut head: ChainHead, bodies: impl IntoIterator<Item = String>) -> Vec<LogRecord> {
    bodies
        .into_iter()
        .map(|body| {
            let record = head.seal(body);
            head = ChainHead::after(&record);
            record
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::blocks::encode_block;

    #[test]
    fn append_from_an_old_head_is_a_conflict() {
        let log = seal_all(ChainHead::EMPTY, ["a".into(), "b".into()]);
        let stale = seal_all(ChainHead::EMPTY, ["x".into()]);
        let stored = ChainHead::after(&log[1]);
        assert_eq!(
            check_append(stored, &stale),
            Err(StoreError::Conflict {
                expected_seq: 0,
                found_seq: 2
            })
        );
    }

    #[test]
    fn unlinked_records_are_a_broken_chain() {
        let mut records = seal_all(ChainHead::EMPTY, ["a".into(), "b".into()]);
        records[1].body = "B".into();
        assert_eq!(
            check_append(ChainHead::EMPTY, &records),
            Err(StoreError::BrokenChain { seq: 2 })
        );
    }

    #[test]
    fn log_shorter_than_its_head_is_refused() {
        let records = seal_all(ChainHead::EMPTY, ["a".into(), "b".into()]);
        let blocks = vec![Ok((0, encode_block(&records[..1])))];
        assert_eq!(
            read_blocks(
                ChainHead::EMPTY,
                blocks,
                ChainHead::after(&records[1]),
                None,
                Check::Chain
            ),
            Err(StoreError::BrokenChain { seq: 2 })
        );
    }

    #[test]
    fn head_round_trips() {
        let records = seal_all(ChainHead::EMPTY, ["a".into()]);
        let head = ChainHead::after(&records[0]);
        assert_eq!(decode_head(&encode_head(&head)), Ok(head));
    }
}
