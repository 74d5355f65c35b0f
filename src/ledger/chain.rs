//! Hash chain of the event log (Hash-Kette): every record's hash covers the
//! previous record's hash and its own stored bytes, so changing, removing or
//! reordering any stored byte breaks every later link. `ledger` defines the
//! chain so that `store` and `backup` verify exactly the same thing.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// SHA-256 of a log record; hex in JSON so stored logs stay readable.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ChainHash(pub [u8; 32]);

impl ChainHash {
    /// The "previous hash" of the first record of every log.
    pub const GENESIS: ChainHash = ChainHash([0; 32]);

    /// `SHA-256(prev || body)`: the link from `prev` to a record with `body`.
    pub fn link(prev: &ChainHash, body: &[u8]) -> ChainHash {
        let mut hasher = Sha256::new();
        hasher.update(prev.0);
        hasher.update(body);
        ChainHash(hasher.finalize().into())
    }

    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Parses 64 hex digits; `None` for anything else.
    pub fn from_hex(text: &str) -> Option<ChainHash> {
        let bytes = text.as_bytes();
        if bytes.len() != 64 {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, pair) in bytes.chunks_exact(2).enumerate() {
            let hi = (pair[0] as char).to_digit(16)?;
            let lo = (pair[1] as char).to_digit(16)?;
            out[i] = (hi * 16 + lo) as u8;
        }
        Some(ChainHash(out))
    }
}

impl fmt::Debug for ChainHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChainHash({})", self.to_hex())
    }
}

impl fmt::Display for ChainHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl Serialize for ChainHash {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for ChainHash {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ChainHash::from_hex(&text).ok_or_else(|| serde::de::Error::custom("expected 64 hex digits"))
    }
}

/// One stored entry of a company's log: its gapless sequence number (from 1),
/// the event's canonical bytes (`body`, versioned JSON written by
/// `ledger::event`), and the chain hash after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogRecord {
    pub seq: u64,
    pub body: String,
    pub hash: ChainHash,
}

/// The end of a verified log: what the next record links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainHead {
    /// Sequence number of the last record (0 for an empty log).
    pub seq: u64,
    pub hash: ChainHash,
}

impl ChainHead {
    pub const EMPTY: ChainHead = ChainHead {
        seq: 0,
        hash: ChainHash::GENESIS,
    };

    /// Seals `body` as the record after this head.
    pub fn seal(&self, body: String) -> LogRecord {
        LogRecord {
            seq: self.seq + 1,
            hash: ChainHash::link(&self.hash, body.as_bytes()),
            body,
        }
    }

    pub fn after(record: &LogRecord) -> ChainHead {
        ChainHead {
            seq: record.seq,
            hash: record.hash,
        }
    }
}

/// Where and why a log stopped verifying.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    #[error("record {found} follows record {previous}: the sequence has a gap or is out of order")]
    Gap { previous: u64, found: u64 },
    #[error("record {seq} does not match its hash: the log was changed after it was written")]
    HashMismatch { seq: u64 },
}

impl ChainError {
    /// Sequence number of the first record that does not verify.
    pub fn seq(&self) -> u64 {
        match self {
            ChainError::Gap { found, .. } => *found,
            ChainError::HashMismatch { seq } => *seq,
        }
    }
}

/// Verifies `records` as the continuation of `from`; returns the new head or
/// the first broken link.
pub fn verify_chain<'a>(
    from: ChainHead,
    records: impl IntoIterator<Item = &'a LogRecord>,
) -> Result<ChainHead, ChainError> {
    walk(from, records, true)
}

/// [`verify_chain`] without hashing the bodies: the sequence only, each
/// record's stored hash taken as it is. For an open that shows the books
/// first and verifies the chain right after, before anything is written on
/// top of it (`Session::open_deferred`).
pub fn follow_sequence<'a>(
    from: ChainHead,
    records: impl IntoIterator<Item = &'a LogRecord>,
) -> Result<ChainHead, ChainError> {
    walk(from, records, false)
}

fn walk<'a>(
    from: ChainHead,
    records: impl IntoIterator<Item = &'a LogRecord>,
    hash: bool,
) -> Result<ChainHead, ChainError> {
    let mut head = from;
    for record in records {
        if record.seq != head.seq + 1 {
            return Err(ChainError::Gap {
                previous: head.seq,
                found: record.seq,
            });
        }
        if hash && ChainHash::link(&head.hash, record.body.as_bytes()) != record.hash {
            return Err(ChainError::HashMismatch { seq: record.seq });
        }
        head = ChainHead::after(record);
    }
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn log_of(bodies: &[String]) -> Vec<LogRecord> {
        let mut head = ChainHead::EMPTY;
        bodies
            .iter()
            .map(|b| {
                let r = head.seal(b.clone());
                head = ChainHead::after(&r);
                r
            })
            .collect()
    }

    #[test]
    fn hex_round_trips_and_rejects_junk() {
        let h = ChainHash::link(&ChainHash::GENESIS, b"x");
        assert_eq!(ChainHash::from_hex(&h.to_hex()), Some(h));
        assert_eq!(ChainHash::from_hex("zz"), None);
        assert_eq!(ChainHash::from_hex(&"g".repeat(64)), None);
    }

    #[test]
    fn removed_record_is_a_gap() {
        let mut log = log_of(&["a".into(), "b".into(), "c".into()]);
        log.remove(1);
        assert_eq!(
            verify_chain(ChainHead::EMPTY, &log),
            Err(ChainError::Gap {
                previous: 1,
                found: 3
            })
        );
    }

    proptest! {
        #[test]
        fn any_changed_byte_breaks_the_chain(
            bodies in prop::collection::vec("[ -~]{1,40}", 1..20),
            pick in any::<prop::sample::Index>(),
            byte in any::<prop::sample::Index>(),
            flip in 1u8..=255,
        ) {
            let mut log = log_of(&bodies);
            prop_assert!(verify_chain(ChainHead::EMPTY, &log).is_ok());
            let i = pick.index(log.len());
            let mut bytes = log[i].body.clone().into_bytes();
            let j = byte.index(bytes.len());
            bytes[j] ^= flip;
            // Keep the body valid UTF-8 by mapping the change into ASCII.
            bytes[j] &= 0x7f;
            prop_assume!(bytes != log[i].body.as_bytes());
            log[i].body = String::from_utf8(bytes).expect("ascii");
            let err = verify_chain(ChainHead::EMPTY, &log).unwrap_err();
            prop_assert_eq!(err.seq(), log[i].seq);
        }
    }
}
