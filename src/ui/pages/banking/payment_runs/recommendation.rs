//! Step 4, the recommendation (Zahlungsvorschlag): one row per partner
//! and item with open amount, discount and the payment amount (editable),
//! a tick to leave the item out, the refusal of the last save or execute
//! at the row or partner it is about; then what was left out with the
//! reason in words, and the totals per house bank against the maximum.

use leptos::prelude::*;

use super::actions::Problems;
use super::form::{Form, Row};
use super::texts::T;
use crate::ledger::Book;
use crate::ledger::payment_runs::{Excluded, Exclusion};
use crate::ledger::types::PartnerCode;
use crate::ui::components::{fmt_amount, fmt_date};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

/// "70001 Müller GmbH", or the code alone for an unknown partner.
fn partner_label(book: &Book, code: PartnerCode) -> String {
    match book.partners().partner(code) {
        Some(p) => format!("{code} {}", p.name),
        None => code.to_string(),
    }
}

/// "2026/17 RE-4711": the entry that opened the item and its reference.
fn document(book: &Book, r: &Row) -> String {
    book.entry(r.row.item.entry).map_or_else(String::new, |e| {
        format!("{}/{} {}", e.fiscal_year, e.number, e.reference)
    })
}

/// The reason an item or partner is left out, in words.
pub fn reason(e: &Exclusion, lang: Lang) -> String {
    match e {
        Exclusion::PartnerBlocked => T::PartnerBlocked.text(lang).to_string(),
        Exclusion::NoIban => T::NoIban.text(lang).to_string(),
        Exclusion::NoMandate => T::NoMandate.text(lang).to_string(),
        Exclusion::Reserved { run } => format!("{} {run}.", T::ReservedBy.text(lang)),
        Exclusion::HeldForDiscount { until } => {
            format!("{} {}.", T::HeldUntil.text(lang), fmt_date(*until, lang))
        }
        Exclusion::NothingToPay => T::NothingToPay.text(lang).to_string(),
        Exclusion::OtherCurrency => T::OtherCurrency.text(lang).to_string(),
        Exclusion::OverMaximum => T::OverMaximum.text(lang).to_string(),
    }
}

#[component]
pub fn Recommendation(form: Form, problems: RwSignal<Problems>) -> impl IntoView {
    let i18n = use_i18n();
    let ready = move || form.params(i18n.lang()).is_ok();
    view! {
        <section class="run-step run-recommendation" data-testid="step-recommendation">
            <h2>{move || i18n.t(T::StepRecommendation)}</h2>
            <Show when=ready fallback=move || view! { <p class="muted" data-testid="run-need-params">{move || i18n.t(T::NeedParams)}</p> }>
                <Show when=move || !form.rows.get().is_empty()
                    fallback=move || view! { <p class="muted" data-testid="run-no-rows">{move || i18n.t(T::NoRows)}</p> }>
                    <RowsTable form=form problems=problems />
                </Show>
                <Totals form=form />
                <ExcludedList form=form />
            </Show>
        </section>
    }
}

#[component]
fn RowsTable(form: Form, problems: RwSignal<Problems>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="data run-rows" data-testid="run-rows">
                <thead><tr>
                    <th>{move || i18n.t(T::Take)}</th>
                    <th>{move || i18n.t(T::Partner)}</th>
                    <th>{move || i18n.t(T::Document)}</th>
                    <th>{move || i18n.t(T::DueDate)}</th>
                    <th class="num">{move || i18n.t(T::OpenAmount)}</th>
                    <th class="num">{move || i18n.t(T::Discount)}</th>
                    <th class="num">{move || i18n.t(T::Pay)}</th>
                </tr></thead>
                <tbody>
                    // Keyed by the proposal's figures too: a changed discount re-renders the row.
                    <For each=move || form.rows.get() key=|r| (r.row.item, r.row.open, r.row.discount, r.row.discount_until) let:r>
                        <RowView r=r problems=problems />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn RowView(r: Row, problems: RwSignal<Problems>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (partner, doc) = app
        .with_book(|b| (partner_label(b, r.row.partner), document(b, &r)))
        .unwrap_or_default();
    let (item, code) = (r.row.item, r.row.partner);
    let problem = move || problems.with(|p| p.about(item, code));
    let row = r.row.clone();
    let (take, pay) = (r.take, r.pay);
    let lang = move || i18n.lang();
    let until = row.discount_until;
    view! {
        <tr class:excluded=move || !take.get() class:credit-note=row.credit_note
            class:refused=move || problem().is_some()
            data-testid="run-row" data-partner=code.to_string()>
            <td><input type="checkbox" data-testid="run-take" prop:checked=take
                on:change=move |ev| take.set(event_target_checked(&ev)) /></td>
            <td>{partner}</td>
            <td>{doc}{row.credit_note.then(|| view! { <small class="muted">" · "{move || i18n.t(T::CreditNote)}</small> })}
                {move || problem().map(|m| view! { <small class="field-error" role="alert" data-testid="run-row-error">{m}</small> })}</td>
            <td class="nowrap">{move || fmt_date(row.due_date, lang())}</td>
            <td class="num nowrap">{move || fmt_amount(row.open, 2, lang())}</td>
            <td class="num nowrap">{move || fmt_amount(row.discount, 2, lang())}
                {move || until.map(|u| format!(" ({} {})", i18n.t(T::DiscountUntil), fmt_date(u, lang())))}</td>
            <td class="num"><input class="num" data-testid="run-pay" autocomplete="off" inputmode="decimal"
                prop:value=pay prop:disabled=move || !take.get()
                on:input=move |ev| pay.set(event_target_value(&ev)) /></td>
        </tr>
    }
}

/// Totals per house bank (a run pays from one) and the maximum.
#[component]
fn Totals(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let total = move || form.chosen_total(i18n.lang());
    view! {
        <table class="data run-totals" data-testid="run-totals">
            <caption>{move || i18n.t(T::TotalsTitle)}</caption>
            <tbody>
                <tr>
                    <th>{move || form.house_bank.get()}</th>
                    <td class="num" data-testid="run-total">{move || fmt_amount(total().0, 2, i18n.lang())}</td>
                    <td class="muted">{move || format!("{} {}", total().1, i18n.t(T::ChosenItems))}</td>
                </tr>
                <Show when=move || !form.max_total.get().trim().is_empty()>
                    <tr><th>{move || i18n.t(T::MaxTotal)}</th><td class="num">{move || form.max_total.get()}</td><td></td></tr>
                </Show>
            </tbody>
        </table>
    }
}

#[component]
fn ExcludedList(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let line = move |x: Excluded| {
        let lang = i18n.lang();
        let (partner, doc) = app
            .with_book(|b| {
                let doc = x.item.and_then(|i| b.entry(i.entry)).map_or_else(
                    || T::WholePartner.text(lang).to_string(),
                    |e| format!("{}/{} {}", e.fiscal_year, e.number, e.reference),
                );
                (partner_label(b, x.partner), doc)
            })
            .unwrap_or_default();
        view! {
            <li data-testid="run-excluded" data-partner=x.partner.to_string()>
                <strong>{partner}</strong>" · "{doc}": "{reason(&x.reason, lang)}
            </li>
        }
    };
    view! {
        <Show when=move || !form.excluded.get().is_empty()>
            <h3>{move || i18n.t(T::ExcludedTitle)}</h3>
            <ul class="run-excluded">{move || form.excluded.get().into_iter().map(line).collect_view()}</ul>
        </Show>
    }
}
