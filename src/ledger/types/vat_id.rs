//! USt-IdNr. (VAT identification number) check: the country prefix, the
//! shape of the number as the EU's VIES lists them, and the check digit
//! where the member state publishes its algorithm. Whether the number
//! exists is the tax office's business (VIES), not ours.
//!
//! Check digits verified ([`check_digit_ok`]): DE and HR (ISO 7064
//! MOD 11,10), AT, BE, DK, EL, FI, FR (numeric key only), HU, IT, LU, NL
//! (old 11-test or the MOD 97-10 of the sole-proprietor numbers since
//! 2020), PL, PT, SE, SI, SK. Format only: BG, CY, CZ, EE, ES, IE, LT, LV,
//! MT, RO, XI and FR numbers with a letter key: their algorithms depend on
//! the kind of taxpayer or we could not confirm them, and refusing a valid
//! number would be worse than missing a typo. The function serves the
//! company's own VAT ID today and business partners' later.

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VatIdError {
    #[error("a VAT ID starts with a two-letter country code")]
    MissingCountry,
    #[error("{country} VAT IDs look like {pattern}")]
    WrongShape {
        country: String,
        pattern: &'static str,
    },
    /// The shape fits but the check digit does not: a typo.
    #[error("the check digit of {id} is wrong")]
    CheckDigit { id: String },
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
    if !ok {
        return Err(VatIdError::WrongShape {
            pattern: shape(&country).unwrap_or("2–12 letters or digits"),
            country,
        });
    }
    if check_digit_ok(&country, number) {
        Ok(id)
    } else {
        Err(VatIdError::CheckDigit { id })
    }
}

/// The digits of `text` (callers have checked they are digits).
fn digits(text: &str) -> Vec<u32> {
    text.chars().filter_map(|c| c.to_digit(10)).collect()
}

/// Σ weight × digit over the leading digits.
fn weighted(d: &[u32], weights: &[u32]) -> u32 {
    d.iter().zip(weights).map(|(d, w)| d * w).sum()
}

