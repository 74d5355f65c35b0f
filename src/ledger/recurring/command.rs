//! Commands and events of the recurring sub-ledger.

use crate::ledger::posting::EntryDraft;
use crate::ledger::recurring::due::Source;
use crate::ledger::recurring::loan::Loan;
use crate::ledger::recurring::standing::StandingPosting;
use crate::ledger::recurring::template::PostingTemplate;
use crate::ledger::types::{EntryId, PostedEntry, PostingKey, Timestamp};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One confirmed occurrence: its source and date, and the draft to post
/// (as due, or as the user edited it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuePosting {
    pub source: Source,
    pub date: NaiveDate,
    pub draft: EntryDraft,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecurringCommand {
    SaveTemplate {
        template: PostingTemplate,
        by: String,
        at: Timestamp,
    },
    DeleteTemplate {
        code: String,
        by: String,
        at: Timestamp,
    },
    SaveStanding {
        posting: Box<StandingPosting>,
        by: String,
        at: Timestamp,
    },
    /// Posts the confirmed occurrences, all or nothing; the first entry
    /// carries `key`, so a retry posts once.
    PostDue {
        postings: Vec<DuePosting>,
        key: PostingKey,
        by: String,
        at: Timestamp,
    },
    /// Skips one occurrence (it is no longer due).
    Skip {
        source: Source,
        date: NaiveDate,
        by: String,
        at: Timestamp,
    },
    SaveLoan {
        loan: Box<Loan>,
        by: String,
        at: Timestamp,
    },
    /// A new interest rate from `from` on: the rest of the schedule is
    /// recomputed.
    ChangeLoanRate {
        loan: u32,
        from: NaiveDate,
        rate: Decimal,
        by: String,
        at: Timestamp,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecurringEvent {
    TemplateSaved {
        template: PostingTemplate,
        by: String,
        at: Timestamp,
    },
    TemplateDeleted {
        code: String,
        by: String,
        at: Timestamp,
    },
    StandingSaved {
        posting: Box<StandingPosting>,
        by: String,
        at: Timestamp,
    },
    /// The occurrences `PostDue` posted, each with its entry (the entries
    /// are appended before this event).
    OccurrencesPosted {
        posted: Vec<(Source, NaiveDate, EntryId)>,
        by: String,
        at: Timestamp,
    },
    OccurrenceSkipped {
        source: Source,
        date: NaiveDate,
        by: String,
        at: Timestamp,
    },
    LoanSaved {
        loan: Box<Loan>,
        by: String,
        at: Timestamp,
    },
    LoanRateChanged {
        loan: u32,
        from: NaiveDate,
        rate: Decimal,
        by: String,
        at: Timestamp,
    },
}

/// What a recurring command appends, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum RecurringStep {
    Entry(Box<PostedEntry>),
    Recurring(RecurringEvent),
}
