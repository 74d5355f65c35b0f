//! What closing a year would post, shown before the user confirms: the
//! P&L balances closed, the result and the retained-earnings account, each
//! balance-sheet account's closing balance (= the next year's opening,
//! the Saldenvorträge, with the closing entry included), the open items
//! carried per control account, and what should make the user pause
//! (earlier years not closed, entries posted into a closed year after its
//! closing). Never refuses: `check` does that.

use crate::ledger::closing::Closing;
use crate::ledger::closing::close::{pl_balances, year_span};
use crate::ledger::gl::{DeterminationKey, Totals};
use crate::ledger::posting::Context;
use crate::ledger::types::{AccountNo, EntryId};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Open items of one control account carried into the next year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarriedItems {
    pub account: AccountNo,
    pub count: usize,
    /// Debit-positive open amount at the year's end.
    pub open_lc: Decimal,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClosingPreview {
    pub year: i32,
    /// Each P&L account's balance of the year (debit-positive), closed to
    /// `retained_earnings`.
    pub profit_and_loss: Vec<(AccountNo, Decimal)>,
    pub retained_earnings: Option<AccountNo>,
    /// The year's result (a profit is positive).
    pub result: Decimal,
    /// Each balance-sheet account's closing balance: the next year's
    /// opening balance.
    pub carried: Vec<(AccountNo, Decimal)>,
    /// Open items carried into the next year.
    pub open_items: usize,
    /// The same per control account.
    pub open_items_by_account: Vec<CarriedItems>,
    /// Earlier years whose P&L accounts still hold a balance (not closed):
    /// their result stays a "result carried forward".
    pub earlier_not_closed: Vec<i32>,
    /// The year is closed (the preview then shows what stands).
    pub closed: bool,
    /// Entries dated in the year posted after its closing entry (the
    /// closing no longer nets them; revert and close again).
    pub posted_after_closing: Vec<EntryId>,
}

/// The preview of closing `year`; an unknown year gives an empty one.
pub fn preview(cx: Context<'_>, closing: &Closing, year: i32) -> ClosingPreview {
    let mut out = ClosingPreview {
        year,
        retained_earnings: cx
            .gl
            .determination()
            .get(DeterminationKey::RetainedEarnings),
        ..ClosingPreview::default()
    };
    let Some((start, end, fy)) = year_span(cx.gl, year) else {
        return out;
    };
    let closed = closing.year(year);
    out.closed = closed.is_some();
    let mut result_lc = Decimal::ZERO;
    for (account, t) in pl_balances(cx.gl, start, end) {
        result_lc += t.balance_lc();
        out.profit_and_loss.push((account, t.balance_lc()));
    }
    // Closed: the closing entry already stands in the balances; show
    // what it closed instead of the zeros.
    if let Some(c) = closed {
        out.profit_and_loss.clear();
        result_lc = Decimal::ZERO;
        let mut by_account: BTreeMap<AccountNo, Decimal> = BTreeMap::new();
        for line in c
            .entries
            .iter()
            .filter_map(|id| cx.journal.entry(*id))
            .flat_map(|e| e.lines.iter())
        {
            if cx
                .gl
                .account(line.account)
                .is_some_and(|a| a.account_type.is_profit_and_loss())
            {
                *by_account.entry(line.account).or_default() -= line.signed_lc();
            }
        }
        for (account, balance) in by_account {
            result_lc += balance;
            out.profit_and_loss.push((account, balance));
        }
        let last = c.entries.iter().max().copied().unwrap_or(EntryId(0));
        out.posted_after_closing = cx
            .journal
            .entries()
            .iter()
            .filter(|e| e.id > last && e.posting_date >= fy.start && e.posting_date <= fy.end)
            .map(|e| e.id)
            .collect();
    }
    out.result = -result_lc;
    for account in cx.gl.accounts() {
        let Some(per_period) = cx.gl.account_totals(account.number) else {
            continue;
        };
        if account.account_type.is_profit_and_loss() {
            continue;
        }
        let mut upto = Totals::default();
        per_period.iter().take(end + 1).for_each(|t| upto.add(t));
        let mut balance = upto.balance_lc();
        if !out.closed && out.retained_earnings == Some(account.number) {
            balance += result_lc;
        }
        if !balance.is_zero() {
            out.carried.push((account.number, balance));
        }
    }
    if !out.closed
        && let Some(re) = out.retained_earnings
        && !result_lc.is_zero()
        && !out.carried.iter().any(|(a, _)| *a == re)
    {
        out.carried.push((re, result_lc));
    }
    out.carried.sort_by_key(|(a, _)| *a);
    out.earlier_not_closed = cx
        .gl
        .calendar()
        .fiscal_years()
        .filter(|f| f.year < year)
        .filter(|f| {
            year_span(cx.gl, f.year).is_some_and(|(s, e, _)| {
                pl_balances(cx.gl, s, e)
                    .iter()
                    .any(|(_, t)| !t.balance_lc().is_zero())
            })
        })
        .map(|f| f.year)
        .collect();
    let mut items: BTreeMap<AccountNo, (usize, Decimal)> = BTreeMap::new();
    for item in cx.open_items.items() {
        if item.posting_date > fy.end {
            continue;
        }
        let (open, _) = cx.open_items.open_as_of(item, fy.end);
        if open.is_zero() {
            continue;
        }
        let slot = items.entry(item.account).or_default();
        slot.0 += 1;
        slot.1 += item.side.sign(open);
    }
    out.open_items = items.values().map(|(n, _)| n).sum();
    out.open_items_by_account = items
        .into_iter()
        .map(|(account, (count, open_lc))| CarriedItems {
            account,
            count,
            open_lc,
        })
        .collect();
    out
}
