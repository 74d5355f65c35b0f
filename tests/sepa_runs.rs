//! A payment run's SEPA files (forms::payment_run): a fixed run with two
//! vendors and a customer written as pain.001.001.09 and pain.008.001.08,
//! compared byte for byte with goldens and validated against the ISO XSDs
//! with xmllint; names transliterated (ä→ae, ß→ss); a character the SEPA
//! set cannot hold refused with the partner and the field.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};

use chrono::{NaiveDate, NaiveDateTime};
use kontor::formats::sepa::{Field, Problem};
use kontor::forms::payment_run::{RunFileError, run_files};
use kontor::ledger::bank::{BankCommand, HouseBank};
use kontor::ledger::open_items::ItemId;
use kontor::ledger::partners::{
    Address, BankAccount, Mandate, MandateSequence, Partner, PartnerKind, PartnersCommand,
    PaymentMethod,
};
use kontor::ledger::payment_runs::{
    PartnerSelection, PaymentRunsCommand, RunDraft, RunFileKind, RunItem, RunParams,
};
use kontor::ledger::payments::payment_item;
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, Currency, PartnerCode, Side, Timestamp};
use kontor::ledger::{Book, Command, Event};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sepa")
}

/// Validates `xml` against the fixture XSD with xmllint (a missing
/// xmllint fails the test).
fn xmllint(xsd: &str, xml: &[u8]) -> Result<(), String> {
    let mut child = Process::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(fixtures().join("xsd").join(xsd))
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("xmllint runs (libxml2-utils, ./scripts/setup.sh)");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(xml)
        .expect("xmllint reads the document");
    let out = child.wait_with_output().expect("xmllint finishes");
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// Compares with the committed golden; `SEPA_BLESS=1` rewrites it.
fn golden(name: &str, bytes: &[u8]) {
    let path = fixtures().join(name);
    if std::env::var_os("SEPA_BLESS").is_some() {
        std::fs::write(&path, bytes).expect("golden written");
    }
    let expected = std::fs::read(&path).expect("golden file present");
    assert!(
        expected == bytes,
        "{name} differs from the golden file; the run wrote:\n{}",
        String::from_utf8_lossy(bytes)
    );
}

fn d(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, month, day).unwrap()
}

