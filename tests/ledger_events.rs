//! The stored event encoding (version 1) is stable forever: these golden
//! strings were written by the first version and must keep decoding to
//! the same events, and encoding must keep producing them byte for byte
//! (the hash chain covers those bytes). Every kind of event has a golden:
//! the completeness test at the end compares them with the kinds of the
//! `Event` enum, listed by an exhaustive match, so a kind added or a
//! golden dropped cannot go unnoticed. The v1 corpus of a whole company
//! (`tests/fixtures/events/`) is replayed byte for byte by
//! `tests/ledger_wire.rs`; here it must hold every kind.

use chrono::NaiveDate;
use kontor::ledger::bank::BankEvent;
use kontor::ledger::chain::ChainHead;
use kontor::ledger::closing::ClosingEvent;
use kontor::ledger::costing::{CostingCommand, CostingEvent};
use kontor::ledger::dunning::DunningEvent;
use kontor::ledger::event::{DecodeError, decode, encode};
use kontor::ledger::gl::{Account, AccountCurrency, AccountType, GlCommand, GlError, GlEvent};
use kontor::ledger::inbox::InboxEvent;
use kontor::ledger::items::ItemsEvent;
use kontor::ledger::open_items::OpenItemsEvent;
use kontor::ledger::partners::PartnersEvent;
use kontor::ledger::payment_runs::PaymentRunsEvent;
use kontor::ledger::payments::PaymentsEvent;
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::recurring::RecurringEvent;
use kontor::ledger::sample::sample_setup;
use kontor::ledger::statements::StatementsEvent;
use kontor::ledger::tax::{TaxCommand, TaxEvent};
use kontor::ledger::types::{AccountNo, InputError};
use kontor::ledger::{Book, Command, Event};
use rust_decimal_macros::dec;
use std::collections::{BTreeMap, BTreeSet};

/// The company's creation, SKR03's first account as the first version's
/// template wrote it, and a plain entry.
///
/// The account is spelt out rather than taken from today's template: the
/// template renamed that title since ("Anlagevermögen", commit d5c96c6,
/// when each class title got one account type). Templates shape new
/// companies only; what is fixed here is how such an event is written.
fn golden_events() -> Vec<Event> {
    let (mut b, mut events) = Book::set_up(&sample_setup(2024)).unwrap();
    events.truncate(1);
    let a = |n| AccountNo::parse(n).unwrap();
    events.push(Event::Gl(GlEvent::AccountCreated {
        account: Account {
            number: a("0"),
            name_de: "Anlage- und Kapitalkonten".into(),
            name_en: "Fixed assets and capital accounts".into(),
            account_type: AccountType::Asset,
            postable: false,
            parent: None,
            control: false,
            currency: AccountCurrency::Local,
            active: true,
        },
    }));
    let date = NaiveDate::from_ymd_opt(2024, 3, 15).unwrap();
    let mut draft = EntryDraft::new(
        date,
        "anna",
        vec![
            LineDraft::debit_lc(a("4210"), dec!(800.00)),
            LineDraft::credit_lc(a("1200"), dec!(800.00)),
        ],
    );
    draft.reference = "RE-42".into();
    events.extend(
        b.execute(&Command::Posting(PostingCommand::PostEntry { draft }))
            .unwrap(),
    );
    events
}

const GOLDEN: [&str; 3] = [
    r#"{"v":1,"type":"company_created","settings":{"name":"Muster GmbH","address":"Musterstraße 1, 10115 Berlin","country":"DE","vat_id":"DE123456789","tax_number":"30/123/45678","lc":"EUR","sc":"EUR","amount_decimals":2,"fiscal_year_start_month":1,"period_layout":"monthly","chart":"skr03"}}"#,
    r#"{"v":1,"type":"account_created","account":{"number":"0","name_de":"Anlage- und Kapitalkonten","name_en":"Fixed assets and capital accounts","account_type":"asset","postable":false,"parent":null,"control":false,"currency":{"kind":"local"},"active":true}}"#,
    r#"{"v":1,"type":"entry_posted","entry":{"id":1,"fiscal_year":2024,"number":1,"posting_date":"2024-03-15","document_date":"2024-03-15","due_date":"2024-03-15","reference":"RE-42","memo":"","user":"anna","lines":[{"account":"4210","side":"debit","amount_lc":"800.00","amount_sc":"800.00"},{"account":"1200","side":"credit","amount_lc":"800.00","amount_sc":"800.00"}]}}"#,
];

