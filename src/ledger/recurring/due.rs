//! What is due: every occurrence of an active standing posting or loan up
//! to a date that is neither posted nor skipped, with the draft it would
//! post. At most `MAX_DUE_PER_SOURCE` occurrences per standing posting
//! (the oldest; a daily posting left alone for years shows a year at a
//! time).

use crate::ledger::posting::{Context, EntryDraft};
use crate::ledger::recurring::{Recurring, loan};
use chrono::NaiveDate;

/// At most this many due occurrences of one standing posting are listed.
pub const MAX_DUE_PER_SOURCE: usize = 366;

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
    let mut due: Vec<Due> = Vec::new();
    for s in recurring.standing().iter().filter(|s| s.active) {
        due.extend(
            s.schedule
                .dates_until(as_of)
                .filter(|d| !s.done.contains_key(d))
                .take(MAX_DUE_PER_SOURCE)
                .map(|date| Due {
                    source: Source::Standing(s.number),
                    date,
                    draft: s.occurrence_draft(date),
                }),
        );
    }
    for l in recurring.loans().iter().filter(|l| l.active) {
        due.extend(loan::due_instalments(l, cx, as_of));
    }
    due.sort_by_key(|d| (d.date, d.source));
    due
}
