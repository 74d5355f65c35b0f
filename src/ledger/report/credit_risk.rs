//! Credit risk (Kreditrisiko) per customer as of a date: credit limit,
//! exposure (open receivables), what of it is overdue, the oldest overdue
//! item, the highest dunning level of an open item and the limit's
//! utilisation; riskiest first. Reads the open-item index and the dunning
//! history; scans no journal.

use crate::ledger::book::Book;
use crate::ledger::open_items::OpenItem;
use crate::ledger::partners::{Partner, PartnerKind};
use crate::ledger::types::{PartnerCode, Side};
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use std::cmp::Reverse;

/// The oldest item past its due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OldestOverdue {
    pub due_date: NaiveDate,
    /// Days past the due date on the report date.
    pub days: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditRiskRow {
    pub partner: PartnerCode,
    pub name: String,
    pub credit_limit: Option<Decimal>,
    /// Open receivables (LC) on the report date: debit items less credit
    /// items (credit notes, payments on account).
    pub exposure: Decimal,
    /// Open debit items (LC) past their due date.
    pub overdue: Decimal,
    pub oldest_overdue: Option<OldestOverdue>,
    /// The highest dunning level of an item still open (0: none).
    pub highest_level: u8,
    /// Exposure in percent of the credit limit, one decimal (half away
    /// from zero); `None` without a limit above zero.
    pub utilisation: Option<Decimal>,
}

/// One row per customer with an exposure or a dunned open item, riskiest
/// first: highest dunning level, then overdue amount, then utilisation
/// (customers without a limit after those with one), then code.
pub fn credit_risk(book: &Book, date: NaiveDate) -> Vec<CreditRiskRow> {
    let mut rows: Vec<CreditRiskRow> = book
        .partners()
        .partners()
        .filter(|p| p.kind == PartnerKind::Customer)
        .map(|p| row(book, p, date))
        .filter(|r| !r.exposure.is_zero() || r.highest_level > 0)
        .collect();
    rows.sort_by_key(|r| {
        (
            Reverse(r.highest_level),
            Reverse(r.overdue),
            Reverse(r.utilisation),
            r.partner,
        )
    });
    rows
}

fn row(book: &Book, partner: &Partner, date: NaiveDate) -> CreditRiskRow {
    let items = book.open_items();
    let mut exposure = Decimal::ZERO;
    let mut overdue = Decimal::ZERO;
    let mut oldest: Option<&OpenItem> = None;
    let mut highest_level = 0;
    for item in items.items_of(partner.code) {
        if item.posting_date > date {
            continue;
        }
        let (open, _) = items.open_as_of(item, date);
        if open.is_zero() {
            continue;
        }
        exposure += item.side.sign(open);
        if item.side == Side::Debit && item.due_date < date {
            overdue += open;
            if oldest.is_none_or(|o| item.due_date < o.due_date) {
                oldest = Some(item);
            }
        }
        highest_level = highest_level.max(book.dunning().level(item.id));
    }
    let utilisation = partner
        .credit_limit
        .filter(|limit| *limit > Decimal::ZERO)
        .and_then(|limit| {
            exposure
                .checked_mul(Decimal::ONE_HUNDRED)?
                .checked_div(limit)
        })
        .map(|u| u.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero));
    CreditRiskRow {
        partner: partner.code,
        name: partner.name.clone(),
        credit_limit: partner.credit_limit,
        exposure,
        overdue,
        oldest_overdue: oldest.map(|o| OldestOverdue {
            due_date: o.due_date,
            days: o.days_overdue(date),
        }),
        highest_level,
        utilisation,
    }
}
