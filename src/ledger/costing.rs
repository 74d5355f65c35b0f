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

use crate::ledger::account::{AccountNo, AccountType};
use crate::ledger::entry::Line;
use crate::ledger::error::DomainError;
use crate::ledger::money::{decimals_used, minor_unit};
use crate::ledger::tax::valid_code;
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::ledger::entry::DIMENSIONS;

/// Longest centre or rule code.
pub const MAX_CENTRE_CODE_LEN: usize = 20;
/// Most centres plus rules per dimension.
pub const MAX_CENTRES_PER_DIMENSION: usize = 5_000;
/// Most centres one rule distributes to.
pub const MAX_RULE_SHARES: usize = 100;
/// Most accounts named in the centre requirement.
pub const MAX_REQUIRED_ACCOUNTS: usize = 10_000;
/// Longest dimension, centre or rule name, in characters.
pub const MAX_COSTING_NAME_LEN: usize = 120;
/// Most decimals of a percentage or weight in a rule.
pub const MAX_SHARE_DECIMALS: u32 = 6;

/// A cost-accounting dimension; `number` is 1..=5.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub number: u8,
    pub name_de: String,
    pub name_en: String,
    pub active: bool,
}

/// Kostenstelle / Profitcenter of one dimension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostCentre {
    pub dimension: u8,
    pub code: String,
    pub name_de: String,
    pub name_en: String,
    pub active: bool,
    #[serde(default)]
    pub valid_from: Option<NaiveDate>,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DistributionBasis {
    /// Values are percentages summing to exactly 100.
    Percent,
    /// Values are fixed amounts used as weights (share = value / sum).
    Amount,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleShare {
    pub centre: String,
    pub value: Decimal,
}

/// Verteilungsregel over centres of one dimension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistributionRule {
    pub dimension: u8,
    pub code: String,
    pub name_de: String,
    pub name_en: String,
    pub basis: DistributionBasis,
    pub shares: Vec<RuleShare>,
    pub active: bool,
    #[serde(default)]
    pub valid_from: Option<NaiveDate>,
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
}

/// Which accounts need a centre in dimension 1.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentreRequirement {
    #[serde(default)]
    pub all_expense: bool,
    #[serde(default)]
    pub all_revenue: bool,
    #[serde(default)]
    pub accounts: Vec<AccountNo>,
}

impl CentreRequirement {
    pub fn requires(&self, account: AccountNo, account_type: AccountType) -> bool {
        (self.all_expense && account_type == AccountType::Expense)
            || (self.all_revenue && account_type == AccountType::Revenue)
            || self.accounts.contains(&account)
    }
}

/// One centre's part of a line split by a rule; `amount_lc` is on the
/// line's side, never negative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentreShare {
    /// 1..=5.
    pub dimension: u8,
    pub centre: String,
    pub amount_lc: Decimal,
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

    /// Splits a (non-negative) `amount` by the rule, rounded to `decimals`
    /// with the largest-remainder method; one share per centre of the rule,
    /// in rule order, summing exactly to `amount`.
    pub fn split(&self, amount: Decimal, decimals: u32) -> Vec<(String, Decimal)> {
        let total_weight: Decimal = self.shares.iter().map(|s| s.value).sum();
        if total_weight.is_zero() || self.shares.is_empty() {
            return Vec::new();
        }
        let mut shares: Vec<(String, Decimal, Decimal)> = self
            .shares
            .iter()
            .map(|s| {
                let exact = amount * s.value / total_weight;
                let floor = exact.round_dp_with_strategy(decimals, RoundingStrategy::ToZero);
                (s.centre.clone(), floor, exact - floor)
            })
            .collect();
        let unit = minor_unit(decimals);
        let mut rest = amount - shares.iter().map(|s| s.1).sum::<Decimal>();
        let mut order: Vec<usize> = (0..shares.len()).collect();
        // Stable sort: equal remainders keep rule order.
        order.sort_by(|&a, &b| shares[b].2.cmp(&shares[a].2));
        for &i in order.iter().cycle().take(order.len() * 2) {
            if rest < unit {
                break;
            }
            shares[i].1 += unit;
            rest -= unit;
        }
        // Σ floor ≥ amount − n·unit, so the loop above hands out at most
        // n units; a remainder below one unit only arises when `amount`
        // has more decimals than `decimals` and goes to the largest share.
        if !rest.is_zero()
            && let Some(&first) = order.first()
        {
            shares[first].1 += rest;
        }
        shares.into_iter().map(|(c, a, _)| (c, a)).collect()
    }
}

/// Master data of cost accounting, held by the Book.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Costing {
    pub(crate) dimensions: [Option<Dimension>; DIMENSIONS],
    pub(crate) centres: [BTreeMap<String, CostCentre>; DIMENSIONS],
    pub(crate) rules: [BTreeMap<String, DistributionRule>; DIMENSIONS],
    pub(crate) requirement: CentreRequirement,
}

