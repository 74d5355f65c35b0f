//! Sentences for refusals of the payment sub-ledger (payments, internal
//! reconciliation, revaluation). Exhaustive: a new variant does not
//! compile until it has its German and English sentence.

use super::{domain_error, pick};
use super::{reconcile_error, revaluation_error};
use crate::ledger::DomainError;
use crate::ledger::payments::PaymentsError;
use crate::ui::i18n::Lang;

pub fn payments_error(e: &PaymentsError, lang: Lang) -> String {
    match e {
        PaymentsError::Input(_)
        | PaymentsError::Gl(_)
        | PaymentsError::Tax(_)
        | PaymentsError::Partners(_)
        | PaymentsError::OpenItems(_)
        | PaymentsError::Journal(_) => domain_error(&DomainError::from(e.clone()), lang),
        PaymentsError::Reconcile(e) => reconcile_error(e, lang),
        PaymentsError::Revaluation(e) => revaluation_error(e, lang),
        PaymentsError::PaymentUnknown { number } => pick(
            lang,
            format!("Die Zahlung {number} gibt es nicht."),
            format!("Payment {number} does not exist."),
        ),
    }
}