#[test]
fn version_1_encoding_is_stable() {
    let events = golden_events();
    assert_eq!(events.len(), GOLDEN.len());
    for (event, golden) in events.iter().zip(GOLDEN) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

#[test]
fn unknown_version_and_garbage_are_refused() {
    assert_eq!(
        decode(r#"{"v":2,"type":"fiscal_year_opened","year":2025}"#),
        Err(DecodeError::UnknownVersion { v: 2 })
    );
    assert_eq!(
        decode(r#"{"type":"fiscal_year_opened","year":2025}"#),
        Err(DecodeError::MissingVersion)
    );
    assert!(matches!(decode("{"), Err(DecodeError::Json { .. })));
    assert!(matches!(
        decode(r#"{"v":1,"type":"no_such_event"}"#),
        Err(DecodeError::Json { .. })
    ));
}

#[test]
fn every_event_of_a_sample_book_round_trips() {
    let (book, events) = kontor::ledger::sample::sample_events(3, 50, 3, 2024).unwrap();
    let mut head = ChainHead::EMPTY;
    let log: Vec<_> = events
        .iter()
        .map(|e| {
            let body = encode(e);
            assert_eq!(&decode(&body).unwrap(), e);
            let r = head.seal(body);
            head = ChainHead::after(&r);
            r
        })
        .collect();
    assert_eq!(Book::replay(&log).unwrap(), book);
}

// ----- issue 7: tax codes and cost accounting, added compatibly to v1 -----

/// A tax code seeded at setup, a dimension, a centre, a rule, and an entry
/// with a generated tax line and a rule split.
fn golden_events_v1_tax_and_costing() -> Vec<Event> {
    use kontor::ledger::costing::{
        CostCentre, Dimension, DistributionBasis, DistributionRule, RuleShare,
    };
    let (mut b, setup) = Book::set_up(&sample_setup(2024)).unwrap();
    let mut events: Vec<Event> = setup
        .into_iter()
        .filter(|e| matches!(e, Event::Tax(TaxEvent::TaxCodeCreated { tax_code }) if tax_code.code == "V19"))
        .collect();
    let a = |n| AccountNo::parse(n).unwrap();
    let mut cmds = vec![Command::Costing(CostingCommand::DefineDimension {
        dimension: Dimension {
            number: 1,
            name_de: "Kostenstelle".into(),
            name_en: "Cost centre".into(),
            active: true,
        },
    })];
    for code in ["VERW", "VERT"] {
        cmds.push(Command::Costing(CostingCommand::CreateCostCentre {
            centre: CostCentre {
                dimension: 1,
                code: code.into(),
                name_de: code.into(),
                name_en: String::new(),
                active: true,
                valid_from: None,
                valid_to: None,
            },
        }));
    }
    cmds.push(Command::Costing(CostingCommand::CreateDistributionRule {
        rule: DistributionRule {
            dimension: 1,
            code: "HALB".into(),
            name_de: "Halbe-halbe".into(),
            name_en: String::new(),
            basis: DistributionBasis::Percent,
            shares: ["VERW", "VERT"]
                .iter()
                .map(|c| RuleShare {
                    centre: c.to_string(),
                    value: dec!(50),
                })
                .collect(),
            active: true,
            valid_from: None,
            valid_to: None,
        },
    }));
    let mut line = LineDraft::debit_lc(a("4210"), dec!(100.01));
    line.tax_code = Some("V19".into());
    line.dims[0] = Some("HALB".into());
    cmds.push(Command::Posting(PostingCommand::PostEntry {
        draft: EntryDraft::new(
            NaiveDate::from_ymd_opt(2024, 3, 15).unwrap(),
            "anna",
            vec![line, LineDraft::credit_lc(a("1200"), dec!(119.01))],
        ),
    }));
    for cmd in cmds {
        events.extend(b.execute(&cmd).unwrap());
    }
    events.retain(|e| !matches!(e, Event::Costing(CostingEvent::CostCentreCreated { centre }) if centre.code == "VERT"));
    events
}

const GOLDEN_TAX_AND_COSTING: [&str; 5] = [
    r#"{"v":1,"type":"tax_code_created","tax_code":{"code":"V19","name_de":"Vorsteuer 19 %","name_en":"Input VAT 19 %","kind":"standard","direction":"input","rates":[{"valid_from":"1998-04-01","percent":"16"},{"valid_from":"2007-01-01","percent":"19"},{"valid_from":"2020-07-01","percent":"16"},{"valid_from":"2021-01-01","percent":"19"}],"output_account":null,"input_account":"1576","base_box":null,"output_tax_box":null,"input_tax_box":66,"active":true}}"#,
    r#"{"v":1,"type":"dimension_defined","dimension":{"number":1,"name_de":"Kostenstelle","name_en":"Cost centre","active":true}}"#,
    r#"{"v":1,"type":"cost_centre_created","centre":{"dimension":1,"code":"VERW","name_de":"VERW","name_en":"","active":true,"valid_from":null,"valid_to":null}}"#,
    r#"{"v":1,"type":"distribution_rule_created","rule":{"dimension":1,"code":"HALB","name_de":"Halbe-halbe","name_en":"","basis":"percent","shares":[{"centre":"VERW","value":"50"},{"centre":"VERT","value":"50"}],"active":true,"valid_from":null,"valid_to":null}}"#,
    r#"{"v":1,"type":"entry_posted","entry":{"id":1,"fiscal_year":2024,"number":1,"posting_date":"2024-03-15","document_date":"2024-03-15","due_date":"2024-03-15","reference":"","memo":"","user":"anna","lines":[{"account":"4210","side":"debit","amount_lc":"100.01","amount_sc":"100.01","tax_code":"V19","dims":["HALB",null,null,null,null],"shares":[{"dimension":1,"centre":"VERW","amount_lc":"50.01"},{"dimension":1,"centre":"VERT","amount_lc":"50.00"}]},{"account":"1576","side":"debit","amount_lc":"19.00","amount_sc":"19.00","tax":{"code":"V19","part":"input","percent":"19","base_lc":"100.01","base_line":0}},{"account":"1200","side":"credit","amount_lc":"119.01","amount_sc":"119.01"}]}}"#,
];

#[test]
fn tax_and_costing_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_tax_and_costing();
    assert_eq!(events.len(), GOLDEN_TAX_AND_COSTING.len());
    for (event, golden) in events.iter().zip(GOLDEN_TAX_AND_COSTING) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

#[test]
fn a_version_1_log_written_before_tax_codes_still_replays() {
    // Setup as the first version wrote it: no tax_code_created events, and
    // an entry whose line carries a free-text tax code (then only checked
    // for length), which must keep replaying and shows as an unknown code
    // in the VAT return.
    let mut records = Vec::new();
    let mut head = ChainHead::EMPTY;
    let setup: Vec<Event> = Book::set_up(&sample_setup(2024))
        .unwrap()
        .1
        .into_iter()
        // A log of that time had no tax codes, nor payment settings
        // (which name tax codes).
        .filter(|e| {
            !matches!(
                e,
                Event::Tax(TaxEvent::TaxCodeCreated { .. }) | Event::Payments(_)
            )
        })
        .collect();
    let old_entry = r#"{"v":1,"type":"entry_posted","entry":{"id":1,"fiscal_year":2024,"number":1,"posting_date":"2024-03-15","document_date":"2024-03-15","due_date":"2024-03-15","reference":"RE-42","memo":"","user":"anna","lines":[{"account":"4210","side":"debit","amount_lc":"800.00","amount_sc":"800.00","tax_code":"VSt19","dims":["KST1",null,null,null,null]},{"account":"1200","side":"credit","amount_lc":"800.00","amount_sc":"800.00"}]}}"#;
    let bodies: Vec<String> = setup
        .iter()
        .map(encode)
        .chain(std::iter::once(old_entry.to_string()))
        .collect();
    for body in bodies {
        let r = head.seal(body);
        head = ChainHead::after(&r);
        records.push(r);
    }
    let book = Book::replay(&records).unwrap();
    assert_eq!(book.entry_count(), 1);
    let march = kontor::ledger::types::PeriodRef {
        fiscal_year: 2024,
        period: 3,
    };
    let vat = book.vat_return(march, march).unwrap();
    assert_eq!(vat.unknown_codes, vec!["VSt19".to_string()]);
    assert!(vat.rows.is_empty());
    let costs = book.cost_centre_report(march, march).unwrap();
    assert_eq!(costs.rows[0].centre.as_deref(), Some("KST1"));
    assert_eq!(costs.rows[0].expense_lc, dec!(800.00));
}

const GOLDEN_COMPANY_DETAILS: &str = r#"{"v":1,"type":"company_details_updated","details":{"name":"Muster & Söhne GmbH","address":"Hafenstraße 7\n20457 Hamburg","country":"DE","vat_id":"DE123456789","tax_number":"22/815/00042"}}"#;

fn new_details() -> kontor::ledger::gl::CompanyDetails {
    kontor::ledger::gl::CompanyDetails {
        name: "Muster & Söhne GmbH".into(),
        address: "Hafenstraße 7\n20457 Hamburg".into(),
        country: "DE".into(),
        vat_id: "DE123456789".into(),
        tax_number: "22/815/00042".into(),
    }
}

/// Firmendaten change after setup (a move, a new tax number) through an
/// event of their own; currencies, calendar and chart stay as set up.
#[test]
fn company_details_change_by_event_and_replay() {
    let (mut book, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let before = book.settings().clone();
    let events = book
        .execute(&Command::Gl(GlCommand::UpdateCompanyDetails {
            details: new_details(),
        }))
        .unwrap();
    assert_eq!(encode(&events[0]), GOLDEN_COMPANY_DETAILS);
    assert_eq!(decode(GOLDEN_COMPANY_DETAILS).unwrap(), events[0]);
    let after = book.settings().clone();
    assert_eq!(after.details(), new_details());
    assert_eq!(after.with_details(before.details()), before);

    // The fold of the log gives the same settings.
    let mut head = ChainHead::EMPTY;
    let mut records = Vec::new();
    let (mut replayed, setup) = Book::set_up(&sample_setup(2024)).unwrap();
    let update = replayed
        .execute(&Command::Gl(GlCommand::UpdateCompanyDetails {
            details: new_details(),
        }))
        .unwrap();
    {
        for event in setup.into_iter().chain(update) {
            let r = head.seal(encode(&event));
            head = ChainHead::after(&r);
            records.push(r);
        }
    }
    assert_eq!(Book::replay(&records).unwrap().settings(), &after);
}

#[test]
fn bad_company_details_are_refused_and_change_nothing() {
    use kontor::ledger::DomainError;
    use kontor::ledger::types::Field;
    let (mut book, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let before = book.settings().clone();
    let refused = [
        (
            kontor::ledger::gl::CompanyDetails {
                name: "  ".into(),
                ..new_details()
            },
            DomainError::Input(InputError::Empty {
                field: Field::CompanyName,
            }),
        ),
        (
            kontor::ledger::gl::CompanyDetails {
                country: "Deutschland".into(),
                ..new_details()
            },
            DomainError::Gl(GlError::InvalidCountry {
                text: "Deutschl".into(),
            }),
        ),
        (
            kontor::ledger::gl::CompanyDetails {
                tax_number: "1".repeat(33),
                ..new_details()
            },
            DomainError::Input(InputError::TextTooLong {
                field: Field::TaxNumber,
                max: 32,
            }),
        ),
    ];
    for (details, error) in refused {
        assert_eq!(
            book.execute(&Command::Gl(GlCommand::UpdateCompanyDetails { details })),
            Err(error)
        );
        assert_eq!(book.settings(), &before);
    }
}

// ----- every other kind of event -----

/// One event of each kind the goldens above do not cover, from commands a
/// user would give after setup.
fn golden_events_v1_master_data() -> Vec<Event> {
    use kontor::ledger::costing::{
        CentreRequirement, CostCentre, Dimension, DistributionBasis, DistributionRule, RuleShare,
    };
    use kontor::ledger::types::Currency;
    use kontor::ledger::types::{PeriodRef, PeriodStatus};
    let a = |n| AccountNo::parse(n).unwrap();
    let (mut b, setup) = Book::set_up(&sample_setup(2024)).unwrap();
    let mut events: Vec<Event> = setup
        .into_iter()
        .filter(|e| {
            matches!(
                e,
                Event::Gl(GlEvent::FiscalYearOpened { .. })
                    | Event::Gl(GlEvent::GlDeterminationSet { .. })
            )
        })
        .collect();
    let mut bank = b.account(a("1200")).unwrap().clone();
    bank.name_de = "Hausbank".into();
    let mut v7 = b.tax_code("V7").unwrap().clone();
    v7.active = false;
    let centre = |code: &str, active| CostCentre {
        dimension: 1,
        code: code.into(),
        name_de: code.into(),
        name_en: String::new(),
        active,
        valid_from: None,
        valid_to: None,
    };
    let rule = |value_a, value_b| DistributionRule {
        dimension: 1,
        code: "HALB".into(),
        name_de: "Halbe-halbe".into(),
        name_en: String::new(),
        basis: DistributionBasis::Amount,
        shares: vec![
            RuleShare {
                centre: "VERW".into(),
                value: value_a,
            },
            RuleShare {
                centre: "VERT".into(),
                value: value_b,
            },
        ],
        active: true,
        valid_from: Some(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()),
        valid_to: None,
    };
    let setup_costing = [
        Command::Costing(CostingCommand::DefineDimension {
            dimension: Dimension {
                number: 1,
                name_de: "Kostenstelle".into(),
                name_en: "Cost centre".into(),
                active: true,
            },
        }),
        Command::Costing(CostingCommand::CreateCostCentre {
            centre: centre("VERW", true),
        }),
        Command::Costing(CostingCommand::CreateCostCentre {
            centre: centre("VERT", true),
        }),
        Command::Costing(CostingCommand::CreateDistributionRule {
            rule: rule(dec!(1), dec!(1)),
        }),
    ];
    for cmd in &setup_costing {
        b.execute(cmd).unwrap();
    }
    let cmds = [
        Command::Gl(GlCommand::UpdateAccount { account: bank }),
        Command::Gl(GlCommand::SetAccountActive {
            account: a("4930"),
            active: false,
        }),
        Command::Gl(GlCommand::SetPeriodStatus {
            period: PeriodRef {
                fiscal_year: 2024,
                period: 1,
            },
            status: PeriodStatus::Closing,
        }),
        Command::Gl(GlCommand::SetExchangeRate {
            currency: Currency::USD,
            date: NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
            rate_fc_per_lc: dec!(1.0837),
        }),
        Command::Tax(TaxCommand::UpdateTaxCode { tax_code: v7 }),
        Command::Costing(CostingCommand::UpdateCostCentre {
            centre: centre("VERT", false),
        }),
        Command::Costing(CostingCommand::UpdateDistributionRule {
            rule: rule(dec!(120.5), dec!(80)),
        }),
        Command::Costing(CostingCommand::SetCentreRequirement {
            requirement: CentreRequirement {
                all_expense: true,
                all_revenue: false,
                accounts: vec![a("8400")],
            },
        }),
    ];
    for cmd in &cmds {
        events.extend(b.execute(cmd).unwrap());
    }
    events
}

/// Captured from the encoder when the completeness test below came (issue
/// 11: these kinds had no golden before); fixed from then on like the
/// others.
const GOLDEN_MASTER_DATA: [&str; 10] = [
    r#"{"v":1,"type":"fiscal_year_opened","year":2024}"#,
    r#"{"v":1,"type":"gl_determination_set","determination":{"rounding":"4900","opening_balance":"9000","retained_earnings":"0860","fx_gain":"2660","fx_loss":"2150","vat_input":"1576","vat_output":"1776","receivables":"1400","payables":"1600","bank_fees":"4970","cash_discount":"8736"}}"#,
    r#"{"v":1,"type":"account_updated","account":{"number":"1200","name_de":"Hausbank","name_en":"Bank","account_type":"asset","postable":true,"parent":"1","control":false,"currency":{"kind":"local"},"active":true}}"#,
    r#"{"v":1,"type":"account_active_set","account":"4930","active":false}"#,
    r#"{"v":1,"type":"period_status_set","period":{"fiscal_year":2024,"period":1},"status":"closing"}"#,
    r#"{"v":1,"type":"exchange_rate_set","currency":"USD","date":"2024-03-01","rate_fc_per_lc":"1.0837"}"#,
    r#"{"v":1,"type":"tax_code_updated","tax_code":{"code":"V7","name_de":"Vorsteuer 7 %","name_en":"Input VAT 7 %","kind":"reduced","direction":"input","rates":[{"valid_from":"1983-07-01","percent":"7"},{"valid_from":"2020-07-01","percent":"5"},{"valid_from":"2021-01-01","percent":"7"}],"output_account":null,"input_account":"1571","base_box":null,"output_tax_box":null,"input_tax_box":66,"active":false}}"#,
    r#"{"v":1,"type":"cost_centre_updated","centre":{"dimension":1,"code":"VERT","name_de":"VERT","name_en":"","active":false,"valid_from":null,"valid_to":null}}"#,
    r#"{"v":1,"type":"distribution_rule_updated","rule":{"dimension":1,"code":"HALB","name_de":"Halbe-halbe","name_en":"","basis":"amount","shares":[{"centre":"VERW","value":"120.5"},{"centre":"VERT","value":"80"}],"active":true,"valid_from":"2024-01-01","valid_to":null}}"#,
    r#"{"v":1,"type":"centre_requirement_set","requirement":{"all_expense":true,"all_revenue":false,"accounts":["8400"]}}"#,
];

#[test]
fn master_data_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_master_data();
    assert_eq!(events.len(), GOLDEN_MASTER_DATA.len());
    for (event, golden) in events.iter().zip(GOLDEN_MASTER_DATA) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

// ----- business partners and open items -----

/// A short partner session as a user gives it, from commands: payment
/// terms with a discount step and their update with installments, a
/// customer with every master-data field, its update, an invoice with a
/// typed due date and a credit note, their clearing and its cancellation.
/// The same session, given to the corpus company on 2025-01-15, is the
/// tail of the v1 corpus (`tests/fixtures/events/README.md`).
fn partner_session(date: NaiveDate) -> Vec<Command> {
    use kontor::ledger::partners::{
        Address, BankAccount, Contact, DiscountStep, Installment, Language, Mandate,
        MandateSequence, Partner, PartnerKind, PartnersCommand, PaymentMethod, PaymentTerms,
    };
    use kontor::ledger::types::{PartnerCode, Side, Timestamp};
    let code = PartnerCode::parse("10001").unwrap();
    let at = Timestamp::at(date, 9, 30, 0).unwrap();
    let terms = PaymentTerms {
        name_de: "14 Tage 2 % Skonto, 30 Tage netto".into(),
        name_en: "2 % 14 days, 30 days net".into(),
        discounts: vec![DiscountStep {
            days: 14,
            percent: dec!(2),
        }],
        ..PaymentTerms::net("S2N30", 30)
    };
    let mut updated_terms = terms.clone();
    updated_terms.installments = vec![
        Installment {
            percent: dec!(50),
            days: 0,
        },
        Installment {
            percent: dec!(50),
            days: 30,
        },
    ];
    let mut partner = Partner::new(code, PartnerKind::Customer, "Bäckerei Krüger KG");
    partner.group = "Gastronomie".into();
    partner.address = Address {
        street: "Hafenstraße".into(),
        house_number: "7a".into(),
        postcode: "20457".into(),
        town: "Hamburg".into(),
        country: "DE".into(),
    };
    partner.vat_id = "DE136695976".into();
    partner.tax_number = "22/815/00042".into();
    partner.contact = Contact {
        person: "Eva Krüger".into(),
        phone: "+49 40 123456".into(),
        email: "eva@example.org".into(),
    };
    partner.language = Language::En;
    partner.bank_accounts = vec![BankAccount {
        iban: "DE44500105175407324931".into(),
        bic: "INGDDEFFXXX".into(),
        holder: String::new(),
        default: true,
    }];
    partner.payment_terms = Some("S2N30".into());
    partner.payment_method = PaymentMethod::DirectDebit;
    partner.credit_limit = Some(dec!(5000));
    partner.commitment_limit = Some(dec!(8000));
    partner.dunning_term = "M1".into();
    partner.mandate = Some(Mandate {
        id: "KRUEGER-1".into(),
        signed: date,
        sequence: MandateSequence::First,
    });
    partner.remarks = "Lieferung nur vormittags".into();
    let mut changed = partner.clone();
    changed.name = "Bäckerei Krüger GmbH".into();
    changed.payment_block = true;
    let a = |n| AccountNo::parse(n).unwrap();
    let mut invoice = EntryDraft::new(
        date,
        "anna",
        vec![
            LineDraft::partner(code, Side::Debit, dec!(1190.00)),
            LineDraft::credit_lc(a("8400"), dec!(1190.00)),
        ],
    );
    invoice.reference = "AR-1".into();
    invoice.lines[0].due_date = Some(date + chrono::Days::new(10));
    let mut credit_note = EntryDraft::new(
        date,
        "anna",
        vec![
            LineDraft::partner(code, Side::Credit, dec!(119.00)),
            LineDraft::debit_lc(a("8400"), dec!(119.00)),
        ],
    );
    credit_note.reference = "GS-1".into();
    vec![
        PartnersCommand::CreatePaymentTerms { terms }.into(),
        PartnersCommand::UpdatePaymentTerms {
            terms: updated_terms,
        }
        .into(),
        PartnersCommand::CreatePartner {
            partner: Box::new(partner),
            by: "anna".into(),
            at,
        }
        .into(),
        PartnersCommand::UpdatePartner {
            partner: Box::new(changed),
            by: "ben".into(),
            at,
        }
        .into(),
        PostingCommand::PostEntry { draft: invoice }.into(),
        PostingCommand::PostEntry { draft: credit_note }.into(),
    ]
}

/// The clearing of the session's credit note against its invoice (entries
/// `invoice` and `invoice + 1`), then the clearing's cancellation.
fn clearing_session(date: NaiveDate, invoice: u64, number: u32) -> Vec<Command> {
    use kontor::ledger::open_items::{ItemId, OpenItemsCommand, PartDraft};
    use kontor::ledger::types::{EntryId, PartnerCode, Timestamp};
    let at = Timestamp::at(date, 10, 0, 0).unwrap();
    let item = |entry| ItemId {
        entry: EntryId(entry),
        line: 0,
        installment: 0,
    };
    vec![
        OpenItemsCommand::ClearItems {
            partner: PartnerCode::parse("10001").unwrap(),
            date,
            parts: vec![
                PartDraft {
                    item: item(invoice),
                    amount_lc: Some(dec!(119.00)),
                },
                PartDraft {
                    item: item(invoice + 1),
                    amount_lc: None,
                },
            ],
            by: "anna".into(),
            at,
        }
        .into(),
        OpenItemsCommand::CancelClearing {
            number,
            by: "ben".into(),
            at,
        }
        .into(),
    ]
}

/// A payment session after the partner and clearing sessions: payment
/// settings, an incoming payment of invoice `invoice` (1,190.00) less its
/// credit note (119.00) by transfer and cash with a fee, and its
/// cancellation (payment `number`).
fn payment_session(date: NaiveDate, invoice: u64, number: u32) -> Vec<Command> {
    use kontor::ledger::open_items::ItemId;
    use kontor::ledger::payments::{
        Direction, ItemDraft, Means, MeansDraft, PaymentDraft, PaymentSettings, PaymentsCommand,
    };
    use kontor::ledger::types::{AccountNo, EntryId, PartnerCode, PostingKey, Timestamp};
    let at = Timestamp::at(date, 11, 0, 0).unwrap();
    let account = |n| AccountNo::parse(n).unwrap();
    let item = |entry| ItemId {
        entry: EntryId(entry),
        line: 0,
        installment: 0,
    };
    let settings = PaymentSettings {
        tolerance_lc: dec!(1.00),
        write_off_account: Some(account("2150")),
        discount_accounts: [("U19".to_string(), account("8736"))].into(),
        checks_account: Some(account("1360")),
        ..PaymentSettings::default()
    };
    let means = |means, account: &str, amount, reference: &str| MeansDraft {
        means,
        account: Some(AccountNo::parse(account).unwrap()),
        amount,
        reference: reference.into(),
    };
    let draft = PaymentDraft {
        direction: Direction::Incoming,
        partner: Some(PartnerCode::parse("10001").unwrap()),
        posting_date: date,
        document_date: None,
        currency: None,
        rate_fc_per_lc: None,
        items: vec![
            ItemDraft {
                item: item(invoice),
                amount: dec!(1190.00),
                discount: dec!(0),
            },
            ItemDraft {
                item: item(invoice + 1),
                amount: dec!(119.00),
                discount: dec!(0),
            },
        ],
        on_account: dec!(0),
        gl_lines: Vec::new(),
        means: vec![
            means(Means::Transfer, "1200", dec!(1000.00), "SEPA 4711"),
            means(Means::Cash, "1000", dec!(66.00), ""),
        ],
        fee: dec!(5.00),
        write_off: false,
        late_discount_confirmed: false,
        reference: "ZE-1".into(),
        memo: "Zahlung Krüger".into(),
        user: "anna".into(),
        key: PostingKey(0x5a11),
    };
    vec![
        PaymentsCommand::SetSettings {
            settings: Box::new(settings),
            by: "anna".into(),
            at,
        }
        .into(),
        PaymentsCommand::Post {
            draft: Box::new(draft),
            at,
        }
        .into(),
        PaymentsCommand::Cancel {
            number,
            date: None,
            by: "ben".into(),
            at,
        }
        .into(),
    ]
}

/// The payment session on the partner company: settings, a payment (its
/// entry, clearing and record) and its cancellation (clearing cancelled,
/// reversal, the mirror clearing, the record).
fn golden_events_v1_payments() -> Vec<Event> {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let date = NaiveDate::from_ymd_opt(2024, 3, 15).unwrap();
    for cmd in partner_session(date)
        .iter()
        .chain(&clearing_session(date, 1, 1))
    {
        b.execute(cmd).unwrap();
    }
    let mut events = Vec::new();
    for cmd in payment_session(date, 1, 1) {
        events.extend(b.execute(&cmd).unwrap());
    }
    events
}

/// Captured from the encoder when payments came (issue 14); fixed from
/// then on like the others.
const GOLDEN_PAYMENTS: [&str; 8] = [
    r#"{"v":1,"type":"payment_settings_changed","settings":{"tolerance_lc":"1.00","write_off_account":"2150","discount_accounts":{"U19":"8736"},"checks_account":"1360","gains_within_year_only":true,"match_days":30},"by":"anna","at":"2024-03-15T11:00:00Z"}"#,
    r#"{"v":1,"type":"entry_posted","entry":{"id":3,"fiscal_year":2024,"number":3,"posting_date":"2024-03-15","document_date":"2024-03-15","due_date":"2024-03-15","reference":"ZE-1","memo":"Zahlung Krüger","user":"anna","lines":[{"account":"1400","side":"credit","amount_lc":"1071.00","amount_sc":"1071.00","memo":"Zahlung Krüger","partner":"10001","due_date":"2024-03-15"},{"account":"1200","side":"debit","amount_lc":"1000.00","amount_sc":"1000.00","memo":"SEPA 4711"},{"account":"1000","side":"debit","amount_lc":"66.00","amount_sc":"66.00"},{"account":"4970","side":"debit","amount_lc":"5.00","amount_sc":"5.00"}],"key":"00000000000000000000000000005a11"}}"#,
    r#"{"v":1,"type":"items_cleared","clearing":{"number":2,"partner":"10001","date":"2024-03-15","parts":[{"item":{"entry":1,"line":0,"installment":0},"amount_lc":"1190.00"},{"item":{"entry":2,"line":0,"installment":0},"amount_lc":"119.00"},{"item":{"entry":3,"line":0,"installment":0},"amount_lc":"1071.00"}],"by":"anna","at":"2024-03-15T11:00:00Z"}}"#,
    r#"{"v":1,"type":"payment_posted","payment":{"number":1,"direction":"incoming","partner":"10001","date":"2024-03-15","entry":3,"clearing":2,"means":[{"means":"transfer","account":"1200","amount":"1000.00","reference":"SEPA 4711"},{"means":"cash","account":"1000","amount":"66.00"}],"items":[{"item":{"entry":1,"line":0,"installment":0},"amount":"1190.00"},{"item":{"entry":2,"line":0,"installment":0},"amount":"119.00"}],"fee":"5.00","reference":"ZE-1","by":"anna","at":"2024-03-15T11:00:00Z","key":"00000000000000000000000000005a11"}}"#,
    r#"{"v":1,"type":"clearing_cancelled","number":2,"by":"ben","at":"2024-03-15T11:00:00Z"}"#,
    r#"{"v":1,"type":"entry_posted","entry":{"id":4,"fiscal_year":2024,"number":4,"posting_date":"2024-03-15","document_date":"2024-03-15","due_date":"2024-03-15","reference":"ZE-1","memo":"Zahlung Krüger","user":"ben","lines":[{"account":"1400","side":"debit","amount_lc":"1071.00","amount_sc":"1071.00","memo":"Zahlung Krüger","partner":"10001","due_date":"2024-03-15"},{"account":"1200","side":"credit","amount_lc":"1000.00","amount_sc":"1000.00","memo":"SEPA 4711"},{"account":"1000","side":"credit","amount_lc":"66.00","amount_sc":"66.00"},{"account":"4970","side":"credit","amount_lc":"5.00","amount_sc":"5.00"}],"reverses":3}}"#,
    r#"{"v":1,"type":"items_cleared","clearing":{"number":3,"partner":"10001","date":"2024-03-15","parts":[{"item":{"entry":3,"line":0,"installment":0},"amount_lc":"1071.00"},{"item":{"entry":4,"line":0,"installment":0},"amount_lc":"1071.00"}],"by":"ben","at":"2024-03-15T11:00:00Z","reversal":4}}"#,
    r#"{"v":1,"type":"payment_cancelled","number":1,"reversal":4,"by":"ben","at":"2024-03-15T11:00:00Z"}"#,
];

#[test]
fn payment_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_payments();
    assert_eq!(events.len(), GOLDEN_PAYMENTS.len());
    for (event, golden) in events.iter().zip(GOLDEN_PAYMENTS) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

/// The partner session on a new company: one event of each partner and
/// open-item kind, and an entry with a partner line and a due date.
fn golden_events_v1_partners() -> Vec<Event> {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let date = NaiveDate::from_ymd_opt(2024, 3, 15).unwrap();
    let mut events = Vec::new();
    for cmd in partner_session(date)
        .iter()
        .chain(&clearing_session(date, 1, 1))
    {
        events.extend(b.execute(cmd).unwrap());
    }
    // The credit note's entry is the same kind as the invoice's.
    events.remove(5);
    events
}

/// Captured from the encoder when partners came (issue 13); fixed from
/// then on like the others.
const GOLDEN_PARTNERS: [&str; 7] = [
    r#"{"v":1,"type":"payment_terms_created","terms":{"code":"S2N30","name_de":"14 Tage 2 % Skonto, 30 Tage netto","name_en":"2 % 14 days, 30 days net","base":"document","start":"date","months":0,"days":30,"discounts":[{"days":14,"percent":"2"}],"installments":[],"tolerance_days":0,"active":true}}"#,
    r#"{"v":1,"type":"payment_terms_updated","terms":{"code":"S2N30","name_de":"14 Tage 2 % Skonto, 30 Tage netto","name_en":"2 % 14 days, 30 days net","base":"document","start":"date","months":0,"days":30,"discounts":[{"days":14,"percent":"2"}],"installments":[{"percent":"50","days":0},{"percent":"50","days":30}],"tolerance_days":0,"active":true}}"#,
    r#"{"v":1,"type":"partner_created","partner":{"code":"10001","kind":"customer","name":"Bäckerei Krüger KG","group":"Gastronomie","address":{"street":"Hafenstraße","house_number":"7a","postcode":"20457","town":"Hamburg","country":"DE"},"vat_id":"DE136695976","tax_number":"22/815/00042","contact":{"person":"Eva Krüger","phone":"+49 40 123456","email":"eva@example.org"},"language":"en","bank_accounts":[{"iban":"DE44500105175407324931","bic":"INGDDEFFXXX","holder":"","default":true}],"control_account":"1400","currency":{"kind":"local"},"payment_terms":"S2N30","payment_method":"direct_debit","payment_block":false,"credit_limit":"5000","commitment_limit":"8000","dunning_term":"M1","mandate":{"id":"KRUEGER-1","signed":"2024-03-15","sequence":"first"},"remarks":"Lieferung nur vormittags","active":true},"by":"anna","at":"2024-03-15T09:30:00Z"}"#,
    r#"{"v":1,"type":"partner_updated","partner":{"code":"10001","kind":"customer","name":"Bäckerei Krüger GmbH","group":"Gastronomie","address":{"street":"Hafenstraße","house_number":"7a","postcode":"20457","town":"Hamburg","country":"DE"},"vat_id":"DE136695976","tax_number":"22/815/00042","contact":{"person":"Eva Krüger","phone":"+49 40 123456","email":"eva@example.org"},"language":"en","bank_accounts":[{"iban":"DE44500105175407324931","bic":"INGDDEFFXXX","holder":"","default":true}],"control_account":"1400","currency":{"kind":"local"},"payment_terms":"S2N30","payment_method":"direct_debit","payment_block":true,"credit_limit":"5000","commitment_limit":"8000","dunning_term":"M1","mandate":{"id":"KRUEGER-1","signed":"2024-03-15","sequence":"first"},"remarks":"Lieferung nur vormittags","active":true},"by":"ben","at":"2024-03-15T09:30:00Z"}"#,
    r#"{"v":1,"type":"entry_posted","entry":{"id":1,"fiscal_year":2024,"number":1,"posting_date":"2024-03-15","document_date":"2024-03-15","due_date":"2024-03-15","reference":"AR-1","memo":"","user":"anna","lines":[{"account":"1400","side":"debit","amount_lc":"1190.00","amount_sc":"1190.00","partner":"10001","due_date":"2024-03-25"},{"account":"8400","side":"credit","amount_lc":"1190.00","amount_sc":"1190.00"}]}}"#,
    r#"{"v":1,"type":"items_cleared","clearing":{"number":1,"partner":"10001","date":"2024-03-15","parts":[{"item":{"entry":1,"line":0,"installment":0},"amount_lc":"119.00"},{"item":{"entry":2,"line":0,"installment":0},"amount_lc":"119.00"}],"by":"anna","at":"2024-03-15T10:00:00Z"}}"#,
    r#"{"v":1,"type":"clearing_cancelled","number":1,"by":"ben","at":"2024-03-15T10:00:00Z"}"#,
];

#[test]
fn partner_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_partners();
    assert_eq!(events.len(), GOLDEN_PARTNERS.len());
    for (event, golden) in events.iter().zip(GOLDEN_PARTNERS) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

// ----- bank statements -----

/// A bank session after the payment session, given command by command
/// (the posting key of a line depends on the statement imported): a
/// house bank on 1200, a statement file with one fee line, two rules (a
/// learned partner rule, a G/L split), a move and a deletion, and the fee
/// line posted as a G/L payment (its entry, payment and `LinesPosted`).
/// Returns every event. The same session, given to the corpus company on
/// 2025-01-15, is the tail of the v1 corpus.
fn bank_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use kontor::ledger::bank::{
        BalanceAt, BankCommand, BankLine, Conditions, HouseBank, LinePosting, LineRef, Rule,
        RuleAction, RuleSplit, Share, Sign, StatementDraft, TextMatch,
    };
    use kontor::ledger::payments::{Direction, GlLineDraft, Means, MeansDraft, PaymentDraft};
    use kontor::ledger::types::{Currency, PartnerCode, Timestamp};
    let at = Timestamp::at(date, 12, 0, 0).unwrap();
    let a = |n| AccountNo::parse(n).unwrap();
    let eur = Currency::parse("EUR").unwrap();
    let bank = HouseBank {
        code: "SPK".into(),
        name: "Sparkasse Hamburg".into(),
        account: a("1200"),
        iban: "DE89 3704 0044 0532 0130 00".into(),
        bic: "COBADEFFXXX".into(),
        currency: eur,
        suspense_account: Some(a("1360")),
        csv_mapping: None,
    };
    let line = BankLine {
        booking_date: date,
        value_date: date,
        amount: dec!(-12.50),
        currency: eur,
        counterparty: "Sparkasse Hamburg".into(),
        iban: String::new(),
        bic: String::new(),
        purpose: "Kontoführung Januar".into(),
        creditor_reference: String::new(),
        end_to_end_id: String::new(),
        mandate_id: String::new(),
        bank_reference: "2025011500042".into(),
        transaction_code: "PMNT/CCRD/CHRG".into(),
        key: r#"{"by":"bank_reference","reference":"2025011500042","amount":"-12.5"}"#.into(),
    };
    let statement = StatementDraft {
        iban: "DE89370400440532013000".into(),
        statement_id: "2025-01-15-001".into(),
        sequence_no: "3".into(),
        format: "camt.053.001.08".into(),
        intraday: false,
        currency: eur,
        opening: Some(BalanceAt {
            date,
            amount: dec!(1000.00),
        }),
        closing: Some(BalanceAt {
            date,
            amount: dec!(987.50),
        }),
        lines: vec![line],
    };
    let partner_rule = Rule {
        id: 0,
        name: "Krüger".into(),
        conditions: Conditions {
            house_bank: "SPK".into(),
            iban: "DE44500105175407324931".into(),
            name_contains: "Krüger".into(),
            purpose: Some(TextMatch::Contains("RE".into())),
            amount_min: Some(dec!(10)),
            amount_max: Some(dec!(5000)),
            sign: Some(Sign::Credit),
        },
        action: RuleAction::Partner(PartnerCode::parse("10001").unwrap()),
        learned: true,
    };
    let split = |account, share| RuleSplit {
        account: a(account),
        tax_code: None,
        centre: None,
        share,
    };
    let fee_rule = Rule {
        id: 0,
        name: "Gebühren".into(),
        conditions: Conditions {
            purpose: Some(TextMatch::Regex("^Kontof(ü|ue)hrung".into())),
            sign: Some(Sign::Debit),
            ..Conditions::default()
        },
        action: RuleAction::Gl(vec![
            split("4970", Share::Percent(dec!(60))),
            split("4210", Share::Amount(dec!(1.00))),
            split("4930", Share::Rest),
        ]),
        learned: false,
    };
    let by = || "anna".to_string();
    let mut events = Vec::new();
    let mut run = |b: &mut Book, cmd: BankCommand| events.extend(b.execute(&cmd.into()).unwrap());
    run(
        b,
        BankCommand::SaveHouseBank {
            bank: Box::new(bank),
            by: by(),
            at,
        },
    );
    run(
        b,
        BankCommand::Import {
            house_bank: None,
            file_name: "2025-01-15.xml".into(),
            bytes: "<Document>Kontoführung</Document>".as_bytes().to_vec(),
            statements: vec![statement],
            by: by(),
            at,
        },
    );
    run(
        b,
        BankCommand::SaveRule {
            rule: Box::new(partner_rule),
            by: by(),
            at,
        },
    );
    run(
        b,
        BankCommand::SaveRule {
            rule: Box::new(fee_rule),
            by: by(),
            at,
        },
    );
    run(
        b,
        BankCommand::MoveRule {
            id: 2,
            to: 0,
            by: by(),
            at,
        },
    );
    run(
        b,
        BankCommand::DeleteRule {
            id: 1,
            by: by(),
            at,
        },
    );
    let key = b.bank().line_posting_key(LineRef {
        statement: 1,
        line: 0,
    });
    let draft = PaymentDraft {
        direction: Direction::Outgoing,
        partner: None,
        posting_date: date,
        document_date: None,
        currency: None,
        rate_fc_per_lc: None,
        items: Vec::new(),
        on_account: dec!(0),
        gl_lines: vec![GlLineDraft {
            account: a("4970"),
            amount: dec!(12.50),
            tax_code: None,
            memo: "Kontoführung Januar".into(),
        }],
        means: vec![MeansDraft {
            means: Means::Transfer,
            account: Some(a("1200")),
            amount: dec!(12.50),
            reference: "2025011500042".into(),
        }],
        fee: dec!(0),
        write_off: false,
        late_discount_confirmed: false,
        reference: "KA 3".into(),
        memo: "Kontoführung Januar".into(),
        user: "anna".into(),
        key,
    };
    run(
        b,
        BankCommand::PostLines {
            statement: 1,
            lines: vec![LinePosting {
                line: 0,
                draft: Box::new(draft),
            }],
            by: by(),
            at,
        },
    );
    events
}

/// The bank events of the bank session on the payment company.
fn golden_events_v1_bank() -> Vec<Event> {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let date = NaiveDate::from_ymd_opt(2024, 3, 15).unwrap();
    for cmd in partner_session(date)
        .iter()
        .chain(&clearing_session(date, 1, 1))
        .chain(&payment_session(date, 1, 1))
    {
        b.execute(cmd).unwrap();
    }
    bank_session(&mut b, date)
        .into_iter()
        .filter(|e| matches!(e, Event::Bank(_)))
        .collect()
}

/// Captured from the encoder when bank statements came (issue 15); fixed
/// from then on like the others.
const GOLDEN_BANK: [&str; 7] = [
    r#"{"v":1,"type":"house_bank_saved","bank":{"code":"SPK","name":"Sparkasse Hamburg","account":"1200","iban":"DE89370400440532013000","bic":"COBADEFFXXX","currency":"EUR","suspense_account":"1360"},"by":"anna","at":"2024-03-15T12:00:00Z"}"#,
    r#"{"v":1,"type":"bank_file_imported","file":{"number":1,"name":"2025-01-15.xml","bytes":"PERvY3VtZW50PktvbnRvZsO8aHJ1bmc8L0RvY3VtZW50Pg==","by":"anna","at":"2024-03-15T12:00:00Z"},"statements":[{"number":1,"house_bank":"SPK","file":1,"statement_id":"2025-01-15-001","sequence_no":"3","format":"camt.053.001.08","currency":"EUR","opening":{"date":"2024-03-15","amount":"1000.00"},"closing":{"date":"2024-03-15","amount":"987.50"},"lines":[{"booking_date":"2024-03-15","value_date":"2024-03-15","amount":"-12.50","currency":"EUR","counterparty":"Sparkasse Hamburg","purpose":"Kontoführung Januar","bank_reference":"2025011500042","transaction_code":"PMNT/CCRD/CHRG","key":"{\"by\":\"bank_reference\",\"reference\":\"2025011500042\",\"amount\":\"-12.5\"}"}]}]}"#,
    r#"{"v":1,"type":"bank_rule_saved","rule":{"id":1,"name":"Krüger","conditions":{"house_bank":"SPK","iban":"DE44500105175407324931","name_contains":"Krüger","purpose":{"kind":"contains","text":"RE"},"amount_min":"10","amount_max":"5000","sign":"credit"},"action":{"kind":"partner","partner":"10001"},"learned":true},"by":"anna","at":"2024-03-15T12:00:00Z"}"#,
    r#"{"v":1,"type":"bank_rule_saved","rule":{"id":2,"name":"Gebühren","conditions":{"purpose":{"kind":"regex","text":"^Kontof(ü|ue)hrung"},"sign":"debit"},"action":{"kind":"gl","splits":[{"account":"4970","share":{"kind":"percent","value":"60"}},{"account":"4210","share":{"kind":"amount","value":"1.00"}},{"account":"4930","share":{"kind":"rest"}}]}},"by":"anna","at":"2024-03-15T12:00:00Z"}"#,
    r#"{"v":1,"type":"bank_rule_moved","id":2,"to":0,"by":"anna","at":"2024-03-15T12:00:00Z"}"#,
    r#"{"v":1,"type":"bank_rule_deleted","id":1,"by":"anna","at":"2024-03-15T12:00:00Z"}"#,
    r#"{"v":1,"type":"bank_lines_posted","statement":1,"lines":[{"line":0,"payment":2}],"by":"anna","at":"2024-03-15T12:00:00Z"}"#,
];

#[test]
fn bank_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_bank();
    assert_eq!(events.len(), GOLDEN_BANK.len());
    for (event, golden) in events.iter().zip(GOLDEN_BANK) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

/// Prints the bank session given to the corpus company (as appended to
/// `tests/fixtures/events/v1-corpus.jsonl` for issue 15).
/// The company the v1 corpus builds, for the tests that print records to
/// append to it.
fn corpus_book() -> Book {
    let corpus = include_str!("fixtures/events/v1-corpus.jsonl");
    let mut head = ChainHead::EMPTY;
    let records: Vec<_> = corpus
        .lines()
        .map(|body| {
            let record = head.seal(body.to_string());
            head = ChainHead::after(&record);
            record
        })
        .collect();
    Book::replay(&records).unwrap()
}

#[test]
#[ignore = "writes corpus records; run by hand with --nocapture"]
fn print_bank_session_for_the_corpus() {
    let mut b = corpus_book();
    let date = NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
    for e in bank_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
}

// ----- dunning (issue 16) -----

/// A dunning session for the open invoice of the partner session (due
/// ten days after `date`): its customer's payment block lifted, term M1 (two levels, every flag set) and M2
/// (one level, defaults) saved, M2 deleted, settings with charge accounts
/// and an edited base-rate table, then a run forty days after `date`
/// (level 2 with interest and the flat fee) whose charges are posted.
fn dunning_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use kontor::finance::interest::{BaseRate, DayCount, DebtorKind};
    use kontor::ledger::dunning::{
        DunningCommand, DunningLevel, DunningRunDraft, DunningSettings, DunningTerm, InterestBase,
        LetterChoice,
    };
    use kontor::ledger::types::{PartnerCode, PostingKey, Timestamp};
    let at = Timestamp::at(date, 14, 0, 0).unwrap();
    let by = || "anna".to_string();
    let a = |n| AccountNo::parse(n).unwrap();
    let level = |days, fee, min_balance, interest| DunningLevel {
        days_after_due: days,
        fee,
        min_balance,
        interest,
        text_de: "Bitte zahlen Sie bis {date}.".into(),
        text_en: "Please pay by {date}.".into(),
    };
    let m1 = DunningTerm {
        code: "M1".into(),
        name: "Zwei Stufen".into(),
        levels: vec![
            level(7, dec!(5.00), dec!(0), false),
            level(21, dec!(10.00), dec!(50.00), true),
        ],
        group_items: true,
        interest_base: InterestBase::Original,
        day_count: DayCount::Act360,
        debtor: DebtorKind::Business,
        flat_fee: true,
    };
    let m2 = DunningTerm {
        code: "M2".into(),
        name: "Eine Stufe".into(),
        levels: vec![DunningLevel {
            text_de: String::new(),
            text_en: String::new(),
            ..level(14, dec!(0), dec!(0), false)
        }],
        group_items: false,
        interest_base: InterestBase::Remaining,
        day_count: DayCount::Act365,
        debtor: DebtorKind::Consumer,
        flat_fee: false,
    };
    let rate = |y, m, percent| BaseRate {
        valid_from: NaiveDate::from_ymd_opt(y, m, 1).unwrap(),
        percent,
    };
    let settings = DunningSettings {
        fee_account: Some(a("2700")),
        interest_account: Some(a("2650")),
        base_rates: Some(vec![
            rate(2024, 1, dec!(3.62)),
            rate(2024, 7, dec!(3.37)),
            rate(2025, 1, dec!(2.27)),
        ]),
    };
    let code = PartnerCode::parse("10001").unwrap();
    let mut unblocked = b.partner(code).unwrap().clone();
    unblocked.payment_block = false;
    let commands: Vec<Command> = vec![
        kontor::ledger::partners::PartnersCommand::UpdatePartner {
            partner: Box::new(unblocked),
            by: by(),
            at,
        }
        .into(),
        DunningCommand::SaveTerm {
            term: Box::new(m1),
            by: by(),
            at,
        }
        .into(),
        DunningCommand::SaveTerm {
            term: Box::new(m2),
            by: by(),
            at,
        }
        .into(),
        DunningCommand::DeleteTerm {
            code: "M2".into(),
            by: by(),
            at,
        }
        .into(),
        DunningCommand::SetSettings {
            settings: Box::new(settings),
            by: by(),
            at,
        }
        .into(),
        DunningCommand::Execute {
            draft: Box::new(DunningRunDraft {
                date: date + chrono::Days::new(40),
                letters: vec![LetterChoice {
                    partner: code,
                    items: Vec::new(),
                }],
                post_charges: true,
                user: by(),
                key: PostingKey(0x16),
            }),
            at,
        }
        .into(),
    ];
    commands
        .iter()
        .flat_map(|cmd| b.execute(cmd).unwrap())
        .collect()
}

/// The dunning events of the dunning session on the bank company, but
/// M2's save (M1's shows every field of a term).
fn golden_events_v1_dunning() -> Vec<Event> {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let date = NaiveDate::from_ymd_opt(2024, 3, 15).unwrap();
    for cmd in partner_session(date)
        .iter()
        .chain(&clearing_session(date, 1, 1))
        .chain(&payment_session(date, 1, 1))
    {
        b.execute(cmd).unwrap();
    }
    bank_session(&mut b, date);
    dunning_session(&mut b, date)
        .into_iter()
        .filter(|e| match e {
            Event::Dunning(DunningEvent::TermSaved { term, .. }) => term.code != "M2",
            Event::Dunning(_) => true,
            _ => false,
        })
        .collect()
}

/// Captured from the encoder when dunning came (issue 16); fixed from
/// then on like the others.
const GOLDEN_DUNNING: [&str; 4] = [
    r#"{"v":1,"type":"dunning_term_saved","term":{"code":"M1","name":"Zwei Stufen","levels":[{"days_after_due":7,"fee":"5.00","min_balance":"0","text_de":"Bitte zahlen Sie bis {date}.","text_en":"Please pay by {date}."},{"days_after_due":21,"fee":"10.00","min_balance":"50.00","interest":true,"text_de":"Bitte zahlen Sie bis {date}.","text_en":"Please pay by {date}."}],"group_items":true,"interest_base":"original","day_count":"act360","debtor":"business","flat_fee":true},"by":"anna","at":"2024-03-15T14:00:00Z"}"#,
    r#"{"v":1,"type":"dunning_term_deleted","code":"M2","by":"anna","at":"2024-03-15T14:00:00Z"}"#,
    r#"{"v":1,"type":"dunning_settings_set","settings":{"fee_account":"2700","interest_account":"2650","base_rates":[{"valid_from":"2024-01-01","percent":"3.62"},{"valid_from":"2024-07-01","percent":"3.37"},{"valid_from":"2025-01-01","percent":"2.27"}]},"by":"anna","at":"2024-03-15T14:00:00Z"}"#,
    r#"{"v":1,"type":"dunning_run_executed","run":{"number":1,"date":"2024-04-24","letters":[{"partner":"10001","level":2,"items":[{"item":{"entry":1,"line":0,"installment":0},"document_date":"2024-03-15","due_date":"2024-03-25","days_overdue":30,"amount":"1190.00","open":"1190.00","level":2,"interest":"12.51","periods":[{"from":"2024-03-26","to":"2024-04-24","days":30,"base_rate":"3.62","rate":"12.62","interest":"12.51"}],"flat_fee":"40"}],"fee":"10.00","entry":6}],"by":"anna","at":"2024-03-15T14:00:00Z","key":"00000000000000000000000000000016"}}"#,
];

#[test]
fn dunning_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_dunning();
    assert_eq!(events.len(), GOLDEN_DUNNING.len());
    for (event, golden) in events.iter().zip(GOLDEN_DUNNING) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

/// Prints the dunning session given to the corpus company (as appended to
/// `tests/fixtures/events/v1-corpus.jsonl` for issue 16).
#[test]
#[ignore = "writes corpus records; run by hand with --nocapture"]
fn print_dunning_session_for_the_corpus() {
    let mut b = corpus_book();
    let date = NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
    for e in dunning_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
}

// ----- payment runs (issue 16) -----

/// A payment-run session after the bank session (which saved house bank
/// SPK with transit account 1360): a vendor with an IBAN and an invoice
/// of 100.00, our creditor id, run 1 saved and deleted, run 2 saved and
/// executed with its file (the payment's entry, clearing and payment,
/// then `RunExecuted`). Returns every event. The same session, given to
/// the corpus company on 2025-01-16, is appended to the v1 corpus.
fn runs_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use kontor::ledger::partners::{BankAccount, Partner, PartnerKind, PartnersCommand};
    use kontor::ledger::payment_runs::{
        PartnerSelection, PaymentRunsCommand, RunDraft, RunFile, RunFileKind, RunItem, RunParams,
    };
    use kontor::ledger::payments::payment_item;
    use kontor::ledger::types::{PartnerCode, PostingKey, Side, Timestamp};
    let at = Timestamp::at(date, 12, 30, 0).unwrap();
    let a = |n| AccountNo::parse(n).unwrap();
    let code = PartnerCode::parse("79001").unwrap();
    let mut vendor = Partner::new(code, PartnerKind::Vendor, "Lauf Lieferant GmbH");
    vendor.bank_accounts = vec![BankAccount {
        iban: "DE44500105175407324931".into(),
        bic: "INGDDEFFXXX".into(),
        holder: String::new(),
        default: true,
    }];
    let mut events = Vec::new();
    let mut run = |b: &mut Book, cmd: Command| {
        let new = b.execute(&cmd).unwrap();
        events.extend(new.clone());
        new
    };
    run(
        b,
        PartnersCommand::CreatePartner {
            partner: Box::new(vendor),
            by: "anna".into(),
            at,
        }
        .into(),
    );
    let mut draft = EntryDraft::new(
        date,
        "anna",
        vec![
            LineDraft::partner(code, Side::Credit, dec!(100.00)),
            LineDraft::debit_lc(a("3400"), dec!(100.00)),
        ],
    );
    draft.reference = "ER-77".into();
    let posted = run(b, PostingCommand::PostEntry { draft }.into());
    let Some(Event::EntryPosted { entry }) = posted.first() else {
        panic!("an entry: {posted:?}");
    };
    let item = payment_item(entry.id);
    run(
        b,
        PaymentRunsCommand::SetCreditorId {
            creditor_id: "DE98ZZZ09999999999".into(),
            by: "anna".into(),
            at,
        }
        .into(),
    );
    let params = RunParams {
        name: "Lauf Januar".into(),
        run_date: date,
        outgoing: true,
        incoming: false,
        house_bank: "SPK".into(),
        next_run_date: date + chrono::Days::new(7),
        partners: PartnerSelection::Range {
            from: code,
            to: code,
        },
        methods: vec![kontor::ledger::partners::PaymentMethod::Transfer],
        include_credit_notes: true,
        due_until: date,
        max_total: Some(dec!(5000)),
    };
    let save = || {
        PaymentRunsCommand::Save {
            run: Box::new(RunDraft {
                number: 0,
                params: params.clone(),
                items: vec![RunItem {
                    item,
                    partner: code,
                    amount: dec!(100.00),
                    discount: dec!(0),
                }],
            }),
            by: "anna".into(),
            at,
        }
        .into()
    };
    let first = b.payment_runs().next_number();
    run(b, save());
    run(
        b,
        PaymentRunsCommand::Delete {
            number: first,
            by: "anna".into(),
            at,
        }
        .into(),
    );
    let second = b.payment_runs().next_number();
    run(b, save());
    run(
        b,
        PaymentRunsCommand::Execute {
            number: second,
            order_only: false,
            files: vec![RunFile {
                name: "KONTOR-R2-CT-pain.001.001.09.xml".into(),
                kind: RunFileKind::CreditTransfer,
                bytes: b"<Document/>".to_vec(),
            }],
            key: PostingKey(0x5eed_0016),
            by: "anna".into(),
            at,
        }
        .into(),
    );
    events
}

/// The payment-run events of the runs session after the bank session.
fn golden_events_v1_runs() -> Vec<Event> {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let date = NaiveDate::from_ymd_opt(2024, 3, 15).unwrap();
    for cmd in partner_session(date)
        .iter()
        .chain(&clearing_session(date, 1, 1))
        .chain(&payment_session(date, 1, 1))
    {
        b.execute(cmd).unwrap();
    }
    bank_session(&mut b, date);
    runs_session(&mut b, date)
        .into_iter()
        .filter(|e| matches!(e, Event::PaymentRuns(_)))
        .collect()
}

/// Captured from the encoder when payment runs came (issue 16); fixed
/// from then on like the others.
const GOLDEN_RUNS: [&str; 5] = [
    r#"{"v":1,"type":"creditor_id_set","creditor_id":"DE98ZZZ09999999999","by":"anna","at":"2024-03-15T12:30:00Z"}"#,
    r#"{"v":1,"type":"payment_run_saved","run":{"number":1,"name":"Lauf Januar","run_date":"2024-03-15","outgoing":true,"house_bank":"SPK","next_run_date":"2024-03-22","partners":{"kind":"range","from":"79001","to":"79001"},"methods":["transfer"],"include_credit_notes":true,"due_until":"2024-03-15","max_total":"5000","items":[{"item":{"entry":6,"line":0,"installment":0},"partner":"79001","amount":"100.00"}],"by":"anna","at":"2024-03-15T12:30:00Z"}}"#,
    r#"{"v":1,"type":"payment_run_deleted","number":1,"by":"anna","at":"2024-03-15T12:30:00Z"}"#,
    r#"{"v":1,"type":"payment_run_saved","run":{"number":2,"name":"Lauf Januar","run_date":"2024-03-15","outgoing":true,"house_bank":"SPK","next_run_date":"2024-03-22","partners":{"kind":"range","from":"79001","to":"79001"},"methods":["transfer"],"include_credit_notes":true,"due_until":"2024-03-15","max_total":"5000","items":[{"item":{"entry":6,"line":0,"installment":0},"partner":"79001","amount":"100.00"}],"by":"anna","at":"2024-03-15T12:30:00Z"}}"#,
    r#"{"v":1,"type":"payment_run_executed","number":2,"payments":[3],"files":[{"name":"KONTOR-R2-CT-pain.001.001.09.xml","kind":"credit_transfer","bytes":"PERvY3VtZW50Lz4="}],"key":"0000000000000000000000005eed0016","by":"anna","at":"2024-03-15T12:30:00Z"}"#,
];

#[test]
fn payment_run_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_runs();
    assert_eq!(events.len(), GOLDEN_RUNS.len());
    for (event, golden) in events.iter().zip(GOLDEN_RUNS) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

/// Prints the runs session given to the corpus company (as appended to
/// `tests/fixtures/events/v1-corpus.jsonl` for issue 16).
#[test]
#[ignore = "writes corpus records; run by hand with --nocapture"]
fn print_runs_session_for_the_corpus() {
    let mut b = corpus_book();
    let date = NaiveDate::from_ymd_opt(2025, 1, 16).unwrap();
    for e in runs_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
}

// ----- items and prices (issue 20) -----

/// An items session for customer 10001 (the partner session's): group HW
/// with every account and tax code, item A-100 with every field, base
/// list 1 and list 2 derived ×0.85 (to 0.05 up), hand-set prices on both,
/// a special price for 10001 with two quantity breaks, a period discount
/// of list 1 (then deleted), discount group RG1 and 10001's pricing.
/// Returns every event. The same session, given to the corpus company on
/// 2025-01-17, is appended to the v1 corpus.
fn items_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use kontor::ledger::items::{
        DiscountGroup, Item, ItemAccounts, ItemGroup, ItemsCommand, ListBasis, PartnerPricing,
        PriceEntry, PriceList, PriceScope, PriceValue, QuantityBreak, RoundMode, RoundStep,
        Rounding, SpecialPrice, UnitCode,
    };
    use kontor::ledger::types::{Currency, PartnerCode, Timestamp};
    let at = Timestamp::at(date, 16, 0, 0).unwrap();
    let a = |n| Some(AccountNo::parse(n).unwrap());
    let customer = PartnerCode::parse("10001").unwrap();
    let eur = Currency::EUR;
    let group = ItemGroup {
        code: "HW".into(),
        name_de: "Handelswaren".into(),
        name_en: "Merchandise".into(),
        accounts: ItemAccounts {
            revenue: [a("8400"), a("8125"), a("8100")],
            expense: [a("3400"), a("3425"), a("3200")],
            sales_tax: Some("U19".into()),
            purchase_tax: Some("V19".into()),
        },
    };
    let item = Item {
        code: "A-100".into(),
        description_de: "Schraube M4 verzinkt".into(),
        description_en: "Screw M4 galvanised".into(),
        group: "HW".into(),
        unit: UnitCode::parse("H87").unwrap(),
        sales: true,
        purchase: true,
        accounts: ItemAccounts {
            revenue: [a("8200"), None, None],
            ..ItemAccounts::default()
        },
        default_price: dec!(12.5000),
        active: true,
        remarks: "Nur in Kartons zu 100".into(),
    };
    let base = PriceList {
        number: 1,
        name: "Basis".into(),
        basis: ListBasis::Own,
        currency: eur,
        active: true,
    };
    let derived = PriceList {
        number: 2,
        name: "Wiederverkäufer".into(),
        basis: ListBasis::Derived {
            base: 1,
            factor: dec!(0.85),
            rounding: Rounding {
                step: RoundStep::FiveCents,
                mode: RoundMode::Up,
            },
        },
        ..base.clone()
    };
    let price = |list, from, price| PriceEntry {
        list,
        item: "A-100".into(),
        currency: eur,
        from,
        price: Some(price),
    };
    let special = |id, scope, value, breaks| SpecialPrice {
        id,
        scope,
        item: "A-100".into(),
        valid_from: Some(date),
        valid_to: NaiveDate::from_ymd_opt(2025, 12, 31),
        value,
        breaks,
    };
    let discount = |p| PriceValue::Discount { percent: p };
    let breaks = vec![
        QuantityBreak {
            from: dec!(10),
            value: discount(dec!(5)),
        },
        QuantityBreak {
            from: dec!(100),
            value: discount(dec!(10)),
        },
    ];
    let commands: Vec<ItemsCommand> = vec![
        ItemsCommand::SaveGroup {
            group,
            by: "anna".into(),
            at,
        },
        ItemsCommand::SaveItem {
            item: Box::new(item),
            by: "anna".into(),
            at,
        },
        ItemsCommand::SavePriceList { list: base },
        ItemsCommand::SavePriceList { list: derived },
        ItemsCommand::SetPrices {
            prices: vec![
                price(1, Some(date), dec!(12.90)),
                price(2, None, dec!(9.99)),
            ],
        },
        ItemsCommand::SaveSpecial {
            special: special(
                0,
                PriceScope::Partner(customer),
                PriceValue::Price {
                    amount: dec!(11.00),
                    currency: eur,
                },
                breaks,
            ),
        },
        ItemsCommand::SaveSpecial {
            special: special(0, PriceScope::List(1), discount(dec!(3)), Vec::new()),
        },
        ItemsCommand::DeleteSpecial { id: 2 },
        ItemsCommand::SaveDiscountGroup {
            group: DiscountGroup {
                code: "RG1".into(),
                name: "Händler".into(),
                discounts: vec![("HW".into(), dec!(4))],
            },
        },
        ItemsCommand::SetPartnerPricing {
            partner: customer,
            pricing: PartnerPricing {
                list: Some(2),
                discount_group: Some("RG1".into()),
            },
        },
    ];
    commands
        .into_iter()
        .flat_map(|cmd| b.execute(&cmd.into()).unwrap())
        .collect()
}

/// One event of each items kind (the derived list and the partner's
/// special, which show more fields than list 1 and the period discount).
fn golden_events_v1_items() -> Vec<Event> {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let date = NaiveDate::from_ymd_opt(2024, 3, 15).unwrap();
    for cmd in partner_session(date) {
        b.execute(&cmd).unwrap();
    }
    items_session(&mut b, date)
        .into_iter()
        .filter(|e| match e {
            Event::Items(ItemsEvent::PriceListSaved { list }) => list.number == 2,
            Event::Items(ItemsEvent::SpecialSaved { special }) => special.id == 1,
            _ => true,
        })
        .collect()
}

/// Captured from the encoder when items came (issue 20); fixed from then
/// on like the others.
const GOLDEN_ITEMS: [&str; 8] = [
    r#"{"v":1,"type":"item_group_saved","group":{"code":"HW","name_de":"Handelswaren","name_en":"Merchandise","accounts":{"revenue_domestic":"8400","revenue_eu":"8125","revenue_abroad":"8100","expense_domestic":"3400","expense_eu":"3425","expense_abroad":"3200","sales_tax":"U19","purchase_tax":"V19"}},"by":"anna","at":"2024-03-15T16:00:00Z"}"#,
    r#"{"v":1,"type":"item_saved","item":{"code":"A-100","description_de":"Schraube M4 verzinkt","description_en":"Screw M4 galvanised","group":"HW","unit":"H87","sales":true,"purchase":true,"accounts":{"revenue_domestic":"8200"},"default_price":"12.5000","active":true,"remarks":"Nur in Kartons zu 100"},"by":"anna","at":"2024-03-15T16:00:00Z"}"#,
    r#"{"v":1,"type":"price_list_saved","list":{"number":2,"name":"Wiederverkäufer","derived":{"base":1,"factor":"0.85","step":"five_cents","mode":"up"},"currency":"EUR","active":true}}"#,
    r#"{"v":1,"type":"prices_set","prices":[{"list":1,"item":"A-100","currency":"EUR","from":"2024-03-15","price":"12.90"},{"list":2,"item":"A-100","currency":"EUR","price":"9.99"}]}"#,
    r#"{"v":1,"type":"special_price_saved","special":{"id":1,"scope":{"partner":"10001"},"item":"A-100","valid_from":"2024-03-15","valid_to":"2025-12-31","value":{"price":{"amount":"11.00","currency":"EUR"}},"breaks":[{"from":"10","value":{"discount":{"percent":"5"}}},{"from":"100","value":{"discount":{"percent":"10"}}}]}}"#,
    r#"{"v":1,"type":"special_price_deleted","id":2}"#,
    r#"{"v":1,"type":"discount_group_saved","group":{"code":"RG1","name":"Händler","discounts":[{"group":"HW","percent":"4"}]}}"#,
    r#"{"v":1,"type":"partner_pricing_set","partner":"10001","pricing":{"list":2,"discount_group":"RG1"}}"#,
];

#[test]
fn items_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_items();
    assert_eq!(events.len(), GOLDEN_ITEMS.len());
    for (event, golden) in events.iter().zip(GOLDEN_ITEMS) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

/// Prints the items session given to the corpus company (as appended to
/// `tests/fixtures/events/v1-corpus.jsonl` for issue 20).
#[test]
#[ignore = "writes corpus records; run by hand with --nocapture"]
fn print_items_session_for_the_corpus() {
    let mut b = corpus_book();
    let date = NaiveDate::from_ymd_opt(2025, 1, 17).unwrap();
    for e in items_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
}

// ----- year-end closing, opening balances (issue 17, part C) -----

/// Closing on a company with two years of P&L: closes the year before
/// `date`'s, opens the year after `date`'s if needed, posts an expense in
/// `date`'s year, closes that year, reverts it and closes it again, and
/// posts opening balances (a G/L line and customer 10001) on `date`.
fn closing_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use chrono::Datelike;
    use kontor::ledger::closing::{ClosingCommand, OpeningLine};
    use kontor::ledger::types::{PartnerCode, PostingKey, Timestamp};
    let at = Timestamp::at(date, 17, 0, 0).unwrap();
    let year = date.year();
    let a = |n: &str| AccountNo::parse(n).unwrap();
    let mut events = Vec::new();
    let mut run = |b: &mut Book, cmd: Command| events.extend(b.execute(&cmd).unwrap());
    let close = |year: i32, key: u128| {
        Command::Closing(ClosingCommand::CloseYear {
            year,
            key: PostingKey(key),
            by: "anna".into(),
            at,
        })
    };
    run(b, close(year - 1, 0x17c0_0001));
    if b.calendar().next_year() == Some(year + 1) {
        run(b, Command::Gl(GlCommand::OpenFiscalYear { year: year + 1 }));
    }
    let mut draft = EntryDraft::new(
        date,
        "anna",
        vec![
            LineDraft::debit_lc(a("4930"), dec!(119.00)),
            LineDraft::credit_lc(a("1200"), dec!(119.00)),
        ],
    );
    draft.reference = "Büro".into();
    run(b, Command::Posting(PostingCommand::PostEntry { draft }));
    run(b, close(year, 0x17c0_0002));
    run(
        b,
        Command::Closing(ClosingCommand::RevertClosing {
            year,
            by: "anna".into(),
            at,
        }),
    );
    run(b, close(year, 0x17c0_0003));
    let lines = vec![
        OpeningLine {
            account: None,
            partner: Some(PartnerCode::parse("10001").unwrap()),
            debit: dec!(1190.00),
            credit: dec!(0),
            reference: "AR-2023-0815".into(),
            due_date: Some(date),
        },
        OpeningLine {
            account: Some(a("0800")),
            partner: None,
            debit: dec!(0),
            credit: dec!(1190.00),
            reference: String::new(),
            due_date: None,
        },
    ];
    run(
        b,
        Command::Closing(ClosingCommand::PostOpeningBalances {
            date,
            lines,
            key: PostingKey(0x17c0_0004),
            by: "anna".into(),
            at,
        }),
    );
    events
}
// ----- recurring postings and templates (issue 17, part A) -----

/// A recurring session as a user gives it: the template "Kfz-Kosten
/// 70/30" (a tax code on one line), a template saved and deleted, the
/// warehouse rent (4200 to 1200, monthly on the 1st until the year's end)
/// and a maintenance contract billed to customer 10001 on the 15th (gross
/// on 8400 with U19, twelve times), both from `date`'s month; what is due
/// on `date` posted as one command, then next month's rent skipped.
fn recurring_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use chrono::Datelike;
    use kontor::ledger::recurring::{
        DuePosting, End, Frequency, PostingTemplate, RecurringCommand, Schedule, Source,
        StandingPosting, TemplateLine,
    };
    use kontor::ledger::types::{PartnerCode, PostingKey, Side, Timestamp};
    let at = Timestamp::at(date, 8, 0, 0).unwrap();
    let by = || "anna".to_string();
    let a = |n| AccountNo::parse(n).unwrap();
    let month = |day| NaiveDate::from_ymd_opt(date.year(), date.month(), day).unwrap();
    let tline = |n, percent, tax: Option<&str>, memo: &str| TemplateLine {
        account: a(n),
        percent,
        tax_code: tax.map(String::from),
        dims: Default::default(),
        memo: memo.into(),
    };
    let kfz = PostingTemplate {
        code: "KFZ".into(),
        name: "Kfz-Kosten 70/30".into(),
        lines: vec![
            tline("4530", dec!(70), Some("V19"), "Kraftstoff"),
            tline("4500", dec!(30), None, ""),
        ],
    };
    let spare = PostingTemplate {
        code: "ALT".into(),
        name: "Alt".into(),
        lines: vec![tline("4210", dec!(100), None, "")],
    };
    let rent = StandingPosting {
        number: 0,
        name: "Miete Lager".into(),
        draft: EntryDraft {
            memo: "Miete".into(),
            ..EntryDraft::new(
                month(1),
                "anna",
                vec![
                    LineDraft::debit_lc(a("4200"), dec!(1200.00)),
                    LineDraft::credit_lc(a("1200"), dec!(1200.00)),
                ],
            )
        },
        schedule: Schedule {
            frequency: Frequency::Monthly,
            first: month(1),
            end: End::Until(NaiveDate::from_ymd_opt(date.year(), 12, 31).unwrap()),
        },
        active: true,
        done: Default::default(),
    };
    let maintenance = StandingPosting {
        number: 0,
        name: "Wartungsvertrag".into(),
        draft: EntryDraft {
            reference: "WV-7".into(),
            ..EntryDraft::new(
                month(15),
                "anna",
                vec![
                    LineDraft::partner(
                        PartnerCode::parse("10001").unwrap(),
                        Side::Debit,
                        dec!(119.00),
                    ),
                    LineDraft {
                        tax_code: Some("U19".into()),
                        gross: true,
                        memo: "Wartung".into(),
                        ..LineDraft::credit_lc(a("8400"), dec!(119.00))
                    },
                ],
            )
        },
        schedule: Schedule {
            frequency: Frequency::Days(vec![15]),
            first: month(15),
            end: End::Count(12),
        },
        active: true,
        done: Default::default(),
    };
    let mut events = Vec::new();
    let mut run =
        |b: &mut Book, cmd: RecurringCommand| events.extend(b.execute(&cmd.into()).unwrap());
    run(
        b,
        RecurringCommand::SaveTemplate {
            template: kfz,
            by: by(),
            at,
        },
    );
    run(
        b,
        RecurringCommand::SaveTemplate {
            template: spare,
            by: by(),
            at,
        },
    );
    run(
        b,
        RecurringCommand::DeleteTemplate {
            code: "ALT".into(),
            by: by(),
            at,
        },
    );
    run(
        b,
        RecurringCommand::SaveStanding {
            posting: Box::new(rent),
            by: by(),
            at,
        },
    );
    run(
        b,
        RecurringCommand::SaveStanding {
            posting: Box::new(maintenance),
            by: by(),
            at,
        },
    );
    let postings = b
        .recurring()
        .due(b.context(), date)
        .into_iter()
        .map(|d| DuePosting {
            source: d.source,
            date: d.date,
            draft: d.draft,
        })
        .collect();
    run(
        b,
        RecurringCommand::PostDue {
            postings,
            key: PostingKey(0x0017_a000_0000_0000_0000_0000_0000_0001),
            by: by(),
            at,
        },
    );
    let next = month(1).checked_add_months(chrono::Months::new(1)).unwrap();
    run(
        b,
        RecurringCommand::Skip {
            source: Source::Standing(1),
            date: next,
            by: by(),
            at,
        },
    );
    events
}

