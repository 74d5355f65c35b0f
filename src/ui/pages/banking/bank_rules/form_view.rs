//! The rule form on screen: "When a line …" (conditions) and "… then post
//! it as" (a partner's payment or G/L parts), with the refusal at its
//! field, Save, Test against past lines and Cancel.

use leptos::prelude::*;

use crate::ledger::bank::{RuleField, Sign};
use crate::ui::components::ErrorBox;
use crate::ui::components::SaveButton;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

use super::form::{Form, PurposeKind, Refusal, ShareKind, SplitRow};
use super::texts::T;

/// The refusal's sentence when it is about `field`.
fn at(refusal: RwSignal<Option<Refusal>>, field: RuleField) -> Option<String> {
    match refusal.get() {
        Some((Some(f), m)) if f == field => Some(m),
        _ => None,
    }
}

#[component]
fn FieldError(refusal: RwSignal<Option<Refusal>>, field: RuleField) -> impl IntoView {
    move || {
        at(refusal, field).map(|m| view! { <small class="field-error" role="alert" data-testid="rule-field-error">{m}</small> })
    }
}

#[component]
pub fn RuleForm(
    form: Form,
    save: Action<(), ()>,
    test: impl Fn() + Copy + Send + Sync + 'static,
    cancel: impl Fn() + Copy + Send + Sync + 'static,
    refusal: RwSignal<Option<Refusal>>,
    notice: RwSignal<Option<String>>,
    hits: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = save.pending();
    let editing = Signal::derive(move || form.editing.get() != 0);
    let general = Signal::derive(move || match refusal.get() {
        Some((None, m)) => Some(m),
        _ => None,
    });
    view! {
        <form id="rule-form" class="form rule-form" data-testid="rule-form"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }
            on:keydown=move |ev| if ev.key() == "Escape" && editing.get_untracked() { cancel() }>
            <h2>{move || if editing.get() {
                format!("{} {}", i18n.t(T::EditTitle), form.name.get())
            } else {
                i18n.t(T::New).to_string()
            }}</h2>
            <label class="field">
                <span>{move || i18n.t(T::Name)}</span>
                <input id="rule-name" data-testid="rule-name-input" autocomplete="off" prop:value=form.name
                    on:input=move |ev| form.name.set(event_target_value(&ev)) />
                <FieldError refusal=refusal field=RuleField::Name />
            </label>
            <Conditions form=form refusal=refusal />
            <ActionFields form=form refusal=refusal />
            <ErrorBox message=general />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get()}</div>
            </Show>
            <Show when=move || hits.get().is_some()>
                <div class="success-box" role="status" data-testid="rule-hits">{move || hits.get()}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="rule-save" pending=move || pending.get()>
                    {move || if pending.get() { i18n.t(T::Saving) } else if editing.get() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
                <button type="button" class="button" data-testid="rule-test" on:click=move |_| test()>{move || i18n.t(T::Test)}</button>
                <Show when=move || editing.get()>
                    <button type="button" class="button" data-testid="rule-cancel" on:click=move |_| cancel()>{move || i18n.t(T::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}

#[component]
fn Conditions(form: Form, refusal: RwSignal<Option<Refusal>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let banks = move || {
        app.with_book(|b| {
            b.bank()
                .house_banks()
                .iter()
                .map(|h| (h.code.clone(), h.name.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let text_input = move |value: RwSignal<String>, testid: &'static str| {
        view! { <input data-testid=testid autocomplete="off" prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) /> }
    };
    view! {
        <fieldset>
            <legend>{move || i18n.t(T::WhenLegend)}</legend>
            <FieldError refusal=refusal field=RuleField::Conditions />
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t(T::HouseBank)}</span>
                    <select data-testid="rule-house-bank" on:change=move |ev| form.house_bank.set(event_target_value(&ev))>
                        <option value="" selected=move || form.house_bank.get().is_empty()>{move || i18n.t(T::AnyBank)}</option>
                        {move || banks().into_iter().map(|(code, name)| {
                            let c = code.clone();
                            view! { <option value=code.clone() selected=move || form.house_bank.get() == c>{format!("{code} – {name}")}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::Iban)}</span>
                    {text_input(form.iban, "rule-iban")}
                    <FieldError refusal=refusal field=RuleField::Iban />
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::NameContains)}</span>
                    {text_input(form.name_contains, "rule-name-contains")}
                </label>
            </div>
            <div class="field-row">
                <label class="field narrow">
                    <span>{move || i18n.t(T::Purpose)}</span>
                    <select data-testid="rule-purpose-kind" on:change=move |ev| form.purpose_kind.set(match event_target_value(&ev).as_str() {
                        "contains" => PurposeKind::Contains,
                        "regex" => PurposeKind::Regex,
                        _ => PurposeKind::None,
                    })>
                        <option value="none" selected=move || form.purpose_kind.get() == PurposeKind::None>{move || i18n.t(T::PurposeNone)}</option>
                        <option value="contains" selected=move || form.purpose_kind.get() == PurposeKind::Contains>{move || i18n.t(T::PurposeContains)}</option>
                        <option value="regex" selected=move || form.purpose_kind.get() == PurposeKind::Regex>{move || i18n.t(T::PurposeRegex)}</option>
                    </select>
                </label>
                <label class="field">
                    <span>"\u{a0}"</span>
                    <input data-testid="rule-purpose" autocomplete="off" prop:value=form.purpose
                        prop:disabled=move || form.purpose_kind.get() == PurposeKind::None
                        on:input=move |ev| form.purpose.set(event_target_value(&ev)) />
                    <FieldError refusal=refusal field=RuleField::Purpose />
                </label>
            </div>
            <div class="field-row">
                <label class="field narrow">
                    <span>{move || i18n.t(T::AmountFrom)}</span>
                    <input class="num" data-testid="rule-amount-min" inputmode="decimal" prop:value=form.amount_min on:input=move |ev| form.amount_min.set(event_target_value(&ev)) />
                </label>
                <label class="field narrow">
                    <span>{move || i18n.t(T::AmountTo)}</span>
                    <input class="num" data-testid="rule-amount-max" inputmode="decimal" prop:value=form.amount_max on:input=move |ev| form.amount_max.set(event_target_value(&ev)) />
                    <FieldError refusal=refusal field=RuleField::Amount />
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::Direction)}</span>
                    <select data-testid="rule-sign" on:change=move |ev| form.sign.set(match event_target_value(&ev).as_str() {
                        "credit" => Some(Sign::Credit),
                        "debit" => Some(Sign::Debit),
                        _ => None,
                    })>
                        <option value="both" selected=move || form.sign.get().is_none()>{move || i18n.t(T::Both)}</option>
                        <option value="credit" selected=move || form.sign.get() == Some(Sign::Credit)>{move || i18n.t(T::Credit)}</option>
                        <option value="debit" selected=move || form.sign.get() == Some(Sign::Debit)>{move || i18n.t(T::Debit)}</option>
                    </select>
                </label>
            </div>
        </fieldset>
    }
}

#[component]
fn ActionFields(form: Form, refusal: RwSignal<Option<Refusal>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let partner_name = move || {
        let code = crate::ledger::types::PartnerCode::parse(form.partner.get().trim()).ok()?;
        app.with_book(|b| b.partners().partner(code).map(|p| p.name.clone()))
            .flatten()
    };
    view! {
        <fieldset>
            <legend>{move || i18n.t(T::ThenLegend)}</legend>
            <div class="field-row">
                <label class="check">
                    <input type="radio" name="rule-action" data-testid="rule-action-gl" prop:checked=move || !form.to_partner.get()
                        on:change=move |_| form.to_partner.set(false) />
                    {move || i18n.t(T::ActionGl)}
                </label>
                <label class="check">
                    <input type="radio" name="rule-action" data-testid="rule-action-partner" prop:checked=move || form.to_partner.get()
                        on:change=move |_| form.to_partner.set(true) />
                    {move || i18n.t(T::ActionPartner)}
                </label>
            </div>
            <Show when=move || form.to_partner.get() fallback=move || view! { <Splits form=form refusal=refusal /> }>
                <label class="field narrow">
                    <span>{move || i18n.t(T::PartnerCode)}</span>
                    <input data-testid="rule-partner" autocomplete="off" prop:value=form.partner on:input=move |ev| form.partner.set(event_target_value(&ev)) />
                    <small class="muted" data-testid="rule-partner-name">{partner_name}</small>
                    <FieldError refusal=refusal field=RuleField::Partner />
                </label>
            </Show>
        </fieldset>
    }
}

#[component]
fn Splits(form: Form, refusal: RwSignal<Option<Refusal>>) -> impl IntoView {
    let i18n = use_i18n();
    let index_of = move |id: usize| {
        form.splits
            .with(|rows| rows.iter().position(|r| r.id == id).unwrap_or(0))
    };
    let input = move |value: RwSignal<String>, testid: &'static str, class: &'static str| {
        view! { <input class=class data-testid=testid autocomplete="off" prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) /> }
    };
    view! {
        <table class="rule-splits rate-editor" data-testid="rule-splits">
            <thead><tr>
                <th>{move || i18n.t(T::Account)}</th>
                <th>{move || i18n.t(T::TaxCode)}</th>
                <th>{move || i18n.t(T::Centre)}</th>
                <th>{move || i18n.t(T::Share)}</th>
                <th></th>
                <th></th>
            </tr></thead>
            <tbody>
                <For each=move || form.splits.get() key=|r| r.id let:row>
                    <SplitLine row=row form=form index=Signal::derive(move || index_of(row.id)) refusal=refusal input=input />
                </For>
            </tbody>
        </table>
        <button type="button" class="button small" data-testid="rule-add-part" on:click=move |_| {
            let row = form.row("", "", "", ShareKind::Rest, "");
            form.splits.update(|rs| rs.push(row));
        }>{move || i18n.t(T::AddPart)}</button>
    }
}

#[component]
fn SplitLine<I, V>(
    row: SplitRow,
    form: Form,
    index: Signal<usize>,
    refusal: RwSignal<Option<Refusal>>,
    input: I,
) -> impl IntoView
where
    I: Fn(RwSignal<String>, &'static str, &'static str) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let error = move || at(refusal, RuleField::Split { index: index.get() });
    view! {
        <tr data-testid="rule-part">
            <td>{input(row.account, "part-account", "num")}</td>
            <td>{input(row.tax_code, "part-tax", "narrow")}</td>
            <td>{input(row.centre, "part-centre", "narrow")}</td>
            <td>
                <select data-testid="part-kind" on:change=move |ev| row.kind.set(match event_target_value(&ev).as_str() {
                    "percent" => ShareKind::Percent,
                    "amount" => ShareKind::Amount,
                    _ => ShareKind::Rest,
                })>
                    <option value="percent" selected=move || row.kind.get() == ShareKind::Percent>{move || i18n.t(T::Percent)}</option>
                    <option value="amount" selected=move || row.kind.get() == ShareKind::Amount>{move || i18n.t(T::FixedAmount)}</option>
                    <option value="rest" selected=move || row.kind.get() == ShareKind::Rest>{move || i18n.t(T::Rest)}</option>
                </select>
            </td>
            <td>
                <input class="num" data-testid="part-value" inputmode="decimal" prop:value=row.value
                    prop:disabled=move || row.kind.get() == ShareKind::Rest
                    on:input=move |ev| row.value.set(event_target_value(&ev)) />
                {move || error().map(|m| view! { <small class="field-error" role="alert" data-testid="rule-field-error">{m}</small> })}
            </td>
            <td><button type="button" class="button small danger" data-testid="part-remove"
                on:click=move |_| form.splits.update(|rs| rs.retain(|r| r.id != row.id))>{move || i18n.t(T::Remove)}</button></td>
        </tr>
    }
}
