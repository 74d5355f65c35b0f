//! The manual reconciliation: the partner's open items with a tick and
//! the amount to clear each, the running net of the selection, and the
//! engine's proposals, one of which ticks its items when accepted.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::{ItemRow, T, Ui, item_rows, now, reference_of};
use crate::formats::amount::parse_amount;
use crate::ledger::open_items::{ItemId, OpenItemsCommand, OpenItemsEvent, PartDraft};
use crate::ledger::payments::reconcile::{Proposal, Reason, proposals};
use crate::ledger::types::Side;
use crate::ledger::{Command, Event};
use crate::ui::components::use_change_right;
use crate::ui::components::{fmt_amount, fmt_date, lc_of, number_style};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

/// Proposals shown at most.
const PROPOSALS: usize = 20;

/// A proposal and its items' references (the reason is worded when shown,
/// in the language of the moment).
#[derive(Clone, Debug, PartialEq, Eq)]
struct ProposalRow {
    proposal: Proposal,
    items: String,
}

/// The sentence for a proposal's reason, days and partial amount.
fn reason_text(p: &Proposal, lang: Lang) -> String {
    let mut text = match &p.reason {
        Reason::SameReference { reference } => {
            format!("{} {reference}", T::SameReference.text(lang))
        }
        Reason::MemoNamesReference { reference } => {
            format!("{} {reference}", T::MemoNamesReference.text(lang))
        }
        Reason::ExactAmount => T::ExactAmount.text(lang).to_string(),
        Reason::OneAgainstTwo => T::OneAgainstTwo.text(lang).to_string(),
    };
    let days = match p.days {
        0 => T::SameDay.text(lang).to_string(),
        1 => T::OneDayApart.text(lang).to_string(),
        n => format!("{n} {}", T::DaysApart.text(lang)),
    };
    text.push_str(&format!(", {days}"));
    if p.is_partial() {
        text.push_str(&format!(" ({})", T::Partial.text(lang)));
    }
    text
}

/// The net of the ticked amounts (debit positive), `None` when one is
/// not a valid amount.
fn net_of(
    rows: &[ItemRow],
    ticks: &[(ItemId, String)],
    lang: Lang,
    decimals: u32,
) -> Option<Decimal> {
    ticks.iter().try_fold(Decimal::ZERO, |net, (item, text)| {
        let row = rows.iter().find(|r| r.item == *item)?;
        let amount = parse_amount(text, number_style(lang), decimals).ok()?;
        (amount > Decimal::ZERO).then(|| net + row.side.sign(amount))
    })
}

