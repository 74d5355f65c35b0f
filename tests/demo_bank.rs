//! The demo company's bank side (issue 15): house banks for its bank
//! accounts, posting rules, a posted statement of late November and an
//! open one of 31 December that the matcher can propose for, read from a
//! generated CSV export the way a user's file is.

use kontor::demo::{self, DemoSpec};
use kontor::ledger::Book;
use kontor::ledger::bank::matching::{Matcher, ProposalAction, Reason, payment_draft};
use kontor::ledger::bank::{BankCommand, LinePosting, LineRef, RuleAction, Statement};
use kontor::ledger::gl::ChartTemplate;
use kontor::ledger::types::{AccountNo, Timestamp};
use kontor::ledger::{Command, bank::HouseBank};
use rust_decimal::Decimal;

fn demo_year(chart: ChartTemplate) -> Book {
    let spec = DemoSpec {
        chart,
        ..DemoSpec::one_year(2024)
    };
    demo::build(&spec, |_, _| {}).unwrap().0
}

fn account(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

/// The account's balance over every period.
fn balance(book: &Book, n: &str) -> Decimal {
    let totals = book.gl().account_totals(account(n)).unwrap_or_default();
    totals.iter().map(|t| t.balance_lc()).sum()
}

fn proposals(book: &Book, bank: &HouseBank, s: &Statement) -> Vec<Option<ProposalAction>> {
    let matcher = Matcher::new(book.context(), book.payments(), book.bank());
    s.lines
        .iter()
        .map(|l| {
            matcher
                .propose(bank, l)
                .into_iter()
                .next()
                .map(|p| p.action)
        })
        .collect()
}

#[test]
fn the_demo_has_house_banks_rules_and_a_posted_and_an_open_statement() {
    for (chart, suspense) in [
        (ChartTemplate::Skr03, "1360"),
        (ChartTemplate::Skr04, "1460"),
    ] {
        let book = demo_year(chart);
        let bank = book.bank();
        let codes: Vec<&str> = bank.house_banks().iter().map(|b| b.code.as_str()).collect();
        assert_eq!(codes, ["HASPA", "HASPAUSD", "HASPACHF"], "{chart:?}");
        let euro = &bank.house_banks()[0];
        assert_eq!(euro.suspense_account, Some(account(suspense)));
        assert!(euro.csv_mapping.is_some(), "the export's mapping is kept");
        assert_eq!(bank.rules().len(), 3);
        assert_eq!(bank.rules().iter().filter(|r| r.learned).count(), 1);
        assert!(matches!(bank.rules()[2].action, RuleAction::Partner(_)));
        assert_eq!(bank.statements().len(), 2);
        assert_eq!(bank.files().len(), 2, "both files are kept");
        let [posted, open] = [&bank.statements()[0], &bank.statements()[1]];
        assert_eq!(posted.lines.len(), 2);
        for n in 0..posted.lines.len() as u32 {
            let at = LineRef {
                statement: posted.number,
                line: n,
            };
            assert!(
                book.bank_line_payment(at).is_some(),
                "{chart:?} line {n} posted"
            );
        }
        assert!(open.lines.len() >= 6, "{} open lines", open.lines.len());
        for n in 0..open.lines.len() as u32 {
            let at = LineRef {
                statement: open.number,
                line: n,
            };
            assert_eq!(book.bank_line_payment(at), None);
        }
    }
}

#[test]
fn the_open_statement_has_proposals_for_all_but_one_line_and_posts_from_them() {
    let mut book = demo_year(ChartTemplate::Skr03);
    let statement = book.bank().statements()[1].clone();
    let bank = book
        .bank()
        .house_bank(&statement.house_bank)
        .unwrap()
        .clone();
    let found = proposals(&book, &bank, &statement);
    // Every line but the last (a credit nobody can match) is proposed.
    let last = found.len() - 1;
    assert!(found[..last].iter().all(Option::is_some), "{found:?}");
    assert!(found[last].is_none());
    let matcher = Matcher::new(book.context(), book.payments(), book.bank());
    let reasons = |n: usize| {
        matcher.propose(&bank, &statement.lines[n])[0]
            .reasons
            .clone()
    };
    assert!(
        reasons(0).contains(&Reason::Iban),
        "a customer found by IBAN"
    );
    assert!(
        reasons(1)
            .iter()
            .any(|r| matches!(r, Reason::SeveralItems { count: 2 })
                || matches!(r, Reason::DocumentNumber { .. })),
        "two invoices at once: {:?}",
        reasons(1)
    );
    let by_rule = |n: usize| reasons(n).iter().any(|r| matches!(r, Reason::Rule { .. }));
    assert!(
        (2..last).all(by_rule),
        "vendor, rent and card by their rules"
    );
    drop(matcher);
    let before = balance(&book, "1200");
    let lines: Vec<LinePosting> = found[..last]
        .iter()
        .enumerate()
        .map(|(n, action)| {
            let at = LineRef {
                statement: statement.number,
                line: n as u32,
            };
            let key = book.bank().line_posting_key(at);
            let draft = payment_draft(
                book.context(),
                &bank,
                &statement.lines[n],
                action.as_ref().unwrap(),
                "trainer",
                key,
            );
            LinePosting {
                line: n as u32,
                draft: Box::new(draft),
            }
        })
        .collect();
    book.execute(&Command::Bank(BankCommand::PostLines {
        statement: statement.number,
        lines,
        by: "trainer".into(),
        at: Timestamp::at_midnight(statement.lines[0].booking_date),
    }))
    .unwrap();
    let moved: Decimal = statement.lines[..last].iter().map(|l| l.amount).sum();
    assert_eq!(balance(&book, "1200"), before + moved);
}
