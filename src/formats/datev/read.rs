//! Reading an EXTF file: bytes → text → records → header, column titles
//! and rows.
//!
//! - Encoding: a UTF-8 byte-order mark means UTF-8; otherwise bytes that
//!   are valid UTF-8 are taken as UTF-8 and anything else as Windows-1252
//!   (what DATEV writes; `encoding_rs`, every byte maps to a character).
//! - Records: `;` between fields, a field in `"` may hold `;`, line breaks
//!   and doubled quotes; CRLF or LF ends a record; empty lines are skipped.
//!   A record's line is the line it starts on (1-based).
//! - Rows are read by the titles of line 2 (a dash or en dash and spacing
//!   in a title do not matter), so columns may come in any order and
//!   columns we do not use are ignored. A row with more fields than titles
//!   is refused; missing trailing fields are empty.
//! - Buchungsstapel rows: Umsatz > 0 with a decimal comma (no thousands
//!   separator, at most two decimals), S/H, Konto and Gegenkonto as digits
//!   (at most the header's account length + 1), BU-Schlüssel by `bu`,
//!   Belegdatum DDMM or DDMMYYYY (DATEV drops a leading zero: 3 or 7
//!   digits are padded) resolved to the year that puts it inside the
//!   header's Datum vom–bis; a date outside is refused.
//!
//! A fault of the header or of line 2 refuses the file; a fault of a row
//! refuses that row (`ExtfFile::refused`, one error per row, its line) and
//! the others are still read, so a user sees every bad row at once.

use crate::formats::datev::bu::{BuKey, parse_bu_key};
use crate::formats::datev::error::{DatevError, Expected};
use crate::formats::datev::header::{Category, ExtfHeader, parse_digits, parse_ymd};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// Largest file read (bytes).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Most rows read from one file.
pub const MAX_ROWS: usize = 1_000_000;

/// One field of a record: its text (quotes removed, doubled quotes made
/// single) and whether it was quoted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub text: String,
    pub quoted: bool,
}

/// One record and the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<Field>,
}

/// Soll/Haben-Kennzeichen: the side of `Konto` (Gegenkonto takes the other).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// S (Soll): Konto debited, Gegenkonto credited.
    Debit,
    /// H (Haben): Konto credited, Gegenkonto debited.
    Credit,
}

impl Side {
    pub fn letter(self) -> &'static str {
        match self {
            Self::Debit => "S",
            Self::Credit => "H",
        }
    }
}

/// One Buchungsstapel row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booking {
    /// The file's line this row starts on.
    pub line: usize,
    /// Umsatz, > 0 (gross when a BU key or an automatic account applies).
    pub amount: Decimal,
    pub side: Side,
    /// WKZ Umsatz (empty: the batch's currency).
    pub currency: String,
    /// Kurs (exchange rate), when given.
    pub rate: Option<Decimal>,
    /// Basisumsatz and its WKZ, when given.
    pub base_amount: Option<Decimal>,
    pub base_currency: String,
    /// Digits only.
    pub account: String,
    pub contra: String,
    pub bu_key: Option<BuKey>,
    pub date: NaiveDate,
    /// Belegfeld 1 (document number) and 2.
    pub doc1: String,
    pub doc2: String,
    /// Skonto (cash discount amount), when given.
    pub discount: Option<Decimal>,
    /// Buchungstext.
    pub text: String,
    /// KOST1, KOST2.
    pub cost1: String,
    pub cost2: String,
    /// EU-Land u. USt-IdNr. and EU-Steuersatz.
    pub eu_vat_id: String,
    pub eu_rate: Option<Decimal>,
}

/// One Kontenbeschriftungen row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountLabel {
    pub line: usize,
    pub account: String,
    pub label: String,
    pub language: String,
}

/// A read file. `rows` holds every record after line 2 as text by column
/// (for any category); `bookings`/`labels` the typed rows of categories 21
/// and 20; `refused` one error per row that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtfFile {
    pub header: ExtfHeader,
    pub columns: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
    pub bookings: Vec<Booking>,
    pub labels: Vec<AccountLabel>,
    pub refused: Vec<DatevError>,
}

/// Bytes to text (see the module's note on encodings).
pub fn decode(bytes: &[u8]) -> Result<String, DatevError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DatevError::new(
            0,
            "",
            &bytes.len().to_string(),
            Expected::Number {
                max_digits: MAX_FILE_BYTES.to_string().len(),
            },
        ));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let line = 1 + rest[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                Err(DatevError::new(line, "", "", Expected::Utf8))
            }
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    Ok(text.into_owned())
}

