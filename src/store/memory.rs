//! The in-memory twin of the IndexedDB store (Speicher-Zwilling): same API,
//! same block encoding and the same checks, kept in `Rc<RefCell<…>>` so that
//! native tests run the behavioural suite in milliseconds. Clones share the
//! data, so a clone plays "the app opened again".

use super::blocks::{blocks_after_append, decode_block, tail_block_to_extend};
use super::error::StoreError;
use super::log::{
    ChainCheck, Check, MAX_APPEND_RECORDS, check_append, check_tail, decode_head, encode_head,
    read_blocks,
};
use super::registry::{
    CompanyMeta, check_delete_confirmation, clean_name, now_unix_ms, sort_companies,
};
use super::vault::{self, KeySlot, LoginStatus, NewPassword, Place, Vault, from_stored, to_stored};
use super::{CompanyLog, Persistence, StorageEstimate, Store};
use crate::ledger::chain::{ChainHead, LogRecord};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Clone, Default)]
pub struct MemoryStore {
    state: Rc<RefCell<State>>,
}

#[derive(Default)]
struct State {
    companies: BTreeMap<String, CompanyMeta>,
    databases: BTreeMap<String, Rc<RefCell<Database>>>,
    ids_issued: u64,
}

/// What one company's IndexedDB database holds, as stored strings.
#[derive(Default)]
struct Database {
    blocks: BTreeMap<u64, String>,
    head: Option<String>,
    drafts: BTreeMap<String, String>,
    /// Login → its [`KeySlot`] as JSON; non-empty once encrypted.
    keys: BTreeMap<String, String>,
    snapshot: Option<Vec<u8>>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Replaces one stored block's text: for tests that tamper with storage.
    #[doc(hidden)]
    pub fn overwrite_block(&self, company_id: &str, block: u64, text: String) {
        if let Some(db) = self.state.borrow().databases.get(company_id) {
            db.borrow_mut().blocks.insert(block, text);
        }
    }

    /// The stored snapshot's bytes, for tests that read or tamper with it
    /// (`f` may change them or remove them).
    #[doc(hidden)]
    pub fn with_snapshot(&self, company_id: &str, f: impl FnOnce(&mut Option<Vec<u8>>)) {
        if let Some(db) = self.state.borrow().databases.get(company_id) {
            f(&mut db.borrow_mut().snapshot);
        }
    }

    /// Writes a company's stored strings directly: for tests that load
    /// logs in old encodings.
    #[doc(hidden)]
    pub fn write_raw(&self, company_id: &str, layout: &super::RawLayout) {
        if let Some(db) = self.state.borrow().databases.get(company_id) {
            let mut db = db.borrow_mut();
            db.blocks = layout.blocks.iter().cloned().collect();
            db.head = Some(layout.head.clone());
            db.drafts = layout.drafts.iter().cloned().collect();
        }
    }

    /// How many company databases exist, listed or not: for tests that
    /// check a failed creation left none behind.
    /// Every text stored for a company (blocks, head, drafts, keys): what
    /// tests search for plaintext.
    #[doc(hidden)]
    pub fn raw_texts(&self, company_id: &str) -> Vec<String> {
        let state = self.state.borrow();
        let Some(db) = state.databases.get(company_id) else {
            return Vec::new();
        };
        let db = db.borrow();
        let mut texts: Vec<String> = db.blocks.values().cloned().collect();
        texts.extend(db.head.clone());
        texts.extend(db.drafts.iter().flat_map(|(k, v)| [k.clone(), v.clone()]));
        texts.extend(db.keys.values().cloned());
        texts
    }

    #[doc(hidden)]
    pub fn database_count(&self) -> usize {
        self.state.borrow().databases.len()
    }

    fn meta(&self, id: &str) -> Result<CompanyMeta, StoreError> {
        self.state
            .borrow()
            .companies
            .get(id)
            .cloned()
            .ok_or_else(|| StoreError::not_found(format!("company {id}")))
    }
}

impl Store for MemoryStore {
    type Company = MemoryCompany;

    async fn list_companies(&self) -> Result<Vec<CompanyMeta>, StoreError> {
        let mut companies: Vec<CompanyMeta> =
            self.state.borrow().companies.values().cloned().collect();
        sort_companies(&mut companies);
        Ok(companies)
    }

    async fn create_company(&self, name: &str) -> Result<CompanyMeta, StoreError> {
        let name = clean_name(name)?;
        let mut state = self.state.borrow_mut();
        state.ids_issued += 1;
        let meta = CompanyMeta {
            id: format!("m{}", state.ids_issued),
            name,
            created_at_unix_ms: now_unix_ms(),
        };
        state.companies.insert(meta.id.clone(), meta.clone());
        state.databases.insert(meta.id.clone(), Rc::default());
        Ok(meta)
    }

