//! Balance sheet and P&L (issue 17, part D): the chart templates' accounts
//! each map to one line of the right statement; statements of a small book
//! with known figures, the result carried forward, the comparison column
//! and its deviation; moving an account to another line and its refusals;
//! budgets, their refusals, the spread and budget against actual; and the
//! golden: the demo company's balance sheet balances and its result equals
//! the P&L's.

use chrono::NaiveDate;
use kontor::demo::{self, DemoSpec};
use kontor::ledger::gl::{ChartTemplate, GlCommand, GlError};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::report::{
    CentreFilter, Comparison, balance_sheet, budget_vs_actual, financial_statements,
    profit_and_loss,
};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::setup::chart;
use kontor::ledger::statements::budget::{raise, spread};
use kontor::ledger::statements::layout::{self, Statement, chart_mapping};
use kontor::ledger::statements::{
    BudgetKey, BudgetRow, Source, StatementsCommand, StatementsError,
};
use kontor::ledger::types::{AccountNo, PeriodRef, Timestamp};
use kontor::ledger::{Book, Command, DomainError};
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

fn at() -> Timestamp {
    Timestamp::at(d(2024, 2, 1), 9, 0, 0).unwrap()
}

fn simple(b: &mut Book, date: NaiveDate, debit: &str, credit: &str, amount: Decimal) {
    b.execute(&Command::Posting(PostingCommand::PostEntry {
        draft: EntryDraft::new(
            date,
            "anna",
            vec![
                LineDraft::debit_lc(a(debit), amount),
                LineDraft::credit_lc(a(credit), amount),
            ],
        ),
    }))
    .unwrap();
}

/// 2024: capital 5,000, sales of 1,000 (March) and 400 (July), rent of
/// 300 (June). 2025: rent of 100 in February.
fn small_book() -> Book {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    simple(&mut b, d(2024, 1, 2), "1200", "0800", dec!(5000));
    simple(&mut b, d(2024, 3, 10), "1200", "8400", dec!(1000));
    simple(&mut b, d(2024, 6, 1), "4210", "1200", dec!(300));
    simple(&mut b, d(2024, 7, 15), "1200", "8400", dec!(400));
    b.execute(&Command::Gl(GlCommand::OpenFiscalYear { year: 2025 }))
        .unwrap();
    simple(&mut b, d(2025, 2, 3), "4210", "1200", dec!(100));
    b
}

fn amount(s: &kontor::ledger::report::FinancialStatement, key: &str) -> Decimal {
    s.row(key).unwrap().amount
}

#[test]
fn every_account_of_every_chart_template_maps_to_one_line_of_its_statement() {
    for template in [
        ChartTemplate::Skr03,
        ChartTemplate::Skr04,
        ChartTemplate::Generic,
    ] {
        let chart = chart::load(template).unwrap();
        let mapping = chart_mapping(template);
        for account in chart.accounts.iter().filter(|x| x.postable) {
            let text = account.number.as_str();
            let covering: Vec<_> = mapping
                .ranges
                .iter()
                .filter(|r| {
                    r.from.len() == text.len() && r.from.as_str() <= text && text <= r.to.as_str()
                })
                .collect();
            assert_eq!(covering.len(), 1, "{template:?} {text}: {covering:?}");
            let line = layout::line(covering[0].line).unwrap();
            assert!(line.mappable);
            assert_eq!(
                line.statement,
                Statement::of(account.account_type),
                "{template:?} {text} on {}",
                line.key
            );
        }
    }
}

#[test]
fn the_layout_has_the_hgb_structure_with_english_labels() {
    let bs: Vec<_> = layout::lines_of(Statement::BalanceSheet).collect();
    let pl: Vec<_> = layout::lines_of(Statement::ProfitAndLoss).collect();
    assert_eq!(pl.len(), 17);
    assert_eq!(
        layout::line("GuV.17").unwrap().en,
        "Net income/net loss for the year"
    );
    assert_eq!(layout::line("A.A").unwrap().en, "Fixed assets");
    assert_eq!(
        layout::line("P.A.V").unwrap().de,
        "Jahresüberschuss/Jahresfehlbetrag"
    );
    // Every parent is printed before its children and exists.
    for (i, l) in bs.iter().enumerate() {
        if let Some(parent) = l.parent {
            assert!(bs[..i].iter().any(|x| x.key == parent), "{}", l.key);
        }
    }
}

