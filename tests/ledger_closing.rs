//! Year-end closing and opening balances (issue 17, part C) on the demo
//! company: after closing, every P&L account of the year stands at zero,
//! the next year opens each balance-sheet account at its closing balance
//! with no result carried forward, hledger still agrees; reverting brings
//! the balances back; refusals change nothing.

use chrono::NaiveDate;
use kontor::demo::{self, DemoSpec, VatPosting};
use kontor::formats::hledger::write_journal;
use kontor::ledger::closing::{ClosingCommand, ClosingError, OpeningLine};
use kontor::ledger::gl::{ChartTemplate, GlCommand, GlError};
use kontor::ledger::journal::JournalError;
use kontor::ledger::types::{
    AccountNo, PartnerCode, PeriodRef, PeriodStatus, PostingKey, Side, Timestamp,
};
use kontor::ledger::{Book, Command, DomainError};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;
use std::process::Command as Process;
use std::str::FromStr;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at_midnight(d(2024, 1, 15))
}

/// The demo company, small: one year (2023) on `chart`, then 2024 opened.
fn demo_book(chart: ChartTemplate) -> Book {
    let spec = DemoSpec {
        seed: 17,
        chart,
        first_year: 2023,
        entries: 400,
        vat: VatPosting::TaxCodes,
    };
    let (mut book, _) = demo::build(&spec, |_, _| {}).unwrap();
    book.execute(&Command::Gl(GlCommand::OpenFiscalYear { year: 2024 }))
        .unwrap();
    book
}

fn close(year: i32, key: u128) -> Command {
    Command::Closing(ClosingCommand::CloseYear {
        year,
        key: PostingKey(key),
        by: "anna".into(),
        at: at(),
    })
}

fn revert(year: i32) -> Command {
    Command::Closing(ClosingCommand::RevertClosing {
        year,
        by: "anna".into(),
        at: at(),
    })
}

fn period(year: i32, p: u8) -> PeriodRef {
    PeriodRef {
        fiscal_year: year,
        period: p,
    }
}

/// Closing balance (LC) of each account over the periods of `year`, as
/// the trial balance of that year shows it.
fn year_tb(book: &Book, year: i32) -> kontor::ledger::report::TrialBalance {
    book.trial_balance(period(year, 1), period(year, 12))
        .unwrap()
}

fn is_pl(book: &Book, account: AccountNo) -> bool {
    book.account(account)
        .unwrap()
        .account_type
        .is_profit_and_loss()
}

/// Every account's cumulative balance (LC) up to the end of `year`.
fn balances(book: &Book, year: i32) -> BTreeMap<AccountNo, Decimal> {
    let cal = book.calendar();
    book.trial_balance(cal.reference(0), period(year, 12))
        .unwrap()
        .rows
        .iter()
        .map(|r| (r.account, r.closing_lc))
        .collect()
}

#[test]
fn closing_zeroes_every_pl_account_and_carries_the_balance_sheet() {
    for chart in [ChartTemplate::Skr03, ChartTemplate::Skr04] {
        let mut book = demo_book(chart);
        let before = year_tb(&book, 2023);
        let result: Decimal = before
            .rows
            .iter()
            .filter(|r| is_pl(&book, r.account))
            .map(|r| r.closing_lc)
            .sum();
        assert!(!result.is_zero(), "the demo year has a result");
        assert!(
            !year_tb(&book, 2024).carried_forward_lc.is_zero(),
            "before closing, 2024 shows 2023's result carried forward"
        );
        let preview = book.closing().preview(book.context(), 2023);
        assert_eq!(preview.result, -result, "a profit is positive");
        let retained = book.determination().retained_earnings.unwrap();
        assert_eq!(preview.retained_earnings, Some(retained));
        assert!(preview.open_items > 0, "the demo leaves items open");

        let events = book.execute(&close(2023, 1)).unwrap();
        assert_eq!(events.len(), 2, "one entry and the closing event");
        let closed = book.closing().year(2023).unwrap().clone();
        assert_eq!(closed.entries.len(), 1);
        let entry = book.entry(closed.entries[0]).unwrap();
        assert_eq!(entry.posting_date, d(2023, 12, 31));
        assert!(book.closing().is_closing_entry(entry.id));

        let after = year_tb(&book, 2023);
        for row in after.rows.iter().filter(|r| is_pl(&book, r.account)) {
            assert!(
                row.closing_lc.is_zero() && row.closing_sc.is_zero(),
                "{chart:?}: P&L account {} stands at {} after closing",
                row.account,
                row.closing_lc
            );
        }
        let next = book
            .trial_balance(period(2024, 1), period(2024, 1))
            .unwrap();
        assert_eq!(next.carried_forward_lc, Decimal::ZERO);
        assert_eq!(next.carried_forward_sc, Decimal::ZERO);
        // The next year opens each balance-sheet account at its closing
        // balance of 2023, which is what the preview carried.
        let closing_2023: BTreeMap<AccountNo, Decimal> = after
            .rows
            .iter()
            .filter(|r| !r.closing_lc.is_zero())
            .map(|r| (r.account, r.closing_lc))
            .collect();
        let opening_2024: BTreeMap<AccountNo, Decimal> = next
            .rows
            .iter()
            .filter(|r| !r.opening_lc.is_zero())
            .map(|r| (r.account, r.opening_lc))
            .collect();
        assert_eq!(opening_2024, closing_2023);
        let carried: BTreeMap<AccountNo, Decimal> = preview.carried.iter().copied().collect();
        assert_eq!(carried, closing_2023, "the preview's Saldenvorträge");
        assert_eq!(
            closing_2023[&retained],
            before_retained(&before, retained) + result,
            "the result lands on retained earnings"
        );
    }
}

