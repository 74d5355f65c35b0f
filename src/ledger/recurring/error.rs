//! Why the recurring sub-ledger refuses a command.

use crate::finance::loan::LoanError;
use crate::ledger::gl::GlError;
use crate::ledger::journal::JournalError;
use crate::ledger::recurring::due::Source;
use crate::ledger::types::{AccountNo, InputError};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RecurringError {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Gl(GlError),
    /// Also a template line's account, tax code or centre, and a standing
    /// posting's draft as it would post on its first date (with its line).
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
    // --- loans (part B) ---
    /// A loan's terms (principal, rates, interval, payment day, term)
    /// other than the zero term.
    #[error("loan: {0}")]
    Loan(LoanError),
    #[error(
        "account {account} cannot be a loan account (a postable balance-sheet account: liability for a loan taken, asset for a loan given)"
    )]
    LoanAccount { account: AccountNo },
    #[error(
        "account {account} cannot take the loan's interest (an expense account for a loan taken, a revenue account for a loan given)"
    )]
    LoanInterestAccount { account: AccountNo, given: bool },
    #[error(
        "account {account} cannot be the loan's bank account (a postable asset account other than the loan account)"
    )]
    LoanBankAccount { account: AccountNo },
    #[error("loan {loan}: a rate change from {from} comes too early; the earliest is {earliest}")]
    RateChangeTooEarly {
        loan: u32,
        from: NaiveDate,
        earliest: NaiveDate,
    },
    #[error("loan {loan}: the instalment of {date} is posted and cannot change")]
    LoanPostedRowsChange { loan: u32, date: NaiveDate },
    #[error("a company holds at most {max} loans")]
    TooManyLoans { max: usize },
    #[error("occurrence {origin:?} on {date}: {error}")]
    Occurrence {
        origin: Source,
        date: NaiveDate,
        error: Box<JournalError>,
    },
    // ----- templates (part A) -----
    #[error("{code:?} is not a valid template code (1 to {max} letters, digits, - or _)")]
    InvalidCode { code: String, max: usize },
    #[error("the name must not be empty and has at most {max} characters")]
    InvalidName { max: usize },
    #[error("the template has no lines")]
    NoLines,
    #[error("a template has at most {max} lines, this one has {count}")]
    TooManyLines { count: usize, max: usize },
    #[error(
        "line {line}: {percent} % is not a share above 0 and up to 100 with at most 2 decimals"
    )]
    InvalidPercent { line: usize, percent: Decimal },
    // ----- schedules (part A) -----
    #[error("the schedule names no day of the month")]
    NoDays,
    #[error("{day} is not a day of the month (1 to 31)")]
    InvalidDay { day: u8 },
    #[error("the schedule ends on {until}, before its first date {first}")]
    EndBeforeFirst { first: NaiveDate, until: NaiveDate },
    #[error("the number of occurrences must be 1 to {max}")]
    InvalidCount { max: u32 },
    // ----- posting what is due (part A) -----
    #[error("no occurrence was chosen")]
    NothingToPost,
    #[error("at most {max} occurrences are posted at once, these are {count}")]
    TooManyOccurrences { count: usize, max: usize },
}

impl RecurringError {
    /// The 0-based line (of a template or a draft) the refusal is about.
    pub fn line(&self) -> Option<usize> {
        match self {
            RecurringError::Input(e) => e.line(),
            RecurringError::Gl(e) => e.clone().line_mut().copied(),
            RecurringError::Journal(e) => e.line(),
            RecurringError::Occurrence { error, .. } => error.line(),
            RecurringError::InvalidPercent { line, .. } => Some(*line),
            RecurringError::SharesNot100 { .. }
            | RecurringError::UnknownTemplate { .. }
            | RecurringError::UnknownStanding { .. }
            | RecurringError::UnknownLoan { .. }
            | RecurringError::NotDue { .. }
            | RecurringError::ZeroTerm
            | RecurringError::InvalidCode { .. }
            | RecurringError::InvalidName { .. }
            | RecurringError::NoLines
            | RecurringError::TooManyLines { .. }
            | RecurringError::NoDays
            | RecurringError::InvalidDay { .. }
            | RecurringError::EndBeforeFirst { .. }
            | RecurringError::InvalidCount { .. }
            | RecurringError::NothingToPost
            | RecurringError::TooManyOccurrences { .. }
            | RecurringError::Loan(_)
            | RecurringError::LoanAccount { .. }
            | RecurringError::LoanInterestAccount { .. }
            | RecurringError::LoanBankAccount { .. }
            | RecurringError::RateChangeTooEarly { .. }
            | RecurringError::LoanPostedRowsChange { .. }
            | RecurringError::TooManyLoans { .. } => None,
        }
    }
}

impl From<JournalError> for RecurringError {
    fn from(e: JournalError) -> RecurringError {
        RecurringError::Journal(e)
    }
}

impl From<InputError> for RecurringError {
    fn from(e: InputError) -> RecurringError {
        RecurringError::Input(e)
    }
}
