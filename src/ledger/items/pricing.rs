//! The checks of price lists, prices, special prices, discount groups and
//! a partner's pricing: every refusal of issue 20's "bad input" (a factor
//! ≤ 0, a derived chain back to itself, overlapping special prices, a
//! non-increasing quantity break, a price for an inactive item) is here,
//! before an event exists.
//!
//! Currencies: a derived list may be in another currency than its base;
//! the lookup then takes the base's price in the derived list's currency
//! (its own price in that currency, else converted at the day's rate)
//! before the factor. So no currency is refused here.

use crate::ledger::items::error::{ItemsError, ItemsField};
use crate::ledger::items::prices::{ListBasis, PriceEntry, PriceList};
use crate::ledger::items::special::{
    DiscountGroup, PartnerPricing, PriceScope, PriceValue, QuantityBreak, SpecialPrice,
};
use crate::ledger::items::{Items, Refs};
use crate::ledger::types::PartnerCode;
use crate::ledger::types::limits::{
    MAX_DISCOUNT_GROUP_CODE_LEN, MAX_DISCOUNT_GROUP_NAME_LEN, MAX_DISCOUNT_GROUP_ROWS, MAX_FACTOR,
    MAX_FACTOR_DECIMALS, MAX_PERCENT_DECIMALS, MAX_PRICE_DECIMALS, MAX_PRICE_LIST_NAME_LEN,
    MAX_PRICE_LIST_NUMBER, MAX_PRICES_PER_COMMAND, MAX_QUANTITY_BREAKS, MAX_QUANTITY_DECIMALS,
};
use crate::ledger::types::money::{MAX_ABS_AMOUNT, decimals_used};
use crate::ledger::types::text::valid_code;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashSet;

impl Items {
    pub(super) fn check_list(&self, refs: Refs, list: &PriceList) -> Result<(), ItemsError> {
        let _ = refs;
        if list.number == 0 || list.number > MAX_PRICE_LIST_NUMBER {
            return Err(ItemsError::Invalid {
                field: ItemsField::ListNumber,
            });
        }
        check_name(&list.name, ItemsField::ListName, MAX_PRICE_LIST_NAME_LEN)?;
        if let ListBasis::Derived { base, factor, .. } = &list.basis {
            if *factor <= Decimal::ZERO {
                return Err(ItemsError::FactorNotPositive);
            }
            if *factor > MAX_FACTOR || decimals_used(*factor) > MAX_FACTOR_DECIMALS {
                return Err(ItemsError::Invalid {
                    field: ItemsField::Factor,
                });
            }
            self.check_chain(list.number, *base)?;
        }
        Ok(())
    }

    /// Walks the bases from `base`; refuses a chain that reaches `number`.
    fn check_chain(&self, number: u32, base: u32) -> Result<(), ItemsError> {
        let mut at = base;
        // Each step visits another list, so there are at most lists + 1.
        for _ in 0..=self.lists.len() {
            if at == number {
                return Err(ItemsError::ListCycle { number });
            }
            let list = self
                .lists
                .get(&at)
                .ok_or(ItemsError::UnknownList { number: at })?;
            match &list.basis {
                ListBasis::Own => return Ok(()),
                ListBasis::Derived { base, .. } => at = *base,
            }
        }
        Err(ItemsError::ListCycle { number })
    }

    pub(super) fn check_prices(&self, prices: &[PriceEntry]) -> Result<(), ItemsError> {
        if prices.len() > MAX_PRICES_PER_COMMAND {
            return Err(ItemsError::TooMany {
                max: MAX_PRICES_PER_COMMAND,
            });
        }
        let mut seen = HashSet::with_capacity(prices.len());
        for (index, p) in prices.iter().enumerate() {
            self.check_price(p)?;
            if !seen.insert((p.list, p.item.as_str(), p.currency, p.from)) {
                return Err(ItemsError::DuplicatePrice { index });
            }
        }
        Ok(())
    }

