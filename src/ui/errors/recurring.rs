//! Sentences for refusals of the recurring sub-ledger (issue 17 skeleton:
//! filled by part A/B).

use crate::ledger::recurring::RecurringError;
use crate::ui::i18n::Lang;

pub fn recurring_error(e: &RecurringError, lang: Lang) -> String {
    if let Some(s) = super::loan::loan_error(e, lang) {
        return s;
    }
    e.to_string()
}
