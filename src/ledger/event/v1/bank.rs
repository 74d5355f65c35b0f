//! The bank sub-ledger's events as stored (added compatibly for issue 15:
//! new variants, optional fields omitted when empty). An imported file's
//! bytes are written as standard base64 text.

use super::{AccountNoV1, CurrencyV1, EventRefV1, EventV1, PartnerCodeV1, TimestampV1};
use crate::ledger::bank::{
    BalanceAt, BankEvent, BankLine, Conditions, HouseBank, ImportedFile, PostedLine, Rule,
    RuleAction, RuleSplit, Share, Sign, Statement, TextMatch,
};
use crate::ledger::event::Event;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

wire_names!(SignV1, Sign, [Sign::Credit => "credit", Sign::Debit => "debit"]);

/// Bytes as standard base64 (with padding).
pub struct BytesV1(pub Vec<u8>);

impl Serialize for BytesV1 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for BytesV1 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = BytesV1;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("standard base64")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<BytesV1, E> {
                STANDARD.decode(text).map(BytesV1).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

#[derive(Serialize, Deserialize)]
pub struct HouseBankV1 {
    code: String,
    name: String,
    account: AccountNoV1,
    iban: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    bic: String,
    currency: CurrencyV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suspense_account: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    csv_mapping: Option<String>,
}

impl From<&HouseBank> for HouseBankV1 {
    fn from(b: &HouseBank) -> HouseBankV1 {
        HouseBankV1 {
            code: b.code.clone(),
            name: b.name.clone(),
            account: AccountNoV1(b.account),
            iban: b.iban.clone(),
            bic: b.bic.clone(),
            currency: CurrencyV1(b.currency),
            suspense_account: b.suspense_account.map(AccountNoV1),
            csv_mapping: b.csv_mapping.clone(),
        }
    }
}

impl From<HouseBankV1> for HouseBank {
    fn from(b: HouseBankV1) -> HouseBank {
        HouseBank {
            code: b.code,
            name: b.name,
            account: b.account.0,
            iban: b.iban,
            bic: b.bic,
            currency: b.currency.0,
            suspense_account: b.suspense_account.map(|a| a.0),
            csv_mapping: b.csv_mapping,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct BankLineV1 {
    booking_date: NaiveDate,
    value_date: NaiveDate,
    amount: Decimal,
    currency: CurrencyV1,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    counterparty: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    iban: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    bic: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    purpose: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    creditor_reference: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    end_to_end_id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    mandate_id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    bank_reference: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    transaction_code: String,
    key: String,
}

impl From<&BankLine> for BankLineV1 {
    fn from(l: &BankLine) -> BankLineV1 {
        BankLineV1 {
            booking_date: l.booking_date,
            value_date: l.value_date,
            amount: l.amount,
            currency: CurrencyV1(l.currency),
            counterparty: l.counterparty.clone(),
            iban: l.iban.clone(),
            bic: l.bic.clone(),
            purpose: l.purpose.clone(),
            creditor_reference: l.creditor_reference.clone(),
            end_to_end_id: l.end_to_end_id.clone(),
            mandate_id: l.mandate_id.clone(),
            bank_reference: l.bank_reference.clone(),
            transaction_code: l.transaction_code.clone(),
            key: l.key.clone(),
        }
    }
}

impl From<BankLineV1> for BankLine {
    fn from(l: BankLineV1) -> BankLine {
        BankLine {
            booking_date: l.booking_date,
            value_date: l.value_date,
            amount: l.amount,
            currency: l.currency.0,
            counterparty: l.counterparty,
            iban: l.iban,
            bic: l.bic,
            purpose: l.purpose,
            creditor_reference: l.creditor_reference,
            end_to_end_id: l.end_to_end_id,
            mandate_id: l.mandate_id,
            bank_reference: l.bank_reference,
            transaction_code: l.transaction_code,
            key: l.key,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct BalanceAtV1 {
    date: NaiveDate,
    amount: Decimal,
}

fn balance_v1(b: Option<BalanceAt>) -> Option<BalanceAtV1> {
    b.map(|b| BalanceAtV1 {
        date: b.date,
        amount: b.amount,
    })
}

fn balance_of(b: Option<BalanceAtV1>) -> Option<BalanceAt> {
    b.map(|b| BalanceAt {
        date: b.date,
        amount: b.amount,
    })
}

#[derive(Serialize, Deserialize)]
pub struct StatementV1 {
    number: u32,
    house_bank: String,
    file: u32,
    statement_id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    sequence_no: String,
    format: String,
    #[serde(default, skip_serializing_if = "is_false")]
    intraday: bool,
    currency: CurrencyV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    opening: Option<BalanceAtV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    closing: Option<BalanceAtV1>,
    lines: Vec<BankLineV1>,
    #[serde(default, skip_serializing_if = "is_zero")]
    skipped: u32,
}

impl From<&Statement> for StatementV1 {
    fn from(s: &Statement) -> StatementV1 {
        StatementV1 {
            number: s.number,
            house_bank: s.house_bank.clone(),
            file: s.file,
            statement_id: s.statement_id.clone(),
            sequence_no: s.sequence_no.clone(),
            format: s.format.clone(),
            intraday: s.intraday,
            currency: CurrencyV1(s.currency),
            opening: balance_v1(s.opening),
            closing: balance_v1(s.closing),
            lines: s.lines.iter().map(BankLineV1::from).collect(),
            skipped: s.skipped,
        }
    }
}

impl From<StatementV1> for Statement {
    fn from(s: StatementV1) -> Statement {
        Statement {
            number: s.number,
            house_bank: s.house_bank,
            file: s.file,
            statement_id: s.statement_id,
            sequence_no: s.sequence_no,
            format: s.format,
            intraday: s.intraday,
            currency: s.currency.0,
            opening: balance_of(s.opening),
            closing: balance_of(s.closing),
            lines: s.lines.into_iter().map(BankLine::from).collect(),
            skipped: s.skipped,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct ImportedFileV1 {
    number: u32,
    name: String,
    bytes: BytesV1,
    by: String,
    at: TimestampV1,
}

impl From<&ImportedFile> for ImportedFileV1 {
    fn from(f: &ImportedFile) -> ImportedFileV1 {
        ImportedFileV1 {
            number: f.number,
            name: f.name.clone(),
            bytes: BytesV1(f.bytes.clone()),
            by: f.by.clone(),
            at: TimestampV1(f.at),
        }
    }
}

impl From<ImportedFileV1> for ImportedFile {
    fn from(f: ImportedFileV1) -> ImportedFile {
        ImportedFile {
            number: f.number,
            name: f.name,
            bytes: f.bytes.0,
            by: f.by,
            at: f.at.0,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TextMatchV1 {
    Contains { text: String },
    Regex { text: String },
}

#[derive(Serialize, Deserialize)]
pub struct ConditionsV1 {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    house_bank: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    iban: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    name_contains: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purpose: Option<TextMatchV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount_min: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount_max: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sign: Option<SignV1>,
}

impl From<&Conditions> for ConditionsV1 {
    fn from(c: &Conditions) -> ConditionsV1 {
        ConditionsV1 {
            house_bank: c.house_bank.clone(),
            iban: c.iban.clone(),
            name_contains: c.name_contains.clone(),
            purpose: c.purpose.as_ref().map(|p| match p {
                TextMatch::Contains(text) => TextMatchV1::Contains { text: text.clone() },
                TextMatch::Regex(text) => TextMatchV1::Regex { text: text.clone() },
            }),
            amount_min: c.amount_min,
            amount_max: c.amount_max,
            sign: c.sign.map(SignV1),
        }
    }
}

impl From<ConditionsV1> for Conditions {
    fn from(c: ConditionsV1) -> Conditions {
        Conditions {
            house_bank: c.house_bank,
            iban: c.iban,
            name_contains: c.name_contains,
            purpose: c.purpose.map(|p| match p {
                TextMatchV1::Contains { text } => TextMatch::Contains(text),
                TextMatchV1::Regex { text } => TextMatch::Regex(text),
            }),
            amount_min: c.amount_min,
            amount_max: c.amount_max,
            sign: c.sign.map(|s| s.0),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ShareV1 {
    Percent { value: Decimal },
    Amount { value: Decimal },
    Rest,
}

#[derive(Serialize, Deserialize)]
pub struct RuleSplitV1 {
    account: AccountNoV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tax_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    centre: Option<String>,
    share: ShareV1,
}

impl From<&RuleSplit> for RuleSplitV1 {
    fn from(s: &RuleSplit) -> RuleSplitV1 {
        RuleSplitV1 {
            account: AccountNoV1(s.account),
            tax_code: s.tax_code.clone(),
            centre: s.centre.clone(),
            share: match &s.share {
                Share::Percent(value) => ShareV1::Percent { value: *value },
                Share::Amount(value) => ShareV1::Amount { value: *value },
                Share::Rest => ShareV1::Rest,
            },
        }
    }
}

impl From<RuleSplitV1> for RuleSplit {
    fn from(s: RuleSplitV1) -> RuleSplit {
        RuleSplit {
            account: s.account.0,
            tax_code: s.tax_code,
            centre: s.centre,
            share: match s.share {
                ShareV1::Percent { value } => Share::Percent(value),
                ShareV1::Amount { value } => Share::Amount(value),
                ShareV1::Rest => Share::Rest,
            },
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RuleActionV1 {
    Partner { partner: PartnerCodeV1 },
    Gl { splits: Vec<RuleSplitV1> },
}

#[derive(Serialize, Deserialize)]
pub struct RuleV1 {
    id: u32,
    name: String,
    conditions: ConditionsV1,
    action: RuleActionV1,
    #[serde(default, skip_serializing_if = "is_false")]
    learned: bool,
}

impl From<&Rule> for RuleV1 {
    fn from(r: &Rule) -> RuleV1 {
        RuleV1 {
            id: r.id,
            name: r.name.clone(),
            conditions: (&r.conditions).into(),
            action: match &r.action {
                RuleAction::Partner(p) => RuleActionV1::Partner {
                    partner: PartnerCodeV1(*p),
                },
                RuleAction::Gl(splits) => RuleActionV1::Gl {
                    splits: splits.iter().map(RuleSplitV1::from).collect(),
                },
            },
            learned: r.learned,
        }
    }
}

impl From<RuleV1> for Rule {
    fn from(r: RuleV1) -> Rule {
        Rule {
            id: r.id,
            name: r.name,
            conditions: r.conditions.into(),
            action: match r.action {
                RuleActionV1::Partner { partner } => RuleAction::Partner(partner.0),
                RuleActionV1::Gl { splits } => {
                    RuleAction::Gl(splits.into_iter().map(RuleSplit::from).collect())
                }
            },
            learned: r.learned,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct PostedLineV1 {
    line: u32,
    payment: u32,
}

pub(super) fn bank_to_wire(event: &BankEvent) -> EventRefV1<'static> {
    match event {
        BankEvent::HouseBankSaved { bank, by, at } => EventRefV1::HouseBankSaved {
            bank: bank.as_ref().into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        BankEvent::FileImported { file, statements } => EventRefV1::BankFileImported {
            file: file.as_ref().into(),
            statements: statements.iter().map(StatementV1::from).collect(),
        },
        BankEvent::RuleSaved { rule, by, at } => EventRefV1::BankRuleSaved {
            rule: rule.as_ref().into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        BankEvent::RuleDeleted { id, by, at } => EventRefV1::BankRuleDeleted {
            id: *id,
            by: by.clone(),
            at: TimestampV1(*at),
        },
        BankEvent::RuleMoved { id, to, by, at } => EventRefV1::BankRuleMoved {
            id: *id,
            to: *to,
            by: by.clone(),
            at: TimestampV1(*at),
        },
        BankEvent::LinesPosted {
            statement,
            lines,
            by,
            at,
        } => EventRefV1::BankLinesPosted {
            statement: *statement,
            lines: lines
                .iter()
                .map(|l| PostedLineV1 {
                    line: l.line,
                    payment: l.payment,
                })
                .collect(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
    }
}

pub(super) fn bank_from_wire(event: EventV1) -> Event {
    use EventV1 as W;
    Event::Bank(match event {
        W::HouseBankSaved { bank, by, at } => BankEvent::HouseBankSaved {
            bank: Box::new(bank.into()),
            by,
            at: at.0,
        },
        W::BankFileImported { file, statements } => BankEvent::FileImported {
            file: Box::new(file.into()),
            statements: statements.into_iter().map(Statement::from).collect(),
        },
        W::BankRuleSaved { rule, by, at } => BankEvent::RuleSaved {
            rule: Box::new(rule.into()),
            by,
            at: at.0,
        },
        W::BankRuleDeleted { id, by, at } => BankEvent::RuleDeleted { id, by, at: at.0 },
        W::BankRuleMoved { id, to, by, at } => BankEvent::RuleMoved {
            id,
            to,
            by,
            at: at.0,
        },
        W::BankLinesPosted {
            statement,
            lines,
            by,
            at,
        } => BankEvent::LinesPosted {
            statement,
            lines: lines
                .into_iter()
                .map(|l| PostedLine {
                    line: l.line,
                    payment: l.payment,
                })
                .collect(),
            by,
            at: at.0,
        },
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    })
}
