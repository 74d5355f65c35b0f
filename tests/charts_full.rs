//! The complete SKR03 and SKR04 charts (issue 19): they parse, hold the
//! accounts per class the standard charts hold, every account the
//! template's determination, tax codes and payment settings name exists
//! with the right type, DATEV's automatic accounts are marked, a company
//! set up on them stays within the log's limits, and hledger agrees with
//! our trial balance on a book posted across the full chart.

use chrono::NaiveDate;
use kontor::formats::hledger::write_journal;
use kontor::ledger::gl::{AccountType, ChartTemplate, DeterminationKey, GlCommand};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::{Rng, sample_setup};
use kontor::ledger::setup::chart::{self, AutomaticVat, datev_automatic};
use kontor::ledger::setup::{self, Setup};
use kontor::ledger::types::AccountNo;
use kontor::ledger::types::limits::{MAX_ACCOUNT_NAME_LEN, MAX_ACCOUNTS};
use kontor::ledger::{Book, Command};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command as Process;
use std::str::FromStr;

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn setup_of(template: ChartTemplate) -> Setup {
    let mut s = sample_setup(2024);
    s.settings.chart = template;
    s
}

/// Postable accounts per first digit (SKR class).
fn per_class(template: ChartTemplate) -> BTreeMap<char, usize> {
    let mut out = BTreeMap::new();
    for account in chart::load(template).unwrap().accounts {
        if account.postable {
            let class = account.number.as_str().chars().next().unwrap();
            *out.entry(class).or_default() += 1;
        }
    }
    out
}

#[test]
fn the_full_charts_hold_every_class_of_the_standard_charts() {
    let skr03: Vec<(char, usize)> = per_class(ChartTemplate::Skr03).into_iter().collect();
    assert_eq!(
        skr03,
        [
            ('0', 225),
            ('1', 315),
            ('2', 250),
            ('3', 112),
            ('4', 218),
            ('7', 9),
            ('8', 146),
            ('9', 6)
        ]
    );
    let skr04: Vec<(char, usize)> = per_class(ChartTemplate::Skr04).into_iter().collect();
    assert_eq!(
        skr04,
        [
            ('0', 114),
            ('1', 182),
            ('2', 63),
            ('3', 189),
            ('4', 166),
            ('5', 88),
            ('6', 242),
            ('7', 143),
            ('9', 4)
        ]
    );
}

#[test]
fn every_account_has_a_unique_number_and_both_names_within_the_limit() {
    for template in [ChartTemplate::Skr03, ChartTemplate::Skr04] {
        let chart = chart::load(template).unwrap();
        let mut seen = BTreeSet::new();
        for account in &chart.accounts {
            assert!(
                seen.insert(account.number),
                "{template:?} {} twice",
                account.number
            );
            for name in [&account.name_de, &account.name_en] {
                assert!(!name.trim().is_empty(), "{template:?} {}", account.number);
                assert!(
                    name.chars().count() <= MAX_ACCOUNT_NAME_LEN,
                    "{template:?} {}: {name}",
                    account.number
                );
            }
        }
        assert!(chart.accounts.len() > 1_000 && chart.accounts.len() < MAX_ACCOUNTS);
    }
}

#[test]
fn the_accounts_we_had_keep_their_names_in_both_languages() {
    let skr03 = chart::load(ChartTemplate::Skr03).unwrap();
    let get = |c: &chart::Chart, n: &str| {
        let x = c.accounts.iter().find(|x| x.number == a(n)).unwrap();
        (x.name_de.clone(), x.name_en.clone())
    };
    assert_eq!(
        get(&skr03, "1400"),
        (
            "Forderungen aus Lieferungen und Leistungen".into(),
            "Trade receivables".into()
        )
    );
    assert_eq!(
        get(&skr03, "1550"),
        ("Schecks".into(), "Checks received".into())
    );
    assert_eq!(get(&skr03, "4210"), ("Miete".into(), "Rent".into()));
    let skr04 = chart::load(ChartTemplate::Skr04).unwrap();
    assert_eq!(
        get(&skr04, "1330"),
        ("Schecks".into(), "Checks received".into())
    );
    assert_eq!(
        get(&skr04, "6855"),
        ("Nebenkosten des Geldverkehrs".into(), "Bank charges".into())
    );
    // New accounts come with an English name from the source.
    assert_eq!(get(&skr04, "0540").1, "Heavy goods vehicles");
}

