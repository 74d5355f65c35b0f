//! The dunning sub-ledger's events as stored (added compatibly for issue
//! 16: new variants; flags written only when set, empty lists and zero
//! amounts of an item omitted). An executed run stores every figure its
//! letters showed (levels, interest periods, fees), so a letter printed
//! later shows what was charged, whatever the base-rate table says then.

use super::{AccountNoV1, EventRefV1, EventV1, ItemIdV1, PartnerCodeV1, PostingKeyV1, TimestampV1};
use crate::finance::interest::{BaseRate, DayCount, DebtorKind, InterestPeriod};
use crate::ledger::dunning::{
    DunnedItem, DunningEvent, DunningLevel, DunningRun, DunningSettings, DunningTerm, InterestBase,
    Letter, ProposedLetter,
};
use crate::ledger::event::Event;
use crate::ledger::open_items::ItemId;
use crate::ledger::types::EntryId;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero_level(n: &u8) -> bool {
    *n == 0
}

fn is_zero(d: &Decimal) -> bool {
    d.is_zero()
}

wire_names!(InterestBaseV1, InterestBase, [
    InterestBase::Remaining => "remaining",
    InterestBase::Original => "original",
]);
wire_names!(DayCountV1, DayCount, [DayCount::Act365 => "act365", DayCount::Act360 => "act360"]);
wire_names!(DebtorKindV1, DebtorKind, [
    DebtorKind::Consumer => "consumer",
    DebtorKind::Business => "business",
]);

#[derive(Serialize, Deserialize)]
pub struct DunningLevelV1 {
    days_after_due: u16,
    fee: Decimal,
    min_balance: Decimal,
    #[serde(default, skip_serializing_if = "is_false")]
    interest: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    text_de: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    text_en: String,
}

#[derive(Serialize, Deserialize)]
pub struct DunningTermV1 {
    code: String,
    name: String,
    levels: Vec<DunningLevelV1>,
    #[serde(default, skip_serializing_if = "is_false")]
    group_items: bool,
    interest_base: InterestBaseV1,
    day_count: DayCountV1,
    debtor: DebtorKindV1,
    #[serde(default, skip_serializing_if = "is_false")]
    flat_fee: bool,
}

impl From<&DunningTerm> for DunningTermV1 {
    fn from(t: &DunningTerm) -> DunningTermV1 {
        DunningTermV1 {
            code: t.code.clone(),
            name: t.name.clone(),
            levels: t
                .levels
                .iter()
                .map(|l| DunningLevelV1 {
                    days_after_due: l.days_after_due,
                    fee: l.fee,
                    min_balance: l.min_balance,
                    interest: l.interest,
                    text_de: l.text_de.clone(),
                    text_en: l.text_en.clone(),
                })
                .collect(),
            group_items: t.group_items,
            interest_base: InterestBaseV1(t.interest_base),
            day_count: DayCountV1(t.day_count),
            debtor: DebtorKindV1(t.debtor),
            flat_fee: t.flat_fee,
        }
    }
}

