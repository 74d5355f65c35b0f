//! Importing a statement file: the file is read into bytes, its format
//! found by content (camt XML, ZIP, MT940) or, for a `.csv` file, read with
//! a column mapping (the house bank's saved one, or a preset of
//! `formats::bank::csv`); the statements are mapped to drafts
//! (`forms::statement`) and shown as a count before "Importieren" sends one
//! `BankCommand::Import`. The notice says how many statements and lines
//! came in and how many lines were skipped as already imported.
//!
//! No progress bar: reading a file is one synchronous call into the
//! parsers (no step to report between), and the browser benchmark
//! (`tests/browser_bench.rs`) holds parsing and matching a 10,000-line
//! camt.053 to under a second; the page says "reading" while the browser
//! hands over the file's bytes.

use std::sync::Arc;

use leptos::prelude::*;

use super::texts::T;
use crate::formats::bank::csv::{CsvMapping, PRESETS, preset};
use crate::formats::bank::{BankError, FileFormat, read_statements};
use crate::forms::statement::{StatementFormError, statement_drafts};
use crate::ledger::bank::BankError as EngineError;
use crate::ledger::bank::{BankCommand, BankEvent, HouseBank, StatementDraft};
use crate::ledger::types::Timestamp;
use crate::ledger::{Command, DomainError, Event};
use crate::session::SessionError;
use crate::ui::components::today;
use crate::ui::components::use_change_right;
use crate::ui::errors::{bank_file_error, session_error, statement_form_error};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

/// The mapping choice that means "the house bank's saved mapping".
const SAVED: &str = "saved";

/// A file the user picked, as bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Loaded {
    name: String,
    bytes: Arc<[u8]>,
}

impl Loaded {
    /// CSV cannot be told by content: the name says it.
    fn is_csv(&self) -> bool {
        self.name.to_lowercase().ends_with(".csv")
    }
}

/// Why the picked file cannot be imported (worded when shown).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Refusal {
    File(BankError),
    Form(StatementFormError),
    CsvNeedsBank,
    NoSavedMapping,
    SavedMappingBroken,
}

impl Refusal {
    fn text(&self, lang: Lang) -> String {
        match self {
            Refusal::File(e) => bank_file_error(e, lang),
            Refusal::Form(e) => statement_form_error(e, lang),
            Refusal::CsvNeedsBank => T::CsvNeedsBank.text(lang).to_string(),
            Refusal::NoSavedMapping => T::NoSavedMapping.text(lang).to_string(),
            Refusal::SavedMappingBroken => T::SavedMappingBroken.text(lang).to_string(),
        }
    }
}

/// What the user chose besides the file.
#[derive(Clone, Copy)]
struct Choice {
    bank: RwSignal<String>,
    mapping: RwSignal<String>,
    save: RwSignal<bool>,
}

/// The CSV mapping `choice` names for house bank `bank`.
fn mapping_of(bank: Option<&HouseBank>, choice: &str) -> Result<CsvMapping, Refusal> {
    if choice != SAVED {
        return preset(choice).ok_or(Refusal::NoSavedMapping);
    }
    let json = bank
        .and_then(|b| b.csv_mapping.as_deref())
        .ok_or(Refusal::NoSavedMapping)?;
    serde_json::from_str(json).map_err(|_| Refusal::SavedMappingBroken)
}

/// The statements in `file`, as drafts for the engine.
fn drafts(
    file: &Loaded,
    bank: Option<&HouseBank>,
    choice: &str,
) -> Result<Vec<StatementDraft>, Refusal> {
    let format = if file.is_csv() {
        if bank.is_none() {
            return Err(Refusal::CsvNeedsBank);
        }
        Some(FileFormat::Csv(Box::new(mapping_of(bank, choice)?)))
    } else {
        None
    };
    let parsed =
        read_statements(&file.name, &file.bytes, format.as_ref()).map_err(Refusal::File)?;
    statement_drafts(&parsed).map_err(Refusal::Form)
}

/// Who imports and when: the "kontor" user, the browser's clock.
fn stamp(lang: Lang) -> (String, Timestamp) {
    let seconds = (js_sys::Date::now() / 1000.0).floor() as i64;
    let at = Timestamp::from_unix_seconds(seconds).unwrap_or(Timestamp::at_midnight(today()));
    (T::User.text(lang).to_string(), at)
}

/// Statements, lines imported and lines skipped, from the events.
fn counts(events: &[Event]) -> (usize, usize, u32) {
    events.iter().fold((0, 0, 0), |(s, l, k), e| match e {
        Event::Bank(BankEvent::FileImported { statements, .. }) => (
            s + statements.len(),
            l + statements.iter().map(|x| x.lines.len()).sum::<usize>(),
            k + statements.iter().map(|x| x.skipped).sum::<u32>(),
        ),
        _ => (s, l, k),
    })
}

/// What the page shows after an import.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    Imported {
        counts: (usize, usize, u32),
        mapping_saved: bool,
    },
    Refused(String),
}