#[test]
fn the_balance_sheet_and_pl_of_a_small_book_show_its_figures_and_both_checks_hold() {
    let b = small_book();
    let (bs, pl) = financial_statements(&b, p(2024, 1), p(2024, 12), Comparison::None).unwrap();
    assert_eq!(amount(&bs, "A.B.IV"), dec!(6100));
    assert_eq!(amount(&bs, "A"), dec!(6100));
    assert_eq!(amount(&bs, "P.A.I"), dec!(5000));
    assert_eq!(amount(&bs, "P.A.V"), dec!(1100));
    assert_eq!(amount(&bs, "P.A.IV"), dec!(0));
    assert_eq!(amount(&bs, "P"), dec!(6100));
    assert_eq!(amount(&pl, "GuV.1"), dec!(1400));
    assert_eq!(amount(&pl, "GuV.8"), dec!(-300));
    assert_eq!(amount(&pl, "GuV.15"), dec!(1100));
    assert_eq!(amount(&pl, "GuV.17"), dec!(1100));
    assert!(bs.checks.balances() && bs.checks.results_agree());
    assert_eq!(bs.checks.pl_result, dec!(1100));
    // Drill-down: the line holds its accounts with their amounts.
    let cash = bs.row("A.B.IV").unwrap();
    assert_eq!(cash.accounts.len(), 1);
    assert_eq!(cash.accounts[0].account, a("1200"));
    assert_eq!(cash.accounts[0].amount, dec!(6100));
    assert_eq!(cash.accounts[0].source, Source::Chart);
}

#[test]
fn the_next_year_carries_the_result_forward_and_still_balances() {
    let b = small_book();
    let bs = balance_sheet(&b, p(2025, 1), p(2025, 12), Comparison::None).unwrap();
    assert_eq!(amount(&bs, "P.A.IV"), dec!(1100));
    assert_eq!(amount(&bs, "P.A.V"), dec!(-100));
    assert_eq!(amount(&bs, "A"), dec!(6000));
    assert!(bs.checks.balances() && bs.checks.results_agree());
    let pl = profit_and_loss(&b, p(2025, 1), p(2025, 12), Comparison::None).unwrap();
    assert_eq!(amount(&pl, "GuV.17"), dec!(-100));
    assert_eq!(amount(&pl, "GuV.1"), dec!(0));
}

#[test]
fn a_pl_range_shows_only_its_periods_movements() {
    let b = small_book();
    let pl = profit_and_loss(&b, p(2024, 7), p(2024, 12), Comparison::None).unwrap();
    assert_eq!(amount(&pl, "GuV.1"), dec!(400));
    assert_eq!(amount(&pl, "GuV.8"), dec!(0));
}

#[test]
fn the_comparison_column_shows_the_previous_year_or_period_and_the_deviation() {
    let b = small_book();
    let pl = profit_and_loss(&b, p(2025, 1), p(2025, 12), Comparison::PreviousYear).unwrap();
    assert_eq!(pl.comparison_range, Some((p(2024, 1), p(2024, 12))));
    let rent = pl.row("GuV.8").unwrap();
    assert_eq!(rent.comparison, Some(dec!(-300)));
    assert_eq!(rent.deviation, Some(dec!(200)));
    assert_eq!(rent.deviation_percent, Some(dec!(66.7)));
    let sales = pl.row("GuV.1").unwrap();
    assert_eq!(sales.deviation, Some(dec!(-1400)));
    assert_eq!(sales.deviation_percent, Some(dec!(-100.0)));
    // Previous period: July..December against January..June.
    let pl = profit_and_loss(&b, p(2024, 7), p(2024, 12), Comparison::PreviousPeriod).unwrap();
    assert_eq!(pl.comparison_range, Some((p(2024, 1), p(2024, 6))));
    let sales = pl.row("GuV.1").unwrap();
    assert_eq!(
        (sales.amount, sales.comparison),
        (dec!(400), Some(dec!(1000)))
    );
    assert_eq!(sales.deviation_percent, Some(dec!(-60.0)));
    // A zero base has no percentage.
    let taxes = pl.row("GuV.14").unwrap();
    assert_eq!(taxes.comparison, Some(dec!(0)));
    assert_eq!(taxes.deviation_percent, None);
    // No earlier year in the calendar: no comparison column.
    let bs = balance_sheet(&b, p(2024, 1), p(2024, 12), Comparison::PreviousYear).unwrap();
    assert_eq!(bs.comparison_range, None);
    assert_eq!(bs.row("A").unwrap().comparison, None);
    let bs = balance_sheet(&b, p(2025, 1), p(2025, 12), Comparison::PreviousYear).unwrap();
    assert_eq!(bs.row("A").unwrap().comparison, Some(dec!(6100)));
    assert!(bs.comparison_checks.unwrap().balances());
}

