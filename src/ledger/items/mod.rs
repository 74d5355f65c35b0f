//! The item sub-ledger (Artikel und Preise): item master data with its
//! groups, units and account defaults (`master`, `unit`, `catalog`,
//! `history`), price lists own or derived (`prices`, `pricing`), special
//! prices, period and volume discounts, discount groups and each partner's
//! list (`special`), the one price lookup (`lookup`) and the mass price
//! update's preview (`raise`).
//!
//! Why a sub-ledger of its own: prices are master data that sales,
//! purchasing, e-invoices and letters read, and the rules that decide a
//! price belong in one place. It sits beside `journal` and `open_items`
//! (rank 3): it reads accounts (`gl`), tax codes (`tax`) and partners
//! (`partners`), and nothing reads it but the Book and reports.

pub mod catalog;
pub mod command;
pub mod error;
pub mod history;
pub mod lookup;
pub mod master;
pub mod prices;
pub mod pricing;
pub mod raise;
pub mod rounding;
pub mod special;
pub mod unit;

pub use command::{ItemsCommand, ItemsEvent};
pub use error::{ItemsError, ItemsField};
pub use history::{ItemChange, ItemField};
pub use lookup::{ListSource, Listed, PriceError, PriceQuery, PriceRule, Quote};
pub use master::{Item, ItemAccounts, ItemGroup, Region};
pub use prices::{ListBasis, PriceEntry, PriceList, RoundMode, RoundStep, Rounding};
pub use raise::RaiseRow;
pub use special::{
    DiscountGroup, PartnerPricing, PriceScope, PriceValue, QuantityBreak, SpecialPrice,
};
pub use unit::{UNITS, Unit, UnitCode};

use crate::ledger::gl::Gl;
use crate::ledger::partners::{Partners, Stamp};
use crate::ledger::tax::Tax;
use crate::ledger::types::{Currency, PartnerCode, Timestamp};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// What the item sub-ledger reads of the rooms below it.
#[derive(Clone, Copy)]
pub struct Refs<'a> {
    pub gl: &'a Gl,
    pub tax: &'a Tax,
    pub partners: &'a Partners,
}

/// An item as the sub-ledger keeps it: its master data, who created it,
/// what changed since.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ItemRecord {
    pub item: Item,
    pub created: Stamp,
    pub changes: Vec<ItemChange>,
}

/// Where a hand-set price is kept: list, item, currency.
pub type PriceKey = (u32, String, Currency);

/// Scope → item → valid-from → special id.
pub type SpecialIndex = BTreeMap<PriceScope, BTreeMap<String, BTreeMap<Option<NaiveDate>, u32>>>;

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Items {
    pub(super) groups: BTreeMap<String, ItemGroup>,
    pub(super) items: BTreeMap<String, ItemRecord>,
    pub(super) lists: BTreeMap<u32, PriceList>,
    /// Hand-set prices by key, then by the date they hold from (`None`:
    /// always); a `None` price removes the one before from that date.
    pub(super) prices: BTreeMap<PriceKey, BTreeMap<Option<NaiveDate>, Option<Decimal>>>,
    pub(super) specials: BTreeMap<u32, SpecialPrice>,
    pub(super) last_special: u32,
    /// Special ids by scope, item and start (`None`: open start), so the
    /// lookup finds the one valid on a date without a scan (specials of
    /// one scope and item never overlap).
    pub(super) special_index: SpecialIndex,
    pub(super) discount_groups: BTreeMap<String, DiscountGroup>,
    pub(super) partner_pricing: BTreeMap<PartnerCode, PartnerPricing>,
}

