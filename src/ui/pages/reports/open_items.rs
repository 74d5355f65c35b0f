//! Open items list (Offene-Posten-Liste) at `/reports/open-items`: the
//! customers' or vendors' items open at the end of a day, filtered by
//! partner, overdue only or due before a date, with totals, CSV
//! (`formats::report_csv::open_items_csv`) and print; each partner links
//! to its statement. Items of one partner can be selected and cleared
//! against each other (a credit note against an invoice): fully, or by a
//! typed amount taken from every selected item; a refusal is the
//! engine's sentence (`domain_error`).

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::formats::amount::parse_amount;
use crate::formats::report_csv::open_items_csv;
use crate::ledger::Book;
use crate::ledger::open_items::{ItemId, OpenItemsCommand, OpenItemsEvent, PartDraft};
use crate::ledger::partners::PartnerKind;
use crate::ledger::report::OpenItemsFilter;
use crate::ledger::types::{PartnerCode, Timestamp};
use crate::ledger::{Command, Event};
use crate::texts;
use crate::ui::components::{
    AsOfBar, DateField, KindPicker, NoCompany, default_as_of, dialect, fmt_amount, fmt_date, lc_of,
    number_style, offer_csv, print_page, report_shortcuts, statement_href,
};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

texts! {
    pub enum T {
        Title => "Offene Posten", "Open items";
        Lead => "Rechnungen und Gutschriften, die am Stichtag offen waren; Posten eines Partners markieren und gegeneinander ausgleichen.", "Invoices and credit notes open at the end of the day; select items of one partner and clear them against each other.";
        AsOf => "Stichtag", "As of";
        Partner => "Partner", "Partner";
        PartnerHint => "Nummer", "Code";
        OverdueOnly => "nur überfällige", "overdue only";
        DueBefore => "fällig vor", "due before";
        ExportCsv => "CSV exportieren (Alt+E)", "Export CSV (Alt+E)";
        Print => "Drucken (Alt+P)", "Print (Alt+P)";
        Reference => "Referenz", "Reference";
        DocumentDate => "Belegdatum", "Document date";
        DueDate => "Fällig", "Due";
        DaysOverdue => "Tage überfällig", "Days overdue";
        Amount => "Betrag", "Amount";
        Open => "Offen", "Open";
        Fc => "Fremdwährung", "Foreign currency";
        Total => "Summe", "Total";
        OverdueTotal => "davon überfällig", "of which overdue";
        Empty => "Keine offenen Posten.", "No open items.";
        More => "Weitere Posten nicht gezeigt (die Summen enthalten sie).", "More items not shown (the totals include them).";
        CurrencyNote => "Beträge in", "Amounts in";
        Select => "Auswählen", "Select";
        ClearAmount => "Betrag je Posten (leer: ganz)", "Amount per item (empty: all)";
        Clear => "Ausgleichen", "Clear";
        Cleared => "Ausgeglichen als Ausgleich", "Cleared as clearing";
        OnePartner => "Bitte Posten nur eines Partners auswählen.", "Please select items of one partner only.";
        BadAmount => "Der Betrag ist ungültig.", "The amount is not valid.";
    }
}

/// One row as shown: owned, so the view outlives the borrow of the Book.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    item: ItemId,
    code: PartnerCode,
    name: String,
    reference: String,
    document_date: NaiveDate,
    due_date: NaiveDate,
    days_overdue: i64,
    amount: Decimal,
    open: Decimal,
    fc: Option<(String, Decimal, Decimal)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct View {
    lang: Lang,
    rows: Vec<Row>,
    open: Decimal,
    overdue: Decimal,
    truncated: bool,
    lc: String,
    decimals: u32,
    csv: String,
}

fn build(book: &Book, filter: &OpenItemsFilter, lang: Lang) -> View {
    let report = book.open_items_report(filter);
    let (lc, decimals) = lc_of(book);
    let rows = report
        .rows
        .iter()
        .map(|r| Row {
            item: r.item,
            code: r.partner.code,
            name: r.partner.name.clone(),
            reference: r.reference.to_string(),
            document_date: r.document_date,
            due_date: r.due_date,
            days_overdue: r.days_overdue,
            amount: r.amount_lc,
            open: r.open_lc,
            fc: r.fc.map(|(c, a, o)| (c.as_str().to_string(), a, o)),
        })
        .collect();
    View {
        lang,
        rows,
        open: report.open_lc,
        overdue: report.overdue_lc,
        truncated: report.truncated,
        csv: open_items_csv(&report, decimals, dialect(lang)),
        lc,
        decimals,
    }
}

