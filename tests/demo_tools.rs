//! The demo books checked by tools nobody here wrote (issue 8): written as
//! an hledger journal, `hledger balance` and `ledger balance` must give
//! every account the balance of our trial balance, to the cent. Also the
//! `kontor-cli` round trip: generate, then read the log back and print the
//! same trial balance; a damaged block is refused with file and line.
//! Needs `hledger` and `ledger` on PATH (Debian packages `hledger`,
//! `ledger`); without them the test fails and says so.
#![cfg(not(target_arch = "wasm32"))]

use kontor::demo::{self, DemoSpec, VatPosting};
use kontor::formats::hledger::write_journal;
use kontor::ledger::Book;
use kontor::ledger::gl::ChartTemplate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::str::FromStr;

type Balances = BTreeMap<String, Decimal>;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kontor-demo-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ours(book: &Book) -> Balances {
    let cal = book.calendar();
    let tb = book
        .trial_balance(cal.reference(0), cal.reference(cal.period_count() - 1))
        .unwrap();
    tb.rows
        .iter()
        .filter(|r| !r.closing_lc.is_zero())
        .map(|r| (r.account.to_string(), r.closing_lc))
        .collect()
}

fn run(tool: &str, args: &[&str]) -> String {
    let output = Process::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "cannot run `{tool}` ({e}): install the Debian package `{tool}` for this cross-check"
        )
    });
    assert!(
        output.status.success(),
        "{tool} refused the journal:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// "1200 Bank" → "1200"; amounts may carry " EUR".
fn row(account: &str, amount: &str) -> (String, Decimal) {
    let number = account.split(' ').next().unwrap().to_string();
    let amount = amount
        .trim()
        .trim_end_matches("EUR")
        .trim()
        .replace(',', "");
    (number, Decimal::from_str(&amount).unwrap())
}

fn hledger(journal: &Path) -> Balances {
    let csv = run(
        "hledger",
        &[
            "-f",
            journal.to_str().unwrap(),
            "balance",
            "--flat",
            "--no-total",
            "-O",
            "csv",
        ],
    );
    csv.lines()
        .skip(1)
        .map(|line| {
            let (account, amount) = line.split_once("\",\"").unwrap();
            row(account.trim_matches('"'), amount.trim_matches('"'))
        })
        .collect()
}

fn ledger(journal: &Path) -> Balances {
    let text = run(
        "ledger",
        &[
            "-f",
            journal.to_str().unwrap(),
            "balance",
            "--flat",
            "--no-total",
            "--balance-format",
            "%(account)\t%(quantity(scrub(display_total)))\n",
        ],
    );
    text.lines()
        .map(|line| {
            let (account, amount) = line.split_once('\t').unwrap();
            row(account, amount)
        })
        .collect()
}

#[test]
fn hledger_and_ledger_agree_with_our_trial_balance_on_both_charts() {
    for (chart, vat) in [
        (ChartTemplate::Skr03, VatPosting::TaxCodes),
        (ChartTemplate::Skr04, VatPosting::TaxCodes),
        (ChartTemplate::Skr03, VatPosting::ExplicitLines),
    ] {
        let spec = DemoSpec {
            seed: 11,
            chart,
            first_year: 2024,
            entries: 1_500,
            vat,
        };
        let (book, _) = demo::build(&spec, |_, _| {}).unwrap();
        let dir = scratch(&format!("{chart:?}-{vat:?}"));
        let journal = dir.join("books.journal");
        std::fs::write(&journal, write_journal(&book)).unwrap();
        let expected = ours(&book);
        assert!(expected.len() >= 25, "{chart:?}: {expected:?}");
        assert_eq!(hledger(&journal), expected, "hledger, {chart:?}");
        assert_eq!(ledger(&journal), expected, "ledger, {chart:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

fn cli(args: &[&str]) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_kontor-cli"))
        .args(args)
        .output()
        .unwrap()
}

/// Balances from `kontor-cli balance` output (account, …, balance_lc, name).
fn cli_balances(stdout: &[u8]) -> Balances {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            (fields[0].to_string(), Decimal::from_str(fields[3]).unwrap())
        })
        .filter(|(_, b)| !b.is_zero())
        .collect()
}

#[test]
fn cli_reads_back_what_it_generated_and_refuses_a_damaged_block() {
    let dir = scratch("cli");
    let out = dir.to_str().unwrap();
    let generated = cli(&["generate", "--entries", "2500", "--seed", "4", "--out", out]);
    assert!(generated.status.success(), "{generated:?}");
    let spec = DemoSpec {
        seed: 4,
        entries: 2_500,
        ..DemoSpec::one_year(4)
    };
    let (book, _) = demo::build(&spec, |_, _| {}).unwrap();
    for threads in ["1", "2"] {
        let printed = cli(&["balance", "--threads", threads, out]);
        assert!(printed.status.success(), "{printed:?}");
        assert_eq!(cli_balances(&printed.stdout), ours(&book));
    }
    assert_eq!(hledger(&dir.join("books.journal")), ours(&book));

    // One changed amount in block 1 breaks the chain at that record.
    let block = dir.join("log").join("000001.block");
    let text = std::fs::read_to_string(&block).unwrap();
    let at = text.find("\"amount_lc\":\"").unwrap() + "\"amount_lc\":\"".len();
    let mut bytes = text.into_bytes();
    bytes[at] = if bytes[at] == b'9' { b'8' } else { b'9' };
    std::fs::write(&block, bytes).unwrap();
    let refused = cli(&["balance", out]);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("000001.block:") && message.contains("does not match its hash"),
        "{message}"
    );

    let missing = cli(&["balance", dir.join("nowhere").to_str().unwrap()]);
    assert!(!missing.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
