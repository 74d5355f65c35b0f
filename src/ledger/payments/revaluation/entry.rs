//! The revaluation's entry and its reversal, built from a preview.
//!
//! Lines are grouped per (account, currency, gain or loss): the item
//! differences on the FX adjustment account, each FC account's difference
//! on the account itself (a line with an FC amount of zero at the date's
//! rate, so the account keeps its FC balance). Gains and losses are offset
//! gross on their own accounts, never netted (imparity principle). The
//! lines go through posting's `finish`, so periods, ids, numbering and
//! the closing rights are the journal's; the reversal mirrors the lines
//! and names the first entry in `reverses`, a proper Storno.

use crate::ledger::gl::{DeterminationKey, GlError};
use crate::ledger::journal::JournalError;
use crate::ledger::payments::error::PaymentsError;
use crate::ledger::payments::revaluation::preview::RevaluationPreview;
use crate::ledger::payments::revaluation::{RevaluationDraft, RevaluationError};
use crate::ledger::payments::settings::PaymentSettings;
use crate::ledger::posting::build::{Header, finish};
use crate::ledger::posting::line::Conversion;
use crate::ledger::posting::{Context, Pending, Rights};
use crate::ledger::types::entry::LineExtra;
use crate::ledger::types::limits::{MAX_LINES, MAX_TEXT_LEN};
use crate::ledger::types::{
    AccountNo, Currency, FcAmount, Field, Line, PostedEntry, Side, check_text,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One group of differences: where, in which currency, gain or loss.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Group {
    gain: bool,
    account: AccountNo,
    currency: Currency,
    /// The rate of an FC account's line (its FC amount is zero).
    fc_rate: Option<Decimal>,
}

/// The entries to post: the revaluation, then its reversal if asked for.
pub(super) fn build(
    cx: Context<'_>,
    settings: &PaymentSettings,
    rights: Rights,
    draft: &RevaluationDraft,
    found: &RevaluationPreview,
) -> Result<Vec<PostedEntry>, PaymentsError> {
    check_text(&draft.user, Field::User, MAX_TEXT_LEN, true)?;
    if !found.has_postings() {
        return Err(RevaluationError::NothingToRevalue { date: draft.date }.into());
    }
    let lines = lines(cx, settings, draft.date, found)?;
    let mut pending = Pending::default();
    pending.check_key(cx.journal, draft.key)?;
    let header = Header {
        posting_date: draft.date,
        document_date: draft.date,
        due_date: draft.date,
        reference: format!("FWB {}", draft.date),
        memo: format!("Fremdwährungsbewertung / FX revaluation {}", draft.date),
        user: draft.user.clone(),
        reverses: None,
        key: Some(draft.key),
    };
    let first = finish(cx, header, lines, rights, &pending)?;
    let Some(reverse_on) = draft.reverse_on else {
        return Ok(vec![first]);
    };
    pending.add(&first);
    let header = Header {
        posting_date: reverse_on,
        document_date: reverse_on,
        due_date: reverse_on,
        reference: first.reference.clone(),
        memo: format!(
            "Auflösung Fremdwährungsbewertung / FX revaluation reversed {}",
            draft.date
        ),
        user: draft.user.clone(),
        reverses: Some(first.id),
        key: None,
    };
    let mirrored = first
        .lines
        .iter()
        .map(|l| {
            let mut line = l.clone();
            line.side = l.side.opposite();
            line
        })
        .collect();
    let second = finish(cx, header, mirrored, rights, &pending)?;
    Ok(vec![first, second])
}

/// The grouped difference lines, then the gain and the loss line.
fn lines(
    cx: Context<'_>,
    settings: &PaymentSettings,
    date: NaiveDate,
    found: &RevaluationPreview,
) -> Result<Vec<Line>, PaymentsError> {
    let mut groups: BTreeMap<Group, Decimal> = BTreeMap::new();
    let mut adjustment = None;
    for i in found.items.iter().filter(|i| i.treatment.posted()) {
        let account = match adjustment {
            Some(a) => a,
            None => *adjustment.insert(adjustment_account(cx, settings)?),
        };
        *groups
            .entry(group(account, i.currency, i.difference, None))
            .or_default() += i.difference;
    }
    for a in found.accounts.iter().filter(|a| a.treatment.posted()) {
        *groups
            .entry(group(a.account, a.currency, a.difference, Some(a.rate)))
            .or_default() += a.difference;
    }
    let mut conv = Conversion::new(cx.gl, date);
    let mut lines = Vec::with_capacity(groups.len() + 2);
    let (mut gain, mut loss) = (
        (Decimal::ZERO, Decimal::ZERO),
        (Decimal::ZERO, Decimal::ZERO),
    );
    for (g, difference) in groups {
        let line = difference_line(&mut conv, g, difference)?;
        let sum = if g.gain { &mut gain } else { &mut loss };
        sum.0 += line.amount_lc;
        sum.1 += line.amount_sc;
        lines.push(line);
    }
    if !gain.0.is_zero() || !gain.1.is_zero() {
        let account = offset_account(cx, settings.fx_unrealised_gain, DeterminationKey::FxGain)?;
        lines.push(Line::new(account, Side::Credit, gain.0, gain.1));
    }
    if !loss.0.is_zero() || !loss.1.is_zero() {
        let account = offset_account(cx, settings.fx_unrealised_loss, DeterminationKey::FxLoss)?;
        lines.push(Line::new(account, Side::Debit, loss.0, loss.1));
    }
    if lines.len() > MAX_LINES {
        return Err(JournalError::TooManyLines {
            count: lines.len(),
            max: MAX_LINES,
        }
        .into());
    }
    Ok(lines)
}

fn group(
    account: AccountNo,
    currency: Currency,
    difference: Decimal,
    fc_rate: Option<Decimal>,
) -> Group {
    Group {
        gain: difference.is_sign_positive(),
        account,
        currency,
        fc_rate,
    }
}

/// A gain is a debit on the revalued side (an asset worth more, a debt
/// worth less), a loss a credit.
fn difference_line(
    conv: &mut Conversion<'_>,
    g: Group,
    difference: Decimal,
) -> Result<Line, GlError> {
    let side = if g.gain { Side::Debit } else { Side::Credit };
    let amount_lc = difference.abs();
    let amount_sc = conv.sc_of(amount_lc, None)?;
    let mut line = Line::new(g.account, side, amount_lc, amount_sc);
    line.memo = g.currency.to_string();
    if let Some(rate) = g.fc_rate {
        let fc = FcAmount {
            currency: g.currency,
            amount_fc: Decimal::ZERO,
            rate_fc_per_lc: rate,
        };
        line = line.with_extra(LineExtra {
            fc: Some(Box::new(fc)),
            ..LineExtra::default()
        });
    }
    Ok(line)
}

fn adjustment_account(
    cx: Context<'_>,
    settings: &PaymentSettings,
) -> Result<AccountNo, PaymentsError> {
    let account = settings
        .fx_adjustment_account
        .ok_or(RevaluationError::AdjustmentAccountMissing)?;
    usable(cx, account)
}

/// The settings' account, else the determination's realised one.
fn offset_account(
    cx: Context<'_>,
    set: Option<AccountNo>,
    key: DeterminationKey,
) -> Result<AccountNo, PaymentsError> {
    match set {
        Some(account) => usable(cx, account),
        None => Ok(cx.gl.determined_account(key)?),
    }
}

/// An account the engine may post an LC line to, not a control account.
fn usable(cx: Context<'_>, account: AccountNo) -> Result<AccountNo, PaymentsError> {
    let fits = cx
        .gl
        .account(account)
        .is_some_and(|a| a.postable && a.active && !a.control && a.currency.allows(None));
    if fits {
        Ok(account)
    } else {
        Err(RevaluationError::AccountUnusable { account }.into())
    }
}
