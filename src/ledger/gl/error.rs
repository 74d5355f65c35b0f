//! Refusals of the general ledger (Hauptbuch): company settings, accounts,
//! fiscal years and periods, exchange rates, G/L account determination.

use crate::ledger::gl::access::AccessError;
use crate::ledger::gl::datev::DatevSettingsError;
use crate::ledger::gl::determination::DeterminationKey;
use crate::ledger::gl::display::DisplayDecimalsError;
use crate::ledger::gl::entry_rules::EntryRulesError;
use crate::ledger::gl::numbering::NumberSeriesError;
use crate::ledger::gl::password_policy::PolicySettingError;
use crate::ledger::types::{AccountNo, Currency, InputError, PeriodRef};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GlError {
    #[error(transparent)]
    Input(#[from] InputError),

    // --- company ---
    #[error("the log already holds a company")]
    CompanyAlreadySetUp,
    #[error("{text:?} is not an ISO 3166 two-letter country code")]
    InvalidCountry { text: String },
    #[error("fiscal-year start month {month} is not between 1 and 12")]
    InvalidMonth { month: u32 },
    #[error("amount decimals {decimals} must be between {min} and {max}")]
    AmountDecimals { decimals: u32, min: u32, max: u32 },
    #[error("chart template line {line} is malformed")]
    ChartTemplate { line: usize },

    // --- accounts ---
    #[error("account {account} already exists")]
    AccountExists { account: AccountNo },
    #[error("account {account} does not exist")]
    UnknownAccount { account: AccountNo },
    #[error("parent {parent} of account {account} does not exist")]
    ParentNotFound {
        account: AccountNo,
        parent: AccountNo,
    },
    #[error("parent {parent} of account {account} is not a title account")]
    ParentNotTitle {
        account: AccountNo,
        parent: AccountNo,
    },
    #[error("account {account} cannot be its own ancestor")]
    ParentCycle { account: AccountNo },
    #[error("account {account} has postings, so its type, kind or currency cannot change")]
    AccountHasPostings { account: AccountNo },
    #[error("account {account} cannot be in the local currency as its one foreign currency")]
    AccountCurrencyIsLocal { account: AccountNo },
    #[error("a chart holds at most {max} accounts")]
    TooManyAccounts { max: usize },

    // --- fiscal years and periods ---
    #[error("fiscal year {year} is already open")]
    FiscalYearExists { year: i32 },
    #[error("fiscal year {year} cannot be opened; the next one must be {expected}")]
    FiscalYearNotNext { year: i32, expected: i32 },
    #[error("fiscal year {year} is not between {min} and {max}")]
    FiscalYearOutOfRange { year: i32, min: i32, max: i32 },
    #[error("at most {max} fiscal years can be open")]
    TooManyFiscalYears { max: usize },
    #[error("period {period:?} does not exist")]
    PeriodNotFound { period: PeriodRef },
    #[error("period {period:?} is locked for good; its status cannot change")]
    PeriodLockedFinal { period: PeriodRef },
    #[error("no open posting period contains {date}")]
    NoPeriod { date: NaiveDate },
    #[error("the period of {date} is locked")]
    PeriodLocked { date: NaiveDate },
    #[error("the period of {date} is a closing period; posting needs the closing right")]
    PeriodClosing { date: NaiveDate },
    #[error("the period of {date} is closed for sales; line {line} touches a revenue account")]
    PeriodClosedForSales { date: NaiveDate, line: usize },

    // --- exchange rates ---
    #[error("the rate for {currency} must be greater than zero and at most {max}")]
    RateOutOfRange { currency: Currency, max: Decimal },
    #[error("the rate for {currency} has more than {max} decimals")]
    RateTooPrecise { currency: Currency, max: u32 },
    #[error("{currency} is the local currency; it has no exchange rate")]
    RateForLocalCurrency { currency: Currency },
    #[error("no exchange rate for {currency} on or before {date}")]
    RateMissing { currency: Currency, date: NaiveDate },

    // --- G/L account determination ---
    #[error("determination {key:?}: account {account} does not exist")]
    DeterminationAccountNotFound {
        key: DeterminationKey,
        account: AccountNo,
    },
    #[error("determination {key:?}: account {account} is not postable or not active")]
    DeterminationAccountNotPostable {
        key: DeterminationKey,
        account: AccountNo,
    },
    /// Only receivables and payables may name a control account: lines the
    /// engine generates on the others carry no business partner.
    #[error("determination {key:?}: account {account} is a control account")]
    DeterminationAccountIsControl {
        key: DeterminationKey,
        account: AccountNo,
    },
    #[error("determination {key:?} has no account, but this posting needs one")]
    DeterminationMissing { key: DeterminationKey },

    // --- DATEV settings (issue 19) ---
    #[error(transparent)]
    Datev(#[from] DatevSettingsError),

    // --- data-entry rules (issue 18) ---
    #[error(transparent)]
    EntryRules(#[from] EntryRulesError),

    // --- numbering series (issue 18) ---
    #[error(transparent)]
    Series(#[from] NumberSeriesError),

    // --- display decimals (issue 18) ---
    #[error(transparent)]
    DisplayDecimals(#[from] DisplayDecimalsError),

    // --- password policy (issue 18) ---
    #[error(transparent)]
    PasswordPolicy(#[from] PolicySettingError),

    // --- users and rights (issue 18): boxed, so every `Result` carrying
    // a `GlError` stays small ---
    #[error(transparent)]
    Access(Box<AccessError>),
}

impl From<AccessError> for GlError {
    fn from(e: AccessError) -> GlError {
        GlError::Access(Box::new(e))
    }
}

impl GlError {
    /// The 0-based entry line the refusal is about, if any.
    /// The 0-based entry line the refusal is about, if any.
    pub fn line(&self) -> Option<usize> {
        self.clone().line_mut().copied()
    }

    /// The same line, to renumber it (the grid skips blank rows).
    pub fn line_mut(&mut self) -> Option<&mut usize> {
        match self {
            GlError::Input(e) => e.line_mut(),
            GlError::PeriodClosedForSales { line, .. } => Some(line),
            GlError::CompanyAlreadySetUp
            | GlError::InvalidCountry { .. }
            | GlError::InvalidMonth { .. }
            | GlError::AmountDecimals { .. }
            | GlError::ChartTemplate { .. }
            | GlError::AccountExists { .. }
            | GlError::UnknownAccount { .. }
            | GlError::ParentNotFound { .. }
            | GlError::ParentNotTitle { .. }
            | GlError::ParentCycle { .. }
            | GlError::AccountHasPostings { .. }
            | GlError::AccountCurrencyIsLocal { .. }
            | GlError::TooManyAccounts { .. }
            | GlError::FiscalYearExists { .. }
            | GlError::FiscalYearNotNext { .. }
            | GlError::FiscalYearOutOfRange { .. }
            | GlError::TooManyFiscalYears { .. }
            | GlError::PeriodNotFound { .. }
            | GlError::PeriodLockedFinal { .. }
            | GlError::NoPeriod { .. }
            | GlError::PeriodLocked { .. }
            | GlError::PeriodClosing { .. }
            | GlError::RateOutOfRange { .. }
            | GlError::RateTooPrecise { .. }
            | GlError::RateForLocalCurrency { .. }
            | GlError::RateMissing { .. }
            | GlError::DeterminationAccountNotFound { .. }
            | GlError::DeterminationAccountNotPostable { .. }
            | GlError::DeterminationAccountIsControl { .. }
            | GlError::DeterminationMissing { .. }
            | GlError::Datev(_)
            | GlError::EntryRules(_)
            | GlError::Series(_)
            | GlError::DisplayDecimals(_)
            | GlError::PasswordPolicy(_)
            | GlError::Access(_) => None,
        }
    }
}
