//! Specification and property tests of cost accounting (Kostenrechnung):
//! dimensions, centres, distribution rules, the centre requirement and the
//! cost-centre report.

use chrono::{Days, NaiveDate};
use kontor::formats::csv::Dialect;
use kontor::formats::report_csv::cost_centre_csv;
use kontor::ledger::DomainError;
use kontor::ledger::Event;
use kontor::ledger::chain::ChainHead;
use kontor::ledger::costing::CostingCommand;
use kontor::ledger::costing::CostingError;
use kontor::ledger::costing::{
    CentreRequirement, CostCentre, Dimension, DistributionBasis, DistributionRule, RuleShare,
};
use kontor::ledger::event::encode;
use kontor::ledger::gl::AccountType;
use kontor::ledger::posting::PostingCommand;
use kontor::ledger::posting::{EntryDraft, LineDraft};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::AccountNo;
use kontor::ledger::types::CentreShare;
use kontor::ledger::types::PeriodRef;
use kontor::ledger::types::PostedEntry;
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn centre(dimension: u8, code: &str) -> CostCentre {
    CostCentre {
        dimension,
        code: code.into(),
        name_de: format!("Kostenstelle {code}"),
        name_en: String::new(),
        active: true,
        valid_from: None,
        valid_to: None,
    }
}

fn rule(code: &str, basis: DistributionBasis, shares: &[(&str, Decimal)]) -> DistributionRule {
    DistributionRule {
        dimension: 1,
        code: code.into(),
        name_de: format!("Regel {code}"),
        name_en: String::new(),
        basis,
        shares: shares
            .iter()
            .map(|(c, v)| RuleShare {
                centre: c.to_string(),
                value: *v,
            })
            .collect(),
        active: true,
        valid_from: None,
        valid_to: None,
    }
}

/// Commands after setup: dimension 1 (VERW, VERT, PROD), dimension 2
/// (P1), rule R532 (50/30/20 %) and rule QM (fixed 120/80 m²).
fn master_commands() -> Vec<Command> {
    let mut cmds = Vec::new();
    for (number, name) in [(1, "Kostenstelle"), (2, "Projekt")] {
        cmds.push(Command::Costing(CostingCommand::DefineDimension {
            dimension: Dimension {
                number,
                name_de: name.into(),
                name_en: String::new(),
                active: true,
            },
        }));
    }
    for code in ["VERW", "VERT", "PROD"] {
        cmds.push(Command::Costing(CostingCommand::CreateCostCentre {
            centre: centre(1, code),
        }));
    }
    cmds.push(Command::Costing(CostingCommand::CreateCostCentre {
        centre: centre(2, "P1"),
    }));
    cmds.push(Command::Costing(CostingCommand::CreateDistributionRule {
        rule: rule(
            "R532",
            DistributionBasis::Percent,
            &[("VERW", dec!(50)), ("VERT", dec!(30)), ("PROD", dec!(20))],
        ),
    }));
    cmds.push(Command::Costing(CostingCommand::CreateDistributionRule {
        rule: rule(
            "QM",
            DistributionBasis::Amount,
            &[("VERW", dec!(120)), ("PROD", dec!(80))],
        ),
    }));
    cmds
}

/// SKR03 company 2024 with the master data above, and its events.
fn book_and_events() -> (Book, Vec<Event>) {
    let (mut b, mut events) = Book::set_up(&sample_setup(2024)).unwrap();
    for cmd in master_commands() {
        events.extend(b.execute(&cmd).unwrap());
    }
    (b, events)
}

fn book() -> Book {
    book_and_events().0
}

fn with_dims(line: LineDraft, dim1: Option<&str>, dim2: Option<&str>) -> LineDraft {
    let mut line = line;
    line.dims[0] = dim1.map(str::to_string);
    line.dims[1] = dim2.map(str::to_string);
    line
}

fn post_cmd(date: NaiveDate, lines: Vec<LineDraft>) -> Command {
    Command::Posting(PostingCommand::PostEntry {
        draft: EntryDraft::new(date, "anna", lines),
    })
}