fn before_retained(tb: &kontor::ledger::report::TrialBalance, retained: AccountNo) -> Decimal {
    tb.rows
        .iter()
        .find(|r| r.account == retained)
        .map_or(Decimal::ZERO, |r| r.closing_lc)
}

fn hledger_balances(journal: &str, args: &[&str]) -> BTreeMap<String, Decimal> {
    let path = std::env::temp_dir().join(format!(
        "kontor-closing-{}-{}.journal",
        std::process::id(),
        args.len()
    ));
    std::fs::write(&path, journal).unwrap();
    let output = Process::new("hledger")
        .arg("-f")
        .arg(&path)
        .args(["balance", "--flat", "--no-total", "-O", "csv"])
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run `hledger` ({e}): install the Debian package `hledger`")
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
        let number = account.trim_matches('"').split(' ').next().unwrap();
        let amount = amount.trim_matches('"').replace(',', "");
        let value = Decimal::from_str(amount.trim_end_matches(" EUR").trim()).unwrap();
        if !value.is_zero() {
            balances.insert(number.to_string(), value);
        }
    }
    balances
}

#[test]
fn hledger_agrees_after_closing_for_the_book_and_each_year() {
    let mut book = demo_book(ChartTemplate::Skr03);
    book.execute(&close(2023, 2)).unwrap();
    let journal = write_journal(&book);
    let cal = book.calendar();
    let whole: BTreeMap<String, Decimal> = book
        .trial_balance(cal.reference(0), cal.reference(cal.period_count() - 1))
        .unwrap()
        .rows
        .iter()
        .filter(|r| !r.closing_lc.is_zero())
        .map(|r| (r.account.to_string(), r.closing_lc))
        .collect();
    assert_eq!(hledger_balances(&journal, &[]), whole);
    // The year 2023 alone: its movements, P&L accounts netted to zero.
    let movements: BTreeMap<String, Decimal> = year_tb(&book, 2023)
        .rows
        .iter()
        .map(|r| (r.account.to_string(), r.debit_lc - r.credit_lc))
        .filter(|(_, v)| !v.is_zero())
        .collect();
    let theirs = hledger_balances(&journal, &["-b", "2023-01-01", "-e", "2024-01-01"]);
    assert_eq!(theirs, movements);
    assert!(
        theirs.keys().all(|n| !is_pl(&book, a(n))),
        "hledger sees no P&L balance in the closed year: {theirs:?}"
    );
}

