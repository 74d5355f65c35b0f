//! Sentences for malformed input every sub-ledger shares (texts, account numbers, currency codes). Exhaustive: a new
//! variant does not compile until it has its German and English sentence.
//! Lines are counted from 1 here (the engine counts from 0).

use super::{field_name, pick};
use crate::ledger::types::InputError;
use crate::ui::i18n::Lang;

pub fn input_error(e: &InputError, lang: Lang) -> String {
    let (de, en): (String, String) = match e {
        InputError::Empty { field } => (
            format!("{} darf nicht leer sein.", field_name(*field, Lang::De)),
            format!("{} must not be empty.", field_name(*field, Lang::En)),
        ),
        InputError::TextTooLong { field, max } => (
            format!(
                "{} ist länger als {max} Zeichen.",
                field_name(*field, Lang::De)
            ),
            format!(
                "{} is longer than {max} characters.",
                field_name(*field, Lang::En)
            ),
        ),
        InputError::UnknownCurrency { code } => (
            format!("„{code}“ ist keine bekannte ISO-4217-Währung."),
            format!("“{code}” is not a known ISO 4217 currency."),
        ),
        InputError::InvalidPartnerCode { text, max } => (
            format!(
                "„{text}“ ist keine gültige Partnernummer (1 bis {max} Buchstaben oder Ziffern)."
            ),
            format!("“{text}” is not a valid partner code (1 to {max} letters or digits)."),
        ),
        InputError::InvalidAccountNo { text, max } => (
            format!(
                "„{text}“ ist keine gültige Kontonummer (1 bis {max} Buchstaben oder Ziffern)."
            ),
            format!("“{text}” is not a valid account number (1 to {max} letters or digits)."),
        ),
    };
    pick(lang, de, en)
}
