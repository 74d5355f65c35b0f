//! The company's data key and its wrapping per user (Schlüssel): one
//! random AES-256 key seals every block of the company; each user holds a
//! copy encrypted with a key derived from their password (Argon2id over a
//! salt of their own), so a password change re-wraps 32 bytes and the books
//! stay as they are.
//!
//! The wrap is AES-256-GCM with the company's id as associated data: a
//! wrapped key copied to another company's records fails to open there
//! even with the right password. GCM cannot tell a wrong password from a
//! damaged wrap; both are [`KeyError::Refused`].

use super::base64_bytes;
use super::password::{KdfParams, MAX_PASSWORD_BYTES, PasswordError, SALT_BYTES};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

/// Length of the data key and of the derived wrapping key (AES-256).
pub const KEY_BYTES: usize = 32;
/// AES-GCM's nonce length.
pub const NONCE_BYTES: usize = 12;
/// The wrap's format: what `unwrap` understands.
pub const WRAP_VERSION: u16 = 1;
/// Prefix of the associated data, so a wrap can never pass for a sealed
/// block (whose associated data starts differently).
const WRAP_AAD_PREFIX: &[u8] = b"kontor.data-key.v1\0";

/// The company's data key. Never serialised in the clear, never printed,
/// wiped from memory when dropped.
pub struct DataKey([u8; KEY_BYTES]);

impl DataKey {
    /// A new random key, for a company that gets its first user.
    pub fn generate() -> Result<DataKey, KeyError> {
        super::random_bytes()
            .map(DataKey)
            .ok_or(KeyError::RandomnessUnavailable)
    }

    /// The AES-256-GCM cipher of this key (block sealing).
    pub(crate) fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&self.0))
    }

    /// The raw bytes, for the browser's WebCrypto to import as a
    /// non-extractable key (`store::idb::webcrypto`).
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn expose(&self) -> &[u8; KEY_BYTES] {
        &self.0
    }

    /// The raw bytes, for tests that compare two keys.
    #[cfg(test)]
    pub(crate) fn bytes(&self) -> &[u8; KEY_BYTES] {
        &self.0
    }
}

impl Drop for DataKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(..)")
    }
}

/// A data key encrypted for one user of one company: what is stored per
/// user. Holds nothing an attacker can use without the password, except
/// the chance to guess it at one Argon2id per guess.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKey {
    pub version: u16,
    /// The company the key belongs to; also the associated data of the
    /// encryption, so changing this field does not help either.
    pub company_id: String,
    #[serde(with = "base64_bytes")]
    pub salt: [u8; SALT_BYTES],
    pub kdf: KdfParams,
    #[serde(with = "base64_bytes")]
    pub nonce: [u8; NONCE_BYTES],
    /// The encrypted key and GCM's 16-byte tag.
    #[serde(with = "base64_bytes")]
    pub ciphertext: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Wrong password, or the wrap was changed (GCM cannot tell which).
    #[error("the password does not open the company's key")]
    Refused,
    /// The wrap names another company than the one being opened.
    #[error("this key belongs to company {found}, not {expected}")]
    OtherCompany { expected: String, found: String },
    /// A wrap format this version does not know (written by a newer one).
    #[error("unknown key format version {version}")]
    UnknownVersion { version: u16 },
    #[error(transparent)]
    Password(#[from] PasswordError),
    #[error("no random numbers available")]
    RandomnessUnavailable,
}

/// Encrypts `data_key` for the user with `password` in company
/// `company_id`, with a fresh salt and nonce.
pub fn wrap(
    data_key: &DataKey,
    password: &str,
    company_id: &str,
    params: KdfParams,
) -> Result<WrappedKey, KeyError> {
    let salt: [u8; SALT_BYTES] = super::random_bytes().ok_or(KeyError::RandomnessUnavailable)?;
    let nonce: [u8; NONCE_BYTES] = super::random_bytes().ok_or(KeyError::RandomnessUnavailable)?;
    let wrapping = wrapping_cipher(password, &salt, params)?;
    let ciphertext = wrapping
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &data_key.0,
                aad: &associated_data(company_id),
            },
        )
        // Encrypting 32 bytes cannot exceed GCM's length limit.
        .map_err(|_| KeyError::Refused)?;
    Ok(WrappedKey {
        version: WRAP_VERSION,
        company_id: company_id.to_owned(),
        salt,
        kdf: params,
        nonce,
        ciphertext,
    })
}

