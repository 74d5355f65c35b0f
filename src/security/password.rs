//! Password hashes (Kennwort-Hash): Argon2id, stored as a PHC string
//! (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), so the salt and the
//! parameters travel with the hash and a later, stronger [`PRODUCTION`]
//! still verifies the old hashes ([`PasswordHash::needs_rehash`] says when
//! to replace one at the next login).
//!
//! Argon2id is slow and memory-hard on purpose: every guess of an attacker
//! who copied the stored hashes costs the same time and memory as one login.
//! Verification goes through the `argon2` crate, whose comparison of the
//! hash output is constant-time.

use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};

/// Argon2 parameters (memory, time, lanes). Stored beside every hash and
/// wrapped key, so the parameters can change later without locking anyone
/// out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory per evaluation in KiB (Argon2's `m`).
    pub memory_kib: u32,
    /// Passes over the memory (Argon2's `t`).
    pub iterations: u32,
    /// Lanes (Argon2's `p`). WASM runs them one after another, so more
    /// lanes only cost the user time an attacker's GPU does not pay: 1.
    pub parallelism: u32,
}

/// The parameters new hashes and wrapped keys get: 64 MiB, 5 passes, one
/// lane. Chosen so that one verification takes about 0.4 to 0.5 s in Chromium on
/// the reference machine (2 vCPU): 3 passes measured 195 to 294 ms there,
/// under the 0.3 s the issue asks for; the figures are in BENCHMARKS.md,
/// "Password hashing (issue 18)". 64 MiB is half of what the backup's
/// scrypt (N = 2^17) already takes in the same tab.
pub const PRODUCTION: KdfParams = KdfParams {
    memory_kib: 64 * 1024,
    iterations: 5,
    parallelism: 1,
};

/// Fast and weak: for tests only, so a test suite does not spend seconds
/// per hash. Never for a real user.
pub const TESTS_ONLY: KdfParams = KdfParams {
    memory_kib: 64,
    iterations: 1,
    parallelism: 1,
};

/// Largest memory we accept from a stored hash or wrapped key: a failed
/// allocation in WASM aborts the tab instead of returning an error, so a
/// hostile or corrupted record gets a refusal, not a crash. 256 MiB is 4×
/// [`PRODUCTION`], room to raise it.
pub const MAX_MEMORY_KIB: u32 = 256 * 1024;
/// Most passes we accept from a stored record (each costs a full pass
/// over the memory: at 64 MiB about 0.15 s in Chromium).
pub const MAX_ITERATIONS: u32 = 32;
/// Most lanes we accept from a stored record.
pub const MAX_PARALLELISM: u32 = 8;
/// Longest password we hash, in bytes: Argon2 accepts more, but a
/// multi-megabyte "password" is an attack on the tab, not a password.
pub const MAX_PASSWORD_BYTES: usize = 1024;
/// Salt length in bytes (RFC 9106 recommends 16).
pub const SALT_BYTES: usize = 16;

// Argon2 needs at least 8 KiB per lane; the production and test parameters
// must lie within what we accept on reading, and the test parameters must
// really be weaker than production ones.
const _: () = {
    assert!(PRODUCTION.memory_kib >= 8 * PRODUCTION.parallelism);
    assert!(TESTS_ONLY.memory_kib >= 8 * TESTS_ONLY.parallelism);
    assert!(PRODUCTION.memory_kib <= MAX_MEMORY_KIB);
    assert!(PRODUCTION.iterations >= 1);
    assert!(PRODUCTION.iterations <= MAX_ITERATIONS);
    assert!(PRODUCTION.parallelism >= 1);
    assert!(PRODUCTION.parallelism <= MAX_PARALLELISM);
    assert!(TESTS_ONLY.memory_kib < PRODUCTION.memory_kib);
    assert!(TESTS_ONLY.iterations <= PRODUCTION.iterations);
};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Parameters outside Argon2's rules or beyond our limits (a hostile
    /// or corrupted record, or a mistaken setting).
    #[error("unusable Argon2 parameters: {params:?}")]
    BadParams { params: KdfParams },
    /// Longer than [`MAX_PASSWORD_BYTES`].
    #[error("the password is longer than {max_bytes} bytes")]
    TooLong { max_bytes: usize },
    /// Neither the OS nor the browser gave random bytes for a salt.
    #[error("no random numbers available")]
    RandomnessUnavailable,
    /// A stored hash that is not an Argon2id PHC string.
    #[error("not an Argon2id password hash")]
    NotArgon2id,
}