fn type_of(c: &chart::Chart, n: AccountNo) -> (AccountType, bool, bool) {
    let x = c
        .accounts
        .iter()
        .find(|x| x.number == n)
        .unwrap_or_else(|| panic!("{n} is not in the chart"));
    (x.account_type, x.postable, x.control)
}

#[test]
fn every_determination_tax_code_and_payment_account_exists_with_the_right_type() {
    use AccountType::*;
    use DeterminationKey as K;
    for template in [ChartTemplate::Skr03, ChartTemplate::Skr04] {
        let c = chart::load(template).unwrap();
        let expected = [
            (K::Rounding, Expense),
            (K::OpeningBalance, Equity),
            (K::RetainedEarnings, Equity),
            (K::FxGain, Revenue),
            (K::FxLoss, Expense),
            (K::VatInput, Asset),
            (K::VatOutput, Liability),
            (K::Receivables, Asset),
            (K::Payables, Liability),
            (K::BankFees, Expense),
            (K::CashDiscount, Revenue),
        ];
        for (key, t) in expected {
            let n = c.determination.get(key).unwrap();
            let (found, postable, control) = type_of(&c, n);
            assert_eq!(found, t, "{template:?} {key:?} {n}");
            assert!(postable);
            assert_eq!(
                control,
                matches!(key, K::Receivables | K::Payables),
                "{template:?} {n}"
            );
        }
        assert!(c.tax_codes.len() >= 10);
        for code in &c.tax_codes {
            if let Some(n) = code.output_account {
                assert_eq!(
                    type_of(&c, n).0,
                    Liability,
                    "{template:?} {} {n}",
                    code.code
                );
            }
            if let Some(n) = code.input_account {
                assert_eq!(type_of(&c, n).0, Asset, "{template:?} {} {n}", code.code);
            }
        }
        let p = &c.payments;
        for (code, n) in &p.discount_accounts {
            let t = if code.starts_with('U') {
                Revenue
            } else {
                Expense
            };
            assert_eq!(type_of(&c, *n).0, t, "{template:?} discount {code} {n}");
        }
        assert_eq!(type_of(&c, p.discount_granted.unwrap()).0, Revenue);
        assert_eq!(type_of(&c, p.discount_received.unwrap()).0, Expense);
        assert_eq!(type_of(&c, p.checks_account.unwrap()).0, Asset);
        assert_eq!(type_of(&c, p.card_account.unwrap()).0, Asset);
        assert_eq!(type_of(&c, p.write_off_account.unwrap()).0, Expense);
    }
}

#[test]
fn datev_automatic_accounts_are_marked_by_direction() {
    let t3 = ChartTemplate::Skr03;
    let t4 = ChartTemplate::Skr04;
    assert_eq!(datev_automatic(t3, a("8400")), Some(AutomaticVat::Output));
    assert_eq!(datev_automatic(t3, a("8300")), Some(AutomaticVat::Output));
    assert_eq!(datev_automatic(t3, a("3400")), Some(AutomaticVat::Input));
    assert_eq!(datev_automatic(t4, a("4400")), Some(AutomaticVat::Output));
    assert_eq!(datev_automatic(t4, a("5400")), Some(AutomaticVat::Input));
    // Bank, receivables and the VAT accounts themselves are not automatic.
    for n in ["1200", "1400", "1776", "1576"] {
        assert_eq!(datev_automatic(t3, a(n)), None, "{n}");
    }
    assert_eq!(datev_automatic(t4, a("1800")), None);
    assert_eq!(datev_automatic(ChartTemplate::Generic, a("4000")), None);
    let c = chart::load(t3).unwrap();
    let output = c
        .automatic
        .values()
        .filter(|m| **m == AutomaticVat::Output)
        .count();
    let input = c.automatic.len() - output;
    assert_eq!((output, input), (98, 78));
    // A malformed flag is refused with its line.
    assert!(chart::parse("1;T;A;-;;A;A\n1000;P;A;AX;1;B;B\n").is_err());
}

