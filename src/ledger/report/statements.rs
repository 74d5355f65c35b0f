//! Balance sheet (Bilanz, § 266 HGB for small companies) and profit and
//! loss account (GuV, § 275 (2) HGB, total-cost format) for a period
//! range, with an optional comparison column and the deviation. Read from
//! the GL's (account, period) balance index like the trial balance; each
//! account stands on the line `Statements::position` gives it.
//!
//! Balance-sheet values are the cumulative balances at the end of `to`
//! (assets debit-positive, equity and liabilities credit-positive). The
//! P&L is the movement of `from..=to` within the fiscal year of `to` (P&L
//! accounts restart every year), credit-positive: income positive,
//! expenses negative. The year's result to date stands on the balance
//! sheet as "Jahresüberschuss/Jahresfehlbetrag" (P.A.V), the result of
//! earlier years not yet closed as "Gewinnvortrag/Verlustvortrag" (P.A.IV),
//! so the balance sheet balances. A year-end closing entry of `to`'s year
//! is left out (its lines subtracted), so a closed year's statements still
//! show its result; closings of earlier years stay in (they moved their
//! result into equity).
//!
//! Receivables and payables are shown on the side of their type; the
//! debit/credit swap of a control account's balance (a creditor with a
//! debit balance shown among the assets) is not done.

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::report::period_range;
use crate::ledger::statements::layout::{
    self, ASSETS, BS_RESULT, CARRIED_FORWARD, EQUITY_AND_LIABILITIES, LINES, LayoutLine,
    PL_AFTER_TAX, PL_RESULT,
};
use crate::ledger::statements::{Source, Statement};
use crate::ledger::types::money::round;
use crate::ledger::types::{AccountNo, PeriodRef};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// What the comparison column shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparison {
    None,
    /// The same periods one fiscal year earlier.
    PreviousYear,
    /// The range of as many periods just before `from`.
    PreviousPeriod,
}

/// An account on a line, with its amount (presented sign) in both columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementAccount {
    pub account: AccountNo,
    pub source: Source,
    pub amount: Decimal,
    pub comparison: Option<Decimal>,
}

/// One line of a statement with its total, comparison and deviation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementRow {
    pub line: &'static LayoutLine,
    /// Ancestors of the line: 0 for a side's total and every P&L line, 1
    /// for a letter, 2 for a Roman numeral.
    pub depth: usize,
    pub amount: Decimal,
    pub comparison: Option<Decimal>,
    /// `amount - comparison`.
    pub deviation: Option<Decimal>,
    /// The deviation in percent of the comparison's magnitude, one
    /// decimal; `None` when the comparison is zero.
    pub deviation_percent: Option<Decimal>,
    /// The accounts standing on this line (non-zero in either column),
    /// in number order.
    pub accounts: Vec<StatementAccount>,
}

/// The two checks of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatementChecks {
    pub total_assets: Decimal,
    pub total_equity_and_liabilities: Decimal,
    /// Assets minus equity and liabilities; zero when it balances.
    pub balance_difference: Decimal,
    /// The P&L's result of the fiscal year up to `to`.
    pub pl_result: Decimal,
    /// The balance sheet's "Jahresüberschuss/Jahresfehlbetrag" line.
    pub bs_result: Decimal,
    pub result_difference: Decimal,
}

impl StatementChecks {
    pub fn balances(&self) -> bool {
        self.balance_difference.is_zero()
    }