fn golden_events_v1_closing() -> Vec<Event> {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let date = NaiveDate::from_ymd_opt(2025, 1, 17).unwrap();
    b.execute(&Command::Gl(GlCommand::OpenFiscalYear { year: 2025 }))
        .unwrap();
    for cmd in partner_session(date) {
        b.execute(&cmd).unwrap();
    }
    let draft = EntryDraft::new(
        NaiveDate::from_ymd_opt(2024, 6, 30).unwrap(),
        "anna",
        vec![
            LineDraft::debit_lc(AccountNo::parse("1200").unwrap(), dec!(500.00)),
            LineDraft::credit_lc(AccountNo::parse("8400").unwrap(), dec!(500.00)),
        ],
    );
    b.execute(&Command::Posting(PostingCommand::PostEntry { draft }))
        .unwrap();
    let events = closing_session(&mut b, date);
    let mut seen = std::collections::BTreeSet::new();
    events
        .into_iter()
        .filter(|e| matches!(e, Event::Closing(_)) && seen.insert(event_kind(e)))
        .collect()
}

/// Captured from the encoder when year-end closing came (issue 17);
/// fixed from then on like the others.
const GOLDEN_CLOSING: [&str; 3] = [
    r#"{"v":1,"type":"year_closed","year":2024,"entries":[4],"by":"anna","at":"2025-01-17T17:00:00Z"}"#,
    r#"{"v":1,"type":"closing_reverted","year":2025,"reversals":[7],"by":"anna","at":"2025-01-17T17:00:00Z"}"#,
    r#"{"v":1,"type":"opening_balances_posted","entry":9,"by":"anna","at":"2025-01-17T17:00:00Z"}"#,
];

