//! When a standing posting is due: a frequency from a first date to an
//! end date or a number of occurrences. Month-based frequencies keep the
//! first date's day of month, clamped to the month's last day.

use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Frequency {
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
    /// On these days of every month (1–31; 31 means the month's last day).
    Days(Vec<u8>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// Until deactivated.
    Open,
    /// The last date an occurrence may fall on.
    Until(NaiveDate),
    /// This many occurrences in all.
    Count(u32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub frequency: Frequency,
    pub first: NaiveDate,
    pub end: End,
}
