//! Cross-check with a tool nobody here wrote: the Book written as an
//! hledger journal must give, per account, the balance our trial balance
//! gives, to the cent. Needs `hledger` on PATH (Debian package `hledger`);
//! without it this test fails and says so instead of skipping.

use chrono::NaiveDate;
use kontor::formats::hledger::write_journal;
use kontor::ledger::gl::GlCommand;
use kontor::ledger::gl::{Account, AccountCurrency, AccountType};
use kontor::ledger::posting::PostingCommand;
use kontor::ledger::posting::{EntryDraft, LineDraft};
use kontor::ledger::sample::sample_events;
use kontor::ledger::types::AccountNo;
use kontor::ledger::types::Currency;
use kontor::ledger::types::EntryId;
use kontor::ledger::{Book, Command};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;
use std::process::Command as Process;
use std::str::FromStr;

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

/// A generated book with plain, foreign-currency, rounding and reversal entries.
fn generated_book() -> Book {
    let (mut book, _) = sample_events(7, 400, 4, 2024).unwrap();
    book.execute(&Command::Gl(GlCommand::SetExchangeRate {
        currency: Currency::USD,
        date: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        rate_fc_per_lc: dec!(1.0837),
    }))
    .unwrap();
    book.execute(&Command::Gl(GlCommand::CreateAccount {
        account: Account {
            number: a("1260"),
            name_de: "Bank (USD): Konto [alt]".into(),
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
    let mut lines: Vec<LineDraft> = (0..3)
        .map(|_| LineDraft::credit_lc(a("1260"), dec!(33.33)).in_fc(Currency::USD, None))
        .collect();
    lines.push(LineDraft::debit_lc(a("4930"), dec!(92.27)));
    let date = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap();
    let mut draft = EntryDraft::new(date, "anna", lines);
    draft.memo = "USD; with (odd) characters:  here".into();
    book.execute(&Command::Posting(PostingCommand::PostEntry { draft }))
        .unwrap();
    for id in [3, 17, 250] {
        book.execute(&Command::Posting(PostingCommand::ReverseEntry {
            entry: EntryId(id),
            date: None,
            user: "bob".into(),
        }))
        .unwrap();
    }
    book
}

fn hledger_balances(journal: &str) -> BTreeMap<String, Decimal> {
    let path = std::env::temp_dir().join(format!("kontor-ledger-{}.journal", std::process::id()));
    std::fs::write(&path, journal).unwrap();
    let output = Process::new("hledger")
        .arg("-f")
        .arg(&path)
        .args(["balance", "--flat", "--no-total", "-O", "csv"])
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run `hledger` ({e}): install the Debian package `hledger` to run this cross-check")
        });
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "hledger refused our journal:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let csv = String::from_utf8(output.stdout).unwrap();
    let mut balances = BTreeMap::new();
    for row in csv.lines().skip(1) {
        let (account, amount) = row.split_once("\",\"").unwrap();
        let account = account.trim_matches('"');
        let amount = amount.trim_matches('"').replace(',', "");
        let number = account.split(' ').next().unwrap().to_string();
        let value = amount.trim_end_matches(" EUR").trim();
        balances.insert(number, Decimal::from_str(value).unwrap());
    }
    balances
}

#[test]
fn hledger_balance_equals_our_trial_balance_to_the_cent() {
    let book = generated_book();
    let cal = book.calendar();
    let tb = book
        .trial_balance(cal.reference(0), cal.reference(cal.period_count() - 1))
        .unwrap();
    let ours: BTreeMap<String, Decimal> = tb
        .rows
        .iter()
        .filter(|r| !r.closing_lc.is_zero())
        .map(|r| (r.account.to_string(), r.closing_lc))
        .collect();
    assert!(
        ours.len() >= 10,
        "the generated book should touch many accounts"
    );
    let theirs = hledger_balances(&write_journal(&book));
    assert_eq!(ours, theirs);
}

#[test]
fn journal_has_one_transaction_per_entry() {
    let book = generated_book();
    let journal = write_journal(&book);
    let transactions = journal.lines().filter(|l| l.starts_with("2024-")).count();
    assert_eq!(transactions, book.entry_count());
    assert!(
        journal.contains("1260 Bank <USD>- Konto <alt>  -30.76 EUR"),
        "{journal:.2000}"
    );
    assert!(journal.contains("reverses:3"));
}
