//! The company's data-entry rules (`gl::entry_rules`) applied to an entry
//! being built. A rule in `Refuse` mode refuses the entry in `build_entry`
//! (every path that posts: the grid, vouchers, payments, runs, the
//! console); one in `Warn` mode becomes an [`EntryWarning`] the entry
//! screen asks about.
//!
//! The date window and the mandatory fields are about what a user typed:
//! they apply to drafts that carry the day they were entered
//! (`EntryDraft::entered_on`), which the screens set from the clock, since
//! the engine has none. Entries the engine derives (a payment's, a dunning
//! charge, a closing entry) carry no such day and are not held to them.
//! The negative-cash rule is about the account, so it applies to every
//! built entry.
//!
//! [`EntryWarning`]: super::EntryWarning

use super::{Context, EntryDraft};
use crate::ledger::gl::{RuleBreach, RuleMode};
use crate::ledger::types::{AccountNo, Line};
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

/// Every rule `draft` breaks with the mode it is in (never `Off`), given
/// the entry's built `lines`; in rule order.
pub fn breaches(
    cx: Context<'_>,
    draft: &EntryDraft,
    lines: &[Line],
) -> Vec<(RuleBreach, RuleMode)> {
    let rules = cx.gl.entry_rules();
    let mut found = Vec::new();
    let mut push = |mode: RuleMode, breach: Option<RuleBreach>| {
        if let (true, Some(breach)) = (mode != RuleMode::Off, breach) {
            found.push((breach, mode));
        }
    };
    if let Some(today) = draft.entered_on {
        let date = draft.posting_date;
        push(
            rules.date_window,
            too_far_back(date, today, rules.days_back),
        );
        push(
            rules.date_window,
            too_far_ahead(date, today, rules.days_ahead),
        );
        let no_reference = draft.reference.trim().is_empty() && draft.series.is_none();
        push(
            rules.reference,
            no_reference.then_some(RuleBreach::NoReference),
        );
        let no_document_date = draft.document_date.is_none();
        push(
            rules.document_date,
            no_document_date.then_some(RuleBreach::NoDocumentDate),
        );
    }
    for &account in &rules.cash_accounts {
        push(rules.cash_negative, cash_negative(cx, account, lines));
    }
    found
}

/// The first breach in `Refuse` mode, for `build_entry`.
pub fn refusal(cx: Context<'_>, draft: &EntryDraft, lines: &[Line]) -> Option<RuleBreach> {
    breaches(cx, draft, lines)
        .into_iter()
        .find(|(_, mode)| *mode == RuleMode::Refuse)
        .map(|(breach, _)| breach)
}

fn too_far_back(date: NaiveDate, today: NaiveDate, days: Option<u32>) -> Option<RuleBreach> {
    let days = days?;
    let earliest = today.checked_sub_days(Days::new(days.into()))?;
    (date < earliest).then_some(RuleBreach::TooFarBack {
        date,
        earliest,
        days,
    })
}

fn too_far_ahead(date: NaiveDate, today: NaiveDate, days: Option<u32>) -> Option<RuleBreach> {
    let days = days?;
    let latest = today.checked_add_days(Days::new(days.into()))?;
    (date > latest).then_some(RuleBreach::TooFarAhead { date, latest, days })
}

/// A breach when the entry lowers `account` and leaves it below zero (a
/// receipt into a cash box that is already short is never refused).
fn cash_negative(cx: Context<'_>, account: AccountNo, lines: &[Line]) -> Option<RuleBreach> {
    let change: Decimal = lines
        .iter()
        .filter(|l| l.account == account)
        .map(Line::signed_lc)
        .sum();
    let balance = cx.gl.balance_lc(account) + change;
    (change < Decimal::ZERO && balance < Decimal::ZERO).then(|| RuleBreach::CashNegative {
        account,
        balance,
        decimals: cx.gl.settings().lc_decimals(),
    })
}
