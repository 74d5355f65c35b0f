//! The store's behavioural suite against the in-memory twin, plus the
//! old-encoding fixture loaded through the same decoding code the browser
//! uses.

use futures::executor::block_on;
use kontor::ledger::chain::{ChainHead, verify_chain};
#[path = "common/conformance.rs"]
mod conformance;
use conformance as suite;
use kontor::store::{CompanyLog, MemoryStore, Store, StoreError};

fn twin() -> impl Fn() -> MemoryStore {
    let store = MemoryStore::new();
    move || store.clone()
}

#[test]
fn registry_creates_lists_and_renames() {
    block_on(suite::registry_creates_lists_and_renames(twin()));
}

#[test]
fn appended_records_read_back_after_reload() {
    block_on(suite::appended_records_read_back_after_reload(twin()));
}

#[test]
fn sequence_is_gapless_across_blocks() {
    block_on(suite::sequence_is_gapless_across_blocks(twin()));
}

#[test]
fn framed_load_then_chain_check_equals_verified_load() {
    block_on(suite::framed_load_then_chain_check_equals_verified_load(
        twin(),
    ));
}

#[test]
fn a_snapshot_is_kept_plain_or_sealed() {
    block_on(suite::a_snapshot_is_kept_plain_or_sealed(twin()));
}

#[test]
fn stale_writer_gets_a_conflict_and_leaves_no_trace() {
    block_on(suite::stale_writer_gets_a_conflict_and_leaves_no_trace(
        twin(),
    ));
}

#[test]
fn company_created_with_its_log_is_all_or_nothing() {
    let store = MemoryStore::new();
    let same = store.clone();
    block_on(suite::company_created_with_its_log_is_all_or_nothing(
        move || same.clone(),
    ));
    // The twin also shows that no database of the failed company is left.
    assert_eq!(store.database_count(), 1);
}

#[test]
fn broken_append_leaves_no_trace() {
    block_on(suite::broken_append_leaves_no_trace(twin()));
}

#[test]
fn second_tab_catches_up_with_read_since() {
    block_on(suite::second_tab_catches_up_with_read_since(twin()));
}

#[test]
fn drafts_survive_reload_and_stay_out_of_the_log() {
    block_on(suite::drafts_survive_reload_and_stay_out_of_the_log(twin()));
}

#[test]
fn delete_needs_the_name_and_removes_everything() {
    block_on(suite::delete_needs_the_name_and_removes_everything(twin()));
}

#[test]
fn storage_reports_persistence() {
    block_on(suite::storage_reports_persistence(twin()));
}

#[test]
fn tampered_block_is_refused_on_open() {
    block_on(async {
        let store = MemoryStore::new();
        let meta = store.create_company("Tamper GmbH").await.unwrap();
        let company = store.open_company(&meta.id).await.unwrap();
        let records = suite::sample_records(ChainHead::EMPTY, 1_200);
        company.append(&records).await.unwrap();
        let mut changed = records[..1_000].to_vec();
        changed[456].body = changed[456].body.replace("1200", "1201");
        store.overwrite_block(&meta.id, 0, kontor::store::blocks::encode_block(&changed));
        assert_eq!(
            company.load().await,
            Err(StoreError::BrokenChain { seq: 457 })
        );
    });
}

const FIXTURE_V1: &str = include_str!("fixtures/store/log-encoding-v1.json");

#[test]
fn v1_fixture_verifies_with_the_chain_of_today() {
    let records = suite::fixture_records(FIXTURE_V1);
    assert_eq!(records.len(), 5);
    assert_eq!(verify_chain(ChainHead::EMPTY, &records).unwrap().seq, 5);
}

#[test]
fn log_in_encoding_v1_opens_and_extends() {
    block_on(async {
        let store = MemoryStore::new();
        let meta = store.create_company("Altbestand GmbH").await.unwrap();
        store.write_raw(&meta.id, &suite::fixture_layout(FIXTURE_V1));
        suite::old_encoding_opens_and_extends(|| store.clone(), &meta.id, FIXTURE_V1).await;
    });
}

#[test]
fn key_copies_keep_the_password_policy() {
    let store = MemoryStore::new();
    block_on(suite::key_copies_keep_the_password_policy(move || {
        store.clone()
    }));
}

#[test]
fn encrypted_company_opens_only_with_a_password() {
    let store = MemoryStore::new();
    let id = block_on(suite::encrypted_company_opens_only_with_a_password({
        let store = store.clone();
        move || store.clone()
    }));
    // The markers are in what was written, so their absence means sealed.
    let body = suite::sample_body(5);
    for marker in &suite::PLAINTEXT_MARKERS[..3] {
        assert!(body.contains(marker), "{marker}");
    }
    assert!(body.contains(suite::PLAINTEXT_MARKERS[4]));
    let raw = store.raw_texts(&id);
    assert!(raw.len() > 3);
    for text in raw {
        for marker in suite::PLAINTEXT_MARKERS {
            assert!(!text.contains(marker), "{marker} in raw storage");
        }
    }
}

#[test]
fn a_changed_or_moved_sealed_block_is_refused_by_number() {
    let store = MemoryStore::new();
    let meta = block_on(store.create_company("A")).unwrap();
    let company = block_on(store.open_company(&meta.id)).unwrap();
    block_on(company.append(&suite::sample_records(ChainHead::EMPTY, 2_500))).unwrap();
    block_on(company.encrypt("anna", &suite::own("Sommer2026!"))).unwrap();
    let raw = store.raw_texts(&meta.id);
    // Block 0 copied over block 1: authentic, but not here.
    store.overwrite_block(&meta.id, 1, raw[0].clone());
    assert_eq!(
        block_on(company.load()),
        Err(StoreError::BlockRefused { block: 1 })
    );
    // One character of block 0's ciphertext changed.
    let mut changed = raw[0].clone();
    let at = changed.len() - 10;
    let c = if &changed[at..at + 1] == "A" {
        "B"
    } else {
        "A"
    };
    changed.replace_range(at..at + 1, c);
    store.overwrite_block(&meta.id, 0, changed);
    assert_eq!(
        block_on(company.load()),
        Err(StoreError::BlockRefused { block: 0 })
    );
    // A plaintext block slipped into the encrypted company.
    let plain = kontor::store::blocks::encode_block(&suite::sample_records(ChainHead::EMPTY, 1));
    store.overwrite_block(&meta.id, 0, plain);
    assert_eq!(
        block_on(company.load()),
        Err(StoreError::UnsealedBlock { block: 0 })
    );
}