#[component]
pub(super) fn Manual(ui: Ui) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let found: RwSignal<Option<Vec<ProposalRow>>> = RwSignal::new(None);
    let data = Memo::new(move |_| {
        let (code, date) = (ui.code()?, ui.date.get()?);
        app.with_book(|b| (item_rows(b, code, date), lc_of(b).1))
    });
    Effect::new(move |_| {
        ui.partner.track();
        ui.date.track();
        ui.ticks.set(Vec::new());
        found.set(None);
    });
    // A reconciliation (here or elsewhere) outdates the proposals.
    Effect::new(move |_| {
        data.track();
        found.set(None);
    });
    let net = Memo::new(move |_| {
        let (rows, d) = data.get()?;
        ui.ticks.with(|t| net_of(&rows, t, i18n.lang(), d))
    });
    let ready = move || net.get() == Some(Decimal::ZERO) && ui.ticks.with(|t| t.len() >= 2);
    let reconcile =
        Action::new_local(move |_: &()| reconcile_ticked(app, ui, found, i18n.lang_untracked()));
    let propose = move || {
        let (Some(code), Some(date)) = (untrack(|| ui.code()), ui.date.get_untracked()) else {
            return;
        };
        found.set(app.with_book(|b| {
            proposals(b.context(), code, date, PROPOSALS)
                .into_iter()
                .map(|p| ProposalRow {
                    items: p
                        .parts
                        .iter()
                        .map(|x| reference_of(b, x.item))
                        .collect::<Vec<_>>()
                        .join(" · "),
                    proposal: p,
                })
                .collect()
        }));
    };
    view! {
        <h2>{move || i18n.t(T::OpenItems)}</h2>
        {move || match data.get() {
            None => view! { <p class="muted" data-testid="rc-choose">{i18n.t(T::ChoosePartner)}</p> }.into_any(),
            Some((rows, _)) if rows.is_empty() => view! { <p class="muted" data-testid="rc-no-items">{i18n.t(T::NoItems)}</p> }.into_any(),
            Some((rows, d)) => view! { <ItemsTable rows=rows decimals=d ui=ui net=net lang=i18n.lang() /> }.into_any(),
        }}
        <div class="toolbar">
            <button class="button primary" data-testid="rc-reconcile"
                disabled=move || !ready() || reconcile.pending().get() || right.denied()
                on:click=move |_| { reconcile.dispatch(()); } title=move || right.why()>{move || i18n.t(T::Reconcile)}</button>
            <button class="button" data-testid="rc-propose" disabled=move || data.get().is_none()
                on:click=move |_| propose()>{move || i18n.t(T::Propose)}</button>
            <span class="muted small">{move || i18n.t(T::NetHint)}</span>
        </div>
        {move || ui.message.get().map(|(ok, text)| view! {
            <div class=if ok { "success-box" } else { "error-box" } role=if ok { "status" } else { "alert" }
                data-testid=if ok { "rc-done" } else { "error" }>{text}</div>
        })}
        {move || found.get().map(|list| view! { <ProposalList list=list ui=ui lang=i18n.lang() /> })}
    }
}

