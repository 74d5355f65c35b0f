//! Connections between tabs: a tab lets go of a company's database when
//! another tab upgrades or deletes it, and an open that another tab holds
//! up is told as such after a while instead of waiting for ever.

use crate::conformance::sample_records;
use crate::unique_namespace;
use indexed_db_futures::database::Database;
use kontor::ledger::chain::ChainHead;
use kontor::store::{CompanyLog, IdbStore, Store, StoreError};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn an_open_company_lets_go_when_another_tab_deletes_it() {
    let store = IdbStore::new(&unique_namespace("letgo")).answering_within(5);
    let meta = store.create_company("Loslassen GmbH").await.unwrap();
    let company = store.open_company(&meta.id).await.unwrap();
    company
        .append(&sample_records(ChainHead::EMPTY, 3))
        .await
        .unwrap();

    let told = Rc::new(Cell::new(false));
    let tell = Rc::clone(&told);
    company.when_closed_elsewhere(move || tell.set(true));

    // Before, the delete waited until this handle was dropped.
    store.delete_company(&meta.id, &meta.name).await.unwrap();
    assert!(told.get(), "the app is told, so it can ask for a reload");
    assert_eq!(company.head().await, Err(StoreError::ClosedElsewhere));
    assert_eq!(
        company.append(&sample_records(ChainHead::EMPTY, 1)).await,
        Err(StoreError::ClosedElsewhere)
    );
    assert!(store.list_companies().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn an_upgrade_held_up_by_an_old_tab_is_told_and_goes_on_once_it_closes() {
    let store = IdbStore::new(&unique_namespace("blocked")).answering_within(2);
    let meta = store.create_company("Blockiert GmbH").await.unwrap();
    // An "old Kontor" in another tab: the company's database at version 1,
    // held open by a connection that ignores `versionchange`.
    let name = store.company_db_name(&meta.id);
    Database::delete_by_name(&name).unwrap().await.unwrap();
    let old_tab = Database::open(name.as_str())
        .with_version(1u32)
        .await
        .unwrap();

    assert_eq!(
        store.open_company(&meta.id).await.err(),
        Some(StoreError::Blocked { seconds: 2 })
    );
    old_tab.close();
    assert!(store.open_company(&meta.id).await.is_ok());
}
