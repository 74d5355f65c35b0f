//! Imported statements (Kontoauszüge) and their lines, as the engine keeps
//! them: whatever the file format was, a line has what the matcher reads.
//! Text fields are empty when the file gave nothing.

use crate::ledger::types::{Currency, Timestamp};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One line (Umsatz) of a statement.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BankLine {
    pub booking_date: NaiveDate,
    pub value_date: NaiveDate,
    /// Signed, the account holder's view: money in +, money out −.
    pub amount: Decimal,
    pub currency: Currency,
    pub counterparty: String,
    /// Electronic form, when the file gave a valid IBAN.
    pub iban: String,
    pub bic: String,
    /// Verwendungszweck (remittance information, or the bank's posting
    /// text when there is none).
    pub purpose: String,
    /// Structured creditor reference (ISO 11649 `RF…`).
    pub creditor_reference: String,
    pub end_to_end_id: String,
    pub mandate_id: String,
    /// The bank's reference (AcctSvcrRef).
    pub bank_reference: String,
    /// Bank transaction code as text (`PMNT/RCDT/ESCT` or the GVC).
    pub transaction_code: String,
    /// The duplicate key (`formats::bank::StatementLine::duplicate_key`
    /// as text): a line whose key the house bank has seen is skipped.
    pub key: String,
}

/// A balance on a date, signed (money on the account +).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BalanceAt {
    pub date: NaiveDate,
    pub amount: Decimal,
}

/// A statement as read from a file, before import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementDraft {
    /// The statement account's IBAN (electronic form); empty when the file
    /// names none (CSV): then the import's house bank is used.
    pub iban: String,
    pub statement_id: String,
    /// Statement number (ElctrncSeqNb, :28C:).
    pub sequence_no: String,
    /// `camt.053.001.08`, `MT940`, `CSV` …
    pub format: String,
    /// camt.052 / MT942: shown, not posted by default.
    pub intraday: bool,
    pub currency: Currency,
    pub opening: Option<BalanceAt>,
    pub closing: Option<BalanceAt>,
    pub lines: Vec<BankLine>,
}

/// An imported statement: its lines without the duplicates skipped.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Statement {
    pub number: u32,
    pub house_bank: String,
    /// The imported file it came from.
    pub file: u32,
    pub statement_id: String,
    pub sequence_no: String,
    pub format: String,
    pub intraday: bool,
    pub currency: Currency,
    pub opening: Option<BalanceAt>,
    pub closing: Option<BalanceAt>,
    pub lines: Vec<BankLine>,
    /// Lines of the file skipped as already imported.
    pub skipped: u32,
}

/// An imported file, kept as it came (viewable, in every backup).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportedFile {
    pub number: u32,
    pub name: String,
    pub bytes: Vec<u8>,
    pub by: String,
    pub at: Timestamp,
}

/// Line `line` (0-based) of statement `statement`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct LineRef {
    pub statement: u32,
    pub line: u32,
}

/// The balance checks of a statement (Saldenabgleich), in the house
/// bank's currency: its opening balance against the previous statement's
/// closing balance and against the bank account's booked balance before
/// the statement's first day; its closing balance against the booked
/// balance at its last day. A difference is `opening − other` (or
/// `closing − booked`); `None` where the file gave no balance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementCheck {
    pub number: u32,
    /// The first day: the earliest booking date of a line, else the
    /// opening balance's date.
    pub first_date: NaiveDate,
    /// The last day: the closing balance's date, else the latest booking
    /// date of a line.
    pub last_date: NaiveDate,
    pub opening: Option<Decimal>,
    /// The closing balance of the house bank's statement before this one
    /// (not intraday), when it has one.
    pub previous_closing: Option<Decimal>,
    /// Booked on the bank account before `first_date`.
    pub booked_before: Decimal,
    pub closing: Option<Decimal>,
    /// Booked on the bank account up to and including `last_date`.
    pub booked_at_end: Decimal,
    pub opening_vs_previous: Option<Decimal>,
    pub opening_vs_booked: Option<Decimal>,
    pub closing_vs_booked: Option<Decimal>,
    pub lines_open: usize,
    pub lines_posted: usize,
}
