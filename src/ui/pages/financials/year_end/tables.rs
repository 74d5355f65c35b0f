//! The year-end screen's tables: P&L accounts closed, balances carried,
//! open items carried, and the status of every fiscal year.

use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use super::{T, closed_words};
use crate::ledger::closing::CarriedItems;
use crate::ledger::types::AccountNo;
use crate::ui::components::{entry_href, entry_label, fmt_amount, sheet_href};
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;

fn name_of(account: AccountNo, lang: Lang) -> String {
    use_app()
        .with_book(|b| {
            b.account(account)
                .map(|a| a.name(lang == Lang::De).to_string())
        })
        .flatten()
        .unwrap_or_default()
}

/// A debit-positive balance as amount and side (S/H, Dr/Cr).
fn side_amount(value: Decimal, decimals: u32, lang: Lang) -> String {
    use crate::ui::i18n::Text;
    if value.is_zero() {
        return fmt_amount(value, decimals, lang);
    }
    let side = if value.is_sign_negative() {
        T::Credit
    } else {
        T::Debit
    };
    format!(
        "{} {}",
        fmt_amount(value.abs(), decimals, lang),
        side.text(lang)
    )
}

#[component]
pub fn ProfitLossTable(rows: Vec<(AccountNo, Decimal)>, decimals: u32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="data ye-pl" data-testid="ye-pl-table">
                <thead><tr>
                    <th>{move || i18n.t(T::Account)}</th>
                    <th>{move || i18n.t(T::Name)}</th>
                    <th class="num">{move || i18n.t(T::Balance)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|(account, balance)| view! {
                        <tr data-account=account.to_string()>
                            <td><A href=sheet_href(account, None)>{account.to_string()}</A></td>
                            <td>{move || name_of(account, i18n.lang())}</td>
                            <td class="num">{move || side_amount(balance, decimals, i18n.lang())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn CarriedTable(rows: Vec<(AccountNo, Decimal)>, decimals: u32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="data ye-carried" data-testid="ye-carried-table">
                <thead><tr>
                    <th>{move || i18n.t(T::Account)}</th>
                    <th>{move || i18n.t(T::Name)}</th>
                    <th class="num">{move || i18n.t(T::Balance)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|(account, balance)| view! {
                        <tr data-account=account.to_string() data-balance=balance.to_string()>
                            <td>{account.to_string()}</td>
                            <td>{move || name_of(account, i18n.lang())}</td>
                            <td class="num">{move || side_amount(balance, decimals, i18n.lang())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ItemsTable(rows: Vec<CarriedItems>, decimals: u32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="data ye-items" data-testid="ye-items-table">
                <thead><tr>
                    <th>{move || i18n.t(T::Account)}</th>
                    <th>{move || i18n.t(T::Name)}</th>
                    <th class="num">{move || i18n.t(T::Count)}</th>
                    <th class="num">{move || i18n.t(T::Open)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr data-account=r.account.to_string()>
                            <td>{r.account.to_string()}</td>
                            <td>{move || name_of(r.account, i18n.lang())}</td>
                            <td class="num">{r.count}</td>
                            <td class="num">{move || side_amount(r.open_lc, decimals, i18n.lang())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Every fiscal year: closed on … by …, reverted, or not closed, with the
/// closing entry's link.
#[component]
pub fn YearStatus() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = Memo::new(move |_| {
        app.with_book(|b| {
            b.calendar()
                .fiscal_years()
                .map(|f| {
                    let closing = b.closing().years().find(|c| c.year == f.year).cloned();
                    let entries: Vec<_> = closing
                        .iter()
                        .flat_map(|c| c.entries.iter())
                        .filter_map(|id| b.entry(*id))
                        .map(|e| (e.id, entry_label(e.fiscal_year, e.number)))
                        .collect();
                    (f.year, closing, entries)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <section class="ye-status">
            <h2>{move || i18n.t(T::StatusTitle)}</h2>
            <table class="data" data-testid="ye-status">
                <thead><tr>
                    <th>{move || i18n.t(T::Year)}</th>
                    <th>{move || i18n.t(T::Status)}</th>
                    <th>{move || i18n.t(T::Entry)}</th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(year, closing, entries)| {
                        let state = match &closing {
                            Some(c) if c.reverted.is_none() => "closed",
                            Some(_) => "reverted",
                            None => "open",
                        };
                        view! {
                            <tr data-testid=format!("ye-status-{year}") data-state=state>
                                <td>{year}</td>
                                <td>{move || match &closing {
                                    Some(c) => closed_words(i18n.lang(), c),
                                    None => i18n.t(T::StatusOpen).to_string(),
                                }}</td>
                                <td>{entries.into_iter().map(|(id, label)| view! {
                                    <A href=entry_href(id)>{label}</A>" "
                                }).collect_view()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
