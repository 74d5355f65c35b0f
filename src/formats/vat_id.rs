//! USt-IdNr. (VAT identification number) format check: the country prefix
//! and the shape of the number as the EU's VIES lists them. It checks the
//! format only — whether the number exists is the tax office's business.

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VatIdError {
    #[error("a VAT ID starts with a two-letter country code")]
    MissingCountry,
    #[error("{country} VAT IDs look like {pattern}")]
    WrongShape {
        country: String,
        pattern: &'static str,
    },
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

    proptest! {
        #[test]
        fn checking_never_panics(text in "\\PC{0,30}") {
            let _ = check_vat_id(&text);
        }
    }
}