    fn check_price(&self, p: &PriceEntry) -> Result<(), ItemsError> {
        if !self.lists.contains_key(&p.list) {
            return Err(ItemsError::UnknownList { number: p.list });
        }
        self.check_active_item(&p.item)?;
        if let Some(price) = p.price {
            check_amount(price)?;
        }
        Ok(())
    }

    fn check_active_item(&self, code: &str) -> Result<(), ItemsError> {
        let record = self
            .items
            .get(code)
            .ok_or_else(|| ItemsError::UnknownItem {
                code: code.to_string(),
            })?;
        if !record.item.active {
            return Err(ItemsError::InactiveItem {
                code: code.to_string(),
            });
        }
        Ok(())
    }

    /// The special as it will be stored (a new one gets the next id).
    pub(super) fn check_special(
        &self,
        refs: Refs,
        special: &SpecialPrice,
    ) -> Result<SpecialPrice, ItemsError> {
        let mut special = special.clone();
        if special.id == 0 {
            special.id = self.last_special + 1;
        } else if special.id != self.last_special + 1 && !self.specials.contains_key(&special.id) {
            return Err(ItemsError::UnknownSpecial { id: special.id });
        }
        self.check_scope(refs, &special.scope)?;
        if !self.items.contains_key(&special.item) {
            return Err(ItemsError::UnknownItem {
                code: special.item.clone(),
            });
        }
        if let (Some(from), Some(to)) = (special.valid_from, special.valid_to)
            && from > to
        {
            return Err(ItemsError::Invalid {
                field: ItemsField::Validity,
            });
        }
        check_base_value(&special.value, !special.breaks.is_empty())?;
        check_breaks(&special.breaks)?;
        self.check_overlap(&special)?;
        Ok(special)
    }

    fn check_scope(&self, refs: Refs, scope: &PriceScope) -> Result<(), ItemsError> {
        match scope {
            PriceScope::Partner(partner) => check_partner(refs, *partner),
            PriceScope::List(number) if self.lists.contains_key(number) => Ok(()),
            PriceScope::List(number) => Err(ItemsError::UnknownList { number: *number }),
        }
    }

    /// Refuses a special of the same scope and item whose validity meets
    /// `special`'s (an open end meets everything on its side).
    fn check_overlap(&self, special: &SpecialPrice) -> Result<(), ItemsError> {
        let same = self
            .special_index
            .get(&special.scope)
            .and_then(|by_item| by_item.get(&special.item));
        for id in same.into_iter().flat_map(|by_from| by_from.values()) {
            let Some(other) = self.specials.get(id) else {
                continue;
            };
            if other.id != special.id && overlaps(other, special) {
                return Err(ItemsError::OverlappingSpecial {
                    id: special.id,
                    other: other.id,
                });
            }
        }
        Ok(())
    }

    pub(super) fn check_discount_group(&self, group: &DiscountGroup) -> Result<(), ItemsError> {
        if !valid_code(&group.code, MAX_DISCOUNT_GROUP_CODE_LEN) {
            return Err(ItemsError::Invalid {
                field: ItemsField::Code,
            });
        }
        check_name(
            &group.name,
            ItemsField::DiscountGroupName,
            MAX_DISCOUNT_GROUP_NAME_LEN,
        )?;
        if group.discounts.len() > MAX_DISCOUNT_GROUP_ROWS {
            return Err(ItemsError::TooMany {
                max: MAX_DISCOUNT_GROUP_ROWS,
            });
        }
        let mut seen = HashSet::new();
        for (item_group, percent) in &group.discounts {
            if !self.groups.contains_key(item_group) {
                return Err(ItemsError::UnknownGroup {
                    code: item_group.clone(),
                });
            }
            check_percent(*percent, false)?;
            if !seen.insert(item_group.as_str()) {
                return Err(ItemsError::DuplicateDiscount {
                    group: item_group.clone(),
                });
            }
        }
        Ok(())
    }

