//! One open item (offener Posten): an installment of a partner line, with
//! its dates, cash-discount steps, amounts in LC (and FC) and what is
//! still open, and the clearings that reduced it.

use crate::ledger::partners::DiscountDue;
use crate::ledger::types::{AccountNo, Currency, EntryId, PartnerCode, Side};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Which item: the entry, the posted line (0-based) and the installment
/// (0-based). Stable for the company's life.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct ItemId {
    pub entry: EntryId,
    pub line: u16,
    pub installment: u8,
}

/// The FC part of an item on a foreign-currency line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ItemFc {
    pub currency: Currency,
    pub amount_fc: Decimal,
    pub open_fc: Decimal,
}

/// One clearing's part of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ItemClearing {
    /// The clearing's number.
    pub number: u32,
    pub amount_lc: Decimal,
    pub amount_fc: Option<Decimal>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OpenItem {
    pub id: ItemId,
    pub partner: PartnerCode,
    /// The control account of the line.
    pub account: AccountNo,
    /// Debit: the partner owes (a customer's invoice, a vendor's credit
    /// note or payment); credit: the company owes.
    pub side: Side,
    #[serde(with = "crate::ledger::types::compact::date")]
    pub posting_date: NaiveDate,
    #[serde(with = "crate::ledger::types::compact::date")]
    pub document_date: NaiveDate,
    #[serde(with = "crate::ledger::types::compact::date")]
    pub due_date: NaiveDate,
    /// From the payment terms; dunning and payments grant them.
    pub tolerance_days: u16,
    pub discounts: Box<[DiscountDue]>,
    /// Never negative; the side says which way.
    #[serde(with = "crate::ledger::types::compact::decimal")]
    pub amount_lc: Decimal,
    /// What is not cleared yet: 0..=amount_lc.
    #[serde(with = "crate::ledger::types::compact::decimal")]
    pub open_lc: Decimal,
    pub fc: Option<Box<ItemFc>>,
    /// Every clearing that touched the item, cancelled ones included.
    pub cleared: Vec<ItemClearing>,
}

impl OpenItem {
    /// The open amount, debit positive.
    pub fn signed_open_lc(&self) -> Decimal {
        self.side.sign(self.open_lc)
    }

    pub fn signed_amount_lc(&self) -> Decimal {
        self.side.sign(self.amount_lc)
    }

    pub fn is_open(&self) -> bool {
        !self.open_lc.is_zero()
    }

    /// Days past the due date on `date` (negative: not due yet).
    pub fn days_overdue(&self, date: NaiveDate) -> i64 {
        (date - self.due_date).num_days()
    }
}