impl Items {
    /// The events `cmd` would append, or why not. Pure.
    pub fn check(&self, refs: Refs, cmd: &ItemsCommand) -> Result<Vec<ItemsEvent>, ItemsError> {
        Ok(match cmd {
            ItemsCommand::SaveGroup { group, by, at } => {
                self.check_group(refs, group)?;
                vec![ItemsEvent::GroupSaved {
                    group: group.clone(),
                    by: by.clone(),
                    at: *at,
                }]
            }
            ItemsCommand::SaveItem { item, by, at } => {
                self.check_item(refs, item, &BTreeSet::new())?;
                vec![saved(item, by, *at)]
            }
            ItemsCommand::ImportItems { items, by, at } => {
                self.check_import(refs, items)?;
                items.iter().map(|i| saved(i, by, *at)).collect()
            }
            ItemsCommand::SavePriceList { list } => {
                self.check_list(refs, list)?;
                vec![ItemsEvent::PriceListSaved { list: list.clone() }]
            }
            ItemsCommand::SetPrices { prices } => {
                self.check_prices(prices)?;
                vec![ItemsEvent::PricesSet {
                    prices: prices.clone(),
                }]
            }
            ItemsCommand::SaveSpecial { special } => {
                let special = self.check_special(refs, special)?;
                vec![ItemsEvent::SpecialSaved { special }]
            }
            ItemsCommand::DeleteSpecial { id } => {
                if !self.specials.contains_key(id) {
                    return Err(ItemsError::UnknownSpecial { id: *id });
                }
                vec![ItemsEvent::SpecialDeleted { id: *id }]
            }
            ItemsCommand::SaveDiscountGroup { group } => {
                self.check_discount_group(group)?;
                vec![ItemsEvent::DiscountGroupSaved {
                    group: group.clone(),
                }]
            }
            ItemsCommand::SetPartnerPricing { partner, pricing } => {
                self.check_partner_pricing(refs, *partner, pricing)?;
                vec![ItemsEvent::PartnerPricingSet {
                    partner: *partner,
                    pricing: pricing.clone(),
                }]
            }
        })
    }

    /// Folds one event in, re-checking it; on error nothing changes.
    pub fn apply(&mut self, refs: Refs, event: &ItemsEvent) -> Result<(), ItemsError> {
        match event {
            ItemsEvent::GroupSaved { group, .. } => {
                self.check_group(refs, group)?;
                self.groups.insert(group.code.clone(), group.clone());
            }
            ItemsEvent::ItemSaved { item, by, at } => {
                self.check_item(refs, item, &BTreeSet::new())?;
                self.fold_item(item, by, *at);
            }
            ItemsEvent::PriceListSaved { list } => {
                self.check_list(refs, list)?;
                self.lists.insert(list.number, list.clone());
            }
            ItemsEvent::PricesSet { prices } => {
                self.check_prices(prices)?;
                self.fold_prices(prices);
            }
            ItemsEvent::SpecialSaved { special } => {
                let checked = self.check_special(refs, special)?;
                if checked.id != special.id {
                    // A stored special carries the id its save gave.
                    return Err(ItemsError::UnknownSpecial { id: special.id });
                }
                self.last_special = self.last_special.max(special.id);
                self.unindex_special(special.id);
                self.index_special(special);
                self.specials.insert(special.id, special.clone());
            }
            ItemsEvent::SpecialDeleted { id } => {
                if !self.specials.contains_key(id) {
                    return Err(ItemsError::UnknownSpecial { id: *id });
                }
                self.unindex_special(*id);
                self.specials.remove(id);
            }
            ItemsEvent::DiscountGroupSaved { group } => {
                self.check_discount_group(group)?;
                self.discount_groups
                    .insert(group.code.clone(), group.clone());
            }
            ItemsEvent::PartnerPricingSet { partner, pricing } => {
                self.check_partner_pricing(refs, *partner, pricing)?;
                self.partner_pricing.insert(*partner, pricing.clone());
            }
        }
        Ok(())
    }

    fn fold_item(&mut self, item: &Item, by: &str, at: Timestamp) {
        let stamp = Stamp {
            by: by.to_string(),
            at,
        };
        match self.items.get_mut(&item.code) {
            Some(record) => {
                let changed = history::changes(&record.item, item, &stamp);
                record.changes.extend(changed);
                record.item = item.clone();
            }
            None => {
                self.items.insert(
                    item.code.clone(),
                    ItemRecord {
                        item: item.clone(),
                        created: stamp,
                        changes: Vec::new(),
                    },
                );
            }
        }
    }

