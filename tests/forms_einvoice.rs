//! The posting proposal of an incoming e-invoice (issue 19, part F) on
//! the KoSIT XRechnung business cases (`tests/fixtures/xrechnung/`): the
//! vendor matched by VAT id, IBAN or name (and said which), or offered
//! pre-filled; one net line per VAT rate with the input tax code the
//! category and rate map to; the due date of the invoice or the vendor's
//! terms; a mismatching invoice refused with its numbers; posted through
//! the inbox, the entry's tax equals the invoice's and the open item is
//! the gross; the next proposal remembers the account.

use chrono::NaiveDate;
use kontor::formats::einvoice::{self, Invoice, totals::Rule};
use kontor::forms::einvoice::{
    AccountSource, MatchedBy, ProposalError, match_vendor, propose, tax_code_for,
};
use kontor::ledger::inbox::{Document, InboxCommand};
use kontor::ledger::partners::{BankAccount, Partner, PartnerKind, PartnersCommand, PaymentTerms};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, PartnerCode, PostingKey, Timestamp};
use kontor::ledger::{Book, Command, Event};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/xrechnung/{name}")).unwrap()
}

fn invoice(name: &str) -> Invoice {
    einvoice::read(&fixture(name)).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn c(n: &str) -> PartnerCode {
    PartnerCode::parse(n).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at(d(2024, 5, 2), 10, 0, 0).unwrap()
}

fn book() -> Book {
    let mut b = Book::set_up(&sample_setup(2024)).unwrap().0;
    b.execute(
        &PartnersCommand::CreatePaymentTerms {
            terms: PaymentTerms::net("N30", 30),
        }
        .into(),
    )
    .unwrap();
    b
}

fn create(b: &mut Book, p: Partner) {
    b.execute(
        &PartnersCommand::CreatePartner {
            partner: Box::new(p),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    )
    .unwrap();
}

fn post(
    b: &mut Book,
    draft: kontor::ledger::posting::EntryDraft,
    file: &str,
    key: u128,
) -> Vec<Event> {
    b.execute(&Command::Inbox(InboxCommand::PostIncomingInvoice {
        draft: Box::new(draft),
        document: Document {
            name: file.into(),
            media_type: "application/xml".into(),
            bytes: fixture(file).into(),
        },
        invoice_number: "x".into(),
        key: PostingKey(key),
        by: "anna".into(),
        at: at(),
    }))
    .unwrap()
}

#[test]
fn two_rates_give_two_lines_with_input_codes_and_the_invoice_due_date() {
    // 03.01a: 578.89 at 19 % (109.99) and 108.39 at 7 % (7.59), gross
    // 804.86, due 2019-03-14.
    let mut b = book();
    // The sample's VAT id fails its check digits: noted, not stored.
    let sample = propose(&b, &invoice("03.01a-INVOICE_ubl.xml")).unwrap();
    assert_eq!(sample.new_vendor.vat_id, "");
    assert!(
        sample.new_vendor.remarks.contains("ATU123456789"),
        "{}",
        sample.new_vendor.remarks
    );
    // With a valid one (DE123456788: check digit 8) it is taken over.
    let text = String::from_utf8(fixture("03.01a-INVOICE_ubl.xml")).unwrap();
    let inv = einvoice::read(text.replace("ATU123456789", "DE 123 456 788").as_bytes()).unwrap();
    let p = propose(&b, &inv).unwrap();
    assert_eq!(p.vendor, None);
    assert_eq!(p.lines.len(), 2);
    let (l19, l7) = (&p.lines[0], &p.lines[1]);
    assert_eq!(
        (l19.net, l19.tax, l19.tax_code.as_deref()),
        (dec!(578.89), dec!(109.99), Some("V19"))
    );
    assert_eq!(
        (l7.net, l7.tax, l7.tax_code.as_deref()),
        (dec!(108.39), dec!(7.59), Some("V7"))
    );
    assert_eq!(
        l19.account,
        Some(a("4900")),
        "the chart's general expense account"
    );
    assert_eq!(l19.source, AccountSource::General);
    assert_eq!(p.gross, dec!(804.86));
    assert_eq!(p.payable, dec!(-225.14));
    assert_eq!(
        (p.due_date, p.due_from_invoice),
        (Some(d(2019, 3, 14)), true)
    );
    assert_eq!(p.reference, inv.number);

    // Offered pre-filled: the seller's name, country, VAT id and IBAN.
    let new = p.new_vendor.clone();
    assert_eq!(new.kind, PartnerKind::Vendor);
    assert_eq!(new.code, c("70001"));
    assert_eq!(new.name, inv.seller.name);
    assert_eq!(new.vat_id, "DE123456788");
    assert_eq!(new.address.country, inv.seller.address.country);
    create(&mut b, new);
    let p = propose(&b, &inv).unwrap();
    assert_eq!(p.vendor, Some((c("70001"), MatchedBy::VatId)));

    // Posted: the engine's tax lines are the invoice's tax per rate; the
    // open item is the gross with the invoice's due date.
    let events = post(
        &mut b,
        p.draft(c("70001"), d(2024, 5, 2), "anna"),
        "03.01a-INVOICE_ubl.xml",
        1,
    );
    let Event::EntryPosted { entry } = &events[0] else {
        panic!()
    };
    let mut taxes: Vec<Decimal> = entry
        .lines
        .iter()
        .filter(|l| l.tax().is_some())
        .map(|l| l.amount_lc)
        .collect();
    taxes.sort();
    assert_eq!(taxes, vec![dec!(7.59), dec!(109.99)]);
    let items: Vec<_> = b.open_items().items_of(c("70001")).collect();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].due_date, d(2019, 3, 14));
    assert_eq!(b.open_items().open_lc(c("70001")), dec!(-804.86));
    assert_eq!(entry.document_date, d(2019, 2, 28));
}

