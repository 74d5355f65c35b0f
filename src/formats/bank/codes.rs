//! The small typed values every bank format shares: currency codes, IBAN
//! and BIC (checked, so a matcher can trust them), amounts as the XML and
//! SWIFT formats write them, dates and timestamps. Each check returns the
//! [`BankErrorKind`] that names the bad value; the reader adds where.

use super::error::{BankErrorKind, quoted};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Most digits an amount may have (ISO 20022 allows 18).
pub const MAX_AMOUNT_DIGITS: usize = 18;
/// Most decimals an amount may have (ISO 20022 allows 5).
pub const MAX_AMOUNT_DECIMALS: usize = 5;

/// An ISO 4217 code: three upper-case ASCII letters.
pub fn currency(text: &str) -> Result<String, BankErrorKind> {
    let text = text.trim();
    if text.len() == 3 && text.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(text.to_string())
    } else {
        Err(BankErrorKind::BadCurrency {
            value: quoted(text),
        })
    }
}

/// Whether `text` (no spaces, upper case) has the shape of an IBAN and its
/// ISO 7064 mod-97 check digits are right.
pub fn is_iban(text: &str) -> bool {
    let b = text.as_bytes();
    let shape = (15..=34).contains(&b.len())
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..4].iter().all(u8::is_ascii_digit)
        && b[4..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !shape {
        return false;
    }
    let mut rest: u32 = 0;
    for &c in b[4..].iter().chain(&b[..4]) {
        let value = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        rest = if value < 10 {
            (rest * 10 + value) % 97
        } else {
            (rest * 100 + value) % 97
        };
    }
    rest == 1
}

/// An IBAN as written on paper or in a file (spaces allowed, any case),
/// returned in its electronic form (`DE89370400440532013000`).
pub fn iban(text: &str) -> Result<String, BankErrorKind> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if is_iban(&compact) {
        Ok(compact)
    } else {
        Err(BankErrorKind::BadIban {
            value: quoted(text.trim()),
        })
    }
}

/// A BIC (ISO 9362): 4 letters bank, 2 letters country, 2 letters or
/// digits location, optionally 3 letters or digits branch.
pub fn bic(text: &str) -> Result<String, BankErrorKind> {
    let text = text.trim();
    let b = text.as_bytes();
    let alnum = |c: &u8| c.is_ascii_uppercase() || c.is_ascii_digit();
    let ok = (b.len() == 8 || b.len() == 11)
        && b[..6].iter().all(u8::is_ascii_uppercase)
        && b[6..].iter().all(alnum);
    if ok {
        Ok(text.to_string())
    } else {
        Err(BankErrorKind::BadBic {
            value: quoted(text),
        })
    }
}

/// A non-negative amount as ISO 20022 and SWIFT write it: digits, at most
/// one decimal separator `sep` with at least one digit before it, at most
/// [`MAX_AMOUNT_DECIMALS`] decimals, no sign, no exponent, no grouping.
/// The scale is kept as written (`18.150` stays three decimals).
pub fn plain_amount(text: &str, sep: char) -> Result<Decimal, BankErrorKind> {
    let trimmed = text.trim();
    let bad = || BankErrorKind::BadAmount {
        value: quoted(trimmed),
    };
    let (whole, fraction) = match trimmed.split_once(sep) {
        Some((w, f)) => (w, f),
        None => (trimmed, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || !digits(whole)
        || !digits(fraction)
        || fraction.len() > MAX_AMOUNT_DECIMALS
        || whole.len() + fraction.len() > MAX_AMOUNT_DIGITS
    {
        return Err(bad());
    }
    let canonical = if fraction.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{fraction}")
    };
    Decimal::from_str(&canonical).map_err(|_| bad())
}

/// `YYYY-MM-DD`, optionally followed by a zone (`Z`, `+01:00`) that an
/// XML date may carry and a booking date ignores. A well-formed date that
/// does not exist (`2016-02-30`) is [`BankErrorKind::ImpossibleDate`].
pub fn iso_date(text: &str) -> Result<NaiveDate, BankErrorKind> {
    let text = text.trim();
    let date_part = text.get(..10).unwrap_or(text);
    let zone = text.get(10..).unwrap_or("");
    if !is_zone(zone) {
        return Err(BankErrorKind::BadDate {
            value: quoted(text),
        });
    }
    ymd(date_part, text)
}

fn is_zone(zone: &str) -> bool {
    let b = zone.as_bytes();
    match b.len() {
        0 => true,
        1 => b[0] == b'Z',
        6 => {
            (b[0] == b'+' || b[0] == b'-')
                && b[3] == b':'
                && [1, 2, 4, 5].iter().all(|&i| b[i].is_ascii_digit())
        }
        _ => false,
    }
}

/// `YYYY-MM-DD` exactly; `whole` is what the error quotes.
fn ymd(text: &str, whole: &str) -> Result<NaiveDate, BankErrorKind> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if !shape {
        return Err(BankErrorKind::BadDate {
            value: quoted(whole),
        });
    }
    let number = |s: &str| s.parse::<u32>().unwrap_or(0);
    let year = number(&text[..4]) as i32;
    date_from_parts(year, number(&text[5..7]), number(&text[8..10]), whole)
}

/// The date, or [`BankErrorKind::ImpossibleDate`] quoting `whole`.
pub fn date_from_parts(
    year: i32,
    month: u32,
    day: u32,
    whole: &str,
) -> Result<NaiveDate, BankErrorKind> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| BankErrorKind::ImpossibleDate {
        value: quoted(whole),
    })
}

