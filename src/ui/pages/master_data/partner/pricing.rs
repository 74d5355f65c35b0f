//! The partner's prices (Preise): the price list its quotes start from
//! and its discount group (a discount per item group), as SAP Business
//! One keeps them on the partner master. Saved on their own with
//! `SetPartnerPricing`, so the partner's master data need not change.

use leptos::prelude::*;

use crate::ledger::Command;
use crate::ledger::items::{ItemsCommand, PartnerPricing};
use crate::ledger::types::PartnerCode;
use crate::texts;
use crate::ui::components::ErrorBox;
use crate::ui::errors::session_error;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Preise", "Prices";
        List => "Preisliste", "Price list";
        Lowest => "– die Liste mit der kleinsten Nummer –", "– the lowest-numbered list –";
        Group => "Rabattgruppe", "Discount group";
        NoGroup => "– keine –", "– none –";
        Save => "Preise speichern", "Save prices";
        Saved => "Preisliste und Rabattgruppe gespeichert.", "Price list and discount group saved.";
    }
}

/// (value, label) of the lists and discount groups to choose from.
type Choices = (Vec<(String, String)>, Vec<(String, String)>);

fn choices(app: crate::ui::state::AppState) -> Choices {
    app.with_book(|b| {
        let items = b.items();
        let lists = items
            .lists()
            .map(|l| (l.number.to_string(), format!("{} – {}", l.number, l.name)))
            .collect();
        let groups = items
            .discount_groups()
            .map(|g| (g.code.clone(), format!("{} – {}", g.code, g.name)))
            .collect();
        (lists, groups)
    })
    .unwrap_or_default()
}

#[component]
pub fn PartnerPrices(code: PartnerCode) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let stored = untrack(|| app.with_book(|b| b.items().partner_pricing(code))).unwrap_or_default();
    let list = RwSignal::new(stored.list.map(|n| n.to_string()).unwrap_or_default());
    let group = RwSignal::new(stored.discount_group.unwrap_or_default());
    let options = Memo::new(move |_| choices(app));
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        saved.set(false);
        let pricing = PartnerPricing {
            list: list.get_untracked().parse().ok(),
            discount_group: Some(group.get_untracked()).filter(|g| !g.is_empty()),
        };
        let cmd = ItemsCommand::SetPartnerPricing {
            partner: code,
            pricing,
        };
        match app.execute(Command::Items(cmd)).await {
            Ok(_) => {
                error.set(None);
                saved.set(true);
            }
            Err(e) => error.set(Some(session_error(&e, lang))),
        }
    });
    let select = move |value: RwSignal<String>,
                       empty: T,
                       pick: fn(&Choices) -> &Vec<(String, String)>,
                       testid: &'static str| {
        view! {
            <select data-testid=testid on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected=move || value.get().is_empty()>{move || i18n.t(empty)}</option>
                {move || options.with(|o| pick(o).iter().map(|(v, label)| {
                    let selected = value.get_untracked() == *v;
                    view! { <option value=v.clone() selected=selected>{label.clone()}</option> }
                }).collect_view())}
            </select>
        }
    };
    view! {
        <section class="partner-pricing" data-testid="partner-pricing">
            <h2>{move || i18n.t(T::Title)}</h2>
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t(T::List)}</span>
                    {select(list, T::Lowest, |o| &o.0, "partner-price-list")}
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::Group)}</span>
                    {select(group, T::NoGroup, |o| &o.1, "partner-discount-group")}
                </label>
                <button type="button" class="button" data-testid="partner-pricing-save"
                    on:click=move |_| { save.dispatch(()); }>{move || i18n.t(T::Save)}</button>
            </div>
            <ErrorBox message=Signal::derive(move || error.get()) />
            <Show when=move || saved.get()>
                <div class="success-box" role="status" data-testid="pricing-notice">{move || i18n.t(T::Saved)}</div>
            </Show>
        </section>
    }
}
