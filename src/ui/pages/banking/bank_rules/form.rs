//! The rule form as typed: conditions, the action (a partner, or G/L
//! split parts), loading a saved rule into it and reading it back; and
//! which field an engine refusal is about.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::amount::{format_number, parse_amount};
use crate::ledger::DomainError;
use crate::ledger::bank::{
    BankError, Conditions, Rule, RuleAction, RuleField, RuleSplit, Share, Sign, TextMatch,
};
use crate::ledger::types::limits::MAX_PERCENT_DECIMALS;
use crate::ledger::types::{AccountNo, PartnerCode};
use crate::session::SessionError;
use crate::ui::components::number_style;
use crate::ui::i18n::{Lang, Text};

use super::texts::T;

/// Decimals an amount condition or a fixed share may have.
const AMOUNT_DECIMALS: u32 = 2;

/// How the purpose condition reads the text typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PurposeKind {
    None,
    Contains,
    Regex,
}

/// How a split part's share is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareKind {
    Percent,
    Amount,
    Rest,
}

/// One part of a G/L split as typed.
#[derive(Clone, Copy)]
pub struct SplitRow {
    pub id: usize,
    pub account: RwSignal<String>,
    pub tax_code: RwSignal<String>,
    pub centre: RwSignal<String>,
    pub kind: RwSignal<ShareKind>,
    pub value: RwSignal<String>,
}

#[derive(Clone, Copy)]
pub struct Form {
    /// The id of the rule being edited (0: a new rule).
    pub editing: RwSignal<u32>,
    pub learned: RwSignal<bool>,
    pub name: RwSignal<String>,
    pub house_bank: RwSignal<String>,
    pub iban: RwSignal<String>,
    pub name_contains: RwSignal<String>,
    pub purpose_kind: RwSignal<PurposeKind>,
    pub purpose: RwSignal<String>,
    pub amount_min: RwSignal<String>,
    pub amount_max: RwSignal<String>,
    pub sign: RwSignal<Option<Sign>>,
    /// `true`: the action is a partner's payment; else the G/L split.
    pub to_partner: RwSignal<bool>,
    pub partner: RwSignal<String>,
    pub splits: RwSignal<Vec<SplitRow>>,
    next_id: StoredValue<usize>,
}

/// A typing mistake the form finds, and the field it is about.
pub type Refusal = (Option<RuleField>, String);

fn text(s: &str) -> RwSignal<String> {
    RwSignal::new(s.to_string())
}

impl Form {
    pub fn new() -> Form {
        Form {
            editing: RwSignal::new(0),
            learned: RwSignal::new(false),
            name: text(""),
            house_bank: text(""),
            iban: text(""),
            name_contains: text(""),
            purpose_kind: RwSignal::new(PurposeKind::None),
            purpose: text(""),
            amount_min: text(""),
            amount_max: text(""),
            sign: RwSignal::new(None),
            to_partner: RwSignal::new(false),
            partner: text(""),
            splits: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        }
    }

    pub fn row(
        &self,
        account: &str,
        tax: &str,
        centre: &str,
        kind: ShareKind,
        value: &str,
    ) -> SplitRow {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        SplitRow {
            id,
            account: text(account),
            tax_code: text(tax),
            centre: text(centre),
            kind: RwSignal::new(kind),
            value: text(value),
        }
    }

    pub fn clear(&self) {
        self.editing.set(0);
        self.learned.set(false);
        for s in [
            self.name,
            self.house_bank,
            self.iban,
            self.name_contains,
            self.purpose,
            self.amount_min,
            self.amount_max,
            self.partner,
        ] {
            s.set(String::new());
        }
        self.purpose_kind.set(PurposeKind::None);
        self.sign.set(None);
        self.to_partner.set(false);
        let first = self.row("", "", "", ShareKind::Rest, "");
        self.splits.set(vec![first]);
    }

    pub fn load(&self, r: &Rule, lang: Lang) {
        let c = &r.conditions;
        let num = |d: Option<Decimal>| {
            d.map(|d| format_number(d, number_style(lang)))
                .unwrap_or_default()
        };
        self.editing.set(r.id);
        self.learned.set(r.learned);
        self.name.set(r.name.clone());
        self.house_bank.set(c.house_bank.clone());
        self.iban.set(c.iban.clone());
        self.name_contains.set(c.name_contains.clone());
        let (kind, purpose) = match &c.purpose {
            None => (PurposeKind::None, String::new()),
            Some(TextMatch::Contains(s)) => (PurposeKind::Contains, s.clone()),
            Some(TextMatch::Regex(s)) => (PurposeKind::Regex, s.clone()),
        };
        self.purpose_kind.set(kind);
        self.purpose.set(purpose);
        self.amount_min.set(num(c.amount_min));
        self.amount_max.set(num(c.amount_max));
        self.sign.set(c.sign);
        match &r.action {
            RuleAction::Partner(p) => {
                self.to_partner.set(true);
                self.partner.set(p.to_string());
                self.splits
                    .set(vec![self.row("", "", "", ShareKind::Rest, "")]);
            }
            RuleAction::Gl(splits) => {
                self.to_partner.set(false);
                self.partner.set(String::new());
                let rows = splits.iter().map(|s| self.split_row(s, lang)).collect();
                self.splits.set(rows);
            }
        }
    }

