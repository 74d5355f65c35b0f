//! When a standing posting is due: a frequency from a first date to an
//! end date or a number of occurrences. Month-based frequencies keep the
//! first date's day of month, clamped to the month's last day (31 Jan →
//! 28/29 Feb → 31 Mar: every date is computed from the first, never from
//! the previous one). `Days` gives the listed days of every month from
//! the first date's month on (31 is the month's last day; two days that
//! clamp to the same date count once), none before the first date.

use crate::ledger::recurring::error::RecurringError;
use chrono::{Datelike, Days, Months, NaiveDate};

/// At most this many occurrences for `End::Count`.
pub const MAX_COUNT: u32 = 9_999;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum End {
    /// Until deactivated.
    Open,
    /// The last date an occurrence may fall on.
    Until(NaiveDate),
    /// This many occurrences in all.
    Count(u32),
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Schedule {
    pub frequency: Frequency,
    pub first: NaiveDate,
    pub end: End,
}

/// `day` in the month of `month_start`, clamped to the month's last day.
fn day_in_month(month_start: NaiveDate, day: u32) -> Option<NaiveDate> {
    let next = month_start.checked_add_months(Months::new(1))?;
    let last = next.pred_opt()?.day();
    month_start.with_day(day.min(last))
}

/// The first of `date`'s month plus `months` months.
fn month_plus(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.with_day(1)?.checked_add_months(Months::new(months))
}

impl Frequency {
    /// Months between occurrences of a month-based frequency.
    fn months(&self) -> Option<u32> {
        match self {
            Frequency::Monthly => Some(1),
            Frequency::Quarterly => Some(3),
            Frequency::HalfYearly => Some(6),
            Frequency::Yearly => Some(12),
            Frequency::Daily | Frequency::Weekly | Frequency::Days(_) => None,
        }
    }
}

impl Schedule {
    /// The `n`-th (0-based) date of a frequency other than `Days`,
    /// ignoring the end.
    fn nth(&self, n: u32) -> Option<NaiveDate> {
        match &self.frequency {
            Frequency::Daily => self.first.checked_add_days(Days::new(u64::from(n))),
            Frequency::Weekly => self.first.checked_add_days(Days::new(7 * u64::from(n))),
            Frequency::Days(_) => None,
            f => {
                let step = f.months()?.checked_mul(n)?;
                day_in_month(month_plus(self.first, step)?, self.first.day())
            }
        }
    }

    /// Every date of the schedule in order, strictly increasing, up to its
    /// end (endless for `End::Open`: bound it with `take_while`).
    pub fn dates(&self) -> Box<dyn Iterator<Item = NaiveDate> + '_> {
        let base: Box<dyn Iterator<Item = NaiveDate> + '_> = match &self.frequency {
            Frequency::Days(days) => {
                let mut days: Vec<u32> = days
                    .iter()
                    .map(|&d| u32::from(d))
                    .filter(|d| (1..=31).contains(d))
                    .collect();
                days.sort_unstable();
                days.dedup();
                if days.is_empty() {
                    return Box::new(std::iter::empty());
                }
                let first = self.first;
                Box::new(
                    (0u32..)
                        .map_while(move |m| month_plus(first, m))
                        .flat_map(move |month| {
                            let mut dates: Vec<NaiveDate> = days
                                .iter()
                                .filter_map(|&d| day_in_month(month, d))
                                .collect();
                            dates.dedup();
                            dates
                        })
                        .filter(move |d| *d >= first),
                )
            }
            _ => Box::new((0u32..).map_while(move |n| self.nth(n))),
        };
        match self.end {
            End::Open => base,
            End::Until(until) => Box::new(base.take_while(move |d| *d <= until)),
            End::Count(count) => Box::new(base.take(count as usize)),
        }
    }

    /// The dates up to and including `until`.
    pub fn dates_until(&self, until: NaiveDate) -> impl Iterator<Item = NaiveDate> + '_ {
        self.dates().take_while(move |d| *d <= until)
    }

    /// Whether `date` is one of the schedule's dates.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.dates_until(date).any(|d| d == date)
    }

    /// The first date on or after `from`, if the schedule has one.
    pub fn next_from(&self, from: NaiveDate) -> Option<NaiveDate> {
        self.dates().find(|d| *d >= from)
    }

    /// The schedule's rules: days 1–31 and at least one, an end not
    /// before the first date, a count of 1 to `MAX_COUNT`.
    pub fn check(&self) -> Result<(), RecurringError> {
        if let Frequency::Days(days) = &self.frequency {
            if days.is_empty() {
                return Err(RecurringError::NoDays);
            }
            if let Some(&day) = days.iter().find(|d| !(1..=31).contains(*d)) {
                return Err(RecurringError::InvalidDay { day });
            }
        }
        match self.end {
            End::Open => Ok(()),
            End::Until(until) if until < self.first => Err(RecurringError::EndBeforeFirst {
                first: self.first,
                until,
            }),
            End::Until(_) => Ok(()),
            End::Count(n) if n == 0 || n > MAX_COUNT => {
                Err(RecurringError::InvalidCount { max: MAX_COUNT })
            }
            End::Count(_) => Ok(()),
        }
    }
}
