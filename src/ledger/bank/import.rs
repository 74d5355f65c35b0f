//! Importing the statements of one file: each belongs to the house bank
//! of its IBAN (or the one the user chose, for CSV without an account),
//! in that bank's currency; lines the house bank has seen before (by
//! their duplicate key), or that came earlier in the same file, are
//! skipped and counted, so an overlapping or repeated file adds nothing
//! twice. A file with nothing new is refused, so nothing is stored. The
//! file itself is kept, byte for byte.

use crate::ledger::bank::Bank;
use crate::ledger::bank::error::BankError;
use crate::ledger::bank::house_bank::HouseBank;
use crate::ledger::bank::statement::{BankLine, ImportedFile, Statement, StatementDraft};
use crate::ledger::partners::bank::normalise_iban;
use crate::ledger::types::limits::{MAX_BANK_FILE_BYTES, MAX_TEXT_LEN};
use crate::ledger::types::{Field, Timestamp, check_text};
use std::collections::{HashMap, HashSet};

/// What an import command brings.
pub(crate) struct ImportRequest<'a> {
    pub house_bank: Option<&'a str>,
    pub file_name: &'a str,
    pub bytes: &'a [u8],
    pub statements: &'a [StatementDraft],
    pub by: &'a str,
    pub at: Timestamp,
}

impl Bank {
    /// The file and its statements without the lines already imported.
    pub(crate) fn check_import(
        &self,
        req: &ImportRequest<'_>,
    ) -> Result<(ImportedFile, Vec<Statement>), BankError> {
        check_text(req.by, Field::User, MAX_TEXT_LEN, true)?;
        check_text(req.file_name, Field::Reference, MAX_TEXT_LEN, true)?;
        if req.bytes.is_empty() {
            return Err(BankError::EmptyFile);
        }
        if req.bytes.len() > MAX_BANK_FILE_BYTES {
            return Err(BankError::FileTooLarge {
                size: req.bytes.len(),
                max: MAX_BANK_FILE_BYTES,
            });
        }
        if req.statements.is_empty() {
            return Err(BankError::NoStatements);
        }
        let file = next_number(self.files().len())?;
        let mut seen: HashMap<&str, HashSet<String>> = HashMap::new();
        let (mut statements, mut skipped) = (Vec::new(), 0u32);
        for draft in req.statements {
            let bank = self.statement_bank(draft, req.house_bank)?;
            let seen = seen.entry(bank.code.as_str()).or_default();
            let mut lines = Vec::with_capacity(draft.lines.len());
            let mut skipped_here = 0u32;
            for line in &draft.lines {
                check_line(bank, draft, line)?;
                let key = line_key(line);
                if self.has_key(&bank.code, &key) || !seen.insert(key.clone()) {
                    skipped_here = skipped_here.saturating_add(1);
                } else {
                    lines.push(BankLine {
                        key,
                        ..line.clone()
                    });
                }
            }
            skipped = skipped.saturating_add(skipped_here);
            if lines.is_empty() {
                continue;
            }
            let number = next_number(self.statements().len() + statements.len())?;
            statements.push(statement(number, file, bank, draft, lines, skipped_here));
        }
        if statements.is_empty() {
            return Err(BankError::NothingNew { skipped });
        }
        let file = ImportedFile {
            number: file,
            name: req.file_name.to_string(),
            bytes: req.bytes.to_vec(),
            by: req.by.to_string(),
            at: req.at,
        };
        Ok((file, statements))
    }

    /// The house bank a statement of the file belongs to.
    fn statement_bank(
        &self,
        draft: &StatementDraft,
        chosen: Option<&str>,
    ) -> Result<&HouseBank, BankError> {
        let bank = if draft.iban.trim().is_empty() {
            let code = chosen.ok_or_else(|| BankError::HouseBankMissing {
                statement_id: draft.statement_id.clone(),
            })?;
            self.house_bank(code)
                .ok_or_else(|| BankError::HouseBankUnknown { code: code.into() })?
        } else {
            let iban = normalise_iban(&draft.iban).unwrap_or_else(|| draft.iban.clone());
            self.house_bank_by_iban(&iban)
                .ok_or_else(|| BankError::NoHouseBankFor {
                    statement_id: draft.statement_id.clone(),
                    iban,
                })?
        };
        if draft.currency != bank.currency {
            return Err(BankError::CurrencyMismatch {
                statement_id: draft.statement_id.clone(),
                found: draft.currency,
                expected: bank.currency,
            });
        }
        Ok(bank)
    }

    /// Re-checks an imported file's event: numbers in sequence, house
    /// banks known, no line key seen before.
    pub(crate) fn check_imported(
        &self,
        file: &ImportedFile,
        statements: &[Statement],
    ) -> Result<(), BankError> {
        let numbered = usize::try_from(file.number).ok() == Some(self.files().len() + 1);
        if !numbered || statements.is_empty() {
            return Err(BankError::Mismatch);
        }
        let mut seen: HashSet<(&str, &str)> = HashSet::new();
        for (i, s) in statements.iter().enumerate() {
            let expected = self.statements().len() + i + 1;
            let bank = self.house_bank(&s.house_bank).ok_or(BankError::Mismatch)?;
            let fits = usize::try_from(s.number).ok() == Some(expected)
                && s.file == file.number
                && s.currency == bank.currency
                && !s.lines.is_empty();
            if !fits {
                return Err(BankError::Mismatch);
            }
            for line in &s.lines {
                let fresh = !line.key.is_empty()
                    && !self.has_key(&s.house_bank, &line.key)
                    && seen.insert((s.house_bank.as_str(), line.key.as_str()));
                if !fresh {
                    return Err(BankError::Mismatch);
                }
            }
        }
        Ok(())
    }
}

/// A line is in its statement's (the house bank's) currency.
fn check_line(bank: &HouseBank, draft: &StatementDraft, line: &BankLine) -> Result<(), BankError> {
    if line.currency == bank.currency {
        Ok(())
    } else {
        Err(BankError::CurrencyMismatch {
            statement_id: draft.statement_id.clone(),
            found: line.currency,
            expected: bank.currency,
        })
    }
}

/// The line's duplicate key; a line that came without one gets the
/// fallback the formats use (date, amount, counterparty, purpose).
fn line_key(line: &BankLine) -> String {
    if line.key.is_empty() {
        format!(
            "{}|{}|{}|{}|{}",
            line.booking_date, line.amount, line.iban, line.counterparty, line.purpose
        )
    } else {
        line.key.clone()
    }
}

fn next_number(count: usize) -> Result<u32, BankError> {
    count
        .checked_add(1)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or(BankError::Mismatch)
}

fn statement(
    number: u32,
    file: u32,
    bank: &HouseBank,
    draft: &StatementDraft,
    lines: Vec<BankLine>,
    skipped: u32,
) -> Statement {
    Statement {
        number,
        house_bank: bank.code.clone(),
        file,
        statement_id: draft.statement_id.clone(),
        sequence_no: draft.sequence_no.clone(),
        format: draft.format.clone(),
        intraday: draft.intraday,
        currency: draft.currency,
        opening: draft.opening,
        closing: draft.closing,
        lines,
        skipped,
    }
}
