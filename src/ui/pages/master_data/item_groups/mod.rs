//! Artikelgruppen (item groups) at `/master-data/item-groups`: the
//! groups with their revenue and expense accounts per region (Inland, EU,
//! Drittland) and tax codes, the defaults of their items; a form below to
//! create or edit one (Enter or Ctrl+Enter saves `SaveGroup`, Esc
//! starts a new one). ↑/↓ between rows, Enter edits the row.

mod form;
mod table;

use leptos::ev;
use leptos::prelude::*;

use crate::ledger::Command;
use crate::ledger::items::{ItemGroup, ItemsCommand};
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::{AccountsEditor, ErrorBox, NoCompany, now, user};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

use form::Form;

texts! {
    pub enum T {
        Title => "Artikelgruppen", "Item groups";
        Lead => "Jede Artikelgruppe gibt ihren Artikeln Erlös- und Aufwandskonten (Inland, EU, Drittland) und Steuerkennzeichen vor; ein Artikel kann sie einzeln überschreiben. ↑/↓ wählt, Enter bearbeitet, Strg+Enter speichert.", "Each item group gives its items revenue and expense accounts (domestic, EU, abroad) and tax codes; an item may override them one by one. ↑/↓ selects, Enter edits, Ctrl+Enter saves.";
        Back => "← Artikel", "← Items";
        Code => "Kürzel", "Code";
        Name => "Bezeichnung", "Name";
        NameDe => "Bezeichnung (deutsch)", "Name (German)";
        NameEn => "Bezeichnung (englisch)", "Name (English)";
        Revenue => "Erlöskonten (Inland / EU / Drittland)", "Revenue accounts (domestic / EU / abroad)";
        Expense => "Aufwandskonten (Inland / EU / Drittland)", "Expense accounts (domestic / EU / abroad)";
        Tax => "Steuer (VK / EK)", "Tax (sales / purchase)";
        Items => "Artikel", "Items";
        Edit => "Bearbeiten", "Edit";
        Empty => "Noch keine Artikelgruppen.", "No item groups yet.";
        New => "Neue Artikelgruppe", "New item group";
        EditTitle => "Artikelgruppe bearbeiten:", "Edit item group:";
        Accounts => "Konten und Steuer", "Accounts and tax";
        Create => "Anlegen", "Create";
        Save => "Speichern (Strg+Enter)", "Save (Ctrl+Enter)";
        Cancel => "Neue Gruppe (Esc)", "New group (Esc)";
        Created => "Artikelgruppe angelegt:", "Item group created:";
        Saved => "Artikelgruppe gespeichert:", "Item group saved:";
        Exists => "Diese Artikelgruppe gibt es schon; zum Ändern in der Liste „Bearbeiten“ wählen.", "This item group exists already; choose “Edit” in the list to change it.";
        NoClock => "Die Uhr des Browsers liefert keine gültige Zeit; es wurde nichts gespeichert.", "The browser's clock gives no valid time; nothing was saved.";
    }
}

#[component]
pub fn ItemGroupsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page master-page item-groups-page" data-page="item-groups">
            <a href="/master-data/items" class="back-link">{move || i18n.t(T::Back)}</a>
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <GroupsBody /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

#[component]
fn GroupsBody() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let groups = Memo::new(move |_| {
        app.with_book(|b| b.items().groups().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let form = Form::new();
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<(T, String)>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        notice.set(None);
        match save_group(app, form, lang).await {
            Ok((what, code)) => {
                error.set(None);
                notice.set(Some((what, code)));
                form.clear();
                form.focus_code();
            }
            Err(message) => error.set(Some(message)),
        }
    });
    let edit = move |g: ItemGroup| {
        error.set(None);
        notice.set(None);
        form.load(&g);
        form.focus_name();
    };
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.ctrl_key() && e.key() == "Enter" {
            e.prevent_default();
            save.dispatch(());
        } else if e.key() == "Escape" && form.editing.get_untracked().is_some() {
            error.set(None);
            form.clear();
            form.focus_code();
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <table::GroupTable groups=groups edit=edit />
        <GroupForm form=form save=save error=error notice=notice />
    }
}

/// Reads and stores the form: what to say and the group's code, or the
/// sentence why not.
async fn save_group(app: AppState, form: Form, lang: Lang) -> Result<(T, String), String> {
    let group = form.read(lang)?;
    let code = group.code.clone();
    let editing = form.editing.get_untracked().is_some();
    // `SaveGroup` creates or replaces: a new group must not replace one.
    if !editing && app.with_book(|b| b.items().group(&code).is_some()) == Some(true) {
        return Err(T::Exists.text(lang).into());
    }
    let at = now().ok_or_else(|| T::NoClock.text(lang).to_string())?;
    let cmd = ItemsCommand::SaveGroup {
        group,
        by: user(),
        at,
    };
    match app.execute(Command::Items(cmd)).await {
        Ok(_) => Ok((if editing { T::Saved } else { T::Created }, code)),
        Err(e) => Err(session_error(&e, lang)),
    }
}

#[component]
fn GroupForm(
    form: Form,
    save: Action<(), ()>,
    error: RwSignal<Option<String>>,
    notice: RwSignal<Option<(T, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = save.pending();
    let editing = move || form.editing.get().is_some();
    view! {
        <form class="form item-group-form" data-testid="group-form" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(());
        }>
            <h2>{move || match form.editing.get() {
                Some(code) => format!("{} {code}", i18n.t(T::EditTitle)),
                None => i18n.t(T::New).to_string(),
            }}</h2>
            <div class="field-row">
                <label class="field narrow">
                    <span>{move || i18n.t(T::Code)}</span>
                    <input data-testid="group-code" node_ref=form.code_ref maxlength="20" autocomplete="off" prop:value=form.code
                        prop:disabled=editing on:input=move |ev| form.code.set(event_target_value(&ev)) />
                </label>
                <label class="field wide">
                    <span>{move || i18n.t(T::NameDe)}</span>
                    <input data-testid="group-name-de" node_ref=form.name_ref autocomplete="off" prop:value=form.name_de
                        on:input=move |ev| form.name_de.set(event_target_value(&ev)) />
                </label>
                <label class="field wide">
                    <span>{move || i18n.t(T::NameEn)}</span>
                    <input data-testid="group-name-en" autocomplete="off" prop:value=form.name_en
                        on:input=move |ev| form.name_en.set(event_target_value(&ev)) />
                </label>
            </div>
            <fieldset>
                <legend>{move || i18n.t(T::Accounts)}</legend>
                <AccountsEditor fields=form.accounts defaults=Signal::derive(|| None) prefix="group" />
            </fieldset>
            <ErrorBox message=Signal::derive(move || error.get()) />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|(t, code)| format!("{} {code}", i18n.t(t)))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="group-save" pending=move || pending.get()>
                    {move || if editing() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
                <Show when=editing>
                    <button type="button" class="button" on:click=move |_| { error.set(None); form.clear() }>{move || i18n.t(T::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}
