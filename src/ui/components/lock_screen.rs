//! The lock screen (Anmeldung / Sperre), issue 18: an encrypted company
//! opens only with a user's password; Alt+Q and an idle time lock it again.
//! Locking drops the session and its key, so what was on screen is gone,
//! not hidden.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::ledger::gl::UserLanguage;
use crate::security::{PasswordPolicy, delay_after};
use crate::texts;
use crate::ui::components::Said;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;
use crate::ui::state::{AppState, lock_after_key};

texts! {
    enum T {
        Title => "Anmeldung", "Log in";
        Lead => "Dieser Mandant ist verschlüsselt. Nur das Kennwort eines seiner Benutzer öffnet ihn.", "This company is encrypted. Only the password of one of its users opens it.";
        Login => "Benutzer", "User";
        Password => "Kennwort", "Password";
        Submit => "Anmelden", "Log in";
        Checking => "Kennwort wird geprüft …", "Checking the password …";
        WaitBefore => "Zu viele Fehlversuche. Nächster Versuch möglich in", "Too many failed attempts. Next try possible in";
        Seconds => "Sekunden.", "seconds.";
        Other => "Anderen Mandanten wählen", "Choose another company";
        ChangeTitle => "Neues Kennwort", "New password";
        ChangeLead => "Ihr Kennwort ist abgelaufen oder wurde von einem anderen Benutzer gesetzt. Wählen Sie ein eigenes, bevor der Mandant öffnet.", "Your password has expired or was set by another user. Choose your own before the company opens.";
        NewPassword => "Neues Kennwort", "New password";
        Repeat => "Neues Kennwort wiederholen", "Repeat new password";
        Mismatch => "Die beiden Kennwörter stimmen nicht überein.", "The two passwords do not match.";
        Change => "Kennwort ändern und öffnen", "Change password and open";
        Changing => "Kennwort wird gesetzt …", "Setting the password …";
    }
}

/// Minutes without a key press or pointer action before an open
/// encrypted company locks itself; this browser's setting.
pub const IDLE_MINUTES_KEY: &str = "kontor.lockAfterMinutes";
pub const DEFAULT_IDLE_MINUTES: u32 = 15;

/// The idle time this browser locks after.
pub fn idle_minutes() -> u32 {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::get::<u32>(IDLE_MINUTES_KEY)
        .ok()
        .filter(|m| (1..=24 * 60).contains(m))
        .unwrap_or(DEFAULT_IDLE_MINUTES)
}

/// Over everything while an encrypted company waits for a login; also
/// keeps the lock shortcut (Alt+Q) and the idle timer.
#[component]
pub fn LockScreen() -> impl IntoView {
    let app = use_app();
    watch_for_lock();
    view! {
        <Show when=move || app.login_needed.with(Option::is_some)>
            <Show when=move || app.must_change.with(Option::is_some) fallback=LoginForm>
                <ChangePasswordForm />
            </Show>
        </Show>
    }
}

/// The screens speak the logged-in user's own language.
fn speak_users_language(app: AppState, lang: impl Fn(Lang)) {
    let login = crate::ui::actor::user();
    let own = app.with_book(|b| b.gl().access().user(&login).map(|u| u.language));
    match own.flatten() {
        Some(UserLanguage::German) => lang(Lang::De),
        Some(UserLanguage::English) => lang(Lang::En),
        None => {}
    }
}

/// The failed logins before each try must wait, as the company's policy
/// said at the last login here (the policy is inside the encrypted books).
fn login_policy(company_id: &str) -> PasswordPolicy {
    use gloo::storage::{LocalStorage, Storage};
    let default = PasswordPolicy::default();
    let stored = LocalStorage::get::<u8>(lock_after_key(company_id)).ok();
    PasswordPolicy {
        lock_after_failures: stored
            .filter(|n| *n >= 1)
            .unwrap_or(default.lock_after_failures),
        ..default
    }
}