    fn split_row(&self, s: &RuleSplit, lang: Lang) -> SplitRow {
        let (kind, value) = match s.share {
            Share::Percent(p) => (ShareKind::Percent, format_number(p, number_style(lang))),
            Share::Amount(a) => (ShareKind::Amount, format_number(a, number_style(lang))),
            Share::Rest => (ShareKind::Rest, String::new()),
        };
        self.row(
            &s.account.to_string(),
            s.tax_code.as_deref().unwrap_or(""),
            s.centre.as_deref().unwrap_or(""),
            kind,
            &value,
        )
    }

    /// The typed rule; the engine checks what the form cannot (accounts,
    /// partner, tax codes, the regular expression, shares adding up).
    pub fn read(&self, lang: Lang) -> Result<Rule, Refusal> {
        let quoted = |text: &str, why: T| format!("„{}“ {}", text.trim(), why.text(lang));
        let amount = |s: RwSignal<String>| -> Result<Option<Decimal>, Refusal> {
            let t = s.get_untracked();
            if t.trim().is_empty() {
                return Ok(None);
            }
            parse_amount(&t, number_style(lang), AMOUNT_DECIMALS)
                .map(Some)
                .map_err(|_| (Some(RuleField::Amount), quoted(&t, T::BadAmount)))
        };
        let purpose_text = self.purpose.get_untracked().trim().to_string();
        let purpose = match self.purpose_kind.get_untracked() {
            _ if purpose_text.is_empty() => None,
            PurposeKind::None => None,
            PurposeKind::Contains => Some(TextMatch::Contains(purpose_text)),
            PurposeKind::Regex => Some(TextMatch::Regex(purpose_text)),
        };
        let conditions = Conditions {
            house_bank: self.house_bank.get_untracked(),
            iban: compact(&self.iban.get_untracked()),
            name_contains: self.name_contains.get_untracked().trim().to_string(),
            purpose,
            amount_min: amount(self.amount_min)?,
            amount_max: amount(self.amount_max)?,
            sign: self.sign.get_untracked(),
        };
        let action = if self.to_partner.get_untracked() {
            let t = self.partner.get_untracked();
            let code =
                PartnerCode::parse(t.trim()).map_err(|_| (None, quoted(&t, T::BadPartner)))?;
            RuleAction::Partner(code)
        } else {
            let rows = self.splits.get_untracked();
            let splits = rows
                .iter()
                .enumerate()
                .map(|(index, row)| read_split(row, index, lang))
                .collect::<Result<Vec<_>, _>>()?;
            RuleAction::Gl(splits)
        };
        Ok(Rule {
            id: self.editing.get_untracked(),
            name: self.name.get_untracked().trim().to_string(),
            conditions,
            action,
            learned: self.learned.get_untracked(),
        })
    }
}

fn read_split(row: &SplitRow, index: usize, lang: Lang) -> Result<RuleSplit, Refusal> {
    let at = Some(RuleField::Split { index });
    let quoted = |text: &str, why: T| format!("„{}“ {}", text.trim(), why.text(lang));
    let account_text = row.account.get_untracked();
    let account = AccountNo::parse(account_text.trim())
        .map_err(|_| (at, quoted(&account_text, T::BadAccount)))?;
    let value = row.value.get_untracked();
    let share = match row.kind.get_untracked() {
        ShareKind::Rest => Share::Rest,
        ShareKind::Percent => parse_amount(&value, number_style(lang), MAX_PERCENT_DECIMALS)
            .map(Share::Percent)
            .map_err(|_| (at, quoted(&value, T::BadPercent)))?,
        ShareKind::Amount => parse_amount(&value, number_style(lang), AMOUNT_DECIMALS)
            .map(Share::Amount)
            .map_err(|_| (at, quoted(&value, T::BadAmount)))?,
    };
    let optional = |s: RwSignal<String>| {
        let t = s.get_untracked().trim().to_string();
        (!t.is_empty()).then_some(t)
    };
    Ok(RuleSplit {
        account,
        tax_code: optional(row.tax_code).map(|t| t.to_uppercase()),
        centre: optional(row.centre),
        share,
    })
}

/// An IBAN as typed in groups: no spaces, upper case.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

/// The field an engine refusal of the rule is about, if one.
pub fn field_of(e: &SessionError) -> Option<RuleField> {
    match e {
        SessionError::Domain(DomainError::Bank(BankError::RuleInvalid { field })) => Some(*field),
        _ => None,
    }
}