#[component]
pub(super) fn Import() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let choice = Choice {
        bank: RwSignal::new(String::new()),
        mapping: RwSignal::new(SAVED.to_string()),
        save: RwSignal::new(false),
    };
    let loaded = RwSignal::new(None::<Loaded>);
    let reading = RwSignal::new(false);
    let unreadable = RwSignal::new(None::<String>);
    let outcome = RwSignal::new(None::<Outcome>);
    let banks = Memo::new(move |_| {
        app.with_book(|b| b.bank().house_banks().to_vec())
            .unwrap_or_default()
    });
    let parsed = Memo::new(move |_| {
        let file = loaded.get()?;
        let code = choice.bank.get();
        let mapping = choice.mapping.get();
        banks.with(|bs| {
            let bank = bs.iter().find(|b| b.code == code);
            Some(drafts(&file, bank, &mapping))
        })
    });
    let read = Action::new_local(move |file: &Picked| {
        read_file(file.0.clone(), loaded, reading, unreadable, outcome)
    });
    let import = Action::new_local(move |_: &()| {
        run_import(app, choice, loaded, parsed, outcome, i18n.lang_untracked())
    });
    view! {
        <section class="statement-import" data-testid="st-import">
            <h2>{move || i18n.t(T::ImportTitle)}</h2>
            <p class="muted small">{move || i18n.t(T::ImportLead)}</p>
            {move || banks.with(Vec::is_empty).then(|| view! {
                <p class="notice" data-testid="st-no-bank">{i18n.t(T::NoHouseBank)}</p>
            })}
            <div class="toolbar">
                <label class="field">
                    <span>{move || i18n.t(T::File)}</span>
                    <input type="file" data-testid="st-file"
                        accept=".xml,.zip,.sta,.txt,.mt940,.940,.csv"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            read.dispatch(Picked(input.files().and_then(|f| f.get(0))));
                        } />
                </label>
                <BankPicker choice=choice banks=banks />
            </div>
            <Show when=move || loaded.with(|l| l.as_ref().is_some_and(Loaded::is_csv))>
                <MappingPicker choice=choice />
            </Show>
            {move || reading.get().then(|| view! { <p class="muted" data-testid="st-reading">{i18n.t(T::Reading)}</p> })}
            {move || unreadable.get().map(|e| view! {
                <div class="error-box" role="alert" data-testid="error">{format!("{} {e}", i18n.t(T::Unreadable))}</div>
            })}
            {move || parsed.get().map(|p| view! { <Ready parsed=p import=import /> })}
            {move || outcome.get().map(|o| view! { <OutcomeBox outcome=o /> })}
        </section>
    }
}

/// A picked file for a local action (never crosses threads in the browser).
#[derive(Clone)]
struct Picked(Option<web_sys::File>);

async fn read_file(
    file: Option<web_sys::File>,
    loaded: RwSignal<Option<Loaded>>,
    reading: RwSignal<bool>,
    unreadable: RwSignal<Option<String>>,
    outcome: RwSignal<Option<Outcome>>,
) {
    loaded.set(None);
    unreadable.set(None);
    outcome.set(None);
    let Some(file) = file else {
        return;
    };
    let file = gloo::file::File::from(file);
    reading.set(true);
    let result = gloo::file::futures::read_as_bytes(&file).await;
    reading.set(false);
    match result {
        Ok(bytes) => loaded.set(Some(Loaded {
            name: file.name(),
            bytes: bytes.into(),
        })),
        Err(e) => unreadable.set(Some(e.to_string())),
    }
}