#[test]
fn closing_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_closing();
    assert_eq!(events.len(), GOLDEN_CLOSING.len());
    for (event, golden) in events.iter().zip(GOLDEN_CLOSING) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}
// ----- statement layout and budgets (issue 17, part D) -----

/// Commands of the statements sub-ledger given to the corpus company
/// (SKR03): an account moved to another P&L line and back, and a year's
/// budgets of two accounts (revenue credit, so negative).
fn statements_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use kontor::ledger::statements::{BudgetKey, BudgetRow, StatementsCommand};
    use kontor::ledger::types::Timestamp;
    let at = Timestamp::at(date, 17, 0, 0).unwrap();
    let a = |n| AccountNo::parse(n).unwrap();
    let year = b.calendar().fiscal_years().last().unwrap().year;
    let mut rent = vec![dec!(1200.00); 12];
    rent[11] = dec!(1250.50);
    let commands = [
        StatementsCommand::SetPosition {
            account: a("4210"),
            line: Some("GuV.5".into()),
            by: "anna".into(),
            at,
        },
        StatementsCommand::SetPosition {
            account: a("4210"),
            line: None,
            by: "anna".into(),
            at,
        },
        StatementsCommand::SetBudgets {
            year,
            rows: vec![
                BudgetRow {
                    key: BudgetKey {
                        year,
                        account: a("4210"),
                        centre: None,
                    },
                    amounts: rent,
                },
                BudgetRow {
                    key: BudgetKey {
                        year,
                        account: a("8400"),
                        centre: None,
                    },
                    amounts: vec![dec!(-10000); 12],
                },
            ],
            by: "anna".into(),
            at,
        },
    ];
    commands
        .into_iter()
        .flat_map(|c| b.execute(&Command::Statements(c)).unwrap())
        .collect()
}

