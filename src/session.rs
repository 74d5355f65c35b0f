//! The write path (Buchungsweg): one open company is its [`Book`] plus its
//! stored log. A command is checked against the Book, sealed onto the
//! verified head, appended to the store in one transaction, and only then
//! applied to the Book. If the append fails, the Book is exactly as before.
//!
//! `Session` takes `&self` everywhere so the UI can share it: the Book sits
//! in a `RefCell` that is never borrowed across an `.await`. Two commands
//! racing each other cannot fork the log: the second append finds the head
//! moved and fails with a conflict, leaving its Book untouched.

use std::cell::{Ref, RefCell};

use crate::ledger::book::snapshot;
use crate::ledger::chain::{ChainHead, LogRecord};
use crate::ledger::posting::Rights;
use crate::ledger::setup::Setup;
use crate::ledger::types::Stamp;
use crate::ledger::{Book, Command, DomainError, Event, ReplayError, event};
use crate::store::{CompanyLog, CompanyMeta, Store, StoreError, log::seal_all};

/// Why a session could not open or a command did not take effect.
#[derive(Clone, Debug, thiserror::Error)]
pub enum SessionError {
    /// The engine refused the command; nothing was written.
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// Storage failed; nothing was written and the Book is unchanged.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The stored log does not fold into a Book (damaged or foreign data).
    #[error(transparent)]
    Replay(#[from] ReplayError),
    /// No company is open (the screen was left while a command ran).
    #[error("no company is open")]
    NotOpen,
    /// Another tab runs a newer version of Kontor; this tab's older code
    /// writes nothing until it is reloaded.
    #[error("this tab runs an older version than another tab")]
    OutdatedCode,
}

struct State {
    book: Book,
    head: ChainHead,
    chain: Chain,
    /// The head of the stored snapshot this Book was resumed from, or
    /// `None` when it was folded from the whole log.
    snapshot_at: Option<ChainHead>,
}

/// A log shorter than this folds in well under a tenth of a second (the
/// 180,000 records of 100,000 entries take about one in Chromium); no
/// snapshot is kept for it.
pub const SNAPSHOT_MIN_RECORDS: u64 = 5_000;
/// The snapshot is rebuilt once the log has grown this far past it.
pub const SNAPSHOT_EVERY: u64 = 5_000;

/// Whether the stored chain under the Book has been verified.
#[derive(Clone, Debug)]
enum Chain {
    Verified,
    /// Opened by [`Session::open_deferred`]: verified up to this head not
    /// yet; nothing is written until it is.
    Unverified(ChainHead),
    /// The verification failed: nothing is ever written.
    Broken(StoreError),
}

pub struct Session<C: CompanyLog> {
    log: C,
    state: RefCell<State>,
}

impl<C: CompanyLog> Session<C> {
    /// Loads the verified log and folds it into a Book.
    pub async fn open(log: C) -> Result<Session<C>, SessionError> {
        // `load` has verified the chain up to the stored head, so the fold
        // does not hash every body a second time (about a third of the open
        // time of a 100k-entry company in the browser).
        let records = log.load().await?;
        Session::fold(log, records, |_| Chain::Verified)
    }

    /// [`Session::open`] that shows the books before the log's hash chain
    /// is verified: from the stored snapshot and the records after it when
    /// there is a usable one, or else by folding the log read framed
    /// ([`CompanyLog::load_framed`]). Call [`Session::verify`] right
    /// after; every command waits for it, and a chain that fails refuses
    /// every command.
    pub async fn open_deferred(log: C) -> Result<Session<C>, SessionError> {
        if let Some((book, head, at)) = resume(&log).await {
            let mut session = Session::with(log, book, head, Chain::Unverified(head));
            session.state.get_mut().snapshot_at = Some(at);
            return Ok(session);
        }
        let records = log.load_framed().await?;
        Session::fold(log, records, Chain::Unverified)
    }

