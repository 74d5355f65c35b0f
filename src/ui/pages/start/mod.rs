//! Start page: without a company, a welcome with "create" and "demo";
//! otherwise the list of companies (Mandanten) to open, rename or delete.

mod demo;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::ledger::gl::{Area, Level};
use crate::store::CompanyMeta;
use crate::texts;
use crate::ui::components::{ErrorBox, ProgressBar};
use crate::ui::errors::store_error;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Welcome => "Willkommen bei Kontor", "Welcome to Kontor";
        Lead => "Doppelte Buchführung mit SKR03/SKR04, Buchungsperioden, Storno und Berichten – vollständig im Browser, offline, ohne Installation.", "Double-entry bookkeeping with SKR03/SKR04, posting periods, reversals and reports – entirely in the browser, offline, nothing to install.";
        Privacy => "Ihre Bücher liegen nur in diesem Browser. Verschlüsselte Sicherungen nehmen Sie als Datei mit.", "Your books live only in this browser. Encrypted backups go with you as a file.";
        Create => "Mandant anlegen", "Create company";
        CreateHint => "Mit dem Einrichtungsassistenten: Firmendaten, Währung, Geschäftsjahr, Kontenrahmen.", "With the setup wizard: company details, currency, fiscal year, chart of accounts.";
        Demo => "Demo-Mandant öffnen", "Open demo company";
        DemoHint => "Eine Handelsfirma mit einem Jahr realistischer Buchungen – zum Ausprobieren und für Schulungen.", "A trading company with a year of realistic postings – to try things out and for training.";
        DemoBuilding => "Demo-Mandant wird erstellt", "Building demo company";
        Opening => "Mandant wird geöffnet", "Opening company";
        Companies => "Mandanten", "Companies";
        Open => "Öffnen", "Open";
        Opened => "geöffnet", "open";
        Rename => "Umbenennen", "Rename";
        Delete => "Löschen", "Delete";
        Save => "Speichern", "Save";
        Cancel => "Abbrechen", "Cancel";
        DeleteConfirm => "Zum endgültigen Löschen den Namen des Mandanten eintippen. Das kann nicht rückgängig gemacht werden.", "To delete for good, type the company's name. This cannot be undone.";
        DeleteNow => "Endgültig löschen", "Delete for good";
        Loading => "Lade …", "Loading …";
        Shortcuts => "Tastenkürzel: Alt+1 … Alt+6 wechseln das Modul, Alt+N neue Buchung, Alt+L Sprache.", "Shortcuts: Alt+1 … Alt+6 switch module, Alt+N new entry, Alt+L language.";
    }
}

#[component]
pub fn StartPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    view! {
        <section class="page start-page">
            {move || app.loading.get().map(|p| {
                let label = i18n.t(if p.total > 1 { T::DemoBuilding } else { T::Opening });
                view! { <ProgressBar progress=p label=label /> }
            })}
            {move || match app.companies.get() {
                None => view! { <p class="muted">{i18n.t(T::Loading)}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <Welcome /> }.into_any(),
                Some(list) => view! { <CompanyList companies=list /> }.into_any(),
            }}
            <p class="hint">{move || i18n.t(T::Shortcuts)}</p>
        </section>
    }
}

#[component]
fn Welcome() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t(T::Welcome)}</h1>
        <p class="lead">{move || i18n.t(T::Lead)}</p>
        <p class="note">{move || i18n.t(T::Privacy)}</p>
        <div class="card-grid">
            <A href="/setup" attr:class="card card-link" attr:data-testid="create-company">
                <h3>{move || i18n.t(T::Create)}</h3>
                <p>{move || i18n.t(T::CreateHint)}</p>
            </A>
            <DemoCard />
        </div>
    }
}

/// "Open demo company": builds a year of books and opens it.
#[component]
fn DemoCard() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let build = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            error.set(None);
            match demo::create_demo_company(app, i18n.lang_untracked(), demo::requested_entries())
                .await
            {
                Ok(()) => navigate("/reports/trial-balance", Default::default()),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <button class="card card-link card-button" data-testid="open-demo"
            disabled=move || build.pending().get()
            on:click=move |_| { build.dispatch(()); }>
            <h3>{move || i18n.t(T::Demo)}</h3>
            <p>{move || i18n.t(T::DemoHint)}</p>
        </button>
        <ErrorBox message=Signal::derive(move || error.get()) />
    }
}