/// True when the number's check digit fits, or the country has no check
/// we verify. `number` has its country's shape.
pub fn check_digit_ok(country: &str, number: &str) -> bool {
    let d = digits(number);
    match country {
        "DE" | "HR" => d.last() == Some(&iso7064_mod_11_10(&d[..d.len() - 1])),
        "AT" => at_ok(&digits(&number[1..])),
        "BE" => mod97_pair(&d[..8], &d[8..]),
        "DK" => weighted(&d, &[2, 7, 6, 5, 4, 3, 2, 1]).is_multiple_of(11),
        "EL" => weighted(&d, &[256, 128, 64, 32, 16, 8, 4, 2]) % 11 % 10 == d[8],
        "FI" => weighted(&d, &[7, 9, 10, 5, 8, 4, 2, 1]).is_multiple_of(11),
        "FR" => fr_ok(number),
        "HU" => weighted(&d, &[9, 7, 3, 1, 9, 7, 3, 1]).is_multiple_of(10),
        "IT" | "SE" => luhn(&d[..if country == "SE" { 10 } else { 11 }]),
        "LU" => number_of(&d[..6]) % 89 == number_of(&d[6..]),
        "NL" => nl_ok(number),
        "PL" => weighted(&d, &[6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11 == d[9],
        "PT" => (11 - weighted(&d, &[9, 8, 7, 6, 5, 4, 3, 2]) % 11) % 11 % 10 == d[8],
        "SI" => d[0] != 0 && si_check(weighted(&d, &[8, 7, 6, 5, 4, 3, 2])) == Some(d[7]),
        "SK" => number_of(&d).is_multiple_of(11),
        _ => true,
    }
}

/// ISO 7064 MOD 11,10: the check digit of `d`.
pub fn iso7064_mod_11_10(d: &[u32]) -> u32 {
    let mut product = 10;
    for digit in d {
        let mut sum = (digit + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (2 * sum) % 11;
    }
    (11 - product) % 10
}

fn number_of(d: &[u32]) -> u64 {
    d.iter().fold(0, |n, d| n * 10 + u64::from(*d))
}

/// Slovenia: 11 − (sum mod 11), 10 becomes 0; a sum divisible by 11 has
/// no valid check digit.
fn si_check(sum: u32) -> Option<u32> {
    match 11 - sum % 11 {
        11 => None,
        10 => Some(0),
        c => Some(c),
    }
}

/// Luhn (mod 10) over all digits, the last being the check digit.
fn luhn(d: &[u32]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 1 {
                (d * 2) / 10 + (d * 2) % 10
            } else {
                *d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Austria: "U" + 7 digits + check: Σ of d1, cross sum of 2·d2, … , then
/// (96 − Σ) mod 10.
fn at_ok(d: &[u32]) -> bool {
    let sum: u32 = d[..7]
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 1 {
                (d * 2) / 10 + (d * 2) % 10
            } else {
                *d
            }
        })
        .sum();
    (96 - sum % 10) % 10 == d[7]
}

/// The last two digits are 97 − (the rest mod 97) (Belgium).
fn mod97_pair(body: &[u32], check: &[u32]) -> bool {
    97 - number_of(body) % 97 == number_of(check)
}

/// France: key = (12 + 3 × (SIREN mod 97)) mod 97 when the key is numeric.
fn fr_ok(number: &str) -> bool {
    let (key, siren) = number.split_at(2);
    if !key.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let siren = number_of(&digits(siren));
    (12 + 3 * (siren % 97)) % 97 == number_of(&digits(key))
}

/// Netherlands: the 11-test on the 9 digits (older numbers), or ISO 7064
/// MOD 97-10 over "NL" + the whole number, letters as 10–35 (since 2020).
fn nl_ok(number: &str) -> bool {
    let d = digits(&number[..9]);
    let eleven = (weighted(&d, &[9, 8, 7, 6, 5, 4, 3, 2]) + 11 * 10 - d[8]).is_multiple_of(11);
    let mut rest = 0u64;
    for c in "NL".chars().chain(number.chars()) {
        let value = u64::from(c.to_digit(36).unwrap_or(0));
        rest = (rest * if value >= 10 { 100 } else { 10 } + value) % 97;
    }
    eleven || rest == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn german_vat_ids_are_de_and_nine_digits() {
        assert_eq!(check_vat_id("de 123 456 788"), Ok("DE123456788".into()));
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
    fn a_german_vat_id_with_a_wrong_check_digit_is_refused() {
        assert_eq!(
            check_vat_id("DE123456789"),
            Err(VatIdError::CheckDigit {
                id: "DE123456789".into()
            })
        );
        // Exactly one ninth digit fits any eight (ISO 7064 MOD 11,10).
        for body in ["12345678", "13669597", "81234567", "00000000"] {
            let fits: Vec<u32> = (0..10)
                .filter(|c| check_vat_id(&format!("DE{body}{c}")).is_ok())
                .collect();
            assert_eq!(fits.len(), 1, "{body}: {fits:?}");
        }
        assert!(check_vat_id("DE136695976").is_ok());
    }

    #[test]
    fn published_examples_pass_their_check_digit() {
        for id in [
            "ATU13585627",
            "BE0403019261",
            "DK13585628",
            "FI20774740",
            "FR40303265045",
            "HR33392005961",
            "HU12892312",
            "IT00743110157",
            "LU15027442",
            "NL004495445B01",
            "PL8567346215",
            "PT501964843",
            "SE123456789701",
            "SI50223054",
            "SK2022749619",
        ] {
            assert_eq!(check_vat_id(id), Ok(id.to_string()), "{id}");
        }
    }

    #[test]
    fn one_changed_digit_fails_the_check() {
        for id in [
            "ATU13585628",
            "BE0403019262",
            "DK13585629",
            "FI20774741",
            "FR40303265046",
            "HR33392005962",
            "HU12892313",
            "IT00743110158",
            "LU15027443",
            "NL004495446B01",
            "PL8567346216",
            "PT501964844",
            "SE123456789801",
            "SI50223055",
            "SK2022749610",
        ] {
            assert!(
                matches!(check_vat_id(id), Err(VatIdError::CheckDigit { .. })),
                "{id}"
            );
        }
    }

    #[test]
    fn format_only_states_pass_any_number_of_their_shape() {
        for id in ["ESX1234567X", "CZ12345678", "IE1234567X", "FRAB123456789"] {
            assert_eq!(check_vat_id(id), Ok(id.to_string()), "{id}");
        }
    }

    #[test]
    fn other_member_states_follow_their_shape() {
        assert!(check_vat_id("ATU13585627").is_ok());
        assert!(check_vat_id("NL004495445B01").is_ok());
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
