//! Backup and restore over the in-memory store: a round trip gives the same
//! Book, and every refusal (wrong passphrase, damage, someone else's file,
//! newer format, broken chain, manifest mismatch, existing company, a
//! failure halfway through writing) leaves the stored companies unchanged.

use futures::executor::block_on;
use kontor::backup::{
    self, BackupDocument, BackupError, CompanySnapshot, Exporter, ManifestField, RestoreMode,
};
use kontor::ledger::Book;
use kontor::ledger::Command;
use kontor::ledger::chain::{ChainHead, LogRecord};
use kontor::ledger::event::encode;
use kontor::ledger::posting::PostingCommand;
use kontor::ledger::sample::{sample_drafts, sample_events};
use kontor::session::{Session, SessionError};
use kontor::store::log::seal_all;
use kontor::store::vault::{LoginStatus, NewPassword};
use kontor::store::{
    CompanyLog, CompanyMeta, MemoryStore, Persistence, StorageEstimate, Store, StoreError,
};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::io::Write;
use std::rc::Rc;

const PASSPHRASE: &str = "Kontor-Test 2026!";
/// Low scrypt factor for tests; one test uses the real one.
const TEST_WORK_FACTOR: u8 = 10;

fn sample_log(entries: usize) -> (Book, Vec<LogRecord>) {
    let (book, events) = sample_events(11, entries, 4, 2026).unwrap();
    let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
    (book, records)
}

/// A store with one sample company ("Muster GmbH", two drafts) and a
/// second, unrelated company.
fn store_with_company(entries: usize) -> (MemoryStore, CompanyMeta) {
    let store = MemoryStore::new();
    let meta = block_on(async {
        let meta = store.create_company("Muster GmbH").await.unwrap();
        let company = store.open_company(&meta.id).await.unwrap();
        let (_, records) = sample_log(entries);
        for chunk in records.chunks(5_000) {
            company.append(chunk).await.unwrap();
        }
        company
            .put_draft("entry/1", r#"{"text":"halb fertig"}"#)
            .await
            .unwrap();
        company.put_draft("entry/2", "{}").await.unwrap();
        let other = store.create_company("Andere AG").await.unwrap();
        let other_log = store.open_company(&other.id).await.unwrap();
        other_log
            .append(&seal_all(ChainHead::EMPTY, ["x".to_string()]))
            .await
            .unwrap();
        meta
    });
    (store, meta)
}

/// Everything stored, for "nothing changed" assertions.
type Stored = Vec<(CompanyMeta, Vec<LogRecord>, BTreeMap<String, String>)>;

fn stored(store: &impl Store) -> Stored {
    block_on(async {
        let mut out = Vec::new();
        for meta in store.list_companies().await.unwrap() {
            let company = store.open_company(&meta.id).await.unwrap();
            let records = company.load().await.unwrap();
            let mut drafts = BTreeMap::new();
            for key in company.list_drafts().await.unwrap() {
                drafts.insert(key.clone(), company.get_draft(&key).await.unwrap().unwrap());
            }
            out.push((meta, records, drafts));
        }
        out
    })
}

fn snapshot(store: &MemoryStore, id: &str) -> CompanySnapshot {
    block_on(backup::load_company(store, id, true)).unwrap()
}

fn encrypted(snapshot: &CompanySnapshot) -> Vec<u8> {
    Exporter::encrypted_with_work_factor(snapshot, PASSPHRASE, TEST_WORK_FACTOR)
        .unwrap()
        .finish()
        .unwrap()
}

fn plain(snapshot: &CompanySnapshot) -> Vec<u8> {
    backup::export_plain(snapshot, |_, _| {}).unwrap()
}

/// age-encrypts arbitrary content with a passphrase, as the CLI would.
fn age_encrypt(content: &[u8], passphrase: &str) -> Vec<u8> {
    let mut recipient = age::scrypt::Recipient::new(passphrase.to_string().into());
    recipient.set_work_factor(TEST_WORK_FACTOR);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .unwrap();
    let mut out = Vec::new();
    let mut writer = encryptor.wrap_output(&mut out).unwrap();
    writer.write_all(content).unwrap();
    writer.finish().unwrap();
    out
}

fn gzip(content: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(content).unwrap();
    encoder.finish().unwrap()
}

/// What the UI does with a file: inspect, then restore as a new company.
/// Asserts that a refusal changed nothing and returns it.
fn refusal(store: &MemoryStore, bytes: &[u8], passphrase: &str) -> BackupError {
    let before = stored(store);
    let result = backup::inspect(bytes, passphrase, |_, _| {}).and_then(|document| {
        block_on(backup::restore(
            store,
            &document,
            RestoreMode::New,
            |_, _| {},
        ))
    });
    let error = result.expect_err("the file must be refused");
    assert_eq!(
        stored(store),
        before,
        "a refusal changed storage: {error:?}"
    );
    error
}

/// Edits a plain export as JSON (to forge damage a real user could meet).
fn edited(bytes: &[u8], edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    edit(&mut value);
    serde_json::to_vec(&value).unwrap()
}

fn restored_book(store: &MemoryStore, id: &str) -> (Book, ChainHead) {
    block_on(async {
        let company = store.open_company(id).await.unwrap();
        (
            Book::replay(&company.load().await.unwrap()).unwrap(),
            company.head().await.unwrap(),
        )
    })
}

#[test]
fn round_trip_restores_the_same_book_head_and_drafts() {
    let (store, meta) = store_with_company(300);
    let original = snapshot(&store, &meta.id);
    let file = encrypted(&original);
    let document = backup::inspect(&file, PASSPHRASE, |_, _| {}).unwrap();
    assert_eq!(document.manifest.company_name, "Muster GmbH");
    assert_eq!(document.manifest.event_count, original.records.len() as u64);
    assert!(document.manifest.encrypted);

    block_on(store.delete_company(&meta.id, "Muster GmbH")).unwrap();
    let mut steps = Vec::new();
    let restored = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::New,
        |done, total| steps.push((done, total)),
    ))
    .unwrap();
    assert_eq!(restored.name, "Muster GmbH");
    assert_eq!(
        steps.last(),
        Some(&(original.records.len() as u64, original.records.len() as u64))
    );

    let (book, head) = restored_book(&store, &restored.id);
    let (expected_book, _) = sample_log(300);
    assert_eq!(book, expected_book);
    assert_eq!(head.hash, document.manifest.head_hash);
    let calendar = book.calendar();
    let (first, last) = (
        calendar.reference(0),
        calendar.reference(calendar.period_count() - 1),
    );
    assert_eq!(
        book.trial_balance(first, last).unwrap(),
        expected_book.trial_balance(first, last).unwrap()
    );
    let again = snapshot(&store, &restored.id);
    assert_eq!(again.records, original.records);
    assert_eq!(again.drafts, original.drafts);
}

