//! The item's change history (Änderungshistorie), as on the partner card:
//! who created it, and every changed field with who, when, old and new
//! value, newest first. The engine folds it from the save events
//! (`items::history`); field names and values in the UI language (a
//! price with its decimal mark, the accounts in words).

use leptos::prelude::*;

use crate::ledger::items::{ItemChange, ItemField};
use crate::ledger::partners::Stamp;
use crate::ledger::types::Timestamp;
use rust_decimal::Decimal;

use crate::ui::components::{fmt_amount, fmt_date};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

use super::T;

fn field_name(f: ItemField, lang: Lang) -> &'static str {
    use ItemField as F;
    let (de, en) = match f {
        F::DescriptionDe => ("Bezeichnung (deutsch)", "Description (German)"),
        F::DescriptionEn => ("Bezeichnung (englisch)", "Description (English)"),
        F::Group => ("Artikelgruppe", "Item group"),
        F::Unit => ("Mengeneinheit", "Unit of measure"),
        F::Sales => ("Verkaufsartikel", "Sales item"),
        F::Purchase => ("Einkaufsartikel", "Purchase item"),
        F::Accounts => ("Konten und Steuer", "Accounts and tax"),
        F::DefaultPrice => ("Standardpreis", "Default price"),
        F::Active => ("Aktiv", "Active"),
        F::Remarks => ("Bemerkungen", "Remarks"),
    };
    if lang == Lang::De { de } else { en }
}

/// "25.11.2026 14:03" / "2026-11-25 14:03" (UTC, as stored).
fn when(at: Timestamp, lang: Lang) -> String {
    let t = at.as_naive();
    format!("{} {}", fmt_date(t.date(), lang), t.format("%H:%M"))
}

/// A stored value in the UI language: a price with its decimal mark,
/// the accounts' canonical text (`revenue=8400,8125,;expense=…;
/// sales_tax=U19;purchase_tax=`, see `items::history`) in words; any
/// other value, or one that does not read, as stored.
fn shown(field: ItemField, value: &str, lang: Lang) -> String {
    match field {
        ItemField::DefaultPrice => match value.parse::<Decimal>() {
            Ok(d) => fmt_amount(d, d.scale().max(2), lang),
            Err(_) => value.to_string(),
        },
        ItemField::Accounts => accounts_words(value, lang).unwrap_or_else(|| value.to_string()),
        _ => value.to_string(),
    }
}

/// "Erlöse 8400 / 8125 / – · Aufwand … · StKz VK U19 · StKz EK –".
fn accounts_words(value: &str, lang: Lang) -> Option<String> {
    let dash = |v: &str| {
        if v.is_empty() {
            "–".to_string()
        } else {
            v.to_string()
        }
    };
    value
        .split(';')
        .map(|part| {
            let (key, v) = part.split_once('=')?;
            let label = match key {
                "revenue" => T::RevenueWord,
                "expense" => T::ExpenseWord,
                "sales_tax" => T::SalesTaxWord,
                "purchase_tax" => T::PurchaseTaxWord,
                _ => return None,
            };
            let v = v.split(',').map(dash).collect::<Vec<_>>().join(" / ");
            Some(format!("{} {v}", label.text(lang)))
        })
        .collect::<Option<Vec<_>>>()
        .map(|parts| parts.join(" · "))
}

#[component]
pub fn ItemHistory(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let record = Memo::new(move |_| {
        app.with_book(|b| {
            b.items()
                .item(&code)
                .map(|r| (r.created.clone(), r.changes.clone()))
        })
        .flatten()
    });
    view! {
        <section class="item-history">
            <h2>{move || i18n.t(T::History)}</h2>
            {move || record.get().map(|(created, changes)| view! {
                <Created stamp=created />
                <Changes changes=changes />
            })}
        </section>
    }
}

#[component]
fn Created(stamp: Stamp) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="muted small" data-testid="item-created">
            {move || format!("{} {} · {}", i18n.t(T::CreatedBy), stamp.by, when(stamp.at, i18n.lang()))}
        </p>
    }
}

#[component]
fn Changes(changes: Vec<ItemChange>) -> impl IntoView {
    let i18n = use_i18n();
    if changes.is_empty() {
        return view! { <p class="muted" data-testid="item-no-changes">{move || i18n.t(T::NoChanges)}</p> }
            .into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="data" data-testid="item-history">
                <thead><tr>
                    <th>{move || i18n.t(T::When)}</th>
                    <th>{move || i18n.t(T::Who)}</th>
                    <th>{move || i18n.t(T::Field)}</th>
                    <th>{move || i18n.t(T::Old)}</th>
                    <th>{move || i18n.t(T::New)}</th>
                </tr></thead>
                <tbody>
                    {changes.into_iter().rev().map(|c| {
                        let ItemChange { by, at, field, old, new } = c;
                        view! {
                            <tr>
                                <td class="nowrap">{move || when(at, i18n.lang())}</td>
                                <td>{by}</td>
                                <td>{move || field_name(field, i18n.lang())}</td>
                                <td class="old">{move || shown(field, &old, i18n.lang())}</td>
                                <td class="new">{move || shown(field, &new, i18n.lang())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
