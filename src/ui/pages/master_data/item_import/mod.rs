//! Artikel-Import at `/master-data/items/import`: pick a CSV file, see
//! which column of the file fills which field (recognised by German or
//! English headers, changeable per column), every bad row with its line
//! and reason (the reader's and the engine's checks, all at once), and a
//! preview of the items; only a file without a bad row can be imported,
//! as one `ImportItems` command: all items or none.

mod mapping;
mod preview;

use leptos::prelude::*;

use crate::formats::items_csv::{
    ColumnMap, ParsedItems, RowError, RowReason, check_against, parse_items,
};
use crate::ledger::DomainError;
use crate::ledger::items::ItemsError;
use crate::session::SessionError;
use crate::texts;
use crate::ui::components::use_change_right;
use crate::ui::components::{ErrorBox, NoCompany, now, user};
use crate::ui::errors::{item_row_error, session_error};
use crate::ui::i18n::{I18n, Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

texts! {
    pub enum T {
        Title => "Artikel-Import aus CSV", "Item import from CSV";
        Back => "← Artikel", "← Items";
        Lead => "Spalten werden an deutschen oder englischen Überschriften erkannt (z. B. Artikelnummer, Bezeichnung, Gruppe, Einheit, Preis, Verkauf, Einkauf, Erlöskonto); die Zuordnung lässt sich je Spalte ändern. Enthält eine Zeile einen Fehler, wird nichts importiert.", "Columns are recognised by German or English headers (e.g. item code, description, group, unit, price, sales, purchase, revenue account); the mapping can be changed per column. If any row is wrong, nothing is imported.";
        File => "CSV-Datei", "CSV file";
        Mapping => "Spaltenzuordnung", "Column mapping";
        Header => "Spalte in der Datei", "Column in the file";
        Field => "Feld", "Field";
        Ignored => "– ignoriert –", "– ignored –";
        Bad => "Zeilen mit Fehlern – es wurde nichts importiert:", "Rows with errors – nothing was imported:";
        Ready => "Artikel bereit zum Import.", "items ready to import.";
        Import => "Importieren", "Import";
        Importing => "Wird importiert …", "Importing …";
        Imported => "Artikel importiert.", "items imported.";
        Unreadable => "Die Datei konnte nicht gelesen werden:", "The file could not be read:";
        NoClock => "Die Uhr des Browsers liefert keine gültige Zeit; es wurde nichts importiert.", "The browser's clock gives no valid time; nothing was imported.";
        Preview => "Vorschau", "Preview";
        Line => "Zeile", "Line";
        Code => "Artikelnummer", "Item code";
        Description => "Bezeichnung", "Description";
        Group => "Gruppe", "Group";
        Unit => "Einheit", "Unit";
        Price => "Preis", "Price";
        Use => "Verkauf / Einkauf", "Sales / purchase";
        Yes => "ja", "yes";
        No => "nein", "no";
        More => "weitere Zeilen", "more rows";
    }
}

/// What the picked file came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Bad(Vec<RowError>),
    Ready(ParsedItems),
}

/// Parses `bytes` with `mapping` (detected when `None`) and checks every
/// item against the open book.
fn examine(app: AppState, bytes: &[u8], mapping: Option<&ColumnMap>) -> Option<Outcome> {
    app.with_book(|book| {
        let parsed = match parse_items(bytes, mapping) {
            Ok(p) => p,
            Err(errors) => return Outcome::Bad(errors),
        };
        // The stamp only labels the check; the import gets its own.
        let at = now().unwrap_or(crate::ledger::types::Timestamp::at_midnight(
            crate::ui::components::today(),
        ));
        let refused = check_against(book, &parsed, &user(), at);
        if refused.is_empty() {
            Outcome::Ready(parsed)
        } else {
            Outcome::Bad(refused)
        }
    })
}

#[component]
pub fn ItemImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page master-page item-import" data-page="item-import">
            <a href="/master-data/items" class="back-link">{move || i18n.t(T::Back)}</a>
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <ImportBody /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

/// A picked file for a local action (never crosses threads in the browser).
#[derive(Clone)]
struct Picked(Option<web_sys::File>);

/// The page's state: the file's bytes, its headers and mapping, what it
/// came to, and the messages.
#[derive(Clone, Copy)]
pub struct State {
    bytes: StoredValue<Option<Vec<u8>>>,
    pub headers: RwSignal<Vec<String>>,
    pub mapping: RwSignal<Option<ColumnMap>>,
    pub outcome: RwSignal<Option<Outcome>>,
    error: RwSignal<Option<String>>,
    notice: RwSignal<Option<usize>>,
}

