//! Bank identifiers as typed in: IBAN (ISO 13616), BIC (ISO 9362) and the
//! SEPA creditor identifier (Gläubiger-ID, EPC262-08). One pure module, so
//! the partner master data, the payment wizard and the SEPA files all
//! accept and refuse exactly the same text.
//!
//! Each parser normalises what people type (spaces, lower case) and returns
//! a value that is valid by construction, or a typed error saying what is
//! wrong. The IBAN's country table (length and BBAN shape per country, from
//! the SWIFT IBAN registry) comes from the `iban_validate` crate; the checks
//! before it give the precise error for the common typing mistakes.

use std::fmt;

use iban::IbanLike;
use serde::{Deserialize, Serialize};

/// Shortest IBAN of any country (Norway, 15) and the ISO 13616 maximum.
const IBAN_MIN: usize = 15;
const IBAN_MAX: usize = 34;
/// A creditor identifier is a Max35Text; country, check digits and the
/// business code take 7 characters, the national part at least one.
const CREDITOR_ID_MIN: usize = 8;
const CREDITOR_ID_MAX: usize = 35;
/// German creditor identifiers: `DE`, 2 check digits, 3 business-code
/// characters and an 11-digit national number.
const GERMAN_CREDITOR_ID_LEN: usize = 18;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IbanError {
    #[error("the IBAN is empty")]
    Empty,
    /// `position` is 1-based in the IBAN without spaces.
    #[error("{ch:?} at position {position} is not a letter or digit")]
    InvalidCharacter { ch: char, position: usize },
    #[error("an IBAN starts with a two-letter country code and two check digits")]
    BadStart,
    #[error("an IBAN has {min} to {max} characters, this one {found}")]
    BadLength {
        min: usize,
        max: usize,
        found: usize,
    },
    #[error("{country} is not a country that issues IBANs")]
    UnknownCountry { country: String },
    #[error("the IBAN does not have the length and form of an IBAN from {country}")]
    WrongFormForCountry { country: String },
    #[error("the IBAN's check digits do not match (a typing error?)")]
    Checksum,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BicError {
    #[error("the BIC is empty")]
    Empty,
    #[error("a BIC has 8 or 11 characters, this one {found}")]
    BadLength { found: usize },
    /// `position` is 1-based in the BIC without spaces.
    #[error("{ch:?} at position {position} is not allowed in a BIC")]
    InvalidCharacter { ch: char, position: usize },
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CreditorIdError {
    #[error("the creditor identifier is empty")]
    Empty,
    #[error("a creditor identifier has {min} to {max} characters, this one {found}")]
    BadLength {
        min: usize,
        max: usize,
        found: usize,
    },
    /// `position` is 1-based in the identifier without spaces.
    #[error("{ch:?} at position {position} is not a letter or digit")]
    InvalidCharacter { ch: char, position: usize },
    #[error("a creditor identifier starts with a two-letter country code and two check digits")]
    BadStart,
    #[error("a German creditor identifier has 18 characters, this one {found}")]
    GermanLength { found: usize },
    #[error("a German creditor identifier ends in 11 digits")]
    GermanNationalPart,
    #[error("the creditor identifier's check digits do not match (a typing error?)")]
    Checksum,
}

/// An IBAN in electronic form (no spaces, upper case), valid for its
/// country's registry entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iban(String);

/// A BIC (8 or 11 characters, upper case) in the ISO 9362:2022 form the
/// pain.001.001.09 / pain.008.001.08 schemas take.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Bic(String);

/// A SEPA creditor identifier (upper case, no spaces) with valid check digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CreditorId(String);

/// Removes all whitespace and upper-cases, as people type these codes in
/// groups of four or copy them from letters.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The first character that is not an ASCII letter or digit, 1-based.
fn first_non_alphanumeric(text: &str) -> Option<(char, usize)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map(|(i, c)| (c, i + 1))
}

/// Two ASCII capitals then two ASCII digits.
fn country_and_check_digits(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 4
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_uppercase()
        && b[2].is_ascii_digit()
        && b[3].is_ascii_digit()
}

/// Parses an IBAN as typed ("DE89 3704 0044 0532 0130 00" or without spaces).
pub fn parse_iban(text: &str) -> Result<Iban, IbanError> {
    let s = compact(text);
    if s.is_empty() {
        return Err(IbanError::Empty);
    }
    if let Some((ch, position)) = first_non_alphanumeric(&s) {
        return Err(IbanError::InvalidCharacter { ch, position });
    }
    if !country_and_check_digits(&s) {
        return Err(IbanError::BadStart);
    }
    let found = s.len();
    if !(IBAN_MIN..=IBAN_MAX).contains(&found) {
        return Err(IbanError::BadLength {
            min: IBAN_MIN,
            max: IBAN_MAX,
            found,
        });
    }
    let country = s[..2].to_string();
    match s.parse::<iban::Iban>() {
        Ok(valid) => Ok(Iban(valid.electronic_str().to_string())),
        Err(iban::ParseIbanError::InvalidBaseIban {
            source: iban::ParseBaseIbanError::InvalidChecksum,
        }) => Err(IbanError::Checksum),
        Err(iban::ParseIbanError::UnknownCountry(_)) => Err(IbanError::UnknownCountry { country }),
        // The shape checks above leave only the country's own form.
        Err(_) => Err(IbanError::WrongFormForCountry { country }),
    }
}

impl Iban {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The ISO 3166 country code the IBAN starts with.
    pub fn country(&self) -> &str {
        &self.0[..2]
    }
    /// Paper form in groups of four ("DE89 3704 0044 0532 0130 00").
    pub fn grouped(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Parses a BIC as typed; 8 or 11 characters: 4 bank code (letters or
/// digits since ISO 9362:2022), 2 country letters, 2 location and
/// optionally 3 branch characters (letters or digits).
pub fn parse_bic(text: &str) -> Result<Bic, BicError> {
    let s = compact(text);
    if s.is_empty() {
        return Err(BicError::Empty);
    }
    for (i, ch) in s.chars().enumerate() {
        let ok = if (4..6).contains(&i) {
            ch.is_ascii_uppercase()
        } else {
            ch.is_ascii_uppercase() || ch.is_ascii_digit()
        };
        if !ok {
            return Err(BicError::InvalidCharacter {
                ch,
                position: i + 1,
            });
        }
    }
    match s.len() {
        8 | 11 => Ok(Bic(s)),
        found => Err(BicError::BadLength { found }),
    }
}

impl Bic {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Letters count as 10 (A) … 35 (Z), digits as themselves (ISO 7064).
fn mod97(digits_and_letters: &str) -> u32 {
    digits_and_letters.chars().fold(0u32, |acc, c| {
        let value = c.to_digit(36).unwrap_or(0);
        if value >= 10 {
            (acc * 100 + value) % 97
        } else {
            (acc * 10 + value) % 97
        }
    })
}

/// Parses a SEPA creditor identifier (e.g. `DE98ZZZ09999999999`). The
/// check digits are ISO 7064 mod 97-10 over the national part followed by
/// the country code and the check digits; the business code (positions 5–7,
/// `ZZZ` by default) is not part of the check.
pub fn parse_creditor_id(text: &str) -> Result<CreditorId, CreditorIdError> {
    let s = compact(text);
    if s.is_empty() {
        return Err(CreditorIdError::Empty);
    }
    if let Some((ch, position)) = first_non_alphanumeric(&s) {
        return Err(CreditorIdError::InvalidCharacter { ch, position });
    }
    if !country_and_check_digits(&s) {
        return Err(CreditorIdError::BadStart);
    }
    let found = s.len();
    if !(CREDITOR_ID_MIN..=CREDITOR_ID_MAX).contains(&found) {
        return Err(CreditorIdError::BadLength {
            min: CREDITOR_ID_MIN,
            max: CREDITOR_ID_MAX,
            found,
        });
    }
    if &s[..2] == "DE" {
        if found != GERMAN_CREDITOR_ID_LEN {
            return Err(CreditorIdError::GermanLength { found });
        }
        if !s[7..].bytes().all(|b| b.is_ascii_digit()) {
            return Err(CreditorIdError::GermanNationalPart);
        }
    }
    let rearranged = format!("{}{}", &s[7..], &s[..4]);
    if mod97(&rearranged) != 1 {
        return Err(CreditorIdError::Checksum);
    }
    Ok(CreditorId(s))
}

impl CreditorId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! text_conversions {
    ($ty:ident, $parse:ident, $err:ident) => {
        impl TryFrom<String> for $ty {
            type Error = $err;
            fn try_from(text: String) -> Result<Self, $err> {
                $parse(&text)
            }
        }
        impl From<$ty> for String {
            fn from(value: $ty) -> String {
                value.0
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl std::str::FromStr for $ty {
            type Err = $err;
            fn from_str(text: &str) -> Result<Self, $err> {
                $parse(text)
            }
        }
    };
}
text_conversions!(Iban, parse_iban, IbanError);
text_conversions!(Bic, parse_bic, BicError);
text_conversions!(CreditorId, parse_creditor_id, CreditorIdError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibans_as_typed_are_normalised() {
        let iban = parse_iban(" de89 3704 0044 0532 0130 00 ").unwrap();
        assert_eq!(iban.as_str(), "DE89370400440532013000");
        assert_eq!(iban.country(), "DE");
        assert_eq!(iban.grouped(), "DE89 3704 0044 0532 0130 00");
        assert!(parse_iban("NL91ABNA0417164300").is_ok());
        assert!(parse_iban("NO9386011117947").is_ok());
    }

    #[test]
    fn every_iban_refusal() {
        assert_eq!(parse_iban("  "), Err(IbanError::Empty));
        assert_eq!(
            parse_iban("DE89-3704"),
            Err(IbanError::InvalidCharacter {
                ch: '-',
                position: 5
            })
        );
        assert_eq!(parse_iban("8937040044"), Err(IbanError::BadStart));
        assert_eq!(
            parse_iban("DE8937040044"),
            Err(IbanError::BadLength {
                min: 15,
                max: 34,
                found: 12
            })
        );
        assert_eq!(
            parse_iban("DE88370400440532013000"),
            Err(IbanError::Checksum)
        );
        // Check digits made valid for a country the registry does not know.
        assert_eq!(
            parse_iban("XX46370400440532013000"),
            Err(IbanError::UnknownCountry {
                country: "XX".into()
            })
        );
        // A German IBAN one digit short, check digits recomputed: the
        // checksum holds, the country's length does not.
        assert_eq!(
            parse_iban("DE5137040044053201300"),
            Err(IbanError::WrongFormForCountry {
                country: "DE".into()
            })
        );
    }

    #[test]
    fn bics() {
        assert_eq!(parse_bic("cobadeffxxx").unwrap().as_str(), "COBADEFFXXX");
        assert!(parse_bic("MARKDEF1").is_ok());
        // ISO 9362:2022 allows digits in the bank code.
        assert!(parse_bic("E097AEXX").is_ok());
        assert_eq!(parse_bic(""), Err(BicError::Empty));
        assert_eq!(
            parse_bic("COBADEFFXX"),
            Err(BicError::BadLength { found: 10 })
        );
        assert_eq!(
            parse_bic("COBA1EFF"),
            Err(BicError::InvalidCharacter {
                ch: '1',
                position: 5
            })
        );
        assert_eq!(
            parse_bic("COBADEF_"),
            Err(BicError::InvalidCharacter {
                ch: '_',
                position: 8
            })
        );
    }

    #[test]
    fn creditor_ids() {
        let ci = parse_creditor_id("de98 zzz0 9999 9999 99").unwrap();
        assert_eq!(ci.as_str(), "DE98ZZZ09999999999");
        // The business code is not part of the check.
        assert!(parse_creditor_id("DE98ABC09999999999").is_ok());
        // Other countries' national parts vary in length (check digits
        // computed by hand with the same rule).
        assert!(parse_creditor_id("NL42ZZZ123456780001").is_ok());
        assert!(parse_creditor_id("AT61ZZZ01234567890").is_ok());
    }

    #[test]
    fn every_creditor_id_refusal() {
        use CreditorIdError as E;
        assert_eq!(parse_creditor_id(""), Err(E::Empty));
        assert_eq!(
            parse_creditor_id("DE98ZZZ0999999999/"),
            Err(E::InvalidCharacter {
                ch: '/',
                position: 18
            })
        );
        assert_eq!(parse_creditor_id("D198ZZZ09999999999"), Err(E::BadStart));
        assert_eq!(
            parse_creditor_id("DE98ZZZ"),
            Err(E::BadLength {
                min: 8,
                max: 35,
                found: 7
            })
        );
        assert_eq!(
            parse_creditor_id("DE98ZZZ0999999999"),
            Err(E::GermanLength { found: 17 })
        );
        assert_eq!(
            parse_creditor_id("DE98ZZZ0999999999A"),
            Err(E::GermanNationalPart)
        );
        assert_eq!(parse_creditor_id("DE97ZZZ09999999999"), Err(E::Checksum));
        assert_eq!(parse_creditor_id("DE98ZZZ09999999989"), Err(E::Checksum));
    }

    #[test]
    fn serde_refuses_invalid_text() {
        let iban: Iban = serde_json::from_str("\"DE89370400440532013000\"").unwrap();
        assert_eq!(
            serde_json::to_string(&iban).unwrap(),
            "\"DE89370400440532013000\""
        );
        assert!(serde_json::from_str::<Iban>("\"DE88370400440532013000\"").is_err());
        assert!(serde_json::from_str::<CreditorId>("\"DE97ZZZ09999999999\"").is_err());
    }
}
