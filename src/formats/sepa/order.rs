//! What the caller asks to be written: plain text and numbers as they come
//! from master data and the payment run, nothing checked yet. `check`
//! turns an order into a checked one or says what is wrong with which
//! transaction and field.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A structured postal address (ISO 20022 `PostalAddress24`): town and
/// country are required, street, building number and post code optional.
/// There is no free-text address line: the EPC's address migration asks
/// for structured addresses from November 2026.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: Option<String>,
    pub building_number: Option<String>,
    pub post_code: Option<String>,
    pub town: String,
    /// ISO 3166-1 alpha-2, e.g. `DE`.
    pub country: String,
}

/// A party (debtor or creditor) with its account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub name: String,
    pub address: Option<Address>,
    pub iban: String,
    /// Optional within SEPA ("IBAN only"); written when given.
    pub bic: Option<String>,
}

/// A credit-transfer file (pain.001.001.09): we pay from `debtor`'s account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditTransferOrder {
    /// The file's id (`MsgId`); the bank refuses a second file with the
    /// same one. At most 30 characters, so that the payment-information ids
    /// `<MsgId>-<n>` fit into 35.
    pub message_id: String,
    /// `CreDtTm`, given by the caller so a file can be written again
    /// byte for byte.
    pub created_at: NaiveDateTime,
    /// The initiating party's name (usually the company).
    pub initiating_party: String,
    /// Our name, address and house-bank account.
    pub debtor: Party,
    /// `BtchBookg`: one booking per payment-information block on our
    /// statement (true) or one per transaction (false).
    pub batch_booking: bool,
    pub transfers: Vec<CreditTransfer>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditTransfer {
    /// Returned on both statements; the statement matcher finds the
    /// payment by it. Unique within the file.
    pub end_to_end_id: String,
    pub amount: Decimal,
    pub creditor: Party,
    /// Unstructured remittance information (`Ustrd`), at most 140
    /// characters; empty writes none.
    pub remittance: String,
    /// `ReqdExctnDt`: transactions of one date share a payment-information block.
    pub execution_date: NaiveDate,
}

/// SEPA direct-debit sequence type of a mandate's collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SequenceType {
    /// First of a series (`FRST`).
    First,
    /// Recurring (`RCUR`).
    Recurring,
    /// Final of a series (`FNAL`).
    Final,
    /// One-off mandate (`OOFF`).
    OneOff,
}

impl SequenceType {
    pub fn code(self) -> &'static str {
        match self {
            SequenceType::First => "FRST",
            SequenceType::Recurring => "RCUR",
            SequenceType::Final => "FNAL",
            SequenceType::OneOff => "OOFF",
        }
    }
}

/// SEPA direct-debit scheme (`LclInstrm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DirectDebitScheme {
    /// SEPA Core (consumers and businesses).
    Core,
    /// SEPA B2B (business debtors only, mandate registered at their bank).
    B2b,
}

impl DirectDebitScheme {
    pub fn code(self) -> &'static str {
        match self {
            DirectDebitScheme::Core => "CORE",
            DirectDebitScheme::B2b => "B2B",
        }
    }
}

/// A direct-debit file (pain.008.001.08): we collect into `creditor`'s account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectDebitOrder {
    /// As in [`CreditTransferOrder::message_id`].
    pub message_id: String,
    pub created_at: NaiveDateTime,
    pub initiating_party: String,
    /// Our name, address and house-bank account.
    pub creditor: Party,
    /// Our SEPA creditor identifier (Gläubiger-ID).
    pub creditor_id: String,
    pub scheme: DirectDebitScheme,
    pub batch_booking: bool,
    pub debits: Vec<DirectDebit>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectDebit {
    pub end_to_end_id: String,
    pub amount: Decimal,
    pub debtor: Party,
    /// The mandate reference as agreed with the debtor (`MndtId`).
    pub mandate_id: String,
    /// The mandate's date of signature (`DtOfSgntr`).
    pub mandate_signed_on: NaiveDate,
    pub sequence: SequenceType,
    /// `ReqdColltnDt`: debits of one date and sequence type share a
    /// payment-information block.
    pub collection_date: NaiveDate,
    pub remittance: String,
}