#[test]
fn the_vendor_is_matched_by_vat_id_then_iban_then_name_and_the_account_remembered() {
    let mut b = book();
    let inv = invoice("01.01a-INVOICE_ubl.xml");
    // By name (the seller's name, case and spaces aside).
    let mut by_name = Partner::new(
        c("70005"),
        PartnerKind::Vendor,
        &inv.seller.name.to_uppercase(),
    );
    by_name.payment_terms = Some("N30".into());
    create(&mut b, by_name);
    assert_eq!(match_vendor(&b, &inv), Some((c("70005"), MatchedBy::Name)));
    // By IBAN beats the name.
    let mut by_iban = Partner::new(c("70006"), PartnerKind::Vendor, "Ganz anderer Name");
    by_iban.bank_accounts = vec![BankAccount {
        iban: "DE79000000001234567890".into(),
        bic: String::new(),
        holder: String::new(),
        default: true,
    }];
    create(&mut b, by_iban);
    assert_eq!(match_vendor(&b, &inv), Some((c("70006"), MatchedBy::Iban)));
    // A customer with the seller's VAT id is no vendor.
    let mut customers = book();
    let mut customer = Partner::new(c("10001"), PartnerKind::Customer, "Kunde");
    customer.vat_id = "DE123456788".into();
    create(&mut customers, customer);
    let text = String::from_utf8(fixture("03.01a-INVOICE_ubl.xml")).unwrap();
    let edited = einvoice::read(text.replace("ATU123456789", "DE123456788").as_bytes()).unwrap();
    assert_eq!(match_vendor(&customers, &edited), None);
    let mut vendor = Partner::new(c("70009"), PartnerKind::Vendor, "Irgendwer");
    vendor.vat_id = "DE123456788".into();
    create(&mut customers, vendor);
    assert_eq!(
        match_vendor(&customers, &edited),
        Some((c("70009"), MatchedBy::VatId))
    );

    // The name-matched vendor's terms give the due date when the invoice
    // has none: 30 days from 2016-04-04.
    let mut only_name = book();
    let mut v = Partner::new(c("70005"), PartnerKind::Vendor, &inv.seller.name);
    v.payment_terms = Some("N30".into());
    create(&mut only_name, v);
    let p = propose(&only_name, &inv).unwrap();
    assert_eq!(p.vendor, Some((c("70005"), MatchedBy::Name)));
    assert_eq!(
        (p.due_date, p.due_from_invoice),
        (Some(d(2016, 5, 4)), false)
    );
    assert_eq!(p.lines.len(), 1);
    assert_eq!(p.lines[0].tax_code.as_deref(), Some("V7"));

    // Posted on another account, the next proposal offers that account.
    let mut draft = p.draft(c("70005"), d(2024, 5, 2), "anna");
    draft.lines[1].account = Some(a("4930"));
    post(&mut only_name, draft, "01.01a-INVOICE_ubl.xml", 1);
    let next = propose(&only_name, &invoice("01.02a-INVOICE_ubl.xml")).unwrap();
    if next.vendor.is_some() {
        assert_eq!(next.lines[0].account, Some(a("4930")));
        assert_eq!(next.lines[0].source, AccountSource::Remembered);
    }
    let again = propose(&only_name, &inv).unwrap();
    assert_eq!(again.lines[0].account, Some(a("4930")));
    assert_eq!(again.lines[0].source, AccountSource::Remembered);
    // The same file is not posted twice.
    let err = only_name
        .execute(&Command::Inbox(InboxCommand::PostIncomingInvoice {
            draft: Box::new(again.draft(c("70005"), d(2024, 5, 3), "anna")),
            document: Document {
                name: "again.xml".into(),
                media_type: "application/xml".into(),
                bytes: fixture("01.01a-INVOICE_ubl.xml").into(),
            },
            invoice_number: "x".into(),
            key: PostingKey(2),
            by: "anna".into(),
            at: at(),
        }))
        .unwrap_err();
    assert!(format!("{err:?}").contains("DuplicateDocument"), "{err:?}");
}