    fn fold(
        log: C,
        records: Vec<LogRecord>,
        chain: impl FnOnce(ChainHead) -> Chain,
    ) -> Result<Session<C>, SessionError> {
        let head = records
            .last()
            .map(ChainHead::after)
            .unwrap_or(ChainHead::EMPTY);
        let book = Book::fold_owned(records)?;
        Ok(Session::with(log, book, head, chain(head)))
    }

    fn with(log: C, book: Book, head: ChainHead, chain: Chain) -> Session<C> {
        Session {
            log,
            state: RefCell::new(State {
                book,
                head,
                chain,
                snapshot_at: None,
            }),
        }
    }

    /// Verifies the stored chain under the Book, once: `Ok` when it holds
    /// (or was verified on opening); when the stored data is damaged, why,
    /// now and on every later call. A storage failure (the tab let go of
    /// the database, no answer) is returned and the check runs again next
    /// time. Two callers at once both verify; both reach the same verdict.
    pub async fn verify(&self) -> Result<(), SessionError> {
        let chain = self.state.borrow().chain.clone();
        let head = match chain {
            Chain::Verified => return Ok(()),
            Chain::Broken(e) => return Err(e.into()),
            Chain::Unverified(head) => head,
        };
        let verdict = self.log.verify_to(head).await;
        let mut state = self.state.borrow_mut();
        match &verdict {
            Ok(()) => state.chain = Chain::Verified,
            Err(e) if e.is_damage() => state.chain = Chain::Broken(e.clone()),
            Err(_) => {}
        }
        Ok(verdict?)
    }

    /// Stores a snapshot of the Book when the log is large and the stored
    /// one missing or [`SNAPSHOT_EVERY`] records behind, once the chain is
    /// verified (a snapshot of an unverified log would carry its damage).
    /// Returns whether it wrote one. Encoding blocks this thread (about
    /// 0.3 s natively for 100,000 entries), so the UI calls it after the
    /// open, not on the way to a command.
    pub async fn keep_snapshot(&self) -> Result<bool, SessionError> {
        let (head, behind, verified) = {
            let state = self.state.borrow();
            let behind = match state.snapshot_at {
                Some(at) => state.head.seq.saturating_sub(at.seq),
                None => state.head.seq,
            };
            (state.head, behind, matches!(state.chain, Chain::Verified))
        };
        if !verified || head.seq < SNAPSHOT_MIN_RECORDS || behind < SNAPSHOT_EVERY {
            return Ok(false);
        }
        let (bytes, at) = {
            let state = self.state.borrow();
            (snapshot::encode(&state.book, state.head), state.head)
        };
        // Our own encoding failed: nothing is stored and the next open
        // folds the log, as without a snapshot.
        let Ok(bytes) = bytes else {
            return Ok(false);
        };
        if !self.log.put_snapshot(&bytes).await? {
            return Ok(false);
        }
        self.state.borrow_mut().snapshot_at = Some(at);
        Ok(true)
    }

    /// The head of the stored snapshot the Book was resumed from or last
    /// kept as, if any.
    pub fn snapshot_at(&self) -> Option<ChainHead> {
        self.state.borrow().snapshot_at
    }

    pub fn log(&self) -> &C {
        &self.log
    }

    /// The Book as of the last applied event. Do not hold across `.await`.
    pub fn book(&self) -> Ref<'_, Book> {
        Ref::map(self.state.borrow(), |s| &s.book)
    }

    pub fn head(&self) -> ChainHead {
        self.state.borrow().head
    }

    /// Checks, stores and applies `cmd`; returns its events.
    pub async fn execute(&self, cmd: &Command) -> Result<Vec<Event>, SessionError> {
        self.execute_with(Rights::ALL, cmd).await
    }

    /// `execute` for an actor with `rights`.
    pub async fn execute_with(
        &self,
        rights: Rights,
        cmd: &Command,
    ) -> Result<Vec<Event>, SessionError> {
        self.execute_as(rights, None, cmd).await
    }