#[test]
fn a_company_on_the_full_chart_is_set_up_within_the_logs_limits() {
    for template in [ChartTemplate::Skr03, ChartTemplate::Skr04] {
        let events = setup::events(&setup_of(template)).unwrap();
        let accounts = chart::load(template).unwrap().accounts.len();
        assert!(events.len() > accounts);
        // One append holds the whole setup (store::log::MAX_APPEND_RECORDS).
        assert!(events.len() < 10_000, "{template:?}: {}", events.len());
        let (book, _) = Book::set_up(&setup_of(template)).unwrap();
        assert_eq!(book.accounts().count(), accounts);
    }
}

#[test]
fn used_accounts_are_the_named_ones_until_something_is_posted() {
    let (mut book, _) = Book::set_up(&setup_of(ChartTemplate::Skr04)).unwrap();
    let used = book.used_accounts();
    // Determination, tax codes and payment settings: a few dozen of 1,191.
    assert!(used.len() < 60, "{}", used.len());
    for n in ["1200", "3300", "1406", "3806", "4736", "6300", "9000"] {
        assert!(used.contains(&a(n)), "{n}");
    }
    assert!(!used.contains(&a("6815")));
    let lines = vec![
        LineDraft::debit_lc(a("6815"), Decimal::new(1190, 2)),
        LineDraft::credit_lc(a("1600"), Decimal::new(1190, 2)),
    ];
    let date = NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    book.execute(&Command::Posting(PostingCommand::PostEntry {
        draft: EntryDraft::new(date, "anna", lines),
    }))
    .unwrap();
    let used = book.used_accounts();
    assert!(used.contains(&a("6815")) && used.contains(&a("1600")));
    // An account the company creates itself is one it means to use.
    let mut own = book.account(a("6815")).unwrap().clone();
    own.number = a("6816");
    assert!(!used.contains(&own.number));
    book.execute(&Command::Gl(GlCommand::CreateAccount { account: own }))
        .unwrap();
    assert!(book.used_accounts().contains(&a("6816")));
}

fn hledger_balances(journal: &str) -> BTreeMap<String, Decimal> {
    let path = std::env::temp_dir().join(format!("kontor-charts-{}.journal", std::process::id()));
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
        let number = account
            .trim_matches('"')
            .split(' ')
            .next()
            .unwrap()
            .to_string();
        let amount = amount.trim_matches('"').replace(',', "");
        let value = amount.trim_end_matches(" EUR").trim();
        balances.insert(number, Decimal::from_str(value).unwrap());
    }
    balances
}

/// 300 entries over every 7th postable, non-control, non-VAT account of
/// the full SKR04 (long names with §, parentheses, slashes and dashes).
#[test]
fn hledger_agrees_with_our_trial_balance_on_a_book_across_the_full_skr04() {
    let (mut book, _) = Book::set_up(&setup_of(ChartTemplate::Skr04)).unwrap();
    let vat: BTreeSet<AccountNo> = book
        .tax_codes()
        .flat_map(|c| c.output_account.into_iter().chain(c.input_account))
        .collect();
    let pool: Vec<AccountNo> = book
        .accounts()
        .filter(|x| x.postable && !x.control && !vat.contains(&x.number))
        .map(|x| x.number)
        .step_by(7)
        .collect();
    assert!(pool.len() > 150);
    let mut rng = Rng::new(19);
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    for _ in 0..300 {
        let amount = Decimal::new(rng.below(1_000_000) as i64 + 1, 2);
        let debit = pool[rng.below(pool.len() as u64) as usize];
        let credit = pool[rng.below(pool.len() as u64) as usize];
        let date = start + chrono::Days::new(rng.below(365));
        let lines = vec![
            LineDraft::debit_lc(debit, amount),
            LineDraft::credit_lc(credit, amount),
        ];
        book.execute(&Command::Posting(PostingCommand::PostEntry {
            draft: EntryDraft::new(date, "anna", lines),
        }))
        .unwrap();
    }
    book.execute(&Command::Gl(GlCommand::OpenFiscalYear { year: 2025 }))
        .ok();
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
    assert!(ours.len() > 100, "{}", ours.len());
    assert_eq!(ours, hledger_balances(&write_journal(&book)));
}
