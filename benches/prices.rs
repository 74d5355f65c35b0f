//! Criterion benchmarks of the price lookup (issue 20 budget: ≤ 10 µs a
//! lookup natively with 50,000 items × 5 lists), on the company of
//! `common/prices_data.rs`:
//! - `price/lookup_mix`: 10,000 lookups over items, customers, lists,
//!   specials, discount groups, quantities and currencies (the figure is
//!   per 10,000: divide by 10,000 for one lookup);
//! - `price/derived_chain_usd`: one lookup on list 3 (derived from a
//!   derived list) in USD, without a partner special: the longest path;
//! - `price/raise_list_1`: the mass update's preview of list 1 (50,000
//!   rows).
use criterion::{Criterion, criterion_group, criterion_main};
use kontor::ledger::items::PriceQuery;
use kontor::ledger::types::{Currency, PartnerCode};
use rust_decimal::Decimal;
use std::hint::black_box;

#[path = "common/prices_data.rs"]
mod prices_data;
use prices_data::{company, day, item_code, queries};

fn bench(c: &mut Criterion) {
    let book = company();
    let items = book.items();
    let refs = book.item_refs();
    let queries = queries();
    for q in &queries {
        if let Err(e) = items.price(refs, q) {
            panic!("{q:?}: {e:?}");
        }
    }
    let mut g = c.benchmark_group("price");
    g.sample_size(20);
    g.bench_function("lookup_mix", |b| {
        b.iter(|| {
            for q in &queries {
                let _quote = black_box(items.price(refs, black_box(q)));
            }
        })
    });
    // Customer 10002 has list 3 (2 % 5 + 1) and no discount group.
    let chain = PriceQuery {
        item: item_code(12_345),
        partner: PartnerCode::parse("10002").ok(),
        date: day(),
        quantity: Decimal::ONE,
        currency: Currency::USD,
    };
    g.bench_function("derived_chain_usd", |b| {
        b.iter(|| black_box(items.price(refs, black_box(&chain))))
    });
    g.bench_function("raise_list_1", |b| {
        b.iter(|| black_box(items.raise(refs, 1, None, Decimal::new(35, 1), day())))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