fn golden_events_v1_statements() -> Vec<Event> {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    statements_session(&mut b, NaiveDate::from_ymd_opt(2024, 3, 15).unwrap())
}

/// Captured from the encoder when the statements came (issue 17); fixed
/// from then on like the others.
const GOLDEN_STATEMENTS: [&str; 3] = [
    r#"{"v":1,"type":"statement_position_set","account":"4210","line":"GuV.5","by":"anna","at":"2024-03-15T17:00:00Z"}"#,
    r#"{"v":1,"type":"statement_position_set","account":"4210","by":"anna","at":"2024-03-15T17:00:00Z"}"#,
    r#"{"v":1,"type":"budgets_set","year":2024,"rows":[{"account":"4210","amounts":["1200.00","1200.00","1200.00","1200.00","1200.00","1200.00","1200.00","1200.00","1200.00","1200.00","1200.00","1250.50"]},{"account":"8400","amounts":["-10000","-10000","-10000","-10000","-10000","-10000","-10000","-10000","-10000","-10000","-10000","-10000"]}],"by":"anna","at":"2024-03-15T17:00:00Z"}"#,
];

#[test]
fn statements_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_statements();
    assert_eq!(events.len(), GOLDEN_STATEMENTS.len());
    for (event, golden) in events.iter().zip(GOLDEN_STATEMENTS) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}
