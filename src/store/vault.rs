//! The books encrypted at rest (verschlüsselte Ablage), issue 18: what the
//! store writes for a company with users. Both stores (IndexedDB and the
//! in-memory twin) seal and open through this one module.
//!
//! A company is encrypted once it has a [`KeySlot`]: its data key wrapped
//! for one login (`security::keys`). From then on every log block and every
//! draft is stored sealed ([`SEALED_HEADER`] and base64 of nonce and
//! ciphertext, `security::block`), bound to the company and to its place
//! (block number or draft key), and a plaintext block is refused rather
//! than read. The hash chain stays over the plaintext records, so
//! verification, backups and the CLI are unchanged.
//!
//! The [`Vault`] (the unlocked data key) lives only in the open company's
//! handle, in memory; the password is never kept.

use super::error::StoreError;
use crate::security::{
    self, DataKey, KdfParams, PasswordHash, PasswordPolicy, SealedBlock, WrappedKey,
};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// First line of every sealed block or draft as stored.
pub const SEALED_HEADER: &str = "KONTOR-SEALED 1\n";
/// Longest login name, in characters.
pub const MAX_LOGIN_CHARS: usize = 64;

/// One login's copy of the company's data key: what the `keys` store keeps
/// per user, with what the password policy needs to know of the password.
/// Nothing in it opens the books without the password; the hashes cost
/// a guesser one Argon2id per guess, as the wrapped key does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeySlot {
    pub login: String,
    pub wrapped: WrappedKey,
    /// The day the password was set; `None` in copies written before the
    /// policy was kept (they expire once changed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_on: Option<NaiveDate>,
    /// Set by another user (a superuser's reset): its owner chooses their
    /// own at the next login.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub must_change: bool,
    /// Argon2id hashes (PHC) of the login's latest passwords, the current
    /// one last, at most [`MAX_NO_REUSE`](crate::ledger::gl::password_policy::MAX_NO_REUSE):
    /// what "not one of the last n" is checked against.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<String>,
}

/// A password to store for a login, with what its policy needs.
#[derive(Clone, Copy, Debug)]
pub struct NewPassword<'a> {
    pub password: &'a str,
    pub params: KdfParams,
    /// The company's policy the password must meet.
    pub policy: PasswordPolicy,
    /// The day it is set: its expiry counts from here.
    pub today: NaiveDate,
    /// Set for someone else: they must change it at their next login.
    pub must_change: bool,
}

impl<'a> NewPassword<'a> {
    /// A user's own new password.
    pub fn own(
        password: &'a str,
        params: KdfParams,
        policy: PasswordPolicy,
        today: NaiveDate,
    ) -> NewPassword<'a> {
        NewPassword {
            password,
            params,
            policy,
            today,
            must_change: false,
        }
    }

    /// The same password, set by another user for its owner.
    pub fn for_someone_else(self) -> NewPassword<'a> {
        NewPassword {
            must_change: true,
            ..self
        }
    }
}

/// What the lock screen needs to know of a login's password after it
/// opened the key: whether it must be changed before the books open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoginStatus {
    pub set_on: Option<NaiveDate>,
    pub must_change: bool,
}

impl LoginStatus {
    /// Whether the password must be changed `today` under `policy`: set by
    /// someone else, or older than the policy's expiry.
    pub fn needs_change(&self, today: NaiveDate, policy: &PasswordPolicy) -> bool {
        self.must_change
            || self
                .set_on
                .is_some_and(|set_on| security::expired(set_on, today, policy))
    }
}

impl KeySlot {
    pub fn encode(&self) -> Result<String, StoreError> {
        serde_json::to_string(self).map_err(StoreError::unexpected)
    }

    pub fn decode(text: &str) -> Result<KeySlot, StoreError> {
        serde_json::from_str(text).map_err(|e| StoreError::CorruptMeta {
            what: "key of a user".into(),
            detail: e.to_string(),
        })
    }

    pub fn status(&self) -> LoginStatus {
        LoginStatus {
            set_on: self.set_on,
            must_change: self.must_change,
        }
    }

    /// The stored hashes of earlier passwords; one that does not parse is
    /// a damaged key copy, refused rather than skipped (skipping would let
    /// that password come back).
    fn previous(&self) -> Result<Vec<PasswordHash>, StoreError> {
        self.history
            .iter()
            .map(|phc| {
                PasswordHash::parse(phc).map_err(|e| StoreError::CorruptMeta {
                    what: format!("password history of {}", self.login),
                    detail: e.to_string(),
                })
            })
            .collect()
    }
}

