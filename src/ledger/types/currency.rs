//! Currencies (Währungen): ISO 4217 codes with their number of decimals.
//! The company has a local currency (Hauswährung, LC) in which the books
//! balance, and a system currency (Systemwährung, SC) for reporting; any
//! other currency on a line is a foreign currency (Fremdwährung, FC).

use crate::ledger::types::error::InputError;
use std::fmt;

/// An ISO 4217 currency Kontor knows (three upper-case letters). `Copy`,
/// three bytes: lines carry it by value.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency([u8; 3]);
crate::ledger::types::compact::text_code_serde!(Currency);

/// Code and minor-unit decimals of the currencies Kontor accepts. A code
/// outside this table is refused rather than guessed.
const TABLE: &[(&str, u32)] = &[
    ("AED", 2),
    ("AUD", 2),
    ("BGN", 2),
    ("BHD", 3),
    ("BRL", 2),
    ("CAD", 2),
    ("CHF", 2),
    ("CLP", 0),
    ("CNY", 2),
    ("CZK", 2),
    ("DKK", 2),
    ("EUR", 2),
    ("GBP", 2),
    ("HKD", 2),
    ("HUF", 2),
    ("IDR", 2),
    ("ILS", 2),
    ("INR", 2),
    ("ISK", 0),
    ("JOD", 3),
    ("JPY", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("MXN", 2),
    ("MYR", 2),
    ("NOK", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PHP", 2),
    ("PLN", 2),
    ("RON", 2),
    ("SAR", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("THB", 2),
    ("TND", 3),
    ("TRY", 2),
    ("USD", 2),
    ("VND", 0),
    ("ZAR", 2),
];

impl Currency {
    pub const EUR: Currency = Currency(*b"EUR");
    pub const USD: Currency = Currency(*b"USD");
    pub const JPY: Currency = Currency(*b"JPY");

    /// Accepts a known ISO 4217 code, upper case.
    pub fn parse(code: &str) -> Result<Currency, InputError> {
        match TABLE.iter().find(|(c, _)| *c == code) {
            Some((c, _)) => {
                let b = c.as_bytes();
                Ok(Currency([b[0], b[1], b[2]]))
            }
            None => Err(InputError::UnknownCurrency {
                code: code.chars().take(8).collect(),
            }),
        }
    }

    pub fn as_str(&self) -> &str {
        match std::str::from_utf8(&self.0) {
            Ok(code) => code,
            // Only `parse` and the constants build a Currency, all from ASCII.
            Err(_) => unreachable!("Currency holds ASCII only"),
        }
    }

    /// Minor-unit decimals (2 for EUR, 0 for JPY, 3 for KWD).
    pub fn decimals(&self) -> u32 {
        TABLE
            .iter()
            .find(|(c, _)| c.as_bytes() == self.0)
            .map(|(_, d)| *d)
            // Every Currency comes from the table (`parse`, the constants).
            .unwrap_or_else(|| unreachable!("Currency outside the table"))
    }

    pub fn all() -> impl Iterator<Item = Currency> {
        TABLE.iter().filter_map(|(c, _)| Currency::parse(c).ok())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_carry_their_decimals() {
        assert_eq!(Currency::parse("EUR").map(|c| c.decimals()), Ok(2));
        assert_eq!(Currency::parse("JPY").map(|c| c.decimals()), Ok(0));
        assert_eq!(Currency::parse("KWD").map(|c| c.decimals()), Ok(3));
    }

    #[test]
    fn unknown_or_lower_case_codes_are_refused() {
        assert!(Currency::parse("eur").is_err());
        assert!(Currency::parse("XYZ").is_err());
        assert!(Currency::parse("").is_err());
    }
}