#[test]
fn real_work_factor_round_trips_and_is_written_in_the_header() {
    let (store, meta) = store_with_company(5);
    let original = snapshot(&store, &meta.id);
    let file = backup::export_encrypted(&original, PASSPHRASE, |_, _| {}).unwrap();
    let header = String::from_utf8_lossy(&file[..100]).to_string();
    assert!(
        header.contains(&format!(" {}\n", backup::WORK_FACTOR)),
        "{header}"
    );
    let document = backup::inspect(&file, PASSPHRASE, |_, _| {}).unwrap();
    assert_eq!(document.log, original.records);
}

#[test]
fn plain_export_is_labelled_and_restores_too() {
    let (store, meta) = store_with_company(20);
    let original = snapshot(&store, &meta.id);
    let file = plain(&original);
    let text = String::from_utf8(file.clone()).unwrap();
    assert!(text.starts_with("{\"manifest\":{\"format\":\"kontor-backup\""));
    assert!(text.contains("\"encrypted\":false"));
    assert_eq!(backup::detect(&file), backup::FileKind::PlainJson);
    let document = backup::inspect(&file, "", |_, _| {}).unwrap();
    assert!(!document.manifest.encrypted);
    let copy = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::AsCopy,
        |_, _| {},
    ))
    .unwrap();
    assert_eq!(copy.name, "Muster GmbH (Kopie)");
    assert_eq!(snapshot(&store, &copy.id).records, original.records);
}

#[test]
fn export_without_drafts_says_so() {
    let (store, meta) = store_with_company(3);
    let without = block_on(backup::load_company(&store, &meta.id, false)).unwrap();
    let document = backup::inspect(&plain(&without), "", |_, _| {}).unwrap();
    assert!(!document.manifest.drafts_included);
    assert_eq!(document.drafts, None);
}

#[test]
fn export_reports_progress_up_to_the_record_count() {
    let (store, meta) = store_with_company(3_000);
    let original = snapshot(&store, &meta.id);
    let mut calls = Vec::new();
    backup::export_plain(&original, |done, total| calls.push((done, total))).unwrap();
    let total = original.records.len() as u64;
    assert!(calls.len() >= 2, "{calls:?}");
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(calls.last(), Some(&(total, total)));
}

#[test]
fn wrong_passphrase_is_refused() {
    let (store, meta) = store_with_company(10);
    let file = encrypted(&snapshot(&store, &meta.id));
    assert_eq!(
        refusal(&store, &file, "falsch"),
        BackupError::WrongPassphrase
    );
}

#[test]
fn truncated_file_is_refused() {
    let (store, meta) = store_with_company(200);
    let file = encrypted(&snapshot(&store, &meta.id));
    for cut in [file.len() - 1, file.len() / 2, 70, 10] {
        let error = refusal(&store, &file[..cut], PASSPHRASE);
        assert!(
            matches!(error, BackupError::Damaged { .. }),
            "cut at {cut}: {error:?}"
        );
    }
    let plain_file = plain(&snapshot(&store, &meta.id));
    let error = refusal(&store, &plain_file[..plain_file.len() / 2], "");
    assert!(matches!(error, BackupError::Damaged { .. }), "{error:?}");
}

#[test]
fn corrupted_file_is_refused() {
    let (store, meta) = store_with_company(200);
    let file = encrypted(&snapshot(&store, &meta.id));
    let header_end = file.windows(4).position(|w| w == b"--- ").unwrap();
    // One byte in the payload, one in the header's MAC line.
    for at in [file.len() / 2, header_end + 5] {
        let mut bad = file.clone();
        bad[at] ^= 0x01;
        let error = refusal(&store, &bad, PASSPHRASE);
        assert!(
            matches!(error, BackupError::Damaged { .. }),
            "byte {at}: {error:?}"
        );
    }
}

