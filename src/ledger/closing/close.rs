//! The closing entry of a fiscal year (Abschlussbuchung): every
//! profit-and-loss account's balance of the year, LC and SC as the index
//! holds them, closed to the retained-earnings account of the G/L
//! determination, dated the year's last day. Lines are built directly
//! from the balance index (no conversion, so nothing to round): the entry
//! nets every P&L account of the year to exactly zero in LC and SC.

use crate::ledger::closing::ClosingError;
use crate::ledger::gl::{DeterminationKey, Gl, Totals};
use crate::ledger::posting::build::{Header, finish};
use crate::ledger::posting::{Context, Pending, Rights};
use crate::ledger::types::limits::MAX_LINES;
use crate::ledger::types::{AccountNo, FiscalYear, Line, PeriodRef, PostedEntry, PostingKey, Side};
use rust_decimal::Decimal;

/// The fiscal year `year` if it is open: its first and last global
/// period index and its dates.
pub(crate) fn year_span(gl: &Gl, year: i32) -> Option<(usize, usize, FiscalYear)> {
    let calendar = gl.calendar();
    let start = calendar.index_of(PeriodRef {
        fiscal_year: year,
        period: 1,
    })?;
    let end = start + calendar.layout().periods_per_year() - 1;
    let fy = calendar.fiscal_years().find(|f| f.year == year)?;
    Some((start, end, fy))
}

/// Each profit-and-loss account's movements within periods
/// `start..=end`, for accounts whose balance there is not zero (LC or
/// SC), in account-number order.
pub(crate) fn pl_balances(gl: &Gl, start: usize, end: usize) -> Vec<(AccountNo, Totals)> {
    let mut out = Vec::new();
    for account in gl.accounts() {
        if !account.account_type.is_profit_and_loss() {
            continue;
        }
        let Some(per_period) = gl.account_totals(account.number) else {
            continue;
        };
        let mut within = Totals::default();
        per_period
            .iter()
            .take(end + 1)
            .skip(start)
            .for_each(|t| within.add(t));
        if !within.balance_lc().is_zero() || !within.balance_sc().is_zero() {
            out.push((account.number, within));
        }
    }
    out.sort_by_key(|(a, _)| *a);
    out
}

/// The line(s) on `account` that offset a debit-positive balance of
/// `lc`/`sc`: one line when both point the same way, two when rounding
/// left LC and SC on different sides.
fn offsetting(account: AccountNo, lc: Decimal, sc: Decimal) -> Vec<Line> {
    let side_of = |balance: Decimal| {
        if balance.is_sign_positive() {
            Side::Credit
        } else {
            Side::Debit
        }
    };
    let same_way = lc.is_zero() || sc.is_zero() || lc.is_sign_positive() == sc.is_sign_positive();
    if same_way {
        if lc.is_zero() && sc.is_zero() {
            return Vec::new();
        }
        let side = side_of(if lc.is_zero() { sc } else { lc });
        return vec![Line::new(account, side, lc.abs(), sc.abs())];
    }
    vec![
        Line::new(account, side_of(lc), lc.abs(), Decimal::ZERO),
        Line::new(account, side_of(sc), Decimal::ZERO, sc.abs()),
    ]
}

/// The closing entries of `year` (one unless the chart has more P&L
/// accounts with a balance than an entry holds lines); the first carries
/// `key`. Checked as the journal will re-check them.
pub(crate) fn closing_entries(
    cx: Context<'_>,
    rights: Rights,
    year: i32,
    key: PostingKey,
    by: &str,
) -> Result<Vec<PostedEntry>, ClosingError> {
    let (start, end, fy) = year_span(cx.gl, year).ok_or(ClosingError::YearNotFound { year })?;
    let retained = cx
        .gl
        .determined_account(DeterminationKey::RetainedEarnings)?;
    let balances = pl_balances(cx.gl, start, end);
    if balances.is_empty() {
        return Err(ClosingError::NothingToClose { year });
    }
    let mut pending = Pending::default();
    pending.check_key(cx.journal, key)?;
    let lines: Vec<Line> = balances
        .iter()
        .flat_map(|(account, t)| offsetting(*account, t.balance_lc(), t.balance_sc()))
        .collect();
    let mut entries = Vec::new();
    // Room for the two retained-earnings lines of each entry.
    for chunk in lines.chunks(MAX_LINES - 2) {
        let mut lines = chunk.to_vec();
        let lc: Decimal = lines.iter().map(Line::signed_lc).sum();
        let sc: Decimal = lines.iter().map(Line::signed_sc).sum();
        lines.extend(offsetting(retained, lc, sc));
        let header = Header {
            posting_date: fy.end,
            document_date: fy.end,
            due_date: fy.end,
            reference: format!("Jahresabschluss {year}"),
            memo: "GuV-Konten an Gewinnvortrag".to_string(),
            user: by.to_string(),
            reverses: None,
            key: entries.is_empty().then_some(key),
        };
        let entry = finish(cx, header, lines, rights, &pending)?;
        if entries.is_empty() {
            // The journal re-checks every entry when it is applied; the
            // first one can be checked against the journal as it stands.
            cx.journal.check_posted(cx.gl, cx.partners, &entry)?;
        }
        pending.add(&entry);
        entries.push(entry);
    }
    Ok(entries)
}
