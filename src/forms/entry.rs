//! The journal-entry form (Buchungsmaske): header fields and a grid of
//! lines as typed. `to_draft` turns it into an [`EntryDraft`] for the
//! engine; `check` is what the grid shows while the user types: the
//! running difference and whether the posting would go through, found by
//! the very steps the posting takes (`to_book_draft`, then `Book::check`
//! of the `PostEntry` command), so the grid can never call "balanced" an
//! entry the posting then refuses.
//!
//! The account cell takes a business partner's code wherever it takes an
//! account number (`to_book_draft` looks it up in the book): the line then
//! names the partner and posts to its control account. An account number
//! the chart knows stays an account.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::formats::amount::{AmountError, DateError, NumberStyle, parse_amount, parse_date};
use crate::ledger::journal::JournalError;
use crate::ledger::posting::PostingCommand;
use crate::ledger::posting::{EntryDraft, EntryPreview, FcDraft, LineDraft, preview_entry};
use crate::ledger::posting::{EntryWarning, entry_warnings};
use crate::ledger::types::Currency;
use crate::ledger::types::PostingKey;
use crate::ledger::types::limits::{DIMENSIONS, MAX_LINES};
use crate::ledger::types::money::round;
use crate::ledger::types::{AccountNo, PartnerCode};
use crate::ledger::{Book, Command, DomainError};

/// Decimals a typed exchange rate may carry.
pub const RATE_DECIMALS: u32 = 10;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineForm {
    pub account: String,
    pub debit: String,
    pub credit: String,
    /// Empty: local currency.
    pub currency: String,
    /// Empty: the rate table's rate for the posting date.
    pub rate: String,
    pub memo: String,
    /// Steuerkennzeichen; empty: no tax.
    #[serde(default)]
    pub tax_code: String,
    /// The amount is gross: the engine splits it into net and tax.
    #[serde(default)]
    pub gross: bool,
    /// Cost centre or distribution rule of dimension 1; empty: none.
    #[serde(default)]
    pub dim1: String,
}

impl LineForm {
    /// Nothing typed in any cell: the line is left out of the draft. A
    /// line holding only a tax code, a centre or the gross mark is not
    /// blank (the engine then says what it lacks), so no input is ever
    /// dropped without a word.
    pub fn is_blank(&self) -> bool {
        !self.gross
            && [
                &self.account,
                &self.debit,
                &self.credit,
                &self.currency,
                &self.rate,
                &self.memo,
                &self.tax_code,
                &self.dim1,
            ]
            .iter()
            .all(|s| s.trim().is_empty())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryForm {
    pub posting_date: String,
    pub document_date: String,
    pub reference: String,
    pub memo: String,
    pub lines: Vec<LineForm>,
    /// The idempotency key (32 hex digits) the grid got when it was
    /// started: kept with the draft, so posting it again after a reload or
    /// a lost answer is refused (`AlreadyPosted`), not posted twice.
    /// Empty: none (older drafts).
    #[serde(default)]
    pub key: String,
    /// The numbering series that gives the reference when posted (its
    /// code; empty: the reference as typed).
    #[serde(default)]
    pub series: String,
}

/// The field of the form an error points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormField {
    PostingDate,
    DocumentDate,
    Account,
    Debit,
    Credit,
    Currency,
    Rate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormErrorKind {
    Date(DateError),
    Amount(AmountError),
    /// Account number or currency code the engine does not accept.
    Domain(DomainError),
    /// A line has an amount in both debit and credit.
    BothSides,
    TooManyLines {
        max: usize,
    },
}

/// What is wrong, where: `line` is the 0-based index in the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError {
    pub line: Option<usize>,
    pub field: FormField,
    pub kind: FormErrorKind,
}

/// Why the posting would be refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A cell does not read (date, amount, account number, currency).
    Form(FormError),
    /// The engine refuses the draft. Its line numbers count the draft's
    /// lines; `row_of_line` turns them into grid rows.
    Domain(DomainError),
}

/// The grid's running check (see the module doc).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryCheck {
    /// Nothing typed in any line yet.
    Empty,
    /// The posting would go through. `warnings` are the questions the
    /// screen asks before it posts (see `ledger::warning`).
    Postable { warnings: Vec<EntryWarning> },
    /// The posting would be refused. `diff_lc` is debit minus credit in
    /// LC: the engine's own difference when the refusal is the balance,
    /// else that of the lines the engine could build (tax lines included);
    /// `None` while the form does not read.
    NotPostable {
        diff_lc: Option<Decimal>,
        reason: Refusal,
    },
}

impl EntryCheck {
    /// The open difference to show: zero for a postable entry (the engine
    /// posts FC rounding differences to the rounding account).
    pub fn diff_lc(&self) -> Option<Decimal> {
        match self {
            EntryCheck::Empty | EntryCheck::Postable { .. } => Some(Decimal::ZERO),
            EntryCheck::NotPostable { diff_lc, .. } => *diff_lc,
        }
    }

    pub fn is_postable(&self) -> bool {
        matches!(self, EntryCheck::Postable { .. })
    }
}

