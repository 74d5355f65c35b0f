//! Price lists (Preislisten): a list has its own prices, or derives them
//! from another list by a factor and a rounding rule; a price set by hand
//! on a derived list wins over the derived one (and the screen marks it).
//! Prices are dated ("from 1 March"), per item, list and currency, so a
//! mass update can take effect from a date and every quote is as of a day.

use crate::ledger::types::Currency;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Where a list's prices come from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ListBasis {
    /// Prices entered on the list itself (a base list).
    Own,
    /// `base` × `factor`, rounded by `rounding`, unless set by hand here.
    Derived {
        base: u32,
        factor: Decimal,
        rounding: Rounding,
    },
}

/// To which step a derived price is rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RoundStep {
    /// The currency's smallest unit (0.01 for EUR).
    Cent,
    FiveCents,
    TenCents,
    Whole,
    /// To a price ending in .99 (12.99).
    Ending99,
}

/// Which way a derived price is rounded to its step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RoundMode {
    /// Half away from zero (kaufmännisch).
    Commercial,
    Up,
    Down,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rounding {
    pub step: RoundStep,
    pub mode: RoundMode,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding {
            step: RoundStep::Cent,
            mode: RoundMode::Commercial,
        }
    }
}

/// A price list. Number 1.. given by the user; the partner default is the
/// lowest-numbered list.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PriceList {
    pub number: u32,
    pub name: String,
    pub basis: ListBasis,
    /// The currency its prices are in; a quote in another currency
    /// converts at the day's rate unless the list has a price in it.
    pub currency: Currency,
    pub active: bool,
}

/// One price set by hand (or by a mass update): valid from `from` (`None`:
/// always) until the next one. `price: None` removes the hand-set price
/// from that date (a derived list derives again).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceEntry {
    pub list: u32,
    pub item: String,
    pub currency: Currency,
    pub from: Option<NaiveDate>,
    pub price: Option<Decimal>,
}
