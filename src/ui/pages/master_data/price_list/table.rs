//! The page of prices shown: one row per item with its price as of the
//! date, the source (hand-set marked), an inline price field (Enter sets
//! the price by hand from the as-of date, ↑/↓ move between rows) and, on
//! a hand-set price of a derived list, "reset to derived".

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;

use super::texts::T;
use super::{Entry, PAGE, day};
use crate::ledger::Command;
use crate::ledger::items::{ItemsCommand, ListBasis, ListSource, PriceEntry, PriceList};
use crate::ui::components::{ErrorBox, Pager, Said, fmt_price, focus, parse_price};
use crate::ui::errors::price_error;
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

/// One shown row: the item and its price as found (or why none).
#[derive(Clone, PartialEq)]
struct Row {
    entry: Entry,
    price: Result<(Decimal, ListSource), String>,
}

fn source_text(s: &ListSource) -> T {
    match s {
        ListSource::Own => T::Own,
        ListSource::HandSet => T::HandSet,
        ListSource::Derived { .. } => T::Derived,
        ListSource::ItemDefault => T::ItemDefault,
    }
}

/// Moves the focus to the price field of the row above or below.
fn step(ev: &web_sys::KeyboardEvent, down: bool) {
    let row = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("tr").ok().flatten());
    let next = row.and_then(|r| {
        if down {
            r.next_element_sibling()
        } else {
            r.previous_element_sibling()
        }
    });
    let input = next
        .and_then(|r| r.query_selector("input").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = input {
        focus(&input);
    }
}

#[component]
pub fn PriceTable(
    list: PriceList,
    catalog: Memo<Vec<Entry>>,
    matching: Memo<Vec<usize>>,
    page: RwSignal<usize>,
    as_of: RwSignal<Option<NaiveDate>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (number, currency) = (list.number, list.currency);
    let derived = matches!(list.basis, ListBasis::Derived { .. });
    let rows = Memo::new(move |_| {
        let (date, lang, p) = (day(as_of), i18n.lang(), page.get());
        let shown: Vec<Entry> = matching.with(|m| {
            catalog.with(|c| {
                m.iter()
                    .skip(p * PAGE)
                    .take(PAGE)
                    .map(|i| c[*i].clone())
                    .collect()
            })
        });
        app.with_book(|b| {
            shown
                .into_iter()
                .map(|entry| {
                    let price = b
                        .items()
                        .list_price_of(b.item_refs(), number, &entry.code, currency, date)
                        .map(|l| (l.price, l.source))
                        .map_err(|e| price_error(&e, lang));
                    Row { entry, price }
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let out = RwSignal::new(None::<Result<Said<T>, Said<T>>>);
    let set = Action::new_local(move |(item, price): &(String, Option<Decimal>)| {
        let (item, price) = (item.clone(), *price);
        async move {
            let from = Some(
                as_of
                    .get_untracked()
                    .unwrap_or_else(crate::ui::components::today),
            );
            let entry = PriceEntry {
                list: number,
                item: item.clone(),
                currency,
                from,
                price,
            };
            let cmd = Command::Items(ItemsCommand::SetPrices {
                prices: vec![entry],
            });
            let done = if price.is_some() {
                T::PriceSet
            } else {
                T::PriceReset
            };
            out.set(Some(match app.execute(cmd).await {
                Ok(_) => Ok(Said::Done(done, item)),
                Err(e) => Err(Said::Session(e)),
            }));
        }
    });
    let save_typed = move |item: String, text: String| {
        let lang = i18n.lang_untracked();
        match parse_price(&text, lang) {
            Some(p) => {
                set.dispatch((item, Some(p)));
            }
            None => out.set(Some(Err(Said::Typed(
                format!("{item}: {text}"),
                T::BadPrice,
            )))),
        }
    };
    let row = move |r: Row| {
        let lang = i18n.lang();
        let code = r.entry.code.clone();
        let (text, source) = match &r.price {
            Ok((p, s)) => (fmt_price(*p, currency, lang), Some(s.clone())),
            Err(_) => (String::new(), None),
        };
        let hand_set = source == Some(ListSource::HandSet);
        let typed = RwSignal::new(text);
        let on_key = {
            let code = code.clone();
            move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                "Enter" => {
                    ev.prevent_default();
                    save_typed(code.clone(), typed.get_untracked());
                }
                "ArrowDown" => {
                    ev.prevent_default();
                    step(&ev, true)
                }
                "ArrowUp" => {
                    ev.prevent_default();
                    step(&ev, false)
                }
                _ => {}
            }
        };
        let source_cell = match (&r.price, &source) {
            (Err(m), _) => view! { <span class="muted">{m.clone()}</span> }.into_any(),
            (Ok(_), Some(s)) => view! {
                <span class="source" class:hand-set=hand_set data-testid=format!("source-{code}")>{source_text(s).text(lang)}</span>
            }.into_any(),
            _ => ().into_any(),
        };
        let reset_code = code.clone();
        view! {
            <tr data-item=code.clone() class:hand-set=hand_set>
                <td><span class="code">{code.clone()}</span></td>
                <td>{r.entry.description(lang).to_string()}</td>
                <td class="num"><input class="num price-input" inputmode="decimal" autocomplete="off"
                    data-testid=format!("price-{code}") prop:value=typed
                    on:input=move |ev| typed.set(event_target_value(&ev)) on:keydown=on_key /></td>
                <td>{source_cell}</td>
                <td>{(derived && hand_set).then(|| view! {
                    <button type="button" class="button small" tabindex="-1" data-testid=format!("reset-{reset_code}")
                        on:click=move |_| { set.dispatch((reset_code.clone(), None)); }>{T::Reset.text(lang)}</button>
                })}</td>
            </tr>
        }
    };
    let error = Signal::derive(move || out.get().and_then(|r| r.err()).map(|m| m.say(i18n.lang())));
    let count = move || matching.with(|m| m.len());
    view! {
        <ErrorBox message=error />
        <Show when=move || matches!(out.get(), Some(Ok(_)))>
            <div class="success-box" role="status" data-testid="price-notice">{move || out.get().and_then(|r| r.ok()).map(|m| m.say(i18n.lang()))}</div>
        </Show>
        <p class="muted small" data-testid="price-count">{move || format!("{} {}", count(), i18n.t(T::Items))}</p>
        <Show when=move || { count() > 0 }
            fallback=move || view! { <p class="muted">{move || i18n.t(T::NoMatches)}</p> }>
            <div class="table-wrap">
                <table class="data list-prices" data-testid="list-prices">
                    <thead><tr>
                        <th>{move || i18n.t(T::Code)}</th>
                        <th>{move || i18n.t(T::Description)}</th>
                        <th class="num">{move || format!("{} {currency}", i18n.t(T::Price))}</th>
                        <th>{move || i18n.t(T::Source)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || rows.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
            {move || {
                let n = count();
                view! { <Pager page=page pages=n.div_ceil(PAGE) count=n unit=Signal::derive(move || i18n.t(T::Items)) /> }
            }}
        </Show>
    }
}
