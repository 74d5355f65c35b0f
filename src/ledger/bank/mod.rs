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
mod import;
pub mod matching;
mod post;
pub mod rules;
pub mod statement;

pub use command::{BankCommand, BankEvent, LinePosting, PostedLine};
pub use error::{BankError, HouseBankField, RuleField};
pub use house_bank::HouseBank;
pub use rules::{Conditions, Rule, RuleAction, RuleSplit, Share, Sign, TextMatch};
pub use statement::{
    BalanceAt, BankLine, ImportedFile, LineRef, Statement, StatementCheck, StatementDraft,
};

use crate::ledger::payments::Payments;
use crate::ledger::posting::Context;
use crate::ledger::types::limits::MAX_TEXT_LEN;
use crate::ledger::types::{Field, check_text};
use std::collections::{HashMap, HashSet};

/// The bank sub-ledger's state.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// How many times each line was posted (cancelled payments included):
    /// part of the line's posting key.
    times: HashMap<LineRef, u32>,
    /// The line each payment posted (payments of bank lines only).
    by_payment: HashMap<u32, LineRef>,
    /// The highest rule id given so far (ids are never reused).
    last_rule: u32,
}

impl Bank {
    /// What `cmd` appends, or why not. Pure. `PostLines` is checked by the
    /// Book (it builds payments one after another, see `Book::check`):
    /// here it is refused as `Mismatch`; `check_post_lines` holds the part
    /// the bank checks.
    pub fn check(
        &self,
        cx: Context<'_>,
        payments: &Payments,
        cmd: &BankCommand,
    ) -> Result<Vec<BankEvent>, BankError> {
        let _ = payments;
        let event = match cmd {
            BankCommand::SaveHouseBank { bank, by, at } => {
                check_text(by, Field::User, MAX_TEXT_LEN, true)?;
                BankEvent::HouseBankSaved {
                    bank: Box::new(bank.checked(cx.gl, &self.house_banks)?),
                    by: by.clone(),
                    at: *at,
                }
            }
            BankCommand::Import {
                house_bank,
                file_name,
                bytes,
                statements,
                by,
                at,
            } => {
                let (file, statements) = self.check_import(&import::ImportRequest {
                    house_bank: house_bank.as_deref(),
                    file_name,
                    bytes,
                    statements,
                    by,
                    at: *at,
                })?;
                BankEvent::FileImported {
                    file: Box::new(file),
                    statements,
                }
            }
            BankCommand::SaveRule { rule, by, at } => BankEvent::RuleSaved {
                rule: Box::new(self.check_rule(cx, rule, by)?),
                by: by.clone(),
                at: *at,
            },
            BankCommand::DeleteRule { id, by, at } => {
                check_text(by, Field::User, MAX_TEXT_LEN, true)?;
                self.rule_position(*id)?;
                BankEvent::RuleDeleted {
                    id: *id,
                    by: by.clone(),
                    at: *at,
                }
            }
            BankCommand::MoveRule { id, to, by, at } => {
                check_text(by, Field::User, MAX_TEXT_LEN, true)?;
                self.check_move(*id, *to)?;
                BankEvent::RuleMoved {
                    id: *id,
                    to: *to,
                    by: by.clone(),
                    at: *at,
                }
            }
            BankCommand::PostLines { .. } => return Err(BankError::Mismatch),
        };
        Ok(vec![event])
    }

    /// A rule as saved: a new one (id 0) gets the next id, an existing one
    /// must exist; the rule's own check (accounts, partner, expressions,
    /// split) must pass.
    fn check_rule(&self, cx: Context<'_>, rule: &Rule, by: &str) -> Result<Rule, BankError> {
        check_text(by, Field::User, MAX_TEXT_LEN, true)?;
        rule.check(cx)?;
        let id = if rule.id == 0 {
            self.next_rule_id()
        } else {
            self.rule_position(rule.id)?;
            rule.id
        };
        Ok(Rule { id, ..rule.clone() })
    }

