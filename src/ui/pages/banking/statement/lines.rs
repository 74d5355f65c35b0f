//! The statement's lines: date, counterparty, IBAN, purpose, amount, and
//! either what the line was posted as (its payment and entry) or the
//! matcher's proposals, numbered, the top one first, each with its reasons
//! in words; then the user's pick, and "Immer so buchen" when the pick
//! corrected the top proposal. Rows are built once per change of the
//! Book; the selection and the picks update in place, so moving with ↑/↓
//! through a long statement re-renders nothing but two classes.

use leptos::prelude::*;
use leptos_router::components::A;

use super::manual::Manual;
use super::model::{Data, LineData, Shown, Status};
use super::post::Pick;
use super::texts::T;
use super::{Ui, reason_text};
use crate::ui::components::{entry_href, fmt_amount, fmt_date};
use crate::ui::i18n::{Lang, Text, use_i18n};

#[component]
pub(super) fn LinesTable(data: Data, ui: Ui) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang_untracked();
    let d = data.decimals;
    let body = data
        .lines
        .into_iter()
        .enumerate()
        .map(|(pos, l)| line_row(pos, l, d, lang, ui))
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data statement-lines" data-testid="sl-lines">
                <thead><tr>
                    <th class="date">{T::Date.text(lang)}</th>
                    <th>{T::Counterparty.text(lang)}</th>
                    <th>{T::Iban.text(lang)}</th>
                    <th>{T::Purpose.text(lang)}</th>
                    <th class="num">{T::Amount.text(lang)}</th>
                    <th>{T::Proposal.text(lang)}</th>
                    <th>{T::Status.text(lang)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

fn line_row(pos: usize, l: LineData, d: u32, lang: Lang, ui: Ui) -> impl IntoView {
    let index = l.index;
    let line = l.line.clone();
    let open = matches!(l.status, Status::Open { .. });
    let proposals = match &l.status {
        Status::Open { proposals } => {
            proposals_view(index, proposals.clone(), d, lang, ui).into_any()
        }
        Status::Posted { payment, entry } => posted_view(*payment, *entry, lang).into_any(),
    };
    let select = move |_| ui.selected.set(pos);
    let manual = move || {
        (ui.manual.get() == Some(index)).then(|| {
            let line = line.clone();
            view! { <tr class="manual-row"><td colspan="7">
                <Manual line=line decimals=d
                    apply=Callback::new(move |a| { ui.picks.update(|p| { p.insert(index, Pick::Manual(a)); }); ui.manual.set(None); })
                    cancel=Callback::new(move |()| ui.manual.set(None)) />
            </td></tr> }
        })
    };
    view! {
        <tr data-testid="sl-row" data-pos=pos data-line=index tabindex="-1" on:click=select
            class:selected=move || ui.selected.get() == pos class:posted=!open
            class:picked=move || ui.picks.with(|p| p.contains_key(&index))>
            <td class="date">{fmt_date(l.line.booking_date, lang)}</td>
            <td>{l.line.counterparty.clone()}</td>
            <td class="mono">{l.line.iban.clone()}</td>
            <td class="purpose">{purpose_of(&l.line)}</td>
            <td class="num" data-testid="sl-amount">{format!("{} {}", fmt_amount(l.line.amount, d, lang), l.line.currency.as_str())}</td>
            <td>{proposals}</td>
            <td data-testid="sl-status">{open.then(|| pick_view(index, ui))}</td>
        </tr>
        {manual}
    }
}

/// The purpose, else the structured creditor reference (a camt line may
/// carry only that).
fn purpose_of(line: &crate::ledger::bank::BankLine) -> String {
    if line.purpose.trim().is_empty() {
        line.creditor_reference.clone()
    } else {
        line.purpose.clone()
    }
}

fn posted_view(
    payment: u32,
    entry: Option<crate::ledger::types::EntryId>,
    lang: Lang,
) -> impl IntoView {
    view! {
        <span class="posted" data-testid="sl-posted">
            <A href="/banking/payments">{format!("{} {payment}", T::Posted.text(lang))}</A>
            {entry.map(|e| view! { " · " <A href=entry_href(e)>{T::Entry.text(lang)}</A> })}
        </span>
    }
}

fn proposals_view(index: u32, list: Vec<Shown>, d: u32, lang: Lang, ui: Ui) -> impl IntoView {
    if list.is_empty() {
        return view! { <span class="muted" data-testid="sl-no-proposal">{T::NoProposal.text(lang)}</span> }.into_any();
    }
    let items = list
        .into_iter()
        .enumerate()
        .map(|(n, s)| {
            let action = s.proposal.action.clone();
            let chosen = move || ui.picks.with(|p| matches!(p.get(&index), Some(Pick::Proposal { n: m, .. }) if *m == n));
            let reasons = s
                .proposal
                .reasons
                .iter()
                .map(|r| reason_text(r, d, lang))
                .collect::<Vec<_>>()
                .join(", ");
            let pick = move |_| {
                ui.picks.update(|p| {
                    p.insert(index, Pick::Proposal { n, action: action.clone() });
                })
            };
            view! {
                <li data-testid="sl-proposal" class:chosen=chosen on:click=pick>
                    <span class="key">{(n + 1).to_string()}</span>" "
                    <strong>{s.target}</strong>
                    {(!s.items.is_empty()).then(|| format!(" · {} {}", T::Items.text(lang), s.items))}
                    {(!s.on_account.is_zero()).then(|| format!(" · {} {}", T::OnAccount.text(lang), fmt_amount(s.on_account, d, lang)))}
                    <span class="reasons">{format!(" — {reasons} ({} {} %)", T::Score.text(lang), s.proposal.score)}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="proposals">{items}</ol> }.into_any()
}

/// The pick of an open line and, when it corrected the top proposal, the
/// offer to learn it.
fn pick_view(index: u32, ui: Ui) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let lang = i18n.lang();
        let pick = ui.picks.with(|p| p.get(&index).cloned())?;
        let text = match &pick {
            Pick::Proposal { n, .. } => format!("{} ({})", T::Accepted.text(lang), n + 1),
            Pick::Manual(_) => format!("{} ({})", T::Accepted.text(lang), T::Manual.text(lang)),
            Pick::Park => T::Parked.text(lang).to_string(),
        };
        let learn = pick.corrected().is_some().then(|| {
            view! {
                <button type="button" class="button small" data-testid="sl-always"
                    on:click=move |ev| { ev.stop_propagation(); ui.learn.set(Some(index)); }>{T::Always.text(lang)}</button>
            }
        });
        Some(view! { <span class="pick" data-testid="sl-pick">{text}</span>" "{learn} })
    }
}
