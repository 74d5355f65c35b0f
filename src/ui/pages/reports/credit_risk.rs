//! Kreditrisiko (credit risk) at `/reports/credit-risk`: per customer the
//! credit limit, exposure, overdue amount, oldest overdue item, highest
//! dunning level and limit utilisation as of a date, riskiest first
//! (`report::credit_risk` sorts). A customer links to his partner card;
//! the page prints like the other reports.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ledger::report::{CreditRiskRow, credit_risk};
use crate::texts;
use crate::ui::components::{
    DateField, NoCompany, fmt_amount, fmt_date, number_style, print_page, today,
};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    enum T {
        Title => "Kreditrisiko", "Credit risk";
        Lead => "Je Kunde Kreditlimit, Obligo (offene Posten), davon überfällig, ältester überfälliger Posten und höchste Mahnstufe – das höchste Risiko zuerst.", "Per customer credit limit, exposure (open items), of which overdue, the oldest overdue item and the highest dunning level – the highest risk first.";
        AsOf => "Stichtag", "As of";
        Print => "Drucken", "Print";
        Customer => "Kunde", "Customer";
        Limit => "Kreditlimit", "Credit limit";
        Exposure => "Obligo", "Exposure";
        Overdue => "Überfällig", "Overdue";
        Oldest => "Ältester überfälliger Posten", "Oldest overdue item";
        Days => "Tage", "days";
        Level => "Mahnstufe", "Dunning level";
        Utilisation => "Auslastung", "Utilisation";
        NoLimit => "kein Limit", "no limit";
        Empty => "Kein Kunde hat offene Posten.", "No customer has open items.";
        Count => "Kunden", "customers";
    }
}

fn oldest(r: &CreditRiskRow, lang: Lang) -> String {
    r.oldest_overdue
        .map(|o| {
            format!(
                "{} ({} {})",
                fmt_date(o.due_date, lang),
                o.days,
                T::Days.text(lang)
            )
        })
        .unwrap_or_default()
}

fn utilisation(r: &CreditRiskRow, lang: Lang) -> String {
    r.utilisation
        .map(|u| {
            format!(
                "{} %",
                crate::formats::amount::format_number(u, number_style(lang))
            )
        })
        .unwrap_or_default()
}

#[component]
pub fn CreditRiskPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    let as_of = RwSignal::new(Some(today()));
    view! {
        <section class="page report-page credit-risk" data-page="credit-risk">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead no-print">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() {
                view! {
                    <div class="toolbar no-print">
                        <DateField label=T::AsOf value=as_of testid="risk-as-of" />
                        <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
                    </div>
                    <RiskTable as_of=as_of />
                }.into_any()
            } else {
                view! { <NoCompany /> }.into_any()
            }}
        </section>
    }
}

#[component]
fn RiskTable(as_of: RwSignal<Option<NaiveDate>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let data = Memo::new(move |_| {
        let date = as_of.get().unwrap_or_else(today);
        app.with_book(|b| (credit_risk(b, date), b.settings().lc_decimals()))
            .unwrap_or_default()
    });
    let row = move |r: CreditRiskRow, d: u32| {
        let lang = i18n.lang();
        let limit = r.credit_limit.map_or_else(
            || T::NoLimit.text(lang).to_string(),
            |l| fmt_amount(l, d, lang),
        );
        let high = r.highest_level > 0
            || r.utilisation
                .is_some_and(|u| u > rust_decimal::Decimal::ONE_HUNDRED);
        view! {
            <tr class:risk-high=high data-testid=format!("risk-{}", r.partner)>
                <td><a href=format!("/master-data/partners/{}", r.partner)>{format!("{} {}", r.partner, r.name)}</a></td>
                <td class="num">{limit}</td>
                <td class="num">{fmt_amount(r.exposure, d, lang)}</td>
                <td class="num">{fmt_amount(r.overdue, d, lang)}</td>
                <td>{oldest(&r, lang)}</td>
                <td class="num">{r.highest_level}</td>
                <td class="num">{utilisation(&r, lang)}</td>
            </tr>
        }
    };
    view! {
        <Show when=move || !data.get().0.is_empty()
            fallback=move || view! { <p class="muted" data-testid="risk-empty">{move || i18n.t(T::Empty)}</p> }>
            <div class="table-wrap">
                <table class="data" data-testid="credit-risk">
                    <thead><tr>
                        <th>{move || i18n.t(T::Customer)}</th>
                        <th class="num">{move || i18n.t(T::Limit)}</th>
                        <th class="num">{move || i18n.t(T::Exposure)}</th>
                        <th class="num">{move || i18n.t(T::Overdue)}</th>
                        <th>{move || i18n.t(T::Oldest)}</th>
                        <th class="num">{move || i18n.t(T::Level)}</th>
                        <th class="num">{move || i18n.t(T::Utilisation)}</th>
                    </tr></thead>
                    <tbody>{move || { let (rows, d) = data.get(); rows.into_iter().map(|r| row(r, d)).collect_view() }}</tbody>
                </table>
            </div>
            <p class="muted small">{move || format!("{} {}", data.get().0.len(), i18n.t(T::Count))}</p>
        </Show>
    }
}
