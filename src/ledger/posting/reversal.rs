//! Reversal (Storno): the mirror image of a posted entry, as a new entry.
//! Amounts are copied, not reconverted, so the pair nets to zero in LC,
//! SC and FC. Accounts may have been deactivated since: the reversal
//! still posts, because correcting a mistake must stay possible.

use crate::ledger::gl::GlError;
use crate::ledger::journal::JournalError;
use crate::ledger::posting::build::{Header, finish};
use crate::ledger::posting::{Context, Pending, Rights};
use crate::ledger::types::limits::MAX_TEXT_LEN;
use crate::ledger::types::{EntryId, Field, Line, PostedEntry, check_text};
use chrono::NaiveDate;

/// Checks a reversal of `entry` dated `date` (default: the original's
/// posting date) and returns the mirrored entry.
pub fn build_reversal(
    cx: Context<'_>,
    entry: EntryId,
    date: Option<NaiveDate>,
    user: &str,
    rights: Rights,
    pending: &Pending,
) -> Result<PostedEntry, JournalError> {
    check_text(user, Field::User, MAX_TEXT_LEN, true)?;
    let original = cx.journal.check_reversible(entry)?;
    let date = date.unwrap_or(original.posting_date);
    cx.gl
        .calendar()
        .index_of_date(date)
        .ok_or(GlError::NoPeriod { date })?;
    let lines: Vec<Line> = original
        .lines
        .iter()
        .map(|l| {
            let mut line = l.clone();
            line.side = l.side.opposite();
            line
        })
        .collect();
    let header = Header {
        posting_date: date,
        document_date: date,
        due_date: date,
        reference: original.reference.clone(),
        memo: original.memo.clone(),
        user: user.to_string(),
        reverses: Some(entry),
        key: None,
    };
    finish(cx, header, lines, rights, pending)
}
