//! The app shell: header with module navigation and language switch, the
//! page area, and the status bar. Owns the global keyboard shortcuts.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::components::number_style;
use super::errors::store_error;
use super::i18n::{Key, Lang, Text, use_i18n};
use super::pages::admin::backup;
use super::pages::modules::Module;
use super::state::{PersistState, StorageInfo, use_app};
use crate::formats::amount::format_amount;
use crate::store::Persistence;
use rust_decimal::Decimal;

crate::texts! {
    /// The status bar's storage item (persistence and usage).
    enum S {
        Asking => "Anfrage läuft – bitte im Browser bestätigen", "request pending – please confirm in the browser";
        NotAsked => "noch nicht angefragt", "not requested yet";
        Unsupported => "dauerhafte Speicherung vom Browser nicht unterstützt", "persistent storage not supported by this browser";
        Failed => "Anfrage vom Browser abgelehnt", "request refused by the browser";
        UsageNotReported => "Belegung nicht vom Browser gemeldet", "usage not reported by this browser";
        AskPersist => "Dauerhaft speichern anfragen", "Request persistent storage";
        AskPersistTitle => "Bittet den Browser, die Bücher nie von sich aus zu löschen.", "Asks the browser never to evict the books on its own.";
        NoCompanies => "Mandanten nicht lesbar", "Companies not readable";
        Draft => "Entwurf", "Draft";
        DraftSaving => "wird gespeichert …", "saving …";
        DraftSaved => "gespeichert", "saved";
        DraftFailed => "nicht gespeichert:", "not saved:";
    }
}

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    // Alt+digit jumps to a module, Alt+L switches the language: the two
    // things a keyboard user does most in the shell.
    let _shortcuts = window_event_listener(ev::keydown, move |e| {
        if !e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        let key = e.key();
        if key.eq_ignore_ascii_case("l") {
            e.prevent_default();
            i18n.toggle();
        } else if key.eq_ignore_ascii_case("n") {
            e.prevent_default();
            navigate("/financials/entry", Default::default());
        } else if let Some(target) = key
            .parse::<usize>()
            .ok()
            .and_then(|d| d.checked_sub(1))
            .and_then(|i| Module::NAV.get(i))
        {
            e.prevent_default();
            navigate(target.path(), Default::default());
        }
    });

    view! {
        <a class="skip-link" href="#main">{move || i18n.t(Key::SkipToContent)}</a>
        <header class="app-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"K"</span>
                <span class="brand-name">{move || i18n.t(Key::AppName)}</span>
                <span class="brand-tagline">{move || i18n.t(Key::AppTagline)}</span>
            </A>
            <nav class="main-nav" aria-label=move || i18n.t(Key::MainNavigation)>
                {Module::NAV
                    .iter()
                    .enumerate()
                    .map(|(i, m)| {
                        let m = *m;
                        view! {
                            <A href=m.path() attr:data-nav=m.slug() attr:title=format!("Alt+{}", i + 1)>
                                {move || i18n.t(m.label())}
                            </A>
                        }
                    })
                    .collect_view()}
            </nav>
            <button
                class="lang-switch"
                data-testid="lang-switch"
                title=move || i18n.t(Key::SwitchLanguage)
                aria-label=move || i18n.t(Key::SwitchLanguage)
                on:click=move |_| i18n.toggle()
            >
                {move || if i18n.lang() == super::i18n::Lang::De { "EN" } else { "DE" }}
            </button>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            <super::components::UpdateNotice />
            <super::components::DueNotice />
            {children()}
        </main>
        <StatusBar />
    }
}

#[component]
fn StatusBar() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let fiscal_year = move || {
        app.with_book(|b| {
            b.calendar()
                .fiscal_years()
                .last()
                .map(|y| y.year.to_string())
        })
        .flatten()
        .unwrap_or_else(|| "–".into())
    };
    // The open company's last backup (stored by the backup screen, which
    // bumps the revision after an export) and whether one is due.
    let last_backup_of = move || {
        app.revision.track();
        app.company.get().map(|c| backup::last_backup(&c.id))
    };
    let last_backup = move || match last_backup_of() {
        Some(Some(b)) => backup::date_time_text(b.unix_ms, i18n.lang()),
        Some(None) | None => i18n.t(Key::StatusNever).to_string(),
    };
    let backup_due = move || match last_backup_of() {
        Some(last) => {
            let entries = app.with_book(|b| b.entry_count()).unwrap_or_default();
            backup::backup_due(
                last,
                backup::now_ms(),
                entries,
                backup::ReminderLimits::load(),
            )
        }
        None => false,
    };
    view! {
        <footer class="status-bar" role="status">
            <span class="status-item">
                <span class="status-label">{move || i18n.t(Key::StatusCompany)}</span>
                <span data-testid="status-company">
                    {move || app.company.get().map(|c| c.name).unwrap_or_else(|| i18n.t(Key::StatusNoCompany).to_string())}
                </span>
            </span>
            <Show when=move || app.company.get().is_some()>
                <span class="status-item">
                    <span class="status-label">{move || i18n.t(Key::StatusFiscalYear)}</span>
                    <span data-testid="status-fiscal-year">{fiscal_year}</span>
                </span>
            </Show>
            <StorageStatus />
            <DraftStatus />
            <span class="status-item" class:status-warn=backup_due>
                <span class="status-label">{move || i18n.t(Key::StatusLastBackup)}</span>
                <span data-testid="status-last-backup">{last_backup}</span>
                <Show when=backup_due>
                    <A href="/admin/backup" attr:class="status-remind" attr:data-testid="backup-reminder">
                        {move || i18n.t(backup::T::Remind)}
                    </A>
                </Show>
            </span>
            <span class="status-spacer"></span>
            <span class="status-item status-hint">{move || i18n.t(Key::StatusOffline)}</span>
        </footer>
    }
}

