//! The invoice inbox (issue 19, part F), engine side: an incoming invoice
//! is posted as an A/P entry and its original is kept byte for byte in the
//! same append; the digest is re-checked when read back; the same file is
//! never posted twice; empty, oversized and vendorless postings are
//! refused and change nothing; the vendor's expense accounts are
//! remembered; the original survives a backup and restore unchanged.

use chrono::NaiveDate;
use futures::executor::block_on;
use kontor::backup::{self, Exporter, RestoreMode};
use kontor::ledger::chain::ChainHead;
use kontor::ledger::event::{decode, encode};
use kontor::ledger::inbox::{Document, InboxCommand, InboxError, InboxEvent, sha256_hex};
use kontor::ledger::journal::JournalError;
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand, PaymentTerms};
use kontor::ledger::posting::{EntryDraft, LineDraft};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::limits::MAX_INVOICE_DOCUMENT_BYTES;
use kontor::ledger::types::{AccountNo, EntryId, PartnerCode, PostingKey, Side, Timestamp};
use kontor::ledger::{Book, Command, DomainError, Event};
use kontor::store::log::seal_all;
use kontor::store::{CompanyLog, MemoryStore, Store};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::sync::Arc;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn c(n: &str) -> PartnerCode {
    PartnerCode::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at(d(2024, 3, 4), 9, 30, 0).unwrap()
}

/// SKR03 sample, vendor 70001 (30 days net) and customer 10001.
fn book() -> (Book, Vec<Event>) {
    let (mut b, mut events) = Book::set_up(&sample_setup(2024)).unwrap();
    let mut cmds: Vec<Command> = vec![
        PartnersCommand::CreatePaymentTerms {
            terms: PaymentTerms::net("N30", 30),
        }
        .into(),
    ];
    let mut vendor = Partner::new(c("70001"), PartnerKind::Vendor, "Bürobedarf Schulz GmbH");
    vendor.payment_terms = Some("N30".into());
    let customer = Partner::new(c("10001"), PartnerKind::Customer, "Bäckerei Krüger KG");
    for p in [vendor, customer] {
        cmds.push(
            PartnersCommand::CreatePartner {
                partner: Box::new(p),
                by: "anna".into(),
                at: at(),
            }
            .into(),
        );
    }
    for cmd in cmds {
        events.extend(b.execute(&cmd).unwrap());
    }
    (b, events)
}

fn taxed(account: &str, net: Decimal, code: &str) -> LineDraft {
    let mut l = LineDraft::debit_lc(a(account), net);
    l.tax_code = Some(code.into());
    l
}

/// 100.00 office supplies at 19 % and 50.00 at 7 %: 172.50 payable.
fn draft(partner: &str) -> EntryDraft {
    let mut d = EntryDraft::new(
        d(2024, 3, 4),
        "anna",
        vec![
            LineDraft::partner(c(partner), Side::Credit, dec!(172.50)),
            taxed("4930", dec!(100.00), "V19"),
            taxed("3300", dec!(50.00), "V7"),
        ],
    );
    d.reference = "R-2024-0815".into();
    d.document_date = Some(d.posting_date);
    d
}

fn doc(bytes: Vec<u8>) -> Document {
    Document {
        name: "R-2024-0815.xml".into(),
        media_type: "application/xml".into(),
        bytes: bytes.into(),
    }
}

/// Every byte value, so nothing can be "normalised" on the way.
fn original() -> Vec<u8> {
    let mut bytes = b"<?xml version=\"1.0\"?>\r\n<Invoice/>\n".to_vec();
    bytes.extend((0..=255u8).cycle().take(2_000));
    bytes
}

fn post(draft: EntryDraft, document: Document, key: u128) -> Command {
    InboxCommand::PostIncomingInvoice {
        draft: Box::new(draft),
        document,
        invoice_number: "R-2024-0815".into(),
        key: PostingKey(key),
        by: "anna".into(),
        at: at(),
    }
    .into()
}

fn refused(b: &mut Book, cmd: &Command) -> DomainError {
    let before = b.clone();
    let err = b.execute(cmd).unwrap_err();
    assert_eq!(*b, before, "a refused command changed the book");
    err
}

