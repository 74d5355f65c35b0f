//! The statement list: one row per imported statement, newest first, with
//! the shared pager and a house-bank filter. A statement whose opening
//! balance is not the previous statement's closing balance (same house
//! bank), or whose opening balance plus its lines is not its closing
//! balance, is marked.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use super::texts::T;
use crate::ledger::Book;
use crate::ledger::bank::{LineRef, Statement};
use crate::ui::components::{Pager, fmt_amount, fmt_date};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

/// Statements per page.
const PAGE_ROWS: usize = 50;

/// One statement as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    number: u32,
    bank: String,
    statement_id: String,
    sequence_no: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    lines: usize,
    open: usize,
    opening: Option<Decimal>,
    closing: Option<Decimal>,
    currency: String,
    decimals: u32,
    chained: bool,
    intraday: bool,
}

/// Whether `s` continues `previous` (the house bank's statement before)
/// and its lines lead from its opening to its closing balance. Lines
/// skipped as duplicates make the sum unknowable, so it is not checked
/// then; a missing balance is nothing to compare.
fn chained(s: &Statement, previous: Option<&Statement>) -> bool {
    let continues = match (previous.and_then(|p| p.closing), s.opening) {
        (Some(c), Some(o)) => c.amount == o.amount,
        _ => true,
    };
    let sums = match (s.opening, s.closing) {
        (Some(o), Some(c)) if s.skipped == 0 => {
            o.amount + s.lines.iter().map(|l| l.amount).sum::<Decimal>() == c.amount
        }
        _ => true,
    };
    continues && sums
}

fn row(book: &Book, s: &Statement, previous: Option<&Statement>) -> Row {
    let dates = s.lines.iter().map(|l| l.booking_date);
    let open = (0..s.lines.len())
        .filter(|&i| {
            let line = u32::try_from(i).unwrap_or(u32::MAX);
            book.bank_line_payment(LineRef {
                statement: s.number,
                line,
            })
            .is_none()
        })
        .count();
    let bank = book.bank().house_bank(&s.house_bank).map_or_else(
        || s.house_bank.clone(),
        |b| format!("{} {}", b.code, b.name),
    );
    Row {
        number: s.number,
        bank,
        statement_id: s.statement_id.clone(),
        sequence_no: s.sequence_no.clone(),
        from: dates.clone().min().or(s.opening.map(|b| b.date)),
        to: dates.max().or(s.closing.map(|b| b.date)),
        lines: s.lines.len(),
        open,
        opening: s.opening.map(|b| b.amount),
        closing: s.closing.map(|b| b.amount),
        currency: s.currency.as_str().to_string(),
        decimals: s.currency.decimals(),
        chained: chained(s, previous),
        intraday: s.intraday,
    }
}

/// Rows of house bank `bank` (all when empty), newest first.
fn rows(book: &Book, bank: &str) -> Vec<Row> {
    let mut last: std::collections::HashMap<&str, &Statement> = Default::default();
    let mut out = Vec::new();
    for s in book.bank().statements() {
        let previous = if s.intraday {
            None
        } else {
            last.get(s.house_bank.as_str()).copied()
        };
        if bank.is_empty() || s.house_bank == bank {
            out.push(row(book, s, previous));
        }
        if !s.intraday {
            last.insert(s.house_bank.as_str(), s);
        }
    }
    out.reverse();
    out
}

#[component]
pub(super) fn StatementList(bank: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let page = RwSignal::new(0usize);
    Effect::new(move |_| {
        bank.track();
        page.set(0);
    });
    let banks = Memo::new(move |_| {
        app.with_book(|b| {
            b.bank()
                .house_banks()
                .iter()
                .map(|h| (h.code.clone(), format!("{} {}", h.code, h.name)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let list = Memo::new(move |_| app.with_book(|b| bank.with(|code| rows(b, code))));
    view! {
        <div class="toolbar">
            <label class="field">
                <span>{move || i18n.t(T::HouseBank)}</span>
                <select data-testid="st-filter-bank" on:change=move |ev| bank.set(event_target_value(&ev))>
                    <option value="">{move || i18n.t(T::AllBanks)}</option>
                    {move || banks.get().into_iter().map(|(code, label)| view! {
                        <option value=code.clone() selected=move || bank.get() == code>{label}</option>
                    }).collect_view()}
                </select>
            </label>
        </div>
        {move || {
            // The rows are worded once per language: re-render on a switch.
            let _lang = i18n.lang();
            list.get()
        }.map(|rows| {
            let count = rows.len();
            let pages = count.div_ceil(PAGE_ROWS).max(1);
            let shown: Vec<Row> = rows.into_iter().skip(page.get() * PAGE_ROWS).take(PAGE_ROWS).collect();
            view! {
                <StatementTable rows=shown />
                <Pager page=page pages=pages count=count unit=Signal::derive(move || i18n.t(T::Statements)) />
            }
        })}
    }
}

#[component]
fn StatementTable(rows: Vec<Row>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang_untracked();
    if rows.is_empty() {
        return view! { <p class="muted" data-testid="st-empty">{T::Empty.text(lang)}</p> }
            .into_any();
    }
    let body = rows
        .into_iter()
        .map(|r| statement_row(r, lang))
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data statements" data-testid="statements">
                <thead><tr>
                    <th class="num">{T::Number.text(lang)}</th>
                    <th>{T::HouseBank.text(lang)}</th>
                    <th>{T::StatementId.text(lang)}</th>
                    <th>{T::SequenceNo.text(lang)}</th>
                    <th class="date">{T::Period.text(lang)}</th>
                    <th class="num">{T::Lines.text(lang)}</th>
                    <th class="num">{T::OpenLines.text(lang)}</th>
                    <th class="num">{T::Opening.text(lang)}</th>
                    <th class="num">{T::Closing.text(lang)}</th>
                    <th>{T::Check.text(lang)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn statement_row(r: Row, lang: Lang) -> impl IntoView {
    let date = |d: Option<NaiveDate>| d.map(|d| fmt_date(d, lang)).unwrap_or_default();
    let money = |a: Option<Decimal>| {
        a.map(|a| format!("{} {}", fmt_amount(a, r.decimals, lang), r.currency))
            .unwrap_or_default()
    };
    let period = format!("{} – {}", date(r.from), date(r.to));
    let href = format!("/banking/statements/{}", r.number);
    view! {
        <tr data-testid="st-row" data-number=r.number class:mismatch=!r.chained>
            <td class="num"><A href=href>{r.number.to_string()}</A></td>
            <td>{r.bank}</td>
            <td class="mono">{r.statement_id}</td>
            <td>{r.sequence_no}{r.intraday.then(|| view! { <span class="tag">{T::Intraday.text(lang)}</span> })}</td>
            <td class="date">{period}</td>
            <td class="num" data-testid="st-lines">{r.lines}</td>
            <td class="num" data-testid="st-open">{r.open}</td>
            <td class="num">{money(r.opening)}</td>
            <td class="num">{money(r.closing)}</td>
            <td>{(!r.chained).then(|| view! {
                <span class="mark-bad" data-testid="st-mismatch" title=T::CheckFailsTitle.text(lang)>{T::CheckFails.text(lang)}</span>
            })}</td>
        </tr>
    }
}
