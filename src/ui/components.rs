//! Small reusable pieces: progress bar, error box, amounts.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::i18n::{Lang, use_i18n};
use super::state::Progress;
use crate::formats::amount::{NumberStyle, format_amount};

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

/// An amount in the UI language's style; reactive to the language.
pub fn money(amount: Decimal, decimals: u32) -> impl Fn() -> String + Copy {
    let i18n = use_i18n();
    move || format_amount(amount, decimals, number_style(i18n.lang()))
}

#[component]
pub fn ProgressBar(progress: Progress, #[prop(into)] label: String) -> impl IntoView {
    let pct = (progress.done * 100)
        .checked_div(progress.total)
        .unwrap_or(0);
    let aria_label = label.clone();
    view! {
        <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=pct.to_string() aria-label=aria_label>
            <div class="progress-label">{label} " " {format!("{pct} %")}</div>
            <div class="progress-track"><div class="progress-fill" style=format!("width:{pct}%")></div></div>
        </div>
    }
}

/// A message box for an error the user must read; `None` shows nothing.
#[component]
pub fn ErrorBox(message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.get().is_some()>
            <div class="error-box" role="alert" data-testid="error">{move || message.get()}</div>
        </Show>
    }
}

/// A new idempotency key for an entry grid or a voucher, as stored in its
/// draft: 128 bits from `crypto.getRandomValues`. A browser without it
/// gets no key (empty): posting still works, only without the guard
/// against posting the same grid twice.
pub fn fresh_posting_key() -> String {
    let mut bytes = [0u8; 16];
    match getrandom::getrandom(&mut bytes) {
        Ok(()) => crate::ledger::types::PostingKey(u128::from_le_bytes(bytes)).to_hex(),
        Err(_) => String::new(),
    }
}
