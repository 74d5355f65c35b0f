//! Geschäftspartner (business partners) at `/master-data/partners`: the
//! partner list from `Book::partner_list` (balance, open and overdue
//! amounts, credit used as a bar), type-to-search by code or name,
//! filters by kind and active, Enter opens the first match, Alt+A a new
//! partner; and the CSV import (`import`).

mod import;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::ledger::partners::PartnerKind;
use crate::ledger::report::PartnerListFilter;
use crate::texts;
use crate::ui::components::{NoCompany, fmt_amount, focus, today};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

texts! {
    pub enum T {
        Title => "Geschäftspartner", "Business partners";
        Lead => "Kunden und Lieferanten. Tippen sucht nach Nummer oder Name, Enter öffnet den ersten Treffer, Alt+A legt einen neuen Partner an. Beträge in Hauswährung, Soll positiv.", "Customers and vendors. Typing searches by code or name, Enter opens the first match, Alt+A creates a new partner. Amounts in local currency, debit positive.";
        Search => "Suche nach Nummer oder Name", "Search by code or name";
        Show => "Anzeigen", "Show";
        All => "Alle", "All";
        Customers => "Kunden", "Customers";
        Vendors => "Lieferanten", "Vendors";
        ActiveOnly => "Nur aktive", "Active only";
        New => "Neuer Partner (Alt+A)", "New partner (Alt+A)";
        Terms => "Zahlungsbedingungen", "Payment terms";
        Code => "Nummer", "Code";
        Name => "Name", "Name";
        Kind => "Art", "Kind";
        Customer => "Kunde", "Customer";
        Vendor => "Lieferant", "Vendor";
        Town => "Ort", "Town";
        Balance => "Saldo", "Balance";
        Open => "Offen", "Open";
        Overdue => "Überfällig", "Overdue";
        CreditUsed => "Kreditlimit genutzt", "Credit used";
        Inactive => "inaktiv", "inactive";
        NoMatches => "Kein Geschäftspartner passt.", "No business partner matches.";
        Count => "Geschäftspartner", "business partners";
    }
}

/// Which partners the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Filter {
    kind: Option<PartnerKind>,
    active_only: bool,
}

/// One row as shown (owned, so the view need not borrow the Book).
#[derive(Clone, Debug, PartialEq)]
struct Row {
    code: String,
    name: String,
    kind: PartnerKind,
    town: String,
    active: bool,
    balance: Decimal,
    open: Decimal,
    overdue: Decimal,
    credit_used: Option<Decimal>,
}

fn load(app: AppState, search: &str, filter: Filter) -> Option<(Vec<Row>, u32)> {
    app.with_book(|book| {
        let query = PartnerListFilter {
            kind: filter.kind,
            as_of: today(),
            search: search.to_string(),
            active_only: filter.active_only,
        };
        let rows = book
            .partner_list(&query)
            .into_iter()
            .map(|r| Row {
                code: r.partner.code.to_string(),
                name: r.partner.name.clone(),
                kind: r.partner.kind,
                town: r.partner.address.town.clone(),
                active: r.partner.active,
                balance: r.balance_lc,
                open: r.open_lc,
                overdue: r.overdue_lc,
                credit_used: r.credit_used,
            })
            .collect();
        (rows, book.settings().lc_decimals())
    })
}

#[component]
pub fn PartnerListPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page master-page" data-page="partners">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <ListBody /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

#[component]
fn ListBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let search = RwSignal::new(String::new());
    let filter = RwSignal::new(Filter {
        kind: None,
        active_only: false,
    });
    let data = Memo::new(move |_| load(app, &search.get(), filter.get()).unwrap_or_default());
    let navigate = StoredValue::new_local(use_navigate());
    let go = move |path: String| navigate.with_value(|n| n(&path, Default::default()));
    let shortcut = window_event_listener(ev::keydown, move |e| {
        if e.alt_key() && !e.ctrl_key() && !e.meta_key() && e.key().eq_ignore_ascii_case("a") {
            e.prevent_default();
            go("/master-data/partners/new".into());
        }
    });
    on_cleanup(move || shortcut.remove());
    let open_first = move || {
        if let Some(row) = data.get_untracked().0.first() {
            go(format!("/master-data/partners/{}", row.code));
        }
    };
    let search_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = search_ref.get() {
            focus(&input);
        }
    });
    view! {
        <div class="toolbar">
            <label class="field search-field">
                <span>{move || i18n.t(T::Search)}</span>
                <input type="search" data-testid="partner-search" node_ref=search_ref autocomplete="off"
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); open_first() } />
            </label>
            <FilterFields filter=filter />
            <div class="toolbar-actions">
                <A href="/master-data/payment-terms" attr:class="button small">{move || i18n.t(T::Terms)}</A>
                <A href="/master-data/partners/new" attr:class="button primary" attr:data-testid="partner-new">{move || i18n.t(T::New)}</A>
            </div>
        </div>
        <p class="muted small" data-testid="partner-count">{move || format!("{} {}", data.get().0.len(), i18n.t(T::Count))}</p>
        {move || {
            let (rows, decimals) = data.get();
            partner_table(rows, decimals, i18n.lang())
        }}
        <import::PartnerImport />
    }
}