impl KdfParams {
    /// The argon2 crate's parameters, after our own limits: `output_bytes`
    /// is the length of the derived hash or key.
    pub(crate) fn to_argon2(self, output_bytes: usize) -> Result<Params, PasswordError> {
        let bad = PasswordError::BadParams { params: self };
        if self.memory_kib > MAX_MEMORY_KIB
            || self.iterations > MAX_ITERATIONS
            || self.parallelism > MAX_PARALLELISM
        {
            return Err(bad);
        }
        Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(output_bytes),
        )
        .map_err(|_| bad)
    }

    /// An Argon2id instance with these parameters.
    pub(crate) fn argon2id(self, output_bytes: usize) -> Result<Argon2<'static>, PasswordError> {
        Ok(Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            self.to_argon2(output_bytes)?,
        ))
    }
}

/// Length of the hash output in a PHC string (Argon2's default).
const HASH_BYTES: usize = 32;

/// An Argon2id hash as its PHC string. Holds no secret beyond what an
/// offline guess needs, so it may be stored and shown in debug output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PasswordHash(String);

impl PasswordHash {
    /// A stored PHC string, checked to be Argon2id with acceptable
    /// parameters.
    pub fn parse(phc: &str) -> Result<PasswordHash, PasswordError> {
        let hash = PasswordHash(phc.to_owned());
        hash.params()?;
        Ok(hash)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The parameters the hash was made with.
    pub fn params(&self) -> Result<KdfParams, PasswordError> {
        let phc = self.phc()?;
        let params = Params::try_from(&phc).map_err(|_| PasswordError::NotArgon2id)?;
        let params = KdfParams {
            memory_kib: params.m_cost(),
            iterations: params.t_cost(),
            parallelism: params.p_cost(),
        };
        params.to_argon2(HASH_BYTES)?;
        Ok(params)
    }

    /// Whether the hash was made with other parameters than `current`: the
    /// caller, holding the right password after a login, hashes it anew.
    pub fn needs_rehash(&self, current: KdfParams) -> bool {
        self.params() != Ok(current)
    }

    fn phc(&self) -> Result<argon2::PasswordHash<'_>, PasswordError> {
        let phc = argon2::PasswordHash::new(&self.0).map_err(|_| PasswordError::NotArgon2id)?;
        if phc.algorithm != Algorithm::Argon2id.ident() {
            return Err(PasswordError::NotArgon2id);
        }
        Ok(phc)
    }
}

/// Hashes `password` with a fresh random salt.
pub fn hash(password: &str, params: KdfParams) -> Result<PasswordHash, PasswordError> {
    check_length(password)?;
    let argon2 = params.argon2id(HASH_BYTES)?;
    let salt_bytes: [u8; SALT_BYTES] =
        super::random_bytes().ok_or(PasswordError::RandomnessUnavailable)?;
    // 16 bytes always encode (SaltString takes 4..=48 bytes).
    let salt =
        SaltString::encode_b64(&salt_bytes).map_err(|_| PasswordError::BadParams { params })?;
    let phc = argon2
        .hash_password(password.as_bytes(), &salt)
        .map_err(|_| PasswordError::BadParams { params })?;
    Ok(PasswordHash(phc.to_string()))
}

/// Whether `password` is the one `hash` was made from. False also for a
/// stored hash we cannot use (not Argon2id, parameters beyond our limits)
/// and for a password over [`MAX_PASSWORD_BYTES`]: none of them lets anyone
/// in. Takes as long as one hash with the stored parameters.
pub fn verify(hash: &PasswordHash, password: &str) -> bool {
    if check_length(password).is_err() {
        return false;
    }
    let Ok(phc) = hash.phc() else {
        return false;
    };
    let Ok(params) = hash.params() else {
        return false;
    };
    let Ok(argon2) = params.argon2id(HASH_BYTES) else {
        return false;
    };
    argon2.verify_password(password.as_bytes(), &phc).is_ok()
}

/// A login's check: the stored hash of the user, or `None` for a user name
/// nobody has. An unknown user costs the same Argon2id work (with `params`,
/// the company's current ones) and gives the same `false` as a wrong
/// password, so neither the answer nor its time says who exists.
pub fn verify_login(stored: Option<&PasswordHash>, password: &str, params: KdfParams) -> bool {
    match stored {
        Some(hash) => verify(hash, password),
        None => {
            // Hash into the void with a fixed salt: the work is what counts.
            let mut out = [0u8; HASH_BYTES];
            if let Ok(argon2) = params.argon2id(HASH_BYTES) {
                let _ =
                    argon2.hash_password_into(password.as_bytes(), &[0u8; SALT_BYTES], &mut out);
            }
            false
        }
    }
}

