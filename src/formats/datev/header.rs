//! The EXTF header (line 1), format version 700: every one of its 31
//! fields, parsed into `ExtfHeader` and written back by `to_line`.
//!
//! Text fields are written quoted (also when empty), numbers and dates
//! unquoted, an absent value as nothing: exactly the layout of DATEV's
//! samples, so `to_line(parse(line)) == line` for them. Parsing accepts a
//! quoted number and an unquoted text; trailing fields may be missing (they
//! are empty), more than 31 fields are ignored (later additions of DATEV).

use crate::formats::datev::error::{DatevError, Expected};
use crate::formats::datev::read::Field;
use chrono::NaiveDate;

/// The data categories this program reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// 21 Buchungsstapel (postings), format version 9 in DATEV's samples.
    Bookings,
    /// 20 Kontenbeschriftungen (account labels), format version 2.
    AccountLabels,
    /// 16 Debitoren/Kreditoren (partners), format version 5.
    Partners,
}

impl Category {
    pub const ALL: [Category; 3] = [Self::Bookings, Self::AccountLabels, Self::Partners];

    /// DATEV's number (Formatkategorie).
    pub fn number(self) -> u16 {
        match self {
            Self::Bookings => 21,
            Self::AccountLabels => 20,
            Self::Partners => 16,
        }
    }

    pub fn from_number(n: u16) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.number() == n)
    }

    /// DATEV's format name (Formatname).
    pub fn format_name(self) -> &'static str {
        match self {
            Self::Bookings => "Buchungsstapel",
            Self::AccountLabels => "Kontenbeschriftungen",
            Self::Partners => "Debitoren/Kreditoren",
        }
    }

    /// The format version (Formatversion) we write.
    pub fn format_version(self) -> u16 {
        match self {
            Self::Bookings => 9,
            Self::AccountLabels => 2,
            Self::Partners => 5,
        }
    }
}

/// The 31 fields of the header, by DATEV's names (used in refusals).
pub const HEADER_FIELDS: [&str; 31] = [
    "Kennzeichen",
    "Versionsnummer",
    "Formatkategorie",
    "Formatname",
    "Formatversion",
    "Erzeugt am",
    "Importiert",
    "Herkunft",
    "Exportiert von",
    "Importiert von",
    "Berater",
    "Mandant",
    "WJ-Beginn",
    "Sachkontenlänge",
    "Datum vom",
    "Datum bis",
    "Bezeichnung",
    "Diktatkürzel",
    "Buchungstyp",
    "Rechnungslegungszweck",
    "Festschreibung",
    "WKZ",
    "reserviert (23)",
    "Derivatskennzeichen",
    "reserviert (25)",
    "reserviert (26)",
    "SKR",
    "Branchen-Lösungs-ID",
    "reserviert (29)",
    "reserviert (30)",
    "Anwendungsinformation",
];

/// Whether field `i` (0-based) is a text field (written quoted).
const QUOTED: [bool; 31] = [
    true, false, false, true, false, false, false, true, true, true, false, false, false, false,
    false, false, true, true, false, false, false, true, true, true, true, true, true, false,
    false, true, true,
];

/// Berater-Nr. range DATEV accepts.
pub const ADVISER_RANGE: (u64, u64) = (1001, 9_999_999);
/// Mandanten-Nr. range DATEV accepts.
pub const CLIENT_RANGE: (u64, u64) = (1, 99_999);
/// Sachkontenlänge range.
pub const ACCOUNT_LENGTH_RANGE: (u64, u64) = (4, 8);
/// Longest Bezeichnung (label) of a batch.
pub const MAX_LABEL: usize = 30;

/// The header line of an EXTF file, format version 700.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtfHeader {
    /// 1: "EXTF" (from outside programs) or "DTVF" (DATEV's own).
    pub marker: String,
    /// 2: always 700.
    pub version: u16,
    /// 3 and 4: the data category and its name.
    pub category: Category,
    /// 5: Formatversion of the category (9, 2, 5 in DATEV's samples).
    pub format_version: u16,
    /// 6: Erzeugt am, YYYYMMDDHHMMSSFFF (17 digits) or empty.
    pub created: String,
    /// 7: Importiert (DATEV fills it; empty from us).
    pub imported: String,
    /// 8: Herkunft, two letters naming the sending program.
    pub origin: String,
    /// 9: Exportiert von (user name).
    pub exported_by: String,
    /// 10: Importiert von.
    pub imported_by: String,
    /// 11: Beraternummer 1001–9999999.
    pub adviser: u32,
    /// 12: Mandantennummer 1–99999.
    pub client: u32,
    /// 13: WJ-Beginn, first day of the fiscal year.
    pub fiscal_year_start: NaiveDate,
    /// 14: Sachkontenlänge 4–8 (partner accounts have one digit more).
    pub account_length: u8,
    /// 15 and 16: Datum vom/bis, the postings' range (Buchungsstapel only).
    pub date_from: Option<NaiveDate>,
    pub date_to: Option<NaiveDate>,
    /// 17: Bezeichnung, at most 30 characters.
    pub label: String,
    /// 18: Diktatkürzel (two letters) or empty.
    pub dictation: String,
    /// 19: Buchungstyp 1 Finanzbuchführung, 2 Jahresabschluss.
    pub booking_type: Option<u8>,
    /// 20: Rechnungslegungszweck (0 or empty: independent of it).
    pub accounting_purpose: Option<u8>,
    /// 21: Festschreibung: true locks the postings in DATEV.
    pub locked: Option<bool>,
    /// 22: WKZ, the batch's currency (ISO code) or empty.
    pub currency: String,
    /// 23: reserviert.
    pub reserved_23: String,
    /// 24: Derivatskennzeichen.
    pub derivative: String,
    /// 25, 26: reserviert.
    pub reserved_25: String,
    pub reserved_26: String,
    /// 27: SKR ("03", "04") or empty.
    pub chart: String,
    /// 28: Branchen-Lösungs-ID.
    pub industry: Option<u32>,
    /// 29: reserviert (a number field).
    pub reserved_29: String,
    /// 30: reserviert.
    pub reserved_30: String,
    /// 31: Anwendungsinformation.
    pub application_info: String,
}

