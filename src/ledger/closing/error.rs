//! Why year-end closing or opening balances are refused.

use crate::ledger::gl::GlError;
use crate::ledger::journal::JournalError;
use crate::ledger::types::InputError;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClosingError {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Gl(GlError),
    #[error(transparent)]
    Journal(JournalError),
    #[error("fiscal year {year} is already closed")]
    AlreadyClosed { year: i32 },
    #[error("fiscal year {year} is not closed")]
    NotClosed { year: i32 },
    #[error("fiscal year {year} has locked periods; its closing cannot be reverted")]
    YearLocked { year: i32 },
    #[error("the fiscal year after {year} is not open")]
    NextYearNotOpen { year: i32 },
    #[error("the opening balances do not balance: debit − credit = {difference}")]
    OpeningUnbalanced { difference: Decimal },
}
