//! The item sub-ledger's events as stored (added compatibly for issue 20:
//! new variants; optional fields, false flags, zero prices and empty
//! lists omitted). Units are their UN/ECE Rec 20 code (the shipped table
//! only grows, so a stored code always reads back); a list's basis is
//! absent for an own list and a `derived` object otherwise; a special's
//! scope and value are one-key objects (`{"partner":"10023"}`,
//! `{"discount":{"percent":"5"}}`), so no combination of fields can be
//! half of one and half of another.

use super::{AccountNoV1, CurrencyV1, EventRefV1, EventV1, PartnerCodeV1, TimestampV1};
use crate::ledger::event::Event;
use crate::ledger::items::{
    DiscountGroup, Item, ItemAccounts, ItemGroup, ItemsEvent, ListBasis, PartnerPricing,
    PriceEntry, PriceList, PriceScope, PriceValue, QuantityBreak, RoundMode, RoundStep, Rounding,
    SpecialPrice, UnitCode,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(d: &Decimal) -> bool {
    d.is_zero()
}

fn unit_of(text: &str) -> Result<UnitCode, &'static str> {
    UnitCode::parse(text).ok_or("a UN/ECE Rec 20 unit code of the shipped table")
}

wire_text!(UnitCodeV1, UnitCode, unit_of);
wire_names!(RoundStepV1, RoundStep, [
    RoundStep::Cent => "cent",
    RoundStep::FiveCents => "five_cents",
    RoundStep::TenCents => "ten_cents",
    RoundStep::Whole => "whole",
    RoundStep::Ending99 => "ending_99",
]);
wire_names!(RoundModeV1, RoundMode, [
    RoundMode::Commercial => "commercial",
    RoundMode::Up => "up",
    RoundMode::Down => "down",
]);

/// The accounts and tax codes of a group or an item's overrides, each
/// written only when set.
#[derive(Default, Serialize, Deserialize)]
pub struct ItemAccountsV1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revenue_domestic: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revenue_eu: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revenue_abroad: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expense_domestic: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expense_eu: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expense_abroad: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sales_tax: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purchase_tax: Option<String>,
}

impl ItemAccountsV1 {
    fn is_empty(&self) -> bool {
        [
            &self.revenue_domestic,
            &self.revenue_eu,
            &self.revenue_abroad,
            &self.expense_domestic,
            &self.expense_eu,
            &self.expense_abroad,
        ]
        .iter()
        .all(|a| a.is_none())
            && self.sales_tax.is_none()
            && self.purchase_tax.is_none()
    }
}

impl From<&ItemAccounts> for ItemAccountsV1 {
    fn from(a: &ItemAccounts) -> ItemAccountsV1 {
        let [revenue_domestic, revenue_eu, revenue_abroad] = a.revenue.map(|n| n.map(AccountNoV1));
        let [expense_domestic, expense_eu, expense_abroad] = a.expense.map(|n| n.map(AccountNoV1));
        ItemAccountsV1 {
            revenue_domestic,
            revenue_eu,
            revenue_abroad,
            expense_domestic,
            expense_eu,
            expense_abroad,
            sales_tax: a.sales_tax.clone(),
            purchase_tax: a.purchase_tax.clone(),
        }
    }
}

