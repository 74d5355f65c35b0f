//! Zahlungseinstellungen at `/banking/settings`: every field of
//! `PaymentSettings` as a form (accounts by number with their names shown
//! as you type, a cash-discount account per tax code, the tolerance, the
//! days for automatic reconciliation, the § 256a HGB tick), saved as one
//! `PaymentsCommand::SetSettings`; the engine checks the accounts and
//! codes and its refusal is shown as a sentence. The typed form and its
//! conversion live in `form`.

mod form;

use leptos::prelude::*;

use crate::ledger::Command;
use crate::ledger::payments::PaymentsCommand;
use crate::ledger::types::Timestamp;
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::{ErrorBox, NoCompany};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};
use form::{ACCOUNT_FIELDS, AccountChoice, AccountField, Form};

texts! {
    pub enum T {
        Title => "Zahlungseinstellungen", "Payment settings";
        Lead => "Konten, auf die Zahlungen und die Fremdwährungsbewertung buchen, ohne dass jemand sie nennt, und die Toleranzen. Ein leeres Kontofeld nimmt das Konto der Sachkontenfindung, wo eines passt.", "Accounts payments and the foreign-currency revaluation post to without anyone naming them, and the tolerances. An empty account field takes the G/L account determination's account where one fits.";
        Accounts => "Konten", "Accounts";
        Discounts => "Skontokonten je Steuerkennzeichen", "Cash-discount accounts per tax code";
        DiscountsHint => "Der Skonto einer Rechnungszeile mit diesem Steuerkennzeichen wird auf dieses Konto gebucht, mit demselben Steuerkennzeichen, sodass die Umsatzsteuer korrigiert wird (§ 17 UStG).", "The discount on an invoice line with this tax code is posted to this account with the same tax code, so the VAT is corrected (§ 17 UStG).";
        TaxCode => "Steuerkennzeichen", "Tax code";
        Account => "Konto", "Account";
        Limits => "Toleranzen und Bewertung", "Tolerances and revaluation";
        Tolerance => "Zahlungsdifferenz bis (Hauswährung), wird ausgebucht", "Payment difference up to (local currency), written off";
        MatchDays => "Automatischer Ausgleich: Tage Abstand höchstens", "Automatic reconciliation: at most days apart";
        WithinYear => "Unrealisierte Kursgewinne nur bei Restlaufzeit bis 1 Jahr buchen (§ 256a HGB)", "Post unrealised exchange gains only for a remaining term of up to 1 year (§ 256a HGB)";
        Save => "Speichern (Alt+S)", "Save (Alt+S)";
        Saved => "Die Zahlungseinstellungen sind gespeichert.", "The payment settings are saved.";
        Unknown => "unbekanntes Konto", "unknown account";
        Default => "leer: Sachkontenfindung", "empty: G/L account determination";
    }
}

#[component]
pub fn PaymentSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    view! {
        <section class="page payment-settings-page" data-page="payment-settings">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! { <SettingsBody /> }.into_any()
            }}
        </section>
    }
}

#[component]
fn SettingsBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let form = Form::new();
    // Fill the form from the book (again after a save, another tab's save
    // or a language switch, which writes the tolerance the new way).
    Effect::new(move |_| {
        let lang = i18n.lang();
        app.with_book(|b| form.load(b, lang));
    });
    let choices = Memo::new(move |_| {
        let german = i18n.is_de();
        app.with_book(|b| AccountChoice::all(b, german))
            .unwrap_or_default()
    });
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let save =
        Action::new_local(move |_: &()| save(app, form, error, saved, i18n.lang_untracked()));
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.alt_key() && ev.key().eq_ignore_ascii_case("s") {
            ev.prevent_default();
            save.dispatch(());
        }
    };
    view! {
        <p class="lead">{move || i18n.t(T::Lead)}</p>
        <datalist id="ps-accounts">
            {move || choices.get().into_iter().map(|c| view! { <option value=c.number.to_string()>{c.name}</option> }).collect_view()}
        </datalist>
        <form class="form payment-settings" data-testid="ps-form" on:keydown=on_key
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <fieldset>
                <legend>{move || i18n.t(T::Accounts)}</legend>
                {ACCOUNT_FIELDS.iter().map(|&f| view! { <AccountInput field=f form=form choices=choices /> }).collect_view()}
            </fieldset>
            <DiscountTable form=form choices=choices />
            <Limits form=form />
            <ErrorBox message=Signal::derive(move || error.get()) />
            <Show when=move || saved.get()>
                <div class="success-box" role="status" data-testid="ps-saved">{move || i18n.t(T::Saved)}</div>
            </Show>
            <div class="form-actions">
                <SaveButton testid="ps-save" pending=move || save.pending().get()>{move || i18n.t(T::Save)}</SaveButton>
            </div>
        </form>
    }
}

