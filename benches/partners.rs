//! Criterion benchmarks of the partner sub-ledger (issue 13 budgets), on a
//! company of 5,000 partners (4,000 customers, 1,000 vendors) and 100,000
//! open items, built through the engine's commands as a user's books
//! would be: one `ImportPartners`, then 100,000 `PostEntry` (customer
//! invoices with the 19 % code, every eighth of a customer's a credit
//! note; vendor invoices every fifth entry), every credit note cleared
//! against its customer's invoice before it (`ClearItems`, about 10,000),
//! so the reports meet partly and wholly cleared items.
//! - open-items list of all customers as of a date: ≤ 100 ms;
//! - aging of all customers as of a date: ≤ 100 ms;
//! - partner list of all partners: ≤ 100 ms;
//! - posting one customer invoice (`Book::execute` of a `PostEntry` with a
//!   partner line): ≤ 20 ms median. The Book grows by the entries posted
//!   while it is measured (a few thousand on 100,000).
use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use kontor::ledger::open_items::{ItemId, OpenItemsCommand, PartDraft};
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand, PaymentTerms};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::report::{DEFAULT_AGING_BOUNDS, OpenItemsFilter, PartnerListFilter};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, EntryId, PartnerCode, Side, Timestamp};
use kontor::ledger::{Book, Command};
use rust_decimal::Decimal;
use std::hint::black_box;

const CUSTOMERS: u64 = 4_000;
const VENDORS: u64 = 1_000;
const ITEMS: u64 = 100_000;

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(n % 360)))
        .unwrap_or(NaiveDate::MIN)
}

fn code(n: u64) -> PartnerCode {
    match PartnerCode::parse(&n.to_string()) {
        Ok(c) => c,
        Err(e) => panic!("{n}: {e:?}"),
    }
}

fn account(n: &str) -> AccountNo {
    match AccountNo::parse(n) {
        Ok(a) => a,
        Err(e) => panic!("{n}: {e:?}"),
    }
}

fn execute(book: &mut Book, cmd: &Command) -> u64 {
    match book.execute(cmd) {
        Ok(_) => book.entry_count() as u64,
        Err(e) => panic!("{cmd:?} refused: {e:?}"),
    }
}

/// An invoice (or credit note) of partner `code` on `date`: the partner
/// line first, then revenue with the 19 % code (customers) or expense
/// (vendors), gross.
fn invoice(code: PartnerCode, kind: PartnerKind, credit_note: bool, n: u64) -> Command {
    let amount = Decimal::new(1_000 + (n * 7_919 % 500_000) as i64, 2);
    let side = match (kind.invoice_side(), credit_note) {
        (side, false) => side,
        (side, true) => side.opposite(),
    };
    let (other, tax) = match kind {
        PartnerKind::Customer => (account("8400"), "U19"),
        PartnerKind::Vendor => (account("3400"), "V19"),
    };
    let mut line = match side {
        Side::Debit => LineDraft::credit_lc(other, amount),
        Side::Credit => LineDraft::debit_lc(other, amount),
    };
    line.tax_code = Some(tax.into());
    line.gross = true;
    let mut draft = EntryDraft::new(
        day(n),
        "bench",
        vec![LineDraft::partner(code, side, amount), line],
    );
    draft.reference = format!("RE-{n}");
    PostingCommand::PostEntry { draft }.into()
}

fn partners_and_terms(book: &mut Book, at: Timestamp) {
    let terms = PaymentTerms {
        discounts: vec![kontor::ledger::partners::DiscountStep {
            days: 14,
            percent: Decimal::TWO,
        }],
        ..PaymentTerms::net("S2N30", 30)
    };
    execute(book, &PartnersCommand::CreatePaymentTerms { terms }.into());
    let partners = (0..CUSTOMERS)
        .map(|i| (10_000 + i, PartnerKind::Customer))
        .chain((0..VENDORS).map(|i| (70_000 + i, PartnerKind::Vendor)))
        .map(|(n, kind)| {
            let mut p = Partner::new(code(n), kind, &format!("Partner {n} GmbH"));
            p.payment_terms = Some("S2N30".into());
            p
        })
        .collect();
    execute(
        book,
        &PartnersCommand::ImportPartners {
            partners,
            by: "bench".into(),
            at,
        }
        .into(),
    );
}