/// A login as compared and stored: trimmed, lower case, 1 to
/// [`MAX_LOGIN_CHARS`] characters without spaces or control characters.
pub fn normalise_login(login: &str) -> Result<String, StoreError> {
    let login = login.trim().to_lowercase();
    let chars = login.chars().count();
    if chars == 0
        || chars > MAX_LOGIN_CHARS
        || login.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(StoreError::InvalidLogin {
            max_chars: MAX_LOGIN_CHARS,
        });
    }
    Ok(login)
}

/// Where a sealed text belongs: sealing binds it to this place, so a block
/// moved to another number or a draft under another key is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place<'a> {
    Block(u64),
    Draft(&'a str),
    /// The snapshot of the folded Book (`CompanyLog::get_snapshot`).
    Snapshot,
}

/// The unlocked data key of one company.
pub struct Vault {
    key: DataKey,
    company_id: String,
}

impl Vault {
    pub fn new(key: DataKey, company_id: &str) -> Vault {
        Vault {
            key,
            company_id: company_id.to_owned(),
        }
    }

    /// A fresh random key for `company_id` (its first user).
    pub fn generate(company_id: &str) -> Result<Vault, StoreError> {
        let key = DataKey::generate().map_err(|e| StoreError::KeyUnavailable {
            detail: e.to_string(),
        })?;
        Ok(Vault::new(key, company_id))
    }

    /// Wraps this key for `login`'s new password, after the policy
    /// allowed it against the login's `current` copy (its history). Three
    /// kinds of Argon2id work: one per remembered password checked, one
    /// hash, one wrap.
    pub fn slot_for(
        &self,
        login: &str,
        new: &NewPassword,
        current: Option<&KeySlot>,
    ) -> Result<KeySlot, StoreError> {
        let login = normalise_login(login)?;
        let previous = current.map(KeySlot::previous).transpose()?;
        let previous = previous.unwrap_or_default();
        security::check(&new.policy, new.password, &previous).map_err(StoreError::Password)?;
        let unavailable = |detail: String| StoreError::KeyUnavailable { detail };
        let hash =
            security::hash(new.password, new.params).map_err(|e| unavailable(e.to_string()))?;
        let wrapped = security::wrap(&self.key, new.password, &self.company_id, new.params)
            .map_err(|e| unavailable(e.to_string()))?;
        let mut history = current.map(|c| c.history.clone()).unwrap_or_default();
        history.push(hash.as_str().to_string());
        let keep = usize::from(crate::ledger::gl::password_policy::MAX_NO_REUSE);
        history.drain(..history.len().saturating_sub(keep));
        Ok(KeySlot {
            login,
            wrapped,
            set_on: Some(new.today),
            must_change: new.must_change,
            history,
        })
    }

    /// The company and place a sealing is bound to: blocks under the
    /// company's id, drafts under the id and their key, the snapshot under
    /// the id and `/snapshot` (an id never holds a '/', and the block
    /// module length-prefixes it).
    fn binding(&self, place: Place) -> (String, u64) {
        match place {
            Place::Block(n) => (self.company_id.clone(), n),
            Place::Draft(key) => (format!("{}/draft/{key}", self.company_id), 0),
            Place::Snapshot => (format!("{}/snapshot", self.company_id), 0),
        }
    }

    /// The key's bytes, for WebCrypto's import only.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn key_bytes(&self) -> &[u8; crate::security::keys::KEY_BYTES] {
        self.key.expose()
    }

    /// What a sealing at `place` is bound to, as `security::block` builds it.
    pub fn associated_data(&self, place: Place) -> Vec<u8> {
        let (company, position) = self.binding(place);
        crate::security::block::associated_data(&company, position)
    }

    pub fn seal(&self, place: Place, text: &str) -> Result<String, StoreError> {
        let sealed = self.seal_bytes(place, text.as_bytes())?;
        let mut out = String::from(SEALED_HEADER);
        STANDARD.encode_string(sealed, &mut out);
        Ok(out)
    }

    /// `plain` sealed at `place`, as nonce and ciphertext.
    fn seal_bytes(&self, place: Place, plain: &[u8]) -> Result<Vec<u8>, StoreError> {
        let (company, position) = self.binding(place);
        security::seal(&self.key, &company, position, plain)
            .map(|sealed| sealed.to_bytes())
            .map_err(|e| StoreError::KeyUnavailable {
                detail: e.to_string(),
            })
    }

    /// A snapshot's bytes sealed as nonce and ciphertext (bytes, not text:
    /// the store keeps it as bytes, and it is tens of megabytes).
    pub fn seal_snapshot(&self, plain: &[u8]) -> Result<Vec<u8>, StoreError> {
        self.seal_bytes(Place::Snapshot, plain)
    }

    /// The plain bytes of a sealed snapshot; `None` when they do not open
    /// here (changed, another company's, another key's): the session then
    /// folds the log, as without a snapshot.
    pub fn open_snapshot(&self, sealed: &[u8]) -> Option<Vec<u8>> {
        let sealed = SealedBlock::from_bytes(sealed)?;
        let (company, position) = self.binding(Place::Snapshot);
        security::open(&self.key, &company, position, &sealed).ok()
    }

    /// The plaintext of a sealed text, refused when it is not sealed, was
    /// changed, or belongs to another place or company.
    pub fn open(&self, place: Place, text: &str) -> Result<String, StoreError> {
        let sealed = parse_sealed(place, text)?;
        let (company, position) = self.binding(place);
        let plain =
            security::open(&self.key, &company, position, &sealed).map_err(|_| refusal(place))?;
        String::from_utf8(plain).map_err(|_| refusal(place))
    }
}

