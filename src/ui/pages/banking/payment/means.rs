//! How the money moves (Zahlungsmittel: transfer, cash, check, card, each
//! with its account and amount), the bank fee and the write-off tick box,
//! and the G/L lines of a payment without partner. The first means row's
//! amount follows what the items need until the user types one.

use leptos::prelude::*;

use super::form::{Form, GlRow, MeansRow};
use super::texts::T;
use crate::ledger::Book;
use crate::ledger::payments::Means;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

fn means_text(m: Means) -> T {
    match m {
        Means::Transfer => T::Transfer,
        Means::Cash => T::Cash,
        Means::Check => T::Check,
        Means::CreditCard => T::Card,
    }
}

fn means_slug(m: Means) -> &'static str {
    match m {
        Means::Transfer => "transfer",
        Means::Cash => "cash",
        Means::Check => "check",
        Means::CreditCard => "card",
    }
}

/// The name of the account typed, or why there is none.
fn account_name(book: &Book, text: &str, lang: Lang) -> String {
    match super::form::account(text) {
        Ok(Some(no)) => book.account(no).map_or_else(
            || T::AccountUnknown.text(lang).to_string(),
            |a| a.name(lang == Lang::De).to_string(),
        ),
        Ok(None) => String::new(),
        Err(_) => T::AccountUnknown.text(lang).to_string(),
    }
}

#[component]
pub fn MeansTable(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="pay-means">
            <legend>{move || i18n.t(T::Means)}</legend>
            <div class="table-wrap">
                <table class="data" data-testid="pay-means">
                    <thead><tr>
                        <th>{move || i18n.t(T::Means)}</th>
                        <th>{move || i18n.t(T::Account)}</th>
                        <th class="num">{move || i18n.t(T::Amount)}</th>
                        <th>{move || i18n.t(T::Reference)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || form.means.get() key=|m| m.id let:row>
                            <MeansLine form=form row=row />
                        </For>
                    </tbody>
                </table>
            </div>
            <button type="button" class="button" data-testid="pay-add-means"
                on:click=move |_| form.add_means(Means::Transfer, String::new())>
                {move || i18n.t(T::AddMeans)}
            </button>
        </fieldset>
    }
}

#[component]
fn MeansLine(form: Form, row: MeansRow) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = move || {
        let lang = i18n.lang();
        match row.means.get() {
            Means::Transfer | Means::Cash => app
                .with_book(|b| account_name(b, &row.account.get(), lang))
                .unwrap_or_default(),
            Means::Check | Means::CreditCard if row.account.get().trim().is_empty() => {
                T::ClearingAccount.text(lang).to_string()
            }
            Means::Check | Means::CreditCard => app
                .with_book(|b| account_name(b, &row.account.get(), lang))
                .unwrap_or_default(),
        }
    };
    let options = move || {
        Means::ALL
            .iter()
            .map(|&m| {
                view! { <option value=means_slug(m) selected=move || row.means.get() == m>{i18n.t(means_text(m))}</option> }
            })
            .collect_view()
    };
    let pick = move |slug: String| {
        if let Some(m) = Means::ALL.iter().find(|m| means_slug(**m) == slug) {
            row.means.set(*m);
        }
    };
    view! {
        <tr data-testid="pay-means-row">
            <td><select data-testid="pay-means-kind" on:change=move |ev| pick(event_target_value(&ev))>{options}</select></td>
            <td class="account-cell">
                <input type="text" list="pay-accounts" data-testid="pay-means-account" autocomplete="off"
                    placeholder=move || i18n.t(T::AccountHint)
                    prop:value=move || row.account.get()
                    on:input=move |ev| row.account.set(event_target_value(&ev)) />
                <span class="muted small account-name" data-testid="pay-means-name">{name}</span>
            </td>
            <td class="num"><input type="text" inputmode="decimal" class="num" data-testid="pay-means-amount"
                prop:value=move || row.amount.get()
                on:input=move |ev| { row.auto.set(false); row.amount.set(event_target_value(&ev)); } /></td>
            <td><input type="text" data-testid="pay-means-reference"
                prop:value=move || row.reference.get()
                on:input=move |ev| row.reference.set(event_target_value(&ev)) /></td>
            <td><button type="button" class="button small" title=move || i18n.t(T::Remove)
                on:click=move |_| form.means.update(|m| m.retain(|x| x.id != row.id))>"×"</button></td>
        </tr>
    }
}

