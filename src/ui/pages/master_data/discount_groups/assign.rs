//! A partner's price list and discount group (`SetPartnerPricing`): the
//! partner's code typed, its current pricing loaded, both chosen from the
//! lists and groups there are.

use leptos::prelude::*;

use crate::ledger::Command;
use crate::ledger::items::{ItemsCommand, PartnerPricing};
use crate::ledger::types::PartnerCode;
use crate::ui::components::ErrorBox;
use crate::ui::errors::session_error;
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

use super::texts::T;

#[component]
pub fn Assign() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let partner = RwSignal::new(String::new());
    let list = RwSignal::new(None::<u32>);
    let group = RwSignal::new(None::<String>);
    let out = RwSignal::new(None::<Result<String, String>>);
    let options = Memo::new(move |_| {
        app.with_book(|b| {
            let lists: Vec<(u32, String)> = b
                .items()
                .lists()
                .map(|l| (l.number, l.name.clone()))
                .collect();
            let groups: Vec<(String, String)> = b
                .items()
                .discount_groups()
                .map(|g| (g.code.clone(), g.name.clone()))
                .collect();
            (lists, groups)
        })
        .unwrap_or_default()
    });
    // A known partner's current pricing fills the selects.
    let load = move |text: String| {
        let Ok(code) = PartnerCode::parse(text.trim()) else {
            return;
        };
        if let Some(p) = app
            .with_book(|b| {
                b.partner(code)
                    .is_some()
                    .then(|| b.items().partner_pricing(code))
            })
            .flatten()
        {
            list.set(p.list);
            group.set(p.discount_group);
        }
    };
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        let text = partner.get_untracked();
        let Ok(code) = PartnerCode::parse(text.trim()) else {
            return out.set(Some(Err(format!(
                "„{}“ {}",
                text.trim(),
                T::BadPartner.text(lang)
            ))));
        };
        let pricing = PartnerPricing {
            list: list.get_untracked(),
            discount_group: group.get_untracked(),
        };
        let cmd = Command::Items(ItemsCommand::SetPartnerPricing {
            partner: code,
            pricing,
        });
        out.set(Some(match app.execute(cmd).await {
            Ok(_) => Ok(format!("{} {code}", T::Assigned.text(lang))),
            Err(e) => Err(session_error(&e, lang)),
        }));
    });
    let error = Signal::derive(move || out.get().and_then(|r| r.err()));
    view! {
        <form class="form partner-pricing" data-testid="partner-pricing"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <h2>{move || i18n.t(T::Assign)}</h2>
            <div class="field-row">
                <label class="field narrow">
                    <span>{move || i18n.t(T::Partner)}</span>
                    <input data-testid="pp-partner" autocomplete="off" prop:value=partner
                        on:input=move |ev| partner.set(event_target_value(&ev))
                        on:change=move |ev| load(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::PriceList)}</span>
                    <select data-testid="pp-list" on:change=move |ev| list.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=move || list.get().is_none()>{move || i18n.t(T::LowestList)}</option>
                        {move || options.get().0.into_iter().map(|(n, name)| view! {
                            <option value=n.to_string() selected=move || list.get() == Some(n)>{format!("{n} {name}")}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::Groups)}</span>
                    <select data-testid="pp-group" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        group.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="" selected=move || group.get().is_none()>{move || i18n.t(T::NoGroup)}</option>
                        {move || options.get().1.into_iter().map(|(code, name)| {
                            let c = code.clone();
                            view! { <option value=code.clone() selected=move || group.get().as_deref() == Some(c.as_str())>{format!("{code} {name}")}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <ErrorBox message=error />
            <Show when=move || matches!(out.get(), Some(Ok(_)))>
                <div class="success-box" role="status" data-testid="pp-notice">{move || out.get().and_then(|r| r.ok())}</div>
            </Show>
            <div class="actions">
                <button type="submit" class="button" data-testid="pp-save">{move || i18n.t(T::AssignSave)}</button>
            </div>
        </form>
    }
}