#[test]
fn revert_brings_the_balances_back_and_a_locked_year_refuses() {
    let mut book = demo_book(ChartTemplate::Skr03);
    let before = balances(&book, 2024);
    let pl_before = year_tb(&book, 2023);
    book.execute(&close(2023, 3)).unwrap();
    assert_ne!(balances(&book, 2024), before);
    // The closing entry is not reversed on its own: only by reverting.
    let entry = book.closing().year(2023).unwrap().entries[0];
    let snapshot = book.clone();
    assert_eq!(
        book.execute(&Command::Posting(
            kontor::ledger::posting::PostingCommand::ReverseEntry {
                entry,
                date: Some(d(2024, 1, 15)),
                user: "anna".into(),
            }
        )),
        Err(DomainError::Closing(ClosingError::ClosingEntry {
            entry: entry.0,
            year: 2023
        }))
    );
    assert_eq!(book, snapshot);
    // Closing twice is refused, nothing changes.
    assert_eq!(
        book.execute(&close(2023, 4)),
        Err(DomainError::Closing(ClosingError::AlreadyClosed {
            year: 2023
        }))
    );
    assert_eq!(book, snapshot);

    let events = book.execute(&revert(2023)).unwrap();
    assert_eq!(events.len(), 2);
    assert!(book.closing().year(2023).is_none());
    assert!(book.closing().years().any(|c| c.reverted.is_some()));
    // Balances of every account are back; the P&L of 2023 shows again.
    let back: BTreeMap<AccountNo, Decimal> = balances(&book, 2024)
        .into_iter()
        .filter(|(_, v)| !v.is_zero())
        .collect();
    let before: BTreeMap<AccountNo, Decimal> =
        before.into_iter().filter(|(_, v)| !v.is_zero()).collect();
    assert_eq!(back, before);
    let pl_after: Vec<_> = year_tb(&book, 2023)
        .rows
        .iter()
        .filter(|r| is_pl(&book, r.account))
        .map(|r| (r.account, r.closing_lc))
        .collect();
    let pl_was: Vec<_> = pl_before
        .rows
        .iter()
        .filter(|r| is_pl(&book, r.account))
        .map(|r| (r.account, r.closing_lc))
        .collect();
    assert_eq!(pl_after, pl_was);
    assert_eq!(
        book.execute(&revert(2023)),
        Err(DomainError::Closing(ClosingError::NotClosed { year: 2023 }))
    );

    // A reverted year can be closed again; once a period is locked, the
    // closing stays.
    book.execute(&close(2023, 5)).unwrap();
    book.execute(&Command::Gl(GlCommand::SetPeriodStatus {
        period: period(2023, 3),
        status: PeriodStatus::Locked,
    }))
    .unwrap();
    let snapshot = book.clone();
    assert_eq!(
        book.execute(&revert(2023)),
        Err(DomainError::Closing(ClosingError::YearLocked {
            year: 2023
        }))
    );
    assert_eq!(book, snapshot);
}

#[test]
fn preconditions_are_refused_with_their_reason() {
    let spec = DemoSpec {
        seed: 5,
        chart: ChartTemplate::Skr03,
        first_year: 2023,
        entries: 200,
        vat: VatPosting::TaxCodes,
    };
    let (mut book, _) = demo::build(&spec, |_, _| {}).unwrap();
    let snapshot = book.clone();
    assert_eq!(
        book.execute(&close(2023, 10)),
        Err(DomainError::Closing(ClosingError::NextYearNotOpen {
            year: 2023
        }))
    );
    assert_eq!(
        book.execute(&close(2021, 10)),
        Err(DomainError::Closing(ClosingError::YearNotFound {
            year: 2021
        }))
    );
    assert_eq!(book, snapshot);
    book.execute(&Command::Gl(GlCommand::OpenFiscalYear { year: 2024 }))
        .unwrap();
    book.execute(&Command::Gl(GlCommand::OpenFiscalYear { year: 2025 }))
        .unwrap();
    assert_eq!(
        book.execute(&close(2024, 11)),
        Err(DomainError::Closing(ClosingError::NothingToClose {
            year: 2024
        }))
    );
    // December 2023 in "closing period": only an actor with the closing
    // right may post the closing entry.
    book.execute(&Command::Gl(GlCommand::SetPeriodStatus {
        period: period(2023, 12),
        status: PeriodStatus::Closing,
    }))
    .unwrap();
    let no_right = kontor::ledger::posting::Rights {
        post_into_closing: false,
        exceed_commitment_limit: true,
    };
    assert_eq!(
        book.check_with(no_right, &close(2023, 12)),
        Err(DomainError::Gl(GlError::PeriodClosing {
            date: d(2023, 12, 31)
        }))
    );
    // A key already posted is refused: a retry posts once.
    book.execute(&close(2023, 12)).unwrap();
    book.execute(&revert(2023)).unwrap();
    assert!(matches!(
        book.execute(&close(2023, 12)),
        Err(DomainError::Journal(JournalError::AlreadyPosted { .. }))
    ));
}

fn opening(date: NaiveDate, lines: Vec<OpeningLine>, key: u128) -> Command {
    Command::Closing(ClosingCommand::PostOpeningBalances {
        date,
        lines,
        key: PostingKey(key),
        by: "anna".into(),
        at: at(),
    })
}

fn gl_line(account: &str, debit: Decimal, credit: Decimal) -> OpeningLine {
    OpeningLine {
        account: Some(a(account)),
        partner: None,
        debit,
        credit,
        reference: String::new(),
        due_date: None,
    }
}

fn partner_line(book: &Book, customer: bool, debit: Decimal, credit: Decimal) -> OpeningLine {
    let kind = if customer {
        kontor::ledger::partners::PartnerKind::Customer
    } else {
        kontor::ledger::partners::PartnerKind::Vendor
    };
    let code: PartnerCode = book
        .partners()
        .partners()
        .find(|p| p.kind == kind)
        .unwrap()
        .code;
    OpeningLine {
        account: None,
        partner: Some(code),
        debit,
        credit,
        reference: "RE-2022-117".into(),
        due_date: Some(d(2023, 2, 15)),
    }
}

