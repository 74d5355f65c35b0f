//! The Book (Buch): the in-memory state of one company's books, the fold of
//! its event log. `check` turns a command into events without changing
//! anything; `apply` folds one event in and keeps the indexes current:
//! - balance per (account, period) in LC and SC, debit and credit sums, so
//!   a trial balance reads `accounts × periods` numbers and never a line;
//! - per account, the list of its lines (for account sheets);
//! - per entry, the reversal that reversed it;
//! - per tax code and period, base and tax sums and their lines (the VAT
//!   return reads these, `vat_return::VatIndex`);
//! - per dimension, centre, period and P&L account, the amount assigned
//!   (the cost-centre report reads these, `costing::CentreIndex`).
//!
//! `apply` re-checks what an event claims (ids, numbers, accounts, balance)
//! so a corrupt or reordered log is refused instead of folded: the pair of
//! "check when built, check when read back".

use crate::ledger::account::{Account, AccountNo, MAX_ACCOUNT_NAME_LEN, MAX_ACCOUNTS};
use crate::ledger::chain::{ChainError, ChainHead, LogRecord, verify_chain};
use crate::ledger::command::Command;
use crate::ledger::company::{Settings, check_text};
use crate::ledger::costing::{CentreIndex, Costing, MAX_REQUIRED_ACCOUNTS};
use crate::ledger::determination::GlDetermination;
use crate::ledger::entry::{EntryId, MAX_LINES, PostedEntry, build_entry, build_reversal};
use crate::ledger::error::{DomainError, Field};
use crate::ledger::event::{DecodeError, Event, decode};
use crate::ledger::fx::RateTable;
use crate::ledger::money::Side;
use crate::ledger::period::{Calendar, PeriodLayout};
use crate::ledger::tax::{MAX_TAX_CODES, TaxCode};
use crate::ledger::vat_return::VatIndex;
use crate::ledger::voucher::check_voucher;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Debit and credit sums of one account in one period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub debit_lc: Decimal,
    pub credit_lc: Decimal,
    pub debit_sc: Decimal,
    pub credit_sc: Decimal,
}

impl Totals {
    pub fn add(&mut self, other: &Totals) {
        self.debit_lc += other.debit_lc;
        self.credit_lc += other.credit_lc;
        self.debit_sc += other.debit_sc;
        self.credit_sc += other.credit_sc;
    }

    pub fn balance_lc(&self) -> Decimal {
        self.debit_lc - self.credit_lc
    }

    pub fn balance_sc(&self) -> Decimal {
        self.debit_sc - self.credit_sc
    }
}

/// Where a line lives: index into the entries and into the entry's lines.
/// Ordered by posting order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineRef {
    pub entry: u32,
    pub line: u16,
}

/// Entries already checked within one command (a voucher) but not yet
/// applied: they use up ids and numbers.
#[derive(Clone, Debug, Default)]
pub(crate) struct Pending {
    pub entries: u64,
    /// Numbers used per fiscal year.
    pub numbers: BTreeMap<i32, u32>,
}

impl Pending {
    pub fn add(&mut self, entry: &PostedEntry) {
        self.entries += 1;
        *self.numbers.entry(entry.fiscal_year).or_default() += 1;
    }
}

