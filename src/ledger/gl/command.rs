//! Commands and events of the general ledger: master data of accounts,
//! fiscal years and periods, exchange rates, determination, company
//! details. Posted entries are the journal's.

use crate::ledger::gl::access::{Role, User};
use crate::ledger::gl::account::Account;
use crate::ledger::gl::company::CompanyDetails;
use crate::ledger::gl::datev::DatevSettings;
use crate::ledger::gl::determination::GlDetermination;
use crate::ledger::gl::display::DisplayDecimals;
use crate::ledger::gl::entry_rules::EntryRules;
use crate::ledger::gl::numbering::NumberSeries;
use crate::ledger::gl::password_policy::PasswordPolicy;
use crate::ledger::types::{AccountNo, Currency, EntryId, PeriodRef, PeriodStatus, Timestamp};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GlCommand {
    CreateAccount {
        account: Account,
    },
    /// Replaces the account's master data. Type, kind and currency cannot
    /// change once the account has postings.
    UpdateAccount {
        account: Account,
    },
    SetAccountActive {
        account: AccountNo,
        active: bool,
    },
    /// Opens the fiscal year after the last open one.
    OpenFiscalYear {
        year: i32,
    },
    SetPeriodStatus {
        period: PeriodRef,
        status: PeriodStatus,
    },
    SetExchangeRate {
        currency: Currency,
        date: NaiveDate,
        rate_fc_per_lc: Decimal,
    },
    SetGlDetermination {
        determination: GlDetermination,
    },
    /// Firmendaten: name, address, country, tax ids.
    UpdateCompanyDetails {
        details: CompanyDetails,
    },
    /// DATEV export settings (issue 19): replaces the previous ones.
    SetDatevSettings {
        settings: DatevSettings,
        by: String,
        at: Timestamp,
    },
    /// Data-entry rules (issue 18): replaces the previous ones.
    SetEntryRules {
        rules: EntryRules,
        by: String,
        at: Timestamp,
    },
    /// Numbering series (issue 18): replaces the list.
    SetNumberSeries {
        series: Vec<NumberSeries>,
        by: String,
        at: Timestamp,
    },
    /// A role and its rights (issue 18): added or replaced by code.
    SaveRole {
        role: Role,
        by: String,
        at: Timestamp,
    },
    /// A user (issue 18): added or replaced by login.
    SaveUser {
        user: User,
        by: String,
        at: Timestamp,
    },
    /// Display decimals of rates and quantities (issue 18): replace the
    /// previous ones.
    SetDisplayDecimals {
        decimals: DisplayDecimals,
        by: String,
        at: Timestamp,
    },
    /// The password policy (issue 18): replaces the previous one.
    SetPasswordPolicy {
        policy: PasswordPolicy,
        by: String,
        at: Timestamp,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GlEvent {
    AccountCreated {
        account: Account,
    },
    AccountUpdated {
        account: Account,
    },
    AccountActiveSet {
        account: AccountNo,
        active: bool,
    },
    FiscalYearOpened {
        year: i32,
    },
    PeriodStatusSet {
        period: PeriodRef,
        status: PeriodStatus,
    },
    ExchangeRateSet {
        currency: Currency,
        date: NaiveDate,
        rate_fc_per_lc: Decimal,
    },
    GlDeterminationSet {
        determination: GlDetermination,
    },
    CompanyDetailsUpdated {
        details: CompanyDetails,
    },
    DatevSettingsSet {
        settings: DatevSettings,
        by: String,
        at: Timestamp,
    },
    EntryRulesSet {
        rules: EntryRules,
        by: String,
        at: Timestamp,
    },
    NumberSeriesSet {
        series: Vec<NumberSeries>,
        by: String,
        at: Timestamp,
    },
    /// `number` of `series` in fiscal `year` went to `entry` as its
    /// reference; appended with the entry by posting, never alone.
    SeriesNumberDrawn {
        series: String,
        year: i32,
        number: u32,
        entry: EntryId,
    },
    RoleSaved {
        role: Role,
        by: String,
        at: Timestamp,
    },
    UserSaved {
        user: User,
        by: String,
        at: Timestamp,
    },
    DisplayDecimalsSet {
        decimals: DisplayDecimals,
        by: String,
        at: Timestamp,
    },
    PasswordPolicySet {
        policy: PasswordPolicy,
        by: String,
        at: Timestamp,
    },
}