fn post(b: &mut Book, date: NaiveDate, lines: Vec<LineDraft>) -> PostedEntry {
    match b.execute(&post_cmd(date, lines)).unwrap().last() {
        Some(Event::EntryPosted { entry }) => entry.clone(),
        other => panic!("expected an entry, got {other:?}"),
    }
}

fn refuses(b: &mut Book, cmd: &Command) -> DomainError {
    let before = b.clone();
    let err = b.execute(cmd).unwrap_err();
    assert_eq!(*b, before, "a refused command changed the book");
    err
}

fn year() -> (PeriodRef, PeriodRef) {
    (
        PeriodRef {
            fiscal_year: 2024,
            period: 1,
        },
        PeriodRef {
            fiscal_year: 2024,
            period: 12,
        },
    )
}

// ----- master data -----

#[test]
fn percentages_must_sum_to_exactly_100() {
    let mut b = book();
    let err = refuses(
        &mut b,
        &Command::Costing(CostingCommand::CreateDistributionRule {
            rule: rule(
                "BAD",
                DistributionBasis::Percent,
                &[("VERW", dec!(50)), ("VERT", dec!(49.99))],
            ),
        }),
    );
    assert_eq!(
        err,
        DomainError::Costing(CostingError::DistributionNotHundred {
            rule: "BAD".into(),
            sum: dec!(99.99)
        })
    );
}

#[test]
fn centre_and_rule_codes_share_one_namespace_per_dimension() {
    let mut b = book();
    assert_eq!(
        refuses(
            &mut b,
            &Command::Costing(CostingCommand::CreateCostCentre {
                centre: centre(1, "R532")
            })
        ),
        DomainError::Costing(CostingError::CentreCodeTaken {
            dimension: 1,
            code: "R532".into()
        })
    );
    // The same code in another dimension is fine.
    b.execute(&Command::Costing(CostingCommand::CreateCostCentre {
        centre: centre(2, "VERW"),
    }))
    .unwrap();
}

#[test]
fn centres_need_a_defined_dimension_and_rules_known_centres() {
    let mut b = book();
    assert_eq!(
        refuses(
            &mut b,
            &Command::Costing(CostingCommand::CreateCostCentre {
                centre: centre(3, "X")
            })
        ),
        DomainError::Costing(CostingError::DimensionUndefined {
            line: None,
            dimension: 3
        })
    );
    assert_eq!(
        refuses(
            &mut b,
            &Command::Costing(CostingCommand::CreateCostCentre {
                centre: centre(6, "X")
            })
        ),
        DomainError::Costing(CostingError::DimensionInvalid {
            dimension: 6,
            max: 5
        })
    );
    assert_eq!(
        refuses(
            &mut b,
            &Command::Costing(CostingCommand::CreateDistributionRule {
                rule: rule("R2", DistributionBasis::Percent, &[("NOPE", dec!(100))]),
            })
        ),
        DomainError::Costing(CostingError::CentreUnknown {
            line: None,
            dimension: 1,
            code: "NOPE".into()
        })
    );
}

// ----- postings -----

#[test]
fn a_rule_on_a_line_records_each_centres_share_exactly() {
    let mut b = book();
    let e = post(
        &mut b,
        d(2024, 5, 2),
        vec![
            LineDraft {
                tax_code: Some("V19".into()),
                ..with_dims(
                    LineDraft::debit_lc(a("4210"), dec!(1000.01)),
                    Some("R532"),
                    Some("P1"),
                )
            },
            LineDraft::credit_lc(a("1200"), dec!(1190.01)),
        ],
    );
    let shares = |dimension| -> Vec<(String, Decimal)> {
        e.lines[0]
            .shares()
            .iter()
            .filter(|s: &&CentreShare| s.dimension == dimension)
            .map(|s| (s.centre.clone(), s.amount_lc))
            .collect()
    };
    // 500.005 / 300.003 / 200.002: the extra cent goes to the largest remainder.
    assert_eq!(
        shares(1),
        vec![
            ("VERW".into(), dec!(500.01)),
            ("VERT".into(), dec!(300.00)),
            ("PROD".into(), dec!(200.00)),
        ]
    );
    assert!(shares(2).is_empty(), "a centre takes the whole line");
    // The tax line carries no centre.
    assert!(e.lines[1].tax().is_some() && e.lines[1].shares().is_empty());
}