#[test]
fn files_that_are_not_kontor_backups_are_refused() {
    let (store, _) = store_with_company(3);
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_eq!(
        refusal(&store, &random, PASSPHRASE),
        BackupError::NotKontorBackup
    );
    assert_eq!(
        refusal(&store, b"", PASSPHRASE),
        BackupError::NotKontorBackup
    );
    let other_age = age_encrypt(b"Einkaufsliste: Milch, Brot", PASSPHRASE);
    assert_eq!(
        refusal(&store, &other_age, PASSPHRASE),
        BackupError::NotKontorBackup
    );
    let other_json = age_encrypt(&gzip(br#"{"invoices":[1,2,3]}"#), PASSPHRASE);
    assert_eq!(
        refusal(&store, &other_json, PASSPHRASE),
        BackupError::NotKontorBackup
    );
    assert_eq!(
        refusal(
            &store,
            br#"{"manifest":{"format":"something-else","format_version":1}}"#,
            ""
        ),
        BackupError::NotKontorBackup
    );
}

#[test]
fn file_for_a_key_instead_of_a_passphrase_is_refused() {
    let (store, _) = store_with_company(3);
    let key = age::x25519::Identity::generate();
    let recipient = key.to_public();
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .unwrap();
    let mut file = Vec::new();
    let mut writer = encryptor.wrap_output(&mut file).unwrap();
    writer.write_all(b"{}").unwrap();
    writer.finish().unwrap();
    assert_eq!(
        refusal(&store, &file, PASSPHRASE),
        BackupError::NotPassphraseEncrypted
    );
}

#[test]
fn excessive_work_factor_is_refused_before_any_work() {
    let (store, meta) = store_with_company(3);
    let file = encrypted(&snapshot(&store, &meta.id));
    let text = String::from_utf8_lossy(&file).to_string();
    let line = format!(" {TEST_WORK_FACTOR}\n");
    let at = text.find(&line).unwrap();
    let mut forged = file[..at].to_vec();
    forged.extend_from_slice(b" 30\n");
    forged.extend_from_slice(&file[at + line.len()..]);
    assert_eq!(
        refusal(&store, &forged, PASSPHRASE),
        BackupError::WorkFactorTooHigh {
            found: 30,
            max: backup::MAX_WORK_FACTOR
        }
    );
}

#[test]
fn newer_format_version_is_refused() {
    let (store, meta) = store_with_company(5);
    let file = edited(&plain(&snapshot(&store, &meta.id)), |v| {
        v["manifest"]["format_version"] = 2.into();
    });
    let expected = BackupError::NewerFormat {
        found: 2,
        supported: 1,
    };
    assert_eq!(refusal(&store, &file, ""), expected);
    let sealed = age_encrypt(&gzip(&file), PASSPHRASE);
    assert_eq!(refusal(&store, &sealed, PASSPHRASE), expected);
}

#[test]
fn chain_that_does_not_verify_is_refused_naming_the_record() {
    let (store, meta) = store_with_company(30);
    let file = plain(&snapshot(&store, &meta.id));
    let changed = edited(&file, |v| {
        let body = format!("{} ", v["log"][6]["body"].as_str().unwrap());
        v["log"][6]["body"] = body.into();
    });
    assert_eq!(
        refusal(&store, &changed, ""),
        BackupError::BrokenChain { seq: 7 }
    );
    let reordered = edited(&file, |v| {
        let log = v["log"].as_array_mut().unwrap();
        log.swap(3, 4);
    });
    assert_eq!(
        refusal(&store, &reordered, ""),
        BackupError::BrokenChain { seq: 5 }
    );
    let sealed = age_encrypt(&gzip(&changed), PASSPHRASE);
    assert_eq!(
        refusal(&store, &sealed, PASSPHRASE),
        BackupError::BrokenChain { seq: 7 }
    );
}

#[test]
fn counts_that_do_not_match_the_manifest_are_refused() {
    let (store, meta) = store_with_company(30);
    let file = plain(&snapshot(&store, &meta.id));
    let shortened = edited(&file, |v| {
        v["log"].as_array_mut().unwrap().pop();
    });
    let error = refusal(&store, &shortened, "");
    assert!(
        matches!(
            error,
            BackupError::ManifestMismatch {
                field: ManifestField::EventCount,
                ..
            }
        ),
        "{error:?}"
    );
    let miscounted = edited(&file, |v| {
        v["manifest"]["head_seq"] = 5.into();
    });
    let error = refusal(&store, &miscounted, "");
    assert!(
        matches!(
            error,
            BackupError::ManifestMismatch {
                field: ManifestField::HeadSeq,
                ..
            }
        ),
        "{error:?}"
    );
    let other_head = edited(&file, |v| {
        v["manifest"]["head_hash"] = "ab".repeat(32).into();
    });
    let error = refusal(&store, &other_head, "");
    assert!(
        matches!(
            error,
            BackupError::ManifestMismatch {
                field: ManifestField::HeadHash,
                ..
            }
        ),
        "{error:?}"
    );
    let drafts_dropped = edited(&file, |v| {
        v.as_object_mut().unwrap().remove("drafts");
    });
    let error = refusal(&store, &drafts_dropped, "");
    assert!(
        matches!(
            error,
            BackupError::ManifestMismatch {
                field: ManifestField::DraftsIncluded,
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn existing_company_is_refused_and_can_be_restored_as_a_copy() {
    let (store, meta) = store_with_company(10);
    let file = encrypted(&snapshot(&store, &meta.id));
    assert_eq!(
        refusal(&store, &file, PASSPHRASE),
        BackupError::CompanyExists {
            id: meta.id.clone(),
            name: "Muster GmbH".into()
        }
    );
    // Restored once (new id), the same name still counts as "exists".
    let document = backup::inspect(&file, PASSPHRASE, |_, _| {}).unwrap();
    block_on(store.delete_company(&meta.id, "Muster GmbH")).unwrap();
    let first = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::New,
        |_, _| {},
    ))
    .unwrap();
    assert!(matches!(
        refusal(&store, &file, PASSPHRASE),
        BackupError::CompanyExists { id, .. } if id == first.id
    ));
    let copy = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::AsCopy,
        |_, _| {},
    ))
    .unwrap();
    assert_eq!(copy.name, "Muster GmbH (Kopie)");
    assert_ne!(copy.id, first.id);
}

#[test]
fn replace_swaps_the_company_only_with_the_exact_confirmation() {
    let (store, meta) = store_with_company(10);
    let old = snapshot(&store, &meta.id);
    let document = backup::inspect(&plain(&old), "", |_, _| {}).unwrap();
    // The company moves on after the backup…
    block_on(async {
        let company = store.open_company(&meta.id).await.unwrap();
        let head = company.head().await.unwrap();
        company.append(&[head.seal("later".into())]).await.unwrap();
    });
    let before = stored(&store);
    let wrong = RestoreMode::Replace {
        company_id: meta.id.clone(),
        confirm_name: "muster gmbh".into(),
    };
    assert_eq!(
        block_on(backup::restore(&store, &document, wrong, |_, _| {})),
        Err(BackupError::Store(StoreError::ConfirmationMismatch))
    );
    assert_eq!(stored(&store), before);
    // …and is put back to the backup's state.
    let right = RestoreMode::Replace {
        company_id: meta.id.clone(),
        confirm_name: "Muster GmbH".into(),
    };
    let restored = block_on(backup::restore(&store, &document, right, |_, _| {})).unwrap();
    let companies = block_on(store.list_companies()).unwrap();
    assert!(companies.iter().all(|c| c.id != meta.id));
    assert_eq!(companies.len(), 2);
    assert_eq!(snapshot(&store, &restored.id).records, old.records);
}

#[test]
fn failure_halfway_through_removes_the_partial_company() {
    let (inner, meta) = store_with_company(12_000);
    let document = backup::inspect(&plain(&snapshot(&inner, &meta.id)), "", |_, _| {}).unwrap();
    assert!(document.log.len() > backup::restore::RESTORE_CHUNK);
    let store = FlakyStore {
        inner,
        appends_left: Rc::new(Cell::new(1)),
    };
    let before = stored(&store);
    for mode in [
        RestoreMode::AsCopy,
        RestoreMode::Replace {
            company_id: meta.id.clone(),
            confirm_name: "Muster GmbH".into(),
        },
    ] {
        store.appends_left.set(1);
        let result = block_on(backup::restore(&store, &document, mode, |_, _| {}));
        assert_eq!(result, Err(BackupError::Store(StoreError::QuotaExceeded)));
        assert_eq!(stored(&store), before);
    }
}

#[test]
fn document_in_memory_is_what_inspect_returns() {
    let (store, meta) = store_with_company(4);
    let original = snapshot(&store, &meta.id);
    let document: BackupDocument = backup::inspect(&plain(&original), "", |_, _| {}).unwrap();
    assert_eq!(document.log, original.records);
    assert_eq!(document.drafts, original.drafts);
    assert_eq!(document.manifest.company_id, meta.id);
    assert_eq!(document.manifest.app_version, env!("CARGO_PKG_VERSION"));
}

/// Figures, not pass/fail: `cargo test --release --test native --
/// --ignored --nocapture backup_native::timing_100k`.
#[test]
#[ignore]
fn timing_100k_entries() {
    use std::time::Instant;
    let started = Instant::now();
    let (store, meta) = store_with_company(100_000);
    let original = snapshot(&store, &meta.id);
    let body_bytes: usize = original.records.iter().map(|r| r.body.len()).sum();
    println!(
        "generated {} records ({} MB of bodies) in {:?}",
        original.records.len(),
        body_bytes / 1_000_000,
        started.elapsed()
    );
    let t = Instant::now();
    let exporter = Exporter::encrypted(&original, PASSPHRASE).unwrap();
    let key_ms = t.elapsed();
    let t = Instant::now();
    let file = exporter.finish().unwrap();
    println!(
        "export: key {key_ms:?}, rest {:?}, file {} bytes",
        t.elapsed(),
        file.len()
    );
    let t = Instant::now();
    let plain_file = plain(&original);
    println!("plain export {:?}, {} bytes", t.elapsed(), plain_file.len());
    let t = Instant::now();
    let document = backup::inspect(&file, PASSPHRASE, |_, _| {}).unwrap();
    println!("inspect (incl. key) {:?}", t.elapsed());
    let t = Instant::now();
    let restored = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::AsCopy,
        |_, _| {},
    ))
    .unwrap();
    println!("restore into memory store {:?}", t.elapsed());
    assert_eq!(
        snapshot(&store, &restored.id).records.len(),
        original.records.len()
    );
}

