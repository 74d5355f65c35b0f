//! The company's password policy (Kennwortrichtlinie): minimum length,
//! character classes, expiry, no reuse of recent passwords, and a growing
//! delay after failed logins, never a permanent lock-out (a locked-out
//! bookkeeper on the day of the VAT return is a worse risk than a slow
//! guesser, and a browser-local app has no administrator on call).

use super::password::{self, PasswordHash};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// The longest minimum length a company may demand (characters).
pub const MAX_MIN_LENGTH: u16 = 64;
/// The most remembered passwords: each one costs a full Argon2id
/// verification when a password is changed (about half a second in the
/// browser), so 12 is already a six-second wait.
pub const MAX_NO_REUSE: u8 = 12;
/// Longest expiry a company may set, in days (ten years).
pub const MAX_EXPIRY_DAYS: u16 = 3_650;
/// The delay at the lock threshold; each further failure doubles it.
pub const FIRST_DELAY: Duration = Duration::from_secs(30);
/// The longest delay, however many failures: the account waits, it is
/// never locked for good.
pub const MAX_DELAY: Duration = Duration::from_secs(15 * 60);

const _: () = {
    assert!(FIRST_DELAY.as_secs() >= 1);
    assert!(FIRST_DELAY.as_secs() <= MAX_DELAY.as_secs());
};

/// A class of characters a password may be required to contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CharClass {
    /// An upper-case letter (any script: `Ä` counts).
    Upper,
    /// A lower-case letter (`ß` counts).
    Lower,
    /// A decimal digit.
    Digit,
    /// Anything else: punctuation, space, symbols, letters without case.
    Other,
}

impl CharClass {
    pub const ALL: [CharClass; 4] = [
        CharClass::Upper,
        CharClass::Lower,
        CharClass::Digit,
        CharClass::Other,
    ];

    pub fn of(c: char) -> CharClass {
        if c.is_uppercase() {
            CharClass::Upper
        } else if c.is_lowercase() {
            CharClass::Lower
        } else if c.is_ascii_digit() {
            CharClass::Digit
        } else {
            CharClass::Other
        }
    }
}

/// Which classes a password must contain, at least one character each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredClasses {
    pub upper: bool,
    pub lower: bool,
    pub digit: bool,
    pub other: bool,
}

impl RequiredClasses {
    pub fn requires(&self, class: CharClass) -> bool {
        match class {
            CharClass::Upper => self.upper,
            CharClass::Lower => self.lower,
            CharClass::Digit => self.digit,
            CharClass::Other => self.other,
        }
    }
}

/// A company's password rules (company settings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordPolicy {
    /// Fewest characters (Unicode scalar values, not bytes).
    pub min_length: u16,
    pub require_classes: RequiredClasses,
    /// Days after which a password must be changed; `None`: never (what
    /// NIST SP 800-63B advises; many auditors still ask for an expiry).
    pub expiry_days: Option<u16>,
    /// How many of the user's previous passwords may not come back.
    pub no_reuse_last: u8,
    /// Failed logins in a row before each further try must wait
    /// ([`delay_after`]); at least 1.
    pub lock_after_failures: u8,
}

impl Default for PasswordPolicy {
    /// What German accounting and ERP systems commonly ship with: eight
    /// characters with upper case, lower case and a digit, a change every
    /// 90 days, the last five not again, a wait after five failures.
    fn default() -> Self {
        PasswordPolicy {
            min_length: 8,
            require_classes: RequiredClasses {
                upper: true,
                lower: true,
                digit: true,
                other: false,
            },
            expiry_days: Some(90),
            no_reuse_last: 5,
            lock_after_failures: 5,
        }
    }
}

/// Why a password or a policy is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("the password needs at least {min} characters")]
    TooShort { min: u16 },
    #[error("the password is longer than {max_bytes} bytes")]
    TooLong { max_bytes: usize },
    #[error("the password needs a character of class {class:?}")]
    MissingClass { class: CharClass },
    /// The password is one of the user's last `n` (`n` is the policy's
    /// setting, not which of them it matched: that would say more than
    /// needed about the user's habits).
    #[error("the password is one of the last {n} used")]
    ReusesRecent { n: u8 },
    /// A policy setting beyond its limit (the settings form's refusal).
    #[error("the password policy's {field} is out of range")]
    BadSetting { field: &'static str },
}

