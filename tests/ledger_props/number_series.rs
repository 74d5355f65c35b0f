//! The numbering series family of the random command sequences (issue
//! 18): series lists drawn from a small pool of codes with widths and
//! start numbers around their limits (so a width of 0 or 10, a start
//! beyond the width, or dropping a series that gave numbers is refused).
//! Entries of the main generator name a series now and then; the main
//! property replays the log, so a draw out of turn would fail the fold.

use chrono::NaiveDate;
use kontor::ledger::Command;
use kontor::ledger::gl::{DocumentKind, GlCommand, NumberSeries};
use kontor::ledger::posting::Rights;
use kontor::ledger::types::Timestamp;
use proptest::prelude::*;

/// Codes the entries name; the last is never set by this family.
pub const CODES: [&str; 3] = ["KA", "AR", "ZZ"];

#[derive(Clone, Debug)]
pub struct NumberSeriesOp {
    /// (code index 0..2, width, start) per series.
    series: Vec<(usize, u8, u32)>,
}

pub fn number_series_op() -> impl Strategy<Value = NumberSeriesOp> {
    let one = (
        0..2usize,
        prop_oneof![8 => 1u8..=9, 1 => Just(0u8), 1 => Just(10u8)],
        prop_oneof![8 => 1u32..=20, 1 => Just(0u32), 1 => 90u32..=120],
    );
    prop::collection::vec(one, 0..3).prop_map(|series| NumberSeriesOp { series })
}

pub fn command(base: NaiveDate, op: &NumberSeriesOp) -> (Command, Rights) {
    let at = Timestamp::at(base, 9, 40, 0).unwrap_or_else(|| unreachable!());
    let series = op
        .series
        .iter()
        .map(|&(code, width, start)| NumberSeries {
            code: CODES[code].into(),
            name: format!("Serie {}", CODES[code]),
            kind: DocumentKind::Cash,
            prefix: format!("{}-", CODES[code]),
            with_year: code == 0,
            width,
            start,
        })
        .collect();
    (
        Command::Gl(GlCommand::SetNumberSeries {
            series,
            by: "prop".into(),
            at,
        }),
        Rights::ALL,
    )
}