#[test]
fn expense_accounts_can_require_a_centre_in_dimension_1() {
    let mut b = book();
    b.execute(&Command::Costing(CostingCommand::SetCentreRequirement {
        requirement: CentreRequirement {
            all_expense: true,
            all_revenue: false,
            accounts: vec![a("8400")],
        },
    }))
    .unwrap();
    let err = refuses(
        &mut b,
        &post_cmd(
            d(2024, 5, 2),
            vec![
                LineDraft {
                    tax_code: Some("V19".into()),
                    ..LineDraft::debit_lc(a("4930"), dec!(100))
                },
                LineDraft::credit_lc(a("1200"), dec!(119)),
            ],
        ),
    );
    assert_eq!(
        err,
        DomainError::Costing(CostingError::CentreRequired {
            line: 0,
            account: a("4930")
        })
    );
    let err = refuses(
        &mut b,
        &post_cmd(
            d(2024, 5, 2),
            vec![
                LineDraft::debit_lc(a("1200"), dec!(100)),
                LineDraft::credit_lc(a("8400"), dec!(100)),
            ],
        ),
    );
    assert_eq!(
        err,
        DomainError::Costing(CostingError::CentreRequired {
            line: 1,
            account: a("8400")
        })
    );
    // With a centre (or a rule) it posts; bank and tax lines need none.
    post(
        &mut b,
        d(2024, 5, 2),
        vec![
            LineDraft {
                tax_code: Some("V19".into()),
                ..with_dims(LineDraft::debit_lc(a("4930"), dec!(100)), Some("QM"), None)
            },
            LineDraft::credit_lc(a("1200"), dec!(119)),
        ],
    );
}

#[test]
fn unknown_inactive_or_expired_centres_are_refused_with_the_line() {
    let mut b = book();
    let cmd = |code: &str| {
        post_cmd(
            d(2024, 5, 2),
            vec![
                LineDraft::credit_lc(a("1200"), dec!(10)),
                with_dims(LineDraft::debit_lc(a("4930"), dec!(10)), Some(code), None),
            ],
        )
    };
    assert_eq!(
        refuses(&mut b, &cmd("NOPE")),
        DomainError::Costing(CostingError::CentreUnknown {
            line: Some(1),
            dimension: 1,
            code: "NOPE".into()
        })
    );
    let mut expired = centre(1, "VERT");
    expired.valid_to = Some(d(2024, 4, 30));
    b.execute(&Command::Costing(CostingCommand::UpdateCostCentre {
        centre: expired,
    }))
    .unwrap();
    assert_eq!(
        refuses(&mut b, &cmd("VERT")),
        DomainError::Costing(CostingError::CentreNotUsable {
            line: 1,
            dimension: 1,
            code: "VERT".into(),
            date: d(2024, 5, 2)
        })
    );
    let mut line = LineDraft::debit_lc(a("4930"), dec!(10));
    line.dims[4] = Some("X".into());
    assert_eq!(
        refuses(
            &mut b,
            &post_cmd(
                d(2024, 5, 2),
                vec![line, LineDraft::credit_lc(a("1200"), dec!(10))]
            )
        ),
        DomainError::Costing(CostingError::DimensionUndefined {
            line: Some(0),
            dimension: 5
        })
    );
}

// ----- report -----

