//! What is due: every occurrence of an active standing posting or loan up
//! to a date that is neither posted nor skipped, with the draft it would
//! post.

use crate::ledger::posting::{Context, EntryDraft};
use crate::ledger::recurring::Recurring;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    Standing(u32),
    Loan(u32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub source: Source,
    pub date: NaiveDate,
    pub draft: EntryDraft,
}

pub(super) fn due(recurring: &Recurring, cx: Context<'_>, as_of: NaiveDate) -> Vec<Due> {
    let _ = (recurring, cx, as_of);
    Vec::new()
}
