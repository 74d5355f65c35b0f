//! Budget versus actual (Plan-Ist-Vergleich) of one fiscal year's periods
//! `from..=to`: per budgeted account (and cost centre) the budget, the
//! actual from the balance index (per centre from the centre index
//! `costing` keeps) and the deviation in amount and percent. Amounts are
//! shown in the account's natural sign (`statements::budget::natural_sign`:
//! a revenue budget and its actual positive). A year-end closing entry is
//! left out of the actuals, as in the statements.

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::gl::GlError;
use crate::ledger::report::statements::deviation;
use crate::ledger::statements::budget::{BUDGET_DIMENSION, natural_sign};
use crate::ledger::types::{AccountNo, PeriodRef};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Which budgets the report shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CentreFilter {
    /// Every budget row, with or without a centre.
    All,
    /// Rows of the whole account (no centre).
    NoCentre,
    /// Rows of one centre of dimension 1.
    Centre(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetReportRow {
    pub account: AccountNo,
    pub centre: Option<String>,
    pub budget: Decimal,
    pub actual: Decimal,
    /// `actual - budget`.
    pub deviation: Decimal,
    /// In percent of the budget's magnitude, one decimal; `None` for a
    /// zero budget.
    pub deviation_percent: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetReport {
    pub year: i32,
    pub from: u8,
    pub to: u8,
    pub rows: Vec<BudgetReportRow>,
}

/// Budget against actual for periods `from..=to` of fiscal year `year`.
pub fn budget_vs_actual(
    book: &Book,
    year: i32,
    from: u8,
    to: u8,
    filter: &CentreFilter,
) -> Result<BudgetReport, DomainError> {
    let calendar = book.calendar();
    let first = PeriodRef {
        fiscal_year: year,
        period: from,
    };
    let last = PeriodRef {
        fiscal_year: year,
        period: to,
    };
    let start = calendar
        .index_of(first)
        .ok_or(GlError::PeriodNotFound { period: first })?;
    let end = calendar
        .index_of(last)
        .ok_or(GlError::PeriodNotFound { period: last })?;
    let mut report = BudgetReport {
        year,
        from,
        to,
        rows: Vec::new(),
    };
    if start > end {
        return Ok(report);
    }
    let year_start = calendar.year_start_index(start);
    // Closing entries within the range, per account and per centre.
    let mut closing: BTreeMap<(AccountNo, Option<&str>), Decimal> = BTreeMap::new();
    for c in book.closing().years().filter(|c| c.reverted.is_none()) {
        for entry in c.entries.iter().filter_map(|id| book.entry(*id)) {
            let Some(p) = calendar.index_of_date(entry.posting_date) else {
                continue;
            };
            if p < start || p > end {
                continue;
            }
            for l in &entry.lines {
                let signed = l.side.sign(l.amount_lc);
                *closing.entry((l.account, None)).or_default() += signed;
                if let Some(Some(code)) = l.dims().first() {
                    *closing.entry((l.account, Some(code.as_str()))).or_default() += signed;
                }
            }
        }
    }
    let centres: BTreeMap<&str, _> = book.centre_index().centres(BUDGET_DIMENSION).collect();
    for (key, amounts) in book.statements().budgets_of(year) {
        match (filter, &key.centre) {
            (CentreFilter::NoCentre, Some(_)) => continue,
            (CentreFilter::Centre(c), Some(k)) if c != k => continue,
            (CentreFilter::Centre(_), None) => continue,
            _ => {}
        }
        let Some(account) = book.account(key.account) else {
            continue;
        };
        let sign = natural_sign(account.account_type);
        let budget: Decimal = amounts
            .iter()
            .skip(start - year_start)
            .take(end - start + 1)
            .sum();
        let actual = match &key.centre {
            None => {
                let per_period = book.account_totals(key.account).unwrap_or(&[]);
                per_period
                    .iter()
                    .skip(start)
                    .take(end - start + 1)
                    .map(|t| t.debit_lc - t.credit_lc)
                    .sum::<Decimal>()
            }
            Some(code) => centres
                .get(code.as_str())
                .map(|a| {
                    a.range((start, key.account)..=(end, key.account))
                        .filter(|((_, acc), _)| *acc == key.account)
                        .map(|(_, v)| *v)
                        .sum::<Decimal>()
                })
                .unwrap_or_default(),
        } - closing
            .get(&(key.account, key.centre.as_deref()))
            .copied()
            .unwrap_or_default();
        let (budget, actual) = (budget * sign, actual * sign);
        let (dev, pct) = deviation(actual, budget);
        report.rows.push(BudgetReportRow {
            account: key.account,
            centre: key.centre.clone(),
            budget,
            actual,
            deviation: dev,
            deviation_percent: pct,
        });
    }
    Ok(report)
}
