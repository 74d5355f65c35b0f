//! The mass price update (Preisaktualisierung): raise a list, or one item
//! group on it, by a percentage from a date. The preview is the prices it
//! would set; the user posts them as `SetPrices`.
//!
//! Which prices: every active item (of the group, if given) whose price
//! on the list, in the list's currency, on the date, the lookup finds and
//! is not zero: hand-set, derived or the item's default price. Each new
//! price is set by hand from the date, so on a derived list a raised item
//! no longer follows its base (the screen marks it hand-set), and on a
//! base list an item that had only its default price gets one of its own.
//! Prices the list keeps in other currencies stay as they are.
//! New = old × (1 + percent / 100), rounded commercially to the cent (to
//! the old price's finer precision, at most 4 decimals, as the lookup).
//! A percent of −100 or less gives prices `SetPrices` refuses.

use crate::ledger::items::lookup::round_price;
use crate::ledger::items::prices::PriceEntry;
use crate::ledger::items::{Items, Refs};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// One row of the preview: the price before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaiseRow {
    pub item: String,
    pub old: Decimal,
    pub new: PriceEntry,
}

impl Items {
    /// What raising `list` (only `group`'s items, if given) by `percent`
    /// from `from` would set; empty for an unknown list.
    pub fn raise(
        &self,
        refs: Refs,
        list: u32,
        group: Option<&str>,
        percent: Decimal,
        from: NaiveDate,
    ) -> Vec<RaiseRow> {
        let Some(currency) = self.lists.get(&list).map(|l| l.currency) else {
            return Vec::new();
        };
        let factor = Decimal::ONE + percent / Decimal::ONE_HUNDRED;
        self.items
            .values()
            .map(|r| &r.item)
            .filter(|i| i.active && group.is_none_or(|g| i.group == g))
            .filter_map(|item| {
                // An item without a price (no rate) has nothing to raise.
                let old = self
                    .list_price(refs, list, item, currency, from)
                    .ok()?
                    .price;
                (!old.is_zero()).then(|| RaiseRow {
                    item: item.code.clone(),
                    old,
                    new: PriceEntry {
                        list,
                        item: item.code.clone(),
                        currency,
                        from: Some(from),
                        price: Some(round_price(old * factor, currency, old)),
                    },
                })
            })
            .collect()
    }
}
