//! The partner form's sections: master data, address, tax and contact,
//! bank accounts, accounting and payment, mandate. Each refusal shows
//! under the field it names (`data-slot`, `data-testid="error-<slot>"`).

use leptos::prelude::*;

use crate::ledger::partners::{Language, PartnerKind, PaymentMethod};
use crate::ui::components::CountryPicker;
use crate::ui::components::SaveButton;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

use super::T;
use super::form::{CurrencyMode, Form, Slot};

type Error = RwSignal<Option<(Slot, String)>>;

/// The refusal of `slot`, if the last save named it.
#[component]
fn SlotError(at: Slot, error: Error) -> impl IntoView {
    let message = move || error.get().filter(|(s, _)| *s == at).map(|(_, m)| m);
    view! {
        <Show when=move || message().is_some()>
            <small class="field-error" role="alert" data-testid=format!("error-{}", format!("{at:?}").to_lowercase())>{message}</small>
        </Show>
    }
}

/// A text input with its label, bound to `value`.
#[component]
fn TextField(
    label: T,
    value: RwSignal<String>,
    testid: &'static str,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class=format!("field {class}")>
            <span>{move || i18n.t(label)}</span>
            <input data-testid=testid autocomplete="off" prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </label>
    }
}

#[component]
pub fn PartnerForm(
    form: Form,
    save: Action<(), ()>,
    error: Error,
    notice: RwSignal<Option<(T, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = save.pending();
    view! {
        <form class="form partner-form" data-testid="partner-form" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(());
        }>
            <MasterSection form=form error=error />
            <AddressSection form=form error=error />
            <BankSection form=form error=error />
            <PaymentSection form=form error=error />
            <MandateSection form=form error=error />
            <SlotError at=Slot::Form error=error />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|(t, code)| format!("{} {code}", i18n.t(t)))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="partner-save" pending=move || pending.get()>
                    {move || if pending.get() { i18n.t(T::Saving) } else if form.editing.get().is_some() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
            </div>
        </form>
    }
}

#[component]
fn MasterSection(form: Form, error: Error) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let editing = move || form.editing.get().is_some();
    let set_kind = move |kind: PartnerKind| {
        form.kind.set(kind);
        if let Some(code) = untrack(|| app.with_book(|b| super::form::next_code(b, kind))) {
            form.code.set(code);
        }
    };
    view! {
        <fieldset>
            <legend>{move || i18n.t(T::Master)}</legend>
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t(T::Kind)}</span>
                    <select data-testid="partner-kind" prop:disabled=editing on:change=move |ev| {
                        set_kind(if event_target_value(&ev) == "vendor" { PartnerKind::Vendor } else { PartnerKind::Customer })
                    }>
                        <option value="customer" selected=move || form.kind.get() == PartnerKind::Customer>{move || i18n.t(T::Customer)}</option>
                        <option value="vendor" selected=move || form.kind.get() == PartnerKind::Vendor>{move || i18n.t(T::Vendor)}</option>
                    </select>
                </label>
                <div class="field narrow" data-slot="Code">
                    <label class="field">
                        <span>{move || i18n.t(T::Code)}</span>
                        <input data-testid="partner-code" maxlength="10" autocomplete="off" prop:value=form.code
                            prop:disabled=editing on:input=move |ev| form.code.set(event_target_value(&ev)) />
                    </label>
                    <SlotError at=Slot::Code error=error />
                </div>
                <div class="field wide" data-slot="Name">
                    <TextField label=T::Name value=form.name testid="partner-name" />
                    <SlotError at=Slot::Name error=error />
                </div>
                <div class="field" data-slot="Group">
                    <TextField label=T::Group value=form.group testid="partner-group" />
                    <SlotError at=Slot::Group error=error />
                </div>
                <label class="check">
                    <input type="checkbox" data-testid="partner-active" prop:checked=form.active
                        on:change=move |ev| form.active.set(event_target_checked(&ev)) />
                    {move || i18n.t(T::Active)}
                </label>
            </div>
        </fieldset>
    }
}

