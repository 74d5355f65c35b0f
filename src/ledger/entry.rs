//! Journal entries (Journalbuchungen): a header (posting, document and due
//! date, reference, memo, user) and at least two lines, each on one side
//! (Soll/Haben) of one account. A draft (`EntryDraft`) is what the user
//! typed; `build_entry` checks it against the Book and derives every amount
//! a posted line carries:
//! - LC (Hauswährung): typed, or derived from an FC amount by the rate,
//!   rounded to the LC decimals;
//! - SC (Systemwährung): equal to LC when SC = LC, equal to the FC amount
//!   when the line is in SC, else LC × SC rate, rounded to SC decimals;
//! - FC (Fremdwährung): amount, currency and rate, when typed.
//!
//! A posted entry balances in LC and in SC. Small differences caused only
//! by rounding are posted, not refused: an LC difference of at most one
//! minor unit per FC line, and an SC difference of at most one SC minor
//! unit per line, go to the rounding account of the G/L account
//! determination (an SC-only rounding line has LC 0). Anything larger is
//! `Unbalanced`/`UnbalancedSc`. Posted entries never change; a reversal
//! (Storno, `build_reversal`) is a new entry with every line mirrored.

use crate::ledger::account::AccountNo;
use crate::ledger::book::{Book, Pending};
use crate::ledger::company::{Settings, check_text};
use crate::ledger::costing::CentreShare;
use crate::ledger::currency::Currency;
use crate::ledger::determination::DeterminationKey;
use crate::ledger::error::{DomainError, Field};
use crate::ledger::fx::{RateTable, lc_from_fc};
use crate::ledger::money::{MAX_ABS_AMOUNT, Side, decimals_used, minor_unit, round};
use crate::ledger::period::check_posting;
use crate::ledger::tax::{TaxCode, TaxLine, TaxSplit};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Most lines one entry may have; more are refused with `TooManyLines`
/// (generated rounding lines count too, so users get at most 997).
pub const MAX_LINES: usize = 999;
/// Longest reference, memo, user, line memo, tax code or dimension value.
pub const MAX_TEXT_LEN: usize = 254;
/// Cost-accounting dimensions per line (Kostenrechnungsdimensionen).
pub const DIMENSIONS: usize = 5;
/// Highest entry number within one fiscal year.
pub const MAX_ENTRY_NUMBER: u32 = 99_999_999;

/// Global id of a posted entry: 1, 2, 3 … over the company's life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(pub u64);

/// The foreign-currency part of a draft line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FcDraft {
    pub currency: Currency,
    /// Units of FC per LC; `None` takes the rate table's rate of the posting date.
    #[serde(default)]
    pub rate_fc_per_lc: Option<Decimal>,
}

/// A line as typed. `debit`/`credit` are in the line's currency: FC when
/// `fc` is set, else LC. Exactly one of them must be non-zero.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineDraft {
    pub account: Option<AccountNo>,
    #[serde(default)]
    pub debit: Decimal,
    #[serde(default)]
    pub credit: Decimal,
    #[serde(default)]
    pub fc: Option<FcDraft>,
    #[serde(default)]
    pub memo: String,
    #[serde(default)]
    pub tax_code: Option<String>,
    #[serde(default)]
    pub dims: [Option<String>; DIMENSIONS],
    /// Bruttoerfassung: the amount includes the tax of `tax_code` and is
    /// split into net and tax (local-currency lines only).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub gross: bool,
}

impl LineDraft {
    pub fn debit_lc(account: AccountNo, amount_lc: Decimal) -> LineDraft {
        LineDraft {
            account: Some(account),
            debit: amount_lc,
            ..LineDraft::default()
        }
    }

    pub fn credit_lc(account: AccountNo, amount_lc: Decimal) -> LineDraft {
        LineDraft {
            account: Some(account),
            credit: amount_lc,
            ..LineDraft::default()
        }
    }

