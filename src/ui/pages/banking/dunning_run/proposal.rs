//! The proposal as a table: per letter a customer row (tick to dun, the
//! level reached, fee and total of the items still ticked) and its item
//! rows; below, who is skipped and why, in words.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::ledger::dunning::{DunnedItem, DunningProposal, ProposedLetter, Skipped};
use crate::ui::components::{fmt_amount, fmt_date, fmt_nonzero};
use crate::ui::errors::dunning_skip_reason;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

use super::Exclusions;
use super::texts::T;

/// The item's document as the customer knows it (reference, else the
/// journal number), and the customer's name.
fn labels(letter: &ProposedLetter) -> (String, Vec<String>) {
    use_app()
        .with_book(|b| {
            let name = b
                .partner(letter.partner)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            let docs = letter
                .items
                .iter()
                .map(|i| {
                    b.entry(i.item.entry)
                        .map(|e| {
                            if e.reference.is_empty() {
                                format!("{}/{}", e.number, e.fiscal_year)
                            } else {
                                e.reference.clone()
                            }
                        })
                        .unwrap_or_default()
                })
                .collect();
            (name, docs)
        })
        .unwrap_or_default()
}

fn item_total(i: &DunnedItem) -> Decimal {
    i.open + i.interest + i.flat_fee
}

#[component]
pub fn ProposalView(proposal: DunningProposal, exclusions: Exclusions) -> impl IntoView {
    let i18n = use_i18n();
    let d = use_app()
        .with_book(|b| b.settings().lc_decimals())
        .unwrap_or(2);
    let letters = proposal.letters.clone();
    let kept_total = {
        let letters = letters.clone();
        Memo::new(move |_| {
            let (customers, items) = (exclusions.customers.get(), exclusions.items.get());
            letters
                .iter()
                .filter(|l| !customers.contains(&l.partner))
                .map(|l| {
                    let kept: Vec<&DunnedItem> = l
                        .items
                        .iter()
                        .filter(|i| !items.contains(&i.item))
                        .collect();
                    let fee = if kept.is_empty() {
                        Decimal::ZERO
                    } else {
                        l.fee
                    };
                    kept.into_iter().map(item_total).sum::<Decimal>() + fee
                })
                .sum::<Decimal>()
        })
    };
    let empty = proposal.letters.is_empty();
    let skipped = proposal.skipped.clone();
    view! {
        <h2>{move || i18n.t(T::Proposal)}</h2>
        <Show when=move || !empty fallback=move || view! { <p class="muted" data-testid="nothing">{move || i18n.t(T::Nothing)}</p> }>
            <div class="table-wrap">
                <table class="data dunning-proposal" data-testid="dunning-proposal">
                    <thead><tr>
                        <th>{move || i18n.t(T::Include)}</th>
                        <th>{move || i18n.t(T::Document)}</th>
                        <th>{move || i18n.t(T::DueDate)}</th>
                        <th class="num">{move || i18n.t(T::DaysOverdue)}</th>
                        <th class="num">{move || i18n.t(T::Open)}</th>
                        <th class="num">{move || i18n.t(T::Levels)}</th>
                        <th class="num">{move || i18n.t(T::Interest)}</th>
                        <th class="num">{move || i18n.t(T::Fee)}</th>
                        <th class="num">{move || i18n.t(T::FlatFee)}</th>
                        <th class="num">{move || i18n.t(T::Total)}</th>
                    </tr></thead>
                    {letters.clone().into_iter().map(|l| view! { <LetterRows letter=l exclusions=exclusions decimals=d /> }).collect_view()}
                    <tfoot><tr class="total">
                        <td colspan="9">{move || i18n.t(T::RunTotal)}</td>
                        <td class="num" data-testid="run-total">{move || fmt_amount(kept_total.get(), d, i18n.lang())}</td>
                    </tr></tfoot>
                </table>
            </div>
        </Show>
        <SkippedList skipped=skipped />
    }
}

