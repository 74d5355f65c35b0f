//! The invoice inbox (Rechnungseingang), issue 19: incoming invoices
//! posted as A/P entries with their original electronic document kept
//! unaltered beside the entry (GoBD). Built on posting (rank 5).
//!
//! `PostIncomingInvoice` appends, in one go, the entry (one vendor line,
//! the expense lines with their tax codes) and `InvoiceDocumentStored`
//! carrying the file's name, media type, bytes and SHA-256. The same bytes
//! are never kept twice (`DuplicateDocument` names the entry that has
//! them), so an invoice read twice is not posted twice. `apply` re-checks
//! the digest against the bytes and that the entry has the vendor line.
//!
//! Indexes: the document per entry, the entry per digest, and the
//! expense accounts last used per vendor (folded from the events; nothing
//! extra is stored), which the posting proposal offers next time.

pub mod command;
pub mod error;

pub use command::{Document, InboxCommand, InboxEvent, InboxStep, StoredDocument};
pub use error::InboxError;

use crate::ledger::partners::PartnerKind;
use crate::ledger::posting::{Context, EntryDraft, Pending, Rights, build_entry};
use crate::ledger::types::limits::{MAX_INVOICE_DOCUMENT_BYTES, MAX_TEXT_LEN};
use crate::ledger::types::{AccountNo, EntryId, Field, PartnerCode, PostedEntry, check_text};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The SHA-256 of `bytes` as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Inbox {
    documents: BTreeMap<EntryId, StoredDocument>,
    by_digest: BTreeMap<String, EntryId>,
    last_accounts: BTreeMap<PartnerCode, Vec<AccountNo>>,
}

impl Inbox {
    /// The original kept with `entry`, if any.
    pub fn document(&self, entry: EntryId) -> Option<&StoredDocument> {
        self.documents.get(&entry)
    }

    /// Every kept original, by entry.
    pub fn documents(&self) -> impl Iterator<Item = &StoredDocument> + '_ {
        self.documents.values()
    }

    /// The entry whose original has the digest `sha256`, if any.
    pub fn entry_of_digest(&self, sha256: &str) -> Option<EntryId> {
        self.by_digest.get(sha256).copied()
    }

    /// The expense accounts last posted for `vendor` through the inbox.
    pub fn last_accounts(&self, vendor: PartnerCode) -> &[AccountNo] {
        self.last_accounts
            .get(&vendor)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn check(
        &self,
        cx: Context<'_>,
        rights: Rights,
        cmd: &InboxCommand,
    ) -> Result<Vec<InboxStep>, InboxError> {
        match cmd {
            InboxCommand::PostIncomingInvoice {
                draft,
                document,
                invoice_number,
                key,
                by,
                at,
            } => {
                check_text(&document.name, Field::Reference, MAX_TEXT_LEN, true)?;
                check_text(&document.media_type, Field::Reference, MAX_TEXT_LEN, true)?;
                check_text(invoice_number, Field::Reference, MAX_TEXT_LEN, false)?;
                check_text(by, Field::User, MAX_TEXT_LEN, true)?;
                if document.bytes.is_empty() {
                    return Err(InboxError::EmptyDocument {
                        name: document.name.clone(),
                    });
                }
                if document.bytes.len() > MAX_INVOICE_DOCUMENT_BYTES {
                    return Err(InboxError::DocumentTooLarge {
                        name: document.name.clone(),
                        size: document.bytes.len(),
                        max: MAX_INVOICE_DOCUMENT_BYTES,
                    });
                }
                let sha256 = sha256_hex(&document.bytes);
                if let Some(entry) = self.entry_of_digest(&sha256) {
                    return Err(InboxError::DuplicateDocument { entry });
                }
                let vendor = draft_vendor(cx, draft)?;
                let mut keyed = (**draft).clone();
                keyed.key = Some(*key);
                let entry = build_entry(cx, &keyed, rights, &Pending::default())?;
                let stored = StoredDocument {
                    entry: entry.id,
                    name: document.name.clone(),
                    media_type: document.media_type.clone(),
                    sha256,
                    bytes: document.bytes.clone(),
                    invoice_number: invoice_number.clone(),
                    vendor,
                    expense_accounts: expense_accounts(&entry),
                    by: by.clone(),
                    at: *at,
                };
                Ok(vec![
                    InboxStep::Entry(Box::new(entry)),
                    InboxStep::Inbox(InboxEvent::InvoiceDocumentStored {
                        document: Box::new(stored),
                    }),
                ])
            }
        }
    }

    /// Folds an event in after the entry it names was posted; refuses one
    /// that does not fit (a corrupt log), changing nothing.
    pub fn apply(&mut self, cx: Context<'_>, event: &InboxEvent) -> Result<(), InboxError> {
        match event {
            InboxEvent::InvoiceDocumentStored { document } => {
                let id = document.entry;
                let mismatch = InboxError::DocumentMismatch { entry: id };
                let entry = cx
                    .journal
                    .entry(id)
                    .ok_or(crate::ledger::journal::JournalError::EntryNotFound { entry: id })?;
                let has_vendor = entry
                    .lines
                    .iter()
                    .any(|l| l.partner().map(|p| p.partner) == Some(document.vendor));
                if !has_vendor
                    || document.bytes.is_empty()
                    || self.documents.contains_key(&id)
                    || sha256_hex(&document.bytes) != document.sha256
                {
                    return Err(mismatch);
                }
                if let Some(entry) = self.entry_of_digest(&document.sha256) {
                    return Err(InboxError::DuplicateDocument { entry });
                }
                self.by_digest.insert(document.sha256.clone(), id);
                if !document.expense_accounts.is_empty() {
                    self.last_accounts
                        .insert(document.vendor, document.expense_accounts.clone());
                }
                self.documents.insert(id, (**document).clone());
            }
        }
        Ok(())
    }
}

/// The one vendor the draft's partner lines name.
fn draft_vendor(cx: Context<'_>, draft: &EntryDraft) -> Result<PartnerCode, InboxError> {
    let mut found: Option<PartnerCode> = None;
    for partner in draft.lines.iter().filter_map(|l| l.partner) {
        match found {
            Some(first) if first != partner => {
                return Err(InboxError::SeveralPartners {
                    first,
                    second: partner,
                });
            }
            _ => found = Some(partner),
        }
    }
    let vendor = found.ok_or(InboxError::NoVendorLine)?;
    match cx.partners.partner(vendor) {
        Some(p) if p.kind == PartnerKind::Vendor => Ok(vendor),
        _ => Err(InboxError::NoVendorLine),
    }
}

/// The accounts of the entry's lines without a partner and without a
/// generated tax or rounding marker, each once, in order.
fn expense_accounts(entry: &PostedEntry) -> Vec<AccountNo> {
    let mut accounts: Vec<AccountNo> = Vec::new();
    for line in &entry.lines {
        if line.partner().is_some() || line.rounding || line.tax().is_some() {
            continue;
        }
        if !accounts.contains(&line.account) {
            accounts.push(line.account);
        }
    }
    accounts
}