/// The filter the toolbar sets.
#[derive(Clone, Copy)]
struct Filter {
    kind: RwSignal<PartnerKind>,
    as_of: RwSignal<Option<NaiveDate>>,
    partner: RwSignal<String>,
    overdue_only: RwSignal<bool>,
    due_before: RwSignal<Option<NaiveDate>>,
}

impl Filter {
    fn new() -> Filter {
        Filter {
            kind: RwSignal::new(PartnerKind::Customer),
            as_of: RwSignal::new(None),
            partner: RwSignal::new(String::new()),
            overdue_only: RwSignal::new(false),
            due_before: RwSignal::new(None),
        }
    }

    fn get(&self) -> Option<OpenItemsFilter> {
        let mut f = OpenItemsFilter::new(self.kind.get(), self.as_of.get()?);
        let text = self.partner.get();
        let code = text.split_whitespace().next().unwrap_or("");
        f.partner = PartnerCode::parse(code).ok();
        f.overdue_only = self.overdue_only.get();
        f.due_before = self.due_before.get();
        Some(f)
    }
}

/// What the clearing needs: the selected items and the typed amount.
#[derive(Clone, Copy)]
struct Selection {
    items: RwSignal<Vec<(ItemId, PartnerCode)>>,
    amount: RwSignal<String>,
    message: RwSignal<Option<(bool, String)>>,
}