impl PasswordPolicy {
    /// Whether the settings lie within their limits.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let bad = |field| Err(PolicyError::BadSetting { field });
        if self.min_length == 0 || self.min_length > MAX_MIN_LENGTH {
            return bad("min_length");
        }
        if self
            .expiry_days
            .is_some_and(|d| d == 0 || d > MAX_EXPIRY_DAYS)
        {
            return bad("expiry_days");
        }
        if self.no_reuse_last > MAX_NO_REUSE {
            return bad("no_reuse_last");
        }
        if self.lock_after_failures == 0 {
            return bad("lock_after_failures");
        }
        Ok(())
    }
}

/// Whether `password` may be set under `policy`. `previous` are the user's
/// earlier hashes, oldest first; the last [`PasswordPolicy::no_reuse_last`]
/// of them are checked (each costs one Argon2id verification, so the cheap
/// checks come first).
pub fn check(
    policy: &PasswordPolicy,
    password: &str,
    previous: &[PasswordHash],
) -> Result<(), PolicyError> {
    if password.chars().count() < usize::from(policy.min_length) {
        return Err(PolicyError::TooShort {
            min: policy.min_length,
        });
    }
    if password.len() > password::MAX_PASSWORD_BYTES {
        return Err(PolicyError::TooLong {
            max_bytes: password::MAX_PASSWORD_BYTES,
        });
    }
    for class in CharClass::ALL {
        if policy.require_classes.requires(class)
            && !password.chars().any(|c| CharClass::of(c) == class)
        {
            return Err(PolicyError::MissingClass { class });
        }
    }
    let recent = previous
        .len()
        .saturating_sub(usize::from(policy.no_reuse_last));
    if previous[recent..]
        .iter()
        .any(|h| password::verify(h, password))
    {
        return Err(PolicyError::ReusesRecent {
            n: policy.no_reuse_last,
        });
    }
    Ok(())
}

/// Whether a password set on `set_on` must be changed on `today`: from the
/// day `expiry_days` after it was set.
pub fn expired(set_on: NaiveDate, today: NaiveDate, policy: &PasswordPolicy) -> bool {
    policy
        .expiry_days
        .is_some_and(|days| (today - set_on).num_days() >= i64::from(days))
}

