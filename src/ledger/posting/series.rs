//! The reference an entry draws from its numbering series (issue 18):
//! the next number of the series in the entry's fiscal year, after the
//! draws of earlier entries of the same command. The number becomes the
//! entry's reference and a `SeriesNumberDrawn` event beside the entry, so
//! the fold keeps the series gapless.

use crate::ledger::gl::{GlError, GlEvent, NumberSeriesError};
use crate::ledger::journal::JournalError;
use crate::ledger::posting::draft::EntryDraft;
use crate::ledger::posting::{Context, Pending};
use crate::ledger::types::PostedEntry;

/// A number drawn for one entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub series: String,
    pub year: i32,
    pub number: u32,
    pub reference: String,
}

impl Drawn {
    /// The event that records the draw for `entry`.
    pub fn event(self, entry: &PostedEntry) -> GlEvent {
        GlEvent::SeriesNumberDrawn {
            series: self.series,
            year: self.year,
            number: self.number,
            entry: entry.id,
        }
    }
}

/// The number `draft`'s series gives in fiscal `year`, or `None` for a
/// draft without a series. A typed reference beside a series is refused:
/// the series gives it.
pub fn draw(
    cx: Context<'_>,
    draft: &EntryDraft,
    year: i32,
    pending: &Pending,
) -> Result<Option<Drawn>, JournalError> {
    let Some(code) = draft.series.as_deref() else {
        return Ok(None);
    };
    let refuse = |e: NumberSeriesError| JournalError::Gl(GlError::Series(e));
    if !draft.reference.trim().is_empty() {
        return Err(refuse(NumberSeriesError::ReferenceTyped {
            code: code.into(),
        }));
    }
    let numbering = cx.gl.numbering();
    let already = pending.series.get(&(code.to_string(), year)).copied();
    let number = numbering
        .next(code, year, already.unwrap_or(0))
        .map_err(refuse)?;
    let series = numbering
        .find(code)
        .ok_or_else(|| refuse(NumberSeriesError::Unknown { code: code.into() }))?;
    Ok(Some(Drawn {
        series: code.to_string(),
        year,
        number,
        reference: series.reference(year, number),
    }))
}
