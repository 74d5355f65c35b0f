//! Refusals about journal entries (Buchungen): the shape of an entry and
//! its lines, balance, reversal, journal vouchers, gapless ids and
//! numbers, and idempotent posting. Posting builds entries and the
//! journal re-checks them when they are folded, so both speak this type;
//! it passes the refusals of the sub-ledgers an entry touches through
//! unchanged (`DomainError` flattens them).

use crate::ledger::costing::CostingError;
use crate::ledger::gl::{GlError, RuleBreach};
use crate::ledger::partners::PartnersError;
use crate::ledger::tax::TaxError;
use crate::ledger::types::{AccountNo, Currency, EntryId, InputError, PostingKey};
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JournalError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Gl(#[from] GlError),
    #[error(transparent)]
    Tax(#[from] TaxError),
    #[error(transparent)]
    Costing(#[from] CostingError),
    #[error(transparent)]
    Partners(#[from] PartnersError),

    // --- the entry and its lines ---
    #[error("an entry needs at least 2 lines, this one has {count}")]
    TooFewLines { count: usize },
    #[error("an entry has at most {max} lines, this one has {count}")]
    TooManyLines { count: usize, max: usize },
    #[error("line {line} has both a debit and a credit amount")]
    LineTwoSided { line: usize },
    #[error("line {line} has no amount")]
    LineZero { line: usize },
    #[error("line {line} has a negative amount")]
    LineNegative { line: usize },
    #[error("line {line}: the amount exceeds {max}")]
    AmountTooLarge { line: usize, max: Decimal },
    #[error("line {line}: amount has more than {max} decimals")]
    TooManyDecimals { line: usize, max: u32 },
    #[error("line {line} has no account")]
    AccountMissing { line: usize },
    #[error("line {line}: account {account} does not exist")]
    AccountNotFound { line: usize, account: AccountNo },
    #[error("line {line}: account {account} is inactive")]
    AccountInactive { line: usize, account: AccountNo },
    #[error("line {line}: account {account} is a title account and cannot be posted to")]
    AccountNotPostable { line: usize, account: AccountNo },
    #[error("line {line}: account {account} does not accept {currency}")]
    CurrencyNotAllowed {
        line: usize,
        account: AccountNo,
        currency: Currency,
    },
    #[error("line {line}: {currency} is the local currency, enter it without a foreign amount")]
    ForeignIsLocal { line: usize, currency: Currency },
    #[error("line {line}: a generated tax line must follow its base line")]
    TaxLineMisplaced { line: usize },
    /// `decimals`: the local currency's, so the message can write the
    /// difference as an amount (`10.00`, not the value's own `10.0`).
    #[error("the entry does not balance in local currency: debit minus credit is {diff_lc}")]
    Unbalanced { diff_lc: Decimal, decimals: u32 },
    #[error("the entry does not balance in system currency: debit minus credit is {diff_sc}")]
    UnbalancedSc { diff_sc: Decimal, decimals: u32 },

    // --- reversal (Storno) ---
    #[error("entry {entry:?} does not exist")]
    EntryNotFound { entry: EntryId },
    #[error("entry {entry:?} was already reversed by entry {by:?}")]
    AlreadyReversed { entry: EntryId, by: EntryId },
    #[error("entry {entry:?} is itself a reversal and cannot be reversed")]
    ReversalOfReversal { entry: EntryId },

    // --- journal vouchers ---
    #[error("the voucher has no entries")]
    VoucherEmpty,
    #[error("a voucher holds at most {max} entries, this one has {count}")]
    VoucherTooLarge { count: usize, max: usize },
    #[error("entry {index} of the voucher: {error}")]
    VoucherEntry {
        index: usize,
        error: Box<JournalError>,
    },

    // --- idempotency ---
    #[error("this entry or voucher ({key}) was already posted as entry {entry:?}")]
    AlreadyPosted { key: PostingKey, entry: EntryId },

    // --- ids and numbers (a log whose events do not fit) ---
    #[error("event carries entry id {found:?}, the next id is {expected:?}")]
    EntryIdMismatch { expected: EntryId, found: EntryId },
    #[error(
        "event carries entry number {found} in fiscal year {fiscal_year}, the next is {expected}"
    )]
    EntryNumberMismatch {
        fiscal_year: i32,
        expected: u32,
        found: u32,
    },
    #[error("fiscal year {fiscal_year} has used all {max} entry numbers")]
    EntryNumbersExhausted { fiscal_year: i32, max: u32 },
    #[error("the journal holds at most {max} entries")]
    JournalFull { max: u64 },

    // --- the company's data-entry rules (issue 18) ---
    #[error("the entry breaks a data-entry rule: {0:?}")]
    Rule(RuleBreach),
}

impl JournalError {
    /// The 0-based entry line the refusal is about, if any (inside a
    /// voucher: the line of the failing entry).
    pub fn line(&self) -> Option<usize> {
        self.clone().line_mut().copied()
    }

    /// The same line, to renumber it (the grid skips blank rows).
    pub fn line_mut(&mut self) -> Option<&mut usize> {
        match self {
            JournalError::Input(e) => e.line_mut(),
            JournalError::Gl(e) => e.line_mut(),
            JournalError::Tax(e) => e.line_mut(),
            JournalError::Costing(e) => e.line_mut(),
            JournalError::Partners(e) => e.line_mut(),
            JournalError::VoucherEntry { error, .. } => error.line_mut(),
            JournalError::LineTwoSided { line }
            | JournalError::LineZero { line }
            | JournalError::LineNegative { line }
            | JournalError::AmountTooLarge { line, .. }
            | JournalError::TooManyDecimals { line, .. }
            | JournalError::AccountMissing { line }
            | JournalError::AccountNotFound { line, .. }
            | JournalError::AccountInactive { line, .. }
            | JournalError::AccountNotPostable { line, .. }
            | JournalError::CurrencyNotAllowed { line, .. }
            | JournalError::ForeignIsLocal { line, .. }
            | JournalError::TaxLineMisplaced { line } => Some(line),
            JournalError::TooFewLines { .. }
            | JournalError::TooManyLines { .. }
            | JournalError::Unbalanced { .. }
            | JournalError::UnbalancedSc { .. }
            | JournalError::EntryNotFound { .. }
            | JournalError::AlreadyReversed { .. }
            | JournalError::ReversalOfReversal { .. }
            | JournalError::VoucherEmpty
            | JournalError::VoucherTooLarge { .. }
            | JournalError::AlreadyPosted { .. }
            | JournalError::EntryIdMismatch { .. }
            | JournalError::EntryNumberMismatch { .. }
            | JournalError::EntryNumbersExhausted { .. }
            | JournalError::JournalFull { .. }
            | JournalError::Rule(_) => None,
        }
    }
}