#[test]
fn cost_centre_report_splits_the_pnl_and_shows_the_unassigned_rest() {
    let mut b = book();
    post(
        &mut b,
        d(2024, 5, 2),
        vec![
            with_dims(
                LineDraft::debit_lc(a("4210"), dec!(1000.00)),
                Some("R532"),
                None,
            ),
            LineDraft::credit_lc(a("1200"), dec!(1000.00)),
        ],
    );
    post(
        &mut b,
        d(2024, 5, 3),
        vec![
            LineDraft::debit_lc(a("1360"), dec!(500.00)),
            with_dims(
                LineDraft::credit_lc(a("8400"), dec!(400.00)),
                Some("VERT"),
                Some("P1"),
            ),
            LineDraft::credit_lc(a("8400"), dec!(100.00)),
        ],
    );
    let reversed = post(
        &mut b,
        d(2024, 5, 4),
        vec![
            with_dims(
                LineDraft::debit_lc(a("4930"), dec!(77.00)),
                Some("QM"),
                None,
            ),
            LineDraft::credit_lc(a("1200"), dec!(77.00)),
        ],
    );
    b.execute(&Command::Posting(PostingCommand::ReverseEntry {
        entry: reversed.id,
        date: None,
        user: "anna".into(),
    }))
    .unwrap();
    post(
        &mut b,
        d(2024, 5, 5),
        vec![
            LineDraft::debit_lc(a("4930"), dec!(50.00)),
            LineDraft::credit_lc(a("1200"), dec!(50.00)),
        ],
    );
    let (from, to) = year();
    let r = b.cost_centre_report(from, to).unwrap();
    assert_eq!(
        (r.revenue_lc, r.expense_lc, r.result_lc),
        (dec!(500.00), dec!(1050.00), dec!(-550.00))
    );
    let summary: Vec<(u8, Option<&str>, Decimal, Decimal)> = r
        .rows
        .iter()
        .map(|x| (x.dimension, x.centre.as_deref(), x.revenue_lc, x.expense_lc))
        .collect();
    assert_eq!(
        summary,
        vec![
            (1, Some("PROD"), dec!(0), dec!(200.00)),
            (1, Some("VERT"), dec!(400.00), dec!(300.00)),
            (1, Some("VERW"), dec!(0), dec!(500.00)),
            (1, None, dec!(100.00), dec!(50.00)),
            (2, Some("P1"), dec!(400.00), dec!(0)),
            (2, None, dec!(100.00), dec!(1050.00)),
        ]
    );
    let csv = cost_centre_csv(&r, 2, Dialect::German);
    assert!(
        csv.starts_with(
            "Dimension;Kostenstelle;Konto;Art;Betrag\r\n1;PROD;4210;Aufwand;200,00\r\n"
        )
    );
    assert!(csv.contains("\r\n1;;8400;Erlös;100,00\r\n"));
}

/// Amounts typed without cents (`250`) are written with the currency's
/// decimals: `250,00`, never `250`.
#[test]
fn cost_centre_csv_writes_every_amount_with_the_currency_decimals() {
    let mut b = book();
    post(
        &mut b,
        d(2024, 5, 2),
        vec![
            with_dims(
                LineDraft::debit_lc(a("4210"), dec!(250)),
                Some("VERW"),
                None,
            ),
            LineDraft::credit_lc(a("1200"), dec!(250)),
        ],
    );
    let (from, to) = year();
    let r = b.cost_centre_report(from, to).unwrap();
    let csv = cost_centre_csv(&r, 2, Dialect::German);
    assert!(csv.contains("\r\n1;VERW;4210;Aufwand;250,00\r\n"), "{csv}");
    let csv = cost_centre_csv(&r, 2, Dialect::English);
    assert!(
        csv.starts_with("Dimension,Centre,Account,Type,Amount\r\n1,VERW,4210,Expense,250.00\r\n"),
        "{csv}"
    );
}

// ----- properties -----