/// The data key of company `company_id` from a user's wrap, if `password`
/// is theirs.
pub fn unwrap(wrapped: &WrappedKey, password: &str, company_id: &str) -> Result<DataKey, KeyError> {
    if wrapped.version != WRAP_VERSION {
        return Err(KeyError::UnknownVersion {
            version: wrapped.version,
        });
    }
    if wrapped.company_id != company_id {
        return Err(KeyError::OtherCompany {
            expected: company_id.to_owned(),
            found: wrapped.company_id.clone(),
        });
    }
    let wrapping = wrapping_cipher(password, &wrapped.salt, wrapped.kdf)?;
    let mut plain = wrapping
        .decrypt(
            Nonce::from_slice(&wrapped.nonce),
            Payload {
                msg: &wrapped.ciphertext,
                aad: &associated_data(company_id),
            },
        )
        .map_err(|_| KeyError::Refused)?;
    let key = <[u8; KEY_BYTES]>::try_from(plain.as_slice())
        .map(DataKey)
        .map_err(|_| KeyError::Refused);
    plain.zeroize();
    key
}

/// A password change: the same data key wrapped for `new_password` (fresh
/// salt and nonce, `params` for the new wrap). Refused unless
/// `old_password` opens the old wrap; the books are not touched.
pub fn rewrap(
    wrapped: &WrappedKey,
    old_password: &str,
    new_password: &str,
    company_id: &str,
    params: KdfParams,
) -> Result<WrappedKey, KeyError> {
    let data_key = unwrap(wrapped, old_password, company_id)?;
    wrap(&data_key, new_password, company_id, params)
}

/// The key-encryption key from the password: Argon2id straight into 32
/// bytes, wiped once the cipher holds it.
fn wrapping_cipher(
    password: &str,
    salt: &[u8; SALT_BYTES],
    params: KdfParams,
) -> Result<Aes256Gcm, KeyError> {
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(PasswordError::TooLong {
            max_bytes: MAX_PASSWORD_BYTES,
        }
        .into());
    }
    let argon2 = params.argon2id(KEY_BYTES)?;
    let mut derived = [0u8; KEY_BYTES];
    argon2
        .hash_password_into(password.as_bytes(), salt, &mut derived)
        .map_err(|_| PasswordError::BadParams { params })?;
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&derived));
    derived.zeroize();
    Ok(cipher)
}

