//! Figures for charts (Zeitreihen): per period of one fiscal year, read
//! from the GL's (account, period) balance index like the trial balance,
//! never from lines.
//!
//! - [`result_series`]: revenue (credit − debit of revenue accounts),
//!   expenses (debit − credit of expense accounts) and the result
//!   (revenue − expenses) of each period.
//! - [`cash_series`]: the balance of cash and bank at each period end,
//!   everything posted since the books began (balance-sheet accounts
//!   carry). Cash and bank are the G/L accounts of the house banks (bank
//!   sub-ledger) and the postable asset accounts of the chart's liquid
//!   funds: SKR03 1000–1099 (Kasse), 1100–1199 (Postbank), 1200–1299
//!   (Banken); SKR04 1600–1699 (Kasse), 1700–1799 (Postbank), 1800–1899
//!   (Banken); the generic chart has only its house banks. Transit and
//!   check accounts (SKR03 1360, 1550) are not money on hand and stay out.
//! - [`expense_breakdown`]: the fiscal year's expenses by account group:
//!   the title account (Titelkonto) an expense account is grouped under,
//!   or the account itself when it has none; each group with its accounts.
//! - [`nice_ticks`]: the value axis of a chart in round steps.

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::gl::{AccountType, ChartTemplate, GlError, Totals};
use crate::ledger::types::{AccountNo, PeriodRef};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// One period's figures, in local currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodResult {
    pub period: PeriodRef,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub revenue_lc: Decimal,
    pub expenses_lc: Decimal,
    pub result_lc: Decimal,
}

/// Cash and bank at one period end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashPoint {
    pub period: PeriodRef,
    pub end: NaiveDate,
    pub balance_lc: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashSeries {
    /// The accounts counted as cash and bank, in number order.
    pub accounts: Vec<AccountNo>,
    pub points: Vec<CashPoint>,
}

/// One group of the expense breakdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpenseGroup {
    /// The title account, or the expense account itself when ungrouped.
    pub group: AccountNo,
    /// Debit − credit over the fiscal year.
    pub amount_lc: Decimal,
    /// The group's accounts with their amounts (non-zero only), by number.
    pub accounts: Vec<(AccountNo, Decimal)>,
}

/// The global period indexes of fiscal year `year`.
fn year_periods(book: &Book, year: i32) -> Result<std::ops::Range<usize>, DomainError> {
    let calendar = book.calendar();
    let first = PeriodRef {
        fiscal_year: year,
        period: 1,
    };
    let start = calendar
        .index_of(first)
        .ok_or(GlError::PeriodNotFound { period: first })?;
    Ok(start..start + calendar.layout().periods_per_year())
}

fn sum(per_period: &[Totals], range: std::ops::Range<usize>) -> Totals {
    let mut total = Totals::default();
    per_period
        .get(range)
        .unwrap_or_default()
        .iter()
        .for_each(|t| total.add(t));
    total
}

/// Revenue, expenses and result of each period of fiscal year `year`.
pub fn result_series(book: &Book, year: i32) -> Result<Vec<PeriodResult>, DomainError> {
    let range = year_periods(book, year)?;
    let calendar = book.calendar();
    let mut rows: Vec<PeriodResult> = range
        .clone()
        .filter_map(|i| calendar.period(i))
        .map(|p| PeriodResult {
            period: p.reference,
            start: p.start,
            end: p.end,
            revenue_lc: Decimal::ZERO,
            expenses_lc: Decimal::ZERO,
            result_lc: Decimal::ZERO,
        })
        .collect();
    for account in book.accounts() {
        let kind = account.account_type;
        if !kind.is_profit_and_loss() {
            continue;
        }
        let Some(per_period) = book.account_totals(account.number) else {
            continue;
        };
        for (row, i) in rows.iter_mut().zip(range.clone()) {
            let Some(t) = per_period.get(i) else { break };
            match kind {
                AccountType::Revenue => row.revenue_lc -= t.balance_lc(),
                _ => row.expenses_lc += t.balance_lc(),
            }
        }
    }
    for row in &mut rows {
        row.result_lc = row.revenue_lc - row.expenses_lc;
    }
    Ok(rows)
}

/// Whether `account` lies in the chart's ranges of cash and bank.
fn in_liquid_range(chart: ChartTemplate, account: AccountNo) -> bool {
    let text = account.as_str();
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let n: u32 = text.parse().unwrap_or(0);
    match chart {
        ChartTemplate::Skr03 => (1000..=1299).contains(&n),
        ChartTemplate::Skr04 => (1600..=1899).contains(&n),
        ChartTemplate::Generic => false,
    }
}