#[component]
fn ItemsTable(
    rows: Vec<ItemRow>,
    decimals: u32,
    ui: Ui,
    net: Memo<Option<Decimal>>,
    lang: Lang,
) -> impl IntoView {
    let i18n = use_i18n();
    let body = rows
        .into_iter()
        .map(|r| item_row(r, decimals, lang, ui))
        .collect_view();
    let net_text = move || match net.get() {
        Some(n) => fmt_amount(n, decimals, i18n.lang()),
        None => i18n.t(T::BadAmount).to_string(),
    };
    view! {
        <div class="table-wrap">
            <table class="data report reconcile-items" data-testid="rc-items">
                <thead><tr>
                    <th>{i18n.t(T::Select)}</th>
                    <th>{i18n.t(T::Reference)}</th>
                    <th>{i18n.t(T::Memo)}</th>
                    <th class="date">{i18n.t(T::PostingDate)}</th>
                    <th class="num">{i18n.t(T::Debit)}</th>
                    <th class="num">{i18n.t(T::Credit)}</th>
                    <th class="num">{i18n.t(T::ToClear)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
                <tfoot><tr class="total">
                    <td colspan="6">{i18n.t(T::Net)}</td>
                    <td class="num" data-testid="rc-net"
                        class:balanced=move || net.get() == Some(Decimal::ZERO)>{net_text}</td>
                </tr></tfoot>
            </table>
        </div>
    }
}

fn item_row(r: ItemRow, d: u32, lang: Lang, ui: Ui) -> impl IntoView {
    let item = r.item;
    let open_text = fmt_amount(r.open, d, lang);
    let tick = move || {
        ui.ticks
            .with(|t| t.iter().find(|(i, _)| *i == item).map(|(_, a)| a.clone()))
    };
    let toggle = move |on: bool| {
        ui.ticks.update(|t| {
            t.retain(|(i, _)| *i != item);
            if on {
                t.push((item, open_text.clone()));
            }
        })
    };
    let set_amount = move |text: String| {
        ui.ticks.update(|t| {
            if let Some(tick) = t.iter_mut().find(|(i, _)| *i == item) {
                tick.1 = text;
            }
        })
    };
    let (debit, credit) = match r.side {
        Side::Debit => (fmt_amount(r.open, d, lang), String::new()),
        Side::Credit => (String::new(), fmt_amount(r.open, d, lang)),
    };
    let label = format!("{} {}", T::Select.text(lang), r.reference);
    let reference = r.reference.clone();
    view! {
        <tr data-testid="rc-row" data-reference=reference class:selected=move || tick().is_some()>
            <td><input type="checkbox" data-testid="rc-tick" aria-label=label
                prop:checked=move || tick().is_some()
                on:change=move |ev| toggle(event_target_checked(&ev)) /></td>
            <td>{r.reference}</td>
            <td class="memo">{r.memo}</td>
            <td class="date">{fmt_date(r.date, lang)}</td>
            <td class="num">{debit}</td>
            <td class="num">{credit}</td>
            <td class="num"><input type="text" inputmode="decimal" class="amount" data-testid="rc-amount"
                disabled=move || tick().is_none()
                prop:value=move || tick().unwrap_or_default()
                on:input=move |ev| set_amount(event_target_value(&ev)) /></td>
        </tr>
    }
}

#[component]
fn ProposalList(list: Vec<ProposalRow>, ui: Ui, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let decimals = use_app().with_book(|b| lc_of(b).1).unwrap_or(2);
    if list.is_empty() {
        return view! { <p class="muted" data-testid="rc-no-proposals">{i18n.t(T::NoProposals)}</p> }.into_any();
    }
    let rows = list
        .into_iter()
        .map(|row| {
            let p = row.proposal;
            let ticks: Vec<(ItemId, String)> = p
                .parts
                .iter()
                .map(|x| (x.item, fmt_amount(x.amount, decimals, lang)))
                .collect();
            view! {
                <tr data-testid="rc-proposal">
                    <td data-testid="rc-reason">{reason_text(&p, lang)}</td>
                    <td>{row.items}</td>
                    <td class="num">{fmt_amount(p.amount, decimals, lang)}</td>
                    <td><button class="button small" data-testid="rc-accept"
                        on:click=move |_| { ui.message.set(None); ui.ticks.set(ticks.clone()); }>
                        {i18n.t(T::Accept)}</button></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{i18n.t(T::Proposals)}</h3>
        <div class="table-wrap">
            <table class="data report" data-testid="rc-proposals">
                <thead><tr>
                    <th>{i18n.t(T::Reason)}</th>
                    <th>{i18n.t(T::Items)}</th>
                    <th class="num">{i18n.t(T::Amount)}</th>
                    <th></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Sends `ClearItems` for the ticked items and amounts on the date.
async fn reconcile_ticked(
    app: AppState,
    ui: Ui,
    found: RwSignal<Option<Vec<ProposalRow>>>,
    lang: Lang,
) {
    ui.message.set(None);
    let (Some(partner), Some(date), Some(at)) =
        (untrack(|| ui.code()), ui.date.get_untracked(), now())
    else {
        return;
    };
    let decimals = untrack(|| app.with_book(|b| lc_of(b).1)).unwrap_or(2);
    let mut parts = Vec::new();
    for (item, text) in ui.ticks.get_untracked() {
        let Ok(amount) = parse_amount(&text, number_style(lang), decimals) else {
            ui.message
                .set(Some((false, T::BadAmount.text(lang).to_string())));
            return;
        };
        parts.push(PartDraft {
            item,
            amount_lc: Some(amount),
        });
    }
    let cmd = Command::from(OpenItemsCommand::ClearItems {
        partner,
        date,
        parts,
        by: "kontor".into(),
        at,
    });
    match app.execute(cmd).await {
        Ok(events) => {
            let number = events.iter().find_map(|e| match e {
                Event::OpenItems(OpenItemsEvent::ItemsCleared { clearing }) => {
                    Some(clearing.number)
                }
                _ => None,
            });
            ui.ticks.set(Vec::new());
            found.set(None);
            let text = format!(
                "{} {}",
                T::Reconciled.text(lang),
                number.unwrap_or_default()
            );
            ui.message.set(Some((true, text)));
        }
        Err(e) => ui.message.set(Some((false, session_error(&e, lang)))),
    }
}
