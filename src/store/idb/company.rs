//! One open company database: the log's reads, the append transaction, and
//! drafts.

use super::errors::map_err;
use super::schema::{DRAFTS, KEYS, LOG, META, SNAPSHOT_KEY, strict};
use super::tabs;
use crate::ledger::chain::{ChainHead, LogRecord};
use crate::store::CompanyLog;
use crate::store::blocks::{BLOCK_LEN, blocks_after_append, decode_block, tail_block_to_extend};
use crate::store::error::StoreError;
use crate::store::log::{
    ChainCheck, Check, check_append, check_tail, decode_head, encode_head, read_blocks,
};
use crate::store::vault::{self, LoginStatus, NewPassword, Place, Vault, from_stored, to_stored};
use futures::future::{AbortHandle, FutureExt, abortable};
use indexed_db_futures::KeyRange;
use indexed_db_futures::database::Database;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

const HEAD_KEY: &str = "head";

pub struct IdbCompany {
    db: Database,
    id: String,
    channel: String,
    /// The records of the partly filled last block as of `head`, kept after
    /// a load or append so that an append need not read and decode the tail
    /// block again. Trusted only while the stored head still equals `head`.
    tail: RefCell<Option<(ChainHead, Vec<LogRecord>)>>,
    /// The unlocked data key, once a user logged in (`unlock`) or the
    /// company was encrypted here; never the password.
    pub(super) vault: RefCell<Option<Rc<Vault>>>,
    /// The same key imported into WebCrypto, which opens the blocks on a
    /// load (`webcrypto`); `None` where the browser has no WebCrypto.
    pub(super) web_key: RefCell<Option<web_sys::CryptoKey>>,
    /// Set when another tab's upgrade or delete made this tab let go of the
    /// connection ([`watch_version_change`]).
    closed: Rc<Cell<bool>>,
    /// Told once when that happens ([`IdbCompany::when_closed_elsewhere`]).
    on_closed: OnClosed,
    watch: Option<AbortHandle>,
}

type OnClosed = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

