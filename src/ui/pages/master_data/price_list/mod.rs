//! One price list's prices at `/master-data/price-lists/:number`: per
//! active item its price as of a date (default today) and where it comes
//! from (own, derived, SET BY HAND on a derived list, item default), from
//! the engine's `Items::list_price_of`. Built for 50,000 items: the filter
//! runs over a prepared lower-case haystack and only the shown page (50
//! rows) asks the lookup. A price typed in its row and Enter sets it by
//! hand from the as-of date (`SetPrices`, one entry); "reset to derived"
//! removes a hand-set price from that date. The mass update (`raise`)
//! previews and applies a percentage.

mod raise;
mod table;
mod texts;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::ledger::items::PriceList;
use crate::ui::components::{DateField, NoCompany, basis_words, focus, today};
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;

use texts::T;

/// Rows shown at once.
pub const PAGE: usize = 50;

#[component]
pub fn PriceListPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let number = Memo::new(move |_| {
        params
            .get()
            .get("number")
            .and_then(|n| n.parse::<u32>().ok())
    });
    let list = Memo::new(move |_| {
        let n = number.get()?;
        app.with_book(|b| b.items().list(n).cloned()).flatten()
    });
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page prices-page" data-page="price-list">
            <a href="/master-data/price-lists" class="back-link">{move || i18n.t(T::Back)}</a>
            {move || match (open.get(), list.get()) {
                (false, _) => view! { <NoCompany /> }.into_any(),
                (true, None) => view! { <h1>{move || i18n.t(T::Title)}</h1><p class="muted">{move || i18n.t(T::Unknown)}</p> }.into_any(),
                (true, Some(l)) => view! { <Body list=l /> }.into_any(),
            }}
        </section>
    }
}

/// The active items once per change of the Book: code, descriptions, and
/// a lower-case haystack the filter searches.
#[derive(Clone, PartialEq)]
pub struct Entry {
    pub code: String,
    pub de: String,
    pub en: String,
    hay: String,
}

impl Entry {
    pub fn description(&self, lang: Lang) -> &str {
        if lang == Lang::De { &self.de } else { &self.en }
    }
}

#[component]
fn Body(list: PriceList) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let catalog = Memo::new(move |_| {
        app.with_book(|b| {
            b.items()
                .items()
                .filter(|r| r.item.active)
                .map(|r| {
                    let i = &r.item;
                    let hay = format!(
                        "{}\u{1}{}\u{1}{}",
                        i.code, i.description_de, i.description_en
                    )
                    .to_lowercase();
                    Entry {
                        code: i.code.clone(),
                        de: i.description_de.clone(),
                        en: i.description_en.clone(),
                        hay,
                    }
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let matching = Memo::new(move |_| {
        let needle = search.get().trim().to_lowercase();
        catalog.with(|c| {
            c.iter()
                .enumerate()
                .filter(|(_, e)| needle.is_empty() || e.hay.contains(&needle))
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        })
    });
    // A new filter starts on the first page.
    Effect::new(move |_| {
        search.track();
        page.set(0);
    });
    let as_of = RwSignal::new(Some(today()));
    let basis = {
        let b = list.basis.clone();
        move || {
            app.with_book(|book| basis_words(book.items(), &b, i18n.lang()))
                .unwrap_or_default()
        }
    };
    let search_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = search_ref.get() {
            focus(&input);
        }
    });
    let (name, number, currency) = (list.name.clone(), list.number, list.currency);
    view! {
        <h1>{move || format!("{} {number} {name}", i18n.t(T::Title))}</h1>
        <p class="lead">{move || i18n.t(T::Lead)}</p>
        <dl class="facts list-facts">
            <div><dt>{move || i18n.t(T::Basis)}</dt><dd data-testid="list-basis-words">{basis}</dd></div>
            <div><dt>{move || i18n.t(T::Currency)}</dt><dd>{currency.to_string()}</dd></div>
        </dl>
        <div class="toolbar">
            <label class="field search-field">
                <span>{move || i18n.t(T::Search)}</span>
                <input type="search" data-testid="price-search" node_ref=search_ref autocomplete="off"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev)) />
            </label>
            <DateField label=T::AsOf value=as_of testid="price-as-of" />
        </div>
        <table::PriceTable list=list.clone() catalog=catalog matching=matching page=page as_of=as_of />
        <raise::Raise list=list as_of=as_of />
    }
}

/// The as-of date, or today while the field holds no date.
pub fn day(as_of: RwSignal<Option<NaiveDate>>) -> NaiveDate {
    as_of.get().unwrap_or_else(today)
}