fn set_position(b: &mut Book, account: &str, line: Option<&str>) -> Result<(), DomainError> {
    b.execute(&Command::Statements(StatementsCommand::SetPosition {
        account: a(account),
        line: line.map(str::to_string),
        by: "anna".into(),
        at: at(),
    }))
    .map(|_| ())
}

#[test]
fn an_account_moved_to_another_line_shows_there_until_it_is_reset() {
    let mut b = small_book();
    set_position(&mut b, "4210", Some("GuV.5")).unwrap();
    let pl = profit_and_loss(&b, p(2024, 1), p(2024, 12), Comparison::None).unwrap();
    assert_eq!(amount(&pl, "GuV.5"), dec!(-300));
    assert_eq!(amount(&pl, "GuV.8"), dec!(0));
    assert_eq!(
        pl.row("GuV.5").unwrap().accounts[0].source,
        Source::Override
    );
    set_position(&mut b, "4210", None).unwrap();
    let pl = profit_and_loss(&b, p(2024, 1), p(2024, 12), Comparison::None).unwrap();
    assert_eq!(amount(&pl, "GuV.8"), dec!(-300));
    assert!(b.statements().overrides().is_empty());
}

#[test]
fn a_position_on_the_wrong_statement_a_subtotal_or_an_unknown_line_is_refused() {
    let mut b = small_book();
    let before = b.statements().clone();
    let err = |r: Result<(), DomainError>| match r {
        Err(DomainError::Statements(e)) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        err(set_position(&mut b, "4210", Some("A.B.IV"))),
        StatementsError::WrongStatement { account: a("4210") }
    );
    assert_eq!(
        err(set_position(&mut b, "1200", Some("GuV.1"))),
        StatementsError::WrongStatement { account: a("1200") }
    );
    assert_eq!(
        err(set_position(&mut b, "4210", Some("GuV.17"))),
        StatementsError::LineNotMappable {
            line: "GuV.17".into()
        }
    );
    assert_eq!(
        err(set_position(&mut b, "4210", Some("X.9"))),
        StatementsError::UnknownLine { line: "X.9".into() }
    );
    assert!(matches!(
        set_position(&mut b, "4711", Some("GuV.8")),
        Err(DomainError::Gl(GlError::UnknownAccount { .. }))
    ));
    assert_eq!(b.statements(), &before);
}

#[test]
fn a_moved_equity_account_on_the_result_line_makes_the_result_check_fail() {
    let mut b = small_book();
    set_position(&mut b, "0800", Some("P.A.V")).unwrap();
    let bs = balance_sheet(&b, p(2024, 1), p(2024, 12), Comparison::None).unwrap();
    assert!(bs.checks.balances());
    assert!(!bs.checks.results_agree());
    assert_eq!(bs.checks.result_difference, dec!(-5000));
}

fn row(account: &str, centre: Option<&str>, amounts: Vec<Decimal>) -> BudgetRow {
    BudgetRow {
        key: BudgetKey {
            year: 2024,
            account: a(account),
            centre: centre.map(str::to_string),
        },
        amounts,
    }
}

fn set_budgets(b: &mut Book, year: i32, rows: Vec<BudgetRow>) -> Result<(), DomainError> {
    b.execute(&Command::Statements(StatementsCommand::SetBudgets {
        year,
        rows,
        by: "anna".into(),
        at: at(),
    }))
    .map(|_| ())
}

