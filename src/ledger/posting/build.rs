//! One journal entry (Journalbuchung) from its draft: a header (posting,
//! document and due date, reference, memo, user) and at least two lines,
//! each on one side (Soll/Haben) of one account. `build_entry` checks the
//! draft and derives every amount a posted line carries:
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
//! (Storno, `reversal`) is a new entry with every line mirrored.

use crate::ledger::gl::period::check_posting;
use crate::ledger::gl::{AccountType, DeterminationKey, GlError, GlEvent, NumberSeriesError};
use crate::ledger::journal::JournalError;
use crate::ledger::posting::credit::check_commitment;
use crate::ledger::posting::draft::EntryDraft;
use crate::ledger::posting::line::{Conversion, build_typed_line};
use crate::ledger::posting::{Context, Pending, Rights, rules, series};
use crate::ledger::types::limits::{MAX_ENTRY_NUMBER, MAX_LINES, MAX_TEXT_LEN};
use crate::ledger::types::money::minor_unit;
use crate::ledger::types::{EntryId, Field, Line, PostedEntry, PostingKey, Side, check_text};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The header fields an entry copies from its draft or its original.
pub(crate) struct Header {
    pub posting_date: NaiveDate,
    pub document_date: NaiveDate,
    pub due_date: NaiveDate,
    pub reference: String,
    pub memo: String,
    pub user: String,
    pub reverses: Option<EntryId>,
    pub key: Option<PostingKey>,
}

/// Checks `draft` and returns the entry it would post. For entries the
/// engine derives (payments, closing, standing postings …), which never
/// draw from a numbering series: a draft naming one is refused.
pub fn build_entry(
    cx: Context<'_>,
    draft: &EntryDraft,
    rights: Rights,
    pending: &Pending,
) -> Result<PostedEntry, JournalError> {
    if let Some(code) = &draft.series {
        let code = code.clone();
        return Err(GlError::Series(NumberSeriesError::NotHere { code }).into());
    }
    build_numbered(cx, draft, rights, pending).map(|(entry, _)| entry)
}

/// Checks `draft` and returns the entry it would post and, when the draft
/// names a numbering series, the draw that gave its reference.
pub fn build_numbered(
    cx: Context<'_>,
    draft: &EntryDraft,
    rights: Rights,
    pending: &Pending,
) -> Result<(PostedEntry, Option<GlEvent>), JournalError> {
    check_header(draft)?;
    if let Some(key) = draft.key {
        pending.check_key(cx.journal, key)?;
    }
    let date = draft.posting_date;
    let calendar = cx.gl.calendar();
    let period = calendar
        .index_of_date(date)
        .ok_or(GlError::NoPeriod { date })?;
    let drawn = series::draw(cx, draft, calendar.reference(period).fiscal_year, pending)?;
    let lines = build_lines(cx, draft)?;
    if let Some(breach) = rules::refusal(cx, draft, &lines) {
        return Err(JournalError::Rule(breach));
    }
    check_commitment(cx, &lines, rights)?;
    let header = Header {
        posting_date: date,
        document_date: draft.document_date.unwrap_or(date),
        due_date: draft.due_date.unwrap_or(date),
        reference: match &drawn {
            Some(drawn) => drawn.reference.clone(),
            None => draft.reference.clone(),
        },
        memo: draft.memo.clone(),
        user: draft.user.clone(),
        reverses: None,
        key: draft.key,
    };
    let entry = finish(cx, header, lines, rights, pending)?;
    let drawn = drawn.map(|drawn| drawn.event(&entry));
    Ok((entry, drawn))
}

fn check_header(draft: &EntryDraft) -> Result<(), JournalError> {
    check_text(&draft.reference, Field::Reference, MAX_TEXT_LEN, false)?;
    check_text(&draft.memo, Field::Memo, MAX_TEXT_LEN, false)?;
    check_text(&draft.user, Field::User, MAX_TEXT_LEN, true)?;
    let count = draft.lines.len();
    if count < 2 {
        return Err(JournalError::TooFewLines { count });
    }
    check_line_count(count)
}

fn check_line_count(count: usize) -> Result<(), JournalError> {
    if count > MAX_LINES {
        return Err(JournalError::TooManyLines {
            count,
            max: MAX_LINES,
        });
    }
    Ok(())
}

