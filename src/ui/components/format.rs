//! Amounts, dates and texts in the UI language's style: one copy of each
//! formatter every screen uses, so German and English look the same
//! everywhere.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::formats::amount::{NumberStyle, format_amount, format_date};
use crate::formats::csv::Dialect;
use crate::ledger::gl::DisplayDecimals;
use crate::ui::i18n::{Lang, Text};

/// Today's date in the browser's time zone (chrono's clock does not reach
/// the browser without extra features).
pub fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

pub fn number_style(lang: Lang) -> NumberStyle {
    match lang {
        Lang::De => NumberStyle::German,
        Lang::En => NumberStyle::English,
    }
}

/// The CSV dialect of the UI language (separator, decimal comma).
pub fn dialect(lang: Lang) -> Dialect {
    match lang {
        Lang::De => Dialect::German,
        Lang::En => Dialect::English,
    }
}

pub fn fmt_amount(amount: Decimal, decimals: u32, lang: Lang) -> String {
    format_amount(amount, decimals, number_style(lang))
}

/// A date in the language's style (22.11.2026 / 2026-11-22).
pub fn fmt_date(date: NaiveDate, lang: Lang) -> String {
    format_date(date, number_style(lang))
}

/// An amount cell that stays empty for zero (debit/credit columns).
pub fn fmt_nonzero(amount: Decimal, decimals: u32, lang: Lang) -> String {
    if amount.is_zero() {
        String::new()
    } else {
        fmt_amount(amount, decimals, lang)
    }
}

/// A text in `lang`, for handlers that build messages outside the view.
pub fn say(t: impl Text, lang: Lang) -> &'static str {
    t.text(lang)
}

/// An exchange rate with the company's display decimals: at least that
/// many, and every decimal the rate has (`DisplayDecimals`).
pub fn fmt_rate(rate: Decimal, display: &DisplayDecimals, lang: Lang) -> String {
    format_amount(rate, display.rate(rate), number_style(lang))
}

/// A quantity with the company's display decimals, as [`fmt_rate`].
pub fn fmt_quantity(quantity: Decimal, display: &DisplayDecimals, lang: Lang) -> String {
    format_amount(quantity, display.quantity(quantity), number_style(lang))
}
