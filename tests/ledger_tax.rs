//! Specification tests of tax codes (Steuerkennzeichen) and the VAT return
//! (UStVA): golden postings for 19 % net and gross, 7 %, a mixed invoice,
//! intra-EU acquisition and § 13b (both sides), the 2020 rate cut, per-line
//! rounding, and the UStVA figures of a month against a hand computation.

use chrono::NaiveDate;
use kontor::formats::csv::Dialect;
use kontor::formats::report_csv::vat_return_csv;
use kontor::ledger::DomainError;
use kontor::ledger::posting::{EntryDraft, LineDraft, preview_entry};
use kontor::ledger::report::vat_return::VatReturnRow;
use kontor::ledger::sample::{Rng, sample_settings, sample_setup};
use kontor::ledger::tax::{Kennzahl, TaxDirection, TaxKind, TaxRate};
use kontor::ledger::types::AccountNo;
use kontor::ledger::types::LineRef;
use kontor::ledger::types::PeriodRef;
use kontor::ledger::types::Side;
use kontor::ledger::types::TaxPart;
use kontor::ledger::types::{EntryId, Line, PostedEntry};
use kontor::ledger::{Book, Command, Event};
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

fn taxed(line: LineDraft, code: &str) -> LineDraft {
    LineDraft {
        tax_code: Some(code.into()),
        ..line
    }
}

fn gross(line: LineDraft, code: &str) -> LineDraft {
    LineDraft {
        gross: true,
        ..taxed(line, code)
    }
}

fn post_cmd(date: NaiveDate, lines: Vec<LineDraft>) -> Command {
    Command::Posting(PostingCommand::PostEntry {
        draft: EntryDraft::new(date, "anna", lines),
    })
}

fn post(b: &mut Book, date: NaiveDate, lines: Vec<LineDraft>) -> PostedEntry {
    let events = b.execute(&post_cmd(date, lines)).unwrap();
    match events.last() {
        Some(Event::EntryPosted { entry }) => {
            assert_eq!(entry.imbalance(), (Decimal::ZERO, Decimal::ZERO));
            entry.clone()
        }
        other => panic!("expected an entry, got {other:?}"),
    }
}

/// (account, side, amount, tax part of a generated line)
type Expected<'a> = (&'a str, Side, Decimal, Option<TaxPart>);

fn assert_lines(lines: &[Line], expected: &[Expected]) {
    let got: Vec<(String, Side, Decimal, Option<TaxPart>)> = lines
        .iter()
        .map(|l| {
            (
                l.account.to_string(),
                l.side,
                l.amount_lc,
                l.tax().map(|t| t.part),
            )
        })
        .collect();
    let want: Vec<(String, Side, Decimal, Option<TaxPart>)> = expected
        .iter()
        .map(|(acc, side, amount, part)| (acc.to_string(), *side, *amount, *part))
        .collect();
    assert_eq!(got, want);
}

use Side::{Credit as C, Debit as D};
use kontor::ledger::gl::GlCommand;
use kontor::ledger::journal::JournalError;
use kontor::ledger::posting::PostingCommand;
use kontor::ledger::tax::TaxCommand;
use kontor::ledger::tax::TaxError;

// ----- templates -----