/// What a line's dimension value names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DimValue<'a> {
    Centre(&'a CostCentre),
    Rule(&'a DistributionRule),
}

fn slot(number: u8) -> Option<usize> {
    let n = usize::from(number);
    (1..=DIMENSIONS).contains(&n).then(|| n - 1)
}

fn check_name(de: &str, en: &str) -> bool {
    !(de.trim().is_empty() && en.trim().is_empty())
        && de.chars().count() <= MAX_COSTING_NAME_LEN
        && en.chars().count() <= MAX_COSTING_NAME_LEN
}

impl Costing {
    pub fn dimension(&self, number: u8) -> Option<&Dimension> {
        self.dimensions.get(slot(number)?)?.as_ref()
    }

    /// Defined dimensions in number order.
    pub fn dimensions(&self) -> impl Iterator<Item = &Dimension> + '_ {
        self.dimensions.iter().flatten()
    }

    pub fn centre(&self, dimension: u8, code: &str) -> Option<&CostCentre> {
        self.centres.get(slot(dimension)?)?.get(code)
    }

    /// Centres of a dimension in code order.
    pub fn centres(&self, dimension: u8) -> impl Iterator<Item = &CostCentre> + '_ {
        slot(dimension)
            .and_then(|s| self.centres.get(s))
            .into_iter()
            .flat_map(|m| m.values())
    }

    pub fn rule(&self, dimension: u8, code: &str) -> Option<&DistributionRule> {
        self.rules.get(slot(dimension)?)?.get(code)
    }

    /// Rules of a dimension in code order.
    pub fn rules(&self, dimension: u8) -> impl Iterator<Item = &DistributionRule> + '_ {
        slot(dimension)
            .and_then(|s| self.rules.get(s))
            .into_iter()
            .flat_map(|m| m.values())
    }

    pub fn requirement(&self) -> &CentreRequirement {
        &self.requirement
    }

    /// What `code` names in `dimension`, if anything.
    pub fn lookup(&self, dimension: u8, code: &str) -> Option<DimValue<'_>> {
        if let Some(c) = self.centre(dimension, code) {
            return Some(DimValue::Centre(c));
        }
        self.rule(dimension, code).map(DimValue::Rule)
    }

    // ----- checks (shared by commands and events) -----

    pub(crate) fn check_dimension(&self, d: &Dimension) -> Result<(), DomainError> {
        slot(d.number).ok_or(DomainError::DimensionInvalid {
            dimension: d.number,
        })?;
        if !check_name(&d.name_de, &d.name_en) {
            return Err(DomainError::CostingName {
                dimension: d.number,
                code: String::new(),
            });
        }
        Ok(())
    }

    fn check_code_slot(&self, dimension: u8, code: &str) -> Result<usize, DomainError> {
        let s = slot(dimension).ok_or(DomainError::DimensionInvalid { dimension })?;
        if self.dimensions[s].is_none() {
            return Err(DomainError::DimensionUndefined {
                line: None,
                dimension,
            });
        }
        if !valid_code(code, MAX_CENTRE_CODE_LEN) {
            return Err(DomainError::InvalidCentreCode {
                dimension,
                code: code.to_string(),
            });
        }
        Ok(s)
    }

    pub(crate) fn check_centre(&self, c: &CostCentre, new: bool) -> Result<(), DomainError> {
        let s = self.check_code_slot(c.dimension, &c.code)?;
        let code = || c.code.clone();
        let exists = self.centres[s].contains_key(&c.code);
        if new && (exists || self.rules[s].contains_key(&c.code)) {
            return Err(DomainError::CentreCodeTaken {
                dimension: c.dimension,
                code: code(),
            });
        }
        if !new && !exists {
            return Err(DomainError::CentreUnknown {
                line: None,
                dimension: c.dimension,
                code: code(),
            });
        }
        if new && self.centres[s].len() + self.rules[s].len() >= MAX_CENTRES_PER_DIMENSION {
            return Err(DomainError::TooManyCentres {
                dimension: c.dimension,
                max: MAX_CENTRES_PER_DIMENSION,
            });
        }
        if !check_name(&c.name_de, &c.name_en) {
            return Err(DomainError::CostingName {
                dimension: c.dimension,
                code: code(),
            });
        }
        if let (Some(f), Some(t)) = (c.valid_from, c.valid_to)
            && f > t
        {
            return Err(DomainError::ValidityReversed {
                dimension: c.dimension,
                code: code(),
            });
        }
        Ok(())
    }

    pub(crate) fn check_rule(&self, r: &DistributionRule, new: bool) -> Result<(), DomainError> {
        let s = self.check_code_slot(r.dimension, &r.code)?;
        let code = || r.code.clone();
        let exists = self.rules[s].contains_key(&r.code);
        if new && (exists || self.centres[s].contains_key(&r.code)) {
            return Err(DomainError::CentreCodeTaken {
                dimension: r.dimension,
                code: code(),
            });
        }
        if !new && !exists {
            return Err(DomainError::CentreUnknown {
                line: None,
                dimension: r.dimension,
                code: code(),
            });
        }
        if new && self.centres[s].len() + self.rules[s].len() >= MAX_CENTRES_PER_DIMENSION {
            return Err(DomainError::TooManyCentres {
                dimension: r.dimension,
                max: MAX_CENTRES_PER_DIMENSION,
            });
        }
        if !check_name(&r.name_de, &r.name_en) {
            return Err(DomainError::CostingName {
                dimension: r.dimension,
                code: code(),
            });
        }
        if let (Some(f), Some(t)) = (r.valid_from, r.valid_to)
            && f > t
        {
            return Err(DomainError::ValidityReversed {
                dimension: r.dimension,
                code: code(),
            });
        }
        if r.shares.is_empty() || r.shares.len() > MAX_RULE_SHARES {
            return Err(DomainError::RuleShareCount {
                rule: code(),
                max: MAX_RULE_SHARES,
            });
        }
        for (i, share) in r.shares.iter().enumerate() {
            if !self.centres[s].contains_key(&share.centre) {
                return Err(DomainError::CentreUnknown {
                    line: None,
                    dimension: r.dimension,
                    code: share.centre.clone(),
                });
            }
            if r.shares[..i].iter().any(|o| o.centre == share.centre) {
                return Err(DomainError::RuleCentreTwice {
                    rule: code(),
                    centre: share.centre.clone(),
                });
            }
            if share.value <= Decimal::ZERO || decimals_used(share.value) > MAX_SHARE_DECIMALS {
                return Err(DomainError::RuleShareInvalid {
                    rule: code(),
                    centre: share.centre.clone(),
                });
            }
        }
        let sum: Decimal = r.shares.iter().map(|s| s.value).sum();
        if r.basis == DistributionBasis::Percent && sum != Decimal::ONE_HUNDRED {
            return Err(DomainError::DistributionNotHundred { rule: code(), sum });
        }
        Ok(())
    }

    pub(crate) fn apply_dimension(&mut self, d: &Dimension) {
        if let Some(s) = slot(d.number) {
            self.dimensions[s] = Some(d.clone());
        }
    }

    pub(crate) fn apply_centre(&mut self, c: &CostCentre) {
        if let Some(s) = slot(c.dimension) {
            self.centres[s].insert(c.code.clone(), c.clone());
        }
    }

    pub(crate) fn apply_rule(&mut self, r: &DistributionRule) {
        if let Some(s) = slot(r.dimension) {
            self.rules[s].insert(r.code.clone(), r.clone());
        }
    }

    /// Checks the dimension values of typed line `line` on `account`
    /// posted on `date` and returns the shares of the rules among them.
    pub(crate) fn resolve(
        &self,
        line: usize,
        account: (AccountNo, AccountType),
        dims: &[Option<String>; DIMENSIONS],
        date: NaiveDate,
        amount_lc: Decimal,
        decimals: u32,
    ) -> Result<Vec<CentreShare>, DomainError> {
        if dims[0].is_none() && self.requirement.requires(account.0, account.1) {
            return Err(DomainError::CentreRequired {
                line,
                account: account.0,
            });
        }
        let mut shares = Vec::new();
        for (s, value) in dims.iter().enumerate() {
            let Some(code) = value else { continue };
            let dimension = s as u8 + 1;
            match self.dimensions[s].as_ref() {
                None => {
                    return Err(DomainError::DimensionUndefined {
                        line: Some(line),
                        dimension,
                    });
                }
                Some(d) if !d.active => {
                    return Err(DomainError::DimensionInactive { line, dimension });
                }
                Some(_) => {}
            }
            let unusable = |code: &str| DomainError::CentreNotUsable {
                line,
                dimension,
                code: code.to_string(),
                date,
            };
            match self.lookup(dimension, code) {
                None => {
                    return Err(DomainError::CentreUnknown {
                        line: Some(line),
                        dimension,
                        code: code.clone(),
                    });
                }
                Some(DimValue::Centre(c)) => {
                    if !c.active || !c.valid_on(date) {
                        return Err(unusable(code));
                    }
                }
                Some(DimValue::Rule(r)) => {
                    if !r.active || !r.valid_on(date) {
                        return Err(unusable(code));
                    }
                    shares.extend(r.split(amount_lc, decimals).into_iter().map(
                        |(centre, amount_lc)| CentreShare {
                            dimension,
                            centre,
                            amount_lc,
                        },
                    ));
                }
            }
        }
        Ok(shares)
    }
}

