//! Commands and events of the dunning sub-ledger.

use crate::ledger::dunning::proposal::ProposedLetter;
use crate::ledger::dunning::settings::DunningSettings;
use crate::ledger::dunning::terms::DunningTerm;
use crate::ledger::open_items::ItemId;
use crate::ledger::types::{EntryId, PartnerCode, PostedEntry, PostingKey, Timestamp};
use chrono::NaiveDate;

/// What the user executes: the letters he kept of the proposal, by
/// partner and items (the engine recomputes levels, fees and interest).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DunningRunDraft {
    pub date: NaiveDate,
    pub letters: Vec<LetterChoice>,
    /// Post fees and interest as receivables of the customer.
    pub post_charges: bool,
    pub user: String,
    pub key: PostingKey,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterChoice {
    pub partner: PartnerCode,
    pub items: Vec<ItemId>,
}

/// An executed letter: the proposal's letter and the entry of its charges.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Letter {
    pub letter: ProposedLetter,
    pub entry: Option<EntryId>,
}

/// An executed dunning run (Mahnlauf), numbered 1, 2, 3 …
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DunningRun {
    pub number: u32,
    pub date: NaiveDate,
    pub letters: Vec<Letter>,
    pub by: String,
    pub at: Timestamp,
    pub key: PostingKey,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DunningCommand {
    SaveTerm {
        term: Box<DunningTerm>,
        by: String,
        at: Timestamp,
    },
    DeleteTerm {
        code: String,
        by: String,
        at: Timestamp,
    },
    SetSettings {
        settings: Box<DunningSettings>,
        by: String,
        at: Timestamp,
    },
    Execute {
        draft: Box<DunningRunDraft>,
        at: Timestamp,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DunningEvent {
    TermSaved {
        term: Box<DunningTerm>,
        by: String,
        at: Timestamp,
    },
    TermDeleted {
        code: String,
        by: String,
        at: Timestamp,
    },
    SettingsSet {
        settings: Box<DunningSettings>,
        by: String,
        at: Timestamp,
    },
    /// Appended after the entries of its charges.
    RunExecuted { run: Box<DunningRun> },
}

/// What a dunning command appends, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DunningStep {
    Entry(Box<PostedEntry>),
    Dunning(DunningEvent),
}
