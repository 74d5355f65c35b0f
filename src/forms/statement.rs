//! Parsed bank statements (`formats::bank`) → the engine's
//! `StatementDraft`s: one place that maps a file's values to what the bank
//! sub-ledger keeps (signed amounts, IBANs in electronic form, the
//! duplicate key as text, a collective booking split into its payments
//! when the file lists them with amounts). Refuses what the engine cannot
//! keep (a line without a date, an unknown currency) naming the statement
//! and line.

use crate::formats::bank::BankStatement;
use crate::ledger::bank::StatementDraft;

/// Why a parsed statement cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StatementFormError {
    /// Line `line` (0-based) of statement `statement_id` has no booking
    /// and no value date.
    #[error("statement {statement_id}, line {}: no date", line + 1)]
    NoDate { statement_id: String, line: usize },
    #[error("statement {statement_id}: currency {currency} unknown")]
    Currency {
        statement_id: String,
        currency: String,
    },
}

/// SKELETON: the engine part maps every field.
pub fn statement_drafts(
    statements: &[BankStatement],
) -> Result<Vec<StatementDraft>, StatementFormError> {
    let _ = statements;
    Ok(Vec::new())
}