/// The fast open (issue 21): when storage fails during the chain check
/// (no answer), that is not damage. The command that met it stores
/// nothing; the next one checks again, and posts.
#[test]
fn a_chain_check_that_storage_failed_runs_again_on_the_next_command() {
    let (inner, meta) = store_with_company(5);
    let company = FlakyCompany {
        inner: block_on(inner.open_company(&meta.id)).unwrap(),
        appends_left: Rc::new(Cell::new(1)),
        checks_failing: Rc::new(Cell::new(1)),
    };
    let session = block_on(Session::open_deferred(company)).unwrap();
    let head = session.head();
    let draft = sample_drafts(3, 1, 4, 2026).unwrap().remove(0);
    let post = Command::Posting(PostingCommand::PostEntry { draft });
    assert!(matches!(
        block_on(session.execute(&post)),
        Err(SessionError::Store(StoreError::NoAnswer { .. }))
    ));
    assert_eq!(block_on(session.log().head()).unwrap(), head);
    block_on(session.execute(&post)).unwrap();
    assert_eq!(session.head().seq, head.seq + 1);
}

/// The in-memory store with appends that start failing after a number of
/// successes, as a full disk would.
#[derive(Clone)]
struct FlakyStore {
    inner: MemoryStore,
    appends_left: Rc<Cell<u32>>,
}

struct FlakyCompany {
    inner: <MemoryStore as Store>::Company,
    appends_left: Rc<Cell<u32>>,
    /// How many chain checks fail as if storage did not answer.
    checks_failing: Rc<Cell<u32>>,
}

impl Store for FlakyStore {
    type Company = FlakyCompany;

    async fn list_companies(&self) -> Result<Vec<CompanyMeta>, StoreError> {
        self.inner.list_companies().await
    }
    async fn create_company(&self, name: &str) -> Result<CompanyMeta, StoreError> {
        self.inner.create_company(name).await
    }
    async fn create_company_with_log(
        &self,
        name: &str,
        records: &[LogRecord],
        progress: impl FnMut(usize, usize),
    ) -> Result<CompanyMeta, StoreError> {
        if self.appends_left.get() == 0 {
            return Err(StoreError::QuotaExceeded);
        }
        self.inner
            .create_company_with_log(name, records, progress)
            .await
    }
    async fn rename_company(&self, id: &str, name: &str) -> Result<CompanyMeta, StoreError> {
        self.inner.rename_company(id, name).await
    }
    async fn delete_company(&self, id: &str, confirm_name: &str) -> Result<(), StoreError> {
        self.inner.delete_company(id, confirm_name).await
    }
    async fn open_company(&self, id: &str) -> Result<FlakyCompany, StoreError> {
        Ok(FlakyCompany {
            inner: self.inner.open_company(id).await?,
            appends_left: self.appends_left.clone(),
            checks_failing: Rc::new(Cell::new(0)),
        })
    }
    async fn persist(&self) -> Result<Persistence, StoreError> {
        self.inner.persist().await
    }
    async fn estimate(&self) -> Result<Option<StorageEstimate>, StoreError> {
        self.inner.estimate().await
    }
}

impl CompanyLog for FlakyCompany {
    async fn head(&self) -> Result<ChainHead, StoreError> {
        self.inner.head().await
    }
    async fn load(&self) -> Result<Vec<LogRecord>, StoreError> {
        self.inner.load().await
    }
    async fn load_framed(&self) -> Result<Vec<LogRecord>, StoreError> {
        self.inner.load_framed().await
    }
    async fn verify_to(&self, head: ChainHead) -> Result<(), StoreError> {
        if self.checks_failing.get() > 0 {
            self.checks_failing.set(self.checks_failing.get() - 1);
            return Err(StoreError::NoAnswer { seconds: 10 });
        }
        self.inner.verify_to(head).await
    }
    async fn read_since(&self, from: ChainHead) -> Result<Vec<LogRecord>, StoreError> {
        self.inner.read_since(from).await
    }
    async fn append(&self, records: &[LogRecord]) -> Result<ChainHead, StoreError> {
        if self.appends_left.get() == 0 {
            return Err(StoreError::QuotaExceeded);
        }
        self.appends_left.set(self.appends_left.get() - 1);
        self.inner.append(records).await
    }
    async fn get_snapshot(&self) -> Result<Option<Vec<u8>>, StoreError> {
        self.inner.get_snapshot().await
    }
    async fn put_snapshot(&self, bytes: &[u8]) -> Result<bool, StoreError> {
        self.inner.put_snapshot(bytes).await
    }
    async fn put_draft(&self, key: &str, json: &str) -> Result<(), StoreError> {
        self.inner.put_draft(key, json).await
    }
    async fn get_draft(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get_draft(key).await
    }
    async fn list_drafts(&self) -> Result<Vec<String>, StoreError> {
        self.inner.list_drafts().await
    }
    async fn delete_draft(&self, key: &str) -> Result<(), StoreError> {
        self.inner.delete_draft(key).await
    }
    async fn logins(&self) -> Result<Vec<String>, StoreError> {
        self.inner.logins().await
    }
    async fn is_locked(&self) -> Result<bool, StoreError> {
        self.inner.is_locked().await
    }
    async fn unlock(&self, login: &str, password: &str) -> Result<(), StoreError> {
        self.inner.unlock(login, password).await
    }
    async fn encrypt(&self, login: &str, new: &NewPassword<'_>) -> Result<(), StoreError> {
        self.inner.encrypt(login, new).await
    }
    async fn put_login(&self, login: &str, new: &NewPassword<'_>) -> Result<(), StoreError> {
        self.inner.put_login(login, new).await
    }
    async fn login_status(&self, login: &str) -> Result<Option<LoginStatus>, StoreError> {
        self.inner.login_status(login).await
    }
}

/// A log whose chain is intact but whose events do not fold: the fifth
/// entry no longer balances, and every record is sealed again. Returns the
/// records and the sequence number of the changed one.
fn unfoldable(records: &[LogRecord]) -> (Vec<LogRecord>, u64) {
    let at = records
        .iter()
        .filter(|r| r.body.contains("\"type\":\"entry_posted\""))
        .nth(4)
        .map(|r| r.seq)
        .unwrap();
    let bodies = records.iter().map(|r| {
        if r.seq == at {
            r.body.replacen(
                "\"side\":\"debit\",\"amount_lc\":\"",
                "\"side\":\"debit\",\"amount_lc\":\"1",
                1,
            )
        } else {
            r.body.clone()
        }
    });
    (seal_all(ChainHead::EMPTY, bodies), at)
}

