//! Criterion benchmarks of the ledger engine (issue 3 budgets):
//! - fold 250,000 entries × 4 lines (1M lines) into an empty Book: ≤ 1 s;
//! - trial balance of that Book for a full year and for one month: ≤ 5 ms;
//! - build the demo company's year (3,000 entries, checked by the engine):
//!   what "Open demo company" costs before storing (issue 8: a few seconds).
//!
//! The events are built once, outside the timed part, by executing sample
//! commands on a scratch Book.
use criterion::{Criterion, criterion_group, criterion_main};
use kontor::ledger::Book;
use kontor::ledger::sample::sample_events;
use kontor::ledger::types::PeriodRef;
use std::hint::black_box;

const ENTRIES: usize = 250_000;
const LINES_PER_ENTRY: usize = 4;

fn ledger(c: &mut Criterion) {
    let (book, events) = match sample_events(42, ENTRIES, LINES_PER_ENTRY, 2024) {
        Ok(built) => built,
        Err(e) => panic!("sample book could not be built: {e}"),
    };
    let mut group = c.benchmark_group("ledger");
    group.sample_size(10);

    group.bench_function("apply_250k_entries_1m_lines", |b| {
        b.iter(|| match Book::from_events(&events) {
            Ok(book) => book,
            Err(e) => panic!("sample event refused: {e}"),
        })
    });

    let jan = PeriodRef {
        fiscal_year: 2024,
        period: 1,
    };
    let dec = PeriodRef {
        fiscal_year: 2024,
        period: 12,
    };
    group.bench_function("trial_balance_full_year", |b| {
        b.iter(|| black_box(book.trial_balance(black_box(jan), black_box(dec))))
    });
    group.bench_function("trial_balance_one_month", |b| {
        b.iter(|| black_box(book.trial_balance(black_box(jan), black_box(jan))))
    });
    group.bench_function("demo_build_one_year", |b| {
        b.iter(
            || match kontor::demo::build(&kontor::demo::DemoSpec::one_year(1), |_, _| {}) {
                Ok(built) => black_box(built),
                Err(e) => panic!("demo refused: {e}"),
            },
        )
    });
    group.finish();
}

criterion_group!(benches, ledger);
criterion_main!(benches);
