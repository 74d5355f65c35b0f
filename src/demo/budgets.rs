//! The demo company's budgets (issue 17): for its first fiscal year, every
//! profit-and-loss account with postings gets a budget of its own actuals
//! per period plus 5 % (revenue and expenses alike, rounded to the cent),
//! set by one `SetBudgets` the engine checks, so the budget report shows
//! deviations at once. Deterministic: it reads only the Book.

use super::DemoError;
use crate::ledger::statements::budget::raise;
use crate::ledger::statements::{BudgetKey, BudgetRow, StatementsCommand};
use crate::ledger::types::{PeriodRef, Timestamp};
use crate::ledger::{Book, Command, Event};
use rust_decimal::Decimal;

/// The percentage the demo's budgets lie above its actuals.
pub const DEMO_BUDGET_PERCENT: i64 = 5;

pub fn budget_events(book: &mut Book, year: i32) -> Result<Vec<Event>, DemoError> {
    let calendar = book.calendar();
    let Some(start) = calendar.index_of(PeriodRef {
        fiscal_year: year,
        period: 1,
    }) else {
        return Ok(Vec::new());
    };
    let ppy = calendar.layout().periods_per_year();
    let decimals = book.settings().lc_decimals();
    let rows: Vec<BudgetRow> = book
        .accounts()
        .filter(|a| a.postable && a.account_type.is_profit_and_loss())
        .filter_map(|a| {
            let totals = book.account_totals(a.number)?;
            let actual: Vec<Decimal> = (start..start + ppy)
                .map(|p| {
                    totals
                        .get(p)
                        .map_or(Decimal::ZERO, |t| t.debit_lc - t.credit_lc)
                })
                .collect();
            if actual.iter().all(Decimal::is_zero) {
                return None;
            }
            Some(BudgetRow {
                key: BudgetKey {
                    year,
                    account: a.number,
                    centre: None,
                },
                amounts: raise(&actual, Decimal::from(DEMO_BUDGET_PERCENT), decimals),
            })
        })
        .collect();
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let at = chrono::NaiveDate::from_ymd_opt(year, 1, 2)
        .and_then(|d| Timestamp::at(d, 8, 0, 0))
        .ok_or(DemoError::YearOutOfRange { year })?;
    let cmd = Command::Statements(StatementsCommand::SetBudgets {
        year,
        rows,
        by: "demo".into(),
        at,
    });
    Ok(book.execute(&cmd)?)
}