#[test]
fn skr03_and_skr04_setup_seeds_the_default_tax_codes_with_real_accounts() {
    let b = book();
    let codes: Vec<&str> = b.tax_codes().map(|c| c.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "IGE19", "IGL", "RC19", "RCB19", "U0", "U19", "U7", "UFO", "V19", "V7"
        ]
    );
    let v19 = b.tax_code("V19").unwrap();
    assert_eq!(v19.input_account, Some(a("1576")));
    assert_eq!(v19.input_tax_box, Some(Kennzahl(66)));
    let ige = b.tax_code("IGE19").unwrap();
    assert_eq!(ige.kind, TaxKind::IntraEuAcquisition);
    assert_eq!(
        (ige.input_account, ige.output_account),
        (Some(a("1574")), Some(a("1774")))
    );
    let rc = b.tax_code("RC19").unwrap();
    assert_eq!(
        (rc.input_account, rc.output_account),
        (Some(a("1577")), Some(a("1787")))
    );
    assert_eq!(
        (rc.base_box, rc.output_tax_box, rc.input_tax_box),
        (Some(Kennzahl(46)), Some(Kennzahl(47)), Some(Kennzahl(67)))
    );

    let mut settings = sample_settings();
    settings.chart = kontor::ledger::gl::ChartTemplate::Skr04;
    let (skr04, _) = Book::set_up(&kontor::ledger::setup::Setup {
        settings,
        first_fiscal_year: 2024,
    })
    .unwrap();
    let accounts = |code: &str| {
        let c = skr04.tax_code(code).unwrap();
        (c.output_account, c.input_account)
    };
    assert_eq!(accounts("U19"), (Some(a("3806")), None));
    assert_eq!(accounts("U7"), (Some(a("3801")), None));
    assert_eq!(accounts("V19"), (None, Some(a("1406"))));
    assert_eq!(accounts("V7"), (None, Some(a("1401"))));
    assert_eq!(accounts("IGE19"), (Some(a("3804")), Some(a("1404"))));
    assert_eq!(accounts("RC19"), (Some(a("3837")), Some(a("1407"))));
}

// ----- golden postings -----

#[test]
fn expense_of_100_net_with_19_percent_input_tax_posts_19_to_1576() {
    let mut b = book();
    let e = post(
        &mut b,
        d(2024, 3, 5),
        vec![
            taxed(LineDraft::debit_lc(a("4930"), dec!(100.00)), "V19"),
            LineDraft::credit_lc(a("1200"), dec!(119.00)),
        ],
    );
    assert_lines(
        &e.lines,
        &[
            ("4930", D, dec!(100.00), None),
            ("1576", D, dec!(19.00), Some(TaxPart::Input)),
            ("1200", C, dec!(119.00), None),
        ],
    );
    let tax = e.lines[1].tax().unwrap();
    assert_eq!(
        (tax.code.as_str(), tax.percent, tax.base_lc, tax.base_line),
        ("V19", dec!(19), dec!(100.00), 0)
    );
    assert_eq!(e.lines[0].tax_code(), Some("V19"));
    assert_eq!(e.lines[1].tax_code(), None);
}

#[test]
fn gross_entry_of_119_splits_into_100_net_and_19_tax() {
    let mut b = book();
    let e = post(
        &mut b,
        d(2024, 3, 5),
        vec![
            gross(LineDraft::debit_lc(a("4930"), dec!(119.00)), "V19"),
            LineDraft::credit_lc(a("1200"), dec!(119.00)),
        ],
    );
    assert_lines(
        &e.lines,
        &[
            ("4930", D, dec!(100.00), None),
            ("1576", D, dec!(19.00), Some(TaxPart::Input)),
            ("1200", C, dec!(119.00), None),
        ],
    );
    // 10.00 gross: tax 1.596… → 1.60, net the rest.
    let e = post(
        &mut b,
        d(2024, 3, 5),
        vec![
            LineDraft::debit_lc(a("1200"), dec!(10.00)),
            gross(LineDraft::credit_lc(a("8400"), dec!(10.00)), "U19"),
        ],
    );
    assert_lines(
        &e.lines,
        &[
            ("1200", D, dec!(10.00), None),
            ("8400", C, dec!(8.40), None),
            ("1776", C, dec!(1.60), Some(TaxPart::Output)),
        ],
    );
}

#[test]
fn sale_at_7_percent_posts_output_tax_to_1771() {
    let mut b = book();
    let e = post(
        &mut b,
        d(2024, 3, 5),
        vec![
            LineDraft::debit_lc(a("1360"), dec!(214.00)),
            taxed(LineDraft::credit_lc(a("8300"), dec!(200.00)), "U7"),
        ],
    );
    assert_lines(
        &e.lines,
        &[
            ("1360", D, dec!(214.00), None),
            ("8300", C, dec!(200.00), None),
            ("1771", C, dec!(14.00), Some(TaxPart::Output)),
        ],
    );
}