/// The accounts counted as cash and bank (see the module text).
pub fn cash_accounts(book: &Book) -> Vec<AccountNo> {
    let chart = book.settings().chart;
    let mut accounts: Vec<AccountNo> = book
        .bank()
        .house_banks()
        .iter()
        .map(|b| b.account)
        .chain(
            book.accounts()
                .filter(|a| {
                    a.postable
                        && a.account_type == AccountType::Asset
                        && !a.control
                        && in_liquid_range(chart, a.number)
                })
                .map(|a| a.number),
        )
        .collect();
    accounts.sort();
    accounts.dedup();
    accounts
}

/// Cash and bank at the end of each period of fiscal year `year`.
pub fn cash_series(book: &Book, year: i32) -> Result<CashSeries, DomainError> {
    let range = year_periods(book, year)?;
    let calendar = book.calendar();
    let accounts = cash_accounts(book);
    let mut points = Vec::with_capacity(range.len());
    // Running balance: everything before the year, then period by period.
    let mut running = Decimal::ZERO;
    for account in &accounts {
        if let Some(per_period) = book.account_totals(*account) {
            running += sum(per_period, 0..range.start).balance_lc();
        }
    }
    for i in range {
        let Some(period) = calendar.period(i) else {
            break;
        };
        for account in &accounts {
            if let Some(t) = book.account_totals(*account).and_then(|p| p.get(i)) {
                running += t.balance_lc();
            }
        }
        points.push(CashPoint {
            period: period.reference,
            end: period.end,
            balance_lc: running,
        });
    }
    Ok(CashSeries { accounts, points })
}

/// Expenses of fiscal year `year` by account group, largest first.
pub fn expense_breakdown(book: &Book, year: i32) -> Result<Vec<ExpenseGroup>, DomainError> {
    let range = year_periods(book, year)?;
    let mut groups: BTreeMap<AccountNo, ExpenseGroup> = BTreeMap::new();
    for account in book.accounts() {
        if account.account_type != AccountType::Expense {
            continue;
        }
        let Some(per_period) = book.account_totals(account.number) else {
            continue;
        };
        let amount = sum(per_period, range.clone()).balance_lc();
        if amount.is_zero() {
            continue;
        }
        let key = account.parent.unwrap_or(account.number);
        let group = groups.entry(key).or_insert_with(|| ExpenseGroup {
            group: key,
            amount_lc: Decimal::ZERO,
            accounts: Vec::new(),
        });
        group.amount_lc += amount;
        group.accounts.push((account.number, amount));
    }
    let mut out: Vec<ExpenseGroup> = groups.into_values().collect();
    for g in &mut out {
        g.accounts.sort_by_key(|(a, _)| *a);
    }
    out.sort_by(|a, b| b.amount_lc.cmp(&a.amount_lc).then(a.group.cmp(&b.group)));
    Ok(out)
}

