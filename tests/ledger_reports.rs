//! Reports as a bookkeeper reads them (issue 11): profit-and-loss accounts
//! open every fiscal year at zero and the earlier years' result is carried
//! forward on the balance-sheet side; the account sheet of a
//! foreign-currency account shows FC amounts and the FC balance; every
//! sheet line names its contra account.

use chrono::NaiveDate;
use kontor::ledger::gl::GlCommand;
use kontor::ledger::gl::{Account, AccountCurrency, AccountType};
use kontor::ledger::posting::PostingCommand;
use kontor::ledger::posting::{EntryDraft, LineDraft};
use kontor::ledger::report::{Contra, TrialBalance};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::AccountNo;
use kontor::ledger::types::Currency;
use kontor::ledger::types::PeriodRef;
use kontor::ledger::{Book, Command};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn p(fiscal_year: i32, period: u8) -> PeriodRef {
    PeriodRef {
        fiscal_year,
        period,
    }
}

fn post(b: &mut Book, date: NaiveDate, lines: Vec<LineDraft>) {
    b.execute(&Command::Posting(PostingCommand::PostEntry {
        draft: EntryDraft::new(date, "anna", lines),
    }))
    .unwrap();
}

fn simple(b: &mut Book, date: NaiveDate, debit: &str, credit: &str, amount: Decimal) {
    post(
        b,
        date,
        vec![
            LineDraft::debit_lc(a(debit), amount),
            LineDraft::credit_lc(a(credit), amount),
        ],
    );
}

/// 2024: capital 5,000, a sale of 1,000, rent of 300. 2025 (opened):
/// rent of 100 in February and 50 in April.
fn two_years() -> Book {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    simple(&mut b, d(2024, 1, 2), "1200", "0800", dec!(5000));
    simple(&mut b, d(2024, 3, 10), "1200", "8400", dec!(1000));
    simple(&mut b, d(2024, 6, 1), "4210", "1200", dec!(300));
    b.execute(&Command::Gl(GlCommand::OpenFiscalYear { year: 2025 }))
        .unwrap();
    simple(&mut b, d(2025, 2, 1), "4210", "1200", dec!(100));
    simple(&mut b, d(2025, 4, 1), "4210", "1200", dec!(50));
    b
}

fn opening(tb: &TrialBalance, account: &str) -> Option<Decimal> {
    tb.rows
        .iter()
        .find(|r| r.account == a(account))
        .map(|r| r.opening_lc)
}

#[test]
fn revenue_and_expense_accounts_open_a_new_fiscal_year_at_zero() {
    let b = two_years();
    let tb = b.trial_balance(p(2025, 1), p(2025, 12)).unwrap();
    // 8400 has no movement in 2025 and opens at zero: no row at all.
    assert_eq!(opening(&tb, "8400"), None, "{:?}", tb.rows);
    assert_eq!(opening(&tb, "4210"), Some(dec!(0)));
    let rent = tb.rows.iter().find(|r| r.account == a("4210")).unwrap();
    assert_eq!((rent.debit_lc, rent.closing_lc), (dec!(150), dec!(150)));
    // Balance-sheet accounts carry everything before.
    assert_eq!(opening(&tb, "1200"), Some(dec!(5700)));
    assert_eq!(opening(&tb, "0800"), Some(dec!(-5000)));
    assert_eq!(tb.total_debit_lc, tb.total_credit_lc);
}

#[test]
fn a_report_starting_within_a_year_opens_pl_accounts_with_that_years_postings_only() {
    let b = two_years();
    let tb = b.trial_balance(p(2025, 3), p(2025, 12)).unwrap();
    assert_eq!(opening(&tb, "4210"), Some(dec!(100)), "only February 2025");
    assert_eq!(opening(&tb, "1200"), Some(dec!(5600)));
}

