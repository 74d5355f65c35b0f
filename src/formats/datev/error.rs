//! The one refusal of the DATEV reader: the line (1-based, the line the
//! record starts on), the column title (German, as DATEV names it), the
//! value found and what was expected there.

/// What a field should have held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `EXTF` or `DTVF` in the first field.
    Marker,
    /// Header format version 700.
    Version700,
    /// Data category 21, 20 or 16.
    KnownCategory,
    /// The format name DATEV gives this category.
    FormatName(&'static str),
    /// A whole number of at most `max_digits` digits.
    Number { max_digits: usize },
    /// A whole number in `min..=max`.
    Range { min: u64, max: u64 },
    /// A date as YYYYMMDD.
    DateYmd,
    /// A timestamp as YYYYMMDDHHMMSSFFF.
    Timestamp,
    /// Text of at most `max` characters.
    Text { max: usize },
    /// One of the listed values.
    OneOf(&'static [&'static str]),
    /// An amount > 0 with a decimal comma and at most two decimals.
    PositiveAmount,
    /// A decimal number with a decimal comma.
    Decimal,
    /// `S` or `H`.
    Side,
    /// A BU-Schlüssel this program knows (see `bu`).
    KnownBuKey,
    /// An account number of `len` digits (G/L) or `len + 1` (partner).
    AccountNumber { len: u8 },
    /// Belegdatum as DDMM or DDMMYYYY, a real day.
    BelegDate,
    /// A date inside the header's range `from..=to`.
    DateInRange { from: String, to: String },
    /// The column is present in line 2.
    Column,
    /// A value in this required field.
    Present,
    /// A quote closed before the end of the file.
    ClosedQuote,
    /// The same number of fields as line 2 has titles (at most).
    FieldCount { max: usize },
    /// Text in UTF-8 after a UTF-8 byte-order mark.
    Utf8,
    /// At most `max` records.
    AtMostRows { max: usize },
    /// At least one record after the column titles.
    Rows,
}

/// A refusal of the DATEV reader. `line` 0 means the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatevError {
    pub line: usize,
    /// The column title (header: the field's name in DATEV's description).
    pub column: String,
    /// What was found (shortened to 60 characters).
    pub value: String,
    pub expected: Expected,
}

impl DatevError {
    pub fn new(line: usize, column: &str, value: &str, expected: Expected) -> Self {
        let mut shown: String = value.chars().take(60).collect();
        if value.chars().count() > 60 {
            shown.push('…');
        }
        Self {
            line,
            column: column.to_string(),
            value: shown,
            expected,
        }
    }
}

impl std::fmt::Display for DatevError {
    /// Developer text (the UI has `ui::errors::datev`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, {}: {:?} is not {:?}",
            self.line, self.column, self.value, self.expected
        )
    }
}

impl std::error::Error for DatevError {}
