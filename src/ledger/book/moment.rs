//! Moments of the log (Zeitpunkte, for time travel): which log position a
//! past moment is, and what is known of the time of a position.
//!
//! A report "as of a past moment" is the fold of the log's first `n`
//! records ([`Book::fold_prefix`](crate::ledger::Book::fold_prefix)). A
//! moment is either a log position `n` (exact: "the books after record
//! 4,711") or a date and time. Records carry no time of their own (a
//! [`LogRecord`] is `seq`, body and hash), and a posted entry carries its
//! posting and document dates, which say what period it belongs to, not
//! when it was written (back-dated postings are the rule). What carries a
//! write time is the stamp (`at`, UTC to the second, given by the caller's
//! clock) of the stamped events: partner and item master data, clearings,
//! payment runs, dunning runs, bank imports and postings of statements.
//!
//! The rule: the time of a record is its own stamp, or else the stamp of
//! the nearest stamped record before it (an unstamped record was written
//! no earlier than that); records before the first stamp have no time and
//! belong to every moment. The books **as of T** are the records up to
//! the first stamped record whose stamp is later than T, i.e. every record
//! whose time is ≤ T. So "as of 10 April 12:00" is precise for stamped
//! work, and includes the unstamped journal entries written between the
//! last stamp at or before T and the next stamp after it, even when they
//! were typed in after 12:00. Where that matters, the log position is the
//! exact moment; the as-of bar shows both.
//!
//! Stamps are found in the stored body without decoding it: the v1 wire
//! format writes every stamp as a key `"at"` with a `YYYY-MM-DDTHH:MM:SSZ`
//! string (`event::v1::TimestampV1`), and a quote inside a JSON string is
//! always escaped, so the pattern `"at":"` occurs only as that key. A body
//! with several stamps (a run and its items) takes the latest.

use crate::ledger::chain::LogRecord;
use crate::ledger::types::Timestamp;

/// A moment of the log the user can choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// After the first `n` records (1-based count; record `seq` n is the
    /// last one folded).
    Position(u64),
    /// As of a date and time (UTC), by the rule of this module.
    At(Timestamp),
}

const KEY: &str = "\"at\":\"";
/// `YYYY-MM-DDTHH:MM:SSZ`
const STAMP_LEN: usize = 20;

/// The latest stamp written in a record's body, if any.
pub fn record_stamp(body: &str) -> Option<Timestamp> {
    let mut latest = None;
    let mut rest = body;
    while let Some(found) = rest.find(KEY) {
        rest = &rest[found + KEY.len()..];
        let stamp = rest
            .get(..STAMP_LEN)
            .filter(|_| rest[STAMP_LEN..].starts_with('"'))
            .and_then(Timestamp::parse);
        latest = latest.max(stamp);
    }
    latest
}

/// How many records the books as of `t` hold: the records before the
/// first stamped record whose stamp is later than `t` (the whole log when
/// there is none).
pub fn position_at(records: &[LogRecord], t: Timestamp) -> usize {
    records
        .iter()
        .position(|r| record_stamp(&r.body).is_some_and(|s| s > t))
        .unwrap_or(records.len())
}

/// The time known for the books after the first `n` records: the stamp
/// of the last stamped record among them (`None` when none is stamped).
pub fn stamp_of_position(records: &[LogRecord], n: usize) -> Option<Timestamp> {
    records
        .get(..n)
        .unwrap_or(records)
        .iter()
        .rev()
        .find_map(|r| record_stamp(&r.body))
}

/// The number of records `moment` stands for in `records`, at least 1
/// (the company's creation: no Book exists before it) and at most the
/// whole log.
pub fn resolve(records: &[LogRecord], moment: Moment) -> usize {
    let n = match moment {
        Moment::Position(n) => usize::try_from(n).unwrap_or(usize::MAX),
        Moment::At(t) => position_at(records, t),
    };
    n.clamp(1, records.len().max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::chain::ChainHash;
    use chrono::NaiveDate;

    fn t(day: u32, hour: u32) -> Timestamp {
        let date = NaiveDate::from_ymd_opt(2025, 4, day).expect("valid date");
        Timestamp::at(date, hour, 0, 0).expect("valid time")
    }

    fn record(seq: u64, body: &str) -> LogRecord {
        LogRecord {
            seq,
            body: body.to_string(),
            hash: ChainHash::GENESIS,
        }
    }

    fn stamped(seq: u64, at: Timestamp) -> LogRecord {
        record(
            seq,
            &format!(r#"{{"v":1,"type":"x","at":"{at}","memo":"a"}}"#),
        )
    }

    #[test]
    fn the_stamp_of_a_body_is_its_latest_at_key_and_nothing_else() {
        assert_eq!(
            record_stamp(r#"{"at":"2025-04-10T12:00:00Z","run":{"at":"2025-04-09T08:00:00Z"}}"#),
            Some(t(10, 12))
        );
        // A stamp-like text inside a string value has escaped quotes.
        assert_eq!(
            record_stamp(r#"{"memo":"\"at\":\"2025-04-10T12:00:00Z\""}"#),
            None
        );
        assert_eq!(record_stamp(r#"{"at":"2025-04-10"}"#), None);
        assert_eq!(record_stamp(r#"{"at":"2025-04-10T12:00:00Z"#), None);
        assert_eq!(record_stamp(r#"{"data":"2025-04-10T12:00:00Z"}"#), None);
    }

    #[test]
    fn as_of_a_time_holds_every_record_up_to_the_first_later_stamp() {
        let log = vec![
            record(1, "{}"),
            stamped(2, t(9, 10)),
            record(3, "{}"),
            stamped(4, t(10, 12)),
            record(5, "{}"),
            record(6, "{}"),
            stamped(7, t(11, 9)),
            record(8, "{}"),
        ];
        // Before the first stamp: only what has no time.
        assert_eq!(position_at(&log, t(1, 0)), 1);
        assert_eq!(position_at(&log, t(9, 10)), 3);
        // The unstamped records after a stamp inherit it.
        assert_eq!(position_at(&log, t(10, 12)), 6);
        assert_eq!(position_at(&log, t(11, 8)), 6);
        assert_eq!(position_at(&log, t(11, 9)), 8);
        assert_eq!(position_at(&log, t(30, 0)), 8);
        assert_eq!(stamp_of_position(&log, 6), Some(t(10, 12)));
        assert_eq!(stamp_of_position(&log, 1), None);
        assert_eq!(stamp_of_position(&log, 99), Some(t(11, 9)));
        assert_eq!(resolve(&log, Moment::At(t(1, 0))), 1);
        assert_eq!(resolve(&log, Moment::Position(0)), 1);
        assert_eq!(resolve(&log, Moment::Position(5)), 5);
        assert_eq!(resolve(&log, Moment::Position(u64::MAX)), 8);
    }

    #[test]
    fn the_position_of_a_time_never_goes_back_as_the_time_goes_on() {
        let log: Vec<LogRecord> = (1..=40u64)
            .map(|i| match i % 3 {
                0 => stamped(i, t(1 + (i as u32 * 7) % 20, 10)),
                _ => record(i, "{}"),
            })
            .collect();
        let mut last = 0;
        for day in 1..=28 {
            for hour in [0, 10, 23] {
                let n = position_at(&log, t(day, hour));
                assert!(n >= last, "day {day} {hour}:00 went back to {n}");
                last = n;
            }
        }
    }
}