#[test]
fn the_earlier_years_result_is_carried_forward_so_openings_sum_to_zero() {
    let b = two_years();
    for from in [p(2025, 1), p(2025, 3), p(2025, 12)] {
        let tb = b.trial_balance(from, p(2025, 12)).unwrap();
        // 2024: revenue 1,000, expense 300: a profit of 700 (credit).
        assert_eq!(tb.carried_forward_lc, dec!(-700), "from {from:?}");
        assert_eq!(tb.carried_forward_sc, dec!(-700));
        let openings: Decimal = tb.rows.iter().map(|r| r.opening_lc).sum();
        assert_eq!(openings + tb.carried_forward_lc, Decimal::ZERO);
        let closings: Decimal = tb.rows.iter().map(|r| r.closing_lc).sum();
        assert_eq!(closings + tb.carried_forward_lc, Decimal::ZERO);
    }
    // In the first year nothing is carried.
    let tb = b.trial_balance(p(2024, 4), p(2024, 12)).unwrap();
    assert_eq!(tb.carried_forward_lc, Decimal::ZERO);
    let openings: Decimal = tb.rows.iter().map(|r| r.opening_lc).sum();
    assert_eq!(openings, Decimal::ZERO);
}

#[test]
fn a_range_from_the_first_period_gives_the_cumulative_balances_the_cross_checks_compare() {
    let b = two_years();
    let tb = b.trial_balance(p(2024, 1), p(2025, 12)).unwrap();
    assert_eq!(tb.carried_forward_lc, Decimal::ZERO);
    let closing = |n: &str| {
        tb.rows
            .iter()
            .find(|r| r.account == a(n))
            .unwrap()
            .closing_lc
    };
    assert_eq!(closing("8400"), dec!(-1000));
    assert_eq!(closing("4210"), dec!(450));
    assert_eq!(closing("1200"), dec!(5550));
}

#[test]
fn the_account_sheet_of_a_pl_account_opens_a_later_year_at_zero() {
    let b = two_years();
    let sheet = b
        .account_sheet(a("8400"), d(2025, 1, 1), d(2025, 12, 31))
        .unwrap();
    assert_eq!(sheet.opening_lc, Decimal::ZERO);
    assert_eq!(sheet.closing_lc, Decimal::ZERO);
    let sheet = b
        .account_sheet(a("4210"), d(2025, 3, 1), d(2025, 12, 31))
        .unwrap();
    assert_eq!(
        sheet.opening_lc,
        dec!(100),
        "February 2025 only, not 2024's rent"
    );
    assert_eq!(sheet.closing_lc, dec!(150));
    // A balance-sheet account keeps its history.
    let sheet = b
        .account_sheet(a("1200"), d(2025, 1, 1), d(2025, 12, 31))
        .unwrap();
    assert_eq!(sheet.opening_lc, dec!(5700));
    // From before the first year, everything counts (cumulative).
    let sheet = b
        .account_sheet(a("4210"), NaiveDate::MIN, NaiveDate::MAX)
        .unwrap();
    assert_eq!(sheet.closing_lc, dec!(450));
}

fn with_usd_bank() -> Book {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    b.execute(&Command::Gl(GlCommand::SetExchangeRate {
        currency: Currency::USD,
        date: d(2024, 1, 1),
        rate_fc_per_lc: dec!(1.25),
    }))
    .unwrap();
    b.execute(&Command::Gl(GlCommand::CreateAccount {
        account: Account {
            number: a("1260"),
            name_de: "Bank USD".into(),
            name_en: "Bank USD".into(),
            account_type: AccountType::Asset,
            postable: true,
            parent: Some(a("1")),
            control: false,
            currency: AccountCurrency::Foreign(Currency::USD),
            active: true,
        },
    }))
    .unwrap();
    b
}

