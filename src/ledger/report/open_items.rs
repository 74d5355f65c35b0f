//! Open items list (Offene-Posten-Liste) as of a date: the items of
//! customers or of vendors that were open at the end of that day, with
//! their dates, days overdue and the next cash-discount step, filtered by
//! partner, overdue only or due before a date, with totals.
//!
//! "Open as of" counts the items posted on or before the date, less the
//! clearings dated on or before it (cancelled clearings do not count), so
//! a list printed for a past month end stays what it was, and its total
//! equals the partners' balance on the control accounts that day.
//! Amounts are debit positive, like the control accounts' balances (a
//! vendor's invoice is negative); the screen may show payables unsigned.

use crate::ledger::book::Book;
use crate::ledger::open_items::{ItemId, OpenItem};
use crate::ledger::partners::{DiscountDue, Partner, PartnerKind};
use crate::ledger::types::limits::MAX_REPORT_ROWS;
use crate::ledger::types::{AccountNo, Currency, PartnerCode};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenItemsFilter {
    pub kind: PartnerKind,
    /// The end of this day.
    pub as_of: NaiveDate,
    pub partner: Option<PartnerCode>,
    /// Only items due before `as_of`.
    pub overdue_only: bool,
    /// Only items due before this date.
    pub due_before: Option<NaiveDate>,
}

impl OpenItemsFilter {
    pub fn new(kind: PartnerKind, as_of: NaiveDate) -> OpenItemsFilter {
        OpenItemsFilter {
            kind,
            as_of,
            partner: None,
            overdue_only: false,
            due_before: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenItemRow<'a> {
    pub item: ItemId,
    pub partner: &'a Partner,
    pub account: AccountNo,
    /// The entry's reference (invoice number) and memo.
    pub reference: &'a str,
    pub memo: &'a str,
    pub posting_date: NaiveDate,
    pub document_date: NaiveDate,
    pub due_date: NaiveDate,
    /// Days past the due date on `as_of`; negative: not due yet.
    pub days_overdue: i64,
    /// Debit positive.
    pub amount_lc: Decimal,
    pub open_lc: Decimal,
    /// For an FC item: currency, amount and open amount, debit positive.
    pub fc: Option<(Currency, Decimal, Decimal)>,
    /// The first cash-discount step still reachable on `as_of`.
    pub discount: Option<&'a DiscountDue>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenItemsReport<'a> {
    pub filter: OpenItemsFilter,
    /// By partner code, then due date, then posting order.
    pub rows: Vec<OpenItemRow<'a>>,
    pub open_lc: Decimal,
    /// Of `open_lc`, what is overdue on `as_of`.
    pub overdue_lc: Decimal,
    /// More than `MAX_REPORT_ROWS` items matched; totals cover all.
    pub truncated: bool,
}

/// The open items `filter` selects.
pub fn open_items<'a>(book: &'a Book, filter: &OpenItemsFilter) -> OpenItemsReport<'a> {
    let mut report = OpenItemsReport {
        filter: filter.clone(),
        rows: Vec::new(),
        open_lc: Decimal::ZERO,
        overdue_lc: Decimal::ZERO,
        truncated: false,
    };
    for partner in selected_partners(book, filter.kind, filter.partner) {
        let first = report.rows.len();
        for item in book.open_items().items_of(partner.code) {
            let Some(row) = row_of(book, partner, item, filter) else {
                continue;
            };
            report.open_lc += row.open_lc;
            if row.days_overdue > 0 {
                report.overdue_lc += row.open_lc;
            }
            if report.rows.len() < MAX_REPORT_ROWS {
                report.rows.push(row);
            } else {
                report.truncated = true;
            }
        }
        report.rows[first..].sort_by_key(|r| (r.due_date, r.item));
    }
    report
}

/// The partners of `kind` (or just `only`), in code order.
pub(crate) fn selected_partners(
    book: &Book,
    kind: PartnerKind,
    only: Option<PartnerCode>,
) -> impl Iterator<Item = &Partner> + '_ {
    book.partners()
        .partners()
        .filter(move |p| p.kind == kind && only.is_none_or(|c| c == p.code))
}

/// The row of `item` if it was open on `as_of` and passes the filter.
fn row_of<'a>(
    book: &'a Book,
    partner: &'a Partner,
    item: &'a OpenItem,
    filter: &OpenItemsFilter,
) -> Option<OpenItemRow<'a>> {
    if item.posting_date > filter.as_of {
        return None;
    }
    let (open_lc, open_fc) = book.open_items().open_as_of(item, filter.as_of);
    if open_lc.is_zero() {
        return None;
    }
    let days_overdue = item.days_overdue(filter.as_of);
    let overdue = days_overdue > 0;
    if filter.overdue_only && !overdue || filter.due_before.is_some_and(|d| item.due_date >= d) {
        return None;
    }
    let entry = book.entry(item.id.entry)?;
    Some(OpenItemRow {
        item: item.id,
        partner,
        account: item.account,
        reference: &entry.reference,
        memo: &entry.memo,
        posting_date: item.posting_date,
        document_date: item.document_date,
        due_date: item.due_date,
        days_overdue,
        amount_lc: item.signed_amount_lc(),
        open_lc: item.side.sign(open_lc),
        fc: item.fc.as_ref().zip(open_fc).map(|(f, open)| {
            (
                f.currency,
                item.side.sign(f.amount_fc),
                item.side.sign(open),
            )
        }),
        discount: item.discounts.iter().find(|d| d.date >= filter.as_of),
    })
}
