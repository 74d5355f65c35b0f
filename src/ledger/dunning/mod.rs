//! Dunning (Mahnwesen): dunning terms with up to ten levels, the
//! Bundesbank's base-rate table, proposals as of a date with fees and
//! § 288 BGB interest (`finance::interest`), and executed runs that record
//! each item's level and may post the charges as receivables of the
//! customer, all or nothing.
//!
//! Beside `payments` (both read open items and post through `posting`,
//! neither needs the other).

pub mod command;
pub mod error;
pub mod proposal;
pub mod settings;
pub mod terms;

pub use command::{
    DunningCommand, DunningEvent, DunningRun, DunningRunDraft, DunningStep, Letter, LetterChoice,
};
pub use error::{DunningError, TermField};
pub use proposal::{
    DunnedItem, DunningParams, DunningProposal, ProposedLetter, SkipReason, Skipped,
};
pub use settings::DunningSettings;
pub use terms::{DunningLevel, DunningTerm, InterestBase, MAX_LEVELS};

use crate::finance::interest::BaseRateTable;
use crate::ledger::open_items::ItemId;
use crate::ledger::posting::{Context, Rights};
use crate::ledger::types::PartnerCode;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One level an item reached in a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelReached {
    pub run: u32,
    pub date: NaiveDate,
    pub level: u8,
}

/// The dunning sub-ledger's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dunning {
    terms: Vec<DunningTerm>,
    settings: DunningSettings,
    runs: Vec<DunningRun>,
    /// Every level each item reached, oldest first.
    history: HashMap<ItemId, Vec<LevelReached>>,
}

impl Dunning {
    pub fn terms(&self) -> &[DunningTerm] {
        &self.terms
    }

    pub fn term(&self, code: &str) -> Option<&DunningTerm> {
        self.terms.iter().find(|t| t.code == code)
    }

    pub fn settings(&self) -> &DunningSettings {
        &self.settings
    }

    /// The base-rate table in force: the edited one, else the shipped.
    pub fn base_rates(&self) -> BaseRateTable {
        self.settings
            .base_rates
            .clone()
            .and_then(|rates| BaseRateTable::new(rates).ok())
            .or_else(|| BaseRateTable::shipped().ok())
            .unwrap_or_else(|| unreachable!("the shipped base-rate table is valid (tested)"))
    }

    pub fn runs(&self) -> &[DunningRun] {
        &self.runs
    }

    pub fn run(&self, number: u32) -> Option<&DunningRun> {
        self.runs.iter().find(|r| r.number == number)
    }

    /// The levels `item` reached, oldest first.
    pub fn history(&self, item: ItemId) -> &[LevelReached] {
        self.history.get(&item).map_or(&[], Vec::as_slice)
    }

    /// The level `item` stands at (0: never dunned).
    pub fn level(&self, item: ItemId) -> u8 {
        self.history(item).last().map_or(0, |l| l.level)
    }

    /// The highest level of any open item of `partner`.
    pub fn highest_level(&self, cx: Context<'_>, partner: PartnerCode) -> u8 {
        cx.open_items
            .items_of(partner)
            .filter(|i| i.is_open())
            .map(|i| self.level(i.id))
            .max()
            .unwrap_or(0)
    }

    /// The proposal for `params`. Pure.
    pub fn propose(&self, cx: Context<'_>, params: &DunningParams) -> DunningProposal {
        let _ = (cx, params);
        DunningProposal::default()
    }

    /// The steps `cmd` appends, or why it is refused.
    pub fn check(
        &self,
        cx: Context<'_>,
        rights: Rights,
        cmd: &DunningCommand,
    ) -> Result<Vec<DunningStep>, DunningError> {
        let _ = (cx, rights, cmd);
        Err(DunningError::NothingToDun)
    }

    /// Folds one event in; errors only for one that does not fit.
    pub fn apply(&mut self, cx: Context<'_>, event: &DunningEvent) -> Result<(), DunningError> {
        let _ = (cx, event);
        Ok(())
    }
}