    /// Puts the line in `currency` (its amounts are then FC amounts).
    pub fn in_fc(mut self, currency: Currency, rate_fc_per_lc: Option<Decimal>) -> LineDraft {
        self.fc = Some(FcDraft {
            currency,
            rate_fc_per_lc,
        });
        self
    }
}

/// An entry as typed; also the element of a journal voucher.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryDraft {
    pub posting_date: NaiveDate,
    /// Belegdatum; defaults to the posting date.
    #[serde(default)]
    pub document_date: Option<NaiveDate>,
    /// Fälligkeitsdatum; defaults to the posting date.
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub memo: String,
    pub user: String,
    pub lines: Vec<LineDraft>,
}

impl EntryDraft {
    pub fn new(posting_date: NaiveDate, user: &str, lines: Vec<LineDraft>) -> EntryDraft {
        EntryDraft {
            posting_date,
            document_date: None,
            due_date: None,
            reference: String::new(),
            memo: String::new(),
            user: user.to_string(),
            lines,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FcAmount {
    pub currency: Currency,
    pub amount_fc: Decimal,
    pub rate_fc_per_lc: Decimal,
}

/// A posted line: amounts are never negative, the side says debit or credit.
///
/// Kept small for the fold (a large book holds every line in memory): the
/// parts most lines do not have (FC amount, tax code, cost dimensions, tax
/// marker, centre shares) live together in one boxed [`LineExtra`], which
/// is `None` when all of them are empty. Read them with the accessors
/// (`fc()`, `tax_code()`, `dims()`, `tax()`, `shares()`), change them with
/// `extra_mut()`. The stored form is unchanged: the same flat JSON object
/// as before, field for field (see `LineWire`).
#[derive(Clone, Debug, Eq)]
pub struct Line {
    pub account: AccountNo,
    pub side: Side,
    /// Generated by the engine for a rounding difference.
    pub rounding: bool,
    pub amount_lc: Decimal,
    pub amount_sc: Decimal,
    pub memo: String,
    /// `None` when every part is empty (never `Some` of an empty one:
    /// `extra_mut` and decoding keep it so).
    extra: Option<Box<LineExtra>>,
}

/// The rarely used parts of a posted line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
///
/// Each part is boxed on its own so that the common case, a line with only
/// a tax code or only a tax marker, costs 64 bytes here rather than the
/// 272 of the parts inline (the five dimension strings alone are 120).
pub struct LineExtra {
    pub fc: Option<Box<FcAmount>>,
    pub tax_code: Option<Box<str>>,
    /// `None` when every dimension is empty (see `LineExtra::dims`).
    pub dims: Option<Box<[Option<String>; DIMENSIONS]>>,
    /// Set on a tax line generated from another line's tax code.
    pub tax: Option<Box<TaxLine>>,
    /// The split of the line by the distribution rules among its `dims`.
    pub shares: Box<[CentreShare]>,
}

impl LineExtra {
    fn is_empty(&self) -> bool {
        self.fc.is_none()
            && self.tax_code.is_none()
            && self.dims.is_none()
            && self.tax.is_none()
            && self.shares.is_empty()
    }

    /// Boxed dimensions, `None` when all are empty (so equality and
    /// emptiness need not look inside).
    pub fn dims(dims: [Option<String>; DIMENSIONS]) -> Option<Box<[Option<String>; DIMENSIONS]>> {
        (!dims_empty(&dims)).then(|| Box::new(dims))
    }
}

static NO_DIMS: [Option<String>; DIMENSIONS] = [const { None }; DIMENSIONS];

fn dims_empty(dims: &[Option<String>; DIMENSIONS]) -> bool {
    dims.iter().all(Option::is_none)
}

impl PartialEq for Line {
    fn eq(&self, other: &Line) -> bool {
        self.account == other.account
            && self.side == other.side
            && self.rounding == other.rounding
            && self.amount_lc == other.amount_lc
            && self.amount_sc == other.amount_sc
            && self.memo == other.memo
            && self.extra().filter(|x| !x.is_empty()) == other.extra().filter(|x| !x.is_empty())
    }
}

impl Line {
    /// A line without memo or any of the rarely used parts.
    pub fn new(account: AccountNo, side: Side, amount_lc: Decimal, amount_sc: Decimal) -> Line {
        Line {
            account,
            side,
            rounding: false,
            amount_lc,
            amount_sc,
            memo: String::new(),
            extra: None,
        }
    }

    /// LC amount, debit positive.
    pub fn signed_lc(&self) -> Decimal {
        self.side.sign(self.amount_lc)
    }

    pub fn signed_sc(&self) -> Decimal {
        self.side.sign(self.amount_sc)
    }

    /// The rarely used parts, `None` when all are empty.
    pub fn extra(&self) -> Option<&LineExtra> {
        self.extra.as_deref()
    }

    /// The rarely used parts, for changing them (created empty when
    /// absent). An empty result is dropped again by `with_extra`/decoding;
    /// equality treats an empty one like none.
    pub fn extra_mut(&mut self) -> &mut LineExtra {
        self.extra.get_or_insert_with(Box::default)
    }

    /// Sets the rarely used parts; an empty one is stored as none.
    pub fn with_extra(mut self, extra: LineExtra) -> Line {
        self.extra = (!extra.is_empty()).then(|| Box::new(extra));
        self
    }

    pub fn fc(&self) -> Option<FcAmount> {
        self.extra.as_ref().and_then(|x| x.fc.as_deref().copied())
    }

    pub fn tax_code(&self) -> Option<&str> {
        self.extra.as_ref().and_then(|x| x.tax_code.as_deref())
    }

    pub fn dims(&self) -> &[Option<String>; DIMENSIONS] {
        self.extra
            .as_ref()
            .and_then(|x| x.dims.as_deref())
            .unwrap_or(&NO_DIMS)
    }

    pub fn has_dims(&self) -> bool {
        !dims_empty(self.dims())
    }

    pub fn tax(&self) -> Option<&TaxLine> {
        self.extra.as_ref().and_then(|x| x.tax.as_deref())
    }

    pub fn shares(&self) -> &[CentreShare] {
        self.extra.as_ref().map_or(&[], |x| &x.shares)
    }
}

/// The stored form of a line (event version 1): the flat object `Line`
/// was before its rare parts moved into `LineExtra`. Field order and
/// omission rules are the canonical encoding; do not change them.
#[derive(Serialize)]
struct LineWireRef<'a> {
    account: &'a AccountNo,
    side: &'a Side,
    amount_lc: &'a Decimal,
    amount_sc: &'a Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    fc: Option<&'a FcAmount>,
    #[serde(skip_serializing_if = "str::is_empty")]
    memo: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    tax_code: Option<&'a str>,
    #[serde(skip_serializing_if = "dims_empty_ref")]
    dims: &'a [Option<String>; DIMENSIONS],
    #[serde(skip_serializing_if = "is_false")]
    rounding: &'a bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    tax: Option<&'a TaxLine>,
    #[serde(skip_serializing_if = "<[CentreShare]>::is_empty")]
    shares: &'a [CentreShare],
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(b: &&bool) -> bool {
    !**b
}

fn dims_empty_ref(dims: &&[Option<String>; DIMENSIONS]) -> bool {
    dims_empty(dims)
}

/// Decoding side of the stored form; see `LineWireRef`.
#[derive(Deserialize)]
struct LineWire {
    account: AccountNo,
    side: Side,
    amount_lc: Decimal,
    amount_sc: Decimal,
    #[serde(default)]
    fc: Option<FcAmount>,
    #[serde(default)]
    memo: String,
    #[serde(default)]
    tax_code: Option<String>,
    #[serde(default)]
    dims: [Option<String>; DIMENSIONS],
    #[serde(default)]
    rounding: bool,
    #[serde(default)]
    tax: Option<TaxLine>,
    #[serde(default)]
    shares: Vec<CentreShare>,
}

impl Serialize for Line {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let x = self.extra.as_deref();
        LineWireRef {
            account: &self.account,
            side: &self.side,
            amount_lc: &self.amount_lc,
            amount_sc: &self.amount_sc,
            fc: x.and_then(|x| x.fc.as_deref()),
            memo: &self.memo,
            tax_code: self.tax_code(),
            dims: self.dims(),
            rounding: &self.rounding,
            tax: self.tax(),
            shares: self.shares(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Line {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Line, D::Error> {
        let w = LineWire::deserialize(deserializer)?;
        let line = Line {
            account: w.account,
            side: w.side,
            rounding: w.rounding,
            amount_lc: w.amount_lc,
            amount_sc: w.amount_sc,
            memo: w.memo,
            extra: None,
        };
        Ok(line.with_extra(LineExtra {
            fc: w.fc.map(Box::new),
            tax_code: w.tax_code.map(String::into_boxed_str),
            dims: LineExtra::dims(w.dims),
            tax: w.tax.map(Box::new),
            shares: w.shares.into_boxed_slice(),
        }))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostedEntry {
    pub id: EntryId,
    pub fiscal_year: i32,
    /// Gapless within the fiscal year, from 1.
    pub number: u32,
    pub posting_date: NaiveDate,
    pub document_date: NaiveDate,
    pub due_date: NaiveDate,
    pub reference: String,
    pub memo: String,
    pub user: String,
    pub lines: Vec<Line>,
    /// Set on a reversal: the entry it reverses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reverses: Option<EntryId>,
}

impl PostedEntry {
    /// Debit minus credit in LC and SC; both zero for every valid entry.
    pub fn imbalance(&self) -> (Decimal, Decimal) {
        self.lines
            .iter()
            .fold((Decimal::ZERO, Decimal::ZERO), |(lc, sc), l| {
                (lc + l.signed_lc(), sc + l.signed_sc())
            })
    }

    pub fn total_debit_lc(&self) -> Decimal {
        self.lines
            .iter()
            .filter(|l| l.side == Side::Debit)
            .map(|l| l.amount_lc)
            .sum()
    }
}

/// Rates an entry needs, fetched once per entry.
struct Conversion<'a> {
    settings: &'a Settings,
    rates: &'a RateTable,
    date: NaiveDate,
    rate_sc: Option<Decimal>,
}

impl Conversion<'_> {
    fn sc_of(&mut self, amount_lc: Decimal, fc: Option<&FcAmount>) -> Result<Decimal, DomainError> {
        let s = self.settings;
        if s.sc == s.lc {
            return Ok(amount_lc);
        }
        if let Some(fc) = fc.filter(|f| f.currency == s.sc) {
            return Ok(fc.amount_fc);
        }
        let rate = match self.rate_sc {
            Some(r) => r,
            None => {
                let r = self.rates.rate_on(s.sc, self.date)?;
                self.rate_sc = Some(r);
                r
            }
        };
        Ok(round(amount_lc * rate, s.sc_decimals()))
    }
}

/// Checks `draft` against `book` and returns the entry it would post.
pub(crate) fn build_entry(
    book: &Book,
    draft: &EntryDraft,
    allow_closing: bool,
    pending: &Pending,
) -> Result<PostedEntry, DomainError> {
    let settings = book.settings().ok_or(DomainError::NoCompany)?;
    check_text(&draft.reference, Field::Reference, MAX_TEXT_LEN, false)?;
    check_text(&draft.memo, Field::Memo, MAX_TEXT_LEN, false)?;
    check_text(&draft.user, Field::User, MAX_TEXT_LEN, true)?;
    let count = draft.lines.len();
    if count < 2 {
        return Err(DomainError::TooFewLines { count });
    }
    if count > MAX_LINES {
        return Err(DomainError::TooManyLines {
            count,
            max: MAX_LINES,
        });
    }
    let date = draft.posting_date;
    let period_index = book
        .calendar()
        .index_of_date(date)
        .ok_or(DomainError::NoPeriod { date })?;

    let mut conv = Conversion {
        settings,
        rates: book.rates(),
        date,
        rate_sc: None,
    };
    let mut lines = Vec::with_capacity(count + 2);
    let mut fc_lines = 0usize;
    for (i, typed) in draft.lines.iter().enumerate() {
        let built = build_typed_line(book, &mut conv, i, typed, lines.len())?;
        fc_lines += built.iter().filter(|l| l.fc().is_some()).count();
        lines.extend(built);
        if lines.len() > MAX_LINES {
            return Err(DomainError::TooManyLines {
                count: lines.len(),
                max: MAX_LINES,
            });
        }
    }

    let lc_decimals = settings.lc_decimals();
    let diff_lc: Decimal = lines.iter().map(Line::signed_lc).sum();
    if !diff_lc.is_zero() {
        let limit = minor_unit(lc_decimals) * Decimal::from(fc_lines);
        if diff_lc.abs() > limit {
            return Err(DomainError::Unbalanced {
                diff_lc,
                decimals: lc_decimals,
            });
        }
        let amount_sc = conv.sc_of(diff_lc.abs(), None)?;
        lines.push(rounding_line(book, lines.len(), diff_lc, amount_sc)?);
    }
    let diff_sc: Decimal = lines.iter().map(Line::signed_sc).sum();
    if !diff_sc.is_zero() {
        let limit = minor_unit(settings.sc_decimals()) * Decimal::from(lines.len());
        if diff_sc.abs() > limit {
            return Err(DomainError::UnbalancedSc {
                diff_sc,
                decimals: settings.sc_decimals(),
            });
        }
        let mut line = rounding_line(book, lines.len(), diff_sc, diff_sc.abs())?;
        line.amount_lc = Decimal::ZERO;
        lines.push(line);
    }
    if lines.len() > MAX_LINES {
        return Err(DomainError::TooManyLines {
            count: lines.len(),
            max: MAX_LINES,
        });
    }

    let status = book
        .calendar()
        .status(period_index)
        .ok_or(DomainError::NoPeriod { date })?;
    check_posting(
        status,
        date,
        first_revenue_line(book, &lines),
        allow_closing,
    )?;

    let (fiscal_year, number) = next_number(book, period_index, pending)?;
    Ok(PostedEntry {
        id: EntryId(book.entry_count() as u64 + pending.entries + 1),
        fiscal_year,
        number,
        posting_date: date,
        document_date: draft.document_date.unwrap_or(date),
        due_date: draft.due_date.unwrap_or(date),
        reference: draft.reference.clone(),
        memo: draft.memo.clone(),
        user: draft.user.clone(),
        lines,
        reverses: None,
    })
}

/// Typed line `i` as posted at index `index`, followed by the tax lines its
/// tax code generates.
fn build_typed_line(
    book: &Book,
    conv: &mut Conversion<'_>,
    i: usize,
    typed: &LineDraft,
    index: usize,
) -> Result<Vec<Line>, DomainError> {
    let (line, tax) = build_line(book, conv, i, typed)?;
    let mut lines = Vec::with_capacity(3);
    let generated = match tax {
        Some((code, split)) => tax_lines(book, conv, code, split, &line, index)?,
        None => Vec::new(),
    };
    lines.push(line);
    lines.extend(generated);
    Ok(lines)
}

/// The tax lines of `base` (posted at `index`) under `code`; none when the
/// tax rounds to zero.
fn tax_lines(
    book: &Book,
    conv: &mut Conversion<'_>,
    code: &TaxCode,
    split: TaxSplit,
    base: &Line,
    index: usize,
) -> Result<Vec<Line>, DomainError> {
    if split.tax_lc.is_zero() {
        return Ok(Vec::new());
    }
    let mut lines = Vec::with_capacity(2);
    for (part, account, same_side) in code.postings() {
        let number = account.ok_or_else(|| DomainError::TaxAccountMissing {
            code: code.code.clone(),
            part,
        })?;
        let usable = book
            .account(number)
            .is_some_and(|a| a.postable && a.active && a.currency.allows(None));
        if !usable {
            return Err(DomainError::TaxAccountInvalid {
                code: code.code.clone(),
                account: number,
            });
        }
        let side = if same_side {
            base.side
        } else {
            base.side.opposite()
        };
        let amount_sc = conv.sc_of(split.tax_lc, None)?;
        lines.push(
            Line::new(number, side, split.tax_lc, amount_sc).with_extra(LineExtra {
                tax: Some(Box::new(TaxLine {
                    code: code.code.clone(),
                    part,
                    percent: split.percent,
                    base_lc: base.amount_lc,
                    base_line: index as u16,
                })),
                ..LineExtra::default()
            }),
        );
    }
    Ok(lines)
}

/// A line's tax code and the split of its amount into net and tax.
type CodeSplit<'b> = (&'b TaxCode, TaxSplit);

/// A typed line as posted (net amount) and, when it has a tax code, the
/// code and the split of its amount.
fn build_line<'b>(
    book: &'b Book,
    conv: &mut Conversion<'_>,
    i: usize,
    typed: &LineDraft,
) -> Result<(Line, Option<CodeSplit<'b>>), DomainError> {
    let settings = conv.settings;
    let Some(number) = typed.account else {
        return Err(DomainError::AccountMissing { line: i });
    };
    let account = book.account(number).ok_or(DomainError::AccountNotFound {
        line: i,
        account: number,
    })?;
    if !account.postable {
        return Err(DomainError::AccountNotPostable {
            line: i,
            account: number,
        });
    }
    if !account.active {
        return Err(DomainError::AccountInactive {
            line: i,
            account: number,
        });
    }
    let (side, amount) = one_side(i, typed.debit, typed.credit)?;
    if amount > MAX_ABS_AMOUNT {
        return Err(DomainError::AmountTooLarge {
            line: i,
            max: MAX_ABS_AMOUNT,
        });
    }
    check_text(
        &typed.memo,
        Field::LineMemo { line: i },
        MAX_TEXT_LEN,
        false,
    )?;
    let tax_code = match &typed.tax_code {
        None => None,
        Some(code) => {
            check_text(code, Field::TaxCode { line: i }, MAX_TEXT_LEN, true)?;
            let found = book
                .tax_code(code)
                .ok_or_else(|| DomainError::TaxCodeUnknown {
                    line: Some(i),
                    code: code.clone(),
                })?;
            if !found.active {
                return Err(DomainError::TaxCodeInactive {
                    line: i,
                    code: code.clone(),
                });
            }
            Some(found)
        }
    };
    if typed.gross && typed.fc.is_some() && tax_code.is_some() {
        return Err(DomainError::GrossForeignCurrency { line: i });
    }
    for (dim, value) in typed.dims.iter().enumerate() {
        if let Some(v) = value {
            check_text(v, Field::Dimension { line: i, dim }, MAX_TEXT_LEN, true)?;
        }
    }

    let line_currency = typed.fc.as_ref().map(|f| f.currency);
    if !account.currency.allows(line_currency) {
        return Err(DomainError::CurrencyNotAllowed {
            line: i,
            account: number,
            currency: line_currency.unwrap_or(settings.lc),
        });
    }
    let (amount_lc, fc) = match &typed.fc {
        None => {
            if decimals_used(amount) > settings.lc_decimals() {
                return Err(DomainError::TooManyDecimals {
                    line: i,
                    max: settings.lc_decimals(),
                });
            }
            (amount, None)
        }
        Some(f) => {
            if f.currency == settings.lc {
                return Err(DomainError::ForeignIsLocal {
                    line: i,
                    currency: f.currency,
                });
            }
            if decimals_used(amount) > f.currency.decimals() {
                return Err(DomainError::TooManyDecimals {
                    line: i,
                    max: f.currency.decimals(),
                });
            }
            let rate = match f.rate_fc_per_lc {
                Some(r) => {
                    RateTable::check_rate(f.currency, r)?;
                    r
                }
                None => conv.rates.rate_on(f.currency, conv.date)?,
            };
            let amount_lc = lc_from_fc(amount, rate, settings.lc_decimals());
            if amount_lc.is_zero() {
                return Err(DomainError::LineZero { line: i });
            }
            let fc = FcAmount {
                currency: f.currency,
                amount_fc: amount,
                rate_fc_per_lc: rate,
            };
            (amount_lc, Some(fc))
        }
    };
    let (amount_lc, tax) = match tax_code {
        None => (amount_lc, None),
        Some(code) => {
            let split = code.split(conv.date, amount_lc, typed.gross, settings.lc_decimals())?;
            if split.net_lc.is_zero() {
                return Err(DomainError::LineZero { line: i });
            }
            (split.net_lc, Some((code, split)))
        }
    };
    let shares = book.costing().resolve(
        i,
        (number, account.account_type),
        &typed.dims,
        conv.date,
        amount_lc,
        settings.lc_decimals(),
    )?;
    let amount_sc = conv.sc_of(amount_lc, fc.as_ref())?;
    let mut line = Line::new(number, side, amount_lc, amount_sc).with_extra(LineExtra {
        fc: fc.map(Box::new),
        tax_code: typed.tax_code.as_deref().map(Box::from),
        dims: LineExtra::dims(typed.dims.clone()),
        tax: None,
        shares: shares.into_boxed_slice(),
    });
    line.memo = typed.memo.clone();
    Ok((line, tax))
}

/// The side and (positive) amount of a typed line.
fn one_side(i: usize, debit: Decimal, credit: Decimal) -> Result<(Side, Decimal), DomainError> {
    if debit.is_sign_negative() && !debit.is_zero()
        || credit.is_sign_negative() && !credit.is_zero()
    {
        return Err(DomainError::LineNegative { line: i });
    }
    match (debit.is_zero(), credit.is_zero()) {
        (false, false) => Err(DomainError::LineTwoSided { line: i }),
        (true, true) => Err(DomainError::LineZero { line: i }),
        (false, true) => Ok((Side::Debit, debit)),
        (true, false) => Ok((Side::Credit, credit)),
    }
}

/// A line on the rounding account that offsets `diff` (debit minus credit).
fn rounding_line(
    book: &Book,
    index: usize,
    diff: Decimal,
    amount_sc: Decimal,
) -> Result<Line, DomainError> {
    let key = DeterminationKey::Rounding;
    let number = book
        .determination()
        .get(key)
        .ok_or(DomainError::DeterminationMissing { key })?;
    let account = book.account(number).ok_or(DomainError::AccountNotFound {
        line: index,
        account: number,
    })?;
    if !account.postable || !account.active || !account.currency.allows(None) {
        return Err(DomainError::DeterminationAccountNotPostable {
            key,
            account: number,
        });
    }
    let side = if diff.is_sign_positive() {
        Side::Credit
    } else {
        Side::Debit
    };
    let mut line = Line::new(number, side, diff.abs(), amount_sc);
    line.rounding = true;
    Ok(line)
}

fn first_revenue_line(book: &Book, lines: &[Line]) -> Option<usize> {
    lines.iter().position(|l| {
        book.account(l.account)
            .is_some_and(|a| a.account_type == crate::ledger::account::AccountType::Revenue)
    })
}

/// Fiscal year and gapless number the next entry in `period_index` gets.
fn next_number(
    book: &Book,
    period_index: usize,
    pending: &Pending,
) -> Result<(i32, u32), DomainError> {
    let year_index = book.calendar().year_index_of(period_index);
    let fiscal_year = book.calendar().reference(period_index).fiscal_year;
    let used =
        book.last_number(year_index) + pending.numbers.get(&fiscal_year).copied().unwrap_or(0);
    if used >= MAX_ENTRY_NUMBER {
        return Err(DomainError::EntryNumbersExhausted {
            fiscal_year,
            max: MAX_ENTRY_NUMBER,
        });
    }
    Ok((fiscal_year, used + 1))
}

/// Checks a reversal (Storno) of `entry` dated `date` (default: the
/// original's posting date) and returns the mirrored entry. Amounts are
/// copied, not reconverted, so the pair nets to zero in LC, SC and FC.
/// Accounts may have been deactivated since: the reversal still posts,
/// because correcting a mistake must stay possible.
pub(crate) fn build_reversal(
    book: &Book,
    entry: EntryId,
    date: Option<NaiveDate>,
    user: &str,
    allow_closing: bool,
    pending: &Pending,
) -> Result<PostedEntry, DomainError> {
    book.settings().ok_or(DomainError::NoCompany)?;
    check_text(user, Field::User, MAX_TEXT_LEN, true)?;
    let original = book
        .entry(entry)
        .ok_or(DomainError::EntryNotFound { entry })?;
    if original.reverses.is_some() {
        return Err(DomainError::ReversalOfReversal { entry });
    }
    if let Some(by) = book.reversed_by(entry) {
        return Err(DomainError::AlreadyReversed { entry, by });
    }
    let date = date.unwrap_or(original.posting_date);
    let period_index = book
        .calendar()
        .index_of_date(date)
        .ok_or(DomainError::NoPeriod { date })?;
    let lines: Vec<Line> = original
        .lines
        .iter()
        .map(|l| Line {
            side: l.side.opposite(),
            ..l.clone()
        })
        .collect();
    let status = book
        .calendar()
        .status(period_index)
        .ok_or(DomainError::NoPeriod { date })?;
    check_posting(
        status,
        date,
        first_revenue_line(book, &lines),
        allow_closing,
    )?;
    let (fiscal_year, number) = next_number(book, period_index, pending)?;
    Ok(PostedEntry {
        id: EntryId(book.entry_count() as u64 + pending.entries + 1),
        fiscal_year,
        number,
        posting_date: date,
        document_date: date,
        due_date: date,
        reference: original.reference.clone(),
        memo: original.memo.clone(),
        user: user.to_string(),
        lines,
        reverses: Some(entry),
    })
}

/// One typed line as it would post: the net line and its generated tax
/// lines, or why it cannot post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinePreview {
    pub typed_line: usize,
    pub lines: Result<Vec<Line>, DomainError>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryPreview {
    pub lines: Vec<LinePreview>,
    /// Debit minus credit (LC) of the lines that built; zero when the
    /// entry balances (before any rounding line).
    pub diff_lc: Decimal,
}

/// What each typed line of `draft` would post, tax lines included, for
/// the entry grid to show while the user types. Pure; checks every line
/// on its own and never refuses the whole draft (no balance, period or
/// numbering checks: `Book::check` does those).
pub fn preview_entry(book: &Book, draft: &EntryDraft) -> EntryPreview {
    let mut preview = EntryPreview {
        lines: Vec::with_capacity(draft.lines.len()),
        diff_lc: Decimal::ZERO,
    };
    let Some(settings) = book.settings() else {
        return preview;
    };
    let mut conv = Conversion {
        settings,
        rates: book.rates(),
        date: draft.posting_date,
        rate_sc: None,
    };
    let mut index = 0usize;
    for (i, typed) in draft.lines.iter().take(MAX_LINES).enumerate() {
        let built = build_typed_line(book, &mut conv, i, typed, index);
        if let Ok(lines) = &built {
            index += lines.len();
            preview.diff_lc += lines.iter().map(Line::signed_lc).sum::<Decimal>();
        }
        preview.lines.push(LinePreview {
            typed_line: i,
            lines: built,
        });
    }
    preview
}