#[test]
fn a_mismatching_invoice_is_not_proposed_and_names_its_numbers() {
    let text = String::from_utf8(fixture("01.01a-INVOICE_ubl.xml")).unwrap();
    let edited = text.replacen(
        "<cbc:LineExtensionAmount currencyID=\"EUR\">288.79</cbc:LineExtensionAmount>",
        "<cbc:LineExtensionAmount currencyID=\"EUR\">300.00</cbc:LineExtensionAmount>",
        1,
    );
    assert_ne!(edited, text);
    let inv = einvoice::read(edited.as_bytes()).unwrap();
    let Err(ProposalError::Totals(m)) = propose(&book(), &inv) else {
        panic!("a mismatch must refuse the proposal");
    };
    let line_sum = m.iter().find(|m| m.rule == Rule::LineSum).unwrap();
    assert_eq!(
        (line_sum.stated, line_sum.computed),
        (dec!(314.86), dec!(326.07))
    );
}

#[test]
fn categories_map_to_the_templates_codes() {
    let b = book();
    let on = d(2024, 5, 2);
    let code = |cat: &str, rate: Option<Decimal>, country: &str| {
        tax_code_for(&b, cat, rate, country, on).unwrap()
    };
    assert_eq!(code("S", Some(dec!(19)), "DE").as_deref(), Some("V19"));
    assert_eq!(code("S", Some(dec!(7.00)), "DE").as_deref(), Some("V7"));
    // § 13b: from a German seller (2), from an EU seller (1).
    assert_eq!(code("AE", Some(dec!(0)), "DE").as_deref(), Some("RCB19"));
    assert_eq!(code("AE", Some(dec!(0)), "AT").as_deref(), Some("RC19"));
    assert_eq!(code("K", Some(dec!(0)), "AT").as_deref(), Some("IGE19"));
    for untaxed in ["Z", "E", "O", "G"] {
        assert_eq!(code(untaxed, Some(dec!(0)), "DE"), None);
    }
    // No input code at 16 % in 2024.
    assert!(tax_code_for(&b, "S", Some(dec!(16)), "DE", on).is_err());

    // 02.01a: 19 % and exempt (E): V19 and no code.
    let p = propose(&b, &invoice("02.01a-INVOICE_ubl.xml")).unwrap();
    let codes: Vec<_> = p
        .lines
        .iter()
        .map(|l| (l.category.as_str(), l.tax_code.as_deref()))
        .collect();
    assert_eq!(codes, vec![("S", Some("V19")), ("E", None)]);
    // 01.21a: reverse charge from a German seller.
    let p = propose(&b, &invoice("01.21a-INVOICE_ubl.xml")).unwrap();
    assert_eq!(p.lines[0].tax_code.as_deref(), Some("RCB19"));
}

#[test]
fn both_syntaxes_of_every_case_give_the_same_lines() {
    let b = book();
    let mut cases = 0;
    for entry in std::fs::read_dir("tests/fixtures/xrechnung").unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let Some(case) = name.strip_suffix("_ubl.xml") else {
            continue;
        };
        let ubl = propose(&b, &invoice(&name)).unwrap();
        let cii = propose(&b, &invoice(&format!("{case}_uncefact.xml"))).unwrap();
        assert_eq!(ubl.lines, cii.lines, "{case}");
        assert_eq!(
            (ubl.gross, ubl.due_date),
            (cii.gross, cii.due_date),
            "{case}"
        );
        cases += 1;
    }
    assert_eq!(cases, 33);
}
