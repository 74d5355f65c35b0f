//! Criterion benchmark of a payment's check (issue 14): a customer with
//! 10,000 open items in a book of 30,000 entries (200 other customers
//! share the other 20,000), built through the engine's commands. Measured:
//! `Book::check` of one incoming payment against 20 of that customer's
//! items with the discount the screen offers (one entry with the VAT
//! correction lines and one clearing of 21 parts). Budget: ≤ 20 ms median,
//! so the payment screen can preview on every change.
use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use kontor::ledger::partners::{DiscountStep, Partner, PartnerKind, PartnersCommand, PaymentTerms};
use kontor::ledger::payments::{
    Direction, ItemDraft, Means, MeansDraft, PaymentDraft, PaymentsCommand, item_offer,
};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, PartnerCode, PostingKey, Side, Timestamp};
use kontor::ledger::{Book, Command};
use rust_decimal::Decimal;
use std::hint::black_box;

const BIG: u64 = 10_000;
const OTHERS: u64 = 200;
const OTHER_ITEMS: u64 = 20_000;

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(n % 300)))
        .unwrap_or(NaiveDate::MIN)
}

fn code(n: u64) -> PartnerCode {
    PartnerCode::parse(&n.to_string()).unwrap_or_else(|e| panic!("{n}: {e:?}"))
}

fn account(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap_or_else(|e| panic!("{n}: {e:?}"))
}

fn execute(book: &mut Book, cmd: &Command) {
    if let Err(e) = book.execute(cmd) {
        panic!("{cmd:?} refused: {e:?}");
    }
}

/// A customer invoice, gross with the 19 % code.
fn invoice(partner: PartnerCode, n: u64) -> Command {
    let amount = Decimal::new(1_000 + (n * 7_919 % 500_000) as i64, 2);
    let mut revenue = LineDraft::credit_lc(account("8400"), amount);
    revenue.tax_code = Some("U19".into());
    revenue.gross = true;
    let mut draft = EntryDraft::new(
        day(n),
        "bench",
        vec![LineDraft::partner(partner, Side::Debit, amount), revenue],
    );
    draft.reference = format!("RE-{n}");
    PostingCommand::PostEntry { draft }.into()
}

fn company(at: Timestamp) -> Book {
    let mut book = Book::set_up(&sample_setup(2024))
        .unwrap_or_else(|e| panic!("setup refused: {e:?}"))
        .0;
    let terms = PaymentTerms {
        discounts: vec![DiscountStep {
            days: 14,
            percent: Decimal::TWO,
        }],
        ..PaymentTerms::net("S2N30", 30)
    };
    execute(
        &mut book,
        &PartnersCommand::CreatePaymentTerms { terms }.into(),
    );
    let partners = (0..=OTHERS)
        .map(|i| {
            let mut p = Partner::new(code(10_000 + i), PartnerKind::Customer, "Kunde GmbH");
            p.payment_terms = Some("S2N30".into());
            p
        })
        .collect();
    execute(
        &mut book,
        &PartnersCommand::ImportPartners {
            partners,
            by: "bench".into(),
            at,
        }
        .into(),
    );
    for n in 0..BIG + OTHER_ITEMS {
        let partner = if n % 3 == 0 && n / 3 < BIG {
            code(10_000)
        } else {
            code(10_001 + n % OTHERS)
        };
        execute(&mut book, &invoice(partner, n));
    }
    book
}

/// An incoming payment of 20 of the big customer's latest items on the
/// day after the last, with the discount each offers.
fn payment(book: &Book, at: Timestamp) -> Command {
    let items: Vec<_> = book
        .open_items()
        .items_of(code(10_000))
        .filter(|i| i.is_open())
        .collect();
    let date = items.iter().map(|i| i.posting_date).max().unwrap_or(day(0));
    let paid: Vec<ItemDraft> = items
        .iter()
        .rev()
        .take(20)
        .map(|i| {
            let offer = item_offer(i, date, 2);
            ItemDraft {
                item: i.id,
                amount: offer.open,
                discount: offer.discount,
            }
        })
        .collect();
    let money: Decimal = paid.iter().map(|p| p.amount - p.discount).sum();
    let draft = PaymentDraft {
        direction: Direction::Incoming,
        partner: Some(code(10_000)),
        posting_date: date,
        document_date: None,
        currency: None,
        rate_fc_per_lc: None,
        items: paid,
        on_account: Decimal::ZERO,
        gl_lines: Vec::new(),
        means: vec![MeansDraft {
            means: Means::Transfer,
            account: Some(account("1200")),
            amount: money,
            reference: String::new(),
        }],
        fee: Decimal::ZERO,
        write_off: false,
        late_discount_confirmed: true,
        reference: "ZE".into(),
        memo: String::new(),
        user: "bench".into(),
        key: PostingKey(0xbe4c),
    };
    PaymentsCommand::Post {
        draft: Box::new(draft),
        at,
    }
    .into()
}

fn bench_payments(c: &mut Criterion) {
    let at = Timestamp::at(day(0), 9, 0, 0).unwrap_or_else(|| panic!("time"));
    let book = company(at);
    let cmd = payment(&book, at);
    let events = book
        .check(&cmd)
        .unwrap_or_else(|e| panic!("payment refused: {e:?}"));
    assert!(events.len() == 3, "entry, clearing, payment");
    c.bench_function("check a payment of 20 of 10,000 open items", |b| {
        b.iter(|| book.check(black_box(&cmd)))
    });
}

criterion_group! {
    name = payments;
    config = Criterion::default().sample_size(20);
    targets = bench_payments
}
criterion_main!(payments);