impl IdbCompany {
    pub(super) fn new(db: Database, id: String, channel: String) -> IdbCompany {
        let closed = Rc::new(Cell::new(false));
        let on_closed: OnClosed = Rc::new(RefCell::new(None));
        let watch = watch_version_change(&db, &closed, &on_closed);
        IdbCompany {
            closed,
            on_closed,
            watch,
            db,
            id,
            channel,
            tail: RefCell::new(None),
            vault: RefCell::new(None),
            web_key: RefCell::new(None),
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Calls `tell` once when another tab's upgrade or delete makes this
    /// handle let go of its connection (at once if it already has), so the
    /// app can ask for a reload before the user types into a dead tab.
    pub fn when_closed_elsewhere(&self, tell: impl FnOnce() + 'static) {
        match self.closed.get() {
            true => tell(),
            false => *self.on_closed.borrow_mut() = Some(Box::new(tell)),
        }
    }

    /// The connection, unless another tab made this one let go of it.
    pub(super) fn db(&self) -> Result<&Database, StoreError> {
        match self.closed.get() {
            true => Err(StoreError::ClosedElsewhere),
            false => Ok(&self.db),
        }
    }

    /// The vault to read and write with, given how many logins hold a key
    /// (read in the caller's transaction, so a company encrypted by another
    /// tab is never written in plaintext): none for a plaintext company,
    /// `Locked` when encrypted and not unlocked here.
    pub(super) fn vault_for(&self, key_count: u32) -> Result<Option<Rc<Vault>>, StoreError> {
        vault::in_use(key_count > 0, &self.vault)
    }

    /// [`Self::vault_for`] with the count read from `keys`.
    pub(super) async fn vault_in(
        &self,
        keys: &ObjectStore<'_>,
    ) -> Result<Option<Rc<Vault>>, StoreError> {
        let count = keys
            .count()
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        self.vault_for(count)
    }

    /// Keeps the unlocked vault, and its key imported into WebCrypto.
    pub(super) async fn keep_vault(&self, vault: Vault) {
        *self.web_key.borrow_mut() = super::webcrypto::import(&vault).await;
        *self.vault.borrow_mut() = Some(Rc::new(vault));
    }

    /// A sealed snapshot opened by WebCrypto; by the crate only where the
    /// browser has none (slow, but it was sealed there the same way).
    async fn open_sealed_snapshot(&self, vault: &Vault, sealed: &[u8]) -> Option<Vec<u8>> {
        let web_key = self.web_key.borrow().clone();
        match web_key {
            Some(key) => super::webcrypto::open_snapshot(&key, vault, sealed).await,
            None => vault.open_snapshot(sealed),
        }
    }

    /// `plain` sealed by WebCrypto; `None` without it: software AES would
    /// block the page for seconds on tens of megabytes, so a browser
    /// without WebCrypto keeps no snapshot of an encrypted company.
    async fn seal_snapshot(&self, vault: &Vault, plain: &[u8]) -> Option<Vec<u8>> {
        let key = self.web_key.borrow().clone()?;
        super::webcrypto::seal_snapshot(&key, vault, plain).await
    }

    /// Forgets the cached tail: after the blocks were rewritten sealed.
    pub(super) fn forget_tail(&self) {
        *self.tail.borrow_mut() = None;
    }

    fn remember_tail(&self, head: ChainHead, records: &[LogRecord]) {
        let in_tail = (head.seq % BLOCK_LEN) as usize;
        let start = records.len().saturating_sub(in_tail);
        *self.tail.borrow_mut() = Some((head, records[start..].to_vec()));
    }

    fn cached_tail(&self, stored: ChainHead) -> Option<Vec<LogRecord>> {
        match &*self.tail.borrow() {
            Some((head, records)) if *head == stored => Some(records.clone()),
            _ => None,
        }
    }
}

impl Drop for IdbCompany {
    /// Closes the connection now rather than at garbage collection, so that
    /// deleting the company is not blocked by a handle nobody uses.
    fn drop(&mut self) {
        if let Some(watch) = &self.watch {
            watch.abort();
        }
        self.db.clone().close();
    }
}

/// Lets go of the connection when another tab upgrades or deletes the
/// database (`versionchange`), instead of blocking it until this tab is
/// closed; this tab's later calls answer [`StoreError::ClosedElsewhere`].
/// `None` where the browser refuses the listener: then the other tab waits,
/// and is told so after [`super::schema::ANSWER_SECONDS`].
fn watch_version_change(
    db: &Database,
    closed: &Rc<Cell<bool>>,
    on_closed: &OnClosed,
) -> Option<AbortHandle> {
    let mut listener = db.version_changes().ok()?;
    let closed = Rc::clone(closed);
    let on_closed = Rc::clone(on_closed);
    let (watch, handle) = abortable(async move {
        if listener.recv().await.is_some() {
            closed.set(true);
            listener.db().clone().close();
            // Taken out before the call, so `tell` may use the handle.
            let tell = on_closed.borrow_mut().take();
            if let Some(tell) = tell {
                tell();
            }
        }
    });
    // Aborted when the handle is dropped: nothing to report then.
    wasm_bindgen_futures::spawn_local(watch.map(|_aborted_or_done| ()));
    Some(handle)
}

async fn read_head(meta: &ObjectStore<'_>) -> Result<ChainHead, StoreError> {
    let text: Option<String> = meta
        .get(HEAD_KEY)
        .primitive()
        .map_err(map_err)?
        .await
        .map_err(map_err)?;
    match text {
        Some(text) => decode_head(&text),
        None => Ok(ChainHead::EMPTY),
    }
}

/// How an append transaction ends: `Abort` exists so the browser tests can
/// prove that an append aborted after all its writes stores nothing.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finish {
    Commit,
    Abort,
}

impl IdbCompany {
    #[doc(hidden)]
    pub async fn append_then(
        &self,
        records: &[LogRecord],
        finish: Finish,
    ) -> Result<ChainHead, StoreError> {
        let tx = self
            .db()?
            .transaction([LOG, META, KEYS])
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()
            .map_err(map_err)?;
        let log = tx.object_store(LOG).map_err(map_err)?;
        let meta = tx.object_store(META).map_err(map_err)?;
        let keys = tx.object_store(KEYS).map_err(map_err)?;
        let key_count = keys.count().primitive().map_err(map_err)?;
        // The head is read inside the write transaction: IndexedDB runs
        // overlapping readwrite transactions one after another, so no other
        // writer can move it between this check and the commit.
        let stored = read_head(&meta).await?;
        let vault = self.vault_for(key_count.await.map_err(map_err)?)?;
        let vault = vault.as_deref();
        let new_head = check_append(stored, records)?;
        if records.is_empty() {
            return Ok(stored);
        }
        let tail = match (self.cached_tail(stored), tail_block_to_extend(stored.seq)) {
            (Some(cached), _) => cached,
            (None, None) => Vec::new(),
            (None, Some(block)) => {
                let text: Option<String> = log
                    .get(block as u32)
                    .primitive()
                    .map_err(map_err)?
                    .await
                    .map_err(map_err)?;
                let text = text.ok_or(StoreError::BrokenChain { seq: stored.seq })?;
                let text = from_stored(vault, Place::Block(block), text)?;
                check_tail(stored, decode_block(block, &text)?)?
            }
        };
        let writes = blocks_after_append(&tail, records);
        let mut puts = Vec::with_capacity(writes.len());
        for (block, text) in writes {
            let text = to_stored(vault, Place::Block(block), text)?;
            puts.push(
                log.put(text)
                    .with_key(block as u32)
                    .primitive()
                    .map_err(map_err)?,
            );
        }
        let head_put = meta
            .put(encode_head(&new_head))
            .with_key(HEAD_KEY)
            .primitive()
            .map_err(map_err)?;
        for put in puts {
            put.await.map_err(map_err)?;
        }
        head_put.await.map_err(map_err)?;
        drop(log);
        drop(meta);
        drop(keys);
        if finish == Finish::Abort {
            tx.abort().await.map_err(map_err)?;
            return Err(StoreError::Aborted);
        }
        tx.commit().await.map_err(map_err)?;

        let mut all = tail;
        all.extend_from_slice(records);
        self.remember_tail(new_head, &all);
        tabs::announce(&self.channel, &self.id, new_head);
        Ok(new_head)
    }
}

/// Blocks `verify_to` reads per transaction: about 4.5 MB of the demo's
/// log, some 30 ms of hashing in Chromium between two chances for input.
const VERIFY_PART: u32 = 8;

/// One read of stored blocks: the head stored with them, and the blocks in
/// key order, opened by WebCrypto where it could; `vault` opens the rest
/// ([`from_stored`]).
struct StoredBlocks {
    stored: ChainHead,
    blocks: Vec<(u64, String)>,
    vault: Option<Rc<Vault>>,
}

impl IdbCompany {
    /// The records after `from` to the stored head, checked as `check`
    /// says.
    async fn read_from(&self, from: ChainHead, check: Check) -> Result<Vec<LogRecord>, StoreError> {
        let read = self
            .read_stored((from.seq / BLOCK_LEN) as u32, None)
            .await?;
        let blocks = read.blocks.into_iter().map(Ok);
        read_blocks(from, blocks, read.stored, read.vault.as_deref(), check)
    }

