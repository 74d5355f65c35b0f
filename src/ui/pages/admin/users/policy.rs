//! The password policy (Kennwortrichtlinie) as a company setting
//! (`GlCommand::SetPasswordPolicy`, which needs the right "users and
//! rights"): the store applies it to every new password, the lock screen
//! its failed-login threshold, the login its expiry.

use leptos::prelude::*;

use crate::ledger::Command;
use crate::ledger::gl::{GlCommand, PasswordPolicy, RequiredClasses};
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::{now, user};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Kennwortrichtlinie", "Password policy";
        Lead => "Gilt für jedes neue Kennwort dieses Mandanten; ein Kennwort, das ein Superuser für einen anderen setzt, muss dieser bei der nächsten Anmeldung ändern. Fehlversuche sperren nie dauerhaft: jeder weitere verdoppelt die Wartezeit (ab 30 Sekunden, höchstens 15 Minuten).", "Applies to every new password of this company; a password a superuser sets for someone else must be changed by them at their next login. Failed logins never lock for good: each further one doubles the wait (from 30 seconds, at most 15 minutes).";
        MinLength => "Mindestlänge (Zeichen)", "Minimum length (characters)";
        Upper => "Großbuchstabe", "Upper-case letter";
        Lower => "Kleinbuchstabe", "Lower-case letter";
        Digit => "Ziffer", "Digit";
        Other => "Sonderzeichen", "Special character";
        Expiry => "Gültig (Tage; leer: unbegrenzt)", "Valid for (days; empty: no expiry)";
        NoReuse => "Nicht wieder verwenden: die letzten", "Not again: the last";
        LockAfter => "Fehlversuche bis zur Wartezeit", "Failed logins before a wait";
        NotANumber => "Bitte ganze Zahlen eintragen:", "Please enter whole numbers:";
        Save => "Richtlinie speichern", "Save policy";
        Saved => "Die Kennwortrichtlinie ist gespeichert.", "The password policy is saved.";
        Rule => "Kennwortregel:", "Password rule:";
        AtLeast => "mindestens", "at least";
        Characters => "Zeichen", "characters";
        With => "mit", "with";
        Days => "gültig für", "valid for";
        DaysUnit => "Tage", "days";
        Forever => "ohne Ablauf", "no expiry";
        NotLast => "nicht eines der letzten", "not one of the last";
        UpperWord => "Großbuchstabe", "an upper-case letter";
        LowerWord => "Kleinbuchstabe", "a lower-case letter";
        DigitWord => "Ziffer", "a digit";
        OtherWord => "Sonderzeichen", "a special character";
    }
}

/// The policy in one sentence, for every password form.
pub fn summary(policy: &PasswordPolicy, lang: Lang) -> String {
    let t = |t: T| t.text(lang);
    let classes = policy.require_classes;
    let named: Vec<&str> = [
        (classes.upper, T::UpperWord),
        (classes.lower, T::LowerWord),
        (classes.digit, T::DigitWord),
        (classes.other, T::OtherWord),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, text)| t(text))
    .collect();
    let mut parts = vec![format!(
        "{} {} {}",
        t(T::AtLeast),
        policy.min_length,
        t(T::Characters)
    )];
    if !named.is_empty() {
        parts[0] = format!("{} {} {}", parts[0], t(T::With), named.join(", "));
    }
    parts.push(match policy.expiry_days {
        Some(days) => format!("{} {days} {}", t(T::Days), t(T::DaysUnit)),
        None => t(T::Forever).to_string(),
    });
    if policy.no_reuse_last > 0 {
        parts.push(format!("{} {}", t(T::NotLast), policy.no_reuse_last));
    }
    format!("{} {}.", t(T::Rule), parts.join("; "))
}

/// The form's fields as typed.
#[derive(Clone, Copy)]
struct PolicyDraft {
    min_length: RwSignal<String>,
    classes: [RwSignal<bool>; 4],
    expiry: RwSignal<String>,
    no_reuse: RwSignal<String>,
    lock_after: RwSignal<String>,
}

