//! Criterion benchmarks of matching statement lines (issue 15 budget: a
//! 10,000-line camt.053 against 100,000 open items parsed and matched in
//! ≤ 1 s in Chromium, so natively much less):
//! - parse and map the camt.053 file (10,000 lines);
//! - build the matcher's index over 100,000 open items of 1,000
//!   customers;
//! - propose for all 10,000 lines.
//!
//! The book and the file come from `benches/common/matching_data.rs`
//! (shared with the Chromium case in `tests/browser_bench.rs`).
use criterion::{Criterion, criterion_group, criterion_main};
use kontor::formats::bank::read_statements;
use kontor::forms::statement::statement_drafts;
use kontor::ledger::bank::matching::Matcher;
use std::hint::black_box;

#[path = "common/matching_data.rs"]
mod data;

const CUSTOMERS: u64 = 1_000;
const PER: u64 = 100;
const LINES: u64 = 10_000;

fn matching(c: &mut Criterion) {
    let book = data::book(CUSTOMERS, PER);
    let xml = data::camt053(LINES, CUSTOMERS, PER);
    let house_bank = data::house_bank();
    let parse = || {
        let statements =
            read_statements("bench.xml", xml.as_bytes(), None).unwrap_or_else(|e| panic!("{e:?}"));
        statement_drafts(&statements).unwrap_or_else(|e| panic!("{e:?}"))
    };
    let drafts = parse();
    let lines = &drafts[0].lines;
    let matcher = Matcher::new(book.context(), book.payments(), book.bank());
    let matched = lines
        .iter()
        .filter(|l| !matcher.propose(&house_bank, l).is_empty())
        .count();
    eprintln!(
        "matching book: {} open items; statement: {} lines ({} KB), {matched} with a proposal",
        book.open_items().items().len(),
        lines.len(),
        xml.len() / 1024
    );
    let mut group = c.benchmark_group("matching");
    group.sample_size(10);
    group.bench_function("parse and map a 10k-line camt.053", |b| {
        b.iter(|| black_box(parse()))
    });
    group.bench_function("index 100k open items", |b| {
        b.iter(|| black_box(Matcher::new(book.context(), book.payments(), book.bank())))
    });
    group.bench_function("propose for 10k lines", |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| matcher.propose(&house_bank, l).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, matching);
criterion_main!(benches);
