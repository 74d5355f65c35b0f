//! Who changed master data, and when (Änderungsvermerk). The engine has
//! no clock: a command that changes partner master data or clears items
//! carries the user and a UTC timestamp given by its caller, the event
//! keeps both, and the change history is a pure function of the events.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::fmt;

/// Who did something, and when.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub by: String,
    pub at: Timestamp,
}

/// A point in time, UTC, to the second. Written `2024-05-01T10:15:00Z`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Timestamp(NaiveDateTime);

impl Timestamp {
    /// Midnight UTC of `date` (for tests, imports and the demo).
    pub fn at_midnight(date: NaiveDate) -> Timestamp {
        Timestamp(date.and_time(NaiveTime::MIN))
    }

    /// `date` at `hour:minute:second` UTC; `None` for an impossible time.
    pub fn at(date: NaiveDate, hour: u32, minute: u32, second: u32) -> Option<Timestamp> {
        NaiveTime::from_hms_opt(hour, minute, second).map(|t| Timestamp(date.and_time(t)))
    }

    /// From seconds since 1970-01-01T00:00:00Z (what a browser's clock
    /// gives, divided by 1,000).
    pub fn from_unix_seconds(seconds: i64) -> Option<Timestamp> {
        chrono::DateTime::from_timestamp(seconds, 0).map(|t| Timestamp(t.naive_utc()))
    }

    pub fn date(self) -> NaiveDate {
        self.0.date()
    }

    pub fn as_naive(self) -> NaiveDateTime {
        self.0
    }

    /// Reads `YYYY-MM-DDTHH:MM:SSZ`, exactly what `Display` writes (years
    /// 0000 to 9999): every digit at its place, so only the canonical text
    /// reads. By hand, not through a format string: every stamped record
    /// of a log is read on each open, and chrono's parser with the
    /// round-trip check it needed took a twentieth of the whole replay.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        let shape = [
            (4, b'-'),
            (7, b'-'),
            (10, b'T'),
            (13, b':'),
            (16, b':'),
            (19, b'Z'),
        ];
        if b.len() != 20 || shape.iter().any(|&(i, c)| b[i] != c) {
            return None;
        }
        let number = |from: usize, to: usize| {
            b[from..to].iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        let year = i32::try_from(number(0, 4)?).ok()?;
        let date = NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?)?;
        let time = NaiveTime::from_hms_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?)?;
        Some(Timestamp(date.and_time(time)))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Z", self.0.format("%Y-%m-%dT%H:%M:%S"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip_through_text_and_refuse_other_shapes() {
        let day = NaiveDate::from_ymd_opt(2024, 2, 29).expect("leap day");
        let t = Timestamp::at(day, 23, 5, 9).expect("valid time");
        assert_eq!(t.to_string(), "2024-02-29T23:05:09Z");
        assert_eq!(Timestamp::parse(&t.to_string()), Some(t));
        for bad in [
            "2024-02-29T23:05:09",
            "2024-02-30T00:00:00Z",
            "2024-2-29T23:05:09Z",
            "",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Timestamp::from_unix_seconds(0).map(|t| t.to_string()),
            Some("1970-01-01T00:00:00Z".into())
        );
    }

    proptest::proptest! {
        /// Every second of years 0000 to 9999 reads back from its text.
        #[test]
        fn every_written_timestamp_reads_back(seconds in -62_167_219_200i64..253_402_300_800) {
            let t = Timestamp::from_unix_seconds(seconds).expect("in chrono's range");
            proptest::prop_assert_eq!(Timestamp::parse(&t.to_string()), Some(t));
        }

        /// Whatever reads is exactly what Display writes: no second
        /// spelling of a moment, which the hash chain would tell apart.
        #[test]
        fn only_canonical_text_reads(text in "[0-9+ -]{4}-[0-9 ]{2}-[0-9]{1,2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z?") {
            if let Some(t) = Timestamp::parse(&text) {
                proptest::prop_assert_eq!(t.to_string(), text);
            }
        }
    }
}
