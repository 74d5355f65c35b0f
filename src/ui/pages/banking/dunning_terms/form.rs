//! The dunning term form as typed: a term loaded into it, read back into a
//! `DunningTerm` (amounts in the UI language's style), and the level row
//! an engine refusal is about.

use leptos::prelude::*;

use crate::finance::interest::{DayCount, DebtorKind};
use crate::formats::amount::parse_amount;
use crate::ledger::DomainError;
use crate::ledger::dunning::{DunningError, DunningLevel, DunningTerm, InterestBase, TermField};
use crate::session::SessionError;
use crate::ui::components::{fmt_amount, number_style};
use crate::ui::i18n::{Lang, Text};

use super::texts::T;

/// One level as typed.
#[derive(Clone, Copy)]
pub struct LevelRow {
    pub days: RwSignal<String>,
    pub fee: RwSignal<String>,
    pub min: RwSignal<String>,
    pub interest: RwSignal<bool>,
    pub de: RwSignal<String>,
    pub en: RwSignal<String>,
}

impl LevelRow {
    pub fn blank() -> LevelRow {
        let s = || RwSignal::new(String::new());
        LevelRow {
            days: s(),
            fee: s(),
            min: s(),
            interest: RwSignal::new(false),
            de: s(),
            en: s(),
        }
    }

    fn of(level: &DunningLevel, decimals: u32, lang: Lang) -> LevelRow {
        LevelRow {
            days: RwSignal::new(level.days_after_due.to_string()),
            fee: RwSignal::new(fmt_amount(level.fee, decimals, lang)),
            min: RwSignal::new(fmt_amount(level.min_balance, decimals, lang)),
            interest: RwSignal::new(level.interest),
            de: RwSignal::new(level.text_de.clone()),
            en: RwSignal::new(level.text_en.clone()),
        }
    }
}

#[derive(Clone, Copy)]
pub struct Form {
    pub editing: RwSignal<Option<String>>,
    pub code: RwSignal<String>,
    pub name: RwSignal<String>,
    pub group: RwSignal<bool>,
    pub original: RwSignal<bool>,
    pub act360: RwSignal<bool>,
    pub consumer: RwSignal<bool>,
    pub flat_fee: RwSignal<bool>,
    pub levels: RwSignal<Vec<LevelRow>>,
}

/// A typing mistake found before the engine sees the term.
pub struct FormError {
    pub field: Option<TermField>,
    pub message: String,
}

impl Form {
    pub fn new() -> Form {
        Form {
            editing: RwSignal::new(None),
            code: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            group: RwSignal::new(true),
            original: RwSignal::new(false),
            act360: RwSignal::new(false),
            consumer: RwSignal::new(false),
            flat_fee: RwSignal::new(false),
            levels: RwSignal::new(vec![LevelRow::blank()]),
        }
    }

    pub fn clear(&self) {
        self.editing.set(None);
        self.code.set(String::new());
        self.name.set(String::new());
        self.group.set(true);
        self.original.set(false);
        self.act360.set(false);
        self.consumer.set(false);
        self.flat_fee.set(false);
        self.levels.set(vec![LevelRow::blank()]);
    }

    pub fn load(&self, t: &DunningTerm, decimals: u32, lang: Lang) {
        self.editing.set(Some(t.code.clone()));
        self.code.set(t.code.clone());
        self.name.set(t.name.clone());
        self.group.set(t.group_items);
        self.original.set(t.interest_base == InterestBase::Original);
        self.act360.set(t.day_count == DayCount::Act360);
        self.consumer.set(t.debtor == DebtorKind::Consumer);
        self.flat_fee.set(t.flat_fee);
        self.levels.set(
            t.levels
                .iter()
                .map(|l| LevelRow::of(l, decimals, lang))
                .collect(),
        );
    }

    /// The typed term; the engine checks the rest (rising days, lengths).
    pub fn read(&self, decimals: u32, lang: Lang) -> Result<DunningTerm, FormError> {
        let levels = self
            .levels
            .get_untracked()
            .iter()
            .enumerate()
            .map(|(i, row)| read_level(i, row, decimals, lang))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(DunningTerm {
            code: self.code.get_untracked().trim().to_uppercase(),
            name: self.name.get_untracked().trim().to_string(),
            levels,
            group_items: self.group.get_untracked(),
            interest_base: if self.original.get_untracked() {
                InterestBase::Original
            } else {
                InterestBase::Remaining
            },
            day_count: if self.act360.get_untracked() {
                DayCount::Act360
            } else {
                DayCount::Act365
            },
            debtor: if self.consumer.get_untracked() {
                DebtorKind::Consumer
            } else {
                DebtorKind::Business
            },
            flat_fee: self.flat_fee.get_untracked(),
        })
    }
}

fn read_level(
    i: usize,
    row: &LevelRow,
    decimals: u32,
    lang: Lang,
) -> Result<DunningLevel, FormError> {
    let bad = |field, text: String, why: T| FormError {
        field: Some(field),
        message: format!(
            "{} {}: „{}“ {}",
            T::LevelRow.text(lang),
            i + 1,
            text.trim(),
            why.text(lang)
        ),
    };
    let days_text = row.days.get_untracked();
    let days = days_text
        .trim()
        .parse::<u16>()
        .map_err(|_| bad(TermField::Days(i), days_text.clone(), T::BadDays))?;
    let amount = |s: RwSignal<String>, field| {
        let text = s.get_untracked();
        if text.trim().is_empty() {
            return Ok(rust_decimal::Decimal::ZERO);
        }
        parse_amount(&text, number_style(lang), decimals)
            .map_err(|_| bad(field, text, T::BadAmount))
    };
    Ok(DunningLevel {
        days_after_due: days,
        fee: amount(row.fee, TermField::Fee(i))?,
        min_balance: amount(row.min, TermField::MinBalance(i))?,
        interest: row.interest.get_untracked(),
        text_de: row.de.get_untracked().trim().to_string(),
        text_en: row.en.get_untracked().trim().to_string(),
    })
}

/// The term field an engine refusal is about, if one.
pub fn field_of(e: &SessionError) -> Option<TermField> {
    match e {
        SessionError::Domain(DomainError::Dunning(DunningError::InvalidTerm { field })) => {
            Some(*field)
        }
        _ => None,
    }
}

/// The 0-based level row a field belongs to.
pub fn row_of(field: TermField) -> Option<usize> {
    match field {
        TermField::Days(i) | TermField::Fee(i) | TermField::MinBalance(i) | TermField::Text(i) => {
            Some(i)
        }
        TermField::Code | TermField::Name | TermField::Levels => None,
    }
}
