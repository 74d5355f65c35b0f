//! The users of the company as a table, and the form that adds a user,
//! changes one (name, language, active, superuser, roles) or sets a
//! password again. The record is saved through the engine
//! (`GlCommand::SaveUser`, which needs the right "users and rights"); a
//! password only by its own user or by someone holding that right.

use leptos::prelude::*;

use super::PasswordForm;
use crate::ledger::Command;
use crate::ledger::gl::{AccessError, Area, GlCommand, Level, User, UserLanguage};
use crate::texts;
use crate::ui::components::{now, user};
use crate::ui::errors::{access_error, session_error};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

texts! {
    pub enum T {
        Login => "Anmeldung", "Login";
        Name => "Name", "Name";
        Language => "Sprache", "Language";
        Active => "Aktiv", "Active";
        Superuser => "Superuser (alle Rechte)", "Superuser (every right)";
        Roles => "Rollen", "Roles";
        Yes => "ja", "yes";
        No => "nein", "no";
        You => "(Sie)", "(you)";
        NotRecorded => "noch nicht erfasst", "not recorded yet";
        Edit => "Bearbeiten", "Edit";
        FormTitle => "Benutzer anlegen oder ändern", "Add or change a user";
        FormLead => "Eine neue Anmeldung legt einen Benutzer an und braucht ein Kennwort. Für eine bestehende bleiben die Kennwortfelder leer, außer das Kennwort soll neu gesetzt werden (etwa wenn es vergessen wurde).", "A new login adds a user and needs a password. For an existing one the password fields stay empty unless the password is to be set again (e.g. when it was forgotten).";
        NeedsPassword => "Ein neuer Benutzer braucht ein Kennwort.", "A new user needs a password.";
        Save => "Speichern", "Save";
        Saved => "Gespeichert:", "Saved:";
        German => "Deutsch", "German";
        English => "Englisch", "English";
    }
}

/// The form's fields; kept by the page, so a save that re-renders the
/// list keeps what it said.
#[derive(Clone, Copy)]
pub struct UserDraft {
    form: PasswordForm,
    name: RwSignal<String>,
    english: RwSignal<bool>,
    active: RwSignal<bool>,
    superuser: RwSignal<bool>,
    roles: RwSignal<Vec<String>>,
    saved: RwSignal<Option<String>>,
}

impl UserDraft {
    pub fn new() -> UserDraft {
        UserDraft {
            form: PasswordForm::new(),
            name: RwSignal::new(String::new()),
            english: RwSignal::new(false),
            active: RwSignal::new(true),
            superuser: RwSignal::new(false),
            roles: RwSignal::new(Vec::new()),
            saved: RwSignal::new(None),
        }
    }

    fn load(&self, user: &User) {
        self.form.login.set(user.login.clone());
        self.form.clear();
        self.form.refusal.set(None);
        self.name.set(user.name.clone());
        self.english.set(user.language == UserLanguage::English);
        self.active.set(user.active);
        self.superuser.set(user.superuser);
        self.roles.set(user.roles.clone());
        self.saved.set(None);
    }

    /// The record as typed; the name defaults to the login.
    fn record(&self) -> User {
        let login = self.form.login.get_untracked().trim().to_lowercase();
        let name = self.name.get_untracked().trim().to_string();
        User {
            name: if name.is_empty() { login.clone() } else { name },
            login,
            language: match self.english.get_untracked() {
                true => UserLanguage::English,
                false => UserLanguage::German,
            },
            active: self.active.get_untracked(),
            superuser: self.superuser.get_untracked(),
            roles: self.roles.get_untracked(),
        }
    }
}

/// Every login: the users the log names, then key copies it does not
/// name yet (a company encrypted before users were recorded).
fn users_of(app: AppState, logins: &[String]) -> Vec<(User, bool)> {
    let recorded = app
        .with_book(|b| b.gl().access().users().to_vec())
        .unwrap_or_default();
    let unrecorded = logins
        .iter()
        .filter(|l| !recorded.iter().any(|u| &u.login == *l))
        .map(|login| {
            let user = User {
                login: login.clone(),
                name: login.clone(),
                language: UserLanguage::German,
                active: true,
                superuser: false,
                roles: Vec::new(),
            };
            (user, false)
        })
        .collect::<Vec<_>>();
    recorded
        .into_iter()
        .map(|u| (u, true))
        .chain(unrecorded)
        .collect()
}

