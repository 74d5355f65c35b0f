//! Commands and events of the invoice inbox (Rechnungseingang).

use crate::ledger::posting::EntryDraft;
use crate::ledger::types::{AccountNo, EntryId, PartnerCode, PostedEntry, PostingKey, Timestamp};
use std::sync::Arc;

/// An original document as received: its file name, media type and bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub name: String,
    /// e.g. `application/xml`, `application/pdf`.
    pub media_type: String,
    pub bytes: Arc<[u8]>,
}

/// A stored original, kept with the A/P entry it was posted as.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoredDocument {
    pub entry: EntryId,
    pub name: String,
    pub media_type: String,
    /// SHA-256 of `bytes`, 64 lowercase hex digits.
    pub sha256: String,
    pub bytes: Arc<[u8]>,
    pub invoice_number: String,
    pub vendor: PartnerCode,
    /// The G/L accounts of the entry's lines without a partner, in order,
    /// each once: the vendor's expense accounts to propose next time.
    pub expense_accounts: Vec<AccountNo>,
    pub by: String,
    pub at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InboxCommand {
    /// Posts an incoming invoice (an entry with one vendor line) and keeps
    /// its original document with it, in one append.
    PostIncomingInvoice {
        draft: Box<EntryDraft>,
        document: Document,
        invoice_number: String,
        key: PostingKey,
        by: String,
        at: Timestamp,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InboxEvent {
    /// The original of `entry` (posted by the record before).
    InvoiceDocumentStored { document: Box<StoredDocument> },
}

/// What an inbox command appends, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum InboxStep {
    Entry(Box<PostedEntry>),
    Inbox(InboxEvent),
}
