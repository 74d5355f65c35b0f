//! What the Book answers: each sub-ledger for its own records, and the
//! questions asked so often (an account, an entry, the settings) that
//! they are answered here directly.

use crate::ledger::book::Book;
use crate::ledger::costing::{CentreIndex, Costing};
use crate::ledger::gl::{Account, Gl, GlDetermination, RateTable, Settings, Totals};
use crate::ledger::journal::Journal;
use crate::ledger::open_items::OpenItems;
use crate::ledger::partners::{Partner, PartnerRecord, Partners};
use crate::ledger::posting::{CreditNotice, EntryDraft, draft_credit_notices};
use crate::ledger::tax::{Tax, TaxCode, VatIndex};
use crate::ledger::types::{AccountNo, Calendar, EntryId, Line, LineRef, PartnerCode, PostedEntry};

impl Book {
    pub fn gl(&self) -> &Gl {
        &self.gl
    }

    pub fn tax(&self) -> &Tax {
        &self.tax
    }

    /// Dimensions, centres, distribution rules, centre requirement.
    pub fn costing(&self) -> &Costing {
        &self.costing
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// Business partners and payment terms.
    pub fn partners(&self) -> &Partners {
        &self.partners
    }

    /// Open items per partner and clearings.
    pub fn payments(&self) -> &crate::ledger::payments::Payments {
        &self.payments
    }

    pub fn bank(&self) -> &crate::ledger::bank::Bank {
        &self.bank
    }

    /// The payment statement line `line` was posted as, while it stands
    /// (`None`: the line is open, also after its payment was cancelled).
    pub fn bank_line_payment(&self, line: crate::ledger::bank::LineRef) -> Option<u32> {
        let number = self.bank.posted_payment(line)?;
        let record = self.payments.payment(number)?;
        (!record.is_cancelled()).then_some(number)
    }

    pub fn open_items(&self) -> &OpenItems {
        &self.open_items
    }

    pub fn partner(&self, code: PartnerCode) -> Option<&Partner> {
        self.partners.partner(code)
    }

    /// A partner with its creation stamp and change history.
    pub fn partner_record(&self, code: PartnerCode) -> Option<&PartnerRecord> {
        self.partners.record(code)
    }

    /// The customers `draft` would take over their credit or commitment
    /// limit: the grid asks to confirm before posting.
    pub fn credit_notices(&self, draft: &EntryDraft) -> Vec<CreditNotice> {
        draft_credit_notices(self.context(), draft)
    }

    pub fn settings(&self) -> &Settings {
        self.gl.settings()
    }

    /// All accounts, in account-number order.
    pub fn accounts(&self) -> impl Iterator<Item = &Account> + '_ {
        self.gl.accounts()
    }

    pub fn account(&self, number: AccountNo) -> Option<&Account> {
        self.gl.account(number)
    }

    pub fn determination(&self) -> &GlDetermination {
        self.gl.determination()
    }

    /// Fiscal years, periods and their statuses.
    pub fn calendar(&self) -> &Calendar {
        self.gl.calendar()
    }

    pub fn rates(&self) -> &RateTable {
        self.gl.rates()
    }

    /// Per-period totals of an account (index = global period index).
    pub fn account_totals(&self, number: AccountNo) -> Option<&[Totals]> {
        self.gl.account_totals(number)
    }

    /// References to every line posted on an account, in posting order.
    pub fn account_line_refs(&self, number: AccountNo) -> Option<&[LineRef]> {
        self.gl.account_line_refs(number)
    }

    pub fn entry(&self, id: EntryId) -> Option<&PostedEntry> {
        self.journal.entry(id)
    }

    /// All posted entries in posting order (id order).
    pub fn entries(&self) -> &[PostedEntry] {
        self.journal.entries()
    }

    pub fn entry_count(&self) -> usize {
        self.journal.entries().len()
    }

    /// Entry `number` of `fiscal_year`. Scans entries; meant for look-ups
    /// by hand, not for loops.
    pub fn entry_by_number(&self, fiscal_year: i32, number: u32) -> Option<&PostedEntry> {
        self.entries()
            .iter()
            .find(|e| e.fiscal_year == fiscal_year && e.number == number)
    }

    /// The reversal that reversed `id`, if any.
    pub fn reversed_by(&self, id: EntryId) -> Option<EntryId> {
        self.journal.reversed_by(id)
    }

    /// The line a `LineRef` points at.
    pub fn line(&self, r: LineRef) -> Option<(&PostedEntry, &Line)> {
        let entry = self.entries().get(usize::try_from(r.entry).ok()?)?;
        Some((entry, entry.lines.get(usize::from(r.line))?))
    }

    /// A tax code by its code.
    pub fn tax_code(&self, code: &str) -> Option<&TaxCode> {
        self.tax.code(code)
    }

    /// All tax codes, in code order.
    pub fn tax_codes(&self) -> impl Iterator<Item = &TaxCode> + '_ {
        self.tax.codes()
    }

    /// Base and tax sums per tax code and period.
    pub fn vat_index(&self) -> &VatIndex {
        self.tax.vat_index()
    }

    /// Amounts per dimension, centre, period and P&L account.
    pub fn centre_index(&self) -> &CentreIndex {
        self.costing.centre_index()
    }
}