#[test]
fn three_line_invoice_with_mixed_rates_generates_one_tax_line_per_taxed_line() {
    let mut b = book();
    let e = post(
        &mut b,
        d(2024, 3, 5),
        vec![
            LineDraft::debit_lc(a("1360"), dec!(202.50)),
            taxed(LineDraft::credit_lc(a("8400"), dec!(100.00)), "U19"),
            taxed(LineDraft::credit_lc(a("8300"), dec!(50.00)), "U7"),
            taxed(LineDraft::credit_lc(a("8125"), dec!(30.00)), "IGL"),
        ],
    );
    assert_lines(
        &e.lines,
        &[
            ("1360", D, dec!(202.50), None),
            ("8400", C, dec!(100.00), None),
            ("1776", C, dec!(19.00), Some(TaxPart::Output)),
            ("8300", C, dec!(50.00), None),
            ("1771", C, dec!(3.50), Some(TaxPart::Output)),
            ("8125", C, dec!(30.00), None),
        ],
    );
    assert_eq!(e.lines[4].tax().unwrap().base_line, 3);
}

#[test]
fn intra_eu_acquisition_posts_input_and_output_tax_that_net_to_zero() {
    let mut b = book();
    let e = post(
        &mut b,
        d(2024, 3, 5),
        vec![
            taxed(LineDraft::debit_lc(a("3425"), dec!(1000.00)), "IGE19"),
            LineDraft::credit_lc(a("1700"), dec!(1000.00)),
        ],
    );
    assert_lines(
        &e.lines,
        &[
            ("3425", D, dec!(1000.00), None),
            ("1574", D, dec!(190.00), Some(TaxPart::Input)),
            ("1774", C, dec!(190.00), Some(TaxPart::Output)),
            ("1700", C, dec!(1000.00), None),
        ],
    );
}

#[test]
fn reverse_charge_13b_posts_both_sides_and_gross_mode_means_net() {
    let mut b = book();
    let e = post(
        &mut b,
        d(2024, 3, 5),
        vec![
            gross(LineDraft::debit_lc(a("3123"), dec!(500.00)), "RC19"),
            LineDraft::credit_lc(a("1700"), dec!(500.00)),
        ],
    );
    assert_lines(
        &e.lines,
        &[
            ("3123", D, dec!(500.00), None),
            ("1577", D, dec!(95.00), Some(TaxPart::Input)),
            ("1787", C, dec!(95.00), Some(TaxPart::Output)),
            ("1700", C, dec!(500.00), None),
        ],
    );
}

#[test]
fn the_2020_rate_cut_applies_16_percent_from_july_to_december_only() {
    let (mut b, _) = Book::set_up(&sample_setup(2020)).unwrap();
    b.execute(&Command::Gl(GlCommand::OpenFiscalYear { year: 2021 }))
        .unwrap();
    let sale = |b: &mut Book, date| {
        let e = post(
            b,
            date,
            vec![
                gross(LineDraft::debit_lc(a("1360"), dec!(116.00)), "V19"),
                LineDraft::credit_lc(a("1200"), dec!(116.00)),
            ],
        );
        (e.lines[0].amount_lc, e.lines[1].amount_lc)
    };
    assert_eq!(sale(&mut b, d(2020, 6, 30)), (dec!(97.48), dec!(18.52)));
    assert_eq!(sale(&mut b, d(2020, 7, 1)), (dec!(100.00), dec!(16.00)));
    assert_eq!(sale(&mut b, d(2020, 12, 31)), (dec!(100.00), dec!(16.00)));
    assert_eq!(sale(&mut b, d(2021, 1, 1)), (dec!(97.48), dec!(18.52)));
    let u7 = b.tax_code("U7").unwrap();
    assert_eq!(u7.rate_on(d(2020, 7, 1)), Ok(dec!(5)));
    assert_eq!(u7.rate_on(d(2021, 1, 1)), Ok(dec!(7)));
}

