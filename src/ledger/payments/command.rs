//! Commands and events of the payment sub-ledger. A payments command
//! appends, in order, what `Payments::check` returns as `Step`s: the
//! clearings it cancels, the entries it posts, the clearings it makes and
//! its own event, all in one append.

use crate::ledger::open_items::{ItemId, OpenItemsEvent};
use crate::ledger::payments::draft::{Direction, Means, PaymentDraft};
use crate::ledger::payments::reconcile::AutoReconcileDraft;
use crate::ledger::payments::revaluation::RevaluationDraft;
use crate::ledger::payments::settings::PaymentSettings;
use crate::ledger::types::{
    AccountNo, Currency, EntryId, PartnerCode, PostedEntry, PostingKey, Timestamp,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentsCommand {
    SetSettings {
        settings: Box<PaymentSettings>,
        by: String,
        at: Timestamp,
    },
    /// One payment: one entry and the clearing of the items it pays.
    Post {
        draft: Box<PaymentDraft>,
        at: Timestamp,
    },
    /// Storno of payment `number`: re-opens the items it cleared and posts
    /// the reversal of its entry on `date` (default: the payment's date).
    Cancel {
        number: u32,
        date: Option<NaiveDate>,
        by: String,
        at: Timestamp,
    },
    /// Automatic internal reconciliation over all partners.
    AutoReconcile { draft: AutoReconcileDraft },
    /// Period-end foreign-currency revaluation (Fremdwährungsbewertung).
    Revalue { draft: RevaluationDraft },
}

/// One means as the payment recorded it (account resolved, LC amount).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PaidMeans {
    pub means: Means,
    pub account: AccountNo,
    #[serde(with = "crate::ledger::types::compact::decimal")]
    pub amount: Decimal,
    pub reference: String,
}

/// One item as the payment settled it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PaidItem {
    pub item: ItemId,
    #[serde(with = "crate::ledger::types::compact::decimal")]
    pub amount: Decimal,
    #[serde(with = "crate::ledger::types::compact::decimal")]
    pub discount: Decimal,
}

/// A posted payment (Zahlung), numbered 1, 2, 3 … over the company's life.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Payment {
    pub number: u32,
    pub direction: Direction,
    pub partner: Option<PartnerCode>,
    #[serde(with = "crate::ledger::types::compact::date")]
    pub date: NaiveDate,
    pub currency: Option<Currency>,
    /// The payment's entry.
    pub entry: EntryId,
    /// The clearing of the paid items against the payment's partner line.
    pub clearing: Option<u32>,
    pub means: Vec<PaidMeans>,
    pub items: Vec<PaidItem>,
    #[serde(with = "crate::ledger::types::compact::decimal")]
    pub on_account: Decimal,
    #[serde(with = "crate::ledger::types::compact::decimal")]
    pub fee: Decimal,
    /// Written-off difference, debit positive (LC).
    #[serde(with = "crate::ledger::types::compact::decimal")]
    pub write_off_lc: Decimal,
    pub reference: String,
    pub by: String,
    pub at: Timestamp,
    pub key: PostingKey,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentsEvent {
    SettingsChanged {
        settings: Box<PaymentSettings>,
        by: String,
        at: Timestamp,
    },
    /// Appended after the payment's entry and clearing.
    PaymentPosted { payment: Box<Payment> },
    /// Appended after the cancelled clearing, the reversal and its clearing.
    PaymentCancelled {
        number: u32,
        reversal: EntryId,
        by: String,
        at: Timestamp,
    },
}

/// What a payments command appends, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    OpenItems(OpenItemsEvent),
    Entry(Box<PostedEntry>),
    Payments(PaymentsEvent),
}
