//! The demo company's loan (issue 17, part B): 50,000.00 € at 4.5 %, 60
//! monthly annuity instalments of 932.15 from 1 January of the first
//! year, paid out as an entry, the instalments February to November
//! posted through the due list, December's left due; the demo keeps its
//! exact number of entries on both charts and stays deterministic.

use chrono::NaiveDate;
use kontor::demo::{self, DEMO_YEAR_ENTRIES, DemoSpec};
use kontor::ledger::Book;
use kontor::ledger::gl::ChartTemplate;
use kontor::ledger::recurring::{Occurrence, Source};
use kontor::ledger::types::AccountNo;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn demo_year(chart: ChartTemplate) -> Book {
    let spec = DemoSpec {
        chart,
        ..DemoSpec::one_year(2024)
    };
    demo::build(&spec, |_, _| {}).unwrap().0
}

/// Balance (debit positive) of `account` over every posted line.
fn balance(book: &Book, account: &str) -> Decimal {
    let account = AccountNo::parse(account).unwrap();
    book.entries()
        .iter()
        .flat_map(|e| e.lines.iter())
        .filter(|l| l.account == account)
        .map(|l| l.side.sign(l.amount_lc))
        .sum()
}

#[test]
fn the_demo_has_one_bank_loan_with_posted_instalments_and_december_due() {
    for (chart, loan_account, interest) in [
        (ChartTemplate::Skr03, "0630", "2100"),
        (ChartTemplate::Skr04, "3150", "7300"),
    ] {
        let book = demo_year(chart);
        assert_eq!(book.entry_count(), DEMO_YEAR_ENTRIES, "{chart:?}");
        let loans = book.recurring().loans();
        assert_eq!(loans.len(), 1, "{chart:?}");
        let l = &loans[0];
        assert_eq!(l.loan_account.to_string(), loan_account);
        assert_eq!(l.interest_account.to_string(), interest);
        let rows = l.schedule();
        assert_eq!(rows.len(), 60);
        // 50000 · 0.00375 · 1.00375^60 / (1.00375^60 − 1) = 932.15.
        assert_eq!(rows[0].instalment, dec!(932.15));
        assert_eq!(
            rows[0].date,
            d(2024, 2, 29),
            "the 30th, clamped in February"
        );
        let posted: Vec<NaiveDate> = l
            .done
            .iter()
            .filter(|(_, o)| matches!(o, Occurrence::Posted(_)))
            .map(|(d, _)| *d)
            .collect();
        assert_eq!(posted.len(), 10, "February to November");
        assert_eq!(posted.last(), Some(&d(2024, 11, 30)));
        let due = book.recurring().due(book.context(), d(2024, 12, 31));
        // The demo's standing postings have December due as well.
        assert_eq!(
            due.iter()
                .filter(|x| matches!(x.source, Source::Loan(_)))
                .map(|x| (x.source, x.date))
                .collect::<Vec<_>>(),
            vec![(Source::Loan(1), d(2024, 12, 30))]
        );
        // The loan account holds the payout less ten principal parts: the
        // schedule's remaining debt after November.
        assert_eq!(
            balance(&book, loan_account),
            -rows[9].remaining,
            "{chart:?}"
        );
        let interest_paid: Decimal = rows[..10].iter().map(|r| r.interest).sum();
        assert!(balance(&book, interest) >= interest_paid);
    }
}

#[test]
fn the_demo_with_its_loan_is_deterministic() {
    let spec = DemoSpec::one_year(7);
    let (_, a) = demo::build(&spec, |_, _| {}).unwrap();
    let (book, b) = demo::build(&spec, |_, _| {}).unwrap();
    assert_eq!(a, b);
    assert_eq!(book.entry_count(), DEMO_YEAR_ENTRIES);
    assert_eq!(book.recurring().loans().len(), 1);
    // A small demo (its generator's entries go to the payment run's
    // vendors) has no loan.
    let small = DemoSpec {
        entries: 1_001,
        ..DemoSpec::one_year(7)
    };
    let (book, _) = demo::build(&small, |_, _| {}).unwrap();
    assert_eq!(book.entry_count(), 1_001);
    assert!(book.recurring().loans().is_empty());
}
