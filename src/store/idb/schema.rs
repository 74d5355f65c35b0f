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
//!
//! `meta` holds, besides the head, the snapshot of the folded Book under
//! [`SNAPSHOT_KEY`] (bytes, sealed for an encrypted company): a cache, so it needed
//! no new version, and an older build ignores it.

use super::errors::{dom_exception_name, map_err, map_open_err};
use crate::store::error::StoreError;
use futures::future::{Either, select};
use gloo::timers::future::TimeoutFuture;
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{TransactionDurability, TransactionOptions};
use std::cell::Cell;
use std::pin::pin;
use std::rc::Rc;

pub const COMPANY_VERSION: u32 = 2;
pub const REGISTRY_VERSION: u32 = 1;

pub const LOG: &str = "log";
pub const META: &str = "meta";
pub const DRAFTS: &str = "drafts";
pub const KEYS: &str = "keys";
/// In `meta`: the snapshot of the folded Book (`store::CompanyLog::get_snapshot`).
pub const SNAPSHOT_KEY: &str = "snapshot";

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

/// How long an open or delete may go unanswered before the user is told
/// why (a blocked upgrade, or a browser that stopped answering) instead of
/// waiting on a spinner for ever. Generous: under load an open can take
/// seconds.
pub const ANSWER_SECONDS: u32 = 20;

pub async fn open_company(name: &str, within: u32) -> Result<Database, StoreError> {
    open(name, COMPANY_VERSION, migrate_company, within).await
}

pub async fn open_registry(name: &str, within: u32) -> Result<Database, StoreError> {
    open(name, REGISTRY_VERSION, migrate_registry, within).await
}

type Migration = fn(VersionChangeEvent, Database) -> indexed_db_futures::Result<()>;

/// Opens `name` at `version`, migrating older ones, within `within` seconds.
async fn open(
    name: &str,
    version: u32,
    migrate: Migration,
    within: u32,
) -> Result<Database, StoreError> {
    let blocked = Rc::new(Cell::new(false));
    let opening = Database::open(name)
        .with_version(version)
        .with_on_blocked(was_blocked(&blocked))
        .with_on_upgrade_needed(migrate);
    let opened = answered(opening, within, &blocked).await?;
    refuse_newer(name, opened, version).await
}

/// Deletes a database; blocked while another connection stays open.
pub async fn delete(name: &str, within: u32) -> Result<(), StoreError> {
    let request = Database::delete_by_name(name).map_err(map_open_err)?;
    // A delete request reports no `blocked` here; an unanswered delete is
    // almost always another tab's connection, so it is told as one.
    answered(request, within, &Rc::new(Cell::new(true)))
        .await?
        .map_err(map_err)
}

fn was_blocked(
    flag: &Rc<Cell<bool>>,
) -> impl Fn(VersionChangeEvent) -> indexed_db_futures::Result<()> + 'static {
    let flag = Rc::clone(flag);
    move |_| {
        flag.set(true);
        Ok(())
    }
}

/// `request`'s outcome, or why it had none within `within` seconds.
async fn answered<T>(
    request: impl IntoFuture<Output = T>,
    within: u32,
    blocked: &Cell<bool>,
) -> Result<T, StoreError> {
    let request = pin!(request.into_future());
    let timer = TimeoutFuture::new(within.saturating_mul(1000));
    match select(request, timer).await {
        Either::Left((outcome, _)) => Ok(outcome),
        Either::Right(((), _)) if blocked.get() => Err(StoreError::Blocked { seconds: within }),
        Either::Right(((), _)) => Err(StoreError::NoAnswer { seconds: within }),
    }
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