/// What `check_posted` found out about an entry that `index_posted` needs.
struct CheckedEntry {
    period: usize,
    year_index: usize,
    /// Index into `accounts` of each line's account.
    accounts: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Book {
    settings: Option<Settings>,
    /// In creation order; `account_index` maps numbers (in number order).
    accounts: Vec<Account>,
    account_index: BTreeMap<AccountNo, usize>,
    determination: GlDetermination,
    calendar: Calendar,
    rates: RateTable,
    /// `entries[i].id == EntryId(i + 1)`.
    entries: Vec<PostedEntry>,
    reversed_by: Vec<Option<EntryId>>,
    /// Last entry number used, per fiscal year (index 0 = first open year).
    last_number: Vec<u32>,
    /// `balances[account][period]`, periods numbered globally.
    balances: Vec<Vec<Totals>>,
    account_lines: Vec<Vec<LineRef>>,
    tax_codes: BTreeMap<String, TaxCode>,
    vat: VatIndex,
    costing: Costing,
    centres: CentreIndex,
}

impl Default for Book {
    fn default() -> Self {
        Book::new()
    }
}

/// Which log record stopped a replay, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("log record {seq}: {kind}")]
pub struct ReplayError {
    pub seq: u64,
    pub kind: ReplayErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReplayErrorKind {
    #[error("{0}")]
    Chain(ChainError),
    #[error("{0}")]
    Decode(DecodeError),
    #[error("{0}")]
    Domain(DomainError),
}

impl Book {
    /// An empty Book: no company yet.
    pub fn new() -> Book {
        Book {
            settings: None,
            accounts: Vec::new(),
            account_index: BTreeMap::new(),
            determination: GlDetermination::default(),
            calendar: Calendar::new(1, PeriodLayout::Monthly),
            rates: RateTable::default(),
            entries: Vec::new(),
            reversed_by: Vec::new(),
            last_number: Vec::new(),
            balances: Vec::new(),
            account_lines: Vec::new(),
            tax_codes: BTreeMap::new(),
            vat: VatIndex::default(),
            costing: Costing::default(),
            centres: CentreIndex::default(),
        }
    }

    // ----- write path -----

    /// The events `cmd` would append, or why it is refused. Pure.
    pub fn check(&self, cmd: &Command) -> Result<Vec<Event>, DomainError> {
        if !matches!(cmd, Command::SetUpCompany { .. }) && self.settings.is_none() {
            return Err(DomainError::NoCompany);
        }
        match cmd {
            Command::SetUpCompany {
                settings,
                first_fiscal_year,
            } => self.check_setup(settings, *first_fiscal_year),
            Command::CreateAccount { account } => {
                self.check_new_account(account)?;
                Ok(vec![Event::AccountCreated {
                    account: account.clone(),
                }])
            }
            Command::UpdateAccount { account } => {
                self.check_updated_account(account)?;
                Ok(vec![Event::AccountUpdated {
                    account: account.clone(),
                }])
            }
            Command::SetAccountActive { account, active } => {
                self.account(*account)
                    .ok_or(DomainError::UnknownAccount { account: *account })?;
                Ok(vec![Event::AccountActiveSet {
                    account: *account,
                    active: *active,
                }])
            }
            Command::OpenFiscalYear { year } => {
                self.calendar.check_open(*year)?;
                Ok(vec![Event::FiscalYearOpened { year: *year }])
            }
            Command::SetPeriodStatus { period, status } => {
                self.calendar.check_status_change(*period)?;
                Ok(vec![Event::PeriodStatusSet {
                    period: *period,
                    status: *status,
                }])
            }
            Command::SetExchangeRate {
                currency,
                date,
                rate_fc_per_lc,
            } => {
                self.check_rate(*currency, *rate_fc_per_lc)?;
                Ok(vec![Event::ExchangeRateSet {
                    currency: *currency,
                    date: *date,
                    rate_fc_per_lc: *rate_fc_per_lc,
                }])
            }
            Command::SetGlDetermination { determination } => {
                self.check_determination(determination)?;
                Ok(vec![Event::GlDeterminationSet {
                    determination: determination.clone(),
                }])
            }
            Command::PostEntry {
                draft,
                allow_closing_period,
            } => {
                let entry = build_entry(self, draft, *allow_closing_period, &Pending::default())?;
                Ok(vec![Event::EntryPosted { entry }])
            }
            Command::ReverseEntry {
                entry,
                date,
                user,
                allow_closing_period,
            } => {
                let entry = build_reversal(
                    self,
                    *entry,
                    *date,
                    user,
                    *allow_closing_period,
                    &Pending::default(),
                )?;
                Ok(vec![Event::EntryPosted { entry }])
            }
            Command::PostVoucher {
                voucher,
                allow_closing_period,
            } => check_voucher(self, voucher, *allow_closing_period),
            Command::CreateTaxCode { tax_code } => {
                self.check_tax_code(tax_code, true)?;
                Ok(vec![Event::TaxCodeCreated {
                    tax_code: tax_code.clone(),
                }])
            }
            Command::UpdateTaxCode { tax_code } => {
                self.check_tax_code(tax_code, false)?;
                Ok(vec![Event::TaxCodeUpdated {
                    tax_code: tax_code.clone(),
                }])
            }
            Command::DefineDimension { dimension } => {
                self.costing.check_dimension(dimension)?;
                Ok(vec![Event::DimensionDefined {
                    dimension: dimension.clone(),
                }])
            }
            Command::CreateCostCentre { centre } => {
                self.costing.check_centre(centre, true)?;
                Ok(vec![Event::CostCentreCreated {
                    centre: centre.clone(),
                }])
            }
            Command::UpdateCostCentre { centre } => {
                self.costing.check_centre(centre, false)?;
                Ok(vec![Event::CostCentreUpdated {
                    centre: centre.clone(),
                }])
            }
            Command::CreateDistributionRule { rule } => {
                self.costing.check_rule(rule, true)?;
                Ok(vec![Event::DistributionRuleCreated { rule: rule.clone() }])
            }
            Command::UpdateDistributionRule { rule } => {
                self.costing.check_rule(rule, false)?;
                Ok(vec![Event::DistributionRuleUpdated { rule: rule.clone() }])
            }
            Command::SetCentreRequirement { requirement } => {
                self.check_requirement(requirement)?;
                Ok(vec![Event::CentreRequirementSet {
                    requirement: requirement.clone(),
                }])
            }
            Command::UpdateCompanyDetails { details } => {
                details.check()?;
                Ok(vec![Event::CompanyDetailsUpdated {
                    details: details.clone(),
                }])
            }
        }
    }