impl From<ItemAccountsV1> for ItemAccounts {
    fn from(a: ItemAccountsV1) -> ItemAccounts {
        let no = |n: Option<AccountNoV1>| n.map(|n| n.0);
        ItemAccounts {
            revenue: [a.revenue_domestic, a.revenue_eu, a.revenue_abroad].map(no),
            expense: [a.expense_domestic, a.expense_eu, a.expense_abroad].map(no),
            sales_tax: a.sales_tax,
            purchase_tax: a.purchase_tax,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct ItemGroupV1 {
    code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    name_de: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    name_en: String,
    #[serde(default, skip_serializing_if = "ItemAccountsV1::is_empty")]
    accounts: ItemAccountsV1,
}

impl From<&ItemGroup> for ItemGroupV1 {
    fn from(g: &ItemGroup) -> ItemGroupV1 {
        ItemGroupV1 {
            code: g.code.clone(),
            name_de: g.name_de.clone(),
            name_en: g.name_en.clone(),
            accounts: (&g.accounts).into(),
        }
    }
}

impl From<ItemGroupV1> for ItemGroup {
    fn from(g: ItemGroupV1) -> ItemGroup {
        ItemGroup {
            code: g.code,
            name_de: g.name_de,
            name_en: g.name_en,
            accounts: g.accounts.into(),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct ItemV1 {
    code: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    description_de: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    description_en: String,
    group: String,
    unit: UnitCodeV1,
    #[serde(default, skip_serializing_if = "is_false")]
    sales: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    purchase: bool,
    #[serde(default, skip_serializing_if = "ItemAccountsV1::is_empty")]
    accounts: ItemAccountsV1,
    #[serde(default, skip_serializing_if = "is_zero")]
    default_price: Decimal,
    active: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    remarks: String,
}

impl From<&Item> for ItemV1 {
    fn from(i: &Item) -> ItemV1 {
        ItemV1 {
            code: i.code.clone(),
            description_de: i.description_de.clone(),
            description_en: i.description_en.clone(),
            group: i.group.clone(),
            unit: UnitCodeV1(i.unit),
            sales: i.sales,
            purchase: i.purchase,
            accounts: (&i.accounts).into(),
            default_price: i.default_price,
            active: i.active,
            remarks: i.remarks.clone(),
        }
    }
}

impl From<ItemV1> for Item {
    fn from(i: ItemV1) -> Item {
        Item {
            code: i.code,
            description_de: i.description_de,
            description_en: i.description_en,
            group: i.group,
            unit: i.unit.0,
            sales: i.sales,
            purchase: i.purchase,
            accounts: i.accounts.into(),
            default_price: i.default_price,
            active: i.active,
            remarks: i.remarks,
        }
    }
}

/// A derived list's base, factor and rounding.
#[derive(Serialize, Deserialize)]
pub struct DerivedV1 {
    base: u32,
    factor: Decimal,
    step: RoundStepV1,
    mode: RoundModeV1,
}

#[derive(Serialize, Deserialize)]
pub struct PriceListV1 {
    number: u32,
    name: String,
    /// Absent: an own (base) list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    derived: Option<DerivedV1>,
    currency: CurrencyV1,
    active: bool,
}

impl From<&PriceList> for PriceListV1 {
    fn from(l: &PriceList) -> PriceListV1 {
        let derived = match &l.basis {
            ListBasis::Own => None,
            ListBasis::Derived {
                base,
                factor,
                rounding,
            } => Some(DerivedV1 {
                base: *base,
                factor: *factor,
                step: RoundStepV1(rounding.step),
                mode: RoundModeV1(rounding.mode),
            }),
        };
        PriceListV1 {
            number: l.number,
            name: l.name.clone(),
            derived,
            currency: CurrencyV1(l.currency),
            active: l.active,
        }
    }
}

impl From<PriceListV1> for PriceList {
    fn from(l: PriceListV1) -> PriceList {
        let basis = match l.derived {
            None => ListBasis::Own,
            Some(d) => ListBasis::Derived {
                base: d.base,
                factor: d.factor,
                rounding: Rounding {
                    step: d.step.0,
                    mode: d.mode.0,
                },
            },
        };
        PriceList {
            number: l.number,
            name: l.name,
            basis,
            currency: l.currency.0,
            active: l.active,
        }
    }
}

/// A hand-set price; `price` absent: the hand-set price is removed from
/// `from` on.
#[derive(Serialize, Deserialize)]
pub struct PriceEntryV1 {
    list: u32,
    item: String,
    currency: CurrencyV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    price: Option<Decimal>,
}

impl From<&PriceEntry> for PriceEntryV1 {
    fn from(p: &PriceEntry) -> PriceEntryV1 {
        PriceEntryV1 {
            list: p.list,
            item: p.item.clone(),
            currency: CurrencyV1(p.currency),
            from: p.from,
            price: p.price,
        }
    }
}

impl From<PriceEntryV1> for PriceEntry {
    fn from(p: PriceEntryV1) -> PriceEntry {
        PriceEntry {
            list: p.list,
            item: p.item,
            currency: p.currency.0,
            from: p.from,
            price: p.price,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceScopeV1 {
    Partner(PartnerCodeV1),
    List(u32),
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceValueV1 {
    Price {
        amount: Decimal,
        currency: CurrencyV1,
    },
    Discount {
        percent: Decimal,
    },
}

impl From<&PriceValue> for PriceValueV1 {
    fn from(v: &PriceValue) -> PriceValueV1 {
        match v {
            PriceValue::Price { amount, currency } => PriceValueV1::Price {
                amount: *amount,
                currency: CurrencyV1(*currency),
            },
            PriceValue::Discount { percent } => PriceValueV1::Discount { percent: *percent },
        }
    }
}

impl From<PriceValueV1> for PriceValue {
    fn from(v: PriceValueV1) -> PriceValue {
        match v {
            PriceValueV1::Price { amount, currency } => PriceValue::Price {
                amount,
                currency: currency.0,
            },
            PriceValueV1::Discount { percent } => PriceValue::Discount { percent },
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct QuantityBreakV1 {
    from: Decimal,
    value: PriceValueV1,
}

#[derive(Serialize, Deserialize)]
pub struct SpecialPriceV1 {
    id: u32,
    scope: PriceScopeV1,
    item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    valid_from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    valid_to: Option<NaiveDate>,
    value: PriceValueV1,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    breaks: Vec<QuantityBreakV1>,
}

impl From<&SpecialPrice> for SpecialPriceV1 {
    fn from(s: &SpecialPrice) -> SpecialPriceV1 {
        SpecialPriceV1 {
            id: s.id,
            scope: match &s.scope {
                PriceScope::Partner(p) => PriceScopeV1::Partner(PartnerCodeV1(*p)),
                PriceScope::List(n) => PriceScopeV1::List(*n),
            },
            item: s.item.clone(),
            valid_from: s.valid_from,
            valid_to: s.valid_to,
            value: (&s.value).into(),
            breaks: s
                .breaks
                .iter()
                .map(|b| QuantityBreakV1 {
                    from: b.from,
                    value: (&b.value).into(),
                })
                .collect(),
        }
    }
}

impl From<SpecialPriceV1> for SpecialPrice {
    fn from(s: SpecialPriceV1) -> SpecialPrice {
        SpecialPrice {
            id: s.id,
            scope: match s.scope {
                PriceScopeV1::Partner(p) => PriceScope::Partner(p.0),
                PriceScopeV1::List(n) => PriceScope::List(n),
            },
            item: s.item,
            valid_from: s.valid_from,
            valid_to: s.valid_to,
            value: s.value.into(),
            breaks: s
                .breaks
                .into_iter()
                .map(|b| QuantityBreak {
                    from: b.from,
                    value: b.value.into(),
                })
                .collect(),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct GroupDiscountV1 {
    group: String,
    percent: Decimal,
}

#[derive(Serialize, Deserialize)]
pub struct DiscountGroupV1 {
    code: String,
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    discounts: Vec<GroupDiscountV1>,
}

impl From<&DiscountGroup> for DiscountGroupV1 {
    fn from(g: &DiscountGroup) -> DiscountGroupV1 {
        DiscountGroupV1 {
            code: g.code.clone(),
            name: g.name.clone(),
            discounts: g
                .discounts
                .iter()
                .map(|(group, percent)| GroupDiscountV1 {
                    group: group.clone(),
                    percent: *percent,
                })
                .collect(),
        }
    }
}

impl From<DiscountGroupV1> for DiscountGroup {
    fn from(g: DiscountGroupV1) -> DiscountGroup {
        DiscountGroup {
            code: g.code,
            name: g.name,
            discounts: g
                .discounts
                .into_iter()
                .map(|d| (d.group, d.percent))
                .collect(),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct PartnerPricingV1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    list: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    discount_group: Option<String>,
}

pub(super) fn items_to_wire(event: &ItemsEvent) -> EventRefV1<'static> {
    match event {
        ItemsEvent::GroupSaved { group, by, at } => EventRefV1::ItemGroupSaved {
            group: group.into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        ItemsEvent::ItemSaved { item, by, at } => EventRefV1::ItemSaved {
            item: item.as_ref().into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        ItemsEvent::PriceListSaved { list } => EventRefV1::PriceListSaved { list: list.into() },
        ItemsEvent::PricesSet { prices } => EventRefV1::PricesSet {
            prices: prices.iter().map(PriceEntryV1::from).collect(),
        },
        ItemsEvent::SpecialSaved { special } => EventRefV1::SpecialPriceSaved {
            special: special.into(),
        },
        ItemsEvent::SpecialDeleted { id } => EventRefV1::SpecialPriceDeleted { id: *id },
        ItemsEvent::DiscountGroupSaved { group } => EventRefV1::DiscountGroupSaved {
            group: group.into(),
        },
        ItemsEvent::PartnerPricingSet { partner, pricing } => EventRefV1::PartnerPricingSet {
            partner: PartnerCodeV1(*partner),
            pricing: PartnerPricingV1 {
                list: pricing.list,
                discount_group: pricing.discount_group.clone(),
            },
        },
    }
}

pub(super) fn items_from_wire(event: EventV1) -> Event {
    use EventV1 as W;
    Event::Items(match event {
        W::ItemGroupSaved { group, by, at } => ItemsEvent::GroupSaved {
            group: group.into(),
            by,
            at: at.0,
        },
        W::ItemSaved { item, by, at } => ItemsEvent::ItemSaved {
            item: Box::new(item.into()),
            by,
            at: at.0,
        },
        W::PriceListSaved { list } => ItemsEvent::PriceListSaved { list: list.into() },
        W::PricesSet { prices } => ItemsEvent::PricesSet {
            prices: prices.into_iter().map(PriceEntry::from).collect(),
        },
        W::SpecialPriceSaved { special } => ItemsEvent::SpecialSaved {
            special: special.into(),
        },
        W::SpecialPriceDeleted { id } => ItemsEvent::SpecialDeleted { id },
        W::DiscountGroupSaved { group } => ItemsEvent::DiscountGroupSaved {
            group: group.into(),
        },
        W::PartnerPricingSet { partner, pricing } => ItemsEvent::PartnerPricingSet {
            partner: partner.0,
            pricing: PartnerPricing {
                list: pricing.list,
                discount_group: pricing.discount_group,
            },
        },
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    })
}
