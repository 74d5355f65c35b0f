//! Period-end foreign-currency revaluation (Fremdwährungsbewertung).

use crate::ledger::payments::command::Step;
use crate::ledger::payments::error::PaymentsError;
use crate::ledger::payments::settings::PaymentSettings;
use crate::ledger::posting::{Context, Rights};
use crate::ledger::types::PostingKey;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevaluationDraft {
    pub date: NaiveDate,
    /// Post the reversal on this date (the first day of the next period).
    pub reverse_on: Option<NaiveDate>,
    pub user: String,
    pub key: PostingKey,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RevaluationError {
    #[error("nothing to revalue on {date}")]
    NothingToRevalue { date: NaiveDate },
}

/// The revaluation's entries (and their reversals), in order.
/// Stub until the revaluation part lands.
pub fn check(
    cx: Context<'_>,
    settings: &PaymentSettings,
    rights: Rights,
    draft: &RevaluationDraft,
) -> Result<Vec<Step>, PaymentsError> {
    let _ = (cx, settings, rights);
    Err(RevaluationError::NothingToRevalue { date: draft.date }.into())
}
