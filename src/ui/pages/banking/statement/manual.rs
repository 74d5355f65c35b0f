//! The manual posting of one line (key `M`), inline under it: either a
//! business partner with its open items to tick (the line's amount pays
//! the ticked items in order, what is left stays on account), or a G/L
//! account with an optional tax code. "Übernehmen" makes it the line's
//! pick, as a matcher action, so it posts like an accepted proposal.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::model::reference_of;
use super::texts::T;
use crate::ledger::Book;
use crate::ledger::bank::matching::{ProposalAction, ProposedItem};
use crate::ledger::bank::{BankLine, RuleSplit, Share};
use crate::ledger::open_items::ItemId;
use crate::ledger::types::{AccountNo, PartnerCode};
use crate::ui::components::use_change_right;
use crate::ui::components::{fmt_amount, fmt_date};
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

/// An open item to tick.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Item {
    id: ItemId,
    reference: String,
    date: NaiveDate,
    open: Decimal,
}

fn items(book: &Book, code: PartnerCode) -> Vec<Item> {
    let mut out: Vec<Item> = book
        .open_items()
        .items_of(code)
        .filter(|i| i.is_open())
        .map(|i| Item {
            id: i.id,
            reference: reference_of(book, i.id.entry),
            date: i.due_date,
            open: i.open_lc.abs(),
        })
        .collect();
    out.sort_by_key(|i| (i.date, i.id));
    out
}

/// The line's amount over the ticked items, in tick order; the rest on
/// account.
fn partner_action(
    partner: PartnerCode,
    amount: Decimal,
    ticked: &[ItemId],
    all: &[Item],
) -> ProposalAction {
    let mut left = amount.abs();
    let items = ticked
        .iter()
        .filter_map(|id| all.iter().find(|i| i.id == *id))
        .filter_map(|i| {
            let take = i.open.min(left);
            left -= take;
            (take > Decimal::ZERO).then_some(ProposedItem {
                item: i.id,
                amount: take,
                discount: Decimal::ZERO,
            })
        })
        .collect();
    ProposalAction::Partner {
        partner,
        items,
        on_account: left,
    }
}

fn gl_action(account: &str, tax: &str) -> Option<ProposalAction> {
    let account = AccountNo::parse(account.trim()).ok()?;
    let tax = tax.trim();
    Some(ProposalAction::Gl {
        splits: vec![RuleSplit {
            account,
            tax_code: (!tax.is_empty()).then(|| tax.to_string()),
            centre: None,
            share: Share::Rest,
        }],
    })
}

#[component]
pub(super) fn Manual(
    line: BankLine,
    decimals: u32,
    apply: Callback<ProposalAction>,
    cancel: Callback<()>,
) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let to_partner = RwSignal::new(true);
    let partner = RwSignal::new(String::new());
    let ticked = RwSignal::new(Vec::<ItemId>::new());
    let account = RwSignal::new(String::new());
    let tax = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<T>);
    let code = move || PartnerCode::parse(partner.get().split_whitespace().next()?).ok();
    let open = Memo::new(move |_| {
        let code = code()?;
        app.with_book(|b| items(b, code))
    });
    let partners = Memo::new(move |_| {
        app.with_book(|b| {
            b.partners()
                .partners()
                .map(|p| format!("{} {}", p.code, p.name))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let amount = line.amount;
    let done = move |_| {
        let action = if to_partner.get_untracked() {
            untrack(code).map(|c| {
                let all = open.get_untracked().unwrap_or_default();
                ticked.with_untracked(|t| partner_action(c, amount, t, &all))
            })
        } else {
            gl_action(&account.get_untracked(), &tax.get_untracked())
        };
        match action {
            Some(a) => apply.run(a),
            None if to_partner.get_untracked() => problem.set(Some(T::BadPartner)),
            None => problem.set(Some(T::BadAccount)),
        }
    };
    view! {
        <div class="manual-posting" data-testid="sl-manual">
            <div class="toolbar">
                <label class="check"><input type="radio" name="manual-kind" data-testid="sl-manual-partner"
                    prop:checked=move || to_partner.get() on:change=move |_| to_partner.set(true) />
                    <span>{move || i18n.t(T::ToPartner)}</span></label>
                <label class="check"><input type="radio" name="manual-kind" data-testid="sl-manual-gl"
                    prop:checked=move || !to_partner.get() on:change=move |_| to_partner.set(false) />
                    <span>{move || i18n.t(T::ToAccount)}</span></label>
            </div>
            <Show when=move || to_partner.get() fallback=move || view! {
                <div class="toolbar">
                    <label class="field narrow"><span>{move || i18n.t(T::GlAccount)}</span>
                        <input type="text" data-testid="sl-manual-account" prop:value=move || account.get()
                            on:input=move |ev| account.set(event_target_value(&ev)) /></label>
                    <label class="field narrow"><span>{move || i18n.t(T::TaxCode)}</span>
                        <input type="text" data-testid="sl-manual-tax" prop:value=move || tax.get()
                            on:input=move |ev| tax.set(event_target_value(&ev)) /></label>
                </div>
            }>
                <label class="field"><span>{move || i18n.t(T::Partner)}</span>
                    <input type="search" list="sl-partners" data-testid="sl-manual-code"
                        placeholder=move || i18n.t(T::PartnerHint) prop:value=move || partner.get()
                        on:change=move |ev| { ticked.set(Vec::new()); partner.set(event_target_value(&ev)); } />
                    <datalist id="sl-partners">
                        {move || partners.get().into_iter().map(|p| view! { <option value=p></option> }).collect_view()}
                    </datalist>
                </label>
                {move || open.get().map(|list| view! { <ItemTicks list=list ticked=ticked decimals=decimals /> })}
            </Show>
            {move || problem.get().map(|p| view! { <div class="error-box" role="alert" data-testid="error">{i18n.t(p)}</div> })}
            <div class="toolbar">
                <button type="button" class="button primary" data-testid="sl-manual-apply" on:click=done disabled=move || right.denied() title=move || right.why()>{move || i18n.t(T::Apply)}</button>
                <button type="button" class="button" on:click=move |_| cancel.run(())>{move || i18n.t(T::Cancel)}</button>
            </div>
        </div>
    }
}

#[component]
fn ItemTicks(list: Vec<Item>, ticked: RwSignal<Vec<ItemId>>, decimals: u32) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="muted">{move || i18n.t(T::NoItems)}</p> }.into_any();
    }
    let lang = i18n.lang_untracked();
    let rows = list
        .into_iter()
        .map(|i| {
            let id = i.id;
            let toggle = move |on: bool| {
                ticked.update(|t| {
                    t.retain(|x| *x != id);
                    if on {
                        t.push(id);
                    }
                })
            };
            view! {
                <tr>
                    <td><input type="checkbox" data-testid="sl-manual-item"
                        prop:checked=move || ticked.with(|t| t.contains(&id))
                        on:change=move |ev| toggle(event_target_checked(&ev)) /></td>
                    <td>{i.reference}</td>
                    <td class="date">{fmt_date(i.date, lang)}</td>
                    <td class="num">{fmt_amount(i.open, decimals, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data compact" data-testid="sl-manual-items">
            <caption>{T::OpenItems.text(lang)}</caption>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
