//! Commands and events of the bank sub-ledger.

use crate::ledger::bank::house_bank::HouseBank;
use crate::ledger::bank::rules::Rule;
use crate::ledger::bank::statement::{ImportedFile, Statement, StatementDraft};
use crate::ledger::payments::PaymentDraft;
use crate::ledger::types::Timestamp;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BankCommand {
    /// Creates or replaces the house bank with the draft's code.
    SaveHouseBank {
        bank: Box<HouseBank>,
        by: String,
        at: Timestamp,
    },
    /// Imports the statements read from one file. Each statement belongs
    /// to the house bank of its IBAN, or to `house_bank` when the file
    /// names none (CSV). Lines already imported are skipped and counted.
    Import {
        house_bank: Option<String>,
        file_name: String,
        bytes: Vec<u8>,
        statements: Vec<StatementDraft>,
        by: String,
        at: Timestamp,
    },
    /// Creates (`rule.id == 0`) or replaces a rule.
    SaveRule {
        rule: Box<Rule>,
        by: String,
        at: Timestamp,
    },
    DeleteRule {
        id: u32,
        by: String,
        at: Timestamp,
    },
    /// Moves rule `id` to position `to` (0-based) of the order.
    MoveRule {
        id: u32,
        to: u32,
        by: String,
        at: Timestamp,
    },
    /// Posts lines of one statement, each as its payment (or G/L payment,
    /// or parked on the suspense account), all or nothing.
    PostLines {
        statement: u32,
        lines: Vec<LinePosting>,
        by: String,
        at: Timestamp,
    },
}

/// One line to post and the payment it becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinePosting {
    /// 0-based line of the statement.
    pub line: u32,
    pub draft: Box<PaymentDraft>,
}

/// A line and the payment it was posted as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PostedLine {
    pub line: u32,
    pub payment: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BankEvent {
    HouseBankSaved {
        bank: Box<HouseBank>,
        by: String,
        at: Timestamp,
    },
    /// The file and the statements it brought (duplicates left out).
    FileImported {
        file: Box<ImportedFile>,
        statements: Vec<Statement>,
    },
    RuleSaved {
        rule: Box<Rule>,
        by: String,
        at: Timestamp,
    },
    RuleDeleted {
        id: u32,
        by: String,
        at: Timestamp,
    },
    RuleMoved {
        id: u32,
        to: u32,
        by: String,
        at: Timestamp,
    },
    /// Appended after the payments' entries, clearings and events.
    LinesPosted {
        statement: u32,
        lines: Vec<PostedLine>,
        by: String,
        at: Timestamp,
    },
}