fn rule_strategy() -> impl Strategy<Value = (DistributionBasis, Vec<Decimal>)> {
    prop_oneof![
        prop::collection::vec(1u32..10_000, 1..8).prop_map(|v| {
            // Percentages with two decimals summing to exactly 100.
            let total: u32 = v.iter().sum();
            let mut shares: Vec<Decimal> = v
                .iter()
                .map(|x| (Decimal::from(*x) * dec!(100) / Decimal::from(total)).round_dp(2))
                .collect();
            let sum: Decimal = shares.iter().sum();
            shares[0] += dec!(100) - sum;
            (DistributionBasis::Percent, shares)
        }),
        prop::collection::vec(1u32..1_000_000, 1..8).prop_map(|v| (
            DistributionBasis::Amount,
            v.into_iter().map(|x| Decimal::new(x as i64, 3)).collect()
        )),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn distribution_splits_always_sum_exactly_to_the_line(
        (basis, values) in rule_strategy(),
        cents in 1i64..10_000_000_000,
    ) {
        prop_assume!(values.iter().all(|v| *v > Decimal::ZERO));
        let names: Vec<String> = (0..values.len()).map(|i| format!("C{i}")).collect();
        let r = rule(
            "R",
            basis,
            &names.iter().map(String::as_str).zip(values.iter().copied()).collect::<Vec<_>>(),
        );
        let amount = Decimal::new(cents, 2);
        let split = r.split(amount, 2);
        prop_assert_eq!(split.len(), values.len());
        prop_assert_eq!(split.iter().map(|(_, a)| *a).sum::<Decimal>(), amount);
        for (_, share) in &split {
            prop_assert!(!share.is_sign_negative());
            prop_assert!(share.scale() <= 2);
        }
    }
}

const EXPENSE: [&str; 4] = ["4210", "4930", "3400", "3425"];
const REVENUE: [&str; 3] = ["8400", "8300", "8125"];
const DIM1: [Option<&str>; 6] = [
    None,
    Some("VERW"),
    Some("VERT"),
    Some("PROD"),
    Some("R532"),
    Some("QM"),
];
const CODES: [Option<&str>; 5] = [None, Some("V19"), Some("V7"), Some("IGE19"), Some("RC19")];

#[derive(Clone, Debug)]
enum Op {
    Expense {
        day: u16,
        account: usize,
        cents: u32,
        dim1: usize,
        project: bool,
        code: usize,
        gross: bool,
    },
    Sale {
        day: u16,
        account: usize,
        cents: u32,
        dim1: usize,
        output_tax: bool,
    },
    Reverse(prop::sample::Index),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u16..366, 0..EXPENSE.len(), 1u32..5_000_000, 0..DIM1.len(), any::<bool>(), 0..CODES.len(), any::<bool>())
            .prop_map(|(day, account, cents, dim1, project, code, gross)| Op::Expense { day, account, cents, dim1, project, code, gross }),
        3 => (0u16..366, 0..REVENUE.len(), 1u32..5_000_000, 0..DIM1.len(), any::<bool>())
            .prop_map(|(day, account, cents, dim1, output_tax)| Op::Sale { day, account, cents, dim1, output_tax }),
        1 => any::<prop::sample::Index>().prop_map(Op::Reverse),
    ]
}

fn day(n: u16) -> NaiveDate {
    d(2024, 1, 1).checked_add_days(Days::new(n as u64)).unwrap()
}

fn command(book: &Book, op: &Op) -> Option<Command> {
    Some(match op {
        Op::Expense {
            day: n,
            account,
            cents,
            dim1,
            project,
            code,
            gross,
        } => {
            let mut line = with_dims(
                LineDraft::debit_lc(a(EXPENSE[*account]), Decimal::new(*cents as i64, 2)),
                DIM1[*dim1],
                project.then_some("P1"),
            );
            line.tax_code = CODES[*code].map(str::to_string);
            line.gross = *gross;
            // The bank line takes whatever the preview says is open.
            let draft = EntryDraft::new(day(*n), "prop", vec![line.clone()]);
            let diff = kontor::ledger::posting::preview_entry(book.context(), &draft).diff_lc;
            post_cmd(day(*n), vec![line, LineDraft::credit_lc(a("1200"), diff)])
        }
        Op::Sale {
            day: n,
            account,
            cents,
            dim1,
            output_tax,
        } => {
            let mut line = with_dims(
                LineDraft::credit_lc(a(REVENUE[*account]), Decimal::new(*cents as i64, 2)),
                DIM1[*dim1],
                None,
            );
            line.tax_code = output_tax.then(|| "U19".to_string());
            let draft = EntryDraft::new(day(*n), "prop", vec![line.clone()]);
            let diff = kontor::ledger::posting::preview_entry(book.context(), &draft).diff_lc;
            post_cmd(day(*n), vec![LineDraft::debit_lc(a("1360"), -diff), line])
        }
        Op::Reverse(pick) => {
            if book.entry_count() == 0 {
                return None;
            }
            let id = book.entries()[pick.index(book.entry_count())].id;
            Command::Posting(PostingCommand::ReverseEntry {
                entry: id,
                date: None,
                user: "prop".into(),
            })
        }
    })
}

