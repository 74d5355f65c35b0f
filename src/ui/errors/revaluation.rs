//! Sentences for refusals of the foreign-currency revaluation.

use super::pick;
use crate::ledger::payments::revaluation::RevaluationError;
use crate::ui::i18n::Lang;

pub fn revaluation_error(e: &RevaluationError, lang: Lang) -> String {
    match e {
        RevaluationError::NothingToRevalue { date } => pick(
            lang,
            format!("Zum {date} ist nichts zu bewerten."),
            format!("There is nothing to revalue on {date}."),
        ),
    }
}