#[test]
fn a_foreign_currency_account_sheet_shows_fc_amounts_and_the_fc_balance() {
    let mut b = with_usd_bank();
    post(
        &mut b,
        d(2024, 1, 10),
        vec![
            LineDraft::debit_lc(a("1260"), dec!(1000)).in_fc(Currency::USD, None),
            LineDraft::credit_lc(a("0800"), dec!(800)),
        ],
    );
    post(
        &mut b,
        d(2024, 2, 10),
        vec![
            LineDraft::debit_lc(a("4930"), dec!(100)),
            LineDraft::credit_lc(a("1260"), dec!(125)).in_fc(Currency::USD, None),
        ],
    );
    post(
        &mut b,
        d(2024, 3, 10),
        vec![
            LineDraft::debit_lc(a("4930"), dec!(40)),
            LineDraft::credit_lc(a("1260"), dec!(50)).in_fc(Currency::USD, None),
        ],
    );
    let sheet = b
        .account_sheet(a("1260"), d(2024, 2, 1), d(2024, 12, 31))
        .unwrap();
    let fc = sheet.fc.expect("an FC account has an FC side");
    assert_eq!(fc.currency, Currency::USD);
    assert_eq!(
        (fc.opening_fc, fc.debit_fc, fc.credit_fc, fc.closing_fc),
        (dec!(1000), dec!(0), dec!(175), dec!(825))
    );
    let fc_amounts: Vec<Decimal> = sheet
        .lines
        .iter()
        .map(|l| l.fc.unwrap().amount_fc)
        .collect();
    assert_eq!(fc_amounts, vec![dec!(125), dec!(50)]);
    let balances: Vec<(Decimal, Option<Decimal>)> = sheet
        .lines
        .iter()
        .map(|l| (l.balance_lc, l.balance_fc))
        .collect();
    assert_eq!(
        balances,
        vec![(dec!(700), Some(dec!(875))), (dec!(660), Some(dec!(825)))]
    );
    // A local-currency account has no FC side.
    let bank = b
        .account_sheet(a("0800"), d(2024, 1, 1), d(2024, 12, 31))
        .unwrap();
    assert_eq!(bank.fc, None);
    assert_eq!(bank.lines[0].balance_fc, None);
}

fn contras(b: &Book, account: &str) -> Vec<Option<(String, usize)>> {
    b.account_sheet(a(account), d(2024, 1, 1), d(2024, 12, 31))
        .unwrap()
        .lines
        .iter()
        .map(|l| {
            l.contra
                .map(|Contra { account, others }| (account.to_string(), others))
        })
        .collect()
}

#[test]
fn every_sheet_line_names_its_contra_account() {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    // Two accounts: each is the other's contra.
    simple(&mut b, d(2024, 1, 2), "1200", "0800", dec!(5000));
    // A sale with a tax code: the generated VAT line is not the bank's
    // contra (DATEV shows 8400); the VAT account's contra is the bank.
    let mut sale = LineDraft::credit_lc(a("8400"), dec!(100));
    sale.tax_code = Some("U19".into());
    post(
        &mut b,
        d(2024, 1, 3),
        vec![LineDraft::debit_lc(a("1200"), dec!(119)), sale],
    );
    // A split entry: the bank's contra is the largest line, two others.
    post(
        &mut b,
        d(2024, 1, 4),
        vec![
            LineDraft::debit_lc(a("4930"), dec!(100)),
            LineDraft::debit_lc(a("4210"), dec!(300)),
            LineDraft::debit_lc(a("4120"), dec!(50)),
            LineDraft::credit_lc(a("1200"), dec!(450)),
        ],
    );
    let s = |n: &str, others| Some((n.to_string(), others));
    assert_eq!(
        contras(&b, "1200"),
        vec![s("0800", 0), s("8400", 0), s("4210", 2)]
    );
    assert_eq!(contras(&b, "0800"), vec![s("1200", 0)]);
    assert_eq!(contras(&b, "8400"), vec![s("1200", 0)]);
    assert_eq!(contras(&b, "1776"), vec![s("1200", 0)]);
    assert_eq!(contras(&b, "4930"), vec![s("1200", 0)]);
}
