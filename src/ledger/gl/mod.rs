//! The general ledger (Hauptbuch): company settings, the chart of
//! accounts, the fiscal calendar, exchange rates, G/L account
//! determination, and the index every balance report reads: debit and
//! credit per (account, period) in LC and SC, and per account the list of
//! its posted lines. A trial balance reads `accounts × periods` numbers,
//! never a line.

pub mod access;
pub mod account;
pub mod command;
pub mod company;
pub mod datev;
pub mod determination;
pub mod display;
pub mod entry_rules;
pub mod error;
pub mod fx;
pub mod numbering;
pub mod password_policy;
pub mod period;

pub use access::{Access, AccessError, Area, Level, Role, User, UserLanguage};
pub use account::{Account, AccountCurrency, AccountType};
pub use command::{GlCommand, GlEvent};
pub use company::{ChartTemplate, CompanyDetails, Settings};
pub use datev::{DatevSettings, DatevSettingsError};
pub use determination::{DeterminationKey, GlDetermination};
pub use display::{DisplayDecimals, DisplayDecimalsError, DisplayField};
pub use entry_rules::{
    EntryRules, EntryRulesError, MAX_CASH_ACCOUNTS, MAX_WINDOW_DAYS, RuleBreach, RuleMode,
};
pub use error::GlError;
pub use fx::RateTable;
pub use numbering::{DocumentKind, NumberSeries, NumberSeriesError, Numbering};
pub use password_policy::{
    CharClass, PasswordPolicy, PolicyField, PolicySettingError, RequiredClasses,
};