#[component]
pub fn UserTable(logins: Vec<String>, draft: UserDraft) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let yes_no = move |b: bool| i18n.t(if b { T::Yes } else { T::No });
    let rows = move || {
        users_of(app, &logins)
            .into_iter()
            .map(|(u, recorded)| {
                let me = app.user.get().as_deref() == Some(u.login.as_str());
                let edit = u.clone();
                let language = match u.language {
                    UserLanguage::German => "de",
                    UserLanguage::English => "en",
                };
                view! {
                    <tr data-testid="user-row" data-login=u.login.clone()>
                        <td><span class="user-login">{u.login.clone()}</span>" "
                            {me.then(|| view! { <span class="muted">{move || i18n.t(T::You)}</span> })}
                        </td>
                        <td>{u.name.clone()}
                            {(!recorded).then(|| view! { <span class="muted">" – "{move || i18n.t(T::NotRecorded)}</span> })}
                        </td>
                        <td>{language}</td>
                        <td>{move || yes_no(u.active)}</td>
                        <td>{move || yes_no(u.superuser)}</td>
                        <td>{u.roles.join(", ")}</td>
                        <td>
                            <button type="button" data-testid=format!("user-edit-{}", u.login)
                                on:click=move |_| draft.load(&edit)>{move || i18n.t(T::Edit)}</button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <table class="data user-list" data-testid="user-list">
            <thead><tr>
                <th>{move || i18n.t(T::Login)}</th>
                <th>{move || i18n.t(T::Name)}</th>
                <th>{move || i18n.t(T::Language)}</th>
                <th>{move || i18n.t(T::Active)}</th>
                <th>{move || i18n.t(T::Superuser)}</th>
                <th>{move || i18n.t(T::Roles)}</th>
                <th></th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Saves the record when it changed, then the password when one was
/// typed; the first refusal's sentence, or the login saved.
async fn save(
    app: AppState,
    record: User,
    password: Option<String>,
    lang: Lang,
) -> Result<String, String> {
    let known = app.logins().await.map_err(|e| session_error(&e, lang))?;
    let is_new = !known.contains(&record.login);
    if is_new && password.is_none() {
        return Err(T::NeedsPassword.text(lang).to_string());
    }
    let stored = app
        .with_book(|b| b.gl().access().user(&record.login).cloned())
        .flatten();
    if stored.as_ref() != Some(&record) {
        let at =
            now().ok_or_else(|| session_error(&crate::session::SessionError::NotOpen, lang))?;
        let command = GlCommand::SaveUser {
            user: record.clone(),
            by: user(),
            at,
        };
        app.execute(Command::Gl(command))
            .await
            .map_err(|e| session_error(&e, lang))?;
    }
    if let Some(password) = password {
        let own = app.user.get_untracked().as_deref() == Some(record.login.as_str());
        if !own && app.level(Area::Users) != Level::Full {
            let refusal = AccessError::NotAllowed {
                login: user(),
                area: Area::Users,
            };
            return Err(access_error(&refusal, lang));
        }
        app.set_password(&record.login, &password)
            .await
            .map_err(|e| session_error(&e, lang))?;
    }
    Ok(record.login)
}

#[component]
pub fn UserForm(draft: UserDraft, reload: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let working = RwSignal::new(false);
    let roles = move || {
        app.with_book(|b| b.gl().access().roles().to_vec())
            .unwrap_or_default()
    };
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        draft.saved.set(None);
        let lang = i18n.lang();
        let Ok(password) = draft.form.optional(lang) else {
            return;
        };
        let record = draft.record();
        working.set(true);
        leptos::task::spawn_local(async move {
            // Let the button's state paint before Argon2id holds the thread.
            gloo::timers::future::TimeoutFuture::new(30).await;
            let result = save(app, record, password, lang).await;
            working.set(false);
            match result {
                Ok(login) => {
                    draft.form.clear();
                    draft.saved.set(Some(login));
                    reload.update(|r| *r += 1);
                }
                Err(sentence) => draft.form.refusal.set(Some(sentence)),
            }
        });
    };
    let check = move |label: T, test: &'static str, value: RwSignal<bool>| {
        view! {
            <label class="check">
                <input type="checkbox" data-testid=test prop:checked=value
                    on:change=move |e| value.set(event_target_checked(&e)) />
                {move || i18n.t(label)}
            </label>
        }
    };
    let role_boxes = move || {
        roles()
            .into_iter()
            .map(|role| {
                let code = role.code.clone();
                let held = {
                    let code = code.clone();
                    move || draft.roles.with(|r| r.contains(&code))
                };
                let toggle = move |e: leptos::ev::Event| {
                    let on = event_target_checked(&e);
                    draft.roles.update(|r| {
                        r.retain(|c| c != &code);
                        if on {
                            r.push(code.clone());
                        }
                    });
                };
                view! {
                    <label class="check">
                        <input type="checkbox" data-testid=format!("user-role-{}", role.code)
                            prop:checked=held on:change=toggle />
                        {format!("{} – {}", role.code, role.name)}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <form class="panel users-form" on:submit=submit data-testid="set-password">
            <h2>{move || i18n.t(T::FormTitle)}</h2>
            <p>{move || i18n.t(T::FormLead)}</p>
            <div class="form-grid">
                <label>{move || i18n.t(T::Name)}
                    <input type="text" data-testid="user-name" prop:value=draft.name
                        on:input=move |e| draft.name.set(event_target_value(&e)) />
                </label>
                <label>{move || i18n.t(T::Language)}
                    <select data-testid="user-language"
                        on:change=move |e| draft.english.set(event_target_value(&e) == "en")>
                        <option value="de" selected=move || !draft.english.get()>{move || i18n.t(T::German)}</option>
                        <option value="en" selected=move || draft.english.get()>{move || i18n.t(T::English)}</option>
                    </select>
                </label>
            </div>
            {draft.form.fields("user")}
            <div class="form-grid">
                {check(T::Active, "user-active", draft.active)}
                {check(T::Superuser, "user-superuser", draft.superuser)}
            </div>
            <fieldset class="user-roles">
                <legend>{move || i18n.t(T::Roles)}</legend>
                {role_boxes}
            </fieldset>
            <Show when=move || draft.saved.with(Option::is_some)>
                <p class="notice" role="status" data-testid="user-saved">{move || i18n.t(T::Saved)} " " {move || draft.saved.get()}</p>
            </Show>
            // Not a SaveButton: read-only on this page, one still sets
            // one's own password here (the engine refuses the rest).
            <button type="submit" class="button primary" data-testid="user-submit" disabled=move || working.get()>
                {move || i18n.t(T::Save)}
            </button>
        </form>
    }
}
