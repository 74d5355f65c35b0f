//! Sentences for refused bank files (`formats::bank::BankError`) and for
//! parsed statements the engine cannot keep
//! (`forms::statement::StatementFormError`). A refusal names the file, the
//! ZIP entry, the element path or line (and CSV column or MT940 tag), and
//! the value found, so the user can open the file and see the fault.
//! Exhaustive over `BankErrorKind`: a new reason does not compile until it
//! has its German and English sentence.

use super::pick;
use crate::formats::bank::{BankError, BankErrorKind, Location};
use crate::forms::statement::StatementFormError;
use crate::ui::i18n::Lang;

/// "Datei „x.zip“, Eintrag „a.xml“, Element …: <why>"
pub fn bank_file_error(e: &BankError, lang: Lang) -> String {
    let (wde, wen) = reason(&e.kind);
    let (pde, pen) = place(e);
    pick(lang, format!("{pde}: {wde}"), format!("{pen}: {wen}"))
}

/// Where in which file, in German and English.
fn place(e: &BankError) -> (String, String) {
    let mut de = format!("Datei „{}“", e.file);
    let mut en = format!("File “{}”", e.file);
    if let Some(entry) = &e.entry {
        de.push_str(&format!(", Eintrag „{entry}“"));
        en.push_str(&format!(", entry “{entry}”"));
    }
    match &e.at {
        Location::File => {}
        Location::Element { path } => {
            de.push_str(&format!(", Element {path}"));
            en.push_str(&format!(", element {path}"));
        }
        Location::Line { line, field } => {
            de.push_str(&format!(", Zeile {line}"));
            en.push_str(&format!(", line {line}"));
            if let Some(f) = field {
                de.push_str(&format!(" ({f})"));
                en.push_str(&format!(" ({f})"));
            }
        }
    }
    (de, en)
}

