//! One page of the item list as a table; each row takes the focus
//! (↑/↓ move, Enter opens, ↑ on the first row goes back to the filter).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use super::T;
use super::index::{Index, PAGE, Row};
use crate::ui::components::{fmt_amount, focus, row_keys, sibling_row};
use crate::ui::i18n::{Lang, Text, use_i18n};

/// Focuses the list's first row (↓ in the filter box).
pub fn focus_first_row() {
    focus_selector("[data-testid=\"item-list\"] tbody tr");
}

fn focus_selector(selector: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        focus(&el);
    }
}

/// A price with the company's decimals, or more when it has more (a
/// unit price may carry four).
fn price_text(price: Decimal, decimals: u32, lang: Lang) -> String {
    let scale = price.normalize().scale().max(decimals);
    fmt_amount(price, scale, lang)
}

/// The description in the UI language, else the other one.
fn description(row: &Row, lang: Lang) -> String {
    let (own, other) = match lang {
        Lang::De => (&row.description_de, &row.description_en),
        Lang::En => (&row.description_en, &row.description_de),
    };
    if own.is_empty() { other } else { own }.clone()
}

#[component]
pub fn ItemTable(
    index: Memo<Index>,
    hits: Memo<Vec<usize>>,
    page: RwSignal<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = StoredValue::new_local(use_navigate());
    let open = move |code: &str| {
        let path = format!("/master-data/items/{code}");
        navigate.with_value(|go| go(&path, Default::default()))
    };
    let rows = move || {
        let lang = i18n.lang();
        let start = page.get() * PAGE;
        let ix = index.get();
        hits.with(|h| {
            h.iter()
                .skip(start)
                .take(PAGE)
                .filter_map(|&i| ix.row(i).cloned())
                .map(|r| row_view(r, ix.decimals, lang, open))
                .collect_view()
        })
    };
    view! {
        <Show when=move || !hits.with(Vec::is_empty)
            fallback=move || view! { <p class="muted" data-testid="item-empty">{move || {
                if index.with(Index::len) == 0 { i18n.t(T::NoItems) } else { i18n.t(T::NoMatches) }
            }}</p> }>
            <div class="table-wrap">
                <table class="data item-list" data-testid="item-list">
                    <thead><tr>
                        <th>{move || i18n.t(T::Code)}</th>
                        <th>{move || i18n.t(T::Description)}</th>
                        <th>{move || i18n.t(T::Group)}</th>
                        <th>{move || i18n.t(T::Unit)}</th>
                        <th class="num">{move || i18n.t(T::Price)}</th>
                        <th>{move || i18n.t(T::Active)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
    }
}

fn row_view(
    r: Row,
    decimals: u32,
    lang: Lang,
    open: impl Fn(&str) + Copy + 'static,
) -> impl IntoView {
    let code = r.code.clone();
    let on_key = {
        let code = code.clone();
        row_keys(move |ev, row| match ev.key().as_str() {
            "Enter" => {
                open(&code);
                true
            }
            // ↑ on the first row goes back to the filter.
            "ArrowUp" if sibling_row(row, false).is_none() => {
                focus_selector("[data-testid=\"item-search\"]");
                true
            }
            _ => false,
        })
    };
    let href = format!("/master-data/items/{code}");
    let active = if r.active { T::Yes } else { T::No };
    view! {
        <tr tabindex="0" data-code=code.clone() class:inactive=!r.active on:keydown=on_key>
            <td><a href=href class="code" tabindex="-1">{code.clone()}</a></td>
            <td>{description(&r, lang)}</td>
            <td>{r.group.clone()}</td>
            <td>{r.unit}</td>
            <td class="num nowrap">{price_text(r.price, decimals, lang)}</td>
            <td>{active.text(lang)}</td>
        </tr>
    }
}
