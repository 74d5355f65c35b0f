//! Year-end closing (Jahresabschluss) and opening balances
//! (Eröffnungsbilanzwerte), issue 17. Built on posting (rank 5).
//!
//! The books are one cumulative log, so balance-sheet accounts carry
//! their balances into the next year by themselves (the trial balance
//! opens them with everything posted before). Closing a year posts, dated
//! its last day, one entry that closes every profit-and-loss account to
//! the retained-earnings account of the G/L determination: afterwards the
//! P&L accounts stand at zero for that year and the next year's trial
//! balance shows no result carried forward. The closing is marked, so the
//! statements of the closed year still show its result, and it can be
//! reverted (reversal entries) while the year's periods are not locked.
//! Opening balances for a company that starts mid-life (migration) are
//! one entry against the opening-balance account, checked to balance;
//! partner lines become open items as on any entry.
//!
//! Where is what: `preview` (what a closing would post, and what warns),
//! `command`, `error`.

pub mod command;
pub mod error;
pub mod preview;

pub use command::{ClosingCommand, ClosingEvent, ClosingStep, OpeningLine, YearClosing};
pub use error::ClosingError;
pub use preview::{ClosingPreview, preview};

use crate::ledger::posting::{Context, Rights};
use crate::ledger::types::EntryId;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Closing {
    years: BTreeMap<i32, YearClosing>,
    opening: Vec<EntryId>,
}

impl Closing {
    /// The closing of fiscal year `year`, if it is closed (not reverted).
    pub fn year(&self, year: i32) -> Option<&YearClosing> {
        self.years.get(&year).filter(|c| c.reverted.is_none())
    }

    pub fn years(&self) -> impl Iterator<Item = &YearClosing> + '_ {
        self.years.values()
    }

    /// Whether `entry` is a closing entry of a year (statements of that
    /// year leave it out, so they still show the year's result).
    pub fn is_closing_entry(&self, entry: EntryId) -> bool {
        self.years
            .values()
            .filter(|c| c.reverted.is_none())
            .any(|c| c.entries.contains(&entry))
    }

    /// The entries of opening balances entered by hand (migration).
    pub fn opening_entries(&self) -> &[EntryId] {
        &self.opening
    }

    pub fn check(
        &self,
        cx: Context<'_>,
        rights: Rights,
        cmd: &ClosingCommand,
    ) -> Result<Vec<ClosingStep>, ClosingError> {
        let _ = (cx, rights, cmd);
        todo!("skeleton: closing checks come with part C")
    }

    pub fn apply(&mut self, cx: Context<'_>, event: &ClosingEvent) -> Result<(), ClosingError> {
        let _ = (cx, event);
        todo!("skeleton: closing apply comes with part C")
    }
}