#[test]
fn tax_is_rounded_per_line_half_away_from_zero() {
    let mut b = book();
    // 1.03 × 19 % = 0.1957 → 0.20 per line; 0.50 × 7 % = 0.035 → 0.04.
    let e = post(
        &mut b,
        d(2024, 3, 5),
        vec![
            taxed(LineDraft::debit_lc(a("4930"), dec!(1.03)), "V19"),
            taxed(LineDraft::debit_lc(a("4930"), dec!(1.03)), "V19"),
            taxed(LineDraft::debit_lc(a("3300"), dec!(0.50)), "V7"),
            LineDraft::credit_lc(a("1200"), dec!(3.00)),
        ],
    );
    let taxes: Vec<Decimal> = e
        .lines
        .iter()
        .filter(|l| l.tax().is_some())
        .map(|l| l.amount_lc)
        .collect();
    assert_eq!(taxes, vec![dec!(0.20), dec!(0.20), dec!(0.04)]);
    // A tax that rounds to zero generates no line.
    let e = post(
        &mut b,
        d(2024, 3, 5),
        vec![
            taxed(LineDraft::debit_lc(a("4930"), dec!(0.02)), "V19"),
            LineDraft::credit_lc(a("1200"), dec!(0.02)),
        ],
    );
    assert_eq!(e.lines.len(), 2);
}

#[test]
fn a_credit_note_reverses_the_sides_of_its_tax_line() {
    let mut b = book();
    let e = post(
        &mut b,
        d(2024, 3, 5),
        vec![
            taxed(LineDraft::debit_lc(a("8400"), dec!(50.00)), "U19"),
            LineDraft::credit_lc(a("1360"), dec!(59.50)),
        ],
    );
    assert_lines(
        &e.lines,
        &[
            ("8400", D, dec!(50.00), None),
            ("1776", D, dec!(9.50), Some(TaxPart::Output)),
            ("1360", C, dec!(59.50), None),
        ],
    );
}

// ----- refusals -----

#[test]
fn unknown_inactive_and_rateless_tax_codes_are_refused_with_the_line() {
    let mut b = book();
    let cmd = |code: &str| {
        post_cmd(
            d(2024, 3, 5),
            vec![
                LineDraft::debit_lc(a("1200"), dec!(119.00)),
                taxed(LineDraft::credit_lc(a("8400"), dec!(100.00)), code),
            ],
        )
    };
    assert_eq!(
        b.check(&cmd("X99")),
        Err(DomainError::Tax(TaxError::TaxCodeUnknown {
            line: Some(1),
            code: "X99".into()
        }))
    );
    let mut u19 = b.tax_code("U19").unwrap().clone();
    u19.active = false;
    b.execute(&Command::Tax(TaxCommand::UpdateTaxCode {
        tax_code: u19.clone(),
    }))
    .unwrap();
    assert_eq!(
        b.check(&cmd("U19")),
        Err(DomainError::Tax(TaxError::TaxCodeInactive {
            line: 1,
            code: "U19".into()
        }))
    );
    let mut late = u19;
    late.code = "U19L".into();
    late.active = true;
    late.rates = vec![TaxRate {
        valid_from: d(2025, 1, 1),
        percent: dec!(19),
    }];
    b.execute(&Command::Tax(TaxCommand::CreateTaxCode { tax_code: late }))
        .unwrap();
    assert_eq!(
        b.check(&cmd("U19L")),
        Err(DomainError::Tax(TaxError::TaxRateMissing {
            code: "U19L".into(),
            date: d(2024, 3, 5)
        }))
    );
}