impl From<DunningTermV1> for DunningTerm {
    fn from(t: DunningTermV1) -> DunningTerm {
        DunningTerm {
            code: t.code,
            name: t.name,
            levels: t
                .levels
                .into_iter()
                .map(|l| DunningLevel {
                    days_after_due: l.days_after_due,
                    fee: l.fee,
                    min_balance: l.min_balance,
                    interest: l.interest,
                    text_de: l.text_de,
                    text_en: l.text_en,
                })
                .collect(),
            group_items: t.group_items,
            interest_base: t.interest_base.0,
            day_count: t.day_count.0,
            debtor: t.debtor.0,
            flat_fee: t.flat_fee,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct BaseRateV1 {
    valid_from: NaiveDate,
    percent: Decimal,
}

#[derive(Serialize, Deserialize)]
pub struct DunningSettingsV1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fee_account: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    interest_account: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base_rates: Option<Vec<BaseRateV1>>,
}

impl From<&DunningSettings> for DunningSettingsV1 {
    fn from(s: &DunningSettings) -> DunningSettingsV1 {
        DunningSettingsV1 {
            fee_account: s.fee_account.map(AccountNoV1),
            interest_account: s.interest_account.map(AccountNoV1),
            base_rates: s.base_rates.as_ref().map(|rates| {
                rates
                    .iter()
                    .map(|r| BaseRateV1 {
                        valid_from: r.valid_from,
                        percent: r.percent,
                    })
                    .collect()
            }),
        }
    }
}

impl From<DunningSettingsV1> for DunningSettings {
    fn from(s: DunningSettingsV1) -> DunningSettings {
        DunningSettings {
            fee_account: s.fee_account.map(|a| a.0),
            interest_account: s.interest_account.map(|a| a.0),
            base_rates: s.base_rates.map(|rates| {
                rates
                    .into_iter()
                    .map(|r| BaseRate {
                        valid_from: r.valid_from,
                        percent: r.percent,
                    })
                    .collect()
            }),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct InterestPeriodV1 {
    from: NaiveDate,
    to: NaiveDate,
    days: i64,
    base_rate: Decimal,
    rate: Decimal,
    interest: Decimal,
}

#[derive(Serialize, Deserialize)]
pub struct DunnedItemV1 {
    item: ItemIdV1,
    document_date: NaiveDate,
    due_date: NaiveDate,
    days_overdue: i64,
    amount: Decimal,
    open: Decimal,
    #[serde(default, skip_serializing_if = "is_zero_level")]
    previous_level: u8,
    level: u8,
    #[serde(default, skip_serializing_if = "is_zero")]
    interest: Decimal,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    periods: Vec<InterestPeriodV1>,
    #[serde(default, skip_serializing_if = "is_zero")]
    flat_fee: Decimal,
}

impl From<&DunnedItem> for DunnedItemV1 {
    fn from(i: &DunnedItem) -> DunnedItemV1 {
        DunnedItemV1 {
            item: ItemIdV1 {
                entry: i.item.entry.0,
                line: i.item.line,
                installment: i.item.installment,
            },
            document_date: i.document_date,
            due_date: i.due_date,
            days_overdue: i.days_overdue,
            amount: i.amount,
            open: i.open,
            previous_level: i.previous_level,
            level: i.level,
            interest: i.interest,
            periods: i
                .periods
                .iter()
                .map(|p| InterestPeriodV1 {
                    from: p.from,
                    to: p.to,
                    days: p.days,
                    base_rate: p.base_rate,
                    rate: p.rate,
                    interest: p.interest,
                })
                .collect(),
            flat_fee: i.flat_fee,
        }
    }
}

impl From<DunnedItemV1> for DunnedItem {
    fn from(i: DunnedItemV1) -> DunnedItem {
        DunnedItem {
            item: ItemId {
                entry: EntryId(i.item.entry),
                line: i.item.line,
                installment: i.item.installment,
            },
            document_date: i.document_date,
            due_date: i.due_date,
            days_overdue: i.days_overdue,
            amount: i.amount,
            open: i.open,
            previous_level: i.previous_level,
            level: i.level,
            interest: i.interest,
            periods: i
                .periods
                .into_iter()
                .map(|p| InterestPeriod {
                    from: p.from,
                    to: p.to,
                    days: p.days,
                    base_rate: p.base_rate,
                    rate: p.rate,
                    interest: p.interest,
                })
                .collect(),
            flat_fee: i.flat_fee,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct LetterV1 {
    partner: PartnerCodeV1,
    level: u8,
    items: Vec<DunnedItemV1>,
    #[serde(default, skip_serializing_if = "is_zero")]
    fee: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entry: Option<u64>,
}

#[derive(Serialize, Deserialize)]
pub struct DunningRunV1 {
    number: u32,
    date: NaiveDate,
    letters: Vec<LetterV1>,
    by: String,
    at: TimestampV1,
    key: PostingKeyV1,
}

impl From<&DunningRun> for DunningRunV1 {
    fn from(r: &DunningRun) -> DunningRunV1 {
        DunningRunV1 {
            number: r.number,
            date: r.date,
            letters: r
                .letters
                .iter()
                .map(|l| LetterV1 {
                    partner: PartnerCodeV1(l.letter.partner),
                    level: l.letter.level,
                    items: l.letter.items.iter().map(DunnedItemV1::from).collect(),
                    fee: l.letter.fee,
                    entry: l.entry.map(|e| e.0),
                })
                .collect(),
            by: r.by.clone(),
            at: TimestampV1(r.at),
            key: PostingKeyV1(r.key),
        }
    }
}

impl From<DunningRunV1> for DunningRun {
    fn from(r: DunningRunV1) -> DunningRun {
        DunningRun {
            number: r.number,
            date: r.date,
            letters: r
                .letters
                .into_iter()
                .map(|l| Letter {
                    letter: ProposedLetter {
                        partner: l.partner.0,
                        level: l.level,
                        items: l.items.into_iter().map(DunnedItem::from).collect(),
                        fee: l.fee,
                    },
                    entry: l.entry.map(EntryId),
                })
                .collect(),
            by: r.by,
            at: r.at.0,
            key: r.key.0,
        }
    }
}

pub(super) fn dunning_to_wire(event: &DunningEvent) -> EventRefV1<'static> {
    match event {
        DunningEvent::TermSaved { term, by, at } => EventRefV1::DunningTermSaved {
            term: term.as_ref().into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        DunningEvent::TermDeleted { code, by, at } => EventRefV1::DunningTermDeleted {
            code: code.clone(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        DunningEvent::SettingsSet { settings, by, at } => EventRefV1::DunningSettingsSet {
            settings: settings.as_ref().into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        DunningEvent::RunExecuted { run } => EventRefV1::DunningRunExecuted {
            run: run.as_ref().into(),
        },
    }
}

pub(super) fn dunning_from_wire(event: EventV1) -> Event {
    use EventV1 as W;
    Event::Dunning(match event {
        W::DunningTermSaved { term, by, at } => DunningEvent::TermSaved {
            term: Box::new(term.into()),
            by,
            at: at.0,
        },
        W::DunningTermDeleted { code, by, at } => DunningEvent::TermDeleted { code, by, at: at.0 },
        W::DunningSettingsSet { settings, by, at } => DunningEvent::SettingsSet {
            settings: Box::new(settings.into()),
            by,
            at: at.0,
        },
        W::DunningRunExecuted { run } => DunningEvent::RunExecuted {
            run: Box::new(run.into()),
        },
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    })
}
