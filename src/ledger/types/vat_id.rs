//! USt-IdNr. (VAT identification number) check: the country prefix and
//! the shape of the number as the EU's VIES lists them, and for German
//! numbers the check digit (ISO 7064 MOD 11,10, as the Bundeszentralamt
//! für Steuern computes it). Whether a number exists is the tax office's
//! business.
//!
//! It lives in the engine's leaf because the engine refuses a business
//! partner with a malformed VAT id (commands come from forms and from CSV
//! imports alike). `formats::vat_id` re-exports it for the forms.
//! Two strengths: `check_vat_id` (shape only) is what the company details
//! have always been checked with, and test data and e2e journeys use
//! shape-valid numbers such as DE123456789 whose check digit is wrong;
//! `check_vat_id_strict` adds the check digit and is what partners need.

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VatIdError {
    #[error("a VAT ID starts with a two-letter country code")]
    MissingCountry,
    #[error("{country} VAT IDs look like {pattern}")]
    WrongShape {
        country: String,
        pattern: &'static str,
    },
    #[error("the check digit of the {country} VAT ID is wrong")]
    CheckDigit { country: String },
}

/// The shape of each EU member state's number after the prefix:
/// `9` a digit, `A` a letter or digit; alternatives separated by `|`.
fn shape(country: &str) -> Option<&'static str> {
    Some(match country {
        "AT" => "U99999999",
        "BE" => "9999999999",
        "BG" => "999999999|9999999999",
        "CY" => "99999999A",
        "CZ" => "99999999|999999999|9999999999",
        "DE" => "999999999",
        "DK" => "99999999",
        "EE" => "999999999",
        "EL" => "999999999",
        "ES" => "A9999999A",
        "FI" => "99999999",
        "FR" => "AA999999999",
        "HR" => "99999999999",
        "HU" => "99999999",
        "IE" => "9999999A|9999999AA|9A99999A",
        "IT" => "99999999999",
        "LT" => "999999999|999999999999",
        "LU" => "99999999",
        "LV" => "99999999999",
        "MT" => "99999999",
        "NL" => "999999999B99",
        "PL" => "9999999999",
        "PT" => "999999999",
        "RO" => "99|999|9999|99999|999999|9999999|99999999|999999999|9999999999",
        "SE" => "999999999999",
        "SI" => "99999999",
        "SK" => "9999999999",
        "XI" => "999999999|999999999999|GD999|HA999",
        _ => return None,
    })
}

fn fits(number: &str, pattern: &str) -> bool {
    number.len() == pattern.len()
        && number.chars().zip(pattern.chars()).all(|(c, p)| match p {
            '9' => c.is_ascii_digit(),
            'A' => c.is_ascii_alphanumeric(),
            literal => c == literal,
        })
}

/// Normalises (upper case, no spaces/dots) and checks a VAT ID; returns the
/// normalised form. Countries without a known shape only need 2–12 letters
/// or digits after the prefix.
pub fn check_vat_id(text: &str) -> Result<String, VatIdError> {
    let id: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect::<String>()
        .to_uppercase();
    let country: String = id.chars().take(2).collect();
    if country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(VatIdError::MissingCountry);
    }
    let number = &id[2..];
    let ok = match shape(&country) {
        Some(patterns) => patterns.split('|').any(|p| fits(number, p)),
        None => {
            (2..=12).contains(&number.len()) && number.chars().all(|c| c.is_ascii_alphanumeric())
        }
    };
    if ok {
        Ok(id)
    } else {
        Err(VatIdError::WrongShape {
            pattern: shape(&country).unwrap_or("2–12 letters or digits"),
            country,
        })
    }
}

/// The check digit (ISO 7064 MOD 11,10) of a German number's first
/// eight digits (each 0..=9).
pub fn german_check_digit(digits: &[u32; 8]) -> u32 {
    let mut product = 10;
    for &d in digits {
        let mut sum = (d + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    (11 - product) % 10
}

/// Whether the ninth digit of a German number is its check digit.
fn german_check_digit_ok(number: &str) -> bool {
    let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    let Ok(first): Result<[u32; 8], _> = digits.get(..8).unwrap_or_default().try_into() else {
        return false;
    };
    digits.len() == 9 && german_check_digit(&first) == digits[8]
}

/// `check_vat_id` plus the check digit where Kontor knows the algorithm
/// (German numbers).
pub fn check_vat_id_strict(text: &str) -> Result<String, VatIdError> {
    let id = check_vat_id(text)?;
    if let Some(number) = id.strip_prefix("DE")
        && !german_check_digit_ok(number)
    {
        return Err(VatIdError::CheckDigit {
            country: "DE".into(),
        });
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn german_vat_ids_are_de_and_nine_digits() {
        assert_eq!(check_vat_id("de 123 456 789"), Ok("DE123456789".into()));
        assert!(matches!(
            check_vat_id("DE12345678"),
            Err(VatIdError::WrongShape { .. })
        ));
        assert!(matches!(
            check_vat_id("DE12345678X"),
            Err(VatIdError::WrongShape { .. })
        ));
    }

    #[test]
    fn other_member_states_follow_their_shape() {
        assert!(check_vat_id("ATU12345678").is_ok());
        assert!(check_vat_id("NL123456789B01").is_ok());
        assert!(check_vat_id("FR1A123456789").is_ok());
        assert!(check_vat_id("AT12345678").is_err());
        assert_eq!(check_vat_id("123"), Err(VatIdError::MissingCountry));
        assert_eq!(check_vat_id(""), Err(VatIdError::MissingCountry));
    }

    #[test]
    fn german_check_digits_follow_mod_11_10() {
        // Numbers whose ninth digit is the MOD 11,10 check digit of the
        // first eight (computed by hand, see `german_check_digit_ok`).
        assert_eq!(check_vat_id_strict("DE136695976"), Ok("DE136695976".into()));
        assert_eq!(
            check_vat_id_strict("DE 811 907 980"),
            Ok("DE811907980".into())
        );
        assert_eq!(
            check_vat_id_strict("DE136695975"),
            Err(VatIdError::CheckDigit {
                country: "DE".into()
            })
        );
        // Shape-valid test data without a valid check digit.
        assert!(check_vat_id("DE123456789").is_ok());
        assert!(check_vat_id_strict("DE123456789").is_err());
        // Other countries: shape only.
        assert!(check_vat_id_strict("ATU12345678").is_ok());
    }

    proptest! {
        #[test]
        fn checking_never_panics(text in "\\PC{0,30}") {
            let _ = check_vat_id(&text);
        }
    }
}
