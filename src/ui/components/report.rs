//! What the report and journal screens share: the account types in their
//! order, the default fiscal year, links to an entry and an account sheet,
//! print and the report shortcuts (Alt+P, Alt+E), and the pager.

use chrono::NaiveDate;
use leptos::ev;
use leptos::prelude::*;

use super::format::today;
use crate::ledger::Book;
use crate::ledger::gl::AccountType;
use crate::ledger::types::{AccountNo, EntryId};
use crate::texts;
use crate::ui::i18n::{Lang, Text, use_i18n};

texts! {
    enum T {
        Asset => "Aktiva", "Assets";
        Liability => "Verbindlichkeiten", "Liabilities";
        Equity => "Eigenkapital", "Equity";
        Revenue => "Erlöse", "Revenue";
        Expense => "Aufwand", "Expenses";
        Previous => "‹ Zurück", "‹ Previous";
        Next => "Weiter ›", "Next ›";
        Page => "Seite", "Page";
    }
}

/// The order account types appear in, with their subtotals.
pub const TYPE_ORDER: [AccountType; 5] = [
    AccountType::Asset,
    AccountType::Liability,
    AccountType::Equity,
    AccountType::Revenue,
    AccountType::Expense,
];

/// LC code and decimals of the open company.
pub fn lc_of(book: &Book) -> (String, u32) {
    let s = book.settings();
    (s.lc.as_str().to_string(), s.lc_decimals())
}

/// The fiscal year a report opens on: the one holding the last posting
/// (the demo company lies in the past), else the one holding today, else
/// the last one. Global period indexes `(first, last)`.
pub fn default_year_periods(book: &Book) -> Option<(usize, usize)> {
    let calendar = book.calendar();
    let date = book
        .entries()
        .last()
        .map(|e| e.posting_date)
        .unwrap_or_else(today);
    let periods: Vec<_> = calendar.periods().collect();
    let last = periods.last()?;
    let year = periods
        .iter()
        .find(|p| p.start <= date && date <= p.end)
        .map(|p| p.reference.fiscal_year)
        .unwrap_or(last.reference.fiscal_year);
    let first_i = periods
        .iter()
        .position(|p| p.reference.fiscal_year == year)?;
    let last_i = periods
        .iter()
        .rposition(|p| p.reference.fiscal_year == year)?;
    Some((first_i, last_i))
}

/// Dates of the default fiscal year (see [`default_year_periods`]).
pub fn default_year_dates(book: &Book) -> Option<(NaiveDate, NaiveDate)> {
    let (a, b) = default_year_periods(book)?;
    let calendar = book.calendar();
    Some((calendar.period(a)?.start, calendar.period(b)?.end))
}

/// "2026/17": entry numbers restart every fiscal year.
pub fn entry_label(fiscal_year: i32, number: u32) -> String {
    format!("{fiscal_year}/{number}")
}

pub fn entry_href(id: EntryId) -> String {
    format!("/financials/journal/{}", id.0)
}

pub fn sheet_href(account: AccountNo, range: Option<(NaiveDate, NaiveDate)>) -> String {
    match range {
        Some((from, to)) => format!("/reports/account/{account}?from={from}&to={to}"),
        None => format!("/reports/account/{account}"),
    }
}

pub fn print_page() {
    if let Some(w) = web_sys::window() {
        // The browser's print dialog: a browser without one leaves the page as it was.
        let _ = w.print();
    }
}

/// Alt+P prints, Alt+E exports CSV, while the page is shown.
pub fn report_shortcuts(export: impl Fn() + 'static) {
    let handle = window_event_listener(ev::keydown, move |e| {
        if !e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        let key = e.key();
        if key.eq_ignore_ascii_case("p") {
            e.prevent_default();
            print_page();
        } else if key.eq_ignore_ascii_case("e") {
            e.prevent_default();
            export();
        }
    });
    on_cleanup(move || handle.remove());
}

fn type_text(t: AccountType) -> T {
    match t {
        AccountType::Asset => T::Asset,
        AccountType::Liability => T::Liability,
        AccountType::Equity => T::Equity,
        AccountType::Revenue => T::Revenue,
        AccountType::Expense => T::Expense,
    }
}

pub fn type_name(t: AccountType, lang: Lang) -> &'static str {
    type_text(t).text(lang)
}

/// Previous/next for a list shown a page at a time.
#[component]
pub fn Pager(
    page: RwSignal<usize>,
    pages: usize,
    count: usize,
    /// What is counted ("lines", "entries").
    #[prop(into)]
    unit: Signal<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let at_end = move || page.get() + 1 >= pages;
    // A new page starts reading at its top.
    let to_top = || {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    };
    view! {
        <Show when=move || { pages > 1 }>
            <nav class="pager no-print" data-testid="pager">
                <button class="button small" disabled=move || page.get() == 0
                    on:click=move |_| { page.update(|p| *p = p.saturating_sub(1)); to_top() }>{move || i18n.t(T::Previous)}</button>
                <span class="muted">{move || format!("{} {} / {} · {} {}", i18n.t(T::Page), page.get() + 1, pages, count, unit.get())}</span>
                <button class="button small" disabled=at_end
                    on:click=move |_| { page.update(|p| *p = (*p + 1).min(pages - 1)); to_top() }>{move || i18n.t(T::Next)}</button>
            </nav>
        </Show>
    }
}