#[component]
fn BankPicker(choice: Choice, banks: Memo<Vec<HouseBank>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="field">
            <span>{move || i18n.t(T::HouseBank)}</span>
            <select data-testid="st-bank" on:change=move |ev| {
                let code = event_target_value(&ev);
                // A bank with a saved mapping uses it; others start at a preset.
                let saved = banks.with(|bs| bs.iter().any(|b| b.code == code && b.csv_mapping.is_some()));
                choice.mapping.set(if saved { SAVED.to_string() } else { PRESETS[0].to_string() });
                choice.bank.set(code);
            }>
                <option value="">{move || i18n.t(T::ByIban)}</option>
                {move || banks.get().into_iter().map(|b| {
                    let code = b.code.clone();
                    view! { <option value=code.clone() selected=move || choice.bank.get() == code>{format!("{} {} ({})", b.code, b.name, b.iban)}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn MappingPicker(choice: Choice) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="toolbar">
            <label class="field">
                <span>{move || i18n.t(T::Mapping)}</span>
                <select data-testid="st-mapping" on:change=move |ev| choice.mapping.set(event_target_value(&ev))>
                    <option value=SAVED selected=move || choice.mapping.get() == SAVED>{move || i18n.t(T::SavedMapping)}</option>
                    {PRESETS.iter().map(|p| view! {
                        <option value=*p selected=move || choice.mapping.get() == *p>{move || format!("{}: {p}", i18n.t(T::Preset))}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="st-save-mapping"
                    prop:checked=move || choice.save.get()
                    prop:disabled=move || choice.mapping.get() == SAVED
                    on:change=move |ev| choice.save.set(event_target_checked(&ev)) />
                <span>{move || i18n.t(T::SaveMapping)}</span>
            </label>
        </div>
    }
}

#[component]
fn Ready(parsed: Result<Vec<StatementDraft>, Refusal>, import: Action<(), ()>) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    match parsed {
        Err(r) => view! {
            <div class="error-box" role="alert" data-testid="error">{move || r.text(i18n.lang())}</div>
        }
        .into_any(),
        Ok(drafts) => {
            let statements = drafts.len();
            let lines: usize = drafts.iter().map(|d| d.lines.len()).sum();
            let pending = import.pending();
            view! {
                <div class="notice" data-testid="st-ready">
                    <p>{move || format!("{} {statements} {} {lines} {}", i18n.t(T::Found), i18n.t(T::FoundStatements), i18n.t(T::FoundLines))}</p>
                    <button type="button" class="button primary" data-testid="st-import-run"
                        prop:disabled=move || pending.get() || right.denied() on:click=move |_| { import.dispatch(()); } title=move || right.why()>
                        {move || i18n.t(T::Import)}
                    </button>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn OutcomeBox(outcome: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    match outcome {
        Outcome::Refused(text) => view! {
            <div class="error-box" role="alert" data-testid="error">{text}</div>
        }
        .into_any(),
        Outcome::Imported { counts: (s, l, k), mapping_saved } => view! {
            <div class="success-box" role="status" data-testid="st-imported">
                {move || format!("{s} {} {l} {} {k} {}.", i18n.t(T::ImportedStatements), i18n.t(T::ImportedLines), i18n.t(T::Skipped))}
                {move || mapping_saved.then(|| format!(" {}", i18n.t(T::MappingSaved)))}
            </div>
        }
        .into_any(),
    }
}

/// Sends the import; then, when asked, saves the CSV mapping used.
async fn run_import(
    app: AppState,
    choice: Choice,
    loaded: RwSignal<Option<Loaded>>,
    parsed: Memo<Option<Result<Vec<StatementDraft>, Refusal>>>,
    outcome: RwSignal<Option<Outcome>>,
    lang: Lang,
) {
    let (Some(file), Some(Ok(statements))) = (loaded.get_untracked(), parsed.get_untracked())
    else {
        return;
    };
    let code = choice.bank.get_untracked();
    let (by, at) = stamp(lang);
    let cmd = BankCommand::Import {
        house_bank: (!code.is_empty()).then(|| code.clone()),
        file_name: file.name.clone(),
        bytes: file.bytes.to_vec(),
        statements,
        by: by.clone(),
        at,
    };
    let events = match app.execute(Command::Bank(cmd)).await {
        Ok(events) => events,
        // A file imported before is no fault: the notice says so in counts.
        Err(SessionError::Domain(DomainError::Bank(EngineError::NothingNew { skipped }))) => {
            loaded.set(None);
            return outcome.set(Some(Outcome::Imported {
                counts: (0, 0, skipped),
                mapping_saved: false,
            }));
        }
        Err(e) => return outcome.set(Some(Outcome::Refused(session_error(&e, lang)))),
    };
    loaded.set(None);
    let mut mapping_saved = false;
    let mapping = choice.mapping.get_untracked();
    if file.is_csv() && choice.save.get_untracked() && mapping != SAVED {
        match save_mapping(app, &code, &mapping, by, at, lang).await {
            Ok(saved) => mapping_saved = saved,
            Err(text) => return outcome.set(Some(Outcome::Refused(text))),
        }
    }
    outcome.set(Some(Outcome::Imported {
        counts: counts(&events),
        mapping_saved,
    }));
}

/// Saves preset `name` as house bank `code`'s CSV mapping; `false` when
/// there is no such preset or house bank.
async fn save_mapping(
    app: AppState,
    code: &str,
    name: &str,
    by: String,
    at: Timestamp,
    lang: Lang,
) -> Result<bool, String> {
    let (Some(mapping), Some(Some(mut bank))) = (
        preset(name),
        app.with_book(|b| b.bank().house_bank(code).cloned()),
    ) else {
        return Ok(false);
    };
    // Serialising a plain struct of strings and numbers does not fail;
    // if it ever did, the reason is shown rather than dropped.
    bank.csv_mapping = Some(serde_json::to_string(&mapping).map_err(|e| e.to_string())?);
    let cmd = BankCommand::SaveHouseBank {
        bank: Box::new(bank),
        by,
        at,
    };
    match app.execute(Command::Bank(cmd)).await {
        Ok(_) => Ok(true),
        Err(e) => Err(session_error(&e, lang)),
    }
}
