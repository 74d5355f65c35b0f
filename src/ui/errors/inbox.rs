//! Sentences for refusals of the invoice inbox (issue 19, part F).
//! Exhaustive: a new variant does not compile until it has its German and
//! English sentence.

use super::{domain_error, pick};
use crate::ledger::DomainError;
use crate::ledger::inbox::InboxError;
use crate::ui::i18n::Lang;

pub fn inbox_error(e: &InboxError, lang: Lang) -> String {
    use InboxError as E;
    let (de, en) = match e {
        E::Input(_) | E::Journal(_) => {
            return domain_error(&DomainError::from(e.clone()), lang);
        }
        E::EmptyDocument { name } => (
            format!("Die Datei „{name}“ ist leer; es gibt kein Original aufzubewahren."),
            format!("The file “{name}” is empty; there is no original to keep."),
        ),
        E::DocumentTooLarge { name, size, max } => (
            format!(
                "Die Datei „{name}“ hat {size} Bytes; als Original werden höchstens {max} Bytes aufbewahrt."
            ),
            format!("The file “{name}” has {size} bytes; at most {max} bytes are kept as an original."),
        ),
        E::DuplicateDocument { entry } => (
            format!(
                "Diese Rechnung (dieselbe Datei) ist bereits mit Buchung {} gebucht; sie wird nicht ein zweites Mal gebucht.",
                entry.0
            ),
            format!(
                "This invoice (the same file) is already posted as entry {}; it is not posted twice.",
                entry.0
            ),
        ),
        E::NoVendorLine => (
            "Die Buchung hat keine Zeile eines Lieferanten (Kreditors); bitte den Lieferanten wählen oder anlegen.".to_string(),
            "The entry has no vendor line; please choose or create the vendor.".to_string(),
        ),
        E::SeveralPartners { first, second } => (
            format!(
                "Die Buchung nennt zwei Geschäftspartner ({first}, {second}); eine Eingangsrechnung gehört zu genau einem Lieferanten."
            ),
            format!(
                "The entry names two business partners ({first}, {second}); an incoming invoice belongs to exactly one vendor."
            ),
        ),
        E::DocumentMismatch { entry } => (
            format!(
                "Das gespeicherte Original zu Buchung {} passt nicht zu den Büchern (Prüfsumme oder Lieferant); das Protokoll ist beschädigt.",
                entry.0
            ),
            format!(
                "The stored original of entry {} does not fit the books (checksum or vendor); the log is damaged.",
                entry.0
            ),
        ),
    };
    pick(lang, de, en)
}

/// The proposal refused for an invoice in a foreign currency.
pub fn proposal_currency(invoice: &str, local: &str, lang: Lang) -> String {
    pick(
        lang,
        format!(
            "Die Rechnung lautet auf {invoice}, die Buchhaltung auf {local}; Fremdwährungsrechnungen werden hier nicht vorgeschlagen – bitte in der Buchungserfassung buchen."
        ),
        format!(
            "The invoice is in {invoice}, the books in {local}; foreign-currency invoices are not proposed here – please post them in the journal entry."
        ),
    )
}