/// One event of each recurring kind: the template with a tax code, the
/// deletion, the maintenance contract (partner, gross, days of the month,
/// count), the occurrences posted, the skip, and a loan and its rate
/// change built as events (their command checks are part B's).
fn golden_events_v1_recurring() -> Vec<Event> {
    use kontor::ledger::recurring::{Loan, Repayment};
    use kontor::ledger::types::Timestamp;
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let date = NaiveDate::from_ymd_opt(2024, 3, 15).unwrap();
    for cmd in partner_session(date) {
        b.execute(&cmd).unwrap();
    }
    let mut events: Vec<Event> = recurring_session(&mut b, date)
        .into_iter()
        .filter(|e| match e {
            Event::EntryPosted { .. } => false,
            Event::Recurring(RecurringEvent::TemplateSaved { template, .. }) => {
                template.code == "KFZ"
            }
            Event::Recurring(RecurringEvent::StandingSaved { posting, .. }) => posting.number == 2,
            _ => true,
        })
        .collect();
    let at = Timestamp::at(date, 8, 0, 0).unwrap();
    let a = |n| AccountNo::parse(n).unwrap();
    let start = NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
    events.push(Event::Recurring(RecurringEvent::LoanSaved {
        loan: Box::new(Loan {
            number: 1,
            name: "Sparkasse Investitionskredit".into(),
            principal: dec!(50000.00),
            rates: vec![(start, dec!(4.5))],
            start,
            instalments: 60,
            every_months: 1,
            payment_day: 30,
            repayment: Repayment::Annuity,
            loan_account: a("0630"),
            interest_account: a("2100"),
            bank_account: a("1200"),
            active: true,
            done: Default::default(),
        }),
        by: "anna".into(),
        at,
    }));
    events.push(Event::Recurring(RecurringEvent::LoanRateChanged {
        loan: 1,
        from: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        rate: dec!(3.75),
        by: "anna".into(),
        at,
    }));
    events
}

/// Captured from the encoder when recurring postings came (issue 17);
/// fixed from then on like the others.
const GOLDEN_RECURRING: [&str; 7] = [
    r#"{"v":1,"type":"posting_template_saved","template":{"code":"KFZ","name":"Kfz-Kosten 70/30","lines":[{"account":"4530","percent":"70","tax_code":"V19","memo":"Kraftstoff"},{"account":"4500","percent":"30"}]},"by":"anna","at":"2024-03-15T08:00:00Z"}"#,
    r#"{"v":1,"type":"posting_template_deleted","code":"ALT","by":"anna","at":"2024-03-15T08:00:00Z"}"#,
    r#"{"v":1,"type":"standing_posting_saved","posting":{"number":2,"name":"Wartungsvertrag","schedule":{"frequency":"days","days":[15],"first":"2024-03-15","count":12},"draft":{"reference":"WV-7","user":"anna","lines":[{"partner":"10001","debit":"119.00"},{"account":"8400","credit":"119.00","tax_code":"U19","gross":true,"memo":"Wartung"}]}},"by":"anna","at":"2024-03-15T08:00:00Z"}"#,
    r#"{"v":1,"type":"occurrences_posted","posted":[{"source":{"standing":1},"date":"2024-03-01","entry":3},{"source":{"standing":2},"date":"2024-03-15","entry":4}],"by":"anna","at":"2024-03-15T08:00:00Z"}"#,
    r#"{"v":1,"type":"occurrence_skipped","source":{"standing":1},"date":"2024-04-01","by":"anna","at":"2024-03-15T08:00:00Z"}"#,
    r#"{"v":1,"type":"loan_saved","loan":{"number":1,"name":"Sparkasse Investitionskredit","principal":"50000.00","rates":[{"from":"2024-01-02","rate":"4.5"}],"start":"2024-01-02","instalments":60,"every_months":1,"payment_day":30,"repayment":"annuity","loan_account":"0630","interest_account":"2100","bank_account":"1200"},"by":"anna","at":"2024-03-15T08:00:00Z"}"#,
    r#"{"v":1,"type":"loan_rate_changed","loan":1,"from":"2025-01-01","rate":"3.75","by":"anna","at":"2024-03-15T08:00:00Z"}"#,
];

#[test]
fn recurring_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_recurring();
    assert_eq!(events.len(), GOLDEN_RECURRING.len());
    for (event, golden) in events.iter().zip(GOLDEN_RECURRING) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

/// Prints the sessions of issue 17 (closing, statements, recurring, loans)
/// given one after another to the corpus company: records 609 on of
/// `tests/fixtures/events/v1-corpus.jsonl`.
#[test]
#[ignore = "writes corpus records; run by hand with --nocapture"]
fn print_issue_17_sessions_for_the_corpus() {
    let mut b = corpus_book();
    let date = NaiveDate::from_ymd_opt(2025, 1, 17).unwrap();
    for e in closing_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
    for e in statements_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
    for e in recurring_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
    for e in loans_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
}

// ----- loans (issue 17, part B) -----

