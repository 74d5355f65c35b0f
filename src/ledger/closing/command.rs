//! Commands and events of year-end closing and opening balances.

use crate::ledger::open_items::OpenItemsEvent;
use crate::ledger::types::{AccountNo, EntryId, PartnerCode, PostedEntry, PostingKey, Timestamp};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A closed fiscal year: its closing entries and, once reverted, the
/// reversals.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct YearClosing {
    pub year: i32,
    pub entries: Vec<EntryId>,
    pub reverted: Option<Vec<EntryId>>,
    pub by: String,
    pub at: Timestamp,
}

/// One opening balance: a G/L account or a partner (then an open item
/// of the partner, with its reference and due date), debit or credit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpeningLine {
    pub account: Option<AccountNo>,
    pub partner: Option<PartnerCode>,
    pub debit: Decimal,
    pub credit: Decimal,
    pub reference: String,
    pub due_date: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClosingCommand {
    /// Closes fiscal year `year` (the next one must be open).
    CloseYear {
        year: i32,
        key: PostingKey,
        by: String,
        at: Timestamp,
    },
    /// Reverses the closing of `year` while its periods are not locked.
    RevertClosing {
        year: i32,
        by: String,
        at: Timestamp,
    },
    /// Opening balances of a company that starts mid-life, on `date`,
    /// against the opening-balance account; must balance.
    PostOpeningBalances {
        date: NaiveDate,
        lines: Vec<OpeningLine>,
        key: PostingKey,
        by: String,
        at: Timestamp,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClosingEvent {
    YearClosed {
        year: i32,
        entries: Vec<EntryId>,
        by: String,
        at: Timestamp,
    },
    ClosingReverted {
        year: i32,
        reversals: Vec<EntryId>,
        by: String,
        at: Timestamp,
    },
    OpeningBalancesPosted {
        entry: EntryId,
        by: String,
        at: Timestamp,
    },
}

/// What a closing command appends, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum ClosingStep {
    Entry(Box<PostedEntry>),
    OpenItems(OpenItemsEvent),
    Closing(ClosingEvent),
}
