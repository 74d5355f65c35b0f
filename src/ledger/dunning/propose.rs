//! Computing the proposal: per customer the overdue items, the level each
//! reaches, interest and the flat fee, grouped into letters with their
//! fee, or the reason a customer or an item is skipped. Execution runs
//! the same computation for the chosen items, so a run never charges what
//! the proposal did not show.
//!
//! Interest runs from the due date (the last day payment was on time) up
//! to and including the run date. When an earlier run already charged
//! interest on the item, this run charges only from the day after the
//! last day that run charged (no day is charged twice).

use crate::finance::interest::{
    BaseRateTable, InterestClaim, InterestError, default_interest, flat_fee,
};
use crate::ledger::dunning::Dunning;
use crate::ledger::dunning::proposal::{DunnedItem, ProposedLetter, SkipReason, Skipped};
use crate::ledger::dunning::terms::{DunningTerm, InterestBase};
use crate::ledger::open_items::{ItemId, OpenItem};
use crate::ledger::partners::{Partner, PartnerKind};
use crate::ledger::posting::Context;
use crate::ledger::types::Side;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One customer's letters and what was skipped.
#[derive(Default)]
pub(super) struct PartnerResult {
    pub letters: Vec<ProposedLetter>,
    pub skipped: Vec<Skipped>,
}

/// The computation as of one date.
pub(super) struct Proposer<'a> {
    pub cx: Context<'a>,
    pub dunning: &'a Dunning,
    pub table: BaseRateTable,
    pub date: NaiveDate,
}

/// Open debit items past their due date and tolerance days on `date`.
fn is_overdue(item: &OpenItem, date: NaiveDate) -> bool {
    item.is_open()
        && item.side == Side::Debit
        && item.days_overdue(date) > i64::from(item.tolerance_days)
}

impl Proposer<'_> {
    /// `partner`'s letters; `only`: the items the user kept (None: all).
    pub fn partner(&self, partner: &Partner, only: Option<&[ItemId]>) -> PartnerResult {
        let mut out = PartnerResult::default();
        let code = partner.code;
        let overdue: Vec<&OpenItem> = self
            .cx
            .open_items
            .items_of(code)
            .filter(|i| is_overdue(i, self.date))
            .collect();
        if overdue.is_empty() {
            return out;
        }
        let skip_partner = |reason| Skipped {
            partner: code,
            item: None,
            reason,
        };
        let term = match self.term_of(partner) {
            Ok(term) => term,
            Err(reason) => {
                out.skipped.push(skip_partner(reason));
                return out;
            }
        };
        let total: Decimal = overdue.iter().map(|i| i.open_lc).sum();
        let mut items = Vec::new();
        for item in overdue {
            if only.is_some_and(|only| !only.contains(&item.id)) {
                continue;
            }
            match self.dunned_item(term, item) {
                Ok(dunned) => items.push(dunned),
                // Overdue, but the first level is not reached yet: nothing
                // to say.
                Err(SkipReason::LevelAlreadyReached { level: 0 }) => {}
                Err(reason) => out.skipped.push(Skipped {
                    partner: code,
                    item: Some(item.id),
                    reason,
                }),
            }
        }
        let groups = if term.group_items {
            vec![items]
        } else {
            items.into_iter().map(|i| vec![i]).collect()
        };
        for group in groups.into_iter().filter(|g| !g.is_empty()) {
            match letter(term, code, group, total) {
                Ok(letter) => out.letters.push(letter),
                Err(skipped) => out.skipped.push(skipped),
            }
        }
        out
    }

    /// The customer's term, or why he is not dunned.
    fn term_of<'t>(&'t self, partner: &Partner) -> Result<&'t DunningTerm, SkipReason> {
        if partner.kind != PartnerKind::Customer || partner.dunning_term.is_empty() {
            return Err(SkipReason::NoDunningTerm);
        }
        if partner.payment_block {
            return Err(SkipReason::PartnerBlocked);
        }
        self.dunning
            .term(&partner.dunning_term)
            .ok_or_else(|| SkipReason::UnknownTerm {
                code: partner.dunning_term.clone(),
            })
    }

    /// The item at the next level it reaches, or why it is not dunned.
    fn dunned_item(&self, term: &DunningTerm, item: &OpenItem) -> Result<DunnedItem, SkipReason> {
        let previous = self.dunning.level(item.id);
        let days_overdue = item.days_overdue(self.date);
        let reached = term.level_reached(days_overdue - i64::from(item.tolerance_days));
        if reached <= previous {
            return Err(if usize::from(previous) >= term.levels.len() {
                SkipReason::LastLevelReached
            } else {
                SkipReason::LevelAlreadyReached { level: previous }
            });
        }
        let charges = self.dunning.is_charges_entry(item.id.entry);
        let charges_interest = term.level(reached).is_some_and(|l| l.interest) && !charges;
        let statement = if charges_interest {
            self.interest(term, item)?
        } else {
            Default::default()
        };
        let flat = if term.flat_fee && previous == 0 && !charges {
            flat_fee(term.debtor, item.document_date)
        } else {
            Decimal::ZERO
        };
        Ok(DunnedItem {
            item: item.id,
            document_date: item.document_date,
            due_date: item.due_date,
            days_overdue,
            amount: item.amount_lc,
            open: item.open_lc,
            previous_level: previous,
            level: reached,
            interest: statement.total,
            periods: statement.periods,
            flat_fee: flat,
        })
    }

    /// § 288 BGB interest on the item from its due date, or from the last
    /// day an earlier run charged, to the run date.
    fn interest(
        &self,
        term: &DunningTerm,
        item: &OpenItem,
    ) -> Result<crate::finance::interest::InterestStatement, SkipReason> {
        let principal = match term.interest_base {
            InterestBase::Remaining => item.open_lc,
            InterestBase::Original => item.amount_lc,
        };
        let from = self
            .dunning
            .interest_until(item.id)
            .map_or(item.due_date, |until| until.max(item.due_date));
        let claim = InterestClaim {
            principal,
            due_date: from,
            as_of: self.date,
            debtor: term.debtor,
            obligation_arose_on: item.document_date,
            day_count: term.day_count,
        };
        default_interest(&self.table, &claim).map_err(|e| match e {
            InterestError::BaseRateUnknown { date } => SkipReason::BaseRateUnknown { date },
            InterestError::NegativePrincipal | InterestError::Overflow => {
                SkipReason::InterestTooLarge
            }
        })
    }
}

/// One letter of `items`, at their highest level, with that level's fee,
/// or skipped when the customer's overdue `total` is below the level's
/// minimum balance.
fn letter(
    term: &DunningTerm,
    partner: crate::ledger::types::PartnerCode,
    items: Vec<DunnedItem>,
    total: Decimal,
) -> Result<ProposedLetter, Skipped> {
    let level = items.iter().map(|i| i.level).max().unwrap_or(0);
    let (fee, minimum) = term
        .level(level)
        .map_or((Decimal::ZERO, Decimal::ZERO), |l| (l.fee, l.min_balance));
    if total < minimum {
        return Err(Skipped {
            partner,
            item: match items.as_slice() {
                [only] if !term.group_items => Some(only.item),
                _ => None,
            },
            reason: SkipReason::BelowMinimum,
        });
    }
    Ok(ProposedLetter {
        partner,
        level,
        items,
        fee,
    })
}
