//! SEPA files: goldens compared byte for byte and validated against the ISO
//! XSDs with xmllint, the transliteration table, every refusal of the
//! banks' rules, and property tests (the writer never panics; what it
//! writes from valid input passes the XSD).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::{NaiveDate, NaiveDateTime};
use kontor::formats::iban::{BicError, CreditorIdError, IbanError};
use kontor::formats::sepa::{
    self, Address, CreditTransfer, CreditTransferOrder, DirectDebit, DirectDebitOrder,
    DirectDebitScheme, Field, Party, Place, Problem, SepaError, SepaFileError, SequenceType,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const PAIN_001_XSD: &str = "pain.001.001.09.xsd";
const PAIN_008_XSD: &str = "pain.008.001.08.xsd";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sepa")
}

/// Validates `xml` against the fixture XSD with xmllint. A missing
/// xmllint fails the test: the XSD check is the point of these tests.
fn xmllint(xsd: &str, xml: &[u8]) -> Result<(), String> {
    let schema = fixtures().join("xsd").join(xsd);
    let spawned = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => panic!(
            "xmllint could not be started ({e}); install it with ./scripts/setup.sh \
             (Debian package libxml2-utils) — the XSD check is not skipped"
        ),
    };
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

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    date(y, m, d).and_hms_opt(h, min, 0).expect("valid time")
}

fn address(street: &str, number: &str, code: &str, town: &str, country: &str) -> Address {
    Address {
        street: Some(street.into()),
        building_number: Some(number.into()),
        post_code: Some(code.into()),
        town: town.into(),
        country: country.into(),
    }
}

fn company() -> Party {
    Party {
        name: "Müller & Söhne GmbH".into(),
        address: Some(address("Hauptstraße", "5", "10115", "Berlin", "DE")),
        iban: "DE89 3704 0044 0532 0130 00".into(),
        bic: Some("COBADEFFXXX".into()),
    }
}

/// The fixed credit-transfer run of the golden file.
fn ct_order() -> CreditTransferOrder {
    let transfer = |id: &str, amount, creditor, remittance: &str, day| CreditTransfer {
        end_to_end_id: id.into(),
        amount,
        creditor,
        remittance: remittance.into(),
        execution_date: date(2026, 12, day),
    };
    CreditTransferOrder {
        message_id: "KONTOR-CT-2026-0042".into(),
        created_at: at(2026, 11, 30, 10, 15),
        initiating_party: "Müller & Söhne GmbH".into(),
        debtor: company(),
        batch_booking: true,
        transfers: vec![
            transfer(
                "PAY-2026-0001",
                dec!(1190.00),
                Party {
                    name: "Société Générale Fournitures SARL".into(),
                    address: Some(address("Rue de Rivoli", "12", "75001", "Paris", "FR")),
                    iban: "FR14 2004 1010 0505 0001 3M02 606".into(),
                    bic: None,
                },
                "Rechnung RE-2026-117 vom 02.11.2026 abzgl. 2 Prozent Skonto",
                1,
            ),
            transfer(
                "PAY-2026-0002",
                dec!(49.5),
                Party {
                    name: "Bürobedarf Öztürk e.K.".into(),
                    address: Some(address("Lindenallee", "3a", "50667", "Köln", "de")),
                    iban: "DE02120300000000202051".into(),
                    bic: Some("BYLADEM1001".into()),
                },
                "Kd-Nr. 4711 / RE 2026-0815, mit freundlichen Grüßen",
                1,
            ),
            transfer(
                "PAY-2026-0003",
                dec!(12345.67),
                Party {
                    name: "O'Brien Consulting Ltd".into(),
                    address: Some(address("Grafton Street", "22", "D02 XY45", "Dublin", "IE")),
                    iban: "IE29AIBK93115212345678".into(),
                    bic: None,
                },
                "",
                3,
            ),
        ],
    }
}

fn person(name: &str, iban: &str, address: Option<Address>, bic: Option<&str>) -> Party {
    Party {
        name: name.into(),
        address,
        iban: iban.into(),
        bic: bic.map(Into::into),
    }
}

