//! The automatic reconciliation over all partners: the rules (by
//! reference, by amount within days; default the settings' match days),
//! one `AutoReconcile` command, and its result list (clearing number,
//! partner, items, amount).

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::{T, now};
use crate::ledger::open_items::{Clearing, OpenItemsEvent};
use crate::ledger::payments::PaymentsCommand;
use crate::ledger::payments::reconcile::AutoReconcileDraft;
use crate::ledger::types::Side;
use crate::ledger::{Command, Event};
use crate::ui::components::use_change_right;
use crate::ui::components::{fmt_amount, lc_of};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

#[derive(Clone, Debug, PartialEq, Eq)]
struct ResultRow {
    number: u32,
    partner: String,
    items: usize,
    amount: Decimal,
}

/// The rules as typed, and the outcome.
#[derive(Clone, Copy)]
struct Rules {
    by_reference: RwSignal<bool>,
    by_amount: RwSignal<bool>,
    days: RwSignal<String>,
    message: RwSignal<Option<(bool, String)>>,
    result: RwSignal<Vec<ResultRow>>,
}

#[component]
pub(super) fn Auto(date: RwSignal<Option<NaiveDate>>) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let rules = Rules {
        by_reference: RwSignal::new(true),
        by_amount: RwSignal::new(true),
        days: RwSignal::new(String::new()),
        message: RwSignal::new(None),
        result: RwSignal::new(Vec::new()),
    };
    let default_days = move || {
        app.with_book(|b| b.payments().settings().match_days.to_string())
            .unwrap_or_default()
    };
    let run = Action::new_local(move |_: &()| run_auto(app, rules, date, i18n.lang_untracked()));
    let check = move |signal: RwSignal<bool>, label: T, testid: &'static str| {
        view! {
            <label class="check">
                <input type="checkbox" data-testid=testid prop:checked=move || signal.get()
                    on:change=move |ev| signal.set(event_target_checked(&ev)) />
                <span>{move || i18n.t(label)}</span>
            </label>
        }
    };
    view! {
        <h2>{move || i18n.t(T::Auto)}</h2>
        <p class="muted">{move || i18n.t(T::AutoLead)}</p>
        <div class="toolbar">
            {check(rules.by_reference, T::ByReference, "rc-by-reference")}
            {check(rules.by_amount, T::ByAmount, "rc-by-amount")}
            <label class="field">
                <span>{move || i18n.t(T::Days)}</span>
                <input type="text" inputmode="numeric" class="short" data-testid="rc-days"
                    placeholder=default_days prop:value=move || rules.days.get()
                    on:input=move |ev| rules.days.set(event_target_value(&ev)) />
            </label>
            <button class="button primary" data-testid="rc-auto" disabled=move || run.pending().get() || right.denied()
                on:click=move |_| { run.dispatch(()); } title=move || right.why()>{move || i18n.t(T::Auto)}</button>
        </div>
        {move || rules.message.get().map(|(ok, text)| view! {
            <div class=if ok { "success-box" } else { "error-box" } role=if ok { "status" } else { "alert" }
                data-testid=if ok { "rc-auto-done" } else { "rc-auto-error" }>{text}</div>
        })}
        {move || (!rules.result.get().is_empty()).then(|| result_table(rules.result.get(), i18n.lang(), app))}
    }
}

fn result_table(rows: Vec<ResultRow>, lang: Lang, app: AppState) -> impl IntoView {
    let d = app.with_book(|b| lc_of(b).1).unwrap_or(2);
    let body = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr data-testid="rc-auto-row">
                    <td class="num">{r.number}</td>
                    <td>{r.partner}</td>
                    <td class="num">{r.items}</td>
                    <td class="num">{fmt_amount(r.amount, d, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data report" data-testid="rc-auto-result">
                <thead><tr>
                    <th class="num">{T::Number.text(lang)}</th>
                    <th>{T::Partner.text(lang)}</th>
                    <th class="num">{T::Items.text(lang)}</th>
                    <th class="num">{T::Amount.text(lang)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// A result row: the clearing's debit parts are what it cleared.
fn result_row(app: AppState, clearing: &Clearing) -> ResultRow {
    let partner = app
        .with_book(|b| {
            b.partner(clearing.partner)
                .map(|p| format!("{} {}", p.code, p.name))
        })
        .flatten()
        .unwrap_or_else(|| clearing.partner.to_string());
    let amount = app
        .with_book(|b| {
            let oi = b.open_items();
            clearing
                .parts
                .iter()
                .filter(|p| oi.item(p.item).is_some_and(|i| i.side == Side::Debit))
                .map(|p| p.amount_lc)
                .sum()
        })
        .unwrap_or_default();
    ResultRow {
        number: clearing.number,
        partner,
        items: clearing.parts.len(),
        amount,
    }
}

async fn run_auto(app: AppState, rules: Rules, date: RwSignal<Option<NaiveDate>>, lang: Lang) {
    rules.message.set(None);
    rules.result.set(Vec::new());
    let (Some(date), Some(at)) = (date.get_untracked(), now()) else {
        return;
    };
    let days = match rules.days.get_untracked().trim() {
        "" => None,
        text => match text.parse::<u16>() {
            Ok(n) => Some(n),
            Err(_) => {
                rules
                    .message
                    .set(Some((false, T::BadDays.text(lang).to_string())));
                return;
            }
        },
    };
    let draft = AutoReconcileDraft {
        days,
        by_reference: rules.by_reference.get_untracked(),
        by_amount: rules.by_amount.get_untracked(),
        ..AutoReconcileDraft::new(date, "kontor", at)
    };
    match app
        .execute(Command::from(PaymentsCommand::AutoReconcile { draft }))
        .await
    {
        Ok(events) => {
            let rows: Vec<ResultRow> = untrack(|| {
                events
                    .iter()
                    .filter_map(|e| match e {
                        Event::OpenItems(OpenItemsEvent::ItemsCleared { clearing }) => {
                            Some(result_row(app, clearing))
                        }
                        _ => None,
                    })
                    .collect()
            });
            rules.message.set(Some((
                true,
                format!("{} {}", T::AutoDone.text(lang), rows.len()),
            )));
            rules.result.set(rows);
        }
        Err(e) => rules.message.set(Some((false, session_error(&e, lang)))),
    }
}
