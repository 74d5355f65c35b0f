//! Sentences for refusals of year-end closing and opening balances
//! (issue 17, part C). Exhaustive: a new variant does not compile until it
//! has its German and English sentence.

use super::{amount, domain_error, pick};
use crate::ledger::DomainError;
use crate::ledger::closing::ClosingError;
use crate::ui::i18n::Lang;

pub fn closing_error(e: &ClosingError, lang: Lang) -> String {
    use ClosingError as E;
    let (de, en) = match e {
        E::Input(_) | E::Gl(_) | E::Journal(_) => {
            return domain_error(&DomainError::from(e.clone()), lang);
        }
        E::AlreadyClosed { year } => (
            format!("Das Geschäftsjahr {year} ist bereits abgeschlossen."),
            format!("Fiscal year {year} is already closed."),
        ),
        E::NotClosed { year } => (
            format!(
                "Das Geschäftsjahr {year} ist nicht abgeschlossen; es gibt nichts zurückzunehmen."
            ),
            format!("Fiscal year {year} is not closed; there is nothing to revert."),
        ),
        E::ClosingEntry { entry, year } => (
            format!(
                "Buchung {entry} ist der Jahresabschluss {year}; sie wird nicht einzeln storniert, sondern mit „Abschluss zurücknehmen“ im Jahresabschluss."
            ),
            format!(
                "Entry {entry} is the year-end closing of {year}; it is not reversed on its own but with “Revert closing” on the year-end screen."
            ),
        ),
        E::YearLocked { year } => (
            format!(
                "Im Geschäftsjahr {year} sind Perioden gesperrt (festgeschrieben); der Abschluss kann nicht mehr zurückgenommen werden."
            ),
            format!(
                "Fiscal year {year} has locked periods; its closing can no longer be reverted."
            ),
        ),
        E::NextYearNotOpen { year } => (
            format!(
                "Das Geschäftsjahr {} ist noch nicht eröffnet; eröffnen Sie es, bevor Sie {year} abschließen.",
                year + 1
            ),
            format!(
                "Fiscal year {} is not open yet; open it before closing {year}.",
                year + 1
            ),
        ),
        E::OpeningUnbalanced { difference } => (
            format!(
                "Die Eröffnungswerte sind nicht ausgeglichen: Soll − Haben = {}. Nichts wurde gebucht.",
                amount(*difference, 2, Lang::De)
            ),
            format!(
                "The opening balances do not balance: debit − credit = {}. Nothing was posted.",
                amount(*difference, 2, Lang::En)
            ),
        ),
        E::YearNotFound { year } => (
            format!("Das Geschäftsjahr {year} ist nicht eröffnet."),
            format!("Fiscal year {year} is not open."),
        ),
        E::NothingToClose { year } => (
            format!(
                "Im Geschäftsjahr {year} hat kein GuV-Konto einen Saldo; es gibt nichts abzuschließen."
            ),
            format!(
                "No profit-and-loss account has a balance in fiscal year {year}; there is nothing to close."
            ),
        ),
        E::OpeningEmpty => (
            "Es sind keine Eröffnungswerte erfasst.".to_string(),
            "No opening balances have been entered.".to_string(),
        ),
        E::OpeningLineWithoutAccount { line } => (
            format!(
                "Zeile {}: Geben Sie ein Konto oder einen Geschäftspartner an.",
                line + 1
            ),
            format!("Line {}: enter an account or a business partner.", line + 1),
        ),
    };
    pick(lang, de, en)
}
