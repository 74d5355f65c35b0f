//! Budgets (Planwerte) per account, optional cost centre and fiscal year:
//! one amount per period, debit-positive like balances (so a revenue
//! budget is negative, as its balance is).
//!
//! The centre is a centre of dimension 1 (Kostenstelle).

use crate::ledger::types::AccountNo;
use crate::ledger::types::money::{minor_unit, round};
use rust_decimal::Decimal;

/// At most this many rows in one `SetBudgets` (a year's grid of every
/// account of a large chart and some centres).
pub const MAX_BUDGET_ROWS: usize = 5_000;

/// The cost-centre dimension budgets are kept for.
pub const BUDGET_DIMENSION: u8 = 1;

#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct BudgetKey {
    pub year: i32,
    pub account: AccountNo,
    pub centre: Option<String>,
}

/// A budget as set: the key and one amount per period of the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetRow {
    pub key: BudgetKey,
    pub amounts: Vec<Decimal>,
}

/// Spreads `total` over `weights.len()` periods in proportion to the
/// weights, rounded to `decimals` by the largest remainder so the parts
/// add up to `total` exactly. Equal weights spread evenly. All-zero or
/// negative weights count as equal.
pub fn spread(total: Decimal, weights: &[Decimal], decimals: u32) -> Vec<Decimal> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    let bad = weights.iter().any(|w| w.is_sign_negative()) || weights.iter().all(|w| w.is_zero());
    let weights: Vec<Decimal> = if bad {
        vec![Decimal::ONE; n]
    } else {
        weights.to_vec()
    };
    let sum: Decimal = weights.iter().sum();
    let unit = minor_unit(decimals);
    let total = round(total, decimals);
    let magnitude = total.abs();
    // Each share rounded towards zero, then the leftover minor units to
    // the largest remainders (earlier periods first on a tie).
    let exact: Vec<Decimal> = weights.iter().map(|w| magnitude * *w / sum).collect();
    let mut parts: Vec<Decimal> = exact
        .iter()
        .map(|e| e.round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::ToZero))
        .collect();
    let mut rest = magnitude - parts.iter().sum::<Decimal>();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - parts[b])
            .cmp(&(exact[a] - parts[a]))
            .then(a.cmp(&b))
    });
    let mut i = 0;
    while rest >= unit {
        parts[order[i % n]] += unit;
        rest -= unit;
        i += 1;
    }
    // Decimal division rounds at its 28th digit, so a share may come out
    // one minor unit high: take it back from the smallest remainders.
    let mut j = 0;
    while rest.is_sign_negative() && !rest.is_zero() {
        parts[order[n - 1 - j % n]] -= unit;
        rest += unit;
        j += 1;
    }
    if total.is_sign_negative() {
        parts.iter_mut().for_each(|p| *p = -*p);
    }
    assert!(
        parts.iter().sum::<Decimal>() == total,
        "a spread adds up to its rounded total"
    );
    parts
}

/// `amounts` raised by `percent` (10 = +10 %), each rounded to `decimals`.
pub fn raise(amounts: &[Decimal], percent: Decimal, decimals: u32) -> Vec<Decimal> {
    let factor = Decimal::ONE + percent / Decimal::ONE_HUNDRED;
    amounts
        .iter()
        .map(|a| round(*a * factor, decimals))
        .collect()
}

/// The sign that presents a debit-positive amount of an account of type
/// `t` the way a bookkeeper reads it: expenses and assets as they are,
/// revenue, liabilities and equity negated (a revenue budget shows
/// positive).
pub fn natural_sign(t: crate::ledger::gl::AccountType) -> Decimal {
    use crate::ledger::gl::AccountType as T;
    match t {
        T::Asset | T::Expense => Decimal::ONE,
        T::Liability | T::Equity | T::Revenue => Decimal::NEGATIVE_ONE,
    }
}
