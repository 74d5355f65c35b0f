//! Financial statements' master data (issue 17): where each account
//! stands in the balance sheet (Bilanz, § 266 HGB for small companies) and
//! the profit and loss account (GuV, § 275 HGB, total-cost format), and
//! budgets per account (and optionally cost centre) and period. Rank 3:
//! reads `gl` (accounts, calendar) and `costing` (centres).
//!
//! The layout is data: the structure (`layout`: lines with their German
//! and English labels) and, per chart template, account ranges mapped to
//! its lines (`layouts/*.txt`); a user moves an account to another line
//! by a command (`StatementsCommand::SetPosition`), kept as an override.
//! The statements themselves are reports (`report::statements`,
//! `report::budget`).
//!
//! Where is what: `layout` (structure and range mapping), `budget`
//! (budget rows), `command`, `error`.

pub mod budget;
pub mod command;
pub mod error;
pub mod layout;

pub use budget::{BUDGET_DIMENSION, BudgetKey, BudgetRow, MAX_BUDGET_ROWS};
pub use command::{StatementsCommand, StatementsEvent};
pub use error::StatementsError;
pub use layout::{LayoutLine, Source, Statement};

use crate::ledger::costing::Costing;
use crate::ledger::gl::{Account, Gl, GlError};
use crate::ledger::types::money::{MAX_ABS_AMOUNT, decimals_used};
use crate::ledger::types::{AccountNo, PeriodRef};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// What the statements sub-ledger reads.
#[derive(Clone, Copy)]
pub struct Refs<'a> {
    pub gl: &'a Gl,
    pub costing: &'a Costing,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Statements {
    /// Account → layout line key, where the user moved it.
    overrides: BTreeMap<AccountNo, String>,
    /// Budget amounts per key, one per period of the key's fiscal year.
    budgets: BTreeMap<BudgetKey, Vec<Decimal>>,
}

impl Statements {
    pub fn overrides(&self) -> &BTreeMap<AccountNo, String> {
        &self.overrides
    }

    pub fn budgets(&self) -> &BTreeMap<BudgetKey, Vec<Decimal>> {
        &self.budgets
    }

    /// The budgets of fiscal year `year`.
    pub fn budgets_of(&self, year: i32) -> impl Iterator<Item = (&BudgetKey, &Vec<Decimal>)> + '_ {
        self.budgets.iter().filter(move |(k, _)| k.year == year)
    }

    /// The line `account` stands on and why: the user's override, the
    /// chart's range, or the default line of its type.
    pub fn position(&self, gl: &Gl, account: &Account) -> (&'static str, Source) {
        if let Some(key) = self.overrides.get(&account.number)
            && let Some(line) = layout::line(key)
        {
            return (line.key, Source::Override);
        }
        let mapping = layout::chart_mapping(gl.settings().chart);
        match mapping.line_of(account.number) {
            Some(key)
                if layout::line(key).map(|l| l.statement)
                    == Some(Statement::of(account.account_type)) =>
            {
                (key, Source::Chart)
            }
            _ => (layout::default_line(account.account_type), Source::Unmapped),
        }
    }

    pub fn check(
        &self,
        refs: Refs<'_>,
        cmd: &StatementsCommand,
    ) -> Result<StatementsEvent, StatementsError> {
        match cmd {
            StatementsCommand::SetPosition {
                account,
                line,
                by,
                at,
            } => {
                check_position(refs, *account, line.as_deref())?;
                Ok(StatementsEvent::PositionSet {
                    account: *account,
                    line: line.clone(),
                    by: by.clone(),
                    at: *at,
                })
            }
            StatementsCommand::SetBudgets { year, rows, by, at } => {
                check_budgets(refs, *year, rows)?;
                Ok(StatementsEvent::BudgetsSet {
                    year: *year,
                    rows: rows.clone(),
                    by: by.clone(),
                    at: *at,
                })
            }
        }
    }

    pub fn apply(
        &mut self,
        refs: Refs<'_>,
        event: &StatementsEvent,
    ) -> Result<(), StatementsError> {
        match event {
            StatementsEvent::PositionSet { account, line, .. } => {
                check_position(refs, *account, line.as_deref())?;
                match line {
                    Some(l) => {
                        self.overrides.insert(*account, l.clone());
                    }
                    None => {
                        self.overrides.remove(account);
                    }
                }
            }
            StatementsEvent::BudgetsSet { year, rows, .. } => {
                check_budgets(refs, *year, rows)?;
                for row in rows {
                    if row.amounts.iter().all(Decimal::is_zero) {
                        self.budgets.remove(&row.key);
                    } else {
                        self.budgets.insert(row.key.clone(), row.amounts.clone());
                    }
                }
            }
        }
        Ok(())
    }
}

fn check_position(
    refs: Refs<'_>,
    account: AccountNo,
    line: Option<&str>,
) -> Result<(), StatementsError> {
    let acc = refs
        .gl
        .account(account)
        .ok_or(StatementsError::Gl(GlError::UnknownAccount { account }))?;
    let Some(key) = line else {
        return Ok(());
    };
    let l = layout::line(key).ok_or_else(|| StatementsError::UnknownLine {
        line: key.chars().take(20).collect(),
    })?;
    if !l.mappable {
        return Err(StatementsError::LineNotMappable {
            line: l.key.to_string(),
        });
    }
    if l.statement != Statement::of(acc.account_type) {
        return Err(StatementsError::WrongStatement { account });
    }
    Ok(())
}

fn check_budgets(refs: Refs<'_>, year: i32, rows: &[BudgetRow]) -> Result<(), StatementsError> {
    let calendar = refs.gl.calendar();
    if calendar
        .index_of(PeriodRef {
            fiscal_year: year,
            period: 1,
        })
        .is_none()
    {
        return Err(StatementsError::UnknownYear { year });
    }
    if rows.len() > MAX_BUDGET_ROWS {
        return Err(StatementsError::TooManyBudgetRows {
            rows: rows.len(),
            max: MAX_BUDGET_ROWS,
        });
    }
    let expected = calendar.layout().periods_per_year();
    let decimals = refs.gl.settings().lc_decimals();
    let mut seen = BTreeSet::new();
    for (row, r) in rows.iter().enumerate() {
        if r.key.year != year {
            return Err(StatementsError::BudgetYear {
                row,
                found: r.key.year,
                year,
            });
        }
        if refs.gl.account(r.key.account).is_none() {
            return Err(StatementsError::BudgetAccount {
                row,
                account: r.key.account,
            });
        }
        if let Some(centre) = &r.key.centre
            && refs.costing.centre(BUDGET_DIMENSION, centre).is_none()
        {
            return Err(StatementsError::UnknownCentre {
                row,
                centre: centre.chars().take(30).collect(),
            });
        }
        if r.amounts.len() != expected {
            return Err(StatementsError::BudgetPeriods {
                row,
                periods: r.amounts.len(),
                expected,
            });
        }
        for (period, amount) in r.amounts.iter().enumerate() {
            if amount.abs() > MAX_ABS_AMOUNT {
                return Err(StatementsError::BudgetTooLarge {
                    row,
                    period: period + 1,
                    amount: *amount,
                    max: MAX_ABS_AMOUNT,
                });
            }
            if decimals_used(*amount) > decimals {
                return Err(StatementsError::BudgetDecimals {
                    row,
                    period: period + 1,
                    amount: *amount,
                    max: decimals,
                });
            }
        }
        if !seen.insert(&r.key) {
            return Err(StatementsError::DuplicateBudget { row });
        }
    }
    Ok(())
}
