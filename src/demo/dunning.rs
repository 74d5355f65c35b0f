//! The demo's dunning (issue 16 skeleton: filled by the dunning work).

use super::{DemoError, DemoSpec};
use crate::ledger::{Book, Event};

/// Entries this part posts for `spec`: the generator writes that many less.
pub(crate) fn entries(spec: &DemoSpec) -> usize {
    let _ = spec;
    0
}

/// Adds this part to the demo's `book` (commands numbered from `index`
/// in refusals), after the bank side.
pub(crate) fn add(
    spec: &DemoSpec,
    book: &mut Book,
    events: &mut Vec<Event>,
    index: usize,
) -> Result<(), DemoError> {
    let _ = (spec, book, events, index);
    Ok(())
}
