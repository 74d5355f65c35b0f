//! Sentences for refusals of the item sub-ledger and the price lookup
//! (issue 20 skeleton: filled by the items work).

use crate::ledger::items::{ItemsError, PriceError};
use crate::ui::i18n::Lang;

pub fn items_error(e: &ItemsError, lang: Lang) -> String {
    let _ = lang;
    e.to_string()
}

pub fn price_error(e: &PriceError, lang: Lang) -> String {
    let _ = lang;
    e.to_string()
}
