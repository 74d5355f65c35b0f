//! The snapshot of a folded Book (issue 21): it reads back to the very
//! Book, a snapshot at any point plus the records after it folds to the
//! Book of the whole log, and a snapshot that is another build's, does not
//! read, or does not belong to the stored log is ignored and rebuilt,
//! never trusted.

use std::sync::OnceLock;

use futures::executor::block_on;
use kontor::demo::{self, DemoSpec};
use kontor::ledger::Book;
use kontor::ledger::book::snapshot::{self, SnapshotError};
use kontor::ledger::chain::{ChainHead, LogRecord};
use kontor::ledger::event::encode;
use kontor::security::password::TESTS_ONLY;
use kontor::session::{SNAPSHOT_EVERY, SNAPSHOT_MIN_RECORDS, Session};
use kontor::store::log::seal_all;
use kontor::store::vault::NewPassword;
use kontor::store::{CompanyLog, MemoryStore, Store};
use proptest::prelude::*;

/// A demo company's sealed log (about 5,500 records) and its Book.
fn demo_log() -> &'static (Vec<LogRecord>, Book) {
    static LOG: OnceLock<(Vec<LogRecord>, Book)> = OnceLock::new();
    LOG.get_or_init(|| {
        let spec = DemoSpec {
            entries: 3_000,
            ..DemoSpec::one_year(11)
        };
        let (book, events) = demo::build(&spec, |_, _| {}).expect("the demo builds");
        (seal_all(ChainHead::EMPTY, events.iter().map(encode)), book)
    })
}

fn head_after(records: &[LogRecord]) -> ChainHead {
    records.last().map_or(ChainHead::EMPTY, ChainHead::after)
}

#[test]
fn a_snapshot_reads_back_to_the_very_book() {
    let (records, book) = demo_log();
    let head = head_after(records);
    let bytes = snapshot::encode(book, head).unwrap();
    let (at, back) = snapshot::decode(&bytes).unwrap();
    assert_eq!(at, head);
    assert_eq!(&back, book);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Snapshot at any cut point, then the rest of the log folded on, is
    /// the full replay.
    #[test]
    fn a_snapshot_at_any_point_plus_the_tail_is_the_full_replay(cut in 1usize..5_000) {
        let (records, book) = demo_log();
        let cut = cut.min(records.len());
        let prefix = Book::fold_prefix(records, cut).unwrap();
        let bytes = snapshot::encode(&prefix, head_after(&records[..cut])).unwrap();
        drop(prefix);
        let (at, resumed) = snapshot::decode(&bytes).unwrap();
        prop_assert_eq!(at.seq, cut as u64);
        let whole = resumed.fold_tail(records[cut..].to_vec()).unwrap();
        prop_assert_eq!(&whole, book);
    }
}

#[test]
fn bytes_of_another_kind_or_build_or_cut_short_do_not_read() {
    let (records, book) = demo_log();
    let bytes = snapshot::encode(book, head_after(records)).unwrap();
    assert_eq!(snapshot::decode(b"{}").unwrap_err(), SnapshotError::Foreign);
    assert_eq!(snapshot::decode(&[]).unwrap_err(), SnapshotError::Foreign);
    let mut other_build = bytes.clone();
    other_build[20] ^= 1;
    assert_eq!(
        snapshot::decode(&other_build).unwrap_err(),
        SnapshotError::OtherBuild
    );
    let cut_short = &bytes[..bytes.len() / 2];
    assert!(matches!(
        snapshot::decode(cut_short),
        Err(SnapshotError::Unreadable(_))
    ));
}

/// A plain company in a fresh store whose log is `records`.
fn company(records: &[LogRecord]) -> (MemoryStore, String) {
    let store = MemoryStore::new();
    let meta = block_on(store.create_company_with_log("Demo", records, |_, _| {})).unwrap();
    (store, meta.id)
}

fn open(store: &MemoryStore, id: &str) -> Session<<MemoryStore as Store>::Company> {
    open_as(store, id, None)
}

/// Opens, unlocked as `login` (with anna's password) when given.
fn open_as(
    store: &MemoryStore,
    id: &str,
    login: Option<&str>,
) -> Session<<MemoryStore as Store>::Company> {
    block_on(async {
        let company = store.open_company(id).await.unwrap();
        if let Some(login) = login {
            company.unlock(login, PASSWORD).await.unwrap();
        }
        Session::open_deferred(company).await
    })
    .unwrap()
}

/// Opens, verifies and keeps a snapshot, as the app does after an open.
fn open_and_keep(
    store: &MemoryStore,
    id: &str,
) -> (Session<<MemoryStore as Store>::Company>, bool) {
    keep(open(store, id))
}

fn keep(
    session: Session<<MemoryStore as Store>::Company>,
) -> (Session<<MemoryStore as Store>::Company>, bool) {
    block_on(session.verify()).unwrap();
    let kept = block_on(session.keep_snapshot()).unwrap();
    (session, kept)
}

