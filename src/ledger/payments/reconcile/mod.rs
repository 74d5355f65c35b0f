//! Internal reconciliation (Interne Abstimmung): proposals ranked by
//! reference, amount and date, and the automatic reconciliation over all
//! partners.
//!
//! The manual reconciliation is the open-item clearing itself
//! (`OpenItemsCommand::ClearItems` / `CancelClearing`); this module only
//! finds sets of a partner's open debit and credit items that net to zero.
//! Both the proposal (a pure query for one partner) and the automatic
//! command index the items by reference and by amount (`index`), so a
//! partner with ten thousand items never costs a pass over all pairs.

mod auto;
mod index;
mod proposal;

pub use auto::check_auto;
pub use proposal::proposals;

use crate::ledger::open_items::{ItemId, PartDraft};
use crate::ledger::types::{Side, Timestamp};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The automatic reconciliation over all partners: which rules, and the
/// clearings' date and author. Items posted after `date` stay open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AutoReconcileDraft {
    pub date: NaiveDate,
    /// Clear a reference's debit and credit items when they net to zero.
    pub by_reference: bool,
    /// Clear one debit against one credit of the same amount posted at
    /// most `days` apart.
    pub by_amount: bool,
    /// `None`: the settings' `match_days`.
    pub days: Option<u16>,
    pub by: String,
    pub at: Timestamp,
}

impl AutoReconcileDraft {
    /// Both rules, the settings' days.
    pub fn new(date: NaiveDate, by: &str, at: Timestamp) -> Self {
        AutoReconcileDraft {
            date,
            by_reference: true,
            by_amount: true,
            days: None,
            by: by.to_string(),
            at,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReconcileError {
    #[error("nothing to reconcile")]
    NothingToReconcile,
    #[error("choose at least one rule: by reference or by amount")]
    NoRuleChosen,
}

/// Why a set of items is proposed. The order of the variants is the rank.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// The items' entries carry the same reference.
    SameReference { reference: String },
    /// One side's memo names the other side's reference.
    MemoNamesReference { reference: String },
    /// One debit and one credit of the same amount.
    ExactAmount,
    /// One item against two of the other side that add up to it.
    OneAgainstTwo,
}

impl Reason {
    pub fn rank(&self) -> u8 {
        match self {
            Reason::SameReference { .. } => 0,
            Reason::MemoNamesReference { .. } => 1,
            Reason::ExactAmount => 2,
            Reason::OneAgainstTwo => 3,
        }
    }
}

/// One item's part of a proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProposalPart {
    pub item: ItemId,
    pub side: Side,
    /// LC, above zero, at most what is open.
    pub amount: Decimal,
    /// Less than all that is open of the item.
    pub partial: bool,
}

/// A set of one partner's items whose parts net to zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub reason: Reason,
    /// Debit parts first, each side oldest first.
    pub parts: Vec<ProposalPart>,
    /// What each side clears (LC).
    pub amount: Decimal,
    /// Days between the earliest and the latest posting date of the items.
    pub days: i64,
}

impl Proposal {
    /// Some part clears less than its item's open amount.
    pub fn is_partial(&self) -> bool {
        self.parts.iter().any(|p| p.partial)
    }

    /// The parts for `OpenItemsCommand::ClearItems`.
    pub fn drafts(&self) -> Vec<PartDraft> {
        self.parts
            .iter()
            .map(|p| PartDraft {
                item: p.item,
                amount_lc: Some(p.amount),
            })
            .collect()
    }
}
