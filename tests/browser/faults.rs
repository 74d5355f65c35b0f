//! Faults only a real browser produces: an aborted transaction, tampered
//! bytes in storage, a database from a newer Kontor, an old encoding.

use crate::conformance::{fixture_layout, old_encoding_opens_and_extends, sample_records};
use crate::{raw, unique_namespace};
use kontor::ledger::chain::ChainHead;
use kontor::store::idb::Finish;
use kontor::store::{CompanyLog, IdbStore, Store, StoreError};
use wasm_bindgen_test::wasm_bindgen_test;

const FIXTURE_V1: &str = include_str!("../fixtures/store/log-encoding-v1.json");

async fn company_with(store: &IdbStore, records: u64) -> (String, ChainHead) {
    let meta = store.create_company("Fault GmbH").await.unwrap();
    let company = store.open_company(&meta.id).await.unwrap();
    let head = company
        .append(&sample_records(ChainHead::EMPTY, records))
        .await
        .unwrap();
    (meta.id, head)
}

#[wasm_bindgen_test]
async fn append_aborted_after_its_writes_stores_nothing() {
    let store = IdbStore::new(&unique_namespace("abort"));
    let (id, head) = company_with(&store, 990).await;
    let company = store.open_company(&id).await.unwrap();
    // 20 records: rewrites the tail block and starts a new one, then aborts.
    let more = sample_records(head, 20);
    assert_eq!(
        company.append_then(&more, Finish::Abort).await,
        Err(StoreError::Aborted)
    );
    drop(company);
    let reopened = store.open_company(&id).await.unwrap();
    assert_eq!(reopened.head().await.unwrap(), head);
    assert_eq!(reopened.load().await.unwrap().len(), 990);
    assert_eq!(reopened.append(&more).await.unwrap().seq, 1_010);
}

#[wasm_bindgen_test]
async fn tampered_stored_record_is_detected_on_open() {
    let store = IdbStore::new(&unique_namespace("tamper"));
    let (id, _) = company_with(&store, 1_500).await;
    let db_name = store.company_db_name(&id);
    let block = raw::read_block(&db_name, 0).await;
    // Record 457's body says account 1200 … change one digit of its amount.
    let marker = "\"no\":457,";
    let at = block.find(marker).expect("record 457 in block 0");
    let amount_at = at + block[at..].find("\"debit_lc\":\"").unwrap() + 12;
    let mut bytes = block.into_bytes();
    bytes[amount_at] = if bytes[amount_at] == b'9' { b'8' } else { b'9' };
    let tampered = String::from_utf8(bytes).unwrap();
    raw::write_block(&db_name, 0, &tampered).await;

    let company = store.open_company(&id).await.unwrap();
    assert_eq!(
        company.load().await,
        Err(StoreError::BrokenChain { seq: 457 })
    );
}

#[wasm_bindgen_test]
async fn newer_schema_is_refused_and_left_untouched() {
    let store = IdbStore::new(&unique_namespace("newer"));
    let (id, _) = company_with(&store, 3).await;
    let db_name = store.company_db_name(&id);
    raw::upgrade_to(&db_name, 7).await;

    assert!(matches!(
        store.open_company(&id).await,
        Err(StoreError::NewerSchema {
            found: 7,
            supported: 2
        })
    ));
    let db = raw::open(&db_name).await;
    assert_eq!(db.version() as u32, 7);
    db.close();
    assert!(
        raw::read_block(&db_name, 0)
            .await
            .starts_with("KONTOR-LOG-BLOCK 2\n1 ")
    );
}

#[wasm_bindgen_test]
async fn log_in_encoding_v1_opens_and_extends() {
    let namespace = unique_namespace("v1");
    let store = IdbStore::new(&namespace);
    let meta = store.create_company("Altbestand GmbH").await.unwrap();
    raw::write_layout(
        &store.company_db_name(&meta.id),
        &fixture_layout(FIXTURE_V1),
    )
    .await;
    old_encoding_opens_and_extends(|| IdbStore::new(&namespace), &meta.id, FIXTURE_V1).await;
}
