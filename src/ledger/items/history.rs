//! An item's change history (Änderungshistorie), as for partners: every
//! save event carries the whole item with its author and time; the fold
//! keeps the fields that differ from the version before, so the history
//! costs no extra events and is a pure function of the log.
//!
//! Values are canonical, language-neutral text for the screen to format
//! per field: flags `true`/`false`, the unit by its Rec 20 code, the
//! default price as a plain decimal, the accounts as
//! `revenue=8400,8125,8120;expense=3400,,;sales_tax=U19;purchase_tax=`
//! (domestic, EU, abroad; an unset slot empty).

use crate::ledger::items::master::{Item, ItemAccounts};
use crate::ledger::partners::Stamp;

/// The fields a change can touch (the code never changes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ItemChange {
    pub by: String,
    pub at: crate::ledger::types::Timestamp,
    pub field: ItemField,
    pub old: String,
    pub new: String,
}

/// An item's accounts and tax codes as one canonical text.
pub fn accounts_text(a: &ItemAccounts) -> String {
    let slots = |s: &[Option<crate::ledger::types::AccountNo>; 3]| {
        s.iter()
            .map(|n| n.map(|n| n.to_string()).unwrap_or_default())
            .collect::<Vec<_>>()
            .join(",")
    };
    format!(
        "revenue={};expense={};sales_tax={};purchase_tax={}",
        slots(&a.revenue),
        slots(&a.expense),
        a.sales_tax.as_deref().unwrap_or_default(),
        a.purchase_tax.as_deref().unwrap_or_default(),
    )
}

/// The fields of `i` as canonical text.
fn values(i: &Item) -> [(ItemField, String); 10] {
    use ItemField as F;
    [
        (F::DescriptionDe, i.description_de.clone()),
        (F::DescriptionEn, i.description_en.clone()),
        (F::Group, i.group.clone()),
        (F::Unit, i.unit.as_str().to_string()),
        (F::Sales, i.sales.to_string()),
        (F::Purchase, i.purchase.to_string()),
        (F::Accounts, accounts_text(&i.accounts)),
        (F::DefaultPrice, i.default_price.to_string()),
        (F::Active, i.active.to_string()),
        (F::Remarks, i.remarks.clone()),
    ]
}

/// The fields `new` changes against `old`, stamped `by`/`at`. A price
/// written with more zeros (12.50 for 12.5) is no change.
pub fn changes(old: &Item, new: &Item, stamp: &Stamp) -> Vec<ItemChange> {
    values(old)
        .into_iter()
        .zip(values(new))
        .filter(|((field, a), (_, b))| match field {
            ItemField::DefaultPrice => old.default_price != new.default_price,
            _ => a != b,
        })
        .map(|((field, old), (_, new))| ItemChange {
            by: stamp.by.clone(),
            at: stamp.at,
            field,
            old,
            new,
        })
        .collect()
}
