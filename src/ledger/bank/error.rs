//! Refusals of the bank sub-ledger. Payment refusals of a posted line pass
//! through with the line they are about.

use crate::ledger::gl::GlError;
use crate::ledger::payments::PaymentsError;
use crate::ledger::types::{AccountNo, Currency, InputError};

/// The field of a house bank a refusal points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HouseBankField {
    Code,
    Name,
    Account,
    Iban,
    Bic,
    SuspenseAccount,
}

/// The field of a rule a refusal points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleField {
    Name,
    Iban,
    Purpose,
    Amount,
    /// The partner of a `Partner` rule does not exist.
    Partner,
    /// No condition on IBAN, name, purpose or amount: it would match
    /// every line.
    Conditions,
    /// `Gl` split part `index`.
    Split {
        index: usize,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BankError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Gl(#[from] GlError),
    /// A line's payment was refused.
    #[error("statement line {}: {error}", line + 1)]
    Line {
        line: u32,
        error: Box<PaymentsError>,
    },
    #[error("house bank {code} does not exist")]
    HouseBankUnknown { code: String },
    #[error("house bank field {field:?} is invalid")]
    HouseBankInvalid { field: HouseBankField },
    #[error("the IBAN belongs to house bank {code} already")]
    IbanTaken { code: String },
    #[error("account {} is not a bank account", account.as_str())]
    NotABankAccount { account: AccountNo },
    /// A statement of the file is for an account that is no house bank.
    #[error("statement {statement_id}: IBAN {iban} is no house bank")]
    NoHouseBankFor { statement_id: String, iban: String },
    #[error("statement {statement_id}: currency {} is not the house bank's {}", found.as_str(), expected.as_str())]
    CurrencyMismatch {
        statement_id: String,
        found: Currency,
        expected: Currency,
    },
    #[error("the file holds no statement")]
    NoStatements,
    #[error("the file is empty")]
    EmptyFile,
    /// Every line of the file was imported before: nothing is stored.
    #[error("every line of the file was imported before ({skipped} skipped)")]
    NothingNew { skipped: u32 },
    /// A statement names no account (CSV) and the import names no house
    /// bank.
    #[error("statement {statement_id}: no house bank chosen")]
    HouseBankMissing { statement_id: String },
    #[error("the command names no statement line")]
    NoLines,
    #[error("the file has {size} bytes, at most {max}")]
    FileTooLarge { size: usize, max: usize },
    #[error("statement {number} does not exist")]
    StatementUnknown { number: u32 },
    #[error("statement line {} does not exist", line + 1)]
    LineUnknown { line: u32 },
    #[error("statement line {} is posted already (payment {payment})", line + 1)]
    LinePosted { line: u32, payment: u32 },
    #[error("statement line {} appears twice", line + 1)]
    LineTwice { line: u32 },
    /// The payment of a line does not move the line's amount on the house
    /// bank's account.
    #[error("statement line {}: the payment does not match the line's amount or account", line + 1)]
    LineMismatch { line: u32 },
    #[error("statement {number} is intraday information and is not posted")]
    Intraday { number: u32 },
    #[error("rule {id} does not exist")]
    RuleUnknown { id: u32 },
    #[error("rule field {field:?} is invalid")]
    RuleInvalid { field: RuleField },
    #[error("an event does not fit the bank ledger")]
    Mismatch,
}