#[test]
fn tax_code_definitions_are_checked() {
    let mut b = book();
    let base = b.tax_code("V19").unwrap().clone();
    let refused = |b: &mut Book, tc| {
        let before = b.clone();
        let err = b
            .execute(&Command::Tax(TaxCommand::CreateTaxCode { tax_code: tc }))
            .unwrap_err();
        assert_eq!(*b, before);
        err
    };
    assert_eq!(
        refused(&mut b, base.clone()),
        DomainError::Tax(TaxError::TaxCodeExists { code: "V19".into() })
    );
    let mut bad = base.clone();
    bad.code = "V 19".into();
    assert_eq!(
        refused(&mut b, bad),
        DomainError::Tax(TaxError::InvalidTaxCode {
            code: "V 19".into(),
            max: kontor::ledger::types::limits::MAX_TAX_CODE_LEN
        })
    );
    let mut no_account = base.clone();
    no_account.code = "VX".into();
    no_account.input_account = None;
    assert_eq!(
        refused(&mut b, no_account),
        DomainError::Tax(TaxError::TaxAccountMissing {
            code: "VX".into(),
            part: TaxPart::Input
        })
    );
    let mut title = base.clone();
    title.code = "VT".into();
    title.input_account = Some(a("1"));
    assert_eq!(
        refused(&mut b, title),
        DomainError::Tax(TaxError::TaxAccountInvalid {
            code: "VT".into(),
            account: a("1")
        })
    );
    let mut unordered = base.clone();
    unordered.code = "VU".into();
    unordered.rates.reverse();
    assert!(matches!(
        refused(&mut b, unordered),
        DomainError::Tax(TaxError::TaxRateInvalid { .. })
    ));
    let mut output_rc = b.tax_code("RC19").unwrap().clone();
    output_rc.code = "RCO".into();
    output_rc.direction = TaxDirection::Output;
    assert_eq!(
        refused(&mut b, output_rc),
        DomainError::Tax(TaxError::TaxCodeDirection { code: "RCO".into() })
    );
    let mut unknown = base;
    unknown.code = "NEW".into();
    let before = b.clone();
    assert_eq!(
        b.execute(&Command::Tax(TaxCommand::UpdateTaxCode {
            tax_code: unknown
        })),
        Err(DomainError::Tax(TaxError::TaxCodeUnknown {
            line: None,
            code: "NEW".into()
        }))
    );
    assert_eq!(b, before);
}

#[test]
fn gross_entry_in_foreign_currency_is_refused() {
    let mut b = book();
    b.execute(&Command::Gl(GlCommand::SetExchangeRate {
        currency: kontor::ledger::types::Currency::USD,
        date: d(2024, 1, 1),
        rate_fc_per_lc: dec!(1.1),
    }))
    .unwrap();
    let line = gross(LineDraft::debit_lc(a("4930"), dec!(110)), "V19")
        .in_fc(kontor::ledger::types::Currency::USD, None);
    assert_eq!(
        b.check(&post_cmd(
            d(2024, 3, 5),
            vec![line, LineDraft::credit_lc(a("1200"), dec!(100))]
        )),
        Err(DomainError::Tax(TaxError::GrossForeignCurrency { line: 0 }))
    );
}

// ----- preview -----

#[test]
fn preview_shows_tax_lines_of_an_unfinished_draft_line_by_line() {
    let b = book();
    let draft = EntryDraft::new(
        d(2024, 3, 5),
        "anna",
        vec![
            taxed(LineDraft::debit_lc(a("4930"), dec!(100.00)), "V19"),
            taxed(LineDraft::debit_lc(a("4930"), dec!(10.00)), "NOPE"),
        ],
    );
    let preview = preview_entry(b.context(), &draft);
    let first = preview.lines[0].lines.as_ref().unwrap();
    assert_lines(
        first,
        &[
            ("4930", D, dec!(100.00), None),
            ("1576", D, dec!(19.00), Some(TaxPart::Input)),
        ],
    );
    assert!(matches!(
        preview.lines[1].lines,
        Err(JournalError::Tax(TaxError::TaxCodeUnknown {
            line: Some(1),
            ..
        }))
    ));
    assert_eq!(preview.diff_lc, dec!(119.00));
}

// ----- VAT return -----

fn march() -> PeriodRef {
    PeriodRef {
        fiscal_year: 2024,
        period: 3,
    }
}

fn row(
    k: u8,
    tax_box: Option<u8>,
    base: Decimal,
    tax: Decimal,
) -> (Option<u8>, Option<u8>, Decimal, Decimal) {
    (Some(k), tax_box, base, tax)
}

fn rows(r: &[VatReturnRow]) -> Vec<(Option<u8>, Option<u8>, Decimal, Decimal)> {
    r.iter()
        .map(|x| {
            (
                x.base_box.map(|k| k.0),
                x.tax_box.map(|k| k.0),
                x.base_lc,
                x.tax_lc,
            )
        })
        .collect()
}