/// The fixed direct-debit run of the golden file.
fn dd_order() -> DirectDebitOrder {
    let debit = |id: &str, amount, debtor, mandate: &str, signed, sequence, day| DirectDebit {
        end_to_end_id: id.into(),
        amount,
        debtor,
        mandate_id: mandate.into(),
        mandate_signed_on: signed,
        sequence,
        collection_date: date(2026, 12, day),
        remittance: format!("Beitrag Dezember 2026, Mandat {mandate}"),
    };
    let weiss = person(
        "Jürgen Weiß",
        "DE53700202700015482230",
        Some(address("Gartenweg", "7", "80331", "München", "DE")),
        None,
    );
    let schaefer = person("Anna Schäfer", "DE44500105175407324931", None, None);
    let capek = person(
        "Čapek s.r.o.",
        "CZ6508000000192000145399",
        Some(address("Václavské náměstí", "1", "110 00", "Praha", "CZ")),
        None,
    );
    let huber = person("Huber KG", "AT611904300234573201", None, Some("BKAUATWW"));
    use SequenceType::*;
    DirectDebitOrder {
        message_id: "KONTOR-DD-2026-0007".into(),
        created_at: at(2026, 11, 30, 10, 20),
        initiating_party: "Müller & Söhne GmbH".into(),
        creditor: company(),
        creditor_id: "DE98ZZZ09999999999".into(),
        scheme: DirectDebitScheme::Core,
        batch_booking: true,
        debits: vec![
            debit(
                "DD-2026-0001",
                dec!(29.90),
                weiss,
                "M-2026-001",
                date(2026, 11, 2),
                First,
                4,
            ),
            debit(
                "DD-2026-0002",
                dec!(120),
                schaefer,
                "M-2024-017",
                date(2024, 3, 15),
                Recurring,
                4,
            ),
            debit(
                "DD-2026-0003",
                dec!(75.00),
                capek,
                "M-2025-101",
                date(2025, 1, 20),
                Recurring,
                4,
            ),
            debit(
                "DD-2026-0004",
                dec!(1500.00),
                huber,
                "M-2026-A/1",
                date(2026, 11, 27),
                OneOff,
                10,
            ),
        ],
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
        "{name} differs from the golden file; the writer wrote:\n{}",
        String::from_utf8_lossy(bytes)
    );
}

#[test]
fn golden_pain001_byte_for_byte_and_xsd_valid() {
    let bytes = sepa::credit_transfer_file(&ct_order()).expect("valid order");
    golden("pain.001.001.09.xml", &bytes);
    xmllint(PAIN_001_XSD, &bytes).expect("pain.001 golden passes the XSD");
}

#[test]
fn golden_pain008_byte_for_byte_and_xsd_valid() {
    let bytes = sepa::direct_debit_file(&dd_order()).expect("valid order");
    golden("pain.008.001.08.xml", &bytes);
    xmllint(PAIN_008_XSD, &bytes).expect("pain.008 golden passes the XSD");
}

#[test]
fn xmllint_rejects_a_broken_document() {
    // The XSD check must be able to fail: a file without its group header.
    let bytes = sepa::credit_transfer_file(&ct_order()).expect("valid order");
    let text = String::from_utf8(bytes).expect("utf-8");
    let start = text.find("<GrpHdr>").expect("header");
    let end = text.find("</GrpHdr>").expect("header end") + "</GrpHdr>".len();
    let broken = format!("{}{}", &text[..start], &text[end..]);
    assert!(xmllint(PAIN_001_XSD, broken.as_bytes()).is_err());
}

