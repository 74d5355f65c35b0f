//! Darlehen (loans) at `/financials/loans`: every loan with its number,
//! name, principal, the rate in force today, the debt remaining today and
//! the next open instalment. ↑/↓ move through the rows, Enter opens a
//! loan, Alt+A creates one. The instalments are posted on the due list
//! (`/financials/recurring/due`).

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::formats::amount::format_number;
use crate::ledger::recurring::Loan;
use crate::texts;
use crate::ui::components::{NoCompany, fmt_amount, fmt_date, number_style, row_enter, today};
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Darlehen", "Loans";
        Lead => "Aufgenommene und gewährte Darlehen mit Tilgungsplan. Die Raten erscheinen in den fälligen Buchungen und werden dort gebucht: Zinsaufwand und Tilgung getrennt. ↑/↓ wählt, Enter öffnet, Alt+A legt ein Darlehen an.", "Loans taken and given, with their repayment schedule. The instalments appear among the due postings and are posted there, interest expense and principal repayment apart. ↑/↓ selects, Enter opens, Alt+A creates a loan.";
        New => "Neues Darlehen (Alt+A)", "New loan (Alt+A)";
        Due => "Fällige Buchungen", "Due postings";
        Empty => "Noch keine Darlehen.", "No loans yet.";
        Number => "Nr.", "No.";
        Name => "Bezeichnung", "Name";
        Principal => "Darlehensbetrag", "Principal";
        Rate => "Zins p. a.", "Rate p.a.";
        Remaining => "Restschuld heute", "Remaining today";
        Next => "Nächste offene Rate", "Next open instalment";
        Paid => "getilgt", "repaid";
        Inactive => "inaktiv", "inactive";
    }
}

#[component]
pub fn LoansPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page loans-page" data-page="loans">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

#[component]
fn Body() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let loans = Memo::new(move |_| {
        app.with_book(|b| b.recurring().loans().to_vec())
            .unwrap_or_default()
    });
    let decimals = app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2);
    let navigate = StoredValue::new_local(use_navigate());
    let go = move |path: String| navigate.with_value(|n| n(&path, Default::default()));
    let shortcut = window_event_listener(ev::keydown, move |e| {
        if e.alt_key() && !e.ctrl_key() && !e.meta_key() && e.key().eq_ignore_ascii_case("a") {
            e.prevent_default();
            go("/financials/loans/new".into());
        }
    });
    on_cleanup(move || shortcut.remove());
    let row = move |l: Loan| {
        let lang = i18n.lang();
        let today = today();
        let href = format!("/financials/loans/{}", l.number);
        let on_key = {
            let href = href.clone();
            row_enter(move || go(href.clone()))
        };
        let next = match l.next_open() {
            Some(r) => format!(
                "{} · {}",
                fmt_date(r.date, lang),
                fmt_amount(r.instalment, decimals, lang)
            ),
            None => T::Paid.text(lang).to_string(),
        };
        let rate = format!("{} %", format_number(l.rate_on(today), number_style(lang)));
        let remaining = fmt_amount(l.remaining_on(today), decimals, lang);
        let (number, name, active) = (l.number, l.name.clone(), l.active);
        view! {
            <tr tabindex="0" data-number=number.to_string() on:keydown=on_key class:inactive=!active>
                <td class="num">{number}</td>
                <td><A href=href attr:tabindex="-1">{name}</A>
                    {(!active).then(|| view! { " " <span class="muted small">{T::Inactive.text(lang)}</span> })}</td>
                <td class="num">{fmt_amount(l.principal, decimals, lang)}</td>
                <td class="num">{rate}</td>
                <td class="num" data-testid=format!("loan-remaining-{number}")>{remaining}</td>
                <td class="num" data-testid=format!("loan-next-{number}")>{next}</td>
            </tr>
        }
    };
    view! {
        <div class="toolbar">
            <div class="toolbar-actions">
                <A href="/financials/recurring/due" attr:class="button small" attr:data-testid="loans-due">{move || i18n.t(T::Due)}</A>
                <A href="/financials/loans/new" attr:class="button primary" attr:data-testid="loan-new">{move || i18n.t(T::New)}</A>
            </div>
        </div>
        <Show when=move || !loans.with(|l| l.is_empty())
            fallback=move || view! { <p class="muted" data-testid="loans-empty">{move || i18n.t(T::Empty)}</p> }>
            <div class="table-wrap">
                <table class="data loans" data-testid="loans">
                    <thead><tr>
                        <th class="num">{move || i18n.t(T::Number)}</th>
                        <th>{move || i18n.t(T::Name)}</th>
                        <th class="num">{move || i18n.t(T::Principal)}</th>
                        <th class="num">{move || i18n.t(T::Rate)}</th>
                        <th class="num">{move || i18n.t(T::Remaining)}</th>
                        <th class="num">{move || i18n.t(T::Next)}</th>
                    </tr></thead>
                    <tbody>{move || loans.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        </Show>
    }
}
