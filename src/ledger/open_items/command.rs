//! Commands and events of the open-item sub-ledger: clearing
//! (Ausgleich) items of one partner against each other, and cancelling a
//! clearing. Posted entries create the items; these change what is open.

use crate::ledger::open_items::item::ItemId;
use crate::ledger::types::{EntryId, PartnerCode, Timestamp};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// An item to clear and how much of it (LC); `None`: all that is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartDraft {
    pub item: ItemId,
    pub amount_lc: Option<Decimal>,
}

/// One item's part of a clearing, as the event records it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ClearedPart {
    pub item: ItemId,
    pub amount_lc: Decimal,
    /// For an FC item: the FC amount cleared with it (all that is open
    /// when the LC amount is, else the same share of the FC open amount).
    pub amount_fc: Option<Decimal>,
}

/// A clearing (Ausgleich): items of one partner whose cleared amounts net
/// to zero, numbered 1, 2, 3 … over the company's life.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Clearing {
    pub number: u32,
    pub partner: PartnerCode,
    /// Not before any of its items' posting dates.
    pub date: NaiveDate,
    pub parts: Vec<ClearedPart>,
    pub by: String,
    /// `None` on a clearing the engine made itself (see `reversal`).
    pub at: Option<Timestamp>,
    /// Set on the clearing that closes a reversed entry's items against
    /// its reversal's: the reversal.
    pub reversal: Option<EntryId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenItemsCommand {
    /// Clears items of `partner` against each other (a credit note against
    /// an invoice; a payment against invoices).
    ClearItems {
        partner: PartnerCode,
        date: NaiveDate,
        parts: Vec<PartDraft>,
        by: String,
        at: Timestamp,
    },
    /// Re-opens every part of clearing `number`. Never edited, only
    /// cancelled.
    CancelClearing {
        number: u32,
        by: String,
        at: Timestamp,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenItemsEvent {
    ItemsCleared {
        clearing: Clearing,
    },
    ClearingCancelled {
        number: u32,
        by: String,
        at: Timestamp,
    },
}