    /// The whole log, checked as `check` says; its tail is kept for the
    /// next append.
    async fn load_checked(&self, check: Check) -> Result<Vec<LogRecord>, StoreError> {
        let records = self.read_from(ChainHead::EMPTY, check).await?;
        let head = records.last().map_or(ChainHead::EMPTY, ChainHead::after);
        self.remember_tail(head, &records);
        Ok(records)
    }

    /// Blocks `first..=last` (to the end without `last`) and the head, in
    /// one snapshot.
    async fn read_stored(&self, first: u32, last: Option<u32>) -> Result<StoredBlocks, StoreError> {
        let tx = self
            .db()?
            .transaction([LOG, META, KEYS])
            .build()
            .map_err(map_err)?;
        let log = tx.object_store(LOG).map_err(map_err)?;
        let meta = tx.object_store(META).map_err(map_err)?;
        let keys = tx.object_store(KEYS).map_err(map_err)?;
        let range = || match last {
            Some(last) => KeyRange::Bound(first, false, last, false),
            None => KeyRange::LowerBound(first, false),
        };
        // Four requests in one snapshot: whether the company is encrypted,
        // the head, the block numbers and the blocks. Issued together,
        // awaited after.
        let key_count = keys.count().primitive().map_err(map_err)?;
        let head_req = meta.get(HEAD_KEY).primitive().map_err(map_err)?;
        let keys_req = log
            .get_all_keys::<u32>()
            .with_query::<u32, _>(range())
            .primitive()
            .map_err(map_err)?;
        let blocks_req = log
            .get_all::<String>()
            .with_query::<u32, _>(range())
            .primitive()
            .map_err(map_err)?;
        let vault = self.vault_for(key_count.await.map_err(map_err)?)?;
        let head_text: Option<String> = head_req.await.map_err(map_err)?;
        let keys = keys_req.await.map_err(map_err)?;
        let blocks = blocks_req.await.map_err(map_err)?;
        super::marks::mark("kontor:read");
        let stored = match head_text {
            Some(text) => decode_head(&text)?,
            None => ChainHead::EMPTY,
        };
        let blocks = keys
            .zip(blocks)
            .map(|(key, text)| Ok((u64::from(key.map_err(map_err)?), text.map_err(map_err)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let web_key = self.web_key.borrow().clone();
        Ok(match (vault, web_key) {
            (Some(vault), Some(web_key)) => {
                let blocks = super::webcrypto::open_blocks(&web_key, &vault, blocks).await?;
                StoredBlocks {
                    stored,
                    blocks,
                    vault: None,
                }
            }
            (vault, _) => StoredBlocks {
                stored,
                blocks,
                vault,
            },
        })
    }
}

impl CompanyLog for IdbCompany {
    async fn head(&self) -> Result<ChainHead, StoreError> {
        let tx = self.db()?.transaction(META).build().map_err(map_err)?;
        let meta = tx.object_store(META).map_err(map_err)?;
        read_head(&meta).await
    }

    async fn load(&self) -> Result<Vec<LogRecord>, StoreError> {
        self.load_checked(Check::Chain).await
    }

    async fn load_framed(&self) -> Result<Vec<LogRecord>, StoreError> {
        let records = self.load_checked(Check::Framing).await;
        super::marks::mark("kontor:framed");
        records
    }

    /// Reads the blocks a second time rather than keeping the bodies the
    /// open read: the fold drops each body once folded, so the open's
    /// memory peak stays what it was.
    async fn verify_to(&self, head: ChainHead) -> Result<(), StoreError> {
        let mut check = ChainCheck::new(head);
        let mut first = 0;
        while !check.reached() {
            // One read transaction per part; awaiting each lets the page
            // handle input between them.
            let last = first + VERIFY_PART - 1;
            let read = self.read_stored(first, Some(last)).await?;
            if read.blocks.is_empty() {
                break;
            }
            for (number, text) in read.blocks {
                check.feed_stored(read.vault.as_deref(), number, text)?;
            }
            first = last + 1;
        }
        super::marks::mark("kontor:verified");
        check.finish()
    }

    async fn read_since(&self, from: ChainHead) -> Result<Vec<LogRecord>, StoreError> {
        self.read_from(from, Check::Chain).await
    }

    async fn append(&self, records: &[LogRecord]) -> Result<ChainHead, StoreError> {
        self.append_then(records, Finish::Commit).await
    }
    async fn get_snapshot(&self) -> Result<Option<Vec<u8>>, StoreError> {
        let tx = self
            .db()?
            .transaction([META, KEYS])
            .build()
            .map_err(map_err)?;
        let meta = tx.object_store(META).map_err(map_err)?;
        let keys = tx.object_store(KEYS).map_err(map_err)?;
        let key_count = keys.count().primitive().map_err(map_err)?;
        let value: Option<JsValue> = meta
            .get(SNAPSHOT_KEY)
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        let vault = match self.vault_for(key_count.await.map_err(map_err)?) {
            Err(StoreError::Locked) => return Ok(None),
            vault => vault?,
        };
        // Anything but bytes is not a snapshot of ours; the session then
        // folds the log and writes a new one.
        let Some(bytes) = value
            .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
            .map(|bytes| bytes.to_vec())
        else {
            super::marks::mark("kontor:snapshot-read");
            return Ok(None);
        };
        let plain = match vault {
            None => Some(bytes),
            Some(vault) => self.open_sealed_snapshot(&vault, &bytes).await,
        };
        super::marks::mark("kontor:snapshot-read");
        Ok(plain)
    }

    async fn put_snapshot(&self, bytes: &[u8]) -> Result<bool, StoreError> {
        // Sealed before the write transaction: an awaited WebCrypto promise
        // would let it commit early.
        let sealed_for = self.vault.borrow().clone();
        let sealed = match &sealed_for {
            None => None,
            Some(vault) => match self.seal_snapshot(vault, bytes).await {
                Some(sealed) => Some(sealed),
                None => return Ok(false),
            },
        };
        let tx = self
            .db()?
            .transaction([META, KEYS])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(map_err)?;
        let meta = tx.object_store(META).map_err(map_err)?;
        let vault = self
            .vault_in(&tx.object_store(KEYS).map_err(map_err)?)
            .await?;
        // Sealed with the key in use now, or plain for a plain company
        // still; anything else (encrypted meanwhile) is not written.
        let value = match (&vault, sealed) {
            (None, None) => js_sys::Uint8Array::from(bytes),
            (Some(now), Some(sealed)) if sealed_for.is_some_and(|v| Rc::ptr_eq(&v, now)) => {
                js_sys::Uint8Array::from(sealed.as_slice())
            }
            _ => return Ok(false),
        };
        meta.put(JsValue::from(value))
            .with_key(SNAPSHOT_KEY)
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        drop(meta);
        tx.commit().await.map_err(map_err)?;
        super::marks::mark("kontor:snapshot-kept");
        Ok(true)
    }

    async fn put_draft(&self, key: &str, json: &str) -> Result<(), StoreError> {
        let tx = self
            .db()?
            .transaction([DRAFTS, KEYS])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(map_err)?;
        let drafts = tx.object_store(DRAFTS).map_err(map_err)?;
        let vault = self
            .vault_in(&tx.object_store(KEYS).map_err(map_err)?)
            .await?;
        let text = to_stored(vault.as_deref(), Place::Draft(key), json.to_string())?;
        drafts
            .put(text)
            .with_key(key)
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        drop(drafts);
        tx.commit().await.map_err(map_err)
    }

    async fn get_draft(&self, key: &str) -> Result<Option<String>, StoreError> {
        let tx = self
            .db()?
            .transaction([DRAFTS, KEYS])
            .build()
            .map_err(map_err)?;
        let drafts = tx.object_store(DRAFTS).map_err(map_err)?;
        let vault = self
            .vault_in(&tx.object_store(KEYS).map_err(map_err)?)
            .await?;
        let text: Option<String> = drafts
            .get(key)
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        text.map(|t| from_stored(vault.as_deref(), Place::Draft(key), t))
            .transpose()
    }

    async fn list_drafts(&self) -> Result<Vec<String>, StoreError> {
        let tx = self
            .db()?
            .transaction([DRAFTS, KEYS])
            .build()
            .map_err(map_err)?;
        let drafts = tx.object_store(DRAFTS).map_err(map_err)?;
        self.vault_in(&tx.object_store(KEYS).map_err(map_err)?)
            .await?;
        let keys = drafts
            .get_all_keys::<String>()
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        keys.map(|key| key.map_err(map_err)).collect()
    }

    async fn delete_draft(&self, key: &str) -> Result<(), StoreError> {
        let tx = self
            .db()?
            .transaction([DRAFTS, KEYS])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(map_err)?;
        let drafts = tx.object_store(DRAFTS).map_err(map_err)?;
        self.vault_in(&tx.object_store(KEYS).map_err(map_err)?)
            .await?;
        drafts
            .delete(key)
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        drop(drafts);
        tx.commit().await.map_err(map_err)
    }

    async fn logins(&self) -> Result<Vec<String>, StoreError> {
        self.stored_logins().await
    }

    async fn is_locked(&self) -> Result<bool, StoreError> {
        let tx = self.db()?.transaction(KEYS).build().map_err(map_err)?;
        let keys = tx.object_store(KEYS).map_err(map_err)?;
        Ok(matches!(
            self.vault_in(&keys).await,
            Err(StoreError::Locked)
        ))
    }

    async fn unlock(&self, login: &str, password: &str) -> Result<(), StoreError> {
        self.unlock_with(login, password).await
    }

    async fn encrypt(&self, login: &str, new: &NewPassword<'_>) -> Result<(), StoreError> {
        self.encrypt_then(login, new, Finish::Commit).await
    }

    async fn put_login(&self, login: &str, new: &NewPassword<'_>) -> Result<(), StoreError> {
        self.put_login_with(login, new).await
    }

    async fn login_status(&self, login: &str) -> Result<Option<LoginStatus>, StoreError> {
        Ok(self.slot_of(login).await?.map(|s| s.status()))
    }
}
