//! Sentences for refusals of the closing sub-ledger (issue 17 skeleton:
//! filled by part C).

use crate::ledger::closing::ClosingError;
use crate::ui::i18n::Lang;

pub fn closing_error(e: &ClosingError, lang: Lang) -> String {
    let _ = lang;
    e.to_string()
}
