//! CSV import of partners on the partner list: pick a file, read it with
//! `formats::partners_csv` (German or English headers, UTF-8 or
//! Windows-1252), run the engine's checks on every row, and list every
//! bad row with its line and reason. Only a file without a bad row can be
//! imported, as one `ImportPartners` command: all partners or none.

use leptos::prelude::*;

use crate::formats::partners_csv::{
    ImportOptions, ParsedPartners, RowError, check_against, parse_partners,
};
use crate::ledger::types::Timestamp;
use crate::texts;
use crate::ui::components::use_change_right;
use crate::ui::components::{ErrorBox, today};
use crate::ui::errors::{csv_row_error, session_error};
use crate::ui::i18n::{I18n, Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

texts! {
    pub enum T {
        Title => "Import aus CSV", "Import from CSV";
        Lead => "Spalten werden an deutschen oder englischen Überschriften erkannt (z. B. Nummer, Name, Straße, PLZ, Ort, IBAN, Zahlungsbedingung). Enthält eine Zeile einen Fehler, wird nichts importiert.", "Columns are recognised by German or English headers (e.g. code, name, street, postcode, town, IBAN, payment terms). If any row is wrong, nothing is imported.";
        File => "CSV-Datei", "CSV file";
        Bad => "Zeilen mit Fehlern – es wurde nichts importiert:", "Rows with errors – nothing was imported:";
        Ready => "Geschäftspartner bereit zum Import.", "business partners ready to import.";
        Ignored => "Nicht erkannte Spalten (werden ignoriert):", "Columns not recognised (ignored):";
        Import => "Importieren", "Import";
        Imported => "Geschäftspartner importiert.", "business partners imported.";
        Unreadable => "Die Datei konnte nicht gelesen werden:", "The file could not be read:";
    }
}

/// Who imports and when: the same "kontor" user as every change until
/// users exist; the browser's clock.
fn stamp() -> (String, Timestamp) {
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    let at = Timestamp::from_unix_seconds(seconds).unwrap_or(Timestamp::at_midnight(today()));
    ("kontor".to_string(), at)
}

/// What the picked file came to.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Bad(Vec<RowError>),
    Ready(ParsedPartners),
}

/// Parses and checks `bytes` against the open book.
fn examine(app: AppState, bytes: &[u8]) -> Option<Outcome> {
    app.with_book(|book| {
        let options = ImportOptions {
            lc: book.settings().lc,
            today: today(),
        };
        let parsed = match parse_partners(bytes, None, options) {
            Ok(p) => p,
            Err(errors) => return Outcome::Bad(errors),
        };
        let (by, at) = stamp();
        let refused = check_against(book, &parsed, &by, at);
        if refused.is_empty() {
            Outcome::Ready(parsed)
        } else {
            Outcome::Bad(refused)
        }
    })
}

/// A picked file for a local action (never crosses threads in the browser).
#[derive(Clone)]
struct Picked(Option<web_sys::File>);

#[component]
pub fn PartnerImport() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let outcome = RwSignal::new(None::<Outcome>);
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<usize>);
    let read = Action::new_local(move |file: &Picked| {
        read_file(app, file.0.clone(), i18n, outcome, error)
    });
    let import = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        let Some(Outcome::Ready(parsed)) = outcome.get_untracked() else {
            return;
        };
        let (by, at) = stamp();
        match app.execute(parsed.command(&by, at)).await {
            Ok(_) => {
                notice.set(Some(parsed.partners.len()));
                outcome.set(None);
            }
            Err(e) => error.set(Some(session_error(&e, lang))),
        }
    });
    view! {
        <section class="partner-import" data-testid="partner-import">
            <h2>{move || i18n.t(T::Title)}</h2>
            <p class="muted small">{move || i18n.t(T::Lead)}</p>
            <label class="field">
                <span>{move || i18n.t(T::File)}</span>
                <input type="file" accept=".csv,.txt,text/csv" data-testid="partner-import-file"
                    on:change=move |ev| {
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        notice.set(None);
                        read.dispatch(Picked(input.files().and_then(|f| f.get(0))));
                    } />
            </label>
            <ErrorBox message=Signal::derive(move || error.get()) />
            {move || outcome.get().map(|o| view! { <OutcomeView outcome=o import=import /> })}
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="import-notice">{move || notice.get().map(|n| format!("{n} {}", i18n.t(T::Imported)))}</div>
            </Show>
        </section>
    }
}

async fn read_file(
    app: AppState,
    file: Option<web_sys::File>,
    i18n: I18n,
    outcome: RwSignal<Option<Outcome>>,
    error: RwSignal<Option<String>>,
) {
    outcome.set(None);
    error.set(None);
    let Some(file) = file else {
        return;
    };
    let file = gloo::file::File::from(file);
    match gloo::file::futures::read_as_bytes(&file).await {
        Ok(bytes) => outcome.set(examine(app, &bytes)),
        Err(e) => error.set(Some(format!(
            "{} {e}",
            T::Unreadable.text(i18n.lang_untracked())
        ))),
    }
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
                        view! { <li data-line=line>{move || csv_row_error(&r, i18n.lang())}</li> }
                    }).collect_view()}
                </ul>
            </div>
        }
        .into_any(),
        Outcome::Ready(parsed) => {
            let count = parsed.partners.len();
            let ignored = parsed.ignored.join(", ");
            let pending = import.pending();
            view! {
                <div class="notice" data-testid="import-ready">
                    <p>{move || format!("{count} {}", i18n.t(T::Ready))}</p>
                    {(!ignored.is_empty()).then(|| view! {
                        <p class="muted small">{move || ready_ignored(i18n.lang(), &ignored)}</p>
                    })}
                    <button type="button" class="button primary" data-testid="partner-import-run"
                        prop:disabled=move || pending.get() || right.denied() on:click=move |_| { import.dispatch(()); } title=move || right.why()>
                        {move || i18n.t(T::Import)}
                    </button>
                </div>
            }
            .into_any()
        }
    }
}

fn ready_ignored(lang: Lang, ignored: &str) -> String {
    format!("{} {ignored}", T::Ignored.text(lang))
}
