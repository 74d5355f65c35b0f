//! Domain errors (Fehler): why the engine refused a command or an event.
//! One enum for the whole ledger so that the UI maps each variant to one
//! German and one English sentence; every variant carries the field, line,
//! account, date or period that is wrong, never a prose string.

use crate::ledger::account::AccountNo;
use crate::ledger::currency::Currency;
use crate::ledger::determination::DeterminationKey;
use crate::ledger::entry::EntryId;
use crate::ledger::period::PeriodRef;
use crate::ledger::tax::TaxPart;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A text field a limit or a "must not be empty" rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    CompanyName,
    Address,
    Country,
    VatId,
    TaxNumber,
    AccountName,
    Reference,
    Memo,
    User,
    LineMemo { line: usize },
    TaxCode { line: usize },
    Dimension { line: usize, dim: usize },
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    // --- company ---
    #[error("no company has been set up yet")]
    NoCompany,
    #[error("the company is already set up")]
    CompanyAlreadySetUp,
    #[error("{field:?} must not be empty")]
    Empty { field: Field },
    #[error("{field:?} is longer than {max} characters")]
    TextTooLong { field: Field, max: usize },
    #[error("{code:?} is not an ISO 4217 currency code Kontor knows")]
    UnknownCurrency { code: String },
    #[error("{text:?} is not an ISO 3166 two-letter country code")]
    InvalidCountry { text: String },
    #[error("fiscal-year start month {month} is not between 1 and 12")]
    InvalidMonth { month: u32 },
    #[error("amount decimals {decimals} must be between {min} and {max}")]
    AmountDecimals { decimals: u32, min: u32, max: u32 },
    #[error("chart template line {line} is malformed")]
    ChartTemplate { line: usize },

    // --- accounts ---
    #[error("{text:?} is not a valid account number (1 to 15 letters or digits)")]
    InvalidAccountNo { text: String },
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
    #[error("determination {key:?} has no account, but this posting needs one")]
    DeterminationMissing { key: DeterminationKey },

    // --- journal entries ---
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
    /// `decimals`: the local currency's, so the message can write the
    /// difference as an amount (`10.00`, not the value's own `10.0`).
    #[error("the entry does not balance in local currency: debit minus credit is {diff_lc}")]
    Unbalanced { diff_lc: Decimal, decimals: u32 },
    #[error("the entry does not balance in system currency: debit minus credit is {diff_sc}")]
    UnbalancedSc { diff_sc: Decimal, decimals: u32 },

    // --- tax codes (Steuerkennzeichen) ---
    #[error("{code:?} is not a valid tax code (1 to 12 letters, digits, - or _)")]
    InvalidTaxCode { code: String },
    #[error("tax code {code} already exists")]
    TaxCodeExists { code: String },
    #[error("a company has at most {max} tax codes")]
    TooManyTaxCodes { max: usize },
    #[error("tax code {code:?} does not exist (line {line:?})")]
    TaxCodeUnknown { line: Option<usize>, code: String },
    #[error("line {line}: tax code {code} is inactive")]
    TaxCodeInactive { line: usize, code: String },
    #[error("tax code {code} needs a name (at most 120 characters)")]
    TaxCodeName { code: String },
    #[error("tax code {code}: intra-EU acquisition and reverse charge are input (purchase) codes")]
    TaxCodeDirection { code: String },
    #[error("tax code {code} has no rate")]
    TaxRatesEmpty { code: String },
    #[error("tax code {code} has more than {max} rates")]
    TaxRatesTooMany { code: String, max: usize },
    #[error(
        "tax code {code}: the rate from {valid_from} is not between 0 and 100 with at most 4 decimals, or not after the previous one"
    )]
    TaxRateInvalid { code: String, valid_from: NaiveDate },
    #[error("tax code {code} has no rate valid on {date}")]
    TaxRateMissing { code: String, date: NaiveDate },
    #[error("tax code {code} needs an account for its {part:?} tax")]
    TaxAccountMissing { code: String, part: TaxPart },
    #[error(
        "tax code {code}: account {account} does not exist, is not postable, inactive or not in local currency"
    )]
    TaxAccountInvalid { code: String, account: AccountNo },
    #[error("tax code {code}: Kennzahl {kennzahl} is not between 1 and 99")]
    InvalidKennzahl { code: String, kennzahl: u8 },
    #[error("line {line}: gross entry is only possible in local currency")]
    GrossForeignCurrency { line: usize },

    // --- cost accounting (Kostenrechnung) ---
    #[error("dimension {dimension} is not between 1 and 5")]
    DimensionInvalid { dimension: u8 },
    #[error("dimension {dimension} is not defined (line {line:?})")]
    DimensionUndefined { line: Option<usize>, dimension: u8 },
    #[error("line {line}: dimension {dimension} is inactive")]
    DimensionInactive { line: usize, dimension: u8 },
    #[error("{code:?} is not a valid centre or rule code in dimension {dimension}")]
    InvalidCentreCode { dimension: u8, code: String },
    #[error("dimension {dimension} already has a centre or rule {code}")]
    CentreCodeTaken { dimension: u8, code: String },
    #[error("dimension {dimension} has no centre or rule {code:?} (line {line:?})")]
    CentreUnknown {
        line: Option<usize>,
        dimension: u8,
        code: String,
    },
    #[error("dimension {dimension} holds at most {max} centres and rules")]
    TooManyCentres { dimension: u8, max: usize },
    #[error("dimension {dimension} {code:?} needs a name (at most 120 characters)")]
    CostingName { dimension: u8, code: String },
    #[error("dimension {dimension} {code}: valid-from is after valid-to")]
    ValidityReversed { dimension: u8, code: String },
    #[error("distribution rule {rule} needs 1 to {max} centres")]
    RuleShareCount { rule: String, max: usize },
    #[error("distribution rule {rule} names centre {centre} twice")]
    RuleCentreTwice { rule: String, centre: String },
    #[error(
        "distribution rule {rule}: the value for centre {centre} must be positive with at most 6 decimals"
    )]
    RuleShareInvalid { rule: String, centre: String },
    #[error("distribution rule {rule}: the percentages add up to {sum}, not 100")]
    DistributionNotHundred { rule: String, sum: Decimal },
    #[error("line {line}: {code} of dimension {dimension} is inactive or not valid on {date}")]
    CentreNotUsable {
        line: usize,
        dimension: u8,
        code: String,
        date: NaiveDate,
    },
    #[error("line {line}: account {account} requires a cost centre in dimension 1")]
    CentreRequired { line: usize, account: AccountNo },
    #[error("the centre requirement names more than {max} accounts")]
    TooManyRequiredAccounts { max: usize },
    #[error("line {line}: the centre shares of dimension {dimension} do not add up to the line")]
    SharesMismatch { line: usize, dimension: u8 },
    #[error("line {line}: a generated tax line must follow its base line")]
    TaxLineMisplaced { line: usize },

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
        error: Box<DomainError>,
    },

    // --- events that do not fit the Book (corrupt or reordered log) ---
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
}
