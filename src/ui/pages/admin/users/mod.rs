//! Benutzer (users), issue 18: enabling users encrypts the company at
//! rest for its first user, its superuser; afterwards users and their
//! roles are kept here (`GlCommand::SaveUser`, `SaveRole`: master data in
//! the log, checked by the engine, which also checks every command's
//! right). Each user holds their own copy of the company's key beside the
//! log, so a new password re-wraps 32 bytes, never the books.

mod policy;
mod roles;
mod user_form;

use leptos::prelude::*;

use crate::ledger::gl::{User, UserLanguage};
use crate::security::check;
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::lock_screen::{DEFAULT_IDLE_MINUTES, IDLE_MINUTES_KEY, idle_minutes};
use crate::ui::components::{AdminFrame, ErrorBox};
use crate::ui::errors::{policy_error, session_error};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};
use policy::PolicyEditor;
use roles::RolesEditor;
use user_form::{UserDraft, UserForm, UserTable};

texts! {
    pub enum T {
        Title => "Benutzer", "Users";
        Lead => "Ein Mandant mit Benutzern ist im Browser verschlüsselt gespeichert (AES-256-GCM); nur das Kennwort eines Benutzers öffnet ihn. Was ein Benutzer darf, sagen seine Rollen.", "A company with users is stored encrypted in the browser (AES-256-GCM); only a user's password opens it. What a user may do, their roles say.";
        Protects => "Schützt: die Buchhaltung auf der Festplatte und im Browserprofil – ohne Kennwort liest niemand Buchungen, Partner oder Belege, auch nicht mit Zugriff auf die Dateien.", "Protects: the books on disk and in the browser profile – without a password nobody reads entries, partners or documents, not even with access to the files.";
        NotProtects => "Schützt nicht: einen Rechner oder Browser, der kompromittiert ist, während der Mandant geöffnet ist (dann liegt der Schlüssel im Speicher des Tabs), und ein leicht zu ratendes Kennwort. Sicherungen sind wie bisher mit ihrer eigenen Passphrase verschlüsselt. Ein vergessenes Kennwort kann nur ein anderer Benutzer neu setzen – gibt es keinen, hilft nur die letzte Sicherung.", "Does not protect: a compromised computer or browser while the company is open (the key is then in the tab's memory), and a password easy to guess. Backups are encrypted with their own passphrase as before. A forgotten password can only be set again by another user – if there is none, only the latest backup helps.";
        Enable => "Benutzer einrichten und Mandant verschlüsseln", "Set up users and encrypt the company";
        EnableLead => "Der erste Benutzer wird als Superuser (alle Rechte) angelegt; danach werden alle gespeicherten Daten dieses Mandanten in einem Schritt verschlüsselt. Eine Unterbrechung lässt den Mandanten unverändert.", "The first user is created as superuser (every right); then all stored data of this company is encrypted in one step. An interruption leaves the company unchanged.";
        Login => "Benutzer", "User";
        Name => "Name", "Name";
        Password => "Kennwort", "Password";
        Repeat => "Kennwort wiederholen", "Repeat password";
        Mismatch => "Die beiden Kennwörter stimmen nicht überein.", "The two passwords do not match.";
        Working => "Wird verschlüsselt …", "Encrypting …";
        Restored => "Dieser Mandant nennt Benutzer, hat in diesem Browser aber kein Kennwort (etwa aus einer Sicherung wiederhergestellt): bis ein Superuser ein neues Kennwort setzt, ist nichts erlaubt. Superuser:", "This company names users but has no password in this browser (restored from a backup, say): until a superuser sets a new password, nothing is allowed. Superusers:";
        Enabled => "Der Mandant ist verschlüsselt. Angemeldet als", "The company is encrypted. Logged in as";
        List => "Benutzer dieses Mandanten", "Users of this company";
        Lock => "Sperren", "Lock";
        LockAfter => "Automatisch sperren nach Minuten ohne Eingabe (dieser Browser)", "Lock automatically after minutes without input (this browser)";
        LockHint => "Alt+Q sperrt sofort. Gesperrt ist der Schlüssel aus dem Speicher entfernt; nur das Kennwort öffnet den Mandanten wieder.", "Alt+Q locks at once. When locked, the key is removed from memory; only the password opens the company again.";
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <AdminFrame page="users" title=T::Title lead=T::Lead>
            <UsersBody />
        </AdminFrame>
    }
}

