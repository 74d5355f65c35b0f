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
mod execute;
pub mod proposal;
mod propose;
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
pub use terms::{
    DunningLevel, DunningTerm, InterestBase, MAX_LEVEL_DAYS, MAX_LEVEL_TEXT_LEN, MAX_LEVELS,
};

use crate::finance::interest::BaseRateTable;
use crate::ledger::open_items::ItemId;
use crate::ledger::partners::{Partner, PartnerKind};
use crate::ledger::posting::{Context, Rights};
use crate::ledger::types::PartnerCode;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One level an item reached in a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LevelReached {
    pub run: u32,
    pub date: NaiveDate,
    pub level: u8,
}

/// The dunning sub-ledger's state.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Dunning {
    terms: Vec<DunningTerm>,
    settings: DunningSettings,
    runs: Vec<DunningRun>,
    /// Every level each item reached, oldest first.
    history: HashMap<ItemId, Vec<LevelReached>>,
    /// The last day interest was charged on each item.
    interest_until: HashMap<ItemId, NaiveDate>,
    /// The entries that posted dunning charges: their items are dunned,
    /// but bear no interest (§ 289 BGB: no interest on interest) and no
    /// flat fee (not a claim for payment of a price).
    charge_entries: std::collections::HashSet<crate::ledger::types::EntryId>,
}

impl Dunning {
    /// Whether `entry` posted the charges of a dunning letter.
    pub fn is_charges_entry(&self, entry: crate::ledger::types::EntryId) -> bool {
        self.charge_entries.contains(&entry)
    }

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

    /// The last day a run charged interest on `item` up to.
    pub fn interest_until(&self, item: ItemId) -> Option<NaiveDate> {
        self.interest_until.get(&item).copied()
    }

    /// The runs with a letter to `partner`, oldest first, with that
    /// letter.
    pub fn partner_history(
        &self,
        partner: PartnerCode,
    ) -> impl Iterator<Item = (&DunningRun, &Letter)> + '_ {
        self.runs.iter().flat_map(move |run| {
            run.letters
                .iter()
                .filter(move |l| l.letter.partner == partner)
                .map(move |l| (run, l))
        })
    }

    /// The proposal for `params`, sorted by partner code. Pure.
    pub fn propose(&self, cx: Context<'_>, params: &DunningParams) -> DunningProposal {
        let proposer = propose::Proposer {
            cx,
            dunning: self,
            table: self.base_rates(),
            date: params.date,
        };
        let mut partners: Vec<&Partner> = if params.customers.is_empty() {
            cx.partners
                .partners()
                .filter(|p| p.kind == PartnerKind::Customer && !p.dunning_term.is_empty())
                .collect()
        } else {
            params
                .customers
                .iter()
                .filter_map(|&code| cx.partners.partner(code))
                .collect()
        };
        partners.sort_by_key(|p| p.code);
        partners.dedup_by_key(|p| p.code);
        let mut proposal = DunningProposal::default();
        for partner in partners {
            let result = proposer.partner(partner, None);
            proposal.letters.extend(result.letters);
            proposal.skipped.extend(result.skipped);
        }
        proposal
    }

    /// The steps `cmd` appends, or why it is refused.
    pub fn check(
        &self,
        cx: Context<'_>,
        rights: Rights,
        cmd: &DunningCommand,
    ) -> Result<Vec<DunningStep>, DunningError> {
        let event = match cmd {
            DunningCommand::SaveTerm { term, by, at } => {
                let decimals = cx.gl.settings().lc_decimals();
                terms::check_term(term, decimals)
                    .map_err(|field| DunningError::InvalidTerm { field })?;
                DunningEvent::TermSaved {
                    term: term.clone(),
                    by: by.clone(),
                    at: *at,
                }
            }
            DunningCommand::DeleteTerm { code, by, at } => {
                self.check_delete(cx, code)?;
                DunningEvent::TermDeleted {
                    code: code.clone(),
                    by: by.clone(),
                    at: *at,
                }
            }
            DunningCommand::SetSettings { settings, by, at } => {
                settings::check_settings(cx.gl, settings)?;
                DunningEvent::SettingsSet {
                    settings: settings.clone(),
                    by: by.clone(),
                    at: *at,
                }
            }
            DunningCommand::Execute { draft, at } => {
                return self.check_execute(cx, rights, draft, *at);
            }
        };
        Ok(vec![DunningStep::Dunning(event)])
    }

    /// A term may go only when it exists and no partner names it.
    fn check_delete(&self, cx: Context<'_>, code: &str) -> Result<(), DunningError> {
        if self.term(code).is_none() {
            return Err(DunningError::UnknownTerm { code: code.into() });
        }
        match cx.partners.partners().find(|p| p.dunning_term == code) {
            Some(p) => Err(DunningError::TermInUse {
                code: code.into(),
                partner: p.code,
            }),
            None => Ok(()),
        }
    }

    /// Folds one event in; errors only for one that does not fit.
    pub fn apply(&mut self, cx: Context<'_>, event: &DunningEvent) -> Result<(), DunningError> {
        let _ = cx;
        match event {
            DunningEvent::TermSaved { term, .. } => {
                match self.terms.iter_mut().find(|t| t.code == term.code) {
                    Some(old) => *old = (**term).clone(),
                    None => self.terms.push((**term).clone()),
                }
            }
            DunningEvent::TermDeleted { code, .. } => {
                let before = self.terms.len();
                self.terms.retain(|t| &t.code != code);
                if self.terms.len() == before {
                    return Err(DunningError::UnknownTerm { code: code.clone() });
                }
            }
            DunningEvent::SettingsSet { settings, .. } => self.settings = (**settings).clone(),
            DunningEvent::RunExecuted { run } => self.apply_run(run)?,
        }
        Ok(())
    }

    fn apply_run(&mut self, run: &DunningRun) -> Result<(), DunningError> {
        let last = self.runs.last().map_or(0, |r| r.number);
        if Some(run.number) != last.checked_add(1) {
            return Err(DunningError::RunOutOfOrder {
                number: run.number,
                last,
            });
        }
        for item in run.letters.iter().flat_map(|l| &l.letter.items) {
            self.history
                .entry(item.item)
                .or_default()
                .push(LevelReached {
                    run: run.number,
                    date: run.date,
                    level: item.level,
                });
            if let Some(last) = item.periods.last() {
                self.interest_until.insert(item.item, last.to);
            }
        }
        self.charge_entries
            .extend(run.letters.iter().filter_map(|l| l.entry));
        self.runs.push(run.clone());
        Ok(())
    }
}
