//! Criterion benchmark of a payment run (issue 16): 2,000 vendors with
//! ten open invoices each (20,000 items, 2 % discount within 14 days,
//! invoice dates spread over 300 days), house bank with a transit
//! account. Measured: the proposal (`PaymentRuns::propose`, budget in
//! the browser ≤ 500 ms), the check of `Save` for the proposed run, the
//! check of `Execute` (every partner's payment built and applied on a
//! scratch copy of the Book) and the run's pain.001 (`run_files`); the
//! browser budget for execute plus file is ≤ 3 s.
use criterion::{Criterion, criterion_group, criterion_main};
use kontor::forms::payment_run::run_files;
use kontor::ledger::Command;
use kontor::ledger::payment_runs::{PaymentRunsCommand, RunDraft, RunItem};
use kontor::ledger::types::{PostingKey, Timestamp};
use std::hint::black_box;

#[path = "common/payment_runs_data.rs"]
mod payment_runs_data;
use payment_runs_data::{company, day, execute, params};

fn bench(c: &mut Criterion) {
    let at = Timestamp::at(day(0), 9, 0, 0).unwrap_or_else(|| panic!("a timestamp"));
    let mut book = company(at);
    let proposal = book
        .payment_runs()
        .propose(book.context(), book.bank(), &params(), None);
    let items: Vec<RunItem> = proposal
        .rows
        .iter()
        .map(|r| RunItem {
            item: r.item,
            partner: r.partner,
            amount: r.open,
            discount: r.discount,
        })
        .collect();
    eprintln!(
        "proposal: {} rows, {} excluded, total {}",
        proposal.rows.len(),
        proposal.excluded.len(),
        proposal.total()
    );
    let save: Command = PaymentRunsCommand::Save {
        run: Box::new(RunDraft {
            number: 0,
            params: params(),
            items,
        }),
        by: "bench".into(),
        at,
    }
    .into();
    let mut group = c.benchmark_group("payment_runs");
    group.sample_size(10);
    group.bench_function("propose_20000_items_2000_vendors", |b| {
        b.iter(|| {
            black_box(
                book.payment_runs()
                    .propose(book.context(), book.bank(), &params(), None),
            )
        })
    });
    group.bench_function("check_save", |b| b.iter(|| black_box(book.check(&save))));
    execute(&mut book, &save);
    let exec: Command = PaymentRunsCommand::Execute {
        number: 1,
        order_only: false,
        files: Vec::new(),
        key: PostingKey(42),
        by: "bench".into(),
        at,
    }
    .into();
    group.bench_function("check_execute", |b| b.iter(|| black_box(book.check(&exec))));
    let created = day(0).and_hms_opt(8, 0, 0).unwrap_or_default();
    group.bench_function("run_files", |b| {
        b.iter(|| black_box(run_files(&book, 1, created)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
