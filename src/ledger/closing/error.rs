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
    /// The year is not an open fiscal year of the company.
    #[error("fiscal year {year} is not open")]
    YearNotFound { year: i32 },
    /// No profit-and-loss account has a balance in the year: nothing to
    /// close (refused rather than marking an empty closing).
    #[error("fiscal year {year} has no balance on a profit-and-loss account")]
    NothingToClose { year: i32 },
    /// Opening balances without a single line.
    #[error("no opening balance lines")]
    OpeningEmpty,
    /// An opening line names neither a G/L account nor a partner.
    #[error("opening line {line} has neither an account nor a partner")]
    OpeningLineWithoutAccount { line: usize },
    /// A closing entry is reversed only by reverting the year's closing,
    /// so the closing's record and the books never disagree.
    #[error("entry {entry} closes fiscal year {year}; revert the closing instead")]
    ClosingEntry { entry: u64, year: i32 },
}

impl ClosingError {
    /// The opening line the refusal is about, if any.
    pub fn line(&self) -> Option<usize> {
        self.clone().line_mut().copied()
    }

    /// The same line, to renumber it (the grid skips blank rows).
    pub fn line_mut(&mut self) -> Option<&mut usize> {
        match self {
            ClosingError::OpeningLineWithoutAccount { line } => Some(line),
            ClosingError::Journal(e) => e.line_mut(),
            ClosingError::Gl(e) => e.line_mut(),
            ClosingError::Input(e) => e.line_mut(),
            ClosingError::AlreadyClosed { .. }
            | ClosingError::NotClosed { .. }
            | ClosingError::YearLocked { .. }
            | ClosingError::NextYearNotOpen { .. }
            | ClosingError::OpeningUnbalanced { .. }
            | ClosingError::YearNotFound { .. }
            | ClosingError::NothingToClose { .. }
            | ClosingError::OpeningEmpty
            | ClosingError::ClosingEntry { .. } => None,
        }
    }
}

impl From<InputError> for ClosingError {
    fn from(e: InputError) -> ClosingError {
        ClosingError::Input(e)
    }
}

impl From<GlError> for ClosingError {
    fn from(e: GlError) -> ClosingError {
        ClosingError::Gl(e)
    }
}

impl From<JournalError> for ClosingError {
    fn from(e: JournalError) -> ClosingError {
        ClosingError::Journal(e)
    }
}
