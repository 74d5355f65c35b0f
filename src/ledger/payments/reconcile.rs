//! Internal reconciliation (Interne Abstimmung): proposals ranked by
//! reference, amount and date, and the automatic reconciliation over all
//! partners.

use crate::ledger::payments::command::Step;
use crate::ledger::payments::error::PaymentsError;
use crate::ledger::payments::settings::PaymentSettings;
use crate::ledger::posting::Context;
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

/// The automatic reconciliation: the clearings it makes, in order.
/// Stub until the reconciliation part lands.
pub fn check_auto(
    cx: Context<'_>,
    settings: &PaymentSettings,
    draft: &AutoReconcileDraft,
) -> Result<Vec<Step>, PaymentsError> {
    let _ = (cx, settings, draft);
    Err(ReconcileError::NothingToReconcile.into())
}