#[test]
fn posting_keeps_the_original_with_the_entry_in_one_append() {
    let (mut b, _) = book();
    let events = b
        .execute(&post(draft("70001"), doc(original()), 1))
        .unwrap();
    assert_eq!(events.len(), 2, "the entry and the document");
    let Event::EntryPosted { entry } = &events[0] else {
        panic!("first the entry: {:?}", events[0]);
    };
    assert_eq!(entry.key, Some(PostingKey(1)));
    let Event::Inbox(InboxEvent::InvoiceDocumentStored { document }) = &events[1] else {
        panic!("then the document");
    };
    assert_eq!(document.entry, entry.id);
    assert_eq!(&*document.bytes, original().as_slice());
    assert_eq!(document.sha256, sha256_hex(&original()));
    assert_eq!(document.sha256.len(), 64);
    assert_eq!(document.vendor, c("70001"));
    assert_eq!(document.expense_accounts, vec![a("4930"), a("3300")]);
    // 100 + 19 + 50 + 3.50 = 172.50 against the vendor: an open item.
    let vat: Decimal = entry
        .lines
        .iter()
        .filter(|l| l.tax().is_some())
        .map(|l| l.amount_lc)
        .sum();
    assert_eq!(vat, dec!(22.50));
    let items: Vec<_> = b.open_items().items_of(c("70001")).collect();
    assert_eq!(items.len(), 1);
    // The vendor's terms: 30 days net from the document date.
    assert_eq!(items[0].due_date, d(2024, 4, 3));
    assert_eq!(b.open_items().open_lc(c("70001")), dec!(-172.50));
    assert_eq!(b.inbox().document(entry.id), Some(&**document));
    assert_eq!(b.inbox().last_accounts(c("70001")), &[a("4930"), a("3300")]);
    assert_eq!(b.inbox().entry_of_digest(&document.sha256), Some(entry.id));
}

