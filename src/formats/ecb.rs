//! ECB reference rates (Euro-Referenzkurse der EZB): the daily file
//! `eurofxref.csv` / the history `eurofxref-hist.csv` and the XML
//! `eurofxref-daily.xml`. The ECB quotes units of foreign currency per one
//! euro, which is Kontor's `rate_fc_per_lc` when the local currency is EUR.
//! Pure: text in, rates out. Currencies Kontor does not know and "N/A"
//! cells are skipped and reported, never guessed.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::ledger::types::Currency;

/// Largest rate file accepted (bytes); the full ECB history since 1999 is
/// about 1.6 MB as CSV, so this takes it with room to spare.
pub const MAX_ECB_BYTES: usize = 4_000_000;
/// Most rates one import may carry; beyond it the file is refused whole,
/// so nobody imports half a history by accident.
pub const MAX_ECB_RATES: usize = 10_000;

/// One dated rate: `rate_fc_per_eur` units of `currency` per euro.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EcbRate {
    pub currency: Currency,
    pub date: NaiveDate,
    pub rate_fc_per_eur: Decimal,
}

/// What a rate file holds: the rates Kontor can use and the currency codes
/// it skipped (unknown to Kontor), sorted and without repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EcbRates {
    pub rates: Vec<EcbRate>,
    pub skipped_codes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EcbError {
    #[error("the file holds no rates")]
    Empty,
    #[error("the file is larger than {max} bytes")]
    TooLarge { max: usize },
    #[error("the file holds more than {max} rates")]
    TooMany { max: usize },
    #[error("the file is neither the ECB CSV nor the ECB XML format")]
    NotEcb,
    /// 1-based line of the CSV (for XML: the rate's position).
    #[error("line {line}: {text:?} is not a date")]
    BadDate { line: usize, text: String },
    /// More filled cells than the header has columns: most likely a rate
    /// written with a decimal comma, which would otherwise be misread.
    #[error("line {line} has {found} cells, the header {expected}")]
    ColumnCount {
        line: usize,
        expected: usize,
        found: usize,
    },
    #[error("line {line}: {text:?} is not a rate for {code}")]
    BadRate {
        line: usize,
        code: String,
        text: String,
    },
}

/// Reads an ECB rate file, CSV or XML (told apart by a leading `<`).
pub fn parse_ecb(text: &str) -> Result<EcbRates, EcbError> {
    if text.len() > MAX_ECB_BYTES {
        return Err(EcbError::TooLarge { max: MAX_ECB_BYTES });
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    let mut out = Collector::default();
    if text.starts_with('<') {
        parse_xml(text, &mut out)?;
    } else {
        parse_csv(text, &mut out)?;
    }
    out.finish()
}

#[derive(Default)]
struct Collector {
    found: EcbRates,
}

impl Collector {
    fn push(&mut self, code: &str, date: NaiveDate, rate: Decimal) -> Result<(), EcbError> {
        let Ok(currency) = Currency::parse(code) else {
            self.found.skipped_codes.push(code.to_string());
            return Ok(());
        };
        if self.found.rates.len() >= MAX_ECB_RATES {
            return Err(EcbError::TooMany { max: MAX_ECB_RATES });
        }
        self.found.rates.push(EcbRate {
            currency,
            date,
            rate_fc_per_eur: rate,
        });
        Ok(())
    }

    fn finish(mut self) -> Result<EcbRates, EcbError> {
        if self.found.rates.is_empty() {
            return Err(EcbError::Empty);
        }
        self.found.skipped_codes.sort();
        self.found.skipped_codes.dedup();
        Ok(self.found)
    }
}

/// `04 January 2024` (daily file) or `2024-01-04` (history file).
fn parse_ecb_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d %B %Y"))
        .ok()
}

fn parse_rate(text: &str) -> Option<Decimal> {
    let rate = Decimal::from_str(text.trim()).ok()?;
    (rate > Decimal::ZERO).then_some(rate)
}

/// Header `Date, USD, JPY, …` (a trailing comma is usual), then one row per
/// day; `N/A` or empty cells mean "no rate that day".
fn parse_csv(text: &str, out: &mut Collector) -> Result<(), EcbError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next().ok_or(EcbError::Empty)?;
    let codes: Vec<&str> = header.split(',').map(str::trim).collect();
    if !codes
        .first()
        .is_some_and(|c| c.eq_ignore_ascii_case("date"))
    {
        return Err(EcbError::NotEcb);
    }
    for (index, line) in lines {
        let line_no = index + 1;
        let all: Vec<&str> = line.split(',').collect();
        let filled = all
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |i| i + 1);
        let columns = codes
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        if filled > columns {
            return Err(EcbError::ColumnCount {
                line: line_no,
                expected: columns,
                found: filled,
            });
        }
        let mut cells = all.into_iter();
        let date_text = cells.next().unwrap_or("").trim();
        let date = parse_ecb_date(date_text).ok_or_else(|| EcbError::BadDate {
            line: line_no,
            text: date_text.chars().take(40).collect(),
        })?;
        for (code, cell) in codes.iter().skip(1).zip(cells) {
            let cell = cell.trim();
            if code.is_empty() || cell.is_empty() || cell.eq_ignore_ascii_case("N/A") {
                continue;
            }
            let rate = parse_rate(cell).ok_or_else(|| EcbError::BadRate {
                line: line_no,
                code: code.chars().take(8).collect(),
                text: cell.chars().take(40).collect(),
            })?;
            out.push(code, date, rate)?;
        }
    }
    Ok(())
}

