//! Database versions and their migrations (Schema-Versionen). IndexedDB runs
//! `upgradeneeded` with the old version; each step below upgrades one
//! version, so a database of any older version reaches the current one.
//! A database of a *newer* version makes `open` fail with `VersionError`;
//! that becomes [`StoreError::NewerSchema`] and nothing is touched.
//!
//! History:
//! - company 1: `log` (blocks), `meta` (head), `drafts`.
//! - company 2: `keys` (login → the login's wrapped data key; a company
//!   with a key is encrypted at rest, `store::vault`).
//! - registry 1: `companies`.

use super::errors::{dom_exception_name, map_open_err};
use crate::store::error::StoreError;
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{TransactionDurability, TransactionOptions};

pub const COMPANY_VERSION: u32 = 2;
pub const REGISTRY_VERSION: u32 = 1;

pub const LOG: &str = "log";
pub const META: &str = "meta";
pub const DRAFTS: &str = "drafts";
pub const KEYS: &str = "keys";

/// Log writes wait until the data is flushed to disk: a posted entry must
/// survive a power cut right after the user saw it posted (measured: 1.8 ms
/// instead of 1.5 ms per transaction).
pub fn strict() -> TransactionOptions {
    TransactionOptions::new().with_durability(TransactionDurability::Strict)
}

fn migrate_company(event: VersionChangeEvent, db: Database) -> indexed_db_futures::Result<()> {
    let old = event.old_version() as u32;
    if old < 1 {
        db.create_object_store(LOG).build()?;
        db.create_object_store(META).build()?;
        db.create_object_store(DRAFTS).build()?;
    }
    if old < 2 {
        db.create_object_store(KEYS).build()?;
    }
    Ok(())
}

fn migrate_registry(event: VersionChangeEvent, db: Database) -> indexed_db_futures::Result<()> {
    let old = event.old_version() as u32;
    if old < 1 {
        db.create_object_store(super::COMPANIES).build()?;
    }
    Ok(())
}

pub async fn open_company(name: &str) -> Result<Database, StoreError> {
    let opened = Database::open(name)
        .with_version(COMPANY_VERSION)
        .with_on_upgrade_needed(migrate_company)
        .await;
    refuse_newer(name, opened, COMPANY_VERSION).await
}

pub async fn open_registry(name: &str) -> Result<Database, StoreError> {
    let opened = Database::open(name)
        .with_version(REGISTRY_VERSION)
        .with_on_upgrade_needed(migrate_registry)
        .await;
    refuse_newer(name, opened, REGISTRY_VERSION).await
}

async fn refuse_newer(
    name: &str,
    opened: Result<Database, indexed_db_futures::error::OpenDbError>,
    supported: u32,
) -> Result<Database, StoreError> {
    match opened {
        Ok(db) => Ok(db),
        Err(error) if dom_exception_name(&error).as_deref() == Some("VersionError") => {
            // Opening without a version never upgrades; it only tells us
            // which version is there.
            let db = Database::open(name).await.map_err(map_open_err)?;
            let found = db.version() as u32;
            db.close();
            Err(StoreError::NewerSchema { found, supported })
        }
        Err(error) => Err(map_open_err(error)),
    }
}
