//! The app shell: header with module navigation and language switch, the
//! page area, and the status bar. Owns the global keyboard shortcuts.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::i18n::{Key, use_i18n};
use super::pages::backup;
use super::pages::modules::Module;
use super::state::use_app;
use crate::store::Persistence;

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
    let storage = move || {
        let info = app.storage.get();
        let state = match info.persistence {
            Some(Persistence::Granted) => i18n.t(Key::StatusStoragePersistent),
            Some(Persistence::Denied) => i18n.t(Key::StatusStorageBestEffort),
            Some(Persistence::Unsupported) | None => i18n.t(Key::StatusStorageUnknown),
        };
        match info.estimate {
            Some(e) => format!(
                "{state} · {:.1} MB {}",
                e.used_bytes as f64 / 1_048_576.0,
                i18n.t(Key::StatusUsed)
            ),
            None => state.to_string(),
        }
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
            <span class="status-item"
                class:status-warn=move || app.storage.get().persistence == Some(Persistence::Denied)>
                <span class="status-label">{move || i18n.t(Key::StatusStorage)}</span>
                <span data-testid="status-storage">{storage}</span>
            </span>
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
