//! Trial balance (Summen- und Saldenliste) for a period range, read from
//! the GL's (account, period) balance index, never from lines.

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::gl::Totals;
use crate::ledger::report::period_range;
use crate::ledger::types::{AccountNo, PeriodRef};
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrialBalanceRow {
    pub account: AccountNo,
    /// Debit-positive balance before `from`.
    pub opening_lc: Decimal,
    pub debit_lc: Decimal,
    pub credit_lc: Decimal,
    pub closing_lc: Decimal,
    pub opening_sc: Decimal,
    pub debit_sc: Decimal,
    pub credit_sc: Decimal,
    pub closing_sc: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrialBalance {
    pub from: PeriodRef,
    pub to: PeriodRef,
    /// Accounts with an opening balance or movements, in number order.
    pub rows: Vec<TrialBalanceRow>,
    pub total_debit_lc: Decimal,
    pub total_credit_lc: Decimal,
    pub total_debit_sc: Decimal,
    pub total_credit_sc: Decimal,
}

/// Trial balance from period `from` to `to` (both included).
pub fn trial_balance(
    book: &Book,
    from: PeriodRef,
    to: PeriodRef,
) -> Result<TrialBalance, DomainError> {
    let (start, end) = period_range(book, from, to)?;
    let mut report = TrialBalance {
        from,
        to,
        rows: Vec::new(),
        total_debit_lc: Decimal::ZERO,
        total_credit_lc: Decimal::ZERO,
        total_debit_sc: Decimal::ZERO,
        total_credit_sc: Decimal::ZERO,
    };
    if start > end {
        return Ok(report);
    }
    for account in book.accounts() {
        let Some(per_period) = book.account_totals(account.number) else {
            continue;
        };
        let mut before = Totals::default();
        per_period[..start].iter().for_each(|t| before.add(t));
        let mut within = Totals::default();
        per_period[start..=end].iter().for_each(|t| within.add(t));
        if before == Totals::default() && within == Totals::default() {
            continue;
        }
        report.total_debit_lc += within.debit_lc;
        report.total_credit_lc += within.credit_lc;
        report.total_debit_sc += within.debit_sc;
        report.total_credit_sc += within.credit_sc;
        report.rows.push(TrialBalanceRow {
            account: account.number,
            opening_lc: before.balance_lc(),
            debit_lc: within.debit_lc,
            credit_lc: within.credit_lc,
            closing_lc: before.balance_lc() + within.balance_lc(),
            opening_sc: before.balance_sc(),
            debit_sc: within.debit_sc,
            credit_sc: within.credit_sc,
            closing_sc: before.balance_sc() + within.balance_sc(),
        });
    }
    Ok(report)
}
