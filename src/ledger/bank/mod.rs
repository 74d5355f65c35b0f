//! The bank sub-ledger (Bankabstimmung): house bank accounts, imported
//! statements with their original files, the matching of statement lines
//! to open items (`matching`) by proposals and by rules the user writes or
//! the app learns (`rules`), and the posting of accepted lines as payments
//! (`post`, built in the Book: each line becomes a payment of the payment
//! sub-ledger, the whole statement in one append).
//!
//! It sits above payments: a posted line is a payment, and a line is open
//! again once its payment is cancelled. What a file holds reaches this
//! sub-ledger as `StatementDraft`s (`crate::forms::statement` maps the
//! parsed bank formats), so the engine knows no file format.

pub mod command;
pub mod error;
pub mod house_bank;
pub mod matching;
pub mod rules;
pub mod statement;

pub use command::{BankCommand, BankEvent, LinePosting, PostedLine};
pub use error::{BankError, HouseBankField, RuleField};
pub use house_bank::HouseBank;
pub use rules::{Conditions, Rule, RuleAction, RuleSplit, Share, Sign, TextMatch};
pub use statement::{BalanceAt, BankLine, ImportedFile, LineRef, Statement, StatementDraft};

use crate::ledger::payments::Payments;
use crate::ledger::posting::Context;
use std::collections::{HashMap, HashSet};

/// The bank sub-ledger's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bank {
    /// In the order they were first saved.
    house_banks: Vec<HouseBank>,
    /// `files[n - 1]` is file number n.
    files: Vec<ImportedFile>,
    /// `statements[n - 1]` is statement number n.
    statements: Vec<Statement>,
    /// In the order they are tried.
    rules: Vec<Rule>,
    /// The duplicate keys of every imported line, per house bank code.
    keys: HashMap<String, HashSet<String>>,
    /// The payment each posted line became (the latest, when a line was
    /// posted again after its payment was cancelled).
    posted: HashMap<LineRef, u32>,
}

impl Bank {
    /// What `cmd` appends, or why not. Pure. `PostLines` is checked by the
    /// Book (it builds payments one after another): see `Book::check`.
    pub fn check(
        &self,
        cx: Context<'_>,
        payments: &Payments,
        cmd: &BankCommand,
    ) -> Result<Vec<BankEvent>, BankError> {
        let _ = (cx, payments, cmd);
        Err(BankError::NotYet)
    }

    /// Folds one event in, re-checking it.
    pub fn apply(
        &mut self,
        cx: Context<'_>,
        payments: &Payments,
        event: &BankEvent,
    ) -> Result<(), BankError> {
        let _ = (cx, payments, event);
        Err(BankError::NotYet)
    }

    pub fn house_banks(&self) -> &[HouseBank] {
        &self.house_banks
    }

    pub fn house_bank(&self, code: &str) -> Option<&HouseBank> {
        self.house_banks.iter().find(|b| b.code == code)
    }

    /// The house bank whose IBAN is `iban` (normalised), if any.
    pub fn house_bank_by_iban(&self, iban: &str) -> Option<&HouseBank> {
        self.house_banks.iter().find(|b| b.iban == iban)
    }

    pub fn files(&self) -> &[ImportedFile] {
        &self.files
    }

    pub fn file(&self, number: u32) -> Option<&ImportedFile> {
        self.files
            .get(usize::try_from(number).ok()?.checked_sub(1)?)
    }

    /// Every statement, in import order.
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    pub fn statement(&self, number: u32) -> Option<&Statement> {
        self.statements
            .get(usize::try_from(number).ok()?.checked_sub(1)?)
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The payment line `line` was last posted as, cancelled or not; the
    /// Book's `bank_line_payment` says whether it still stands.
    pub fn posted_payment(&self, line: LineRef) -> Option<u32> {
        self.posted.get(&line).copied()
    }
}
