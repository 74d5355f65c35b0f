//! The checks of price lists, prices, special prices, discount groups and
//! a partner's pricing.

use crate::ledger::items::error::ItemsError;
use crate::ledger::items::prices::{PriceEntry, PriceList};
use crate::ledger::items::special::{DiscountGroup, PartnerPricing, SpecialPrice};
use crate::ledger::items::{Items, Refs};
use crate::ledger::types::PartnerCode;

impl Items {
    pub(super) fn check_list(&self, refs: Refs, list: &PriceList) -> Result<(), ItemsError> {
        let _ = (refs, list);
        Ok(())
    }

    pub(super) fn check_prices(&self, prices: &[PriceEntry]) -> Result<(), ItemsError> {
        let _ = prices;
        Ok(())
    }

    /// The special as it will be stored (a new one gets the next id).
    pub(super) fn check_special(&self, special: &SpecialPrice) -> Result<SpecialPrice, ItemsError> {
        let mut special = special.clone();
        if special.id == 0 {
            special.id = self.last_special + 1;
        }
        Ok(special)
    }

    pub(super) fn check_discount_group(&self, group: &DiscountGroup) -> Result<(), ItemsError> {
        let _ = group;
        Ok(())
    }

    pub(super) fn check_partner_pricing(
        &self,
        refs: Refs,
        partner: PartnerCode,
        pricing: &PartnerPricing,
    ) -> Result<(), ItemsError> {
        let _ = (refs, partner, pricing);
        Ok(())
    }
}
