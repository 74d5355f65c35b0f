//! A payment run (Zahlungslauf) as the wizard saves it: its parameters
//! (general, selection, documents) and the items it pays, each with the
//! amount and cash discount the user accepted.

use crate::ledger::open_items::ItemId;
use crate::ledger::partners::PaymentMethod;
use crate::ledger::types::{PartnerCode, PostingKey, Timestamp};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Which partners a run looks at (step 2 of the wizard).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PartnerSelection {
    #[default]
    All,
    /// Codes from..=to (both inclusive).
    Range { from: PartnerCode, to: PartnerCode },
    /// Partners of this group (Gruppe), compared case-insensitively.
    Group(String),
}

/// Steps 1 to 3: what the proposal is computed from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RunParams {
    pub name: String,
    /// The posting date of the payments and the execution / collection
    /// date of the file.
    pub run_date: NaiveDate,
    /// Vendors, paid by credit transfer.
    pub outgoing: bool,
    /// Customers with a mandate, collected by direct debit.
    pub incoming: bool,
    /// Code of the house bank paid from / collected into.
    pub house_bank: String,
    /// The next run: an item whose discount ends before it is paid now,
    /// one still discountable then is held back.
    pub next_run_date: NaiveDate,
    pub partners: PartnerSelection,
    /// Partners' payment methods taken (empty: transfer for vendors,
    /// direct debit for customers).
    pub methods: Vec<PaymentMethod>,
    /// Credit notes (items on the other side) reduce a partner's payment.
    pub include_credit_notes: bool,
    /// Items due up to and including this date.
    pub due_until: NaiveDate,
    /// Maximum total of the run (LC); `None`: no limit.
    pub max_total: Option<Decimal>,
}

/// One item the run pays: `amount` leaves the item's open amount, of
/// which `discount` is cash discount (as `payments::ItemDraft`). Credit
/// notes have the partner's other side and reduce his payment.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RunItem {
    pub item: ItemId,
    pub partner: PartnerCode,
    pub amount: Decimal,
    pub discount: Decimal,
}

/// A run the user saves: number 0 creates a new one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunDraft {
    pub number: u32,
    pub params: RunParams,
    pub items: Vec<RunItem>,
}

/// One file the run wrote (pain.001 or pain.008), kept byte for byte.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RunFile {
    pub name: String,
    pub kind: RunFileKind,
    pub bytes: Vec<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum RunFileKind {
    /// pain.001.001.09.
    CreditTransfer,
    /// pain.008.001.08.
    DirectDebit,
}

/// Where a run stands.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RunStatus {
    /// Saved: its items are reserved; it can be edited or deleted.
    Saved,
    /// Executed: the payments (numbers) were posted and the files written.
    Executed { payments: Vec<u32> },
    /// A payment order run: the files were written, no payment posted;
    /// the payments come with the bank statement (matched by end-to-end
    /// id), and the items stay reserved until then.
    Ordered,
}

/// A saved or executed payment run.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PaymentRun {
    pub number: u32,
    pub params: RunParams,
    pub items: Vec<RunItem>,
    pub status: RunStatus,
    pub files: Vec<RunFile>,
    pub by: String,
    pub at: Timestamp,
    /// The key of the execution (a command posted twice posts once).
    pub key: Option<PostingKey>,
}