    /// The id a new rule gets: one more than any given before, so the id
    /// of a deleted rule is never reused.
    pub fn next_rule_id(&self) -> u32 {
        self.last_rule.saturating_add(1)
    }

    fn rule_position(&self, id: u32) -> Result<usize, BankError> {
        self.rules
            .iter()
            .position(|r| r.id == id)
            .ok_or(BankError::RuleUnknown { id })
    }

    fn check_move(&self, id: u32, to: u32) -> Result<usize, BankError> {
        let from = self.rule_position(id)?;
        match usize::try_from(to) {
            Ok(to) if to < self.rules.len() => Ok(from),
            _ => Err(BankError::RuleUnknown { id }),
        }
    }

    /// Folds one event in, re-checking it.
    pub fn apply(
        &mut self,
        cx: Context<'_>,
        payments: &Payments,
        event: &BankEvent,
    ) -> Result<(), BankError> {
        match event {
            BankEvent::HouseBankSaved { bank, .. } => {
                let checked = bank.checked(cx.gl, &self.house_banks)?;
                if checked != **bank {
                    return Err(BankError::Mismatch);
                }
                match self.house_banks.iter_mut().find(|b| b.code == bank.code) {
                    Some(old) => *old = checked,
                    None => self.house_banks.push(checked),
                }
            }
            BankEvent::FileImported { file, statements } => {
                self.check_imported(file, statements)?;
                for s in statements {
                    let keys = self.keys.entry(s.house_bank.clone()).or_default();
                    keys.extend(s.lines.iter().map(|l| l.key.clone()));
                }
                self.files.push((**file).clone());
                self.statements.extend(statements.iter().cloned());
            }
            BankEvent::RuleSaved { rule, .. } => self.apply_rule(cx, rule)?,
            BankEvent::RuleDeleted { id, .. } => {
                let at = self.rule_position(*id)?;
                self.rules.remove(at);
            }
            BankEvent::RuleMoved { id, to, .. } => {
                let from = self.check_move(*id, *to)?;
                let rule = self.rules.remove(from);
                let to = usize::try_from(*to).map_err(|_| BankError::Mismatch)?;
                self.rules.insert(to, rule);
            }
            BankEvent::LinesPosted {
                statement, lines, ..
            } => {
                self.check_lines_posted(cx, payments, *statement, lines)?;
                for posted in lines {
                    let at = LineRef {
                        statement: *statement,
                        line: posted.line,
                    };
                    self.posted.insert(at, posted.payment);
                    *self.times.entry(at).or_default() += 1;
                    self.by_payment.insert(posted.payment, at);
                }
            }
        }
        Ok(())
    }

    fn apply_rule(&mut self, cx: Context<'_>, rule: &Rule) -> Result<(), BankError> {
        rule.check(cx)?;
        let next = self.next_rule_id();
        match self.rules.iter_mut().find(|r| r.id == rule.id) {
            Some(old) => *old = rule.clone(),
            None if rule.id == next => {
                self.rules.push(rule.clone());
                self.last_rule = rule.id;
            }
            None => return Err(BankError::Mismatch),
        }
        Ok(())
    }

    /// Whether house bank `code` has imported a line with duplicate key
    /// `key`.
    pub fn has_key(&self, code: &str, key: &str) -> bool {
        self.keys.get(code).is_some_and(|k| k.contains(key))
    }

    /// How many times line `at` was posted (its cancelled payments
    /// included).
    pub fn times_posted(&self, at: LineRef) -> u32 {
        self.times.get(&at).copied().unwrap_or(0)
    }

    /// The statement line payment `number` posted, if it came from one.
    pub fn payment_line(&self, number: u32) -> Option<LineRef> {
        self.by_payment.get(&number).copied()
    }

    fn payment_has_line(&self, number: u32) -> bool {
        self.by_payment.contains_key(&number)
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
