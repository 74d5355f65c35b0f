//! Document numbering series (Nummernkreise, issue 18): named series per
//! document kind, each with a prefix, a width and the number a fiscal
//! year starts at. An entry typed with a series gets its reference
//! (Belegnummer) from the engine when it is posted, never from the form,
//! so the numbers of a series are gapless per fiscal year whatever screen
//! or console posted: the draw is an event (`SeriesNumberDrawn`) and the
//! fold refuses a number out of turn.
//!
//! Set by `GlCommand::SetNumberSeries` (replaces the list); a series that
//! has drawn a number stays, its code and kind fixed, so the numbers
//! already given keep their meaning.

use crate::ledger::types::valid_code;
use std::collections::BTreeMap;

/// Most series a company keeps.
pub const MAX_SERIES: usize = 50;
/// Longest series code (`AR`, `KASSE`).
pub const MAX_SERIES_CODE_LEN: usize = 8;
/// Longest series name.
pub const MAX_SERIES_NAME_LEN: usize = 60;
/// Longest prefix (`RE-`, `KA/`).
pub const MAX_PREFIX_LEN: usize = 10;
/// Digits of the running number: at least 1, at most 9 (fits a `u32`).
pub const WIDTH_RANGE: (u8, u8) = (1, 9);

// A reference drawn from a series (prefix, year and dash, number) fits
// the reference field of an entry.
const _: () = assert!(
    MAX_PREFIX_LEN + 5 + WIDTH_RANGE.1 as usize <= crate::ledger::types::limits::MAX_TEXT_LEN
);
// The largest number of the widest series fits a u32.
const _: () = assert!(10u64.pow(WIDTH_RANGE.1 as u32) - 1 <= u32::MAX as u64);

/// What documents a series numbers; it chooses the series the entry
/// screen proposes, the engine treats every kind alike.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum DocumentKind {
    /// Ausgangsrechnungen.
    OutgoingInvoice,
    /// Eingangsrechnungen.
    IncomingInvoice,
    /// Kassenbelege.
    Cash,
    /// Bankbelege.
    Bank,
    /// Umbuchungen and everything else.
    General,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 5] = [
        DocumentKind::OutgoingInvoice,
        DocumentKind::IncomingInvoice,
        DocumentKind::Cash,
        DocumentKind::Bank,
        DocumentKind::General,
    ];
}

/// One numbering series.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NumberSeries {
    /// 1..=8 letters, digits, `-` or `_`; the series' identity.
    pub code: String,
    pub name: String,
    pub kind: DocumentKind,
    /// Written before the number (may be empty): letters, digits, `-`,
    /// `/`, `_`, `.`.
    pub prefix: String,
    /// The fiscal year and a dash after the prefix (`RE-2026-0001`).
    pub with_year: bool,
    /// Digits of the running number, padded with zeros.
    pub width: u8,
    /// The first number of each fiscal year.
    pub start: u32,
}

impl NumberSeries {
    /// The largest number the series' width can write.
    pub fn max_number(&self) -> u32 {
        let digits = u32::from(self.width.clamp(WIDTH_RANGE.0, WIDTH_RANGE.1));
        // Fits: at most 10^9 - 1 (asserted above).
        u32::try_from(10u64.pow(digits) - 1).unwrap_or(u32::MAX)
    }

    /// The reference (Belegnummer) `number` of fiscal year `year` gets.
    pub fn reference(&self, year: i32, number: u32) -> String {
        let width = usize::from(self.width);
        match self.with_year {
            true => format!("{}{year}-{number:0width$}", self.prefix),
            false => format!("{}{number:0width$}", self.prefix),
        }
    }
}