/// The typed lines with their tax lines, balanced by rounding lines.
pub(crate) fn build_lines(cx: Context<'_>, draft: &EntryDraft) -> Result<Vec<Line>, JournalError> {
    let mut conv = Conversion::new(cx.gl, draft.posting_date);
    let mut lines = Vec::with_capacity(draft.lines.len() + 2);
    let mut fc_lines = 0usize;
    for (i, typed) in draft.lines.iter().enumerate() {
        let built = build_typed_line(cx, &mut conv, i, typed, lines.len())?;
        fc_lines += built.iter().filter(|l| l.fc().is_some()).count();
        lines.extend(built);
        check_line_count(lines.len())?;
    }
    balance_by_rounding(cx, &mut conv, &mut lines, fc_lines)?;
    check_line_count(lines.len())?;
    Ok(lines)
}

/// Adds the rounding lines for LC and SC differences that rounding alone
/// explains; refuses anything larger.
fn balance_by_rounding(
    cx: Context<'_>,
    conv: &mut Conversion<'_>,
    lines: &mut Vec<Line>,
    fc_lines: usize,
) -> Result<(), JournalError> {
    let settings = cx.gl.settings();
    let diff_lc: Decimal = lines.iter().map(Line::signed_lc).sum();
    if !diff_lc.is_zero() {
        let limit = minor_unit(settings.lc_decimals()) * Decimal::from(fc_lines);
        if diff_lc.abs() > limit {
            return Err(JournalError::Unbalanced {
                diff_lc,
                decimals: settings.lc_decimals(),
            });
        }
        let amount_sc = conv.sc_of(diff_lc.abs(), None)?;
        lines.push(rounding_line(cx, diff_lc, diff_lc.abs(), amount_sc)?);
    }
    let diff_sc: Decimal = lines.iter().map(Line::signed_sc).sum();
    if !diff_sc.is_zero() {
        let limit = minor_unit(settings.sc_decimals()) * Decimal::from(lines.len());
        if diff_sc.abs() > limit {
            return Err(JournalError::UnbalancedSc {
                diff_sc,
                decimals: settings.sc_decimals(),
            });
        }
        lines.push(rounding_line(cx, diff_sc, Decimal::ZERO, diff_sc.abs())?);
    }
    Ok(())
}

/// A line on the rounding account that offsets `diff` (debit minus credit).
fn rounding_line(
    cx: Context<'_>,
    diff: Decimal,
    amount_lc: Decimal,
    amount_sc: Decimal,
) -> Result<Line, JournalError> {
    let key = DeterminationKey::Rounding;
    let number = cx.gl.determined_account(key)?;
    // Made a control account after the determination named it: a
    // rounding line there would have no business partner.
    if cx.gl.account(number).is_some_and(|a| a.control) {
        return Err(GlError::DeterminationAccountIsControl {
            key,
            account: number,
        }
        .into());
    }
    let side = if diff.is_sign_positive() {
        Side::Credit
    } else {
        Side::Debit
    };
    let mut line = Line::new(number, side, amount_lc, amount_sc);
    line.rounding = true;
    Ok(line)
}

/// The checks and numbering every posted entry shares (typed or reversal):
/// the period admits it, it gets the next id and gapless number.
pub(crate) fn finish(
    cx: Context<'_>,
    header: Header,
    lines: Vec<Line>,
    rights: Rights,
    pending: &Pending,
) -> Result<PostedEntry, JournalError> {
    let date = header.posting_date;
    let calendar = cx.gl.calendar();
    let period = calendar
        .index_of_date(date)
        .ok_or(GlError::NoPeriod { date })?;
    let status = calendar.status(period).ok_or(GlError::NoPeriod { date })?;
    let revenue = first_revenue_line(cx, &lines);
    check_posting(status, date, revenue, rights.post_into_closing)?;
    let fiscal_year = calendar.reference(period).fiscal_year;
    let used = cx.journal.last_number(fiscal_year)
        + pending.numbers.get(&fiscal_year).copied().unwrap_or(0);
    if used >= MAX_ENTRY_NUMBER {
        return Err(JournalError::EntryNumbersExhausted {
            fiscal_year,
            max: MAX_ENTRY_NUMBER,
        });
    }
    Ok(PostedEntry {
        id: EntryId(cx.journal.next_id().0 + pending.entries),
        fiscal_year,
        number: used + 1,
        posting_date: date,
        document_date: header.document_date,
        due_date: header.due_date,
        reference: header.reference,
        memo: header.memo,
        user: header.user,
        lines,
        reverses: header.reverses,
        key: header.key,
    })
}

fn first_revenue_line(cx: Context<'_>, lines: &[Line]) -> Option<usize> {
    lines.iter().position(|l| {
        cx.gl
            .account(l.account)
            .is_some_and(|a| a.account_type == AccountType::Revenue)
    })
}