/// A password form's three fields and what it said.
#[derive(Clone, Copy)]
struct PasswordForm {
    login: RwSignal<String>,
    password: RwSignal<String>,
    repeat: RwSignal<String>,
    refusal: RwSignal<Option<String>>,
    app: AppState,
}

impl PasswordForm {
    fn new() -> PasswordForm {
        PasswordForm {
            login: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
            repeat: RwSignal::new(String::new()),
            refusal: RwSignal::new(None),
            app: use_app(),
        }
    }

    /// The password if both fields agree and the rules allow it; otherwise
    /// the sentence why not is shown.
    fn checked(&self, lang: Lang) -> Option<String> {
        let password = self.password.get_untracked();
        let refusal = if password != self.repeat.get_untracked() {
            Some(T::Mismatch.text(lang).to_string())
        } else {
            // The history is the store's: it checks reuse when saving.
            check(&company_policy(self.app), &password, &[])
                .err()
                .map(|e| policy_error(&e, lang))
        };
        self.refusal.set(refusal.clone());
        refusal.is_none().then_some(password)
    }

    /// `checked`, where both fields left empty mean "keep the password":
    /// `Ok(None)`. `Err` when a sentence says why not.
    fn optional(&self, lang: Lang) -> Result<Option<String>, ()> {
        let untouched = self.password.with_untracked(String::is_empty)
            && self.repeat.with_untracked(String::is_empty);
        match untouched {
            true => {
                self.refusal.set(None);
                Ok(None)
            }
            false => self.checked(lang).map(Some).ok_or(()),
        }
    }

    fn clear(&self) {
        self.password.set(String::new());
        self.repeat.set(String::new());
    }

    fn fields(self, id: &'static str) -> impl IntoView {
        let i18n = use_i18n();
        let field = move |label: T, kind: &'static str, test: String, value: RwSignal<String>| {
            view! {
                <label>{move || i18n.t(label)}
                    <input type=kind data-testid=test autocomplete="off"
                        prop:value=value on:input=move |e| value.set(event_target_value(&e)) />
                </label>
            }
        };
        view! {
            <div class="form-grid">
                {field(T::Login, "text", format!("{id}-login"), self.login)}
                {field(T::Password, "password", format!("{id}-password"), self.password)}
                {field(T::Repeat, "password", format!("{id}-repeat"), self.repeat)}
            </div>
            <p class="muted" data-testid=format!("{id}-rule")>{move || policy::summary(&company_policy(self.app), i18n.lang())}</p>
            <Show when=move || self.refusal.with(Option::is_some)>
                <p class="error-box" role="alert" data-testid=format!("{id}-error")>{move || self.refusal.get()}</p>
            </Show>
        }
    }
}

/// The open company's password policy (tracks the Book).
fn company_policy(app: AppState) -> crate::ledger::gl::PasswordPolicy {
    app.with_book(|b| *b.gl().password_policy())
        .unwrap_or_default()
}

/// The language a new user starts in: the screen's.
fn user_language(lang: Lang) -> UserLanguage {
    match lang {
        Lang::De => UserLanguage::German,
        Lang::En => UserLanguage::English,
    }
}

#[component]
fn UsersBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let reload = RwSignal::new(0u32);
    // Kept here: the list below is rebuilt when a user is saved.
    let draft = UserDraft::new();
    // The logins are the key copies beside the log: read again when this
    // page changed them (`reload`), not on every change of the Book,
    // which would rebuild the forms below and lose what they said.
    let logins = LocalResource::new(move || {
        reload.track();
        async move { app.logins().await }
    });
    view! {
        <section class="panel users-protection">
            <p>{move || i18n.t(T::Protects)}</p>
            <p>{move || i18n.t(T::NotProtects)}</p>
        </section>
        {move || logins.get().map(|result| match result {
            Err(error) => view! { <ErrorBox message=Signal::derive(move || Some(session_error(&error, i18n.lang()))) /> }.into_any(),
            Ok(list) if list.is_empty() => view! { <EnableUsers reload=reload /> <PolicyEditor /> <RolesEditor /> }.into_any(),
            Ok(list) => view! { <UserList logins=list draft=draft reload=reload /> }.into_any(),
        })}
    }
}