#[test]
fn the_known_digest_of_a_known_text() {
    // echo -n abc | sha256sum
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn the_same_file_is_not_posted_twice() {
    let (mut b, _) = book();
    let events = b
        .execute(&post(draft("70001"), doc(original()), 1))
        .unwrap();
    let Event::EntryPosted { entry } = &events[0] else {
        panic!()
    };
    let err = refused(&mut b, &post(draft("70001"), doc(original()), 2));
    assert_eq!(
        err,
        DomainError::Inbox(InboxError::DuplicateDocument { entry: entry.id })
    );
    // Another file (one byte more) posts.
    let mut other = original();
    other.push(b'\n');
    b.execute(&post(draft("70001"), doc(other), 3)).unwrap();
    assert_eq!(b.inbox().documents().count(), 2);
}

#[test]
fn the_same_key_is_not_posted_twice() {
    let (mut b, _) = book();
    b.execute(&post(draft("70001"), doc(original()), 7))
        .unwrap();
    let mut other = original();
    other.push(0);
    let err = refused(&mut b, &post(draft("70001"), doc(other), 7));
    assert!(
        matches!(
            err,
            DomainError::Journal(JournalError::AlreadyPosted { .. })
        ),
        "{err:?}"
    );
}

#[test]
fn empty_oversized_and_vendorless_invoices_are_refused() {
    let (mut b, _) = book();
    let err = refused(&mut b, &post(draft("70001"), doc(Vec::new()), 1));
    assert!(matches!(
        err,
        DomainError::Inbox(InboxError::EmptyDocument { .. })
    ));

    let big = vec![b'x'; MAX_INVOICE_DOCUMENT_BYTES + 1];
    let err = refused(&mut b, &post(draft("70001"), doc(big), 1));
    assert_eq!(
        err,
        DomainError::Inbox(InboxError::DocumentTooLarge {
            name: "R-2024-0815.xml".into(),
            size: MAX_INVOICE_DOCUMENT_BYTES + 1,
            max: MAX_INVOICE_DOCUMENT_BYTES,
        })
    );
    // Exactly at the limit is kept.
    let mut at_limit = vec![b'x'; MAX_INVOICE_DOCUMENT_BYTES];
    at_limit[0] = b'<';
    b.clone()
        .execute(&post(draft("70001"), doc(at_limit), 1))
        .unwrap();

    // A customer is no vendor.
    let err = refused(&mut b, &post(draft("10001"), doc(original()), 1));
    assert_eq!(err, DomainError::Inbox(InboxError::NoVendorLine));

    // No partner line at all.
    let mut gl_only = draft("70001");
    gl_only.lines[0] = LineDraft::credit_lc(a("1200"), dec!(172.50));
    let err = refused(&mut b, &post(gl_only, doc(original()), 1));
    assert_eq!(err, DomainError::Inbox(InboxError::NoVendorLine));

    // An unbalanced entry is the journal's refusal.
    let mut unbalanced = draft("70001");
    unbalanced.lines[0].credit = dec!(170.50);
    let err = refused(&mut b, &post(unbalanced, doc(original()), 1));
    assert!(matches!(err, DomainError::Journal(_)), "{err:?}");
    assert_eq!(b.inbox().documents().count(), 0);
}

#[test]
fn the_remembered_accounts_follow_the_last_invoice() {
    let (mut b, _) = book();
    b.execute(&post(draft("70001"), doc(original()), 1))
        .unwrap();
    let mut next = draft("70001");
    next.lines = vec![
        LineDraft::partner(c("70001"), Side::Credit, dec!(119.00)),
        taxed("4200", dec!(100.00), "V19"),
    ];
    b.execute(&post(next, doc(b"<second/>".to_vec()), 2))
        .unwrap();
    assert_eq!(b.inbox().last_accounts(c("70001")), &[a("4200")]);
    assert_eq!(b.inbox().last_accounts(c("10001")), &[] as &[AccountNo]);
}

#[test]
fn the_event_reads_back_and_a_tampered_digest_or_byte_is_refused() {
    let (mut b, mut events) = book();
    let before = b.clone();
    let posted = b
        .execute(&post(draft("70001"), doc(original()), 1))
        .unwrap();
    events.extend(posted.iter().cloned());
    let text = encode(&posted[1]);
    assert!(
        text.starts_with("{\"v\":1,\"type\":\"invoice_document_stored\""),
        "{text}"
    );
    assert_eq!(decode(&text).unwrap(), posted[1]);
    let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
    assert_eq!(Book::replay(&records).unwrap(), b);

    // One flipped byte of the original: the digest no longer fits.
    let Event::Inbox(InboxEvent::InvoiceDocumentStored { document }) = &posted[1] else {
        panic!()
    };
    let mut bytes = document.bytes.to_vec();
    bytes[40] ^= 1;
    let mut forged = (**document).clone();
    forged.bytes = Arc::from(bytes);
    let mut scratch = before.clone();
    scratch.apply(&posted[0]).unwrap();
    let err = scratch
        .apply(&Event::Inbox(InboxEvent::InvoiceDocumentStored {
            document: Box::new(forged),
        }))
        .unwrap_err();
    assert_eq!(
        err,
        DomainError::Inbox(InboxError::DocumentMismatch {
            entry: document.entry
        })
    );
    // Naming an entry that does not exist.
    let mut stray = (**document).clone();
    stray.entry = EntryId(999);
    assert!(
        before
            .clone()
            .apply(&Event::Inbox(InboxEvent::InvoiceDocumentStored {
                document: Box::new(stray),
            }))
            .is_err()
    );
}

#[test]
fn the_original_is_byte_identical_after_backup_and_restore() {
    let (mut b, mut events) = book();
    events.extend(
        b.execute(&post(draft("70001"), doc(original()), 1))
            .unwrap(),
    );
    let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
    let store = MemoryStore::new();
    let meta = block_on(async {
        let meta = store.create_company("Eingang GmbH").await.unwrap();
        let company = store.open_company(&meta.id).await.unwrap();
        company.append(&records).await.unwrap();
        meta
    });
    let snapshot = block_on(backup::load_company(&store, &meta.id, true)).unwrap();
    let file = Exporter::encrypted_with_work_factor(&snapshot, "Eingang-Test 2026!", 10)
        .unwrap()
        .finish()
        .unwrap();
    let document = backup::inspect(&file, "Eingang-Test 2026!", |_, _| {}).unwrap();
    block_on(store.delete_company(&meta.id, "Eingang GmbH")).unwrap();
    let restored = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::New,
        |_, _| {},
    ))
    .unwrap();
    let replayed = block_on(async {
        let company = store.open_company(&restored.id).await.unwrap();
        Book::replay(&company.load().await.unwrap()).unwrap()
    });
    assert_eq!(replayed, b);
    let kept: Vec<_> = replayed.inbox().documents().collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(&*kept[0].bytes, original().as_slice());
    assert_eq!(kept[0].sha256, sha256_hex(&original()));
}