/// Nonce and ciphertext of a stored sealed text; a plaintext block is
/// `UnsealedBlock`, anything else unreadable a refusal of its place.
pub fn parse_sealed(place: Place, text: &str) -> Result<SealedBlock, StoreError> {
    let refused = || refusal(place);
    let encoded = text
        .strip_prefix(SEALED_HEADER)
        .ok_or_else(|| match place {
            Place::Block(block) => StoreError::UnsealedBlock { block },
            Place::Draft(_) | Place::Snapshot => refused(),
        })?;
    let bytes = STANDARD.decode(encoded).map_err(|_| refused())?;
    SealedBlock::from_bytes(&bytes).ok_or_else(refused)
}

fn refusal(place: Place) -> StoreError {
    match place {
        Place::Block(block) => StoreError::BlockRefused { block },
        Place::Draft(key) => StoreError::DraftRefused {
            key: key.to_owned(),
        },
        // The snapshot is sealed as bytes and never parsed as a text.
        Place::Snapshot => StoreError::unexpected("the snapshot is not a sealed text"),
    }
}

/// The vault a company handle reads and writes with: none for a plaintext
/// company, the one `held` once unlocked, `Locked` otherwise. Both stores'
/// handles ask this on every read and write.
pub fn in_use(
    encrypted: bool,
    held: &std::cell::RefCell<Option<std::rc::Rc<Vault>>>,
) -> Result<Option<std::rc::Rc<Vault>>, StoreError> {
    if !encrypted {
        return Ok(None);
    }
    held.borrow().clone().map(Some).ok_or(StoreError::Locked)
}

/// Whether a stored text is sealed.
pub fn is_sealed(text: &str) -> bool {
    text.starts_with(SEALED_HEADER)
}

/// The stored text of a block or draft as the company keeps it: sealed
/// when a vault is open, as it is otherwise.
pub fn to_stored(vault: Option<&Vault>, place: Place, text: String) -> Result<String, StoreError> {
    match vault {
        Some(vault) => vault.seal(place, &text),
        None => Ok(text),
    }
}

/// The plaintext of a stored text: opened with the vault when there is
/// one; without one, a sealed text means the company is locked.
pub fn from_stored(
    vault: Option<&Vault>,
    place: Place,
    text: String,
) -> Result<String, StoreError> {
    match vault {
        Some(vault) => vault.open(place, &text),
        None if is_sealed(&text) => Err(StoreError::Locked),
        None => Ok(text),
    }
}

/// The data key from the slot of `login`, if `password` is theirs. A login
/// nobody has costs the same Argon2id work (on another slot, whose result
/// is dropped) and gets the same refusal as a wrong password, so neither
/// the answer nor its time says who exists.
pub fn unlock(
    slots: &[KeySlot],
    login: &str,
    password: &str,
    company_id: &str,
) -> Result<Vault, StoreError> {
    let login = normalise_login(login).map_err(|_| StoreError::LoginRefused)?;
    let Some(first) = slots.first() else {
        return Err(StoreError::NotEncrypted);
    };
    match slots.iter().find(|s| s.login == login) {
        Some(slot) => security::unwrap(&slot.wrapped, password, company_id)
            .map(|key| Vault::new(key, company_id))
            .map_err(|_| StoreError::LoginRefused),
        None => {
            // The work is what counts; even a success must not open.
            drop(security::unwrap(&first.wrapped, password, company_id));
            Err(StoreError::LoginRefused)
        }
    }
}