/// The company: 5,000 partners, 100,000 entries with one partner line each
/// (so as many items: the terms have no installments), every credit note
/// cleared against the invoice its customer got just before.
fn company() -> Book {
    let mut book = match Book::set_up(&sample_setup(2024)) {
        Ok((book, _)) => book,
        Err(e) => panic!("setup refused: {e:?}"),
    };
    let at = Timestamp::at(day(0), 9, 0, 0).unwrap_or_else(|| panic!("time"));
    partners_and_terms(&mut book, at);
    let mut last_invoice: Vec<Option<u64>> = vec![None; CUSTOMERS as usize];
    let mut postings = vec![0u32; CUSTOMERS as usize];
    for n in 0..ITEMS {
        if n % 5 == 4 {
            let vendor = code(70_000 + n % VENDORS);
            execute(&mut book, &invoice(vendor, PartnerKind::Vendor, false, n));
            continue;
        }
        let c = (n * 13) % CUSTOMERS;
        postings[c as usize] += 1;
        let credit_note =
            postings[c as usize].is_multiple_of(8) && last_invoice[c as usize].is_some();
        let entry = execute(
            &mut book,
            &invoice(code(10_000 + c), PartnerKind::Customer, credit_note, n),
        );
        match (credit_note, last_invoice[c as usize]) {
            (true, Some(inv)) => clear_credit_note(&mut book, c, (inv, entry), n, at),
            _ => last_invoice[c as usize] = Some(entry),
        }
    }
    book
}

/// Clears the credit note `entries.1` against invoice `entries.0` for as
/// much as both have open.
fn clear_credit_note(book: &mut Book, c: u64, entries: (u64, u64), n: u64, at: Timestamp) {
    let id = |entry| ItemId {
        entry: EntryId(entry),
        line: 0,
        installment: 0,
    };
    let oi = book.open_items();
    let open = |entry| oi.item(id(entry)).map_or(Decimal::ZERO, |i| i.open_lc);
    let amount = open(entries.0).min(open(entries.1));
    if amount.is_zero() {
        return;
    }
    let date = day(n).max(day(entries.0));
    let cmd: Command = OpenItemsCommand::ClearItems {
        partner: code(10_000 + c),
        date,
        parts: [entries.0, entries.1]
            .into_iter()
            .map(|e| PartDraft {
                item: id(e),
                amount_lc: Some(amount),
            })
            .collect(),
        by: "bench".into(),
        at,
    }
    .into();
    if let Err(e) = book.execute(&cmd) {
        panic!("{cmd:?} refused: {e:?}");
    }
}

fn partners(c: &mut Criterion) {
    let mut book = company();
    let as_of = NaiveDate::from_ymd_opt(2024, 10, 31).unwrap_or(NaiveDate::MIN);
    eprintln!(
        "company: {} partners, {} items, {} entries, {} clearings",
        book.partners().len(),
        book.open_items().items().len(),
        book.entry_count(),
        book.open_items().clearings().len()
    );
    let mut group = c.benchmark_group("partners");
    group.sample_size(20);
    let filter = OpenItemsFilter::new(PartnerKind::Customer, as_of);
    group.bench_function("open_items_list_customers", |b| {
        b.iter(|| black_box(book.open_items_report(black_box(&filter)).rows.len()))
    });
    group.bench_function("aging_customers", |b| {
        b.iter(|| {
            match book.aging(
                PartnerKind::Customer,
                black_box(as_of),
                &DEFAULT_AGING_BOUNDS,
            ) {
                Ok(report) => black_box(report.rows.len()),
                Err(e) => panic!("aging refused: {e:?}"),
            }
        })
    });
    let list = PartnerListFilter {
        kind: None,
        as_of,
        search: String::new(),
        active_only: false,
    };
    group.bench_function("partner_list_all", |b| {
        b.iter(|| black_box(book.partner_list(black_box(&list)).len()))
    });
    let mut n = ITEMS;
    group.bench_function("post_customer_invoice", |b| {
        b.iter(|| {
            n += 1;
            let cmd = invoice(
                code(10_000 + n % CUSTOMERS),
                PartnerKind::Customer,
                false,
                n,
            );
            black_box(execute(&mut book, &cmd))
        })
    });
    group.finish();
}

criterion_group!(benches, partners);
criterion_main!(benches);
