//! A partner's change history (Änderungshistorie): who changed which
//! field when, from what to what. Every update event carries the whole
//! partner, its author and time; the fold compares it with the version
//! before and keeps the differences, so the history costs no extra
//! events and is a pure function of the log.
//!
//! Values are canonical text, language-neutral, for the screen to format
//! per field: enums by their stored names (`de`, `transfer`), flags
//! `true`/`false`, amounts as plain decimals, dates ISO, nothing as "".

use crate::ledger::gl::AccountCurrency;
use crate::ledger::partners::master::{Language, MandateSequence, Partner, PaymentMethod};
pub use crate::ledger::types::Stamp;
use crate::ledger::types::Timestamp;

/// The fields a change can touch (code and kind never change).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PartnerField {
    Name,
    Group,
    Street,
    HouseNumber,
    Postcode,
    Town,
    Country,
    VatId,
    TaxNumber,
    ContactPerson,
    Phone,
    Email,
    Language,
    BankAccounts,
    ControlAccount,
    Currency,
    PaymentTerms,
    PaymentMethod,
    PaymentBlock,
    CreditLimit,
    CommitmentLimit,
    DunningTerm,
    Mandate,
    Remarks,
    Active,
}

/// One changed field.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    pub by: String,
    pub at: Timestamp,
    pub field: PartnerField,
    pub old: String,
    pub new: String,
}

/// The fields of `p` as canonical text.
fn values(p: &Partner) -> Vec<(PartnerField, String)> {
    use PartnerField as F;
    let opt = |d: Option<rust_decimal::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        (F::Name, p.name.clone()),
        (F::Group, p.group.clone()),
        (F::Street, p.address.street.clone()),
        (F::HouseNumber, p.address.house_number.clone()),
        (F::Postcode, p.address.postcode.clone()),
        (F::Town, p.address.town.clone()),
        (F::Country, p.address.country.clone()),
        (F::VatId, p.vat_id.clone()),
        (F::TaxNumber, p.tax_number.clone()),
        (F::ContactPerson, p.contact.person.clone()),
        (F::Phone, p.contact.phone.clone()),
        (F::Email, p.contact.email.clone()),
        (F::Language, language(p.language).into()),
        (F::BankAccounts, bank_accounts(p)),
        (
            F::ControlAccount,
            p.control_account.map(|a| a.to_string()).unwrap_or_default(),
        ),
        (F::Currency, currency(p.currency)),
        (F::PaymentTerms, p.payment_terms.clone().unwrap_or_default()),
        (F::PaymentMethod, payment_method(p.payment_method).into()),
        (F::PaymentBlock, p.payment_block.to_string()),
        (F::CreditLimit, opt(p.credit_limit)),
        (F::CommitmentLimit, opt(p.commitment_limit)),
        (F::DunningTerm, p.dunning_term.clone()),
        (F::Mandate, mandate(p)),
        (F::Remarks, p.remarks.clone()),
        (F::Active, p.active.to_string()),
    ]
}

/// The changes from `old` to `new`, stamped `by`/`at`.
pub fn changes(old: &Partner, new: &Partner, stamp: &Stamp) -> Vec<Change> {
    values(old)
        .into_iter()
        .zip(values(new))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, old), (_, new))| Change {
            by: stamp.by.clone(),
            at: stamp.at,
            field,
            old,
            new,
        })
        .collect()
}

pub fn language(l: Language) -> &'static str {
    match l {
        Language::De => "de",
        Language::En => "en",
    }
}

pub fn payment_method(m: PaymentMethod) -> &'static str {
    match m {
        PaymentMethod::Transfer => "transfer",
        PaymentMethod::DirectDebit => "direct_debit",
        PaymentMethod::Cash => "cash",
        PaymentMethod::Check => "check",
        PaymentMethod::Card => "card",
    }
}

fn currency(c: AccountCurrency) -> String {
    match c {
        AccountCurrency::Local => "local".into(),
        AccountCurrency::Foreign(c) => c.to_string(),
        AccountCurrency::All => "all".into(),
    }
}

/// `IBAN BIC holder*` per account, the default marked `*`, `; ` between.
fn bank_accounts(p: &Partner) -> String {
    p.bank_accounts
        .iter()
        .map(|b| {
            let mark = if b.default { "*" } else { "" };
            format!("{} {} {}{mark}", b.iban, b.bic, b.holder)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `id signed first|recurring`.
fn mandate(p: &Partner) -> String {
    p.mandate.as_ref().map_or(String::new(), |m| {
        let sequence = match m.sequence {
            MandateSequence::First => "first",
            MandateSequence::Recurring => "recurring",
        };
        format!("{} {} {sequence}", m.id, m.signed)
    })
}
