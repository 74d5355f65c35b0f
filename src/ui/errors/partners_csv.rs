//! Sentences for the refused rows of a partner CSV import
//! (`formats::partners_csv`): the line, the column by its German or
//! English name, and why. Exhaustive on columns and reasons, so a new one
//! does not compile until it has its two sentences.

use super::{domain_error, pick};
use crate::formats::partners_csv::{Column, RowError, RowReason};
use crate::ui::i18n::Lang;

/// The column's name as a user knows it from the file's header.
pub fn csv_column_name(column: Column, lang: Lang) -> &'static str {
    use Column as C;
    let (de, en) = match column {
        C::Code => ("Nummer", "code"),
        C::Kind => ("Art", "kind"),
        C::Name => ("Name", "name"),
        C::Group => ("Gruppe", "group"),
        C::Street => ("Straße", "street"),
        C::HouseNumber => ("Hausnummer", "house number"),
        C::Postcode => ("PLZ", "postcode"),
        C::Town => ("Ort", "town"),
        C::Country => ("Land", "country"),
        C::VatId => ("USt-IdNr.", "VAT ID"),
        C::TaxNumber => ("Steuernummer", "tax number"),
        C::ContactPerson => ("Ansprechpartner", "contact"),
        C::Phone => ("Telefon", "phone"),
        C::Email => ("E-Mail", "e-mail"),
        C::Language => ("Sprache", "language"),
        C::Iban => ("IBAN", "IBAN"),
        C::Bic => ("BIC", "BIC"),
        C::AccountHolder => ("Kontoinhaber", "account holder"),
        C::ControlAccount => ("Sammelkonto", "control account"),
        C::Currency => ("Währung", "currency"),
        C::PaymentTerms => ("Zahlungsbedingung", "payment terms"),
        C::PaymentMethod => ("Zahlungsweg", "payment method"),
        C::PaymentBlock => ("Zahlungssperre", "payment block"),
        C::CreditLimit => ("Kreditlimit", "credit limit"),
        C::CommitmentLimit => ("Obligo-Limit", "commitment limit"),
        C::DunningTerm => ("Mahnverfahren", "dunning term"),
        C::MandateId => ("Mandatsreferenz", "mandate reference"),
        C::MandateSigned => ("Mandat unterschrieben am", "mandate signed on"),
        C::MandateSequence => ("Lastschriftfolge", "sequence type"),
        C::Remarks => ("Bemerkung", "remarks"),
        C::Active => ("Aktiv", "active"),
    };
    if lang == Lang::De { de } else { en }
}

/// Why the row is refused, without its line.
fn reason(r: &RowReason, lang: Lang) -> String {
    use RowReason as R;
    let (de, en): (String, String) = match r {
        R::Empty => (
            "Die Datei hat keine Kopfzeile oder keine Datenzeilen.".into(),
            "The file has no header line or no data rows.".into(),
        ),
        R::TooLarge { max } => (
            format!("Die Datei ist zu groß (höchstens {max})."),
            format!("The file is too large (at most {max})."),
        ),
        R::UnclosedQuote => (
            "Ein Anführungszeichen wird nie geschlossen.".into(),
            "A quotation mark is never closed.".into(),
        ),
        R::MissingColumn => (
            "Diese Spalte fehlt in der Datei; jeder Partner braucht sie.".into(),
            "This column is missing from the file; every partner needs it.".into(),
        ),
        R::Missing => (
            "Das Feld ist leer; jeder Partner braucht es.".into(),
            "The field is empty; every partner needs it.".into(),
        ),
        R::InvalidCode => (
            "Keine gültige Partnernummer (Ziffern oder Buchstaben).".into(),
            "Not a valid partner code (digits or letters).".into(),
        ),
        R::InvalidKind => (
            "Art unbekannt: „Kunde“ oder „Lieferant“ angeben, oder eine Nummer in 10000–69999 (Kunden) bzw. 70000–99999 (Lieferanten).".into(),
            "Unknown kind: give “customer” or “vendor”, or a code in 10000–69999 (customers) or 70000–99999 (vendors).".into(),
        ),
        R::InvalidAmount => ("Kein gültiger Betrag.".into(), "Not a valid amount.".into()),
        R::InvalidDate => ("Kein gültiges Datum.".into(), "Not a valid date.".into()),
        R::InvalidFlag => (
            "Nur ja/nein (oder 1/0) ist erlaubt.".into(),
            "Only yes/no (or 1/0) is allowed.".into(),
        ),
        R::InvalidLanguage => (
            "Sprache nur de oder en.".into(),
            "Language only de or en.".into(),
        ),
        R::InvalidPaymentMethod => (
            "Unbekannter Zahlungsweg.".into(),
            "Unknown payment method.".into(),
        ),
        R::InvalidCurrency => (
            "Unbekannter Währungscode.".into(),
            "Unknown currency code.".into(),
        ),
        R::InvalidIban => (
            "Die IBAN ist ungültig (Prüfziffer oder Länge stimmt nicht).".into(),
            "The IBAN is not valid (check digits or length are wrong).".into(),
        ),
        R::InvalidAccount => (
            "Keine gültige Kontonummer.".into(),
            "Not a valid account number.".into(),
        ),
        R::InvalidSequence => (
            "Lastschriftfolge nur erstmalig oder wiederkehrend.".into(),
            "Sequence type only first or recurring.".into(),
        ),
        R::DuplicateCode { first_line } => (
            format!("Die Nummer steht schon in Zeile {first_line}."),
            format!("The code is already on line {first_line}."),
        ),
        R::Refused(e) => {
            let why = domain_error(e, lang);
            (why.clone(), why)
        }
    };
    pick(lang, de, en)
}

/// "Zeile 3, Spalte IBAN: …" / "Line 3, column IBAN: …".
pub fn csv_row_error(e: &RowError, lang: Lang) -> String {
    let why = reason(&e.reason, lang);
    match (e.line, e.column) {
        (0, _) => why,
        (line, Some(c)) => {
            let name = csv_column_name(c, lang);
            pick(
                lang,
                format!("Zeile {line}, Spalte {name}: {why}"),
                format!("Line {line}, column {name}: {why}"),
            )
        }
        (line, None) => pick(
            lang,
            format!("Zeile {line}: {why}"),
            format!("Line {line}: {why}"),
        ),
    }
}
