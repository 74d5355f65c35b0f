//! What closing a year would post, shown before the user confirms.

use crate::ledger::posting::Context;
use crate::ledger::types::AccountNo;
use rust_decimal::Decimal;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClosingPreview {
    pub year: i32,
    /// Each P&L account's balance of the year (debit-positive), closed to
    /// `retained_earnings`.
    pub profit_and_loss: Vec<(AccountNo, Decimal)>,
    pub retained_earnings: Option<AccountNo>,
    /// The year's result (a profit is positive).
    pub result: Decimal,
    /// Each balance-sheet account's closing balance: the next year's
    /// opening balance.
    pub carried: Vec<(AccountNo, Decimal)>,
    /// Open items carried into the next year.
    pub open_items: usize,
}

pub fn preview(cx: Context<'_>, year: i32) -> ClosingPreview {
    let _ = cx;
    ClosingPreview {
        year,
        ..ClosingPreview::default()
    }
}