/// Why the file is refused, German and English; values quoted as found.
/// One match on purpose (long, but exhaustive: no reason left unworded).
fn reason(kind: &BankErrorKind) -> (String, String) {
    use BankErrorKind as K;
    match kind {
        K::Empty => ("Die Datei ist leer.".into(), "The file is empty.".into()),
        K::NotAStatement { detail } => (
            format!(
                "Das ist kein Kontoauszug (weder camt-XML noch ZIP noch MT940; für eine CSV-Datei die Spaltenzuordnung wählen). ({detail})"
            ),
            format!(
                "This is not a bank statement (neither camt XML, ZIP nor MT940; for a CSV file choose its column mapping). ({detail})"
            ),
        ),
        K::UnsupportedCamtVersion {
            message,
            version,
            supported,
        } => (
            format!(
                "{message} in Version {version} wird nicht gelesen (gelesen werden: {supported})."
            ),
            format!("{message} version {version} is not read (read are: {supported})."),
        ),
        K::TooLarge { limit } => (
            format!("Die Datei ist größer als {limit} Bytes."),
            format!("The file is larger than {limit} bytes."),
        ),
        K::BadEncoding { encoding } => (
            format!(
                "Der Text ist kein gültiges {encoding}; in der Spaltenzuordnung die Kodierung prüfen."
            ),
            format!("The text is not valid {encoding}; check the encoding in the column mapping."),
        ),
        K::UnsupportedEncoding { encoding } => (
            format!("Die XML-Kodierung „{encoding}“ wird nicht unterstützt."),
            format!("The XML encoding “{encoding}” is not supported."),
        ),
        K::InvalidXml { message } => (
            format!("Das XML ist fehlerhaft: {message}."),
            format!("The XML is malformed: {message}."),
        ),
        K::TooDeep { limit } => (
            format!("Das XML ist tiefer als {limit} Ebenen verschachtelt."),
            format!("The XML nests deeper than {limit} levels."),
        ),
        K::MissingElement { element } => (
            format!("Das Element {element} fehlt."),
            format!("The element {element} is missing."),
        ),
        K::UnexpectedContent { message } => (
            format!("Unerwarteter Inhalt: {message}."),
            format!("Unexpected content: {message}."),
        ),
        K::BadAmount { value } => (
            format!(
                "„{value}“ ist kein Betrag (Dezimaltrennzeichen in der Spaltenzuordnung prüfen)."
            ),
            format!(
                "“{value}” is not an amount (check the decimal separator in the column mapping)."
            ),
        ),
        K::BadDate { value } => (
            format!("„{value}“ ist kein Datum."),
            format!("“{value}” is not a date."),
        ),
        K::ImpossibleDate { value } => (
            format!("Das Datum „{value}“ gibt es nicht."),
            format!("The date “{value}” does not exist."),
        ),
        K::BadCurrency { value } => (
            format!("„{value}“ ist kein Währungscode."),
            format!("“{value}” is not a currency code."),
        ),
        K::BadIban { value } => (
            format!("„{value}“ ist keine gültige IBAN."),
            format!("“{value}” is not a valid IBAN."),
        ),
        K::BadBic { value } => (
            format!("„{value}“ ist keine gültige BIC."),
            format!("“{value}” is not a valid BIC."),
        ),
        K::BadCreditDebit { value } => (
            format!("„{value}“ ist weder Haben (CRDT) noch Soll (DBIT)."),
            format!("“{value}” is neither credit (CRDT) nor debit (DBIT)."),
        ),
        K::ZipInvalid { detail } => (
            format!("Das ZIP-Archiv ist beschädigt oder abgeschnitten ({detail})."),
            format!("The ZIP archive is damaged or cut off ({detail})."),
        ),
        K::ZipTooManyEntries { limit } => (
            format!("Das ZIP-Archiv hat mehr als {limit} Einträge."),
            format!("The ZIP archive has more than {limit} entries."),
        ),
        K::ZipTooLarge { limit } => (
            format!("Das ZIP-Archiv wird entpackt größer als {limit} Bytes."),
            format!("The ZIP archive unpacks to more than {limit} bytes."),
        ),
        K::ZipEncrypted => (
            "Der ZIP-Eintrag ist verschlüsselt.".into(),
            "The ZIP entry is encrypted.".into(),
        ),
        K::ZipUnsupportedCompression { method } => (
            format!(
                "Der ZIP-Eintrag ist mit {method} gepackt; gelesen werden nur „stored“ und „deflate“."
            ),
            format!("The ZIP entry is packed with {method}; only stored and deflate are read."),
        ),
        K::ZipEmpty => (
            "Das ZIP-Archiv enthält keinen Kontoauszug.".into(),
            "The ZIP archive holds no statement.".into(),
        ),
        K::ZipNested => (
            "Ein ZIP-Archiv im ZIP-Archiv wird nicht gelesen.".into(),
            "A ZIP archive inside a ZIP archive is not read.".into(),
        ),
        K::Mt940MissingTag { tag } => (
            format!("Das MT940-Feld :{tag}: fehlt."),
            format!("The MT940 tag :{tag}: is missing."),
        ),
        K::Mt940UnexpectedTag { found, expected } => (
            format!("MT940-Feld :{found}: steht, wo {expected} erwartet wurde."),
            format!("MT940 tag :{found}: where {expected} was expected."),
        ),
        K::Mt940UnknownTag { tag } => (
            format!("Das MT940-Feld :{tag}: ist unbekannt."),
            format!("The MT940 tag :{tag}: is unknown."),
        ),
        K::Mt940Syntax { message } => (
            format!("MT940-Syntaxfehler: {message}."),
            format!("MT940 syntax error: {message}."),
        ),
        K::CsvMissingColumn { column } => (
            format!(
                "Die CSV-Datei hat keine Spalte „{column}“; passt die Spaltenzuordnung zur Bank?"
            ),
            format!("The CSV file has no column “{column}”; does the column mapping fit the bank?"),
        ),
        K::CsvShortRow { found, needed } => (
            format!("Die Zeile hat {found} Felder, die Spaltenzuordnung braucht {needed}."),
            format!("The row has {found} fields, the column mapping needs {needed}."),
        ),
        K::CsvSyntax { message } => (
            format!("Die CSV-Zeile ist beschädigt: {message}."),
            format!("The CSV row is damaged: {message}."),
        ),
        K::CsvMapping { message } => (
            format!("Die Spaltenzuordnung ist unvollständig: {message}."),
            format!("The column mapping is incomplete: {message}."),
        ),
        K::NoLines => (
            "Die Datei enthält keine Umsätze.".into(),
            "The file holds no statement lines.".into(),
        ),
    }
}

pub fn statement_form_error(e: &StatementFormError, lang: Lang) -> String {
    match e {
        StatementFormError::NoDate { statement_id, line } => pick(
            lang,
            format!(
                "Kontoauszug {statement_id}, Umsatz {}: weder Buchungs- noch Valutadatum.",
                line + 1
            ),
            format!(
                "Statement {statement_id}, line {}: neither a booking nor a value date.",
                line + 1
            ),
        ),
        StatementFormError::Currency {
            statement_id,
            currency,
        } => pick(
            lang,
            format!("Kontoauszug {statement_id}: die Währung {currency} ist unbekannt."),
            format!("Statement {statement_id}: the currency {currency} is unknown."),
        ),
    }
}
