//! The company's log and its persistence (Datenhaltung): IndexedDB on wasm32,
//! an in-memory twin natively, behind one API ([`Store`], [`CompanyLog`]).
//!
//! The store knows nothing of ledger events: it keeps sealed [`LogRecord`]s,
//! checks that every append continues the stored head exactly (so two tabs
//! can never fork a log), and verifies the hash chain of everything it
//! loads. Layout: a registry database lists the companies; each company has
//! its own database with the log in blocks ([`blocks`]), its head, and its
//! drafts.

pub mod blocks;
#[doc(hidden)]
pub mod error;
#[cfg(target_arch = "wasm32")]
pub mod idb;
pub mod log;
pub mod memory;
pub mod registry;
pub mod vault;

pub use error::StoreError;
#[cfg(target_arch = "wasm32")]
pub use idb::IdbStore;
pub use memory::MemoryStore;
pub use registry::CompanyMeta;

/// A company database's contents as stored strings: how tests write a log
/// in an old layout or encoding straight into storage.
pub struct RawLayout {
    pub blocks: Vec<(u64, String)>,
    pub head: String,
    pub drafts: Vec<(String, String)>,
}

use crate::ledger::chain::{ChainHead, LogRecord};
use vault::{LoginStatus, NewPassword};

/// What the browser answered to `navigator.storage.persist()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// The browser will not evict this site's data under storage pressure.
    Granted,
    /// Data may be evicted; the UI should recommend regular backups.
    Denied,
    /// The browser has no StorageManager (old browser, some private modes).
    Unsupported,
}

/// `navigator.storage.estimate()`: bytes used and available to this site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageEstimate {
    pub used_bytes: u64,
    pub quota_bytes: u64,
}

/// The registry of companies and the storage as a whole.
///
/// `async fn` in a trait without a `Send` bound on purpose: IndexedDB
/// futures are `!Send` and everything runs on the browser's one thread.
#[allow(async_fn_in_trait)]
pub trait Store {
    type Company: CompanyLog;

    async fn list_companies(&self) -> Result<Vec<CompanyMeta>, StoreError>;
    async fn create_company(&self, name: &str) -> Result<CompanyMeta, StoreError>;
    /// Creates a company whose log starts with `records` (sealed after the
    /// empty head) and lists it only once all of them are stored: if any
    /// step fails, the half-written database is removed again and the
    /// registry never shows a company that is not complete. Appends in
    /// chunks of [`log::MAX_APPEND_RECORDS`]; `progress(done, total)`
    /// counts records.
    async fn create_company_with_log(
        &self,
        name: &str,
        records: &[LogRecord],
        progress: impl FnMut(usize, usize),
    ) -> Result<CompanyMeta, StoreError>;
    async fn rename_company(&self, id: &str, name: &str) -> Result<CompanyMeta, StoreError>;
    /// Deletes a company's log, drafts and registry entry; not undoable.
    /// `confirm_name` must be the company's exact current name: the explicit
    /// confirmation step (the UI asks the user to type it).
    async fn delete_company(&self, id: &str, confirm_name: &str) -> Result<(), StoreError>;
    async fn open_company(&self, id: &str) -> Result<Self::Company, StoreError>;
    /// Asks for persistent storage (the answer may be remembered by the
    /// browser; asking again is harmless).
    async fn persist(&self) -> Result<Persistence, StoreError>;
    /// `None` where the browser cannot tell.
    async fn estimate(&self) -> Result<Option<StorageEstimate>, StoreError>;
}

/// One company's log and drafts.
#[allow(async_fn_in_trait)]
pub trait CompanyLog {
    /// The stored head: what the next record must link to.
    async fn head(&self) -> Result<ChainHead, StoreError>;
    /// The whole log, verified from the first record to the stored head.
    async fn load(&self) -> Result<Vec<LogRecord>, StoreError>;
    /// The whole log, framed and in sequence up to the stored head, each
    /// record's stored hash taken as it is ([`log::Check::Framing`]): the
    /// caller must [`CompanyLog::verify_to`] the head it ends at before
    /// writing on top of it. About a third faster than `load`.
    async fn load_framed(&self) -> Result<Vec<LogRecord>, StoreError>;
    /// Verifies the stored chain from the first record up to `head` (which
    /// `load_framed` returned), reading the blocks in parts.
    async fn verify_to(&self, head: ChainHead) -> Result<(), StoreError>;
    /// Records after `from` (a head the caller has verified), verified as
    /// its continuation: how a second tab catches up.
    async fn read_since(&self, from: ChainHead) -> Result<Vec<LogRecord>, StoreError>;
    /// Appends sealed records in one transaction with the new head; all or
    /// nothing. Fails with [`StoreError::Conflict`] when the stored head is
    /// not the one `records` were sealed after.
    async fn append(&self, records: &[LogRecord]) -> Result<ChainHead, StoreError>;

    /// The stored snapshot of the folded Book (`ledger::book::snapshot`),
    /// if any: a cache the session may read instead of folding the whole
    /// log. An encrypted company's is opened with the unlocked key; `None`
    /// while locked or when it does not open.
    async fn get_snapshot(&self) -> Result<Option<Vec<u8>>, StoreError>;
    /// Stores `bytes` as the snapshot, replacing an older one; an encrypted
    /// company's sealed like its blocks, so no plain copy of its books sits
    /// beside the sealed log (encryption deletes one stored before).
    /// Returns whether it was stored: a browser without WebCrypto keeps
    /// none for an encrypted company (software AES would take seconds).
    async fn put_snapshot(&self, bytes: &[u8]) -> Result<bool, StoreError>;

    /// Saves a draft (any JSON) under `key`, replacing an older one.
    async fn put_draft(&self, key: &str, json: &str) -> Result<(), StoreError>;
    async fn get_draft(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Keys of all drafts, sorted.
    async fn list_drafts(&self) -> Result<Vec<String>, StoreError>;
    async fn delete_draft(&self, key: &str) -> Result<(), StoreError>;

    /// The logins that hold a key to this company (sorted); empty while
    /// the company is not encrypted ([`vault`]).
    async fn logins(&self) -> Result<Vec<String>, StoreError>;
    /// Whether the company is encrypted and this handle not unlocked: then
    /// every read and write of the log and drafts is [`StoreError::Locked`].
    async fn is_locked(&self) -> Result<bool, StoreError>;
    /// Opens the company's key with a user's password (one Argon2id), for
    /// this handle only; [`StoreError::LoginRefused`] for an unknown login
    /// and a wrong password alike.
    async fn unlock(&self, login: &str, password: &str) -> Result<(), StoreError>;
    /// Encrypts a company in place for its first login: a new random key,
    /// every block and draft sealed and checked to open again, then all of
    /// them replaced together with the login's key in one transaction. An
    /// interruption leaves the company as it was; afterwards this handle
    /// is unlocked.
    /// The first password must meet its policy ([`StoreError::Password`]).
    async fn encrypt(&self, login: &str, new: &NewPassword<'_>) -> Result<(), StoreError>;
    /// Stores `login`'s copy of the key under a new password: a new user,
    /// a changed password, or one a superuser sets. Needs the handle
    /// unlocked; the password must meet the policy, also against the
    /// login's remembered earlier ones ([`StoreError::Password`]).
    async fn put_login(&self, login: &str, new: &NewPassword<'_>) -> Result<(), StoreError>;
    /// When `login`'s password was set and whether it must be changed;
    /// `None` for a login without a key copy. Readable while locked.
    async fn login_status(&self, login: &str) -> Result<Option<LoginStatus>, StoreError>;
}