    /// Folds one event in. Errors only for an event that does not fit the
    /// Book (a corrupt or reordered log); the Book is then unchanged.
    pub fn apply(&mut self, event: &Event) -> Result<(), DomainError> {
        if !matches!(event, Event::CompanyCreated { .. }) && self.settings.is_none() {
            return Err(DomainError::NoCompany);
        }
        match event {
            Event::CompanyCreated { settings } => {
                if self.settings.is_some() {
                    return Err(DomainError::CompanyAlreadySetUp);
                }
                settings.check()?;
                self.calendar =
                    Calendar::new(settings.fiscal_year_start_month, settings.period_layout);
                self.settings = Some(settings.clone());
            }
            Event::AccountCreated { account } => {
                self.check_new_account(account)?;
                self.account_index
                    .insert(account.number, self.accounts.len());
                self.accounts.push(account.clone());
                self.balances
                    .push(vec![Totals::default(); self.calendar.period_count()]);
                self.account_lines.push(Vec::new());
            }
            Event::AccountUpdated { account } => {
                let index = self.check_updated_account(account)?;
                self.accounts[index] = account.clone();
            }
            Event::AccountActiveSet { account, active } => {
                let index = *self
                    .account_index
                    .get(account)
                    .ok_or(DomainError::UnknownAccount { account: *account })?;
                self.accounts[index].active = *active;
            }
            Event::FiscalYearOpened { year } => {
                self.calendar.open_year(*year)?;
                let periods = self.calendar.period_count();
                for per_account in &mut self.balances {
                    per_account.resize(periods, Totals::default());
                }
                self.last_number.push(0);
            }
            Event::PeriodStatusSet { period, status } => {
                self.calendar.set_status(*period, *status)?;
            }
            Event::ExchangeRateSet {
                currency,
                date,
                rate_fc_per_lc,
            } => {
                self.check_rate(*currency, *rate_fc_per_lc)?;
                self.rates.set(*currency, *date, *rate_fc_per_lc);
            }
            Event::GlDeterminationSet { determination } => {
                self.check_determination(determination)?;
                self.determination = determination.clone();
            }
            Event::EntryPosted { entry } => {
                let checked = self.check_posted(entry)?;
                self.index_posted(entry.clone(), checked);
            }
            Event::TaxCodeCreated { tax_code } | Event::TaxCodeUpdated { tax_code } => {
                self.check_tax_code(tax_code, matches!(event, Event::TaxCodeCreated { .. }))?;
                self.tax_codes
                    .insert(tax_code.code.clone(), tax_code.clone());
            }
            Event::DimensionDefined { dimension } => {
                self.costing.check_dimension(dimension)?;
                self.costing.apply_dimension(dimension);
            }
            Event::CostCentreCreated { centre } | Event::CostCentreUpdated { centre } => {
                self.costing
                    .check_centre(centre, matches!(event, Event::CostCentreCreated { .. }))?;
                self.costing.apply_centre(centre);
            }
            Event::DistributionRuleCreated { rule } | Event::DistributionRuleUpdated { rule } => {
                self.costing
                    .check_rule(rule, matches!(event, Event::DistributionRuleCreated { .. }))?;
                self.costing.apply_rule(rule);
            }
            Event::CentreRequirementSet { requirement } => {
                self.check_requirement(requirement)?;
                self.costing.requirement = requirement.clone();
            }
            Event::CompanyDetailsUpdated { details } => {
                details.check()?;
                if let Some(settings) = &self.settings {
                    self.settings = Some(settings.with_details(details.clone()));
                }
            }
        }
        Ok(())
    }