fn err(i: usize, value: &str, expected: Expected) -> DatevError {
    DatevError::new(1, HEADER_FIELDS[i], value, expected)
}

fn number(fields: &[String], i: usize, min: u64, max: u64) -> Result<u64, DatevError> {
    let v = fields[i].as_str();
    let n = parse_digits(v, 10).ok_or_else(|| err(i, v, Expected::Number { max_digits: 10 }))?;
    if n < min || n > max {
        return Err(err(i, v, Expected::Range { min, max }));
    }
    Ok(n)
}

fn optional_number(
    fields: &[String],
    i: usize,
    min: u64,
    max: u64,
) -> Result<Option<u64>, DatevError> {
    if fields[i].is_empty() {
        Ok(None)
    } else {
        number(fields, i, min, max).map(Some)
    }
}

/// Digits only, at most `max_digits` of them, as a number.
pub(crate) fn parse_digits(v: &str, max_digits: usize) -> Option<u64> {
    if v.is_empty() || v.len() > max_digits || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse().ok()
}

/// A date written YYYYMMDD.
pub fn parse_ymd(v: &str) -> Option<NaiveDate> {
    if v.len() != 8 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y = v[0..4].parse().ok()?;
    let m = v[4..6].parse().ok()?;
    let d = v[6..8].parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

fn date(fields: &[String], i: usize) -> Result<NaiveDate, DatevError> {
    parse_ymd(&fields[i]).ok_or_else(|| err(i, &fields[i], Expected::DateYmd))
}

fn optional_date(fields: &[String], i: usize) -> Result<Option<NaiveDate>, DatevError> {
    if fields[i].is_empty() {
        Ok(None)
    } else {
        date(fields, i).map(Some)
    }
}

fn text(fields: &[String], i: usize, max: usize) -> Result<String, DatevError> {
    let v = &fields[i];
    if v.chars().count() > max {
        return Err(err(i, v, Expected::Text { max }));
    }
    Ok(v.clone())
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

impl ExtfHeader {
    /// A header of `category` with the fields a program fills, the rest
    /// empty; the caller sets the date range, label and lock.
    pub fn new(
        category: Category,
        adviser: u32,
        client: u32,
        fiscal_year_start: NaiveDate,
        account_length: u8,
    ) -> Self {
        Self {
            marker: "EXTF".into(),
            version: 700,
            category,
            format_version: category.format_version(),
            created: String::new(),
            imported: String::new(),
            origin: String::new(),
            exported_by: String::new(),
            imported_by: String::new(),
            adviser,
            client,
            fiscal_year_start,
            account_length,
            date_from: None,
            date_to: None,
            label: String::new(),
            dictation: String::new(),
            booking_type: None,
            accounting_purpose: None,
            locked: None,
            currency: String::new(),
            reserved_23: String::new(),
            derivative: String::new(),
            reserved_25: String::new(),
            reserved_26: String::new(),
            chart: String::new(),
            industry: None,
            reserved_29: String::new(),
            reserved_30: String::new(),
            application_info: String::new(),
        }
    }

    /// The header from line 1's fields (as split by `read::split_records`).
    pub fn parse(fields: &[Field]) -> Result<Self, DatevError> {
        let mut f: Vec<String> = fields.iter().take(31).map(|x| x.text.clone()).collect();
        f.resize(31, String::new());
        if f[0] != "EXTF" && f[0] != "DTVF" {
            return Err(err(0, &f[0], Expected::Marker));
        }
        if f[1] != "700" {
            return Err(err(1, &f[1], Expected::Version700));
        }
        let category = parse_digits(&f[2], 3)
            .and_then(|n| u16::try_from(n).ok())
            .and_then(Category::from_number)
            .ok_or_else(|| err(2, &f[2], Expected::KnownCategory))?;
        if f[3] != category.format_name() {
            return Err(err(3, &f[3], Expected::FormatName(category.format_name())));
        }
        let format_version = number(&f, 4, 1, 999)? as u16;
        if !f[5].is_empty() && (f[5].len() != 17 || !f[5].bytes().all(|b| b.is_ascii_digit())) {
            return Err(err(5, &f[5], Expected::Timestamp));
        }
        let adviser = number(&f, 10, ADVISER_RANGE.0, ADVISER_RANGE.1)? as u32;
        let client = number(&f, 11, CLIENT_RANGE.0, CLIENT_RANGE.1)? as u32;
        let fiscal_year_start = date(&f, 12)?;
        let account_length = number(&f, 13, ACCOUNT_LENGTH_RANGE.0, ACCOUNT_LENGTH_RANGE.1)? as u8;
        let (date_from, date_to) = if category == Category::Bookings {
            let from = date(&f, 14)?;
            let to = date(&f, 15)?;
            if to < from {
                return Err(err(
                    15,
                    &f[15],
                    Expected::DateInRange {
                        from: ymd(from),
                        to: String::new(),
                    },
                ));
            }
            (Some(from), Some(to))
        } else {
            (optional_date(&f, 14)?, optional_date(&f, 15)?)
        };
        let locked = match f[20].as_str() {
            "" => None,
            "0" => Some(false),
            "1" => Some(true),
            v => return Err(err(20, v, Expected::OneOf(&["0", "1"]))),
        };
        Ok(Self {
            marker: f[0].clone(),
            version: 700,
            category,
            format_version,
            created: f[5].clone(),
            imported: text(&f, 6, 17)?,
            origin: text(&f, 7, 2)?,
            exported_by: text(&f, 8, 25)?,
            imported_by: text(&f, 9, 25)?,
            adviser,
            client,
            fiscal_year_start,
            account_length,
            date_from,
            date_to,
            label: text(&f, 16, MAX_LABEL)?,
            dictation: text(&f, 17, 2)?,
            booking_type: optional_number(&f, 18, 1, 2)?.map(|n| n as u8),
            accounting_purpose: optional_number(&f, 19, 0, 99)?.map(|n| n as u8),
            locked,
            currency: text(&f, 21, 3)?,
            reserved_23: text(&f, 22, 60)?,
            derivative: text(&f, 23, 60)?,
            reserved_25: text(&f, 24, 60)?,
            reserved_26: text(&f, 25, 60)?,
            chart: text(&f, 26, 2)?,
            industry: optional_number(&f, 27, 0, 9_999_999)?.map(|n| n as u32),
            reserved_29: text(&f, 28, 60)?,
            reserved_30: text(&f, 29, 60)?,
            application_info: text(&f, 30, 16)?,
        })
    }

    /// The 31 field values as text, in order (unquoted).
    pub fn values(&self) -> [String; 31] {
        let opt = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        let od = |d: Option<NaiveDate>| d.map(ymd).unwrap_or_default();
        [
            self.marker.clone(),
            self.version.to_string(),
            self.category.number().to_string(),
            self.category.format_name().to_string(),
            self.format_version.to_string(),
            self.created.clone(),
            self.imported.clone(),
            self.origin.clone(),
            self.exported_by.clone(),
            self.imported_by.clone(),
            self.adviser.to_string(),
            self.client.to_string(),
            ymd(self.fiscal_year_start),
            self.account_length.to_string(),
            od(self.date_from),
            od(self.date_to),
            self.label.clone(),
            self.dictation.clone(),
            opt(self.booking_type.map(u64::from)),
            opt(self.accounting_purpose.map(u64::from)),
            match self.locked {
                None => String::new(),
                Some(false) => "0".into(),
                Some(true) => "1".into(),
            },
            self.currency.clone(),
            self.reserved_23.clone(),
            self.derivative.clone(),
            self.reserved_25.clone(),
            self.reserved_26.clone(),
            self.chart.clone(),
            opt(self.industry.map(u64::from)),
            self.reserved_29.clone(),
            self.reserved_30.clone(),
            self.application_info.clone(),
        ]
    }

    /// Line 1 as DATEV writes it, without the line break: text fields
    /// quoted (a quote doubled), numbers and dates bare.
    pub fn to_line(&self) -> String {
        let values = self.values();
        let mut out = String::with_capacity(256);
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                out.push(';');
            }
            if QUOTED[i] {
                out.push_str(&quote(v));
            } else {
                out.push_str(v);
            }
        }
        out
    }
}

/// A text field as DATEV writes it: in quotes, a quote inside doubled.
pub fn quote(v: &str) -> String {
    let mut s = String::with_capacity(v.len() + 2);
    s.push('"');
    for c in v.chars() {
        if c == '"' {
            s.push('"');
        }
        s.push(c);
    }
    s.push('"');
    s
}