fn associated_data(company_id: &str) -> Vec<u8> {
    [WRAP_AAD_PREFIX, company_id.as_bytes()].concat()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::security::password::TESTS_ONLY;

    const COMPANY: &str = "c-2026-0001";

    fn wrapped(key: &DataKey, password: &str) -> WrappedKey {
        wrap(key, password, COMPANY, TESTS_ONLY).unwrap()
    }

    #[test]
    fn wrap_then_unwrap_gives_the_same_key() {
        let key = DataKey::generate().unwrap();
        let stored = wrapped(&key, "Bilanz2026");
        let opened = unwrap(&stored, "Bilanz2026", COMPANY).unwrap();
        assert_eq!(opened.bytes(), key.bytes());
        assert_eq!(stored.ciphertext.len(), KEY_BYTES + 16);
    }

    #[test]
    fn wrong_password_is_refused() {
        let key = DataKey::generate().unwrap();
        let stored = wrapped(&key, "Bilanz2026");
        assert_eq!(
            unwrap(&stored, "bilanz2026", COMPANY).unwrap_err(),
            KeyError::Refused
        );
    }

    #[test]
    fn wrap_of_another_company_is_refused() {
        let key = DataKey::generate().unwrap();
        let stored = wrapped(&key, "Bilanz2026");
        assert_eq!(
            unwrap(&stored, "Bilanz2026", "c-2026-0002").unwrap_err(),
            KeyError::OtherCompany {
                expected: "c-2026-0002".into(),
                found: COMPANY.into()
            }
        );
        // Relabelled to pass the name check, the associated data still
        // binds it to the company it was made for.
        let relabelled = WrappedKey {
            company_id: "c-2026-0002".into(),
            ..stored
        };
        assert_eq!(
            unwrap(&relabelled, "Bilanz2026", "c-2026-0002").unwrap_err(),
            KeyError::Refused
        );
    }

    #[test]
    fn password_change_rewraps_the_same_key() {
        let key = DataKey::generate().unwrap();
        let old = wrapped(&key, "Bilanz2026");
        let new = rewrap(&old, "Bilanz2026", "Abschluss2027", COMPANY, TESTS_ONLY).unwrap();
        assert_ne!(new.salt, old.salt);
        assert_eq!(
            unwrap(&new, "Bilanz2026", COMPANY).unwrap_err(),
            KeyError::Refused,
            "the old password no longer opens the new wrap"
        );
        let opened = unwrap(&new, "Abschluss2027", COMPANY).unwrap();
        assert_eq!(opened.bytes(), key.bytes(), "the books' key is unchanged");
    }

    #[test]
    fn rewrap_with_the_wrong_old_password_is_refused() {
        let key = DataKey::generate().unwrap();
        let old = wrapped(&key, "Bilanz2026");
        assert_eq!(
            rewrap(&old, "Raten123", "Abschluss2027", COMPANY, TESTS_ONLY).unwrap_err(),
            KeyError::Refused
        );
    }

    #[test]
    fn tampered_wrap_is_refused() {
        let key = DataKey::generate().unwrap();
        let mut stored = wrapped(&key, "Bilanz2026");
        stored.ciphertext[3] ^= 0x01;
        assert_eq!(
            unwrap(&stored, "Bilanz2026", COMPANY).unwrap_err(),
            KeyError::Refused
        );
        let mut stored = wrapped(&key, "Bilanz2026");
        stored.kdf.iterations += 1;
        assert_eq!(
            unwrap(&stored, "Bilanz2026", COMPANY).unwrap_err(),
            KeyError::Refused
        );
    }

    #[test]
    fn hostile_params_and_versions_are_refused_before_any_work() {
        let key = DataKey::generate().unwrap();
        let mut stored = wrapped(&key, "Bilanz2026");
        stored.kdf.memory_kib = u32::MAX;
        assert!(matches!(
            unwrap(&stored, "Bilanz2026", COMPANY),
            Err(KeyError::Password(PasswordError::BadParams { .. }))
        ));
        let mut stored = wrapped(&key, "Bilanz2026");
        stored.version = 2;
        assert_eq!(
            unwrap(&stored, "Bilanz2026", COMPANY).unwrap_err(),
            KeyError::UnknownVersion { version: 2 }
        );
    }

    #[test]
    fn wrap_survives_json_and_wrong_lengths_do_not_parse() {
        let key = DataKey::generate().unwrap();
        let stored = wrapped(&key, "Bilanz2026");
        let json = serde_json::to_string(&stored).unwrap();
        let back: WrappedKey = serde_json::from_str(&json).unwrap();
        assert_eq!(back, stored);
        assert_eq!(
            unwrap(&back, "Bilanz2026", COMPANY).unwrap().bytes(),
            key.bytes()
        );
        let short_nonce = json.replace(
            &format!("\"nonce\":\"{}\"", base64_of(&stored.nonce)),
            "\"nonce\":\"AAAA\"",
        );
        assert!(serde_json::from_str::<WrappedKey>(&short_nonce).is_err());
    }

    #[test]
    fn data_key_is_not_printed() {
        let key = DataKey::generate().unwrap();
        assert_eq!(format!("{key:?}"), "DataKey(..)");
    }

    fn base64_of(bytes: &[u8]) -> String {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }
}
