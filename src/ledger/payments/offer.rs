//! What a payment offers for an open item on its date: the open amount
//! and the cash discount (Skonto) of the step the date falls in, the way
//! the payment screen pre-fills it (the user may change it).
//!
//! The step: the first discount date on or after the payment date, the
//! item's tolerance days granted. A discount after the last step is not
//! offered (the user may still type one and confirm it: `late`).

use crate::ledger::open_items::OpenItem;
use crate::ledger::types::money::round;
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

/// The offer for one item, in the item's currency (FC for an FC item).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemOffer {
    /// What is open.
    pub open: Decimal,
    /// The discount of the step the date falls in (0 when none).
    pub discount: Decimal,
    pub percent: Decimal,
    /// The last day of that step (tolerance included).
    pub until: Option<NaiveDate>,
    /// The item has discount steps, but all of them are past.
    pub late: bool,
}

/// The offer for `item` paid on `date`; `decimals`: the item currency's.
pub fn item_offer(item: &OpenItem, date: NaiveDate, decimals: u32) -> ItemOffer {
    let open = match &item.fc {
        Some(fc) => fc.open_fc,
        None => item.open_lc,
    };
    let full = match &item.fc {
        Some(fc) => fc.amount_fc,
        None => item.amount_lc,
    };
    let grace = Days::new(u64::from(item.tolerance_days));
    let step = item
        .discounts
        .iter()
        .find(|d| date <= d.date.checked_add_days(grace).unwrap_or(d.date));
    let Some(step) = step else {
        return ItemOffer {
            open,
            discount: Decimal::ZERO,
            percent: Decimal::ZERO,
            until: None,
            late: !item.discounts.is_empty(),
        };
    };
    let precomputed = match &item.fc {
        Some(_) => step.amount_fc,
        None => Some(step.amount_lc),
    };
    let discount = match precomputed {
        Some(amount) if open == full => amount,
        _ => round(open * step.percent / Decimal::ONE_HUNDRED, decimals),
    };
    ItemOffer {
        open,
        discount,
        percent: step.percent,
        until: step.date.checked_add_days(grace),
        late: false,
    }
}
