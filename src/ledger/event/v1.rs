//! The stored form of events, version 1 (frozen): canonical JSON
//! `{"v":1,"type":"entry_posted",...}`, decimals as strings, dates as
//! `YYYY-MM-DD`, field order fixed by the structs below, absent optional
//! fields omitted where they always were. These wire structs are the only
//! serialisable types of the engine; the domain types carry no serde, so
//! a field added to the model never changes what is written. A later
//! version adds a module of its own and keeps reading this one.
//!
//! Tax codes, cost accounting and the fields they added to lines (`tax`,
//! `shares`), company details, posting keys, business partners, payment
//! terms, clearings and the partner fields of a line (`partner`,
//! `due_date`), payments (settings, payments, their cancellation) and
//! the bank sub-ledger (house banks, imported files with their bytes in
//! base64, rules, posted statement lines: `v1/bank.rs`) were added
//! compatibly: new variants, and fields omitted when empty, so
//! a log written before them decodes and replays unchanged.

use crate::ledger::costing::{
    CentreRequirement, CostCentre, CostingEvent, Dimension, DistributionBasis, DistributionRule,
    RuleShare,
};
use crate::ledger::event::Event;
use crate::ledger::gl::{
    Account, AccountCurrency, AccountType, ChartTemplate, CompanyDetails, GlDetermination, GlEvent,
    Settings,
};
use crate::ledger::open_items::{ClearedPart, Clearing, ItemId, OpenItemsEvent};
use crate::ledger::partners::{
    Address, BankAccount, BaseDate, Contact, DiscountStep, DueStart, Installment, Language,
    Mandate, MandateSequence, Partner, PartnerKind, PartnersEvent, PaymentMethod, PaymentTerms,
};
use crate::ledger::payments::{
    Direction, Means, PaidItem, PaidMeans, Payment, PaymentSettings, PaymentsEvent,
};
use crate::ledger::tax::{Kennzahl, TaxCode, TaxDirection, TaxEvent, TaxKind, TaxRate};
use crate::ledger::types::limits::DIMENSIONS;
use crate::ledger::types::{
    AccountNo, CentreShare, Currency, EntryId, FcAmount, Line, LineExtra, PartnerCode, PartnerLine,
    PeriodLayout, PeriodRef, PeriodStatus, PostedEntry, PostingKey, Side, TaxLine, TaxPart,
    Timestamp,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// A unit enum written as a fixed name: `wire_names!(SideV1, Side, [Debit
/// => "debit", ...])` makes a newtype that serialises each variant as its
/// name and reads exactly these names back. The names are the stored
/// format: never change one.
macro_rules! wire_names {
    ($wire:ident, $domain:ty, [$($variant:path => $name:literal),+ $(,)?]) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $wire(pub $domain);

        impl Serialize for $wire {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(match self.0 { $($variant => $name),+ })
            }
        }

        impl<'de> Deserialize<'de> for $wire {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $wire;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("one of: ", $($name, " "),+))
                    }
                    fn visit_str<E: de::Error>(self, text: &str) -> Result<$wire, E> {
                        match text {
                            $($name => Ok($wire($variant)),)+
                            other => Err(E::unknown_variant(other, &[$($name),+])),
                        }
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

wire_names!(SideV1, Side, [Side::Debit => "debit", Side::Credit => "credit"]);
wire_names!(AccountTypeV1, AccountType, [
    AccountType::Asset => "asset",
    AccountType::Liability => "liability",
    AccountType::Equity => "equity",
    AccountType::Revenue => "revenue",
    AccountType::Expense => "expense",
]);
wire_names!(PeriodLayoutV1, PeriodLayout, [
    PeriodLayout::Monthly => "monthly",
    PeriodLayout::Quarterly => "quarterly",
]);
wire_names!(PeriodStatusV1, PeriodStatus, [
    PeriodStatus::Unlocked => "unlocked",
    PeriodStatus::UnlockedExceptSales => "unlocked_except_sales",
    PeriodStatus::Closing => "closing",
    PeriodStatus::Locked => "locked",
]);
wire_names!(ChartTemplateV1, ChartTemplate, [
    ChartTemplate::Skr03 => "skr03",
    ChartTemplate::Skr04 => "skr04",
    ChartTemplate::Generic => "generic",
]);
wire_names!(TaxKindV1, TaxKind, [
    TaxKind::Standard => "standard",
    TaxKind::Reduced => "reduced",
    TaxKind::TaxFree => "tax_free",
    TaxKind::IntraEuSupply => "intra_eu_supply",
    TaxKind::IntraEuAcquisition => "intra_eu_acquisition",
    TaxKind::ReverseCharge13b => "reverse_charge13b",
]);
wire_names!(TaxDirectionV1, TaxDirection, [
    TaxDirection::Output => "output",
    TaxDirection::Input => "input",
]);
wire_names!(TaxPartV1, TaxPart, [TaxPart::Output => "output", TaxPart::Input => "input"]);
wire_names!(PartnerKindV1, PartnerKind, [
    PartnerKind::Customer => "customer",
    PartnerKind::Vendor => "vendor",
]);
wire_names!(LanguageV1, Language, [Language::De => "de", Language::En => "en"]);
wire_names!(PaymentMethodV1, PaymentMethod, [
    PaymentMethod::Transfer => "transfer",
    PaymentMethod::DirectDebit => "direct_debit",
    PaymentMethod::Cash => "cash",
    PaymentMethod::Check => "check",
    PaymentMethod::Card => "card",
]);
wire_names!(MandateSequenceV1, MandateSequence, [
    MandateSequence::First => "first",
    MandateSequence::Recurring => "recurring",
]);
wire_names!(BaseDateV1, BaseDate, [
    BaseDate::Document => "document",
    BaseDate::Posting => "posting",
]);
wire_names!(DueStartV1, DueStart, [
    DueStart::Date => "date",
    DueStart::MonthStart => "month_start",
    DueStart::HalfMonth => "half_month",
    DueStart::MonthEnd => "month_end",
]);
wire_names!(BasisV1, DistributionBasis, [
    DistributionBasis::Percent => "percent",
    DistributionBasis::Amount => "amount",
]);

/// A value written as text and parsed back with the domain's own parser.
macro_rules! wire_text {
    ($wire:ident, $domain:ty, $parse:expr) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $wire(pub $domain);

        impl Serialize for $wire {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.0.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $wire {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $wire;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(stringify!($domain))
                    }
                    fn visit_str<E: de::Error>(self, text: &str) -> Result<$wire, E> {
                        $parse(text).map($wire).map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }
    };
}

wire_text!(AccountNoV1, AccountNo, AccountNo::parse);
wire_text!(CurrencyV1, Currency, Currency::parse);
wire_text!(PartnerCodeV1, PartnerCode, PartnerCode::parse);

/// A change stamp's time as written: `2024-05-01T10:15:00Z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimestampV1(pub Timestamp);

impl Serialize for TimestampV1 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for TimestampV1 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = TimestampV1;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a UTC time like 2024-05-01T10:15:00Z")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<TimestampV1, E> {
                Timestamp::parse(text)
                    .map(TimestampV1)
                    .ok_or_else(|| E::custom("a time is written YYYY-MM-DDTHH:MM:SSZ"))
            }
        }
        d.deserialize_str(V)
    }
}

fn account_v1(a: Option<AccountNo>) -> Option<AccountNoV1> {
    a.map(AccountNoV1)
}

fn account_of(a: Option<AccountNoV1>) -> Option<AccountNo> {
    a.map(|a| a.0)
}

// ----- master data (rare, small: converted by cloning) -----

#[derive(Serialize, Deserialize)]
pub struct SettingsV1 {
    name: String,
    address: String,
    country: String,
    vat_id: String,
    tax_number: String,
    lc: CurrencyV1,
    sc: CurrencyV1,
    amount_decimals: u32,
    fiscal_year_start_month: u32,
    period_layout: PeriodLayoutV1,
    chart: ChartTemplateV1,
}

impl From<&Settings> for SettingsV1 {
    fn from(s: &Settings) -> SettingsV1 {
        SettingsV1 {
            name: s.name.clone(),
            address: s.address.clone(),
            country: s.country.clone(),
            vat_id: s.vat_id.clone(),
            tax_number: s.tax_number.clone(),
            lc: CurrencyV1(s.lc),
            sc: CurrencyV1(s.sc),
            amount_decimals: s.amount_decimals,
            fiscal_year_start_month: s.fiscal_year_start_month,
            period_layout: PeriodLayoutV1(s.period_layout),
            chart: ChartTemplateV1(s.chart),
        }
    }
}