#[test]
fn opening_balances_must_balance_and_partner_lines_become_open_items() {
    let spec = DemoSpec {
        seed: 9,
        chart: ChartTemplate::Skr03,
        first_year: 2023,
        entries: 200,
        vat: VatPosting::TaxCodes,
    };
    let (mut book, _) = demo::build(&spec, |_, _| {}).unwrap();
    let snapshot = book.clone();
    let unbalanced = vec![
        gl_line("1200", dec!(1000), Decimal::ZERO),
        gl_line("0800", Decimal::ZERO, dec!(900)),
    ];
    assert_eq!(
        book.execute(&opening(d(2023, 1, 1), unbalanced, 20)),
        Err(DomainError::Closing(ClosingError::OpeningUnbalanced {
            difference: dec!(100)
        }))
    );
    assert_eq!(
        book.execute(&opening(d(2023, 1, 1), Vec::new(), 20)),
        Err(DomainError::Closing(ClosingError::OpeningEmpty))
    );
    let mut nowhere = gl_line("1200", dec!(5), Decimal::ZERO);
    nowhere.account = None;
    let refused = book
        .execute(&opening(
            d(2023, 1, 1),
            vec![gl_line("0800", Decimal::ZERO, dec!(5)), nowhere],
            20,
        ))
        .unwrap_err();
    assert_eq!(
        refused,
        DomainError::Closing(ClosingError::OpeningLineWithoutAccount { line: 1 })
    );
    assert_eq!(refused.line(), Some(1));
    assert_eq!(book, snapshot, "refusals store nothing");

    let items_before = book.open_items().items().len();
    let lines = vec![
        gl_line("1200", dec!(10000), Decimal::ZERO),
        partner_line(&book, true, dec!(1190), Decimal::ZERO),
        partner_line(&book, false, Decimal::ZERO, dec!(595)),
        gl_line("0800", Decimal::ZERO, dec!(10595)),
    ];
    let cmd = opening(d(2023, 1, 1), lines, 21);
    book.execute(&cmd).unwrap();
    let id = *book.closing().opening_entries().last().unwrap();
    let entry = book.entry(id).unwrap();
    let on = |n: &str| -> Decimal {
        entry
            .lines
            .iter()
            .filter(|l| l.account == a(n))
            .map(|l| l.signed_lc())
            .sum()
    };
    assert_eq!(on("9008"), dec!(-1190), "customers against 9008");
    assert_eq!(on("9009"), dec!(595), "vendors against 9009");
    assert_eq!(on("9000"), dec!(595), "G/L lines against 9000");
    assert_eq!(on("9000") + on("9008") + on("9009"), Decimal::ZERO);
    let new_items: Vec<_> = book.open_items().items()[items_before..].to_vec();
    assert_eq!(new_items.len(), 2, "one open item per partner line");
    assert!(new_items.iter().all(|i| i.due_date == d(2023, 2, 15)));
    assert!(
        new_items
            .iter()
            .any(|i| i.side == Side::Debit && i.open_lc == dec!(1190))
    );
    assert!(
        new_items
            .iter()
            .any(|i| i.side == Side::Credit && i.open_lc == dec!(595))
    );
    // The same key again (a retry after a lost answer) posts nothing.
    let count = book.entry_count();
    assert!(matches!(
        book.execute(&cmd),
        Err(DomainError::Journal(JournalError::AlreadyPosted { .. }))
    ));
    assert_eq!(book.entry_count(), count);
}

#[test]
fn the_log_of_a_closing_replays_to_the_same_book() {
    let spec = DemoSpec {
        seed: 3,
        chart: ChartTemplate::Skr04,
        first_year: 2023,
        entries: 200,
        vat: VatPosting::TaxCodes,
    };
    let (mut book, mut events) = demo::build(&spec, |_, _| {}).unwrap();
    for cmd in [
        Command::Gl(GlCommand::OpenFiscalYear { year: 2024 }),
        close(2023, 30),
        revert(2023),
        close(2023, 31),
    ] {
        events.extend(book.execute(&cmd).unwrap());
    }
    let encoded: Vec<String> = events.iter().map(kontor::ledger::event::encode).collect();
    let decoded: Vec<_> = encoded
        .iter()
        .map(|s| kontor::ledger::event::decode(s).unwrap())
        .collect();
    assert_eq!(decoded, events);
    let Some((kontor::ledger::Event::CompanyCreated { settings }, rest)) = decoded.split_first()
    else {
        panic!("the log starts with the company");
    };
    let mut replayed = Book::created(settings).unwrap();
    for e in rest {
        replayed.apply(e).unwrap();
    }
    assert_eq!(replayed, book);
    assert!(replayed.closing().year(2023).is_some());
}
