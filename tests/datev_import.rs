//! DATEV Buchungsstapel → journal voucher: DATEV's sample (fixtures,
//! MIT) imports into an SKR03 company holding its accounts and partner,
//! posts all or nothing, and every bad row is refused with its line.

use chrono::NaiveDate;
use kontor::formats::amount::NumberStyle;
use kontor::forms::datev_import::{FileRefusal, RowProblem, plan_import};
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
use kontor::ledger::posting::{PostingCommand, Voucher};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, PartnerCode, Side, Timestamp};
use kontor::ledger::{Book, Command};
use rust_decimal_macros::dec;

const DE: NumberStyle = NumberStyle::German;
const USER: &str = "kontor";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/datev/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture present")
}

/// An SKR03 company of 2018 with customer 10000 (DATEV's Debitor).
fn book() -> Book {
    let (mut book, _) = Book::set_up(&sample_setup(2018)).expect("set up");
    let customer = Partner::new(
        PartnerCode::parse("10000").expect("code"),
        PartnerKind::Customer,
        "Sabine Mustermann",
    );
    book.execute(&Command::from(PartnersCommand::CreatePartner {
        partner: Box::new(customer),
        by: "anna".into(),
        at: Timestamp::at(d(2018, 1, 2), 9, 0, 0).expect("stamp"),
    }))
    .expect("partner");
    book
}

fn post(book: &mut Book, entries: Vec<kontor::forms::entry::EntryForm>) {
    let drafts = entries
        .iter()
        .map(|f| {
            f.to_book_draft(book, DE, d(2018, 3, 1), USER)
                .expect("draft")
        })
        .collect();
    book.execute(&Command::Posting(PostingCommand::PostVoucher {
        voucher: Voucher {
            reference: "DATEV".into(),
            memo: String::new(),
            entries: drafts,
            key: None,
        },
    }))
    .expect("voucher posts");
}

fn balance(book: &Book, account: &str) -> rust_decimal::Decimal {
    let no = AccountNo::parse(account).expect("account");
    book.entries()
        .iter()
        .flat_map(|e| &e.lines)
        .filter(|l| l.account == no)
        .map(|l| match l.side {
            Side::Debit => l.amount_lc,
            Side::Credit => -l.amount_lc,
        })
        .sum()
}

#[test]
fn the_sample_buchungsstapel_imports_into_one_voucher_and_posts() {
    let mut book = book();
    let plan = plan_import(
        &book,
        &fixture("EXTF_Buchungsstapel.csv"),
        DE,
        d(2018, 3, 1),
        USER,
    )
    .expect("a Buchungsstapel");
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    assert_eq!(plan.rows.len(), 2);
    assert_eq!(plan.voucher_name(), "DATEV Beispiel-Buchungen");
    // Row 1: BU 8 → V7 on the Gegenkonto 4940; row 2: 8400 is automatic (U19).
    assert_eq!(plan.rows[0].tax_code.as_deref(), Some("V7"));
    assert_eq!(plan.rows[1].tax_code.as_deref(), Some("U19"));
    let first = &plan.rows[0].form;
    assert_eq!(first.posting_date, "21.02.2018");
    assert_eq!(first.memo, "Fachbuch: Controlling für Dummies");
    assert_eq!(first.lines[0].account, "1200");
    assert_eq!(first.lines[0].credit, "24,95");
    assert_eq!(first.lines[1].account, "4940");
    assert_eq!(first.lines[1].debit, "24,95");
    assert!(first.lines[1].gross);
    let second = &plan.rows[1].form;
    assert_eq!(second.reference, "RE201802-135");
    assert_eq!(second.lines[0].account, "10000");
    let entries = plan.voucher_entries().expect("all rows pass");
    let before = book.entry_count();
    post(&mut book, entries);
    assert_eq!(book.entry_count(), before + 2);
    // 24,95 gross at 7 %: 23,32 net + 1,63 input tax; 5950 gross at 19 %:
    // 5000 revenue + 950 output tax, the customer's receivable 5950.
    assert_eq!(balance(&book, "1200"), dec!(-24.95));
    assert_eq!(balance(&book, "4940"), dec!(23.32));
    assert_eq!(balance(&book, "1571"), dec!(1.63));
    assert_eq!(balance(&book, "8400"), dec!(-5000.00));
    assert_eq!(balance(&book, "1776"), dec!(-950.00));
    assert_eq!(balance(&book, "1400"), dec!(5950.00));
    let posted = &book.entries()[before];
    assert_eq!(posted.document_date, d(2018, 2, 21));
}

