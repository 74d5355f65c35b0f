//! Commands and events of the item sub-ledger. Item and group saves carry
//! who and when (the engine has no clock), so the change history is a
//! function of the events.

use crate::ledger::items::master::{Item, ItemGroup};
use crate::ledger::items::prices::{PriceEntry, PriceList};
use crate::ledger::items::special::{DiscountGroup, PartnerPricing, SpecialPrice};
use crate::ledger::types::{PartnerCode, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemsCommand {
    /// Creates or replaces an item group.
    SaveGroup {
        group: ItemGroup,
        by: String,
        at: Timestamp,
    },
    /// Creates or replaces an item (deactivating included).
    SaveItem {
        item: Box<Item>,
        by: String,
        at: Timestamp,
    },
    /// Creates every item or none (a CSV import): one event each.
    ImportItems {
        items: Vec<Item>,
        by: String,
        at: Timestamp,
    },
    /// Creates or replaces a price list.
    SavePriceList {
        list: PriceList,
    },
    /// Sets (or removes) hand-set prices, all or none: typed prices, a
    /// mass update, a CSV of prices.
    SetPrices {
        prices: Vec<PriceEntry>,
    },
    /// Creates (`id` 0) or replaces a special price.
    SaveSpecial {
        special: SpecialPrice,
    },
    DeleteSpecial {
        id: u32,
    },
    SaveDiscountGroup {
        group: DiscountGroup,
    },
    /// A partner's price list and discount group.
    SetPartnerPricing {
        partner: PartnerCode,
        pricing: PartnerPricing,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemsEvent {
    GroupSaved {
        group: ItemGroup,
        by: String,
        at: Timestamp,
    },
    ItemSaved {
        item: Box<Item>,
        by: String,
        at: Timestamp,
    },
    PriceListSaved {
        list: PriceList,
    },
    PricesSet {
        prices: Vec<PriceEntry>,
    },
    /// Carries the id given.
    SpecialSaved {
        special: SpecialPrice,
    },
    SpecialDeleted {
        id: u32,
    },
    DiscountGroupSaved {
        group: DiscountGroup,
    },
    PartnerPricingSet {
        partner: PartnerCode,
        pricing: PartnerPricing,
    },
}
