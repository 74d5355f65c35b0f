//! Which of a partner's open items a line pays, tried from the surest to
//! the loosest: the items its purpose names, one item of exactly the
//! amount, the amount net of the open cash discount, within the
//! tolerance, several items that make the amount, a partial payment of
//! the oldest item (installments), and last the whole amount on account.
//!
//! Values are "as the line sees them": an item the line's direction pays
//! (an invoice for money in, a vendor's invoice for money out) counts
//! positive, a credit note against it negative, so credit notes net.

use crate::ledger::bank::matching::{ProposalAction, ProposedItem, Reason};
use crate::ledger::open_items::OpenItem;
use crate::ledger::payments::item_offer;
use crate::ledger::types::PartnerCode;
use crate::ledger::types::Side;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Several-item search: subsets of 2 or 3 among this many of the newest
/// items (bounded work per line).
const SUBSET_WINDOW: usize = 60;
/// An item is "due around" the line within these days.
const DATE_WINDOW_DAYS: i64 = 30;

/// What the item search gets: the line seen from the items.
pub(crate) struct Want<'a> {
    pub partner: PartnerCode,
    /// The line's absolute amount.
    pub amount: Decimal,
    /// Debit for money in (the items it pays are debit items).
    pub side: Side,
    pub date: NaiveDate,
    pub decimals: u32,
    pub tolerance: Decimal,
    /// The open items of the partner in the line's currency, on or
    /// before its date, oldest due first.
    pub items: Vec<&'a OpenItem>,
}

/// A candidate: reasons about the amount and the action.
pub(crate) struct Fit {
    pub reasons: Vec<Reason>,
    /// Points for how the amount fits (0–30).
    pub points: u8,
    pub action: ProposalAction,
}