/// A point in time as the bank wrote it: its local date and time, and the
/// offset from UTC when the bank gave one. Kept local because the booking
/// date a German bookkeeper sees is the bank's local date, not UTC's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub local: NaiveDateTime,
    /// Seconds east of UTC, when the text had a zone (`Z` is 0).
    pub offset_seconds: Option<i32>,
}

impl Stamp {
    /// The same moment in UTC; a stamp without zone is taken as UTC.
    pub fn utc(&self) -> NaiveDateTime {
        let offset = chrono::Duration::seconds(i64::from(self.offset_seconds.unwrap_or(0)));
        // Cannot overflow for four-digit years; never panics regardless.
        self.local.checked_sub_signed(offset).unwrap_or(self.local)
    }

    pub fn date(&self) -> NaiveDate {
        self.local.date()
    }

    /// Midnight of `date`, without zone.
    pub fn midnight(date: NaiveDate) -> Stamp {
        Stamp {
            local: date.and_time(NaiveTime::MIN),
            offset_seconds: None,
        }
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.local.format("%Y-%m-%dT%H:%M:%S%.f"))?;
        match self.offset_seconds {
            None => Ok(()),
            Some(seconds) => {
                let sign = if seconds < 0 { '-' } else { '+' };
                let minutes = seconds.unsigned_abs() / 60;
                write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
            }
        }
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// An ISO 8601 date-time as in `CreDtTm`: `2015-03-10T18:43:50`, optional
/// fraction (up to nanoseconds), optional zone `Z` or `±hh:mm`.
pub fn iso_stamp(text: &str) -> Result<Stamp, BankErrorKind> {
    let text = text.trim();
    let bad = || BankErrorKind::BadDate {
        value: quoted(text),
    };
    if text.len() < 19 || !text.is_char_boundary(10) || !text.is_char_boundary(19) {
        return Err(bad());
    }
    let date = ymd(&text[..10], text)?;
    let rest = &text[10..];
    if !rest.starts_with('T') {
        return Err(bad());
    }
    let (clock, zone) = split_zone(&rest[1..]);
    if !is_zone(zone) {
        return Err(bad());
    }
    let time = NaiveTime::parse_from_str(clock, "%H:%M:%S%.f").map_err(|_| bad())?;
    let offset_seconds = zone_seconds(zone);
    Ok(Stamp {
        local: date.and_time(time),
        offset_seconds,
    })
}

/// `13:15:00.5+01:00` → (`13:15:00.5`, `+01:00`).
fn split_zone(text: &str) -> (&str, &str) {
    match text.find(['Z', '+', '-']) {
        Some(i) => (&text[..i], &text[i..]),
        None => (text, ""),
    }
}

/// Seconds of a zone that [`is_zone`] accepted.
fn zone_seconds(zone: &str) -> Option<i32> {
    let b = zone.as_bytes();
    match b.len() {
        1 => Some(0),
        6 => {
            let hours = zone[1..3].parse::<i32>().unwrap_or(0);
            let minutes = zone[4..6].parse::<i32>().unwrap_or(0);
            let seconds = hours * 3600 + minutes * 60;
            Some(if b[0] == b'-' { -seconds } else { seconds })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibans_are_checked_by_mod_97() {
        assert_eq!(
            iban("de89 3704 0044 0532 0130 00"),
            Ok("DE89370400440532013000".to_string())
        );
        assert!(iban("DE88370400440532013000").is_err());
        assert!(iban("DE89").is_err());
        assert!(is_iban("NL26VAYB8060476890"));
    }

    #[test]
    fn bics_have_8_or_11_characters() {
        assert!(bic("DABAIE2D").is_ok());
        assert!(bic("BANKCHZHXXX").is_ok());
        assert!(bic("BANKCHZH80").is_err());
        assert!(bic("bankchzh").is_err());
    }

    #[test]
    fn amounts_are_strict() {
        assert_eq!(plain_amount("18.150", '.'), Ok(Decimal::new(18150, 3)));
        assert_eq!(plain_amount("13564,13", ','), Ok(Decimal::new(1356413, 2)));
        assert_eq!(plain_amount("5,", ','), Ok(Decimal::new(5, 0)));
        for bad in ["", "-1", "1e3", ".5", "1.2.3", "1.123456", "1,5"] {
            assert!(plain_amount(bad, '.').is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_and_stamps() {
        assert_eq!(
            iso_date("2016-02-30"),
            Err(BankErrorKind::ImpossibleDate {
                value: "2016-02-30".into()
            })
        );
        assert!(matches!(
            iso_date("30.01.2016"),
            Err(BankErrorKind::BadDate { .. })
        ));
        assert!(iso_date("2014-12-30+01:00").is_ok());
        let s = iso_stamp("2014-12-31T13:15:00+01:00").unwrap();
        assert_eq!(s.utc().to_string(), "2014-12-31 12:15:00");
        assert_eq!(s.to_string(), "2014-12-31T13:15:00+01:00");
        let n = iso_stamp("2025-07-24T06:10:29.000000000").unwrap();
        assert_eq!(n.offset_seconds, None);
        assert!(iso_stamp("2025-07-24T06:10").is_err());
        assert!(iso_stamp("2025-07-24T25:10:00").is_err());
    }
}
