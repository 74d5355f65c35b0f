//! Hausbanken (house banks) at `/banking/house-banks`: the company's own
//! bank accounts and a form to create or edit one (code, name, G/L
//! account, IBAN, BIC, currency, suspense account; the CSV mapping the
//! import saved is shown, not edited). Writes only through
//! `BankCommand::SaveHouseBank`; a refusal is shown as its sentence at the
//! field it is about.

mod form;
mod list;
mod texts;

use leptos::prelude::*;

use crate::ui::components::SaveButton;
use crate::ui::components::{now, user};

use crate::ledger::Command;
use crate::ledger::bank::{BankCommand, HouseBank, HouseBankField};
use crate::ledger::types::Currency;
use crate::ui::components::{ErrorBox, NoCompany};
use crate::ui::errors::session_error;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

use form::{Form, field_of};
use list::BankList;
use texts::T;

/// A refusal and the field it is about (`None`: the whole form).
type Refusal = (Option<HouseBankField>, String);

#[component]
pub fn HouseBanksPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page house-banks-page" data-page="house-banks">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

#[component]
fn Body() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let banks = Memo::new(move |_| {
        app.with_book(|b| b.bank().house_banks().to_vec())
            .unwrap_or_default()
    });
    let lc = move || app.with_book(|b| b.settings().lc).unwrap_or(Currency::EUR);
    let form = Form::new();
    form.clear(&untrack(lc));
    let refusal = RwSignal::new(None::<Refusal>);
    let notice = RwSignal::new(None::<(T, String)>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        refusal.set(None);
        notice.set(None);
        let bank = match form.read(lang) {
            Ok(b) => b,
            Err(e) => return refusal.set(Some((Some(e.field), e.message))),
        };
        let Some(at) = now() else { return };
        let editing = form.editing.get_untracked().is_some();
        let code = bank.code.clone();
        let cmd = Command::Bank(BankCommand::SaveHouseBank {
            bank: Box::new(bank.clone()),
            by: user(),
            at,
        });
        match app.execute(cmd).await {
            Ok(_) => {
                notice.set(Some((if editing { T::Saved } else { T::Created }, code)));
                form.clear(&untrack(lc));
            }
            Err(e) => refusal.set(Some((field_of(&e, &bank), session_error(&e, lang)))),
        }
    });
    let edit = move |b: HouseBank| {
        refusal.set(None);
        notice.set(None);
        form.load(&b);
        focus_form();
    };
    let cancel = move || {
        refusal.set(None);
        form.clear(&untrack(lc));
    };
    view! {
        <BankList banks=banks edit=edit />
        <BankForm form=form save=save refusal=refusal notice=notice cancel=cancel />
    }
}

/// Puts the cursor in the form's first free field.
fn focus_form() {
    crate::ui::components::focus_by_id("house-bank-name");
}

/// A text field of the form with the refusal about it underneath.
#[component]
fn Field(
    label: T,
    value: RwSignal<String>,
    field: HouseBankField,
    refusal: RwSignal<Option<Refusal>>,
    #[prop(into)] testid: String,
    #[prop(optional)] id: &'static str,
    #[prop(optional)] disabled: Option<Signal<bool>>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let here = move || match refusal.get() {
        Some((Some(f), message)) if f == field => Some(message),
        _ => None,
    };
    let error_id = format!("{testid}-error");
    view! {
        <label class=format!("field {class}")>
            <span>{move || i18n.t(label)}</span>
            <input data-testid=testid.clone() id=id autocomplete="off"
                aria-invalid=move || here().is_some().then_some("true")
                prop:value=value prop:disabled=move || disabled.is_some_and(|d| d.get())
                on:input=move |ev| value.set(event_target_value(&ev)) />
            {move || here().map(|m| view! { <small class="field-error" role="alert" data-testid=error_id.clone()>{m}</small> })}
        </label>
    }
}

#[component]
fn BankForm(
    form: Form,
    save: Action<(), ()>,
    refusal: RwSignal<Option<Refusal>>,
    notice: RwSignal<Option<(T, String)>>,
    cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = save.pending();
    let editing = Signal::derive(move || form.editing.get().is_some());
    let general = Signal::derive(move || match refusal.get() {
        Some((None, message)) => Some(message),
        _ => None,
    });
    view! {
        <form id="house-bank-form" class="form house-bank-form" data-testid="house-bank-form"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }
            on:keydown=move |ev| if ev.key() == "Escape" && editing.get_untracked() { cancel() }>
            <h2>{move || match form.editing.get() {
                Some(code) => format!("{} {code}", i18n.t(T::EditTitle)),
                None => i18n.t(T::New).to_string(),
            }}</h2>
            <fieldset>
                <div class="field-row">
                    <Field label=T::Code value=form.code field=HouseBankField::Code refusal=refusal testid="hb-code" class="narrow" disabled=editing />
                    <Field label=T::Name value=form.name field=HouseBankField::Name refusal=refusal testid="hb-name" id="house-bank-name" />
                </div>
                <div class="field-row">
                    <Field label=T::Account value=form.account field=HouseBankField::Account refusal=refusal testid="hb-account" class="narrow" />
                    <Field label=T::Iban value=form.iban field=HouseBankField::Iban refusal=refusal testid="hb-iban" />
                    <Field label=T::Bic value=form.bic field=HouseBankField::Bic refusal=refusal testid="hb-bic" class="narrow" />
                </div>
                <div class="field-row">
                    <label class="field narrow">
                        <span>{move || i18n.t(T::Currency)}</span>
                        <input data-testid="hb-currency" maxlength="3" autocomplete="off" prop:value=form.currency
                            on:input=move |ev| form.currency.set(event_target_value(&ev)) />
                    </label>
                    <Field label=T::Suspense value=form.suspense field=HouseBankField::SuspenseAccount refusal=refusal testid="hb-suspense" class="narrow" />
                </div>
                <Show when=move || form.csv_mapping.get().is_some()>
                    <div class="field">
                        <span>{move || i18n.t(T::Mapping)}</span>
                        // The bank's column names are German: data in German, marked so.
                        <pre class="csv-mapping" data-testid="hb-mapping" lang="de">{move || form.csv_mapping.get().map(|m| pretty_json(&m))}</pre>
                        <small class="muted">{move || i18n.t(T::MappingHint)}</small>
                    </div>
                </Show>
            </fieldset>
            <ErrorBox message=general />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|(t, code)| format!("{} {code}", i18n.t(t)))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="hb-save" pending=move || pending.get()>
                    {move || if pending.get() { i18n.t(T::Saving) } else if editing.get() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
                <Show when=move || editing.get()>
                    <button type="button" class="button" data-testid="hb-cancel" on:click=move |_| cancel()>{move || i18n.t(T::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}

/// The saved mapping indented, one field a line (it is stored as compact
/// JSON, which on one line made the page thousands of pixels wide); as
/// stored when it is not JSON.
fn pretty_json(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| text.to_string())
}
