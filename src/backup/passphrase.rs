//! How strong a backup passphrase is (Passwortstärke), estimated with
//! `zxcvbn` (Dropbox's estimator: dictionaries of common passwords, names
//! and words, keyboard patterns, dates, repeats). A backup leaves the
//! browser as a file anyone may copy, and the passphrase is all that
//! protects it, so export refuses the obviously weak and the screen warns
//! below a reasonable level while the user types.
//!
//! Levels: fewer than [`MIN_CHARS`] characters or a zxcvbn score of 0–1
//! (guessed within about a million tries) is refused; score 2 (within
//! 10^8) is allowed with a clear warning; 3–4 are fine.

use super::error::BackupError;

/// Fewer characters than this are refused whatever the estimate says.
pub const MIN_CHARS: usize = 8;
/// zxcvbn score from which a passphrase counts as good (its authors: "any
/// score less than 3 should be considered too weak").
pub const GOOD_SCORE: u8 = 3;

/// What the estimate means for an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Refused: too short or guessed within about 10^6 tries.
    Refused,
    /// Allowed, with a warning: guessed within about 10^8 tries.
    Weak,
    /// Score 3 or 4.
    Good,
}

/// Why a passphrase is guessable, as far as the estimator can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weakness {
    TooShort,
    CommonPassword,
    KeyboardPattern,
    Repeats,
    Sequence,
    YearOrDate,
    SingleWord,
    Names,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strength {
    /// zxcvbn's score, 0 (guessed at once) to 4.
    pub score: u8,
    pub level: Level,
    pub weakness: Option<Weakness>,
}

/// Estimates `passphrase`; `context` are words an attacker would try first
/// (the company's name).
pub fn strength(passphrase: &str, context: &[&str]) -> Strength {
    let entropy = zxcvbn::zxcvbn(passphrase, context);
    let score = entropy.score() as u8;
    let short = passphrase.chars().count() < MIN_CHARS;
    let level = if short || score <= 1 {
        Level::Refused
    } else if score < GOOD_SCORE {
        Level::Weak
    } else {
        Level::Good
    };
    let warning = entropy.feedback().and_then(|f| f.warning()).map(weakness);
    Strength {
        score,
        level,
        weakness: if short {
            Some(Weakness::TooShort)
        } else {
            warning
        },
    }
}

/// The export's check: empty and obviously weak passphrases are refused.
pub fn check_for_export(passphrase: &str, context: &[&str]) -> Result<Strength, BackupError> {
    if passphrase.is_empty() {
        return Err(BackupError::EmptyPassphrase);
    }
    let estimate = strength(passphrase, context);
    if estimate.level == Level::Refused {
        return Err(BackupError::WeakPassphrase {
            min_chars: MIN_CHARS,
        });
    }
    Ok(estimate)
}

fn weakness(warning: zxcvbn::feedback::Warning) -> Weakness {
    use zxcvbn::feedback::Warning as W;
    match warning {
        W::StraightRowsOfKeysAreEasyToGuess | W::ShortKeyboardPatternsAreEasyToGuess => {
            Weakness::KeyboardPattern
        }
        W::RepeatsLikeAaaAreEasyToGuess | W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => {
            Weakness::Repeats
        }
        W::ThisIsATop10Password
        | W::ThisIsATop100Password
        | W::ThisIsACommonPassword
        | W::ThisIsSimilarToACommonlyUsedPassword => Weakness::CommonPassword,
        W::SequencesLikeAbcAreEasyToGuess => Weakness::Sequence,
        W::RecentYearsAreEasyToGuess | W::DatesAreOftenEasyToGuess => Weakness::YearOrDate,
        W::AWordByItselfIsEasyToGuess => Weakness::SingleWord,
        W::NamesAndSurnamesByThemselvesAreEasyToGuess | W::CommonNamesAndSurnamesAreEasyToGuess => {
            Weakness::Names
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_three_character_passphrase_is_refused() {
        let s = strength("abc", &[]);
        assert_eq!(s.level, Level::Refused);
        assert_eq!(s.weakness, Some(Weakness::TooShort));
        assert_eq!(
            check_for_export("abc", &[]),
            Err(BackupError::WeakPassphrase { min_chars: 8 })
        );
        assert_eq!(check_for_export("", &[]), Err(BackupError::EmptyPassphrase));
    }

    #[test]
    fn common_passwords_of_any_length_are_refused() {
        for weak in ["password", "iloveyou", "12345678", "qwertyuiop"] {
            assert_eq!(strength(weak, &[]).level, Level::Refused, "{weak}");
        }
        let s = strength("password", &[]);
        assert_eq!(s.weakness, Some(Weakness::CommonPassword));
    }

    #[test]
    fn the_company_name_does_not_make_a_passphrase_strong() {
        let alone = strength("Musterbau GmbH", &[]).score;
        let known = strength("Musterbau GmbH", &["Musterbau GmbH"]).score;
        assert!(known < alone, "{known} < {alone}");
        assert_eq!(
            strength("Musterbau GmbH", &["Musterbau GmbH"]).level,
            Level::Refused
        );
    }

    #[test]
    fn a_few_unrelated_words_are_good() {
        for good in [
            "korrekt Pferd Batterie",
            "Kontor-Test 2026!",
            "Lampe Wolke Tinte Gabel",
        ] {
            let s = check_for_export(good, &["Muster GmbH"]).unwrap();
            assert_eq!(s.level, Level::Good, "{good}: {s:?}");
        }
    }
}