#[component]
fn CompanyList(companies: Vec<CompanyMeta>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t(T::Companies)}</h1>
        <ul class="company-list" data-testid="company-list">
            {companies.into_iter().map(|c| view! { <CompanyRow company=c /> }).collect_view()}
        </ul>
        <div class="actions">
            <A href="/setup" attr:class="button primary" attr:data-testid="create-company">{move || i18n.t(T::Create)}</A>
            <DemoCard />
        </div>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RowMode {
    View,
    Rename,
    Delete,
}

#[component]
fn CompanyRow(company: CompanyMeta) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = use_navigate();
    let mode = RwSignal::new(RowMode::View);
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let id = StoredValue::new(company.id.clone());
    let name = StoredValue::new(company.name.clone());
    let is_open = move || app.company.get().is_some_and(|c| c.id == id.get_value());
    // While this company is open, deleting it needs the user's right
    // (issue 18); a closed one is the browser profile's, as its storage is.
    let may_delete = move || !is_open() || app.level(Area::DeleteCompany) == Level::Full;

    let open = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            // A failure is shown once, by the notice above the list
            // (`open_failure`), with the way to restore.
            if app.open_company(&id.get_value()).await.is_ok() {
                navigate("/financials", Default::default());
            }
        }
    });
    let confirm = Action::new_local(move |_: &()| async move {
        let result = match mode.get_untracked() {
            RowMode::Rename => {
                app.rename_company(&id.get_value(), &text.get_untracked())
                    .await
            }
            RowMode::Delete => {
                app.delete_company(&id.get_value(), &text.get_untracked())
                    .await
            }
            RowMode::View => Ok(()),
        };
        match result {
            Ok(()) => mode.set(RowMode::View),
            Err(e) => error.set(Some(store_error(&e, i18n.lang()))),
        }
    });
    let start = move |m: RowMode| {
        error.set(None);
        text.set(if m == RowMode::Rename {
            name.get_value()
        } else {
            String::new()
        });
        mode.set(m);
    };

    view! {
        <li class="company-row" data-company=company.name.clone()>
            <div class="company-main">
                <strong class="company-name">{company.name.clone()}</strong>
                <Show when=is_open><span class="badge ok">{move || i18n.t(T::Opened)}</span></Show>
            </div>
            <Show when=move || mode.get() == RowMode::View>
                <div class="row-actions">
                    <button class="button primary" on:click=move |_| { open.dispatch(()); }>{move || i18n.t(T::Open)}</button>
                    <button class="button" on:click=move |_| start(RowMode::Rename)>{move || i18n.t(T::Rename)}</button>
                    <Show when=may_delete>
                        <button class="button danger" data-testid="delete-company" on:click=move |_| start(RowMode::Delete)>{move || i18n.t(T::Delete)}</button>
                    </Show>
                </div>
            </Show>
            <Show when=move || mode.get() != RowMode::View>
                <form class="row-form" on:submit=move |ev| { ev.prevent_default(); confirm.dispatch(()); }>
                    <Show when=move || mode.get() == RowMode::Delete>
                        <p class="warning">{move || i18n.t(T::DeleteConfirm)}</p>
                    </Show>
                    <input type="text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))
                        aria-label=move || i18n.t(if mode.get() == RowMode::Delete { T::DeleteConfirm } else { T::Rename }) autofocus />
                    <button type="submit" class=move || if mode.get() == RowMode::Delete { "button danger" } else { "button primary" }>
                        {move || i18n.t(if mode.get() == RowMode::Delete { T::DeleteNow } else { T::Save })}
                    </button>
                    <button type="button" class="button" on:click=move |_| mode.set(RowMode::View)>{move || i18n.t(T::Cancel)}</button>
                </form>
            </Show>
            <ErrorBox message=Signal::derive(move || error.get()) />
        </li>
    }
}
