//! The IndexedDB store (wasm32 only). One database per company plus one for
//! the registry, so deleting a company is one `deleteDatabase` and opening
//! one never touches another's data.
//!
//! Company database (schema [`schema::COMPANY_VERSION`]):
//! - `log`: block number → block text ([`crate::store::blocks`]);
//! - `meta`: `"head"` → the head (seq, hash) written with the blocks;
//! - `drafts`: draft key → JSON, never part of the log;
//! - `keys`: login → the login's copy of the data key: a company with one
//!   is encrypted, and its blocks and drafts are sealed ([`crate::store::vault`]).
//!
//! Registry database: `companies`: id → [`CompanyMeta`] as JSON.

mod company;
mod durability;
mod errors;
mod keys;
pub mod marks;
mod schema;
pub mod tabs;
mod webcrypto;

pub use company::{Finish, IdbCompany};

use super::error::StoreError;
use super::log::MAX_APPEND_RECORDS;
use super::registry::{
    CompanyMeta, check_delete_confirmation, clean_name, decode_meta, encode_meta, now_unix_ms,
    sort_companies,
};
use super::{CompanyLog, Persistence, StorageEstimate, Store};
use crate::ledger::chain::LogRecord;
use errors::map_err;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

const COMPANIES: &str = "companies";

/// The store over this browser profile's IndexedDB. `namespace` prefixes
/// every database name: `"kontor"` in the app, a unique name per test.
#[derive(Clone, Debug)]
pub struct IdbStore {
    namespace: String,
    /// Seconds an open or delete may go unanswered ([`schema::ANSWER_SECONDS`]).
    answer_within: u32,
}

impl IdbStore {
    pub fn new(namespace: &str) -> IdbStore {
        IdbStore {
            namespace: namespace.to_string(),
            answer_within: schema::ANSWER_SECONDS,
        }
    }

    /// The same store with a shorter wait for unanswered opens, so that a
    /// test of a blocked open does not wait the full time.
    #[doc(hidden)]
    pub fn answering_within(mut self, seconds: u32) -> IdbStore {
        self.answer_within = seconds;
        self
    }

    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    fn registry_name(&self) -> String {
        format!("{}.registry", self.namespace)
    }

    /// Name of a company's database; tests use it to write old layouts.
    pub fn company_db_name(&self, id: &str) -> String {
        format!("{}.company.{id}", self.namespace)
    }

    async fn registry(&self) -> Result<Database, StoreError> {
        schema::open_registry(&self.registry_name(), self.answer_within).await
    }

    async fn meta(&self, db: &Database, id: &str) -> Result<CompanyMeta, StoreError> {
        let tx = db.transaction(COMPANIES).build().map_err(map_err)?;
        let store = tx.object_store(COMPANIES).map_err(map_err)?;
        let text: Option<String> = store
            .get(id)
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        let text = text.ok_or_else(|| StoreError::not_found(format!("company {id}")))?;
        decode_meta(&text)
    }

    async fn put_meta(&self, db: &Database, meta: &CompanyMeta) -> Result<(), StoreError> {
        let tx = db
            .transaction(COMPANIES)
            .with_mode(TransactionMode::Readwrite)
            .with_options(schema::strict())
            .build()
            .map_err(map_err)?;
        let store = tx.object_store(COMPANIES).map_err(map_err)?;
        store
            .put(encode_meta(meta)?)
            .with_key(meta.id.as_str())
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        tx.commit().await.map_err(map_err)
    }
}

/// A fresh company id: creation time and 32 random bits from the
/// browser's `crypto.getRandomValues` (via `getrandom`, already there for
/// age), so two tabs creating companies in the same millisecond do not
/// collide.
fn new_company_id() -> Result<String, StoreError> {
    let mut random = [0u8; 4];
    getrandom::getrandom(&mut random).map_err(|e| StoreError::StorageUnavailable {
        detail: format!("no random source for a company id: {e}"),
    })?;
    Ok(format!(
        "{:x}-{:08x}",
        now_unix_ms(),
        u32::from_be_bytes(random)
    ))
}

impl Store for IdbStore {
    type Company = IdbCompany;

