//! CSV export (CSV-Export) of reports, as spreadsheets read it:
//! - German dialect: `;` between fields, decimal comma (`1234,56`), dates
//!   `31.12.2026` — what German Excel and LibreOffice expect;
//! - English dialect: `,` between fields, decimal point, ISO dates.
//!
//! Amounts carry no thousands separators, so a spreadsheet reads them as
//! numbers. Fields are quoted (RFC 4180) when they hold the separator, a
//! quote or a line break; lines end with CRLF. Text that a spreadsheet
//! would run as a formula (`=`, `+`, `-`, `@` first) gets a leading
//! apostrophe, because memos and references come from users and imported
//! files (CSV injection).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::formats::amount::{NumberStyle, format_amount_ungrouped};

/// Most rows one export writes; reports are bounded by the engine's
/// `MAX_REPORT_ROWS` already, this guards against a caller that is not.
pub const MAX_CSV_ROWS: usize = 1_000_000;

/// A UTF-8 byte-order mark: Excel reads umlauts right only with it.
pub const UTF8_BOM: &str = "\u{feff}";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    German,
    English,
}

impl Dialect {
    pub fn separator(self) -> char {
        match self {
            Dialect::German => ';',
            Dialect::English => ',',
        }
    }

    /// `-1234,56` / `-1234.56`, exactly `decimals` decimals (half away from
    /// zero), no thousands separators (`formats::amount`'s formatter).
    pub fn amount(self, amount: Decimal, decimals: u32) -> String {
        format_amount_ungrouped(amount, decimals, self.number_style())
    }

    /// The separators of the language the dialect is for.
    pub fn number_style(self) -> NumberStyle {
        match self {
            Dialect::German => NumberStyle::German,
            Dialect::English => NumberStyle::English,
        }
    }

    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Dialect::German => date.format("%d.%m.%Y").to_string(),
            Dialect::English => date.format("%Y-%m-%d").to_string(),
        }
    }
}

/// One field of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Free text from users: quoted as needed, formula-guarded.
    Text(String),
    Amount(Decimal, u32),
    Date(NaiveDate),
    /// An empty field.
    Empty,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
}

/// Builds a CSV document row by row.
#[derive(Clone, Debug)]
pub struct CsvWriter {
    dialect: Dialect,
    out: String,
    rows: usize,
}

impl CsvWriter {
    pub fn new(dialect: Dialect) -> CsvWriter {
        CsvWriter {
            dialect,
            out: String::new(),
            rows: 0,
        }
    }

    /// Appends one row; rows beyond [`MAX_CSV_ROWS`] are dropped (and
    /// counted by [`CsvWriter::rows`] as not written).
    pub fn row(&mut self, cells: &[Cell]) -> &mut CsvWriter {
        if self.rows >= MAX_CSV_ROWS {
            return self;
        }
        let sep = self.dialect.separator();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(sep);
            }
            let field = match cell {
                Cell::Text(t) => guard_formula(t),
                Cell::Amount(a, d) => self.dialect.amount(*a, *d),
                Cell::Date(d) => self.dialect.date(*d),
                Cell::Empty => String::new(),
            };
            push_field(&mut self.out, &field, sep);
        }
        self.out.push_str("\r\n");
        self.rows += 1;
        self
    }

    /// A row of plain texts (headings).
    pub fn header(&mut self, titles: &[&str]) -> &mut CsvWriter {
        let cells: Vec<Cell> = titles.iter().map(|t| Cell::text(*t)).collect();
        self.row(&cells)
    }

    /// Rows written so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// Text a spreadsheet would evaluate gets a leading apostrophe.
