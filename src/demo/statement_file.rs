//! The demo's bank statements as a user gets them: a CSV export in the
//! Sparkasse "CSV-CAMT" layout (Windows-1252, `;`, German numbers), read
//! back through `formats::bank` with the preset mapping, so the demo's
//! statements take the same path as an uploaded file.

use crate::formats::amount::{NumberStyle, format_amount};
use crate::formats::bank::csv::{CsvMapping, preset};
use crate::formats::bank::{FileFormat, read_statements};
use crate::forms::statement::statement_drafts;
use crate::ledger::bank::StatementDraft;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The preset the demo's house bank exports with.
pub(crate) const PRESET: &str = "sparkasse-camt";

const HEADER: &str = "\"Auftragskonto\";\"Buchungstag\";\"Valutadatum\";\"Buchungstext\";\"Verwendungszweck\";\"Glaeubiger ID\";\"Mandatsreferenz\";\"Kundenreferenz (End-to-End)\";\"Sammlerreferenz\";\"Lastschrift Ursprungsbetrag\";\"Auslagenersatz Ruecklastschrift\";\"Beguenstigter/Zahlungspflichtiger\";\"Kontonummer/IBAN\";\"BIC (SWIFT-Code)\";\"Betrag\";\"Waehrung\";\"Info\"";

/// One line of the export.
#[derive(Clone, Debug)]
pub(crate) struct FileLine {
    pub date: NaiveDate,
    /// Signed: money in +.
    pub amount: Decimal,
    pub posting_text: &'static str,
    pub purpose: String,
    pub counterparty: String,
    pub iban: String,
    pub end_to_end_id: String,
}

/// A field quoted as the bank writes it (`"` doubled inside).
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The export of `lines` for account `own_iban`, encoded as the bank does.
pub(crate) fn csv_bytes(own_iban: &str, lines: &[FileLine]) -> Vec<u8> {
    let mut text = String::from(HEADER);
    for l in lines {
        let date = l.date.format("%d.%m.%y").to_string();
        let fields = [
            own_iban,
            &date,
            &date,
            l.posting_text,
            &l.purpose,
            "",
            "",
            &l.end_to_end_id,
            "",
            "",
            "",
            &l.counterparty,
            &l.iban,
            "",
            &format_amount(l.amount, 2, NumberStyle::German),
            "EUR",
            "Umsatz gebucht",
        ];
        text.push_str("\r\n");
        text.push_str(&fields.map(quoted).join(";"));
    }
    text.push_str("\r\n");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    bytes.into_owned()
}

/// The preset mapping the export is read with.
pub(crate) fn mapping() -> Option<CsvMapping> {
    preset(PRESET)
}

/// The statements of the export, as the import screen reads them; the
/// reason in words when the file is refused (a demo bug).
pub(crate) fn drafts(file: &str, bytes: &[u8]) -> Result<Vec<StatementDraft>, String> {
    let mapping = mapping().ok_or_else(|| format!("no preset {PRESET}"))?;
    let statements = read_statements(file, bytes, Some(&FileFormat::Csv(Box::new(mapping))))
        .map_err(|e| e.to_string())?;
    statement_drafts(&statements).map_err(|e| e.to_string())
}
