//! Money (Beträge): exact decimal amounts and the one rounding rule.
//! Amounts are `rust_decimal::Decimal`, never floats. Rounding happens only
//! at defined points (a line's converted amount, a split share) and always
//! half away from zero (kaufmännisches Runden), so 0.005 becomes 0.01 and
//! -0.005 becomes -0.01.

use rust_decimal::{Decimal, RoundingStrategy};

/// Largest absolute amount on one line, in any currency: 10^13. Far above
/// any real posting of a small company, far below where sums over millions
/// of lines could lose `Decimal`'s 28 digits. Larger amounts are refused.
pub const MAX_ABS_AMOUNT: Decimal = Decimal::from_parts(1_316_134_912, 2_328, 0, false, 0);

/// Debit (Soll) or credit (Haben).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Side {
    Debit,
    Credit,
}

impl Side {
    pub fn opposite(self) -> Side {
        match self {
            Side::Debit => Side::Credit,
            Side::Credit => Side::Debit,
        }
    }

    /// +1 for debit, -1 for credit: balances are "debit positive".
    pub fn sign(self, amount: Decimal) -> Decimal {
        match self {
            Side::Debit => amount,
            Side::Credit => -amount,
        }
    }
}

/// Rounds to `decimals` places, half away from zero.
pub fn round(amount: Decimal, decimals: u32) -> Decimal {
    amount.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// The smallest amount with `decimals` places (0.01 for 2).
pub fn minor_unit(decimals: u32) -> Decimal {
    Decimal::new(1, decimals)
}

/// Number of decimal places actually used (`1.50` uses 1).
pub fn decimals_used(amount: Decimal) -> u32 {
    amount.normalize().scale()
}

/// Splits `total` into `parts` shares with `decimals` places that add up to
/// `total` exactly: every share is the rounded-down quotient, and the minor
/// units left over go one each to the first shares (100.00 / 3 gives
/// 33.34, 33.33, 33.33). Returns an empty list for zero parts.
pub fn split(total: Decimal, parts: u32, decimals: u32) -> Vec<Decimal> {
    if parts == 0 {
        return Vec::new();
    }
    let base =
        (total / Decimal::from(parts)).round_dp_with_strategy(decimals, RoundingStrategy::ToZero);
    let unit = if total.is_sign_negative() {
        -minor_unit(decimals)
    } else {
        minor_unit(decimals)
    };
    let mut rest = total - base * Decimal::from(parts);
    (0..parts)
        .map(|_| {
            if rest.is_zero() {
                base
            } else {
                rest -= unit;
                base + unit
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn max_amount_is_ten_to_the_thirteenth() {
        assert_eq!(MAX_ABS_AMOUNT, dec!(10000000000000));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round(dec!(0.005), 2), dec!(0.01));
        assert_eq!(round(dec!(-0.005), 2), dec!(-0.01));
        assert_eq!(round(dec!(2.5), 0), dec!(3));
        assert_eq!(round(dec!(0.0049), 2), dec!(0.00));
    }

    #[test]
    fn three_way_split_of_100_gives_the_extra_cent_to_the_first_share() {
        assert_eq!(
            split(dec!(100.00), 3, 2),
            vec![dec!(33.34), dec!(33.33), dec!(33.33)]
        );
        assert_eq!(
            split(dec!(-100.00), 3, 2),
            vec![dec!(-33.34), dec!(-33.33), dec!(-33.33)]
        );
        assert_eq!(split(dec!(100), 3, 0), vec![dec!(34), dec!(33), dec!(33)]);
    }
}
