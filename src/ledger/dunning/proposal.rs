//! The dunning proposal (Mahnvorschlag) as of a date: per customer, the
//! overdue items, the level each reaches, fees and interest; and who is
//! skipped, with the reason. Pure.

use crate::finance::interest::InterestPeriod;
use crate::ledger::open_items::ItemId;
use crate::ledger::types::PartnerCode;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// What a proposal is computed for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DunningParams {
    pub date: NaiveDate,
    /// Empty: every customer with a dunning term.
    pub customers: Vec<PartnerCode>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DunnedItem {
    pub item: ItemId,
    pub document_date: NaiveDate,
    pub due_date: NaiveDate,
    pub days_overdue: i64,
    pub amount: Decimal,
    pub open: Decimal,
    /// The level before this run (0: never dunned) and the one reached.
    pub previous_level: u8,
    pub level: u8,
    pub interest: Decimal,
    /// How the interest was computed, period by period.
    pub periods: Vec<InterestPeriod>,
    pub flat_fee: Decimal,
}

/// One letter (one customer, or one item when the term does not group).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProposedLetter {
    pub partner: PartnerCode,
    /// The highest level of its items.
    pub level: u8,
    pub items: Vec<DunnedItem>,
    pub fee: Decimal,
}

impl ProposedLetter {
    pub fn interest(&self) -> Decimal {
        self.items.iter().map(|i| i.interest).sum()
    }

    pub fn flat_fees(&self) -> Decimal {
        self.items.iter().map(|i| i.flat_fee).sum()
    }

    pub fn open(&self) -> Decimal {
        self.items.iter().map(|i| i.open).sum()
    }

    /// Open items, fee, flat fees and interest.
    pub fn total(&self) -> Decimal {
        self.open() + self.fee + self.flat_fees() + self.interest()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Zahlungssperre (also a dunning block here).
    PartnerBlocked,
    NoDunningTerm,
    /// The partner names a term that does not exist.
    UnknownTerm {
        code: String,
    },
    /// Below the level's minimum balance.
    BelowMinimum,
    /// Already at the term's last level.
    LastLevelReached,
    /// Already at the level it reaches on this date (the next one comes
    /// later).
    LevelAlreadyReached {
        level: u8,
    },
    /// The interest is too large to compute exactly.
    InterestTooLarge,
    /// The base-rate table has no rate for a day interest runs on.
    BaseRateUnknown {
        date: NaiveDate,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub partner: PartnerCode,
    pub item: Option<ItemId>,
    pub reason: SkipReason,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DunningProposal {
    pub letters: Vec<ProposedLetter>,
    pub skipped: Vec<Skipped>,
}
