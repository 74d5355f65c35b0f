//! The statement's header (house bank, ids, dates, the original file) and
//! its balance check: the opening balance against the previous
//! statement's closing balance and the bank account's book balance before
//! the statement; the closing balance against opening plus lines and, once
//! posted, against the book balance. A gap is shown before posting.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::model::Data;
use super::texts::T;
use crate::ui::components::{fmt_amount, fmt_date};
use crate::ui::i18n::{Lang, Text, use_i18n};

#[component]
pub(super) fn Header(data: Data, original: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang_untracked();
    let s = &data.statement;
    let first = s
        .lines
        .iter()
        .map(|l| l.booking_date)
        .min()
        .or(s.opening.map(|o| o.date));
    let last = s
        .lines
        .iter()
        .map(|l| l.booking_date)
        .max()
        .or(s.closing.map(|c| c.date));
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| fmt_date(d, lang)).unwrap_or_default();
    let b = &data.bank;
    view! {
        <dl class="statement-header" data-testid="sl-header">
            <dt>{T::HouseBank.text(lang)}</dt><dd>{format!("{} {} · {}", b.code, b.name, b.iban)}</dd>
            <dt>{T::Account.text(lang)}</dt><dd>{b.account.as_str().to_string()}</dd>
            <dt>{T::StatementId.text(lang)}</dt><dd class="mono">{s.statement_id.clone()}</dd>
            <dt>{T::SequenceNo.text(lang)}</dt><dd>{s.sequence_no.clone()}</dd>
            <dt>{T::Format.text(lang)}</dt><dd>{s.format.clone()}</dd>
            <dt>{T::Period.text(lang)}</dt><dd>{format!("{} – {}", date(first), date(last))}</dd>
            <dt>{T::Original.text(lang)}</dt>
            <dd><button type="button" class="button small" data-testid="sl-original"
                on:click=move |_| original.run(())>{data.file_name.clone()}</button></dd>
        </dl>
    }
}

/// "stimmt" or "weicht ab um x" for `a` against `b`; `None` when either is
/// unknown.
fn verdict(a: Option<Decimal>, b: Option<Decimal>, d: u32, lang: Lang) -> (Option<bool>, String) {
    match (a, b) {
        (Some(a), Some(b)) if a == b => (Some(true), T::Agrees.text(lang).to_string()),
        (Some(a), Some(b)) => (
            Some(false),
            format!("{} {}", T::Differs.text(lang), fmt_amount(a - b, d, lang)),
        ),
        _ => (None, T::NotKnown.text(lang).to_string()),
    }
}

#[component]
pub(super) fn BalanceCheck(data: Data) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang_untracked();
    let d = data.decimals;
    let c = &data.check;
    let opening = data.statement.opening.map(|o| o.amount);
    let closing = data.statement.closing.map(|c| c.amount);
    let money = move |x: Option<Decimal>| {
        x.map(|x| fmt_amount(x, d, lang))
            .unwrap_or_else(|| "–".into())
    };
    let row = move |label: T,
                    value: Option<Decimal>,
                    against: T,
                    other: Option<Decimal>,
                    id: &'static str| {
        let (ok, text) = verdict(value, other, d, lang);
        view! {
            <tr data-testid=id data-ok=ok.map(|b| b.to_string()).unwrap_or_default()
                class:agrees=ok == Some(true) class:differs=ok == Some(false)>
                <th>{label.text(lang)}</th><td class="num">{money(value)}</td>
                <td>{against.text(lang)}</td><td class="num">{money(other)}</td>
                <td class="verdict">{text}</td>
            </tr>
        }
    };
    let sum = opening.map(|o| o + c.lines_sum);
    let open_left =
        (c.open_lines > 0).then(|| view! { <p class="muted small">{T::OpenLeft.text(lang)}</p> });
    view! {
        <h2>{T::CheckTitle.text(lang)}</h2>
        <table class="data balance-check" data-testid="sl-check">
            <tbody>
                {row(T::Opening, opening, T::PreviousClosing, c.previous_closing, "sl-check-previous")}
                {row(T::Opening, opening, T::BookedBefore, Some(c.booked_before), "sl-check-booked-before")}
                {row(T::Closing, closing, T::Sum, sum, "sl-check-sum")}
                {row(T::Closing, closing, T::BookedAfter, Some(c.booked_after), "sl-check-booked")}
            </tbody>
        </table>
        {open_left}
    }
}