#[test]
fn budgets_are_set_replaced_and_removed_by_zeros() {
    let mut b = small_book();
    set_budgets(&mut b, 2024, vec![row("4210", None, vec![dec!(50); 12])]).unwrap();
    assert_eq!(b.statements().budgets_of(2024).count(), 1);
    set_budgets(&mut b, 2024, vec![row("4210", None, vec![dec!(25); 12])]).unwrap();
    let (_, amounts) = b.statements().budgets_of(2024).next().unwrap();
    assert_eq!(amounts[0], dec!(25));
    set_budgets(&mut b, 2024, vec![row("4210", None, vec![dec!(0); 12])]).unwrap();
    assert_eq!(b.statements().budgets_of(2024).count(), 0);
}

#[test]
fn a_budget_of_a_wrong_shape_is_refused_naming_its_row() {
    let mut b = small_book();
    let before = b.statements().clone();
    let err = |r: Result<(), DomainError>| match r {
        Err(DomainError::Statements(e)) => e,
        other => panic!("{other:?}"),
    };
    let good = row("4210", None, vec![dec!(1); 12]);
    assert_eq!(
        err(set_budgets(
            &mut b,
            2024,
            vec![good.clone(), row("8400", None, vec![dec!(1); 11])]
        )),
        StatementsError::BudgetPeriods {
            row: 1,
            periods: 11,
            expected: 12
        }
    );
    assert_eq!(
        err(set_budgets(&mut b, 2030, vec![])),
        StatementsError::UnknownYear { year: 2030 }
    );
    assert_eq!(
        err(set_budgets(
            &mut b,
            2024,
            vec![row("4210", Some("K100"), vec![dec!(1); 12])]
        )),
        StatementsError::UnknownCentre {
            row: 0,
            centre: "K100".into()
        }
    );
    assert_eq!(
        err(set_budgets(&mut b, 2024, vec![good.clone(), good.clone()])),
        StatementsError::DuplicateBudget { row: 1 }
    );
    assert_eq!(
        err(set_budgets(
            &mut b,
            2024,
            vec![row("4711", None, vec![dec!(1); 12])]
        )),
        StatementsError::BudgetAccount {
            row: 0,
            account: a("4711")
        }
    );
    let mut cents = vec![dec!(1); 12];
    cents[3] = dec!(1.005);
    assert_eq!(
        err(set_budgets(&mut b, 2024, vec![row("4210", None, cents)])),
        StatementsError::BudgetDecimals {
            row: 0,
            period: 4,
            amount: dec!(1.005),
            max: 2
        }
    );
    assert_eq!(
        err(set_budgets(&mut b, 2025, vec![good])),
        StatementsError::BudgetYear {
            row: 0,
            found: 2024,
            year: 2025
        }
    );
    assert_eq!(b.statements(), &before);
}

#[test]
fn a_yearly_amount_spreads_exactly_evenly_or_by_a_key() {
    let even = spread(dec!(1000), &[Decimal::ONE; 12], 2);
    assert_eq!(even.iter().sum::<Decimal>(), dec!(1000));
    assert!(even.iter().all(|x| *x == dec!(83.33) || *x == dec!(83.34)));
    let thirds = spread(dec!(100), &[Decimal::ONE; 3], 2);
    assert_eq!(thirds, vec![dec!(33.34), dec!(33.33), dec!(33.33)]);
    let mut key = vec![Decimal::ONE; 12];
    key[11] = dec!(3);
    let keyed = spread(dec!(-1400), &key, 2);
    assert_eq!(keyed.iter().sum::<Decimal>(), dec!(-1400));
    assert_eq!(keyed[11], dec!(-300));
    assert_eq!(keyed[0], dec!(-100));
    assert_eq!(
        raise(&[dec!(100), dec!(-33.33)], dec!(10), 2),
        vec![dec!(110), dec!(-36.66)]
    );
}