/// Text to records (see the module's note).
pub fn split_records(text: &str) -> Result<Vec<Record>, DatevError> {
    let mut records = Vec::new();
    let mut fields: Vec<Field> = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut in_quotes = false;
    let mut line = 1usize;
    let mut start = 1usize;
    let mut quote_line = 1usize;
    let mut chars = text.chars().peekable();
    let mut end_record =
        |fields: &mut Vec<Field>, cur: &mut String, quoted: &mut bool, start: usize| {
            fields.push(Field {
                text: std::mem::take(cur),
                quoted: std::mem::replace(quoted, false),
            });
            let done = std::mem::take(fields);
            let empty = done.len() == 1 && done[0].text.is_empty() && !done[0].quoted;
            if !empty {
                records.push(Record {
                    line: start,
                    fields: done,
                });
            }
        };
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cur.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    cur.push(c);
                }
                _ => cur.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                // A quote opens a field only at its start; elsewhere it is text.
                if cur.is_empty() && !quoted {
                    in_quotes = true;
                    quoted = true;
                    quote_line = line;
                } else {
                    cur.push(c);
                }
            }
            ';' => fields.push(Field {
                text: std::mem::take(&mut cur),
                quoted: std::mem::replace(&mut quoted, false),
            }),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                end_record(&mut fields, &mut cur, &mut quoted, start);
                line += 1;
                start = line;
            }
            _ => cur.push(c),
        }
    }
    if in_quotes {
        return Err(DatevError::new(quote_line, "", &cur, Expected::ClosedQuote));
    }
    if !cur.is_empty() || quoted || !fields.is_empty() {
        end_record(&mut fields, &mut cur, &mut quoted, start);
    }
    Ok(records)
}

/// A column title made comparable: lower case, dashes and spaces dropped.
pub fn title_key(title: &str) -> String {
    title
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '–' && *c != '—')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The Buchungsstapel columns we read, by DATEV's title.
pub mod col {
    pub const AMOUNT: &str = "Umsatz (ohne Soll/Haben-Kz)";
    pub const SIDE: &str = "Soll/Haben-Kennzeichen";
    pub const CURRENCY: &str = "WKZ Umsatz";
    pub const RATE: &str = "Kurs";
    pub const BASE_AMOUNT: &str = "Basisumsatz";
    pub const BASE_CURRENCY: &str = "WKZ Basisumsatz";
    pub const ACCOUNT: &str = "Konto";
    pub const CONTRA: &str = "Gegenkonto (ohne BU-Schlüssel)";
    pub const BU: &str = "BU-Schlüssel";
    pub const DATE: &str = "Belegdatum";
    pub const DOC1: &str = "Belegfeld 1";
    pub const DOC2: &str = "Belegfeld 2";
    pub const DISCOUNT: &str = "Skonto";
    pub const TEXT: &str = "Buchungstext";
    pub const COST1: &str = "KOST1 – Kostenstelle";
    pub const COST2: &str = "KOST2 – Kostenstelle";
    pub const EU_VAT_ID: &str = "EU-Land u. USt-IdNr.";
    pub const EU_RATE: &str = "EU-Steuersatz";
    pub const LABEL: &str = "Kontenbeschriftung";
    pub const LANGUAGE: &str = "Sprach-ID";
}

struct Columns {
    keys: Vec<String>,
}

impl Columns {
    fn index(&self, title: &str) -> Option<usize> {
        let k = title_key(title);
        self.keys.iter().position(|x| *x == k)
    }
}

