//! The special price form as typed: scope (partner or list), item,
//! validity, a price or a discount, quantity breaks; loaded from a
//! special, read back into a `SpecialPrice`, and the field an engine
//! refusal is about.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::ledger::DomainError;
use crate::ledger::items::{
    ItemsError, ItemsField, PriceScope, PriceValue, QuantityBreak, SpecialPrice,
};
use crate::ledger::types::{Currency, PartnerCode};
use crate::session::SessionError;
use crate::ui::components::{Said, fmt_factor, fmt_price, parse_factor, parse_price};
use crate::ui::i18n::Lang;

use super::texts::T;

/// The fields a refusal can point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Scope,
    Item,
    Validity,
    Value,
    /// 0-based break row.
    Break(usize),
}

/// A refusal: the field it is about (`None`: the whole form) and what
/// it says.
pub type Refusal = (Option<Field>, Said<T>);

/// One quantity break as typed: from, discount (else price), value.
#[derive(Clone, Copy)]
pub struct BreakRow {
    pub from: RwSignal<String>,
    pub discount: RwSignal<bool>,
    pub value: RwSignal<String>,
}

impl BreakRow {
    pub fn blank() -> BreakRow {
        BreakRow {
            from: RwSignal::new(String::new()),
            discount: RwSignal::new(true),
            value: RwSignal::new(String::new()),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Form {
    pub editing: RwSignal<Option<u32>>,
    pub for_list: RwSignal<bool>,
    pub scope: RwSignal<String>,
    pub item: RwSignal<String>,
    pub from: RwSignal<Option<NaiveDate>>,
    pub to: RwSignal<Option<NaiveDate>>,
    pub discount: RwSignal<bool>,
    pub value: RwSignal<String>,
    pub currency: RwSignal<String>,
    pub breaks: RwSignal<Vec<BreakRow>>,
}

/// The text of a value and whether it is a discount.
fn value_text(v: &PriceValue, lang: Lang) -> (bool, String) {
    match v {
        PriceValue::Price { amount, currency } => (false, fmt_price(*amount, *currency, lang)),
        PriceValue::Discount { percent } => (true, fmt_factor(*percent, lang)),
    }
}

impl Form {
    pub fn new(lc: Currency) -> Form {
        let s = || RwSignal::new(String::new());
        Form {
            editing: RwSignal::new(None),
            for_list: RwSignal::new(false),
            scope: s(),
            item: s(),
            from: RwSignal::new(None),
            to: RwSignal::new(None),
            discount: RwSignal::new(false),
            value: s(),
            currency: RwSignal::new(lc.to_string()),
            breaks: RwSignal::new(Vec::new()),
        }
    }

    pub fn clear(&self, lc: Currency) {
        self.editing.set(None);
        self.scope.set(String::new());
        self.item.set(String::new());
        self.from.set(None);
        self.to.set(None);
        self.discount.set(false);
        self.value.set(String::new());
        self.currency.set(lc.to_string());
        self.breaks.set(Vec::new());
    }

    pub fn load(&self, s: &SpecialPrice, lang: Lang) {
        self.editing.set(Some(s.id));
        match &s.scope {
            PriceScope::Partner(p) => {
                self.for_list.set(false);
                self.scope.set(p.to_string());
            }
            PriceScope::List(n) => {
                self.for_list.set(true);
                self.scope.set(n.to_string());
            }
        }
        self.item.set(s.item.clone());
        self.from.set(s.valid_from);
        self.to.set(s.valid_to);
        let (discount, text) = value_text(&s.value, lang);
        self.discount.set(discount);
        self.value.set(text);
        if let PriceValue::Price { currency, .. } = &s.value {
            self.currency.set(currency.to_string());
        }
        let breaks = s.breaks.iter().map(|b| {
            let (discount, text) = value_text(&b.value, lang);
            BreakRow {
                from: RwSignal::new(fmt_factor(b.from, lang)),
                discount: RwSignal::new(discount),
                value: RwSignal::new(text),
            }
        });
        self.breaks.set(breaks.collect());
    }

    /// The typed special; the engine checks the rest (overlap, rising
    /// breaks, known item and partner).
    pub fn read(&self, lang: Lang) -> Result<SpecialPrice, Refusal> {
        let bad = |field, text: &str, why: T| (Some(field), Said::Typed(text.to_string(), why));
        let scope_text = self.scope.get_untracked();
        let scope = if self.for_list.get_untracked() {
            let n = scope_text
                .trim()
                .parse::<u32>()
                .map_err(|_| bad(Field::Scope, &scope_text, T::BadList))?;
            PriceScope::List(n)
        } else {
            let p = PartnerCode::parse(scope_text.trim())
                .map_err(|_| bad(Field::Scope, &scope_text, T::BadPartner))?;
            PriceScope::Partner(p)
        };
        let cur_text = self.currency.get_untracked();
        let currency = Currency::parse(cur_text.trim().to_uppercase().as_str())
            .map_err(|_| bad(Field::Value, &cur_text, T::BadCurrency))?;
        let value = read_value(
            self.discount.get_untracked(),
            &self.value.get_untracked(),
            currency,
            lang,
        )
        .map_err(|(text, why)| bad(Field::Value, &text, why))?;
        let breaks = self
            .breaks
            .get_untracked()
            .iter()
            .enumerate()
            .map(|(i, b)| read_break(i, b, currency, lang))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(SpecialPrice {
            id: self.editing.get_untracked().unwrap_or(0),
            scope,
            item: self.item.get_untracked().trim().to_string(),
            valid_from: self.from.get_untracked(),
            valid_to: self.to.get_untracked(),
            value,
            breaks,
        })
    }
}

fn read_value(
    discount: bool,
    text: &str,
    currency: Currency,
    lang: Lang,
) -> Result<PriceValue, (String, T)> {
    if discount {
        let percent = parse_factor(text, lang).ok_or((text.to_string(), T::BadPercent))?;
        Ok(PriceValue::Discount { percent })
    } else {
        let amount = parse_price(text, lang).ok_or((text.to_string(), T::BadAmount))?;
        Ok(PriceValue::Price { amount, currency })
    }
}

fn read_break(
    i: usize,
    b: &BreakRow,
    currency: Currency,
    lang: Lang,
) -> Result<QuantityBreak, Refusal> {
    // Shown at its row, so the value and the reason say enough.
    let row = |text: &str, why: T| (Some(Field::Break(i)), Said::Typed(text.to_string(), why));
    let from_text = b.from.get_untracked();
    let from: Decimal =
        parse_factor(&from_text, lang).ok_or_else(|| row(&from_text, T::BadQuantity))?;
    let value = read_value(
        b.discount.get_untracked(),
        &b.value.get_untracked(),
        currency,
        lang,
    )
    .map_err(|(text, why)| row(&text, why))?;
    Ok(QuantityBreak { from, value })
}

/// The form field an engine refusal is about, if one.
pub fn field_of(e: &SessionError) -> Option<Field> {
    let SessionError::Domain(DomainError::Items(e)) = e else {
        return None;
    };
    match e {
        ItemsError::OverlappingSpecial { .. } => Some(Field::Validity),
        ItemsError::BreaksNotIncreasing { index } => Some(Field::Break(*index)),
        ItemsError::UnknownItem { .. } | ItemsError::InactiveItem { .. } => Some(Field::Item),
        ItemsError::UnknownPartner { .. } | ItemsError::UnknownList { .. } => Some(Field::Scope),
        ItemsError::NegativePrice => Some(Field::Value),
        ItemsError::Empty { field }
        | ItemsError::Invalid { field }
        | ItemsError::TooLong { field, .. } => match field {
            ItemsField::Break(i) => Some(Field::Break(*i)),
            ItemsField::Validity => Some(Field::Validity),
            ItemsField::Price | ItemsField::Discount => Some(Field::Value),
            ItemsField::Code => Some(Field::Item),
            _ => None,
        },
        _ => None,
    }
}
