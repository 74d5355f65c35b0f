//! Replay (Wiederherstellen aus dem Log): verify a log's hash chain,
//! decode each record and fold it into a Book. The one copy the session,
//! restore and the command line all use.

use crate::ledger::book::Book;
use crate::ledger::chain::{ChainError, ChainHead, LogRecord, verify_chain};
use crate::ledger::error::DomainError;
use crate::ledger::event::{DecodeError, Event, decode};

/// Which log record stopped a replay, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("log record {seq}: {kind}")]
pub struct ReplayError {
    pub seq: u64,
    pub kind: ReplayErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReplayErrorKind {
    #[error("{0}")]
    Chain(ChainError),
    #[error("{0}")]
    Decode(DecodeError),
    #[error("{0}")]
    Domain(DomainError),
    #[error("the log is empty: it holds no company")]
    Empty,
    #[error("the log does not start with the company's creation")]
    NoCompany,
}

impl Book {
    /// Verifies the chain of `records` (from the empty head), decodes and
    /// folds them into a new Book.
    pub fn replay(records: &[LogRecord]) -> Result<Book, ReplayError> {
        verify_chain(ChainHead::EMPTY, records).map_err(|e| ReplayError {
            seq: e.seq(),
            kind: ReplayErrorKind::Chain(e),
        })?;
        fold(records.iter().map(|r| (r.seq, r.body.as_str())))
    }

    /// Decodes and folds records whose chain is not checked here
    /// (`store::load` has verified it, or the session verifies it before
    /// writing anything: `Session::open_deferred`), dropping each body once
    /// folded so the records and the Book are not both held in full.
    pub fn fold_owned(records: Vec<LogRecord>) -> Result<Book, ReplayError> {
        fold(records.into_iter().map(|r| (r.seq, r.body)))
    }

    /// Time travel: the Book as it stood after the first `n` of
    /// `records` (whose chain was verified already, as `store::load`
    /// does), by the very fold [`Book::fold_records`] uses; `n` beyond the
    /// log is the whole log, `n == 0` is [`ReplayErrorKind::Empty`] (no
    /// Book exists before the company's creation). See
    /// [`crate::ledger::book::moment`] for the position of a date and time.
    pub fn fold_prefix(records: &[LogRecord], n: usize) -> Result<Book, ReplayError> {
        let prefix = records.get(..n).unwrap_or(records);
        fold(prefix.iter().map(|r| (r.seq, r.body.as_str())))
    }

    /// Decodes and folds records whose chain was verified already (a
    /// backup document verifies its log on parsing).
    pub fn fold_records(records: &[LogRecord]) -> Result<Book, ReplayError> {
        fold(records.iter().map(|r| (r.seq, r.body.as_str())))
    }

    /// Folds events already decoded (a generated book), the first of which
    /// must create the company; `seq` in an error is the event's index.
    pub fn from_events(events: &[Event]) -> Result<Book, ReplayError> {
        let Some((Event::CompanyCreated { settings }, rest)) = events.split_first() else {
            let kind = match events.is_empty() {
                true => ReplayErrorKind::Empty,
                false => ReplayErrorKind::NoCompany,
            };
            return Err(at(0, kind));
        };
        let mut book = Book::created(settings).map_err(|e| at(0, ReplayErrorKind::Domain(e)))?;
        for (i, event) in rest.iter().enumerate() {
            book.apply(event)
                .map_err(|e| at(i as u64 + 1, ReplayErrorKind::Domain(e)))?;
        }
        Ok(book)
    }

    /// Folds `tail` onto this Book (a snapshot's, `book::snapshot`): the
    /// records after its head, dropping each body once folded.
    pub fn fold_tail(mut self, tail: Vec<LogRecord>) -> Result<Book, ReplayError> {
        for record in tail {
            self.apply_record_owned(record.seq, &record.body)?;
        }
        Ok(self)
    }

    /// Decodes and applies one record (another tab's append).
    pub fn apply_record(&mut self, seq: u64, body: &str) -> Result<Event, ReplayError> {
        let event = decode_at(seq, body)?;
        self.apply(&event)
            .map_err(|e| at(seq, ReplayErrorKind::Domain(e)))?;
        Ok(event)
    }

    fn apply_record_owned(&mut self, seq: u64, body: &str) -> Result<(), ReplayError> {
        let event = decode_at(seq, body)?;
        self.apply_owned(event)
            .map_err(|e| at(seq, ReplayErrorKind::Domain(e)))
    }
}

fn at(seq: u64, kind: ReplayErrorKind) -> ReplayError {
    ReplayError { seq, kind }
}

fn decode_at(seq: u64, body: &str) -> Result<Event, ReplayError> {
    decode(body).map_err(|e| at(seq, ReplayErrorKind::Decode(e)))
}

/// The Book of the first record, which must create the company.
fn first_book(seq: u64, body: &str) -> Result<Book, ReplayError> {
    match decode_at(seq, body)? {
        Event::CompanyCreated { settings } => {
            Book::created(&settings).map_err(|e| at(seq, ReplayErrorKind::Domain(e)))
        }
        _ => Err(at(seq, ReplayErrorKind::NoCompany)),
    }
}

/// Folds `(seq, body)` pairs, the first creating the company.
fn fold<B: AsRef<str>>(mut records: impl Iterator<Item = (u64, B)>) -> Result<Book, ReplayError> {
    let Some((seq, body)) = records.next() else {
        return Err(at(0, ReplayErrorKind::Empty));
    };
    let mut book = first_book(seq, body.as_ref())?;
    for (seq, body) in records {
        book.apply_record_owned(seq, body.as_ref())?;
    }
    Ok(book)
}