/// Reads a whole EXTF file.
pub fn read(bytes: &[u8]) -> Result<ExtfFile, DatevError> {
    let text = decode(bytes)?;
    let records = split_records(&text)?;
    let mut it = records.into_iter();
    let first = it
        .next()
        .ok_or_else(|| DatevError::new(1, "Kennzeichen", "", Expected::Marker))?;
    let header = ExtfHeader::parse(&first.fields)?;
    let titles = it
        .next()
        .ok_or_else(|| DatevError::new(2, "", "", Expected::Column))?;
    let columns: Vec<String> = titles.fields.into_iter().map(|f| f.text).collect();
    let cols = Columns {
        keys: columns.iter().map(|t| title_key(t)).collect(),
    };
    let required: &[&str] = match header.category {
        Category::Bookings => &[col::AMOUNT, col::SIDE, col::ACCOUNT, col::CONTRA, col::DATE],
        Category::AccountLabels => &[col::ACCOUNT, col::LABEL],
        Category::Partners => &[col::ACCOUNT],
    };
    for title in required {
        if cols.index(title).is_none() {
            return Err(DatevError::new(2, title, "", Expected::Column));
        }
    }
    let mut file = ExtfFile {
        header,
        columns,
        rows: Vec::new(),
        bookings: Vec::new(),
        labels: Vec::new(),
        refused: Vec::new(),
    };
    for record in it {
        if file.rows.len() >= MAX_ROWS {
            return Err(DatevError::new(
                record.line,
                "",
                "",
                Expected::AtMostRows { max: MAX_ROWS },
            ));
        }
        let max = file.columns.len();
        let mut values: Vec<String> = record.fields.into_iter().map(|f| f.text).collect();
        if values.len() > max {
            file.refused.push(DatevError::new(
                record.line,
                "",
                &values.len().to_string(),
                Expected::FieldCount { max },
            ));
            file.rows.push((record.line, values));
            continue;
        }
        values.resize(max, String::new());
        let row = Row {
            line: record.line,
            values: &values,
            cols: &cols,
        };
        match file.header.category {
            Category::Bookings => match booking(&row, &file.header) {
                Ok(b) => file.bookings.push(b),
                Err(e) => file.refused.push(e),
            },
            Category::AccountLabels => match label(&row, &file.header) {
                Ok(l) => file.labels.push(l),
                Err(e) => file.refused.push(e),
            },
            Category::Partners => {
                if let Err(e) = row.account(col::ACCOUNT, file.header.account_length, true) {
                    file.refused.push(e);
                }
            }
        }
        file.rows.push((record.line, values));
    }
    if file.rows.is_empty() {
        return Err(DatevError::new(3, "", "", Expected::Rows));
    }
    Ok(file)
}

struct Row<'a> {
    line: usize,
    values: &'a [String],
    cols: &'a Columns,
}

impl Row<'_> {
    fn get(&self, title: &str) -> &str {
        self.cols
            .index(title)
            .and_then(|i| self.values.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    fn err(&self, title: &str, value: &str, expected: Expected) -> DatevError {
        DatevError::new(self.line, title, value, expected)
    }

    fn required(&self, title: &str) -> Result<&str, DatevError> {
        let v = self.get(title);
        if v.is_empty() {
            Err(self.err(title, v, Expected::Present))
        } else {
            Ok(v)
        }
    }

    fn text(&self, title: &str, max: usize) -> Result<String, DatevError> {
        let v = self.get(title);
        if v.chars().count() > max {
            return Err(self.err(title, v, Expected::Text { max }));
        }
        Ok(v.to_string())
    }

    fn decimal(&self, title: &str) -> Result<Option<Decimal>, DatevError> {
        let v = self.get(title);
        if v.is_empty() {
            return Ok(None);
        }
        parse_decimal_comma(v)
            .map(Some)
            .ok_or_else(|| self.err(title, v, Expected::Decimal))
    }

    /// An account: digits, a G/L account of the header's length or a
    /// partner account of one digit more (shorter G/L numbers are allowed:
    /// DATEV drops leading zeros, e.g. 400 for 0400).
    fn account(&self, title: &str, len: u8, required: bool) -> Result<String, DatevError> {
        let v = self.get(title);
        if v.is_empty() && !required {
            return Ok(String::new());
        }
        let max = usize::from(len) + 1;
        match parse_digits(v, max) {
            Some(_) => Ok(v.to_string()),
            None => Err(self.err(title, v, Expected::AccountNumber { len })),
        }
    }
}

/// "1234,56" → 1234.56; no thousands separator, an optional leading minus.
pub fn parse_decimal_comma(v: &str) -> Option<Decimal> {
    let (neg, digits) = match v.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, v),
    };
    let (int, frac) = match digits.split_once(',') {
        Some((i, f)) => (i, f),
        None => (digits, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if int.len() > 18 || frac.len() > 10 {
        return None;
    }
    if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let text = if frac.is_empty() {
        int.to_string()
    } else {
        format!("{}.{}", if int.is_empty() { "0" } else { int }, frac)
    };
    let d: Decimal = text.parse().ok()?;
    Some(if neg { -d } else { d })
}

/// Belegdatum DDMM / DDMMYYYY (3 or 7 digits padded) resolved against the
/// header: the year that puts DDMM inside Datum vom–bis, else the fiscal
/// year's (a month before the fiscal year's first month belongs to the next
/// calendar year), then checked against the range.
pub fn resolve_date(v: &str, header: &ExtfHeader) -> Result<NaiveDate, Expected> {
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Expected::BelegDate);
    }
    let padded = match v.len() {
        3 | 7 => format!("0{v}"),
        4 | 8 => v.to_string(),
        _ => return Err(Expected::BelegDate),
    };
    let day: u32 = padded[0..2].parse().map_err(|_| Expected::BelegDate)?;
    let month: u32 = padded[2..4].parse().map_err(|_| Expected::BelegDate)?;
    let in_range = |d: NaiveDate| {
        header.date_from.is_none_or(|f| d >= f) && header.date_to.is_none_or(|t| d <= t)
    };
    let date = if padded.len() == 8 {
        let year: i32 = padded[4..8].parse().map_err(|_| Expected::BelegDate)?;
        NaiveDate::from_ymd_opt(year, month, day).ok_or(Expected::BelegDate)?
    } else {
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return Err(Expected::BelegDate);
        }
        let mut years: Vec<i32> = Vec::new();
        for d in [header.date_from, header.date_to].into_iter().flatten() {
            if !years.contains(&d.year()) {
                years.push(d.year());
            }
        }
        let fy = header.fiscal_year_start;
        let fy_year = if month >= fy.month() {
            fy.year()
        } else {
            fy.year() + 1
        };
        if !years.contains(&fy_year) {
            years.push(fy_year);
        }
        let candidates: Vec<NaiveDate> = years
            .iter()
            .filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day))
            .collect();
        match candidates.iter().find(|&&d| in_range(d)) {
            Some(&d) => d,
            None => *candidates.last().ok_or(Expected::BelegDate)?,
        }
    };
    if !in_range(date) {
        let f = |d: Option<NaiveDate>| {
            d.map(|d| d.format("%d.%m.%Y").to_string())
                .unwrap_or_default()
        };
        return Err(Expected::DateInRange {
            from: f(header.date_from),
            to: f(header.date_to),
        });
    }
    Ok(date)
}

