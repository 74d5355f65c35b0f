//! Commands that post entries. Their events are the journal's
//! `EntryPosted`, one per entry.

use crate::ledger::posting::draft::EntryDraft;
use crate::ledger::posting::voucher::Voucher;
use crate::ledger::types::EntryId;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostingCommand {
    PostEntry {
        draft: EntryDraft,
    },
    /// Storno: posts the mirror image of `entry` on `date` (default: the
    /// original's posting date).
    ReverseEntry {
        entry: EntryId,
        date: Option<NaiveDate>,
        user: String,
    },
    /// Posts every entry of the voucher, or none.
    PostVoucher {
        voucher: Voucher,
    },
}