/// `<Cube time='2024-01-04'><Cube currency='USD' rate='1.0921'/>…</Cube>`:
/// every `Cube` tag either opens a day or carries one rate of that day.
fn parse_xml(text: &str, out: &mut Collector) -> Result<(), EcbError> {
    let mut date = None;
    let mut position = 0usize;
    let mut saw_cube = false;
    for tag in text.split("<Cube").skip(1) {
        saw_cube = true;
        let tag = tag.split('>').next().unwrap_or("");
        if let Some(time) = attribute(tag, "time") {
            date = Some(parse_ecb_date(time).ok_or_else(|| EcbError::BadDate {
                line: position + 1,
                text: time.chars().take(40).collect(),
            })?);
        }
        if let (Some(code), Some(rate_text)) = (attribute(tag, "currency"), attribute(tag, "rate"))
        {
            position += 1;
            let bad_rate = || EcbError::BadRate {
                line: position,
                code: code.chars().take(8).collect(),
                text: rate_text.chars().take(40).collect(),
            };
            let day = date.ok_or_else(bad_rate)?;
            let rate = parse_rate(rate_text).ok_or_else(bad_rate)?;
            out.push(code, day, rate)?;
        }
    }
    if !saw_cube {
        return Err(EcbError::NotEcb);
    }
    Ok(())
}

/// The value of `name='…'` or `name="…"` inside one tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before_ok = at == 0 || rest.as_bytes()[at - 1].is_ascii_whitespace();
        let after = rest[at + name.len()..].trim_start();
        if before_ok && let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            let quote = value.chars().next().filter(|q| *q == '\'' || *q == '"')?;
            let value = &value[1..];
            return value.find(quote).map(|end| &value[..end]);
        }
        rest = &rest[at + name.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    /// The shape of the ECB's daily `eurofxref.csv` (written for this test:
    /// header with a trailing comma, one row, a withdrawn currency as N/A,
    /// a currency Kontor does not know).
    const DAILY_CSV: &str = "Date, USD, JPY, CYP, XAU, GBP, \n\
                             05 January 2024, 1.0921, 158.09, N/A, 1.2345, 0.86008, \n";

    #[test]
    fn daily_csv_yields_one_dated_rate_per_known_currency() {
        let found = parse_ecb(DAILY_CSV).expect("parses");
        assert_eq!(
            found.rates,
            vec![
                EcbRate {
                    currency: Currency::USD,
                    date: d(2024, 1, 5),
                    rate_fc_per_eur: dec!(1.0921)
                },
                EcbRate {
                    currency: Currency::JPY,
                    date: d(2024, 1, 5),
                    rate_fc_per_eur: dec!(158.09)
                },
                EcbRate {
                    currency: Currency::parse("GBP").expect("known"),
                    date: d(2024, 1, 5),
                    rate_fc_per_eur: dec!(0.86008)
                },
            ]
        );
        assert_eq!(found.skipped_codes, vec!["XAU".to_string()]);
    }

    #[test]
    fn history_csv_with_iso_dates_reads_every_row() {
        let text = "Date,USD,JPY,\n2024-01-05,1.0921,158.09,\n2024-01-04,1.0953,N/A,\n";
        let found = parse_ecb(text).expect("parses");
        assert_eq!(found.rates.len(), 3);
        assert_eq!(found.rates[2].date, d(2024, 1, 4));
        assert_eq!(found.rates[2].rate_fc_per_eur, dec!(1.0953));
    }

    #[test]
    fn daily_xml_yields_the_same_rates() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube>
    <Cube time='2024-01-05'>
      <Cube currency='USD' rate='1.0921'/>
      <Cube currency="JPY" rate="158.09"/>
      <Cube currency='XAU' rate='1.2'/>
    </Cube>
  </Cube>
</gesmes:Envelope>"#;
        let found = parse_ecb(xml).expect("parses");
        assert_eq!(found.rates.len(), 2);
        assert_eq!(
            found.rates[0],
            EcbRate {
                currency: Currency::USD,
                date: d(2024, 1, 5),
                rate_fc_per_eur: dec!(1.0921)
            }
        );
        assert_eq!(found.rates[1].rate_fc_per_eur, dec!(158.09));
        assert_eq!(found.skipped_codes, vec!["XAU".to_string()]);
    }

    #[test]
    fn broken_files_are_refused_with_the_line() {
        assert_eq!(parse_ecb(""), Err(EcbError::Empty));
        assert_eq!(parse_ecb("Konto;Betrag\n1200;5"), Err(EcbError::NotEcb));
        assert_eq!(parse_ecb("<html></html>"), Err(EcbError::NotEcb));
        assert_eq!(
            parse_ecb("Date, USD\nyesterday, 1.09\n"),
            Err(EcbError::BadDate {
                line: 2,
                text: "yesterday".into()
            })
        );
        assert_eq!(
            parse_ecb("Date, USD, \n2024-01-05, 1,09\n"),
            Err(EcbError::ColumnCount {
                line: 2,
                expected: 2,
                found: 3
            })
        );
        assert_eq!(
            parse_ecb("Date, USD\n2024-01-05, -1.09\n"),
            Err(EcbError::BadRate {
                line: 2,
                code: "USD".into(),
                text: "-1.09".into()
            })
        );
        assert_eq!(
            parse_ecb("Date, XAU\n2024-01-05, 1.2\n"),
            Err(EcbError::Empty)
        );
    }

    #[test]
    fn more_rates_than_the_limit_refuse_the_whole_file() {
        let mut text = String::from("Date,USD\n");
        let start = d(2000, 1, 1);
        for i in 0..=MAX_ECB_RATES as u64 {
            let day = start + chrono::Days::new(i);
            text.push_str(&format!("{day},1.1\n"));
        }
        assert_eq!(
            parse_ecb(&text),
            Err(EcbError::TooMany { max: MAX_ECB_RATES })
        );
    }
}
