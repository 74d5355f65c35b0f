//! The EXTF header line (line 1) of the three files, built with
//! `formats::datev::header::ExtfHeader` (helper C's, shared with the
//! reader) and written through the Windows-1252 encoder.

use super::Place;
use super::text::Out;
use crate::formats::datev::header::{Category, ExtfHeader, MAX_LABEL};
use chrono::NaiveDate;

/// What differs between the three files' header lines.
pub struct HeaderLine<'a> {
    pub category: Category,
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

/// Writes the 31 fields of format version 700 and CRLF.
pub fn write(out: &mut Out, h: &HeaderLine<'_>) {
    let mut header = ExtfHeader::new(
        h.category,
        h.consultant,
        h.client,
        h.fiscal_year_start,
        h.account_length,
    );
    header.created = h.created.clone();
    // Herkunft: two letters naming the sending program (Kontor).
    header.origin = "KO".into();
    header.exported_by = "Kontor".into();
    header.label = h.label.chars().take(MAX_LABEL).collect();
    header.chart = h.chart.into();
    if let Some((from, to, lock)) = h.range {
        header.date_from = Some(from);
        header.date_to = Some(to);
        // 1 = Finanzbuchführung.
        header.booking_type = Some(1);
        header.locked = Some(lock);
        header.currency = h.currency.into();
    }
    out.raw(&header.to_line(), &Place::Header);
    out.crlf();
}