    /// `apply` that takes the event by value: a posted entry (nearly every
    /// event of a large log) moves into the Book instead of being cloned.
    /// Same checks, same result, same errors as `apply`.
    pub fn apply_owned(&mut self, event: Event) -> Result<(), DomainError> {
        match event {
            Event::EntryPosted { entry } => {
                if self.settings.is_none() {
                    return Err(DomainError::NoCompany);
                }
                let checked = self.check_posted(&entry)?;
                self.index_posted(entry, checked);
                Ok(())
            }
            // Master data: rare and small, cloned by `apply`.
            other => self.apply(&other),
        }
    }

    /// `check` then `apply` of every event; returns the events.
    pub fn execute(&mut self, cmd: &Command) -> Result<Vec<Event>, DomainError> {
        let events = self.check(cmd)?;
        for event in &events {
            // `check` produced these against this very Book, so they fit;
            // an error here is an engine bug and is passed on, not hidden.
            self.apply(event)?;
        }
        Ok(events)
    }

    /// Verifies the chain of `records` (from the empty head), decodes and
    /// folds them into a new Book.
    pub fn replay(records: &[LogRecord]) -> Result<Book, ReplayError> {
        verify_chain(ChainHead::EMPTY, records).map_err(|e| ReplayError {
            seq: e.seq(),
            kind: ReplayErrorKind::Chain(e),
        })?;
        let mut book = Book::new();
        for record in records {
            let event = decode(&record.body).map_err(|e| ReplayError {
                seq: record.seq,
                kind: ReplayErrorKind::Decode(e),
            })?;
            book.apply_owned(event).map_err(|e| ReplayError {
                seq: record.seq,
                kind: ReplayErrorKind::Domain(e),
            })?;
        }
        Ok(book)
    }

    // ----- checks shared by commands and events -----

    fn check_setup(
        &self,
        settings: &Settings,
        first_fiscal_year: i32,
    ) -> Result<Vec<Event>, DomainError> {
        if self.settings.is_some() {
            return Err(DomainError::CompanyAlreadySetUp);
        }
        settings.check()?;
        let chart = settings.chart.load()?;
        let mut events = vec![Event::CompanyCreated {
            settings: settings.clone(),
        }];
        events.extend(
            chart
                .accounts
                .into_iter()
                .map(|account| Event::AccountCreated { account }),
        );
        events.push(Event::FiscalYearOpened {
            year: first_fiscal_year,
        });
        events.push(Event::GlDeterminationSet {
            determination: chart.determination,
        });
        events.extend(
            chart
                .tax_codes
                .into_iter()
                .map(|tax_code| Event::TaxCodeCreated { tax_code }),
        );
        // The template is data: fold it into a scratch Book so a bad
        // template is refused here, before anything is appended.
        let mut scratch = Book::new();
        for event in &events {
            scratch.apply(event)?;
        }
        Ok(events)
    }