/// How long the next login must wait after `failures` failed ones in a
/// row: nothing below the policy's threshold, then [`FIRST_DELAY`],
/// doubling with each further failure up to [`MAX_DELAY`]. Never
/// permanent: the right password after the wait always gets in.
pub fn delay_after(failures: u32, policy: &PasswordPolicy) -> Duration {
    let threshold = u32::from(policy.lock_after_failures.max(1));
    let Some(beyond) = failures.checked_sub(threshold) else {
        return Duration::ZERO;
    };
    // 2^5 × 30 s is past the cap already; shifting further would overflow.
    let factor = 1u32 << beyond.min(16);
    FIRST_DELAY.saturating_mul(factor).min(MAX_DELAY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::security::password::{TESTS_ONLY, hash};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn defaults_are_valid_and_accept_a_good_password() {
        let policy = PasswordPolicy::default();
        assert_eq!(policy.validate(), Ok(()));
        assert_eq!(check(&policy, "Bilanz2026", &[]), Ok(()));
        assert_eq!(check(&policy, "Größenklasse7", &[]), Ok(()));
    }

    #[test]
    fn short_password_is_refused() {
        let policy = PasswordPolicy::default();
        assert_eq!(
            check(&policy, "Ab3defg", &[]),
            Err(PolicyError::TooShort { min: 8 })
        );
        // Characters, not bytes: "Ä" is two bytes but one character.
        assert_eq!(
            check(&policy, "Äb3defg", &[]),
            Err(PolicyError::TooShort { min: 8 })
        );
    }

    #[test]
    fn each_missing_class_is_named() {
        let policy = PasswordPolicy {
            require_classes: RequiredClasses {
                upper: true,
                lower: true,
                digit: true,
                other: true,
            },
            ..PasswordPolicy::default()
        };
        let missing = |p| check(&policy, p, &[]);
        assert_eq!(
            missing("bilanz2026!"),
            Err(PolicyError::MissingClass {
                class: CharClass::Upper
            })
        );
        assert_eq!(
            missing("BILANZ2026!"),
            Err(PolicyError::MissingClass {
                class: CharClass::Lower
            })
        );
        assert_eq!(
            missing("Bilanzjahr!"),
            Err(PolicyError::MissingClass {
                class: CharClass::Digit
            })
        );
        assert_eq!(
            missing("Bilanz2026"),
            Err(PolicyError::MissingClass {
                class: CharClass::Other
            })
        );
        assert_eq!(missing("Bilanz 2026"), Ok(()));
    }

    #[test]
    fn recent_passwords_are_refused_older_ones_allowed() {
        let policy = PasswordPolicy {
            no_reuse_last: 2,
            ..PasswordPolicy::default()
        };
        let history: Vec<PasswordHash> = ["Oldest2020", "Older2021x", "Recent2022"]
            .iter()
            .map(|p| hash(p, TESTS_ONLY).unwrap())
            .collect();
        assert_eq!(
            check(&policy, "Recent2022", &history),
            Err(PolicyError::ReusesRecent { n: 2 })
        );
        assert_eq!(
            check(&policy, "Older2021x", &history),
            Err(PolicyError::ReusesRecent { n: 2 })
        );
        assert_eq!(check(&policy, "Oldest2020", &history), Ok(()));
        assert_eq!(check(&policy, "Brandneu2026", &history), Ok(()));
    }

    #[test]
    fn overlong_password_is_refused() {
        let long = format!("Ab1{}", "x".repeat(password::MAX_PASSWORD_BYTES));
        assert!(matches!(
            check(&PasswordPolicy::default(), &long, &[]),
            Err(PolicyError::TooLong { .. })
        ));
    }

    #[test]
    fn settings_beyond_limits_are_refused() {
        let bad = |policy: PasswordPolicy| policy.validate();
        let default = PasswordPolicy::default();
        assert!(
            bad(PasswordPolicy {
                min_length: 0,
                ..default
            })
            .is_err()
        );
        assert!(
            bad(PasswordPolicy {
                min_length: MAX_MIN_LENGTH + 1,
                ..default
            })
            .is_err()
        );
        assert!(
            bad(PasswordPolicy {
                expiry_days: Some(0),
                ..default
            })
            .is_err()
        );
        assert!(
            bad(PasswordPolicy {
                no_reuse_last: MAX_NO_REUSE + 1,
                ..default
            })
            .is_err()
        );
        assert!(
            bad(PasswordPolicy {
                lock_after_failures: 0,
                ..default
            })
            .is_err()
        );
        assert_eq!(
            bad(PasswordPolicy {
                expiry_days: None,
                ..default
            }),
            Ok(())
        );
    }

    #[test]
    fn password_expires_on_the_day_the_period_ends() {
        let policy = PasswordPolicy::default();
        let set_on = date(2026, 1, 1);
        assert!(!expired(set_on, date(2026, 3, 31), &policy), "day 89");
        assert!(expired(set_on, date(2026, 4, 1), &policy), "day 90");
        let never = PasswordPolicy {
            expiry_days: None,
            ..policy
        };
        assert!(!expired(set_on, date(2036, 1, 1), &never));
    }

    #[test]
    fn delay_grows_from_the_threshold_and_is_capped() {
        let policy = PasswordPolicy::default();
        assert_eq!(delay_after(0, &policy), Duration::ZERO);
        assert_eq!(delay_after(4, &policy), Duration::ZERO);
        assert_eq!(delay_after(5, &policy), Duration::from_secs(30));
        assert_eq!(delay_after(6, &policy), Duration::from_secs(60));
        assert_eq!(delay_after(7, &policy), Duration::from_secs(120));
        assert_eq!(delay_after(9, &policy), Duration::from_secs(480));
        assert_eq!(delay_after(10, &policy), MAX_DELAY);
        assert_eq!(delay_after(u32::MAX, &policy), MAX_DELAY);
        let mut previous = Duration::ZERO;
        for failures in 0..100 {
            let delay = delay_after(failures, &policy);
            assert!(delay >= previous && delay <= MAX_DELAY);
            previous = delay;
        }
    }
}
