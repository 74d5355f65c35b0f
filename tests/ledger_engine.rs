//! Specification tests of the ledger engine: charts, periods, entries,
//! rounding, reversal, vouchers, reports.

use chrono::NaiveDate;
use kontor::ledger::DomainError;
use kontor::ledger::gl::ChartTemplate;
use kontor::ledger::gl::DeterminationKey;
use kontor::ledger::gl::GlCommand;
use kontor::ledger::gl::GlError;
use kontor::ledger::gl::{Account, AccountCurrency, AccountType};
use kontor::ledger::journal::JournalError;
use kontor::ledger::posting::PostingCommand;
use kontor::ledger::posting::{EntryDraft, LineDraft};
use kontor::ledger::posting::{Rights, Voucher};
use kontor::ledger::report::JournalFilter;
use kontor::ledger::sample::{sample_settings, sample_setup};
use kontor::ledger::setup::Setup;
use kontor::ledger::types::AccountNo;
use kontor::ledger::types::Currency;
use kontor::ledger::types::EntryId;
use kontor::ledger::types::InputError;
use kontor::ledger::types::Side;
use kontor::ledger::types::limits::MAX_LINES;
use kontor::ledger::types::{PeriodRef, PeriodStatus};
use kontor::ledger::{Book, Command, ReplayError, ReplayErrorKind};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn book() -> Book {
    let (b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    b
}

fn post(lines: Vec<LineDraft>, date: NaiveDate) -> Command {
    Command::Posting(PostingCommand::PostEntry {
        draft: EntryDraft::new(date, "anna", lines),
    })
}

fn simple(date: NaiveDate, debit: &str, credit: &str, amount: Decimal) -> Command {
    post(
        vec![
            LineDraft::debit_lc(a(debit), amount),
            LineDraft::credit_lc(a(credit), amount),
        ],
        date,
    )
}

fn posted(b: &mut Book, cmd: &Command) -> EntryId {
    let events = b.execute(cmd).unwrap();
    match events.last() {
        Some(kontor::ledger::Event::EntryPosted { entry }) => entry.id,
        other => panic!("expected an entry, got {other:?}"),
    }
}

fn refuses(b: &mut Book, cmd: &Command) -> DomainError {
    let before = b.clone();
    let err = b.execute(cmd).unwrap_err();
    assert_eq!(*b, before, "a refused command changed the book");
    err
}

fn set_status(b: &mut Book, period: u8, status: PeriodStatus) {
    b.execute(&Command::Gl(GlCommand::SetPeriodStatus {
        period: PeriodRef {
            fiscal_year: 2024,
            period,
        },
        status,
    }))
    .unwrap();
}

// ----- chart templates (golden) -----

fn check_chart(
    template: ChartTemplate,
    total: usize,
    postable: usize,
    samples: &[(&str, AccountType, bool)],
) {
    let chart = kontor::ledger::setup::chart::load(template).unwrap();
    assert_eq!(chart.accounts.len(), total, "{template:?} account count");
    assert_eq!(
        chart.accounts.iter().filter(|a| a.postable).count(),
        postable
    );
    for (number, account_type, control) in samples {
        let acc = chart
            .accounts
            .iter()
            .find(|x| x.number.as_str() == *number)
            .unwrap_or_else(|| panic!("{template:?} lacks {number}"));
        assert_eq!(acc.account_type, *account_type, "{template:?} {number}");
        assert_eq!(acc.control, *control, "{template:?} {number} control");
        assert!(acc.postable);
    }
}

#[test]
fn skr03_template_has_the_accounts_german_bookkeepers_use() {
    use AccountType::*;
    check_chart(
        ChartTemplate::Skr03,
        1296,
        1281,
        &[
            ("1200", Asset, false),
            ("1400", Asset, true),
            ("1600", Liability, true),
            ("1576", Asset, false),
            ("1776", Liability, false),
            ("8400", Revenue, false),
            ("4120", Expense, false),
            ("4210", Expense, false),
            ("0800", Equity, false),
            ("1800", Equity, false),
            ("9000", Equity, false),
        ],
    );
    let chart = kontor::ledger::setup::chart::load(ChartTemplate::Skr03).unwrap();
    let bank = chart
        .accounts
        .iter()
        .find(|x| x.number == a("1200"))
        .unwrap();
    assert_eq!(bank.name_de, "Bank");
    assert_eq!(bank.parent, Some(a("1")));
    assert_eq!(
        chart.determination.get(DeterminationKey::VatOutput),
        Some(a("1776"))
    );
    assert_eq!(
        chart.determination.get(DeterminationKey::OpeningBalance),
        Some(a("9000"))
    );
}

#[test]
fn skr04_template_has_the_accounts_german_bookkeepers_use() {
    use AccountType::*;
    check_chart(
        ChartTemplate::Skr04,
        1206,
        1191,
        &[
            ("1800", Asset, false),
            ("1200", Asset, true),
            ("3300", Liability, true),
            ("1406", Asset, false),
            ("3806", Liability, false),
            ("4400", Revenue, false),
            ("6020", Expense, false),
            ("6310", Expense, false),
            ("2900", Equity, false),
            ("2100", Equity, false),
            ("9000", Equity, false),
        ],
    );
    let chart = kontor::ledger::setup::chart::load(ChartTemplate::Skr04).unwrap();
    assert_eq!(
        chart.determination.get(DeterminationKey::Receivables),
        Some(a("1200"))
    );
    assert_eq!(
        chart.determination.get(DeterminationKey::Payables),
        Some(a("3300"))
    );
}

#[test]
fn every_template_sets_up_a_company_with_all_determination_accounts() {
    for template in [
        ChartTemplate::Skr03,
        ChartTemplate::Skr04,
        ChartTemplate::Generic,
    ] {
        let mut settings = sample_settings();
        settings.chart = template;
        let (b, _) = Book::set_up(&Setup {
            settings,
            first_fiscal_year: 2024,
        })
        .unwrap();
        let assigned = b.determination().assigned().count();
        assert_eq!(assigned, DeterminationKey::ALL.len(), "{template:?}");
        assert_eq!(
            b.accounts().count(),
            kontor::ledger::setup::chart::load(template)
                .unwrap()
                .accounts
                .len()
        );
    }
}

#[test]
fn malformed_template_line_is_named() {
    let err = kontor::ledger::setup::chart::parse("# x\n1200;P;Q;-;;Bank;Bank\n").unwrap_err();
    assert_eq!(err, GlError::ChartTemplate { line: 2 });
}

// ----- company and master data -----

#[test]
fn a_log_must_start_with_the_company() {
    let (_, events) = Book::set_up(&sample_setup(2024)).unwrap();
    assert_eq!(
        Book::from_events(&events[1..]).unwrap_err(),
        ReplayError {
            seq: 0,
            kind: ReplayErrorKind::NoCompany
        }
    );
    assert_eq!(
        Book::from_events(&[]).unwrap_err().kind,
        ReplayErrorKind::Empty
    );
}

#[test]
fn company_is_set_up_once() {
    let mut b = book();
    let (_, events) = Book::set_up(&sample_setup(2025)).unwrap();
    let before = b.clone();
    assert_eq!(
        b.apply(&events[0]).unwrap_err(),
        DomainError::Gl(GlError::CompanyAlreadySetUp)
    );
    assert_eq!(b, before);
}

#[test]
fn setup_with_bad_settings_names_the_field() {
    let mut s = sample_settings();
    s.fiscal_year_start_month = 13;
    let setup = Setup {
        settings: s.clone(),
        first_fiscal_year: 2024,
    };
    assert_eq!(
        Book::set_up(&setup).map(|_| ()).unwrap_err(),
        DomainError::Gl(GlError::InvalidMonth { month: 13 })
    );
    s.fiscal_year_start_month = 1;
    s.lc = Currency::JPY;
    s.amount_decimals = 0;
    assert!(
        Book::set_up(&Setup {
            settings: s,
            first_fiscal_year: 2024
        })
        .is_ok()
    );
}

fn new_account(number: &str, postable: bool, parent: Option<&str>) -> Account {
    Account {
        number: a(number),
        name_de: "Konto".into(),
        name_en: "Account".into(),
        account_type: AccountType::Asset,
        postable,
        parent: parent.map(a),
        control: false,
        currency: AccountCurrency::Local,
        active: true,
    }
}

#[test]
fn accounts_must_be_unique_and_hang_under_title_accounts() {
    let mut b = book();
    let dup = Command::Gl(GlCommand::CreateAccount {
        account: new_account("1200", true, Some("1")),
    });
    assert_eq!(
        refuses(&mut b, &dup),
        DomainError::Gl(GlError::AccountExists { account: a("1200") })
    );
    let under_postable = Command::Gl(GlCommand::CreateAccount {
        account: new_account("1211", true, Some("1200")),
    });
    assert_eq!(
        refuses(&mut b, &under_postable),
        DomainError::Gl(GlError::ParentNotTitle {
            account: a("1211"),
            parent: a("1200")
        })
    );
    b.execute(&Command::Gl(GlCommand::CreateAccount {
        account: new_account("1211", true, Some("1")),
    }))
    .unwrap();
    assert!(b.account(a("1211")).is_some());
}

#[test]
fn account_with_postings_cannot_change_type() {
    let mut b = book();
    posted(&mut b, &simple(d(2024, 1, 5), "1200", "0800", dec!(100)));
    let mut bank = b.account(a("1200")).unwrap().clone();
    bank.name_de = "Bank (Giro)".into();
    b.execute(&Command::Gl(GlCommand::UpdateAccount {
        account: bank.clone(),
    }))
    .unwrap();
    bank.account_type = AccountType::Expense;
    assert_eq!(
        refuses(
            &mut b,
            &Command::Gl(GlCommand::UpdateAccount { account: bank })
        ),
        DomainError::Gl(GlError::AccountHasPostings { account: a("1200") })
    );
}

// ----- entries -----

#[test]
fn entry_gets_gapless_numbers_per_fiscal_year() {
    let mut b = book();
    b.execute(&Command::Gl(GlCommand::OpenFiscalYear { year: 2025 }))
        .unwrap();
    let e1 = posted(&mut b, &simple(d(2024, 3, 1), "1200", "0800", dec!(1)));
    let e2 = posted(&mut b, &simple(d(2025, 3, 1), "1200", "0800", dec!(1)));
    let e3 = posted(&mut b, &simple(d(2024, 4, 1), "1200", "0800", dec!(1)));
    let n = |id| {
        let e = b.entry(id).unwrap();
        (e.fiscal_year, e.number)
    };
    assert_eq!((e1, e2, e3), (EntryId(1), EntryId(2), EntryId(3)));
    assert_eq!(n(e1), (2024, 1));
    assert_eq!(n(e2), (2025, 1));
    assert_eq!(n(e3), (2024, 2));
    assert_eq!(b.entry_by_number(2024, 2).map(|e| e.id), Some(e3));
}

#[test]
fn unbalanced_entry_is_refused_with_the_difference() {
    let mut b = book();
    let cmd = post(
        vec![
            LineDraft::debit_lc(a("1200"), dec!(100)),
            LineDraft::credit_lc(a("8400"), dec!(99.99)),
        ],
        d(2024, 1, 1),
    );
    assert_eq!(
        refuses(&mut b, &cmd),
        DomainError::Journal(JournalError::Unbalanced {
            diff_lc: dec!(0.01),
            decimals: 2
        })
    );
}

#[test]
fn line_errors_name_the_line() {
    let mut b = book();
    let date = d(2024, 1, 1);
    let ok = LineDraft::debit_lc(a("1200"), dec!(1));
    let cases: Vec<(LineDraft, DomainError)> = vec![
        (
            LineDraft::credit_lc(a("9999"), dec!(1)),
            DomainError::Journal(JournalError::AccountNotFound {
                line: 1,
                account: a("9999"),
            }),
        ),
        (
            LineDraft::credit_lc(a("1"), dec!(1)),
            DomainError::Journal(JournalError::AccountNotPostable {
                line: 1,
                account: a("1"),
            }),
        ),
        (
            LineDraft::credit_lc(a("8400"), dec!(0)),
            DomainError::Journal(JournalError::LineZero { line: 1 }),
        ),
        (
            LineDraft::credit_lc(a("8400"), dec!(-1)),
            DomainError::Journal(JournalError::LineNegative { line: 1 }),
        ),
        (
            LineDraft::credit_lc(a("8400"), dec!(1.001)),
            DomainError::Journal(JournalError::TooManyDecimals { line: 1, max: 2 }),
        ),
        (
            LineDraft {
                debit: dec!(1),
                ..LineDraft::credit_lc(a("8400"), dec!(1))
            },
            DomainError::Journal(JournalError::LineTwoSided { line: 1 }),
        ),
        (
            LineDraft::default(),
            DomainError::Journal(JournalError::AccountMissing { line: 1 }),
        ),
        (
            LineDraft::credit_lc(a("8400"), dec!(20000000000000)),
            DomainError::Journal(JournalError::AmountTooLarge {
                line: 1,
                max: dec!(10000000000000),
            }),
        ),
    ];
    for (line, expected) in cases {
        assert_eq!(
            refuses(&mut b, &post(vec![ok.clone(), line], date)),
            expected
        );
    }
    assert_eq!(
        refuses(&mut b, &post(vec![ok.clone()], date)),
        DomainError::Journal(JournalError::TooFewLines { count: 1 })
    );
    let many = vec![ok; MAX_LINES + 1];
    assert_eq!(
        refuses(&mut b, &post(many, date)),
        DomainError::Journal(JournalError::TooManyLines {
            count: MAX_LINES + 1,
            max: MAX_LINES
        })
    );
}

#[test]
fn inactive_account_refuses_postings() {
    let mut b = book();
    b.execute(&Command::Gl(GlCommand::SetAccountActive {
        account: a("4930"),
        active: false,
    }))
    .unwrap();
    assert_eq!(
        refuses(&mut b, &simple(d(2024, 1, 1), "4930", "1200", dec!(5))),
        DomainError::Journal(JournalError::AccountInactive {
            line: 0,
            account: a("4930")
        })
    );
}

#[test]
fn posting_outside_open_fiscal_years_is_refused() {
    let mut b = book();
    assert_eq!(
        refuses(&mut b, &simple(d(2025, 1, 1), "1200", "0800", dec!(5))),
        DomainError::Gl(GlError::NoPeriod {
            date: d(2025, 1, 1)
        })
    );
}

#[test]
fn empty_user_is_refused() {
    let mut b = book();
    let mut cmd = simple(d(2024, 1, 1), "1200", "0800", dec!(5));
    if let Command::Posting(PostingCommand::PostEntry { draft, .. }) = &mut cmd {
        draft.user = " ".into();
    }
    assert!(matches!(
        refuses(&mut b, &cmd),
        DomainError::Input(InputError::Empty { .. })
    ));
}

// ----- period status rules -----

#[test]
fn locked_period_refuses_postings() {
    let mut b = book();
    set_status(&mut b, 2, PeriodStatus::Locked);
    assert_eq!(
        refuses(&mut b, &simple(d(2024, 2, 10), "1200", "0800", dec!(5))),
        DomainError::Gl(GlError::PeriodLocked {
            date: d(2024, 2, 10)
        })
    );
    posted(&mut b, &simple(d(2024, 3, 10), "1200", "0800", dec!(5)));
}

#[test]
fn locked_period_stays_locked() {
    let mut b = book();
    set_status(&mut b, 2, PeriodStatus::Locked);
    let jan = PeriodRef {
        fiscal_year: 2024,
        period: 2,
    };
    assert_eq!(
        refuses(
            &mut b,
            &Command::Gl(GlCommand::SetPeriodStatus {
                period: jan,
                status: PeriodStatus::Unlocked
            })
        ),
        DomainError::Gl(GlError::PeriodLockedFinal { period: jan })
    );
}

#[test]
fn closing_period_needs_the_closing_right() {
    let mut b = book();
    set_status(&mut b, 12, PeriodStatus::Closing);
    let cmd = simple(d(2024, 12, 31), "4210", "1200", dec!(500));
    let before = b.clone();
    let without = Rights {
        post_into_closing: false,
        ..Rights::ALL
    };
    assert_eq!(
        b.check_with(without, &cmd).unwrap_err(),
        DomainError::Gl(GlError::PeriodClosing {
            date: d(2024, 12, 31)
        })
    );
    assert_eq!(b, before);
    // The one user of a company without users holds every right.
    posted(&mut b, &cmd);
}

#[test]
fn unlocked_except_sales_refuses_only_revenue_lines() {
    let mut b = book();
    set_status(&mut b, 5, PeriodStatus::UnlockedExceptSales);
    let sale = post(
        vec![
            LineDraft::debit_lc(a("1360"), dec!(119)),
            LineDraft::credit_lc(a("8400"), dec!(100)),
            LineDraft::credit_lc(a("1776"), dec!(19)),
        ],
        d(2024, 5, 2),
    );
    assert_eq!(
        refuses(&mut b, &sale),
        DomainError::Gl(GlError::PeriodClosedForSales {
            date: d(2024, 5, 2),
            line: 1
        })
    );
    posted(&mut b, &simple(d(2024, 5, 2), "4210", "1200", dec!(800)));
}

#[test]
fn unknown_period_cannot_get_a_status() {
    let mut b = book();
    let p = PeriodRef {
        fiscal_year: 2024,
        period: 13,
    };
    assert_eq!(
        refuses(
            &mut b,
            &Command::Gl(GlCommand::SetPeriodStatus {
                period: p,
                status: PeriodStatus::Locked
            })
        ),
        DomainError::Gl(GlError::PeriodNotFound { period: p })
    );
}

// ----- rounding -----

#[test]
fn three_way_split_of_100_posts_exactly() {
    let mut b = book();
    let shares = kontor::ledger::types::money::split(dec!(100.00), 3, 2);
    let mut lines = vec![LineDraft::credit_lc(a("1200"), dec!(100.00))];
    for (acc, share) in ["4210", "4930", "4120"].iter().zip(&shares) {
        lines.push(LineDraft::debit_lc(a(acc), *share));
    }
    let id = posted(&mut b, &post(lines, d(2024, 1, 31)));
    let e = b.entry(id).unwrap();
    assert_eq!(e.lines.len(), 4, "no rounding line needed");
    assert_eq!(e.lines[1].amount_lc, dec!(33.34));
}

fn with_rate(b: &mut Book, currency: Currency, rate: Decimal) {
    b.execute(&Command::Gl(GlCommand::SetExchangeRate {
        currency,
        date: d(2024, 1, 1),
        rate_fc_per_lc: rate,
    }))
    .unwrap();
}

fn fc_account(b: &mut Book, number: &str, currency: Currency) {
    let mut acc = new_account(number, true, Some("1"));
    acc.currency = AccountCurrency::Foreign(currency);
    b.execute(&Command::Gl(GlCommand::CreateAccount { account: acc }))
        .unwrap();
}

#[test]
fn usd_at_1_0837_converts_and_rounds_half_away_from_zero() {
    let mut b = book();
    with_rate(&mut b, Currency::USD, dec!(1.0837));
    fc_account(&mut b, "1211", Currency::USD);
    // 1,000.00 USD / 1.0837 = 922.764602... EUR -> 922.76
    let lines = vec![
        LineDraft::credit_lc(a("1211"), dec!(1000.00)).in_fc(Currency::USD, None),
        LineDraft::debit_lc(a("4930"), dec!(922.76)),
    ];
    let id = posted(&mut b, &post(lines, d(2024, 2, 1)));
    let e = b.entry(id).unwrap();
    assert_eq!(e.lines[0].amount_lc, dec!(922.76));
    assert_eq!(e.lines[0].fc().unwrap().amount_fc, dec!(1000.00));
    assert_eq!(e.lines[0].fc().unwrap().rate_fc_per_lc, dec!(1.0837));
    assert_eq!(e.lines.len(), 2);
}

#[test]
fn fc_rounding_difference_goes_to_the_rounding_account() {
    let mut b = book();
    with_rate(&mut b, Currency::USD, dec!(1.0837));
    fc_account(&mut b, "1211", Currency::USD);
    // Three USD lines of 33.33 each: 30.7557... -> 30.76 EUR each = 92.28,
    // against the 92.27 the user typed: 0.01 rounding difference.
    let mut lines: Vec<LineDraft> = (0..3)
        .map(|_| LineDraft::credit_lc(a("1211"), dec!(33.33)).in_fc(Currency::USD, None))
        .collect();
    lines.push(LineDraft::debit_lc(a("4930"), dec!(92.27)));
    let id = posted(&mut b, &post(lines, d(2024, 2, 1)));
    let e = b.entry(id).unwrap();
    let rounding = e.lines.last().unwrap();
    assert!(rounding.rounding);
    assert_eq!(rounding.account, a("4900"));
    assert_eq!(
        (rounding.side, rounding.amount_lc),
        (Side::Debit, dec!(0.01))
    );
    assert_eq!(e.imbalance(), (dec!(0), dec!(0)));
}

#[test]
fn fc_difference_above_the_limit_is_refused() {
    let mut b = book();
    with_rate(&mut b, Currency::USD, dec!(1.0837));
    fc_account(&mut b, "1211", Currency::USD);
    let lines = vec![
        LineDraft::credit_lc(a("1211"), dec!(1000.00)).in_fc(Currency::USD, None),
        LineDraft::debit_lc(a("4930"), dec!(922.74)),
    ];
    assert_eq!(
        refuses(&mut b, &post(lines, d(2024, 2, 1))),
        DomainError::Journal(JournalError::Unbalanced {
            diff_lc: dec!(-0.02),
            decimals: 2
        })
    );
}

#[test]
fn jpy_has_no_decimals() {
    let mut b = book();
    with_rate(&mut b, Currency::JPY, dec!(161.25));
    fc_account(&mut b, "1221", Currency::JPY);
    let too_precise = vec![
        LineDraft::credit_lc(a("1221"), dec!(10000.5)).in_fc(Currency::JPY, None),
        LineDraft::debit_lc(a("4930"), dec!(62.02)),
    ];
    assert_eq!(
        refuses(&mut b, &post(too_precise, d(2024, 2, 1))),
        DomainError::Journal(JournalError::TooManyDecimals { line: 0, max: 0 })
    );
    // 10,000 JPY / 161.25 = 62.0155 EUR -> 62.02
    let lines = vec![
        LineDraft::credit_lc(a("1221"), dec!(10000)).in_fc(Currency::JPY, None),
        LineDraft::debit_lc(a("4930"), dec!(62.02)),
    ];
    let id = posted(&mut b, &post(lines, d(2024, 2, 1)));
    assert_eq!(b.entry(id).unwrap().lines[0].amount_lc, dec!(62.02));
}

#[test]
fn account_currency_decides_which_lines_it_takes() {
    let mut b = book();
    with_rate(&mut b, Currency::USD, dec!(1.0837));
    fc_account(&mut b, "1211", Currency::USD);
    let lc_on_usd = simple(d(2024, 2, 1), "1211", "0800", dec!(10));
    assert_eq!(
        refuses(&mut b, &lc_on_usd),
        DomainError::Journal(JournalError::CurrencyNotAllowed {
            line: 0,
            account: a("1211"),
            currency: Currency::EUR
        })
    );
    let usd_on_lc = post(
        vec![
            LineDraft::debit_lc(a("1200"), dec!(10)).in_fc(Currency::USD, None),
            LineDraft::credit_lc(a("0800"), dec!(9.23)),
        ],
        d(2024, 2, 1),
    );
    assert_eq!(
        refuses(&mut b, &usd_on_lc),
        DomainError::Journal(JournalError::CurrencyNotAllowed {
            line: 0,
            account: a("1200"),
            currency: Currency::USD
        })
    );
}

#[test]
fn missing_rate_is_named() {
    let mut b = book();
    fc_account(&mut b, "1211", Currency::USD);
    let lines = vec![
        LineDraft::credit_lc(a("1211"), dec!(10)).in_fc(Currency::USD, None),
        LineDraft::debit_lc(a("4930"), dec!(9.23)),
    ];
    assert_eq!(
        refuses(&mut b, &post(lines, d(2024, 2, 1))),
        DomainError::Gl(GlError::RateMissing {
            currency: Currency::USD,
            date: d(2024, 2, 1)
        })
    );
}

#[test]
fn system_currency_is_derived_and_its_rounding_balanced() {
    let mut s = sample_settings();
    s.sc = Currency::USD;
    let (mut b, _) = Book::set_up(&Setup {
        settings: s,
        first_fiscal_year: 2024,
    })
    .unwrap();
    with_rate(&mut b, Currency::USD, dec!(1.0837));
    let mut lines = vec![LineDraft::credit_lc(a("1200"), dec!(0.05))];
    for _ in 0..5 {
        lines.push(LineDraft::debit_lc(a("4930"), dec!(0.01)));
    }
    let id = posted(&mut b, &post(lines, d(2024, 3, 1)));
    let e = b.entry(id).unwrap();
    // 0.05 EUR -> 0.05 USD; 0.01 EUR -> 0.01 USD each (0.010837): SC balances.
    assert_eq!(e.imbalance(), (dec!(0), dec!(0)));
    let lines = vec![
        LineDraft::credit_lc(a("1200"), dec!(0.03)),
        LineDraft::debit_lc(a("4930"), dec!(0.01)),
        LineDraft::debit_lc(a("4930"), dec!(0.01)),
        LineDraft::debit_lc(a("4930"), dec!(0.01)),
    ];
    // 0.03 * 1.0837 = 0.032511 -> 0.03 USD; 3 x 0.01 -> 0.03: balanced too.
    let id = posted(&mut b, &post(lines, d(2024, 3, 1)));
    assert_eq!(b.entry(id).unwrap().lines.len(), 4);
    let lines = vec![
        LineDraft::credit_lc(a("1200"), dec!(1.00)),
        LineDraft::debit_lc(a("4930"), dec!(0.50)),
        LineDraft::debit_lc(a("4930"), dec!(0.50)),
    ];
    // 1.00 -> 1.08 USD (1.0837); 0.50 -> 0.54 (0.54185) twice = 1.08: balanced.
    // 0.20 x 5 -> 0.22 each (0.21674) = 1.10 vs 1.08: SC rounding line.
    posted(&mut b, &post(lines, d(2024, 3, 1)));
    let mut lines = vec![LineDraft::credit_lc(a("1200"), dec!(1.00))];
    for _ in 0..5 {
        lines.push(LineDraft::debit_lc(a("4930"), dec!(0.20)));
    }
    let id = posted(&mut b, &post(lines, d(2024, 3, 1)));
    let e = b.entry(id).unwrap();
    let last = e.lines.last().unwrap();
    assert!(last.rounding);
    assert_eq!(
        (last.side, last.amount_lc, last.amount_sc),
        (Side::Credit, dec!(0), dec!(0.02))
    );
    assert_eq!(e.imbalance(), (dec!(0), dec!(0)));
}

// ----- reversal -----

#[test]
fn reversal_mirrors_the_entry_and_links_both_ways() {
    let mut b = book();
    let orig = posted(&mut b, &simple(d(2024, 1, 10), "4210", "1200", dec!(800)));
    let rev = posted(
        &mut b,
        &Command::Posting(PostingCommand::ReverseEntry {
            entry: orig,
            date: Some(d(2024, 2, 1)),
            user: "bob".into(),
        }),
    );
    let r = b.entry(rev).unwrap();
    assert_eq!(r.reverses, Some(orig));
    assert_eq!(b.reversed_by(orig), Some(rev));
    assert_eq!(r.posting_date, d(2024, 2, 1));
    assert_eq!(r.lines[0].side, Side::Credit);
    let tb = b
        .trial_balance(
            PeriodRef {
                fiscal_year: 2024,
                period: 1,
            },
            PeriodRef {
                fiscal_year: 2024,
                period: 12,
            },
        )
        .unwrap();
    assert!(tb.rows.iter().all(|row| row.closing_lc.is_zero()));
}

#[test]
fn reversal_defaults_to_the_original_date() {
    let mut b = book();
    let orig = posted(&mut b, &simple(d(2024, 1, 10), "4210", "1200", dec!(800)));
    let rev = posted(
        &mut b,
        &Command::Posting(PostingCommand::ReverseEntry {
            entry: orig,
            date: None,
            user: "bob".into(),
        }),
    );
    assert_eq!(b.entry(rev).unwrap().posting_date, d(2024, 1, 10));
}

#[test]
fn entry_can_be_reversed_only_once() {
    let mut b = book();
    let orig = posted(&mut b, &simple(d(2024, 1, 10), "4210", "1200", dec!(800)));
    let cmd = Command::Posting(PostingCommand::ReverseEntry {
        entry: orig,
        date: None,
        user: "bob".into(),
    });
    let rev = posted(&mut b, &cmd);
    assert_eq!(
        refuses(&mut b, &cmd),
        DomainError::Journal(JournalError::AlreadyReversed {
            entry: orig,
            by: rev
        })
    );
}

#[test]
fn reversal_of_reversal_is_rejected() {
    let mut b = book();
    let orig = posted(&mut b, &simple(d(2024, 1, 10), "4210", "1200", dec!(800)));
    let rev = posted(
        &mut b,
        &Command::Posting(PostingCommand::ReverseEntry {
            entry: orig,
            date: None,
            user: "bob".into(),
        }),
    );
    assert_eq!(
        refuses(
            &mut b,
            &Command::Posting(PostingCommand::ReverseEntry {
                entry: rev,
                date: None,
                user: "bob".into(),
            })
        ),
        DomainError::Journal(JournalError::ReversalOfReversal { entry: rev })
    );
}

#[test]
fn reversal_into_a_locked_period_is_refused() {
    let mut b = book();
    let orig = posted(&mut b, &simple(d(2024, 1, 10), "4210", "1200", dec!(800)));
    set_status(&mut b, 1, PeriodStatus::Locked);
    assert_eq!(
        refuses(
            &mut b,
            &Command::Posting(PostingCommand::ReverseEntry {
                entry: orig,
                date: None,
                user: "bob".into(),
            })
        ),
        DomainError::Gl(GlError::PeriodLocked {
            date: d(2024, 1, 10)
        })
    );
    posted(
        &mut b,
        &Command::Posting(PostingCommand::ReverseEntry {
            entry: orig,
            date: Some(d(2024, 2, 1)),
            user: "bob".into(),
        }),
    );
}

#[test]
fn reversal_of_unknown_entry_is_refused() {
    let mut b = book();
    assert_eq!(
        refuses(
            &mut b,
            &Command::Posting(PostingCommand::ReverseEntry {
                entry: EntryId(7),
                date: None,
                user: "bob".into(),
            })
        ),
        DomainError::Journal(JournalError::EntryNotFound { entry: EntryId(7) })
    );
}

// ----- vouchers -----

fn draft(date: NaiveDate, debit: &str, credit: &str, amount: Decimal) -> EntryDraft {
    EntryDraft::new(
        date,
        "anna",
        vec![
            LineDraft::debit_lc(a(debit), amount),
            LineDraft::credit_lc(a(credit), amount),
        ],
    )
}

#[test]
fn voucher_posts_all_entries_with_consecutive_numbers() {
    let mut b = book();
    posted(&mut b, &simple(d(2024, 1, 1), "1200", "0800", dec!(1)));
    let voucher = Voucher {
        reference: "Stapel 1".into(),
        memo: String::new(),
        key: None,
        entries: vec![
            draft(d(2024, 1, 2), "4210", "1200", dec!(10)),
            draft(d(2024, 1, 3), "4930", "1200", dec!(20)),
        ],
    };
    let events = b
        .execute(&Command::Posting(PostingCommand::PostVoucher { voucher }))
        .unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(b.entry(EntryId(3)).map(|e| e.number), Some(3));
}

#[test]
fn voucher_with_one_bad_entry_posts_nothing_and_names_it() {
    let mut b = book();
    let mut bad = draft(d(2024, 1, 3), "4930", "1200", dec!(20));
    bad.lines[1].credit = dec!(19);
    let voucher = Voucher {
        reference: String::new(),
        memo: String::new(),
        key: None,
        entries: vec![draft(d(2024, 1, 2), "4210", "1200", dec!(10)), bad],
    };
    let err = refuses(
        &mut b,
        &Command::Posting(PostingCommand::PostVoucher { voucher }),
    );
    assert_eq!(
        err,
        DomainError::Journal(JournalError::VoucherEntry {
            index: 1,
            error: Box::new(JournalError::Unbalanced {
                diff_lc: dec!(1),
                decimals: 2
            })
        })
    );
    assert_eq!(b.entry_count(), 0);
}

#[test]
fn empty_voucher_is_refused() {
    let mut b = book();
    assert_eq!(
        refuses(
            &mut b,
            &Command::Posting(PostingCommand::PostVoucher {
                voucher: Voucher::default(),
            })
        ),
        DomainError::Journal(JournalError::VoucherEmpty)
    );
}

// ----- determination -----

#[test]
fn determination_accounts_must_be_postable() {
    let mut b = book();
    let mut det = b.determination().clone();
    det.rounding = Some(a("4"));
    assert_eq!(
        refuses(
            &mut b,
            &Command::Gl(GlCommand::SetGlDetermination { determination: det })
        ),
        DomainError::Gl(GlError::DeterminationAccountNotPostable {
            key: DeterminationKey::Rounding,
            account: a("4")
        })
    );
}

/// A rounding line on a control account would have no business partner:
/// the open items would no longer sum to the account (found by the
/// property: a determination change, then an FC entry, left the aging's
/// check line 0.01 off). The determination refuses a control account for
/// every key but receivables and payables; an account made a control
/// account later is refused by the posting that would round onto it.
#[test]
fn rounding_never_goes_to_a_control_account() {
    let mut b = book();
    let mut det = b.determination().clone();
    det.rounding = Some(a("1400"));
    assert_eq!(
        refuses(
            &mut b,
            &Command::Gl(GlCommand::SetGlDetermination {
                determination: det.clone()
            })
        ),
        DomainError::Gl(GlError::DeterminationAccountIsControl {
            key: DeterminationKey::Rounding,
            account: a("1400")
        })
    );
    det.receivables = Some(a("1400"));
    det.rounding = b.determination().rounding;
    let mut rounding = b.gl().account(det.rounding.unwrap()).unwrap().clone();
    rounding.control = true;
    b.execute(&Command::Gl(GlCommand::UpdateAccount {
        account: rounding.clone(),
    }))
    .unwrap();
    with_rate(&mut b, Currency::USD, dec!(1.0837));
    fc_account(&mut b, "1211", Currency::USD);
    let mut lines: Vec<LineDraft> = (0..3)
        .map(|_| LineDraft::credit_lc(a("1211"), dec!(33.33)).in_fc(Currency::USD, None))
        .collect();
    lines.push(LineDraft::debit_lc(a("4930"), dec!(92.27)));
    assert_eq!(
        refuses(&mut b, &post(lines, d(2024, 2, 1))),
        DomainError::Gl(GlError::DeterminationAccountIsControl {
            key: DeterminationKey::Rounding,
            account: rounding.number
        })
    );
}

#[test]
fn rounding_without_a_rounding_account_is_refused() {
    let mut b = book();
    let mut det = b.determination().clone();
    det.rounding = None;
    b.execute(&Command::Gl(GlCommand::SetGlDetermination {
        determination: det,
    }))
    .unwrap();
    with_rate(&mut b, Currency::USD, dec!(1.0837));
    fc_account(&mut b, "1211", Currency::USD);
    let mut lines: Vec<LineDraft> = (0..3)
        .map(|_| LineDraft::credit_lc(a("1211"), dec!(33.33)).in_fc(Currency::USD, None))
        .collect();
    lines.push(LineDraft::debit_lc(a("4930"), dec!(92.27)));
    assert_eq!(
        refuses(&mut b, &post(lines, d(2024, 2, 1))),
        DomainError::Gl(GlError::DeterminationMissing {
            key: DeterminationKey::Rounding
        })
    );
}

// ----- reports -----

#[test]
fn trial_balance_has_opening_movements_and_closing() {
    let mut b = book();
    posted(&mut b, &simple(d(2024, 1, 5), "1200", "0800", dec!(25000)));
    posted(&mut b, &simple(d(2024, 2, 5), "4210", "1200", dec!(800)));
    posted(&mut b, &simple(d(2024, 3, 5), "4210", "1200", dec!(800)));
    let feb = PeriodRef {
        fiscal_year: 2024,
        period: 2,
    };
    let tb = b
        .trial_balance(
            feb,
            PeriodRef {
                fiscal_year: 2024,
                period: 3,
            },
        )
        .unwrap();
    let bank = tb.rows.iter().find(|r| r.account == a("1200")).unwrap();
    assert_eq!(
        (
            bank.opening_lc,
            bank.debit_lc,
            bank.credit_lc,
            bank.closing_lc
        ),
        (dec!(25000), dec!(0), dec!(1600), dec!(23400))
    );
    assert_eq!(tb.total_debit_lc, tb.total_credit_lc);
    assert_eq!(tb.total_debit_lc, dec!(1600));
    let accounts: Vec<&str> = tb.rows.iter().map(|r| r.account.as_str()).collect();
    assert_eq!(accounts, vec!["0800", "1200", "4210"]);
}

#[test]
fn account_sheet_runs_its_balance_in_date_order() {
    let mut b = book();
    posted(&mut b, &simple(d(2024, 3, 5), "4210", "1200", dec!(800)));
    posted(&mut b, &simple(d(2024, 1, 5), "1200", "0800", dec!(25000)));
    posted(&mut b, &simple(d(2024, 2, 5), "4930", "1200", dec!(50)));
    let sheet = b
        .account_sheet(a("1200"), d(2024, 2, 1), d(2024, 12, 31))
        .unwrap();
    assert_eq!(sheet.opening_lc, dec!(25000));
    let balances: Vec<Decimal> = sheet.lines.iter().map(|l| l.balance_lc).collect();
    assert_eq!(balances, vec![dec!(24950), dec!(24150)]);
    assert_eq!(sheet.closing_lc, dec!(24150));
    assert_eq!(sheet.credit_lc, dec!(850));
}

#[test]
fn journal_filters_by_account_text_and_date() {
    let mut b = book();
    posted(&mut b, &simple(d(2024, 1, 5), "1200", "0800", dec!(25000)));
    let mut rent = simple(d(2024, 2, 5), "4210", "1200", dec!(800));
    if let Command::Posting(PostingCommand::PostEntry { draft, .. }) = &mut rent {
        draft.memo = "Miete Februar".into();
    }
    posted(&mut b, &rent);
    let page = b.journal_page(&JournalFilter {
        account: Some(a("4210")),
        ..Default::default()
    });
    assert_eq!(page.total_matches, 1);
    let page = b.journal_page(&JournalFilter {
        text: Some("miete".into()),
        ..Default::default()
    });
    assert_eq!(page.entries[0].id, EntryId(2));
    let page = b.journal_page(&JournalFilter {
        to: Some(d(2024, 1, 31)),
        ..Default::default()
    });
    assert_eq!(page.entries.len(), 1);
    let page = b.journal_page(&JournalFilter {
        limit: 1,
        offset: 1,
        ..Default::default()
    });
    assert_eq!((page.total_matches, page.entries[0].id), (2, EntryId(2)));
}