    async fn create_company_with_log(
        &self,
        name: &str,
        records: &[LogRecord],
        mut progress: impl FnMut(usize, usize),
    ) -> Result<CompanyMeta, StoreError> {
        let name = clean_name(name)?;
        let id = {
            let mut state = self.state.borrow_mut();
            state.ids_issued += 1;
            format!("m{}", state.ids_issued)
        };
        let company = MemoryCompany::new(Rc::default(), &id);
        self.state
            .borrow_mut()
            .databases
            .insert(id.clone(), company.db.clone());
        let total = records.len();
        progress(0, total);
        let mut done = 0;
        for chunk in records.chunks(MAX_APPEND_RECORDS) {
            if let Err(e) = company.append(chunk).await {
                self.state.borrow_mut().databases.remove(&id);
                return Err(e);
            }
            done += chunk.len();
            progress(done, total);
        }
        let meta = CompanyMeta {
            id,
            name,
            created_at_unix_ms: now_unix_ms(),
        };
        self.state
            .borrow_mut()
            .companies
            .insert(meta.id.clone(), meta.clone());
        Ok(meta)
    }

    async fn rename_company(&self, id: &str, name: &str) -> Result<CompanyMeta, StoreError> {
        let name = clean_name(name)?;
        let mut meta = self.meta(id)?;
        meta.name = name;
        self.state
            .borrow_mut()
            .companies
            .insert(id.to_string(), meta.clone());
        Ok(meta)
    }

    async fn delete_company(&self, id: &str, confirm_name: &str) -> Result<(), StoreError> {
        check_delete_confirmation(&self.meta(id)?, confirm_name)?;
        let mut state = self.state.borrow_mut();
        state.databases.remove(id);
        state.companies.remove(id);
        Ok(())
    }

    async fn open_company(&self, id: &str) -> Result<MemoryCompany, StoreError> {
        self.meta(id)?;
        let db = self.state.borrow().databases.get(id).cloned();
        let db = db.ok_or_else(|| StoreError::not_found(format!("database of company {id}")))?;
        Ok(MemoryCompany::new(db, id))
    }

    async fn persist(&self) -> Result<Persistence, StoreError> {
        Ok(Persistence::Granted)
    }

    async fn estimate(&self) -> Result<Option<StorageEstimate>, StoreError> {
        Ok(None)
    }
}

/// An open company in the twin. Holds its database even after a delete, as
/// an IndexedDB connection would until closed.
pub struct MemoryCompany {
    db: Rc<RefCell<Database>>,
    id: String,
    vault: RefCell<Option<Rc<Vault>>>,
}

impl MemoryCompany {
    fn new(db: Rc<RefCell<Database>>, id: &str) -> MemoryCompany {
        MemoryCompany {
            db,
            id: id.to_owned(),
            vault: RefCell::new(None),
        }
    }

    /// The vault to read and write with: none for a plaintext company,
    /// `Locked` for an encrypted one nobody unlocked here.
    fn vault(&self) -> Result<Option<Rc<Vault>>, StoreError> {
        let encrypted = !self.db.borrow().keys.is_empty();
        vault::in_use(encrypted, &self.vault)
    }

    /// `login`'s key copy, if it has one (an invalid login has none).
    fn slot_of(&self, login: &str) -> Result<Option<KeySlot>, StoreError> {
        let Ok(login) = vault::normalise_login(login) else {
            return Ok(None);
        };
        let text = self.db.borrow().keys.get(&login).cloned();
        text.map(|t| KeySlot::decode(&t)).transpose()
    }

    fn slots(&self) -> Result<Vec<KeySlot>, StoreError> {
        self.db
            .borrow()
            .keys
            .values()
            .map(|t| KeySlot::decode(t))
            .collect()
    }

    fn stored_head(&self) -> Result<ChainHead, StoreError> {
        match &self.db.borrow().head {
            Some(text) => decode_head(text),
            None => Ok(ChainHead::EMPTY),
        }
    }

    /// The records after `from` to the stored head, checked as `check`
    /// says.
    fn read_from(&self, from: ChainHead, check: Check) -> Result<Vec<LogRecord>, StoreError> {
        let stored = self.stored_head()?;
        let vault = self.vault()?;
        let blocks = self.blocks_from(from.seq / super::blocks::BLOCK_LEN);
        read_blocks(from, blocks, stored, vault.as_deref(), check)
    }

    fn blocks_from(&self, first_block: u64) -> Vec<Result<(u64, String), StoreError>> {
        let db = self.db.borrow();
        db.blocks
            .range(first_block..)
            .map(|(n, text)| Ok((*n, text.clone())))
            .collect()
    }
}

impl CompanyLog for MemoryCompany {
    async fn head(&self) -> Result<ChainHead, StoreError> {
        self.stored_head()
    }

    async fn load(&self) -> Result<Vec<LogRecord>, StoreError> {
        self.read_from(ChainHead::EMPTY, Check::Chain)
    }

    async fn load_framed(&self) -> Result<Vec<LogRecord>, StoreError> {
        self.read_from(ChainHead::EMPTY, Check::Framing)
    }

    async fn verify_to(&self, head: ChainHead) -> Result<(), StoreError> {
        let vault = self.vault()?;
        let mut check = ChainCheck::new(head);
        for block in self.blocks_from(0) {
            let (number, text) = block?;
            check.feed_stored(vault.as_deref(), number, text)?;
            if check.reached() {
                break;
            }
        }
        check.finish()
    }