#[test]
fn files_are_utf8_without_byte_order_mark() {
    let ct = sepa::credit_transfer_file(&ct_order()).expect("valid order");
    let dd = sepa::direct_debit_file(&dd_order()).expect("valid order");
    for bytes in [&ct, &dd] {
        assert!(bytes.starts_with(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document"));
        assert!(std::str::from_utf8(bytes).is_ok());
        assert!(bytes.is_ascii(), "transliterated files are plain ASCII");
    }
}

#[test]
fn groups_control_sums_and_amounts() {
    let checked = sepa::check_credit_transfer(&ct_order()).expect("valid order");
    let c = checked.content();
    assert_eq!(c.transaction_count, 3);
    assert_eq!(c.control_sum.to_string(), "13585.17");
    let groups: Vec<_> = c
        .groups
        .iter()
        .map(|g| {
            (
                g.id.as_str(),
                g.date,
                g.transactions.len(),
                g.control_sum.to_string(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            (
                "KONTOR-CT-2026-0042-1",
                date(2026, 12, 1),
                2,
                "1239.50".to_string()
            ),
            (
                "KONTOR-CT-2026-0042-2",
                date(2026, 12, 3),
                1,
                "12345.67".to_string()
            ),
        ]
    );
    let amounts: Vec<String> = c
        .groups
        .iter()
        .flat_map(|g| g.transactions.iter().map(|t| t.amount.to_string()))
        .collect();
    assert_eq!(amounts, ["1190.00", "49.50", "12345.67"]);

    let checked = sepa::check_direct_debit(&dd_order()).expect("valid order");
    let keys: Vec<_> = checked
        .content()
        .groups
        .iter()
        .map(|g| (g.date.to_string(), g.sequence, g.transactions.len()))
        .collect();
    use SequenceType::*;
    assert_eq!(
        keys,
        [
            ("2026-12-04".to_string(), Some(First), 1),
            ("2026-12-04".to_string(), Some(Recurring), 2),
            ("2026-12-10".to_string(), Some(OneOff), 1),
        ]
    );
    assert_eq!(checked.content().control_sum.to_string(), "1724.90");
}

#[test]
fn transliteration_table() {
    let cases = [
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("Ä", "Ae"),
        ("Ö", "Oe"),
        ("Ü", "Ue"),
        ("ß", "ss"),
        ("ẞ", "SS"),
        ("é è ê ë", "e e e e"),
        ("à á â ã å", "a a a a a"),
        ("Æ æ Œ œ", "AE ae OE oe"),
        ("ç Ç ñ Ñ", "c C n N"),
        ("ø Ø ł Ł", "o O l L"),
        ("š Š č Č ž Ž", "s S c C z Z"),
        ("ő ű ș ț", "o u s t"),
        ("Þór", "THor"),
        ("Müller & Söhne", "Mueller + Soehne"),
        ("O’Brien „Zur Post“", "O'Brien 'Zur Post'"),
        ("2026–2027", "2026-2027"),
        ("a\u{a0}b", "a b"),
        (
            "a-z A-Z 0-9 / - ? : ( ) . , ' +",
            "a-z A-Z 0-9 / - ? : ( ) . , ' +",
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(
            sepa::transliterate(input),
            Ok(expected.to_string()),
            "{input}"
        );
    }
    for ch in [
        '€', '@', '#', '%', '*', '$', '_', ';', '!', '=', '<', '>', '\t', '\n', '中', 'Ω', '😀',
    ] {
        let refused = Err(sepa::Unmappable(ch));
        assert_eq!(sepa::transliterate(&format!("ab{ch}c")), refused, "{ch:?}");
    }
}

#[test]
fn the_sepa_character_set_is_exactly_the_latin_set() {
    let allowed: String = ('a'..='z')
        .chain('A'..='Z')
        .chain('0'..='9')
        .chain("/-?:().,'+ ".chars())
        .collect();
    for b in 0u8..=127 {
        let c = char::from(b);
        assert_eq!(sepa::is_sepa_char(c), allowed.contains(c), "{c:?}");
        if !allowed.contains(c) && c != '&' && c != '"' && c != '`' {
            assert_eq!(sepa::replacement(c), None, "{c:?} has no replacement");
        }
    }
}

// ---------------------------------------------------------------- refusals

fn tx(index: usize, id: &str) -> Place {
    Place::Transaction {
        index,
        end_to_end_id: id.into(),
    }
}

fn ct_errors(change: impl FnOnce(&mut CreditTransferOrder)) -> Vec<SepaError> {
    let mut order = ct_order();
    change(&mut order);
    sepa::check_credit_transfer(&order).expect_err("the order is refused")
}

fn dd_errors(change: impl FnOnce(&mut DirectDebitOrder)) -> Vec<SepaError> {
    let mut order = dd_order();
    change(&mut order);
    sepa::check_direct_debit(&order).expect_err("the order is refused")
}

/// The errors are exactly the one expected.
fn only(errors: Vec<SepaError>, place: Place, field: Field, problem: Problem) {
    assert_eq!(
        errors,
        [SepaError {
            place,
            field,
            problem
        }]
    );
}

#[test]
fn refuses_bad_order_fields() {
    use Field as F;
    use Problem as P;
    let o = || Place::Order;
    only(
        ct_errors(|o| o.message_id.clear()),
        o(),
        F::MessageId,
        P::Empty,
    );
    only(
        ct_errors(|o| o.message_id = "M".repeat(31)),
        o(),
        F::MessageId,
        P::TooLong { max: 30, found: 31 },
    );
    only(
        ct_errors(|o| o.message_id = "KONTOR 1".into()),
        o(),
        F::MessageId,
        P::IdentifierCharacter { ch: ' ' },
    );
    only(
        ct_errors(|o| o.message_id = "KONTOR/".into()),
        o(),
        F::MessageId,
        P::IdentifierSlashes,
    );
    only(
        ct_errors(|o| o.created_at = at(999, 1, 1, 0, 0)),
        o(),
        F::CreatedAt,
        P::YearOutOfRange {
            date: date(999, 1, 1),
        },
    );
    only(
        ct_errors(|o| o.initiating_party = "  ".into()),
        o(),
        F::InitiatingParty,
        P::Empty,
    );
    only(
        ct_errors(|o| o.initiating_party = "Kontor €".into()),
        o(),
        F::InitiatingParty,
        P::NotInCharset { ch: '€' },
    );
    only(
        ct_errors(|o| o.transfers.clear()),
        o(),
        F::Transactions,
        P::NoTransactions,
    );
}

#[test]
fn refuses_bad_own_party() {
    use Field as F;
    use Problem as P;
    let o = || Place::Order;
    // 35 umlauts are 70 characters once transliterated; 36 are too many.
    only(
        ct_errors(|o| o.debtor.name = "ä".repeat(36)),
        o(),
        F::Name,
        P::TooLong { max: 70, found: 72 },
    );
    assert!(
        sepa::check_credit_transfer(&{
            let mut order = ct_order();
            order.debtor.name = "ä".repeat(35);
            order
        })
        .is_ok()
    );
    only(
        ct_errors(|o| o.debtor.iban = "DE88370400440532013000".into()),
        o(),
        F::Iban,
        P::Iban(IbanError::Checksum),
    );
    only(
        ct_errors(|o| o.debtor.bic = Some("COBADEFF1".into())),
        o(),
        F::Bic,
        P::Bic(BicError::BadLength { found: 9 }),
    );
    let with_address = |change: fn(&mut Address)| {
        ct_errors(move |o| {
            if let Some(a) = o.debtor.address.as_mut() {
                change(a);
            }
        })
    };
    only(
        with_address(|a| a.country = "Deutschland".into()),
        o(),
        F::Country,
        P::CountryCode,
    );
    only(
        with_address(|a| a.town = " ".into()),
        o(),
        F::Town,
        P::Empty,
    );
    only(
        with_address(|a| a.town = "T".repeat(36)),
        o(),
        F::Town,
        P::TooLong { max: 35, found: 36 },
    );
    only(
        with_address(|a| a.street = Some("S".repeat(71))),
        o(),
        F::Street,
        P::TooLong { max: 70, found: 71 },
    );
    only(
        with_address(|a| a.building_number = Some("1".repeat(17))),
        o(),
        F::BuildingNumber,
        P::TooLong { max: 16, found: 17 },
    );
    only(
        with_address(|a| a.post_code = Some("10115#".into())),
        o(),
        F::PostCode,
        P::NotInCharset { ch: '#' },
    );
}

#[test]
fn refuses_bad_transfers() {
    use Field as F;
    use Problem as P;
    let first = || tx(0, "PAY-2026-0001");
    let t = |change: fn(&mut CreditTransfer)| ct_errors(move |o| change(&mut o.transfers[0]));
    only(
        t(|t| t.amount = dec!(0)),
        first(),
        F::Amount,
        P::AmountNotPositive,
    );
    only(
        t(|t| t.amount = dec!(-1.00)),
        first(),
        F::Amount,
        P::AmountNotPositive,
    );
    only(
        t(|t| t.amount = dec!(1000000000.00)),
        first(),
        F::Amount,
        P::AmountTooLarge,
    );
    only(
        t(|t| t.amount = dec!(1.005)),
        first(),
        F::Amount,
        P::AmountFraction,
    );
    only(
        t(|t| t.remittance = "R".repeat(141)),
        first(),
        F::Remittance,
        P::TooLong {
            max: 140,
            found: 141,
        },
    );
    only(
        t(|t| t.remittance = "Zeile 1\nZeile 2".into()),
        first(),
        F::Remittance,
        P::NotInCharset { ch: '\n' },
    );
    only(t(|t| t.creditor.name.clear()), first(), F::Name, P::Empty);
    only(
        t(|t| t.creditor.name = "北京贸易".into()),
        first(),
        F::Name,
        P::NotInCharset { ch: '北' },
    );
    only(
        t(|t| t.creditor.iban = "FR14".into()),
        first(),
        F::Iban,
        P::Iban(IbanError::BadLength {
            min: 15,
            max: 34,
            found: 4,
        }),
    );
    only(
        t(|t| t.creditor.bic = Some("BNPA1RPP".into())),
        first(),
        F::Bic,
        P::Bic(BicError::InvalidCharacter {
            ch: '1',
            position: 5,
        }),
    );
    only(
        t(|t| t.execution_date = date(2026, 11, 29)),
        first(),
        F::ExecutionDate,
        P::BeforeCreation {
            date: date(2026, 11, 29),
            created: date(2026, 11, 30),
        },
    );
    only(
        t(|t| t.execution_date = NaiveDate::MAX),
        first(),
        F::ExecutionDate,
        P::YearOutOfRange {
            date: NaiveDate::MAX,
        },
    );
}

#[test]
fn refuses_bad_end_to_end_ids() {
    use Field as F;
    use Problem as P;
    let t = |id: &'static str| ct_errors(move |o| o.transfers[0].end_to_end_id = id.into());
    only(t(""), tx(0, ""), F::EndToEndId, P::Empty);
    only(
        t("PAY-ä"),
        tx(0, "PAY-ä"),
        F::EndToEndId,
        P::IdentifierCharacter { ch: 'ä' },
    );
    only(
        t("PAY//1"),
        tx(0, "PAY//1"),
        F::EndToEndId,
        P::IdentifierSlashes,
    );
    let long = "E".repeat(36);
    only(
        ct_errors(|o| o.transfers[0].end_to_end_id = long.clone()),
        tx(0, &long),
        F::EndToEndId,
        P::TooLong { max: 35, found: 36 },
    );
    only(
        ct_errors(|o| o.transfers[2].end_to_end_id = "PAY-2026-0001".into()),
        tx(2, "PAY-2026-0001"),
        F::EndToEndId,
        P::DuplicateEndToEndId,
    );
}

#[test]
fn reports_every_problem_not_only_the_first() {
    let errors = ct_errors(|o| {
        o.message_id.clear();
        o.transfers[0].amount = dec!(0);
        o.transfers[2].creditor.iban = "IE00AIBK93115212345678".into();
    });
    let places: Vec<(Place, Field)> = errors.into_iter().map(|e| (e.place, e.field)).collect();
    assert_eq!(
        places,
        [
            (Place::Order, Field::MessageId),
            (tx(0, "PAY-2026-0001"), Field::Amount),
            (tx(2, "PAY-2026-0003"), Field::Iban),
        ]
    );
}

#[test]
fn refuses_more_payment_information_blocks_than_ids() {
    let errors = ct_errors(|o| {
        let template = o.transfers[0].clone();
        o.transfers = (0..=sepa::MAX_GROUPS)
            .map(|i| CreditTransfer {
                end_to_end_id: format!("E{i}"),
                execution_date: date(2026, 12, 1) + chrono::Days::new(i as u64),
                ..template.clone()
            })
            .collect();
    });
    only(
        errors,
        Place::Order,
        Field::Transactions,
        Problem::TooManyGroups { max: 9999 },
    );
}

#[test]
fn refuses_bad_direct_debits() {
    use Field as F;
    use Problem as P;
    let created = date(2026, 11, 30);
    only(
        dd_errors(|o| o.creditor_id = "DE97ZZZ09999999999".into()),
        Place::Order,
        F::CreditorId,
        P::CreditorId(CreditorIdError::Checksum),
    );
    let first = || tx(0, "DD-2026-0001");
    let d = |change: fn(&mut DirectDebit)| dd_errors(move |o| change(&mut o.debits[0]));
    only(d(|d| d.mandate_id.clear()), first(), F::MandateId, P::Empty);
    only(
        d(|d| d.mandate_id = "M 1".into()),
        first(),
        F::MandateId,
        P::IdentifierCharacter { ch: ' ' },
    );
    only(
        d(|d| d.mandate_signed_on = date(2026, 12, 1)),
        first(),
        F::MandateSignedOn,
        P::SignedAfterCreation {
            signed: date(2026, 12, 1),
            created,
        },
    );
    only(
        d(|d| d.mandate_signed_on = NaiveDate::MIN),
        first(),
        F::MandateSignedOn,
        P::YearOutOfRange {
            date: NaiveDate::MIN,
        },
    );
    only(
        d(|d| d.collection_date = date(2026, 11, 30)),
        first(),
        F::CollectionDate,
        P::NotAfterCreation {
            date: created,
            created,
        },
    );
    only(
        d(|d| d.debtor.name = "Jürgen ☺".into()),
        first(),
        F::Name,
        P::NotInCharset { ch: '☺' },
    );
}

#[test]
fn file_error_says_how_many_problems_and_the_first() {
    let mut order = ct_order();
    order.message_id.clear();
    order.transfers[1].amount = dec!(0);
    let err = sepa::credit_transfer_file(&order).expect_err("refused");
    let SepaFileError::Invalid(errors) = &err else {
        panic!("not a check error: {err}");
    };
    assert_eq!(errors.len(), 2);
    assert_eq!(
        err.to_string(),
        "the order has 2 problem(s), the first: order, MessageId: is empty"
    );
    assert_eq!(
        errors[1].to_string(),
        "transaction 2 (PAY-2026-0002), Amount: must be more than zero"
    );
}

// ------------------------------------------------------------- properties

const IBANS: [&str; 6] = [
    "DE89370400440532013000",
    "DE02120300000000202051",
    "FR1420041010050500013M02606",
    "IE29AIBK93115212345678",
    "AT611904300234573201",
    "NL91ABNA0417164300",
];
const BICS: [&str; 3] = ["COBADEFFXXX", "BYLADEM1001", "BKAUATWW"];

/// Free text as people type it: SEPA characters, umlauts and other
/// mappable letters; at most 2 characters per input character after
/// transliteration.
fn text(max_chars: usize) -> impl Strategy<Value = String> {
    let pattern = format!(
        "[A-Za-z0-9äöüÄÖÜßéçøł&’][A-Za-z0-9 äöüÄÖÜßéçøł&’/?:().,'+-]{{0,{}}}",
        max_chars - 1
    );
    proptest::string::string_regex(&pattern).expect("valid regex")
}

fn party() -> impl Strategy<Value = Party> {
    let address = (
        proptest::option::of(text(35)),
        proptest::option::of("[0-9]{1,4}[a-z]?"),
        proptest::option::of("[0-9]{5}"),
        text(17),
        "[A-Z]{2}",
    )
        .prop_map(
            |(street, building_number, post_code, town, country)| Address {
                street,
                building_number,
                post_code,
                town,
                country,
            },
        );
    (
        text(35),
        proptest::option::of(address),
        0..IBANS.len(),
        proptest::option::of(0..BICS.len()),
    )
        .prop_map(|(name, address, iban, bic)| Party {
            name,
            address,
            iban: IBANS[iban].into(),
            bic: bic.map(|b| BICS[b].into()),
        })
}

fn amount() -> impl Strategy<Value = Decimal> {
    (1i64..=99_999_999_999).prop_map(|cents| Decimal::new(cents, 2))
}

fn created() -> NaiveDateTime {
    at(2026, 11, 30, 9, 0)
}

fn valid_ct_order() -> impl Strategy<Value = CreditTransferOrder> {
    let transfer = (amount(), party(), proptest::option::of(text(70)), 0u64..400);
    (
        party(),
        any::<bool>(),
        proptest::collection::vec(transfer, 1..12),
    )
        .prop_map(|(debtor, batch_booking, transfers)| CreditTransferOrder {
            message_id: "PROP-CT".into(),
            created_at: created(),
            initiating_party: debtor.name.clone(),
            debtor,
            batch_booking,
            transfers: transfers
                .into_iter()
                .enumerate()
                .map(|(i, (amount, creditor, remittance, days))| CreditTransfer {
                    end_to_end_id: format!("E2E-{i}"),
                    amount,
                    creditor,
                    remittance: remittance.unwrap_or_default(),
                    execution_date: created().date() + chrono::Days::new(days),
                })
                .collect(),
        })
}

fn valid_dd_order() -> impl Strategy<Value = DirectDebitOrder> {
    let sequence = prop_oneof![
        Just(SequenceType::First),
        Just(SequenceType::Recurring),
        Just(SequenceType::Final),
        Just(SequenceType::OneOff),
    ];
    let debit = (
        amount(),
        party(),
        "[A-Za-z0-9+?:().,'-]{1,35}",
        0u64..3000,
        sequence,
        1u64..60,
    );
    let scheme = prop_oneof![Just(DirectDebitScheme::Core), Just(DirectDebitScheme::B2b)];
    (party(), scheme, proptest::collection::vec(debit, 1..12)).prop_map(
        |(creditor, scheme, debits)| DirectDebitOrder {
            message_id: "PROP-DD".into(),
            created_at: created(),
            initiating_party: "Kontor".into(),
            creditor,
            creditor_id: "DE98ZZZ09999999999".into(),
            scheme,
            batch_booking: false,
            debits: debits
                .into_iter()
                .enumerate()
                .map(
                    |(i, (amount, debtor, mandate_id, signed_ago, sequence, ahead))| DirectDebit {
                        end_to_end_id: format!("DD-{i}"),
                        amount,
                        debtor,
                        mandate_id,
                        mandate_signed_on: created().date() - chrono::Days::new(signed_ago),
                        sequence,
                        collection_date: created().date() + chrono::Days::new(ahead),
                        remittance: String::new(),
                    },
                )
                .collect(),
        },
    )
}

proptest! {
    // Each case starts xmllint twice; a handful of runs is enough.
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn valid_orders_give_xsd_valid_files(ct in valid_ct_order(), dd in valid_dd_order()) {
        let pain001 = sepa::credit_transfer_file(&ct).map_err(|e| TestCaseError::fail(e.to_string()))?;
        xmllint(PAIN_001_XSD, &pain001).map_err(TestCaseError::fail)?;
        let pain008 = sepa::direct_debit_file(&dd).map_err(|e| TestCaseError::fail(e.to_string()))?;
        xmllint(PAIN_008_XSD, &pain008).map_err(TestCaseError::fail)?;
    }
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        (-1_000_000i32..4_000_000).prop_filter_map("a date", NaiveDate::from_num_days_from_ce_opt),
    ]
}

fn any_decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=28).prop_map(|(n, scale)| Decimal::new(n, scale))
}

fn any_party() -> impl Strategy<Value = Party> {
    (
        ".{0,80}",
        proptest::option::of((".{0,20}", ".{0,3}")),
        ".{0,40}",
        proptest::option::of(".{0,12}"),
    )
        .prop_map(|(name, address, iban, bic)| Party {
            name,
            address: address.map(|(town, country)| Address {
                town,
                country,
                ..Address::default()
            }),
            iban,
            bic,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any input gives a file or errors, never a panic.
    #[test]
    fn the_writer_never_panics(
        ids in proptest::collection::vec(".{0,40}", 0..5),
        amounts in proptest::collection::vec(any_decimal(), 5),
        parties in proptest::collection::vec(any_party(), 6),
        dates in proptest::collection::vec(any_date(), 6),
        remittance in ".{0,160}",
        created in any_date(),
    ) {
        let created = created.and_hms_opt(0, 0, 0).unwrap_or_default();
        let ct = CreditTransferOrder {
            message_id: ids.first().cloned().unwrap_or_default(),
            created_at: created,
            initiating_party: parties[0].name.clone(),
            debtor: parties[0].clone(),
            batch_booking: true,
            transfers: ids.iter().enumerate().map(|(i, id)| CreditTransfer {
                end_to_end_id: id.clone(),
                amount: amounts[i],
                creditor: parties[i + 1].clone(),
                remittance: remittance.clone(),
                execution_date: dates[i],
            }).collect(),
        };
        let _outcome = sepa::credit_transfer_file(&ct);
        let dd = DirectDebitOrder {
            message_id: ct.message_id.clone(),
            created_at: created,
            initiating_party: ct.initiating_party.clone(),
            creditor: parties[0].clone(),
            creditor_id: remittance.chars().take(20).collect(),
            scheme: DirectDebitScheme::B2b,
            batch_booking: false,
            debits: ids.iter().enumerate().map(|(i, id)| DirectDebit {
                end_to_end_id: id.clone(),
                amount: amounts[i],
                debtor: parties[i + 1].clone(),
                mandate_id: id.chars().rev().collect(),
                mandate_signed_on: dates[i + 1],
                sequence: SequenceType::Final,
                collection_date: dates[i],
                remittance: remittance.clone(),
            }).collect(),
        };
        let _outcome = sepa::direct_debit_file(&dd);
    }
}
