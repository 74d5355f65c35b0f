//! The journal (Journal): every posted entry in posting order, the
//! gapless entry numbers per fiscal year, which entry reversed which, and
//! the idempotency keys already posted. It re-checks an entry read back
//! from the log before the Book folds it (`check_posted`), so a corrupt
//! or reordered log is refused instead of folded: among others, that a
//! line's business partner exists and the line is on its control account.

pub mod error;

pub use error::JournalError;

use crate::ledger::costing::check_shares;
use crate::ledger::gl::{Gl, GlError};
use crate::ledger::partners::{Partners, PartnersError};
use crate::ledger::types::limits::MAX_LINES;
use crate::ledger::types::{EntryId, PostedEntry, PostingKey};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// Most entries a journal holds: line references index entries by u32,
/// and on wasm32 `usize` is u32 too, so the limit stays below both
/// (2^31 entries, far beyond any small company's books).
pub const MAX_JOURNAL_ENTRIES: usize = 1 << 31;
const _: () = assert!(MAX_JOURNAL_ENTRIES as u64 <= u32::MAX as u64);

/// What `check_posted` found out about an entry that indexing needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedEntry {
    /// Global index of the entry's period.
    pub period: usize,
    /// Position of each line's account in the GL (creation order).
    pub accounts: Vec<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Journal {
    /// `entries[i].id == EntryId(i + 1)`.
    entries: Vec<PostedEntry>,
    reversed_by: Vec<Option<EntryId>>,
    /// Last entry number used, per fiscal year.
    last_number: BTreeMap<i32, u32>,
    /// The entry each posting key posted first.
    keys: HashMap<PostingKey, EntryId>,
}

impl Journal {
    /// Re-checks a posted entry read from the log against the journal and
    /// the GL: id and number continue, lines are sound and balance, the
    /// reversal is allowed, the key is new.
    pub fn check_posted(
        &self,
        gl: &Gl,
        partners: &Partners,
        entry: &PostedEntry,
    ) -> Result<CheckedEntry, JournalError> {
        if self.entries.len() >= MAX_JOURNAL_ENTRIES {
            return Err(JournalError::JournalFull {
                max: MAX_JOURNAL_ENTRIES as u64,
            });
        }
        let expected = self.next_id();
        if entry.id != expected {
            return Err(JournalError::EntryIdMismatch {
                expected,
                found: entry.id,
            });
        }
        let date = entry.posting_date;
        let period = gl
            .calendar()
            .index_of_date(date)
            .ok_or(GlError::NoPeriod { date })?;
        let fiscal_year = gl.calendar().reference(period).fiscal_year;
        let expected_number = self.last_number(fiscal_year) + 1;
        if entry.fiscal_year != fiscal_year || entry.number != expected_number {
            return Err(JournalError::EntryNumberMismatch {
                fiscal_year,
                expected: expected_number,
                found: entry.number,
            });
        }
        let accounts = check_lines(gl, entry)?;
        check_partner_lines(gl, partners, entry)?;
        if let Some(original) = entry.reverses {
            self.check_reversible(original)?;
        }
        if let Some(key) = entry.key {
            self.check_key(key)?;
        }
        Ok(CheckedEntry { period, accounts })
    }

    /// Keeps an entry `check_posted` accepted; returns its index.
    pub(crate) fn push(&mut self, mut entry: PostedEntry) -> u32 {
        // Decoding grows the line vector by doubling; the journal keeps
        // every entry for the company's life, so it keeps only what is used.
        entry.lines.shrink_to_fit();
        let index = self.entries.len();
        assert_eq!(entry.id, self.next_id(), "entries are pushed in id order");
        self.last_number.insert(entry.fiscal_year, entry.number);
        if let Some(original) = entry.reverses
            && let Some(slot) = original.index().and_then(|i| self.reversed_by.get_mut(i))
        {
            *slot = Some(entry.id);
        }
        if let Some(key) = entry.key {
            self.keys.entry(key).or_insert(entry.id);
        }
        self.reversed_by.push(None);
        self.entries.push(entry);
        u32::try_from(index).unwrap_or_else(|_| unreachable!("check_posted bounds the journal"))
    }

    /// The id the next entry gets.
    pub fn next_id(&self) -> EntryId {
        // Fits: a usize count always fits u64 here.
        EntryId(self.entries.len() as u64 + 1)
    }

    /// Whether entry `original` may be reversed now.
    pub fn check_reversible(&self, original: EntryId) -> Result<&PostedEntry, JournalError> {
        let found = self
            .entry(original)
            .ok_or(JournalError::EntryNotFound { entry: original })?;
        if found.reverses.is_some() {
            return Err(JournalError::ReversalOfReversal { entry: original });
        }
        if let Some(by) = self.reversed_by(original) {
            return Err(JournalError::AlreadyReversed {
                entry: original,
                by,
            });
        }
        Ok(found)
    }