impl State {
    /// Runs the reader and the checks again, with the mapping shown.
    pub fn recheck(&self, app: AppState) {
        let mapping = self.mapping.get_untracked();
        let outcome = self
            .bytes
            .with_value(|b| b.as_ref().and_then(|b| examine(app, b, mapping.as_ref())));
        self.outcome.set(outcome);
    }
}

#[component]
fn ImportBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let state = State {
        bytes: StoredValue::new(None),
        headers: RwSignal::new(Vec::new()),
        mapping: RwSignal::new(None),
        outcome: RwSignal::new(None),
        error: RwSignal::new(None),
        notice: RwSignal::new(None),
    };
    let read = Action::new_local(move |file: &Picked| read_file(app, file.0.clone(), i18n, state));
    let import = Action::new_local(move |_: &()| run_import(app, i18n, state));
    view! {
        <label class="field">
            <span>{move || i18n.t(T::File)}</span>
            <input type="file" accept=".csv,.txt,text/csv" data-testid="item-import-file"
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    state.notice.set(None);
                    read.dispatch(Picked(input.files().and_then(|f| f.get(0))));
                } />
        </label>
        <ErrorBox message=Signal::derive(move || state.error.get()) />
        <Show when=move || state.notice.get().is_some()>
            <div class="success-box" role="status" data-testid="import-notice">
                {move || state.notice.get().map(|n| format!("{n} {}", i18n.t(T::Imported)))}
            </div>
        </Show>
        <mapping::MappingTable state=state />
        {move || state.outcome.get().map(|o| view! { <OutcomeView outcome=o import=import /> })}
    }
}

async fn read_file(app: AppState, file: Option<web_sys::File>, i18n: I18n, state: State) {
    state.outcome.set(None);
    state.error.set(None);
    state.headers.set(Vec::new());
    state.mapping.set(None);
    state.bytes.set_value(None);
    let Some(file) = file else {
        return;
    };
    let file = gloo::file::File::from(file);
    match gloo::file::futures::read_as_bytes(&file).await {
        Ok(bytes) => {
            let headers = mapping::headers(&bytes);
            state.mapping.set(Some(ColumnMap::detect(&headers)));
            state.headers.set(headers);
            state.bytes.set_value(Some(bytes));
            state.recheck(app);
        }
        Err(e) => state.error.set(Some(format!(
            "{} {e}",
            T::Unreadable.text(i18n.lang_untracked())
        ))),
    }
}

/// Imports the ready items as one command; a refusal names the item's line.
async fn run_import(app: AppState, i18n: I18n, state: State) {
    let lang = i18n.lang_untracked();
    let Some(Outcome::Ready(parsed)) = state.outcome.get_untracked() else {
        return;
    };
    let Some(at) = now() else {
        return state.error.set(Some(T::NoClock.text(lang).into()));
    };
    match app.execute(parsed.command(&user(), at)).await {
        Ok(_) => {
            state.notice.set(Some(parsed.items.len()));
            state.outcome.set(None);
            state.bytes.set_value(None);
            state.headers.set(Vec::new());
        }
        Err(e) => state.error.set(Some(refusal(&parsed, &e, lang))),
    }
}

/// The import's refusal, with the line of the item it names.
fn refusal(parsed: &ParsedItems, e: &SessionError, lang: Lang) -> String {
    if let SessionError::Domain(d @ DomainError::Items(ItemsError::ImportRow { error, .. })) = e
        && let Some(line) = parsed.line_of(d)
    {
        let row = RowError {
            line,
            column: None,
            reason: RowReason::Refused(DomainError::from((**error).clone())),
        };
        return item_row_error(&row, lang);
    }
    session_error(e, lang)
}

#[component]
fn OutcomeView(outcome: Outcome, import: Action<(), ()>) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    match outcome {
        Outcome::Bad(rows) => view! {
            <div class="error-box" role="alert" data-testid="import-errors">
                <strong>{move || i18n.t(T::Bad)}</strong>
                <ul>
                    {rows.into_iter().map(|r| {
                        let line = r.line;
                        view! { <li data-line=line>{move || item_row_error(&r, i18n.lang())}</li> }
                    }).collect_view()}
                </ul>
            </div>
        }
        .into_any(),
        Outcome::Ready(parsed) => {
            let count = parsed.items.len();
            let pending = import.pending();
            view! {
                <div class="notice" data-testid="import-ready">
                    <p>{move || format!("{count} {}", i18n.t(T::Ready))}</p>
                    <button type="button" class="button primary" data-testid="item-import-run"
                        prop:disabled=move || pending.get() || right.denied() on:click=move |_| { import.dispatch(()); } title=move || right.why()>
                        {move || if pending.get() { i18n.t(T::Importing) } else { i18n.t(T::Import) }}
                    </button>
                </div>
                <preview::Preview parsed=parsed />
            }
            .into_any()
        }
    }
}