fn check_length(password: &str) -> Result<(), PasswordError> {
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(PasswordError::TooLong {
            max_bytes: MAX_PASSWORD_BYTES,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_then_verify_accepts_the_password() {
        let hash = hash("Sommer2026!", TESTS_ONLY).unwrap();
        assert!(hash.as_str().starts_with("$argon2id$v=19$m=64,t=1,p=1$"));
        assert!(verify(&hash, "Sommer2026!"));
    }

    #[test]
    fn wrong_password_is_refused() {
        let hash = hash("Sommer2026!", TESTS_ONLY).unwrap();
        assert!(!verify(&hash, "sommer2026!"));
        assert!(!verify(&hash, ""));
    }

    #[test]
    fn same_password_hashes_differently_each_time() {
        let a = hash("Sommer2026!", TESTS_ONLY).unwrap();
        let b = hash("Sommer2026!", TESTS_ONLY).unwrap();
        assert_ne!(a, b, "a fresh salt per hash");
    }

    #[test]
    fn params_travel_with_the_hash() {
        let hash = hash("x", TESTS_ONLY).unwrap();
        assert_eq!(hash.params(), Ok(TESTS_ONLY));
        assert!(!hash.needs_rehash(TESTS_ONLY));
        assert!(hash.needs_rehash(PRODUCTION));
        let parsed = PasswordHash::parse(hash.as_str()).unwrap();
        assert!(verify(&parsed, "x"));
    }

    #[test]
    fn unknown_user_is_refused_like_a_wrong_password() {
        assert!(!verify_login(None, "Sommer2026!", TESTS_ONLY));
        let hash = hash("Sommer2026!", TESTS_ONLY).unwrap();
        assert!(verify_login(Some(&hash), "Sommer2026!", TESTS_ONLY));
        assert!(!verify_login(Some(&hash), "Winter2026!", TESTS_ONLY));
    }

    #[test]
    fn other_algorithms_and_hostile_params_are_refused() {
        let argon2i = "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$\
                       aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
        assert_eq!(
            PasswordHash::parse(argon2i),
            Err(PasswordError::NotArgon2id)
        );
        let huge = "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0$\
                    aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
        assert!(matches!(
            PasswordHash::parse(huge),
            Err(PasswordError::BadParams { .. })
        ));
        assert!(!verify(&PasswordHash(huge.to_owned()), "x"));
        assert_eq!(
            PasswordHash::parse("plain"),
            Err(PasswordError::NotArgon2id)
        );
    }

    #[test]
    fn overlong_password_is_refused() {
        let long = "a".repeat(MAX_PASSWORD_BYTES + 1);
        assert_eq!(
            hash(&long, TESTS_ONLY),
            Err(PasswordError::TooLong {
                max_bytes: MAX_PASSWORD_BYTES
            })
        );
    }

    #[test]
    fn bad_params_are_refused() {
        let params = KdfParams {
            memory_kib: 4,
            iterations: 1,
            parallelism: 1,
        };
        assert_eq!(hash("x", params), Err(PasswordError::BadParams { params }));
    }

    /// The production parameters' cost natively (figures, not pass/fail):
    /// `cargo test --lib security::password::tests::production_params_timing
    /// -- --ignored --nocapture`. The browser figure comes from
    /// `tests/browser_bench.rs`.
    #[test]
    #[ignore]
    fn production_params_timing() {
        let started = std::time::Instant::now();
        let stored = hash("Sommer2026!", PRODUCTION).unwrap();
        let hashed = started.elapsed();
        let mut runs = Vec::new();
        for _ in 0..5 {
            let started = std::time::Instant::now();
            assert!(verify(&stored, "Sommer2026!"));
            runs.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        runs.sort_by(f64::total_cmp);
        println!(
            "argon2id m={} KiB t={} p={}: hash {:.0} ms, verify median {:.0} ms (min {:.0}, max {:.0}) of 5",
            PRODUCTION.memory_kib,
            PRODUCTION.iterations,
            PRODUCTION.parallelism,
            hashed.as_secs_f64() * 1000.0,
            runs[2],
            runs[0],
            runs[4]
        );
    }
}
