//! Sentences for the DATEV reader (`formats::datev::DatevError`: line,
//! column, value, what was expected) and the DATEV import's refusals
//! (`forms::datev_import`). Exhaustive: a new expectation or problem does
//! not compile until it has its German and English sentence.

use super::{domain_error, pick};
use crate::formats::datev::{DatevError, Expected};
use crate::forms::datev_import::{FileRefusal, RowProblem};
use crate::forms::entry::{FormErrorKind, Refusal};
use crate::ui::i18n::Lang;

/// What the field should hold, as a phrase.
fn expected(e: &Expected, lang: Lang) -> String {
    use Expected as E;
    let (de, en): (String, String) = match e {
        E::Marker => (
            "„EXTF“ am Anfang (eine DATEV-Datei im EXTF-Format)".into(),
            "\"EXTF\" at the start (a DATEV file in EXTF format)".into(),
        ),
        E::Version700 => ("Formatversion 700".into(), "format version 700".into()),
        E::KnownCategory => (
            "Datenkategorie 21 (Buchungsstapel), 20 (Kontenbeschriftungen) oder 16 (Debitoren/Kreditoren)".into(),
            "data category 21 (postings), 20 (account labels) or 16 (customers/vendors)".into(),
        ),
        E::FormatName(name) => (format!("der Formatname „{name}“"), format!("the format name \"{name}\"")),
        E::Number { max_digits } => (
            format!("eine ganze Zahl mit höchstens {max_digits} Ziffern"),
            format!("a whole number of at most {max_digits} digits"),
        ),
        E::Range { min, max } => (
            format!("eine Zahl von {min} bis {max}"),
            format!("a number from {min} to {max}"),
        ),
        E::DateYmd => ("ein Datum als JJJJMMTT".into(), "a date as YYYYMMDD".into()),
        E::Timestamp => (
            "ein Zeitstempel als JJJJMMTTHHMMSSmmm".into(),
            "a timestamp as YYYYMMDDHHMMSSmmm".into(),
        ),
        E::Text { max } => (
            format!("ein Text mit höchstens {max} Zeichen"),
            format!("a text of at most {max} characters"),
        ),
        E::OneOf(values) => (
            format!("einer der Werte {}", values.join(", ")),
            format!("one of {}", values.join(", ")),
        ),
        E::PositiveAmount => (
            "ein Betrag größer 0 mit Dezimalkomma und höchstens 2 Nachkommastellen, ohne Tausenderpunkt".into(),
            "an amount above 0 with a decimal comma and at most 2 decimals, no thousands separator".into(),
        ),
        E::Decimal => ("eine Zahl mit Dezimalkomma".into(), "a number with a decimal comma".into()),
        E::Side => ("S (Soll) oder H (Haben)".into(), "S (debit) or H (credit)".into()),
        E::KnownBuKey => (
            "ein bekannter BU-Schlüssel (1, 2, 3, 5, 7, 8, 9, 11, 19, 40, 46, 94) oder leer".into(),
            "a known BU key (1, 2, 3, 5, 7, 8, 9, 11, 19, 40, 46, 94) or empty".into(),
        ),
        E::AccountNumber { len } => (
            format!("eine Kontonummer aus Ziffern: Sachkonto bis {len} Stellen, Personenkonto {} Stellen", len + 1),
            format!("an account number of digits: G/L account up to {len} digits, partner account {}", len + 1),
        ),
        E::BelegDate => (
            "ein Belegdatum als TTMM oder TTMMJJJJ".into(),
            "a document date as DDMM or DDMMYYYY".into(),
        ),
        E::DateInRange { from, to } => (
            format!("ein Datum im Zeitraum des Stapels ({from} – {to})"),
            format!("a date within the batch's range ({from} – {to})"),
        ),
        E::Column => (
            "diese Spalte in Zeile 2 (Spaltenüberschriften)".into(),
            "this column in line 2 (column titles)".into(),
        ),
        E::Present => ("ein Wert (das Feld ist Pflicht)".into(), "a value (the field is required)".into()),
        E::ClosedQuote => (
            "ein schließendes Anführungszeichen".into(),
            "a closing quotation mark".into(),
        ),
        E::FieldCount { max } => (
            format!("höchstens {max} Felder, wie Zeile 2 Spalten hat"),
            format!("at most {max} fields, as line 2 has columns"),
        ),
        E::Utf8 => (
            "gültiges UTF-8 (die Datei beginnt mit einer UTF-8-Kennung)".into(),
            "valid UTF-8 (the file starts with a UTF-8 byte-order mark)".into(),
        ),
        E::AtMostRows { max } => (format!("höchstens {max} Zeilen"), format!("at most {max} rows")),
        E::Rows => (
            "mindestens eine Datenzeile nach den Spaltenüberschriften".into(),
            "at least one data row after the column titles".into(),
        ),
    };
    pick(lang, de, en)
}

