//! The Book (Buch): one company's books in memory, the fold of its log.
//! It holds the sub-ledgers and only dispatches: `check` hands a command
//! to the sub-ledger it belongs to and returns the events it would append,
//! changing nothing; `apply` folds one event in, and a posted entry fans
//! out to every index that reads entries (GL balances and account lines,
//! the VAT index, the centre index, the partners' posting flags, the open
//! items, the journal). A reversal of an entry with partner lines also
//! clears the original's open items against the reversal's, in the same
//! append.
//!
//! A Book exists only for a company: `set_up` builds it from the setup
//! events, and `replay` from a log that starts with them, so no code path
//! asks "is there a company". `apply` re-checks what an event claims, so a
//! corrupt or reordered log is refused instead of folded: the pair of
//! "check when built, check when read back".

pub mod change_log;
pub mod moment;
mod query;
pub mod replay;
pub mod snapshot;
mod used;

pub use replay::{ReplayError, ReplayErrorKind};

use crate::ledger::bank::{Bank, BankCommand, BankError, BankEvent, LinePosting, PostedLine};
use crate::ledger::closing::{Closing, ClosingError, ClosingStep};
use crate::ledger::command::Command;
use crate::ledger::costing::Costing;
use crate::ledger::dunning::{Dunning, DunningStep};
use crate::ledger::error::DomainError;
use crate::ledger::event::Event;
use crate::ledger::gl::{Area, Gl, GlError, Level, Settings};
use crate::ledger::inbox::{Inbox, InboxStep};
use crate::ledger::items::{Items, Refs};
use crate::ledger::journal::Journal;
use crate::ledger::open_items::{OpenItems, OpenItemsEvent};
use crate::ledger::partners::Partners;
use crate::ledger::payment_runs::{
    PaymentRuns, PaymentRunsCommand, PaymentRunsError, PaymentRunsEvent,
};
use crate::ledger::payments::{PaymentDraft, Payments, PaymentsCommand, PaymentsError, Step};
use crate::ledger::posting::{
    Context, Pending, PostingCommand, Rights, build_numbered, build_reversal, check_voucher,
};
use crate::ledger::recurring::{Recurring, RecurringStep};
use crate::ledger::setup::{self, Setup};
use crate::ledger::statements::{self as statements, Statements};
use crate::ledger::tax::Tax;
use crate::ledger::types::{PostedEntry, Timestamp};

impl From<DunningStep> for Event {
    fn from(step: DunningStep) -> Event {
        match step {
            DunningStep::Entry(entry) => Event::EntryPosted { entry: *entry },
            DunningStep::Dunning(e) => Event::Dunning(e),
        }
    }
}

impl From<RecurringStep> for Event {
    fn from(step: RecurringStep) -> Event {
        match step {
            RecurringStep::Entry(entry) => Event::EntryPosted { entry: *entry },
            RecurringStep::Recurring(e) => Event::Recurring(e),
        }
    }
}

impl From<ClosingStep> for Event {
    fn from(step: ClosingStep) -> Event {
        match step {
            ClosingStep::Entry(entry) => Event::EntryPosted { entry: *entry },
            ClosingStep::OpenItems(e) => Event::OpenItems(e),
            ClosingStep::Closing(e) => Event::Closing(e),
        }
    }
}

impl From<InboxStep> for Event {
    fn from(step: InboxStep) -> Event {
        match step {
            InboxStep::Entry(entry) => Event::EntryPosted { entry: *entry },
            InboxStep::Inbox(e) => Event::Inbox(e),
        }
    }
}