    fn check_account_fields(&self, account: &Account) -> Result<(), DomainError> {
        if account.name_de.trim().is_empty() && account.name_en.trim().is_empty() {
            return Err(DomainError::Empty {
                field: Field::AccountName,
            });
        }
        check_text(
            &account.name_de,
            Field::AccountName,
            MAX_ACCOUNT_NAME_LEN,
            false,
        )?;
        check_text(
            &account.name_en,
            Field::AccountName,
            MAX_ACCOUNT_NAME_LEN,
            false,
        )?;
        if let (crate::ledger::account::AccountCurrency::Foreign(c), Some(s)) =
            (account.currency, &self.settings)
            && c == s.lc
        {
            return Err(DomainError::AccountCurrencyIsLocal {
                account: account.number,
            });
        }
        let mut seen = 0usize;
        let mut parent = account.parent;
        while let Some(p) = parent {
            if p == account.number || seen > MAX_ACCOUNTS {
                return Err(DomainError::ParentCycle {
                    account: account.number,
                });
            }
            let found = self.account(p).ok_or(DomainError::ParentNotFound {
                account: account.number,
                parent: p,
            })?;
            if found.postable {
                return Err(DomainError::ParentNotTitle {
                    account: account.number,
                    parent: p,
                });
            }
            parent = found.parent;
            seen += 1;
        }
        Ok(())
    }

    fn check_new_account(&self, account: &Account) -> Result<(), DomainError> {
        if self.account_index.contains_key(&account.number) {
            return Err(DomainError::AccountExists {
                account: account.number,
            });
        }
        if self.accounts.len() >= MAX_ACCOUNTS {
            return Err(DomainError::TooManyAccounts { max: MAX_ACCOUNTS });
        }
        self.check_account_fields(account)
    }

    fn check_updated_account(&self, account: &Account) -> Result<usize, DomainError> {
        let index =
            *self
                .account_index
                .get(&account.number)
                .ok_or(DomainError::UnknownAccount {
                    account: account.number,
                })?;
        self.check_account_fields(account)?;
        let old = &self.accounts[index];
        let structural = old.account_type != account.account_type
            || old.postable != account.postable
            || old.currency != account.currency;
        if structural && !self.account_lines[index].is_empty() {
            return Err(DomainError::AccountHasPostings {
                account: account.number,
            });
        }
        if account.postable
            && let Some(child) = self
                .accounts
                .iter()
                .find(|a| a.parent == Some(account.number))
        {
            return Err(DomainError::ParentNotTitle {
                account: child.number,
                parent: account.number,
            });
        }
        Ok(index)
    }

    fn check_rate(
        &self,
        currency: crate::ledger::currency::Currency,
        rate: Decimal,
    ) -> Result<(), DomainError> {
        let settings = self.settings.as_ref().ok_or(DomainError::NoCompany)?;
        if currency == settings.lc {
            return Err(DomainError::RateForLocalCurrency { currency });
        }
        RateTable::check_rate(currency, rate)
    }

    fn check_determination(&self, determination: &GlDetermination) -> Result<(), DomainError> {
        for (key, account) in determination.assigned() {
            let found = self
                .account(account)
                .ok_or(DomainError::DeterminationAccountNotFound { key, account })?;
            if !found.postable || !found.active {
                return Err(DomainError::DeterminationAccountNotPostable { key, account });
            }
        }
        Ok(())
    }

    fn check_tax_code(&self, tax_code: &TaxCode, new: bool) -> Result<(), DomainError> {
        let exists = self.tax_codes.contains_key(&tax_code.code);
        if new && exists {
            return Err(DomainError::TaxCodeExists {
                code: tax_code.code.clone(),
            });
        }
        if !new && !exists {
            return Err(DomainError::TaxCodeUnknown {
                line: None,
                code: tax_code.code.clone(),
            });
        }
        if new && self.tax_codes.len() >= MAX_TAX_CODES {
            return Err(DomainError::TooManyTaxCodes { max: MAX_TAX_CODES });
        }
        tax_code.check_shape()?;
        for account in [tax_code.output_account, tax_code.input_account]
            .into_iter()
            .flatten()
        {
            let usable = self
                .account(account)
                .is_some_and(|a| a.postable && a.currency.allows(None));
            if !usable {
                return Err(DomainError::TaxAccountInvalid {
                    code: tax_code.code.clone(),
                    account,
                });
            }
        }
        Ok(())
    }

    fn check_requirement(
        &self,
        requirement: &crate::ledger::costing::CentreRequirement,
    ) -> Result<(), DomainError> {
        if requirement.accounts.len() > MAX_REQUIRED_ACCOUNTS {
            return Err(DomainError::TooManyRequiredAccounts {
                max: MAX_REQUIRED_ACCOUNTS,
            });
        }
        for account in &requirement.accounts {
            self.account(*account)
                .ok_or(DomainError::UnknownAccount { account: *account })?;
        }
        Ok(())
    }

