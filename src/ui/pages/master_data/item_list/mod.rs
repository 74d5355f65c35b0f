//! Artikel (items) at `/master-data/items`: the item list with a filter
//! on code, description and group (contains, any case), "inactive too",
//! a page of rows at a time (`Pager`), ↑/↓ between rows, Enter opens, Alt+A
//! a new item; links to the CSV import and the item groups.
//!
//! Why an index: a company may keep 50,000 items and the filter must
//! answer within a keystroke. The rows and their lowercase search keys
//! are built once per Book change (`index`), a keystroke only scans the
//! keys, and the DOM holds one page of rows, never the whole list.

mod index;
mod table;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::texts;
use crate::ui::components::{NoCompany, Pager, focus};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

use index::{Index, PAGE};

texts! {
    pub enum T {
        Title => "Artikel", "Items";
        Lead => "Artikelstamm: Tippen filtert nach Nummer, Bezeichnung oder Gruppe, ↓ springt in die Liste, ↑/↓ wählt, Enter öffnet, Alt+A legt einen neuen Artikel an.", "Item master: typing filters by code, description or group, ↓ moves into the list, ↑/↓ selects, Enter opens, Alt+A creates a new item.";
        Search => "Filter (Nummer, Bezeichnung, Gruppe)", "Filter (code, description, group)";
        Inactive => "Auch inaktive", "Inactive too";
        New => "Neuer Artikel (Alt+A)", "New item (Alt+A)";
        Import => "Import aus CSV", "Import from CSV";
        Groups => "Artikelgruppen", "Item groups";
        Code => "Nummer", "Code";
        Description => "Bezeichnung", "Description";
        Group => "Gruppe", "Group";
        Unit => "Einheit", "Unit";
        Price => "Standardpreis", "Default price";
        Active => "Aktiv", "Active";
        Yes => "ja", "yes";
        No => "nein", "no";
        NoItems => "Noch keine Artikel. Legen Sie einen an (Alt+A) oder importieren Sie eine CSV-Datei.", "No items yet. Create one (Alt+A) or import a CSV file.";
        NoMatches => "Kein Artikel passt zum Filter.", "No item matches the filter.";
        Count => "Artikel", "items";
        Of => "von", "of";
    }
}

#[component]
pub fn ItemListPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page master-page items-page" data-page="items">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <ListBody /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

/// Alt+A opens a new item while the list is shown.
fn new_item_shortcut(go: impl Fn(String) + 'static) {
    let shortcut = window_event_listener(ev::keydown, move |e| {
        if e.alt_key() && !e.ctrl_key() && !e.meta_key() && e.key().eq_ignore_ascii_case("a") {
            e.prevent_default();
            go("/master-data/items/new".into());
        }
    });
    on_cleanup(move || shortcut.remove());
}

#[component]
fn ListBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let search = RwSignal::new(String::new());
    let inactive = RwSignal::new(false);
    let page = RwSignal::new(0usize);
    let index = Memo::new(move |_| Index::build(app));
    let hits = Memo::new(move |_| index.with(|ix| ix.filter(&search.get(), inactive.get())));
    // A new filter starts on its first page.
    Effect::new(move |_| {
        search.track();
        inactive.track();
        page.set(0);
    });
    let navigate = StoredValue::new_local(use_navigate());
    let go = move |path: String| navigate.with_value(|n| n(&path, Default::default()));
    new_item_shortcut(go);
    let search_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = search_ref.get() {
            focus(&input);
        }
    });
    let on_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            let first = hits.with_untracked(|h| h.first().copied());
            if let Some(code) = first.and_then(|i| index.with_untracked(|ix| ix.code(i))) {
                go(format!("/master-data/items/{code}"));
            }
        }
        "ArrowDown" => {
            ev.prevent_default();
            table::focus_first_row();
        }
        _ => {}
    };
    view! {
        <div class="toolbar">
            <label class="field search-field">
                <span>{move || i18n.t(T::Search)}</span>
                <input type="search" data-testid="item-search" node_ref=search_ref autocomplete="off"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                    on:keydown=on_key />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="item-inactive" prop:checked=move || inactive.get()
                    on:change=move |ev| inactive.set(event_target_checked(&ev)) />
                {move || i18n.t(T::Inactive)}
            </label>
            <div class="toolbar-actions">
                <A href="/master-data/item-groups" attr:class="button small" attr:data-testid="item-groups-link">{move || i18n.t(T::Groups)}</A>
                <A href="/master-data/items/import" attr:class="button small" attr:data-testid="item-import-link">{move || i18n.t(T::Import)}</A>
                <A href="/master-data/items/new" attr:class="button primary" attr:data-testid="item-new">{move || i18n.t(T::New)}</A>
            </div>
        </div>
        <p class="muted small" data-testid="item-count">{move || {
            let total = index.with(|ix| ix.len());
            format!("{} {} {total} {}", hits.with(|h| h.len()), i18n.t(T::Of), i18n.t(T::Count))
        }}</p>
        {move || {
            let count = hits.with(|h| h.len());
            let pages = count.div_ceil(PAGE).max(1);
            view! {
                <table::ItemTable index=index hits=hits page=page />
                <Pager page=page pages=pages count=count unit=Signal::derive(move || i18n.t(T::Count)) />
            }
        }}
    }
}
