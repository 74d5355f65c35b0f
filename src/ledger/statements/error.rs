//! Why the statements sub-ledger refuses a command.

use crate::ledger::gl::GlError;
use crate::ledger::types::{AccountNo, InputError};
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StatementsError {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Gl(GlError),
    #[error("there is no statement line {line:?}")]
    UnknownLine { line: String },
    #[error("statement line {line:?} is a subtotal; accounts cannot stand on it")]
    LineNotMappable { line: String },
    #[error("account {account} belongs in the other statement")]
    WrongStatement { account: AccountNo },
    #[error("budget row {row}: {periods} amounts for a year of {expected} periods")]
    BudgetPeriods {
        row: usize,
        periods: usize,
        expected: usize,
    },
    #[error("budget row {row}: there is no cost centre {centre:?}")]
    UnknownCentre { row: usize, centre: String },
    #[error("fiscal year {year} is not open")]
    UnknownYear { year: i32 },
    #[error("budget row {row} is for fiscal year {found}, the command for {year}")]
    BudgetYear { row: usize, found: i32, year: i32 },
    #[error("budget row {row}: account {account} does not exist")]
    BudgetAccount { row: usize, account: AccountNo },
    #[error("budget row {row} repeats an account and centre of an earlier row")]
    DuplicateBudget { row: usize },
    #[error("budget row {row}, period {period}: {amount} has more than {max} decimals")]
    BudgetDecimals {
        row: usize,
        period: usize,
        amount: Decimal,
        max: u32,
    },
    #[error("budget row {row}, period {period}: {amount} is beyond {max}")]
    BudgetTooLarge {
        row: usize,
        period: usize,
        amount: Decimal,
        max: Decimal,
    },
    #[error("{rows} budget rows in one command; at most {max}")]
    TooManyBudgetRows { rows: usize, max: usize },
}

impl StatementsError {
    /// The budget row (from 0) the refusal is about, if any.
    pub fn row(&self) -> Option<usize> {
        match self {
            StatementsError::BudgetPeriods { row, .. }
            | StatementsError::UnknownCentre { row, .. }
            | StatementsError::BudgetYear { row, .. }
            | StatementsError::BudgetAccount { row, .. }
            | StatementsError::DuplicateBudget { row }
            | StatementsError::BudgetDecimals { row, .. }
            | StatementsError::BudgetTooLarge { row, .. } => Some(*row),
            StatementsError::Input(_)
            | StatementsError::Gl(_)
            | StatementsError::UnknownLine { .. }
            | StatementsError::LineNotMappable { .. }
            | StatementsError::WrongStatement { .. }
            | StatementsError::UnknownYear { .. }
            | StatementsError::TooManyBudgetRows { .. } => None,
        }
    }
}