/// The cost-centre report recomputed by scanning every line.
fn scan(book: &Book) -> BTreeMap<(u8, Option<String>, AccountNo), Decimal> {
    let mut out: BTreeMap<(u8, Option<String>, AccountNo), Decimal> = BTreeMap::new();
    for entry in book.entries() {
        for line in &entry.lines {
            let Some(acc) = book.account(line.account) else {
                continue;
            };
            if !acc.account_type.is_profit_and_loss() {
                continue;
            }
            let sign = |x: Decimal| {
                let debit_positive = line.side.sign(x);
                if acc.account_type == AccountType::Revenue {
                    -debit_positive
                } else {
                    debit_positive
                }
            };
            for dim in 1..=2u8 {
                let shares: Vec<&CentreShare> = line
                    .shares()
                    .iter()
                    .filter(|s| s.dimension == dim)
                    .collect();
                if !shares.is_empty() {
                    for s in shares {
                        *out.entry((dim, Some(s.centre.clone()), line.account))
                            .or_default() += sign(s.amount_lc);
                    }
                } else {
                    let centre = line.dims()[dim as usize - 1].clone();
                    *out.entry((dim, centre, line.account)).or_default() += sign(line.amount_lc);
                }
            }
        }
    }
    out.retain(|_, v| !v.is_zero());
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn cost_centre_report_equals_the_pnl_and_a_line_scan_and_replays(ops in prop::collection::vec(op(), 1..40)) {
        let (mut book, mut events) = book_and_events();
        for op in &ops {
            if let Some(cmd) = command(&book, op) {
                match book.execute(&cmd) {
                    Ok(new) => events.extend(new),
                    Err(e) => prop_assert!(matches!(op, Op::Reverse(_)), "{:?} refused: {}", op, e),
                }
            }
        }
        for entry in book.entries() {
            prop_assert_eq!(entry.imbalance(), (Decimal::ZERO, Decimal::ZERO));
            for line in &entry.lines {
                for dim in 1..=5u8 {
                    let s: Vec<_> = line.shares().iter().filter(|s| s.dimension == dim).collect();
                    if !s.is_empty() {
                        prop_assert_eq!(s.iter().map(|x| x.amount_lc).sum::<Decimal>(), line.amount_lc);
                    }
                }
            }
        }
        let (from, to) = year();
        let report = book.cost_centre_report(from, to).unwrap();
        let tb = book.trial_balance(from, to).unwrap();
        let (mut revenue, mut expense) = (Decimal::ZERO, Decimal::ZERO);
        for row in &tb.rows {
            match book.account(row.account).map(|x| x.account_type) {
                Some(AccountType::Revenue) => revenue -= row.debit_lc - row.credit_lc,
                Some(AccountType::Expense) => expense += row.debit_lc - row.credit_lc,
                _ => {}
            }
        }
        prop_assert_eq!((report.revenue_lc, report.expense_lc), (revenue, expense));
        for dim in 1..=2u8 {
            let rows = report.rows.iter().filter(|r| r.dimension == dim);
            let (r, e) = rows.fold((Decimal::ZERO, Decimal::ZERO), |(r, e), x| (r + x.revenue_lc, e + x.expense_lc));
            prop_assert_eq!((r, e), (revenue, expense), "dimension {}", dim);
        }
        let mut from_report = BTreeMap::new();
        for row in &report.rows {
            for acc in &row.accounts {
                from_report.insert((row.dimension, row.centre.clone(), acc.account), acc.amount_lc);
            }
        }
        prop_assert_eq!(from_report, scan(&book));

        // Replay of the stored form gives the same Book.
        let mut head = ChainHead::EMPTY;
        let mut log = Vec::new();
        for e in &events {
            let r = head.seal(encode(e));
            head = ChainHead::after(&r);
            log.push(r);
        }
        prop_assert_eq!(Book::replay(&log).unwrap(), book);
    }
}
