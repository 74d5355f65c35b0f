//! The partner's open items in brief: the first rows of
//! `Book::open_items_report` for this partner as of today. The full list,
//! aging and statement are the reports' screens.

use leptos::prelude::*;

use crate::ledger::report::OpenItemsFilter;
use crate::ledger::types::PartnerCode;
use crate::ui::components::{fmt_amount, fmt_date, today};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

use super::T;

/// How many items the card shows.
const SHOWN: usize = 10;

/// One open item as the card shows it.
#[derive(Clone, Debug, PartialEq)]
struct ItemRow {
    reference: String,
    document: String,
    due: String,
    overdue: Option<i64>,
    amount: String,
    open: String,
}

fn rows(app: AppState, code: PartnerCode, lang: Lang) -> Option<(Vec<ItemRow>, usize)> {
    app.with_book(|book| {
        let kind = book.partner(code)?.kind;
        let decimals = book.settings().lc_decimals();
        let mut filter = OpenItemsFilter::new(kind, today());
        filter.partner = Some(code);
        let report = book.open_items_report(&filter);
        let total = report.rows.len();
        let shown = report
            .rows
            .iter()
            .take(SHOWN)
            .map(|r| ItemRow {
                reference: r.reference.to_string(),
                document: fmt_date(r.document_date, lang),
                due: fmt_date(r.due_date, lang),
                overdue: (r.days_overdue > 0).then_some(r.days_overdue),
                amount: fmt_amount(r.amount_lc, decimals, lang),
                open: fmt_amount(r.open_lc, decimals, lang),
            })
            .collect();
        Some((shown, total))
    })
    .flatten()
}

#[component]
pub fn PartnerItems(code: PartnerCode) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let data = Memo::new(move |_| rows(app, code, i18n.lang()).unwrap_or_default());
    view! {
        <section class="partner-items">
            <h2>{move || i18n.t(T::OpenItems)}</h2>
            {move || {
                let lang = i18n.lang();
                let (rows, total) = data.get();
                if rows.is_empty() {
                    return view! { <p class="muted" data-testid="no-open-items">{T::NoItems.text(lang)}</p> }.into_any();
                }
                let more = total.saturating_sub(rows.len());
                view! {
                    <div class="table-wrap">
                        <table class="data" data-testid="partner-open-items">
                            <thead><tr>
                                <th>{T::Reference.text(lang)}</th>
                                <th>{T::DocDate.text(lang)}</th>
                                <th>{T::DueDate.text(lang)}</th>
                                <th class="num">{T::Overdue.text(lang)}</th>
                                <th class="num">{T::Amount.text(lang)}</th>
                                <th class="num">{T::Open.text(lang)}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! {
                                    <tr class:overdue=r.overdue.is_some()>
                                        <td>{r.reference}</td>
                                        <td>{r.document}</td>
                                        <td>{r.due}</td>
                                        <td class="num">{r.overdue.map(|d| d.to_string()).unwrap_or_default()}</td>
                                        <td class="num">{r.amount}</td>
                                        <td class="num">{r.open}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Show when=move || { more > 0 }>
                        <p class="muted small">{format!("{more} {}", T::MoreItems.text(lang))}</p>
                    </Show>
                }.into_any()
            }}
        </section>
    }
}
