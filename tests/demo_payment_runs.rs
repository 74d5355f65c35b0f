//! The demo company's payment runs (issue 16): our creditor id, one
//! outgoing run executed in the last December (three vendors, one with
//! cash discount, one payment each through the Geldtransit account, its
//! pain.001 file kept) and one run saved for a class to execute; the
//! vendor the open December statement pays is in neither.

use kontor::demo::{self, DemoSpec};
use kontor::ledger::Book;
use kontor::ledger::bank::matching::{Matcher, ProposalAction};
use kontor::ledger::payment_runs::{RunFileKind, RunStatus};
use kontor::ledger::payments::Means;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

fn demo_year() -> Book {
    demo::build(&DemoSpec::one_year(2024), |_, _| {}).unwrap().0
}

#[test]
fn the_demo_has_an_executed_run_with_its_file_and_a_saved_run() {
    let book = demo_year();
    let runs = book.payment_runs();
    assert_eq!(runs.creditor_id(), "DE98ZZZ09999999999");
    assert_eq!(runs.runs().len(), 2, "one executed, one saved");
    let executed = &runs.runs()[0];
    let RunStatus::Executed { payments } = &executed.status else {
        panic!("the first run is executed: {:?}", executed.status);
    };
    let vendors: BTreeSet<_> = executed.items.iter().map(|i| i.partner).collect();
    assert_eq!(vendors.len(), 3);
    assert_eq!(payments.len(), 3, "one payment per vendor");
    assert!(
        executed.items.iter().any(|i| i.discount > Decimal::ZERO),
        "one vendor is paid with cash discount"
    );
    assert_eq!(executed.files.len(), 1);
    let file = &executed.files[0];
    assert_eq!(file.kind, RunFileKind::CreditTransfer);
    let xml = String::from_utf8(file.bytes.clone()).unwrap();
    assert!(xml.contains("pain.001.001.09"));
    for i in &executed.items {
        let item = book.open_items().item(i.item).unwrap();
        assert_eq!(item.open_lc, Decimal::ZERO, "{:?} is paid", i.item);
    }
    let suspense = book
        .bank()
        .house_bank(demo::bank::HOUSE_BANK)
        .unwrap()
        .suspense_account;
    for number in payments {
        let payment = &book.payments().payment(*number).unwrap().payment;
        assert!(suspense.is_some());
        assert!(
            payment
                .means
                .iter()
                .all(|m| m.means == Means::Transfer && Some(m.account) == suspense)
        );
        assert!(payment.means[0].reference.starts_with("KONTOR-R"));
    }
    let saved = &runs.runs()[1];
    assert_eq!(saved.status, RunStatus::Saved);
    assert!(!saved.items.is_empty());
    for i in &saved.items {
        assert_eq!(runs.reserved_by(i.item), Some(saved.number));
    }
}

/// The open December statement still gets its vendor proposal: the run
/// left that vendor's invoice alone.
#[test]
fn the_open_statements_vendor_line_is_not_taken_by_a_run() {
    let book = demo_year();
    let runs = book.payment_runs();
    let statement = book.bank().statements().last().unwrap();
    let bank = book.bank().house_bank(&statement.house_bank).unwrap();
    let index = runs.end_to_end_index(book.bank());
    let matcher =
        Matcher::new(book.context(), book.payments(), book.bank()).with_end_to_end(&index);
    let paid_by_runs: BTreeSet<_> = runs
        .runs()
        .iter()
        .flat_map(|r| r.items.iter().map(|i| i.partner))
        .collect();
    let vendor_lines: Vec<_> = statement
        .lines
        .iter()
        .filter(|l| l.amount < Decimal::ZERO)
        .collect();
    assert!(!vendor_lines.is_empty());
    for line in vendor_lines {
        for p in matcher.propose(bank, line) {
            if let ProposalAction::Partner { partner, .. } = p.action {
                assert!(
                    !paid_by_runs.contains(&partner),
                    "{partner} is paid by a run and the statement"
                );
            }
        }
    }
}
