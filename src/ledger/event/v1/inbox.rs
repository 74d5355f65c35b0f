//! The invoice inbox's events as stored (issue 19: a new variant). The
//! original document's bytes are standard base64 text, like a bank file;
//! the bytes come last so the readable fields lead the record.

use super::bank::BytesV1;
use super::{AccountNoV1, EventRefV1, EventV1, PartnerCodeV1, TimestampV1};
use crate::ledger::event::Event;
use crate::ledger::inbox::{InboxEvent, StoredDocument};
use crate::ledger::types::EntryId;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct InvoiceDocumentV1 {
    entry: u64,
    name: String,
    media_type: String,
    sha256: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    invoice_number: String,
    vendor: PartnerCodeV1,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    expense_accounts: Vec<AccountNoV1>,
    by: String,
    at: TimestampV1,
    bytes: BytesV1,
}

pub(super) fn inbox_to_wire(event: &InboxEvent) -> EventRefV1<'static> {
    match event {
        InboxEvent::InvoiceDocumentStored { document: d } => EventRefV1::InvoiceDocumentStored {
            document: InvoiceDocumentV1 {
                entry: d.entry.0,
                name: d.name.clone(),
                media_type: d.media_type.clone(),
                sha256: d.sha256.clone(),
                invoice_number: d.invoice_number.clone(),
                vendor: PartnerCodeV1(d.vendor),
                expense_accounts: d
                    .expense_accounts
                    .iter()
                    .copied()
                    .map(AccountNoV1)
                    .collect(),
                by: d.by.clone(),
                at: TimestampV1(d.at),
                bytes: BytesV1(d.bytes.to_vec()),
            },
        },
    }
}

pub(super) fn inbox_from_wire(event: EventV1) -> Event {
    match event {
        EventV1::InvoiceDocumentStored { document: d } => {
            Event::Inbox(InboxEvent::InvoiceDocumentStored {
                document: Box::new(StoredDocument {
                    entry: EntryId(d.entry),
                    name: d.name,
                    media_type: d.media_type,
                    sha256: d.sha256,
                    bytes: d.bytes.0.into(),
                    invoice_number: d.invoice_number,
                    vendor: d.vendor.0,
                    expense_accounts: d.expense_accounts.into_iter().map(|a| a.0).collect(),
                    by: d.by,
                    at: d.at.0,
                }),
            })
        }
        // `from_wire` hands over only the variant above.
        _ => unreachable!("from_wire reads the other events itself"),
    }
}
