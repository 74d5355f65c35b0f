//! Users, passwords and the books encrypted at rest (Benutzer, Kennwörter,
//! Verschlüsselung), issue 18: the pure crypto core. No UI, no store, no
//! web crates; compiles natively and for wasm32.
//!
//! Why: everything Kontor keeps lives in the browser's IndexedDB, which any
//! program running as the same OS user (or anyone with the laptop's disk)
//! can read. A password that only hides a screen is theatre: the books
//! would still be plain JSON on disk. So a company with users gets a random
//! [`DataKey`]; its log blocks (which also carry the stored original
//! documents, `InvoiceDocumentStored` and the bank files) are sealed with
//! it ([`block`], AES-256-GCM), and the key itself is stored once per user,
//! wrapped with a key derived from that user's password ([`keys`],
//! Argon2id). Changing a password re-wraps one key, never the books.
//!
//! What this protects: the books at rest, against a reader of the disk or
//! the browser profile without a user's password, and against changed,
//! moved or swapped blocks (each is authenticated with its company and
//! position). What it does not: a compromised browser or machine while the
//! company is open (the data key is then in the tab's memory, and the
//! plaintext on screen); a weak password guessed offline at the cost of one
//! Argon2id per guess ([`password::PRODUCTION`]); a sealed block replaced by
//! an older sealing of the same position (the last, partly filled block is
//! rewritten on every append): that is the hash chain's and the head's job.
//!
//! One login needs one Argon2id only: unwrapping the data key already
//! proves the password (the GCM tag fails otherwise). The PHC hash of
//! [`password`] serves the reuse history of [`policy`] and users who are
//! checked without opening a company; [`password::verify_login`] spends the
//! same time for an unknown user as for a wrong password, so the answer
//! says nothing about who exists.
//!
//! Every refusal is a typed error value ([`PasswordError`], [`PolicyError`],
//! [`KeyError`], [`BlockError`]); nothing here unwraps on input.

pub mod block;
pub mod keys;
pub mod password;
pub mod policy;

pub use block::{BlockError, SealedBlock, open, seal};
pub use keys::{DataKey, KeyError, WrappedKey, rewrap, unwrap, wrap};
pub use password::{KdfParams, PasswordError, PasswordHash, hash, verify, verify_login};
pub use policy::{
    CharClass, PasswordPolicy, PolicyError, RequiredClasses, check, delay_after, expired,
};

use aes_gcm::aead::OsRng;
use aes_gcm::aead::rand_core::RngCore;

/// `N` bytes from the operating system (natively) or the browser's
/// `crypto.getRandomValues` (wasm32, through getrandom's "js" feature).
/// `None` when no entropy source answers: the caller refuses rather than
/// seal with a predictable nonce or salt.
pub(crate) fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    OsRng.try_fill_bytes(&mut bytes).ok()?;
    Some(bytes)
}

/// Byte fields as standard base64 text in serde, so a [`WrappedKey`] or a
/// [`SealedBlock`] stores as small JSON strings (the store keeps strings).
/// Fixed-size fields (`[u8; N]`) refuse text of another length.
mod base64_bytes {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer, T: AsRef<[u8]>>(bytes: &T, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D, T>(d: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: TryFrom<Vec<u8>>,
    {
        let text = String::deserialize(d)?;
        let bytes = STANDARD.decode(text).map_err(D::Error::custom)?;
        let len = bytes.len();
        T::try_from(bytes).map_err(|_| D::Error::custom(format!("unexpected length {len} bytes")))
    }
}