#[test]
fn a_log_that_verifies_but_does_not_fold_is_refused_and_nothing_is_stored() {
    let (store, meta) = store_with_company(30);
    let mut bad = snapshot(&store, &meta.id);
    let (records, at) = unfoldable(&bad.records);
    assert_ne!(records, bad.records);
    bad.records = records;
    for file in [plain(&bad), encrypted(&bad)] {
        match refusal(&store, &file, PASSPHRASE) {
            BackupError::DoesNotFold(e) => assert_eq!(e.seq, at, "{e}"),
            other => panic!("expected DoesNotFold, got {other:?}"),
        }
    }
}

// ----- business partners, terms, open items and clearings -----

/// A company with payment terms (one with installments), partners created
/// one by one and imported, a partner's change history, invoices and
/// credit notes to a customer and a vendor (one with a typed due date), a
/// clearing, a cancelled clearing and a reversed invoice (which the engine
/// clears against its reversal): every partner and open-item event.
fn partner_company() -> (Book, Vec<LogRecord>) {
    use chrono::NaiveDate;
    use kontor::ledger::open_items::{ItemId, OpenItemsCommand, PartDraft};
    use kontor::ledger::partners::{
        Installment, Partner, PartnerKind, PartnersCommand, PaymentTerms,
    };
    use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
    use kontor::ledger::sample::sample_setup;
    use kontor::ledger::types::{AccountNo, EntryId, PartnerCode, Side, Timestamp};
    use kontor::ledger::{Command, Event};
    use rust_decimal_macros::dec;

    let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).unwrap();
    let at = Timestamp::at(d(1, 2), 9, 0, 0).unwrap();
    let code = |c: &str| PartnerCode::parse(c).unwrap();
    let a = |n: &str| AccountNo::parse(n).unwrap();
    let (mut book, mut events): (Book, Vec<Event>) = Book::set_up(&sample_setup(2024)).unwrap();
    let mut rates = PaymentTerms::net("R2", 30);
    rates.installments = vec![
        Installment {
            percent: dec!(40),
            days: 0,
        },
        Installment {
            percent: dec!(60),
            days: 30,
        },
    ];
    let mut customer = Partner::new(code("10001"), PartnerKind::Customer, "Bäckerei Krüger KG");
    customer.payment_terms = Some("R2".into());
    let mut renamed = customer.clone();
    renamed.name = "Bäckerei Krüger GmbH".into();
    let post = |date, reference: &str, lines| {
        let mut draft = EntryDraft::new(date, "anna", lines);
        draft.reference = reference.into();
        Command::from(PostingCommand::PostEntry { draft })
    };
    let item = |entry, installment| ItemId {
        entry: EntryId(entry),
        line: 0,
        installment,
    };
    let mut due_typed = LineDraft::partner(code("70001"), Side::Credit, dec!(300.00));
    due_typed.due_date = Some(d(4, 30));
    let commands: Vec<Command> = vec![
        PartnersCommand::CreatePaymentTerms {
            terms: PaymentTerms::net("N30", 30),
        }
        .into(),
        PartnersCommand::CreatePaymentTerms { terms: rates }.into(),
        PartnersCommand::CreatePartner {
            partner: Box::new(customer),
            by: "anna".into(),
            at,
        }
        .into(),
        PartnersCommand::ImportPartners {
            partners: vec![
                Partner::new(code("10002"), PartnerKind::Customer, "Café Lind"),
                Partner::new(code("70001"), PartnerKind::Vendor, "Mühle Weber GmbH"),
            ],
            by: "ben".into(),
            at,
        }
        .into(),
        PartnersCommand::UpdatePartner {
            partner: Box::new(renamed),
            by: "ben".into(),
            at,
        }
        .into(),
        // Entry 1: invoice in two installments; 2: credit note; 3: vendor
        // invoice with a due date; 4: invoice to 10002, reversed by 5.
        post(
            d(3, 1),
            "AR-1",
            vec![
                LineDraft::partner(code("10001"), Side::Debit, dec!(1000.00)),
                LineDraft::credit_lc(a("8400"), dec!(1000.00)),
            ],
        ),
        post(
            d(3, 5),
            "GS-1",
            vec![
                LineDraft::partner(code("10001"), Side::Credit, dec!(400.00)),
                LineDraft::debit_lc(a("8400"), dec!(400.00)),
            ],
        ),
        post(
            d(3, 7),
            "ER-1",
            vec![due_typed, LineDraft::debit_lc(a("3400"), dec!(300.00))],
        ),
        post(
            d(3, 9),
            "AR-2",
            vec![
                LineDraft::partner(code("10002"), Side::Debit, dec!(50.00)),
                LineDraft::credit_lc(a("8400"), dec!(50.00)),
            ],
        ),
        PostingCommand::ReverseEntry {
            entry: EntryId(4),
            date: None,
            user: "anna".into(),
        }
        .into(),
        OpenItemsCommand::ClearItems {
            partner: code("10001"),
            date: d(3, 10),
            parts: vec![
                PartDraft {
                    item: item(1, 0),
                    amount_lc: None,
                },
                PartDraft {
                    item: item(2, 0),
                    amount_lc: None,
                },
            ],
            by: "anna".into(),
            at,
        }
        .into(),
        OpenItemsCommand::CancelClearing {
            number: 2,
            by: "ben".into(),
            at,
        }
        .into(),
        OpenItemsCommand::ClearItems {
            partner: code("10001"),
            date: d(3, 11),
            parts: vec![
                PartDraft {
                    item: item(1, 1),
                    amount_lc: Some(dec!(400.00)),
                },
                PartDraft {
                    item: item(2, 0),
                    amount_lc: None,
                },
            ],
            by: "anna".into(),
            at,
        }
        .into(),
    ];
    for cmd in &commands {
        events.extend(
            book.execute(cmd)
                .unwrap_or_else(|e| panic!("{cmd:?}: {e:?}")),
        );
    }
    let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
    (book, records)
}

