//! The list of house banks: one row each, reachable by keyboard (↑/↓
//! move between rows, Enter edits the row's bank).

use leptos::prelude::*;

use crate::ui::components::row_enter;

use crate::ledger::bank::HouseBank;
use crate::ui::i18n::{Text, use_i18n};

use super::texts::T;

/// The IBAN in groups of four, as printed on a statement.
pub fn iban_groups(iban: &str) -> String {
    iban.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn BankList(
    banks: Memo<Vec<HouseBank>>,
    edit: impl Fn(HouseBank) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let row = move |b: HouseBank| {
        let lang = i18n.lang();
        let code = b.code.clone();
        let on_key = {
            let b = b.clone();
            row_enter(move || edit(b.clone()))
        };
        let for_edit = b.clone();
        let mapping = if b.csv_mapping.is_some() {
            T::MappingSaved
        } else {
            T::MappingNone
        };
        view! {
            <tr data-code=code.clone() tabindex="0" on:keydown=on_key>
                <td><strong class="code">{code.clone()}</strong></td>
                <td>{b.name.clone()}</td>
                <td class="num">{b.account.to_string()}</td>
                <td class="nowrap mono" data-testid="hb-row-iban">{iban_groups(&b.iban)}</td>
                <td class="nowrap">{b.bic.clone()}</td>
                <td>{b.currency.as_str().to_string()}</td>
                <td class="num">{b.suspense_account.map(|a| a.to_string()).unwrap_or_else(|| "–".into())}</td>
                <td>{mapping.text(lang)}</td>
                <td><button type="button" class="button small" tabindex="-1" data-testid=format!("edit-{code}")
                    on:click=move |_| edit(for_edit.clone())>{T::Edit.text(lang)}</button></td>
            </tr>
        }
    };
    view! {
        <Show when=move || !banks.get().is_empty()
            fallback=move || view! { <p class="muted" data-testid="hb-empty">{move || i18n.t(T::Empty)}</p> }>
            <div class="table-wrap">
                <table class="data house-banks" data-testid="house-banks">
                    <thead><tr>
                        <th>{move || i18n.t(T::Code)}</th>
                        <th>{move || i18n.t(T::Name)}</th>
                        <th class="num">{move || i18n.t(T::Account)}</th>
                        <th>{move || i18n.t(T::Iban)}</th>
                        <th>{move || i18n.t(T::Bic)}</th>
                        <th>{move || i18n.t(T::Currency)}</th>
                        <th class="num">{move || i18n.t(T::Suspense)}</th>
                        <th>{move || i18n.t(T::Mapping)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || banks.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
            <p class="muted small">{move || format!("{} {} · {}", banks.get().len(), i18n.t(T::Count), i18n.t(T::KeysHint))}</p>
        </Show>
    }
}