impl EntryForm {
    /// An empty form for `date` with `lines` blank lines.
    pub fn new(date: NaiveDate, style: NumberStyle, lines: usize) -> EntryForm {
        EntryForm {
            posting_date: crate::formats::amount::format_date(date, style),
            lines: vec![LineForm::default(); lines],
            ..EntryForm::default()
        }
    }

    /// The engine's draft, or the first field that cannot be read. Blank
    /// lines are skipped, so the grid may keep spare rows. Account cells
    /// are account numbers only (no book to look partners up in); the
    /// screens use [`EntryForm::to_book_draft`].
    pub fn to_draft(
        &self,
        style: NumberStyle,
        lc_decimals: u32,
        today: NaiveDate,
        user: &str,
    ) -> Result<EntryDraft, FormError> {
        self.draft_with(style, lc_decimals, today, user, &|_| None)
    }

    /// The draft the posting sends: like `to_draft`, with an account cell
    /// holding a partner code of `book` (and no account of that number)
    /// read as a line for that partner on its control account.
    pub fn to_book_draft(
        &self,
        book: &Book,
        style: NumberStyle,
        today: NaiveDate,
        user: &str,
    ) -> Result<EntryDraft, FormError> {
        let lc_decimals = book.settings().lc_decimals();
        self.draft_with(style, lc_decimals, today, user, &|text| {
            partner_of(book, text)
        })
    }

    fn draft_with(
        &self,
        style: NumberStyle,
        lc_decimals: u32,
        today: NaiveDate,
        user: &str,
        partner: PartnerLookup<'_>,
    ) -> Result<EntryDraft, FormError> {
        let header = |field, kind| FormError {
            line: None,
            field,
            kind,
        };
        let posting_date = parse_date(&self.posting_date, today)
            .map_err(|e| header(FormField::PostingDate, FormErrorKind::Date(e)))?;
        let document_date = match self.document_date.trim() {
            "" => None,
            text => Some(
                parse_date(text, today)
                    .map_err(|e| header(FormField::DocumentDate, FormErrorKind::Date(e)))?,
            ),
        };
        if self.lines.len() > MAX_LINES {
            return Err(header(
                FormField::Account,
                FormErrorKind::TooManyLines { max: MAX_LINES },
            ));
        }
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, line) in self.lines.iter().enumerate() {
            if line.is_blank() {
                continue;
            }
            lines.push(line_draft(line, i, style, lc_decimals, partner)?);
        }
        let mut draft = EntryDraft::new(posting_date, user, lines);
        draft.document_date = document_date;
        draft.reference = self.reference.trim().to_string();
        draft.memo = self.memo.trim().to_string();
        draft.key = PostingKey::from_hex(self.key.trim());
        draft.entered_on = Some(today);
        let series = self.series.trim();
        draft.series = (!series.is_empty()).then(|| series.to_string());
        Ok(draft)
    }

    /// The running check: the draft the posting would send (same
    /// `to_draft`, same user), checked by the engine as the posting's
    /// command, with the closing right granted (posting into a closing
    /// period is a question the screen asks, a warning, not a refusal).
    pub fn check(
        &self,
        book: &Book,
        style: NumberStyle,
        today: NaiveDate,
        user: &str,
    ) -> EntryCheck {
        if self.lines.iter().all(LineForm::is_blank) {
            return EntryCheck::Empty;
        }
        let draft = match self.to_book_draft(book, style, today, user) {
            Ok(draft) => draft,
            Err(e) => {
                return EntryCheck::NotPostable {
                    diff_lc: None,
                    reason: Refusal::Form(e),
                };
            }
        };
        let command = Command::Posting(PostingCommand::PostEntry { draft });
        let Command::Posting(PostingCommand::PostEntry { draft, .. }) = &command else {
            return EntryCheck::Empty;
        };
        match book.check(&command) {
            Ok(_) => EntryCheck::Postable {
                warnings: entry_warnings(book.context(), draft),
            },
            Err(e) => EntryCheck::NotPostable {
                diff_lc: Some(match &e {
                    DomainError::Journal(JournalError::Unbalanced { diff_lc, .. }) => *diff_lc,
                    _ => preview_entry(book.context(), draft).diff_lc,
                }),
                reason: Refusal::Domain(e),
            },
        }
    }

    /// The plausibility warnings of the draft (see `ledger::warning`), in
    /// draft line numbers; none while the form does not read. Shown live,
    /// so a wrong tax code is seen before the entry balances.
    pub fn warnings(
        &self,
        book: &Book,
        style: NumberStyle,
        today: NaiveDate,
        user: &str,
    ) -> Vec<EntryWarning> {
        match self.to_book_draft(book, style, today, user) {
            Ok(draft) => entry_warnings(book.context(), &draft),
            Err(_) => Vec::new(),
        }
    }

    /// Whether anything was typed that clearing would throw away: a line,
    /// the document date, reference or memo, or a posting date other than
    /// the `today` a fresh form starts with (in either language's format).
    pub fn holds_input(&self, today: NaiveDate) -> bool {
        let date = self.posting_date.trim();
        let fresh_date = date.is_empty() || parse_date(date, today) == Ok(today);
        !fresh_date
            || [&self.document_date, &self.reference, &self.memo]
                .iter()
                .any(|s| !s.trim().is_empty())
            || self.lines.iter().any(|l| !l.is_blank())
    }

    /// The grid row of line `n` of the draft (blank rows are left out of
    /// the draft, so the engine's line numbers skip them).
    pub fn row_of_line(&self, n: usize) -> usize {
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_blank())
            .nth(n)
            .map_or(n, |(i, _)| i)
    }

    /// What each line would post (tax lines included), for the grid to
    /// show live; `None` while the form does not read.
    pub fn preview(
        &self,
        book: &Book,
        style: NumberStyle,
        today: NaiveDate,
    ) -> Option<EntryPreview> {
        let draft = self.to_book_draft(book, style, today, "").ok()?;
        Some(preview_entry(book.context(), &draft))
    }

    /// Puts the open difference on line `index` (an LC line), so the entry
    /// balances: the "balance the entry" shortcut. The difference is that
    /// of the engine's preview of the other lines; nothing changes while
    /// the form does not read.
    pub fn balance_line(
        &mut self,
        index: usize,
        book: &Book,
        style: NumberStyle,
        today: NaiveDate,
    ) {
        let decimals = book.settings().lc_decimals();
        let mut rest = self.clone();
        let Some(line) = rest.lines.get_mut(index) else {
            return;
        };
        line.debit.clear();
        line.credit.clear();
        line.currency.clear();
        line.rate.clear();
        let Some(preview) = rest.preview(book, style, today) else {
            return;
        };
        let open = preview.diff_lc;
        let text =
            crate::formats::amount::format_amount(round(open.abs(), decimals), decimals, style);
        let line = &mut rest.lines[index];
        if open > Decimal::ZERO {
            line.credit = text;
        } else if open < Decimal::ZERO {
            line.debit = text;
        }
        *self = rest;
    }
}

