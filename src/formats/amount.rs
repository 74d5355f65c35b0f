//! Amounts and dates as people type and read them (Beträge und Daten):
//! German `1.234,56` and `22.11.2026`, English `1,234.56` and `2026-11-22`.
//! Parsing is strict — an input is either one exact Decimal or a typed
//! error saying what is wrong — because a misread amount is a wrong posting.

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

/// Which separators an amount uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberStyle {
    /// `1.234,56`
    German,
    /// `1,234.56`
    English,
}

impl NumberStyle {
    fn separators(self) -> (char, char) {
        match self {
            NumberStyle::German => ('.', ','),
            NumberStyle::English => (',', '.'),
        }
    }
}

/// Longest amount input accepted (characters); longer is refused, not cut.
pub const MAX_AMOUNT_CHARS: usize = 40;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("no amount given")]
    Empty,
    #[error("{text:?} is not an amount")]
    NotANumber { text: String },
    #[error("amount has more than {max} decimals")]
    TooManyDecimals { max: u32 },
    #[error("amount input is longer than {MAX_AMOUNT_CHARS} characters")]
    TooLong,
}

/// Parses an amount typed in `style`. Thousands separators are accepted
/// only in groups of three; a lone other-style decimal separator is
/// accepted when unambiguous (`12.5` in German style is refused, because
/// a German reader means twelve thousand five hundred by `12.500`).
pub fn parse_amount(
    text: &str,
    style: NumberStyle,
    max_decimals: u32,
) -> Result<Decimal, AmountError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AmountError::Empty);
    }
    if text.chars().count() > MAX_AMOUNT_CHARS {
        return Err(AmountError::TooLong);
    }
    let not_a_number = || AmountError::NotANumber {
        text: text.to_string(),
    };
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let (group, decimal) = style.separators();
    let (int_part, frac_part) = match body.split_once(decimal) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let int_digits = strip_groups(int_part, group).ok_or_else(not_a_number)?;
    let frac_digits = match frac_part {
        Some(f) if !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()) => f,
        Some(_) => return Err(not_a_number()),
        None => "",
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return Err(not_a_number());
    }
    if frac_digits.len() as u32 > max_decimals {
        return Err(AmountError::TooManyDecimals { max: max_decimals });
    }
    let canonical = format!(
        "{}{}.{}",
        if negative { "-" } else { "" },
        if int_digits.is_empty() {
            "0"
        } else {
            &int_digits
        },
        if frac_digits.is_empty() {
            "0"
        } else {
            frac_digits
        }
    );
    canonical.parse::<Decimal>().map_err(|_| not_a_number())
}

/// Digits of an integer part, with `group` separators only between full
/// groups of three.
fn strip_groups(int_part: &str, group: char) -> Option<String> {
    if !int_part.contains(group) {
        return int_part
            .chars()
            .all(|c| c.is_ascii_digit())
            .then(|| int_part.to_string());
    }
    let groups: Vec<&str> = int_part.split(group).collect();
    let first_ok = matches!(groups.first(), Some(g) if (1..=3).contains(&g.len()));
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    let digits: String = groups.concat();
    (first_ok && rest_ok && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

/// Formats `amount` with exactly `decimals` decimals (half away from zero)
/// and thousands separators: `1.234,50` / `1,234.50`. The one way an
/// amount is written for people (screens and messages); pass the
/// currency's decimals, never the value's own scale (`10.0` is `10,00`).
pub fn format_amount(amount: Decimal, decimals: u32, style: NumberStyle) -> String {
    fixed_point(amount, decimals, style, true)
}

/// The same without thousands separators (`1234,50`), as spreadsheets read
/// a number: the amounts of CSV files (`formats::csv`).
pub fn format_amount_ungrouped(amount: Decimal, decimals: u32, style: NumberStyle) -> String {
    fixed_point(amount, decimals, style, false)
}

/// A number that is not money (a rate, a percentage, a limit) with the
/// decimals it has and no trailing zeros: `10,7`, `19`, `10.000.000`.
pub fn format_number(value: Decimal, style: NumberStyle) -> String {
    let value = value.normalize();
    format_amount(value, value.scale(), style)
}

fn fixed_point(amount: Decimal, decimals: u32, style: NumberStyle, grouped: bool) -> String {
    let rounded = amount.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let plain = format!("{:.*}", decimals as usize, rounded.abs());
    let (int_part, frac_part) = plain.split_once('.').unwrap_or((&plain, ""));
    let (group, decimal) = style.separators();
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 1);
    // No minus on a zero: `-0.004` rounds to `0,00`.
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    for (i, c) in int_part.chars().enumerate() {
        if grouped && i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac_part.is_empty() {
        out.push(decimal);
        out.push_str(frac_part);
    }
    out
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("no date given")]
    Empty,
    #[error("{text:?} is not a date")]
    NotADate { text: String },
}

/// Parses `22.11.2026`, `22.11.26`, `22.11.` (year of `today`), `2211`
/// (day and month, year of `today`), `22112026`, or ISO `2026-11-22`.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let bad = || DateError::NotADate {
        text: text.chars().take(40).collect(),
    };
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Ok(d);
    }
    let parts: Vec<&str> = if text.contains('.') {
        text.split('.').collect()
    } else if text.chars().all(|c| c.is_ascii_digit()) && matches!(text.len(), 4 | 6 | 8) {
        vec![&text[0..2], &text[2..4], &text[4..]]
    } else {
        return Err(bad());
    };
    let number = |s: &str| s.parse::<u32>().ok();
    let day = parts.first().and_then(|s| number(s)).ok_or_else(bad)?;
    let month = parts.get(1).and_then(|s| number(s)).ok_or_else(bad)?;
    let year = match parts.get(2).map(|s| s.trim()) {
        None | Some("") => today.year(),
        Some(y) if y.len() == 2 => 2000 + number(y).ok_or_else(bad)? as i32,
        Some(y) if y.len() == 4 => number(y).ok_or_else(bad)? as i32,
        Some(_) => return Err(bad()),
    };
    if parts.len() > 3 {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(bad)
}

