//! Who changed master data, and when (Änderungsvermerk). The engine has
//! no clock: a command that changes partner master data or clears items
//! carries the user and a UTC timestamp given by its caller, the event
//! keeps both, and the change history is a pure function of the events.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::fmt;

/// Who did something, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub by: String,
    pub at: Timestamp,
}

/// A point in time, UTC, to the second. Written `2024-05-01T10:15:00Z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

    /// Reads `YYYY-MM-DDTHH:MM:SSZ`, exactly what `Display` writes.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let body = text.strip_suffix('Z')?;
        NaiveDateTime::parse_from_str(body, "%Y-%m-%dT%H:%M:%S")
            .ok()
            .filter(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string() == body)
            .map(Timestamp)
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
}
