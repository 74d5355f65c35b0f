//! The partner's open items on the payment: the items on the side the
//! payment settles (a customer's invoices for money coming in, a vendor's
//! for money going out) in the payment's currency, with the discount
//! `item_offer` offers on the posting date. Ticking an item fills the
//! amount with what is open and the discount with the offer; both stay
//! editable. Space ticks the focused row, Enter moves down a row.

use leptos::ev;
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use super::form::{Form, ItemRow, amount};
use super::texts::T;
use crate::ledger::Book;
use crate::ledger::payments::{Direction, item_offer};
use crate::ledger::types::Side;
use crate::ui::components::{fmt_amount, fmt_date, focus};
use crate::ui::i18n::{Lang, Text, use_i18n};

/// The rows for the form's partner, date and currency; a row that was
/// ticked before keeps its tick and amount (its discount follows the new
/// offer).
pub fn rows(book: &Book, form: &Form, lang: Lang, old: &[ItemRow]) -> Vec<ItemRow> {
    let (Some(code), Some(date)) = (form.partner_code(), form.posting_date.get()) else {
        return Vec::new();
    };
    let lc = book.settings().lc.as_str().to_string();
    let Ok(currency) = form.currency_of(&lc) else {
        return Vec::new();
    };
    let side = match form.direction {
        Direction::Incoming => Side::Debit,
        Direction::Outgoing => Side::Credit,
    };
    let d = currency.map_or(book.settings().lc_decimals(), |c| c.decimals());
    book.open_items()
        .items_of(code)
        .filter(|i| i.is_open() && i.side == side)
        .filter(|i| i.fc.as_ref().map(|f| f.currency) == currency)
        .map(|i| {
            let offer = item_offer(i, date, d);
            let before = old.iter().find(|r| r.item == i.id);
            let ticked = before.is_some_and(|r| r.ticked.get_untracked());
            let amount = match before {
                Some(r) if ticked => r.amount.get_untracked(),
                _ => String::new(),
            };
            let discount = if ticked {
                fmt_amount(offer.discount, d, lang)
            } else {
                String::new()
            };
            let entry = book.entry(i.id.entry);
            ItemRow {
                item: i.id,
                document: entry
                    .map_or_else(String::new, |e| format!("{}/{}", e.fiscal_year, e.number)),
                reference: entry.map_or_else(String::new, |e| e.reference.clone()),
                document_date: i.document_date,
                due_date: i.due_date,
                offer,
                ticked: RwSignal::new(ticked),
                amount: RwSignal::new(amount),
                discount: RwSignal::new(discount),
            }
        })
        .collect()
}

#[component]
pub fn ItemsTable(form: Form, decimals: Signal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let table = move || {
        let rows = form.items.get();
        if rows.is_empty() {
            return view! { <p class="muted" data-testid="pay-no-items">{i18n.t(T::NoItems)}</p> }
                .into_any();
        }
        let body = rows
            .into_iter()
            .map(|r| view! { <ItemLine row=r decimals=decimals /> })
            .collect_view();
        view! {
            <div class="table-wrap">
                <table class="data pay-items" data-testid="pay-items">
                    <thead><tr>
                        <th>{i18n.t(T::Pay)}</th>
                        <th>{i18n.t(T::Document)}</th>
                        <th>{i18n.t(T::Reference)}</th>
                        <th class="date">{i18n.t(T::DocumentDate)}</th>
                        <th class="date">{i18n.t(T::DueDate)}</th>
                        <th class="num">{i18n.t(T::Open)}</th>
                        <th class="num">{i18n.t(T::Offer)}</th>
                        <th class="num">{i18n.t(T::Amount)}</th>
                        <th class="num">{i18n.t(T::Discount)}</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                    <Totals form=form decimals=decimals />
                </table>
            </div>
        }
        .into_any()
    };
    view! { <div class="pay-items-wrap">{table}</div> }
}

