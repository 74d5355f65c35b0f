//! Bank details of a partner: IBAN (check digits and each country's
//! length and shape, by the `iban_validate` crate, pure Rust) and BIC
//! (ISO 9362 shape), normalised to their electronic form.

/// The IBAN of `text` in electronic form (no spaces, upper case), or
/// `None` when it is not a valid IBAN.
pub fn normalise_iban(text: &str) -> Option<String> {
    let upper = text.trim().to_uppercase();
    upper
        .parse::<iban::Iban>()
        .ok()
        .map(|i| iban::IbanLike::electronic_str(&i).to_string())
}

/// Whether `text` is a BIC: 4 letters or digits (institution), 2 letters
/// (country), 2 letters or digits (location), optionally 3 letters or
/// digits (branch), upper case.
pub fn valid_bic(text: &str) -> bool {
    let b = text.as_bytes();
    let alnum = |c: &u8| c.is_ascii_uppercase() || c.is_ascii_digit();
    (b.len() == 8 || b.len() == 11)
        && b[..4].iter().all(alnum)
        && b[4..6].iter().all(u8::is_ascii_uppercase)
        && b[6..].iter().all(alnum)
}

/// Whether `text` is a SEPA mandate reference: 1..=35 characters of
/// `A-Z a-z 0-9 + ? / - : ( ) . , '` and space, not starting with "//".
pub fn valid_mandate_id(text: &str, max: usize) -> bool {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "+?/-:().,' ".contains(c);
    !text.trim().is_empty()
        && text.chars().count() <= max
        && text.chars().all(allowed)
        && !text.starts_with("//")
}

/// The SEPA creditor identifier (Gläubiger-ID) of `text` in electronic
/// form (no spaces, upper case), or `None` when it is not one: country,
/// check digits, business code, national part (for Germany 11 digits,
/// 18 characters in all), the check digits ISO 7064 mod 97-10 over the
/// national part, the country and "00" (the business code is not part
/// of the check). The same rule as `formats::iban::parse_creditor_id`,
/// kept here because the ledger may not import the file formats.
pub fn normalise_creditor_id(text: &str) -> Option<String> {
    let s: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let b = s.as_bytes();
    let shape = (8..=35).contains(&b.len())
        && b.iter().all(u8::is_ascii_alphanumeric)
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..4].iter().all(u8::is_ascii_digit);
    if !shape {
        return None;
    }
    if &s[..2] == "DE" && (b.len() != 18 || !b[7..].iter().all(u8::is_ascii_digit)) {
        return None;
    }
    let rearranged = format!("{}{}", &s[7..], &s[..4]);
    let rest = rearranged.chars().fold(0u32, |acc, c| {
        let value = c.to_digit(36).unwrap_or(0);
        if value >= 10 {
            (acc * 100 + value) % 97
        } else {
            (acc * 10 + value) % 97
        }
    });
    (rest == 1).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibans_are_checked_and_normalised() {
        assert_eq!(
            normalise_iban("de44 5001 0517 5407 3249 31"),
            Some("DE44500105175407324931".into())
        );
        // Wrong check digits, wrong length for Germany, garbage.
        for bad in ["DE45500105175407324931", "DE4450010517540732493", "XX", ""] {
            assert_eq!(normalise_iban(bad), None, "{bad}");
        }
    }

    #[test]
    fn bics_have_8_or_11_characters_with_a_country() {
        for good in ["COBADEFF", "COBADEFFXXX", "DEUTDEDB110"] {
            assert!(valid_bic(good), "{good}");
        }
        for bad in ["COBADEF", "COBA1EFF", "cobadeff", "COBADEFFXX", ""] {
            assert!(!valid_bic(bad), "{bad}");
        }
    }

    #[test]
    fn creditor_ids_are_checked_like_the_sepa_writer() {
        assert_eq!(
            normalise_creditor_id("de98 zzz0 9999 9999 99"),
            Some("DE98ZZZ09999999999".into())
        );
        assert!(normalise_creditor_id("DE98ABC09999999999").is_some());
        assert!(normalise_creditor_id("NL42ZZZ123456780001").is_some());
        assert!(normalise_creditor_id("AT61ZZZ01234567890").is_some());
        for bad in [
            "",
            "DE99ZZZ09999999999",
            "DE98ZZZ0999999999",
            "DE98ZZZ0999999999A",
            "DE98ZZZ0999999999/",
            "9E98ZZZ09999999999",
        ] {
            assert_eq!(normalise_creditor_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn mandate_ids_use_the_sepa_characters() {
        assert!(valid_mandate_id("MANDAT-2024/0001", 35));
        assert!(!valid_mandate_id("Mandat Nr. 1 ä", 35));
        assert!(!valid_mandate_id("//x", 35));
        assert!(!valid_mandate_id(&"1".repeat(36), 35));
    }
}