/// The partner an account cell names, if any.
type PartnerLookup<'a> = &'a dyn Fn(&str) -> Option<PartnerCode>;

/// The partner of `book` whose code `text` is, unless the chart has an
/// account of that number (an account stays an account).
fn partner_of(book: &Book, text: &str) -> Option<PartnerCode> {
    let is_account = AccountNo::parse(text)
        .ok()
        .is_some_and(|n| book.account(n).is_some());
    if is_account {
        return None;
    }
    PartnerCode::parse(text)
        .ok()
        .filter(|c| book.partner(*c).is_some())
}

fn line_draft(
    line: &LineForm,
    i: usize,
    style: NumberStyle,
    lc_decimals: u32,
    partner_lookup: PartnerLookup<'_>,
) -> Result<LineDraft, FormError> {
    let at = |field, kind| FormError {
        line: Some(i),
        field,
        kind,
    };
    let partner = partner_lookup(account_number(&line.account));
    let account = match line.account.trim() {
        _ if partner.is_some() => None,
        "" => None,
        text => Some(
            AccountNo::parse(account_number(text))
                .map_err(|e| at(FormField::Account, FormErrorKind::Domain(e.into())))?,
        ),
    };
    let fc = match line.currency.trim() {
        "" => None,
        code => {
            let currency = Currency::parse(&code.to_uppercase())
                .map_err(|e| at(FormField::Currency, FormErrorKind::Domain(e.into())))?;
            let rate_fc_per_lc = match line.rate.trim() {
                "" => None,
                text => Some(
                    parse_amount(text, style, RATE_DECIMALS)
                        .map_err(|e| at(FormField::Rate, FormErrorKind::Amount(e)))?,
                ),
            };
            Some(FcDraft {
                currency,
                rate_fc_per_lc,
            })
        }
    };
    // FC amounts are checked against the FC's decimals by the engine; the
    // form only refuses what cannot be an amount at all.
    let max_decimals = if fc.is_some() {
        RATE_DECIMALS
    } else {
        lc_decimals
    };
    let amount = |text: &str, field| match text.trim() {
        "" => Ok(Decimal::ZERO),
        t => parse_amount(t, style, max_decimals).map_err(|e| at(field, FormErrorKind::Amount(e))),
    };
    let debit = amount(&line.debit, FormField::Debit)?;
    let credit = amount(&line.credit, FormField::Credit)?;
    if !debit.is_zero() && !credit.is_zero() {
        return Err(at(FormField::Credit, FormErrorKind::BothSides));
    }
    let optional = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
    let mut dims: [Option<String>; DIMENSIONS] = Default::default();
    dims[0] = optional(&line.dim1);
    Ok(LineDraft {
        account,
        debit,
        credit,
        fc,
        memo: line.memo.trim().to_string(),
        tax_code: optional(&line.tax_code).map(|c| c.to_uppercase()),
        gross: line.gross,
        dims,
        partner,
        due_date: None,
    })
}

/// The account cell may hold "1200 Bank" after a pick from the list: the
/// number is the first word.
pub fn account_number(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}