#[component]
fn ItemLine(row: ItemRow, decimals: Signal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let offer = row.offer.discount;
    let open = row.offer.open;
    let (ticked, amount_s, discount_s) = (row.ticked, row.amount, row.discount);
    let tick = move |on: bool| {
        ticked.set(on);
        let (lang, d) = (i18n.lang_untracked(), decimals.get_untracked());
        if on {
            amount_s.set(fmt_amount(open, d, lang));
            discount_s.set(fmt_amount(offer, d, lang));
        } else {
            amount_s.set(String::new());
            discount_s.set(String::new());
        }
    };
    let keys = move |e: ev::KeyboardEvent| row_keys(&e, ticked, tick);
    let shown = row.clone();
    let offer_text = move || offer_text(&shown, i18n.lang(), decimals.get());
    let reference = row.reference.clone();
    view! {
        <tr data-testid="pay-item" data-reference=reference class:ticked=move || row.ticked.get()
            on:keydown=keys>
            <td><input type="checkbox" data-col="tick" data-testid="pay-tick"
                prop:checked=move || row.ticked.get()
                on:change=move |ev| tick(event_target_checked(&ev)) /></td>
            <td class="doc-no">{row.document.clone()}</td>
            <td>{row.reference.clone()}</td>
            <td class="date">{move || fmt_date(row.document_date, i18n.lang())}</td>
            <td class="date">{move || fmt_date(row.due_date, i18n.lang())}</td>
            <td class="num" data-testid="pay-open">{move || fmt_amount(open, decimals.get(), i18n.lang())}</td>
            <td class="num offer" data-testid="pay-offer">{offer_text}</td>
            <td class="num"><input type="text" inputmode="decimal" class="num" data-col="amount"
                data-testid="pay-amount" prop:value=move || row.amount.get()
                on:input=move |ev| row.amount.set(event_target_value(&ev)) /></td>
            <td class="num"><input type="text" inputmode="decimal" class="num" data-col="discount"
                data-testid="pay-discount" prop:value=move || row.discount.get()
                on:input=move |ev| row.discount.set(event_target_value(&ev)) /></td>
        </tr>
    }
}

/// "2,00 bis 10.12.2026", "Frist abgelaufen" or nothing.
fn offer_text(row: &ItemRow, lang: Lang, d: u32) -> String {
    match (row.offer.until, row.offer.late) {
        (Some(until), _) => format!(
            "{} {} {}",
            fmt_amount(row.offer.discount, d, lang),
            T::Until.text(lang),
            fmt_date(until, lang)
        ),
        (None, true) => T::Late.text(lang).to_string(),
        (None, false) => String::new(),
    }
}

/// Space on the row (not in a text field) ticks it; Enter moves to the
/// same column of the next row.
fn row_keys(e: &ev::KeyboardEvent, ticked: RwSignal<bool>, tick: impl Fn(bool)) {
    let Some(target) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let in_text = target.get_attribute("type").as_deref() == Some("text");
    match e.key().as_str() {
        " " if !in_text => {
            e.prevent_default();
            tick(!ticked.get_untracked());
        }
        "Enter" if !e.ctrl_key() && !e.meta_key() => {
            e.prevent_default();
            let col = target.get_attribute("data-col").unwrap_or_default();
            let next = target
                .closest("tr")
                .ok()
                .flatten()
                .and_then(|tr| tr.next_element_sibling())
                .and_then(|tr| tr.query_selector(&format!("[data-col=\"{col}\"]")).ok())
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(el) = next {
                focus(&el);
            }
        }
        _ => {}
    }
}

#[component]
fn Totals(form: Form, decimals: Signal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let sums = move || {
        let (lang, d) = (i18n.lang(), decimals.get());
        let num = |t: String| amount(&t, lang, d).unwrap_or_default();
        form.items
            .get()
            .iter()
            .filter(|r| r.ticked.get())
            .fold((Decimal::ZERO, Decimal::ZERO), |(a, s), r| {
                (a + num(r.amount.get()), s + num(r.discount.get()))
            })
    };
    let fmt = move |x: Decimal| fmt_amount(x, decimals.get(), i18n.lang());
    view! {
        <tfoot>
            <tr class="total">
                <td colspan="7">{move || i18n.t(T::Total)}</td>
                <td class="num" data-testid="pay-total-amount">{move || fmt(sums().0)}</td>
                <td class="num" data-testid="pay-total-discount">{move || fmt(sums().1)}</td>
            </tr>
            <tr class="subtotal">
                <td colspan="8">{move || i18n.t(T::Net)}</td>
                <td class="num" data-testid="pay-total-net">{move || { let (a, s) = sums(); fmt(a - s) }}</td>
            </tr>
        </tfoot>
    }
}
