//! Journal vouchers (Buchungsstapel): a batch of entry drafts that may be
//! saved incomplete or unbalanced while being edited (the store keeps the
//! draft; drafts are not events). Posting a voucher checks every entry and
//! posts all of them or none; the error names the first failing entry.
//! The voucher's key goes on its first entry, so the whole batch is
//! remembered as posted.

use crate::ledger::gl::GlEvent;
use crate::ledger::journal::JournalError;
use crate::ledger::posting::build::build_numbered;
use crate::ledger::posting::draft::EntryDraft;
use crate::ledger::posting::{Context, Pending, Rights};
use crate::ledger::types::limits::MAX_VOUCHER_ENTRIES;
use crate::ledger::types::{PostedEntry, PostingKey};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Voucher {
    pub reference: String,
    pub memo: String,
    pub entries: Vec<EntryDraft>,
    /// The voucher's idempotency key (None: not remembered).
    pub key: Option<PostingKey>,
}

/// The entries posting all of `voucher` would append, each with the draw
/// of its numbering series if it names one, or the first error wrapped in
/// `VoucherEntry { index, .. }` (0-based entry index).
pub fn check_voucher(
    cx: Context<'_>,
    voucher: &Voucher,
    rights: Rights,
) -> Result<Vec<(PostedEntry, Option<GlEvent>)>, JournalError> {
    let count = voucher.entries.len();
    if count == 0 {
        return Err(JournalError::VoucherEmpty);
    }
    if count > MAX_VOUCHER_ENTRIES {
        return Err(JournalError::VoucherTooLarge {
            count,
            max: MAX_VOUCHER_ENTRIES,
        });
    }
    if let Some(key) = voucher.key {
        cx.journal.check_key(key)?;
    }
    // Entries of one voucher do not see each other except through their
    // numbers, so nothing is cloned: `pending` counts what the earlier
    // entries of this voucher will use.
    let mut pending = Pending::default();
    let mut entries = Vec::with_capacity(count);
    for (index, draft) in voucher.entries.iter().enumerate() {
        let keyed;
        let draft = match (index, voucher.key) {
            (0, Some(key)) => {
                keyed = EntryDraft {
                    key: Some(key),
                    ..draft.clone()
                };
                &keyed
            }
            _ => draft,
        };
        let (entry, drawn) = build_numbered(cx, draft, rights, &pending).map_err(|error| {
            JournalError::VoucherEntry {
                index,
                error: Box::new(error),
            }
        })?;
        pending.add(&entry);
        if let Some(GlEvent::SeriesNumberDrawn { series, year, .. }) = &drawn {
            pending.add_drawn(series, *year);
        }
        entries.push((entry, drawn));
    }
    Ok(entries)
}
