//! The partner's reconciliations (clearings), newest first, with their
//! items; a valid one can be cancelled after a confirmation, which
//! re-opens its items (`CancelClearing`). Never edited.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::{T, Ui, now, reference_of};
use crate::ledger::Book;
use crate::ledger::Command;
use crate::ledger::open_items::OpenItemsCommand;
use crate::ledger::types::{PartnerCode, Side};
use crate::ui::components::{fmt_amount, fmt_date, lc_of};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

#[derive(Clone, Debug, PartialEq, Eq)]
struct ClearingRow {
    number: u32,
    date: NaiveDate,
    items: String,
    amount: Decimal,
    cancelled: bool,
}

fn clearing_rows(book: &Book, code: PartnerCode) -> Vec<ClearingRow> {
    let oi = book.open_items();
    oi.clearings()
        .iter()
        .rev()
        .filter(|r| r.clearing.partner == code)
        .map(|r| ClearingRow {
            number: r.clearing.number,
            date: r.clearing.date,
            items: r
                .clearing
                .parts
                .iter()
                .map(|p| reference_of(book, p.item))
                .collect::<Vec<_>>()
                .join(" · "),
            amount: r
                .clearing
                .parts
                .iter()
                .filter(|p| oi.item(p.item).is_some_and(|i| i.side == Side::Debit))
                .map(|p| p.amount_lc)
                .sum(),
            cancelled: r.cancelled.is_some(),
        })
        .collect()
}

#[component]
pub(super) fn History(ui: Ui) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let confirm: RwSignal<Option<u32>> = RwSignal::new(None);
    let data = Memo::new(move |_| {
        let code = ui.code()?;
        app.with_book(|b| (clearing_rows(b, code), lc_of(b).1))
    });
    let cancel = Action::new_local(move |number: &u32| {
        cancel_clearing(app, ui, *number, i18n.lang_untracked())
    });
    view! {
        <h2>{move || i18n.t(T::History)}</h2>
        {move || data.get().map(|(rows, d)| if rows.is_empty() {
            view! { <p class="muted" data-testid="rc-no-history">{i18n.t(T::NoHistory)}</p> }.into_any()
        } else {
            let lang = i18n.lang();
            let body = rows.into_iter().map(|r| history_row(r, d, lang, confirm, cancel)).collect_view();
            view! {
                <div class="table-wrap">
                    <table class="data report" data-testid="rc-history">
                        <thead><tr>
                            <th class="num">{i18n.t(T::Number)}</th>
                            <th class="date">{i18n.t(T::Date)}</th>
                            <th>{i18n.t(T::Items)}</th>
                            <th class="num">{i18n.t(T::Amount)}</th>
                            <th>{i18n.t(T::Status)}</th>
                            <th></th>
                        </tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }.into_any()
        })}
    }
}

fn history_row(
    r: ClearingRow,
    d: u32,
    lang: Lang,
    confirm: RwSignal<Option<u32>>,
    cancel: Action<u32, ()>,
) -> impl IntoView {
    let number = r.number;
    let status = if r.cancelled { T::Cancelled } else { T::Active };
    let asking = move || confirm.get() == Some(number);
    let action = (!r.cancelled).then(|| view! {
        <button class="button small" data-testid="rc-cancel" on:click=move |_| confirm.set(Some(number))>
            {T::Cancel.text(lang)}</button>
        <Show when=asking>
            <div class="lock-confirm" role="alertdialog" aria-label=T::Cancel.text(lang)>
                <p class="warning">{T::ConfirmCancel.text(lang)}</p>
                <button type="button" class="button danger small" data-testid="rc-confirm-cancel" autofocus
                    on:click=move |_| { confirm.set(None); cancel.dispatch(number); }>{T::YesCancel.text(lang)}</button>
                <button type="button" class="button small" on:click=move |_| confirm.set(None)>{T::Keep.text(lang)}</button>
            </div>
        </Show>
    });
    view! {
        <tr data-testid="rc-clearing" data-number=number.to_string() class:cancelled=r.cancelled>
            <td class="num">{number}</td>
            <td class="date">{fmt_date(r.date, lang)}</td>
            <td>{r.items}</td>
            <td class="num">{fmt_amount(r.amount, d, lang)}</td>
            <td data-testid="rc-status">{status.text(lang)}</td>
            <td>{action}</td>
        </tr>
    }
}

async fn cancel_clearing(app: AppState, ui: Ui, number: u32, lang: Lang) {
    ui.message.set(None);
    let Some(at) = now() else { return };
    let cmd = Command::from(OpenItemsCommand::CancelClearing {
        number,
        by: "kontor".into(),
        at,
    });
    match app.execute(cmd).await {
        Ok(_) => {
            let text = format!("{} {number}", T::CancelledMsg.text(lang));
            ui.message.set(Some((true, text)));
        }
        Err(e) => ui.message.set(Some((false, session_error(&e, lang)))),
    }
}
