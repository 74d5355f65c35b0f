//! Standing postings (Dauerbuchungen): an entry draft (lines with fixed
//! amounts, accounts or partners, tax codes, centres) and its schedule.
//! The draft's posting date is ignored: each occurrence posts on its date.

use crate::ledger::posting::EntryDraft;
use crate::ledger::recurring::schedule::Schedule;
use crate::ledger::types::EntryId;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What became of one due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occurrence {
    Posted(EntryId),
    Skipped,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StandingPosting {
    /// 1, 2, 3 … in the order created; 0 in a save command creates one.
    pub number: u32,
    pub name: String,
    pub draft: EntryDraft,
    pub schedule: Schedule,
    pub active: bool,
    /// Dates already posted or skipped (folded from events, never saved).
    pub done: BTreeMap<NaiveDate, Occurrence>,
}
