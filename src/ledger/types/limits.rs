//! Every limit of the engine in one place (Grenzen). Each says what it
//! bounds and why; a refusal at a limit carries the constant as `max`, so
//! no sentence types a number. The assertions at the bottom check at
//! compile time the relationships other code relies on.

use rust_decimal::Decimal;

// --- accounts and chart ---
/// Longest account number; SKR numbers have 4 digits, extended charts 8.
pub const MAX_ACCOUNT_NO_LEN: usize = 15;
/// Most accounts one chart may hold; more are refused.
pub const MAX_ACCOUNTS: usize = 10_000;
/// Longest account name, in characters.
pub const MAX_ACCOUNT_NAME_LEN: usize = 120;

// --- company ---
/// Longest company name, address, tax id (characters).
pub const MAX_NAME_LEN: usize = 120;
pub const MAX_ADDRESS_LEN: usize = 500;
pub const MAX_TAX_ID_LEN: usize = 32;
/// Most decimals LC amounts may carry.
pub const MAX_AMOUNT_DECIMALS: u32 = 6;
/// Fiscal years a company may open; beyond it, `TooManyFiscalYears`.
pub const MAX_FISCAL_YEARS: usize = 100;
/// The range of fiscal years (by the calendar year they start in).
pub const MIN_FISCAL_YEAR: i32 = 1900;
pub const MAX_FISCAL_YEAR: i32 = 9000;

// --- exchange rates ---
/// Largest rate (FC per LC) accepted.
pub const MAX_FX_RATE: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);
/// Most decimals of an exchange rate.
pub const MAX_FX_RATE_DECIMALS: u32 = 10;

// --- journal entries ---
/// Most lines one entry may have; more are refused with `TooManyLines`
/// (generated rounding lines count too, so users get at most 997).
pub const MAX_LINES: usize = 999;
/// Longest reference, memo, user, line memo, tax code or dimension value.
pub const MAX_TEXT_LEN: usize = 254;
/// Cost-accounting dimensions per line (Kostenrechnungsdimensionen).
pub const DIMENSIONS: usize = 5;
/// Highest entry number within one fiscal year.
pub const MAX_ENTRY_NUMBER: u32 = 99_999_999;
/// Most entries one journal voucher may hold.
pub const MAX_VOUCHER_ENTRIES: usize = 999;

// --- tax codes ---
/// Longest tax code (e.g. "IGE19", "RCB19").
pub const MAX_TAX_CODE_LEN: usize = 12;
/// Most tax codes a company may define.
pub const MAX_TAX_CODES: usize = 500;
/// Most entries of one rate history.
pub const MAX_TAX_RATES: usize = 50;
/// Most decimals of a tax rate in percent (e.g. 10.7 % needs one).
pub const MAX_TAX_RATE_DECIMALS: u32 = 4;
/// Longest tax-code name, in characters.
pub const MAX_TAX_NAME_LEN: usize = 120;
/// UStVA Kennzahlen are numbered 1..=99.
pub const MIN_KENNZAHL: u8 = 1;
pub const MAX_KENNZAHL: u8 = 99;

// --- cost accounting ---
/// Longest centre or rule code.
pub const MAX_CENTRE_CODE_LEN: usize = 20;
/// Most centres plus rules per dimension.
pub const MAX_CENTRES_PER_DIMENSION: usize = 5_000;
/// Most centres one rule distributes to.
pub const MAX_RULE_SHARES: usize = 100;
/// Most accounts named in the centre requirement.
pub const MAX_REQUIRED_ACCOUNTS: usize = 10_000;
/// Longest dimension, centre or rule name, in characters.
pub const MAX_COSTING_NAME_LEN: usize = 120;
/// Most decimals of a percentage or weight in a rule.
pub const MAX_SHARE_DECIMALS: u32 = 6;

// --- reports ---
/// Most rows an account sheet or a journal page returns; the rest is
/// reported as `truncated`, the caller pages with narrower filters.
pub const MAX_REPORT_ROWS: usize = 100_000;

// Relationships the code relies on.
// A line reference stores the line index in a u16.
const _: () = assert!(MAX_LINES <= u16::MAX as usize);
// An account number's length is stored in a u8.
const _: () = assert!(MAX_ACCOUNT_NO_LEN <= u8::MAX as usize);
// Dimensions are numbered 1..=DIMENSIONS in a u8.
const _: () = assert!(DIMENSIONS <= u8::MAX as usize);
// Generated rounding lines (at most two) must leave room for typed lines.
const _: () = assert!(MAX_LINES > 2);
// The number range fits a u32 with room for the "next" number.
const _: () = assert!(MAX_ENTRY_NUMBER < u32::MAX);
// Every fiscal year in range can be opened within the year count.
const _: () = assert!(MIN_FISCAL_YEAR < MAX_FISCAL_YEAR);
// The requirement may name every account, no more.
const _: () = assert!(MAX_REQUIRED_ACCOUNTS <= MAX_ACCOUNTS);
// Kennzahlen are a non-empty range.
const _: () = assert!(MIN_KENNZAHL <= MAX_KENNZAHL);