impl From<SettingsV1> for Settings {
    fn from(s: SettingsV1) -> Settings {
        Settings {
            name: s.name,
            address: s.address,
            country: s.country,
            vat_id: s.vat_id,
            tax_number: s.tax_number,
            lc: s.lc.0,
            sc: s.sc.0,
            amount_decimals: s.amount_decimals,
            fiscal_year_start_month: s.fiscal_year_start_month,
            period_layout: s.period_layout.0,
            chart: s.chart.0,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct CompanyDetailsV1 {
    name: String,
    address: String,
    country: String,
    vat_id: String,
    tax_number: String,
}

impl From<&CompanyDetails> for CompanyDetailsV1 {
    fn from(d: &CompanyDetails) -> CompanyDetailsV1 {
        CompanyDetailsV1 {
            name: d.name.clone(),
            address: d.address.clone(),
            country: d.country.clone(),
            vat_id: d.vat_id.clone(),
            tax_number: d.tax_number.clone(),
        }
    }
}

impl From<CompanyDetailsV1> for CompanyDetails {
    fn from(d: CompanyDetailsV1) -> CompanyDetails {
        CompanyDetails {
            name: d.name,
            address: d.address,
            country: d.country,
            vat_id: d.vat_id,
            tax_number: d.tax_number,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "currency")]
pub enum AccountCurrencyV1 {
    Local,
    Foreign(CurrencyV1),
    All,
}

fn account_currency_v1(c: AccountCurrency) -> AccountCurrencyV1 {
    match c {
        AccountCurrency::Local => AccountCurrencyV1::Local,
        AccountCurrency::Foreign(c) => AccountCurrencyV1::Foreign(CurrencyV1(c)),
        AccountCurrency::All => AccountCurrencyV1::All,
    }
}

fn account_currency_of(c: AccountCurrencyV1) -> AccountCurrency {
    match c {
        AccountCurrencyV1::Local => AccountCurrency::Local,
        AccountCurrencyV1::Foreign(c) => AccountCurrency::Foreign(c.0),
        AccountCurrencyV1::All => AccountCurrency::All,
    }
}

#[derive(Serialize, Deserialize)]
pub struct AccountV1 {
    number: AccountNoV1,
    name_de: String,
    name_en: String,
    account_type: AccountTypeV1,
    postable: bool,
    parent: Option<AccountNoV1>,
    control: bool,
    currency: AccountCurrencyV1,
    active: bool,
}

impl From<&Account> for AccountV1 {
    fn from(a: &Account) -> AccountV1 {
        AccountV1 {
            number: AccountNoV1(a.number),
            name_de: a.name_de.clone(),
            name_en: a.name_en.clone(),
            account_type: AccountTypeV1(a.account_type),
            postable: a.postable,
            parent: account_v1(a.parent),
            control: a.control,
            currency: account_currency_v1(a.currency),
            active: a.active,
        }
    }
}

impl From<AccountV1> for Account {
    fn from(a: AccountV1) -> Account {
        Account {
            number: a.number.0,
            name_de: a.name_de,
            name_en: a.name_en,
            account_type: a.account_type.0,
            postable: a.postable,
            parent: account_of(a.parent),
            control: a.control,
            currency: account_currency_of(a.currency),
            active: a.active,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct PeriodRefV1 {
    fiscal_year: i32,
    period: u8,
}

#[derive(Default, Serialize, Deserialize)]
pub struct DeterminationV1 {
    rounding: Option<AccountNoV1>,
    opening_balance: Option<AccountNoV1>,
    retained_earnings: Option<AccountNoV1>,
    fx_gain: Option<AccountNoV1>,
    fx_loss: Option<AccountNoV1>,
    vat_input: Option<AccountNoV1>,
    vat_output: Option<AccountNoV1>,
    receivables: Option<AccountNoV1>,
    payables: Option<AccountNoV1>,
    bank_fees: Option<AccountNoV1>,
    cash_discount: Option<AccountNoV1>,
}

impl From<&GlDetermination> for DeterminationV1 {
    fn from(d: &GlDetermination) -> DeterminationV1 {
        DeterminationV1 {
            rounding: account_v1(d.rounding),
            opening_balance: account_v1(d.opening_balance),
            retained_earnings: account_v1(d.retained_earnings),
            fx_gain: account_v1(d.fx_gain),
            fx_loss: account_v1(d.fx_loss),
            vat_input: account_v1(d.vat_input),
            vat_output: account_v1(d.vat_output),
            receivables: account_v1(d.receivables),
            payables: account_v1(d.payables),
            bank_fees: account_v1(d.bank_fees),
            cash_discount: account_v1(d.cash_discount),
        }
    }
}

impl From<DeterminationV1> for GlDetermination {
    fn from(d: DeterminationV1) -> GlDetermination {
        GlDetermination {
            rounding: account_of(d.rounding),
            opening_balance: account_of(d.opening_balance),
            retained_earnings: account_of(d.retained_earnings),
            fx_gain: account_of(d.fx_gain),
            fx_loss: account_of(d.fx_loss),
            vat_input: account_of(d.vat_input),
            vat_output: account_of(d.vat_output),
            receivables: account_of(d.receivables),
            payables: account_of(d.payables),
            bank_fees: account_of(d.bank_fees),
            cash_discount: account_of(d.cash_discount),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct TaxRateV1 {
    valid_from: NaiveDate,
    percent: Decimal,
}

#[derive(Serialize, Deserialize)]
pub struct TaxCodeV1 {
    code: String,
    name_de: String,
    name_en: String,
    kind: TaxKindV1,
    direction: TaxDirectionV1,
    rates: Vec<TaxRateV1>,
    output_account: Option<AccountNoV1>,
    input_account: Option<AccountNoV1>,
    base_box: Option<u8>,
    output_tax_box: Option<u8>,
    input_tax_box: Option<u8>,
    active: bool,
}

impl From<&TaxCode> for TaxCodeV1 {
    fn from(t: &TaxCode) -> TaxCodeV1 {
        TaxCodeV1 {
            code: t.code.clone(),
            name_de: t.name_de.clone(),
            name_en: t.name_en.clone(),
            kind: TaxKindV1(t.kind),
            direction: TaxDirectionV1(t.direction),
            rates: t
                .rates
                .iter()
                .map(|r| TaxRateV1 {
                    valid_from: r.valid_from,
                    percent: r.percent,
                })
                .collect(),
            output_account: account_v1(t.output_account),
            input_account: account_v1(t.input_account),
            base_box: t.base_box.map(|k| k.0),
            output_tax_box: t.output_tax_box.map(|k| k.0),
            input_tax_box: t.input_tax_box.map(|k| k.0),
            active: t.active,
        }
    }
}

impl From<TaxCodeV1> for TaxCode {
    fn from(t: TaxCodeV1) -> TaxCode {
        TaxCode {
            code: t.code,
            name_de: t.name_de,
            name_en: t.name_en,
            kind: t.kind.0,
            direction: t.direction.0,
            rates: t
                .rates
                .into_iter()
                .map(|r| TaxRate {
                    valid_from: r.valid_from,
                    percent: r.percent,
                })
                .collect(),
            output_account: account_of(t.output_account),
            input_account: account_of(t.input_account),
            base_box: t.base_box.map(Kennzahl),
            output_tax_box: t.output_tax_box.map(Kennzahl),
            input_tax_box: t.input_tax_box.map(Kennzahl),
            active: t.active,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct DimensionV1 {
    number: u8,
    name_de: String,
    name_en: String,
    active: bool,
}

#[derive(Serialize, Deserialize)]
pub struct CostCentreV1 {
    dimension: u8,
    code: String,
    name_de: String,
    name_en: String,
    active: bool,
    #[serde(default)]
    valid_from: Option<NaiveDate>,
    #[serde(default)]
    valid_to: Option<NaiveDate>,
}

#[derive(Serialize, Deserialize)]
pub struct RuleShareV1 {
    centre: String,
    value: Decimal,
}

#[derive(Serialize, Deserialize)]
pub struct DistributionRuleV1 {
    dimension: u8,
    code: String,
    name_de: String,
    name_en: String,
    basis: BasisV1,
    shares: Vec<RuleShareV1>,
    active: bool,
    #[serde(default)]
    valid_from: Option<NaiveDate>,
    #[serde(default)]
    valid_to: Option<NaiveDate>,
}

#[derive(Serialize, Deserialize)]
pub struct CentreRequirementV1 {
    #[serde(default)]
    all_expense: bool,
    #[serde(default)]
    all_revenue: bool,
    #[serde(default)]
    accounts: Vec<AccountNoV1>,
}

impl From<&Dimension> for DimensionV1 {
    fn from(d: &Dimension) -> DimensionV1 {
        DimensionV1 {
            number: d.number,
            name_de: d.name_de.clone(),
            name_en: d.name_en.clone(),
            active: d.active,
        }
    }
}

impl From<DimensionV1> for Dimension {
    fn from(d: DimensionV1) -> Dimension {
        Dimension {
            number: d.number,
            name_de: d.name_de,
            name_en: d.name_en,
            active: d.active,
        }
    }
}

impl From<&CostCentre> for CostCentreV1 {
    fn from(c: &CostCentre) -> CostCentreV1 {
        CostCentreV1 {
            dimension: c.dimension,
            code: c.code.clone(),
            name_de: c.name_de.clone(),
            name_en: c.name_en.clone(),
            active: c.active,
            valid_from: c.valid_from,
            valid_to: c.valid_to,
        }
    }
}

impl From<CostCentreV1> for CostCentre {
    fn from(c: CostCentreV1) -> CostCentre {
        CostCentre {
            dimension: c.dimension,
            code: c.code,
            name_de: c.name_de,
            name_en: c.name_en,
            active: c.active,
            valid_from: c.valid_from,
            valid_to: c.valid_to,
        }
    }
}

impl From<&DistributionRule> for DistributionRuleV1 {
    fn from(r: &DistributionRule) -> DistributionRuleV1 {
        DistributionRuleV1 {
            dimension: r.dimension,
            code: r.code.clone(),
            name_de: r.name_de.clone(),
            name_en: r.name_en.clone(),
            basis: BasisV1(r.basis),
            shares: r
                .shares
                .iter()
                .map(|s| RuleShareV1 {
                    centre: s.centre.clone(),
                    value: s.value,
                })
                .collect(),
            active: r.active,
            valid_from: r.valid_from,
            valid_to: r.valid_to,
        }
    }
}

impl From<DistributionRuleV1> for DistributionRule {
    fn from(r: DistributionRuleV1) -> DistributionRule {
        DistributionRule {
            dimension: r.dimension,
            code: r.code,
            name_de: r.name_de,
            name_en: r.name_en,
            basis: r.basis.0,
            shares: r
                .shares
                .into_iter()
                .map(|s| RuleShare {
                    centre: s.centre,
                    value: s.value,
                })
                .collect(),
            active: r.active,
            valid_from: r.valid_from,
            valid_to: r.valid_to,
        }
    }
}

impl From<&CentreRequirement> for CentreRequirementV1 {
    fn from(r: &CentreRequirement) -> CentreRequirementV1 {
        CentreRequirementV1 {
            all_expense: r.all_expense,
            all_revenue: r.all_revenue,
            accounts: r.accounts.iter().copied().map(AccountNoV1).collect(),
        }
    }
}

impl From<CentreRequirementV1> for CentreRequirement {
    fn from(r: CentreRequirementV1) -> CentreRequirement {
        CentreRequirement {
            all_expense: r.all_expense,
            all_revenue: r.all_revenue,
            accounts: r.accounts.into_iter().map(|a| a.0).collect(),
        }
    }
}

// ----- business partners, payment terms, clearings (master data and
// rare events: converted by cloning) -----

#[derive(Serialize, Deserialize)]
pub struct AddressV1 {
    street: String,
    house_number: String,
    postcode: String,
    town: String,
    country: String,
}

#[derive(Serialize, Deserialize)]
pub struct ContactV1 {
    person: String,
    phone: String,
    email: String,
}

#[derive(Serialize, Deserialize)]
pub struct BankAccountV1 {
    iban: String,
    bic: String,
    holder: String,
    default: bool,
}

#[derive(Serialize, Deserialize)]
pub struct MandateV1 {
    id: String,
    signed: NaiveDate,
    sequence: MandateSequenceV1,
}

#[derive(Serialize, Deserialize)]
pub struct PartnerV1 {
    code: PartnerCodeV1,
    kind: PartnerKindV1,
    name: String,
    group: String,
    address: AddressV1,
    vat_id: String,
    tax_number: String,
    contact: ContactV1,
    language: LanguageV1,
    bank_accounts: Vec<BankAccountV1>,
    control_account: Option<AccountNoV1>,
    currency: AccountCurrencyV1,
    payment_terms: Option<String>,
    payment_method: PaymentMethodV1,
    payment_block: bool,
    credit_limit: Option<Decimal>,
    commitment_limit: Option<Decimal>,
    dunning_term: String,
    mandate: Option<MandateV1>,
    remarks: String,
    active: bool,
}

impl From<&Partner> for PartnerV1 {
    fn from(p: &Partner) -> PartnerV1 {
        let a = &p.address;
        PartnerV1 {
            code: PartnerCodeV1(p.code),
            kind: PartnerKindV1(p.kind),
            name: p.name.clone(),
            group: p.group.clone(),
            address: AddressV1 {
                street: a.street.clone(),
                house_number: a.house_number.clone(),
                postcode: a.postcode.clone(),
                town: a.town.clone(),
                country: a.country.clone(),
            },
            vat_id: p.vat_id.clone(),
            tax_number: p.tax_number.clone(),
            contact: ContactV1 {
                person: p.contact.person.clone(),
                phone: p.contact.phone.clone(),
                email: p.contact.email.clone(),
            },
            language: LanguageV1(p.language),
            bank_accounts: p.bank_accounts.iter().map(BankAccountV1::from).collect(),
            control_account: account_v1(p.control_account),
            currency: account_currency_v1(p.currency),
            payment_terms: p.payment_terms.clone(),
            payment_method: PaymentMethodV1(p.payment_method),
            payment_block: p.payment_block,
            credit_limit: p.credit_limit,
            commitment_limit: p.commitment_limit,
            dunning_term: p.dunning_term.clone(),
            mandate: p.mandate.as_ref().map(|m| MandateV1 {
                id: m.id.clone(),
                signed: m.signed,
                sequence: MandateSequenceV1(m.sequence),
            }),
            remarks: p.remarks.clone(),
            active: p.active,
        }
    }
}

impl From<&BankAccount> for BankAccountV1 {
    fn from(b: &BankAccount) -> BankAccountV1 {
        BankAccountV1 {
            iban: b.iban.clone(),
            bic: b.bic.clone(),
            holder: b.holder.clone(),
            default: b.default,
        }
    }
}

impl From<PartnerV1> for Partner {
    fn from(p: PartnerV1) -> Partner {
        let a = p.address;
        Partner {
            code: p.code.0,
            kind: p.kind.0,
            name: p.name,
            group: p.group,
            address: Address {
                street: a.street,
                house_number: a.house_number,
                postcode: a.postcode,
                town: a.town,
                country: a.country,
            },
            vat_id: p.vat_id,
            tax_number: p.tax_number,
            contact: Contact {
                person: p.contact.person,
                phone: p.contact.phone,
                email: p.contact.email,
            },
            language: p.language.0,
            bank_accounts: p
                .bank_accounts
                .into_iter()
                .map(|b| BankAccount {
                    iban: b.iban,
                    bic: b.bic,
                    holder: b.holder,
                    default: b.default,
                })
                .collect(),
            control_account: account_of(p.control_account),
            currency: account_currency_of(p.currency),
            payment_terms: p.payment_terms,
            payment_method: p.payment_method.0,
            payment_block: p.payment_block,
            credit_limit: p.credit_limit,
            commitment_limit: p.commitment_limit,
            dunning_term: p.dunning_term,
            mandate: p.mandate.map(|m| Mandate {
                id: m.id,
                signed: m.signed,
                sequence: m.sequence.0,
            }),
            remarks: p.remarks,
            active: p.active,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct DiscountStepV1 {
    days: u16,
    percent: Decimal,
}

#[derive(Serialize, Deserialize)]
pub struct InstallmentV1 {
    percent: Decimal,
    days: u16,
}

#[derive(Serialize, Deserialize)]
pub struct PaymentTermsV1 {
    code: String,
    name_de: String,
    name_en: String,
    base: BaseDateV1,
    start: DueStartV1,
    months: u16,
    days: u16,
    discounts: Vec<DiscountStepV1>,
    installments: Vec<InstallmentV1>,
    tolerance_days: u16,
    active: bool,
}

impl From<&PaymentTerms> for PaymentTermsV1 {
    fn from(t: &PaymentTerms) -> PaymentTermsV1 {
        PaymentTermsV1 {
            code: t.code.clone(),
            name_de: t.name_de.clone(),
            name_en: t.name_en.clone(),
            base: BaseDateV1(t.base),
            start: DueStartV1(t.start),
            months: t.months,
            days: t.days,
            discounts: t
                .discounts
                .iter()
                .map(|d| DiscountStepV1 {
                    days: d.days,
                    percent: d.percent,
                })
                .collect(),
            installments: t
                .installments
                .iter()
                .map(|i| InstallmentV1 {
                    percent: i.percent,
                    days: i.days,
                })
                .collect(),
            tolerance_days: t.tolerance_days,
            active: t.active,
        }
    }
}

impl From<PaymentTermsV1> for PaymentTerms {
    fn from(t: PaymentTermsV1) -> PaymentTerms {
        PaymentTerms {
            code: t.code,
            name_de: t.name_de,
            name_en: t.name_en,
            base: t.base.0,
            start: t.start.0,
            months: t.months,
            days: t.days,
            discounts: t
                .discounts
                .into_iter()
                .map(|d| DiscountStep {
                    days: d.days,
                    percent: d.percent,
                })
                .collect(),
            installments: t
                .installments
                .into_iter()
                .map(|i| Installment {
                    percent: i.percent,
                    days: i.days,
                })
                .collect(),
            tolerance_days: t.tolerance_days,
            active: t.active,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct ItemIdV1 {
    entry: u64,
    line: u16,
    installment: u8,
}

#[derive(Serialize, Deserialize)]
pub struct ClearedPartV1 {
    item: ItemIdV1,
    amount_lc: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount_fc: Option<Decimal>,
}

#[derive(Serialize, Deserialize)]
pub struct ClearingV1 {
    number: u32,
    partner: PartnerCodeV1,
    date: NaiveDate,
    parts: Vec<ClearedPartV1>,
    by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<TimestampV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reversal: Option<u64>,
}

impl From<&Clearing> for ClearingV1 {
    fn from(c: &Clearing) -> ClearingV1 {
        ClearingV1 {
            number: c.number,
            partner: PartnerCodeV1(c.partner),
            date: c.date,
            parts: c
                .parts
                .iter()
                .map(|p| ClearedPartV1 {
                    item: ItemIdV1 {
                        entry: p.item.entry.0,
                        line: p.item.line,
                        installment: p.item.installment,
                    },
                    amount_lc: p.amount_lc,
                    amount_fc: p.amount_fc,
                })
                .collect(),
            by: c.by.clone(),
            at: c.at.map(TimestampV1),
            reversal: c.reversal.map(|r| r.0),
        }
    }
}

impl From<ClearingV1> for Clearing {
    fn from(c: ClearingV1) -> Clearing {
        Clearing {
            number: c.number,
            partner: c.partner.0,
            date: c.date,
            parts: c
                .parts
                .into_iter()
                .map(|p| ClearedPart {
                    item: ItemId {
                        entry: EntryId(p.item.entry),
                        line: p.item.line,
                        installment: p.item.installment,
                    },
                    amount_lc: p.amount_lc,
                    amount_fc: p.amount_fc,
                })
                .collect(),
            by: c.by,
            at: c.at.map(|t| t.0),
            reversal: c.reversal.map(EntryId),
        }
    }
}

// ----- posted entries (nearly every record: borrowed when written, moved
// when read, never cloned) -----

#[derive(Serialize, Deserialize)]
pub struct FcAmountV1 {
    currency: CurrencyV1,
    amount_fc: Decimal,
    rate_fc_per_lc: Decimal,
}

#[derive(Serialize, Deserialize)]
pub struct TaxLineV1 {
    code: String,
    part: TaxPartV1,
    percent: Decimal,
    base_lc: Decimal,
    base_line: u16,
}

#[derive(Serialize, Deserialize)]
pub struct CentreShareV1 {
    dimension: u8,
    centre: String,
    amount_lc: Decimal,
}

/// A line as written: the flat object, rare parts omitted when empty.
#[derive(Serialize)]
struct LineRefV1<'a> {
    account: AccountNoV1,
    side: SideV1,
    amount_lc: &'a Decimal,
    amount_sc: &'a Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    fc: Option<FcAmountV1>,
    #[serde(skip_serializing_if = "str::is_empty")]
    memo: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    tax_code: Option<&'a str>,
    #[serde(skip_serializing_if = "dims_empty")]
    dims: &'a [Option<String>; DIMENSIONS],
    #[serde(skip_serializing_if = "is_false")]
    rounding: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    tax: Option<TaxLineV1>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    shares: Vec<CentreShareV1>,
    #[serde(skip_serializing_if = "Option::is_none")]
    partner: Option<PartnerCodeV1>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due_date: Option<NaiveDate>,
}

fn dims_empty(dims: &&[Option<String>; DIMENSIONS]) -> bool {
    dims.iter().all(Option::is_none)
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &bool) -> bool {
    !*b
}

/// A line as read: every rare part optional.
#[derive(Deserialize)]
struct LineV1 {
    account: AccountNoV1,
    side: SideV1,
    amount_lc: Decimal,
    amount_sc: Decimal,
    #[serde(default)]
    fc: Option<FcAmountV1>,
    #[serde(default)]
    memo: String,
    #[serde(default)]
    tax_code: Option<String>,
    #[serde(default)]
    dims: [Option<String>; DIMENSIONS],
    #[serde(default)]
    rounding: bool,
    #[serde(default)]
    tax: Option<TaxLineV1>,
    #[serde(default)]
    shares: Vec<CentreShareV1>,
    #[serde(default)]
    partner: Option<PartnerCodeV1>,
    #[serde(default)]
    due_date: Option<NaiveDate>,
}

impl<'a> From<&'a Line> for LineRefV1<'a> {
    fn from(l: &'a Line) -> LineRefV1<'a> {
        LineRefV1 {
            account: AccountNoV1(l.account),
            side: SideV1(l.side),
            amount_lc: &l.amount_lc,
            amount_sc: &l.amount_sc,
            fc: l.fc().map(|f| FcAmountV1 {
                currency: CurrencyV1(f.currency),
                amount_fc: f.amount_fc,
                rate_fc_per_lc: f.rate_fc_per_lc,
            }),
            memo: &l.memo,
            tax_code: l.tax_code(),
            dims: l.dims(),
            rounding: l.rounding,
            tax: l.tax().map(|t| TaxLineV1 {
                code: t.code.clone(),
                part: TaxPartV1(t.part),
                percent: t.percent,
                base_lc: t.base_lc,
                base_line: t.base_line,
            }),
            shares: l
                .shares()
                .iter()
                .map(|s| CentreShareV1 {
                    dimension: s.dimension,
                    centre: s.centre.clone(),
                    amount_lc: s.amount_lc,
                })
                .collect(),
            partner: l.partner().map(|p| PartnerCodeV1(p.partner)),
            due_date: l.partner().and_then(|p| p.due_date),
        }
    }
}

/// A line converted to the domain `Line` as soon as it is read, so that a
/// large log never holds a `Vec` of (wide) wire lines beside the domain
/// lines: the replay of 100k entries then needs no more memory than the
/// old serde-on-the-model decoder did.
#[repr(transparent)]
struct LineIn(Line);

impl<'de> Deserialize<'de> for LineIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<LineIn, D::Error> {
        LineV1::deserialize(d).map(|l| LineIn(Line::from(l)))
    }
}

impl From<LineV1> for Line {
    fn from(w: LineV1) -> Line {
        let mut line = Line::new(w.account.0, w.side.0, w.amount_lc, w.amount_sc);
        line.rounding = w.rounding;
        line.memo = w.memo;
        line.with_extra(LineExtra {
            fc: w.fc.map(|f| {
                Box::new(FcAmount {
                    currency: f.currency.0,
                    amount_fc: f.amount_fc,
                    rate_fc_per_lc: f.rate_fc_per_lc,
                })
            }),
            tax_code: w.tax_code.map(String::into_boxed_str),
            dims: LineExtra::dims(w.dims),
            tax: w.tax.map(|t| {
                Box::new(TaxLine {
                    code: t.code,
                    part: t.part.0,
                    percent: t.percent,
                    base_lc: t.base_lc,
                    base_line: t.base_line,
                })
            }),
            shares: w
                .shares
                .into_iter()
                .map(|s| CentreShare {
                    dimension: s.dimension,
                    centre: s.centre,
                    amount_lc: s.amount_lc,
                })
                .collect(),
            // A due date without a partner is not written; one read
            // without a partner is dropped (the journal never posts one).
            partner: w.partner.map(|p| {
                Box::new(PartnerLine {
                    partner: p.0,
                    due_date: w.due_date,
                })
            }),
        })
    }
}

/// A posting key as written: 32 hex digits.
#[derive(Clone, Copy)]
struct PostingKeyV1(PostingKey);

impl Serialize for PostingKeyV1 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_hex())
    }
}

impl<'de> Deserialize<'de> for PostingKeyV1 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = PostingKeyV1;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("32 hex digits")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<PostingKeyV1, E> {
                PostingKey::from_hex(text)
                    .map(PostingKeyV1)
                    .ok_or_else(|| E::custom("a posting key has 32 hex digits"))
            }
        }
        d.deserialize_str(V)
    }
}

#[derive(Serialize)]
pub struct PostedEntryRefV1<'a> {
    id: u64,
    fiscal_year: i32,
    number: u32,
    posting_date: NaiveDate,
    document_date: NaiveDate,
    due_date: NaiveDate,
    reference: &'a str,
    memo: &'a str,
    user: &'a str,
    lines: Vec<LineRefV1<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reverses: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<PostingKeyV1>,
}

#[derive(Deserialize)]
pub struct PostedEntryV1 {
    id: u64,
    fiscal_year: i32,
    number: u32,
    posting_date: NaiveDate,
    document_date: NaiveDate,
    due_date: NaiveDate,
    reference: String,
    memo: String,
    user: String,
    lines: Vec<LineIn>,
    #[serde(default)]
    reverses: Option<u64>,
    #[serde(default)]
    key: Option<PostingKeyV1>,
}

impl<'a> From<&'a PostedEntry> for PostedEntryRefV1<'a> {
    fn from(e: &'a PostedEntry) -> PostedEntryRefV1<'a> {
        PostedEntryRefV1 {
            id: e.id.0,
            fiscal_year: e.fiscal_year,
            number: e.number,
            posting_date: e.posting_date,
            document_date: e.document_date,
            due_date: e.due_date,
            reference: &e.reference,
            memo: &e.memo,
            user: &e.user,
            lines: e.lines.iter().map(LineRefV1::from).collect(),
            reverses: e.reverses.map(|r| r.0),
            key: e.key.map(PostingKeyV1),
        }
    }
}

impl From<PostedEntryV1> for PostedEntry {
    fn from(e: PostedEntryV1) -> PostedEntry {
        PostedEntry {
            id: EntryId(e.id),
            fiscal_year: e.fiscal_year,
            number: e.number,
            posting_date: e.posting_date,
            document_date: e.document_date,
            due_date: e.due_date,
            reference: e.reference,
            memo: e.memo,
            user: e.user,
            // Same layout (`repr(transparent)`): the collect reuses the
            // buffer instead of allocating a second one.
            lines: e.lines.into_iter().map(|l| l.0).collect(),
            reverses: e.reverses.map(EntryId),
            key: e.key.map(|k| k.0),
        }
    }
}

// ----- the event envelope -----

/// Every event of version 1, in the order they were added. The variant
/// names (snake_case) are the stored `type`.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum EventRefV1<'a> {
    CompanyCreated {
        settings: SettingsV1,
    },
    AccountCreated {
        account: AccountV1,
    },
    AccountUpdated {
        account: AccountV1,
    },
    AccountActiveSet {
        account: AccountNoV1,
        active: bool,
    },
    FiscalYearOpened {
        year: i32,
    },
    PeriodStatusSet {
        period: PeriodRefV1,
        status: PeriodStatusV1,
    },
    ExchangeRateSet {
        currency: CurrencyV1,
        date: NaiveDate,
        rate_fc_per_lc: Decimal,
    },
    GlDeterminationSet {
        determination: DeterminationV1,
    },
    EntryPosted {
        entry: PostedEntryRefV1<'a>,
    },
    TaxCodeCreated {
        tax_code: TaxCodeV1,
    },
    TaxCodeUpdated {
        tax_code: TaxCodeV1,
    },
    DimensionDefined {
        dimension: DimensionV1,
    },
    CostCentreCreated {
        centre: CostCentreV1,
    },
    CostCentreUpdated {
        centre: CostCentreV1,
    },
    DistributionRuleCreated {
        rule: DistributionRuleV1,
    },
    DistributionRuleUpdated {
        rule: DistributionRuleV1,
    },
    CentreRequirementSet {
        requirement: CentreRequirementV1,
    },
    CompanyDetailsUpdated {
        details: CompanyDetailsV1,
    },
    PartnerCreated {
        partner: PartnerV1,
        by: String,
        at: TimestampV1,
    },
    PartnerUpdated {
        partner: PartnerV1,
        by: String,
        at: TimestampV1,
    },
    PaymentTermsCreated {
        terms: PaymentTermsV1,
    },
    PaymentTermsUpdated {
        terms: PaymentTermsV1,
    },
    ItemsCleared {
        clearing: ClearingV1,
    },
    ClearingCancelled {
        number: u32,
        by: String,
        at: TimestampV1,
    },
    PaymentSettingsChanged {
        settings: PaymentSettingsV1,
        by: String,
        at: TimestampV1,
    },
    PaymentPosted {
        payment: PaymentV1,
    },
    PaymentCancelled {
        number: u32,
        reversal: u64,
        by: String,
        at: TimestampV1,
    },
    HouseBankSaved {
        bank: bank::HouseBankV1,
        by: String,
        at: TimestampV1,
    },
    BankFileImported {
        file: bank::ImportedFileV1,
        statements: Vec<bank::StatementV1>,
    },
    BankRuleSaved {
        rule: bank::RuleV1,
        by: String,
        at: TimestampV1,
    },
    BankRuleDeleted {
        id: u32,
        by: String,
        at: TimestampV1,
    },
    BankRuleMoved {
        id: u32,
        to: u32,
        by: String,
        at: TimestampV1,
    },
    BankLinesPosted {
        statement: u32,
        lines: Vec<bank::PostedLineV1>,
        by: String,
        at: TimestampV1,
    },
    // ----- payment runs (issue 16): types in `v1/payment_runs.rs` -----
    CreditorIdSet {
        creditor_id: String,
        by: String,
        at: TimestampV1,
    },
    PaymentRunSaved {
        run: payment_runs::PaymentRunV1,
    },
    PaymentRunDeleted {
        number: u32,
        by: String,
        at: TimestampV1,
    },
    PaymentRunExecuted {
        number: u32,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        payments: Vec<u32>,
        #[serde(default, skip_serializing_if = "is_false")]
        order_only: bool,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        files: Vec<payment_runs::RunFileV1>,
        key: PostingKeyV1,
        by: String,
        at: TimestampV1,
    },
    // (keep this line between the two groups)

    // ----- dunning (issue 16): types in `v1/dunning.rs` -----
    DunningTermSaved {
        term: dunning::DunningTermV1,
        by: String,
        at: TimestampV1,
    },
    DunningTermDeleted {
        code: String,
        by: String,
        at: TimestampV1,
    },
    DunningSettingsSet {
        settings: dunning::DunningSettingsV1,
        by: String,
        at: TimestampV1,
    },
    DunningRunExecuted {
        run: dunning::DunningRunV1,
    },

    // ----- items (issue 20): types in `v1/items.rs` -----
    ItemGroupSaved {
        group: items::ItemGroupV1,
        by: String,
        at: TimestampV1,
    },
    ItemSaved {
        item: items::ItemV1,
        by: String,
        at: TimestampV1,
    },
    PriceListSaved {
        list: items::PriceListV1,
    },
    PricesSet {
        prices: Vec<items::PriceEntryV1>,
    },
    SpecialPriceSaved {
        special: items::SpecialPriceV1,
    },
    SpecialPriceDeleted {
        id: u32,
    },
    DiscountGroupSaved {
        group: items::DiscountGroupV1,
    },
    PartnerPricingSet {
        partner: PartnerCodeV1,
        pricing: items::PartnerPricingV1,
    },

    // ----- year-end closing, opening balances (issue 17): `v1/closing.rs` -----
    YearClosed {
        year: i32,
        entries: Vec<u64>,
        by: String,
        at: TimestampV1,
    },
    ClosingReverted {
        year: i32,
        reversals: Vec<u64>,
        by: String,
        at: TimestampV1,
    },
    OpeningBalancesPosted {
        entry: u64,
        by: String,
        at: TimestampV1,
    },
    // ----- statement layout, budgets (issue 17): types in `v1/statements.rs` -----
    StatementPositionSet {
        account: AccountNoV1,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        line: Option<String>,
        by: String,
        at: TimestampV1,
    },
    BudgetsSet {
        year: i32,
        rows: Vec<statements::BudgetRowV1>,
        by: String,
        at: TimestampV1,
    },
    // ----- recurring postings, templates, loans (issue 17): types in `v1/recurring.rs` -----
    PostingTemplateSaved {
        template: recurring::PostingTemplateV1,
        by: String,
        at: TimestampV1,
    },
    PostingTemplateDeleted {
        code: String,
        by: String,
        at: TimestampV1,
    },
    StandingPostingSaved {
        posting: recurring::StandingPostingV1,
        by: String,
        at: TimestampV1,
    },
    OccurrencesPosted {
        posted: Vec<recurring::PostedOccurrenceV1>,
        by: String,
        at: TimestampV1,
    },
    OccurrenceSkipped {
        source: recurring::SourceV1,
        date: NaiveDate,
        by: String,
        at: TimestampV1,
    },
    LoanSaved {
        loan: recurring::LoanV1,
        by: String,
        at: TimestampV1,
    },
    LoanRateChanged {
        loan: u32,
        from: NaiveDate,
        rate: Decimal,
        by: String,
        at: TimestampV1,
    },
    // ----- invoice inbox (issue 19): types in `v1/inbox.rs` -----
    InvoiceDocumentStored {
        document: inbox::InvoiceDocumentV1,
    },
    // ----- DATEV settings (issue 19): types in `v1/datev.rs` -----
    DatevSettingsSet {
        settings: datev::DatevSettingsV1,
        by: String,
        at: TimestampV1,
    },
    // ----- data-entry rules (issue 18): types in `v1/entry_rules.rs` -----
    EntryRulesSet {
        rules: entry_rules::EntryRulesV1,
        by: String,
        at: TimestampV1,
    },
    DisplayDecimalsSet {
        decimals: entry_rules::DisplayDecimalsV1,
        by: String,
        at: TimestampV1,
    },
    // ----- numbering series (issue 18): types in `v1/numbering.rs` -----
    NumberSeriesSet {
        series: Vec<numbering::NumberSeriesV1>,
        by: String,
        at: TimestampV1,
    },
    SeriesNumberDrawn {
        series: String,
        year: i32,
        number: u32,
        entry: u64,
    },
    // ----- users and roles (issue 18): types in `v1/access.rs` -----
    RoleSaved {
        role: access::RoleV1,
        by: String,
        at: TimestampV1,
    },
    UserSaved {
        user: access::UserV1,
        by: String,
        at: TimestampV1,
    },
    PasswordPolicySet {
        policy: access::PasswordPolicyV1,
        by: String,
        at: TimestampV1,
    },
}

/// The same events as read (entries owned).
#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum EventV1 {
    CompanyCreated {
        settings: SettingsV1,
    },
    AccountCreated {
        account: AccountV1,
    },
    AccountUpdated {
        account: AccountV1,
    },
    AccountActiveSet {
        account: AccountNoV1,
        active: bool,
    },
    FiscalYearOpened {
        year: i32,
    },
    PeriodStatusSet {
        period: PeriodRefV1,
        status: PeriodStatusV1,
    },
    ExchangeRateSet {
        currency: CurrencyV1,
        date: NaiveDate,
        rate_fc_per_lc: Decimal,
    },
    GlDeterminationSet {
        determination: DeterminationV1,
    },
    EntryPosted {
        entry: PostedEntryV1,
    },
    TaxCodeCreated {
        tax_code: TaxCodeV1,
    },
    TaxCodeUpdated {
        tax_code: TaxCodeV1,
    },
    DimensionDefined {
        dimension: DimensionV1,
    },
    CostCentreCreated {
        centre: CostCentreV1,
    },
    CostCentreUpdated {
        centre: CostCentreV1,
    },
    DistributionRuleCreated {
        rule: DistributionRuleV1,
    },
    DistributionRuleUpdated {
        rule: DistributionRuleV1,
    },
    CentreRequirementSet {
        requirement: CentreRequirementV1,
    },
    CompanyDetailsUpdated {
        details: CompanyDetailsV1,
    },
    PartnerCreated {
        partner: PartnerV1,
        by: String,
        at: TimestampV1,
    },
    PartnerUpdated {
        partner: PartnerV1,
        by: String,
        at: TimestampV1,
    },
    PaymentTermsCreated {
        terms: PaymentTermsV1,
    },
    PaymentTermsUpdated {
        terms: PaymentTermsV1,
    },
    ItemsCleared {
        clearing: ClearingV1,
    },
    ClearingCancelled {
        number: u32,
        by: String,
        at: TimestampV1,
    },
    PaymentSettingsChanged {
        settings: PaymentSettingsV1,
        by: String,
        at: TimestampV1,
    },
    PaymentPosted {
        payment: PaymentV1,
    },
    PaymentCancelled {
        number: u32,
        reversal: u64,
        by: String,
        at: TimestampV1,
    },
    HouseBankSaved {
        bank: bank::HouseBankV1,
        by: String,
        at: TimestampV1,
    },
    BankFileImported {
        file: bank::ImportedFileV1,
        statements: Vec<bank::StatementV1>,
    },
    BankRuleSaved {
        rule: bank::RuleV1,
        by: String,
        at: TimestampV1,
    },
    BankRuleDeleted {
        id: u32,
        by: String,
        at: TimestampV1,
    },
    BankRuleMoved {
        id: u32,
        to: u32,
        by: String,
        at: TimestampV1,
    },
    BankLinesPosted {
        statement: u32,
        lines: Vec<bank::PostedLineV1>,
        by: String,
        at: TimestampV1,
    },
    // ----- payment runs (issue 16): types in `v1/payment_runs.rs` -----
    CreditorIdSet {
        creditor_id: String,
        by: String,
        at: TimestampV1,
    },
    PaymentRunSaved {
        run: payment_runs::PaymentRunV1,
    },
    PaymentRunDeleted {
        number: u32,
        by: String,
        at: TimestampV1,
    },
    PaymentRunExecuted {
        number: u32,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        payments: Vec<u32>,
        #[serde(default, skip_serializing_if = "is_false")]
        order_only: bool,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        files: Vec<payment_runs::RunFileV1>,
        key: PostingKeyV1,
        by: String,
        at: TimestampV1,
    },
    // (keep this line between the two groups)

    // ----- dunning (issue 16): types in `v1/dunning.rs` -----
    DunningTermSaved {
        term: dunning::DunningTermV1,
        by: String,
        at: TimestampV1,
    },
    DunningTermDeleted {
        code: String,
        by: String,
        at: TimestampV1,
    },
    DunningSettingsSet {
        settings: dunning::DunningSettingsV1,
        by: String,
        at: TimestampV1,
    },
    DunningRunExecuted {
        run: dunning::DunningRunV1,
    },

    // ----- items (issue 20): types in `v1/items.rs` -----
    ItemGroupSaved {
        group: items::ItemGroupV1,
        by: String,
        at: TimestampV1,
    },
    ItemSaved {
        item: items::ItemV1,
        by: String,
        at: TimestampV1,
    },
    PriceListSaved {
        list: items::PriceListV1,
    },
    PricesSet {
        prices: Vec<items::PriceEntryV1>,
    },
    SpecialPriceSaved {
        special: items::SpecialPriceV1,
    },
    SpecialPriceDeleted {
        id: u32,
    },
    DiscountGroupSaved {
        group: items::DiscountGroupV1,
    },
    PartnerPricingSet {
        partner: PartnerCodeV1,
        pricing: items::PartnerPricingV1,
    },

    // ----- year-end closing, opening balances (issue 17): `v1/closing.rs` -----
    YearClosed {
        year: i32,
        entries: Vec<u64>,
        by: String,
        at: TimestampV1,
    },
    ClosingReverted {
        year: i32,
        reversals: Vec<u64>,
        by: String,
        at: TimestampV1,
    },
    OpeningBalancesPosted {
        entry: u64,
        by: String,
        at: TimestampV1,
    },
    // ----- statement layout, budgets (issue 17): types in `v1/statements.rs` -----
    StatementPositionSet {
        account: AccountNoV1,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        line: Option<String>,
        by: String,
        at: TimestampV1,
    },
    BudgetsSet {
        year: i32,
        rows: Vec<statements::BudgetRowV1>,
        by: String,
        at: TimestampV1,
    },
    // ----- recurring postings, templates, loans (issue 17): types in `v1/recurring.rs` -----
    PostingTemplateSaved {
        template: recurring::PostingTemplateV1,
        by: String,
        at: TimestampV1,
    },
    PostingTemplateDeleted {
        code: String,
        by: String,
        at: TimestampV1,
    },
    StandingPostingSaved {
        posting: recurring::StandingPostingV1,
        by: String,
        at: TimestampV1,
    },
    OccurrencesPosted {
        posted: Vec<recurring::PostedOccurrenceV1>,
        by: String,
        at: TimestampV1,
    },
    OccurrenceSkipped {
        source: recurring::SourceV1,
        date: NaiveDate,
        by: String,
        at: TimestampV1,
    },
    LoanSaved {
        loan: recurring::LoanV1,
        by: String,
        at: TimestampV1,
    },
    LoanRateChanged {
        loan: u32,
        from: NaiveDate,
        rate: Decimal,
        by: String,
        at: TimestampV1,
    },
    // ----- invoice inbox (issue 19): types in `v1/inbox.rs` -----
    InvoiceDocumentStored {
        document: inbox::InvoiceDocumentV1,
    },
    // ----- DATEV settings (issue 19): types in `v1/datev.rs` -----
    DatevSettingsSet {
        settings: datev::DatevSettingsV1,
        by: String,
        at: TimestampV1,
    },
    // ----- data-entry rules (issue 18): types in `v1/entry_rules.rs` -----
    EntryRulesSet {
        rules: entry_rules::EntryRulesV1,
        by: String,
        at: TimestampV1,
    },
    DisplayDecimalsSet {
        decimals: entry_rules::DisplayDecimalsV1,
        by: String,
        at: TimestampV1,
    },
    // ----- numbering series (issue 18): types in `v1/numbering.rs` -----
    NumberSeriesSet {
        series: Vec<numbering::NumberSeriesV1>,
        by: String,
        at: TimestampV1,
    },
    SeriesNumberDrawn {
        series: String,
        year: i32,
        number: u32,
        entry: u64,
    },
    // ----- users and roles (issue 18): types in `v1/access.rs` -----
    RoleSaved {
        role: access::RoleV1,
        by: String,
        at: TimestampV1,
    },
    UserSaved {
        user: access::UserV1,
        by: String,
        at: TimestampV1,
    },
    PasswordPolicySet {
        policy: access::PasswordPolicyV1,
        by: String,
        at: TimestampV1,
    },
}

/// The version field first, then the event's own fields.
#[derive(Serialize)]
struct Envelope<'a> {
    v: u64,
    #[serde(flatten)]
    event: EventRefV1<'a>,
}

fn period_v1(p: PeriodRef) -> PeriodRefV1 {
    PeriodRefV1 {
        fiscal_year: p.fiscal_year,
        period: p.period,
    }
}

fn to_wire(event: &Event) -> EventRefV1<'_> {
    match event {
        Event::CompanyCreated { settings } => EventRefV1::CompanyCreated {
            settings: settings.into(),
        },
        Event::EntryPosted { entry } => EventRefV1::EntryPosted {
            entry: entry.into(),
        },
        Event::Gl(e) => gl_to_wire(e),
        Event::Tax(TaxEvent::TaxCodeCreated { tax_code }) => EventRefV1::TaxCodeCreated {
            tax_code: tax_code.into(),
        },
        Event::Tax(TaxEvent::TaxCodeUpdated { tax_code }) => EventRefV1::TaxCodeUpdated {
            tax_code: tax_code.into(),
        },
        Event::Costing(e) => costing_to_wire(e),
        Event::Partners(e) => partners_to_wire(e),
        Event::OpenItems(e) => open_items_to_wire(e),
        Event::Payments(e) => payments_to_wire(e),
        Event::Bank(e) => bank::bank_to_wire(e),
        Event::PaymentRuns(e) => payment_runs::runs_to_wire(e),
        Event::Dunning(e) => dunning::dunning_to_wire(e),
        Event::Items(e) => items::items_to_wire(e),
        Event::Recurring(e) => recurring::recurring_to_wire(e),
        Event::Closing(e) => closing::closing_to_wire(e),
        Event::Statements(e) => statements::statements_to_wire(e),
        Event::Inbox(e) => inbox::inbox_to_wire(e),
    }
}

fn partners_to_wire(event: &PartnersEvent) -> EventRefV1<'static> {
    match event {
        PartnersEvent::PartnerCreated { partner, by, at } => EventRefV1::PartnerCreated {
            partner: partner.as_ref().into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        PartnersEvent::PartnerUpdated { partner, by, at } => EventRefV1::PartnerUpdated {
            partner: partner.as_ref().into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        PartnersEvent::PaymentTermsCreated { terms } => EventRefV1::PaymentTermsCreated {
            terms: terms.into(),
        },
        PartnersEvent::PaymentTermsUpdated { terms } => EventRefV1::PaymentTermsUpdated {
            terms: terms.into(),
        },
    }
}

fn open_items_to_wire(event: &OpenItemsEvent) -> EventRefV1<'static> {
    match event {
        OpenItemsEvent::ItemsCleared { clearing } => EventRefV1::ItemsCleared {
            clearing: clearing.into(),
        },
        OpenItemsEvent::ClearingCancelled { number, by, at } => EventRefV1::ClearingCancelled {
            number: *number,
            by: by.clone(),
            at: TimestampV1(*at),
        },
    }
}

fn gl_to_wire(event: &GlEvent) -> EventRefV1<'static> {
    match event {
        GlEvent::AccountCreated { account } => EventRefV1::AccountCreated {
            account: account.into(),
        },
        GlEvent::AccountUpdated { account } => EventRefV1::AccountUpdated {
            account: account.into(),
        },
        GlEvent::AccountActiveSet { account, active } => EventRefV1::AccountActiveSet {
            account: AccountNoV1(*account),
            active: *active,
        },
        GlEvent::FiscalYearOpened { year } => EventRefV1::FiscalYearOpened { year: *year },
        GlEvent::PeriodStatusSet { period, status } => EventRefV1::PeriodStatusSet {
            period: period_v1(*period),
            status: PeriodStatusV1(*status),
        },
        GlEvent::ExchangeRateSet {
            currency,
            date,
            rate_fc_per_lc,
        } => EventRefV1::ExchangeRateSet {
            currency: CurrencyV1(*currency),
            date: *date,
            rate_fc_per_lc: *rate_fc_per_lc,
        },
        GlEvent::GlDeterminationSet { determination } => EventRefV1::GlDeterminationSet {
            determination: determination.into(),
        },
        GlEvent::CompanyDetailsUpdated { details } => EventRefV1::CompanyDetailsUpdated {
            details: details.into(),
        },
        GlEvent::DatevSettingsSet { .. } => datev::datev_to_wire(event),
        GlEvent::EntryRulesSet { .. } | GlEvent::DisplayDecimalsSet { .. } => {
            entry_rules::entry_rules_to_wire(event)
        }
        GlEvent::NumberSeriesSet { .. } | GlEvent::SeriesNumberDrawn { .. } => {
            numbering::numbering_to_wire(event)
        }
        GlEvent::RoleSaved { .. }
        | GlEvent::UserSaved { .. }
        | GlEvent::PasswordPolicySet { .. } => access::access_to_wire(event),
    }
}

fn costing_to_wire(event: &CostingEvent) -> EventRefV1<'static> {
    match event {
        CostingEvent::DimensionDefined { dimension } => EventRefV1::DimensionDefined {
            dimension: dimension.into(),
        },
        CostingEvent::CostCentreCreated { centre } => EventRefV1::CostCentreCreated {
            centre: centre.into(),
        },
        CostingEvent::CostCentreUpdated { centre } => EventRefV1::CostCentreUpdated {
            centre: centre.into(),
        },
        CostingEvent::DistributionRuleCreated { rule } => {
            EventRefV1::DistributionRuleCreated { rule: rule.into() }
        }
        CostingEvent::DistributionRuleUpdated { rule } => {
            EventRefV1::DistributionRuleUpdated { rule: rule.into() }
        }
        CostingEvent::CentreRequirementSet { requirement } => EventRefV1::CentreRequirementSet {
            requirement: requirement.into(),
        },
    }
}

fn from_wire(event: EventV1) -> Event {
    use EventV1 as W;
    let gl = Event::Gl;
    let costing = Event::Costing;
    match event {
        W::CompanyCreated { settings } => Event::CompanyCreated {
            settings: settings.into(),
        },
        W::EntryPosted { entry } => Event::EntryPosted {
            entry: entry.into(),
        },
        W::AccountCreated { account } => gl(GlEvent::AccountCreated {
            account: account.into(),
        }),
        W::AccountUpdated { account } => gl(GlEvent::AccountUpdated {
            account: account.into(),
        }),
        W::AccountActiveSet { account, active } => gl(GlEvent::AccountActiveSet {
            account: account.0,
            active,
        }),
        W::FiscalYearOpened { year } => gl(GlEvent::FiscalYearOpened { year }),
        W::PeriodStatusSet { period, status } => gl(GlEvent::PeriodStatusSet {
            period: PeriodRef {
                fiscal_year: period.fiscal_year,
                period: period.period,
            },
            status: status.0,
        }),
        W::ExchangeRateSet {
            currency,
            date,
            rate_fc_per_lc,
        } => gl(GlEvent::ExchangeRateSet {
            currency: currency.0,
            date,
            rate_fc_per_lc,
        }),
        W::GlDeterminationSet { determination } => gl(GlEvent::GlDeterminationSet {
            determination: determination.into(),
        }),
        W::CompanyDetailsUpdated { details } => gl(GlEvent::CompanyDetailsUpdated {
            details: details.into(),
        }),
        W::TaxCodeCreated { tax_code } => Event::Tax(TaxEvent::TaxCodeCreated {
            tax_code: tax_code.into(),
        }),
        W::TaxCodeUpdated { tax_code } => Event::Tax(TaxEvent::TaxCodeUpdated {
            tax_code: tax_code.into(),
        }),
        W::DimensionDefined { dimension } => costing(CostingEvent::DimensionDefined {
            dimension: dimension.into(),
        }),
        W::CostCentreCreated { centre } => costing(CostingEvent::CostCentreCreated {
            centre: centre.into(),
        }),
        W::CostCentreUpdated { centre } => costing(CostingEvent::CostCentreUpdated {
            centre: centre.into(),
        }),
        W::DistributionRuleCreated { rule } => {
            costing(CostingEvent::DistributionRuleCreated { rule: rule.into() })
        }
        W::DistributionRuleUpdated { rule } => {
            costing(CostingEvent::DistributionRuleUpdated { rule: rule.into() })
        }
        W::CentreRequirementSet { requirement } => costing(CostingEvent::CentreRequirementSet {
            requirement: requirement.into(),
        }),
        other @ (W::PartnerCreated { .. }
        | W::PartnerUpdated { .. }
        | W::PaymentTermsCreated { .. }
        | W::PaymentTermsUpdated { .. }
        | W::ItemsCleared { .. }
        | W::ClearingCancelled { .. }) => partners_from_wire(other),
        other @ (W::PaymentSettingsChanged { .. }
        | W::PaymentPosted { .. }
        | W::PaymentCancelled { .. }) => payments_from_wire(other),
        other @ (W::HouseBankSaved { .. }
        | W::BankFileImported { .. }
        | W::BankRuleSaved { .. }
        | W::BankRuleDeleted { .. }
        | W::BankRuleMoved { .. }
        | W::BankLinesPosted { .. }) => bank::bank_from_wire(other),
        other @ (W::CreditorIdSet { .. }
        | W::PaymentRunSaved { .. }
        | W::PaymentRunDeleted { .. }
        | W::PaymentRunExecuted { .. }) => payment_runs::runs_from_wire(other),
        other @ (W::DunningTermSaved { .. }
        | W::DunningTermDeleted { .. }
        | W::DunningSettingsSet { .. }
        | W::DunningRunExecuted { .. }) => dunning::dunning_from_wire(other),
        other @ (W::ItemGroupSaved { .. }
        | W::ItemSaved { .. }
        | W::PriceListSaved { .. }
        | W::PricesSet { .. }
        | W::SpecialPriceSaved { .. }
        | W::SpecialPriceDeleted { .. }
        | W::DiscountGroupSaved { .. }
        | W::PartnerPricingSet { .. }) => items::items_from_wire(other),
        other @ (W::YearClosed { .. }
        | W::ClosingReverted { .. }
        | W::OpeningBalancesPosted { .. }) => closing::closing_from_wire(other),
        other @ (W::StatementPositionSet { .. } | W::BudgetsSet { .. }) => {
            statements::statements_from_wire(other)
        }
        other @ (W::PostingTemplateSaved { .. }
        | W::PostingTemplateDeleted { .. }
        | W::StandingPostingSaved { .. }
        | W::OccurrencesPosted { .. }
        | W::OccurrenceSkipped { .. }
        | W::LoanSaved { .. }
        | W::LoanRateChanged { .. }) => recurring::recurring_from_wire(other),
        other @ W::InvoiceDocumentStored { .. } => inbox::inbox_from_wire(other),
        other @ W::DatevSettingsSet { .. } => datev::datev_from_wire(other),
        other @ (W::EntryRulesSet { .. } | W::DisplayDecimalsSet { .. }) => {
            entry_rules::entry_rules_from_wire(other)
        }
        other @ (W::NumberSeriesSet { .. } | W::SeriesNumberDrawn { .. }) => {
            numbering::numbering_from_wire(other)
        }
        other @ (W::RoleSaved { .. } | W::UserSaved { .. } | W::PasswordPolicySet { .. }) => {
            access::access_from_wire(other)
        }
    }
}

/// The events of business partners and open items, read.
fn partners_from_wire(event: EventV1) -> Event {
    use EventV1 as W;
    match event {
        W::PartnerCreated { partner, by, at } => Event::Partners(PartnersEvent::PartnerCreated {
            partner: Box::new(partner.into()),
            by,
            at: at.0,
        }),
        W::PartnerUpdated { partner, by, at } => Event::Partners(PartnersEvent::PartnerUpdated {
            partner: Box::new(partner.into()),
            by,
            at: at.0,
        }),
        W::PaymentTermsCreated { terms } => Event::Partners(PartnersEvent::PaymentTermsCreated {
            terms: terms.into(),
        }),
        W::PaymentTermsUpdated { terms } => Event::Partners(PartnersEvent::PaymentTermsUpdated {
            terms: terms.into(),
        }),
        W::ItemsCleared { clearing } => Event::OpenItems(OpenItemsEvent::ItemsCleared {
            clearing: clearing.into(),
        }),
        W::ClearingCancelled { number, by, at } => {
            Event::OpenItems(OpenItemsEvent::ClearingCancelled {
                number,
                by,
                at: at.0,
            })
        }
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    }
}

/// The canonical bytes of `event` in version 1.
pub fn encode(event: &Event) -> String {
    let envelope = Envelope {
        v: 1,
        event: to_wire(event),
    };
    // The wire types are plain structs of strings, numbers and decimals:
    // serialising them cannot fail, and an empty body must never be sealed
    // into the chain, so a failure here is a bug of ours.
    match serde_json::to_string(&envelope) {
        Ok(body) if !body.is_empty() => body,
        Ok(_) => unreachable!("an event encoded to nothing"),
        Err(e) => unreachable!("an event failed to encode: {e}"),
    }
}

/// How `encode` starts a version-1 `entry_posted` record.
pub const ENTRY_POSTED: &str = r#"{"v":1,"type":"entry_posted","#;

/// How `encode` starts every version-1 record, up to the type's name.
const TYPE_PREFIX: &str = r#"{"v":1,"type":""#;

/// The fields of `entry_posted`, read without the internally tagged enum's
/// buffering: posted entries are nearly every record of a large log.
#[derive(Deserialize)]
struct EntryPostedFields {
    entry: PostedEntryV1,
}

/// The fields of `payment_posted`: a payment of a large log's partners.
#[derive(Deserialize)]
struct PaymentPostedFields {
    payment: PaymentV1,
}

/// The fields of `items_cleared`: each payment's clearing of open items.
#[derive(Deserialize)]
struct ItemsClearedFields {
    clearing: ClearingV1,
}

/// A record of one of the kinds nearly every record of a large log is
/// (posted entries, payments and their clearings), read straight into its
/// fields without the tagged enum's buffering, which cost a third of the
/// time a payment took to decode. `None` if it is none of them or does not
/// read: the tagged enum's path then decides, and names the error.
pub fn decode_direct(body: &str) -> Option<Event> {
    let (kind, _) = body.strip_prefix(TYPE_PREFIX)?.split_once('"')?;
    match kind {
        "entry_posted" => serde_json::from_str::<EntryPostedFields>(body)
            .ok()
            .map(|f| Event::EntryPosted {
                entry: f.entry.into(),
            }),
        "payment_posted" => serde_json::from_str::<PaymentPostedFields>(body)
            .ok()
            .map(|f| {
                Event::Payments(PaymentsEvent::PaymentPosted {
                    payment: Box::new(f.payment.into()),
                })
            }),
        "items_cleared" => serde_json::from_str::<ItemsClearedFields>(body)
            .ok()
            .map(|f| {
                Event::OpenItems(OpenItemsEvent::ItemsCleared {
                    clearing: f.clearing.into(),
                })
            }),
        _ => None,
    }
}

/// Any version-1 record (the text), or serde's reason why not.
pub fn decode_str(body: &str) -> Result<Event, serde_json::Error> {
    serde_json::from_str::<EventV1>(body).map(from_wire)
}

/// Any version-1 record (an already parsed tree).
pub fn decode_value(value: serde_json::Value) -> Result<Event, serde_json::Error> {
    serde_json::from_value::<EventV1>(value).map(from_wire)
}

// ----- payments (added compatibly: new variants, optional fields omitted
// when empty) -----

wire_names!(DirectionV1, Direction, [
    Direction::Incoming => "incoming",
    Direction::Outgoing => "outgoing",
]);
wire_names!(MeansV1, Means, [
    Means::Transfer => "transfer",
    Means::Cash => "cash",
    Means::Check => "check",
    Means::CreditCard => "credit_card",
]);

fn is_zero(d: &Decimal) -> bool {
    d.is_zero()
}

#[derive(Serialize, Deserialize)]
pub struct PaymentSettingsV1 {
    tolerance_lc: Decimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    write_off_account: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    discount_accounts: BTreeMap<String, AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    discount_granted: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    discount_received: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    checks_account: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    card_account: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fx_unrealised_gain: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fx_unrealised_loss: Option<AccountNoV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    fx_adjustment_account: Option<AccountNoV1>,
    gains_within_year_only: bool,
    match_days: u16,
}

impl From<&PaymentSettings> for PaymentSettingsV1 {
    fn from(s: &PaymentSettings) -> PaymentSettingsV1 {
        PaymentSettingsV1 {
            tolerance_lc: s.tolerance_lc,
            write_off_account: account_v1(s.write_off_account),
            discount_accounts: s
                .discount_accounts
                .iter()
                .map(|(k, v)| (k.clone(), AccountNoV1(*v)))
                .collect(),
            discount_granted: account_v1(s.discount_granted),
            discount_received: account_v1(s.discount_received),
            checks_account: account_v1(s.checks_account),
            card_account: account_v1(s.card_account),
            fx_unrealised_gain: account_v1(s.fx_unrealised_gain),
            fx_unrealised_loss: account_v1(s.fx_unrealised_loss),
            fx_adjustment_account: account_v1(s.fx_adjustment_account),
            gains_within_year_only: s.gains_within_year_only,
            match_days: s.match_days,
        }
    }
}

impl From<PaymentSettingsV1> for PaymentSettings {
    fn from(s: PaymentSettingsV1) -> PaymentSettings {
        let a = |x: Option<AccountNoV1>| x.map(|x| x.0);
        PaymentSettings {
            tolerance_lc: s.tolerance_lc,
            write_off_account: a(s.write_off_account),
            discount_accounts: s
                .discount_accounts
                .into_iter()
                .map(|(k, v)| (k, v.0))
                .collect(),
            discount_granted: a(s.discount_granted),
            discount_received: a(s.discount_received),
            checks_account: a(s.checks_account),
            card_account: a(s.card_account),
            fx_unrealised_gain: a(s.fx_unrealised_gain),
            fx_unrealised_loss: a(s.fx_unrealised_loss),
            fx_adjustment_account: a(s.fx_adjustment_account),
            gains_within_year_only: s.gains_within_year_only,
            match_days: s.match_days,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct PaidMeansV1 {
    means: MeansV1,
    account: AccountNoV1,
    amount: Decimal,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    reference: String,
}

#[derive(Serialize, Deserialize)]
pub struct PaidItemV1 {
    item: ItemIdV1,
    amount: Decimal,
    #[serde(default, skip_serializing_if = "is_zero")]
    discount: Decimal,
}

#[derive(Serialize, Deserialize)]
pub struct PaymentV1 {
    number: u32,
    direction: DirectionV1,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    partner: Option<PartnerCodeV1>,
    date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    currency: Option<CurrencyV1>,
    entry: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    clearing: Option<u32>,
    means: Vec<PaidMeansV1>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    items: Vec<PaidItemV1>,
    #[serde(default, skip_serializing_if = "is_zero")]
    on_account: Decimal,
    #[serde(default, skip_serializing_if = "is_zero")]
    fee: Decimal,
    #[serde(default, skip_serializing_if = "is_zero")]
    write_off_lc: Decimal,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    reference: String,
    by: String,
    at: TimestampV1,
    key: PostingKeyV1,
}

impl From<&Payment> for PaymentV1 {
    fn from(p: &Payment) -> PaymentV1 {
        PaymentV1 {
            number: p.number,
            direction: DirectionV1(p.direction),
            partner: p.partner.map(PartnerCodeV1),
            date: p.date,
            currency: p.currency.map(CurrencyV1),
            entry: p.entry.0,
            clearing: p.clearing,
            means: p
                .means
                .iter()
                .map(|m| PaidMeansV1 {
                    means: MeansV1(m.means),
                    account: AccountNoV1(m.account),
                    amount: m.amount,
                    reference: m.reference.clone(),
                })
                .collect(),
            items: p
                .items
                .iter()
                .map(|i| PaidItemV1 {
                    item: ItemIdV1 {
                        entry: i.item.entry.0,
                        line: i.item.line,
                        installment: i.item.installment,
                    },
                    amount: i.amount,
                    discount: i.discount,
                })
                .collect(),
            on_account: p.on_account,
            fee: p.fee,
            write_off_lc: p.write_off_lc,
            reference: p.reference.clone(),
            by: p.by.clone(),
            at: TimestampV1(p.at),
            key: PostingKeyV1(p.key),
        }
    }
}

impl From<PaymentV1> for Payment {
    fn from(p: PaymentV1) -> Payment {
        Payment {
            number: p.number,
            direction: p.direction.0,
            partner: p.partner.map(|c| c.0),
            date: p.date,
            currency: p.currency.map(|c| c.0),
            entry: EntryId(p.entry),
            clearing: p.clearing,
            means: p
                .means
                .into_iter()
                .map(|m| PaidMeans {
                    means: m.means.0,
                    account: m.account.0,
                    amount: m.amount,
                    reference: m.reference,
                })
                .collect(),
            items: p
                .items
                .into_iter()
                .map(|i| PaidItem {
                    item: ItemId {
                        entry: EntryId(i.item.entry),
                        line: i.item.line,
                        installment: i.item.installment,
                    },
                    amount: i.amount,
                    discount: i.discount,
                })
                .collect(),
            on_account: p.on_account,
            fee: p.fee,
            write_off_lc: p.write_off_lc,
            reference: p.reference,
            by: p.by,
            at: p.at.0,
            key: p.key.0,
        }
    }
}

fn payments_to_wire(event: &PaymentsEvent) -> EventRefV1<'static> {
    match event {
        PaymentsEvent::SettingsChanged { settings, by, at } => EventRefV1::PaymentSettingsChanged {
            settings: settings.as_ref().into(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        PaymentsEvent::PaymentPosted { payment } => EventRefV1::PaymentPosted {
            payment: payment.as_ref().into(),
        },
        PaymentsEvent::PaymentCancelled {
            number,
            reversal,
            by,
            at,
        } => EventRefV1::PaymentCancelled {
            number: *number,
            reversal: reversal.0,
            by: by.clone(),
            at: TimestampV1(*at),
        },
    }
}

fn payments_from_wire(event: EventV1) -> Event {
    use EventV1 as W;
    Event::Payments(match event {
        W::PaymentSettingsChanged { settings, by, at } => PaymentsEvent::SettingsChanged {
            settings: Box::new(settings.into()),
            by,
            at: at.0,
        },
        W::PaymentPosted { payment } => PaymentsEvent::PaymentPosted {
            payment: Box::new(payment.into()),
        },
        W::PaymentCancelled {
            number,
            reversal,
            by,
            at,
        } => PaymentsEvent::PaymentCancelled {
            number,
            reversal: EntryId(reversal),
            by,
            at: at.0,
        },
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    })
}

// ----- bank statements (issue 15): `v1/bank.rs` -----
mod bank;

// ----- payment runs (issue 16): `v1/payment_runs.rs` -----
mod payment_runs;

// ----- dunning (issue 16): `v1/dunning.rs` -----
mod dunning;

// ----- items and prices (issue 20): `v1/items.rs` -----
mod items;

// ----- recurring postings, templates, loans (issue 17): `v1/recurring.rs` -----
mod recurring;

// ----- year-end closing, opening balances (issue 17): `v1/closing.rs` -----
mod closing;

// ----- statement layout, budgets (issue 17): `v1/statements.rs` -----
mod statements;

// ----- invoice inbox (issue 19): `v1/inbox.rs` -----
mod inbox;
// ----- DATEV settings (issue 19): `v1/datev.rs` -----
mod datev;
// ----- data-entry rules (issue 18): `v1/entry_rules.rs` -----
mod entry_rules;
// ----- numbering series (issue 18): `v1/numbering.rs` -----
mod numbering;
// ----- users and roles (issue 18): `v1/access.rs` -----
mod access;