/// Fee and write-off.
#[component]
pub fn FeeLine(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="toolbar pay-fee">
            <label class="field narrow">
                <span>{move || i18n.t(T::Fee)}</span>
                <input type="text" inputmode="decimal" class="num" data-testid="pay-fee"
                    prop:value=move || form.fee.get()
                    on:input=move |ev| form.fee.set(event_target_value(&ev)) />
            </label>
            <label class="field narrow">
                <span>{move || i18n.t(T::OnAccount)}</span>
                <input type="text" inputmode="decimal" class="num" data-testid="pay-on-account"
                    prop:value=move || form.on_account.get()
                    on:input=move |ev| form.on_account.set(event_target_value(&ev)) />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="pay-write-off"
                    prop:checked=move || form.write_off.get()
                    on:change=move |ev| form.write_off.set(event_target_checked(&ev)) />
                <span>{move || i18n.t(T::WriteOff)}</span>
            </label>
        </div>
    }
}

/// G/L lines of a payment without partner.
#[component]
pub fn GlTable(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="pay-gl">
            <legend>{move || i18n.t(T::GlLines)}</legend>
            <div class="table-wrap">
                <table class="data" data-testid="pay-gl">
                    <thead><tr>
                        <th>{move || i18n.t(T::Account)}</th>
                        <th class="num">{move || i18n.t(T::Amount)}</th>
                        <th>{move || i18n.t(T::TaxCode)}</th>
                        <th>{move || i18n.t(T::Memo)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || form.gl.get() key=|g| g.id let:row>
                            <GlLine form=form row=row />
                        </For>
                    </tbody>
                </table>
            </div>
            <button type="button" class="button" data-testid="pay-add-gl" on:click=move |_| form.add_gl()>
                {move || i18n.t(T::AddGl)}
            </button>
        </fieldset>
    }
}

#[component]
fn GlLine(form: Form, row: GlRow) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = move || {
        let lang = i18n.lang();
        app.with_book(|b| account_name(b, &row.account.get(), lang))
            .unwrap_or_default()
    };
    view! {
        <tr data-testid="pay-gl-row">
            <td class="account-cell">
                <input type="text" list="pay-accounts" data-testid="pay-gl-account" autocomplete="off"
                    prop:value=move || row.account.get()
                    on:input=move |ev| row.account.set(event_target_value(&ev)) />
                <span class="muted small account-name">{name}</span>
            </td>
            <td class="num"><input type="text" inputmode="decimal" class="num" data-testid="pay-gl-amount"
                prop:value=move || row.amount.get()
                on:input=move |ev| row.amount.set(event_target_value(&ev)) /></td>
            <td><input type="text" list="pay-tax-codes" class="narrow" data-testid="pay-gl-tax"
                prop:value=move || row.tax_code.get()
                on:input=move |ev| row.tax_code.set(event_target_value(&ev)) /></td>
            <td><input type="text" data-testid="pay-gl-memo"
                prop:value=move || row.memo.get()
                on:input=move |ev| row.memo.set(event_target_value(&ev)) /></td>
            <td><button type="button" class="button small" title=move || i18n.t(T::Remove)
                on:click=move |_| form.gl.update(|g| g.retain(|x| x.id != row.id))>"×"</button></td>
        </tr>
    }
}

/// The lists the account and tax-code fields pick from.
#[component]
pub fn Pickers() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let accounts = move || {
        let de = i18n.is_de();
        app.with_book(|b| {
            b.accounts()
                .filter(|a| a.postable && a.active && !a.control)
                .map(|a| format!("{} {}", a.number.as_str(), a.name(de)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let codes = move || {
        app.with_book(|b| {
            b.tax_codes()
                .filter(|c| c.active)
                .map(|c| c.code.clone())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    view! {
        <datalist id="pay-accounts">
            {move || accounts().into_iter().map(|a| view! { <option value=a></option> }).collect_view()}
        </datalist>
        <datalist id="pay-tax-codes">
            {move || codes().into_iter().map(|c| view! { <option value=c></option> }).collect_view()}
        </datalist>
    }
}