fn guard_formula(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

fn push_field(out: &mut String, field: &str, sep: char) {
    let needs_quotes = field.contains(sep)
        || field.contains('"')
        || field.contains('\n')
        || field.contains('\r')
        || field.starts_with(' ')
        || field.ends_with(' ');
    if needs_quotes {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn date(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn german_dialect_uses_semicolons_and_decimal_comma_without_grouping() {
        let mut w = CsvWriter::new(Dialect::German);
        w.header(&["Konto", "Soll"]);
        w.row(&[Cell::text("1200"), Cell::Amount(d("1234567.5"), 2)]);
        assert_eq!(w.finish(), "Konto;Soll\r\n1200;1234567,50\r\n");
    }

    #[test]
    fn english_dialect_uses_commas_decimal_point_and_iso_dates() {
        let mut w = CsvWriter::new(Dialect::English);
        w.row(&[
            Cell::Date(date(2026, 3, 1)),
            Cell::Amount(d("-12.345"), 2),
            Cell::Empty,
        ]);
        assert_eq!(w.finish(), "2026-03-01,-12.35,\r\n");
    }

    #[test]
    fn german_dates_are_day_month_year() {
        assert_eq!(Dialect::German.date(date(2026, 11, 22)), "22.11.2026");
    }

    #[test]
    fn amounts_round_half_away_from_zero_and_zero_has_no_sign() {
        assert_eq!(Dialect::German.amount(d("0.005"), 2), "0,01");
        assert_eq!(Dialect::German.amount(d("-0.005"), 2), "-0,01");
        assert_eq!(Dialect::German.amount(d("-0.001"), 2), "0,00");
        assert_eq!(Dialect::English.amount(d("7"), 0), "7");
        assert_eq!(Dialect::English.amount(d("7"), 3), "7.000");
    }

    #[test]
    fn fields_with_separator_quote_or_line_break_are_quoted() {
        let mut w = CsvWriter::new(Dialect::German);
        w.row(&[
            Cell::text("a;b"),
            Cell::text("sagte \"Hallo\""),
            Cell::text("zwei\nZeilen"),
            Cell::text("a,b"),
        ]);
        assert_eq!(
            w.finish(),
            "\"a;b\";\"sagte \"\"Hallo\"\"\";\"zwei\nZeilen\";a,b\r\n"
        );
    }

    #[test]
    fn the_english_dialect_quotes_commas_but_not_semicolons() {
        let mut w = CsvWriter::new(Dialect::English);
        w.row(&[Cell::text("a,b"), Cell::text("a;b")]);
        assert_eq!(w.finish(), "\"a,b\",a;b\r\n");
    }

    #[test]
    fn decimal_comma_amounts_are_not_quoted_in_the_german_dialect() {
        let mut w = CsvWriter::new(Dialect::German);
        w.row(&[Cell::Amount(d("1.5"), 2)]);
        assert_eq!(w.finish(), "1,50\r\n");
    }

    #[test]
    fn text_that_looks_like_a_formula_is_defused() {
        let mut w = CsvWriter::new(Dialect::German);
        w.row(&[
            Cell::text("=HYPERLINK(\"x\")"),
            Cell::text("+1"),
            Cell::text("@SUM"),
            Cell::text("-Rabatt"),
        ]);
        assert_eq!(
            w.finish(),
            "\"'=HYPERLINK(\"\"x\"\")\";'+1;'@SUM;'-Rabatt\r\n"
        );
    }

    #[test]
    fn negative_amounts_are_not_defused() {
        let mut w = CsvWriter::new(Dialect::German);
        w.row(&[Cell::Amount(d("-3"), 2)]);
        assert_eq!(w.finish(), "-3,00\r\n");
    }

    #[test]
    fn leading_or_trailing_spaces_are_kept_by_quoting() {
        let mut w = CsvWriter::new(Dialect::English);
        w.row(&[Cell::text(" x"), Cell::text("y ")]);
        assert_eq!(w.finish(), "\" x\",\"y \"\r\n");
    }

    #[test]
    fn umlauts_pass_through_unchanged() {
        let mut w = CsvWriter::new(Dialect::German);
        w.row(&[Cell::text("Büromaterial – Größe")]);
        assert_eq!(w.finish(), "Büromaterial – Größe\r\n");
    }

    #[test]
    fn rows_are_counted() {
        let mut w = CsvWriter::new(Dialect::German);
        w.header(&["a"]).row(&[Cell::Empty]);
        assert_eq!(w.rows(), 2);
        assert_eq!(w.finish(), "a\r\n\r\n");
    }
}