/// A draft as stored: its key and text.
pub type Draft = (String, String);
/// A block as stored: its number and text.
pub type Block = (u64, String);

/// Seals every plaintext block and draft of a company for encryption in
/// place, and checks that each sealed copy opens to the same text before
/// anything is replaced. Refuses a text that is sealed already.
pub fn seal_all_texts(
    vault: &Vault,
    blocks: Vec<Block>,
    drafts: Vec<Draft>,
) -> Result<(Vec<Block>, Vec<Draft>), StoreError> {
    let sealed_blocks = blocks
        .into_iter()
        .map(|(n, text)| Ok((n, seal_checked(vault, Place::Block(n), &text)?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    let sealed_drafts = drafts
        .into_iter()
        .map(|(key, text)| {
            let sealed = seal_checked(vault, Place::Draft(&key), &text)?;
            Ok((key, sealed))
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok((sealed_blocks, sealed_drafts))
}

fn seal_checked(vault: &Vault, place: Place, text: &str) -> Result<String, StoreError> {
    if is_sealed(text) {
        return Err(StoreError::AlreadyEncrypted);
    }
    let sealed = vault.seal(place, text)?;
    if vault.open(place, &sealed)? != text {
        return Err(refusal(place));
    }
    Ok(sealed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::security::password::TESTS_ONLY;

    fn vault() -> Vault {
        Vault::generate("c1").unwrap()
    }

    #[test]
    fn sealed_text_opens_only_at_its_place() {
        let v = vault();
        let sealed = v.seal(Place::Block(3), "KONTOR-LOG-BLOCK 2\n").unwrap();
        assert!(is_sealed(&sealed));
        assert!(!sealed.contains("LOG-BLOCK"));
        assert_eq!(
            v.open(Place::Block(3), &sealed).unwrap(),
            "KONTOR-LOG-BLOCK 2\n"
        );
        assert_eq!(
            v.open(Place::Block(4), &sealed),
            Err(StoreError::BlockRefused { block: 4 })
        );
        assert_eq!(
            v.open(Place::Draft("3"), &sealed),
            Err(StoreError::DraftRefused { key: "3".into() })
        );
        assert_eq!(
            vault().open(Place::Block(3), &sealed),
            Err(StoreError::BlockRefused { block: 3 })
        );
    }

    #[test]
    fn a_plain_block_in_an_encrypted_company_is_refused() {
        assert_eq!(
            vault().open(Place::Block(0), "KONTOR-LOG-BLOCK 2\n"),
            Err(StoreError::UnsealedBlock { block: 0 })
        );
        assert_eq!(
            from_stored(None, Place::Block(0), SEALED_HEADER.to_string()),
            Err(StoreError::Locked)
        );
    }

    #[test]
    fn unlock_refuses_a_wrong_password_and_an_unknown_login_alike() {
        let v = vault();
        let new = NewPassword::own(
            "Sommer2026!",
            TESTS_ONLY,
            PasswordPolicy::default(),
            NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
        );
        let slots = vec![v.slot_for(" Anna ", &new, None).unwrap()];
        assert_eq!(slots[0].login, "anna");
        let sealed = v.seal(Place::Block(0), "x").unwrap();
        let opened = unlock(&slots, "ANNA", "Sommer2026!", "c1").unwrap();
        assert_eq!(opened.open(Place::Block(0), &sealed).unwrap(), "x");
        for (login, password) in [("anna", "sommer2026!"), ("ben", "Sommer2026!"), ("", "x")] {
            assert_eq!(
                unlock(&slots, login, password, "c1").err(),
                Some(StoreError::LoginRefused),
                "{login}"
            );
        }
        assert_eq!(
            unlock(&slots, "anna", "Sommer2026!", "c2").err(),
            Some(StoreError::LoginRefused)
        );
    }

    #[test]
    fn sealing_all_refuses_what_is_sealed_already() {
        let v = vault();
        let sealed = v.seal(Place::Block(0), "a").unwrap();
        assert_eq!(
            seal_all_texts(&v, vec![(0, sealed)], vec![]).err(),
            Some(StoreError::AlreadyEncrypted)
        );
        let (blocks, drafts) =
            seal_all_texts(&v, vec![(0, "a".into())], vec![("k".into(), "{}".into())]).unwrap();
        assert_eq!(v.open(Place::Block(0), &blocks[0].1).unwrap(), "a");
        assert_eq!(v.open(Place::Draft("k"), &drafts[0].1).unwrap(), "{}");
    }
}
