//! Commands and events of the statements sub-ledger.

use crate::ledger::statements::budget::BudgetRow;
use crate::ledger::types::{AccountNo, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatementsCommand {
    /// Moves `account` to layout line `line`; `None` returns it to the
    /// chart's mapping.
    SetPosition {
        account: AccountNo,
        line: Option<String>,
        by: String,
        at: Timestamp,
    },
    /// Sets (replaces) these budget rows of fiscal year `year`; a row of
    /// zeros removes its budget.
    SetBudgets {
        year: i32,
        rows: Vec<BudgetRow>,
        by: String,
        at: Timestamp,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatementsEvent {
    PositionSet {
        account: AccountNo,
        line: Option<String>,
        by: String,
        at: Timestamp,
    },
    BudgetsSet {
        year: i32,
        rows: Vec<BudgetRow>,
        by: String,
        at: Timestamp,
    },
}