/// Axis ticks from ≤ `min` to ≥ `max` (both include zero) in steps of 1, 2
/// or 5 × 10ⁿ, about five of them; exact decimals.
pub fn nice_ticks(min: Decimal, max: Decimal) -> Vec<Decimal> {
    let (min, max) = (min.min(Decimal::ZERO), max.max(Decimal::ZERO));
    let range = max - min;
    if range.is_zero() {
        return vec![Decimal::ZERO, Decimal::ONE];
    }
    let raw = range / Decimal::from(5);
    let mut power = Decimal::ONE;
    while power * Decimal::TEN <= raw {
        power *= Decimal::TEN;
    }
    while power > raw && power > Decimal::new(1, 6) {
        power /= Decimal::TEN;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|f| power * Decimal::from(f))
        .find(|s| *s >= raw)
        .unwrap_or(power * Decimal::TEN);
    let first = (min / step).floor() * step;
    let mut ticks = Vec::new();
    let mut t = first;
    while t < max + step && ticks.len() < 50 {
        ticks.push(t);
        if t >= max {
            break;
        }
        t += step;
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
    use crate::ledger::sample::sample_setup;
    use rust_decimal_macros::dec;

    fn acc(text: &str) -> AccountNo {
        AccountNo::parse(text).expect("valid account")
    }

    fn post(book: &mut Book, date: NaiveDate, lines: Vec<LineDraft>) {
        let draft = EntryDraft::new(date, "test", lines);
        book.execute(&PostingCommand::PostEntry { draft }.into())
            .expect("entry is valid");
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, m, day).expect("valid date")
    }

    #[test]
    fn series_follow_what_was_posted_per_period() {
        let (mut book, _) = Book::set_up(&sample_setup(2024)).expect("setup");
        let accounts: Vec<_> = book
            .accounts()
            .filter(|a| a.postable)
            .map(|a| (a.number, a.account_type, a.parent))
            .collect();
        let find = |t: AccountType| {
            accounts
                .iter()
                .find(|(_, k, _)| *k == t)
                .map(|(n, _, _)| *n)
                .expect("the sample chart has one")
        };
        let revenue = find(AccountType::Revenue);
        let expense = find(AccountType::Expense);
        let cash = cash_accounts(&book);
        // SKR03's liquid funds 1000–1299: cash 1000 …, banks 1200 …
        assert_eq!(cash.len(), 16);
        assert_eq!(cash[0], acc("1000"));
        assert!(cash.contains(&acc("1200")) && cash.contains(&acc("1210")));
        let bank = cash[0];
        post(
            &mut book,
            d(1, 10),
            vec![
                LineDraft::debit_lc(bank, dec!(1000)),
                LineDraft::credit_lc(revenue, dec!(1000)),
            ],
        );
        post(
            &mut book,
            d(3, 5),
            vec![
                LineDraft::debit_lc(expense, dec!(300.50)),
                LineDraft::credit_lc(bank, dec!(300.50)),
            ],
        );
        let rows = result_series(&book, 2024).expect("year is open");
        assert_eq!(rows.len(), 12);
        assert_eq!(rows[0].revenue_lc, dec!(1000));
        assert_eq!(rows[0].result_lc, dec!(1000));
        assert_eq!(rows[1].result_lc, Decimal::ZERO);
        assert_eq!(rows[2].expenses_lc, dec!(300.50));
        assert_eq!(rows[2].result_lc, dec!(-300.50));
        assert_eq!(rows[2].end, d(3, 31));

        let series = cash_series(&book, 2024).expect("year is open");
        let balances: Vec<_> = series.points.iter().map(|p| p.balance_lc).collect();
        assert_eq!(balances[0], dec!(1000));
        assert_eq!(balances[1], dec!(1000));
        assert_eq!(balances[2], dec!(699.50));
        assert_eq!(balances[11], dec!(699.50));

        let groups = expense_breakdown(&book, 2024).expect("year is open");
        assert_eq!(groups.len(), 1);
        let parent = accounts
            .iter()
            .find(|(n, _, _)| *n == expense)
            .and_then(|(_, _, p)| *p)
            .unwrap_or(expense);
        assert_eq!(groups[0].group, parent);
        assert_eq!(groups[0].amount_lc, dec!(300.50));
        assert_eq!(groups[0].accounts, vec![(expense, dec!(300.50))]);

        assert!(result_series(&book, 2031).is_err());
    }

    #[test]
    fn ticks_are_round_steps_covering_zero_and_the_values() {
        assert_eq!(
            nice_ticks(dec!(0), dec!(1234)),
            vec![dec!(0), dec!(500), dec!(1000), dec!(1500)]
        );
        let t = nice_ticks(dec!(-300.5), dec!(1000));
        assert_eq!(t.first(), Some(&dec!(-500)));
        assert!(t.contains(&dec!(0)));
        assert!(*t.last().expect("ticks") >= dec!(1000));
        assert_eq!(nice_ticks(dec!(0), dec!(0)), vec![dec!(0), dec!(1)]);
        assert_eq!(
            nice_ticks(dec!(0), dec!(0.8)),
            vec![dec!(0), dec!(0.2), dec!(0.4), dec!(0.6), dec!(0.8)]
        );
        assert_eq!(
            nice_ticks(dec!(-40), dec!(0)),
            vec![dec!(-40), dec!(-30), dec!(-20), dec!(-10), dec!(0)]
        );
    }

    #[test]
    fn cash_is_the_house_banks_and_the_charts_liquid_funds() {
        assert!(in_liquid_range(ChartTemplate::Skr03, acc("1000")));
        assert!(in_liquid_range(ChartTemplate::Skr03, acc("1200")));
        assert!(!in_liquid_range(ChartTemplate::Skr03, acc("1360")));
        assert!(!in_liquid_range(ChartTemplate::Skr03, acc("1400")));
        assert!(in_liquid_range(ChartTemplate::Skr04, acc("1800")));
        assert!(!in_liquid_range(ChartTemplate::Skr04, acc("1200")));
        assert!(!in_liquid_range(ChartTemplate::Generic, acc("1000")));
        assert!(!in_liquid_range(ChartTemplate::Skr03, acc("10000")));
    }
}