/// A login whose password must be changed before the company opens.
#[component]
fn ChangePasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let password = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        if working.get_untracked() {
            return;
        }
        if password.get_untracked() != repeat.get_untracked() {
            said.set(Some(i18n.t(T::Mismatch).to_string()));
            return;
        }
        working.set(true);
        said.set(None);
        leptos::task::spawn_local(async move {
            // Let "setting" paint before Argon2id holds the thread.
            gloo::timers::future::TimeoutFuture::new(30).await;
            let result = app.change_expired(&password.get_untracked()).await;
            working.set(false);
            match result {
                Ok(()) => speak_users_language(app, |l| i18n.set(l)),
                Err(error) => said.set(Some(crate::ui::errors::session_error(&error, i18n.lang()))),
            }
        });
    };
    // Leaving drops the waiting session: the password stays as it was.
    let navigate = use_navigate();
    let other = move |_| {
        app.close_company();
        navigate("/", Default::default());
    };
    let field = move |label: T, test: &'static str, value: RwSignal<String>| {
        view! {
            <label>{move || i18n.t(label)}
                <input type="password" autocomplete="new-password" data-testid=test
                    prop:value=value on:input=move |e| value.set(event_target_value(&e)) />
            </label>
        }
    };
    view! {
        <div class="lock-screen" data-testid="lock-screen">
            <form class="lock-card" on:submit=submit data-testid="change-password">
                <h1>{move || i18n.t(T::ChangeTitle)}</h1>
                <p class="lock-company">{move || app.must_change.get()}</p>
                <p class="muted">{move || i18n.t(T::ChangeLead)}</p>
                {field(T::NewPassword, "change-password-new", password)}
                {field(T::Repeat, "change-password-repeat", repeat)}
                <Show when=move || said.with(Option::is_some)>
                    <p class="error-box" role="alert" data-testid="change-password-error">{move || said.get()}</p>
                </Show>
                <div class="actions">
                    <button type="submit" class="button primary" data-testid="change-password-submit" disabled=move || working.get()>
                        {move || if working.get() { i18n.t(T::Changing) } else { i18n.t(T::Change) }}
                    </button>
                    <button type="button" class="button" on:click=other data-testid="change-password-other">{move || i18n.t(T::Other)}</button>
                </div>
            </form>
        </div>
    }
}

/// Alt+Q locks; so does no key press or pointer action for the idle time.
fn watch_for_lock() {
    let app = use_app();
    let last_active = StoredValue::new(js_sys::Date::now());
    let touch = move || last_active.set_value(js_sys::Date::now());
    // The lock screen lives as long as the app: its listeners and timer
    // are never removed.
    let _keys = window_event_listener(ev::keydown, move |e| {
        touch();
        if e.alt_key() && !e.ctrl_key() && !e.meta_key() && e.key().eq_ignore_ascii_case("q") {
            e.prevent_default();
            app.lock();
        }
    });
    let _pointer = window_event_listener(ev::pointerdown, move |_| touch());
    gloo::timers::callback::Interval::new(15_000, move || {
        let idle_ms = f64::from(idle_minutes()) * 60_000.0;
        if js_sys::Date::now() - last_active.get_value() > idle_ms {
            app.lock();
        }
    })
    .forget();
}