#[test]
fn budget_against_actual_shows_deviation_in_amount_and_percent() {
    let mut b = small_book();
    // Revenue is budgeted credit (negative), rent debit.
    set_budgets(
        &mut b,
        2024,
        vec![
            row("8400", None, vec![dec!(-100); 12]),
            row("4210", None, vec![dec!(20); 12]),
            row(
                "4930",
                None,
                vec![dec!(0); 11].into_iter().chain([dec!(10)]).collect(),
            ),
        ],
    )
    .unwrap();
    let r = budget_vs_actual(&b, 2024, 1, 6, &CentreFilter::All).unwrap();
    assert_eq!(r.rows.len(), 3);
    let rent = r.rows.iter().find(|x| x.account == a("4210")).unwrap();
    assert_eq!((rent.budget, rent.actual), (dec!(120), dec!(300)));
    assert_eq!(rent.deviation, dec!(180));
    assert_eq!(rent.deviation_percent, Some(dec!(150.0)));
    let sales = r.rows.iter().find(|x| x.account == a("8400")).unwrap();
    // Shown in the natural sign: revenue positive.
    assert_eq!((sales.budget, sales.actual), (dec!(600), dec!(1000)));
    assert_eq!(sales.deviation_percent, Some(dec!(66.7)));
    let office = r.rows.iter().find(|x| x.account == a("4930")).unwrap();
    assert_eq!(office.budget, dec!(0));
    assert_eq!(office.deviation_percent, None);
    let none = budget_vs_actual(&b, 2024, 1, 12, &CentreFilter::Centre("K1".into())).unwrap();
    assert!(none.rows.is_empty());
}

#[test]
fn statements_and_budgets_survive_a_replay_of_the_log() {
    let (mut b, mut events) = Book::set_up(&sample_setup(2024)).unwrap();
    events.extend(
        b.execute(&Command::Statements(StatementsCommand::SetPosition {
            account: a("4210"),
            line: Some("GuV.5".into()),
            by: "anna".into(),
            at: at(),
        }))
        .unwrap(),
    );
    events.extend(
        b.execute(&Command::Statements(StatementsCommand::SetBudgets {
            year: 2024,
            rows: vec![row("4210", None, vec![dec!(20); 12])],
            by: "anna".into(),
            at: at(),
        }))
        .unwrap(),
    );
    let mut again = Book::set_up(&sample_setup(2024)).unwrap().0;
    for e in &events[again_len(&sample_setup(2024))..] {
        again.apply(e).unwrap();
    }
    assert_eq!(again.statements(), b.statements());
}

fn again_len(setup: &kontor::ledger::setup::Setup) -> usize {
    Book::set_up(setup).unwrap().1.len()
}

/// Golden (issue 17): the demo company's balance sheet balances and its
/// result equals the P&L's, for the year and a part of it, with the
/// comparison column too.
#[test]
fn the_demo_company_balance_sheet_balances_and_its_result_equals_the_pl() {
    let spec = DemoSpec::one_year(2024);
    let book = demo::build(&spec, |_, _| {}).unwrap().0;
    for (from, to) in [(p(2024, 1), p(2024, 12)), (p(2024, 1), p(2024, 6))] {
        let (bs, pl) = financial_statements(&book, from, to, Comparison::PreviousPeriod).unwrap();
        assert!(bs.checks.balances(), "{:?}", bs.checks);
        assert!(bs.checks.results_agree(), "{:?}", bs.checks);
        assert_eq!(amount(&pl, "GuV.17"), bs.checks.bs_result);
        assert_eq!(amount(&bs, "A"), amount(&bs, "P"));
        assert!(amount(&bs, "A") > Decimal::ZERO);
        assert!(amount(&pl, "GuV.1") > Decimal::ZERO);
    }
    let (bs, _) =
        financial_statements(&book, p(2024, 7), p(2024, 12), Comparison::PreviousPeriod).unwrap();
    assert!(bs.comparison_checks.unwrap().balances());
    // The demo's budgets: its actuals + 5 %, so every full-year deviation
    // is about -4.8 % of the budget.
    let report = budget_vs_actual(&book, 2024, 1, 12, &CentreFilter::All).unwrap();
    assert!(report.rows.len() > 5, "{}", report.rows.len());
    let near = report
        .rows
        .iter()
        .filter(|r| {
            r.deviation_percent
                .is_some_and(|p| (dec!(-4.9)..=dec!(-4.7)).contains(&p))
        })
        .count();
    assert!(
        near * 10 >= report.rows.len() * 8,
        "{near} of {}",
        report.rows.len()
    );
}