impl Want<'_> {
    /// The item's open amount as the line sees it (see the module doc).
    pub fn value(&self, item: &OpenItem) -> Decimal {
        let open = item.fc.as_ref().map_or(item.open_lc, |f| f.open_fc);
        if item.side == self.side { open } else { -open }
    }

    fn discount(&self, item: &OpenItem) -> Decimal {
        if item.side != self.side {
            return Decimal::ZERO;
        }
        item_offer(item, self.date, self.decimals).discount
    }

    fn in_window(&self, items: &[&OpenItem]) -> bool {
        items
            .iter()
            .all(|i| (i.due_date - self.date).num_days().abs() <= DATE_WINDOW_DAYS)
    }

    /// Every item paid in full, with its discount when `discounted`.
    fn whole(&self, items: &[&OpenItem], discounted: bool) -> Vec<ProposedItem> {
        items
            .iter()
            .map(|i| ProposedItem {
                item: i.id,
                amount: i.fc.as_ref().map_or(i.open_lc, |f| f.open_fc),
                discount: if discounted {
                    self.discount(i)
                } else {
                    Decimal::ZERO
                },
            })
            .collect()
    }

    fn fit(&self, items: Vec<ProposedItem>, reasons: Vec<Reason>, points: u8) -> Fit {
        Fit {
            reasons,
            points,
            action: ProposalAction::Partner {
                partner: self.partner,
                items,
                on_account: Decimal::ZERO,
            },
        }
    }

    /// How `items` (all paid in full) meet the amount: exactly, net of
    /// their discounts, or within the tolerance; `None` otherwise.
    pub fn full_fit(&self, items: &[&OpenItem]) -> Option<Fit> {
        let total: Decimal = items.iter().map(|i| self.value(i)).sum();
        let mut reasons = Vec::new();
        if items.len() > 1 {
            reasons.push(Reason::SeveralItems { count: items.len() });
        }
        if self.in_window(items) {
            reasons.push(Reason::DateWindow);
        }
        if total == self.amount {
            reasons.insert(0, Reason::ExactAmount);
            return Some(self.fit(self.whole(items, false), reasons, 30));
        }
        let discount: Decimal = items.iter().map(|i| self.discount(i)).sum();
        if !discount.is_zero() && total - discount == self.amount {
            reasons.insert(0, Reason::NetOfDiscount { discount });
            return Some(self.fit(self.whole(items, true), reasons, 28));
        }
        let difference = total - self.amount;
        if !difference.is_zero() && difference.abs() <= self.tolerance && total > Decimal::ZERO {
            reasons.insert(0, Reason::WithinTolerance { difference });
            return Some(self.fit(self.whole(items, false), reasons, 20));
        }
        None
    }

    /// Pays `items` oldest first until the amount is used up: the last
    /// one partly (installments); what is left over stays on account.
    pub fn oldest_first(&self, items: &[&OpenItem], mut reasons: Vec<Reason>) -> Fit {
        let mut left = self.amount;
        let mut paid = Vec::new();
        let mut partial = false;
        for i in items {
            let value = self.value(i);
            if value <= Decimal::ZERO {
                continue;
            }
            if left.is_zero() {
                break;
            }
            let amount = value.min(left);
            partial |= amount < value;
            left -= amount;
            paid.push(ProposedItem {
                item: i.id,
                amount,
                discount: Decimal::ZERO,
            });
        }
        if paid.is_empty() {
            return self.on_account(reasons);
        }
        if partial {
            reasons.push(Reason::Partial);
        }
        let points = if partial { 10 } else { 5 };
        Fit {
            reasons,
            points,
            action: ProposalAction::Partner {
                partner: self.partner,
                items: paid,
                on_account: left,
            },
        }
    }

    /// The whole amount on account (Akontozahlung).
    pub fn on_account(&self, reasons: Vec<Reason>) -> Fit {
        Fit {
            reasons,
            points: 0,
            action: ProposalAction::Partner {
                partner: self.partner,
                items: Vec::new(),
                on_account: self.amount,
            },
        }
    }

    /// The candidates by amount alone, best first: one item, the whole
    /// list, two or three of the newest items.
    pub fn by_amount(&self) -> Vec<Fit> {
        let mut fits = Vec::new();
        let paying: Vec<&OpenItem> = self
            .items
            .iter()
            .copied()
            .filter(|i| self.value(i) > Decimal::ZERO)
            .collect();
        let mut singles: Vec<(i64, Fit)> = paying
            .iter()
            .filter_map(|i| {
                let distance = (i.due_date - self.date).num_days().abs();
                self.full_fit(&[i]).map(|f| (distance, f))
            })
            .collect();
        singles.sort_by_key(|(d, f)| (std::cmp::Reverse(f.points), *d));
        fits.extend(singles.into_iter().take(3).map(|(_, f)| f));
        if self.items.len() > 1 {
            fits.extend(self.full_fit(&self.items));
        }
        if fits.is_empty() {
            fits.extend(self.subset(&paying));
        }
        fits
    }

    /// Two or three items among the newest `SUBSET_WINDOW` whose open
    /// amounts make the line's amount exactly.
    fn subset(&self, paying: &[&OpenItem]) -> Option<Fit> {
        let window = &paying[paying.len().saturating_sub(SUBSET_WINDOW)..];
        let mut at: HashMap<Decimal, usize> = HashMap::new();
        for (k, i) in window.iter().enumerate() {
            at.insert(self.value(i), k);
        }
        let find = |rest: Decimal, after: usize| at.get(&rest).copied().filter(|&k| k > after);
        for (a, ia) in window.iter().enumerate() {
            let rest = self.amount - self.value(ia);
            if let Some(b) = find(rest, a) {
                return self.full_fit(&[ia, window[b]]);
            }
        }
        for (a, ia) in window.iter().enumerate() {
            for (b, ib) in window.iter().enumerate().skip(a + 1) {
                let rest = self.amount - self.value(ia) - self.value(ib);
                if let Some(c) = find(rest, b) {
                    return self.full_fit(&[ia, ib, window[c]]);
                }
            }
        }
        None
    }
}
