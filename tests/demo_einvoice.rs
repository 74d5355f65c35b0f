//! The demo company's received e-invoices (issue 19, part F): two
//! originals kept with their entries, one vendor created from the first
//! invoice and recognised for the second, the book keeping its size, the
//! same bytes for the same seed.

use kontor::demo::{self, DemoSpec};
use kontor::formats::einvoice;
use kontor::ledger::inbox::sha256_hex;

#[test]
fn the_demo_keeps_two_received_e_invoices_with_their_entries() {
    let spec = DemoSpec::one_year(5);
    let (book, events) = demo::build(&spec, |_, _| {}).unwrap();
    assert_eq!(book.entry_count(), spec.entries, "the demo keeps its size");
    let docs: Vec<_> = book.inbox().documents().collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].vendor, docs[1].vendor,
        "one vendor, recognised the second time"
    );
    let vendor = book.partner(docs[0].vendor).unwrap();
    assert_eq!(vendor.name, "Seminarhaus Lindenhof GmbH");
    assert!(
        !vendor.bank_accounts.is_empty(),
        "IBAN taken from the invoice"
    );
    for d in &docs {
        assert_eq!(d.sha256, sha256_hex(&d.bytes));
        let invoice = einvoice::read(&d.bytes).unwrap();
        assert!(einvoice::totals::check(&invoice).is_empty());
        let entry = book.entry(d.entry).unwrap();
        assert_eq!(entry.document_date, invoice.issue_date);
        assert_eq!(entry.reference, invoice.number);
        assert_eq!(invoice.issue_date.format("%Y-%m").to_string(), "2024-12");
    }
    // The vendor owes nothing yet: both invoices are open items.
    let open: Vec<_> = book.open_items().items_of(docs[0].vendor).collect();
    assert_eq!(open.len(), 2);
    // Deterministic.
    let (_, again) = demo::build(&spec, |_, _| {}).unwrap();
    assert_eq!(again, events);
}

#[test]
fn a_small_demo_has_none() {
    let spec = DemoSpec {
        entries: 400,
        ..DemoSpec::one_year(5)
    };
    let (book, _) = demo::build(&spec, |_, _| {}).unwrap();
    assert_eq!(book.inbox().documents().count(), 0);
}
