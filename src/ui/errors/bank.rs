//! Sentences for refusals of the bank sub-ledger (house banks, statement
//! import, rules, posting statement lines). SKELETON: the engine part
//! writes one German and one English sentence per variant.

use super::pick;
use crate::ledger::bank::BankError;
use crate::ui::i18n::Lang;

pub fn bank_error(e: &BankError, lang: Lang) -> String {
    pick(lang, e.to_string(), e.to_string())
}