    /// Re-checks a posted entry read from the log; `index_posted` then
    /// indexes it.
    fn check_posted(&self, entry: &PostedEntry) -> Result<CheckedEntry, DomainError> {
        let expected = EntryId(self.entries.len() as u64 + 1);
        if entry.id != expected {
            return Err(DomainError::EntryIdMismatch {
                expected,
                found: entry.id,
            });
        }
        let date = entry.posting_date;
        let period = self
            .calendar
            .index_of_date(date)
            .ok_or(DomainError::NoPeriod { date })?;
        let year_index = self.calendar.year_index_of(period);
        let fiscal_year = self.calendar.reference(period).fiscal_year;
        let expected_number = self.last_number.get(year_index).copied().unwrap_or(0) + 1;
        if entry.fiscal_year != fiscal_year || entry.number != expected_number {
            return Err(DomainError::EntryNumberMismatch {
                fiscal_year,
                expected: expected_number,
                found: entry.number,
            });
        }
        let count = entry.lines.len();
        if count < 2 {
            return Err(DomainError::TooFewLines { count });
        }
        if count > MAX_LINES {
            return Err(DomainError::TooManyLines {
                count,
                max: MAX_LINES,
            });
        }
        let mut indexes = Vec::with_capacity(count);
        let (mut diff_lc, mut diff_sc) = (Decimal::ZERO, Decimal::ZERO);
        for (i, line) in entry.lines.iter().enumerate() {
            let index =
                *self
                    .account_index
                    .get(&line.account)
                    .ok_or(DomainError::AccountNotFound {
                        line: i,
                        account: line.account,
                    })?;
            if !self.accounts[index].postable {
                return Err(DomainError::AccountNotPostable {
                    line: i,
                    account: line.account,
                });
            }
            if line.amount_lc.is_sign_negative() || line.amount_sc.is_sign_negative() {
                return Err(DomainError::LineNegative { line: i });
            }
            if line.amount_lc.is_zero() && line.amount_sc.is_zero() {
                return Err(DomainError::LineZero { line: i });
            }
            if let Some(tax) = line.tax() {
                let base = usize::from(tax.base_line);
                let fits = base < i
                    && entry.lines[base].tax().is_none()
                    && entry.lines[base].tax_code() == Some(tax.code.as_str());
                if !fits {
                    return Err(DomainError::TaxLineMisplaced { line: i });
                }
            }
            if !line.shares().is_empty() {
                crate::ledger::costing::check_shares(i, line)?;
            }
            diff_lc += line.signed_lc();
            diff_sc += line.signed_sc();
            indexes.push(index);
        }
        let settings = self.settings.as_ref();
        if !diff_lc.is_zero() {
            return Err(DomainError::Unbalanced {
                diff_lc,
                decimals: settings.map_or(2, Settings::lc_decimals),
            });
        }
        if !diff_sc.is_zero() {
            return Err(DomainError::UnbalancedSc {
                diff_sc,
                decimals: settings.map_or(2, Settings::sc_decimals),
            });
        }
        if let Some(original) = entry.reverses {
            let found = self
                .entry(original)
                .ok_or(DomainError::EntryNotFound { entry: original })?;
            if found.reverses.is_some() {
                return Err(DomainError::ReversalOfReversal { entry: original });
            }
            if let Some(by) = self.reversed_by(original) {
                return Err(DomainError::AlreadyReversed {
                    entry: original,
                    by,
                });
            }
        }

        Ok(CheckedEntry {
            period,
            year_index,
            accounts: indexes,
        })
    }

