//! The stored event encoding (version 1) is stable forever: these golden
//! strings were written by the first version and must keep decoding to
//! the same events, and encoding must keep producing them byte for byte
//! (the hash chain covers those bytes).

use chrono::NaiveDate;
use kontor::ledger::account::AccountNo;
use kontor::ledger::chain::ChainHead;
use kontor::ledger::entry::{EntryDraft, LineDraft};
use kontor::ledger::event::{DecodeError, Event, decode, encode};
use kontor::ledger::sample::setup_command;
use kontor::ledger::{Book, Command};
use rust_decimal_macros::dec;

fn golden_events() -> Vec<Event> {
    let mut book = Book::new();
    let mut events = book.execute(&setup_command(2024)).unwrap();
    events.truncate(2);
    let mut b = Book::new();
    b.execute(&setup_command(2024)).unwrap();
    let a = |n| AccountNo::parse(n).unwrap();
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
        b.execute(&Command::PostEntry {
            draft,
            allow_closing_period: false,
        })
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
