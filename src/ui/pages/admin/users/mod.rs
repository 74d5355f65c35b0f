//! Benutzer (users), issue 18: enabling users encrypts the company at
//! rest for its first user; afterwards users are added and passwords set
//! again here. Each user holds their own copy of the company's key, so a
//! new password re-wraps 32 bytes, never the books.

use leptos::prelude::*;

use crate::security::{PasswordPolicy, check};
use crate::texts;
use crate::ui::components::lock_screen::{DEFAULT_IDLE_MINUTES, IDLE_MINUTES_KEY, idle_minutes};
use crate::ui::components::{AdminFrame, ErrorBox};
use crate::ui::errors::{policy_error, session_error};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Benutzer", "Users";
        Lead => "Ein Mandant mit Benutzern ist im Browser verschlüsselt gespeichert (AES-256-GCM); nur das Kennwort eines Benutzers öffnet ihn.", "A company with users is stored encrypted in the browser (AES-256-GCM); only a user's password opens it.";
        Protects => "Schützt: die Buchhaltung auf der Festplatte und im Browserprofil – ohne Kennwort liest niemand Buchungen, Partner oder Belege, auch nicht mit Zugriff auf die Dateien.", "Protects: the books on disk and in the browser profile – without a password nobody reads entries, partners or documents, not even with access to the files.";
        NotProtects => "Schützt nicht: einen Rechner oder Browser, der kompromittiert ist, während der Mandant geöffnet ist (dann liegt der Schlüssel im Speicher des Tabs), und ein leicht zu ratendes Kennwort. Sicherungen sind wie bisher mit ihrer eigenen Passphrase verschlüsselt. Ein vergessenes Kennwort kann nur ein anderer Benutzer neu setzen – gibt es keinen, hilft nur die letzte Sicherung.", "Does not protect: a compromised computer or browser while the company is open (the key is then in the tab's memory), and a password easy to guess. Backups are encrypted with their own passphrase as before. A forgotten password can only be set again by another user – if there is none, only the latest backup helps.";
        Enable => "Benutzer einrichten und Mandant verschlüsseln", "Set up users and encrypt the company";
        EnableLead => "Der erste Benutzer wird angelegt; danach werden alle gespeicherten Daten dieses Mandanten in einem Schritt verschlüsselt. Eine Unterbrechung lässt den Mandanten unverändert.", "The first user is created; then all stored data of this company is encrypted in one step. An interruption leaves the company unchanged.";
        Login => "Benutzer", "User";
        Password => "Kennwort", "Password";
        Repeat => "Kennwort wiederholen", "Repeat password";
        Mismatch => "Die beiden Kennwörter stimmen nicht überein.", "The two passwords do not match.";
        Working => "Wird verschlüsselt …", "Encrypting …";
        Enabled => "Der Mandant ist verschlüsselt. Angemeldet als", "The company is encrypted. Logged in as";
        List => "Benutzer dieses Mandanten", "Users of this company";
        You => "(Sie)", "(you)";
        SetTitle => "Benutzer anlegen oder Kennwort neu setzen", "Add a user or set a password again";
        SetLead => "Für einen neuen Benutzernamen wird ein Benutzer angelegt; für einen bestehenden wird das Kennwort ersetzt (etwa wenn es vergessen wurde).", "A new user name adds a user; an existing one gets its password replaced (e.g. when it was forgotten).";
        Set => "Speichern", "Save";
        Saved => "Gespeichert:", "Saved:";
        Rules => "Kennwortregel: mindestens 8 Zeichen mit Groß- und Kleinbuchstaben und einer Ziffer.", "Password rule: at least 8 characters with upper- and lower-case letters and a digit.";
        Lock => "Sperren", "Lock";
        LockAfter => "Automatisch sperren nach Minuten ohne Eingabe (dieser Browser)", "Lock automatically after minutes without input (this browser)";
        LockHint => "Alt+Q sperrt sofort. Gesperrt ist der Schlüssel aus dem Speicher entfernt; nur das Kennwort öffnet den Mandanten wieder.", "Alt+Q locks at once. When locked, the key is removed from memory; only the password opens the company again.";
        RightsLater => "Noch gilt jeder Benutzer als Administrator: Rechte je Modul kommen mit den Rollen.", "For now every user is an administrator: rights per module come with roles.";
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
}

impl PasswordForm {
    fn new() -> PasswordForm {
        PasswordForm {
            login: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
            repeat: RwSignal::new(String::new()),
            refusal: RwSignal::new(None),
        }
    }

