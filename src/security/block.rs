//! Sealed blocks (verschlüsselte Protokollblöcke): a block of the log,
//! encrypted and authenticated with the company's [`DataKey`] by
//! AES-256-GCM under a fresh random nonce. The associated data is the
//! company's id and the block's position, so a block changed by one bit,
//! moved to another position or copied from another company is refused,
//! and the refusal names the position.
//!
//! Random 96-bit nonces are safe for about 2^32 seals under one key (NIST
//! SP 800-38D); a company rewriting its last block on every append stays
//! far below that (a million postings are a million seals).

use super::base64_bytes;
use super::keys::{DataKey, NONCE_BYTES};
use aes_gcm::Nonce;
use aes_gcm::aead::{Aead, Payload};
use serde::{Deserialize, Serialize};

/// Largest plaintext sealed as one block: the backup's document limit.
/// A log block is about half a megabyte; this is far above any block and
/// far below GCM's own limit (64 GiB).
pub const MAX_BLOCK_BYTES: usize = 1 << 30;
/// GCM's authentication tag, appended to every ciphertext.
pub const TAG_BYTES: usize = 16;
/// Prefix of the associated data (a block can never pass for a wrapped
/// key, whose associated data starts differently).
const BLOCK_AAD_PREFIX: &[u8] = b"kontor.block.v1\0";

/// One sealed block as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedBlock {
    #[serde(with = "base64_bytes")]
    pub nonce: [u8; NONCE_BYTES],
    /// The encrypted block followed by GCM's tag.
    #[serde(with = "base64_bytes")]
    pub ciphertext: Vec<u8>,
}

impl SealedBlock {
    /// Nonce and ciphertext as one byte string, for a store that keeps
    /// bytes rather than JSON.
    pub fn to_bytes(&self) -> Vec<u8> {
        [self.nonce.as_slice(), &self.ciphertext].concat()
    }

