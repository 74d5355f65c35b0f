//! Item master data (Artikelstammdaten): items and the item groups that
//! hold their account and VAT defaults. An item leaves an account or a tax
//! code empty to take its group's; `resolved` says which one applies.

use crate::ledger::items::unit::UnitCode;
use crate::ledger::types::AccountNo;
use rust_decimal::Decimal;

/// Where a sale goes or a purchase comes from: the three account variants
/// SKR03/SKR04 keep (e.g. SKR03 8400 / 8125 / 8120 for revenue).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    Domestic,
    /// Intra-EU (innergemeinschaftlich).
    Eu,
    /// Outside the EU (export, import).
    Abroad,
}

/// Revenue and expense accounts per region, and the tax codes of a sale
/// and a purchase (the VAT group). `None`: not set here (on an item: take
/// the group's).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ItemAccounts {
    pub revenue: [Option<AccountNo>; 3],
    pub expense: [Option<AccountNo>; 3],
    pub sales_tax: Option<String>,
    pub purchase_tax: Option<String>,
}

impl ItemAccounts {
    pub fn revenue(&self, region: Region) -> Option<AccountNo> {
        self.revenue[region as usize]
    }

    pub fn expense(&self, region: Region) -> Option<AccountNo> {
        self.expense[region as usize]
    }

    /// Each field from `self`, else from `defaults`.
    pub fn or(&self, defaults: &ItemAccounts) -> ItemAccounts {
        let pick = |own: &[Option<AccountNo>; 3], def: &[Option<AccountNo>; 3]| {
            [0, 1, 2].map(|i| own[i].or(def[i]))
        };
        ItemAccounts {
            revenue: pick(&self.revenue, &defaults.revenue),
            expense: pick(&self.expense, &defaults.expense),
            sales_tax: self.sales_tax.clone().or(defaults.sales_tax.clone()),
            purchase_tax: self.purchase_tax.clone().or(defaults.purchase_tax.clone()),
        }
    }
}

/// An item group (Artikelgruppe): a code, names, and the account
/// defaults of its items.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ItemGroup {
    pub code: String,
    pub name_de: String,
    pub name_en: String,
    pub accounts: ItemAccounts,
}

/// An item (Artikel). The code never changes; everything else may.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Item {
    pub code: String,
    pub description_de: String,
    pub description_en: String,
    pub group: String,
    pub unit: UnitCode,
    pub sales: bool,
    pub purchase: bool,
    /// Overrides of the group's defaults (`None` fields: the group's).
    pub accounts: ItemAccounts,
    /// The price on a base list that sets none for the item, in the
    /// company currency.
    pub default_price: Decimal,
    pub active: bool,
    pub remarks: String,
}