fn with_rows(rows: &[&str]) -> Vec<u8> {
    let bytes = fixture("EXTF_Buchungsstapel.csv");
    let text = encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned();
    let mut lines = text.split("\r\n");
    let mut out = String::new();
    for _ in 0..2 {
        out.push_str(lines.next().expect("line"));
        out.push_str("\r\n");
    }
    for r in rows {
        out.push_str(r);
        out.push_str("\r\n");
    }
    encoding_rs::WINDOWS_1252.encode(&out).0.into_owned()
}

#[test]
fn every_bad_row_is_refused_with_its_line_and_the_file_is_not_imported() {
    let book = book();
    let bytes = with_rows(&[
        "10,00;\"S\";\"\";;;\"\";1200;4940;\"\";2102",
        "10,00;\"S\";\"\";;;\"\";1299;4940;\"\";2102",
        "10,00;\"S\";\"\";;;\"\";12345;4940;\"\";2102",
        "10,00;\"S\";\"USD\";;;\"\";1200;4940;\"\";2102",
        "10,00;\"S\";\"\";;;\"\";1200;4940;\"23\";2102",
        "10,00;\"S\";\"\";;;\"\";1200;4940;\"5\";2102",
        "0,00;\"S\";\"\";;;\"\";1200;4940;\"\";2102",
    ]);
    let plan = plan_import(&book, &bytes, DE, d(2018, 3, 1), USER).expect("reads");
    assert_eq!(plan.rows.len(), 1);
    assert!(plan.voucher_entries().is_none());
    let got: Vec<(usize, String)> = plan
        .refused
        .iter()
        .map(|r| {
            let what = match &r.problem {
                RowProblem::UnknownAccount { column, value } => format!("account {column} {value}"),
                RowProblem::UnknownPartner { column, value } => format!("partner {column} {value}"),
                RowProblem::Currency { value, .. } => format!("currency {value}"),
                RowProblem::Rate16 { key, code } => format!("16 {key} {code}"),
                RowProblem::Read(e) => format!("read {}", e.column),
                other => format!("{other:?}"),
            };
            (r.line, what)
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (4, "account Konto 1299".to_string()),
            (5, "partner Konto 12345".to_string()),
            (6, "currency USD".to_string()),
            (7, "read BU-Schlüssel".to_string()),
            (8, "16 5 U19".to_string()),
            (9, "read Umsatz (ohne Soll/Haben-Kz)".to_string()),
        ]
    );
}

#[test]
fn a_row_in_a_closed_or_missing_period_is_refused_by_the_engine() {
    // The company's books start in 2019: February 2018 has no period.
    let (book, _) = Book::set_up(&sample_setup(2019)).expect("set up");
    let plan = plan_import(
        &book,
        &with_rows(&["10,00;\"S\";\"\";;;\"\";1200;4940;\"\";2102"]),
        DE,
        d(2019, 3, 1),
        USER,
    )
    .expect("reads");
    assert_eq!(plan.refused.len(), 1);
    assert_eq!(plan.refused[0].line, 3);
    assert!(matches!(plan.refused[0].problem, RowProblem::Refused(_)));
}

#[test]
fn other_categories_are_not_imported_as_postings() {
    let book = book();
    let err = plan_import(
        &book,
        &fixture("EXTF_Stammdaten.csv"),
        DE,
        d(2018, 3, 1),
        USER,
    )
    .expect_err("not postings");
    assert_eq!(err, FileRefusal::NotBookings { category: 16 });
}

#[test]
fn the_bu_key_goes_on_the_expense_line_whichever_column_holds_it() {
    let mut book = book();
    // Konto 4940 (expense) debited, Gegenkonto 1200 (bank), BU 9: the tax
    // is split off the expense, not off the bank.
    let plan = plan_import(
        &book,
        &with_rows(&["119,00;\"S\";\"\";;;\"\";4940;1200;\"9\";2102;\"B-1\""]),
        DE,
        d(2018, 3, 1),
        USER,
    )
    .expect("reads");
    assert!(plan.refused.is_empty(), "{:?}", plan.refused);
    let form = &plan.rows[0].form;
    assert_eq!(form.lines[0].tax_code, "V19");
    assert!(form.lines[0].gross);
    assert_eq!(form.lines[1].tax_code, "");
    post(&mut book, plan.voucher_entries().expect("entries"));
    assert_eq!(balance(&book, "4940"), dec!(100.00));
    assert_eq!(balance(&book, "1576"), dec!(19.00));
    assert_eq!(balance(&book, "1200"), dec!(-119.00));
}