    async fn read_since(&self, from: ChainHead) -> Result<Vec<LogRecord>, StoreError> {
        self.read_from(from, Check::Chain)
    }

    async fn append(&self, records: &[LogRecord]) -> Result<ChainHead, StoreError> {
        let vault = self.vault()?;
        let vault = vault.as_deref();
        let stored = self.stored_head()?;
        let new_head = check_append(stored, records)?;
        if records.is_empty() {
            return Ok(stored);
        }
        let tail = match tail_block_to_extend(stored.seq) {
            Some(n) => {
                let text = self.db.borrow().blocks.get(&n).cloned();
                let text = text.ok_or(StoreError::BrokenChain { seq: stored.seq })?;
                let text = from_stored(vault, Place::Block(n), text)?;
                check_tail(stored, decode_block(n, &text)?)?
            }
            None => Vec::new(),
        };
        let writes = blocks_after_append(&tail, records)
            .into_iter()
            .map(|(n, text)| Ok((n, to_stored(vault, Place::Block(n), text)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let mut db = self.db.borrow_mut();
        for (n, text) in writes {
            db.blocks.insert(n, text);
        }
        db.head = Some(encode_head(&new_head));
        Ok(new_head)
    }

    async fn get_snapshot(&self) -> Result<Option<Vec<u8>>, StoreError> {
        let vault = match self.vault() {
            Err(StoreError::Locked) => return Ok(None),
            vault => vault?,
        };
        let stored = self.db.borrow().snapshot.clone();
        Ok(match vault {
            Some(vault) => stored.and_then(|sealed| vault.open_snapshot(&sealed)),
            None => stored,
        })
    }

    async fn put_snapshot(&self, bytes: &[u8]) -> Result<bool, StoreError> {
        let stored = match self.vault()? {
            Some(vault) => vault.seal_snapshot(bytes)?,
            None => bytes.to_vec(),
        };
        self.db.borrow_mut().snapshot = Some(stored);
        Ok(true)
    }

    async fn put_draft(&self, key: &str, json: &str) -> Result<(), StoreError> {
        let vault = self.vault()?;
        let text = to_stored(vault.as_deref(), Place::Draft(key), json.to_string())?;
        self.db.borrow_mut().drafts.insert(key.to_string(), text);
        Ok(())
    }

    async fn get_draft(&self, key: &str) -> Result<Option<String>, StoreError> {
        let vault = self.vault()?;
        let text = self.db.borrow().drafts.get(key).cloned();
        text.map(|t| from_stored(vault.as_deref(), Place::Draft(key), t))
            .transpose()
    }

    async fn list_drafts(&self) -> Result<Vec<String>, StoreError> {
        self.vault()?;
        Ok(self.db.borrow().drafts.keys().cloned().collect())
    }

    async fn delete_draft(&self, key: &str) -> Result<(), StoreError> {
        self.vault()?;
        self.db.borrow_mut().drafts.remove(key);
        Ok(())
    }

    async fn logins(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.db.borrow().keys.keys().cloned().collect())
    }

    async fn is_locked(&self) -> Result<bool, StoreError> {
        Ok(matches!(self.vault(), Err(StoreError::Locked)))
    }

    async fn unlock(&self, login: &str, password: &str) -> Result<(), StoreError> {
        let vault = vault::unlock(&self.slots()?, login, password, &self.id)?;
        *self.vault.borrow_mut() = Some(Rc::new(vault));
        Ok(())
    }

    async fn encrypt(&self, login: &str, new: &NewPassword<'_>) -> Result<(), StoreError> {
        if !self.db.borrow().keys.is_empty() {
            return Err(StoreError::AlreadyEncrypted);
        }
        // The log must verify before it is sealed.
        self.load().await?;
        let vault = Vault::generate(&self.id)?;
        let slot = vault.slot_for(login, new, None)?;
        let (blocks, drafts) = {
            let db = self.db.borrow();
            let blocks = db.blocks.iter().map(|(n, t)| (*n, t.clone())).collect();
            let drafts = db
                .drafts
                .iter()
                .map(|(k, t)| (k.clone(), t.clone()))
                .collect();
            vault::seal_all_texts(&vault, blocks, drafts)?
        };
        let mut db = self.db.borrow_mut();
        db.blocks = blocks.into_iter().collect();
        db.drafts = drafts.into_iter().collect();
        db.snapshot = None;
        db.keys.insert(slot.login.clone(), slot.encode()?);
        drop(db);
        *self.vault.borrow_mut() = Some(Rc::new(vault));
        Ok(())
    }

    async fn put_login(&self, login: &str, new: &NewPassword<'_>) -> Result<(), StoreError> {
        let vault = self.vault()?.ok_or(StoreError::NotEncrypted)?;
        let current = self.slot_of(login)?;
        let slot = vault.slot_for(login, new, current.as_ref())?;
        self.db
            .borrow_mut()
            .keys
            .insert(slot.login.clone(), slot.encode()?);
        Ok(())
    }

    async fn login_status(&self, login: &str) -> Result<Option<LoginStatus>, StoreError> {
        Ok(self.slot_of(login)?.map(|s| s.status()))
    }
}