    /// The inverse of [`SealedBlock::to_bytes`]; `None` when too short to
    /// hold a nonce and a tag.
    pub fn from_bytes(bytes: &[u8]) -> Option<SealedBlock> {
        if bytes.len() < NONCE_BYTES + TAG_BYTES {
            return None;
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_BYTES);
        Some(SealedBlock {
            nonce: nonce.try_into().ok()?,
            ciphertext: ciphertext.to_vec(),
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BlockError {
    /// Changed, moved, from another company, or sealed with another key:
    /// GCM cannot tell which, only that this block is not what was sealed
    /// here.
    #[error("block {position} was changed or does not belong here")]
    Tampered { position: u64 },
    /// Larger than [`MAX_BLOCK_BYTES`].
    #[error("block {position} is too large to seal ({bytes} bytes)")]
    TooLarge { position: u64, bytes: usize },
    #[error("no random numbers available")]
    RandomnessUnavailable,
}

/// Encrypts block `position` of company `company_id`.
pub fn seal(
    key: &DataKey,
    company_id: &str,
    position: u64,
    plaintext: &[u8],
) -> Result<SealedBlock, BlockError> {
    if plaintext.len() > MAX_BLOCK_BYTES {
        return Err(BlockError::TooLarge {
            position,
            bytes: plaintext.len(),
        });
    }
    let nonce: [u8; NONCE_BYTES] =
        super::random_bytes().ok_or(BlockError::RandomnessUnavailable)?;
    let ciphertext = key
        .cipher()
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad: &associated_data(company_id, position),
            },
        )
        // Below MAX_BLOCK_BYTES, GCM's length limit cannot be reached.
        .map_err(|_| BlockError::TooLarge {
            position,
            bytes: plaintext.len(),
        })?;
    Ok(SealedBlock { nonce, ciphertext })
}

/// Decrypts block `position` of company `company_id`, or refuses it.
pub fn open(
    key: &DataKey,
    company_id: &str,
    position: u64,
    sealed: &SealedBlock,
) -> Result<Vec<u8>, BlockError> {
    key.cipher()
        .decrypt(
            Nonce::from_slice(&sealed.nonce),
            Payload {
                msg: &sealed.ciphertext,
                aad: &associated_data(company_id, position),
            },
        )
        .map_err(|_| BlockError::Tampered { position })
}

/// Prefix, the company id's length (so no id can run into the position),
/// the id, the position: each block's place, unambiguously.
pub(crate) fn associated_data(company_id: &str, position: u64) -> Vec<u8> {
    let id = company_id.as_bytes();
    let mut aad = Vec::with_capacity(BLOCK_AAD_PREFIX.len() + 8 + id.len() + 8);
    aad.extend_from_slice(BLOCK_AAD_PREFIX);
    aad.extend_from_slice(&(id.len() as u64).to_be_bytes());
    aad.extend_from_slice(id);
    aad.extend_from_slice(&position.to_be_bytes());
    aad
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const COMPANY: &str = "c-2026-0001";
    const BLOCK: &[u8] = b"KONTOR-LOG-BLOCK 2\n1 00ff 2\n{}\n";

    #[test]
    fn seal_then_open_gives_the_block_back() {
        let key = DataKey::generate().unwrap();
        let sealed = seal(&key, COMPANY, 7, BLOCK).unwrap();
        assert_eq!(sealed.ciphertext.len(), BLOCK.len() + TAG_BYTES);
        assert_ne!(&sealed.ciphertext[..BLOCK.len()], BLOCK);
        assert_eq!(open(&key, COMPANY, 7, &sealed).unwrap(), BLOCK);
    }

    #[test]
    fn flipped_bit_is_refused_with_the_position() {
        let key = DataKey::generate().unwrap();
        let mut sealed = seal(&key, COMPANY, 7, BLOCK).unwrap();
        sealed.ciphertext[0] ^= 0x80;
        assert_eq!(
            open(&key, COMPANY, 7, &sealed),
            Err(BlockError::Tampered { position: 7 })
        );
        let mut sealed = seal(&key, COMPANY, 7, BLOCK).unwrap();
        sealed.nonce[11] ^= 0x01;
        assert_eq!(
            open(&key, COMPANY, 7, &sealed),
            Err(BlockError::Tampered { position: 7 })
        );
    }

    #[test]
    fn block_at_another_position_is_refused() {
        let key = DataKey::generate().unwrap();
        let sealed = seal(&key, COMPANY, 7, BLOCK).unwrap();
        assert_eq!(
            open(&key, COMPANY, 8, &sealed),
            Err(BlockError::Tampered { position: 8 })
        );
    }

    #[test]
    fn block_of_another_company_is_refused() {
        let key = DataKey::generate().unwrap();
        let sealed = seal(&key, COMPANY, 7, BLOCK).unwrap();
        assert_eq!(
            open(&key, "c-2026-0002", 7, &sealed),
            Err(BlockError::Tampered { position: 7 })
        );
    }

    #[test]
    fn block_under_another_key_is_refused() {
        let key = DataKey::generate().unwrap();
        let other = DataKey::generate().unwrap();
        let sealed = seal(&key, COMPANY, 7, BLOCK).unwrap();
        assert_eq!(
            open(&other, COMPANY, 7, &sealed),
            Err(BlockError::Tampered { position: 7 })
        );
    }

    #[test]
    fn sealing_twice_gives_different_ciphertexts() {
        let key = DataKey::generate().unwrap();
        let a = seal(&key, COMPANY, 7, BLOCK).unwrap();
        let b = seal(&key, COMPANY, 7, BLOCK).unwrap();
        assert_ne!(a.nonce, b.nonce, "a fresh nonce per seal");
        assert_ne!(a.ciphertext, b.ciphertext);
    }

    #[test]
    fn company_id_cannot_run_into_the_position() {
        // Without the length prefix, ("a", p) and ("a\0…", p') could share
        // associated data.
        assert_ne!(associated_data("a", 1), associated_data("a\0", 1));
        assert_ne!(associated_data("a", 0x0100), associated_data("a\u{1}", 0));
    }

    #[test]
    fn bytes_form_round_trips_and_short_input_is_refused() {
        let key = DataKey::generate().unwrap();
        let sealed = seal(&key, COMPANY, 0, b"").unwrap();
        let back = SealedBlock::from_bytes(&sealed.to_bytes()).unwrap();
        assert_eq!(back, sealed);
        assert_eq!(open(&key, COMPANY, 0, &back).unwrap(), b"");
        assert_eq!(
            SealedBlock::from_bytes(&[0u8; NONCE_BYTES + TAG_BYTES - 1]),
            None
        );
    }

    /// Sealing and opening 100 blocks of 512 KiB natively (figures, not
    /// pass/fail): `cargo test --lib security::block::tests::sealing_timing
    /// -- --ignored --nocapture`; the browser figure comes from
    /// `tests/browser_bench.rs`.
    #[test]
    #[ignore]
    fn sealing_timing() {
        let key = DataKey::generate().unwrap();
        let block: Vec<u8> = (0..512 * 1024).map(|i| (i % 251) as u8).collect();
        let started = std::time::Instant::now();
        let sealed: Vec<_> = (0..100)
            .map(|position| seal(&key, COMPANY, position, &block).unwrap())
            .collect();
        let seal_ms = started.elapsed().as_secs_f64() * 1000.0;
        let started = std::time::Instant::now();
        for (position, s) in (0..).zip(&sealed) {
            assert_eq!(open(&key, COMPANY, position, s).unwrap().len(), block.len());
        }
        let open_ms = started.elapsed().as_secs_f64() * 1000.0;
        println!("100 blocks of 512 KiB: seal {seal_ms:.0} ms, open {open_ms:.0} ms");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_block_round_trips_and_any_flipped_byte_is_refused(
            plaintext in proptest::collection::vec(any::<u8>(), 0..2048),
            position in any::<u64>(),
            flip_at in any::<prop::sample::Index>(),
            flip in 1u8..=255,
        ) {
            let key = DataKey::generate().unwrap();
            let sealed = seal(&key, COMPANY, position, &plaintext).unwrap();
            prop_assert_eq!(open(&key, COMPANY, position, &sealed).unwrap(), plaintext);
            let mut bytes = sealed.to_bytes();
            let at = flip_at.index(bytes.len());
            bytes[at] ^= flip;
            let tampered = SealedBlock::from_bytes(&bytes).unwrap();
            prop_assert_eq!(
                open(&key, COMPANY, position, &tampered),
                Err(BlockError::Tampered { position })
            );
        }
    }
}