#[test]
fn ustva_of_a_month_equals_the_hand_computed_figures() {
    let mut b = book();
    // February: not in the March return.
    post(
        &mut b,
        d(2024, 2, 28),
        vec![
            LineDraft::debit_lc(a("1360"), dec!(1188.81)),
            taxed(LineDraft::credit_lc(a("8400"), dec!(999.00)), "U19"),
        ],
    );
    let sale = post(
        &mut b,
        d(2024, 3, 1),
        vec![
            LineDraft::debit_lc(a("1360"), dec!(1190.00)),
            taxed(LineDraft::credit_lc(a("8400"), dec!(1000.00)), "U19"),
        ],
    );
    post(
        &mut b,
        d(2024, 3, 2),
        vec![
            LineDraft::debit_lc(a("1360"), dec!(714.00)),
            taxed(LineDraft::credit_lc(a("8300"), dec!(200.00)), "U7"),
            taxed(LineDraft::credit_lc(a("8125"), dec!(500.00)), "IGL"),
        ],
    );
    post(
        &mut b,
        d(2024, 3, 10),
        vec![
            taxed(LineDraft::debit_lc(a("3400"), dec!(300.00)), "V19"),
            taxed(LineDraft::debit_lc(a("3300"), dec!(100.00)), "V7"),
            LineDraft::credit_lc(a("1700"), dec!(464.00)),
        ],
    );
    post(
        &mut b,
        d(2024, 3, 12),
        vec![
            taxed(LineDraft::debit_lc(a("3425"), dec!(1000.00)), "IGE19"),
            LineDraft::credit_lc(a("1700"), dec!(1000.00)),
        ],
    );
    post(
        &mut b,
        d(2024, 3, 15),
        vec![
            taxed(LineDraft::debit_lc(a("3123"), dec!(400.00)), "RC19"),
            LineDraft::credit_lc(a("1700"), dec!(400.00)),
        ],
    );
    // Posted and reversed within March: nets out.
    let wrong = post(
        &mut b,
        d(2024, 3, 20),
        vec![
            LineDraft::debit_lc(a("1360"), dec!(59.50)),
            taxed(LineDraft::credit_lc(a("8400"), dec!(50.00)), "U19"),
        ],
    );
    b.execute(&Command::Posting(PostingCommand::ReverseEntry {
        entry: wrong.id,
        date: Some(d(2024, 3, 21)),
        user: "anna".into(),
    }))
    .unwrap();

    let report = b.vat_return(march(), march()).unwrap();
    assert_eq!(
        rows(&report.rows),
        vec![
            row(41, None, dec!(500.00), dec!(0)),
            row(81, None, dec!(1000.00), dec!(190.00)),
            row(86, None, dec!(200.00), dec!(14.00)),
            row(89, None, dec!(1000.00), dec!(190.00)),
            row(46, Some(47), dec!(400.00), dec!(76.00)),
            (None, Some(66), dec!(0), dec!(64.00)),
            (None, Some(61), dec!(0), dec!(190.00)),
            (None, Some(67), dec!(0), dec!(76.00)),
        ]
    );
    // Every form line has a tax amount except the tax-free supply (Kz 41):
    // 81, 86 and 89 carry theirs in the column beside the base.
    let has_tax: Vec<(u8, bool)> = report
        .rows
        .iter()
        .filter_map(|r| Some((r.base_box.or(r.tax_box)?.0, r.has_tax)))
        .collect();
    assert_eq!(
        has_tax,
        vec![
            (41, false),
            (81, true),
            (86, true),
            (89, true),
            (46, true),
            (66, true),
            (61, true),
            (67, true)
        ]
    );
    assert_eq!(report.output_tax_lc, dec!(470.00));
    assert_eq!(report.input_tax_lc, dec!(330.00));
    assert_eq!(report.payable_lc, dec!(140.00));
    assert!(report.unknown_codes.is_empty());

    // Drill-down: Kz 81 is fed by the sale (base + tax) and the reversed
    // pair (2 + 2 lines).
    let kz81 = &report.rows[1];
    assert_eq!(kz81.lines.len(), 6);
    let first = kz81.lines[0];
    let (entry, line) = b.line(first).unwrap();
    assert_eq!((entry.id, line.account), (sale.id, a("8400")));
    assert_eq!(first, LineRef { entry: 1, line: 1 });

    // The quarter adds February.
    let q1 = b
        .vat_return(
            PeriodRef {
                fiscal_year: 2024,
                period: 1,
            },
            march(),
        )
        .unwrap();
    assert_eq!(q1.rows[1].base_lc, dec!(1999.00));
    assert_eq!(q1.rows[1].base_whole_lc(), dec!(1999));
    assert_eq!(q1.payable_lc, dec!(329.81));

    assert_eq!(
        vat_return_csv(&report, 2, Dialect::German),
        "Kennzahl Bemessungsgrundlage;Bemessungsgrundlage;Kennzahl Steuer;Steuer;Steuerkennzeichen\r\n\
         41;500,00;;;IGL\r\n\
         81;1000,00;;190,00;U19\r\n\
         86;200,00;;14,00;U7\r\n\
         89;1000,00;;190,00;IGE19\r\n\
         46;400,00;47;76,00;RC19\r\n\
         ;;66;64,00;V19 V7\r\n\
         ;;61;190,00;IGE19\r\n\
         ;;67;76,00;RC19\r\n\
         ;;83;140,00;\r\n"
    );
}