/// Why a list of series or a draw from one was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberSeriesError {
    #[error("{count} numbering series are more than {max}")]
    TooMany { count: usize, max: usize },
    #[error("series code {code:?} is not 1 to {max} letters, digits, - or _")]
    InvalidCode { code: String, max: usize },
    #[error("series code {code} is named twice")]
    CodeTwice { code: String },
    #[error("series {code} needs a name of at most {max} characters")]
    InvalidName { code: String, max: usize },
    #[error("the prefix of series {code} is more than {max} letters, digits, - / _ .")]
    InvalidPrefix { code: String, max: usize },
    #[error("series {code}: a width of {width} digits is not between {min} and {max}")]
    InvalidWidth {
        code: String,
        width: u8,
        min: u8,
        max: u8,
    },
    #[error("series {code}: start number {start} is not between 1 and {max}")]
    InvalidStart { code: String, start: u32, max: u32 },
    #[error("series {code} has given numbers, so it cannot be removed")]
    RemovedInUse { code: String },
    #[error("series {code} has given numbers, so its kind cannot change")]
    KindInUse { code: String },
    #[error("series {code} does not exist")]
    Unknown { code: String },
    #[error("series {code} gives the reference, so none may be typed")]
    ReferenceTyped { code: String },
    #[error("series {code} has no number left in {year} (the last is {max})")]
    Exhausted { code: String, year: i32, max: u32 },
    #[error("series {code} is not used by this kind of posting")]
    NotHere { code: String },
    #[error("series {code}, {year}: number {found} drawn, {expected} was next")]
    OutOfTurn {
        code: String,
        year: i32,
        expected: u32,
        found: u32,
    },
}

/// The series of a company and the last number each drew per year.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Numbering {
    series: Vec<NumberSeries>,
    last: BTreeMap<(String, i32), u32>,
}

impl Numbering {
    pub fn series(&self) -> &[NumberSeries] {
        &self.series
    }

    pub fn find(&self, code: &str) -> Option<&NumberSeries> {
        self.series.iter().find(|s| s.code == code)
    }

    /// Whether `code` has drawn any number.
    pub fn in_use(&self, code: &str) -> bool {
        self.last.keys().any(|(c, _)| c == code)
    }

    /// The number `code` gives next in `year` after `pending` more draws
    /// of the same command, or why none.
    pub fn next(&self, code: &str, year: i32, pending: u32) -> Result<u32, NumberSeriesError> {
        let series = self.find(code).ok_or_else(|| NumberSeriesError::Unknown {
            code: code.to_string(),
        })?;
        let next = match self.last.get(&(code.to_string(), year)) {
            Some(&last) => u64::from(last) + 1,
            None => u64::from(series.start),
        } + u64::from(pending);
        let max = series.max_number();
        u32::try_from(next)
            .ok()
            .filter(|&n| n <= max)
            .ok_or_else(|| NumberSeriesError::Exhausted {
                code: code.to_string(),
                year,
                max,
            })
    }

