//! The item groups as a table: code, name in the UI language, accounts
//! per region, tax codes and how many items each has; ↑/↓ between rows,
//! Enter (or the button) edits.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::ui::components::row_enter;

use super::T;
use crate::ledger::Book;
use crate::ledger::items::{ItemAccounts, ItemGroup};
use crate::ledger::types::AccountNo;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

/// "8400 / 8125 / 8120", a dash for an empty one.
fn three(accounts: &[Option<AccountNo>; 3]) -> String {
    accounts
        .iter()
        .map(|a| a.map_or("–".to_string(), |a| a.to_string()))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn taxes(a: &ItemAccounts) -> String {
    let code = |c: &Option<String>| c.clone().unwrap_or_else(|| "–".into());
    format!("{} / {}", code(&a.sales_tax), code(&a.purchase_tax))
}

/// Items per group, counted once per Book change.
fn item_counts(book: &Book) -> BTreeMap<String, usize> {
    let mut n = BTreeMap::new();
    for r in book.items().items() {
        *n.entry(r.item.group.clone()).or_default() += 1;
    }
    n
}

#[component]
pub fn GroupTable(
    groups: Memo<Vec<ItemGroup>>,
    edit: impl Fn(ItemGroup) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let counts = Memo::new(move |_| app.with_book(item_counts).unwrap_or_default());
    let row = move |g: ItemGroup, lang: Lang| {
        let code = g.code.clone();
        let name = if lang == Lang::De || g.name_en.is_empty() {
            g.name_de.clone()
        } else {
            g.name_en.clone()
        };
        let count = counts.with(|c| c.get(&code).copied().unwrap_or(0));
        let (g1, g2) = (g.clone(), g.clone());
        let on_key = row_enter(move || edit(g1.clone()));
        view! {
            <tr tabindex="0" data-code=code.clone() on:keydown=on_key>
                <td><strong class="code">{code.clone()}</strong></td>
                <td>{name}</td>
                <td class="nowrap">{three(&g.accounts.revenue)}</td>
                <td class="nowrap">{three(&g.accounts.expense)}</td>
                <td class="nowrap">{taxes(&g.accounts)}</td>
                <td class="num">{count}</td>
                <td><button type="button" class="button small" tabindex="-1" data-testid=format!("edit-{code}")
                    on:click=move |_| edit(g2.clone())>{T::Edit.text(lang)}</button></td>
            </tr>
        }
    };
    view! {
        <div class="table-wrap">
            <table class="data item-groups" data-testid="item-groups">
                <thead><tr>
                    <th>{move || i18n.t(T::Code)}</th>
                    <th>{move || i18n.t(T::Name)}</th>
                    <th>{move || i18n.t(T::Revenue)}</th>
                    <th>{move || i18n.t(T::Expense)}</th>
                    <th>{move || i18n.t(T::Tax)}</th>
                    <th class="num">{move || i18n.t(T::Items)}</th>
                    <th></th>
                </tr></thead>
                <tbody>
                    {move || {
                        let lang = i18n.lang();
                        let rows = groups.get();
                        if rows.is_empty() {
                            return view! { <tr><td colspan="7" class="muted">{T::Empty.text(lang)}</td></tr> }.into_any();
                        }
                        rows.into_iter().map(|g| row(g, lang)).collect_view().into_any()
                    }}
                </tbody>
            </table>
        </div>
    }
}
