//! The repayment schedule (Tilgungsplan) as a table with a totals row,
//! each row marked posted, skipped or due, and the same as CSV in the UI
//! language's dialect.

use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::BTreeMap;

use crate::finance::loan::{Row, totals};
use crate::formats::amount::format_number;
use crate::formats::csv::{Cell, CsvWriter};
use crate::ledger::recurring::Occurrence;
use crate::ui::components::{dialect, fmt_amount, fmt_date, number_style};
use crate::ui::i18n::{Lang, Text, use_i18n};

use super::T;

/// What became of a row: posted, skipped, due (on or before today) or
/// nothing yet.
pub fn status(
    done: &BTreeMap<NaiveDate, Occurrence>,
    date: NaiveDate,
    today: NaiveDate,
) -> Option<T> {
    match done.get(&date) {
        Some(Occurrence::Posted(_)) => Some(T::Posted),
        Some(Occurrence::Skipped) => Some(T::Skipped),
        None if date <= today => Some(T::DueMark),
        None => None,
    }
}

#[component]
pub fn ScheduleTable(
    #[prop(into)] rows: Signal<Vec<Row>>,
    #[prop(into)] done: Signal<BTreeMap<NaiveDate, Occurrence>>,
    today: NaiveDate,
    decimals: u32,
    #[prop(into)] testid: String,
    /// Rows before this date are left out (the preview of a rate change).
    #[prop(optional)]
    from: Option<NaiveDate>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = move || {
        rows.get()
            .into_iter()
            .filter(|r| from.is_none_or(|f| r.date >= f))
            .collect::<Vec<_>>()
    };
    let body = move || {
        let lang = i18n.lang();
        let done = done.get();
        shown()
            .into_iter()
            .map(|r| {
                let mark = status(&done, r.date, today);
                let cls = match mark {
                    Some(T::Posted) => "posted",
                    Some(T::Skipped) => "skipped",
                    Some(_) => "due",
                    None => "",
                };
                view! {
                    <tr class=cls data-row=r.number.to_string()>
                        <td class="num">{r.number}</td>
                        <td class="nowrap">{fmt_date(r.date, lang)}</td>
                        <td class="num">{format!("{} %", format_number(r.rate, number_style(lang)))}</td>
                        <td class="num" data-col="instalment">{fmt_amount(r.instalment, decimals, lang)}</td>
                        <td class="num" data-col="interest">{fmt_amount(r.interest, decimals, lang)}</td>
                        <td class="num" data-col="principal">{fmt_amount(r.principal, decimals, lang)}</td>
                        <td class="num" data-col="remaining">{fmt_amount(r.remaining, decimals, lang)}</td>
                        <td class="status">{mark.map(|m| m.text(lang))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let foot = move || {
        let lang = i18n.lang();
        let t = totals(&shown());
        view! {
            <tr class="totals" data-row="total">
                <th colspan="3">{T::Total.text(lang)}</th>
                <td class="num" data-col="instalment">{fmt_amount(t.instalment, decimals, lang)}</td>
                <td class="num" data-col="interest">{fmt_amount(t.interest, decimals, lang)}</td>
                <td class="num" data-col="principal">{fmt_amount(t.principal, decimals, lang)}</td>
                <td></td>
                <td></td>
            </tr>
        }
    };
    view! {
        <div class="table-wrap">
            <table class="data loan-schedule" data-testid=testid>
                <thead><tr>
                    <th class="num">{move || i18n.t(T::No)}</th>
                    <th>{move || i18n.t(T::Date)}</th>
                    <th class="num">{move || i18n.t(T::RateCol)}</th>
                    <th class="num">{move || i18n.t(T::Instalment)}</th>
                    <th class="num">{move || i18n.t(T::Interest)}</th>
                    <th class="num">{move || i18n.t(T::PrincipalPart)}</th>
                    <th class="num">{move || i18n.t(T::Remaining)}</th>
                    <th>{move || i18n.t(T::Status)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
                <tfoot>{foot}</tfoot>
            </table>
        </div>
    }
}

/// The schedule as CSV: a header row, one row per instalment, a totals
/// row; dates, amounts and separator in the language's dialect.
pub fn schedule_csv(
    rows: &[Row],
    done: &BTreeMap<NaiveDate, Occurrence>,
    today: NaiveDate,
    decimals: u32,
    lang: Lang,
) -> String {
    let mut w = CsvWriter::new(dialect(lang));
    w.header(&[
        T::No.text(lang),
        T::Date.text(lang),
        T::RateCol.text(lang),
        T::Instalment.text(lang),
        T::Interest.text(lang),
        T::PrincipalPart.text(lang),
        T::Remaining.text(lang),
        T::Status.text(lang),
    ]);
    for r in rows {
        let mark = status(done, r.date, today).map_or("", |m| m.text(lang));
        w.row(&[
            Cell::text(r.number.to_string()),
            Cell::Date(r.date),
            Cell::Amount(r.rate, r.rate.normalize().scale()),
            Cell::Amount(r.instalment, decimals),
            Cell::Amount(r.interest, decimals),
            Cell::Amount(r.principal, decimals),
            Cell::Amount(r.remaining, decimals),
            Cell::text(mark),
        ]);
    }
    let t = totals(rows);
    w.row(&[
        Cell::text(T::Total.text(lang)),
        Cell::Empty,
        Cell::Empty,
        Cell::Amount(t.instalment, decimals),
        Cell::Amount(t.interest, decimals),
        Cell::Amount(t.principal, decimals),
        Cell::Empty,
        Cell::Empty,
    ]);
    w.finish()
}