/// A loan session as a user gives it: a bank loan taken (12,000.00 at
/// 5 %, 24 monthly annuity instalments on the 1st, paid out on the first
/// of the month before `date`'s, 0630 / 2100 / 1200), a loan given to a
/// partner company (3,000.00 at 4 %, 4 quarterly fixed-principal
/// instalments on 1500 / 2650 / 1200); the bank loan's instalment due on
/// `date` posted through the due list, then its rate changed to 4.25 %
/// from the first of the next month.
fn loans_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use chrono::{Datelike, Months};
    use kontor::ledger::recurring::{DuePosting, Loan, RecurringCommand, Repayment, Source};
    use kontor::ledger::types::{PostingKey, Timestamp};
    let at = Timestamp::at(date, 9, 0, 0).unwrap();
    let by = || "anna".to_string();
    let a = |n| AccountNo::parse(n).unwrap();
    let this_month = NaiveDate::from_ymd_opt(date.year(), date.month(), 1).unwrap();
    let start = this_month - Months::new(1);
    let taken = Loan {
        number: 0,
        name: "Volksbank Betriebsmittelkredit".into(),
        principal: dec!(12000.00),
        rates: vec![(start, dec!(5))],
        start,
        instalments: 24,
        every_months: 1,
        payment_day: 1,
        repayment: Repayment::Annuity,
        loan_account: a("0630"),
        interest_account: a("2100"),
        bank_account: a("1200"),
        active: true,
        done: BTreeMap::new(),
    };
    let given = Loan {
        name: "Darlehen an Tochter GmbH".into(),
        principal: dec!(3000.00),
        rates: vec![(start, dec!(4))],
        instalments: 4,
        every_months: 3,
        repayment: Repayment::FixedPrincipal,
        loan_account: a("1500"),
        interest_account: a("2650"),
        ..taken.clone()
    };
    let mut events = Vec::new();
    for loan in [taken, given] {
        let cmd = Command::Recurring(RecurringCommand::SaveLoan {
            loan: Box::new(loan),
            by: by(),
            at,
        });
        events.extend(b.execute(&cmd).unwrap());
    }
    let postings: Vec<DuePosting> = b
        .recurring()
        .due(b.context(), date)
        .into_iter()
        .filter(|d| d.source == Source::Loan(1))
        .map(|d| DuePosting {
            source: d.source,
            date: d.date,
            draft: d.draft,
        })
        .collect();
    assert_eq!(postings.len(), 1, "one instalment of the bank loan is due");
    let cmd = Command::Recurring(RecurringCommand::PostDue {
        postings,
        key: PostingKey(0x6c6f_616e_0000_0000_0000_0000_0000_0001),
        by: by(),
        at,
    });
    events.extend(b.execute(&cmd).unwrap());
    let cmd = Command::Recurring(RecurringCommand::ChangeLoanRate {
        loan: 1,
        from: this_month + Months::new(1),
        rate: dec!(4.25),
        by: by(),
        at,
    });
    events.extend(b.execute(&cmd).unwrap());
    events
}

/// The loan session runs on a fresh company and writes every loan event
/// kind (saved, occurrence posted with its entry, rate changed), which
/// encode and decode back.
#[test]
fn the_loans_session_writes_every_loan_event() {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let events = loans_session(&mut b, NaiveDate::from_ymd_opt(2024, 3, 15).unwrap());
    let kinds: Vec<&str> = events.iter().map(event_kind).collect();
    assert_eq!(
        kinds,
        vec![
            "loan_saved",
            "loan_saved",
            "entry_posted",
            "occurrences_posted",
            "loan_rate_changed"
        ]
    );
    for e in &events {
        assert_eq!(&decode(&encode(e)).unwrap(), e);
    }
}

// ----- invoice inbox (issue 19, part F) -----

/// Commands of the invoice inbox given to the corpus company (SKR03): a
/// vendor created, then an incoming invoice (100.00 at 19 %, 50.00 at 7 %)
/// posted with its original XML file kept beside the entry.
fn inbox_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use kontor::ledger::inbox::{Document, InboxCommand};
    use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
    use kontor::ledger::types::{PartnerCode, PostingKey, Side, Timestamp};
    let at = Timestamp::at(date, 18, 0, 0).unwrap();
    let a = |n| AccountNo::parse(n).unwrap();
    let code = PartnerCode::parse("79019").unwrap();
    let vendor = Partner::new(code, PartnerKind::Vendor, "Eingang Bürobedarf GmbH");
    let mut events = b
        .execute(&Command::Partners(PartnersCommand::CreatePartner {
            partner: Box::new(vendor),
            by: "anna".into(),
            at,
        }))
        .unwrap();
    let taxed = |account, net, code: &str| {
        let mut l = LineDraft::debit_lc(a(account), net);
        l.tax_code = Some(code.into());
        l
    };
    let mut draft = EntryDraft::new(
        date,
        "anna",
        vec![
            LineDraft::partner(code, Side::Credit, dec!(172.50)),
            taxed("4930", dec!(100.00), "V19"),
            taxed("3300", dec!(50.00), "V7"),
        ],
    );
    draft.reference = "RE-4711".into();
    draft.due_date = Some(date + chrono::Days::new(30));
    let cmd = Command::Inbox(InboxCommand::PostIncomingInvoice {
        draft: Box::new(draft),
        document: Document {
            name: "RE-4711.xml".into(),
            media_type: "application/xml".into(),
            bytes: b"<Invoice>RE-4711</Invoice>\n".to_vec().into(),
        },
        invoice_number: "RE-4711".into(),
        key: PostingKey(0x1919_0019),
        by: "anna".into(),
        at,
    });
    events.extend(b.execute(&cmd).unwrap());
    events
}

fn golden_events_v1_inbox() -> Vec<Event> {
    let (mut b, _) = Book::set_up(&sample_setup(2025)).unwrap();
    let date = NaiveDate::from_ymd_opt(2025, 1, 17).unwrap();
    inbox_session(&mut b, date)
        .into_iter()
        .filter(|e| matches!(e, Event::Inbox(_)))
        .collect()
}

/// Captured from the encoder when the invoice inbox came (issue 19);
/// fixed from then on like the others.
const GOLDEN_INBOX: [&str; 1] = [
    r#"{"v":1,"type":"invoice_document_stored","document":{"entry":1,"name":"RE-4711.xml","media_type":"application/xml","sha256":"45d5fa1d9a648a2ec78c0aff48ae08794f57022f8abdecafa321673202b33f52","invoice_number":"RE-4711","vendor":"79019","expense_accounts":["4930","3300"],"by":"anna","at":"2025-01-17T18:00:00Z","bytes":"PEludm9pY2U+UkUtNDcxMTwvSW52b2ljZT4K"}}"#,
];

#[test]
fn inbox_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_inbox();
    assert_eq!(events.len(), GOLDEN_INBOX.len());
    for (event, golden) in events.iter().zip(GOLDEN_INBOX) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}
// ----- DATEV settings (issue 19, part B) -----

/// The DATEV settings as a user gives them to the corpus company: first
/// without Festschreibung, then corrected (account length 4, locked).
fn datev_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use kontor::ledger::gl::DatevSettings;
    use kontor::ledger::types::Timestamp;
    let at = Timestamp::at(date, 11, 0, 0).unwrap();
    [false, true]
        .into_iter()
        .flat_map(|lock| {
            b.execute(&Command::Gl(GlCommand::SetDatevSettings {
                settings: DatevSettings {
                    consultant: 29098,
                    client: 55003,
                    account_length: 4,
                    lock,
                },
                by: "anna".into(),
                at,
            }))
            .unwrap()
        })
        .collect()
}

fn golden_events_v1_datev() -> Vec<Event> {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    datev_session(&mut b, NaiveDate::from_ymd_opt(2024, 3, 15).unwrap())
        .into_iter()
        .take(1)
        .collect()
}

/// Captured from the encoder when the DATEV export came (issue 19).
const GOLDEN_DATEV: [&str; 1] = [
    r#"{"v":1,"type":"datev_settings_set","settings":{"consultant":29098,"client":55003,"account_length":4,"lock":false},"by":"anna","at":"2024-03-15T11:00:00Z"}"#,
];

#[test]
fn datev_events_have_a_stable_version_1_encoding() {
    let events = golden_events_v1_datev();
    assert_eq!(events.len(), GOLDEN_DATEV.len());
    for (event, golden) in events.iter().zip(GOLDEN_DATEV) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

#[test]
#[ignore = "writes corpus records; run by hand with --nocapture"]
fn print_issue_19_sessions_for_the_corpus() {
    let mut b = corpus_book();
    let date = NaiveDate::from_ymd_opt(2025, 1, 17).unwrap();
    for e in inbox_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
    for e in datev_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
}

// ----- data-entry rules (issue 18) -----

/// The data-entry rules as a user gives them to the corpus company: a
/// date window refused 30 days back (none ahead), a reference asked for,
/// the document date off, and the cash box 1000 never below zero.
fn entry_rules_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use kontor::ledger::gl::{EntryRules, RuleMode};
    use kontor::ledger::types::Timestamp;
    let rules = EntryRules {
        days_back: Some(30),
        days_ahead: None,
        date_window: RuleMode::Refuse,
        reference: RuleMode::Warn,
        document_date: RuleMode::Off,
        cash_accounts: vec![AccountNo::parse("1000").unwrap()],
        cash_negative: RuleMode::Refuse,
    };
    let mut events = b
        .execute(&Command::Gl(GlCommand::SetEntryRules {
            rules,
            by: "anna".into(),
            at: Timestamp::at(date, 9, 30, 0).unwrap(),
        }))
        .unwrap();
    events.extend(display_session(b, Timestamp::at(date, 9, 31, 0).unwrap()));
    events
}

/// Display decimals as a user sets them: rates with at least four
/// decimals, quantities with two.
fn display_session(b: &mut Book, at: kontor::ledger::types::Timestamp) -> Vec<Event> {
    use kontor::ledger::gl::DisplayDecimals;
    b.execute(&Command::Gl(GlCommand::SetDisplayDecimals {
        decimals: DisplayDecimals {
            rates: 4,
            quantities: 2,
        },
        by: "anna".into(),
        at,
    }))
    .unwrap()
}

#[test]
#[ignore = "writes corpus records; run by hand with --nocapture"]
fn print_issue_18_display_for_the_corpus() {
    let mut b = corpus_book();
    let date = NaiveDate::from_ymd_opt(2025, 1, 21).unwrap();
    let at = kontor::ledger::types::Timestamp::at(date, 10, 5, 0).unwrap();
    for e in display_session(&mut b, at) {
        println!("CORPUS {}", encode(&e));
    }
}

/// Captured from the encoder when the data-entry rules came (issue 18).
const GOLDEN_ENTRY_RULES: [&str; 2] = [
    r#"{"v":1,"type":"entry_rules_set","rules":{"days_back":30,"date_window":"refuse","reference":"warn","document_date":"off","cash_accounts":["1000"],"cash_negative":"refuse"},"by":"anna","at":"2024-03-15T09:30:00Z"}"#,
    r#"{"v":1,"type":"display_decimals_set","decimals":{"rates":4,"quantities":2},"by":"anna","at":"2024-03-15T09:31:00Z"}"#,
];

#[test]
fn entry_rules_events_have_a_stable_version_1_encoding() {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let events = entry_rules_session(&mut b, NaiveDate::from_ymd_opt(2024, 3, 15).unwrap());
    assert_eq!(events.len(), GOLDEN_ENTRY_RULES.len());
    for (event, golden) in events.iter().zip(GOLDEN_ENTRY_RULES) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

#[test]
#[ignore = "writes corpus records; run by hand with --nocapture"]
fn print_issue_18_sessions_for_the_corpus() {
    let mut b = corpus_book();
    let date = NaiveDate::from_ymd_opt(2025, 1, 18).unwrap();
    for e in entry_rules_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
}

// ----- numbering series (issue 18) -----

/// Numbering series as a user gives them to the corpus company: cash
/// receipts `KA-<year>-0001` and outgoing invoices without the year, then
/// one cash entry (bank → cash box, so the cash rule holds) drawing KA's
/// first number.
fn number_series_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use kontor::ledger::gl::{DocumentKind, NumberSeries};
    use kontor::ledger::types::Timestamp;
    let series = vec![
        NumberSeries {
            code: "KA".into(),
            name: "Kassenbelege".into(),
            kind: DocumentKind::Cash,
            prefix: "KA-".into(),
            with_year: true,
            width: 4,
            start: 1,
        },
        NumberSeries {
            code: "AR".into(),
            name: "Ausgangsrechnungen".into(),
            kind: DocumentKind::OutgoingInvoice,
            prefix: String::new(),
            with_year: false,
            width: 6,
            start: 100_000,
        },
    ];
    let mut events = b
        .execute(&Command::Gl(GlCommand::SetNumberSeries {
            series,
            by: "anna".into(),
            at: Timestamp::at(date, 9, 45, 0).unwrap(),
        }))
        .unwrap();
    let mut draft = EntryDraft::new(
        date,
        "anna",
        vec![
            LineDraft::debit_lc(AccountNo::parse("1000").unwrap(), dec!(200)),
            LineDraft::credit_lc(AccountNo::parse("1200").unwrap(), dec!(200)),
        ],
    );
    draft.memo = "Bargeld von der Bank".into();
    draft.series = Some("KA".into());
    events.extend(
        b.execute(&Command::Posting(PostingCommand::PostEntry { draft }))
            .unwrap(),
    );
    events
}

/// Captured from the encoder when the numbering series came (issue 18):
/// the series and the draw (the entry itself is an `entry_posted`).
const GOLDEN_NUMBER_SERIES: [&str; 2] = [
    r#"{"v":1,"type":"number_series_set","series":[{"code":"KA","name":"Kassenbelege","kind":"cash","prefix":"KA-","with_year":true,"width":4,"start":1},{"code":"AR","name":"Ausgangsrechnungen","kind":"outgoing_invoice","with_year":false,"width":6,"start":100000}],"by":"anna","at":"2024-03-15T09:45:00Z"}"#,
    r#"{"v":1,"type":"series_number_drawn","series":"KA","year":2024,"number":1,"entry":1}"#,
];