use crate::ledger::types::limits::{MAX_ACCOUNT_NAME_LEN, MAX_ACCOUNTS};
use crate::ledger::types::{
    AccountNo, Calendar, Currency, Field, LineRef, PostedEntry, Side, check_text,
};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Debit and credit sums of one account in one period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Totals {
    #[serde(with = "crate::ledger::types::compact::decimal")]
    pub debit_lc: Decimal,
    #[serde(with = "crate::ledger::types::compact::decimal")]
    pub credit_lc: Decimal,
    #[serde(with = "crate::ledger::types::compact::decimal")]
    pub debit_sc: Decimal,
    #[serde(with = "crate::ledger::types::compact::decimal")]
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

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Gl {
    settings: Settings,
    /// In creation order; `account_index` maps numbers (in number order).
    accounts: Vec<Account>,
    account_index: BTreeMap<AccountNo, usize>,
    determination: GlDetermination,
    calendar: Calendar,
    rates: RateTable,
    /// `balances[account][period]`, periods numbered globally.
    balances: Vec<Vec<Totals>>,
    account_lines: Vec<Vec<LineRef>>,
    /// DATEV export settings; `None` until set (issue 19).
    datev: Option<DatevSettings>,
    /// Data-entry rules; every rule off until set (issue 18).
    entry_rules: EntryRules,
    /// Numbering series and the numbers they gave (issue 18).
    numbering: Numbering,
    /// Users, roles and rights (issue 18).
    access: Access,
    /// The password policy; the default until set (issue 18).
    password_policy: PasswordPolicy,
    /// Display decimals of rates and quantities (issue 18).
    display: DisplayDecimals,
}

impl Gl {
    /// The ledger of a company with `settings` and nothing else yet.
    pub fn new(settings: Settings) -> Result<Gl, GlError> {
        settings.check()?;
        Ok(Gl {
            calendar: Calendar::new(settings.fiscal_year_start_month, settings.period_layout),
            settings,
            accounts: Vec::new(),
            account_index: BTreeMap::new(),
            determination: GlDetermination::default(),
            rates: RateTable::default(),
            balances: Vec::new(),
            account_lines: Vec::new(),
            datev: None,
            entry_rules: EntryRules::default(),
            numbering: Numbering::default(),
            access: Access::default(),
            password_policy: PasswordPolicy::default(),
            display: DisplayDecimals::default(),
        })
    }

    /// The events `cmd` would append, or why not. Pure.
    pub fn check(&self, cmd: &GlCommand) -> Result<GlEvent, GlError> {
        Ok(match cmd {
            GlCommand::CreateAccount { account } => {
                self.check_new_account(account)?;
                GlEvent::AccountCreated {
                    account: account.clone(),
                }
            }
            GlCommand::UpdateAccount { account } => {
                self.check_updated_account(account)?;
                GlEvent::AccountUpdated {
                    account: account.clone(),
                }
            }
            GlCommand::SetAccountActive { account, active } => {
                self.index_of(*account)?;
                GlEvent::AccountActiveSet {
                    account: *account,
                    active: *active,
                }
            }
            GlCommand::OpenFiscalYear { year } => {
                period::check_open(&self.calendar, *year)?;
                GlEvent::FiscalYearOpened { year: *year }
            }
            GlCommand::SetPeriodStatus { period, status } => {
                period::check_status_change(&self.calendar, *period)?;
                GlEvent::PeriodStatusSet {
                    period: *period,
                    status: *status,
                }
            }
            GlCommand::SetExchangeRate {
                currency,
                date,
                rate_fc_per_lc,
            } => {
                self.check_rate(*currency, *rate_fc_per_lc)?;
                GlEvent::ExchangeRateSet {
                    currency: *currency,
                    date: *date,
                    rate_fc_per_lc: *rate_fc_per_lc,
                }
            }
            GlCommand::SetGlDetermination { determination } => {
                self.check_determination(determination)?;
                GlEvent::GlDeterminationSet {
                    determination: determination.clone(),
                }
            }
            GlCommand::UpdateCompanyDetails { details } => {
                details.check()?;
                GlEvent::CompanyDetailsUpdated {
                    details: details.clone(),
                }
            }
            GlCommand::SetDatevSettings { settings, by, at } => {
                self.check_datev(settings)?;
                GlEvent::DatevSettingsSet {
                    settings: settings.clone(),
                    by: by.clone(),
                    at: *at,
                }
            }
            GlCommand::SetEntryRules { rules, by, at } => {
                self.check_entry_rules(rules)?;
                GlEvent::EntryRulesSet {
                    rules: rules.clone(),
                    by: by.clone(),
                    at: *at,
                }
            }
            GlCommand::SetNumberSeries { series, by, at } => {
                self.numbering.check(series)?;
                GlEvent::NumberSeriesSet {
                    series: series.clone(),
                    by: by.clone(),
                    at: *at,
                }
            }
            GlCommand::SaveRole { role, by, at } => {
                self.access.check_role(role)?;
                GlEvent::RoleSaved {
                    role: role.stored(),
                    by: by.clone(),
                    at: *at,
                }
            }
            GlCommand::SaveUser { user, by, at } => {
                self.access.check_user(user)?;
                GlEvent::UserSaved {
                    user: user.clone(),
                    by: by.clone(),
                    at: *at,
                }
            }
            GlCommand::SetDisplayDecimals { decimals, by, at } => {
                decimals.check()?;
                GlEvent::DisplayDecimalsSet {
                    decimals: *decimals,
                    by: by.clone(),
                    at: *at,
                }
            }
            GlCommand::SetPasswordPolicy { policy, by, at } => {
                policy.validate()?;
                GlEvent::PasswordPolicySet {
                    policy: *policy,
                    by: by.clone(),
                    at: *at,
                }
            }
        })
    }

    /// Folds one event in, re-checking it; on error the ledger is unchanged.
    pub fn apply(&mut self, event: &GlEvent) -> Result<(), GlError> {
        match event {
            GlEvent::AccountCreated { account } => {
                self.check_new_account(account)?;
                self.account_index
                    .insert(account.number, self.accounts.len());
                self.accounts.push(account.clone());
                self.balances
                    .push(vec![Totals::default(); self.calendar.period_count()]);
                self.account_lines.push(Vec::new());
            }
            GlEvent::AccountUpdated { account } => {
                let index = self.check_updated_account(account)?;
                self.accounts[index] = account.clone();
            }
            GlEvent::AccountActiveSet { account, active } => {
                let index = self.index_of(*account)?;
                self.accounts[index].active = *active;
            }
            GlEvent::FiscalYearOpened { year } => {
                period::check_open(&self.calendar, *year)?;
                self.calendar.open_year(*year);
                let periods = self.calendar.period_count();
                for per_account in &mut self.balances {
                    per_account.resize(periods, Totals::default());
                }
            }
            GlEvent::PeriodStatusSet { period, status } => {
                let index = period::check_status_change(&self.calendar, *period)?;
                self.calendar.set_status(index, *status);
            }
            GlEvent::ExchangeRateSet {
                currency,
                date,
                rate_fc_per_lc,
            } => {
                self.check_rate(*currency, *rate_fc_per_lc)?;
                self.rates.set(*currency, *date, *rate_fc_per_lc);
            }
            GlEvent::GlDeterminationSet { determination } => {
                self.check_determination(determination)?;
                self.determination = determination.clone();
            }
            GlEvent::CompanyDetailsUpdated { details } => {
                details.check()?;
                self.settings = self.settings.with_details(details.clone());
            }
            GlEvent::DatevSettingsSet { settings, .. } => {
                self.check_datev(settings)?;
                self.datev = Some(settings.clone());
            }
            GlEvent::EntryRulesSet { rules, .. } => {
                self.check_entry_rules(rules)?;
                self.entry_rules = rules.clone();
            }
            GlEvent::NumberSeriesSet { series, .. } => self.numbering.set(series)?,
            GlEvent::SeriesNumberDrawn {
                series,
                year,
                number,
                ..
            } => self.numbering.draw(series, *year, *number)?,
            GlEvent::RoleSaved { role, .. } => {
                self.access.check_role(role)?;
                self.access.save_role(role);
            }
            GlEvent::UserSaved { user, .. } => {
                self.access.check_user(user)?;
                self.access.save_user(user);
            }
            GlEvent::DisplayDecimalsSet { decimals, .. } => {
                decimals.check()?;
                self.display = *decimals;
            }
            GlEvent::PasswordPolicySet { policy, .. } => {
                policy.validate()?;
                self.password_policy = *policy;
            }
        }
        Ok(())
    }

    /// Indexes the lines of a posted entry (the journal checked it and
    /// resolved each line's account index and the period).
    pub(crate) fn on_entry_posted(
        &mut self,
        entry_index: u32,
        entry: &PostedEntry,
        period: usize,
        accounts: &[usize],
    ) {
        assert_eq!(entry.lines.len(), accounts.len(), "one account per line");
        for (i, (line, &account)) in entry.lines.iter().zip(accounts).enumerate() {
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
            self.account_lines[account].push(LineRef {
                entry: entry_index,
                // Fits: the journal refuses entries over MAX_LINES, which
                // fits a u16 (asserted in `types::limits`).
                line: u16::try_from(i).unwrap_or_else(|_| unreachable!("line index fits u16")),
            });
        }
    }

    /// The DATEV export settings, if the company set them (issue 19).
    pub fn datev_settings(&self) -> Option<&DatevSettings> {
        self.datev.as_ref()
    }

    /// The numbering series and the numbers they gave (issue 18).
    pub fn numbering(&self) -> &Numbering {
        &self.numbering
    }

    /// The reference the next entry of series `code` dated `date` would
    /// draw (the series counts per fiscal year of the posting date); `None`
    /// for an unknown series, a date outside the calendar or an exhausted
    /// year. What the entry screen and the series page show before posting.
    pub fn next_series_reference(&self, code: &str, date: chrono::NaiveDate) -> Option<String> {
        let year = self
            .calendar
            .reference(self.calendar.index_of_date(date)?)
            .fiscal_year;
        let next = self.numbering.next(code, year, 0).ok()?;
        Some(self.numbering.find(code)?.reference(year, next))
    }

    /// Users, roles and rights (issue 18).
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// Display decimals of rates and quantities (issue 18).
    pub fn display_decimals(&self) -> &DisplayDecimals {
        &self.display
    }

    /// The password policy (the default until set, issue 18).
    pub fn password_policy(&self) -> &PasswordPolicy {
        &self.password_policy
    }

    /// The data-entry rules (every rule off until set, issue 18).
    pub fn entry_rules(&self) -> &EntryRules {
        &self.entry_rules
    }

    /// The LC balance of `account` over every period (0 for an unknown one).
    pub fn balance_lc(&self, account: AccountNo) -> Decimal {
        self.account_totals(account)
            .map(|periods| periods.iter().map(Totals::balance_lc).sum())
            .unwrap_or_default()
    }

    // ----- checks shared by commands and events -----

    fn check_entry_rules(&self, rules: &EntryRules) -> Result<(), GlError> {
        Ok(entry_rules::check(rules, |number| {
            self.account(number)
                .is_some_and(|a| a.postable && !a.control && a.account_type == AccountType::Asset)
        })?)
    }

    fn check_datev(&self, settings: &DatevSettings) -> Result<(), GlError> {
        Ok(datev::check(
            settings,
            self.accounts.iter().map(|a| &a.number),
        )?)
    }

    fn index_of(&self, account: AccountNo) -> Result<usize, GlError> {
        self.account_index
            .get(&account)
            .copied()
            .ok_or(GlError::UnknownAccount { account })
    }

    fn check_account_fields(&self, account: &Account) -> Result<(), GlError> {
        if account.name_de.trim().is_empty() && account.name_en.trim().is_empty() {
            return Err(crate::ledger::types::InputError::Empty {
                field: Field::AccountName,
            }
            .into());
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
        if let AccountCurrency::Foreign(c) = account.currency
            && c == self.settings.lc
        {
            return Err(GlError::AccountCurrencyIsLocal {
                account: account.number,
            });
        }
        self.check_parents(account)
    }

    /// Every ancestor exists and is a title account, without a cycle.
    fn check_parents(&self, account: &Account) -> Result<(), GlError> {
        let mut seen = 0usize;
        let mut parent = account.parent;
        while let Some(p) = parent {
            if p == account.number || seen > MAX_ACCOUNTS {
                return Err(GlError::ParentCycle {
                    account: account.number,
                });
            }
            let found = self.account(p).ok_or(GlError::ParentNotFound {
                account: account.number,
                parent: p,
            })?;
            if found.postable {
                return Err(GlError::ParentNotTitle {
                    account: account.number,
                    parent: p,
                });
            }
            parent = found.parent;
            seen += 1;
        }
        Ok(())
    }

    fn check_new_account(&self, account: &Account) -> Result<(), GlError> {
        if self.account_index.contains_key(&account.number) {
            return Err(GlError::AccountExists {
                account: account.number,
            });
        }
        if self.accounts.len() >= MAX_ACCOUNTS {
            return Err(GlError::TooManyAccounts { max: MAX_ACCOUNTS });
        }
        self.check_account_fields(account)
    }

    fn check_updated_account(&self, account: &Account) -> Result<usize, GlError> {
        let index = self.index_of(account.number)?;
        self.check_account_fields(account)?;
        let old = &self.accounts[index];
        let structural = old.account_type != account.account_type
            || old.postable != account.postable
            || old.currency != account.currency;
        if structural && !self.account_lines[index].is_empty() {
            return Err(GlError::AccountHasPostings {
                account: account.number,
            });
        }
        if account.postable
            && let Some(child) = self
                .accounts
                .iter()
                .find(|a| a.parent == Some(account.number))
        {
            return Err(GlError::ParentNotTitle {
                account: child.number,
                parent: account.number,
            });
        }
        Ok(index)
    }

    fn check_rate(&self, currency: Currency, rate: Decimal) -> Result<(), GlError> {
        if currency == self.settings.lc {
            return Err(GlError::RateForLocalCurrency { currency });
        }
        RateTable::check_rate(currency, rate)
    }

    fn check_determination(&self, determination: &GlDetermination) -> Result<(), GlError> {
        for (key, account) in determination.assigned() {
            let found = self
                .account(account)
                .ok_or(GlError::DeterminationAccountNotFound { key, account })?;
            if !found.postable || !found.active {
                return Err(GlError::DeterminationAccountNotPostable { key, account });
            }
            let partner_key = matches!(
                key,
                DeterminationKey::Receivables | DeterminationKey::Payables
            );
            if found.control && !partner_key {
                return Err(GlError::DeterminationAccountIsControl { key, account });
            }
        }
        Ok(())
    }

    // ----- queries -----

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// All accounts, in account-number order.
    pub fn accounts(&self) -> impl Iterator<Item = &Account> + '_ {
        self.account_index.values().map(|&i| &self.accounts[i])
    }

    pub fn account(&self, number: AccountNo) -> Option<&Account> {
        self.account_index.get(&number).map(|&i| &self.accounts[i])
    }

    /// The position of an account in creation order (the index the
    /// balance index uses).
    pub(crate) fn account_slot(&self, number: AccountNo) -> Option<usize> {
        self.account_index.get(&number).copied()
    }

    pub(crate) fn account_at(&self, slot: usize) -> &Account {
        &self.accounts[slot]
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

    /// A determination account that may be posted to by the engine.
    pub fn determined_account(&self, key: DeterminationKey) -> Result<AccountNo, GlError> {
        let number = self
            .determination
            .get(key)
            .ok_or(GlError::DeterminationMissing { key })?;
        let usable = self
            .account(number)
            .is_some_and(|a| a.postable && a.active && a.currency.allows(None));
        if !usable {
            return Err(GlError::DeterminationAccountNotPostable {
                key,
                account: number,
            });
        }
        Ok(number)
    }
}