/// Re-checks, when a posted line is read back, that its recorded shares
/// add up to the line in every dimension they cover.
pub(crate) fn check_shares(line_index: usize, line: &Line) -> Result<(), DomainError> {
    for dimension in 1..=DIMENSIONS as u8 {
        let mut any = false;
        let mut sum = Decimal::ZERO;
        for share in line.shares().iter().filter(|s| s.dimension == dimension) {
            if share.amount_lc.is_sign_negative() && !share.amount_lc.is_zero() {
                return Err(DomainError::SharesMismatch {
                    line: line_index,
                    dimension,
                });
            }
            any = true;
            sum += share.amount_lc;
        }
        if any && sum != line.amount_lc {
            return Err(DomainError::SharesMismatch {
                line: line_index,
                dimension,
            });
        }
    }
    if line.shares().iter().any(|s| slot(s.dimension).is_none()) {
        return Err(DomainError::SharesMismatch {
            line: line_index,
            dimension: 0,
        });
    }
    Ok(())
}

/// Debit-positive LC amount per (global period, P&L account), per centre.
pub type CentreAmounts = BTreeMap<(usize, AccountNo), Decimal>;

/// The Book's index for the cost-centre report: per dimension, per centre
/// code, the debit-positive LC amount per (period, P&L account). A line
/// adds its recorded shares in the dimensions where it has them and its
/// whole amount to the centre named in the others; lines without a
/// centre are not indexed (the report derives "unassigned" from the
/// account balances).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CentreIndex {
    per_dimension: [BTreeMap<String, CentreAmounts>; DIMENSIONS],
}