/// A reader refusal as one sentence, with its line, column and value.
pub fn datev_error(e: &DatevError, lang: Lang) -> String {
    match (&e.expected, e.value.is_empty()) {
        (Expected::Column, _) => {
            return pick(
                lang,
                format!(
                    "Zeile {}: Die Spalte „{}“ fehlt in den Spaltenüberschriften.",
                    e.line, e.column
                ),
                format!(
                    "Line {}: the column \"{}\" is missing from the column titles.",
                    e.line, e.column
                ),
            );
        }
        (Expected::Present, true) => {
            return pick(
                lang,
                format!(
                    "Zeile {}, Spalte „{}“: Das Pflichtfeld ist leer.",
                    e.line, e.column
                ),
                format!(
                    "Line {}, column \"{}\": the required field is empty.",
                    e.line, e.column
                ),
            );
        }
        (Expected::Rows, _) => return expected(&e.expected, lang),
        _ => {}
    }
    let what = expected(&e.expected, lang);
    let at_line = match (e.line, lang) {
        (0, Lang::De) => "Datei".to_string(),
        (0, Lang::En) => "File".to_string(),
        (n, Lang::De) => format!("Zeile {n}"),
        (n, Lang::En) => format!("Line {n}"),
    };
    let column = if e.column.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::De => format!(", Spalte „{}“", e.column),
            Lang::En => format!(", column \"{}\"", e.column),
        }
    };
    match lang {
        Lang::De => format!("{at_line}{column}: „{}“ ist nicht {what}.", e.value)
            .replace("nicht ein", "kein"),
        Lang::En => format!("{at_line}{column}: \"{}\" is not {what}.", e.value),
    }
}

/// Why the whole file is not imported.
pub fn datev_file_refusal(e: &FileRefusal, lang: Lang) -> String {
    match e {
        FileRefusal::Read(e) => datev_error(e, lang),
        FileRefusal::NotBookings { category } => pick(
            lang,
            format!(
                "Die Datei ist kein Buchungsstapel (Datenkategorie {category} statt 21); nur Buchungsstapel werden als Buchungen übernommen."
            ),
            format!(
                "The file is not a posting batch (data category {category}, not 21); only posting batches are imported as entries."
            ),
        ),
        FileRefusal::TooManyRows { count, max } => pick(
            lang,
            format!(
                "Die Datei hat {count} Buchungszeilen; ein Stapel fasst höchstens {max}. Bitte in kleinere Stapel teilen."
            ),
            format!(
                "The file has {count} posting rows; a voucher holds at most {max}. Please split it into smaller batches."
            ),
        ),
    }
}

/// One refused row's sentence in parts, so the page can mark the column
/// title and the value (the file's own words, DATEV's German titles) as
/// data: `column`, `value` (already in quotes) and the `reason` that
/// follows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowParts {
    pub column: Option<String>,
    pub value: Option<String>,
    pub reason: String,
}

