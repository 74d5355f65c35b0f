//! A rule said in words for the list: "Name enthält „Telekom“ · nur
//! Ausgänge" → "4920 (VSt19) 100 %".

use crate::formats::amount::format_number;
use crate::ledger::bank::{Conditions, RuleAction, Share, Sign, TextMatch};
use crate::ui::components::number_style;
use crate::ui::i18n::{Lang, Text};

use super::texts::T;

pub fn conditions(c: &Conditions, lang: Lang) -> String {
    let num = |d| format_number(d, number_style(lang));
    let mut parts = Vec::new();
    if !c.house_bank.is_empty() {
        parts.push(format!("{} {}", T::HouseBank.text(lang), c.house_bank));
    }
    if !c.iban.is_empty() {
        parts.push(format!("{} {}", T::Iban.text(lang), c.iban));
    }
    if !c.name_contains.is_empty() {
        parts.push(format!(
            "{} „{}“",
            T::NameContains.text(lang),
            c.name_contains
        ));
    }
    match &c.purpose {
        Some(TextMatch::Contains(s)) => parts.push(format!(
            "{} {} „{s}“",
            T::Purpose.text(lang),
            T::PurposeContains.text(lang)
        )),
        Some(TextMatch::Regex(s)) => parts.push(format!("{} /{s}/", T::PurposeMatches.text(lang))),
        None => {}
    }
    match (c.amount_min, c.amount_max) {
        (Some(a), Some(b)) => parts.push(format!("{} {}–{}", T::Amount.text(lang), num(a), num(b))),
        (Some(a), None) => parts.push(format!("{} ≥ {}", T::Amount.text(lang), num(a))),
        (None, Some(b)) => parts.push(format!("{} ≤ {}", T::Amount.text(lang), num(b))),
        (None, None) => {}
    }
    match c.sign {
        Some(Sign::Credit) => parts.push(T::Credit.text(lang).to_string()),
        Some(Sign::Debit) => parts.push(T::Debit.text(lang).to_string()),
        None => {}
    }
    if parts.is_empty() {
        return T::Always.text(lang).to_string();
    }
    parts.join(" · ")
}

/// The action; `partner_name` names a partner code.
pub fn action(a: &RuleAction, lang: Lang, partner_name: impl Fn(&str) -> Option<String>) -> String {
    match a {
        RuleAction::Partner(code) => {
            let code = code.to_string();
            let name = partner_name(&code).unwrap_or_else(|| T::UnknownPartner.text(lang).into());
            format!("{} {code} {name}", T::Partner.text(lang))
        }
        RuleAction::Gl(splits) => splits
            .iter()
            .map(|s| {
                let mut t = s.account.to_string();
                if let Some(tax) = &s.tax_code {
                    t.push_str(&format!(" ({tax})"));
                }
                if let Some(centre) = &s.centre {
                    t.push_str(&format!(" [{centre}]"));
                }
                let share = match s.share {
                    Share::Percent(p) => format!("{} %", format_number(p, number_style(lang))),
                    Share::Amount(a) => format_number(a, number_style(lang)),
                    Share::Rest => T::Rest.text(lang).to_string(),
                };
                format!("{t} {share}")
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}