#[component]
fn LetterRows(letter: ProposedLetter, exclusions: Exclusions, decimals: u32) -> impl IntoView {
    let i18n = use_i18n();
    let (name, docs) = labels(&letter);
    let partner = letter.partner;
    let out = move || exclusions.customers.with(|c| c.contains(&partner));
    let toggle_customer = move |on: bool| {
        exclusions.customers.update(|c| {
            if on {
                c.remove(&partner);
            } else {
                c.insert(partner);
            }
        })
    };
    let item_row = move |(item, doc): (DunnedItem, String)| {
        let id = item.item;
        let (due, open, interest, flat) = (item.due_date, item.open, item.interest, item.flat_fee);
        let total = item_total(&item);
        let lang = move || i18n.lang();
        let off = move || exclusions.items.with(|s| s.contains(&id));
        view! {
            <tr class="item" class:excluded=move || off() || out() data-testid=format!("item-{doc}")>
                <td><input type="checkbox" prop:checked=move || !off() prop:disabled=out
                    data-testid=format!("keep-{doc}")
                    on:change=move |ev| { let on = event_target_checked(&ev); exclusions.items.update(|s| { if on { s.remove(&id); } else { s.insert(id); } }) } /></td>
                <td>{doc.clone()}</td>
                <td>{move || fmt_date(due, lang())}</td>
                <td class="num">{item.days_overdue}</td>
                <td class="num">{move || fmt_amount(open, decimals, lang())}</td>
                <td class="num" data-testid=format!("levels-{doc}")>{format!("{} → {}", item.previous_level, item.level)}</td>
                <td class="num">{move || fmt_nonzero(interest, decimals, lang())}</td>
                <td></td>
                <td class="num">{move || fmt_nonzero(flat, decimals, lang())}</td>
                <td class="num">{move || fmt_amount(total, decimals, lang())}</td>
            </tr>
        }
    };
    let rows: Vec<(DunnedItem, String)> = letter.items.iter().cloned().zip(docs).collect();
    let code = partner.to_string();
    let (interest, fee, flat, total) = (
        letter.interest(),
        letter.fee,
        letter.flat_fees(),
        letter.total(),
    );
    view! {
        <tbody class="letter" data-testid=format!("letter-{code}")>
            <tr class="customer" class:excluded=out>
                <td><input type="checkbox" prop:checked=move || !out() data-testid=format!("keep-customer-{code}")
                    on:change=move |ev| toggle_customer(event_target_checked(&ev)) /></td>
                <td colspan="4"><strong>{format!("{code} {name}")}</strong></td>
                <td class="num"><strong>{letter.level}</strong></td>
                <td class="num">{move || fmt_nonzero(interest, decimals, i18n.lang())}</td>
                <td class="num">{move || fmt_nonzero(fee, decimals, i18n.lang())}</td>
                <td class="num">{move || fmt_nonzero(flat, decimals, i18n.lang())}</td>
                <td class="num"><strong>{move || fmt_amount(total, decimals, i18n.lang())}</strong></td>
            </tr>
            {rows.into_iter().map(item_row).collect_view()}
        </tbody>
    }
}

#[component]
fn SkippedList(skipped: Vec<Skipped>) -> impl IntoView {
    let i18n = use_i18n();
    if skipped.is_empty() {
        return ().into_any();
    }
    let names = use_app()
        .with_book(|b| {
            skipped
                .iter()
                .map(|s| {
                    b.partner(s.partner)
                        .map(|p| p.name.clone())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let rows = skipped
        .into_iter()
        .zip(names)
        .map(move |(s, name)| {
            view! {
                <tr>
                    <td>{format!("{} {name}", s.partner)}</td>
                    <td>{move || dunning_skip_reason(&s.reason, i18n.lang())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{move || i18n.t(T::Skipped)}</h3>
        <div class="table-wrap">
            <table class="data dunning-skipped" data-testid="dunning-skipped">
                <thead><tr><th>{move || i18n.t(T::Customer)}</th><th>{move || i18n.t(T::Reason)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }.into_any()
}
