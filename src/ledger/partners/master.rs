//! Master data of a business partner (Geschäftspartner-Stammdaten):
//! customers (Kunden, Debitoren) and vendors (Lieferanten, Kreditoren),
//! with what letters, payments and the open items need. The address is
//! structured (street, house number, postcode, town, country) because SEPA
//! payment files require it from November 2026.

use crate::ledger::gl::{AccountCurrency, AccountType, DeterminationKey};
use crate::ledger::types::limits::{CUSTOMER_CODES, VENDOR_CODES};
use crate::ledger::types::{AccountNo, PartnerCode, Side};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum PartnerKind {
    /// Kunde (Debitor).
    Customer,
    /// Lieferant (Kreditor).
    Vendor,
}

impl PartnerKind {
    /// The code range of the kind (DATEV's personal-account ranges).
    pub fn code_range(self) -> (u64, u64) {
        match self {
            PartnerKind::Customer => CUSTOMER_CODES,
            PartnerKind::Vendor => VENDOR_CODES,
        }
    }

    /// The G/L account determination key of the default control account.
    pub fn determination_key(self) -> DeterminationKey {
        match self {
            PartnerKind::Customer => DeterminationKey::Receivables,
            PartnerKind::Vendor => DeterminationKey::Payables,
        }
    }

    /// The type a control account of this kind has.
    pub fn control_type(self) -> AccountType {
        match self {
            PartnerKind::Customer => AccountType::Asset,
            PartnerKind::Vendor => AccountType::Liability,
        }
    }

    /// The side an invoice posts the partner line on: a customer's
    /// invoice is a debit (he owes us), a vendor's a credit (we owe him).
    /// Lines on the other side are credit notes and payments.
    pub fn invoice_side(self) -> Side {
        match self {
            PartnerKind::Customer => Side::Debit,
            PartnerKind::Vendor => Side::Credit,
        }
    }
}

/// The language of letters and statements to the partner.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Language {
    #[default]
    De,
    En,
}

/// How the partner usually pays or is paid (Zahlungsweg).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum PaymentMethod {
    /// Überweisung.
    #[default]
    Transfer,
    /// Lastschrift (needs a mandate for a customer).
    DirectDebit,
    Cash,
    Check,
    Card,
}

/// SEPA sequence type of the next direct debit under a mandate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum MandateSequence {
    /// FRST: the first debit under the mandate.
    First,
    /// RCUR: a later one.
    Recurring,
}

/// SEPA direct-debit mandate (Lastschriftmandat) of a customer.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mandate {
    /// Mandatsreferenz: 1..=35 characters of the SEPA character set.
    pub id: String,
    pub signed: NaiveDate,
    pub sequence: MandateSequence,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Address {
    pub street: String,
    pub house_number: String,
    pub postcode: String,
    pub town: String,
    /// ISO 3166-1 alpha-2, e.g. "DE".
    pub country: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Contact {
    pub person: String,
    pub phone: String,
    pub email: String,
}

/// A bank account of the partner; exactly one of a partner's accounts is
/// the default.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BankAccount {
    /// The IBAN in electronic form (no spaces, upper case).
    pub iban: String,
    /// BIC (8 or 11 characters); may be empty within SEPA.
    pub bic: String,
    /// Kontoinhaber, when not the partner.
    pub holder: String,
    pub default: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Partner {
    pub code: PartnerCode,
    pub kind: PartnerKind,
    pub name: String,
    /// Free grouping (Gruppe), e.g. "Gastronomie".
    pub group: String,
    pub address: Address,
    /// USt-IdNr.; may be empty.
    pub vat_id: String,
    /// Steuernummer; may be empty.
    pub tax_number: String,
    pub contact: Contact,
    pub language: Language,
    pub bank_accounts: Vec<BankAccount>,
    /// Sammelkonto. `None` in a command takes the G/L account
    /// determination's receivables or payables account; events always
    /// carry the account.
    pub control_account: Option<AccountNo>,
    /// Currencies the partner is invoiced in; lines in another currency
    /// are refused. Fixed once the partner has postings.
    pub currency: AccountCurrency,
    /// Code of the payment terms; `None`: due on the document date.
    pub payment_terms: Option<String>,
    pub payment_method: PaymentMethod,
    /// Zahlungssperre: payments to or from the partner are blocked.
    pub payment_block: bool,
    /// Kreditlimit (LC): over it, posting an invoice asks to confirm.
    pub credit_limit: Option<Decimal>,
    /// Obligo-Limit (LC): over it, posting an invoice is refused without
    /// the right to exceed it.
    pub commitment_limit: Option<Decimal>,
    /// Code of the dunning term (used by dunning); may be empty.
    pub dunning_term: String,
    /// Customers only.
    pub mandate: Option<Mandate>,
    pub remarks: String,
    pub active: bool,
}

impl Partner {
    /// A partner with a name and nothing else: country DE, German
    /// letters, transfer, default control account, no terms, active.
    pub fn new(code: PartnerCode, kind: PartnerKind, name: &str) -> Partner {
        Partner {
            code,
            kind,
            name: name.to_string(),
            group: String::new(),
            address: Address {
                country: "DE".into(),
                ..Address::default()
            },
            vat_id: String::new(),
            tax_number: String::new(),
            contact: Contact::default(),
            language: Language::De,
            bank_accounts: Vec::new(),
            control_account: None,
            currency: AccountCurrency::Local,
            payment_terms: None,
            payment_method: PaymentMethod::Transfer,
            payment_block: false,
            credit_limit: None,
            commitment_limit: None,
            dunning_term: String::new(),
            mandate: None,
            remarks: String::new(),
            active: true,
        }
    }

    /// The default bank account, if the partner has any.
    pub fn default_bank_account(&self) -> Option<&BankAccount> {
        self.bank_accounts.iter().find(|b| b.default)
    }
}