#[component]
pub fn OpenItemsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let filter = Filter::new();
    Effect::new(move |_| {
        if filter.as_of.get().is_none()
            && let Some(d) = app.with_book(default_as_of)
        {
            filter.as_of.set(Some(d));
        }
    });
    let report = Memo::new(move |_| {
        let lang = i18n.lang();
        let f = filter.get()?;
        app.with_report_book(|b| build(b, &f, lang))
    });
    let selection = Selection {
        items: RwSignal::new(Vec::new()),
        amount: RwSignal::new(String::new()),
        message: RwSignal::new(None),
    };
    Effect::new(move |_| {
        filter.kind.track();
        selection.items.set(Vec::new());
    });
    let export = move || {
        if let Some(v) = report.get_untracked() {
            let name = match v.lang {
                Lang::De => "offene-posten.csv",
                Lang::En => "open-items.csv",
            };
            offer_csv(name, &v.csv);
        }
    };
    report_shortcuts(export);
    view! {
        <section class="page report-page open-items-page" data-page="open-items">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead no-print">{move || i18n.t(T::Lead)}</p>
                    <AsOfBar />
                    <Toolbar filter=filter export=Callback::new(move |()| export()) />
                    {move || report.get().map(|v| view! { <ItemsTable view=v filter=filter selection=selection /> })}
                    <Show when=move || !app.in_past()>
                        <ClearBar selection=selection as_of=filter.as_of />
                    </Show>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Toolbar(filter: Filter, export: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let partners = Memo::new(move |_| {
        let kind = filter.kind.get();
        app.with_book(|b| {
            b.partners()
                .partners()
                .filter(|p| p.kind == kind)
                .map(|p| format!("{} {}", p.code, p.name))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <div class="toolbar no-print">
            <KindPicker kind=filter.kind testid="oi-kind" />
            <DateField label=T::AsOf value=filter.as_of testid="oi-as-of" />
            <label class="field">
                <span>{move || i18n.t(T::Partner)}</span>
                <input type="search" list="oi-partners" data-testid="oi-partner"
                    placeholder=move || i18n.t(T::PartnerHint)
                    prop:value=move || filter.partner.get()
                    on:change=move |ev| filter.partner.set(event_target_value(&ev)) />
                <datalist id="oi-partners">
                    {move || partners.get().into_iter().map(|p| view! { <option value=p></option> }).collect_view()}
                </datalist>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="oi-overdue"
                    prop:checked=move || filter.overdue_only.get()
                    on:change=move |ev| filter.overdue_only.set(event_target_checked(&ev)) />
                <span>{move || i18n.t(T::OverdueOnly)}</span>
            </label>
            <DateField label=T::DueBefore value=filter.due_before testid="oi-due-before" />
            <div class="toolbar-actions">
                <button class="button" data-testid="export-csv" on:click=move |_| export.run(())>{move || i18n.t(T::ExportCsv)}</button>
                <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
            </div>
        </div>
    }
}

#[component]
fn ItemsTable(view: View, filter: Filter, selection: Selection) -> impl IntoView {
    let i18n = use_i18n();
    let (lang, d) = (view.lang, view.decimals);
    let any_fc = view.rows.iter().any(|r| r.fc.is_some());
    if view.rows.is_empty() {
        return view! { <p class="muted" data-testid="oi-empty">{i18n.t(T::Empty)}</p> }.into_any();
    }
    let as_of = filter.as_of.get_untracked();
    let caption = format!(
        "{} {} · {} {}",
        i18n.t(T::AsOf),
        as_of.map(|a| fmt_date(a, lang)).unwrap_or_default(),
        i18n.t(T::CurrencyNote),
        view.lc
    );
    let rows = view
        .rows
        .into_iter()
        .map(|r| item_row(r, lang, d, any_fc, as_of, selection))
        .collect_view();
    let span = if any_fc { 8 } else { 7 };
    view! {
        <p class="report-caption">{caption}</p>
        <div class="table-wrap">
            <table class="data report open-items" data-testid="open-items">
                <thead><tr>
                    <th class="no-print">{i18n.t(T::Select)}</th>
                    <th>{i18n.t(T::Partner)}</th>
                    <th>{i18n.t(T::Reference)}</th>
                    <th class="date">{i18n.t(T::DocumentDate)}</th>
                    <th class="date">{i18n.t(T::DueDate)}</th>
                    <th class="num">{i18n.t(T::DaysOverdue)}</th>
                    <th class="num">{i18n.t(T::Amount)}</th>
                    <th class="num">{i18n.t(T::Open)}</th>
                    {any_fc.then(|| view! { <th class="num">{i18n.t(T::Fc)}</th> })}
                </tr></thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr class="total" data-testid="oi-total">
                        <td colspan=span>{i18n.t(T::Total)}</td>
                        <td class="num" data-testid="oi-total-open">{fmt_amount(view.open, d, lang)}</td>
                        {any_fc.then(|| view! { <td></td> })}
                    </tr>
                    <tr class="subtotal" data-testid="oi-overdue-total">
                        <td colspan=span>{i18n.t(T::OverdueTotal)}</td>
                        <td class="num">{fmt_amount(view.overdue, d, lang)}</td>
                        {any_fc.then(|| view! { <td></td> })}
                    </tr>
                </tfoot>
            </table>
        </div>
        {view.truncated.then(|| view! { <p class="muted small">{i18n.t(T::More)}</p> })}
    }
    .into_any()
}

fn item_row(
    r: Row,
    lang: Lang,
    d: u32,
    any_fc: bool,
    as_of: Option<NaiveDate>,
    selection: Selection,
) -> impl IntoView {
    let (item, code) = (r.item, r.code);
    let checked = move || selection.items.get().iter().any(|(i, _)| *i == item);
    let toggle = move |on: bool| {
        selection.items.update(|s| {
            s.retain(|(i, _)| *i != item);
            if on {
                s.push((item, code));
            }
        })
    };
    let fc = r.fc.map(|(c, a, o)| {
        format!(
            "{} {} / {}",
            c,
            fmt_amount(a, d, lang),
            fmt_amount(o, d, lang)
        )
    });
    let statement = statement_href(code, as_of.map(|a| (year_start(a), a)));
    let overdue = r.days_overdue > 0;
    let app = use_app();
    let reference = r.reference.clone();
    view! {
        <tr data-testid="oi-row" data-partner=code.to_string() data-reference=reference
            class:overdue=overdue>
            <td class="no-print">
                <input type="checkbox" data-testid="oi-select" prop:checked=checked
                    disabled=move || app.in_past()
                    on:change=move |ev| toggle(event_target_checked(&ev)) />
            </td>
            <td><A href=statement attr:data-testid="oi-statement-link"><span class="account-no">{code.to_string()}</span>" "{r.name}</A></td>
            <td>{r.reference}</td>
            <td class="date">{fmt_date(r.document_date, lang)}</td>
            <td class="date">{fmt_date(r.due_date, lang)}</td>
            <td class="num" data-testid="oi-days">{r.days_overdue.max(0).to_string()}</td>
            <td class="num" data-testid="oi-amount">{fmt_amount(r.amount, d, lang)}</td>
            <td class="num" data-testid="oi-open">{fmt_amount(r.open, d, lang)}</td>
            {any_fc.then(|| view! { <td class="num">{fc}</td> })}
        </tr>
    }
}

/// January 1 of `date`'s year: the statement a row links to runs from
/// there to the report's day.
fn year_start(date: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date)
}

/// The selection's partner, the typed amount and the Clear button.
#[component]
fn ClearBar(selection: Selection, as_of: RwSignal<Option<NaiveDate>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let clear = Action::new_local(move |_: &()| {
        clear_selected(app, selection, as_of, i18n.lang_untracked())
    });
    let pending = clear.pending();
    view! {
        <div class="toolbar clear-bar no-print">
            <label class="field">
                <span>{move || i18n.t(T::ClearAmount)}</span>
                <input type="text" inputmode="decimal" data-testid="oi-clear-amount"
                    prop:value=move || selection.amount.get()
                    on:input=move |ev| selection.amount.set(event_target_value(&ev)) />
            </label>
            <button class="button primary" data-testid="oi-clear"
                disabled=move || selection.items.get().len() < 2 || pending.get()
                on:click=move |_| { clear.dispatch(()); }>{move || i18n.t(T::Clear)}</button>
        </div>
        {move || selection.message.get().map(|(ok, text)| view! {
            <div class=if ok { "success-box" } else { "error-box" } role=if ok { "status" } else { "alert" }
                data-testid=if ok { "oi-cleared" } else { "error" }>{text}</div>
        })}
    }
}

/// Clears the selected items (one partner's) on the report's day: each
/// fully, or each by the typed amount.
async fn clear_selected(
    app: AppState,
    s: Selection,
    as_of: RwSignal<Option<NaiveDate>>,
    lang: Lang,
) {
    s.message.set(None);
    // A report showing the past never writes (the bar is hidden then).
    if app.in_past() {
        return;
    }
    let items = s.items.get_untracked();
    let Some(&(_, partner)) = items.first() else {
        return;
    };
    if items.iter().any(|(_, p)| *p != partner) {
        s.message
            .set(Some((false, T::OnePartner.text(lang).to_string())));
        return;
    }
    let decimals = untrack(|| app.with_book(|b| lc_of(b).1)).unwrap_or(2);
    let amount = match s.amount.get_untracked().trim() {
        "" => None,
        text => match parse_amount(text, number_style(lang), decimals) {
            Ok(a) => Some(a),
            Err(_) => {
                s.message
                    .set(Some((false, T::BadAmount.text(lang).to_string())));
                return;
            }
        },
    };
    let Some(date) = as_of.get_untracked() else {
        return;
    };
    // Whole seconds of the browser's clock (milliseconds since 1970).
    let now = (js_sys::Date::now() / 1000.0).floor() as i64;
    let Some(at) = Timestamp::from_unix_seconds(now) else {
        return;
    };
    let parts = items
        .iter()
        .map(|(item, _)| PartDraft {
            item: *item,
            amount_lc: amount,
        })
        .collect();
    let cmd = Command::from(OpenItemsCommand::ClearItems {
        partner,
        date,
        parts,
        by: "kontor".into(),
        at,
    });
    match app.execute(cmd).await {
        Ok(events) => {
            let number = events.iter().find_map(|e| match e {
                Event::OpenItems(OpenItemsEvent::ItemsCleared { clearing }) => {
                    Some(clearing.number)
                }
                _ => None,
            });
            s.items.set(Vec::new());
            s.amount.set(String::new());
            let text = format!("{} {}", T::Cleared.text(lang), number.unwrap_or_default());
            s.message.set(Some((true, text)));
        }
        Err(e) => s.message.set(Some((false, session_error(&e, lang)))),
    }
}
