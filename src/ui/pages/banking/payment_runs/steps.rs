//! Steps 1 to 3 of the wizard: general data (name, dates, direction,
//! house bank, our creditor id for direct debits), the selection of
//! partners and payment methods, and the documents' due date.

use leptos::prelude::*;

use super::form::{Form, METHODS, Pick};
use super::texts::T;
use super::{Notice, now, user};
use crate::ledger::Command;
use crate::ledger::partners::PaymentMethod;
use crate::ledger::payment_runs::PaymentRunsCommand;
use crate::ui::components::DateField;
use crate::ui::errors::session_error;
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

#[component]
pub fn Steps(form: Form, notice: RwSignal<Option<Notice>>) -> impl IntoView {
    view! {
        <div class="run-steps">
            <General form=form notice=notice />
            <Selection form=form />
            <Documents form=form />
        </div>
    }
}

/// A text field of a step.
#[component]
fn TextField(label: T, value: RwSignal<String>, #[prop(into)] testid: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="field">
            <span>{move || i18n.t(label)}</span>
            <input data-testid=testid autocomplete="off" prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </label>
    }
}

/// A checkbox of a step.
#[component]
fn CheckField(label: T, value: RwSignal<bool>, #[prop(into)] testid: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="check">
            <input type="checkbox" data-testid=testid prop:checked=value
                on:change=move |ev| value.set(event_target_checked(&ev)) />
            <span>{move || i18n.t(label)}</span>
        </label>
    }
}

#[component]
fn General(form: Form, notice: RwSignal<Option<Notice>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let banks = Memo::new(move |_| {
        app.with_book(|b| {
            b.bank()
                .house_banks()
                .iter()
                .map(|h| (h.code.clone(), format!("{} {}", h.code, h.name)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let set_creditor = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        let Some(at) = now() else { return };
        let cmd = Command::PaymentRuns(PaymentRunsCommand::SetCreditorId {
            creditor_id: form.creditor_id.get_untracked().trim().to_string(),
            by: user(),
            at,
        });
        notice.set(match app.execute(cmd).await {
            Ok(_) => Notice::ok(T::CreditorIdSaved.text(lang).to_string()),
            Err(e) => Notice::failed(session_error(&e, lang)),
        });
    });
    view! {
        <fieldset class="run-step" data-testid="step-general">
            <legend>{move || i18n.t(T::StepGeneral)}</legend>
            <div class="field-row">
                <TextField label=T::Name value=form.name testid="run-name" />
                <DateField label=T::RunDate value=form.run_date testid="run-date" />
                <DateField label=T::NextRunDate value=form.next_run_date testid="run-next" />
            </div>
            <div class="field-row">
                <CheckField label=T::Outgoing value=form.outgoing testid="run-outgoing" />
                <CheckField label=T::Incoming value=form.incoming testid="run-incoming" />
                <label class="field">
                    <span>{move || i18n.t(T::HouseBank)}</span>
                    <select data-testid="run-bank" prop:value=form.house_bank
                        on:change=move |ev| form.house_bank.set(event_target_value(&ev))>
                        {move || banks.get().into_iter().map(|(code, label)| view! {
                            <option value=code.clone() selected=move || form.house_bank.get() == code>{label}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <Show when=move || form.incoming.get()>
                <div class="field-row">
                    <TextField label=T::CreditorId value=form.creditor_id testid="run-creditor" />
                    <button type="button" class="button" data-testid="run-creditor-save"
                        prop:disabled=move || set_creditor.pending().get()
                        on:click=move |_| { set_creditor.dispatch(()); }>{move || i18n.t(T::SetCreditorId)}</button>
                </div>
            </Show>
        </fieldset>
    }
}

#[component]
fn Selection(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let pick = move |p: Pick, label: T, testid: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="run-pick" data-testid=testid prop:checked=move || form.pick.get() == p
                    on:change=move |_| form.pick.set(p) />
                <span>{move || i18n.t(label)}</span>
            </label>
        }
    };
    let method = move |(m, label): (PaymentMethod, T)| {
        let on = move || form.methods.get().contains(&m);
        view! {
            <label class="check">
                <input type="checkbox" data-testid=format!("run-method-{m:?}") prop:checked=on
                    on:change=move |ev| {
                        let tick = event_target_checked(&ev);
                        form.methods.update(|ms| {
                            ms.retain(|x| *x != m);
                            if tick { ms.push(m); }
                        });
                    } />
                <span>{move || i18n.t(label)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="run-step" data-testid="step-selection">
            <legend>{move || i18n.t(T::StepSelection)}</legend>
            <div class="field-row">
                <span class="field-label">{move || i18n.t(T::Partners)}</span>
                {pick(Pick::All, T::All, "run-pick-all")}
                {pick(Pick::Range, T::Range, "run-pick-range")}
                {pick(Pick::Group, T::Group, "run-pick-group")}
            </div>
            <Show when=move || form.pick.get() == Pick::Range>
                <div class="field-row">
                    <TextField label=T::From value=form.from testid="run-from" />
                    <TextField label=T::To value=form.to testid="run-to" />
                </div>
            </Show>
            <Show when=move || form.pick.get() == Pick::Group>
                <div class="field-row"><TextField label=T::Group value=form.group testid="run-group" /></div>
            </Show>
            <div class="field-row">
                <span class="field-label">{move || i18n.t(T::Methods)}</span>
                {METHODS.into_iter().map(method).collect_view()}
            </div>
            <CheckField label=T::CreditNotes value=form.credit_notes testid="run-credit-notes" />
        </fieldset>
    }
}

#[component]
fn Documents(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="run-step" data-testid="step-documents">
            <legend>{move || i18n.t(T::StepDocuments)}</legend>
            <div class="field-row">
                <DateField label=T::DueUntil value=form.due_until testid="run-due" />
                <TextField label=T::MaxTotal value=form.max_total testid="run-max" />
            </div>
        </fieldset>
    }
}
