//! Applying the company's password policy (`ledger::gl::PasswordPolicy`,
//! a setting in the log): whether a password may be set, when it expires,
//! and a growing delay after failed logins, never a permanent lock-out (a
//! locked-out bookkeeper on the day of the VAT return is a worse risk than
//! a slow guesser, and a browser-local app has no administrator on call).

use super::password::{self, PasswordHash};
pub use crate::ledger::gl::{CharClass, PasswordPolicy, RequiredClasses};
use chrono::NaiveDate;
use std::time::Duration;

/// The delay at the lock threshold; each further failure doubles it.
pub const FIRST_DELAY: Duration = Duration::from_secs(30);
/// The longest delay, however many failures: the account waits, it is
/// never locked for good.
pub const MAX_DELAY: Duration = Duration::from_secs(15 * 60);

const _: () = {
    assert!(FIRST_DELAY.as_secs() >= 1);
    assert!(FIRST_DELAY.as_secs() <= MAX_DELAY.as_secs());
};

/// Why a password is refused.
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
