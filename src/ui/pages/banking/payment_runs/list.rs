//! The list of payment runs: one row each (number, name, run date,
//! status, total, items, files), reachable by keyboard (↑/↓ move, Enter
//! opens, Delete asks to delete a saved run). Each kept file of an
//! executed or ordered run is a download button.

use leptos::prelude::*;

use crate::ui::components::row_keys;
use leptos_router::hooks::use_navigate;

use super::texts::T;
use super::{Notice, offer_file, run_total};
use crate::ledger::payment_runs::{PaymentRun, RunStatus};
use crate::ui::components::{fmt_amount, fmt_date};
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

fn status_text(s: &RunStatus) -> T {
    match s {
        RunStatus::Saved => T::Saved,
        RunStatus::Executed { .. } => T::Executed,
        RunStatus::Ordered => T::Ordered,
    }
}

#[component]
pub fn RunList(
    runs: Memo<Vec<PaymentRun>>,
    ask_delete: RwSignal<Option<u32>>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = StoredValue::new_local(use_navigate());
    let open = move |n: u32| {
        navigate.with_value(|go| go(&format!("/banking/payment-runs/{n}"), Default::default()))
    };
    let row = move |r: PaymentRun| {
        let lang = i18n.lang();
        let number = r.number;
        let saved = r.status == RunStatus::Saved;
        let total = app.with_book(|b| run_total(b, &r)).unwrap_or_default();
        let on_key = row_keys(move |ev, _| {
            match ev.key().as_str() {
                "Enter" => open(number),
                "Delete" if saved => ask_delete.set(Some(number)),
                _ => return false,
            }
            true
        });
        let files = r
            .files
            .iter()
            .cloned()
            .map(|f| {
                let name = f.name.clone();
                view! {
                    <button type="button" class="button small" tabindex="-1"
                        data-testid="run-file" data-name=name.clone()
                        on:click=move |_| offer_file(&f, notice, i18n.lang_untracked())>{format!("↓ {name}")}</button>
                }
            })
            .collect_view();
        view! {
            <tr data-number=number tabindex="0" on:keydown=on_key data-testid="run-row">
                <td class="num"><strong>{number}</strong></td>
                <td>{r.params.name.clone()}</td>
                <td class="nowrap">{fmt_date(r.params.run_date, lang)}</td>
                <td data-testid="run-status">{status_text(&r.status).text(lang)}</td>
                <td class="num nowrap">{fmt_amount(total, 2, lang)}</td>
                <td class="num">{r.items.len()}</td>
                <td class="run-files">{files}</td>
                <td class="nowrap">
                    <button type="button" class="button small" tabindex="-1" data-testid=format!("open-{number}")
                        on:click=move |_| open(number)>{T::Open.text(lang)}</button>
                    <Show when=move || saved>
                        <button type="button" class="button small danger" tabindex="-1" data-testid=format!("delete-{number}")
                            on:click=move |_| ask_delete.set(Some(number))>{T::Delete.text(lang)}</button>
                    </Show>
                </td>
            </tr>
        }
    };
    view! {
        <Show when=move || !runs.get().is_empty()
            fallback=move || view! { <p class="muted" data-testid="runs-empty">{move || i18n.t(T::Empty)}</p> }>
            <div class="table-wrap">
                <table class="data payment-runs" data-testid="payment-runs">
                    <thead><tr>
                        <th class="num">{move || i18n.t(T::Number)}</th>
                        <th>{move || i18n.t(T::Name)}</th>
                        <th>{move || i18n.t(T::RunDate)}</th>
                        <th>{move || i18n.t(T::Status)}</th>
                        <th class="num">{move || i18n.t(T::Total)}</th>
                        <th class="num">{move || i18n.t(T::Items)}</th>
                        <th>{move || i18n.t(T::Files)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || runs.get().into_iter().rev().map(row).collect_view()}</tbody>
                </table>
            </div>
            <p class="muted small">{move || i18n.t(T::ListKeys)}</p>
        </Show>
    }
}
