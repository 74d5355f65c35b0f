//! Refusals of the payment sub-ledger. Refusals of the sub-ledgers below
//! pass through and are flattened by `DomainError`'s `From`.

use crate::ledger::gl::GlError;
use crate::ledger::journal::JournalError;
use crate::ledger::open_items::OpenItemsError;
use crate::ledger::partners::PartnersError;
use crate::ledger::payments::reconcile::ReconcileError;
use crate::ledger::payments::revaluation::RevaluationError;
use crate::ledger::tax::TaxError;
use crate::ledger::types::InputError;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PaymentsError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Gl(#[from] GlError),
    #[error(transparent)]
    Tax(#[from] TaxError),
    #[error(transparent)]
    Partners(#[from] PartnersError),
    #[error(transparent)]
    OpenItems(#[from] OpenItemsError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error(transparent)]
    Reconcile(#[from] ReconcileError),
    #[error(transparent)]
    Revaluation(#[from] RevaluationError),

    #[error("payment {number} does not exist")]
    PaymentUnknown { number: u32 },
}
