//! The item form's sections: master data (code, descriptions, group,
//! unit, use, default price, active), accounts and tax codes per region
//! (empty: the group's, shown as the placeholder), remarks. Each refusal
//! shows under the field it names (`data-slot`, `data-testid="error-<slot>"`).

use leptos::prelude::*;

use crate::ledger::items::UNITS;
use crate::ui::components::AccountsEditor;
use crate::ui::components::SaveButton;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

use super::T;
use super::form::{Form, Slot};

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

/// A text input with its label, bound to `value`, in its slot.
#[component]
fn TextField(
    label: T,
    value: RwSignal<String>,
    testid: &'static str,
    at: Slot,
    error: Error,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class=format!("field {class}") data-slot=format!("{at:?}")>
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <input data-testid=testid autocomplete="off" prop:value=value
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            </label>
            <SlotError at=at error=error />
        </div>
    }
}

#[component]
pub fn ItemForm(
    form: Form,
    save: Action<(), ()>,
    error: Error,
    notice: RwSignal<Option<(T, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = save.pending();
    view! {
        <form class="form item-form" data-testid="item-form" on:submit=move |ev| {
            ev.prevent_default();
            save.dispatch(());
        }>
            <MasterSection form=form error=error />
            <AccountsSection form=form error=error />
            <div data-slot="Remarks">
                <label class="field">
                    <span>{move || i18n.t(T::Remarks)}</span>
                    <textarea data-testid="item-remarks" rows="2" prop:value=form.remarks
                        on:input=move |ev| form.remarks.set(event_target_value(&ev))></textarea>
                </label>
                <SlotError at=Slot::Remarks error=error />
            </div>
            <SlotError at=Slot::Form error=error />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|(t, code)| format!("{} {code}", i18n.t(t)))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="item-save" pending=move || pending.get()>
                    {move || if pending.get() { i18n.t(T::Saving) } else if form.editing.get().is_some() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
            </div>
        </form>
    }
}

#[component]
fn MasterSection(form: Form, error: Error) -> impl IntoView {
    let i18n = use_i18n();
    let editing = move || form.editing.get().is_some();
    view! {
        <fieldset>
            <legend>{move || i18n.t(T::Master)}</legend>
            <div class="field-row">
                <div class="field narrow" data-slot="Code">
                    <label class="field">
                        <span>{move || i18n.t(T::Code)}</span>
                        <input data-testid="item-code" maxlength="50" autocomplete="off" prop:value=form.code
                            prop:disabled=editing on:input=move |ev| form.code.set(event_target_value(&ev)) />
                    </label>
                    <SlotError at=Slot::Code error=error />
                </div>
                <TextField label=T::DescriptionDe value=form.description_de testid="item-description-de" at=Slot::Description error=error class="wide" />
                <TextField label=T::DescriptionEn value=form.description_en testid="item-description-en" at=Slot::Description error=error class="wide" />
            </div>
            <div class="field-row">
                <GroupField form=form error=error />
                <UnitField form=form error=error />
                <div class="field narrow" data-slot="Price">
                    <label class="field">
                        <span>{move || i18n.t(T::Price)}</span>
                        <input class="num" data-testid="item-price" autocomplete="off" prop:value=form.price
                            on:input=move |ev| form.price.set(event_target_value(&ev)) />
                    </label>
                    <SlotError at=Slot::Price error=error />
                </div>
            </div>
            <p class="muted small price-hint">{move || i18n.t(T::PriceHint)}</p>
            <div class="field-row" data-slot="Use">
                <Check label=T::Sales value=form.sales testid="item-sales" />
                <Check label=T::Purchase value=form.purchase testid="item-purchase" />
                <Check label=T::Active value=form.active testid="item-active" />
            </div>
            <SlotError at=Slot::Use error=error />
        </fieldset>
    }
}

#[component]
fn Check(label: T, value: RwSignal<bool>, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="check">
            <input type="checkbox" data-testid=testid prop:checked=value
                on:change=move |ev| value.set(event_target_checked(&ev)) />
            {move || i18n.t(label)}
        </label>
    }
}

#[component]
fn GroupField(form: Form, error: Error) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let groups = Memo::new(move |_| {
        app.with_book(|b| {
            b.items()
                .groups()
                .map(|g| (g.code.clone(), g.name_de.clone(), g.name_en.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <div class="field" data-slot="Group">
            <label class="field">
                <span>{move || i18n.t(T::Group)}</span>
                <select data-testid="item-group" on:change=move |ev| form.group.set(event_target_value(&ev))>
                    {move || groups.get().is_empty().then(|| view! { <option value="">{i18n.t(T::NoGroups)}</option> })}
                    {move || groups.get().into_iter().map(|(code, de, en)| {
                        let name = if i18n.is_de() || en.is_empty() { de } else { en };
                        let label = format!("{code} – {name}");
                        let selected = form.group.get_untracked() == code;
                        view! { <option value=code selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            <SlotError at=Slot::Group error=error />
        </div>
    }
}

#[component]
fn UnitField(form: Form, error: Error) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field" data-slot="Unit">
            <label class="field">
                <span>{move || i18n.t(T::Unit)}</span>
                <select data-testid="item-unit" on:change=move |ev| form.unit.set(event_target_value(&ev))>
                    {move || UNITS.iter().map(|u| {
                        let name = if i18n.is_de() { u.de } else { u.en };
                        let selected = form.unit.get_untracked() == u.code;
                        view! { <option value=u.code selected=selected>{format!("{} – {name}", u.code)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <SlotError at=Slot::Unit error=error />
        </div>
    }
}

#[component]
fn AccountsSection(form: Form, error: Error) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // The group's accounts: the placeholders of the empty fields.
    let group = Memo::new(move |_| {
        let code = form.group.get();
        Some(
            app.with_book(|b| b.items().group(&code).map(|g| g.accounts.clone()))
                .flatten()
                .unwrap_or_default(),
        )
    });
    view! {
        <fieldset data-slot="Accounts">
            <legend>{move || i18n.t(T::Accounts)}</legend>
            <p class="muted small">{move || i18n.t(T::AccountsHint)}</p>
            <AccountsEditor fields=form.accounts defaults=group prefix="item" />
            <SlotError at=Slot::Accounts error=error />
            <div data-slot="Tax"><SlotError at=Slot::Tax error=error /></div>
        </fieldset>
    }
}
