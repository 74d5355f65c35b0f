//! Refusals of cost accounting (Kostenrechnung): dimensions, centres,
//! distribution rules, the centre requirement, and their use on a line.

use crate::ledger::gl::GlError;
use crate::ledger::types::{AccountNo, InputError};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CostingError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Gl(#[from] GlError),

    #[error("dimension {dimension} is not between 1 and {max}")]
    DimensionInvalid { dimension: u8, max: usize },
    #[error("dimension {dimension} is not defined (line {line:?})")]
    DimensionUndefined { line: Option<usize>, dimension: u8 },
    #[error("line {line}: dimension {dimension} is inactive")]
    DimensionInactive { line: usize, dimension: u8 },
    #[error(
        "{code:?} is not a valid centre or rule code in dimension {dimension} (1 to {max} letters, digits, - or _)"
    )]
    InvalidCentreCode {
        dimension: u8,
        code: String,
        max: usize,
    },
    #[error("dimension {dimension} already has a centre or rule {code}")]
    CentreCodeTaken { dimension: u8, code: String },
    #[error("dimension {dimension} has no centre or rule {code:?} (line {line:?})")]
    CentreUnknown {
        line: Option<usize>,
        dimension: u8,
        code: String,
    },
    #[error("dimension {dimension} holds at most {max} centres and rules")]
    TooManyCentres { dimension: u8, max: usize },
    #[error("dimension {dimension} {code:?} needs a name (at most {max} characters)")]
    CostingName {
        dimension: u8,
        code: String,
        max: usize,
    },
    #[error("dimension {dimension} {code}: valid-from is after valid-to")]
    ValidityReversed { dimension: u8, code: String },
    #[error("distribution rule {rule} needs 1 to {max} centres")]
    RuleShareCount { rule: String, max: usize },
    #[error("distribution rule {rule} names centre {centre} twice")]
    RuleCentreTwice { rule: String, centre: String },
    #[error(
        "distribution rule {rule}: the value for centre {centre} must be positive with at most {max_decimals} decimals"
    )]
    RuleShareInvalid {
        rule: String,
        centre: String,
        max_decimals: u32,
    },
    #[error("distribution rule {rule}: the percentages add up to {sum}, not 100")]
    DistributionNotHundred { rule: String, sum: Decimal },
    #[error("line {line}: {code} of dimension {dimension} is inactive or not valid on {date}")]
    CentreNotUsable {
        line: usize,
        dimension: u8,
        code: String,
        date: NaiveDate,
    },
    #[error("line {line}: account {account} requires a cost centre in dimension 1")]
    CentreRequired { line: usize, account: AccountNo },
    #[error("the centre requirement names more than {max} accounts")]
    TooManyRequiredAccounts { max: usize },
    #[error("line {line}: the centre shares of dimension {dimension} do not add up to the line")]
    SharesMismatch { line: usize, dimension: u8 },
}

impl CostingError {
    /// The 0-based entry line the refusal is about, if any.
    /// The 0-based entry line the refusal is about, if any.
    pub fn line(&self) -> Option<usize> {
        self.clone().line_mut().copied()
    }

    /// The same line, to renumber it (the grid skips blank rows).
    pub fn line_mut(&mut self) -> Option<&mut usize> {
        match self {
            CostingError::Input(e) => e.line_mut(),
            CostingError::Gl(e) => e.line_mut(),
            CostingError::DimensionUndefined { line, .. }
            | CostingError::CentreUnknown { line, .. } => line.as_mut(),
            CostingError::DimensionInactive { line, .. }
            | CostingError::CentreNotUsable { line, .. }
            | CostingError::CentreRequired { line, .. }
            | CostingError::SharesMismatch { line, .. } => Some(line),
            CostingError::DimensionInvalid { .. }
            | CostingError::InvalidCentreCode { .. }
            | CostingError::CentreCodeTaken { .. }
            | CostingError::TooManyCentres { .. }
            | CostingError::CostingName { .. }
            | CostingError::ValidityReversed { .. }
            | CostingError::RuleShareCount { .. }
            | CostingError::RuleCentreTwice { .. }
            | CostingError::RuleShareInvalid { .. }
            | CostingError::DistributionNotHundred { .. }
            | CostingError::TooManyRequiredAccounts { .. } => None,
        }
    }
}