    /// Indexes an entry `check_posted` accepted and keeps it. Never fails.
    fn index_posted(&mut self, mut entry: PostedEntry, checked: CheckedEntry) {
        let CheckedEntry {
            period,
            year_index,
            accounts,
        } = checked;
        // Decoding grows the line vector by doubling; the Book keeps every
        // entry for the company's life, so it keeps only what is used.
        entry.lines.shrink_to_fit();
        let entry_index = self.entries.len() as u32;
        for (i, (line, account)) in entry.lines.iter().zip(accounts).enumerate() {
            let totals = &mut self.balances[account][period];
            match line.side {
                Side::Debit => {
                    totals.debit_lc += line.amount_lc;
                    totals.debit_sc += line.amount_sc;
                }
                Side::Credit => {
                    totals.credit_lc += line.amount_lc;
                    totals.credit_sc += line.amount_sc;
                }
            }
            let at = LineRef {
                entry: entry_index,
                line: i as u16,
            };
            self.account_lines[account].push(at);
            if line.tax_code().is_some() || line.tax().is_some() {
                self.vat.add(period, line, at);
            }
            if self.accounts[account].account_type.is_profit_and_loss()
                && (!line.shares().is_empty() || line.has_dims())
            {
                self.centres.add(period, line);
            }
        }
        if let Some(slot) = self.last_number.get_mut(year_index) {
            *slot = entry.number;
        }
        if let Some(original) = entry.reverses {
            self.reversed_by[original.0 as usize - 1] = Some(entry.id);
        }
        self.reversed_by.push(None);
        self.entries.push(entry);
    }

    // ----- queries -----

    pub fn settings(&self) -> Option<&Settings> {
        self.settings.as_ref()
    }

    /// All accounts, in account-number order.
    pub fn accounts(&self) -> impl Iterator<Item = &Account> + '_ {
        self.account_index.values().map(|&i| &self.accounts[i])
    }

    pub fn account(&self, number: AccountNo) -> Option<&Account> {
        self.account_index.get(&number).map(|&i| &self.accounts[i])
    }

    pub fn determination(&self) -> &GlDetermination {
        &self.determination
    }

    /// Fiscal years, periods and their statuses.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    pub fn rates(&self) -> &RateTable {
        &self.rates
    }

    pub fn entry(&self, id: EntryId) -> Option<&PostedEntry> {
        let index = usize::try_from(id.0).ok()?.checked_sub(1)?;
        self.entries.get(index)
    }

    /// Entry `number` of `fiscal_year`. Scans entries; meant for look-ups
    /// by hand, not for loops.
    pub fn entry_by_number(&self, fiscal_year: i32, number: u32) -> Option<&PostedEntry> {
        self.entries
            .iter()
            .find(|e| e.fiscal_year == fiscal_year && e.number == number)
    }

    /// All posted entries in posting order (id order).
    pub fn entries(&self) -> &[PostedEntry] {
        &self.entries
    }

    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// The reversal that reversed `id`, if any.
    pub fn reversed_by(&self, id: EntryId) -> Option<EntryId> {
        let index = usize::try_from(id.0).ok()?.checked_sub(1)?;
        self.reversed_by.get(index).copied().flatten()
    }

    /// Last entry number used in the fiscal year with index `year_index`.
    pub fn last_number(&self, year_index: usize) -> u32 {
        self.last_number.get(year_index).copied().unwrap_or(0)
    }

    /// Per-period totals of an account (index = global period index).
    pub fn account_totals(&self, number: AccountNo) -> Option<&[Totals]> {
        self.account_index
            .get(&number)
            .map(|&i| self.balances[i].as_slice())
    }

    /// References to every line posted on an account, in posting order.
    pub fn account_line_refs(&self, number: AccountNo) -> Option<&[LineRef]> {
        self.account_index
            .get(&number)
            .map(|&i| self.account_lines[i].as_slice())
    }

    /// A tax code by its code.
    pub fn tax_code(&self, code: &str) -> Option<&TaxCode> {
        self.tax_codes.get(code)
    }

    /// All tax codes, in code order.
    pub fn tax_codes(&self) -> impl Iterator<Item = &TaxCode> + '_ {
        self.tax_codes.values()
    }

    /// Dimensions, centres, distribution rules, centre requirement.
    pub fn costing(&self) -> &Costing {
        &self.costing
    }

    /// Base and tax sums per tax code and period.
    pub fn vat_index(&self) -> &VatIndex {
        &self.vat
    }

    /// Amounts per dimension, centre, period and P&L account.
    pub fn centre_index(&self) -> &CentreIndex {
        &self.centres
    }

    /// The line a `LineRef` points at.
    pub fn line(&self, r: LineRef) -> Option<(&PostedEntry, &crate::ledger::entry::Line)> {
        let entry = self.entries.get(r.entry as usize)?;
        Some((entry, entry.lines.get(r.line as usize)?))
    }
}