#[test]
fn number_series_events_have_a_stable_version_1_encoding() {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let events = number_series_session(&mut b, NaiveDate::from_ymd_opt(2024, 3, 15).unwrap());
    let gl: Vec<_> = events
        .iter()
        .filter(|e| matches!(e, Event::Gl(_)))
        .collect();
    assert_eq!(gl.len(), GOLDEN_NUMBER_SERIES.len());
    for (event, golden) in gl.into_iter().zip(GOLDEN_NUMBER_SERIES) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

#[test]
#[ignore = "writes corpus records; run by hand with --nocapture"]
fn print_issue_18_series_sessions_for_the_corpus() {
    let mut b = corpus_book();
    let date = NaiveDate::from_ymd_opt(2025, 1, 20).unwrap();
    for e in number_series_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
}

// ----- users and roles (issue 18) -----

/// Users and roles as a superuser gives them to the corpus company: the
/// first user anna (superuser), role BUCHH (posting and master data full,
/// reversing read), ben holding it in English.
fn access_session(b: &mut Book, date: NaiveDate) -> Vec<Event> {
    use kontor::ledger::gl::{
        Area, Level, PasswordPolicy, RequiredClasses, Role, User, UserLanguage,
    };
    use kontor::ledger::types::Timestamp;
    let at = |minute| Timestamp::at(date, 10, minute, 0).unwrap();
    let anna = User {
        login: "anna".into(),
        name: "Anna Berg".into(),
        language: UserLanguage::German,
        active: true,
        superuser: true,
        roles: vec![],
    };
    let role = Role {
        code: "BUCHH".into(),
        name: "Buchhaltung".into(),
        levels: [
            (Area::Posting, Level::Full),
            (Area::Reversing, Level::Read),
            (Area::MasterData, Level::Full),
            (Area::Periods, Level::None),
        ]
        .into_iter()
        .collect(),
    };
    let ben = User {
        login: "ben".into(),
        name: "Ben Roth".into(),
        language: UserLanguage::English,
        active: true,
        superuser: false,
        roles: vec!["BUCHH".into()],
    };
    // Two of the four classes, then none and no expiry (left out).
    let strict = PasswordPolicy {
        min_length: 10,
        require_classes: RequiredClasses {
            upper: true,
            lower: false,
            digit: true,
            other: false,
        },
        expiry_days: Some(180),
        no_reuse_last: 3,
        lock_after_failures: 4,
    };
    let loose = PasswordPolicy {
        min_length: 6,
        require_classes: RequiredClasses {
            upper: false,
            lower: false,
            digit: false,
            other: false,
        },
        expiry_days: None,
        no_reuse_last: 0,
        lock_after_failures: 10,
    };
    let commands = [
        GlCommand::SaveUser {
            user: anna,
            by: "anna".into(),
            at: at(0),
        },
        GlCommand::SaveRole {
            role,
            by: "anna".into(),
            at: at(1),
        },
        GlCommand::SaveUser {
            user: ben,
            by: "anna".into(),
            at: at(2),
        },
        GlCommand::SetPasswordPolicy {
            policy: strict,
            by: "anna".into(),
            at: at(3),
        },
        GlCommand::SetPasswordPolicy {
            policy: loose,
            by: "anna".into(),
            at: at(4),
        },
    ];
    commands
        .into_iter()
        .flat_map(|c| b.execute(&Command::Gl(c)).unwrap())
        .collect()
}

/// Captured from the encoder when users and roles came (issue 18).
const GOLDEN_ACCESS: [&str; 5] = [
    r#"{"v":1,"type":"user_saved","user":{"login":"anna","name":"Anna Berg","language":"de","active":true,"superuser":true},"by":"anna","at":"2024-03-15T10:00:00Z"}"#,
    r#"{"v":1,"type":"role_saved","role":{"code":"BUCHH","name":"Buchhaltung","rights":[{"area":"posting","level":"full"},{"area":"reversing","level":"read"},{"area":"master_data","level":"full"}]},"by":"anna","at":"2024-03-15T10:01:00Z"}"#,
    r#"{"v":1,"type":"user_saved","user":{"login":"ben","name":"Ben Roth","language":"en","active":true,"superuser":false,"roles":["BUCHH"]},"by":"anna","at":"2024-03-15T10:02:00Z"}"#,
    r#"{"v":1,"type":"password_policy_set","policy":{"min_length":10,"classes":["upper","digit"],"expiry_days":180,"no_reuse_last":3,"lock_after_failures":4},"by":"anna","at":"2024-03-15T10:03:00Z"}"#,
    r#"{"v":1,"type":"password_policy_set","policy":{"min_length":6,"no_reuse_last":0,"lock_after_failures":10},"by":"anna","at":"2024-03-15T10:04:00Z"}"#,
];

#[test]
fn access_events_have_a_stable_version_1_encoding() {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let events = access_session(&mut b, NaiveDate::from_ymd_opt(2024, 3, 15).unwrap());
    assert_eq!(events.len(), GOLDEN_ACCESS.len());
    for (event, golden) in events.iter().zip(GOLDEN_ACCESS) {
        assert_eq!(encode(event), golden);
        assert_eq!(&decode(golden).unwrap(), event);
    }
}

#[test]
#[ignore = "writes corpus records; run by hand with --nocapture"]
fn print_issue_18_access_sessions_for_the_corpus() {
    let mut b = corpus_book();
    let date = NaiveDate::from_ymd_opt(2025, 1, 21).unwrap();
    for e in access_session(&mut b, date) {
        println!("CORPUS {}", encode(&e));
    }
}

// ----- completeness -----

/// Every golden string of every set above.
fn all_goldens() -> Vec<&'static str> {
    GOLDEN
        .iter()
        .chain(&GOLDEN_TAX_AND_COSTING)
        .chain(&GOLDEN_MASTER_DATA)
        .chain(&GOLDEN_PARTNERS)
        .chain(&GOLDEN_PAYMENTS)
        .chain(&GOLDEN_BANK)
        .chain(&GOLDEN_DUNNING)
        .chain(&GOLDEN_RUNS)
        .chain(&GOLDEN_ITEMS)
        .chain(&GOLDEN_CLOSING)
        .chain(&GOLDEN_STATEMENTS)
        .chain(&GOLDEN_RECURRING)
        .chain(&GOLDEN_INBOX)
        .chain(&GOLDEN_DATEV)
        .chain(&GOLDEN_ENTRY_RULES)
        .chain(&GOLDEN_NUMBER_SERIES)
        .chain(&GOLDEN_ACCESS)
        .copied()
        .chain([GOLDEN_COMPANY_DETAILS])
        .collect()
}

/// Writes `EVENT_KINDS` and `event_kind` from one table, so the list and
/// the match cannot differ. The match has no catch-all: a variant added to
/// `Event` (or to a sub-ledger's event enum) does not compile until it has
/// a line here, and then it is in the list the completeness test checks.
macro_rules! event_kinds {
    ($($pattern:pat => $name:literal,)+) => {
        /// The stored `type` of every kind of event.
        const EVENT_KINDS: &[&str] = &[$($name),+];

        /// The stored `type` of `event`.
        fn event_kind(event: &Event) -> &'static str {
            match event {
                $($pattern => $name,)+
            }
        }
    };
}

event_kinds! {
    Event::CompanyCreated { .. } => "company_created",
    Event::Gl(GlEvent::AccountCreated { .. }) => "account_created",
    Event::Gl(GlEvent::AccountUpdated { .. }) => "account_updated",
    Event::Gl(GlEvent::AccountActiveSet { .. }) => "account_active_set",
    Event::Gl(GlEvent::FiscalYearOpened { .. }) => "fiscal_year_opened",
    Event::Gl(GlEvent::PeriodStatusSet { .. }) => "period_status_set",
    Event::Gl(GlEvent::ExchangeRateSet { .. }) => "exchange_rate_set",
    Event::Gl(GlEvent::GlDeterminationSet { .. }) => "gl_determination_set",
    Event::Gl(GlEvent::CompanyDetailsUpdated { .. }) => "company_details_updated",
    Event::Gl(GlEvent::DatevSettingsSet { .. }) => "datev_settings_set",
    Event::Gl(GlEvent::EntryRulesSet { .. }) => "entry_rules_set",
    Event::Gl(GlEvent::NumberSeriesSet { .. }) => "number_series_set",
    Event::Gl(GlEvent::SeriesNumberDrawn { .. }) => "series_number_drawn",
    Event::Gl(GlEvent::RoleSaved { .. }) => "role_saved",
    Event::Gl(GlEvent::UserSaved { .. }) => "user_saved",
    Event::Gl(GlEvent::PasswordPolicySet { .. }) => "password_policy_set",
    Event::Gl(GlEvent::DisplayDecimalsSet { .. }) => "display_decimals_set",
    Event::Tax(TaxEvent::TaxCodeCreated { .. }) => "tax_code_created",
    Event::Tax(TaxEvent::TaxCodeUpdated { .. }) => "tax_code_updated",
    Event::Costing(CostingEvent::DimensionDefined { .. }) => "dimension_defined",
    Event::Costing(CostingEvent::CostCentreCreated { .. }) => "cost_centre_created",
    Event::Costing(CostingEvent::CostCentreUpdated { .. }) => "cost_centre_updated",
    Event::Costing(CostingEvent::DistributionRuleCreated { .. }) => "distribution_rule_created",
    Event::Costing(CostingEvent::DistributionRuleUpdated { .. }) => "distribution_rule_updated",
    Event::Costing(CostingEvent::CentreRequirementSet { .. }) => "centre_requirement_set",
    Event::EntryPosted { .. } => "entry_posted",
    Event::Partners(PartnersEvent::PartnerCreated { .. }) => "partner_created",
    Event::Partners(PartnersEvent::PartnerUpdated { .. }) => "partner_updated",
    Event::Partners(PartnersEvent::PaymentTermsCreated { .. }) => "payment_terms_created",
    Event::Partners(PartnersEvent::PaymentTermsUpdated { .. }) => "payment_terms_updated",
    Event::OpenItems(OpenItemsEvent::ItemsCleared { .. }) => "items_cleared",
    Event::OpenItems(OpenItemsEvent::ClearingCancelled { .. }) => "clearing_cancelled",
    Event::Payments(PaymentsEvent::SettingsChanged { .. }) => "payment_settings_changed",
    Event::Payments(PaymentsEvent::PaymentPosted { .. }) => "payment_posted",
    Event::Payments(PaymentsEvent::PaymentCancelled { .. }) => "payment_cancelled",
    Event::Bank(BankEvent::HouseBankSaved { .. }) => "house_bank_saved",
    Event::Bank(BankEvent::FileImported { .. }) => "bank_file_imported",
    Event::Bank(BankEvent::RuleSaved { .. }) => "bank_rule_saved",
    Event::Bank(BankEvent::RuleDeleted { .. }) => "bank_rule_deleted",
    Event::Bank(BankEvent::RuleMoved { .. }) => "bank_rule_moved",
    Event::Bank(BankEvent::LinesPosted { .. }) => "bank_lines_posted",
    Event::PaymentRuns(PaymentRunsEvent::CreditorIdSet { .. }) => "creditor_id_set",
    Event::PaymentRuns(PaymentRunsEvent::RunSaved { .. }) => "payment_run_saved",
    Event::PaymentRuns(PaymentRunsEvent::RunDeleted { .. }) => "payment_run_deleted",
    Event::PaymentRuns(PaymentRunsEvent::RunExecuted { .. }) => "payment_run_executed",
    Event::Dunning(DunningEvent::TermSaved { .. }) => "dunning_term_saved",
    Event::Dunning(DunningEvent::TermDeleted { .. }) => "dunning_term_deleted",
    Event::Dunning(DunningEvent::SettingsSet { .. }) => "dunning_settings_set",
    Event::Dunning(DunningEvent::RunExecuted { .. }) => "dunning_run_executed",
    Event::Items(ItemsEvent::GroupSaved { .. }) => "item_group_saved",
    Event::Items(ItemsEvent::ItemSaved { .. }) => "item_saved",
    Event::Items(ItemsEvent::PriceListSaved { .. }) => "price_list_saved",
    Event::Items(ItemsEvent::PricesSet { .. }) => "prices_set",
    Event::Items(ItemsEvent::SpecialSaved { .. }) => "special_price_saved",
    Event::Items(ItemsEvent::SpecialDeleted { .. }) => "special_price_deleted",
    Event::Items(ItemsEvent::DiscountGroupSaved { .. }) => "discount_group_saved",
    Event::Items(ItemsEvent::PartnerPricingSet { .. }) => "partner_pricing_set",
    Event::Recurring(RecurringEvent::TemplateSaved { .. }) => "posting_template_saved",
    Event::Recurring(RecurringEvent::TemplateDeleted { .. }) => "posting_template_deleted",
    Event::Recurring(RecurringEvent::StandingSaved { .. }) => "standing_posting_saved",
    Event::Recurring(RecurringEvent::OccurrencesPosted { .. }) => "occurrences_posted",
    Event::Recurring(RecurringEvent::OccurrenceSkipped { .. }) => "occurrence_skipped",
    Event::Recurring(RecurringEvent::LoanSaved { .. }) => "loan_saved",
    Event::Recurring(RecurringEvent::LoanRateChanged { .. }) => "loan_rate_changed",
    Event::Closing(ClosingEvent::YearClosed { .. }) => "year_closed",
    Event::Closing(ClosingEvent::ClosingReverted { .. }) => "closing_reverted",
    Event::Closing(ClosingEvent::OpeningBalancesPosted { .. }) => "opening_balances_posted",
    Event::Statements(StatementsEvent::PositionSet { .. }) => "statement_position_set",
    Event::Statements(StatementsEvent::BudgetsSet { .. }) => "budgets_set",
    Event::Inbox(InboxEvent::InvoiceDocumentStored { .. }) => "invoice_document_stored",
}

/// The `type` field of a stored record.
fn stored_type(body: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(body).unwrap();
    value["type"].as_str().unwrap().to_string()
}

/// A golden for every kind of event (entry_posted has three: a plain
/// entry, one with a tax line and a rule split, and one with a partner
/// line and a typed due date), and each decodes to an
/// event of the kind its `type` names and encodes back to exactly its
/// bytes. An event kind added without a golden, or a golden dropped,
/// fails here by name.
#[test]
fn every_kind_of_event_has_a_golden_that_round_trips_byte_for_byte() {
    let kinds: BTreeSet<&str> = EVENT_KINDS.iter().copied().collect();
    assert_eq!(kinds.len(), EVENT_KINDS.len(), "a kind is listed twice");
    let goldens = all_goldens();
    let mut covered: BTreeMap<&str, usize> = BTreeMap::new();
    for golden in &goldens {
        let event = decode(golden).unwrap_or_else(|e| panic!("{e}: {golden}"));
        assert_eq!(
            encode(&event),
            *golden,
            "not byte-identical after a round trip"
        );
        let kind = event_kind(&event);
        assert_eq!(stored_type(golden), kind, "{golden}");
        *covered.entry(kind).or_default() += 1;
    }
    let missing: Vec<&&str> = kinds.iter().filter(|k| !covered.contains_key(*k)).collect();
    assert!(
        missing.is_empty(),
        "event kinds without a golden: {missing:?}"
    );
    // Entries: a plain one, one with tax and a rule split, one with a
    // partner line, a payment's and its reversal; clearings: the partner
    // session's, a payment's and a cancellation's mirror; two clearing
    // cancellations.
    assert_eq!(covered.get("entry_posted"), Some(&5));
    assert_eq!(covered.get("items_cleared"), Some(&3));
    // Bank rules: a partner rule and a G/L split.
    assert_eq!(covered.get("bank_rule_saved"), Some(&2));
    // Payment runs: run 1 saved (then deleted) and run 2 saved.
    assert_eq!(covered.get("payment_run_saved"), Some(&2));
    // Statement positions: an account moved to a line and one reset.
    assert_eq!(covered.get("statement_position_set"), Some(&2));
    // Users: the superuser and a user holding a role.
    assert_eq!(covered.get("user_saved"), Some(&2));
    // Password policies: with classes and expiry, then without.
    assert_eq!(covered.get("password_policy_set"), Some(&2));
    assert_eq!(goldens.len(), kinds.len() + 12, "{covered:?}");
}

/// The v1 corpus (`tests/ledger_wire.rs` checks that each record encodes
/// back byte for byte and that the log replays) holds a record of every
/// kind of event, each stored under the `type` of its kind.
#[test]
fn the_v1_corpus_holds_every_kind_of_event() {
    let corpus = include_str!("fixtures/events/v1-corpus.jsonl");
    let mut seen = BTreeSet::new();
    for (i, body) in corpus.lines().enumerate() {
        let event = decode(body).unwrap_or_else(|e| panic!("record {i}: {e}"));
        let kind = event_kind(&event);
        assert_eq!(stored_type(body), kind, "record {i}");
        seen.insert(kind);
    }
    let all: BTreeSet<&str> = EVENT_KINDS.iter().copied().collect();
    assert_eq!(seen, all);
}