    /// `execute_with` by the stamp's user, whose rights the Book checks
    /// (`Book::check_as`; without a stamp, nobody's); the records of master
    /// data that carry no author of their own stamped with who gave the
    /// command and when (`event::encode_stamped`).
    pub async fn execute_as(
        &self,
        rights: Rights,
        stamp: Option<&Stamp>,
        cmd: &Command,
    ) -> Result<Vec<Event>, SessionError> {
        self.verify().await?;
        let (events, records) = {
            let state = self.state.borrow();
            // No stamp, no user: in a company with users that is nobody.
            let login = stamp.map_or("", |s| s.by.as_str());
            let events = state.book.check_as(login, rights, cmd)?;
            let bodies = events.iter().map(|e| event::encode_stamped(e, stamp));
            let records = seal_all(state.head, bodies);
            (events, records)
        };
        self.log.append(&records).await?;
        let mut state = self.state.borrow_mut();
        // `check` produced these events against this very Book, so an error
        // here is an engine bug: it is reported, not hidden, and the stored
        // log stays the truth (reopening the company replays it).
        for (event, record) in events.iter().zip(&records) {
            state.book.apply(event).map_err(|e| ReplayError {
                seq: record.seq,
                kind: crate::ledger::ReplayErrorKind::Domain(e),
            })?;
            state.head = ChainHead::after(record);
        }
        Ok(events)
    }

    /// Applies what another tab appended since our head; returns how many
    /// records were new.
    pub async fn catch_up(&self) -> Result<usize, SessionError> {
        let head = self.head();
        let records = self.log.read_since(head).await?;
        self.apply_records(&records)?;
        Ok(records.len())
    }

    fn apply_records(&self, records: &[LogRecord]) -> Result<(), SessionError> {
        let mut state = self.state.borrow_mut();
        for record in records {
            state.book.apply_record(record.seq, &record.body)?;
            state.head = ChainHead::after(record);
        }
        Ok(())
    }
}

/// Sets up a new company, all or nothing: `setup` (the wizard's) is
/// turned into the first events and folded before anything is written, so
/// a refusal leaves no trace; then the whole log is stored and
/// the company listed in one step ([`Store::create_company_with_log`]), so
/// a storage failure leaves none either. The set-up's master data is
/// stamped with `stamp` (who set the company up, and when).
pub async fn create_company<S: Store>(
    store: &S,
    name: &str,
    setup: &Setup,
    stamp: Option<&Stamp>,
) -> Result<CompanyMeta, SessionError> {
    let (_, events) = Book::set_up(setup)?;
    let records = seal_all(
        ChainHead::EMPTY,
        events.iter().map(|e| event::encode_stamped(e, stamp)),
    );
    Ok(store
        .create_company_with_log(name, &records, |_, _| {})
        .await?)
}

/// Stores a company made of events built and checked elsewhere (the demo
/// company), listed only once complete; `progress(done, total)` counts
/// records. Unstamped: such events carry the stamps their builder gave.
pub async fn create_company_from_events<S: Store>(
    store: &S,
    name: &str,
    events: &[Event],
    progress: impl FnMut(usize, usize),
) -> Result<CompanyMeta, SessionError> {
    let records = seal_all(ChainHead::EMPTY, events.iter().map(event::encode));
    Ok(store
        .create_company_with_log(name, &records, progress)
        .await?)
}

/// The Book from the stored snapshot with the records after it folded on,
/// its head, and the snapshot's head; `None` when there is no snapshot or
/// it cannot be used (another build, unreadable, a head the log does not
/// continue, a tail that does not fold): the caller then folds the whole
/// log, which also names any damage of the log itself.
async fn resume<C: CompanyLog>(log: &C) -> Option<(Book, ChainHead, ChainHead)> {
    let bytes = log.get_snapshot().await.ok()??;
    let (at, book) = snapshot::decode(&bytes).ok()?;
    drop(bytes);
    // Verified as the continuation of the snapshot's head, up to the
    // stored head: a snapshot of another log, or of records since
    // replaced, does not continue.
    let tail = log.read_since(at).await.ok()?;
    let head = tail.last().map(ChainHead::after).unwrap_or(at);
    let book = book.fold_tail(tail).ok()?;
    Some((book, head, at))
}