#[test]
fn partners_open_items_and_clearings_survive_backup_and_restore() {
    use chrono::NaiveDate;
    use kontor::ledger::partners::PartnerKind;
    use kontor::ledger::report::{DEFAULT_AGING_BOUNDS, OpenItemsFilter, PartnerListFilter};
    use kontor::ledger::types::PartnerCode;

    let (book, records) = partner_company();
    // The company has what the test is about.
    let oi = book.open_items();
    assert_eq!(book.partners().len(), 3);
    assert_eq!(oi.clearings().len(), 3, "reversal, cancelled, valid");
    assert!(oi.clearings()[1].cancelled.is_some());
    assert!(oi.items().iter().any(|i| i.id.installment == 1));
    let store = MemoryStore::new();
    let meta = block_on(async {
        let meta = store.create_company("Partner GmbH").await.unwrap();
        let company = store.open_company(&meta.id).await.unwrap();
        company.append(&records).await.unwrap();
        meta
    });
    let file = encrypted(&snapshot(&store, &meta.id));
    block_on(store.delete_company(&meta.id, "Partner GmbH")).unwrap();
    let document = backup::inspect(&file, PASSPHRASE, |_, _| {}).unwrap();
    let restored = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::New,
        |_, _| {},
    ))
    .unwrap();
    let (again, _) = restored_book(&store, &restored.id);

    assert_eq!(again, book);
    let as_of = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap();
    let list = PartnerListFilter {
        kind: None,
        as_of,
        search: String::new(),
        active_only: false,
    };
    assert_eq!(again.partner_list(&list), book.partner_list(&list));
    for kind in [PartnerKind::Customer, PartnerKind::Vendor] {
        let filter = OpenItemsFilter::new(kind, as_of);
        let (before, after) = (
            book.open_items_report(&filter),
            again.open_items_report(&filter),
        );
        assert_eq!(after.rows, before.rows);
        assert_eq!(after.open_lc, before.open_lc);
        let aging = again.aging(kind, as_of, &DEFAULT_AGING_BOUNDS).unwrap();
        assert_eq!(aging.difference, rust_decimal::Decimal::ZERO);
    }
    assert_eq!(again.open_items().items(), book.open_items().items());
    assert_eq!(
        again.open_items().clearings(),
        book.open_items().clearings()
    );
    let code = PartnerCode::parse("10001").unwrap();
    let history = again.partner_record(code).unwrap();
    assert_eq!(history, book.partner_record(code).unwrap());
    assert_eq!(history.changes.len(), 1, "{history:?}");
    assert_eq!(again.partners().terms("R2"), book.partners().terms("R2"));
}

// ----- payments and their settings -----

/// The demo year pays its invoices through payments (some with cash
/// discount) under the template's payment settings; one payment is
/// cancelled on top. All of it comes back from a backup: the same Book,
/// payments with their status, settings, clearings.
#[test]
fn payments_settings_and_cancellations_survive_backup_and_restore() {
    use kontor::demo::{self, DEMO_USER, DemoSpec};
    use kontor::ledger::Command;
    use kontor::ledger::payments::PaymentsCommand;
    use kontor::ledger::types::Timestamp;

    let (mut book, mut events) = demo::build(&DemoSpec::one_year(2024), |_, _| {}).unwrap();
    let last = book.payments().payments().last().unwrap().payment.clone();
    let cancel = Command::Payments(PaymentsCommand::Cancel {
        number: last.number,
        date: None,
        by: DEMO_USER.into(),
        at: Timestamp::at_midnight(last.date),
    });
    events.extend(book.execute(&cancel).unwrap());
    assert!(
        book.payments()
            .payments()
            .iter()
            .any(|p| p.cancelled.is_some())
    );
    let discounted = book
        .payments()
        .payments()
        .iter()
        .filter(|p| p.payment.items.iter().any(|i| !i.discount.is_zero()))
        .count();
    assert!(discounted > 0);
    let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
    let store = MemoryStore::new();
    let meta = block_on(async {
        let meta = store.create_company("Demo").await.unwrap();
        let company = store.open_company(&meta.id).await.unwrap();
        company.append(&records).await.unwrap();
        meta
    });
    let file = encrypted(&snapshot(&store, &meta.id));
    let document = backup::inspect(&file, PASSPHRASE, |_, _| {}).unwrap();
    let restored = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::AsCopy,
        |_, _| {},
    ))
    .unwrap();
    let (again, _) = restored_book(&store, &restored.id);
    assert_eq!(again, book);
    assert_eq!(again.payments(), book.payments());
    assert_eq!(again.payments().settings(), book.payments().settings());
    assert_eq!(
        again.open_items().clearings(),
        book.open_items().clearings()
    );
}

// ----- bank statements -----

/// A house bank, a rule, an imported file whose bytes are no text (a ZIP
/// signature, NUL and 0xFF bytes) and a posted statement line: all of it
/// comes back from a backup, byte for byte and line for line.
#[test]
fn house_banks_rules_files_and_posted_lines_survive_backup_and_restore() {
    use chrono::NaiveDate;
    use kontor::ledger::bank::{
        BankCommand, BankLine, Conditions, HouseBank, LinePosting, LineRef, Rule, RuleAction,
        RuleSplit, Share, StatementDraft,
    };
    use kontor::ledger::payments::{Direction, GlLineDraft, Means, MeansDraft, PaymentDraft};
    use kontor::ledger::sample::sample_setup;
    use kontor::ledger::types::{AccountNo, Currency, Timestamp};
    use rust_decimal_macros::dec;

    let date = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
    let at = Timestamp::at(date, 9, 0, 0).unwrap();
    let a = |n| AccountNo::parse(n).unwrap();
    let eur = Currency::parse("EUR").unwrap();
    let (mut book, mut events) = Book::set_up(&sample_setup(2024)).unwrap();
    let bytes: Vec<u8> = b"PK\x03\x04\x00\xff\xfe camt"
        .iter()
        .copied()
        .chain(0..=255u8)
        .collect();
    let line = BankLine {
        booking_date: date,
        value_date: date,
        amount: dec!(-12.50),
        currency: eur,
        counterparty: "Sparkasse".into(),
        iban: String::new(),
        bic: String::new(),
        purpose: "Kontoführung".into(),
        creditor_reference: String::new(),
        end_to_end_id: String::new(),
        mandate_id: String::new(),
        bank_reference: "B1".into(),
        transaction_code: String::new(),
        key: "ref:B1".into(),
    };
    let mut commands: Vec<BankCommand> = vec![
        BankCommand::SaveHouseBank {
            bank: Box::new(HouseBank {
                code: "SPK".into(),
                name: "Sparkasse".into(),
                account: a("1200"),
                iban: "DE89370400440532013000".into(),
                bic: String::new(),
                currency: eur,
                suspense_account: Some(a("1360")),
                csv_mapping: Some(r#"{"delimiter":";"}"#.into()),
            }),
            by: "anna".into(),
            at,
        },
        BankCommand::SaveRule {
            rule: Box::new(Rule {
                id: 0,
                name: "Gebühren".into(),
                conditions: Conditions {
                    name_contains: "Sparkasse".into(),
                    ..Conditions::default()
                },
                action: RuleAction::Gl(vec![RuleSplit {
                    account: a("4970"),
                    tax_code: None,
                    centre: None,
                    share: Share::Rest,
                }]),
                learned: true,
            }),
            by: "anna".into(),
            at,
        },
        BankCommand::Import {
            house_bank: None,
            file_name: "auszug.zip".into(),
            bytes: bytes.clone(),
            statements: vec![StatementDraft {
                iban: "DE89370400440532013000".into(),
                statement_id: "S1".into(),
                sequence_no: "1".into(),
                format: "camt.053.001.08".into(),
                intraday: false,
                currency: eur,
                opening: None,
                closing: None,
                lines: vec![line],
            }],
            by: "anna".into(),
            at,
        },
    ];
    for cmd in commands.drain(..) {
        events.extend(book.execute(&cmd.into()).unwrap());
    }
    let here = LineRef {
        statement: 1,
        line: 0,
    };
    let draft = PaymentDraft {
        direction: Direction::Outgoing,
        partner: None,
        posting_date: date,
        document_date: None,
        currency: None,
        rate_fc_per_lc: None,
        items: Vec::new(),
        on_account: dec!(0),
        gl_lines: vec![GlLineDraft {
            account: a("4970"),
            amount: dec!(12.50),
            tax_code: None,
            memo: String::new(),
        }],
        means: vec![MeansDraft {
            means: Means::Transfer,
            account: Some(a("1200")),
            amount: dec!(12.50),
            reference: String::new(),
        }],
        fee: dec!(0),
        write_off: false,
        late_discount_confirmed: false,
        reference: String::new(),
        memo: String::new(),
        user: "anna".into(),
        key: book.bank().line_posting_key(here),
    };
    let post = BankCommand::PostLines {
        statement: 1,
        lines: vec![LinePosting {
            line: 0,
            draft: Box::new(draft),
        }],
        by: "anna".into(),
        at,
    };
    events.extend(book.execute(&post.into()).unwrap());
    let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
    let store = MemoryStore::new();
    let meta = block_on(async {
        let meta = store.create_company("Bank").await.unwrap();
        let company = store.open_company(&meta.id).await.unwrap();
        company.append(&records).await.unwrap();
        meta
    });
    let file = encrypted(&snapshot(&store, &meta.id));
    let document = backup::inspect(&file, PASSPHRASE, |_, _| {}).unwrap();
    let restored = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::AsCopy,
        |_, _| {},
    ))
    .unwrap();
    let (again, _) = restored_book(&store, &restored.id);
    assert_eq!(again, book);
    assert_eq!(again.bank(), book.bank());
    assert_eq!(again.bank().file(1).unwrap().bytes, bytes);
    assert_eq!(again.bank().house_banks(), book.bank().house_banks());
    assert_eq!(again.bank().rules().len(), 1);
    assert_eq!(again.bank_line_payment(here), Some(1));
}

