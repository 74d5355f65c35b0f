//! Budgets (Planwerte) per account, optional cost centre and fiscal year:
//! one amount per period, debit-positive like balances.

use crate::ledger::types::AccountNo;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
