//! Sentences for the refused rows of an item CSV import
//! (`formats::items_csv`): the line, the column by its German or English
//! name, and why. Exhaustive on columns and reasons, so a new one does
//! not compile until it has its two sentences.

use super::{domain_error, pick};
use crate::formats::items_csv::{Column, RowError, RowReason};
use crate::ui::i18n::Lang;

/// The column's name as a user knows it from the file's header.
pub fn item_column_name(column: Column, lang: Lang) -> &'static str {
    use Column as C;
    let (de, en) = match column {
        C::Code => ("Artikelnummer", "item code"),
        C::DescriptionDe => ("Bezeichnung (deutsch)", "description (German)"),
        C::DescriptionEn => ("Bezeichnung (englisch)", "description (English)"),
        C::Group => ("Artikelgruppe", "item group"),
        C::Unit => ("Einheit", "unit"),
        C::Price => ("Preis", "price"),
        C::Sales => ("Verkauf", "sales"),
        C::Purchase => ("Einkauf", "purchase"),
        C::RevenueDomestic => ("Erlöskonto Inland", "revenue account domestic"),
        C::RevenueEu => ("Erlöskonto EU", "revenue account EU"),
        C::RevenueAbroad => ("Erlöskonto Drittland", "revenue account abroad"),
        C::ExpenseDomestic => ("Aufwandskonto Inland", "expense account domestic"),
        C::ExpenseEu => ("Aufwandskonto EU", "expense account EU"),
        C::ExpenseAbroad => ("Aufwandskonto Drittland", "expense account abroad"),
        C::SalesTax => ("Steuerkennzeichen Verkauf", "sales tax code"),
        C::PurchaseTax => ("Steuerkennzeichen Einkauf", "purchase tax code"),
        C::Active => ("Aktiv", "active"),
        C::Remarks => ("Bemerkung", "remarks"),
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
            "Diese Spalte fehlt in der Datei; jeder Artikel braucht sie.".into(),
            "This column is missing from the file; every item needs it.".into(),
        ),
        R::Missing => (
            "Das Feld ist leer; jeder Artikel braucht es.".into(),
            "The field is empty; every item needs it.".into(),
        ),
        R::InvalidCode => (
            "Keine gültige Artikelnummer (Buchstaben, Ziffern, - _ ., höchstens 50 Zeichen).".into(),
            "Not a valid item code (letters, digits, - _ ., at most 50 characters).".into(),
        ),
        R::InvalidUnit => (
            "Unbekannte Mengeneinheit (ein UN/ECE-Code wie H87, C62, HUR, KGM oder ein Name wie Stück, Stunde, kg).".into(),
            "Unknown unit of measure (a UN/ECE code such as H87, C62, HUR, KGM or a name such as piece, hour, kg).".into(),
        ),
        R::InvalidAmount => (
            "Kein gültiger Betrag (höchstens 4 Nachkommastellen, nicht negativ).".into(),
            "Not a valid amount (at most 4 decimals, not negative).".into(),
        ),
        R::InvalidFlag => (
            "Nur ja/nein (oder 1/0) ist erlaubt.".into(),
            "Only yes/no (or 1/0) is allowed.".into(),
        ),
        R::InvalidAccount => (
            "Keine gültige Kontonummer.".into(),
            "Not a valid account number.".into(),
        ),
        R::DuplicateCode { first_line } => (
            format!("Die Artikelnummer steht schon in Zeile {first_line}."),
            format!("The item code is already on line {first_line}."),
        ),
        R::Refused(e) => {
            let why = domain_error(e, lang);
            (why.clone(), why)
        }
    };
    pick(lang, de, en)
}

/// "Zeile 3, Spalte Einheit: …" / "Line 3, column unit: …".
pub fn item_row_error(e: &RowError, lang: Lang) -> String {
    let why = reason(&e.reason, lang);
    match (e.line, e.column) {
        (0, _) => why,
        (line, Some(c)) => {
            let name = item_column_name(c, lang);
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