/// A company with dunning terms, settings and an executed run whose
/// charges were posted: the restored Book is the same, with the item's
/// level history, the run's letters and the charges' open item.
#[test]
fn dunning_round_trips_through_a_backup() {
    use chrono::NaiveDate;
    use kontor::finance::interest::{DayCount, DebtorKind};
    use kontor::ledger::dunning::{
        DunningCommand, DunningLevel, DunningRunDraft, DunningSettings, DunningTerm, InterestBase,
        LetterChoice,
    };
    use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
    use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
    use kontor::ledger::sample::sample_setup;
    use kontor::ledger::types::{AccountNo, PartnerCode, PostingKey, Side, Timestamp};
    use kontor::ledger::{Command, Event};
    use rust_decimal_macros::dec;

    let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
    let at = Timestamp::at(day(1, 2), 9, 0, 0).unwrap();
    let code = PartnerCode::parse("10001").unwrap();
    let (mut book, mut events) = Book::set_up(&sample_setup(2024)).unwrap();
    let mut customer = Partner::new(code, PartnerKind::Customer, "Bäckerei Krüger KG");
    customer.dunning_term = "M1".into();
    let invoice = EntryDraft::new(
        day(5, 16),
        "anna",
        vec![
            LineDraft {
                due_date: Some(day(6, 15)),
                ..LineDraft::partner(code, Side::Debit, dec!(1190.00))
            },
            LineDraft::credit_lc(AccountNo::parse("8400").unwrap(), dec!(1190.00)),
        ],
    );
    let term = DunningTerm {
        code: "M1".into(),
        name: "Mahnverfahren".into(),
        levels: vec![DunningLevel {
            days_after_due: 14,
            fee: dec!(5.00),
            min_balance: dec!(0),
            interest: true,
            text_de: "Bitte zahlen Sie.".into(),
            text_en: "Please pay.".into(),
        }],
        group_items: true,
        interest_base: InterestBase::Remaining,
        day_count: DayCount::Act365,
        debtor: DebtorKind::Business,
        flat_fee: true,
    };
    let commands: Vec<Command> = vec![
        PartnersCommand::CreatePartner {
            partner: Box::new(customer),
            by: "anna".into(),
            at,
        }
        .into(),
        PostingCommand::PostEntry { draft: invoice }.into(),
        DunningCommand::SaveTerm {
            term: Box::new(term),
            by: "anna".into(),
            at,
        }
        .into(),
        DunningCommand::SetSettings {
            settings: Box::new(DunningSettings {
                fee_account: Some(AccountNo::parse("2700").unwrap()),
                interest_account: Some(AccountNo::parse("2650").unwrap()),
                base_rates: None,
            }),
            by: "anna".into(),
            at,
        }
        .into(),
        DunningCommand::Execute {
            draft: Box::new(DunningRunDraft {
                date: day(7, 15),
                letters: vec![LetterChoice {
                    partner: code,
                    items: Vec::new(),
                }],
                post_charges: true,
                user: "anna".into(),
                key: PostingKey(42),
            }),
            at,
        }
        .into(),
    ];
    for cmd in &commands {
        events.extend(book.execute(cmd).unwrap());
    }
    assert!(matches!(events.last(), Some(Event::Dunning(_))));
    let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
    let store = MemoryStore::new();
    let meta = block_on(async {
        let meta = store.create_company("Mahn GmbH").await.unwrap();
        let company = store.open_company(&meta.id).await.unwrap();
        company.append(&records).await.unwrap();
        meta
    });
    let document = backup::inspect(
        &encrypted(&snapshot(&store, &meta.id)),
        PASSPHRASE,
        |_, _| {},
    )
    .unwrap();
    let restored = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::AsCopy,
        |_, _| {},
    ))
    .unwrap();
    let (again, _) = restored_book(&store, &restored.id);
    assert_eq!(again, book);
    let run = again.dunning().run(1).unwrap();
    let item = run.letters[0].letter.items[0].item;
    assert_eq!(again.dunning().level(item), 1);
    // Fee 5.00 + flat fee 40 + interest (30 days, see ledger_dunning.rs)
    // 12.22 = 57.22, open on the customer since the run date.
    let charges = run.letters[0].entry.unwrap();
    let open: Vec<_> = again
        .open_items()
        .items_of(code)
        .filter(|i| i.id.entry == charges)
        .map(|i| (i.due_date, i.open_lc))
        .collect();
    assert_eq!(open, vec![(day(7, 15), dec!(57.22))]);
}

