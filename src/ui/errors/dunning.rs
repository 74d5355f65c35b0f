//! Sentences for refusals of dunning (issue 16 skeleton: filled by the
//! dunning work).

use crate::ledger::dunning::DunningError;
use crate::ui::i18n::Lang;

pub fn dunning_error(e: &DunningError, lang: Lang) -> String {
    let _ = lang;
    e.to_string()
}
