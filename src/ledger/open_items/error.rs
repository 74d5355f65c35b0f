//! Refusals of the open-item sub-ledger (Offene Posten): clearings and
//! their cancellation, and open items read back from a log that do not
//! fit. Each names the part (0-based), item or clearing that is wrong.

use crate::ledger::open_items::item::ItemId;
use crate::ledger::types::{InputError, PartnerCode};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpenItemsError {
    #[error(transparent)]
    Input(#[from] InputError),

    #[error("a clearing needs at least two items, this one has {count}")]
    TooFewParts { count: usize },
    #[error("a clearing names at most {max} items, this one {count}")]
    TooManyParts { count: usize, max: usize },
    #[error("part {index}: item {item:?} does not exist")]
    ItemUnknown { index: usize, item: ItemId },
    #[error("part {index}: item {item:?} belongs to partner {owner}, not {partner}")]
    ItemOfOtherPartner {
        index: usize,
        item: ItemId,
        owner: PartnerCode,
        partner: PartnerCode,
    },
    #[error("part {index}: the item is named twice")]
    ItemTwice { index: usize },
    #[error("part {index}: the amount must be above zero with at most {max_decimals} decimals")]
    PartAmountInvalid { index: usize, max_decimals: u32 },
    #[error("part {index}: {amount} is more than the {open} still open")]
    PartExceedsOpen {
        index: usize,
        amount: Decimal,
        open: Decimal,
    },
    #[error("part {index}: the item is already cleared")]
    ItemNotOpen { index: usize },
    #[error("the cleared amounts do not net to zero: debit minus credit is {diff_lc}")]
    ClearingNotBalanced { diff_lc: Decimal },
    #[error("part {index}: the clearing date is before the item's posting date {posting_date}")]
    ClearingBeforeItem {
        index: usize,
        posting_date: NaiveDate,
    },
    #[error("clearing {number} does not exist")]
    ClearingUnknown { number: u32 },
    #[error("clearing {number} was already cancelled")]
    ClearingAlreadyCancelled { number: u32 },
    #[error("event carries clearing number {found}, the next is {expected}")]
    ClearingNumberMismatch { expected: u32, found: u32 },
    #[error("part {index}: the foreign-currency amount does not fit the item")]
    PartFcMismatch { index: usize },

    // --- reports ---
    #[error("aging buckets: 1 to {max} upper bounds in days, each above the one before and 0")]
    AgingBuckets { max: usize },
}
