//! Journal vouchers (Buchungsstapel): a batch of entry drafts that may be
//! saved incomplete or unbalanced while being edited (the store keeps the
//! draft; drafts are not events). Posting a voucher checks every entry and
//! posts all of them or none; the error names the first failing entry.

use crate::ledger::book::{Book, Pending};
use crate::ledger::entry::{EntryDraft, build_entry};
use crate::ledger::error::DomainError;
use crate::ledger::event::Event;
use serde::{Deserialize, Serialize};

/// Most entries one voucher may hold; more are refused with `VoucherTooLarge`.
pub const MAX_VOUCHER_ENTRIES: usize = 999;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voucher {
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub memo: String,
    pub entries: Vec<EntryDraft>,
}

/// The events posting all entries of `voucher` would append, or the first
/// error wrapped in `VoucherEntry { index, .. }` (0-based entry index).
pub fn check_voucher(
    book: &Book,
    voucher: &Voucher,
    allow_closing: bool,
) -> Result<Vec<Event>, DomainError> {
    let count = voucher.entries.len();
    if count == 0 {
        return Err(DomainError::VoucherEmpty);
    }
    if count > MAX_VOUCHER_ENTRIES {
        return Err(DomainError::VoucherTooLarge {
            count,
            max: MAX_VOUCHER_ENTRIES,
        });
    }
    // Entries of one voucher do not see each other except through their
    // numbers, so the Book is not cloned: `pending` counts what the earlier
    // entries of this voucher will use.
    let mut pending = Pending::default();
    let mut events = Vec::with_capacity(count);
    for (index, draft) in voucher.entries.iter().enumerate() {
        let entry = build_entry(book, draft, allow_closing, &pending).map_err(|error| {
            DomainError::VoucherEntry {
                index,
                error: Box::new(error),
            }
        })?;
        pending.add(&entry);
        events.push(Event::EntryPosted { entry });
    }
    Ok(events)
}
