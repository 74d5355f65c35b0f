//! The books encrypted at rest in real IndexedDB (issue 18): the suite's
//! journey, the raw database searched for plaintext, and encryption in
//! place interrupted before its commit.

use crate::conformance::{self as suite, PLAINTEXT_MARKERS, sample_records};
use crate::{raw, unique_namespace};
use kontor::ledger::chain::ChainHead;
use kontor::store::idb::Finish;
use kontor::store::{CompanyLog, IdbStore, Store, StoreError};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn key_copies_keep_the_password_policy() {
    let namespace = unique_namespace("policy");
    suite::key_copies_keep_the_password_policy(|| IdbStore::new(&namespace)).await;
}

#[wasm_bindgen_test]
async fn encrypted_company_holds_no_plaintext_in_indexeddb() {
    let namespace = unique_namespace("encrypted");
    let id =
        suite::encrypted_company_opens_only_with_a_password(|| IdbStore::new(&namespace)).await;
    let texts = raw::all_texts(&IdbStore::new(&namespace).company_db_name(&id)).await;
    assert!(texts.len() > 4, "{} stored texts", texts.len());
    for text in texts {
        for marker in PLAINTEXT_MARKERS {
            assert!(!text.contains(marker), "{marker} in raw IndexedDB");
        }
    }
}

#[wasm_bindgen_test]
async fn interrupted_encryption_leaves_the_company_as_it_was() {
    let store = IdbStore::new(&unique_namespace("encrypt-abort"));
    let meta = store.create_company("A").await.unwrap();
    let company = store.open_company(&meta.id).await.unwrap();
    let records = sample_records(ChainHead::EMPTY, 2_300);
    company.append(&records).await.unwrap();
    company.put_draft("voucher/1", "{\"a\":1}").await.unwrap();
    let before = raw::all_texts(&store.company_db_name(&meta.id)).await;
    assert_eq!(
        company
            .encrypt_then("anna", &suite::own("Sommer2026!"), Finish::Abort)
            .await,
        Err(StoreError::Aborted)
    );
    drop(company);
    assert_eq!(
        raw::all_texts(&store.company_db_name(&meta.id)).await,
        before
    );
    let reopened = store.open_company(&meta.id).await.unwrap();
    assert!(!reopened.is_locked().await.unwrap());
    assert!(reopened.logins().await.unwrap().is_empty());
    assert_eq!(reopened.load().await.unwrap(), records);
    assert_eq!(
        reopened.get_draft("voucher/1").await.unwrap().as_deref(),
        Some("{\"a\":1}")
    );
    // And a second, uninterrupted try seals it.
    reopened
        .encrypt("anna", &suite::own("Sommer2026!"))
        .await
        .unwrap();
    let locked = store.open_company(&meta.id).await.unwrap();
    assert_eq!(locked.load().await, Err(StoreError::Locked));
}

#[wasm_bindgen_test]
async fn a_moved_sealed_block_is_refused_with_its_number() {
    let store = IdbStore::new(&unique_namespace("encrypt-move"));
    let meta = store.create_company("A").await.unwrap();
    let company = store.open_company(&meta.id).await.unwrap();
    company
        .append(&sample_records(ChainHead::EMPTY, 2_100))
        .await
        .unwrap();
    company
        .encrypt("anna", &suite::own("Sommer2026!"))
        .await
        .unwrap();
    let db = store.company_db_name(&meta.id);
    let first = raw::read_block(&db, 0).await;
    raw::write_block(&db, 1, &first).await;
    let reopened = store.open_company(&meta.id).await.unwrap();
    reopened.unlock("anna", "Sommer2026!").await.unwrap();
    assert_eq!(
        reopened.load().await,
        Err(StoreError::BlockRefused { block: 1 })
    );
}
