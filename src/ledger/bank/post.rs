//! Posting statement lines: what the bank sub-ledger checks itself (the
//! statement, each line open and named once, each payment moving the
//! line's amount on the house bank's account in the line's direction),
//! the posting key of a line's payment, and the re-check of
//! `LinesPosted` when it is folded in. The payments themselves are built
//! by the Book, one after another on a scratch copy (`Book::check_bank`).

use crate::ledger::bank::Bank;
use crate::ledger::bank::command::{LinePosting, PostedLine};
use crate::ledger::bank::error::BankError;
use crate::ledger::bank::house_bank::HouseBank;
use crate::ledger::bank::statement::{BankLine, LineRef, Statement};
use crate::ledger::payments::{Direction, PaymentDraft, Payments};
use crate::ledger::posting::Context;
use crate::ledger::types::limits::{MAX_POSTED_LINES, MAX_TEXT_LEN};
use crate::ledger::types::{Field, PostingKey, check_text};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use std::collections::HashSet;

impl Bank {
    /// The checks of a `PostLines` command the bank can make alone: the
    /// statement exists and is no intraday one, the command names lines,
    /// each exists, is open and is named once, and each draft moves the
    /// line's amount on the house bank's account. Returns the house bank.
    pub fn check_post_lines(
        &self,
        cx: Context<'_>,
        payments: &Payments,
        statement: u32,
        lines: &[LinePosting],
        by: &str,
    ) -> Result<&HouseBank, BankError> {
        check_text(by, Field::User, MAX_TEXT_LEN, true)?;
        let (s, bank) = self.posting_statement(statement)?;
        if lines.is_empty() {
            return Err(BankError::NoLines);
        }
        if lines.len() > MAX_POSTED_LINES {
            return Err(BankError::LineUnknown {
                line: u32::try_from(MAX_POSTED_LINES).unwrap_or(u32::MAX),
            });
        }
        let lc = cx.gl.settings().lc;
        let mut named = HashSet::with_capacity(lines.len());
        for posting in lines {
            let line = posting.line;
            let bank_line = line_of(s, line)?;
            if !named.insert(line) {
                return Err(BankError::LineTwice { line });
            }
            let at = LineRef { statement, line };
            if let Some(payment) = self.line_payment(payments, at) {
                return Err(BankError::LinePosted { line, payment });
            }
            let currency = posting.draft.currency.unwrap_or(lc);
            if currency != bank.currency || !draft_moves(bank, bank_line, &posting.draft) {
                return Err(BankError::LineMismatch { line });
            }
        }
        Ok(bank)
    }

    /// Statement `number` and its house bank, when lines of it may be
    /// posted.
    fn posting_statement(&self, number: u32) -> Result<(&Statement, &HouseBank), BankError> {
        let s = self
            .statement(number)
            .ok_or(BankError::StatementUnknown { number })?;
        if s.intraday {
            return Err(BankError::Intraday { number });
        }
        let bank = self.house_bank(&s.house_bank).ok_or(BankError::Mismatch)?;
        Ok((s, bank))
    }

    /// The payment a line stands posted as (not cancelled), if any.
    pub fn line_payment(&self, payments: &Payments, at: LineRef) -> Option<u32> {
        let number = self.posted_payment(at)?;
        let record = payments.payment(number)?;
        (!record.is_cancelled()).then_some(number)
    }

    /// The posting key of line `at`'s payment: a hash of the house bank,
    /// the line's duplicate key and how many times the line was posted
    /// before. A retry (a second click, a second tab) carries the key
    /// already posted and is refused; once the payment is cancelled the
    /// line gets a new key and can be posted again.
    pub fn line_posting_key(&self, at: LineRef) -> PostingKey {
        let (bank, key) = match self.statement(at.statement) {
            Some(s) => (
                s.house_bank.as_str(),
                line_of(s, at.line).map_or("", |l| l.key.as_str()),
            ),
            None => ("", ""),
        };
        let times = self.times_posted(at);
        let mut hasher = Sha256::new();
        for part in [
            "kontor/bank-line/1",
            bank,
            key,
            &at.statement.to_string(),
            &at.line.to_string(),
            &times.to_string(),
        ] {
            hasher.update(part.as_bytes());
            hasher.update([0u8]);
        }
        let digest = hasher.finalize();
        let mut first = [0u8; 16];
        first.copy_from_slice(&digest[..16]);
        PostingKey(u128::from_be_bytes(first))
    }

    /// Re-checks `LinesPosted`: every named line exists and is open, and
    /// its payment exists, stands, belongs to no other line and moved the
    /// line's amount on the house bank's account.
    pub(crate) fn check_lines_posted(
        &self,
        cx: Context<'_>,
        payments: &Payments,
        statement: u32,
        lines: &[PostedLine],
    ) -> Result<(), BankError> {
        let (s, bank) = self.posting_statement(statement)?;
        let mut named = HashSet::new();
        let mut paid = HashSet::new();
        for posted in lines {
            let line = line_of(s, posted.line)?;
            let at = LineRef {
                statement,
                line: posted.line,
            };
            let fresh = named.insert(posted.line)
                && paid.insert(posted.payment)
                && self.line_payment(payments, at).is_none()
                && !self.payment_has_line(posted.payment);
            let record = payments.payment(posted.payment);
            let stands = record.is_some_and(|r| !r.is_cancelled());
            let moved = record.is_some_and(|r| entry_moves(cx, bank, line, r.payment.entry));
            if !(fresh && stands && moved) {
                return Err(BankError::Mismatch);
            }
        }
        Ok(())
    }
}

fn line_of(s: &Statement, line: u32) -> Result<&BankLine, BankError> {
    usize::try_from(line)
        .ok()
        .and_then(|i| s.lines.get(i))
        .ok_or(BankError::LineUnknown { line })
}

/// The direction money moves on the house bank's account for `line`.
fn direction(line: &BankLine) -> Option<Direction> {
    if line.amount > Decimal::ZERO {
        Some(Direction::Incoming)
    } else if line.amount < Decimal::ZERO {
        Some(Direction::Outgoing)
    } else {
        None
    }
}

/// Whether the draft's means on the house bank's account add up to the
/// line's amount, in the line's direction.
fn draft_moves(bank: &HouseBank, line: &BankLine, draft: &PaymentDraft) -> bool {
    let on_bank: Decimal = draft
        .means
        .iter()
        .filter(|m| m.account == Some(bank.account))
        .map(|m| m.amount)
        .sum();
    direction(line) == Some(draft.direction) && on_bank == line.amount.abs()
}

/// Whether entry `entry` moved the line's signed amount on the house
/// bank's account (in the account's currency: FC amounts for an FC bank).
fn entry_moves(
    cx: Context<'_>,
    bank: &HouseBank,
    line: &BankLine,
    entry: crate::ledger::types::EntryId,
) -> bool {
    let Some(entry) = cx.journal.entry(entry) else {
        return false;
    };
    let moved: Decimal = entry
        .lines
        .iter()
        .filter(|l| l.account == bank.account)
        .map(|l| l.side.sign(l.fc().map_or(l.amount_lc, |f| f.amount_fc)))
        .sum();
    moved == line.amount
}