#[component]
fn FilterFields(filter: RwSignal<Filter>) -> impl IntoView {
    let i18n = use_i18n();
    let kind_value = move || match filter.get().kind {
        None => "all",
        Some(PartnerKind::Customer) => "customers",
        Some(PartnerKind::Vendor) => "vendors",
    };
    view! {
        <label class="field">
            <span>{move || i18n.t(T::Show)}</span>
            <select data-testid="partner-filter-kind" prop:value=kind_value on:change=move |ev| {
                let kind = match event_target_value(&ev).as_str() {
                    "customers" => Some(PartnerKind::Customer),
                    "vendors" => Some(PartnerKind::Vendor),
                    _ => None,
                };
                filter.update(|f| f.kind = kind);
            }>
                <option value="all">{move || i18n.t(T::All)}</option>
                <option value="customers">{move || i18n.t(T::Customers)}</option>
                <option value="vendors">{move || i18n.t(T::Vendors)}</option>
            </select>
        </label>
        <label class="check">
            <input type="checkbox" data-testid="partner-filter-active" prop:checked=move || filter.get().active_only
                on:change=move |ev| filter.update(|f| f.active_only = event_target_checked(&ev)) />
            {move || i18n.t(T::ActiveOnly)}
        </label>
    }
}

/// The credit used as a bar (capped at 100 % wide, red over the limit).
fn credit_bar(used: Option<Decimal>) -> AnyView {
    let Some(u) = used else {
        return ().into_any();
    };
    let pct = (u * Decimal::ONE_HUNDRED).round().to_i64().unwrap_or(0);
    let width = pct.clamp(0, 100);
    view! {
        <span class="credit-bar" class:over={pct > 100} title=format!("{pct} %")>
            <span class="credit-fill" style=format!("width:{width}%")></span>
        </span>
        <span class="credit-pct">{format!("{pct} %")}</span>
    }
    .into_any()
}

fn partner_table(rows: Vec<Row>, decimals: u32, lang: Lang) -> AnyView {
    if rows.is_empty() {
        return view! { <p class="muted">{T::NoMatches.text(lang)}</p> }.into_any();
    }
    let amount = move |d: Decimal| fmt_amount(d, decimals, lang);
    view! {
        <div class="table-wrap">
            <table class="data partner-list" data-testid="partner-list">
                <thead><tr>
                    <th>{T::Code.text(lang)}</th>
                    <th>{T::Name.text(lang)}</th>
                    <th>{T::Kind.text(lang)}</th>
                    <th>{T::Town.text(lang)}</th>
                    <th class="num">{T::Balance.text(lang)}</th>
                    <th class="num">{T::Open.text(lang)}</th>
                    <th class="num">{T::Overdue.text(lang)}</th>
                    <th>{T::CreditUsed.text(lang)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let href = format!("/master-data/partners/{}", r.code);
                        let code = r.code.clone();
                        let kind = if r.kind == PartnerKind::Customer { T::Customer } else { T::Vendor };
                        view! {
                            <tr data-code=code class:inactive=!r.active>
                                <td><A href=href.clone() attr:class="code">{r.code.clone()}</A></td>
                                <td><A href=href>{r.name}</A>
                                    {(!r.active).then(|| view! { " " <span class="badge inactive">{T::Inactive.text(lang)}</span> })}</td>
                                <td>{kind.text(lang)}</td>
                                <td>{r.town}</td>
                                <td class="num">{amount(r.balance)}</td>
                                <td class="num">{amount(r.open)}</td>
                                <td class="num" class:overdue=!r.overdue.is_zero()>{amount(r.overdue)}</td>
                                <td class="nowrap">{credit_bar(r.credit_used)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