fn created() -> NaiveDateTime {
    d(3, 1).and_hms_opt(8, 15, 0).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn c(n: &str) -> PartnerCode {
    PartnerCode::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at(d(3, 1), 8, 0, 0).unwrap()
}

fn run(book: &mut Book, cmd: Command) -> Vec<Event> {
    book.execute(&cmd).unwrap()
}

fn partner(code: &str, kind: PartnerKind, name: &str, iban: &str) -> Partner {
    let mut p = Partner::new(c(code), kind, name);
    p.address = Address {
        street: "Hauptstraße".into(),
        house_number: "12a".into(),
        postcode: "80331".into(),
        town: "München".into(),
        country: "DE".into(),
    };
    p.bank_accounts = vec![BankAccount {
        iban: iban.into(),
        bic: "COBADEFFXXX".into(),
        holder: String::new(),
        default: true,
    }];
    p
}

fn invoice(book: &mut Book, code: &str, reference: &str, gross: Decimal) -> ItemId {
    let vendor = code.starts_with('7');
    let (side, other) = if vendor {
        (Side::Credit, LineDraft::debit_lc(a("3400"), gross))
    } else {
        (Side::Debit, LineDraft::credit_lc(a("8400"), gross))
    };
    let mut draft = EntryDraft::new(
        d(2, 1),
        "anna",
        vec![LineDraft::partner(c(code), side, gross), other],
    );
    draft.reference = reference.into();
    match run(book, PostingCommand::PostEntry { draft }.into()).first() {
        Some(Event::EntryPosted { entry }) => payment_item(entry.id),
        other => panic!("expected an entry, got {other:?}"),
    }
}

/// Vendors 70001 (Mühle Weiß GmbH) and 70002 (`second_name`), customer
/// 10001 (Bäckerei Krüger KG, mandate, first debit); run 1 pays and
/// collects one invoice each.
fn book_with_run(second_name: &str) -> Book {
    let mut book = Book::set_up(&sample_setup(2024)).unwrap().0;
    run(
        &mut book,
        BankCommand::SaveHouseBank {
            bank: Box::new(HouseBank {
                code: "SPK".into(),
                name: "Sparkasse".into(),
                account: a("1200"),
                iban: "DE44500105175407324931".into(),
                bic: "INGDDEFFXXX".into(),
                currency: Currency::parse("EUR").unwrap(),
                suspense_account: Some(a("1360")),
                csv_mapping: None,
            }),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    let mut cust = partner(
        "10001",
        PartnerKind::Customer,
        "Bäckerei Krüger KG",
        "DE02120300000000202051",
    );
    cust.payment_method = PaymentMethod::DirectDebit;
    cust.mandate = Some(Mandate {
        id: "M-10001/2024".into(),
        signed: d(1, 2),
        sequence: MandateSequence::First,
    });
    let v1 = partner(
        "70001",
        PartnerKind::Vendor,
        "Mühle Weiß GmbH",
        "DE89370400440532013000",
    );
    let v2 = partner(
        "70002",
        PartnerKind::Vendor,
        second_name,
        "DE75512108001245126199",
    );
    for p in [cust, v1, v2] {
        run(
            &mut book,
            PartnersCommand::CreatePartner {
                partner: Box::new(p),
                by: "anna".into(),
                at: at(),
            }
            .into(),
        );
    }
    run(
        &mut book,
        PaymentRunsCommand::SetCreditorId {
            creditor_id: "DE98ZZZ09999999999".into(),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    let items = [
        (
            "10001",
            invoice(&mut book, "10001", "AR-2024-17", dec!(250.00)),
        ),
        (
            "70001",
            invoice(&mut book, "70001", "RE 4711", dec!(1000.00)),
        ),
        (
            "70002",
            invoice(&mut book, "70002", "RE 0815", dec!(300.50)),
        ),
    ]
    .map(|(code, item)| RunItem {
        item,
        partner: c(code),
        amount: book.open_items().item(item).unwrap().open_lc,
        discount: Decimal::ZERO,
    });
    let params = RunParams {
        name: "Zahllauf März".into(),
        run_date: d(3, 5),
        outgoing: true,
        incoming: true,
        house_bank: "SPK".into(),
        next_run_date: d(3, 12),
        partners: PartnerSelection::All,
        methods: Vec::new(),
        include_credit_notes: false,
        due_until: d(3, 5),
        max_total: None,
    };
    run(
        &mut book,
        PaymentRunsCommand::Save {
            run: Box::new(RunDraft {
                number: 0,
                params,
                items: items.to_vec(),
            }),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    book
}

#[test]
fn a_fixed_run_writes_golden_pain001_and_pain008_that_pass_the_xsds() {
    let book = book_with_run("Hof Straße AG");
    let files = run_files(&book, 1, created()).expect("the run's files");
    assert_eq!(files.len(), 2);
    let ct = &files[0];
    assert_eq!(ct.kind, RunFileKind::CreditTransfer);
    assert_eq!(ct.name, "KONTOR-R1-CT-pain.001.001.09.xml");
    golden("run-pain.001.001.09.xml", &ct.bytes);
    xmllint("pain.001.001.09.xsd", &ct.bytes).expect("pain.001 passes the XSD");
    let dd = &files[1];
    assert_eq!(dd.kind, RunFileKind::DirectDebit);
    golden("run-pain.008.001.08.xml", &dd.bytes);
    xmllint("pain.008.001.08.xsd", &dd.bytes).expect("pain.008 passes the XSD");
    let ct_text = String::from_utf8(ct.bytes.clone()).unwrap();
    // Transliterated as the German banks write it; ids kept as written.
    for want in [
        "<Nm>Muehle Weiss GmbH</Nm>",
        "<Nm>Hof Strasse AG</Nm>",
        "<StrtNm>Hauptstrasse</StrtNm>",
        "<TwnNm>Muenchen</TwnNm>",
        "<EndToEndId>KONTOR-R1-2</EndToEndId>",
        "<MsgId>KONTOR-R1-CT</MsgId>",
        "<Ustrd>Zahllauf Maerz RE 4711</Ustrd>",
        "<InstdAmt Ccy=\"EUR\">300.50</InstdAmt>",
    ] {
        assert!(ct_text.contains(want), "{want} missing in\n{ct_text}");
    }
    let dd_text = String::from_utf8(dd.bytes.clone()).unwrap();
    for want in [
        "<SeqTp>FRST</SeqTp>",
        "<MndtId>M-10001/2024</MndtId>",
        "<DtOfSgntr>2024-01-02</DtOfSgntr>",
        "<ReqdColltnDt>2024-03-05</ReqdColltnDt>",
        "<Id>DE98ZZZ09999999999</Id>",
        "<EndToEndId>KONTOR-R1-1</EndToEndId>",
    ] {
        assert!(dd_text.contains(want), "{want} missing in\n{dd_text}");
    }
}

#[test]
fn a_name_the_sepa_set_cannot_hold_is_refused_with_partner_and_field() {
    let book = book_with_run("Hof 北京 AG");
    let errors = run_files(&book, 1, created()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    match &errors[0] {
        RunFileError::Sepa { partner, error } => {
            assert_eq!(*partner, Some(c("70002")));
            assert_eq!(error.field, Field::Name);
            assert_eq!(error.problem, Problem::NotInCharset { ch: '北' });
        }
        other => panic!("expected a SEPA refusal, got {other:?}"),
    }
}

#[test]
fn an_unknown_run_has_no_files() {
    let book = book_with_run("Hof AG");
    assert_eq!(
        run_files(&book, 9, created()).unwrap_err(),
        vec![RunFileError::UnknownRun { number: 9 }]
    );
}

/// A run dated before the day its file is written (a bookkeeper catching
/// up) asks the bank for that day: banks refuse a requested date in the
/// past, and the SEPA check would refuse the file (seen in the wizard).
#[test]
fn a_run_dated_in_the_past_asks_for_execution_on_the_day_the_file_is_written() {
    let book = book_with_run("Hof Straße AG");
    let later = d(3, 20).and_hms_opt(9, 0, 0).unwrap();
    let files = run_files(&book, 1, later).expect("the run's files");
    let ct = String::from_utf8(files[0].bytes.clone()).unwrap();
    assert!(ct.contains("<ReqdExctnDt>\n"), "{ct}");
    assert!(ct.contains("<Dt>2024-03-20</Dt>"), "{ct}");
    assert!(!ct.contains("2024-03-05"), "{ct}");
    let dd = String::from_utf8(files[1].bytes.clone()).unwrap();
    // A collection is announced: the day after the file, at the earliest.
    assert!(
        dd.contains("<ReqdColltnDt>2024-03-21</ReqdColltnDt>"),
        "{dd}"
    );
    xmllint("pain.008.001.08.xsd", &files[1].bytes).expect("pain.008 passes the XSD");
    xmllint("pain.001.001.09.xsd", &files[0].bytes).expect("pain.001 passes the XSD");
}
