//! Cost accounting (Kostenrechnung): up to five dimensions
//! (Dimensionen, e.g. 1 = Kostenstelle, 2 = Kostenträger, 3 = Projekt),
//! each with its cost/profit centres (Kostenstellen / Profitcenter) and
//! distribution rules (Verteilungsregeln).
//!
//! A journal line's `dims[d]` holds, for dimension `d + 1`, either the code
//! of a centre of that dimension or the code of a distribution rule of it:
//! centre and rule codes share one namespace per dimension, so a value is
//! never ambiguous (as in SAP Business One, where every centre is also a
//! one-centre rule). A centre takes the whole line; a rule splits it, and
//! the split is recorded on the posted line (`Line::shares`) so reports
//! never recompute it and later changes to the rule do not touch the past.
//!
//! A rule splits by percentages (summing to exactly 100) or by fixed
//! amounts (Festbeträge, e.g. square metres or head count) used as
//! weights. Rounding uses the largest-remainder method (Hare–Niemeyer):
//! each share is first rounded towards zero to the LC decimals, then the
//! minor units left over go one each to the shares with the largest
//! remainders, ties to the earlier centre of the rule. The shares are never
//! negative and always sum exactly to the line amount.
//!
//! Data-entry rule (Pflichtfeld): accounts can require a centre in
//! dimension 1 — listed one by one, or all expense or all revenue
//! accounts; the engine refuses a typed line that lacks it
//! (`CentreRequired`). Generated tax and rounding lines never need one.

use crate::ledger::gl::AccountType;
use crate::ledger::types::AccountNo;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A cost-accounting dimension; `number` is 1..=5.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Dimension {
    pub number: u8,
    pub name_de: String,
    pub name_en: String,
    pub active: bool,
}

/// Kostenstelle / Profitcenter of one dimension.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CostCentre {
    pub dimension: u8,
    pub code: String,
    pub name_de: String,
    pub name_en: String,
    pub active: bool,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DistributionBasis {
    /// Values are percentages summing to exactly 100.
    Percent,
    /// Values are fixed amounts used as weights (share = value / sum).
    Amount,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RuleShare {
    pub centre: String,
    pub value: Decimal,
}

/// Verteilungsregel over centres of one dimension.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DistributionRule {
    pub dimension: u8,
    pub code: String,
    pub name_de: String,
    pub name_en: String,
    pub basis: DistributionBasis,
    pub shares: Vec<RuleShare>,
    pub active: bool,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

/// Which accounts need a centre in dimension 1.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CentreRequirement {
    pub all_expense: bool,
    pub all_revenue: bool,
    pub accounts: Vec<AccountNo>,
}

impl CentreRequirement {
    pub fn requires(&self, account: AccountNo, account_type: AccountType) -> bool {
        (self.all_expense && account_type == AccountType::Expense)
            || (self.all_revenue && account_type == AccountType::Revenue)
            || self.accounts.contains(&account)
    }
}

fn valid_from_to(from: Option<NaiveDate>, to: Option<NaiveDate>, date: NaiveDate) -> bool {
    from.is_none_or(|f| f <= date) && to.is_none_or(|t| date <= t)
}

impl CostCentre {
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        valid_from_to(self.valid_from, self.valid_to, date)
    }
}

impl DistributionRule {
    pub fn valid_on(&self, date: NaiveDate) -> bool {
        valid_from_to(self.valid_from, self.valid_to, date)
    }
}

/// What a line's dimension value names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DimValue<'a> {
    Centre(&'a CostCentre),
    Rule(&'a DistributionRule),
}
