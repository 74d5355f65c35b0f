//! The price list form as typed: a list loaded into it, read back into a
//! `PriceList` (the factor in the UI language's style), and the field an
//! engine refusal is about.

use leptos::prelude::*;

use crate::ledger::DomainError;
use crate::ledger::items::{
    ItemsError, ItemsField, ListBasis, PriceList, RoundMode, RoundStep, Rounding,
};
use crate::ledger::types::Currency;
use crate::session::SessionError;
use crate::ui::components::{Said, fmt_factor, parse_factor};
use crate::ui::i18n::Lang;

use super::texts::T;

/// The fields a refusal can point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Number,
    Name,
    Base,
    Factor,
    Currency,
}

/// A refusal: the field it is about (`None`: the whole form) and what
/// it says.
pub type Refusal = (Option<Field>, Said<T>);

#[derive(Clone, Copy)]
pub struct Form {
    pub editing: RwSignal<Option<u32>>,
    pub number: RwSignal<String>,
    pub name: RwSignal<String>,
    pub derived: RwSignal<bool>,
    pub base: RwSignal<Option<u32>>,
    pub factor: RwSignal<String>,
    pub step: RwSignal<RoundStep>,
    pub mode: RwSignal<RoundMode>,
    pub currency: RwSignal<String>,
    pub active: RwSignal<bool>,
}

impl Form {
    pub fn new(lc: Currency) -> Form {
        Form {
            editing: RwSignal::new(None),
            number: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            derived: RwSignal::new(false),
            base: RwSignal::new(None),
            factor: RwSignal::new(String::new()),
            step: RwSignal::new(RoundStep::Cent),
            mode: RwSignal::new(RoundMode::Commercial),
            currency: RwSignal::new(lc.to_string()),
            active: RwSignal::new(true),
        }
    }

    /// Empties the form for a new list numbered `next`.
    pub fn clear(&self, next: u32, lc: Currency) {
        self.editing.set(None);
        self.number.set(next.to_string());
        self.name.set(String::new());
        self.derived.set(false);
        self.base.set(None);
        self.factor.set(String::new());
        self.step.set(RoundStep::Cent);
        self.mode.set(RoundMode::Commercial);
        self.currency.set(lc.to_string());
        self.active.set(true);
    }

    pub fn load(&self, l: &PriceList, lang: Lang) {
        self.editing.set(Some(l.number));
        self.number.set(l.number.to_string());
        self.name.set(l.name.clone());
        self.currency.set(l.currency.to_string());
        self.active.set(l.active);
        match &l.basis {
            ListBasis::Own => {
                self.derived.set(false);
                self.base.set(None);
                self.factor.set(String::new());
            }
            ListBasis::Derived {
                base,
                factor,
                rounding,
            } => {
                self.derived.set(true);
                self.base.set(Some(*base));
                self.factor.set(fmt_factor(*factor, lang));
                self.step.set(rounding.step);
                self.mode.set(rounding.mode);
            }
        }
    }

    /// The typed list; the engine checks the rest (factor > 0, cycles).
    pub fn read(&self, lang: Lang) -> Result<PriceList, Refusal> {
        let bad = |field, text: String, why: T| (Some(field), Said::Typed(text.to_string(), why));
        let number_text = self.number.get_untracked();
        let number = number_text
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| bad(Field::Number, number_text.clone(), T::BadNumber))?;
        let currency_text = self.currency.get_untracked();
        let currency = Currency::parse(currency_text.trim().to_uppercase().as_str())
            .map_err(|_| bad(Field::Currency, currency_text.clone(), T::BadCurrency))?;
        let basis = if self.derived.get_untracked() {
            let base = self
                .base
                .get_untracked()
                .ok_or((Some(Field::Base), Said::Plain(T::NoBase)))?;
            let factor_text = self.factor.get_untracked();
            let factor = parse_factor(&factor_text, lang)
                .ok_or_else(|| bad(Field::Factor, factor_text.clone(), T::BadFactor))?;
            ListBasis::Derived {
                base,
                factor,
                rounding: Rounding {
                    step: self.step.get_untracked(),
                    mode: self.mode.get_untracked(),
                },
            }
        } else {
            ListBasis::Own
        };
        Ok(PriceList {
            number,
            name: self.name.get_untracked().trim().to_string(),
            basis,
            currency,
            active: self.active.get_untracked(),
        })
    }
}

/// The form field an engine refusal is about, if one.
pub fn field_of(e: &SessionError) -> Option<Field> {
    let SessionError::Domain(DomainError::Items(e)) = e else {
        return None;
    };
    match e {
        ItemsError::FactorNotPositive => Some(Field::Factor),
        ItemsError::ListCycle { .. } | ItemsError::UnknownList { .. } => Some(Field::Base),
        ItemsError::Empty { field } | ItemsError::TooLong { field, .. } => match field {
            ItemsField::ListName => Some(Field::Name),
            ItemsField::Factor => Some(Field::Factor),
            _ => None,
        },
        ItemsError::Invalid { field } => match field {
            ItemsField::Factor => Some(Field::Factor),
            ItemsField::ListName => Some(Field::Name),
            ItemsField::ListNumber => Some(Field::Number),
            _ => None,
        },
        _ => None,
    }
}
