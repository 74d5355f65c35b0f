//! Sentences for refused bank files (`formats::bank::BankError`) and for
//! parsed statements the engine cannot keep
//! (`forms::statement::StatementFormError`), naming the file, ZIP entry,
//! element or line. SKELETON: the statements screen part writes them.

use super::pick;
use crate::formats::bank::BankError;
use crate::forms::statement::StatementFormError;
use crate::ui::i18n::Lang;

pub fn bank_file_error(e: &BankError, lang: Lang) -> String {
    pick(lang, e.to_string(), e.to_string())
}

pub fn statement_form_error(e: &StatementFormError, lang: Lang) -> String {
    pick(lang, e.to_string(), e.to_string())
}