#[test]
fn a_large_company_keeps_a_snapshot_and_reopens_from_it_with_the_records_after_it() {
    let (records, book) = demo_log();
    assert!(records.len() as u64 > SNAPSHOT_MIN_RECORDS + 50);
    let cut = records.len() - 50;
    let (store, id) = company(&records[..cut]);

    let (first, kept) = open_and_keep(&store, &id);
    assert!(kept, "a large log without a snapshot gets one");
    assert_eq!(first.snapshot_at(), Some(head_after(&records[..cut])));
    drop(first);

    block_on(async {
        store
            .open_company(&id)
            .await
            .unwrap()
            .append(&records[cut..])
            .await
    })
    .unwrap();
    let (second, kept) = open_and_keep(&store, &id);
    assert_eq!(
        second.snapshot_at(),
        Some(head_after(&records[..cut])),
        "resumed"
    );
    assert!(!kept, "50 records behind is not {SNAPSHOT_EVERY}");
    assert_eq!(&*second.book(), book);
    assert_eq!(second.head(), head_after(records));
}

const PASSWORD: &str = "Sommer2026!";

/// `records` in a store, encrypted for anna.
fn encrypted_company(records: &[LogRecord]) -> (MemoryStore, String) {
    let (store, id) = company(records);
    let set_on = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    let password = NewPassword::own(PASSWORD, TESTS_ONLY, Default::default(), set_on);
    block_on(async {
        store
            .open_company(&id)
            .await?
            .encrypt("anna", &password)
            .await
    })
    .unwrap();
    (store, id)
}

#[test]
fn an_encrypted_company_keeps_its_snapshot_sealed_and_reopens_from_it() {
    let (records, book) = demo_log();
    let cut = records.len() - 50;
    let (store, id) = encrypted_company(&records[..cut]);
    let (first, kept) = keep(open_as(&store, &id, Some("anna")));
    assert!(kept);
    let plain = snapshot::encode(&first.book(), first.head()).unwrap();
    drop(first);
    let mut stored = Vec::new();
    store.with_snapshot(&id, |s| stored = s.clone().unwrap());
    assert!(stored.len() >= plain.len(), "all of it is stored");
    assert!(
        !stored.windows(16).any(|w| w == &plain[..16])
            && !stored.ends_with(&plain[plain.len() - 64..]),
        "stored sealed, not plain"
    );

    block_on(async {
        let company = store.open_company(&id).await.unwrap();
        company.unlock("anna", PASSWORD).await.unwrap();
        company.append(&records[cut..]).await
    })
    .unwrap();
    let (second, _) = keep(open_as(&store, &id, Some("anna")));
    assert_eq!(
        second.snapshot_at(),
        Some(head_after(&records[..cut])),
        "resumed"
    );
    assert_eq!(&*second.book(), book);
    drop(second);

    store.with_snapshot(&id, |s| {
        if let Some(bytes) = s {
            bytes[40] ^= 1;
        }
    });
    let (third, kept) = keep(open_as(&store, &id, Some("anna")));
    assert!(kept, "a sealed snapshot that does not open is rebuilt");
    assert_eq!(third.snapshot_at(), Some(head_after(records)));
    assert_eq!(&*third.book(), book);
}

#[test]
fn a_small_company_keeps_no_snapshot() {
    let (records, _) = demo_log();
    let (store, id) = company(&records[..1_000]);
    let (session, kept) = open_and_keep(&store, &id);
    assert!(!kept);
    assert_eq!(session.snapshot_at(), None);
}

#[test]
fn a_snapshot_is_only_kept_of_a_verified_chain() {
    let (records, _) = demo_log();
    let (store, id) = company(records);
    let session = open(&store, &id);
    assert!(!block_on(session.keep_snapshot()).unwrap());
    assert!(block_on(session.log().get_snapshot()).unwrap().is_none());
}

/// Each way a stored snapshot can be wrong: the open ignores it, folds the
/// log to the right Book, and keeps a new snapshot.
#[test]
fn a_stale_foreign_or_damaged_snapshot_is_ignored_and_rebuilt() {
    let (records, book) = demo_log();
    let other = {
        let spec = DemoSpec {
            entries: 3_000,
            ..DemoSpec::one_year(12)
        };
        let (other_book, events) = demo::build(&spec, |_, _| {}).unwrap();
        let other_records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
        snapshot::encode(&other_book, head_after(&other_records)).unwrap()
    };
    let ahead = {
        let mut head = head_after(records);
        head.seq += 10;
        snapshot::encode(book, head).unwrap()
    };
    let good = snapshot::encode(book, head_after(records)).unwrap();
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0xff;
    let wrongs: [(&str, Vec<u8>); 5] = [
        ("another company's", other),
        ("a head beyond the log", ahead),
        ("garbage", b"not a snapshot at all".to_vec()),
        ("cut short", good[..good.len() / 3].to_vec()),
        (
            "another build",
            [&good[..16], b"0000000000000000", &good[32..]].concat(),
        ),
    ];
    for (what, bytes) in wrongs {
        let (store, id) = company(records);
        store.with_snapshot(&id, |s| *s = Some(bytes));
        let (session, kept) = open_and_keep(&store, &id);
        assert_eq!(
            session.snapshot_at(),
            Some(head_after(records)),
            "{what}: rebuilt"
        );
        assert!(kept, "{what}: a new snapshot is kept");
        assert_eq!(&*session.book(), book, "{what}");
    }
    // The last byte of a good snapshot may still read (a digit of an
    // amount); either way the Book is the log's or the snapshot is refused.
    let (store, id) = company(records);
    store.with_snapshot(&id, |s| *s = Some(flipped));
    let session = open(&store, &id);
    if session.snapshot_at().is_none() {
        assert_eq!(&*session.book(), book);
    }
}