    /// Checks a new list against the limits and the numbers given.
    pub fn check(&self, list: &[NumberSeries]) -> Result<(), NumberSeriesError> {
        if list.len() > MAX_SERIES {
            return Err(NumberSeriesError::TooMany {
                count: list.len(),
                max: MAX_SERIES,
            });
        }
        for (i, series) in list.iter().enumerate() {
            check_one(series)?;
            if list[..i].iter().any(|s| s.code == series.code) {
                return Err(NumberSeriesError::CodeTwice {
                    code: series.code.clone(),
                });
            }
        }
        for old in self.series.iter().filter(|s| self.in_use(&s.code)) {
            let code = old.code.clone();
            match list.iter().find(|s| s.code == old.code) {
                None => return Err(NumberSeriesError::RemovedInUse { code }),
                Some(new) if new.kind != old.kind => {
                    return Err(NumberSeriesError::KindInUse { code });
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    pub(crate) fn set(&mut self, list: &[NumberSeries]) -> Result<(), NumberSeriesError> {
        self.check(list)?;
        self.series = list.to_vec();
        Ok(())
    }

    /// Folds a drawn number: exactly the next one of its series and year.
    pub(crate) fn draw(
        &mut self,
        code: &str,
        year: i32,
        number: u32,
    ) -> Result<(), NumberSeriesError> {
        let expected = self.next(code, year, 0)?;
        if number != expected {
            return Err(NumberSeriesError::OutOfTurn {
                code: code.to_string(),
                year,
                expected,
                found: number,
            });
        }
        self.last.insert((code.to_string(), year), number);
        Ok(())
    }
}

fn check_one(series: &NumberSeries) -> Result<(), NumberSeriesError> {
    let code = || series.code.clone();
    if !valid_code(&series.code, MAX_SERIES_CODE_LEN) {
        return Err(NumberSeriesError::InvalidCode {
            code: code(),
            max: MAX_SERIES_CODE_LEN,
        });
    }
    let name = series.name.trim();
    if name.is_empty() || series.name.chars().count() > MAX_SERIES_NAME_LEN {
        return Err(NumberSeriesError::InvalidName {
            code: code(),
            max: MAX_SERIES_NAME_LEN,
        });
    }
    let prefix_char = |c: char| c.is_ascii_alphanumeric() || "-/_.".contains(c);
    if series.prefix.len() > MAX_PREFIX_LEN || !series.prefix.chars().all(prefix_char) {
        return Err(NumberSeriesError::InvalidPrefix {
            code: code(),
            max: MAX_PREFIX_LEN,
        });
    }
    let (min, max) = WIDTH_RANGE;
    if !(min..=max).contains(&series.width) {
        return Err(NumberSeriesError::InvalidWidth {
            code: code(),
            width: series.width,
            min,
            max,
        });
    }
    if series.start == 0 || series.start > series.max_number() {
        return Err(NumberSeriesError::InvalidStart {
            code: code(),
            start: series.start,
            max: series.max_number(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(code: &str, width: u8, start: u32) -> NumberSeries {
        NumberSeries {
            code: code.into(),
            name: "Kasse".into(),
            kind: DocumentKind::Cash,
            prefix: "KA-".into(),
            with_year: true,
            width,
            start,
        }
    }

    #[test]
    fn references_carry_prefix_year_and_padded_number() {
        let s = series("KA", 4, 1);
        assert_eq!(s.reference(2026, 7), "KA-2026-0007");
        let plain = NumberSeries {
            with_year: false,
            prefix: String::new(),
            ..s
        };
        assert_eq!(plain.reference(2026, 12345), "12345");
    }

    #[test]
    fn numbers_run_gapless_per_year_from_the_start() {
        let mut n = Numbering::default();
        n.set(&[series("KA", 2, 98)]).expect("valid");
        assert_eq!(n.next("KA", 2026, 0), Ok(98));
        assert_eq!(n.next("KA", 2026, 1), Ok(99));
        n.draw("KA", 2026, 98).expect("next");
        assert_eq!(
            n.draw("KA", 2026, 100),
            Err(NumberSeriesError::OutOfTurn {
                code: "KA".into(),
                year: 2026,
                expected: 99,
                found: 100
            })
        );
        n.draw("KA", 2026, 99).expect("next");
        assert!(matches!(
            n.next("KA", 2026, 0),
            Err(NumberSeriesError::Exhausted { max: 99, .. })
        ));
        assert_eq!(n.next("KA", 2027, 0), Ok(98), "a new year starts again");
    }

    #[test]
    fn a_series_that_gave_numbers_stays_with_its_kind() {
        let mut n = Numbering::default();
        n.set(&[series("KA", 4, 1), series("AR", 4, 1)])
            .expect("valid");
        n.draw("KA", 2026, 1).expect("first");
        assert!(n.check(&[series("KA", 4, 1)]).is_ok(), "unused AR may go");
        assert!(matches!(
            n.check(&[series("AR", 4, 1)]),
            Err(NumberSeriesError::RemovedInUse { .. })
        ));
        let bank = NumberSeries {
            kind: DocumentKind::Bank,
            ..series("KA", 6, 1)
        };
        assert!(matches!(
            n.check(&[bank]),
            Err(NumberSeriesError::KindInUse { .. })
        ));
    }

    #[test]
    fn bad_series_are_refused_by_field() {
        let n = Numbering::default();
        let refused = |s: NumberSeries| n.check(&[s]).is_err();
        assert!(refused(series("K A", 4, 1)));
        assert!(refused(series("KA", 0, 1)));
        assert!(refused(series("KA", 10, 1)));
        assert!(refused(series("KA", 2, 100)));
        assert!(refused(series("KA", 2, 0)));
        assert!(refused(NumberSeries {
            prefix: "RE 1".into(),
            ..series("KA", 4, 1)
        }));
        assert!(refused(NumberSeries {
            name: " ".into(),
            ..series("KA", 4, 1)
        }));
        assert!(matches!(
            n.check(&[series("KA", 4, 1), series("KA", 5, 1)]),
            Err(NumberSeriesError::CodeTwice { .. })
        ));
    }
}
