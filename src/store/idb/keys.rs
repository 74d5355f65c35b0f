//! The logins' keys of one company database and its encryption in place
//! (`store::vault` says what is sealed and why).

use super::company::{Finish, IdbCompany};
use super::errors::map_err;
use super::schema::{DRAFTS, KEYS, LOG, META, SNAPSHOT_KEY, strict};
use crate::ledger::chain::ChainHead;
use crate::store::CompanyLog;
use crate::store::blocks::blocks_after_append;
use crate::store::error::StoreError;
use crate::store::log::{decode_head, encode_head};
use crate::store::vault::{self, KeySlot, NewPassword, Vault};
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

const HEAD_KEY: &str = "head";

impl IdbCompany {
    async fn slots(&self) -> Result<Vec<KeySlot>, StoreError> {
        let tx = self.db()?.transaction(KEYS).build().map_err(map_err)?;
        let keys = tx.object_store(KEYS).map_err(map_err)?;
        let texts = keys
            .get_all::<String>()
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        texts
            .map(|t| KeySlot::decode(&t.map_err(map_err)?))
            .collect()
    }

    pub(super) async fn stored_logins(&self) -> Result<Vec<String>, StoreError> {
        let mut logins: Vec<String> = self.slots().await?.into_iter().map(|s| s.login).collect();
        logins.sort();
        Ok(logins)
    }

    /// `login`'s key copy, if it has one (an invalid login has none).
    pub(super) async fn slot_of(&self, login: &str) -> Result<Option<KeySlot>, StoreError> {
        let Ok(login) = vault::normalise_login(login) else {
            return Ok(None);
        };
        Ok(self.slots().await?.into_iter().find(|s| s.login == login))
    }

    pub(super) async fn unlock_with(&self, login: &str, password: &str) -> Result<(), StoreError> {
        let vault = vault::unlock(&self.slots().await?, login, password, self.id())?;
        self.keep_vault(vault).await;
        Ok(())
    }

    pub(super) async fn put_login_with(
        &self,
        login: &str,
        new: &NewPassword<'_>,
    ) -> Result<(), StoreError> {
        let vault = self.vault.borrow().clone();
        let vault = vault.ok_or(if self.slots().await?.is_empty() {
            StoreError::NotEncrypted
        } else {
            StoreError::Locked
        })?;
        // Argon2id before the transaction: it would outlive it. Another
        // tab changing the same password meanwhile may lose one history
        // entry; the key copy written last wins whole.
        let current = self.slot_of(login).await?;
        let slot = vault.slot_for(login, new, current.as_ref())?;
        let tx = self
            .db()?
            .transaction(KEYS)
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()
            .map_err(map_err)?;
        let keys = tx.object_store(KEYS).map_err(map_err)?;
        keys.put(slot.encode()?)
            .with_key(slot.login.as_str())
            .primitive()
            .map_err(map_err)?
            .await
            .map_err(map_err)?;
        drop(keys);
        tx.commit().await.map_err(map_err)
    }

    /// Encryption in place; `Abort` lets the browser tests prove that an
    /// interrupted encryption leaves the company exactly as it was.
    #[doc(hidden)]
    pub async fn encrypt_then(
        &self,
        login: &str,
        new: &NewPassword<'_>,
        finish: Finish,
    ) -> Result<(), StoreError> {
        if !self.slots().await?.is_empty() {
            return Err(StoreError::AlreadyEncrypted);
        }
        // Verified before anything is sealed; re-encoded in the current
        // encoding, so old v1 blocks are sealed as v2.
        let records = self.load().await?;
        let head = records.last().map_or(ChainHead::EMPTY, ChainHead::after);
        let vault = Vault::generate(self.id())?;
        let slot = vault.slot_for(login, new, None)?;
        let (blocks, _) =
            vault::seal_all_texts(&vault, blocks_after_append(&[], &records), Vec::new())?;
        drop(records);
        self.replace_sealed(&vault, head, blocks, &slot, finish)
            .await?;
        self.forget_tail();
        self.keep_vault(vault).await;
        Ok(())
    }

    /// The one transaction of encryption in place: refuses when the log
    /// moved or another tab encrypted it meanwhile, seals the drafts read in
    /// it, and replaces blocks, drafts and the key together.
    async fn replace_sealed(
        &self,
        vault: &Vault,
        head: ChainHead,
        blocks: Vec<(u64, String)>,
        slot: &KeySlot,
        finish: Finish,
    ) -> Result<(), StoreError> {
        let tx = self
            .db()?
            .transaction([LOG, META, DRAFTS, KEYS])
            .with_mode(TransactionMode::Readwrite)
            .with_options(strict())
            .build()
            .map_err(map_err)?;
        let log = tx.object_store(LOG).map_err(map_err)?;
        let meta = tx.object_store(META).map_err(map_err)?;
        let drafts = tx.object_store(DRAFTS).map_err(map_err)?;
        let keys = tx.object_store(KEYS).map_err(map_err)?;
        let key_count = keys.count().primitive().map_err(map_err)?;
        let head_req = meta.get(HEAD_KEY).primitive().map_err(map_err)?;
        let draft_keys = drafts
            .get_all_keys::<String>()
            .primitive()
            .map_err(map_err)?;
        let draft_texts = drafts.get_all::<String>().primitive().map_err(map_err)?;
        if key_count.await.map_err(map_err)? > 0 {
            return Err(StoreError::AlreadyEncrypted);
        }
        let head_text: Option<String> = head_req.await.map_err(map_err)?;
        let stored = head_text.map_or(Ok(ChainHead::EMPTY), |t| decode_head(&t))?;
        if stored != head {
            return Err(StoreError::Conflict {
                expected_seq: head.seq,
                found_seq: stored.seq,
            });
        }
        let plain_drafts = draft_keys
            .await
            .map_err(map_err)?
            .zip(draft_texts.await.map_err(map_err)?)
            .map(|(k, t)| Ok((k.map_err(map_err)?, t.map_err(map_err)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let (_, sealed_drafts) = vault::seal_all_texts(vault, Vec::new(), plain_drafts)?;
        let mut block_puts = Vec::new();
        for (block, text) in blocks {
            block_puts.push(
                log.put(text)
                    .with_key(block as u32)
                    .primitive()
                    .map_err(map_err)?,
            );
        }
        let mut text_puts = Vec::new();
        for (key, text) in sealed_drafts {
            text_puts.push(
                drafts
                    .put(text)
                    .with_key(key)
                    .primitive()
                    .map_err(map_err)?,
            );
        }
        text_puts.push(
            keys.put(slot.encode()?)
                .with_key(slot.login.as_str())
                .primitive()
                .map_err(map_err)?,
        );
        // A plain snapshot of the books must not outlive the encryption.
        let snapshot_gone = meta.delete(SNAPSHOT_KEY).primitive().map_err(map_err)?;
        // The head is unchanged; written again so the transaction covers it.
        text_puts.push(
            meta.put(encode_head(&stored))
                .with_key(HEAD_KEY)
                .primitive()
                .map_err(map_err)?,
        );
        for put in block_puts {
            put.await.map_err(map_err)?;
        }
        for put in text_puts {
            put.await.map_err(map_err)?;
        }
        snapshot_gone.await.map_err(map_err)?;
        drop((log, meta, drafts, keys));
        if finish == Finish::Abort {
            tx.abort().await.map_err(map_err)?;
            return Err(StoreError::Aborted);
        }
        tx.commit().await.map_err(map_err)
    }
}
