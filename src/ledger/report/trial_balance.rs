//! Trial balance (Summen- und Saldenliste) for a period range, read from
//! the GL's (account, period) balance index, never from lines.
//!
//! Opening balances follow the bookkeeper's rule: balance-sheet accounts
//! (asset, liability, equity) carry everything posted before the report
//! starts; profit-and-loss accounts (revenue, expense) start every fiscal
//! year at zero, so their opening is what the report's own fiscal year
//! posted before its start. The P&L result of the earlier fiscal years is
//! not lost: the trial balance shows it as the result carried forward
//! (Ergebnisvortrag), a balance-sheet line of its own, until a year-end
//! closing (a later issue) books it to an equity account. So the opening
//! balances of a report, carried-forward line included, always sum to
//! zero. A report whose range starts in the first period of the first year
//! sees nothing carried: its closing balances are the cumulative ones
//! hledger and ledger print (the cross-checks compare exactly these).
//! A range may span fiscal years (the command-line balance does); the
//! reset applies at the range's start, its movements are the range's.

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
    /// Ergebnisvortrag: the P&L result of the fiscal years before the one
    /// `from` lies in (debit-positive, so a profit is negative), shown on
    /// the balance-sheet side; no movements, so opening = closing. With
    /// it, `rows` open and close at a sum of zero.
    pub carried_forward_lc: Decimal,
    pub carried_forward_sc: Decimal,
    pub total_debit_lc: Decimal,
    pub total_credit_lc: Decimal,
    pub total_debit_sc: Decimal,
    pub total_credit_sc: Decimal,
}

/// Trial balance from period `from` to `to` (both included). Reads the
/// balance index: `accounts × periods` sums, never a line.
pub fn trial_balance(
    book: &Book,
    from: PeriodRef,
    to: PeriodRef,
) -> Result<TrialBalance, DomainError> {
    let calendar = book.calendar();
    let (start, end) = period_range(book, from, to)?;
    let mut report = TrialBalance {
        from,
        to,
        rows: Vec::new(),
        carried_forward_lc: Decimal::ZERO,
        carried_forward_sc: Decimal::ZERO,
        total_debit_lc: Decimal::ZERO,
        total_credit_lc: Decimal::ZERO,
        total_debit_sc: Decimal::ZERO,
        total_credit_sc: Decimal::ZERO,
    };
    if start > end {
        return Ok(report);
    }
    let year_start = calendar.year_start_index(start);
    let mut carried = Totals::default();
    for account in book.accounts() {
        let Some(per_period) = book.account_totals(account.number) else {
            continue;
        };
        // P&L accounts open at zero in every fiscal year; what earlier
        // years posted on them is the result carried forward.
        let opens_at = if account.account_type.is_profit_and_loss() {
            per_period[..year_start].iter().for_each(|t| carried.add(t));
            year_start
        } else {
            0
        };
        let mut before = Totals::default();
        per_period[opens_at..start]
            .iter()
            .for_each(|t| before.add(t));
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
    report.carried_forward_lc = carried.balance_lc();
    report.carried_forward_sc = carried.balance_sc();
    Ok(report)
}
