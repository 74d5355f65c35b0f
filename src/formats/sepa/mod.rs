//! SEPA payment files for German banks: pain.001.001.09 (credit
//! transfers) and pain.008.001.08 (direct debits), the versions the
//! DFÜ-Abkommen has required since November 2023.
//!
//! Two pure steps: [`check_credit_transfer`] / [`check_direct_debit`] apply
//! the banks' rules the XSDs do not enforce (character set with
//! transliteration, lengths, IBAN/BIC/creditor id, amounts, dates) and
//! report every problem by transaction and field; [`pain001`] / [`pain008`]
//! write a checked order. [`credit_transfer_file`] and
//! [`direct_debit_file`] do both.
//!
//! Independent of the ledger on purpose: the payment run turns its
//! payments into an order; this module knows nothing of accounts or items.
//! No clock is read: the creation time is part of the order, so the same
//! order always gives the same bytes.
//!
//! Why not the `sepa` crate (0.9.0, evaluated): it is four months old with
//! nine breaking minor releases, writes its XML by formatting strings, and
//! in its default mode turns characters it cannot map into `.` instead of
//! refusing them; its errors would need translating into ours anyway.

mod charset;
mod check;
mod error;
mod order;
mod write;

pub use charset::{Unmappable, is_sepa_char, replacement, transliterate};
pub use check::{
    Checked, CheckedAddress, CheckedCreditTransfer, CheckedDirectDebit, CheckedParty,
    CheckedTransaction, Group, MAX_GROUPS, MAX_ID, MAX_MESSAGE_ID, MAX_NAME, MAX_REMITTANCE,
    check_credit_transfer, check_direct_debit,
};
pub use error::{Field, Place, Problem, SepaError};
pub use order::{
    Address, CreditTransfer, CreditTransferOrder, DirectDebit, DirectDebitOrder, DirectDebitScheme,
    Party, SequenceType,
};
pub use write::{PAIN_001_NAMESPACE, PAIN_008_NAMESPACE, pain001, pain008};

/// Why no file was written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SepaFileError {
    /// The order breaks the banks' rules; every problem found.
    #[error("the order has {} problem(s), the first: {}", .0.len(), first(.0))]
    Invalid(Vec<SepaError>),
    /// The XML writer failed (writing to memory; not expected to happen).
    #[error("the XML writer failed: {0}")]
    Write(String),
}

fn first(errors: &[SepaError]) -> String {
    errors.first().map(ToString::to_string).unwrap_or_default()
}

/// Checks and writes a credit-transfer file.
pub fn credit_transfer_file(order: &CreditTransferOrder) -> Result<Vec<u8>, SepaFileError> {
    let checked = check_credit_transfer(order).map_err(SepaFileError::Invalid)?;
    pain001(&checked).map_err(|e| SepaFileError::Write(e.to_string()))
}

/// Checks and writes a direct-debit file.
pub fn direct_debit_file(order: &DirectDebitOrder) -> Result<Vec<u8>, SepaFileError> {
    let checked = check_direct_debit(order).map_err(SepaFileError::Invalid)?;
    pain008(&checked).map_err(|e| SepaFileError::Write(e.to_string()))
}
