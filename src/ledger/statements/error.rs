//! Why the statements sub-ledger refuses a command.

use crate::ledger::gl::GlError;
use crate::ledger::types::{AccountNo, InputError};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StatementsError {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Gl(GlError),
    #[error("there is no statement line {line:?}")]
    UnknownLine { line: String },
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
}
