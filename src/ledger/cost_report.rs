//! Cost-centre report (Kostenstellenauswertung): revenue and expense by
//! dimension and centre for a period range, per P&L account, read from
//! the Book's centre index and balance index (never from lines).
//!
//! Every dimension shows all of the P&L: what no centre carries appears
//! as the row `centre: None` ("nicht zugeordnet", unassigned), computed as
//! the account's movement minus what the centres carry, so each
//! dimension's totals equal the P&L accounts' balances for the range.
//! Signs: revenue credit positive, expense debit positive, result =
//! revenue − expense.

use crate::ledger::account::{AccountNo, AccountType};
use crate::ledger::book::Book;
use crate::ledger::costing::DIMENSIONS;
use crate::ledger::error::DomainError;
use crate::ledger::period::PeriodRef;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CentreAccountRow {
    pub account: AccountNo,
    pub account_type: AccountType,
    /// Revenue credit positive, expense debit positive.
    pub amount_lc: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CentreRow {
    pub dimension: u8,
    /// `None`: the part of the P&L no centre of this dimension carries.
    pub centre: Option<String>,
    pub revenue_lc: Decimal,
    pub expense_lc: Decimal,
    pub result_lc: Decimal,
    /// Accounts with a non-zero amount, in number order.
    pub accounts: Vec<CentreAccountRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostCentreReport {
    pub from: PeriodRef,
    pub to: PeriodRef,
    /// By dimension; centres in code order, unassigned last.
    pub rows: Vec<CentreRow>,
    /// The P&L of the range; every dimension's rows add up to these.
    pub revenue_lc: Decimal,
    pub expense_lc: Decimal,
    pub result_lc: Decimal,
}

fn presented(account_type: AccountType, debit_positive: Decimal) -> Decimal {
    match account_type {
        AccountType::Revenue => -debit_positive,
        _ => debit_positive,
    }
}

fn centre_row(
    dimension: u8,
    centre: Option<String>,
    amounts: &BTreeMap<AccountNo, Decimal>,
    types: &BTreeMap<AccountNo, AccountType>,
) -> CentreRow {
    let mut row = CentreRow {
        dimension,
        centre,
        revenue_lc: Decimal::ZERO,
        expense_lc: Decimal::ZERO,
        result_lc: Decimal::ZERO,
        accounts: Vec::new(),
    };
    for (account, debit_positive) in amounts {
        let Some(&account_type) = types.get(account) else {
            continue;
        };
        if debit_positive.is_zero() {
            continue;
        }
        let amount_lc = presented(account_type, *debit_positive);
        match account_type {
            AccountType::Revenue => row.revenue_lc += amount_lc,
            _ => row.expense_lc += amount_lc,
        }
        row.accounts.push(CentreAccountRow {
            account: *account,
            account_type,
            amount_lc,
        });
    }
    row.result_lc = row.revenue_lc - row.expense_lc;
    row
}

/// Revenue and expense by dimension and centre over periods `from..=to`.
/// Covers every defined dimension and every dimension that carries
/// amounts.
pub fn cost_centre_report(
    book: &Book,
    from: PeriodRef,
    to: PeriodRef,
) -> Result<CostCentreReport, DomainError> {
    let calendar = book.calendar();
    let start = calendar
        .index_of(from)
        .ok_or(DomainError::PeriodNotFound { period: from })?;
    let end = calendar
        .index_of(to)
        .ok_or(DomainError::PeriodNotFound { period: to })?;
    let mut report = CostCentreReport {
        from,
        to,
        rows: Vec::new(),
        revenue_lc: Decimal::ZERO,
        expense_lc: Decimal::ZERO,
        result_lc: Decimal::ZERO,
    };
    // The P&L of the range per account, debit positive, from the balance index.
    let mut types = BTreeMap::new();
    let mut pnl = BTreeMap::new();
    for account in book.accounts() {
        if !account.account_type.is_profit_and_loss() {
            continue;
        }
        types.insert(account.number, account.account_type);
        let movement: Decimal = book
            .account_totals(account.number)
            .and_then(|t| t.get(start..=end.min(t.len().saturating_sub(1))))
            .filter(|_| start <= end)
            .map(|t| t.iter().map(|x| x.balance_lc()).sum())
            .unwrap_or_default();
        pnl.insert(account.number, movement);
    }
    let total = centre_row(0, None, &pnl, &types);
    report.revenue_lc = total.revenue_lc;
    report.expense_lc = total.expense_lc;
    report.result_lc = total.result_lc;

    let index = book.centre_index();
    for dimension in 1..=DIMENSIONS as u8 {
        let mut centres: BTreeMap<&str, BTreeMap<AccountNo, Decimal>> = BTreeMap::new();
        for (code, amounts) in index.centres(dimension) {
            let per_account = centres.entry(code).or_default();
            for ((period, account), amount) in amounts {
                if (start..=end).contains(period) {
                    *per_account.entry(*account).or_default() += *amount;
                }
            }
        }
        let defined = book.costing().dimension(dimension).is_some();
        if !defined && centres.is_empty() {
            continue;
        }
        let mut unassigned = pnl.clone();
        for per_account in centres.values() {
            for (account, amount) in per_account {
                *unassigned.entry(*account).or_default() -= *amount;
            }
        }
        for (code, per_account) in &centres {
            report.rows.push(centre_row(
                dimension,
                Some(code.to_string()),
                per_account,
                &types,
            ));
        }
        report
            .rows
            .push(centre_row(dimension, None, &unassigned, &types));
    }
    Ok(report)
}

impl Book {
    pub fn cost_centre_report(
        &self,
        from: PeriodRef,
        to: PeriodRef,
    ) -> Result<CostCentreReport, DomainError> {
        cost_centre_report(self, from, to)
    }
}
