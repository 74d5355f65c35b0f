//! The rules in their order: conditions and action in words, the learned
//! mark, buttons and keys to move, edit and delete (after a confirmation).

use leptos::prelude::*;

use crate::ui::components::row_keys;
use wasm_bindgen::JsCast;

use crate::ledger::bank::Rule;
use crate::ledger::types::PartnerCode;
use crate::ui::components::focus;
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

use super::texts::T;
use super::words;

/// What the list asks the page to do.
#[derive(Clone, Copy)]
pub struct ListActions<E, M, D>
where
    E: Fn(Rule) + Copy + 'static,
    M: Fn(u32, u32) + Copy + 'static,
    D: Fn(u32) + Copy + 'static,
{
    pub edit: E,
    /// Rule id to position (0-based).
    pub move_to: M,
    pub delete: D,
}

/// Focuses the row of rule `id` (after the list was drawn again).
pub fn focus_rule(id: u32) {
    let row = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("tr[data-rule=\"{id}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = row {
        focus(&el);
    }
}

#[component]
pub fn RuleList<E, M, D>(rules: Memo<Vec<Rule>>, actions: ListActions<E, M, D>) -> impl IntoView
where
    E: Fn(Rule) + Copy + Send + Sync + 'static,
    M: Fn(u32, u32) + Copy + Send + Sync + 'static,
    D: Fn(u32) + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let app = use_app();
    let partner_name = move |code: &str| {
        let code = PartnerCode::parse(code).ok()?;
        app.with_book(|b| b.partners().partner(code).map(|p| p.name.clone()))
            .flatten()
    };
    let row = move |(pos, r): (usize, Rule)| {
        let lang = i18n.lang();
        let (id, pos) = (r.id, pos as u32);
        let last = rules.with_untracked(|rs| rs.len() as u32).saturating_sub(1);
        let for_edit = r.clone();
        let for_key = r.clone();
        // Alt+↑/↓ moves the rule (and stops at either end); plain ↑/↓ move the focus.
        let on_key = row_keys(move |ev, _| {
            match (ev.key().as_str(), ev.alt_key()) {
                ("ArrowUp", true) if pos > 0 => (actions.move_to)(id, pos - 1),
                ("ArrowDown", true) if pos < last => (actions.move_to)(id, pos + 1),
                ("ArrowUp" | "ArrowDown", true) => {}
                ("Enter", _) => (actions.edit)(for_key.clone()),
                ("Delete", _) => (actions.delete)(id),
                _ => return false,
            }
            true
        });
        view! {
            <tr data-rule=id.to_string() tabindex="0" on:keydown=on_key>
                <td class="num">{pos + 1}</td>
                <td><strong data-testid="rule-name">{r.name.clone()}</strong>
                    {r.learned.then(|| view! { " " <span class="badge" title=T::LearnedTitle.text(lang) data-testid="rule-learned">{T::Learned.text(lang)}</span> })}</td>
                <td data-testid="rule-conditions">{words::conditions(&r.conditions, lang)}</td>
                <td data-testid="rule-action">{words::action(&r.action, lang, partner_name)}</td>
                <td class="nowrap">
                    <button type="button" class="button small" tabindex="-1" data-testid="rule-up" title=T::Up.text(lang)
                        prop:disabled={pos == 0} on:click=move |_| (actions.move_to)(id, pos.saturating_sub(1))>"↑"</button>
                    <button type="button" class="button small" tabindex="-1" data-testid="rule-down" title=T::Down.text(lang)
                        prop:disabled={pos >= last} on:click=move |_| (actions.move_to)(id, pos + 1)>"↓"</button>
                    <button type="button" class="button small" tabindex="-1" data-testid="rule-edit"
                        on:click=move |_| (actions.edit)(for_edit.clone())>{T::Edit.text(lang)}</button>
                    <button type="button" class="button small danger" tabindex="-1" data-testid="rule-delete"
                        on:click=move |_| (actions.delete)(id)>{T::Delete.text(lang)}</button>
                </td>
            </tr>
        }
    };
    view! {
        <Show when=move || !rules.get().is_empty()
            fallback=move || view! { <p class="muted" data-testid="rules-empty">{move || i18n.t(T::Empty)}</p> }>
            <div class="table-wrap">
                <table class="data bank-rules" data-testid="bank-rules">
                    <thead><tr>
                        <th class="num">{move || i18n.t(T::Order)}</th>
                        <th>{move || i18n.t(T::Name)}</th>
                        <th>{move || i18n.t(T::Conditions)}</th>
                        <th>{move || i18n.t(T::Action)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || rules.get().into_iter().enumerate().map(row).collect_view()}</tbody>
                </table>
            </div>
            <p class="muted small">{move || format!("{} {} · {}", rules.get().len(), i18n.t(T::Count), i18n.t(T::KeysHint))}</p>
        </Show>
    }
}
