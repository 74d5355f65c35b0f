//! Opening sealed blocks through the browser's WebCrypto (SubtleCrypto
//! AES-GCM): the same format as `security::block` (96-bit nonce, 128-bit
//! tag after the ciphertext, the same associated data), so either side
//! opens what the other sealed.
//!
//! Why: WASM has no AES instructions; the `aes-gcm` crate's constant-time
//! software AES runs at about 30 MB/s there (BENCHMARKS.md, "Sealing"),
//! which alone would take 1.3 to 1.8 s for a 100,000-entry company's log.
//! The browser decrypts with the processor's AES instructions, and all
//! blocks at once. Writes keep sealing with the crate: an append seals
//! one block, inside its IndexedDB transaction, which an awaited WebCrypto
//! promise would let commit half-done.

use super::super::error::StoreError;
use super::super::vault::{self, Place, Vault};
use crate::security::keys::NONCE_BYTES;
use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, CryptoKey, SubtleCrypto};

/// The browser's SubtleCrypto; `None` outside a secure context (a page
/// served over plain http from another host), where the crate opens.
fn subtle() -> Option<SubtleCrypto> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let subtle = crypto.subtle();
    (!subtle.is_undefined()).then_some(subtle)
}

/// The vault's key as a non-extractable WebCrypto key (decryption, and
/// encryption of the snapshot); `None` where WebCrypto is unavailable.
pub async fn import(vault: &Vault) -> Option<CryptoKey> {
    let subtle = subtle()?;
    let raw = Uint8Array::from(vault.key_bytes().as_slice());
    let usages = Array::of2(&"decrypt".into(), &"encrypt".into());
    let promise = subtle
        .import_key_with_str("raw", &raw, "AES-GCM", false, &usages)
        .ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// Opens every block (number, stored text) with `key`: all decryptions
/// are started before the first is awaited, so the browser runs them in
/// parallel. A plaintext block is `UnsealedBlock`, one that fails to
/// authenticate `BlockRefused`, as with the crate.
pub async fn open_blocks(
    key: &CryptoKey,
    vault: &Vault,
    blocks: Vec<(u64, String)>,
) -> Result<Vec<(u64, String)>, StoreError> {
    let subtle = subtle().ok_or_else(|| StoreError::unexpected("WebCrypto vanished"))?;
    let mut pending = Vec::with_capacity(blocks.len());
    for (n, text) in blocks {
        let place = Place::Block(n);
        let sealed = vault::parse_sealed(place, &text)?;
        drop(text);
        let params = gcm_params(vault, place, &sealed.nonce);
        let promise = subtle
            .decrypt_with_object_and_u8_array(&params, key, &sealed.ciphertext)
            .map_err(|_| StoreError::BlockRefused { block: n })?;
        pending.push((n, JsFuture::from(promise)));
    }
    let mut out = Vec::with_capacity(pending.len());
    for (n, decrypted) in pending {
        let refused = || StoreError::BlockRefused { block: n };
        let buffer = decrypted.await.map_err(|_| refused())?;
        let text = String::from_utf8(Uint8Array::new(&buffer).to_vec()).map_err(|_| refused())?;
        out.push((n, text));
    }
    Ok(out)
}

/// AES-GCM as `security::block` uses it, for a sealing at `place` under
/// `nonce`: the same associated data and a 128-bit tag.
fn gcm_params(vault: &Vault, place: Place, nonce: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(nonce));
    params.set_additional_data(&Uint8Array::from(vault.associated_data(place).as_slice()));
    params.set_tag_length(128);
    params
}

/// Seals a snapshot as `Vault::seal_snapshot` does (nonce, then
/// ciphertext and tag), by the browser: tens of megabytes the crate's
/// software AES would take seconds for. `None` when WebCrypto or the
/// random source fails; the company then keeps no snapshot.
pub async fn seal_snapshot(key: &CryptoKey, vault: &Vault, plain: &[u8]) -> Option<Vec<u8>> {
    let nonce: [u8; NONCE_BYTES] = crate::security::random_bytes()?;
    let promise = subtle()?
        .encrypt_with_object_and_u8_array(&gcm_params(vault, Place::Snapshot, &nonce), key, plain)
        .ok()?;
    let sealed = Uint8Array::new(&JsFuture::from(promise).await.ok()?);
    // Copied once, straight behind the nonce (tens of megabytes).
    let mut out = vec![0; NONCE_BYTES + sealed.length() as usize];
    out[..NONCE_BYTES].copy_from_slice(&nonce);
    sealed.copy_to(&mut out[NONCE_BYTES..]);
    Some(out)
}

/// The plain bytes of a sealed snapshot, opened by the browser; `None`
/// when they do not authenticate here (as `Vault::open_snapshot`).
pub async fn open_snapshot(key: &CryptoKey, vault: &Vault, sealed: &[u8]) -> Option<Vec<u8>> {
    let (nonce, ciphertext) = sealed.split_at_checked(NONCE_BYTES)?;
    let promise = subtle()?
        .decrypt_with_object_and_u8_array(
            &gcm_params(vault, Place::Snapshot, nonce),
            key,
            ciphertext,
        )
        .ok()?;
    Some(Uint8Array::new(&JsFuture::from(promise).await.ok()?).to_vec())
}
