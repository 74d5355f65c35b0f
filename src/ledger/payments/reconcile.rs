//! Internal reconciliation (Interne Abstimmung): proposals ranked by
//! reference, amount and date, and the automatic reconciliation over all
//! partners.

use crate::ledger::types::Timestamp;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AutoReconcileDraft {
    pub date: NaiveDate,
    pub by: String,
    pub at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReconcileError {
    #[error("nothing to reconcile")]
    NothingToReconcile,
}
