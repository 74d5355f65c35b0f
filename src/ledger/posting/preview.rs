//! The entry grid's live view (Vorschau): what each typed line would
//! post, tax lines included, while the user types.

use crate::ledger::journal::JournalError;
use crate::ledger::posting::Context;
use crate::ledger::posting::draft::EntryDraft;
use crate::ledger::posting::line::{Conversion, build_typed_line};
use crate::ledger::types::Line;
use crate::ledger::types::limits::MAX_LINES;
use rust_decimal::Decimal;

/// One typed line as it would post: the net line and its generated tax
/// lines, or why it cannot post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinePreview {
    pub typed_line: usize,
    pub lines: Result<Vec<Line>, JournalError>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryPreview {
    pub lines: Vec<LinePreview>,
    /// Debit minus credit (LC) of the lines that built; zero when the
    /// entry balances (before any rounding line).
    pub diff_lc: Decimal,
}

/// What each typed line of `draft` would post, tax lines included, for
/// the entry grid to show while the user types. Pure; checks every line
/// on its own and never refuses the whole draft (no balance, period or
/// numbering checks: `Book::check` does those).
pub fn preview_entry(cx: Context<'_>, draft: &EntryDraft) -> EntryPreview {
    let mut preview = EntryPreview {
        lines: Vec::with_capacity(draft.lines.len()),
        diff_lc: Decimal::ZERO,
    };
    let mut conv = Conversion::new(cx.gl, draft.posting_date);
    let mut index = 0usize;
    for (i, typed) in draft.lines.iter().take(MAX_LINES).enumerate() {
        let built = build_typed_line(cx, &mut conv, i, typed, index);
        if let Ok(lines) = &built {
            index += lines.len();
            preview.diff_lc += lines.iter().map(Line::signed_lc).sum::<Decimal>();
        }
        preview.lines.push(LinePreview {
            typed_line: i,
            lines: built,
        });
    }
    preview
}
