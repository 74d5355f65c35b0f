//! Criterion benchmarks of the ledger engine (filled by the ledger issue).
use criterion::{Criterion, criterion_group, criterion_main};

fn placeholder(c: &mut Criterion) {
    c.bench_function("chain_link", |b| {
        b.iter(|| {
            kontor::ledger::chain::ChainHash::link(&kontor::ledger::chain::ChainHash::GENESIS, b"x")
        })
    });
}

criterion_group!(benches, placeholder);
criterion_main!(benches);
