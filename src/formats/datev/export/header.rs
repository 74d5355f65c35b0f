//! The EXTF header line (line 1) as the export writes it. Helper C's
//! `formats::datev::header` replaces this at merge (same fields).

use super::text::Out;
use super::Place;
use chrono::NaiveDate;

/// What differs between the three files' header lines.
pub struct HeaderLine<'a> {
    pub category: u8,
    pub name: &'a str,
    pub version: u8,
    /// `YYYYMMDDHHMMSSmmm`.
    pub created: String,
    pub consultant: u32,
    pub client: u32,
    pub fiscal_year_start: NaiveDate,
    pub account_length: u8,
    /// Date range and lock: the Buchungsstapel only.
    pub range: Option<(NaiveDate, NaiveDate, bool)>,
    pub label: &'a str,
    pub currency: &'a str,
    /// "03", "04" or empty.
    pub chart: &'a str,
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// Writes the 31 fields of format version 700 and CRLF.
pub fn write(out: &mut Out, h: &HeaderLine<'_>) {
    let place = Place::Header;
    out.text("EXTF", 4, &place);
    out.ascii(&format!(";700;{};", h.category));
    out.text(h.name, 40, &place);
    out.ascii(&format!(";{};{};;", h.version, h.created));
    out.text("KO", 2, &place); // Herkunft: Kontor
    out.sep();
    out.text("Kontor", 25, &place); // exportiert von
    out.sep();
    out.text("", 25, &place); // importiert von
    out.ascii(&format!(
        ";{};{};{};{};",
        h.consultant,
        h.client,
        date(h.fiscal_year_start),
        h.account_length
    ));
    match h.range {
        Some((from, to, _)) => out.ascii(&format!("{};{};", date(from), date(to))),
        None => out.ascii(";;"),
    }
    out.text(h.label, 30, &place);
    out.sep();
    out.text("", 2, &place); // Diktatkürzel
    out.sep();
    match h.range {
        // Buchungstyp 1 = Finanzbuchführung; Rechnungslegungszweck empty;
        // Festschreibung 0/1.
        Some((_, _, lock)) => out.ascii(&format!("1;;{};", u8::from(lock))),
        None => out.ascii(";;;"),
    }
    if h.range.is_some() {
        out.text(h.currency, 3, &place);
    } else {
        out.text("", 3, &place);
    }
    out.sep();
    out.text("", 0, &place); // reserviert
    out.sep();
    out.text("", 0, &place); // Derivatskennzeichen
    out.sep();
    out.text("", 0, &place); // reserviert
    out.sep();
    out.text("", 0, &place); // reserviert
    out.sep();
    out.text(h.chart, 2, &place); // Sachkontenrahmen
    out.ascii(";;;");
    out.text("", 0, &place); // reserviert
    out.sep();
    out.text("", 0, &place); // Anwendungsinformation
    out.crlf();
}
