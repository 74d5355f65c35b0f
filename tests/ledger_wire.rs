//! The stored format is frozen: a corpus of version-1 records written by
//! the encoder before the wire structs existed decodes, encodes back to
//! the very same bytes, and replays as a log (every kind of event, entries
//! with tax lines, dimensions, shares, FC amounts, rounding lines and a
//! reversal, and at its end a partner session: payment terms, a customer
//! and its update, an invoice with a typed due date, a credit note, their
//! clearing and its cancellation; a payment and its cancellation; a bank
//! session: house bank, imported file, rules, a posted statement line). A
//! change to a domain type that alters
//! what is written fails here.

use kontor::ledger::Book;
use kontor::ledger::chain::{ChainHead, LogRecord};
use kontor::ledger::event::{decode, encode};
use kontor::ledger::types::PartnerCode;
use rust_decimal_macros::dec;

const CORPUS: &str = include_str!("fixtures/events/v1-corpus.jsonl");

fn records() -> Vec<LogRecord> {
    let mut head = ChainHead::EMPTY;
    CORPUS
        .lines()
        .map(|body| {
            let record = head.seal(body.to_string());
            head = ChainHead::after(&record);
            record
        })
        .collect()
}

#[test]
fn every_corpus_record_encodes_back_to_the_same_bytes() {
    let mut kinds = std::collections::BTreeSet::new();
    for (i, body) in CORPUS.lines().enumerate() {
        let event = decode(body).unwrap_or_else(|e| panic!("record {i}: {e}"));
        assert_eq!(encode(&event), body, "record {i}");
        let kind = body.split('"').nth(5).unwrap_or_default().to_string();
        kinds.insert(kind);
    }
    assert_eq!(kinds.len(), 37, "every event kind of version 1: {kinds:?}");
}

#[test]
fn the_corpus_replays_as_a_log() {
    let book = Book::replay(&records()).unwrap();
    assert_eq!(book.entry_count(), 411);
    assert!(book.entries().iter().any(|e| e.reverses.is_some()));
    assert!(
        book.entries()
            .iter()
            .flat_map(|e| &e.lines)
            .any(|l| !l.shares().is_empty())
    );
    // The partner session: the credit note's clearing was cancelled, so
    // both items are open again.
    let code = PartnerCode::parse("10001").unwrap();
    assert_eq!(book.partner(code).unwrap().name, "Bäckerei Krüger GmbH");
    // The payment session: the payment's clearing (2) was cancelled with
    // the payment, its item closed against the reversal's (3); both
    // items are open again.
    let clearings = book.open_items().clearings();
    assert_eq!(clearings.len(), 3);
    assert!(clearings[0].cancelled.is_some());
    assert!(clearings[1].cancelled.is_some());
    assert_eq!(clearings[2].clearing.reversal.map(|r| r.0), Some(409));
    // 1,071.00 open after the payment session, plus the dunning charges
    // 61.18 (below).
    assert_eq!(book.open_items().open_lc(code), dec!(1132.18));
    let payment = book.payments().payment(1).unwrap();
    assert_eq!(payment.cancelled.as_ref().map(|c| c.0.0), Some(409));
    // The bank session: one house bank, the file's bytes, the rule left,
    // and the fee line posted as payment 2.
    let bank = book.bank();
    assert_eq!(bank.house_banks().len(), 1);
    assert_eq!(
        bank.file(1).unwrap().bytes,
        "<Document>Kontoführung</Document>".as_bytes()
    );
    let rules: Vec<u32> = bank.rules().iter().map(|r| r.id).collect();
    assert_eq!(rules, [2]);
    let line = kontor::ledger::bank::LineRef {
        statement: 1,
        line: 0,
    };
    assert_eq!(book.bank_line_payment(line), Some(2));
    // The dunning session: term M1 left, invoice 406 at level 2 of run 1,
    // its interest charged up to the run date, the charges in entry 411.
    let dunning = book.dunning();
    let terms: Vec<&str> = dunning.terms().iter().map(|t| t.code.as_str()).collect();
    assert_eq!(terms, ["M1"]);
    let invoice = kontor::ledger::payments::payment_item(kontor::ledger::types::EntryId(406));
    assert_eq!(dunning.level(invoice), 2);
    let run = dunning.run(1).unwrap();
    assert_eq!(run.letters[0].entry.map(|e| e.0), Some(411));
    assert_eq!(dunning.interest_until(invoice), Some(run.date));
}
