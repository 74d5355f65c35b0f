//! Aging report (Fälligkeitsanalyse / Altersstrukturliste): per partner,
//! the amounts open at the end of a day by how many days they are past
//! due: not due, then one bucket per upper bound (default 30, 60, 90:
//! 1–30, 31–60, 61–90) and one beyond the last (over 90).
//!
//! The check line: the total must equal the balance on that day of the
//! control accounts of the partners' kind (every control account of the
//! kind's type). A difference means lines on a control account without a
//! partner (posted before partners existed) and is shown, not hidden.

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::open_items::OpenItemsError;
use crate::ledger::partners::{Partner, PartnerKind};
use crate::ledger::report::open_items::selected_partners;
use crate::ledger::types::AccountNo;
use crate::ledger::types::limits::MAX_AGING_BUCKETS;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The usual buckets: 1–30, 31–60, 61–90, over 90 days.
pub const DEFAULT_AGING_BOUNDS: [u32; 3] = [30, 60, 90];

/// Open amounts by age, debit positive.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgingAmounts {
    pub not_due: Decimal,
    /// One per upper bound, then one for everything beyond the last.
    pub overdue: Vec<Decimal>,
    pub total: Decimal,
}

impl AgingAmounts {
    fn new(buckets: usize) -> AgingAmounts {
        AgingAmounts {
            not_due: Decimal::ZERO,
            overdue: vec![Decimal::ZERO; buckets + 1],
            total: Decimal::ZERO,
        }
    }

    fn add(&mut self, other: &AgingAmounts) {
        self.not_due += other.not_due;
        for (a, b) in self.overdue.iter_mut().zip(&other.overdue) {
            *a += b;
        }
        self.total += other.total;
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgingRow<'a> {
    pub partner: &'a Partner,
    pub amounts: AgingAmounts,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgingReport<'a> {
    pub kind: PartnerKind,
    pub as_of: NaiveDate,
    pub bounds: Vec<u32>,
    /// Partners with something open, in code order.
    pub rows: Vec<AgingRow<'a>>,
    pub totals: AgingAmounts,
    /// The control accounts of the kind and their balances on `as_of`.
    pub control_accounts: Vec<(AccountNo, Decimal)>,
    pub control_total: Decimal,
    /// `control_total - totals.total`: zero when every line on the
    /// control accounts carries a partner.
    pub difference: Decimal,
}

/// Aging of `kind`'s open items at the end of `as_of`, by `bounds`
/// (upper bounds in days, increasing; `DEFAULT_AGING_BOUNDS` usually).
pub fn aging<'a>(
    book: &'a Book,
    kind: PartnerKind,
    as_of: NaiveDate,
    bounds: &[u32],
) -> Result<AgingReport<'a>, DomainError> {
    let increasing = bounds.windows(2).all(|w| w[0] < w[1]);
    if bounds.is_empty() || bounds.len() > MAX_AGING_BUCKETS || bounds[0] == 0 || !increasing {
        return Err(OpenItemsError::AgingBuckets {
            max: MAX_AGING_BUCKETS,
        }
        .into());
    }
    let mut totals = AgingAmounts::new(bounds.len());
    let mut rows = Vec::new();
    for partner in selected_partners(book, kind, None) {
        let mut amounts = AgingAmounts::new(bounds.len());
        let mut any = false;
        for item in book.open_items().items_of(partner.code) {
            if item.posting_date > as_of {
                continue;
            }
            let (open, _) = book.open_items().open_as_of(item, as_of);
            if open.is_zero() {
                continue;
            }
            any = true;
            let signed = item.side.sign(open);
            let days = item.days_overdue(as_of);
            match bucket(bounds, days) {
                None => amounts.not_due += signed,
                Some(b) => amounts.overdue[b] += signed,
            }
            amounts.total += signed;
        }
        if any {
            totals.add(&amounts);
            rows.push(AgingRow { partner, amounts });
        }
    }
    let control_accounts = control_balances(book, kind, as_of);
    let control_total: Decimal = control_accounts.iter().map(|(_, b)| b).sum();
    Ok(AgingReport {
        kind,
        as_of,
        bounds: bounds.to_vec(),
        rows,
        difference: control_total - totals.total,
        totals,
        control_accounts,
        control_total,
    })
}

/// The overdue bucket of an item `days` past due (`None`: not due).
fn bucket(bounds: &[u32], days: i64) -> Option<usize> {
    if days <= 0 {
        return None;
    }
    Some(
        bounds
            .iter()
            .position(|&b| days <= i64::from(b))
            .unwrap_or(bounds.len()),
    )
}

/// Every control account of `kind`'s type and its balance (debit
/// positive) at the end of `as_of`.
pub(crate) fn control_balances(
    book: &Book,
    kind: PartnerKind,
    as_of: NaiveDate,
) -> Vec<(AccountNo, Decimal)> {
    book.accounts()
        .filter(|a| a.control && a.postable && a.account_type == kind.control_type())
        .map(|a| {
            let balance = book
                .account_line_refs(a.number)
                .unwrap_or_default()
                .iter()
                .filter_map(|r| book.line(*r))
                .filter(|(entry, _)| entry.posting_date <= as_of)
                .map(|(_, line)| line.signed_lc())
                .sum();
            (a.number, balance)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_fall_into_the_bucket_of_their_upper_bound() {
        let b = DEFAULT_AGING_BOUNDS;
        assert_eq!(bucket(&b, -3), None);
        assert_eq!(bucket(&b, 0), None);
        assert_eq!(bucket(&b, 1), Some(0));
        assert_eq!(bucket(&b, 30), Some(0));
        assert_eq!(bucket(&b, 31), Some(1));
        assert_eq!(bucket(&b, 90), Some(2));
        assert_eq!(bucket(&b, 91), Some(3));
    }
}
