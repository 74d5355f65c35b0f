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

// --- business partners ---
/// Longest partner code; numeric DATEV codes have 5 (up to 9) digits.
pub const MAX_PARTNER_CODE_LEN: usize = 15;
/// Customer codes (Debitoren) by default: DATEV's personal-account range.
pub const CUSTOMER_CODES: (u64, u64) = (10_000, 69_999);
/// Vendor codes (Kreditoren) by default.
pub const VENDOR_CODES: (u64, u64) = (70_000, 99_999);
/// Most partners a company may keep (both default ranges hold 90,000).
pub const MAX_PARTNERS: usize = 90_000;
/// Longest partner name, group, contact person, remarks (characters).
pub const MAX_PARTNER_NAME_LEN: usize = 120;
pub const MAX_PARTNER_GROUP_LEN: usize = 60;
pub const MAX_CONTACT_LEN: usize = 120;
pub const MAX_REMARKS_LEN: usize = 2_000;
/// Structured address as ISO 20022 (SEPA) allows it: street 70, house
/// number 16, postcode 16, town 35 characters.
pub const MAX_STREET_LEN: usize = 70;
pub const MAX_HOUSE_NUMBER_LEN: usize = 16;
pub const MAX_POSTCODE_LEN: usize = 16;
pub const MAX_TOWN_LEN: usize = 35;
/// Bank accounts one partner may have.
pub const MAX_BANK_ACCOUNTS: usize = 10;
/// A SEPA mandate reference has at most 35 characters.
pub const MAX_MANDATE_ID_LEN: usize = 35;
/// Longest dunning-term or payment-terms code.
pub const MAX_TERMS_CODE_LEN: usize = 12;
/// Most payment terms a company may define.
pub const MAX_PAYMENT_TERMS: usize = 500;
/// Cash-discount steps (Skontostaffeln) per payment terms.
pub const MAX_DISCOUNT_STEPS: usize = 3;
/// Installments (Raten) per payment terms.
pub const MAX_INSTALLMENTS: usize = 12;
/// Largest "+months" and "+days" of payment terms, tolerance days.
pub const MAX_TERMS_MONTHS: u16 = 120;
pub const MAX_TERMS_DAYS: u16 = 999;
pub const MAX_TOLERANCE_DAYS: u16 = 99;
/// Most decimals of a discount or installment percentage.
pub const MAX_PERCENT_DECIMALS: u32 = 4;
/// Most partners one import command creates.
pub const MAX_IMPORT_PARTNERS: usize = 10_000;

// --- open items and clearing ---
/// Most item parts one clearing (Ausgleich) may name.
pub const MAX_CLEARING_PARTS: usize = 1_000;
/// Most buckets of an aging report (besides "not due").
pub const MAX_AGING_BUCKETS: usize = 12;

// --- price lists and special prices (issue 20) ---
/// Highest price-list number (lists are numbered 1..=999).
pub const MAX_PRICE_LIST_NUMBER: u32 = 999;
/// Longest price-list name.
pub const MAX_PRICE_LIST_NAME_LEN: usize = 60;
/// Most decimals of a unit price (a screw at 0.0125 EUR).
pub const MAX_PRICE_DECIMALS: u32 = 4;
/// Most decimals of a derived list's factor (0.8525).
pub const MAX_FACTOR_DECIMALS: u32 = 4;
/// Largest factor of a derived list.
pub const MAX_FACTOR: Decimal = Decimal::from_parts(100, 0, 0, false, 0);
/// Most prices one `SetPrices` takes (a mass update of a whole list).
pub const MAX_PRICES_PER_COMMAND: usize = 100_000;
/// Most quantity breaks of one special price.
pub const MAX_QUANTITY_BREAKS: usize = 20;
/// Most decimals of a break quantity.
pub const MAX_QUANTITY_DECIMALS: u32 = 4;
/// Longest discount-group code.
pub const MAX_DISCOUNT_GROUP_CODE_LEN: usize = 20;
/// Longest discount-group name.
pub const MAX_DISCOUNT_GROUP_NAME_LEN: usize = 60;
/// Most item groups one discount group names.
pub const MAX_DISCOUNT_GROUP_ROWS: usize = 500;