impl CentreIndex {
    pub(crate) fn add(&mut self, period: usize, line: &Line) {
        for (s, map) in self.per_dimension.iter_mut().enumerate() {
            let dimension = s as u8 + 1;
            let mut split = false;
            for share in line.shares().iter().filter(|x| x.dimension == dimension) {
                split = true;
                add_to(map, &share.centre, period, line, share.amount_lc);
            }
            if !split && let Some(code) = &line.dims()[s] {
                add_to(map, code, period, line, line.amount_lc);
            }
        }
    }

    /// Centres of `dimension` (1..=5) that carry amounts, in code order.
    pub fn centres(&self, dimension: u8) -> impl Iterator<Item = (&str, &CentreAmounts)> + '_ {
        slot(dimension)
            .and_then(|s| self.per_dimension.get(s))
            .into_iter()
            .flat_map(|m| m.iter().map(|(k, v)| (k.as_str(), v)))
    }
}

fn add_to(
    map: &mut BTreeMap<String, CentreAmounts>,
    code: &str,
    period: usize,
    line: &Line,
    amount_lc: Decimal,
) {
    let signed = line.side.sign(amount_lc);
    let amounts = match map.get_mut(code) {
        Some(a) => a,
        None => map.entry(code.to_string()).or_default(),
    };
    *amounts.entry((period, line.account)).or_default() += signed;
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn rule(basis: DistributionBasis, values: &[Decimal]) -> DistributionRule {
        DistributionRule {
            dimension: 1,
            code: "R".into(),
            name_de: "R".into(),
            name_en: String::new(),
            basis,
            shares: values
                .iter()
                .enumerate()
                .map(|(i, v)| RuleShare {
                    centre: format!("C{i}"),
                    value: *v,
                })
                .collect(),
            active: true,
            valid_from: None,
            valid_to: None,
        }
    }

    fn amounts(r: &DistributionRule, amount: Decimal) -> Vec<Decimal> {
        r.split(amount, 2).into_iter().map(|(_, a)| a).collect()
    }

    #[test]
    fn thirds_give_the_extra_cent_to_the_largest_remainder_then_rule_order() {
        let r = rule(
            DistributionBasis::Percent,
            &[dec!(33.33), dec!(33.33), dec!(33.34)],
        );
        assert_eq!(
            amounts(&r, dec!(100.00)),
            vec![dec!(33.33), dec!(33.33), dec!(33.34)]
        );
        assert_eq!(
            amounts(&r, dec!(0.05)),
            vec![dec!(0.02), dec!(0.01), dec!(0.02)]
        );
    }

    #[test]
    fn fixed_amounts_are_weights() {
        let r = rule(DistributionBasis::Amount, &[dec!(120), dec!(80)]);
        assert_eq!(amounts(&r, dec!(50.00)), vec![dec!(30.00), dec!(20.00)]);
    }

    #[test]
    fn tiny_amounts_never_give_negative_shares() {
        let r = rule(DistributionBasis::Percent, &[dec!(10); 10]);
        let split = amounts(&r, dec!(0.05));
        assert!(split.iter().all(|a| !a.is_sign_negative()));
        assert_eq!(split.iter().sum::<Decimal>(), dec!(0.05));
    }
}
