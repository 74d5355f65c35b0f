//! Why the dunning sub-ledger refuses a command.

use crate::finance::interest::BaseRateError;
use crate::ledger::dunning::proposal::Skipped;
use crate::ledger::gl::GlError;
use crate::ledger::journal::JournalError;
use crate::ledger::open_items::ItemId;
use crate::ledger::types::{InputError, PartnerCode, PostingKey};

/// The field of a dunning term a refusal is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermField {
    Code,
    Name,
    Levels,
    /// 0-based level.
    Days(usize),
    Fee(usize),
    MinBalance(usize),
    Text(usize),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DunningError {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Gl(GlError),
    #[error(transparent)]
    Journal(JournalError),
    #[error("dunning term: {field:?} is not valid")]
    InvalidTerm { field: TermField },
    #[error("there is no dunning term {code:?}")]
    UnknownTerm { code: String },
    #[error("dunning term {code:?} is named by partner {partner}")]
    TermInUse { code: String, partner: PartnerCode },
    #[error("the base-rate table is not valid: {error}")]
    InvalidBaseRates { error: BaseRateError },
    #[error("the fee or interest account is missing or not an income account")]
    ChargeAccount,
    #[error("the run has no letter")]
    NothingToDun,
    #[error("partner {partner} is not a customer with a dunning term")]
    NotDunnable { partner: PartnerCode },
    #[error("item {item:?} of partner {partner} is not overdue and open")]
    ItemNotDue { partner: PartnerCode, item: ItemId },
    #[error("the base-rate table has no rate for {date}")]
    BaseRateUnknown { date: chrono::NaiveDate },
    /// The proposal skips the partner or the item: the reason says why.
    #[error("partner {} is not dunned: {:?}", skipped.partner, skipped.reason)]
    NotDunned { skipped: Skipped },
    #[error("partner {partner} has two letters in the run")]
    DuplicatePartner { partner: PartnerCode },
    #[error("a dunning run with key {key:?} was executed already (run {run})")]
    AlreadyExecuted { key: PostingKey, run: u32 },
    /// Only from `apply`: a run event out of order (a corrupt log).
    #[error("dunning run {number} does not follow run {last}")]
    RunOutOfOrder { number: u32, last: u32 },
}

impl From<InputError> for DunningError {
    fn from(e: InputError) -> Self {
        DunningError::Input(e)
    }
}

impl From<GlError> for DunningError {
    fn from(e: GlError) -> Self {
        DunningError::Gl(e)
    }
}

impl From<JournalError> for DunningError {
    fn from(e: JournalError) -> Self {
        DunningError::Journal(e)
    }
}