#[component]
fn LoginForm() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = use_navigate();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let checking = RwSignal::new(false);
    let said = RwSignal::new(None::<Said<T>>);
    // Failed tries survive a reload (kept per company in this browser), so
    // reloading the page does not skip the wait.
    let company_id = app
        .login_needed
        .with_untracked(|m| m.as_ref().map(|m| m.id.clone()));
    let company_id = StoredValue::new(company_id.unwrap_or_default());
    let stored = Failures::read(&company_id.get_value());
    let failures = StoredValue::new(stored.count);
    let wait_until = RwSignal::new(stored.until_ms);
    let now = RwSignal::new(js_sys::Date::now());
    let tick = StoredValue::new_local(Some(gloo::timers::callback::Interval::new(
        500,
        move || now.set(js_sys::Date::now()),
    )));
    on_cleanup(move || tick.set_value(None));
    let seconds_left = move || ((wait_until.get() - now.get()) / 1000.0).ceil().max(0.0) as u64;
    let name = move || {
        app.login_needed
            .with(|m| m.as_ref().map(|m| m.name.clone()))
    };
    let submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        if checking.get_untracked() || seconds_left() > 0 {
            return;
        }
        checking.set(true);
        said.set(None);
        leptos::task::spawn_local(async move {
            // Let "checking" paint before Argon2id holds the thread.
            gloo::timers::future::TimeoutFuture::new(30).await;
            let result = app
                .log_in(&login.get_untracked(), &password.get_untracked())
                .await;
            password.set(String::new());
            checking.set(false);
            let id = company_id.get_value();
            match result {
                Ok(()) => {
                    Failures::clear(&id);
                    speak_users_language(app, |l| i18n.set(l));
                }
                Err(error) => {
                    failures.update_value(|f| *f += 1);
                    let delay = delay_after(failures.get_value(), &login_policy(&id));
                    let failed_at = js_sys::Date::now();
                    let until_ms = failed_at + delay_ms(delay);
                    // The ticking clock may be half a second behind.
                    now.set(failed_at);
                    wait_until.set(until_ms);
                    Failures {
                        count: failures.get_value(),
                        until_ms,
                    }
                    .write(&id);
                    said.set(Some(Said::Session(error)));
                }
            }
        });
    };
    let other = move |_| {
        app.close_company();
        navigate("/", Default::default());
    };
    view! {
        <div class="lock-screen" data-testid="lock-screen">
            <form class="lock-card" on:submit=submit>
                <h1>{move || i18n.t(T::Title)}</h1>
                <p class="lock-company" data-testid="lock-company">{name}</p>
                <p class="muted">{move || i18n.t(T::Lead)}</p>
                <label>{move || i18n.t(T::Login)}
                    <input type="text" autocomplete="username" autofocus data-testid="login-user"
                        prop:value=login on:input=move |e| login.set(event_target_value(&e)) />
                </label>
                <label>{move || i18n.t(T::Password)}
                    <input type="password" autocomplete="current-password" data-testid="login-password"
                        prop:value=password on:input=move |e| password.set(event_target_value(&e)) />
                </label>
                <Show when=move || said.with(Option::is_some)>
                    <p class="error-box" role="alert" data-testid="login-error">
                        {move || said.with(|s| s.as_ref().map(|s| s.say(i18n.lang())))}
                    </p>
                </Show>
                <Show when=move || { seconds_left() > 0 }>
                    <p class="notice" data-testid="login-wait">
                        {move || i18n.t(T::WaitBefore)} " " {seconds_left} " " {move || i18n.t(T::Seconds)}
                    </p>
                </Show>
                <div class="actions">
                    <button type="submit" class="button primary" data-testid="login-submit"
                        disabled=move || { checking.get() || seconds_left() > 0 }>
                        {move || if checking.get() { i18n.t(T::Checking) } else { i18n.t(T::Submit) }}
                    </button>
                    <button type="button" class="button" on:click=other data-testid="login-other">{move || i18n.t(T::Other)}</button>
                </div>
            </form>
        </div>
    }
}

/// Failed logins in a row for one company in this browser, and until when
/// the next try waits.
#[derive(Clone, Copy, Default, serde::Serialize, serde::Deserialize)]
struct Failures {
    count: u32,
    until_ms: f64,
}

impl Failures {
    fn key(company_id: &str) -> String {
        format!("kontor.loginFailures.{company_id}")
    }

    fn read(company_id: &str) -> Failures {
        use gloo::storage::{LocalStorage, Storage};
        LocalStorage::get(Self::key(company_id)).unwrap_or_default()
    }

    fn write(self, company_id: &str) {
        use gloo::storage::{LocalStorage, Storage};
        // A browser refusing the write only shortens the next wait.
        if LocalStorage::set(Self::key(company_id), self).is_err() {
            leptos::logging::warn!("failed logins not kept");
        }
    }

    fn clear(company_id: &str) {
        use gloo::storage::{LocalStorage, Storage};
        LocalStorage::delete(Self::key(company_id));
    }
}

fn delay_ms(delay: Duration) -> f64 {
    delay.as_millis() as f64
}
