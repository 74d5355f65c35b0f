//! Sentences for refusals of payment runs (issue 16 skeleton: filled by
//! the payment-run work).

use crate::ledger::payment_runs::PaymentRunsError;
use crate::ui::i18n::Lang;

pub fn payment_runs_error(e: &PaymentRunsError, lang: Lang) -> String {
    let _ = lang;
    e.to_string()
}