/// Tax in whole cents of an amount in cents at a rate in whole percent,
/// by integer arithmetic (no decimals, no rounding library): the rounded
/// quotient of `cents × rate` by `divisor`, half a cent rounded up (all
/// amounts here are positive, so up is away from zero).
fn tax_cents(cents: i64, rate: i64, divisor: i64) -> i64 {
    (2 * cents * rate + divisor) / (2 * divisor)
}

fn cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

/// Amounts typed without cents (`800`) are written with the currency's
/// decimals: `800,00` and `152,00`, never `800` or `800,0`; a figure that
/// nets to zero is `0,00`.
#[test]
fn vat_return_csv_writes_every_amount_with_the_currency_decimals() {
    let mut b = book();
    post(
        &mut b,
        d(2024, 3, 5),
        vec![
            LineDraft::debit_lc(a("1360"), dec!(952)),
            taxed(LineDraft::credit_lc(a("8400"), dec!(800.0)), "U19"),
        ],
    );
    let report = b.vat_return(march(), march()).unwrap();
    assert_eq!(
        vat_return_csv(&report, 2, Dialect::German),
        "Kennzahl Bemessungsgrundlage;Bemessungsgrundlage;Kennzahl Steuer;Steuer;Steuerkennzeichen\r\n\
         81;800,00;;152,00;U19\r\n\
         ;;83;152,00;\r\n"
    );

    // April: a sale and its reversal net to zero.
    let april = PeriodRef {
        fiscal_year: 2024,
        period: 4,
    };
    let sale = post(
        &mut b,
        d(2024, 4, 5),
        vec![
            LineDraft::debit_lc(a("1360"), dec!(119)),
            taxed(LineDraft::credit_lc(a("8400"), dec!(100)), "U19"),
        ],
    );
    b.execute(&Command::Posting(PostingCommand::ReverseEntry {
        entry: sale.id,
        date: Some(d(2024, 4, 6)),
        user: "anna".into(),
    }))
    .unwrap();
    let report = b.vat_return(april, april).unwrap();
    assert!(
        vat_return_csv(&report, 2, Dialect::English)
            .ends_with("\r\n81,0.00,,0.00,U19\r\n,,83,0.00,\r\n")
    );
    assert!(
        vat_return_csv(&report, 2, Dialect::English)
            .starts_with("Base box,Tax base,Tax box,Tax,Tax codes\r\n")
    );
}