fn booking(row: &Row<'_>, header: &ExtfHeader) -> Result<Booking, DatevError> {
    let raw = row.required(col::AMOUNT)?;
    let amount = parse_decimal_comma(raw)
        .filter(|a| *a > Decimal::ZERO && a.scale() <= 2)
        .ok_or_else(|| row.err(col::AMOUNT, raw, Expected::PositiveAmount))?;
    let raw = row.get(col::SIDE);
    let side = match raw {
        "S" | "s" => Side::Debit,
        "H" | "h" => Side::Credit,
        _ => return Err(row.err(col::SIDE, raw, Expected::Side)),
    };
    let currency = row.text(col::CURRENCY, 3)?;
    let rate = row.decimal(col::RATE)?;
    let base_amount = row.decimal(col::BASE_AMOUNT)?;
    let base_currency = row.text(col::BASE_CURRENCY, 3)?;
    let account = row.account(col::ACCOUNT, header.account_length, true)?;
    let contra = row.account(col::CONTRA, header.account_length, true)?;
    let raw = row.get(col::BU);
    let bu_key = parse_bu_key(raw).map_err(|()| row.err(col::BU, raw, Expected::KnownBuKey))?;
    let raw = row.get(col::DATE);
    let date = resolve_date(raw, header).map_err(|e| row.err(col::DATE, raw, e))?;
    let discount = row.decimal(col::DISCOUNT)?;
    let eu_rate = row.decimal(col::EU_RATE)?;
    Ok(Booking {
        line: row.line,
        amount,
        side,
        currency,
        rate,
        base_amount,
        base_currency,
        account,
        contra,
        bu_key,
        date,
        doc1: row.text(col::DOC1, 36)?,
        doc2: row.text(col::DOC2, 12)?,
        discount,
        text: row.text(col::TEXT, 60)?,
        cost1: row.text(col::COST1, 36)?,
        cost2: row.text(col::COST2, 36)?,
        eu_vat_id: row.text(col::EU_VAT_ID, 15)?,
        eu_rate,
    })
}

fn label(row: &Row<'_>, header: &ExtfHeader) -> Result<AccountLabel, DatevError> {
    Ok(AccountLabel {
        line: row.line,
        account: row.account(col::ACCOUNT, header.account_length, true)?,
        label: row.text(col::LABEL, 40)?,
        language: row.text(col::LANGUAGE, 5)?,
    })
}

/// A YYYYMMDD date (re-exported for callers that read header-like fields).
pub fn ymd(v: &str) -> Option<NaiveDate> {
    parse_ymd(v)
}
