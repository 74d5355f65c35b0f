//! Refusals of the tax sub-ledger (Steuer): tax-code definitions and their
//! use on a line.

use crate::ledger::gl::GlError;
use crate::ledger::types::{AccountNo, InputError, TaxPart};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TaxError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Gl(#[from] GlError),

    #[error("{code:?} is not a valid tax code (1 to {max} letters, digits, - or _)")]
    InvalidTaxCode { code: String, max: usize },
    #[error("tax code {code} already exists")]
    TaxCodeExists { code: String },
    #[error("a company has at most {max} tax codes")]
    TooManyTaxCodes { max: usize },
    #[error("tax code {code:?} does not exist (line {line:?})")]
    TaxCodeUnknown { line: Option<usize>, code: String },
    #[error("line {line}: tax code {code} is inactive")]
    TaxCodeInactive { line: usize, code: String },
    #[error("tax code {code} needs a name (at most {max} characters)")]
    TaxCodeName { code: String, max: usize },
    #[error("tax code {code}: intra-EU acquisition and reverse charge are input (purchase) codes")]
    TaxCodeDirection { code: String },
    #[error("tax code {code} has no rate")]
    TaxRatesEmpty { code: String },
    #[error("tax code {code} has more than {max} rates")]
    TaxRatesTooMany { code: String, max: usize },
    #[error(
        "tax code {code}: the rate from {valid_from} is not between 0 and 100 with at most {max_decimals} decimals, or not after the previous one"
    )]
    TaxRateInvalid {
        code: String,
        valid_from: NaiveDate,
        max_decimals: u32,
    },
    #[error("tax code {code} has no rate valid on {date}")]
    TaxRateMissing { code: String, date: NaiveDate },
    #[error("tax code {code} needs an account for its {part:?} tax")]
    TaxAccountMissing { code: String, part: TaxPart },
    #[error(
        "tax code {code}: account {account} does not exist, is not postable, inactive or not in local currency"
    )]
    TaxAccountInvalid { code: String, account: AccountNo },
    #[error("tax code {code}: Kennzahl {kennzahl} is not between {min} and {max}")]
    InvalidKennzahl {
        code: String,
        kennzahl: u8,
        min: u8,
        max: u8,
    },
    #[error("line {line}: gross entry is only possible in local currency")]
    GrossForeignCurrency { line: usize },
}

impl TaxError {
    /// The 0-based entry line the refusal is about, if any.
    /// The 0-based entry line the refusal is about, if any.
    pub fn line(&self) -> Option<usize> {
        self.clone().line_mut().copied()
    }

    /// The same line, to renumber it (the grid skips blank rows).
    pub fn line_mut(&mut self) -> Option<&mut usize> {
        match self {
            TaxError::Input(e) => e.line_mut(),
            TaxError::Gl(e) => e.line_mut(),
            TaxError::TaxCodeUnknown { line, .. } => line.as_mut(),
            TaxError::TaxCodeInactive { line, .. } | TaxError::GrossForeignCurrency { line } => {
                Some(line)
            }
            TaxError::InvalidTaxCode { .. }
            | TaxError::TaxCodeExists { .. }
            | TaxError::TooManyTaxCodes { .. }
            | TaxError::TaxCodeName { .. }
            | TaxError::TaxCodeDirection { .. }
            | TaxError::TaxRatesEmpty { .. }
            | TaxError::TaxRatesTooMany { .. }
            | TaxError::TaxRateInvalid { .. }
            | TaxError::TaxRateMissing { .. }
            | TaxError::TaxAccountMissing { .. }
            | TaxError::TaxAccountInvalid { .. }
            | TaxError::InvalidKennzahl { .. } => None,
        }
    }
}
