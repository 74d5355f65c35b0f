//! The item form as typed (text kept as typed, so a refused save loses
//! nothing), turned into an `Item` with the field to blame when a value
//! cannot be read; and which field an engine refusal names.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::amount::parse_amount;
use crate::ledger::DomainError;
use crate::ledger::items::{Item, ItemsError, ItemsField, UnitCode};
use crate::ui::components::{AccountFields, number_style};
use crate::ui::i18n::{Lang, Text};

use super::T;

/// Decimals a default price may carry (a unit price, as the engine keeps).
const PRICE_DECIMALS: u32 = 4;

/// A place on the form an error is shown next to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Code,
    Description,
    Group,
    Unit,
    /// Sold and/or bought.
    Use,
    Price,
    Accounts,
    Tax,
    Remarks,
    /// No one field: shown above the buttons.
    Form,
}

/// The field an engine refusal of an item names.
pub fn slot_of(e: &DomainError) -> Slot {
    use ItemsError as E;
    let DomainError::Items(e) = e else {
        return Slot::Form;
    };
    match e {
        E::Empty { field } | E::TooLong { field, .. } | E::Invalid { field } => match field {
            ItemsField::Code => Slot::Code,
            ItemsField::Description => Slot::Description,
            ItemsField::Group => Slot::Group,
            ItemsField::Unit => Slot::Unit,
            ItemsField::DefaultPrice | ItemsField::Price => Slot::Price,
            ItemsField::Remarks => Slot::Remarks,
            _ => Slot::Form,
        },
        E::ItemExists { .. } => Slot::Code,
        E::UnknownGroup { .. } => Slot::Group,
        E::NegativePrice => Slot::Price,
        E::NeitherSoldNorBought => Slot::Use,
        E::BadAccount { .. } | E::Gl(_) => Slot::Accounts,
        E::UnknownTaxCode { .. } => Slot::Tax,
        _ => Slot::Form,
    }
}

#[derive(Clone, Copy)]
pub struct Form {
    /// `Some` while editing a stored item.
    pub editing: RwSignal<Option<String>>,
    pub code: RwSignal<String>,
    pub description_de: RwSignal<String>,
    pub description_en: RwSignal<String>,
    pub group: RwSignal<String>,
    pub unit: RwSignal<String>,
    pub sales: RwSignal<bool>,
    pub purchase: RwSignal<bool>,
    pub price: RwSignal<String>,
    pub accounts: AccountFields,
    pub active: RwSignal<bool>,
    pub remarks: RwSignal<String>,
}

fn text() -> RwSignal<String> {
    RwSignal::new(String::new())
}

/// A decimal as typed in `lang`, without digit grouping (so it reads
/// back the same in either language).
pub fn typed_decimal(d: Decimal, lang: Lang) -> String {
    let plain = d.normalize().to_string();
    match lang {
        Lang::De => plain.replace('.', ","),
        Lang::En => plain,
    }
}

impl Form {
    pub fn new() -> Form {
        Form {
            editing: RwSignal::new(None),
            code: text(),
            description_de: text(),
            description_en: text(),
            group: text(),
            unit: RwSignal::new(UnitCode::default().as_str().to_string()),
            sales: RwSignal::new(true),
            purchase: RwSignal::new(true),
            price: text(),
            accounts: AccountFields::new(),
            active: RwSignal::new(true),
            remarks: text(),
        }
    }

    /// Fills the form from a stored item.
    pub fn load(&self, item: &Item, lang: Lang) {
        self.editing.set(Some(item.code.clone()));
        self.code.set(item.code.clone());
        self.description_de.set(item.description_de.clone());
        self.description_en.set(item.description_en.clone());
        self.group.set(item.group.clone());
        self.unit.set(item.unit.as_str().to_string());
        self.sales.set(item.sales);
        self.purchase.set(item.purchase);
        self.price.set(typed_decimal(item.default_price, lang));
        self.accounts.load(&item.accounts);
        self.active.set(item.active);
        self.remarks.set(item.remarks.clone());
    }

    /// The typed form as an item, or the field to blame and why.
    pub fn read(&self, lang: Lang) -> Result<Item, (Slot, String)> {
        let get = |s: RwSignal<String>| s.get_untracked().trim().to_string();
        let bad = |slot: Slot, text: &str, why: T| (slot, format!("„{text}“ {}", why.text(lang)));
        let unit_text = get(self.unit);
        let unit =
            UnitCode::parse(&unit_text).ok_or_else(|| bad(Slot::Unit, &unit_text, T::BadUnit))?;
        let price_text = get(self.price);
        let default_price = if price_text.is_empty() {
            Decimal::ZERO
        } else {
            parse_amount(&price_text, number_style(lang), PRICE_DECIMALS)
                .map_err(|_| bad(Slot::Price, &price_text, T::BadAmount))?
        };
        let accounts = self.accounts.read(lang).map_err(|m| (Slot::Accounts, m))?;
        Ok(Item {
            code: get(self.code),
            description_de: get(self.description_de),
            description_en: get(self.description_en),
            group: get(self.group),
            unit,
            sales: self.sales.get_untracked(),
            purchase: self.purchase.get_untracked(),
            accounts,
            default_price,
            active: self.active.get_untracked(),
            remarks: self.remarks.get_untracked().trim().to_string(),
        })
    }
}
