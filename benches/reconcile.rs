//! Criterion benchmarks of the internal reconciliation (issue 14 budgets):
//! - proposal for a partner with 10,000 open items (5,000 invoices, 5,000
//!   credit notes): ≤ 100 ms;
//! - automatic reconciliation (the check: every clearing built) over
//!   100,000 open items of 1,000 customers: ≤ 2 s in Chromium, so natively
//!   much less.
//!
//! The books are built through the engine's commands: per invoice one
//! credit note; half of them carry the invoice's reference (posted 40
//! days later), a quarter its amount under another reference (5 days
//! later), a quarter a cent more (never matched). Amounts repeat across
//! items, so the amount index meets crowded buckets.
use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
use kontor::ledger::payments::PaymentsCommand;
use kontor::ledger::payments::reconcile::{AutoReconcileDraft, proposals};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, PartnerCode, Side, Timestamp};
use kontor::ledger::{Book, Command};
use rust_decimal::Decimal;
use std::hint::black_box;

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(n % 330)))
        .unwrap_or(NaiveDate::MIN)
}

fn code(n: u64) -> PartnerCode {
    PartnerCode::parse(&n.to_string()).unwrap_or_else(|e| panic!("{n}: {e:?}"))
}

fn at() -> Timestamp {
    Timestamp::at(day(0), 9, 0, 0).unwrap_or_else(|| panic!("time"))
}

fn execute(book: &mut Book, cmd: &Command) {
    if let Err(e) = book.execute(cmd) {
        panic!("{cmd:?} refused: {e:?}");
    }
}

fn entry(
    partner: PartnerCode,
    side: Side,
    date: NaiveDate,
    reference: String,
    amount: Decimal,
) -> Command {
    let revenue = AccountNo::parse("8400").unwrap_or_else(|e| panic!("{e:?}"));
    let other = match side {
        Side::Debit => LineDraft::credit_lc(revenue, amount),
        Side::Credit => LineDraft::debit_lc(revenue, amount),
    };
    let mut draft = EntryDraft::new(
        date,
        "bench",
        vec![LineDraft::partner(partner, side, amount), other],
    );
    draft.reference = reference;
    PostingCommand::PostEntry { draft }.into()
}

/// A book with `partners` customers of `pairs` invoices and credit notes
/// each.
fn company(partners: u64, pairs: u64) -> Book {
    let mut book = Book::set_up(&sample_setup(2024))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .0;
    let list = (0..partners)
        .map(|i| {
            Partner::new(
                code(10_000 + i),
                PartnerKind::Customer,
                &format!("Kunde {i} GmbH"),
            )
        })
        .collect();
    execute(
        &mut book,
        &PartnersCommand::ImportPartners {
            partners: list,
            by: "bench".into(),
            at: at(),
        }
        .into(),
    );
    for p in 0..partners {
        for k in 0..pairs {
            let n = p * pairs + k;
            let amount = Decimal::new(1_000 + (n * 7_919 % 50_000) as i64, 2);
            let partner = code(10_000 + p);
            execute(
                &mut book,
                &entry(partner, Side::Debit, day(k), format!("RE-{n}"), amount),
            );
            let (reference, date, amount) = match k % 4 {
                0 | 2 => (format!("RE-{n}"), day(k + 40), amount),
                1 => (format!("GS-{n}"), day(k + 5), amount),
                _ => (format!("GS-{n}"), day(k + 3), amount + Decimal::new(1, 2)),
            };
            execute(
                &mut book,
                &entry(partner, Side::Credit, date, reference, amount),
            );
        }
    }
    book
}

fn reconcile(c: &mut Criterion) {
    let end = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap_or(NaiveDate::MIN);
    let one = company(1, 5_000);
    let big = company(1_000, 50);
    eprintln!(
        "proposal book: {} items; auto book: {} items",
        one.open_items().items().len(),
        big.open_items().items().len()
    );
    let mut group = c.benchmark_group("reconcile");
    group.sample_size(10);
    group.bench_function("proposal_partner_10k_items", |b| {
        b.iter(|| black_box(proposals(one.context(), code(10_000), end, 50).len()))
    });
    let cmd: Command = PaymentsCommand::AutoReconcile {
        draft: AutoReconcileDraft::new(end, "bench", at()),
    }
    .into();
    match big.check(&cmd) {
        Ok(events) => eprintln!("auto: {} clearings", events.len()),
        Err(e) => panic!("auto refused: {e:?}"),
    }
    group.bench_function("auto_check_100k_items", |b| {
        b.iter(|| black_box(big.check(&cmd).map(|e| e.len())))
    });
    group.finish();
}

criterion_group!(benches, reconcile);
criterion_main!(benches);