#[component]
fn EnableUsers(reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let form = PasswordForm::new();
    let name = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    // Restored from a backup: the log names users, this browser has no
    // password of theirs. A superuser's login takes the company back.
    let superusers = app
        .with_book(|b| {
            let users = b.gl().access().users();
            let active = users.iter().filter(|u| u.active && u.superuser);
            active.cloned().collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if let Some(first) = superusers.first() {
        form.login.set(first.login.clone());
        name.set(first.name.clone());
    }
    let restored = (!superusers.is_empty()).then(|| {
        let logins: Vec<&str> = superusers.iter().map(|u| u.login.as_str()).collect();
        logins.join(", ")
    });
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let Some(password) = form.checked(i18n.lang()) else {
            return;
        };
        let login = form.login.get_untracked();
        let name = Some(name.get_untracked().trim().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| login.trim().to_string());
        let first = User {
            login,
            name,
            language: user_language(i18n.lang()),
            active: true,
            superuser: true,
            roles: Vec::new(),
        };
        working.set(true);
        leptos::task::spawn_local(async move {
            // Let the progress paint before sealing holds the thread.
            gloo::timers::future::TimeoutFuture::new(30).await;
            let result = app.enable_users(first, &password).await;
            working.set(false);
            match result {
                Ok(()) => {
                    form.clear();
                    reload.update(|r| *r += 1);
                }
                Err(error) => form.refusal.set(Some(session_error(&error, i18n.lang()))),
            }
        });
    };
    view! {
        <form class="panel users-form" on:submit=submit data-testid="enable-users">
            <h2>{move || i18n.t(T::Enable)}</h2>
            <p>{move || i18n.t(T::EnableLead)}</p>
            {restored.map(|logins| view! {
                <p class="notice" data-testid="enable-restored">{move || i18n.t(T::Restored)}" "<strong>{logins.clone()}</strong></p>
            })}
            <div class="form-grid">
                <label>{move || i18n.t(T::Name)}
                    <input type="text" data-testid="enable-name" prop:value=name
                        on:input=move |e| name.set(event_target_value(&e)) />
                </label>
            </div>
            {form.fields("enable")}
            <Show when=move || working.get()>
                <p class="notice" role="status" data-testid="enable-working">{move || i18n.t(T::Working)}</p>
            </Show>
            <SaveButton testid="enable-submit" pending=move || working.get()>
                {move || i18n.t(T::Enable)}
            </SaveButton>
        </form>
    }
}

#[component]
fn UserList(logins: Vec<String>, draft: UserDraft, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let me = move || app.user.get();
    view! {
        <section class="panel">
            <p data-testid="users-enabled">{move || i18n.t(T::Enabled)} " " <strong>{me}</strong></p>
            <h2>{move || i18n.t(T::List)}</h2>
            <UserTable logins=logins draft=draft />
        </section>
        <UserForm draft=draft reload=reload />
        <RolesEditor />
        <PolicyEditor />
        <LockSettings />
    }
}

#[component]
fn LockSettings() -> impl IntoView {
    use gloo::storage::{LocalStorage, Storage};
    let i18n = use_i18n();
    let app = use_app();
    let minutes = RwSignal::new(idle_minutes().to_string());
    let save = move |e: leptos::ev::Event| {
        let text = event_target_value(&e);
        minutes.set(text.clone());
        let value = text.trim().parse::<u32>().unwrap_or(DEFAULT_IDLE_MINUTES);
        // A browser that refuses the write keeps the default: the lock
        // still comes, only later than asked.
        if LocalStorage::set(IDLE_MINUTES_KEY, value).is_err() {
            leptos::logging::warn!("idle time not saved");
        }
    };
    view! {
        <section class="panel">
            <label>{move || i18n.t(T::LockAfter)}
                <input type="number" min="1" max="1440" data-testid="lock-minutes"
                    prop:value=minutes on:change=save />
            </label>
            <p class="muted">{move || i18n.t(T::LockHint)}</p>
            <button type="button" class="button" data-testid="lock-now" title="Alt+Q" on:click=move |_| app.lock()>
                {move || i18n.t(T::Lock)}
            </button>
        </section>
    }
}
