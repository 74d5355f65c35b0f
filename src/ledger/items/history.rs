//! An item's change history (Änderungshistorie), as for partners: every
//! save event carries the whole item with its author and time; the fold
//! keeps the fields that differ from the version before.

use crate::ledger::items::master::Item;
use crate::ledger::partners::Stamp;

/// The fields a change can touch (the code never changes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemField {
    DescriptionDe,
    DescriptionEn,
    Group,
    Unit,
    Sales,
    Purchase,
    Accounts,
    DefaultPrice,
    Active,
    Remarks,
}

/// One changed field; values are canonical, language-neutral text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemChange {
    pub by: String,
    pub at: crate::ledger::types::Timestamp,
    pub field: ItemField,
    pub old: String,
    pub new: String,
}

/// The fields `new` changes against `old`.
pub fn changes(old: &Item, new: &Item, stamp: &Stamp) -> Vec<ItemChange> {
    let _ = (old, new, stamp);
    Vec::new()
}
