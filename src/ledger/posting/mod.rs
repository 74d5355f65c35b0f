//! Posting (Buchen): turning what the user typed into the entry the
//! journal keeps. It owns no state: it reads the sub-ledgers an entry
//! touches through a [`Context`] and returns a `PostedEntry` or the
//! refusal, and `Book` appends and folds it.
//!
//! Where is what: drafts `draft`, one entry `build` (amounts, tax lines,
//! rounding lines, numbering), one typed line `line` (its account, or its
//! partner's control account), the credit limit of customers `credit`,
//! reversal `reversal`, all-or-nothing batches `voucher`, the grid's live
//! view `preview`, plausibility warnings (never refusals) `warning`, the
//! company's data-entry rules `rules`, the reference a numbering series
//! gives `series`.

pub mod build;
pub mod command;
pub mod credit;
pub mod draft;
pub mod line;
pub mod preview;
pub mod reversal;
pub mod rules;
pub mod series;
pub mod voucher;
pub mod warning;

pub use build::{build_entry, build_numbered};
pub use command::PostingCommand;
pub use credit::{CreditLevel, CreditNotice, credit_notices, draft_credit_notices};
pub use draft::{EntryDraft, FcDraft, LineDraft};
pub use preview::{EntryPreview, LinePreview, preview_entry};
pub use reversal::build_reversal;
pub use voucher::{Voucher, check_voucher};
pub use warning::{EntryWarning, entry_warnings, reversal_warnings};

use crate::ledger::costing::Costing;
use crate::ledger::gl::Gl;
use crate::ledger::journal::{Journal, JournalError};
use crate::ledger::open_items::OpenItems;
use crate::ledger::partners::Partners;
use crate::ledger::tax::Tax;
use crate::ledger::types::{EntryId, PostedEntry, PostingKey};
use std::collections::BTreeMap;

/// The sub-ledgers posting reads.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub gl: &'a Gl,
    pub tax: &'a Tax,
    pub costing: &'a Costing,
    pub partners: &'a Partners,
    pub open_items: &'a OpenItems,
    pub journal: &'a Journal,
}

/// What the acting user may do. Until users and rights exist (and in a
/// company without users) the one user holds every right: `Rights::ALL`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rights {
    /// May post into a period whose status is "closing period".
    pub post_into_closing: bool,
    /// May post a customer invoice that takes the customer's open
    /// receivables over its commitment limit (Obligo).
    pub exceed_commitment_limit: bool,
}

impl Rights {
    pub const ALL: Rights = Rights {
        post_into_closing: true,
        exceed_commitment_limit: true,
    };
}

/// Entries already checked within one command (a voucher) but not yet
/// applied: they use up ids, numbers and idempotency keys.
#[derive(Clone, Debug, Default)]
pub struct Pending {
    pub entries: u64,
    /// Numbers used per fiscal year.
    pub numbers: BTreeMap<i32, u32>,
    /// Keys of the pending entries, with the id each will get.
    pub keys: BTreeMap<PostingKey, EntryId>,
    /// Numbers drawn per (series, fiscal year).
    pub series: BTreeMap<(String, i32), u32>,
}

impl Pending {
    pub fn add(&mut self, entry: &PostedEntry) {
        self.entries += 1;
        *self.numbers.entry(entry.fiscal_year).or_default() += 1;
        if let Some(key) = entry.key {
            self.keys.insert(key, entry.id);
        }
    }

    /// Counts a number drawn by an entry of this command.
    pub fn add_drawn(&mut self, series: &str, year: i32) {
        *self.series.entry((series.to_string(), year)).or_default() += 1;
    }

    /// Refuses a key already posted or already used earlier in the same
    /// command: `check` must refuse what `apply` would, or a command could
    /// be half applied.
    pub fn check_key(&self, journal: &Journal, key: PostingKey) -> Result<(), JournalError> {
        journal.check_key(key)?;
        match self.keys.get(&key) {
            Some(&entry) => Err(JournalError::AlreadyPosted { key, entry }),
            None => Ok(()),
        }
    }
}