#[component]
fn AddressSection(form: Form, error: Error) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="partner-grid">
            <fieldset data-slot="Address">
                <legend>{move || i18n.t(T::Address)}</legend>
                <div class="field-row">
                    <TextField label=T::Street value=form.street testid="partner-street" class="wide" />
                    <TextField label=T::House value=form.house testid="partner-house" class="narrow" />
                </div>
                <div class="field-row">
                    <TextField label=T::Postcode value=form.postcode testid="partner-postcode" class="narrow" />
                    <TextField label=T::Town value=form.town testid="partner-town" />
                </div>
                <SlotError at=Slot::Address error=error />
                <div data-slot="Country">
                    <CountryPicker value=form.country id="partner-country" />
                    <SlotError at=Slot::Country error=error />
                </div>
            </fieldset>
            <fieldset>
                <legend>{move || i18n.t(T::Tax)}</legend>
                <div data-slot="VatId">
                    <TextField label=T::VatId value=form.vat_id testid="partner-vat-id" />
                    <SlotError at=Slot::VatId error=error />
                </div>
                <div data-slot="TaxNumber">
                    <TextField label=T::TaxNumber value=form.tax_number testid="partner-tax-number" />
                    <SlotError at=Slot::TaxNumber error=error />
                </div>
                <div data-slot="Contact">
                    <TextField label=T::Person value=form.person testid="partner-person" />
                    <TextField label=T::Phone value=form.phone testid="partner-phone" />
                    <SlotError at=Slot::Contact error=error />
                </div>
                <div data-slot="Email">
                    <TextField label=T::Email value=form.email testid="partner-email" />
                    <SlotError at=Slot::Email error=error />
                </div>
                <label class="field">
                    <span>{move || i18n.t(T::Language)}</span>
                    <select data-testid="partner-language" on:change=move |ev| {
                        form.language.set(if event_target_value(&ev) == "en" { Language::En } else { Language::De })
                    }>
                        <option value="de" selected=move || form.language.get() == Language::De>{move || i18n.t(T::German)}</option>
                        <option value="en" selected=move || form.language.get() == Language::En>{move || i18n.t(T::English)}</option>
                    </select>
                </label>
            </fieldset>
        </div>
    }
}

#[component]
fn BankSection(form: Form, error: Error) -> impl IntoView {
    let i18n = use_i18n();
    let add = move |_| {
        let row = form.bank_row(String::new(), String::new(), String::new());
        if form.banks.with_untracked(Vec::is_empty) {
            form.default_bank.set(Some(row.id));
        }
        form.banks.update(|rs| rs.push(row));
    };
    view! {
        <fieldset data-slot="Bank">
            <legend>{move || i18n.t(T::Banks)}</legend>
            <table class="rate-editor bank-editor">
                <thead><tr>
                    <th>{move || i18n.t(T::Iban)}</th>
                    <th>{move || i18n.t(T::Bic)}</th>
                    <th>{move || i18n.t(T::Holder)}</th>
                    <th>{move || i18n.t(T::Default)}</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    <For each=move || form.banks.get() key=|r| r.id let:row>
                        <tr>
                            <td><input class="iban" data-testid="bank-iban" prop:value=row.iban on:input=move |ev| row.iban.set(event_target_value(&ev)) /></td>
                            <td><input data-testid="bank-bic" prop:value=row.bic on:input=move |ev| row.bic.set(event_target_value(&ev)) /></td>
                            <td><input data-testid="bank-holder" prop:value=row.holder on:input=move |ev| row.holder.set(event_target_value(&ev)) /></td>
                            <td><input type="radio" name="bank-default" data-testid="bank-default"
                                prop:checked=move || form.default_bank.get() == Some(row.id)
                                on:change=move |_| form.default_bank.set(Some(row.id)) /></td>
                            <td><button type="button" class="button small danger"
                                on:click=move |_| form.banks.update(|rs| rs.retain(|r| r.id != row.id))>{move || i18n.t(T::Remove)}</button></td>
                        </tr>
                    </For>
                </tbody>
            </table>
            <button type="button" class="button small" data-testid="add-bank" on:click=add>{move || i18n.t(T::AddBank)}</button>
            <SlotError at=Slot::Bank error=error />
        </fieldset>
    }
}

const METHODS: [(PaymentMethod, &str, T); 5] = [
    (PaymentMethod::Transfer, "transfer", T::Transfer),
    (PaymentMethod::DirectDebit, "direct_debit", T::DirectDebit),
    (PaymentMethod::Cash, "cash", T::Cash),
    (PaymentMethod::Check, "check", T::Check),
    (PaymentMethod::Card, "card", T::Card),
];

