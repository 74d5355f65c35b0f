//! DATEV export (issue 19): the three EXTF files a tax advisor imports into
//! DATEV — Buchungsstapel (category 21), Kontenbeschriftungen (20) and
//! Debitoren/Kreditoren (16) — for a date range, as one ZIP.
//!
//! Format: header line of format version 700 (`header`), column titles
//! (`columns`), rows; Windows-1252, CRLF, `;`, quoted text, decimal comma
//! (`text`). A character Windows-1252 cannot hold is transliterated and
//! listed ([`text::Replaced`]), never refused: posted entries cannot be
//! changed, so a refusal would block the export for good.
//!
//! **Personal accounts** (Debitoren/Kreditoren): a partner's code lies in
//! DATEV's ranges for account length 4 (customers 10000–69999, vendors
//! 70000–99999, `types::limits`). For account length L the DATEV number
//! keeps the code's first digit and widens the rest to L digits:
//! `first digit × 10^L + (code mod 10^4)`, so 10001 → 10001 (L = 4),
//! 100001 (L = 5), 1000001 (L = 6); 70001 → 700001 (L = 5). A line on a
//! control account for a partner is exported on that number, and the
//! Debitoren/Kreditoren file uses the same rule ([`partner_account`]).
//!
//! **Entries with several lines** (`buchungsstapel`): a tax line generated
//! by a tax code is folded into its base line (DATEV computes the tax
//! from the gross amount and the BU key); then the lines of the side with
//! fewer lines are paired with the other side's lines in order until the
//! amounts are used up, one row per pair, so every row has Konto and
//! Gegenkonto and the rows sum to the entry.

pub mod archive;
pub mod buchungsstapel;
mod columns;
mod header;
pub mod labels;
pub mod partners;
pub mod text;

pub use buchungsstapel::{Row, Stapel, rows_of};
pub use text::Replaced;

use crate::ledger::Book;
use crate::ledger::gl::{ChartTemplate, DatevSettings};
use crate::ledger::types::{AccountNo, PartnerCode};
use chrono::{NaiveDate, NaiveDateTime};

/// Where a written text (or a refusal) came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Header,
    /// A posted entry by fiscal year and number.
    Entry {
        year: i32,
        number: u32,
    },
    Account(AccountNo),
    Partner(PartnerCode),
}

/// Why the export was refused. Every variant names what it is about.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("the company has no DATEV settings yet")]
    NoSettings,
    #[error("the range {from} – {to} is empty")]
    EmptyRange { from: NaiveDate, to: NaiveDate },
    /// DATEV takes one fiscal year per batch.
    #[error("the range {from} – {to} spans more than the fiscal year starting {year_start}")]
    AcrossYears {
        from: NaiveDate,
        to: NaiveDate,
        year_start: NaiveDate,
    },
    #[error("entry {year}/{number}: account {account} is not a number DATEV can read")]
    AccountNotNumeric {
        year: i32,
        number: u32,
        account: AccountNo,
    },
    #[error("entry {year}/{number}: account {account} is longer than the account length {length}")]
    AccountTooLong {
        year: i32,
        number: u32,
        account: AccountNo,
        length: u8,
    },
    #[error("partner {partner} has no DATEV account number for account length {length}")]
    PartnerNumber { partner: PartnerCode, length: u8 },
    /// Both accounts of one row carry a tax code; DATEV takes one BU key.
    #[error("entry {year}/{number}: accounts {account} and {counter} both carry a tax code")]
    TwoTaxCodes {
        year: i32,
        number: u32,
        account: AccountNo,
        counter: AccountNo,
    },
    #[error("entry {year}/{number}: tax code {code} has no DATEV BU key")]
    NoBuKey {
        year: i32,
        number: u32,
        code: String,
    },
}

/// What to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// When the files are made (the header's "erzeugt am").
    pub created: NaiveDateTime,
    /// Bezeichnung of the batch (≤ 30 characters are written).
    pub label: String,
}

/// What the preview and the finished export count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub entries: usize,
    pub rows: usize,
    pub accounts: usize,
    pub partners: usize,
}

/// One file of the export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatevFile {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// The three files, what they hold and what was transliterated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatevExport {
    pub files: Vec<DatevFile>,
    pub counts: Counts,
    pub replaced: Vec<Replaced>,
    pub replaced_count: usize,
}

pub const BUCHUNGSSTAPEL_FILE: &str = "EXTF_Buchungsstapel.csv";
pub const LABELS_FILE: &str = "EXTF_Kontenbeschriftungen.csv";
pub const PARTNERS_FILE: &str = "EXTF_Debitoren_Kreditoren.csv";

/// The DATEV personal-account number of a partner code for account
/// length `length` (see the module note); `None` when the code is not a
/// five-digit number.
pub fn partner_account(code: PartnerCode, length: u8) -> Option<u64> {
    let n = code.number()?;
    if !(10_000..=99_999).contains(&n) {
        return None;
    }
    let first = n / 10_000;
    let rest = n % 10_000;
    Some(first * 10u64.checked_pow(u32::from(length))? + rest)
}

/// The settings, the fiscal-year start and the checked range, or why not.
pub(crate) fn checked<'a>(
    book: &'a Book,
    request: &ExportRequest,
) -> Result<(&'a DatevSettings, NaiveDate), ExportError> {
    let settings = book.gl().datev_settings().ok_or(ExportError::NoSettings)?;
    let (from, to) = (request.from, request.to);
    if from > to {
        return Err(ExportError::EmptyRange { from, to });
    }
    let calendar = book.calendar();
    let year_start = calendar
        .fiscal_year_start(from)
        .ok_or(ExportError::EmptyRange { from, to })?;
    if calendar.fiscal_year_start(to) != Some(year_start) {
        return Err(ExportError::AcrossYears {
            from,
            to,
            year_start,
        });
    }
    Ok((settings, year_start))
}

/// "03", "04" or empty: the Sachkontenrahmen field.
fn chart_code(book: &Book) -> &'static str {
    match book.settings().chart {
        ChartTemplate::Skr03 => "03",
        ChartTemplate::Skr04 => "04",
        ChartTemplate::Generic => "",
    }
}

fn created(request: &ExportRequest) -> String {
    request.created.format("%Y%m%d%H%M%S%3f").to_string()
}

/// Counts what an export of the range would hold, without writing it.
pub fn preview(book: &Book, request: &ExportRequest) -> Result<Counts, ExportError> {
    let mut stapel = buchungsstapel::Stapel::new(book, request)?;
    stapel.push_all(book)?;
    Ok(stapel.counts())
}

/// The whole export in one go (the page runs the same steps in chunks).
pub fn export(book: &Book, request: &ExportRequest) -> Result<DatevExport, ExportError> {
    let mut stapel = buchungsstapel::Stapel::new(book, request)?;
    stapel.push_all(book)?;
    Ok(stapel.finish(book))
}