impl From<Step> for Event {
    fn from(step: Step) -> Event {
        match step {
            Step::OpenItems(e) => Event::OpenItems(e),
            Step::Entry(entry) => Event::EntryPosted { entry: *entry },
            Step::Payments(e) => Event::Payments(e),
        }
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Book {
    gl: Gl,
    tax: Tax,
    costing: Costing,
    partners: Partners,
    open_items: OpenItems,
    journal: Journal,
    payments: Payments,
    bank: Bank,
    dunning: Dunning,
    items: Items,
    runs: PaymentRuns,
    recurring: Recurring,
    closing: Closing,
    statements: Statements,
    inbox: Inbox,
}

impl Book {
    /// The events that set up a company, and the Book they build. A bad
    /// setting or template is refused here, before anything is stored.
    pub fn set_up(setup: &Setup) -> Result<(Book, Vec<Event>), DomainError> {
        let events = setup::events(setup)?;
        let Some((Event::CompanyCreated { settings }, rest)) = events.split_first() else {
            unreachable!("setup::events starts with the company's creation");
        };
        let mut book = Book::created(settings)?;
        for event in rest {
            book.apply(event)?;
        }
        Ok((book, events))
    }

    /// The Book of a company created with `settings`, before any other event.
    pub fn created(settings: &Settings) -> Result<Book, DomainError> {
        Ok(Book {
            gl: Gl::new(settings.clone())?,
            tax: Tax::default(),
            costing: Costing::default(),
            partners: Partners::default(),
            open_items: OpenItems::default(),
            journal: Journal::default(),
            payments: Payments::default(),
            bank: Bank::default(),
            dunning: Dunning::default(),
            items: Items::default(),
            runs: PaymentRuns::default(),
            recurring: Recurring::default(),
            closing: Closing::default(),
            statements: Statements::default(),
            inbox: Inbox::default(),
        })
    }

    /// The events `cmd` would append, or why it is refused. Pure. The one
    /// user of a company without users holds every right.
    pub fn check(&self, cmd: &Command) -> Result<Vec<Event>, DomainError> {
        self.check_with(Rights::ALL, cmd)
    }

    /// `check` for the user `login`: the one place rights are checked
    /// (issue 18). The command's area needs the full right; posting into a
    /// closing period needs that right as well as `rights` allowing it.
    /// In a company without users every login holds every right.
    pub fn check_as(
        &self,
        login: &str,
        rights: Rights,
        cmd: &Command,
    ) -> Result<Vec<Event>, DomainError> {
        let access = self.gl.access();
        access.allow(login, cmd.area()).map_err(GlError::from)?;
        let closing = access.level(login, Area::ClosingPeriod) == Level::Full;
        let rights = Rights {
            post_into_closing: rights.post_into_closing && closing,
            ..rights
        };
        self.check_with(rights, cmd)
    }

    /// `check` for an actor with `rights`, whoever they are.
    pub fn check_with(&self, rights: Rights, cmd: &Command) -> Result<Vec<Event>, DomainError> {
        Ok(match cmd {
            Command::Gl(c) => vec![Event::Gl(self.gl.check(c)?)],
            Command::Tax(c) => vec![Event::Tax(self.tax.check(&self.gl, c)?)],
            Command::Costing(c) => vec![Event::Costing(self.costing.check(&self.gl, c)?)],
            Command::Partners(c) => self
                .partners
                .check(&self.gl, c)?
                .into_iter()
                .map(Event::Partners)
                .collect(),
            Command::OpenItems(c) => {
                vec![Event::OpenItems(
                    self.open_items.check(self.gl.settings(), c)?,
                )]
            }
            Command::Posting(c) => self.check_posting(rights, c)?,
            Command::Payments(c) => self.check_payments(rights, c)?,
            Command::Bank(c) => self.check_bank(rights, c)?,
            Command::PaymentRuns(c) => self.check_runs(rights, c)?,
            Command::Dunning(c) => self
                .dunning
                .check(self.context(), rights, c)?
                .into_iter()
                .map(Event::from)
                .collect(),
            Command::Items(c) => self
                .items
                .check(self.item_refs(), c)?
                .into_iter()
                .map(Event::Items)
                .collect(),
            Command::Recurring(c) => self
                .recurring
                .check(self.context(), rights, c)?
                .into_iter()
                .map(Event::from)
                .collect(),
            Command::Closing(c) => self
                .closing
                .check(self.context(), rights, c)?
                .into_iter()
                .map(Event::from)
                .collect(),
            Command::Inbox(c) => self
                .inbox
                .check(self.context(), rights, c)?
                .into_iter()
                .map(Event::from)
                .collect(),
            Command::Statements(c) => {
                vec![Event::Statements(
                    self.statements.check(self.statement_refs(), c)?,
                )]
            }
        })
    }

    /// A payments command's steps as events, in the order it gave them.
    fn check_payments(
        &self,
        rights: Rights,
        cmd: &PaymentsCommand,
    ) -> Result<Vec<Event>, DomainError> {
        if let PaymentsCommand::Post { draft, .. } = cmd
            && let Some((item, run)) = draft
                .items
                .iter()
                .find_map(|i| self.runs.reserved_by(i.item).map(|run| (i.item, run)))
        {
            return Err(PaymentRunsError::ItemReserved { item, run }.into());
        }
        let steps = self.payments.check(self.context(), rights, cmd)?;
        Ok(steps.into_iter().map(Event::from).collect())
    }

    /// A payment-run command's events. Executing posts the run's payments
    /// one after another on a scratch copy of the Book (as statement lines
    /// are posted), then appends `RunExecuted` naming them; a refused
    /// payment names its partner and nothing is appended.
    fn check_runs(
        &self,
        rights: Rights,
        cmd: &PaymentRunsCommand,
    ) -> Result<Vec<Event>, DomainError> {
        let closing = self.runs.check(self.context(), &self.bank, cmd)?;
        let PaymentRunsCommand::Execute {
            number,
            order_only,
            key,
            by,
            at,
            ..
        } = cmd
        else {
            return Ok(closing.into_iter().map(Event::PaymentRuns).collect());
        };
        let drafts =
            self.runs
                .execution(self.context(), &self.bank, *number, *order_only, *key, by)?;
        let (mut events, payments) = self.post_on_scratch(
            rights,
            drafts.into_iter().map(|(p, d)| (p, Box::new(d))),
            *at,
            |partner, error| PaymentRunsError::Payment {
                partner,
                error: Box::new(error),
            },
        )?;
        for event in closing {
            events.push(Event::PaymentRuns(match event {
                PaymentRunsEvent::RunExecuted {
                    number,
                    order_only,
                    files,
                    key,
                    by,
                    at,
                    ..
                } => PaymentRunsEvent::RunExecuted {
                    number,
                    payments: payments.clone(),
                    order_only,
                    files,
                    key,
                    by,
                    at,
                },
                other => other,
            }));
        }
        Ok(events)
    }

    /// Posts `drafts` one after another on a scratch copy of the Book, each
    /// payment seeing the entries and clearings of the ones before it: the
    /// events in order and the payment numbers, or the first refusal,
    /// named by its tag through `refused`.
    fn post_on_scratch<T, E: Into<DomainError>>(
        &self,
        rights: Rights,
        drafts: impl Iterator<Item = (T, Box<PaymentDraft>)>,
        at: Timestamp,
        refused: impl Fn(T, PaymentsError) -> E,
    ) -> Result<(Vec<Event>, Vec<u32>), DomainError> {
        let mut scratch = self.clone();
        let mut events = Vec::new();
        let mut posted = Vec::new();
        for (tag, draft) in drafts {
            let cmd = PaymentsCommand::Post { draft, at };
            let steps = match scratch.payments.check(scratch.context(), rights, &cmd) {
                Ok(steps) => steps,
                Err(error) => return Err(refused(tag, error).into()),
            };
            let before = events.len();
            events.extend(steps.into_iter().map(Event::from));
            for event in &events[before..] {
                scratch.apply(event)?;
            }
            let payment = scratch.payments.payments().len();
            posted.push(u32::try_from(payment).map_err(|_| BankError::Mismatch)?);
        }
        Ok((events, posted))
    }

    /// A bank command's events. Posting lines builds their payments one
    /// after another on a scratch copy of the Book (each payment sees the
    /// entries and clearings of the ones before it), then appends them all
    /// with the bank's `LinesPosted`.
    fn check_bank(&self, rights: Rights, cmd: &BankCommand) -> Result<Vec<Event>, DomainError> {
        if let BankCommand::PostLines {
            statement,
            lines,
            by,
            at,
        } = cmd
        {
            return self.check_post_lines(rights, *statement, lines, by, *at);
        }
        Ok(self
            .bank
            .check(self.context(), &self.payments, cmd)?
            .into_iter()
            .map(Event::Bank)
            .collect())
    }

    /// `PostLines`: the bank's checks, then each line's payment built and
    /// applied on a scratch copy in order (a refused one names its line),
    /// then `LinesPosted` naming the payments.
    fn check_post_lines(
        &self,
        rights: Rights,
        statement: u32,
        lines: &[LinePosting],
        by: &str,
        at: Timestamp,
    ) -> Result<Vec<Event>, DomainError> {
        self.bank
            .check_post_lines(self.context(), &self.payments, statement, lines, by)?;
        let drafts = lines.iter().map(|p| (p.line, p.draft.clone()));
        let (mut events, payments) =
            self.post_on_scratch(rights, drafts, at, |line, error| BankError::Line {
                line,
                error: Box::new(error),
            })?;
        let posted = lines
            .iter()
            .zip(payments)
            .map(|(p, payment)| PostedLine {
                line: p.line,
                payment,
            })
            .collect();
        events.push(Event::Bank(BankEvent::LinesPosted {
            statement,
            lines: posted,
            by: by.to_string(),
            at,
        }));
        Ok(events)
    }

    fn check_posting(
        &self,
        rights: Rights,
        cmd: &PostingCommand,
    ) -> Result<Vec<Event>, DomainError> {
        let cx = self.context();
        let none = Pending::default();
        let posted = |entry| Event::EntryPosted { entry };
        Ok(match cmd {
            PostingCommand::PostEntry { draft } => {
                let (entry, drawn) = build_numbered(cx, draft, rights, &none)?;
                let drawn = drawn.map(Event::Gl);
                std::iter::once(posted(entry)).chain(drawn).collect()
            }
            PostingCommand::ReverseEntry { entry, date, user } => {
                if let Some(year) = self.closing.year_of_entry(*entry) {
                    return Err(ClosingError::ClosingEntry {
                        entry: entry.0,
                        year,
                    }
                    .into());
                }
                if let Some(record) = self.payments.by_entry(*entry) {
                    return Err(PaymentsError::EntryOfPayment {
                        entry: *entry,
                        number: record.payment.number,
                    }
                    .into());
                }
                let reversal = build_reversal(cx, *entry, *date, user, rights, &none)?;
                let clearings = match self.journal.entry(*entry) {
                    Some(original) => self.open_items.reversal_clearings(
                        original,
                        reversal.id,
                        reversal.posting_date,
                        user,
                    ),
                    None => Vec::new(),
                };
                std::iter::once(posted(reversal))
                    .chain(clearings.into_iter().map(|clearing| {
                        Event::OpenItems(OpenItemsEvent::ItemsCleared { clearing })
                    }))
                    .collect()
            }
            PostingCommand::PostVoucher { voucher } => check_voucher(cx, voucher, rights)?
                .into_iter()
                .flat_map(|(entry, drawn)| {
                    std::iter::once(posted(entry)).chain(drawn.map(Event::Gl))
                })
                .collect(),
        })
    }

    /// Folds one event in. Errors only for an event that does not fit the
    /// Book (a corrupt or reordered log); the Book is then unchanged.
    pub fn apply(&mut self, event: &Event) -> Result<(), DomainError> {
        match event {
            Event::CompanyCreated { .. } => return Err(GlError::CompanyAlreadySetUp.into()),
            Event::Gl(e) => self.gl.apply(e)?,
            Event::Tax(e) => self.tax.apply(&self.gl, e)?,
            Event::Costing(e) => self.costing.apply(&self.gl, e)?,
            Event::Partners(e) => self.partners.apply(&self.gl, e)?,
            Event::OpenItems(e) => self.open_items.apply(self.gl.settings(), e)?,
            Event::Payments(e) => {
                // Payments read the other rooms while they change.
                let mut payments = std::mem::take(&mut self.payments);
                let applied = payments.apply(self.context(), e);
                self.payments = payments;
                applied?
            }
            Event::Bank(e) => {
                let mut bank = std::mem::take(&mut self.bank);
                let applied = bank.apply(self.context(), &self.payments, e);
                self.bank = bank;
                applied?
            }
            Event::PaymentRuns(e) => {
                let mut runs = std::mem::take(&mut self.runs);
                let applied = runs.apply(self.context(), e);
                self.runs = runs;
                applied?
            }
            Event::Dunning(e) => {
                let mut dunning = std::mem::take(&mut self.dunning);
                let applied = dunning.apply(self.context(), e);
                self.dunning = dunning;
                applied?
            }
            Event::Items(e) => {
                let refs = Refs {
                    gl: &self.gl,
                    tax: &self.tax,
                    partners: &self.partners,
                };
                self.items.apply(refs, e)?
            }
            Event::Recurring(e) => {
                let mut recurring = std::mem::take(&mut self.recurring);
                let applied = recurring.apply(self.context(), e);
                self.recurring = recurring;
                applied?
            }
            Event::Closing(e) => {
                let mut closing = std::mem::take(&mut self.closing);
                let applied = closing.apply(self.context(), e);
                self.closing = closing;
                applied?
            }
            Event::Statements(e) => {
                let refs = statements::Refs {
                    gl: &self.gl,
                    costing: &self.costing,
                };
                self.statements.apply(refs, e)?
            }
            Event::Inbox(e) => {
                let mut inbox = std::mem::take(&mut self.inbox);
                let applied = inbox.apply(self.context(), e);
                self.inbox = inbox;
                applied?
            }
            Event::EntryPosted { entry } => self.post(entry.clone())?,
        }
        Ok(())
    }

    /// `apply` that takes the event by value: a posted entry (nearly every
    /// event of a large log) moves into the Book instead of being cloned.
    pub fn apply_owned(&mut self, event: Event) -> Result<(), DomainError> {
        match event {
            Event::EntryPosted { entry } => self.post(entry),
            other => self.apply(&other),
        }
    }

    /// Re-checks a posted entry, then lets every index fold it.
    fn post(&mut self, entry: PostedEntry) -> Result<(), DomainError> {
        let checked = self
            .journal
            .check_posted(&self.gl, &self.partners, &entry)?;
        let index = u32::try_from(self.journal.entries().len())
            .unwrap_or_else(|_| unreachable!("check_posted bounds the journal"));
        self.gl
            .on_entry_posted(index, &entry, checked.period, &checked.accounts);
        self.tax.on_entry_posted(index, &entry, checked.period);
        self.costing
            .on_entry_posted(&self.gl, &entry, checked.period);
        self.partners.on_entry_posted(&entry);
        self.open_items
            .on_entry_posted(&self.partners, self.gl.settings(), index, &entry);
        let pushed = self.journal.push(entry);
        assert_eq!(pushed, index, "the journal keeps entries in id order");
        Ok(())
    }

    /// `check` then `apply` of every event; returns the events.
    pub fn execute(&mut self, cmd: &Command) -> Result<Vec<Event>, DomainError> {
        self.execute_with(Rights::ALL, cmd)
    }

    /// `execute` for an actor with `rights`.
    pub fn execute_with(
        &mut self,
        rights: Rights,
        cmd: &Command,
    ) -> Result<Vec<Event>, DomainError> {
        let events = self.check_with(rights, cmd)?;
        for event in &events {
            // `check` produced these against this very Book, so they fit;
            // an error here is an engine bug and is passed on, not hidden.
            self.apply(event)?;
        }
        Ok(events)
    }

    /// What the statements sub-ledger reads.
    pub fn statement_refs(&self) -> statements::Refs<'_> {
        statements::Refs {
            gl: &self.gl,
            costing: &self.costing,
        }
    }

    /// What the item sub-ledger reads.
    pub fn item_refs(&self) -> Refs<'_> {
        Refs {
            gl: &self.gl,
            tax: &self.tax,
            partners: &self.partners,
        }
    }

    /// What posting reads.
    pub fn context(&self) -> Context<'_> {
        Context {
            gl: &self.gl,
            tax: &self.tax,
            costing: &self.costing,
            partners: &self.partners,
            open_items: &self.open_items,
            journal: &self.journal,
        }
    }
}
