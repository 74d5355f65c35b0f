//! Refusals of malformed input (Eingabefehler) that every sub-ledger
//! shares: a text too long or empty, an account number or currency code
//! that cannot be one. Each carries the field and the limit it broke.

use crate::ledger::types::text::Field;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("{field:?} must not be empty")]
    Empty { field: Field },
    #[error("{field:?} is longer than {max} characters")]
    TextTooLong { field: Field, max: usize },
    #[error("{text:?} is not a valid account number (1 to {max} letters or digits)")]
    InvalidAccountNo { text: String, max: usize },
    #[error("{text:?} is not a valid partner code (1 to {max} letters or digits)")]
    InvalidPartnerCode { text: String, max: usize },
    #[error("{code:?} is not an ISO 4217 currency code Kontor knows")]
    UnknownCurrency { code: String },
}

impl InputError {
    /// The 0-based entry line the error is about, if any.
    pub fn line(&self) -> Option<usize> {
        self.clone().line_mut().copied()
    }

    /// The same line, to renumber it (the grid skips blank rows).
    pub fn line_mut(&mut self) -> Option<&mut usize> {
        match self {
            InputError::Empty { field } | InputError::TextTooLong { field, .. } => field.line_mut(),
            InputError::InvalidAccountNo { .. }
            | InputError::InvalidPartnerCode { .. }
            | InputError::UnknownCurrency { .. } => None,
        }
    }
}
