//! The demo company generator (issue 8): deterministic, valid for the
//! engine, and realistic enough for a trainer's year.

use kontor::demo::{self, DEMO_YEAR_ENTRIES, DemoError, DemoSpec, VatPosting};
use kontor::ledger::event::encode;
use kontor::ledger::gl::ChartTemplate;
use kontor::ledger::gl::GlCommand;
use kontor::ledger::gl::GlEvent;
use kontor::ledger::{Book, Command, Event};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn encoded(spec: &DemoSpec) -> Vec<String> {
    let (_, events) = demo::build(spec, |_, _| {}).unwrap();
    events.iter().map(encode).collect()
}

fn small(seed: u64, chart: ChartTemplate) -> DemoSpec {
    DemoSpec {
        seed,
        chart,
        first_year: 2023,
        entries: 600,
        vat: VatPosting::TaxCodes,
    }
}

#[test]
fn same_seed_gives_the_same_events_byte_for_byte() {
    let spec = small(42, ChartTemplate::Skr03);
    assert_eq!(encoded(&spec), encoded(&spec));
    assert_eq!(
        demo::generate(&spec).unwrap(),
        demo::generate(&spec).unwrap()
    );
}

#[test]
fn different_seeds_give_different_books() {
    let a = encoded(&small(1, ChartTemplate::Skr03));
    let b = encoded(&small(2, ChartTemplate::Skr03));
    // Clearings and payment records follow the seed's payments (a bank
    // day without a due item posts an expense instead), the dunning run
    // the customers the seed left overdue (none: no run); every other
    // event follows the size.
    let shape = |events: &[String]| {
        events
            .iter()
            .filter(|e| {
                !e.contains(r#""type":"items_cleared""#)
                    && !e.contains(r#""type":"payment_posted""#)
                    && !e.contains(r#""type":"dunning_run_executed""#)
            })
            .count()
    };
    assert_eq!(
        shape(&a),
        shape(&b),
        "the shape depends on the size, not the seed"
    );
    assert_ne!(a, b);
}

#[test]
fn every_generated_command_passes_check_on_both_charts() {
    for chart in [ChartTemplate::Skr03, ChartTemplate::Skr04] {
        let (mut book, _) = Book::set_up(&demo::setup(&small(9, chart))).unwrap();
        for (i, command) in demo::commands(&small(9, chart)).unwrap().enumerate() {
            if let Err(e) = book.check(&command) {
                panic!("{chart:?}: command {i} refused: {e}\n{command:?}");
            }
            book.execute(&command).unwrap();
        }
        assert_eq!(book.entry_count(), 600, "{chart:?}");
    }
}

#[test]
fn the_entry_count_is_exact_for_odd_sizes() {
    for entries in [0, 1, 5, 13, 97, 1_001] {
        let spec = DemoSpec {
            entries,
            ..small(3, ChartTemplate::Skr04)
        };
        let (book, _) = demo::build(&spec, |_, _| {}).unwrap();
        assert_eq!(book.entry_count(), entries);
    }
}

#[test]
fn a_realistic_year_balances_and_has_the_expected_business() {
    let spec = DemoSpec::one_year(2024);
    let mut reported = Vec::new();
    let (book, events) = demo::build(&spec, |done, total| reported.push((done, total))).unwrap();
    assert!((2_000..=5_000).contains(&book.entry_count()));
    assert_eq!(book.entry_count(), DEMO_YEAR_ENTRIES);
    assert_eq!(
        reported.last(),
        Some(&(DEMO_YEAR_ENTRIES, DEMO_YEAR_ENTRIES))
    );
    assert!(reported.len() >= 6, "progress is reported along the way");

    for entry in book.entries() {
        assert_eq!(
            entry.imbalance(),
            (Decimal::ZERO, Decimal::ZERO),
            "{entry:?}"
        );
        assert!(
            entry.lines.iter().all(|l| !l.rounding),
            "no rounding lines needed"
        );
    }
    let cal = book.calendar();
    let tb = book
        .trial_balance(cal.reference(0), cal.reference(cal.period_count() - 1))
        .unwrap();
    assert_eq!(tb.total_debit_lc, tb.total_credit_lc);
    assert!(tb.total_debit_lc > dec!(1_000_000));
    let closing: Decimal = tb.rows.iter().map(|r| r.closing_lc).sum();
    assert_eq!(closing, Decimal::ZERO);

    let lines_on = |account: &str| {
        book.entries()
            .iter()
            .flat_map(|e| &e.lines)
            .filter(|l| l.account.as_str() == account)
            .count()
    };
    // SKR03: revenue and output VAT 19 % / 7 %, input VAT, payroll, rent,
    // cash discounts granted and received at 19 % and 7 %.
    for account in [
        "8400", "1776", "8300", "1771", "1576", "1571", "4120", "4130", "4210", "8736", "8731",
        "3736", "3731",
    ] {
        assert!(lines_on(account) > 10, "too few lines on {account}");
    }
    let fc_lines = book
        .entries()
        .iter()
        .flat_map(|e| &e.lines)
        .filter(|l| l.fc().is_some())
        .count();
    assert!(fc_lines >= 20, "foreign-currency lines: {fc_lines}");
    let currencies: std::collections::BTreeSet<String> = book
        .entries()
        .iter()
        .flat_map(|e| &e.lines)
        .filter_map(|l| l.fc().map(|f| f.currency.to_string()))
        .collect();
    assert_eq!(currencies.into_iter().collect::<Vec<_>>(), ["CHF", "USD"]);
    let reversals = book
        .entries()
        .iter()
        .filter(|e| e.reverses.is_some())
        .count();
    assert!(reversals >= 10, "reversals: {reversals}");
    let rates = events
        .iter()
        .filter(|e| matches!(e, Event::Gl(GlEvent::ExchangeRateSet { .. })))
        .count();
    assert_eq!(rates, 24, "USD and CHF rates every month");
    let lines: usize = book.entries().iter().map(|e| e.lines.len()).sum();
    let per_entry = lines as f64 / book.entry_count() as f64;
    assert!(
        (3.0..=4.5).contains(&per_entry),
        "lines per entry: {per_entry}"
    );
    assert!(
        book.entries()
            .iter()
            .any(|e| e.lines.iter().any(|l| l.partner_code().is_some())),
        "invoices and payments are posted for their partners"
    );
}

/// Customers and vendors are paid through payments (one partner each),
/// some with cash discount; every partner payment clears what it paid.
#[test]
fn the_demo_year_pays_its_invoices_through_payments_some_with_discount() {
    let (book, _) = demo::build(&DemoSpec::one_year(2024), |_, _| {}).unwrap();
    let payments = book.payments().payments();
    assert!(payments.len() > 500, "{} payments", payments.len());
    let discounted = payments
        .iter()
        .filter(|p| p.payment.items.iter().any(|i| !i.discount.is_zero()))
        .count();
    assert!(discounted > 50, "{discounted} payments with discount");
    for record in payments {
        // The demo's posted bank statement has a G/L payment (a card
        // statement split by a rule): it has no partner and clears nothing.
        if record.payment.partner.is_none() {
            continue;
        }
        let clearing = record.payment.clearing.expect("a partner payment clears");
        assert!(book.open_items().clearing(clearing).is_some());
        for paid in &record.payment.items {
            let item = book.open_items().item(paid.item).unwrap();
            assert!(item.cleared.iter().any(|c| c.number == clearing));
        }
    }
}

#[test]
fn larger_books_open_further_fiscal_years() {
    let spec = DemoSpec {
        seed: 5,
        chart: ChartTemplate::Skr03,
        first_year: 2020,
        entries: 60_000,
        vat: VatPosting::TaxCodes,
    };
    assert_eq!(spec.years(), 3);
    let commands = demo::generate(&spec).unwrap();
    let opened: Vec<i32> = commands
        .iter()
        .filter_map(|c| match c {
            Command::Gl(GlCommand::OpenFiscalYear { year }) => Some(*year),
            _ => None,
        })
        .collect();
    assert_eq!(opened, [2021, 2022]);
}

#[test]
fn unsupported_specs_are_refused() {
    let generic = DemoSpec {
        chart: ChartTemplate::Generic,
        ..DemoSpec::one_year(1)
    };
    assert!(matches!(
        demo::commands(&generic),
        Err(DemoError::UnsupportedChart { .. })
    ));
    let huge = DemoSpec {
        entries: demo::MAX_DEMO_ENTRIES + 1,
        ..DemoSpec::one_year(1)
    };
    assert!(matches!(
        demo::commands(&huge),
        Err(DemoError::TooManyEntries { .. })
    ));
}

#[test]
fn a_demo_before_the_tax_codes_rates_is_refused() {
    let early = DemoSpec {
        first_year: demo::MIN_FIRST_YEAR - 1,
        ..DemoSpec::one_year(1)
    };
    assert!(matches!(
        demo::commands(&early),
        Err(DemoError::YearOutOfRange { year }) if year == demo::MIN_FIRST_YEAR - 1
    ));
    let first = DemoSpec {
        first_year: demo::MIN_FIRST_YEAR,
        entries: 300,
        ..DemoSpec::one_year(1)
    };
    assert!(demo::build(&first, |_, _| {}).is_ok());
}

/// The demo posts sales, purchases, rent and expenses with tax codes, so
/// a trainer's VAT return has figures, and they agree with the VAT
/// accounts the engine posted to.
#[test]
fn the_demo_year_has_a_vat_return_that_matches_its_vat_accounts() {
    for (chart, output, input) in [
        (ChartTemplate::Skr03, ["1776", "1771"], ["1576", "1571"]),
        (ChartTemplate::Skr04, ["3806", "3801"], ["1406", "1401"]),
    ] {
        let spec = DemoSpec {
            chart,
            ..DemoSpec::one_year(5)
        };
        let (book, _) = demo::build(&spec, |_, _| {}).unwrap();
        let cal = book.calendar();
        let (first, last) = (cal.reference(0), cal.reference(cal.period_count() - 1));
        let tb = book.trial_balance(first, last).unwrap();
        let movement = |accounts: [&str; 2]| -> Decimal {
            tb.rows
                .iter()
                .filter(|r| accounts.contains(&r.account.as_str()))
                .map(|r| r.credit_lc - r.debit_lc)
                .sum()
        };
        let year = book.vat_return(first, last).unwrap();
        assert_eq!(year.output_tax_lc, movement(output), "{chart:?}");
        assert_eq!(year.input_tax_lc, -movement(input), "{chart:?}");
        assert_eq!(year.payable_lc, year.output_tax_lc - year.input_tax_lc);
        assert!(year.unknown_codes.is_empty());
        let boxes = |report: &kontor::ledger::report::VatReturn| {
            report
                .rows
                .iter()
                .filter(|r| !r.base_lc.is_zero() || !r.tax_lc.is_zero())
                .filter_map(|r| r.base_box.or(r.tax_box).map(|k| k.0))
                .collect::<std::collections::BTreeSet<u8>>()
        };
        assert!(
            [81, 86, 43, 66].iter().all(|k| boxes(&year).contains(k)),
            "{chart:?}: {:?}",
            boxes(&year)
        );
        // Every month on its own: 19 % and 7 % sales and input VAT.
        for p in 0..cal.period_count() {
            let month = book.vat_return(cal.reference(p), cal.reference(p)).unwrap();
            assert!(
                [81, 86, 66].iter().all(|k| boxes(&month).contains(k)),
                "{chart:?} period {p}: {:?}",
                boxes(&month)
            );
            assert!(month.output_tax_lc > Decimal::ZERO);
        }
    }
}

/// The benchmark shape: the generator writes the VAT lines itself, one per
/// rate and invoice, without tax codes; the same business otherwise, so
/// the VAT accounts carry the same kind of totals and every entry balances.
#[test]
fn explicit_vat_lines_post_to_the_vat_accounts_without_tax_codes() {
    let coded = DemoSpec::one_year(3);
    let explicit = DemoSpec {
        vat: VatPosting::ExplicitLines,
        ..coded
    };
    let (coded_book, _) = demo::build(&coded, |_, _| {}).unwrap();
    let (book, _) = demo::build(&explicit, |_, _| {}).unwrap();
    assert_eq!(book.entry_count(), coded_book.entry_count());
    let lines = |b: &kontor::ledger::Book| b.entries().iter().map(|e| e.lines.len()).sum::<usize>();
    let per_entry = lines(&book) as f64 / book.entry_count() as f64;
    assert!(
        (3.0..4.5).contains(&per_entry),
        "{per_entry} lines per entry"
    );
    assert!(lines(&book) < lines(&coded_book));
    assert!(
        book.entries()
            .iter()
            .flat_map(|e| &e.lines)
            .all(|l| l.tax_code().is_none() && l.tax().is_none())
    );
    let cal = book.calendar();
    let (first, last) = (cal.reference(0), cal.reference(cal.period_count() - 1));
    let tb = book.trial_balance(first, last).unwrap();
    assert_eq!(tb.total_debit_lc, tb.total_credit_lc);
    for vat_account in ["1776", "1771", "1576", "1571"] {
        let row = tb
            .rows
            .iter()
            .find(|r| r.account.as_str() == vat_account)
            .unwrap();
        assert!(
            !row.closing_lc.is_zero() || !row.debit_lc.is_zero(),
            "{vat_account}"
        );
    }
    assert!(book.vat_return(first, last).unwrap().rows.is_empty());
}

#[test]
fn the_demo_sets_its_data_entry_rules_last_in_warning_mode() {
    use kontor::ledger::gl::RuleMode;
    for (chart, cash) in [
        (ChartTemplate::Skr03, "1000"),
        (ChartTemplate::Skr04, "1600"),
    ] {
        let (book, events) = demo::build(&small(7, chart), |_, _| {}).unwrap();
        assert!(
            matches!(
                &events[events.len() - 2..],
                [
                    Event::Gl(GlEvent::EntryRulesSet { .. }),
                    Event::Gl(GlEvent::DisplayDecimalsSet { .. })
                ]
            ),
            "the rules and display decimals come last, after every generated entry"
        );
        assert_eq!(*book.gl().display_decimals(), demo::rules::DEMO_DISPLAY);
        let rules = book.gl().entry_rules();
        assert_eq!(rules.reference, RuleMode::Warn);
        assert_eq!(rules.cash_negative, RuleMode::Warn);
        assert_eq!(rules.date_window, RuleMode::Off);
        let named: Vec<String> = rules.cash_accounts.iter().map(|a| a.to_string()).collect();
        assert_eq!(named, [cash]);
        // The demo never takes its cash box below zero.
        let balance = book.gl().balance_lc(rules.cash_accounts[0]);
        assert!(balance >= Decimal::ZERO, "{chart:?}: cash {balance}");
    }
}

#[test]
fn the_demo_offers_numbering_series_that_start_unused() {
    let (book, _) = demo::build(&small(7, ChartTemplate::Skr03), |_, _| {}).unwrap();
    let numbering = book.gl().numbering();
    let codes: Vec<_> = numbering.series().iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["AR", "ER", "KA", "UB"]);
    let year = book.entries()[0].fiscal_year;
    assert_eq!(numbering.next("KA", year, 0), Ok(1));
    assert!(codes.iter().all(|c| !numbering.in_use(c)));
}

#[test]
fn the_demo_offers_roles_but_no_users_so_everyone_keeps_every_right() {
    use kontor::ledger::gl::{Area, Level, PasswordPolicy};
    let (book, _) = demo::build(&small(7, ChartTemplate::Skr03), |_, _| {}).unwrap();
    let access = book.gl().access();
    let codes: Vec<_> = access.roles().iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes, ["BUCHH", "ZAHL", "PRUEF"]);
    assert!(!access.has_users());
    assert_eq!(access.level("kontor", Area::DeleteCompany), Level::Full);
    let auditor = access.role("PRUEF").unwrap();
    assert!(Area::ALL.iter().all(|a| auditor.level(*a) != Level::Full));
    // A policy of its own, stricter than the default a new company has.
    let policy = book.gl().password_policy();
    assert_eq!(*policy, demo::roles::POLICY);
    assert!(policy.min_length > PasswordPolicy::default().min_length);
    assert_eq!(policy.validate(), Ok(()));
}
