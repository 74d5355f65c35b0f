//! Sentences for refusals of the statements sub-ledger (issue 17 skeleton:
//! filled by part D).

use crate::ledger::statements::StatementsError;
use crate::ui::i18n::Lang;

pub fn statements_error(e: &StatementsError, lang: Lang) -> String {
    let _ = lang;
    e.to_string()
}