#[component]
fn PaymentSection(form: Form, error: Error) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let default_control = move || {
        app.with_book(|b| b.determination().get(form.kind.get().determination_key()))
            .flatten()
            .map(|a| a.to_string())
            .unwrap_or_default()
    };
    let posted = move || {
        form.editing
            .get()
            .and_then(|c| app.with_book(|b| b.partner_record(c).is_some_and(|r| r.posted)))
            .unwrap_or(false)
    };
    view! {
        <fieldset>
            <legend>{move || i18n.t(T::Accounting)}</legend>
            <div class="field-row">
                <div class="field" data-slot="Control">
                    <label class="field">
                        <span>{move || i18n.t(T::Control)}</span>
                        <input class="num" data-testid="partner-control" prop:placeholder=default_control prop:disabled=posted
                            prop:value=form.control on:input=move |ev| form.control.set(event_target_value(&ev)) />
                    </label>
                    <small class="muted">{move || i18n.t(T::ControlDefault)}</small>
                    <SlotError at=Slot::Control error=error />
                </div>
                <CurrencyField form=form error=error disabled=Signal::derive(posted) />
                <TermsField form=form error=error />
                <label class="field">
                    <span>{move || i18n.t(T::Method)}</span>
                    <select data-testid="partner-method" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some((m, _, _)) = METHODS.iter().find(|(_, k, _)| *k == v) { form.method.set(*m) }
                    }>
                        {METHODS.iter().map(|(m, k, t)| {
                            let (m, t) = (*m, *t);
                            view! { <option value=*k selected=move || form.method.get() == m>{move || i18n.t(t)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="partner-block" prop:checked=form.block
                        on:change=move |ev| form.block.set(event_target_checked(&ev)) />
                    {move || i18n.t(T::Block)}
                </label>
            </div>
            <Show when=posted>
                <p class="muted small">{move || i18n.t(T::Posted)}</p>
            </Show>
            <div class="field-row" data-slot="Limits">
                <TextField label=T::Credit value=form.credit testid="partner-credit" class="narrow" />
                <TextField label=T::Commitment value=form.commitment testid="partner-commitment" class="narrow" />
                <div class="field narrow" data-slot="Dunning">
                    <TextField label=T::Dunning value=form.dunning testid="partner-dunning" />
                    <SlotError at=Slot::Dunning error=error />
                </div>
            </div>
            <SlotError at=Slot::Limits error=error />
            <div data-slot="Remarks">
                <label class="field">
                    <span>{move || i18n.t(T::Remarks)}</span>
                    <textarea data-testid="partner-remarks" rows="2" prop:value=form.remarks
                        on:input=move |ev| form.remarks.set(event_target_value(&ev))></textarea>
                </label>
                <SlotError at=Slot::Remarks error=error />
            </div>
        </fieldset>
    }
}

#[component]
fn CurrencyField(form: Form, error: Error, disabled: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field" data-slot="Currency">
            <label class="field">
                <span>{move || i18n.t(T::Currency)}</span>
                <select data-testid="partner-currency-mode" prop:disabled=disabled on:change=move |ev| {
                    form.currency_mode.set(match event_target_value(&ev).as_str() {
                        "all" => CurrencyMode::All,
                        "foreign" => CurrencyMode::Foreign,
                        _ => CurrencyMode::Local,
                    })
                }>
                    <option value="local" selected=move || form.currency_mode.get() == CurrencyMode::Local>{move || i18n.t(T::Local)}</option>
                    <option value="all" selected=move || form.currency_mode.get() == CurrencyMode::All>{move || i18n.t(T::AllCurrencies)}</option>
                    <option value="foreign" selected=move || form.currency_mode.get() == CurrencyMode::Foreign>{move || i18n.t(T::Foreign)}</option>
                </select>
            </label>
            <Show when=move || form.currency_mode.get() == CurrencyMode::Foreign>
                <input class="narrow" data-testid="partner-currency" maxlength="3" prop:disabled=disabled prop:value=form.currency
                    on:input=move |ev| form.currency.set(event_target_value(&ev)) />
            </Show>
            <SlotError at=Slot::Currency error=error />
        </div>
    }
}

#[component]
fn TermsField(form: Form, error: Error) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let terms = Memo::new(move |_| {
        app.with_book(|b| {
            b.partners()
                .all_terms()
                .map(|t| (t.code.clone(), t.name_de.clone(), t.name_en.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <div class="field" data-slot="Terms">
            <label class="field">
                <span>{move || i18n.t(T::Terms)}</span>
                <select data-testid="partner-terms" on:change=move |ev| form.terms.set(event_target_value(&ev))>
                    <option value="" selected=move || form.terms.get().is_empty()>{move || i18n.t(T::NoTerms)}</option>
                    {move || terms.get().into_iter().map(|(code, de, en)| {
                        let label = format!("{code} – {}", if i18n.is_de() { de } else { en });
                        let selected = form.terms.get_untracked() == code;
                        view! { <option value=code selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <SlotError at=Slot::Terms error=error />
        </div>
    }
}

#[component]
fn MandateSection(form: Form, error: Error) -> impl IntoView {
    let i18n = use_i18n();
    let customer = move || form.kind.get() == PartnerKind::Customer;
    move || {
        customer().then(|| view! {
            <fieldset data-slot="Mandate">
                <legend>{move || i18n.t(T::Mandate)}</legend>
                <div class="field-row">
                    <TextField label=T::MandateId value=form.mandate_id testid="mandate-id" />
                    <TextField label=T::MandateSigned value=form.mandate_signed testid="mandate-signed" />
                    <label class="check">
                        <input type="checkbox" data-testid="mandate-recurring" prop:checked=form.mandate_recurring
                            on:change=move |ev| form.mandate_recurring.set(event_target_checked(&ev)) />
                        {move || i18n.t(T::Recurring)}
                    </label>
                </div>
                <SlotError at=Slot::Mandate error=error />
            </fieldset>
    })
    }
}
