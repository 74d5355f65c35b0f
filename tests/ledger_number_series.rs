//! Numbering series (issue 18, Nummernkreise): an entry naming a series
//! gets its reference from the engine, gapless per series and fiscal
//! year, also inside one voucher; the draw is stored beside the entry and
//! replays; a refused entry draws nothing; a used series stays; the
//! reference shown before posting is the one the posting gets.

use chrono::NaiveDate;
use kontor::ledger::event::{decode, encode};
use kontor::ledger::gl::{
    DocumentKind, GlCommand, GlError, GlEvent, NumberSeries, NumberSeriesError,
};
use kontor::ledger::journal::JournalError;
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand, Voucher};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, Timestamp};
use kontor::ledger::{Book, Command, DomainError, Event};
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn cash_series() -> NumberSeries {
    NumberSeries {
        code: "KA".into(),
        name: "Kassenbelege".into(),
        kind: DocumentKind::Cash,
        prefix: "KA-".into(),
        with_year: true,
        width: 4,
        start: 1,
    }
}

fn set(series: Vec<NumberSeries>) -> Command {
    Command::Gl(GlCommand::SetNumberSeries {
        series,
        by: "anna".into(),
        at: Timestamp::at_midnight(d(2024, 1, 1)),
    })
}

fn numbered(date: NaiveDate, series: &str) -> EntryDraft {
    let mut draft = EntryDraft::new(
        date,
        "anna",
        vec![
            LineDraft::debit_lc(a("4930"), dec!(20)),
            LineDraft::credit_lc(a("1000"), dec!(20)),
        ],
    );
    draft.series = Some(series.into());
    draft
}

fn post(b: &mut Book, log: &mut Vec<Event>, draft: EntryDraft) -> Result<(), DomainError> {
    log.extend(b.execute(&Command::Posting(PostingCommand::PostEntry { draft }))?);
    Ok(())
}

fn refusal(result: Result<(), DomainError>) -> NumberSeriesError {
    match result {
        Err(DomainError::Journal(JournalError::Gl(GlError::Series(e)))) => e,
        Err(DomainError::Gl(GlError::Series(e))) => e,
        other => panic!("expected a series refusal, got {other:?}"),
    }
}

fn references(b: &Book) -> Vec<String> {
    b.entries().iter().map(|e| e.reference.clone()).collect()
}

fn company() -> (Book, Vec<Event>) {
    let (mut b, mut log) = Book::set_up(&sample_setup(2024)).unwrap();
    log.extend(b.execute(&set(vec![cash_series()])).unwrap());
    (b, log)
}

#[test]
fn entries_draw_gapless_references_and_the_draw_replays() {
    let (mut b, mut log) = company();
    post(&mut b, &mut log, numbered(d(2024, 3, 1), "KA")).unwrap();
    post(&mut b, &mut log, numbered(d(2024, 3, 2), "KA")).unwrap();
    // A refused entry (unbalanced) draws nothing.
    let mut bad = numbered(d(2024, 3, 3), "KA");
    bad.lines[0].debit = dec!(21);
    assert!(post(&mut b, &mut log, bad).is_err());
    post(&mut b, &mut log, numbered(d(2024, 3, 4), "KA")).unwrap();
    assert_eq!(
        references(&b),
        ["KA-2024-0001", "KA-2024-0002", "KA-2024-0003"]
    );
    assert_eq!(b.gl().numbering().next("KA", 2024, 0), Ok(4));

    // Each draw is an event beside its entry and survives the wire.
    let drawn: Vec<_> = log
        .iter()
        .filter_map(|e| match e {
            Event::Gl(GlEvent::SeriesNumberDrawn { number, entry, .. }) => Some((*number, entry.0)),
            _ => None,
        })
        .collect();
    assert_eq!(drawn.len(), 3);
    let wire: Vec<Event> = log.iter().map(|e| decode(&encode(e)).unwrap()).collect();
    assert_eq!(wire, log);
    let replayed = Book::from_events(&wire).unwrap();
    assert_eq!(replayed, b);
}

#[test]
fn the_next_reference_is_the_one_the_posting_gets() {
    let (mut b, mut log) = company();
    let march = d(2024, 3, 1);
    assert_eq!(
        b.gl().next_series_reference("KA", march).as_deref(),
        Some("KA-2024-0001")
    );
    post(&mut b, &mut log, numbered(march, "KA")).unwrap();
    assert_eq!(references(&b), ["KA-2024-0001"]);
    assert_eq!(
        b.gl().next_series_reference("KA", march).as_deref(),
        Some("KA-2024-0002")
    );
    // Nothing to show for an unknown series or a date outside the calendar.
    assert_eq!(b.gl().next_series_reference("XX", march), None);
    assert_eq!(b.gl().next_series_reference("KA", d(1990, 1, 1)), None);
}

#[test]
fn a_voucher_draws_one_number_per_entry_in_order() {
    let (mut b, mut log) = company();
    post(&mut b, &mut log, numbered(d(2024, 3, 1), "KA")).unwrap();
    let voucher = Voucher {
        reference: String::new(),
        memo: "Kassenbuch März".into(),
        entries: vec![numbered(d(2024, 3, 5), "KA"), numbered(d(2024, 3, 6), "KA")],
        key: None,
    };
    log.extend(
        b.execute(&Command::Posting(PostingCommand::PostVoucher { voucher }))
            .unwrap(),
    );
    assert_eq!(
        references(&b),
        ["KA-2024-0001", "KA-2024-0002", "KA-2024-0003"]
    );
    assert_eq!(Book::from_events(&log).unwrap(), b);
}

#[test]
fn a_typed_reference_or_an_unknown_series_is_refused() {
    let (mut b, mut log) = company();
    let mut typed = numbered(d(2024, 3, 1), "KA");
    typed.reference = "X-1".into();
    assert!(matches!(
        refusal(post(&mut b, &mut log, typed)),
        NumberSeriesError::ReferenceTyped { .. }
    ));
    assert!(matches!(
        refusal(post(&mut b, &mut log, numbered(d(2024, 3, 1), "AR"))),
        NumberSeriesError::Unknown { .. }
    ));
    assert_eq!(b.entry_count(), 0);
}

#[test]
fn a_series_that_gave_numbers_cannot_be_removed_and_a_new_year_starts_again() {
    let (mut b, mut log) = company();
    post(&mut b, &mut log, numbered(d(2024, 12, 31), "KA")).unwrap();
    assert!(matches!(
        refusal(b.execute(&set(Vec::new())).map(|_| ())),
        NumberSeriesError::RemovedInUse { .. }
    ));
    // Renaming and a new prefix are fine; the numbers continue.
    let renamed = NumberSeries {
        name: "Kasse Filiale".into(),
        prefix: "K/".into(),
        ..cash_series()
    };
    b.execute(&set(vec![renamed])).unwrap();
    post(&mut b, &mut log, numbered(d(2024, 12, 31), "KA")).unwrap();
    assert_eq!(references(&b), ["KA-2024-0001", "K/2024-0002"]);
}

#[test]
fn a_draw_out_of_turn_in_a_log_is_refused_on_replay() {
    let (mut b, mut log) = company();
    post(&mut b, &mut log, numbered(d(2024, 3, 1), "KA")).unwrap();
    for event in &mut log {
        if let Event::Gl(GlEvent::SeriesNumberDrawn { number, .. }) = event {
            *number = 2;
        }
    }
    assert!(Book::from_events(&log).is_err());
}
