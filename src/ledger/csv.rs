//! CSV export of reports (CSV-Export): a table of text cells in, one
//! string out, pure. Two styles: German (`;` between fields, decimal
//! comma, as Excel and DATEV expect in Germany) and international (`,`
//! and decimal point). Lines end in CRLF (RFC 4180); a field holding the
//! separator, a quote or a line break is quoted, quotes doubled.

use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvStyle {
    pub separator: char,
    pub decimal_comma: bool,
}

impl CsvStyle {
    pub const GERMAN: CsvStyle = CsvStyle {
        separator: ';',
        decimal_comma: true,
    };
    pub const INTERNATIONAL: CsvStyle = CsvStyle {
        separator: ',',
        decimal_comma: false,
    };

    /// An amount as the style writes it: `-1234.50` or `-1234,50`, no
    /// thousands separator.
    pub fn amount(self, value: Decimal) -> String {
        let text = value.to_string();
        if self.decimal_comma {
            text.replace('.', ",")
        } else {
            text
        }
    }

    fn field(self, text: &str, out: &mut String) {
        let needs_quotes = text
            .chars()
            .any(|c| c == self.separator || c == '"' || c == '\n' || c == '\r');
        if needs_quotes {
            out.push('"');
            out.push_str(&text.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(text);
        }
    }

    /// The CSV text of a header row and data rows.
    pub fn write(self, header: &[&str], rows: &[Vec<String>]) -> String {
        let mut out = String::new();
        let mut row = |cells: &mut dyn Iterator<Item = &str>| {
            for (i, cell) in cells.enumerate() {
                if i > 0 {
                    out.push(self.separator);
                }
                self.field(cell, &mut out);
            }
            out.push_str("\r\n");
        };
        row(&mut header.iter().copied());
        for r in rows {
            row(&mut r.iter().map(String::as_str));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn german_style_quotes_semicolons_and_uses_decimal_comma() {
        let csv = CsvStyle::GERMAN.write(
            &["Konto", "Betrag"],
            &[vec![
                "Miete; Büro".into(),
                CsvStyle::GERMAN.amount(dec!(-1234.50)),
            ]],
        );
        assert_eq!(csv, "Konto;Betrag\r\n\"Miete; Büro\";-1234,50\r\n");
    }

    #[test]
    fn quotes_inside_fields_are_doubled() {
        let csv = CsvStyle::INTERNATIONAL.write(&["a"], &[vec!["say \"hi\"".into()]]);
        assert_eq!(csv, "a\r\n\"say \"\"hi\"\"\"\r\n");
    }
}