    pub(super) fn check_partner_pricing(
        &self,
        refs: Refs,
        partner: PartnerCode,
        pricing: &PartnerPricing,
    ) -> Result<(), ItemsError> {
        check_partner(refs, partner)?;
        if let Some(number) = pricing.list
            && !self.lists.contains_key(&number)
        {
            return Err(ItemsError::UnknownList { number });
        }
        if let Some(code) = &pricing.discount_group
            && !self.discount_groups.contains_key(code)
        {
            return Err(ItemsError::UnknownDiscountGroup { code: code.clone() });
        }
        Ok(())
    }
}

/// 1..=`max` characters, not blank.
fn check_name(name: &str, field: ItemsField, max: usize) -> Result<(), ItemsError> {
    if name.trim().is_empty() {
        return Err(ItemsError::Empty { field });
    }
    if name.chars().count() > max {
        return Err(ItemsError::TooLong { field, max });
    }
    Ok(())
}

/// A unit price: ≥ 0, at most `MAX_PRICE_DECIMALS` decimals.
fn check_amount(price: Decimal) -> Result<(), ItemsError> {
    if price < Decimal::ZERO {
        return Err(ItemsError::NegativePrice);
    }
    if price > MAX_ABS_AMOUNT || decimals_used(price) > MAX_PRICE_DECIMALS {
        return Err(ItemsError::Invalid {
            field: ItemsField::Price,
        });
    }
    Ok(())
}

/// 0 < p ≤ 100 (`zero_ok`: 0 too), at most 4 decimals.
fn check_percent(percent: Decimal, zero_ok: bool) -> Result<(), ItemsError> {
    let low_ok = percent > Decimal::ZERO || (zero_ok && percent == Decimal::ZERO);
    if !low_ok || percent > Decimal::ONE_HUNDRED || decimals_used(percent) > MAX_PERCENT_DECIMALS {
        return Err(ItemsError::Invalid {
            field: ItemsField::Discount,
        });
    }
    Ok(())
}

/// A special's own value. A discount of 0 is allowed only with breaks (a
/// pure volume scale: below its first break the special does not decide).
fn check_base_value(value: &PriceValue, has_breaks: bool) -> Result<(), ItemsError> {
    match value {
        PriceValue::Price { amount, .. } => check_amount(*amount),
        PriceValue::Discount { percent } => check_percent(*percent, has_breaks),
    }
}

fn check_breaks(breaks: &[QuantityBreak]) -> Result<(), ItemsError> {
    if breaks.len() > MAX_QUANTITY_BREAKS {
        return Err(ItemsError::TooMany {
            max: MAX_QUANTITY_BREAKS,
        });
    }
    let mut last = Decimal::ZERO;
    for (index, b) in breaks.iter().enumerate() {
        if b.from <= last {
            return Err(ItemsError::BreaksNotIncreasing { index });
        }
        let value_ok = match &b.value {
            PriceValue::Price { amount, .. } => check_amount(*amount).is_ok(),
            PriceValue::Discount { percent } => check_percent(*percent, false).is_ok(),
        };
        if !value_ok || decimals_used(b.from) > MAX_QUANTITY_DECIMALS {
            return Err(ItemsError::Invalid {
                field: ItemsField::Break(index),
            });
        }
        last = b.from;
    }
    Ok(())
}

/// Whether two validities (inclusive, `None`: open) share a day.
fn overlaps(a: &SpecialPrice, b: &SpecialPrice) -> bool {
    starts_by(a.valid_from, b.valid_to) && starts_by(b.valid_from, a.valid_to)
}

/// `from` ≤ `to`, an open end on either side always true.
fn starts_by(from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    match (from, to) {
        (Some(from), Some(to)) => from <= to,
        _ => true,
    }
}

fn check_partner(refs: Refs, partner: PartnerCode) -> Result<(), ItemsError> {
    match refs.partners.partner(partner) {
        Some(_) => Ok(()),
        None => Err(ItemsError::UnknownPartner { partner }),
    }
}