impl PolicyDraft {
    fn from(policy: &PasswordPolicy) -> PolicyDraft {
        let c = policy.require_classes;
        PolicyDraft {
            min_length: RwSignal::new(policy.min_length.to_string()),
            classes: [c.upper, c.lower, c.digit, c.other].map(RwSignal::new),
            expiry: RwSignal::new(
                policy
                    .expiry_days
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
            no_reuse: RwSignal::new(policy.no_reuse_last.to_string()),
            lock_after: RwSignal::new(policy.lock_after_failures.to_string()),
        }
    }

    /// The policy typed, or the labels of the fields that are no whole
    /// number (the engine checks the ranges).
    fn policy(&self) -> Result<PasswordPolicy, Vec<T>> {
        let mut bad = Vec::new();
        let mut number = |field: T, text: RwSignal<String>| {
            let parsed = text.get_untracked().trim().parse::<u16>().ok();
            if parsed.is_none() {
                bad.push(field);
            }
            parsed.unwrap_or_default()
        };
        let min_length = number(T::MinLength, self.min_length);
        let no_reuse = number(T::NoReuse, self.no_reuse);
        let lock_after = number(T::LockAfter, self.lock_after);
        let expiry = match self.expiry.get_untracked().trim() {
            "" => None,
            _ => Some(number(T::Expiry, self.expiry)),
        };
        let small = |n: u16, field: T, bad: &mut Vec<T>| {
            u8::try_from(n).unwrap_or_else(|_| {
                bad.push(field);
                0
            })
        };
        let no_reuse_last = small(no_reuse, T::NoReuse, &mut bad);
        let lock_after_failures = small(lock_after, T::LockAfter, &mut bad);
        let [upper, lower, digit, other] = self.classes.map(|c| c.get_untracked());
        match bad.is_empty() {
            true => Ok(PasswordPolicy {
                min_length,
                require_classes: RequiredClasses {
                    upper,
                    lower,
                    digit,
                    other,
                },
                expiry_days: expiry,
                no_reuse_last,
                lock_after_failures,
            }),
            false => Err(bad),
        }
    }
}

#[component]
pub fn PolicyEditor() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let current = app
        .with_book(|b| *b.gl().password_policy())
        .unwrap_or_default();
    let draft = PolicyDraft::from(&current);
    let refusal = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        saved.set(false);
        let lang = i18n.lang();
        let policy = match draft.policy() {
            Ok(policy) => policy,
            Err(fields) => {
                let names: Vec<&str> = fields.into_iter().map(|f| f.text(lang)).collect();
                refusal.set(Some(format!(
                    "{} {}",
                    T::NotANumber.text(lang),
                    names.join(", ")
                )));
                return;
            }
        };
        leptos::task::spawn_local(async move {
            let Some(at) = now() else { return };
            let command = GlCommand::SetPasswordPolicy {
                policy,
                by: user(),
                at,
            };
            match app.execute(Command::Gl(command)).await {
                Ok(_) => {
                    refusal.set(None);
                    saved.set(true);
                }
                Err(error) => refusal.set(Some(session_error(&error, lang))),
            }
        });
    };
    let number = move |label: T, test: &'static str, value: RwSignal<String>| {
        view! {
            <label>{move || i18n.t(label)}
                <input type="number" min="0" data-testid=test
                    prop:value=value on:input=move |e| value.set(event_target_value(&e)) />
            </label>
        }
    };
    let classes = [T::Upper, T::Lower, T::Digit, T::Other]
        .into_iter()
        .zip(draft.classes)
        .zip(["upper", "lower", "digit", "other"])
        .map(|((label, on), key)| {
            view! {
                <label class="check">
                    <input type="checkbox" data-testid=format!("policy-class-{key}") prop:checked=on
                        on:change=move |e| on.set(event_target_checked(&e)) />
                    {move || i18n.t(label)}
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="panel users-form" on:submit=submit data-testid="policy-form">
            <h2>{move || i18n.t(T::Title)}</h2>
            <p class="muted">{move || i18n.t(T::Lead)}</p>
            <div class="form-grid">
                {number(T::MinLength, "policy-min-length", draft.min_length)}
                {number(T::Expiry, "policy-expiry", draft.expiry)}
                {number(T::NoReuse, "policy-no-reuse", draft.no_reuse)}
                {number(T::LockAfter, "policy-lock-after", draft.lock_after)}
            </div>
            <div class="form-grid">{classes}</div>
            <Show when=move || refusal.with(Option::is_some)>
                <p class="error-box" role="alert" data-testid="policy-error">{move || refusal.get()}</p>
            </Show>
            <Show when=move || saved.get()>
                <p class="notice" role="status" data-testid="policy-saved">{move || i18n.t(T::Saved)}</p>
            </Show>
            <SaveButton testid="policy-submit">{move || i18n.t(T::Save)}</SaveButton>
        </form>
    }
}