    async fn list_companies(&self) -> Result<Vec<CompanyMeta>, StoreError> {
        let db = self.registry().await?;
        let tx = db.transaction(COMPANIES).build().map_err(map_err)?;
        let store = tx.object_store(COMPANIES).map_err(map_err)?;
        let texts = store
            .get_all::<String>()
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        let mut companies = Vec::new();
        for text in texts {
            companies.push(decode_meta(&text.map_err(map_err)?)?);
        }
        drop(store);
        drop(tx);
        db.close();
        sort_companies(&mut companies);
        Ok(companies)
    }

    async fn create_company(&self, name: &str) -> Result<CompanyMeta, StoreError> {
        let meta = CompanyMeta {
            id: new_company_id()?,
            name: clean_name(name)?,
            created_at_unix_ms: now_unix_ms(),
        };
        // The company database first: a registry entry always points at a
        // database that exists.
        schema::open_company(&self.company_db_name(&meta.id), self.answer_within)
            .await?
            .close();
        let db = self.registry().await?;
        let put = self.put_meta(&db, &meta).await;
        db.close();
        put.map(|()| meta)
    }

    async fn create_company_with_log(
        &self,
        name: &str,
        records: &[LogRecord],
        mut progress: impl FnMut(usize, usize),
    ) -> Result<CompanyMeta, StoreError> {
        let meta = CompanyMeta {
            id: new_company_id()?,
            name: clean_name(name)?,
            created_at_unix_ms: now_unix_ms(),
        };
        let db_name = self.company_db_name(&meta.id);
        let written = async {
            let db = schema::open_company(&db_name, self.answer_within).await?;
            // Dropped (and so closed) at the end of this block, before a
            // delete below could be blocked by it.
            let company = IdbCompany::new(db, meta.id.clone(), tabs::channel_name(&self.namespace));
            let total = records.len();
            progress(0, total);
            let mut done = 0;
            for chunk in records.chunks(MAX_APPEND_RECORDS) {
                company.append(chunk).await?;
                done += chunk.len();
                progress(done, total);
            }
            Ok::<(), StoreError>(())
        }
        .await;
        let listed = match written {
            Ok(()) => {
                async {
                    let db = self.registry().await?;
                    let put = self.put_meta(&db, &meta).await;
                    db.close();
                    put
                }
                .await
            }
            Err(e) => Err(e),
        };
        match listed {
            Ok(()) => Ok(meta),
            Err(e) => {
                // Best effort: if even deleting fails, storage itself is
                // gone; the database is unlisted either way, and the first
                // error is the one worth showing.
                let _ = schema::delete(&db_name, self.answer_within).await;
                Err(e)
            }
        }
    }

    async fn rename_company(&self, id: &str, name: &str) -> Result<CompanyMeta, StoreError> {
        let name = clean_name(name)?;
        let db = self.registry().await?;
        let result = async {
            let mut meta = self.meta(&db, id).await?;
            meta.name = name;
            self.put_meta(&db, &meta).await?;
            Ok(meta)
        }
        .await;
        db.close();
        result
    }

    async fn delete_company(&self, id: &str, confirm_name: &str) -> Result<(), StoreError> {
        let db = self.registry().await?;
        let result = async {
            check_delete_confirmation(&self.meta(&db, id).await?, confirm_name)?;
            // The database first: if removing the registry entry fails, the
            // company is still listed and can be deleted again, instead of
            // leaving an invisible database behind.
            schema::delete(&self.company_db_name(id), self.answer_within).await?;
            let tx = db
                .transaction(COMPANIES)
                .with_mode(TransactionMode::Readwrite)
                .build()
                .map_err(map_err)?;
            let store = tx.object_store(COMPANIES).map_err(map_err)?;
            store
                .delete(id)
                .primitive()
                .map_err(map_err)?
                .await
                .map_err(map_err)?;
            drop(store);
            tx.commit().await.map_err(map_err)
        }
        .await;
        db.close();
        result
    }

    async fn open_company(&self, id: &str) -> Result<IdbCompany, StoreError> {
        let registry = self.registry().await?;
        let meta = self.meta(&registry, id).await;
        registry.close();
        meta?;
        let db = schema::open_company(&self.company_db_name(id), self.answer_within).await?;
        Ok(IdbCompany::new(
            db,
            id.to_string(),
            tabs::channel_name(&self.namespace),
        ))
    }

    async fn persist(&self) -> Result<Persistence, StoreError> {
        durability::persist().await
    }

    async fn estimate(&self) -> Result<Option<StorageEstimate>, StoreError> {
        durability::estimate().await
    }
}
