//! Sentences for the DATEV export (issue 19, part B): refusals of the
//! DATEV settings and of the export, and the note on a transliterated
//! character. Exhaustive: a new variant does not compile until it has its
//! German and English sentence.

use super::pick;
use crate::formats::datev::export::{ExportError, Place, Replaced};
use crate::ledger::gl::DatevSettingsError;
use crate::ui::i18n::Lang;

pub fn datev_settings_error(e: &DatevSettingsError, lang: Lang) -> String {
    use DatevSettingsError as E;
    let (de, en) = match e {
        E::Consultant { value, min, max } => (
            format!("Die Berater-Nr. {value} liegt nicht zwischen {min} und {max}."),
            format!("The consultant number {value} is not between {min} and {max}."),
        ),
        E::Client { value, min, max } => (
            format!("Die Mandanten-Nr. {value} liegt nicht zwischen {min} und {max}."),
            format!("The client number {value} is not between {min} and {max}."),
        ),
        E::AccountLength { value, min, max } => (
            format!("Die Sachkontenlänge {value} liegt nicht zwischen {min} und {max}."),
            format!("The account length {value} is not between {min} and {max}."),
        ),
        E::AccountTooLong { account, length } => (
            format!(
                "Das Konto {account} hat mehr als {length} Stellen; wählen Sie eine größere Sachkontenlänge."
            ),
            format!(
                "Account {account} has more than {length} digits; choose a greater account length."
            ),
        ),
    };
    pick(lang, de, en)
}

pub fn datev_export_error(e: &ExportError, lang: Lang) -> String {
    use ExportError as E;
    let (de, en) = match e {
        E::NoSettings => (
            "Es sind noch keine DATEV-Einstellungen gespeichert (Berater-Nr., Mandanten-Nr., Sachkontenlänge).".to_string(),
            "No DATEV settings are saved yet (consultant number, client number, account length).".to_string(),
        ),
        E::EmptyRange { from, to } => (
            format!("Der Zeitraum {} – {} ist leer.", from.format("%d.%m.%Y"), to.format("%d.%m.%Y")),
            format!("The range {from} – {to} is empty."),
        ),
        E::AcrossYears { from, to, year_start } => (
            format!(
                "Der Zeitraum {} – {} reicht über das Geschäftsjahr ab {} hinaus; DATEV nimmt einen Buchungsstapel je Geschäftsjahr.",
                from.format("%d.%m.%Y"),
                to.format("%d.%m.%Y"),
                year_start.format("%d.%m.%Y")
            ),
            format!(
                "The range {from} – {to} goes beyond the fiscal year starting {year_start}; DATEV takes one batch per fiscal year."
            ),
        ),
        E::AccountNotNumeric { year, number, account } => (
            format!("Buchung {year}/{number}: Das Konto {account} ist keine Zahl; DATEV liest nur Ziffern."),
            format!("Entry {year}/{number}: account {account} is not a number; DATEV reads digits only."),
        ),
        E::AccountTooLong { year, number, account, length } => (
            format!(
                "Buchung {year}/{number}: Das Konto {account} hat mehr als {length} Stellen (Sachkontenlänge)."
            ),
            format!(
                "Entry {year}/{number}: account {account} has more than {length} digits (account length)."
            ),
        ),
        E::PartnerNumber { partner, length } => (
            format!(
                "Der Geschäftspartner {partner} hat bei Sachkontenlänge {length} keine DATEV-Personenkontonummer (erwartet: fünfstellige Nummer)."
            ),
            format!(
                "Business partner {partner} has no DATEV personal account number at account length {length} (expected a five-digit code)."
            ),
        ),
        E::TwoTaxCodes { year, number, account, counter } => (
            format!(
                "Buchung {year}/{number}: Konto {account} und Gegenkonto {counter} tragen beide ein Steuerkennzeichen; DATEV nimmt einen BU-Schlüssel je Zeile."
            ),
            format!(
                "Entry {year}/{number}: account {account} and counter account {counter} both carry a tax code; DATEV takes one BU key per row."
            ),
        ),
        E::NoBuKey { year, number, code } => (
            format!("Buchung {year}/{number}: Für das Steuerkennzeichen {code} gibt es keinen DATEV-BU-Schlüssel."),
            format!("Entry {year}/{number}: tax code {code} has no DATEV BU key."),
        ),
    };
    pick(lang, de, en)
}

fn place(p: &Place, lang: Lang) -> String {
    match (p, lang) {
        (Place::Header, Lang::De) => "Kopfzeile".to_string(),
        (Place::Header, Lang::En) => "header".to_string(),
        (Place::Entry { year, number }, Lang::De) => format!("Buchung {year}/{number}"),
        (Place::Entry { year, number }, Lang::En) => format!("entry {year}/{number}"),
        (Place::Account(a), Lang::De) => format!("Konto {a}"),
        (Place::Account(a), Lang::En) => format!("account {a}"),
        (Place::Partner(c), Lang::De) => format!("Geschäftspartner {c}"),
        (Place::Partner(c), Lang::En) => format!("business partner {c}"),
    }
}

/// "Buchung 2024/17: „ő“ als „o“ geschrieben (Windows-1252)."
pub fn datev_replaced(r: &Replaced, lang: Lang) -> String {
    let at = place(&r.place, lang);
    pick(
        lang,
        format!(
            "{at}: „{}“ als „{}“ geschrieben (nicht in Windows-1252).",
            r.found, r.written
        ),
        format!(
            "{at}: “{}” written as “{}” (not in Windows-1252).",
            r.found, r.written
        ),
    )
}
