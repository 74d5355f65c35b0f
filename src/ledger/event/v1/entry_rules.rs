//! The data-entry rules and display decimals as stored (issue 18: G/L
//! variants `entry_rules_set` and `display_decimals_set`). Modes as words;
//! a day limit that is not set and an empty list of cash accounts are left
//! out.

use super::{AccountNoV1, EventRefV1, EventV1, TimestampV1};
use crate::ledger::event::Event;
use crate::ledger::gl::{DisplayDecimals, EntryRules, GlEvent, RuleMode};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

wire_names!(RuleModeV1, RuleMode, [
    RuleMode::Off => "off",
    RuleMode::Warn => "warn",
    RuleMode::Refuse => "refuse",
]);

#[derive(Serialize, Deserialize)]
pub struct EntryRulesV1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days_back: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days_ahead: Option<u32>,
    date_window: RuleModeV1,
    reference: RuleModeV1,
    document_date: RuleModeV1,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    cash_accounts: Vec<AccountNoV1>,
    cash_negative: RuleModeV1,
}

#[derive(Serialize, Deserialize)]
pub struct DisplayDecimalsV1 {
    rates: u32,
    quantities: u32,
}

pub(super) fn entry_rules_to_wire(event: &GlEvent) -> EventRefV1<'static> {
    match event {
        GlEvent::EntryRulesSet { rules, by, at } => EventRefV1::EntryRulesSet {
            rules: EntryRulesV1 {
                days_back: rules.days_back,
                days_ahead: rules.days_ahead,
                date_window: RuleModeV1(rules.date_window),
                reference: RuleModeV1(rules.reference),
                document_date: RuleModeV1(rules.document_date),
                cash_accounts: rules
                    .cash_accounts
                    .iter()
                    .copied()
                    .map(AccountNoV1)
                    .collect(),
                cash_negative: RuleModeV1(rules.cash_negative),
            },
            by: by.clone(),
            at: TimestampV1(*at),
        },
        GlEvent::DisplayDecimalsSet { decimals, by, at } => EventRefV1::DisplayDecimalsSet {
            decimals: DisplayDecimalsV1 {
                rates: decimals.rates,
                quantities: decimals.quantities,
            },
            by: by.clone(),
            at: TimestampV1(*at),
        },
        // `gl_to_wire` hands over only the variants above.
        _ => unreachable!("gl_to_wire writes the other G/L events itself"),
    }
}

pub(super) fn entry_rules_from_wire(event: EventV1) -> Event {
    match event {
        EventV1::EntryRulesSet { rules, by, at } => Event::Gl(GlEvent::EntryRulesSet {
            rules: EntryRules {
                days_back: rules.days_back,
                days_ahead: rules.days_ahead,
                date_window: rules.date_window.0,
                reference: rules.reference.0,
                document_date: rules.document_date.0,
                cash_accounts: rules.cash_accounts.into_iter().map(|a| a.0).collect(),
                cash_negative: rules.cash_negative.0,
            },
            by,
            at: at.0,
        }),
        EventV1::DisplayDecimalsSet { decimals, by, at } => {
            Event::Gl(GlEvent::DisplayDecimalsSet {
                decimals: DisplayDecimals {
                    rates: decimals.rates,
                    quantities: decimals.quantities,
                },
                by,
                at: at.0,
            })
        }
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    }
}
