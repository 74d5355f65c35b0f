//! Numbering series (`ledger::gl::numbering`): a refused list of series or
//! a refused draw as one German and one English sentence each.

use super::pick;
use crate::ledger::gl::NumberSeriesError as E;
use crate::ui::i18n::Lang;

pub fn number_series_error(e: &E, lang: Lang) -> String {
    let (de, en) = match e {
        E::TooMany { count, max } => (
            format!("{count} Nummernkreise sind mehr als die erlaubten {max}."),
            format!("{count} numbering series are more than the {max} allowed."),
        ),
        E::InvalidCode { code, max } => (
            format!("Das Kürzel „{code}“ muss 1 bis {max} Buchstaben, Ziffern, - oder _ haben."),
            format!("The code “{code}” must be 1 to {max} letters, digits, - or _."),
        ),
        E::CodeTwice { code } => (
            format!("Das Kürzel {code} kommt zweimal vor."),
            format!("The code {code} appears twice."),
        ),
        E::InvalidName { code, max } => (
            format!("Nummernkreis {code} braucht eine Bezeichnung mit höchstens {max} Zeichen."),
            format!("Series {code} needs a name of at most {max} characters."),
        ),
        E::InvalidPrefix { code, max } => (
            format!(
                "Das Präfix von {code} darf höchstens {max} Buchstaben, Ziffern, - / _ oder . haben."
            ),
            format!("The prefix of {code} may have at most {max} letters, digits, - / _ or ."),
        ),
        E::InvalidWidth {
            code,
            width,
            min,
            max,
        } => (
            format!("{code}: {width} Stellen liegen nicht zwischen {min} und {max}."),
            format!("{code}: {width} digits is not between {min} and {max}."),
        ),
        E::InvalidStart { code, start, max } => (
            format!("{code}: die Startnummer {start} liegt nicht zwischen 1 und {max}."),
            format!("{code}: the start number {start} is not between 1 and {max}."),
        ),
        E::RemovedInUse { code } => (
            format!(
                "Nummernkreis {code} hat schon Nummern vergeben und kann nicht entfernt werden."
            ),
            format!("Series {code} has given numbers and cannot be removed."),
        ),
        E::KindInUse { code } => (
            format!("Nummernkreis {code} hat schon Nummern vergeben; seine Belegart bleibt."),
            format!("Series {code} has given numbers; its document kind stays."),
        ),
        E::Unknown { code } => (
            format!("Den Nummernkreis {code} gibt es nicht."),
            format!("There is no numbering series {code}."),
        ),
        E::ReferenceTyped { code } => (
            format!(
                "Der Nummernkreis {code} vergibt die Belegnummer; bitte keine eigene eintragen."
            ),
            format!("Series {code} gives the reference; please do not type one."),
        ),
        E::Exhausted { code, year, max } => (
            format!(
                "Nummernkreis {code} hat {year} keine Nummer mehr frei (die letzte ist {max})."
            ),
            format!("Series {code} has no number left in {year} (the last is {max})."),
        ),
        E::NotHere { code } => (
            format!("Diese Buchungsart zieht keine Nummer aus einem Nummernkreis ({code})."),
            format!("This kind of posting does not draw from a numbering series ({code})."),
        ),
        E::OutOfTurn {
            code,
            year,
            expected,
            found,
        } => (
            format!(
                "Nummernkreis {code}, {year}: Nummer {found} gezogen, fällig war {expected} (Protokoll beschädigt)."
            ),
            format!(
                "Series {code}, {year}: number {found} drawn, {expected} was next (damaged log)."
            ),
        ),
    };
    pick(lang, de, en)
}
