//! Direct IndexedDB access for tests that write what the store would never
//! write itself: old layouts, tampered blocks, newer schema versions.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use kontor::store::RawLayout;

/// Opens an existing database at whatever version it has.
pub async fn open(name: &str) -> Database {
    Database::open(name).await.expect("open raw database")
}

pub async fn read_block(name: &str, block: u32) -> String {
    let db = open(name).await;
    let tx = db.transaction("log").build().unwrap();
    let log = tx.object_store("log").unwrap();
    let text: Option<String> = log.get(block).primitive().unwrap().await.unwrap();
    drop(log);
    drop(tx);
    db.close();
    text.expect("block exists")
}

pub async fn write_block(name: &str, block: u32, text: &str) {
    let db = open(name).await;
    let tx = db
        .transaction("log")
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    let log = tx.object_store("log").unwrap();
    log.put(text)
        .with_key(block)
        .primitive()
        .unwrap()
        .await
        .unwrap();
    drop(log);
    tx.commit().await.unwrap();
    db.close();
}

/// Replaces a company database's contents with `layout`.
pub async fn write_layout(name: &str, layout: &RawLayout) {
    let db = open(name).await;
    let tx = db
        .transaction(["log", "meta", "drafts"])
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    let log = tx.object_store("log").unwrap();
    let meta = tx.object_store("meta").unwrap();
    let drafts = tx.object_store("drafts").unwrap();
    log.clear().unwrap().await.unwrap();
    for (block, text) in &layout.blocks {
        log.put(text.as_str())
            .with_key(*block as u32)
            .primitive()
            .unwrap()
            .await
            .unwrap();
    }
    meta.put(layout.head.as_str())
        .with_key("head")
        .primitive()
        .unwrap()
        .await
        .unwrap();
    for (key, json) in &layout.drafts {
        drafts
            .put(json.as_str())
            .with_key(key.as_str())
            .primitive()
            .unwrap()
            .await
            .unwrap();
    }
    drop((log, meta, drafts));
    tx.commit().await.unwrap();
    db.close();
}

/// Upgrades a database to `version` the way a future Kontor would.
pub async fn upgrade_to(name: &str, version: u32) {
    let db = Database::open(name)
        .with_version(version)
        .with_on_upgrade_needed(|_, db| {
            db.create_object_store("from_the_future").build()?;
            Ok(())
        })
        .await
        .expect("upgrade");
    db.close();
}

/// Every text stored in a company database (log, meta, drafts, keys; keys
/// of the drafts included), in store order: what tests compare and search.
pub async fn all_texts(name: &str) -> Vec<String> {
    let stores = ["log", "meta", "drafts", "keys"];
    let db = open(name).await;
    let tx = db.transaction(stores).build().unwrap();
    let mut out = Vec::new();
    for name in stores {
        let store = tx.object_store(name).unwrap();
        let values = store
            .get_all::<String>()
            .primitive()
            .unwrap()
            .await
            .unwrap();
        out.extend(values.map(|v| v.unwrap()));
        if name == "drafts" {
            let keys = store
                .get_all_keys::<String>()
                .primitive()
                .unwrap()
                .await
                .unwrap();
            out.extend(keys.map(|k| k.unwrap()));
        }
    }
    drop(tx);
    db.close();
    out
}
