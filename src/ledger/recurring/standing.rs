//! Standing postings (Dauerbuchungen): an entry draft (lines with fixed
//! amounts, accounts or partners, tax codes, centres) and its schedule.
//! The draft's posting date is ignored: each occurrence posts on its date,
//! with the standing posting's name as reference when the draft has none.
//! A save checks the draft as the entry would post on the first date, so
//! its refusal names the line as the entry grid's does.

use crate::ledger::posting::{Context, EntryDraft, Pending, Rights, build_entry};
use crate::ledger::recurring::error::RecurringError;
use crate::ledger::recurring::schedule::Schedule;
use crate::ledger::recurring::template::check_name;
use crate::ledger::types::EntryId;
use crate::ledger::types::limits::MAX_TEXT_LEN;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What became of one due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Occurrence {
    Posted(EntryId),
    Skipped,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

impl StandingPosting {
    /// The draft of the occurrence on `date`: posted on that date (document
    /// and due date with it), the name as reference when there is none.
    pub fn occurrence_draft(&self, date: NaiveDate) -> EntryDraft {
        occurrence_draft(&self.draft, &self.name, date)
    }

    /// The first scheduled date on or after `from` neither posted nor
    /// skipped.
    pub fn next_due(&self, from: NaiveDate) -> Option<NaiveDate> {
        self.schedule
            .dates()
            .skip_while(|d| *d < from)
            .find(|d| !self.done.contains_key(d))
    }
}

/// `draft` dated `date`, with `name` as reference when it has none; no key.
pub fn occurrence_draft(draft: &EntryDraft, name: &str, date: NaiveDate) -> EntryDraft {
    let reference = if draft.reference.trim().is_empty() {
        name.chars().take(MAX_TEXT_LEN).collect()
    } else {
        draft.reference.clone()
    };
    EntryDraft {
        posting_date: date,
        document_date: None,
        due_date: None,
        reference,
        key: None,
        entered_on: None,
        series: None,
        ..draft.clone()
    }
}

/// A standing posting's rules: a name, a valid schedule, and a draft that
/// would post on the first date.
pub(super) fn check_standing(
    cx: Context<'_>,
    rights: Rights,
    posting: &StandingPosting,
) -> Result<(), RecurringError> {
    check_name(&posting.name)?;
    posting.schedule.check()?;
    let draft = posting.occurrence_draft(posting.schedule.first);
    build_entry(cx, &draft, rights, &Pending::default())?;
    Ok(())
}