    /// Whether `key` has not been posted yet.
    pub fn check_key(&self, key: PostingKey) -> Result<(), JournalError> {
        match self.keys.get(&key) {
            Some(&entry) => Err(JournalError::AlreadyPosted { key, entry }),
            None => Ok(()),
        }
    }

    pub fn entry(&self, id: EntryId) -> Option<&PostedEntry> {
        self.entries.get(id.index()?)
    }

    /// All posted entries in posting order (id order).
    pub fn entries(&self) -> &[PostedEntry] {
        &self.entries
    }

    /// The reversal that reversed `id`, if any.
    pub fn reversed_by(&self, id: EntryId) -> Option<EntryId> {
        self.reversed_by.get(id.index()?).copied().flatten()
    }

    /// Last entry number used in `fiscal_year` (0: none yet).
    pub fn last_number(&self, fiscal_year: i32) -> u32 {
        self.last_number.get(&fiscal_year).copied().unwrap_or(0)
    }

    /// The entry a posting key posted first, if any.
    pub fn posted_key(&self, key: PostingKey) -> Option<EntryId> {
        self.keys.get(&key).copied()
    }
}

/// Partner lines name an existing partner and its control account.
/// Whether the partner was active is not re-checked: a reversal posts for
/// a partner deactivated since.
fn check_partner_lines(
    gl: &Gl,
    partners: &Partners,
    entry: &PostedEntry,
) -> Result<(), JournalError> {
    for (line, posted) in entry.lines.iter().enumerate() {
        let Some(code) = posted.partner_code() else {
            continue;
        };
        let partner = partners
            .partner(code)
            .ok_or(PartnersError::PartnerUnknown {
                line: Some(line),
                code,
            })?;
        if partner.control_account != Some(posted.account) {
            return Err(PartnersError::PartnerAccountMismatch {
                line,
                code,
                account: posted.account,
                control: partner.control_account.unwrap_or(posted.account),
            }
            .into());
        }
        let currency = posted.fc().map(|f| f.currency);
        if !partner.currency.allows(currency) {
            return Err(PartnersError::PartnerCurrency {
                line,
                code,
                currency: currency.unwrap_or(gl.settings().lc),
            }
            .into());
        }
    }
    Ok(())
}

/// Lines of a posted entry: count, accounts postable, amounts positive,
/// tax lines after their base, shares summing to their line, balanced in
/// LC and SC. Returns each line's account position.
fn check_lines(gl: &Gl, entry: &PostedEntry) -> Result<Vec<usize>, JournalError> {
    let count = entry.lines.len();
    if count < 2 {
        return Err(JournalError::TooFewLines { count });
    }
    if count > MAX_LINES {
        return Err(JournalError::TooManyLines {
            count,
            max: MAX_LINES,
        });
    }
    let mut accounts = Vec::with_capacity(count);
    for (i, line) in entry.lines.iter().enumerate() {
        let slot = gl
            .account_slot(line.account)
            .ok_or(JournalError::AccountNotFound {
                line: i,
                account: line.account,
            })?;
        if !gl.account_at(slot).postable {
            return Err(JournalError::AccountNotPostable {
                line: i,
                account: line.account,
            });
        }
        if line.amount_lc.is_sign_negative() || line.amount_sc.is_sign_negative() {
            return Err(JournalError::LineNegative { line: i });
        }
        if line.amount_lc.is_zero() && line.amount_sc.is_zero() {
            return Err(JournalError::LineZero { line: i });
        }
        if let Some(tax) = line.tax() {
            let base = usize::from(tax.base_line);
            let fits = base < i
                && entry.lines[base].tax().is_none()
                && entry.lines[base].tax_code() == Some(tax.code.as_str());
            if !fits {
                return Err(JournalError::TaxLineMisplaced { line: i });
            }
        }
        if !line.shares().is_empty() {
            check_shares(i, line)?;
        }
        accounts.push(slot);
    }
    let (diff_lc, diff_sc) = entry.imbalance();
    if !diff_lc.is_zero() {
        return Err(JournalError::Unbalanced {
            diff_lc,
            decimals: gl.settings().lc_decimals(),
        });
    }
    if diff_sc != Decimal::ZERO {
        return Err(JournalError::UnbalancedSc {
            diff_sc,
            decimals: gl.settings().sc_decimals(),
        });
    }
    Ok(accounts)
}