/// The name of the account typed in `text`, or "unknown account".
fn account_name(choices: &[AccountChoice], text: &str, lang: Lang) -> String {
    let number = text.split_whitespace().next().unwrap_or("");
    if number.is_empty() {
        return T::Default.text(lang).to_string();
    }
    choices
        .iter()
        .find(|c| c.number.as_str() == number)
        .map_or_else(|| T::Unknown.text(lang).to_string(), |c| c.name.clone())
}

#[component]
fn AccountInput(
    field: AccountField,
    form: Form,
    choices: Memo<Vec<AccountChoice>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = form.account(field);
    let slug = field.slug();
    view! {
        <label class="field account-field">
            <span>{move || i18n.t(field.label())}</span>
            <input type="text" list="ps-accounts" autocomplete="off" class="account-no-input"
                data-testid=format!("ps-{slug}")
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev)) />
            <span class="account-name muted" data-testid=format!("ps-{slug}-name")>
                {move || account_name(&choices.get(), &text.get(), i18n.lang())}
            </span>
        </label>
    }
}

#[component]
fn DiscountTable(form: Form, choices: Memo<Vec<AccountChoice>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{move || i18n.t(T::Discounts)}</legend>
            <p class="muted hint">{move || i18n.t(T::DiscountsHint)}</p>
            <table class="data discount-accounts" data-testid="ps-discounts">
                <thead><tr>
                    <th>{move || i18n.t(T::TaxCode)}</th>
                    <th>{move || i18n.t(T::Account)}</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    {move || form.discounts.get().into_iter().map(|(code, name, text)| {
                        let slug = code.clone();
                        view! {
                            <tr data-code=code.clone()>
                                <th scope="row"><span class="account-no">{code.clone()}</span>" "{name}</th>
                                <td><input type="text" list="ps-accounts" autocomplete="off" class="account-no-input"
                                    aria-label=format!("{} {code}", i18n.t(T::Account))
                                    data-testid=format!("ps-discount-{slug}")
                                    prop:value=move || text.get()
                                    on:input=move |ev| text.set(event_target_value(&ev)) /></td>
                                <td class="account-name muted">{move || account_name(&choices.get(), &text.get(), i18n.lang())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </fieldset>
    }
}

#[component]
fn Limits(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{move || i18n.t(T::Limits)}</legend>
            <label class="field narrow">
                <span>{move || i18n.t(T::Tolerance)}</span>
                <input type="text" inputmode="decimal" data-testid="ps-tolerance"
                    prop:value=move || form.tolerance.get()
                    on:input=move |ev| form.tolerance.set(event_target_value(&ev)) />
            </label>
            <label class="field narrow">
                <span>{move || i18n.t(T::MatchDays)}</span>
                <input type="text" inputmode="numeric" data-testid="ps-match-days"
                    prop:value=move || form.match_days.get()
                    on:input=move |ev| form.match_days.set(event_target_value(&ev)) />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="ps-within-year"
                    prop:checked=move || form.within_year.get()
                    on:change=move |ev| form.within_year.set(event_target_checked(&ev)) />
                <span>{move || i18n.t(T::WithinYear)}</span>
            </label>
        </fieldset>
    }
}

async fn save(
    app: AppState,
    form: Form,
    error: RwSignal<Option<String>>,
    saved: RwSignal<bool>,
    lang: Lang,
) {
    error.set(None);
    saved.set(false);
    let decimals = app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2);
    let settings = match form.settings(decimals, lang) {
        Ok(s) => s,
        Err(message) => return error.set(Some(message)),
    };
    // Whole seconds of the browser's clock (milliseconds since 1970).
    let now = (js_sys::Date::now() / 1000.0).floor() as i64;
    let Some(at) = Timestamp::from_unix_seconds(now) else {
        return;
    };
    let cmd = Command::Payments(PaymentsCommand::SetSettings {
        settings: Box::new(settings),
        by: "kontor".into(),
        at,
    });
    match app.execute(cmd).await {
        Ok(_) => saved.set(true),
        Err(e) => error.set(Some(session_error(&e, lang))),
    }
}
