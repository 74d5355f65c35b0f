//! Splitting a line by a distribution rule (Verteilung): the
//! largest-remainder rounding that makes the shares sum exactly to the
//! line, and the re-check of recorded shares when a posted line is read
//! back.

use crate::ledger::costing::error::CostingError;
use crate::ledger::costing::master::DistributionRule;
use crate::ledger::costing::{DIMENSION_COUNT, dimension_slot};
use crate::ledger::types::Line;
use crate::ledger::types::money::minor_unit;
use rust_decimal::{Decimal, RoundingStrategy};

impl DistributionRule {
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

/// Re-checks, when a posted line is read back, that its recorded shares
/// add up to the line in every dimension they cover.
pub fn check_shares(line_index: usize, line: &Line) -> Result<(), CostingError> {
    for dimension in 1..=DIMENSION_COUNT {
        let mut any = false;
        let mut sum = Decimal::ZERO;
        for share in line.shares().iter().filter(|s| s.dimension == dimension) {
            if share.amount_lc.is_sign_negative() && !share.amount_lc.is_zero() {
                return Err(CostingError::SharesMismatch {
                    line: line_index,
                    dimension,
                });
            }
            any = true;
            sum += share.amount_lc;
        }
        if any && sum != line.amount_lc {
            return Err(CostingError::SharesMismatch {
                line: line_index,
                dimension,
            });
        }
    }
    if line
        .shares()
        .iter()
        .any(|s| dimension_slot(s.dimension).is_none())
    {
        return Err(CostingError::SharesMismatch {
            line: line_index,
            dimension: 0,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::costing::master::{DistributionBasis, RuleShare};
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