/// Why one row is refused, as one sentence (the page shows its line).
pub fn datev_row_problem(p: &RowProblem, lang: Lang) -> String {
    let parts = datev_row_parts(p, lang);
    let mut out = String::new();
    if let Some(c) = &parts.column {
        out.push_str(c);
        out.push_str(": ");
    }
    if let Some(v) = &parts.value {
        out.push_str(v);
        out.push(' ');
    }
    out.push_str(&parts.reason);
    out
}

fn quoted(v: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!("„{v}“"),
        Lang::En => format!("\"{v}\""),
    }
}

/// The parts of `datev_row_problem`.
pub fn datev_row_parts(p: &RowProblem, lang: Lang) -> RowParts {
    let plain = |column: Option<&str>, de: String, en: String| RowParts {
        column: column.map(|c| quoted(c, lang)),
        value: None,
        reason: pick(lang, de, en),
    };
    match p {
        RowProblem::Read(e) if e.value.is_empty() => {
            let what = expected(&e.expected, lang);
            plain(
                Some(&e.column),
                format!("Das Feld ist leer; erwartet: {what}."),
                format!("the field is empty; expected {what}."),
            )
        }
        RowProblem::Read(e) => {
            let what = expected(&e.expected, lang);
            RowParts {
                column: (!e.column.is_empty()).then(|| quoted(&e.column, lang)),
                value: Some(quoted(&e.value, lang)),
                reason: match lang {
                    Lang::De => format!("ist nicht {what}.").replace("nicht ein", "kein"),
                    Lang::En => format!("is not {what}."),
                },
            }
        }
        RowProblem::UnknownAccount { column, value } => plain(
            Some(column),
            format!("Das Konto {value} gibt es in dieser Firma nicht."),
            format!("account {value} does not exist in this company."),
        ),
        RowProblem::UnknownPartner { column, value } => plain(
            Some(column),
            format!(
                "{value} ist ein Personenkonto (Sachkontenlänge + 1), aber kein Geschäftspartner dieser Firma hat diese Nummer."
            ),
            format!(
                "{value} is a partner account (account length + 1), but no business partner of this company has that code."
            ),
        ),
        RowProblem::NotPostable { column, value } => plain(
            Some(column),
            format!("Das Konto {value} ist nicht bebuchbar (Titelkonto oder inaktiv)."),
            format!("account {value} cannot be posted to (title account or inactive)."),
        ),
        RowProblem::Currency { value, lc } => plain(
            None,
            format!("Währung {value}: Es werden nur Buchungen in der Hauswährung {lc} übernommen."),
            format!("Currency {value}: only postings in the local currency {lc} are imported."),
        ),
        RowProblem::TaxCodeMissing { key, code } => plain(
            None,
            format!(
                "BU-Schlüssel {key}: Das Steuerkennzeichen {code} fehlt in dieser Firma oder ist inaktiv."
            ),
            format!("BU key {key}: tax code {code} is missing in this company or inactive."),
        ),
        RowProblem::Rate16 { key, code } => plain(
            None,
            format!(
                "BU-Schlüssel {key} (16 %): {code} hat an diesem Datum nicht 16 % (nur 1.7.–31.12.2020)."
            ),
            format!(
                "BU key {key} (16 %): {code} is not 16 % on this date (only 1 Jul – 31 Dec 2020)."
            ),
        ),
        RowProblem::Refused(Refusal::Domain(d)) => RowParts {
            column: None,
            value: None,
            reason: domain_error(d, lang),
        },
        RowProblem::Refused(Refusal::Form(f)) => match &f.kind {
            FormErrorKind::Domain(d) => RowParts {
                column: None,
                value: None,
                reason: domain_error(d, lang),
            },
            FormErrorKind::Date(_)
            | FormErrorKind::Amount(_)
            | FormErrorKind::BothSides
            | FormErrorKind::TooManyLines { .. } => plain(
                None,
                "Die Zeile ergibt keine lesbare Buchung.".into(),
                "The row does not make a readable entry.".into(),
            ),
        },
    }
}
