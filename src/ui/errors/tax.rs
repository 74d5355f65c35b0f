//! Sentences for tax-code refusals. Exhaustive: a new
//! variant does not compile until it has its German and English sentence.
//! Lines are counted from 1 here (the engine counts from 0).

use super::pick;
use crate::ledger::tax::TaxError;
use crate::ledger::types::TaxPart;
use crate::ui::i18n::Lang;

pub fn tax_error(e: &TaxError, lang: Lang) -> String {
    let (de, en): (String, String) = match e {
        TaxError::Input(e) => return super::input_error(e, lang),
        TaxError::Gl(e) => return super::gl_error(e, lang),
        TaxError::InvalidTaxCode { code, max } => (
            format!(
                "„{code}“ ist kein gültiges Steuerkennzeichen (1 bis {max} Buchstaben, Ziffern, - oder _)."
            ),
            format!("“{code}” is not a valid tax code (1 to {max} letters, digits, - or _)."),
        ),
        TaxError::TaxCodeExists { code } => (
            format!("Das Steuerkennzeichen {code} gibt es schon."),
            format!("Tax code {code} already exists."),
        ),
        TaxError::TooManyTaxCodes { max } => (
            format!("Ein Mandant hat höchstens {max} Steuerkennzeichen."),
            format!("A company has at most {max} tax codes."),
        ),
        TaxError::TaxCodeUnknown { line, code } => match line.map(|l| l + 1) {
            Some(l) => (
                format!("Zeile {l}: das Steuerkennzeichen {code} gibt es nicht."),
                format!("Line {l}: tax code {code} does not exist."),
            ),
            None => (
                format!("Das Steuerkennzeichen {code} gibt es nicht."),
                format!("Tax code {code} does not exist."),
            ),
        },
        TaxError::TaxCodeInactive { line, code } => {
            let line = line + 1;
            (
                format!("Zeile {line}: das Steuerkennzeichen {code} ist inaktiv."),
                format!("Line {line}: tax code {code} is inactive."),
            )
        }
        TaxError::TaxCodeName { code, max } => (
            format!(
                "Das Steuerkennzeichen {code} braucht eine Bezeichnung (höchstens {max} Zeichen)."
            ),
            format!("Tax code {code} needs a name (at most {max} characters)."),
        ),
        TaxError::TaxCodeDirection { code } => (
            format!(
                "Steuerkennzeichen {code}: innergemeinschaftlicher Erwerb und §13b sind Vorsteuer-Kennzeichen (Einkauf)."
            ),
            format!(
                "Tax code {code}: intra-EU acquisition and reverse charge are input (purchase) codes."
            ),
        ),
        TaxError::TaxRatesEmpty { code } => (
            format!("Das Steuerkennzeichen {code} hat keinen Steuersatz."),
            format!("Tax code {code} has no rate."),
        ),
        TaxError::TaxRatesTooMany { code, max } => (
            format!("Das Steuerkennzeichen {code} hat mehr als {max} Steuersätze."),
            format!("Tax code {code} has more than {max} rates."),
        ),
        TaxError::TaxRateInvalid {
            code,
            valid_from,
            max_decimals,
        } => (
            format!(
                "Steuerkennzeichen {code}: der Satz ab {} muss zwischen 0 und 100 liegen (höchstens {max_decimals} Nachkommastellen) und nach dem vorigen beginnen.",
                valid_from.format("%d.%m.%Y")
            ),
            format!(
                "Tax code {code}: the rate from {valid_from} must be between 0 and 100 (at most {max_decimals} decimals) and start after the previous one."
            ),
        ),
        TaxError::TaxRateMissing { code, date } => (
            format!(
                "Das Steuerkennzeichen {code} hat am {} keinen gültigen Steuersatz.",
                date.format("%d.%m.%Y")
            ),
            format!("Tax code {code} has no rate valid on {date}."),
        ),
        TaxError::TaxAccountMissing { code, part } => match part {
            TaxPart::Output => (
                format!("Dem Steuerkennzeichen {code} fehlt das Umsatzsteuerkonto."),
                format!("Tax code {code} has no output-tax account."),
            ),
            TaxPart::Input => (
                format!("Dem Steuerkennzeichen {code} fehlt das Vorsteuerkonto."),
                format!("Tax code {code} has no input-tax account."),
            ),
        },
        TaxError::TaxAccountInvalid { code, account } => (
            format!(
                "Steuerkennzeichen {code}: das Konto {account} gibt es nicht, ist nicht bebuchbar, inaktiv oder nicht in Hauswährung."
            ),
            format!(
                "Tax code {code}: account {account} does not exist, is not postable, inactive or not in local currency."
            ),
        ),
        TaxError::InvalidKennzahl {
            code,
            kennzahl,
            min,
            max,
        } => (
            format!(
                "Steuerkennzeichen {code}: die Kennzahl {kennzahl} liegt nicht zwischen {min} und {max}."
            ),
            format!("Tax code {code}: Kennzahl {kennzahl} is not between {min} and {max}."),
        ),
        TaxError::GrossForeignCurrency { line } => {
            let line = line + 1;
            (
                format!("Zeile {line}: Bruttoerfassung geht nur in Hauswährung."),
                format!("Line {line}: gross entry is only possible in local currency."),
            )
        }
    };
    pick(lang, de, en)
}
