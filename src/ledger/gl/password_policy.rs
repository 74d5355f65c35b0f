//! The company's password policy (Kennwortrichtlinie) as a setting in the
//! log: minimum length, character classes, expiry, no reuse of recent
//! passwords, and the failed logins after which each try must wait. The
//! engine keeps and checks the settings (`SetPasswordPolicy`, issue 18);
//! applying them to a password (Argon2id, clocks) is `security::policy`'s.

/// The longest minimum length a company may demand (characters).
pub const MAX_MIN_LENGTH: u16 = 64;
/// The most remembered passwords: each one costs a full Argon2id
/// verification when a password is changed (about half a second in the
/// browser), so 12 is already a six-second wait.
pub const MAX_NO_REUSE: u8 = 12;
/// Longest expiry a company may set, in days (ten years).
pub const MAX_EXPIRY_DAYS: u16 = 3_650;
/// Most failed logins before the wait starts.
pub const MAX_LOCK_AFTER: u8 = 20;

/// A class of characters a password may be required to contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// A company's password rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PasswordPolicy {
    /// Fewest characters (Unicode scalar values, not bytes).
    pub min_length: u16,
    pub require_classes: RequiredClasses,
    /// Days after which a password must be changed; `None`: never (what
    /// NIST SP 800-63B advises; many auditors still ask for an expiry).
    pub expiry_days: Option<u16>,
    /// How many of the user's previous passwords may not come back.
    pub no_reuse_last: u8,
    /// Failed logins in a row before each further try must wait; at least 1.
    pub lock_after_failures: u8,
}

impl Default for PasswordPolicy {
    /// What German accounting and ERP systems commonly ship with: eight
    /// characters with upper case, lower case and a digit, a change every
    /// 90 days, the last five not again, a wait after five failures. Also
    /// what a company has until it sets its own.
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

/// Which setting of a policy is out of range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyField {
    MinLength,
    ExpiryDays,
    NoReuse,
    LockAfterFailures,
}

/// Why a password policy is refused: `field` must lie in `min..=max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the password policy's {field:?} must lie between {min} and {max}")]
pub struct PolicySettingError {
    pub field: PolicyField,
    pub min: u16,
    pub max: u16,
}

impl PasswordPolicy {
    /// Whether the settings lie within their limits.
    pub fn validate(&self) -> Result<(), PolicySettingError> {
        let within = |field, value: u16, min: u16, max: u16| match (min..=max).contains(&value) {
            true => Ok(()),
            false => Err(PolicySettingError { field, min, max }),
        };
        within(PolicyField::MinLength, self.min_length, 1, MAX_MIN_LENGTH)?;
        if let Some(days) = self.expiry_days {
            within(PolicyField::ExpiryDays, days, 1, MAX_EXPIRY_DAYS)?;
        }
        within(
            PolicyField::NoReuse,
            self.no_reuse_last.into(),
            0,
            MAX_NO_REUSE.into(),
        )?;
        within(
            PolicyField::LockAfterFailures,
            self.lock_after_failures.into(),
            1,
            MAX_LOCK_AFTER.into(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert_eq!(PasswordPolicy::default().validate(), Ok(()));
    }

    #[test]
    fn settings_beyond_limits_name_their_field() {
        let default = PasswordPolicy::default();
        let field = |policy: PasswordPolicy| policy.validate().map_err(|e| e.field);
        let cases = [
            (
                PasswordPolicy {
                    min_length: 0,
                    ..default
                },
                PolicyField::MinLength,
            ),
            (
                PasswordPolicy {
                    min_length: MAX_MIN_LENGTH + 1,
                    ..default
                },
                PolicyField::MinLength,
            ),
            (
                PasswordPolicy {
                    expiry_days: Some(0),
                    ..default
                },
                PolicyField::ExpiryDays,
            ),
            (
                PasswordPolicy {
                    expiry_days: Some(MAX_EXPIRY_DAYS + 1),
                    ..default
                },
                PolicyField::ExpiryDays,
            ),
            (
                PasswordPolicy {
                    no_reuse_last: MAX_NO_REUSE + 1,
                    ..default
                },
                PolicyField::NoReuse,
            ),
            (
                PasswordPolicy {
                    lock_after_failures: 0,
                    ..default
                },
                PolicyField::LockAfterFailures,
            ),
            (
                PasswordPolicy {
                    lock_after_failures: MAX_LOCK_AFTER + 1,
                    ..default
                },
                PolicyField::LockAfterFailures,
            ),
        ];
        for (policy, expected) in cases {
            assert_eq!(field(policy), Err(expected), "{policy:?}");
        }
        let loosest = PasswordPolicy {
            min_length: 1,
            require_classes: RequiredClasses {
                upper: false,
                lower: false,
                digit: false,
                other: false,
            },
            expiry_days: None,
            no_reuse_last: 0,
            lock_after_failures: MAX_LOCK_AFTER,
        };
        assert_eq!(loosest.validate(), Ok(()));
    }
}
