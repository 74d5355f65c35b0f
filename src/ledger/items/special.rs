//! Special prices (Sonderpreise): per business partner or per price list,
//! per item, a price or a discount valid in a date range (period discount)
//! with quantity breaks (volume discount); discount groups (Rabattgruppen:
//! a discount per item group) and each partner's list and group.

use crate::ledger::types::{Currency, PartnerCode};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Whom a special price is for.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum PriceScope {
    /// A special price for one partner (SAP Business One: Sonderpreise
    /// für Geschäftspartner).
    Partner(PartnerCode),
    /// A period or volume discount of a price list.
    List(u32),
}

/// A price, or a discount in percent off the list price.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PriceValue {
    Price { amount: Decimal, currency: Currency },
    Discount { percent: Decimal },
}

/// From `from` quantity on (strictly increasing in a special), `value`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct QuantityBreak {
    pub from: Decimal,
    pub value: PriceValue,
}

/// A special price of one item for a partner or a list, valid from/to
/// (both inclusive, `None`: open), with optional quantity breaks. Two
/// specials of the same scope and item may not overlap in time.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SpecialPrice {
    /// Given by the engine when saved new (0 in a command: new).
    pub id: u32,
    pub scope: PriceScope,
    pub item: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub value: PriceValue,
    pub breaks: Vec<QuantityBreak>,
}

/// A discount group (Rabattgruppe): discount percent per item group.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DiscountGroup {
    pub code: String,
    pub name: String,
    /// Item group code → percent (0 < p ≤ 100).
    pub discounts: Vec<(String, Decimal)>,
}

/// A partner's price list and discount group (`list: None`: the lowest
/// numbered list).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PartnerPricing {
    pub list: Option<u32>,
    pub discount_group: Option<String>,
}
