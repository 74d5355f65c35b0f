//! What the Book answers: each sub-ledger for its own records, and the
//! questions asked so often (an account, an entry, the settings) that
//! they are answered here directly.

use crate::ledger::bank::{LineRef as LineRefBank, StatementCheck};
use crate::ledger::book::Book;
use crate::ledger::costing::{CentreIndex, Costing};
use crate::ledger::gl::{Account, Gl, GlDetermination, RateTable, Settings, Totals};
use crate::ledger::journal::Journal;
use crate::ledger::open_items::OpenItems;
use crate::ledger::partners::{Partner, PartnerRecord, Partners};
use crate::ledger::posting::{CreditNotice, EntryDraft, draft_credit_notices};
use crate::ledger::tax::{Tax, TaxCode, VatIndex};
use crate::ledger::types::{
    AccountNo, Calendar, Currency, EntryId, Line, LineRef, PartnerCode, PostedEntry,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

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

    pub fn payment_runs(&self) -> &crate::ledger::payment_runs::PaymentRuns {
        &self.runs
    }

    pub fn recurring(&self) -> &crate::ledger::recurring::Recurring {
        &self.recurring
    }

    pub fn closing(&self) -> &crate::ledger::closing::Closing {
        &self.closing
    }

    pub fn statements(&self) -> &crate::ledger::statements::Statements {
        &self.statements
    }

    pub fn items(&self) -> &crate::ledger::items::Items {
        &self.items
    }

    pub fn inbox(&self) -> &crate::ledger::inbox::Inbox {
        &self.inbox
    }

    pub fn dunning(&self) -> &crate::ledger::dunning::Dunning {
        &self.dunning
    }

    /// The payment statement line `line` was posted as, while it stands
    /// (`None`: the line is open, also after its payment was cancelled).
    pub fn bank_line_payment(&self, line: crate::ledger::bank::LineRef) -> Option<u32> {
        let number = self.bank.posted_payment(line)?;
        let record = self.payments.payment(number)?;
        (!record.is_cancelled()).then_some(number)
    }

    /// The balance checks of statement `number` (see `StatementCheck`);
    /// `None` when there is no such statement or house bank.
    pub fn statement_check(&self, number: u32) -> Option<StatementCheck> {
        let bank = &self.bank;
        let s = bank.statement(number)?;
        let house_bank = bank.house_bank(&s.house_bank)?;
        let first_line = s.lines.iter().map(|l| l.booking_date).min();
        let last_line = s.lines.iter().map(|l| l.booking_date).max();
        let first_date = first_line.or(s.opening.map(|b| b.date))?;
        let last_date = s.closing.map(|b| b.date).or(last_line)?;
        let previous_closing = bank.statements()[..usize::try_from(number - 1).ok()?]
            .iter()
            .rev()
            .find(|p| p.house_bank == s.house_bank && !p.intraday)
            .and_then(|p| p.closing.map(|b| b.amount));
        let fc = (house_bank.currency != self.settings().lc).then_some(house_bank.currency);
        let booked_before = self.booked(house_bank.account, fc, |d| d < first_date);
        let booked_at_end = self.booked(house_bank.account, fc, |d| d <= last_date);
        let opening = s.opening.map(|b| b.amount);
        let closing = s.closing.map(|b| b.amount);
        let lines_posted = (0..s.lines.len())
            .filter(|&line| {
                let line = u32::try_from(line).unwrap_or(u32::MAX);
                self.bank_line_payment(LineRefBank {
                    statement: number,
                    line,
                })
                .is_some()
            })
            .count();
        Some(StatementCheck {
            number,
            first_date,
            last_date,
            opening,
            previous_closing,
            booked_before,
            closing,
            booked_at_end,
            opening_vs_previous: opening.zip(previous_closing).map(|(o, p)| o - p),
            opening_vs_booked: opening.map(|o| o - booked_before),
            closing_vs_booked: closing.map(|c| c - booked_at_end),
            lines_open: s.lines.len() - lines_posted,
            lines_posted,
        })
    }

    /// The signed balance of `account` over the entries whose posting
    /// date passes `when`: LC amounts, or the amounts in `fc` for a
    /// foreign-currency bank.
    fn booked(
        &self,
        account: AccountNo,
        fc: Option<Currency>,
        when: impl Fn(NaiveDate) -> bool,
    ) -> Decimal {
        let Some(refs) = self.account_line_refs(account) else {
            return Decimal::ZERO;
        };
        refs.iter()
            .filter_map(|r| self.line(*r))
            .filter(|(entry, _)| when(entry.posting_date))
            .map(|(_, line)| match (fc, line.fc()) {
                (Some(c), Some(f)) if f.currency == c => line.side.sign(f.amount_fc),
                (Some(_), _) => Decimal::ZERO,
                (None, _) => line.signed_lc(),
            })
            .sum()
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
