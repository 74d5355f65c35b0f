//! Time travel (issue 17, part E): the books as of log position n are the
//! fold of the log's first n records. For random books and random cuts,
//! every report of `Book::fold_prefix(records, n)` equals the report of a
//! Book replayed (chain verified) from `records[..n]` and of one folded
//! from the first n events by `Book::from_events`; and a date and time
//! resolves to the position its stamps say.

use std::sync::OnceLock;

use chrono::NaiveDate;
use kontor::demo::{self, DemoSpec, VatPosting};
use kontor::ledger::book::moment::{self, Moment};
use kontor::ledger::chain::{ChainHead, LogRecord};
use kontor::ledger::event::encode;
use kontor::ledger::gl::ChartTemplate;
use kontor::ledger::partners::PartnerKind;
use kontor::ledger::report::{DEFAULT_AGING_BOUNDS, OpenItemsFilter};
use kontor::ledger::sample::sample_events;
use kontor::ledger::types::{PeriodRef, Timestamp};
use kontor::ledger::{Book, Event, ReplayErrorKind};
use kontor::store::log::seal_all;
use proptest::prelude::*;

fn seal(events: &[Event]) -> Vec<LogRecord> {
    seal_all(ChainHead::EMPTY, events.iter().map(encode))
}

fn year(y: i32) -> (PeriodRef, PeriodRef) {
    (
        PeriodRef {
            fiscal_year: y,
            period: 1,
        },
        PeriodRef {
            fiscal_year: y,
            period: 12,
        },
    )
}

/// Every report time travel offers, as text (the reports borrow their
/// Book), for one Book.
fn reports(book: &Book, y: i32) -> Vec<String> {
    let (from, to) = year(y);
    let mut out = vec![
        format!("{:?}", book.trial_balance(from, to)),
        format!("{:?}", book.vat_return(from, to)),
    ];
    for month in [3u8, 7, 12] {
        let p = PeriodRef {
            fiscal_year: y,
            period: month,
        };
        out.push(format!("{:?}", book.vat_return(p, p)));
    }
    for kind in [PartnerKind::Customer, PartnerKind::Vendor] {
        for as_of in [
            NaiveDate::from_ymd_opt(y, 6, 30),
            NaiveDate::from_ymd_opt(y, 12, 31),
        ]
        .into_iter()
        .flatten()
        {
            out.push(format!(
                "{:?}",
                book.open_items_report(&OpenItemsFilter::new(kind, as_of))
            ));
            out.push(format!(
                "{:?}",
                book.aging(kind, as_of, &DEFAULT_AGING_BOUNDS)
            ));
        }
    }
    out.push(format!(
        "{:?}",
        kontor::ledger::report::result_series(book, y)
    ));
    out.push(format!(
        "{:?}",
        kontor::ledger::report::cash_series(book, y)
    ));
    out
}

/// The three ways to the books after `n` records agree, report by report.
fn assert_same_books(events: &[Event], records: &[LogRecord], n: usize, y: i32) {
    let travelled = Book::fold_prefix(records, n).expect("a prefix of a good log folds");
    let replayed = Book::replay(&records[..n]).expect("a prefix of a good log replays");
    let from_events = Book::from_events(&events[..n]).expect("a prefix of good events folds");
    let expected = reports(&replayed, y);
    assert_eq!(reports(&travelled, y), expected, "fold_prefix at {n}");
    assert_eq!(reports(&from_events, y), expected, "from_events at {n}");
    assert_eq!(travelled.entry_count(), replayed.entry_count());
}

/// A small demo company (partners, tax codes, open items, payments, the
/// bank, dunning and payment runs), built once.
fn demo_log() -> &'static (Vec<Event>, Vec<LogRecord>) {
    static LOG: OnceLock<(Vec<Event>, Vec<LogRecord>)> = OnceLock::new();
    LOG.get_or_init(|| {
        let spec = DemoSpec {
            seed: 17,
            chart: ChartTemplate::Skr03,
            first_year: 2024,
            entries: 600,
            vat: VatPosting::TaxCodes,
        };
        let (_, events) = demo::build(&spec, |_, _| {}).expect("the demo builds");
        let records = seal(&events);
        (events, records)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_sample_book_as_of_position_n_is_the_book_of_its_first_n_records(
        seed in 0u64..1_000,
        entries in 1usize..80,
        lines in 2usize..6,
        cut in 0.0f64..=1.0,
    ) {
        let (_, events) = sample_events(seed, entries, lines, 2024).expect("sample book");
        let records = seal(&events);
        let n = ((records.len() as f64 * cut) as usize).clamp(1, records.len());
        assert_same_books(&events, &records, n, 2024);
    }

    #[test]
    fn the_demo_company_as_of_position_n_is_the_book_of_its_first_n_records(
        cut in 0.0f64..=1.0,
    ) {
        let (events, records) = demo_log();
        let n = ((records.len() as f64 * cut) as usize).clamp(1, records.len());
        assert_same_books(events, records, n, 2024);
    }
}

#[test]
fn the_whole_log_and_its_edges() {
    let (events, records) = demo_log();
    let whole = Book::fold_prefix(records, records.len()).expect("whole log");
    let beyond = Book::fold_prefix(records, records.len() + 10).expect("beyond is whole");
    let expected = reports(&Book::from_events(events).expect("events fold"), 2024);
    assert_eq!(reports(&whole, 2024), expected);
    assert_eq!(reports(&beyond, 2024), expected);
    assert_eq!(
        Book::fold_prefix(records, 0)
            .map(|_| ())
            .map_err(|e| e.kind),
        Err(ReplayErrorKind::Empty)
    );
    // The company alone: no entries, a trial balance without rows.
    let first = Book::fold_prefix(records, 1).expect("the company's creation");
    assert_eq!(first.entry_count(), 0);
}

#[test]
fn a_date_and_time_is_the_position_its_stamps_say() {
    let (events, records) = demo_log();
    let stamps: Vec<(usize, Timestamp)> = records
        .iter()
        .enumerate()
        .filter_map(|(i, r)| moment::record_stamp(&r.body).map(|s| (i, s)))
        .collect();
    assert!(
        stamps.len() > 3,
        "the demo writes stamped events (partners, runs, the bank)"
    );
    for (k, &(i, stamp)) in stamps.iter().enumerate() {
        let n = moment::resolve(records, Moment::At(stamp));
        // Every record up to the cut has a time at or before the moment;
        // the record at the cut is stamped later.
        assert!(
            stamps
                .iter()
                .filter(|(j, _)| *j < n)
                .all(|(_, s)| *s <= stamp)
        );
        if n < records.len() {
            let cut = moment::record_stamp(&records[n].body);
            assert!(
                cut.is_some_and(|c| c > stamp),
                "the cut is at a later stamp"
            );
        }
        // With the clock never going back before it, the record itself
        // is in (the demo's stamps are business dates, not always in
        // order, which the rule takes as they are).
        if stamps[..k].iter().all(|(_, s)| *s <= stamp) {
            assert!(n > i, "the record stamped {stamp} is in the books as of it");
        }
        assert!(moment::stamp_of_position(records, n).is_none_or(|s| s <= stamp));
    }
    // The books as of the first stamp, folded, agree with the events.
    let (_, first) = stamps[0];
    let n = moment::resolve(records, Moment::At(first));
    assert_same_books(events, records, n, 2024);
}
