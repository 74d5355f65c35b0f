//! Why the recurring sub-ledger refuses a command.

use crate::ledger::gl::GlError;
use crate::ledger::journal::JournalError;
use crate::ledger::recurring::due::Source;
use crate::ledger::types::InputError;
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecurringError {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Gl(GlError),
    #[error(transparent)]
    Journal(JournalError),
    #[error("the template's shares sum to {sum} %, not 100 %")]
    SharesNot100 { sum: Decimal },
    #[error("there is no posting template {code:?}")]
    UnknownTemplate { code: String },
    #[error("there is no standing posting {number}")]
    UnknownStanding { number: u32 },
    #[error("there is no loan {number}")]
    UnknownLoan { number: u32 },
    #[error("{origin:?} is not due on {date}")]
    NotDue { origin: Source, date: NaiveDate },
    #[error("the loan's term is zero")]
    ZeroTerm,
    #[error("occurrence {origin:?} on {date}: {error}")]
    Occurrence {
        origin: Source,
        date: NaiveDate,
        error: Box<JournalError>,
    },
}