/// A generated month of sales and purchases with random amounts and
/// codes. The expectation does not follow the engine's formula: each
/// invoice's tax is worked out by hand in integer cents from the rates as
/// the law states them (19 and 7 %; net: net × rate / 100, gross: gross ×
/// rate / (100 + rate)), and the return is also compared with the
/// accounts: each revenue or expense account carries exactly one code's
/// bases and each VAT account one code's taxes, read from the trial
/// balance.
#[test]
fn ustva_of_a_generated_month_equals_an_independent_computation() {
    let mut b = book();
    let mut rng = Rng::new(7);
    // (code, base account, tax account, rate in %, sale)
    let codes = [
        ("U19", "8400", "1776", 19, true),
        ("U7", "8300", "1771", 7, true),
        ("V19", "3400", "1576", 19, false),
        ("V7", "3300", "1571", 7, false),
    ];
    let mut base = [0i64; 4];
    let mut tax = [0i64; 4];
    let mut gross_invoices = 0;
    for i in 0..200 {
        let k = rng.below(4) as usize;
        let (code, account, _, rate, sale) = codes[k];
        let typed = rng.below(500_000) as i64 + 1;
        let is_gross = rng.below(2) == 0;
        let (net, t) = if is_gross {
            let t = tax_cents(typed, rate, 100 + rate);
            (typed - t, t)
        } else {
            (typed, tax_cents(typed, rate, 100))
        };
        gross_invoices += usize::from(is_gross);
        base[k] += net;
        tax[k] += t;
        let mut line = if sale {
            LineDraft::credit_lc(a(account), cents(typed))
        } else {
            LineDraft::debit_lc(a(account), cents(typed))
        };
        line.tax_code = Some(code.into());
        line.gross = is_gross;
        let counter = if sale {
            LineDraft::debit_lc(a("1200"), cents(net + t))
        } else {
            LineDraft::credit_lc(a("1200"), cents(net + t))
        };
        post(&mut b, d(2024, 3, 1 + (i % 28) as u32), vec![line, counter]);
    }
    assert!((60..=140).contains(&gross_invoices), "{gross_invoices}");
    let report = b.vat_return(march(), march()).unwrap();
    let find = |base_box: Option<u8>, tax_box: Option<u8>| {
        report
            .rows
            .iter()
            .find(|r| r.base_box.map(|k| k.0) == base_box && r.tax_box.map(|k| k.0) == tax_box)
            .map(|r| (r.base_lc, r.tax_lc))
    };
    assert_eq!(find(Some(81), None), Some((cents(base[0]), cents(tax[0]))));
    assert_eq!(find(Some(86), None), Some((cents(base[1]), cents(tax[1]))));
    assert_eq!(
        find(None, Some(66)),
        Some((Decimal::ZERO, cents(tax[2] + tax[3])))
    );
    assert_eq!(report.rows.len(), 3);
    assert_eq!(report.output_tax_lc, cents(tax[0] + tax[1]));
    assert_eq!(report.input_tax_lc, cents(tax[2] + tax[3]));
    assert_eq!(report.payable_lc, cents(tax[0] + tax[1] - tax[2] - tax[3]));

    // The accounts say the same: bases on the revenue and expense
    // accounts, taxes on the VAT accounts, each sale credit, each purchase
    // debit.
    let tb = b.trial_balance(march(), march()).unwrap();
    let movement = |n: &str, sale: bool| {
        let row = tb.rows.iter().find(|r| r.account == a(n)).unwrap();
        let credit = row.credit_lc - row.debit_lc;
        if sale { credit } else { -credit }
    };
    for (k, (code, base_account, tax_account, _, sale)) in codes.into_iter().enumerate() {
        assert_eq!(movement(base_account, sale), cents(base[k]), "{code} base");
        assert_eq!(movement(tax_account, sale), cents(tax[k]), "{code} tax");
    }
}

#[test]
fn entries_with_tax_lines_replay_to_the_same_book() {
    let mut b = book();
    let mut events = Vec::new();
    for (code, account) in [("V19", "4930"), ("IGE19", "3425"), ("RC19", "3123")] {
        events.extend(
            b.execute(&post_cmd(
                d(2024, 4, 1),
                vec![
                    taxed(LineDraft::debit_lc(a(account), dec!(123.45)), code),
                    LineDraft::credit_lc(a("1700"), dec!(146.91)),
                ],
            ))
            .or_else(|_| {
                b.execute(&post_cmd(
                    d(2024, 4, 1),
                    vec![
                        taxed(LineDraft::debit_lc(a(account), dec!(123.45)), code),
                        LineDraft::credit_lc(a("1700"), dec!(123.45)),
                    ],
                ))
            })
            .unwrap(),
        );
    }
    let mut fresh = book();
    for e in &events {
        let body = kontor::ledger::event::encode(e);
        fresh
            .apply(&kontor::ledger::event::decode(&body).unwrap())
            .unwrap();
    }
    assert_eq!(fresh, b);
    assert_eq!(b.entry(EntryId(3)).unwrap().lines.len(), 4);
}
