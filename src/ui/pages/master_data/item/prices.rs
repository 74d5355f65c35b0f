//! The item's prices per list, read-only: each active list's price today
//! in its currency and where it comes from (own, set by hand, derived,
//! the item's default), so a key user sees at a glance which prices a
//! derived list recomputes and which it keeps. Prices are edited on the
//! price list screen.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::ledger::Book;
use crate::ledger::items::{ListSource, PriceList};
use crate::ui::components::{fmt_amount, today};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

use super::T;

/// One list's line.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    number: u32,
    name: String,
    currency: String,
    price: Option<Decimal>,
    source: Option<ListSource>,
}

/// The item's price on every list today (`None`: the list has none).
fn lines(book: &Book, code: &str) -> Vec<Line> {
    let items = book.items();
    items
        .lists()
        .map(|l| {
            let found = list_price(book, l, code);
            Line {
                number: l.number,
                name: l.name.clone(),
                currency: l.currency.to_string(),
                price: found.as_ref().map(|(p, _)| *p),
                source: found.map(|(_, s)| s),
            }
        })
        .collect()
}

/// The list price of `code` on `list` in the list's currency today and
/// how it was found (`None`: no price, e.g. an inactive item or no rate).
fn list_price(book: &Book, list: &PriceList, code: &str) -> Option<(Decimal, ListSource)> {
    book.items()
        .list_price_of(book.item_refs(), list.number, code, list.currency, today())
        .ok()
        .map(|l| (l.price, l.source))
}

fn source_text(source: &ListSource, lang: Lang) -> String {
    match source {
        ListSource::Own => T::OwnPrice.text(lang).into(),
        ListSource::HandSet => T::HandSet.text(lang).into(),
        ListSource::Derived { base, factor } => {
            format!(
                "{} ({base} × {})",
                T::Derived.text(lang),
                fmt_factor(*factor, lang)
            )
        }
        ListSource::ItemDefault => T::ItemDefault.text(lang).into(),
    }
}

fn fmt_factor(f: Decimal, lang: Lang) -> String {
    let plain = f.normalize().to_string();
    if lang == Lang::De {
        plain.replace('.', ",")
    } else {
        plain
    }
}

#[component]
pub fn ItemPrices(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let data = Memo::new(move |_| app.with_book(|b| lines(b, &code)).unwrap_or_default());
    let table = move || {
        let lang = i18n.lang();
        let rows = data.get();
        if rows.is_empty() {
            return view! { <p class="muted">{T::NoLists.text(lang)}</p> }.into_any();
        }
        view! {
            <div class="table-wrap">
                <table class="data item-prices" data-testid="item-prices">
                    <thead><tr>
                        <th>{T::List.text(lang)}</th>
                        <th>{T::Currency.text(lang)}</th>
                        <th class="num">{T::ListPrice.text(lang)}</th>
                        <th>{T::Source.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows.into_iter().map(|l| line_view(l, lang)).collect_view()}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="item-prices-section">
            <h2>{move || i18n.t(T::Prices)}</h2>
            {table}
        </section>
    }
}

fn line_view(l: Line, lang: Lang) -> impl IntoView {
    let hand = matches!(l.source, Some(ListSource::HandSet));
    let price = l.price.map(|p| {
        let scale = p.normalize().scale().max(2);
        fmt_amount(p, scale, lang)
    });
    view! {
        <tr data-list=l.number class:hand-set=hand>
            <td>{format!("{} {}", l.number, l.name)}</td>
            <td>{l.currency}</td>
            <td class="num nowrap">{price.unwrap_or_else(|| "–".into())}</td>
            <td>{l.source.map(|s| source_text(&s, lang))}
                {hand.then(|| view! { " " <span class="badge hand-set">"✎"</span> })}</td>
        </tr>
    }
}