/// A company whose log holds an executed payment run with its SEPA file
/// (the v1 corpus, which ends with one) comes back from a backup with
/// the run, its status, its payment and the file's bytes.
#[test]
fn a_payment_run_with_its_file_survives_backup_and_restore() {
    let corpus = include_str!("fixtures/events/v1-corpus.jsonl");
    let records = seal_all(ChainHead::EMPTY, corpus.lines().map(str::to_string));
    let expected = Book::replay(&records).unwrap();
    let run = expected
        .payment_runs()
        .run(2)
        .expect("the corpus ends with executed run 2")
        .clone();
    assert_eq!(run.files.len(), 1);
    let store = MemoryStore::new();
    let meta = block_on(async {
        let meta = store.create_company("Lauf GmbH").await.unwrap();
        let company = store.open_company(&meta.id).await.unwrap();
        company.append(&records).await.unwrap();
        meta
    });
    let file = encrypted(&snapshot(&store, &meta.id));
    let document = backup::inspect(&file, PASSPHRASE, |_, _| {}).unwrap();
    block_on(store.delete_company(&meta.id, "Lauf GmbH")).unwrap();
    let restored = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::New,
        |_, _| {},
    ))
    .unwrap();
    let (book, _) = restored_book(&store, &restored.id);
    assert_eq!(book, expected);
    assert_eq!(book.payment_runs().run(2), Some(&run));
}

// ----- items and price lists (issue 20) -----

/// A company with an item group, items (saved and imported, one changed
/// since), base and derived lists with hand-set prices, a partner's
/// special price with quantity breaks, a discount group and the partner's
/// pricing survives backup and restore: the same Book, the same items
/// sub-ledger with its change history.
#[test]
fn items_price_lists_and_special_prices_survive_backup_and_restore() {
    use chrono::NaiveDate;
    use kontor::ledger::Command;
    use kontor::ledger::items::{
        DiscountGroup, Item, ItemAccounts, ItemGroup, ItemsCommand, ListBasis, PartnerPricing,
        PriceEntry, PriceList, PriceScope, PriceValue, QuantityBreak, Rounding, SpecialPrice,
        UnitCode,
    };
    use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
    use kontor::ledger::sample::sample_setup;
    use kontor::ledger::types::{AccountNo, Currency, PartnerCode, Timestamp};
    use rust_decimal_macros::dec;

    let day = NaiveDate::from_ymd_opt(2026, 2, 2).unwrap();
    let at = Timestamp::at(day, 10, 0, 0).unwrap();
    let customer = PartnerCode::parse("10001").unwrap();
    let (mut book, mut events) = Book::set_up(&sample_setup(2026)).unwrap();
    let a = |n| Some(AccountNo::parse(n).unwrap());
    let item = |code: &str, price| Item {
        code: code.into(),
        description_de: format!("Artikel {code}"),
        description_en: String::new(),
        group: "HW".into(),
        unit: UnitCode::parse("KGM").unwrap(),
        sales: true,
        purchase: false,
        accounts: ItemAccounts::default(),
        default_price: price,
        active: true,
        remarks: String::new(),
    };
    let mut changed = item("A-1", dec!(2.5));
    changed.active = false;
    let list = |number, basis| PriceList {
        number,
        name: format!("Liste {number}"),
        basis,
        currency: Currency::EUR,
        active: true,
    };
    let derived = ListBasis::Derived {
        base: 1,
        factor: dec!(0.85),
        rounding: Rounding::default(),
    };
    let discount = |p| PriceValue::Discount { percent: p };
    let commands: Vec<Command> = vec![
        PartnersCommand::CreatePartner {
            partner: Box::new(Partner::new(customer, PartnerKind::Customer, "Kunde")),
            by: "anna".into(),
            at,
        }
        .into(),
        ItemsCommand::SaveGroup {
            group: ItemGroup {
                code: "HW".into(),
                name_de: "Handelswaren".into(),
                name_en: String::new(),
                accounts: ItemAccounts {
                    revenue: [a("8400"), a("8125"), None],
                    sales_tax: Some("U19".into()),
                    ..ItemAccounts::default()
                },
            },
            by: "anna".into(),
            at,
        }
        .into(),
        ItemsCommand::SaveItem {
            item: Box::new(item("A-1", dec!(2.5))),
            by: "anna".into(),
            at,
        }
        .into(),
        ItemsCommand::ImportItems {
            items: vec![item("B-1", dec!(10)), item("B-2", dec!(0.1234))],
            by: "ben".into(),
            at,
        }
        .into(),
        ItemsCommand::SaveItem {
            item: Box::new(changed),
            by: "ben".into(),
            at,
        }
        .into(),
        ItemsCommand::SavePriceList {
            list: list(1, ListBasis::Own),
        }
        .into(),
        ItemsCommand::SavePriceList {
            list: list(2, derived),
        }
        .into(),
        ItemsCommand::SetPrices {
            prices: vec![PriceEntry {
                list: 2,
                item: "B-1".into(),
                currency: Currency::EUR,
                from: Some(day),
                price: Some(dec!(7.99)),
            }],
        }
        .into(),
        ItemsCommand::SaveSpecial {
            special: SpecialPrice {
                id: 0,
                scope: PriceScope::Partner(customer),
                item: "B-1".into(),
                valid_from: Some(day),
                valid_to: None,
                value: discount(dec!(3)),
                breaks: vec![QuantityBreak {
                    from: dec!(50),
                    value: discount(dec!(6)),
                }],
            },
        }
        .into(),
        ItemsCommand::SaveDiscountGroup {
            group: DiscountGroup {
                code: "RG1".into(),
                name: "Händler".into(),
                discounts: vec![("HW".into(), dec!(2))],
            },
        }
        .into(),
        ItemsCommand::SetPartnerPricing {
            partner: customer,
            pricing: PartnerPricing {
                list: Some(2),
                discount_group: Some("RG1".into()),
            },
        }
        .into(),
    ];
    for cmd in &commands {
        events.extend(
            book.execute(cmd)
                .unwrap_or_else(|e| panic!("{cmd:?}: {e:?}")),
        );
    }
    let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
    // The company has what the test is about.
    assert_eq!(book.items().items().count(), 3);
    assert_eq!(book.items().item("A-1").unwrap().changes.len(), 1);
    assert_eq!(book.items().specials().count(), 1);

    let store = MemoryStore::new();
    let meta = block_on(async {
        let meta = store.create_company("Artikel GmbH").await.unwrap();
        let company = store.open_company(&meta.id).await.unwrap();
        company.append(&records).await.unwrap();
        meta
    });
    let file = encrypted(&snapshot(&store, &meta.id));
    block_on(store.delete_company(&meta.id, "Artikel GmbH")).unwrap();
    let document = backup::inspect(&file, PASSPHRASE, |_, _| {}).unwrap();
    let restored = block_on(backup::restore(
        &store,
        &document,
        RestoreMode::New,
        |_, _| {},
    ))
    .unwrap();
    let (again, _) = restored_book(&store, &restored.id);
    assert_eq!(again.items(), book.items());
    assert_eq!(again, book);
    let pricing = again.items().partner_pricing(customer);
    assert_eq!(pricing.discount_group.as_deref(), Some("RG1"));
}