// --- bank statements ---
/// Largest statement file one import takes (bytes): a year of a busy
/// account's camt.053 is a few MB; the file is kept in the log (as
/// base64) and in every backup, so a bound keeps one record sane.
pub const MAX_BANK_FILE_BYTES: usize = 32 * 1024 * 1024;
/// Largest original invoice document the inbox keeps (bytes, issue 19):
/// an XRechnung is a few kB, a ZUGFeRD PDF with images rarely more than
/// 1–2 MB. The bytes go into the log (as base64) and every backup.
pub const MAX_INVOICE_DOCUMENT_BYTES: usize = 5 * 1024 * 1024;
/// Longest house bank code (1 to 8 ASCII letters or digits).
pub const MAX_HOUSE_BANK_CODE_LEN: usize = 8;
/// Longest house bank name, in characters.
pub const MAX_HOUSE_BANK_NAME_LEN: usize = 120;
/// Most lines one statement-line posting command names.
pub const MAX_POSTED_LINES: usize = 100_000;

// --- items (issue 20) ---
/// Most items a company may keep: a wholesaler's catalogue; the item list
/// filters them in the browser within its 100 ms budget.
pub const MAX_ITEMS: usize = 200_000;
/// Most item groups (Artikelgruppen).
pub const MAX_ITEM_GROUPS: usize = 1_000;
/// Most items one import command creates (a CSV file): one event each,
/// and one append takes at most `store::log::MAX_APPEND_RECORDS` (10,000;
/// checked there at compile time). A larger catalogue comes in files.
pub const MAX_IMPORT_ITEMS: usize = 10_000;
/// Longest item code (letters, digits, `-`, `_`, `.`), item group code.
pub const MAX_ITEM_CODE_LEN: usize = 50;
pub const MAX_ITEM_GROUP_CODE_LEN: usize = 20;
/// Longest item description and item group name, in characters.
pub const MAX_ITEM_DESCRIPTION_LEN: usize = 200;
pub const MAX_ITEM_GROUP_NAME_LEN: usize = 100;
// An item's default price has `MAX_PRICE_DECIMALS` (above), as any price.

// --- reports ---
/// Most rows an account sheet or a journal page returns; the rest is
/// reported as `truncated`, the caller pages with narrower filters.
pub const MAX_REPORT_ROWS: usize = 100_000;

// Relationships the code relies on.
// A line reference stores the line index in a u16.
const _: () = assert!(MAX_LINES <= u16::MAX as usize);
// A partner code's length is stored in a u8.
const _: () = assert!(MAX_PARTNER_CODE_LEN <= u8::MAX as usize);
// The default code ranges do not overlap, and hold MAX_PARTNERS codes.
const _: () = assert!(CUSTOMER_CODES.0 <= CUSTOMER_CODES.1 && CUSTOMER_CODES.1 < VENDOR_CODES.0);
const _: () = assert!(VENDOR_CODES.0 <= VENDOR_CODES.1);
const _: () = assert!(
    MAX_PARTNERS as u64
        <= (CUSTOMER_CODES.1 - CUSTOMER_CODES.0 + 1) + (VENDOR_CODES.1 - VENDOR_CODES.0 + 1)
);
// Installments are numbered in a u8 (open-item ids).
const _: () = assert!(MAX_INSTALLMENTS <= u8::MAX as usize);
// One import cannot exceed the company's partner limit.
const _: () = assert!(MAX_IMPORT_PARTNERS <= MAX_PARTNERS);
// An account number's length is stored in a u8.
const _: () = assert!(MAX_ACCOUNT_NO_LEN <= u8::MAX as usize);
// Dimensions are numbered 1..=DIMENSIONS in a u8.
const _: () = assert!(DIMENSIONS <= u8::MAX as usize);
// Generated rounding lines (at most two) must leave room for typed lines.
const _: () = assert!(MAX_LINES > 2);
// An invoice document is one log record, like a bank file: never larger.
const _: () = assert!(MAX_INVOICE_DOCUMENT_BYTES <= MAX_BANK_FILE_BYTES);
// The number range fits a u32 with room for the "next" number.
const _: () = assert!(MAX_ENTRY_NUMBER < u32::MAX);
// Every fiscal year in range can be opened within the year count.
const _: () = assert!(MIN_FISCAL_YEAR < MAX_FISCAL_YEAR);
// The requirement may name every account, no more.
const _: () = assert!(MAX_REQUIRED_ACCOUNTS <= MAX_ACCOUNTS);
// Kennzahlen are a non-empty range.
const _: () = assert!(MIN_KENNZAHL <= MAX_KENNZAHL);
// One import cannot exceed the company's item limit.
const _: () = assert!(MAX_IMPORT_ITEMS <= MAX_ITEMS);
// A price's decimals fit what LC amounts may carry.
const _: () = assert!(MAX_PRICE_DECIMALS <= MAX_AMOUNT_DECIMALS);
