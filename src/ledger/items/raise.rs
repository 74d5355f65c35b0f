//! The mass price update (Preisaktualisierung): raise a list, or one item
//! group on it, by a percentage from a date. The preview is the prices it
//! would set; the user posts them as `SetPrices`.

use crate::ledger::items::Items;
use crate::ledger::items::prices::PriceEntry;
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
    /// from `from` would set.
    pub fn raise(
        &self,
        list: u32,
        group: Option<&str>,
        percent: Decimal,
        from: NaiveDate,
    ) -> Vec<RaiseRow> {
        let _ = (list, group, percent, from);
        Vec::new()
    }
}
