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
    #[error("the loan's name is empty or longer than {max} characters")]
    LoanName { max: usize },
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
}