    fn fold_prices(&mut self, prices: &[PriceEntry]) {
        for p in prices {
            self.prices
                .entry((p.list, p.item.clone(), p.currency))
                .or_default()
                .insert(p.from, p.price);
        }
    }

    fn index_special(&mut self, special: &SpecialPrice) {
        self.special_index
            .entry(special.scope.clone())
            .or_default()
            .entry(special.item.clone())
            .or_default()
            .insert(special.valid_from, special.id);
    }

    /// Takes a stored special out of the index (before it is replaced or
    /// deleted).
    fn unindex_special(&mut self, id: u32) {
        let Some(old) = self.specials.get(&id) else {
            return;
        };
        if let Some(by_item) = self.special_index.get_mut(&old.scope) {
            if let Some(by_from) = by_item.get_mut(&old.item) {
                by_from.remove(&old.valid_from);
                if by_from.is_empty() {
                    by_item.remove(&old.item);
                }
            }
            if by_item.is_empty() {
                self.special_index.remove(&old.scope);
            }
        }
    }

    /// The special of `scope` and `item` valid on `date`, if any.
    pub fn special_on(
        &self,
        scope: &PriceScope,
        item: &str,
        date: NaiveDate,
    ) -> Option<&SpecialPrice> {
        let (_, id) = self
            .special_index
            .get(scope)?
            .get(item)?
            .range(..=Some(date))
            .next_back()?;
        let special = self.specials.get(id)?;
        special
            .valid_to
            .is_none_or(|to| to >= date)
            .then_some(special)
    }

    /// The hand-set price of (list, item, currency) on `date`: the latest
    /// entry from on or before it; `Some(None)` when that entry removed it.
    pub fn hand_set(
        &self,
        list: u32,
        item: &str,
        currency: Currency,
        date: NaiveDate,
    ) -> Option<Decimal> {
        let key = (list, item.to_string(), currency);
        let (_, price) = self.prices.get(&key)?.range(..=Some(date)).next_back()?;
        *price
    }

    /// Every hand-set price entry of (list, item, currency), by date.
    pub fn price_history(
        &self,
        list: u32,
        item: &str,
        currency: Currency,
    ) -> impl Iterator<Item = (Option<NaiveDate>, Option<Decimal>)> + '_ {
        self.prices
            .get(&(list, item.to_string(), currency))
            .into_iter()
            .flat_map(|m| m.iter().map(|(d, p)| (*d, *p)))
    }

    /// The special with `id`.
    pub fn special(&self, id: u32) -> Option<&SpecialPrice> {
        self.specials.get(&id)
    }

    pub fn discount_group(&self, code: &str) -> Option<&DiscountGroup> {
        self.discount_groups.get(code)
    }

    // ----- queries -----

    pub fn groups(&self) -> impl Iterator<Item = &ItemGroup> {
        self.groups.values()
    }

    pub fn group(&self, code: &str) -> Option<&ItemGroup> {
        self.groups.get(code)
    }

    pub fn items(&self) -> impl Iterator<Item = &ItemRecord> {
        self.items.values()
    }

    pub fn item(&self, code: &str) -> Option<&ItemRecord> {
        self.items.get(code)
    }

    pub fn lists(&self) -> impl Iterator<Item = &PriceList> {
        self.lists.values()
    }

    pub fn list(&self, number: u32) -> Option<&PriceList> {
        self.lists.get(&number)
    }

    pub fn specials(&self) -> impl Iterator<Item = &SpecialPrice> {
        self.specials.values()
    }

    pub fn discount_groups(&self) -> impl Iterator<Item = &DiscountGroup> {
        self.discount_groups.values()
    }

    /// A partner's list and discount group (default when never set).
    pub fn partner_pricing(&self, partner: PartnerCode) -> PartnerPricing {
        self.partner_pricing
            .get(&partner)
            .cloned()
            .unwrap_or_default()
    }
}

fn saved(item: &Item, by: &str, at: Timestamp) -> ItemsEvent {
    ItemsEvent::ItemSaved {
        item: Box::new(item.clone()),
        by: by.to_string(),
        at,
    }
}
