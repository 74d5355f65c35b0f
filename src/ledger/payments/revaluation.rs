//! Period-end foreign-currency revaluation (Fremdwährungsbewertung).

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
