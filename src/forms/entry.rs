//! The journal-entry form (Buchungsmaske): header fields and a grid of
//! lines as typed. `to_draft` turns it into an [`EntryDraft`] for the
//! engine; `difference_lc` is the running difference shown while typing.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::formats::amount::{AmountError, DateError, NumberStyle, parse_amount, parse_date};
use crate::ledger::Book;
use crate::ledger::DomainError;
use crate::ledger::gl::fx::lc_from_fc;
use crate::ledger::posting::{EntryDraft, EntryPreview, FcDraft, LineDraft, preview_entry};
use crate::ledger::types::AccountNo;
use crate::ledger::types::Currency;
use crate::ledger::types::limits::{DIMENSIONS, MAX_LINES};
use crate::ledger::types::money::round;

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
    pub fn is_blank(&self) -> bool {
        [
            &self.account,
            &self.debit,
            &self.credit,
            &self.currency,
            &self.rate,
            &self.memo,
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
    /// lines are skipped, so the grid may keep spare rows.
    pub fn to_draft(
        &self,
        style: NumberStyle,
        lc_decimals: u32,
        today: NaiveDate,
        user: &str,
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
            lines.push(line_draft(line, i, style, lc_decimals)?);
        }
        let mut draft = EntryDraft::new(posting_date, user, lines);
        draft.document_date = document_date;
        draft.reference = self.reference.trim().to_string();
        draft.memo = self.memo.trim().to_string();
        Ok(draft)
    }

    /// Debit minus credit in LC over the lines that can be read so far
    /// (what the user still has to balance), generated tax lines included.
    /// FC lines are converted at the typed rate or the rate table's rate of
    /// the posting date.
    pub fn difference_lc(&self, book: &Book, style: NumberStyle, today: NaiveDate) -> Decimal {
        let settings = book.settings();
        let lc_decimals = settings.lc_decimals();
        // When the whole form reads, the engine's own preview knows tax and
        // rounding exactly; while some cell is half typed, add up what reads.
        if let Ok(draft) = self.to_draft(style, lc_decimals, today, "") {
            return preview_entry(book.context(), &draft).diff_lc;
        }
        let date = parse_date(&self.posting_date, today).unwrap_or(today);
        self.lines
            .iter()
            .filter_map(|line| {
                let amount =
                    |text: &str| parse_amount(text, style, lc_decimals.max(RATE_DECIMALS)).ok();
                let signed = amount(&line.debit).unwrap_or_default()
                    - amount(&line.credit).unwrap_or_default();
                match line.currency.trim() {
                    "" => Some(signed),
                    code => {
                        let currency = Currency::parse(&code.to_uppercase()).ok()?;
                        if currency == settings.lc {
                            return Some(signed);
                        }
                        let rate = match line.rate.trim() {
                            "" => book.rates().rate_on(currency, date).ok()?,
                            text => parse_amount(text, style, RATE_DECIMALS).ok()?,
                        };
                        (rate > Decimal::ZERO).then(|| lc_from_fc(signed, rate, lc_decimals))
                    }
                }
            })
            .sum::<Decimal>()
            .round_dp(lc_decimals)
    }

    /// What each line would post (tax lines included), for the grid to
    /// show live; `None` while the form does not read.
    pub fn preview(
        &self,
        book: &Book,
        style: NumberStyle,
        today: NaiveDate,
    ) -> Option<EntryPreview> {
        let decimals = book.settings().lc_decimals();
        let draft = self.to_draft(style, decimals, today, "").ok()?;
        Some(preview_entry(book.context(), &draft))
    }

    /// Puts the open difference on line `index` (an LC line), so the entry
    /// balances: the "balance the entry" shortcut.
    pub fn balance_line(
        &mut self,
        index: usize,
        book: &Book,
        style: NumberStyle,
        today: NaiveDate,
    ) {
        let decimals = book.settings().lc_decimals();
        let Some(line) = self.lines.get_mut(index) else {
            return;
        };
        line.debit.clear();
        line.credit.clear();
        line.currency.clear();
        line.rate.clear();
        let open = self.difference_lc(book, style, today);
        let text =
            crate::formats::amount::format_amount(round(open.abs(), decimals), decimals, style);
        let line = &mut self.lines[index];
        if open > Decimal::ZERO {
            line.credit = text;
        } else if open < Decimal::ZERO {
            line.debit = text;
        }
    }
}

fn line_draft(
    line: &LineForm,
    i: usize,
    style: NumberStyle,
    lc_decimals: u32,
) -> Result<LineDraft, FormError> {
    let at = |field, kind| FormError {
        line: Some(i),
        field,
        kind,
    };
    let account = match line.account.trim() {
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
        // The grid has no partner column yet (the UI's part of issue 13).
        partner: None,
        due_date: None,
    })
}

/// The account cell may hold "1200 Bank" after a pick from the list: the
/// number is the first word.
pub fn account_number(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}