    pub fn results_agree(&self) -> bool {
        self.result_difference.is_zero()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinancialStatement {
    pub statement: Statement,
    pub from: PeriodRef,
    pub to: PeriodRef,
    pub comparison: Comparison,
    /// The comparison's range, when the calendar holds it.
    pub comparison_range: Option<(PeriodRef, PeriodRef)>,
    pub rows: Vec<StatementRow>,
    pub checks: StatementChecks,
    pub comparison_checks: Option<StatementChecks>,
}

impl FinancialStatement {
    pub fn row(&self, key: &str) -> Option<&StatementRow> {
        self.rows.iter().find(|r| r.line.key == key)
    }
}

/// One column: per line its accounts' sums and per account its amount.
struct Column {
    lines: BTreeMap<&'static str, Decimal>,
    accounts: BTreeMap<AccountNo, Decimal>,
    checks: StatementChecks,
}

/// Debit-positive LC balance of periods `range` of an account.
fn sum(per_period: &[crate::ledger::gl::Totals], from: usize, to: usize) -> Decimal {
    if from > to || from >= per_period.len() {
        return Decimal::ZERO;
    }
    let to = to.min(per_period.len() - 1);
    per_period[from..=to]
        .iter()
        .map(|t| t.debit_lc - t.credit_lc)
        .sum()
}

/// The presented sign of a debit-positive balance on `line`.
fn presented(line: &LayoutLine, debit_positive: Decimal) -> Decimal {
    if line.key.starts_with(ASSETS) && line.statement == Statement::BalanceSheet {
        debit_positive
    } else {
        -debit_positive
    }
}

fn column(book: &Book, start: usize, end: usize) -> Column {
    let calendar = book.calendar();
    let statements = book.statements();
    let year_start = calendar.year_start_index(end);
    let pl_start = start.max(year_start);
    // Year-end closing entries of `end`'s fiscal year within the range:
    // their lines are taken out again (debit-positive per account).
    let mut closing: BTreeMap<AccountNo, Decimal> = BTreeMap::new();
    for c in book.closing().years() {
        if c.reverted.is_some() {
            continue;
        }
        for id in &c.entries {
            let Some(entry) = book.entry(*id) else {
                continue;
            };
            let Some(p) = calendar.index_of_date(entry.posting_date) else {
                continue;
            };
            if p < year_start || p > end {
                continue;
            }
            for l in &entry.lines {
                *closing.entry(l.account).or_default() += l.side.sign(l.amount_lc);
            }
        }
    }
    let mut lines: BTreeMap<&'static str, Decimal> = BTreeMap::new();
    let mut accounts = BTreeMap::new();
    let mut carried = Decimal::ZERO;
    let mut ytd = Decimal::ZERO;
    for account in book.accounts() {
        let per_period = book.account_totals(account.number).unwrap_or(&[]);
        let out = closing.get(&account.number).copied().unwrap_or_default();
        let (key, _) = statements.position(book.gl(), account);
        let Some(line) = layout::line(key) else {
            unreachable!("position gives a line of the layout")
        };
        let value = if account.account_type.is_profit_and_loss() {
            if year_start > 0 {
                carried += sum(per_period, 0, year_start - 1);
            }
            ytd += sum(per_period, year_start, end) - out;
            // A closing entry lies in the last period; it is in the P&L's
            // range whenever it is in the year-to-date one.
            sum(per_period, pl_start, end) - out
        } else {
            sum(per_period, 0, end) - out
        };
        if value.is_zero() {
            continue;
        }
        let shown = presented(line, value);
        accounts.insert(account.number, shown);
        *lines.entry(line.key).or_default() += shown;
    }
    *lines.entry(CARRIED_FORWARD).or_default() -= carried;
    *lines.entry(BS_RESULT).or_default() -= ytd;
    // Parents sum their children (children come after their parent, so
    // walk backwards).
    for l in LINES.iter().rev() {
        if let Some(parent) = l.parent {
            let v = lines.get(l.key).copied().unwrap_or_default();
            *lines.entry(parent).or_default() += v;
        }
    }
    let after_tax: Decimal = LINES
        .iter()
        .filter(|l| l.statement == Statement::ProfitAndLoss && l.mappable && l.key != "GuV.16")
        .map(|l| lines.get(l.key).copied().unwrap_or_default())
        .sum();
    lines.insert(PL_AFTER_TAX, after_tax);
    let result = after_tax + lines.get("GuV.16").copied().unwrap_or_default();
    lines.insert(PL_RESULT, result);
    let get = |k: &str| lines.get(k).copied().unwrap_or_default();
    let total_assets = get(ASSETS);
    let total_el = get(EQUITY_AND_LIABILITIES);
    let pl_result = -ytd;
    let bs_result = get(BS_RESULT);
    let checks = StatementChecks {
        total_assets,
        total_equity_and_liabilities: total_el,
        balance_difference: total_assets - total_el,
        pl_result,
        bs_result,
        result_difference: pl_result - bs_result,
    };
    Column {
        lines,
        accounts,
        checks,
    }
}

/// The comparison range of `start..=end`, if the calendar holds it.
fn comparison_range(
    book: &Book,
    start: usize,
    end: usize,
    c: Comparison,
) -> Option<(usize, usize)> {
    let calendar = book.calendar();
    match c {
        Comparison::None => None,
        Comparison::PreviousYear => {
            let ppy = calendar.layout().periods_per_year();
            Some((start.checked_sub(ppy)?, end.checked_sub(ppy)?))
        }
        Comparison::PreviousPeriod => {
            let len = end - start + 1;
            Some((start.checked_sub(len)?, start.checked_sub(1)?))
        }
    }
}

/// How many ancestors `line` has.
fn depth(line: &LayoutLine) -> usize {
    let mut n = 0;
    let mut parent = line.parent;
    while let Some(key) = parent {
        n += 1;
        parent = layout::line(key).and_then(|l| l.parent);
    }
    n
}

/// Deviation and its percentage of the comparison's magnitude.
pub fn deviation(amount: Decimal, comparison: Decimal) -> (Decimal, Option<Decimal>) {
    let d = amount - comparison;
    let percent = if comparison.is_zero() {
        None
    } else {
        Some(round(d * Decimal::ONE_HUNDRED / comparison.abs(), 1))
    };
    (d, percent)
}

/// Both statements of one range (they share one pass over the index).
pub fn financial_statements(
    book: &Book,
    from: PeriodRef,
    to: PeriodRef,
    comparison: Comparison,
) -> Result<(FinancialStatement, FinancialStatement), DomainError> {
    let (start, end) = period_range(book, from, to)?;
    let (start, end) = if start > end {
        (end, start)
    } else {
        (start, end)
    };
    let current = column(book, start, end);
    let calendar = book.calendar();
    let cmp_range = comparison_range(book, start, end, comparison);
    let previous = cmp_range.map(|(s, e)| column(book, s, e));
    let positions: Vec<(AccountNo, &'static str, Source)> = book
        .accounts()
        .map(|a| {
            let (key, source) = book.statements().position(book.gl(), a);
            (a.number, key, source)
        })
        .collect();
    let build = |statement: Statement| {
        let rows = layout::lines_of(statement)
            .map(|line| {
                let amount = current.lines.get(line.key).copied().unwrap_or_default();
                let cmp = previous
                    .as_ref()
                    .map(|p| p.lines.get(line.key).copied().unwrap_or_default());
                let (dev, pct) = match cmp {
                    Some(c) => {
                        let (d, p) = deviation(amount, c);
                        (Some(d), p)
                    }
                    None => (None, None),
                };
                let mut accounts: Vec<StatementAccount> = Vec::new();
                if line.mappable {
                    for &(number, key, source) in &positions {
                        if key != line.key {
                            continue;
                        }
                        let a = current.accounts.get(&number).copied();
                        let c = previous
                            .as_ref()
                            .and_then(|p| p.accounts.get(&number).copied());
                        if a.is_none() && c.is_none() {
                            continue;
                        }
                        accounts.push(StatementAccount {
                            account: number,
                            source,
                            amount: a.unwrap_or_default(),
                            comparison: previous.as_ref().map(|_| c.unwrap_or_default()),
                        });
                    }
                }
                StatementRow {
                    line,
                    depth: depth(line),
                    amount,
                    comparison: cmp,
                    deviation: dev,
                    deviation_percent: pct,
                    accounts,
                }
            })
            .collect();
        FinancialStatement {
            statement,
            from: calendar.reference(start),
            to: calendar.reference(end),
            comparison,
            comparison_range: cmp_range
                .map(|(s, e)| (calendar.reference(s), calendar.reference(e))),
            rows,
            checks: current.checks,
            comparison_checks: previous.as_ref().map(|p| p.checks),
        }
    };
    Ok((
        build(Statement::BalanceSheet),
        build(Statement::ProfitAndLoss),
    ))
}

/// The balance sheet at the end of `to` (`from` sets the comparison's
/// length for `Comparison::PreviousPeriod`).
pub fn balance_sheet(
    book: &Book,
    from: PeriodRef,
    to: PeriodRef,
    comparison: Comparison,
) -> Result<FinancialStatement, DomainError> {
    financial_statements(book, from, to, comparison).map(|(bs, _)| bs)
}

/// The profit and loss account of `from..=to` (within `to`'s fiscal year).
pub fn profit_and_loss(
    book: &Book,
    from: PeriodRef,
    to: PeriodRef,
    comparison: Comparison,
) -> Result<FinancialStatement, DomainError> {
    financial_statements(book, from, to, comparison).map(|(_, pl)| pl)
}