/// The persistence text and the storage used, as the browser reported them.
fn storage_text(info: StorageInfo, lang: Lang) -> String {
    let state = match info.persistence {
        PersistState::NotAsked => S::NotAsked.text(lang),
        PersistState::Asking => S::Asking.text(lang),
        PersistState::Answered(Persistence::Granted) => Key::StatusStoragePersistent.text(lang),
        PersistState::Answered(Persistence::Denied) => Key::StatusStorageBestEffort.text(lang),
        PersistState::Answered(Persistence::Unsupported) => S::Unsupported.text(lang),
        PersistState::Failed => S::Failed.text(lang),
    };
    match info.estimate {
        Some(Some(e)) => {
            let mb = (Decimal::from(e.used_bytes) / Decimal::from(1_048_576u32)).round_dp(1);
            let used = format_amount(mb, 1, number_style(lang));
            format!("{state} · {used} MB {}", Key::StatusUsed.text(lang))
        }
        Some(None) => format!("{state} · {}", S::UsageNotReported.text(lang)),
        None => state.to_string(),
    }
}

fn persistence_slug(p: PersistState) -> &'static str {
    match p {
        PersistState::NotAsked => "not-asked",
        PersistState::Asking => "asking",
        PersistState::Answered(Persistence::Granted) => "granted",
        PersistState::Answered(Persistence::Denied) => "denied",
        PersistState::Answered(Persistence::Unsupported) => "unsupported",
        PersistState::Failed => "failed",
    }
}

/// Storage: whether the browser keeps the books, how much they use, and a
/// button to ask (again) while the answer is pending or was no. Also says
/// when the companies could not be listed at all.
#[component]
fn StorageStatus() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let persistence = move || app.storage.get().persistence;
    let can_ask = move || {
        matches!(
            persistence(),
            PersistState::Asking
                | PersistState::Failed
                | PersistState::Answered(Persistence::Denied)
        )
    };
    view! {
        <span class="status-item"
            class:status-warn=move || persistence() == PersistState::Answered(Persistence::Denied)>
            <span class="status-label">{move || i18n.t(Key::StatusStorage)}</span>
            <span data-testid="status-storage" data-persistence=move || persistence_slug(persistence())
                data-usage=move || match app.storage.get().estimate {
                    None => "pending",
                    Some(None) => "not-reported",
                    Some(Some(_)) => "reported",
                }>
                {move || storage_text(app.storage.get(), i18n.lang())}
            </span>
            <Show when=can_ask>
                <button type="button" class="link-button status-action" data-testid="persist-request"
                    title=move || i18n.t(S::AskPersistTitle)
                    on:click=move |_| app.request_persistence()>
                    {move || i18n.t(S::AskPersist)}
                </button>
            </Show>
        </span>
        {move || app.startup_error.get().map(|e| view! {
            <span class="status-item status-warn" role="alert" data-testid="status-startup-error">
                <span class="status-label">{i18n.t(S::NoCompanies)}</span>
                {store_error(&e, i18n.lang())}
            </span>
        })}
    }
}

/// Whether the half-typed entry is saved (shown once a save happened).
#[component]
fn DraftStatus() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let state = move || {
        let d = app.draft.get();
        if d.pending > 0 {
            Some("saving")
        } else if d.failed.is_some() {
            Some("failed")
        } else {
            (d.saved > 0).then_some("saved")
        }
    };
    let text = move || {
        let d = app.draft.get();
        let lang = i18n.lang();
        match (d.pending, d.failed) {
            (1.., _) => S::DraftSaving.text(lang).to_string(),
            (0, Some(e)) => format!("{} {}", S::DraftFailed.text(lang), store_error(&e, lang)),
            (0, None) => S::DraftSaved.text(lang).to_string(),
        }
    };
    view! {
        <Show when=move || state().is_some()>
            <span class="status-item" class:status-warn=move || state() == Some("failed")>
                <span class="status-label">{move || i18n.t(S::Draft)}</span>
                <span data-testid="status-draft" data-state=move || state().unwrap_or_default()>{text}</span>
            </span>
        </Show>
    }
}