/// `22.11.2026` or `2026-11-22`.
pub fn format_date(date: NaiveDate, style: NumberStyle) -> String {
    match style {
        NumberStyle::German => date.format("%d.%m.%Y").to_string(),
        NumberStyle::English => date.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn german_and_english_amounts_parse_exactly() {
        use NumberStyle::*;
        assert_eq!(parse_amount("1.234,56", German, 2), Ok(d("1234.56")));
        assert_eq!(parse_amount("1234,5", German, 2), Ok(d("1234.5")));
        assert_eq!(parse_amount("-0,01", German, 2), Ok(d("-0.01")));
        assert_eq!(parse_amount("1,234.56", English, 2), Ok(d("1234.56")));
        assert_eq!(parse_amount(" 12 ", English, 2), Ok(d("12")));
        assert_eq!(parse_amount(",5", German, 2), Ok(d("0.5")));
    }

    #[test]
    fn ambiguous_or_malformed_amounts_are_refused() {
        use NumberStyle::*;
        assert!(matches!(
            parse_amount("12.5", German, 2),
            Err(AmountError::NotANumber { .. })
        ));
        assert!(matches!(
            parse_amount("1,2,3", German, 2),
            Err(AmountError::NotANumber { .. })
        ));
        assert!(matches!(
            parse_amount("12a", English, 2),
            Err(AmountError::NotANumber { .. })
        ));
        assert_eq!(
            parse_amount("1,234", German, 2),
            Err(AmountError::TooManyDecimals { max: 2 })
        );
        assert_eq!(parse_amount("", German, 2), Err(AmountError::Empty));
        assert!(matches!(
            parse_amount("-", German, 2),
            Err(AmountError::NotANumber { .. })
        ));
        assert_eq!(
            parse_amount(&"1".repeat(41), German, 2),
            Err(AmountError::TooLong)
        );
    }

    #[test]
    fn amounts_format_with_groups_and_fixed_decimals() {
        assert_eq!(
            format_amount(d("1234567.891"), 2, NumberStyle::German),
            "1.234.567,89"
        );
        assert_eq!(format_amount(d("-0.005"), 2, NumberStyle::English), "-0.01");
        assert_eq!(format_amount(d("-0.004"), 2, NumberStyle::English), "0.00");
        assert_eq!(format_amount(d("100"), 0, NumberStyle::German), "100");
    }

    #[test]
    fn amounts_get_the_currency_decimals_whatever_their_own_scale() {
        use NumberStyle::*;
        assert_eq!(format_amount(d("10.0"), 2, English), "10.00");
        assert_eq!(format_amount(d("800"), 2, German), "800,00");
        assert_eq!(format_amount(d("1234.5"), 3, German), "1.234,500");
        assert_eq!(format_amount(d("-1234.5"), 0, English), "-1,235");
        assert_eq!(
            format_amount_ungrouped(d("1234567.5"), 2, German),
            "1234567,50"
        );
        assert_eq!(format_amount_ungrouped(d("-0.001"), 2, English), "0.00");
    }

    #[test]
    fn numbers_that_are_not_money_keep_their_own_decimals() {
        use NumberStyle::*;
        assert_eq!(format_number(d("10.70"), German), "10,7");
        assert_eq!(format_number(d("19.00"), English), "19");
        assert_eq!(
            format_number(d("10000000000000"), German),
            "10.000.000.000.000"
        );
    }

    #[test]
    fn dates_parse_in_the_forms_bookkeepers_type() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let nov5 = NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
        for text in [
            "05.11.2026",
            "5.11.26",
            "5.11.",
            "0511",
            "05112026",
            "2026-11-05",
        ] {
            assert_eq!(parse_date(text, today), Ok(nov5), "{text}");
        }
        for text in ["31.02.2026", "1.2.3.4", "abc", "2026-13-01", "123"] {
            assert!(parse_date(text, today).is_err(), "{text}");
        }
    }

    proptest! {
        #[test]
        fn formatted_amounts_parse_back_to_the_same_value(
            cents in -10_000_000_000_000i64..10_000_000_000_000,
            german in any::<bool>(),
        ) {
            let style = if german { NumberStyle::German } else { NumberStyle::English };
            let amount = Decimal::new(cents, 2);
            let text = format_amount(amount, 2, style);
            prop_assert_eq!(parse_amount(&text, style, 2), Ok(amount));
        }

        #[test]
        fn parsing_never_panics(text in "\\PC{0,50}") {
            let _ = parse_amount(&text, NumberStyle::German, 2);
            let _ = parse_amount(&text, NumberStyle::English, 2);
            let _ = parse_date(&text, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        }
    }
}