    /// The password if both fields agree and the rules allow it; otherwise
    /// the sentence why not is shown.
    fn checked(&self, lang: Lang) -> Option<String> {
        let password = self.password.get_untracked();
        let refusal = if password != self.repeat.get_untracked() {
            Some(T::Mismatch.text(lang).to_string())
        } else {
            check(&PasswordPolicy::default(), &password, &[])
                .err()
                .map(|e| policy_error(&e, lang))
        };
        self.refusal.set(refusal.clone());
        refusal.is_none().then_some(password)
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
            <p class="muted">{move || i18n.t(T::Rules)}</p>
            <Show when=move || self.refusal.with(Option::is_some)>
                <p class="error-box" role="alert" data-testid=format!("{id}-error")>{move || self.refusal.get()}</p>
            </Show>
        }
    }
}

#[component]
fn UsersBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let reload = RwSignal::new(0u32);
    // Kept here: the list below is rebuilt when a user is saved.
    let saved = RwSignal::new(None::<String>);
    let logins = LocalResource::new(move || {
        reload.track();
        app.revision.track();
        async move { app.logins().await }
    });
    view! {
        <section class="panel users-protection">
            <p>{move || i18n.t(T::Protects)}</p>
            <p>{move || i18n.t(T::NotProtects)}</p>
        </section>
        {move || logins.get().map(|result| match result {
            Err(error) => view! { <ErrorBox message=Signal::derive(move || Some(session_error(&error, i18n.lang()))) /> }.into_any(),
            Ok(list) if list.is_empty() => view! { <EnableUsers reload=reload /> }.into_any(),
            Ok(list) => view! { <UserList logins=list reload=reload saved=saved /> }.into_any(),
        })}
    }
}

#[component]
fn EnableUsers(reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let form = PasswordForm::new();
    let working = RwSignal::new(false);
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let Some(password) = form.checked(i18n.lang()) else {
            return;
        };
        working.set(true);
        leptos::task::spawn_local(async move {
            // Let the progress paint before sealing holds the thread.
            gloo::timers::future::TimeoutFuture::new(30).await;
            let result = app
                .enable_users(&form.login.get_untracked(), &password)
                .await;
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
            {form.fields("enable")}
            <Show when=move || working.get()>
                <p class="notice" role="status" data-testid="enable-working">{move || i18n.t(T::Working)}</p>
            </Show>
            <button type="submit" class="primary" data-testid="enable-submit" disabled=move || working.get()>
                {move || i18n.t(T::Enable)}
            </button>
        </form>
    }
}

#[component]
fn UserList(
    logins: Vec<String>,
    reload: RwSignal<u32>,
    saved: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let me = move || app.user.get();
    let rows = logins
        .into_iter()
        .map(|login| {
            let mine = login.clone();
            view! {
                <li data-testid="user-row">
                    <span class="user-login">{login}</span>" "
                    <Show when=move || me().as_deref() == Some(mine.as_str())>
                        <span class="muted">{move || i18n.t(T::You)}</span>
                    </Show>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel">
            <p data-testid="users-enabled">{move || i18n.t(T::Enabled)} " " <strong>{me}</strong></p>
            <h2>{move || i18n.t(T::List)}</h2>
            <ul class="user-list" data-testid="user-list">{rows}</ul>
            <p class="muted">{move || i18n.t(T::RightsLater)}</p>
        </section>
        <SetPassword reload=reload saved=saved />
        <LockSettings />
    }
}

#[component]
fn SetPassword(reload: RwSignal<u32>, saved: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let form = PasswordForm::new();
    let working = RwSignal::new(false);
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        saved.set(None);
        let Some(password) = form.checked(i18n.lang()) else {
            return;
        };
        working.set(true);
        leptos::task::spawn_local(async move {
            gloo::timers::future::TimeoutFuture::new(30).await;
            let login = form.login.get_untracked();
            let result = app.set_password(&login, &password).await;
            working.set(false);
            match result {
                Ok(()) => {
                    form.clear();
                    saved.set(Some(login.trim().to_lowercase()));
                    reload.update(|r| *r += 1);
                }
                Err(error) => form.refusal.set(Some(session_error(&error, i18n.lang()))),
            }
        });
    };
    view! {
        <form class="panel users-form" on:submit=submit data-testid="set-password">
            <h2>{move || i18n.t(T::SetTitle)}</h2>
            <p>{move || i18n.t(T::SetLead)}</p>
            {form.fields("user")}
            <Show when=move || saved.with(Option::is_some)>
                <p class="notice" role="status" data-testid="user-saved">{move || i18n.t(T::Saved)} " " {move || saved.get()}</p>
            </Show>
            <button type="submit" class="primary" data-testid="user-submit" disabled=move || working.get()>
                {move || i18n.t(T::Set)}
            </button>
        </form>
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
            <button type="button" data-testid="lock-now" title="Alt+Q" on:click=move |_| app.lock()>
                {move || i18n.t(T::Lock)}
            </button>
        </section>
    }
}
