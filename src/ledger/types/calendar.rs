//! Fiscal years and posting periods (Geschäftsjahre, Buchungsperioden).
//! A fiscal year starts on the first day of the company's start month and
//! is named by the calendar year of that day (fiscal year 2024 starting in
//! July runs 2024-07-01..2025-06-30). It is split into 12 monthly or 4
//! quarterly periods. Fiscal years are opened one after the other, without
//! gaps, so the period of a date is found by arithmetic, not by search.
//!
//! Each period has a status that decides who may post into it:
//! - *unlocked*: everyone;
//! - *unlocked except sales*: everything except "sales", which for now means
//!   any entry with a line on a revenue account (Erlöskonto), so sales are
//!   frozen while purchases and corrections still come in;
//! - *closing period* (Abschlussperiode): only commands that carry the
//!   closing right (`allow_closing_period`);
//! - *locked* (gesperrt): nobody. Locking is final (GoBD Festschreibung):
//!   a locked period's status cannot be changed again.

use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PeriodLayout {
    Monthly,
    Quarterly,
}

impl PeriodLayout {
    pub fn periods_per_year(self) -> usize {
        match self {
            PeriodLayout::Monthly => 12,
            PeriodLayout::Quarterly => 4,
        }
    }

    pub fn months_per_period(self) -> usize {
        12 / self.periods_per_year()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum PeriodStatus {
    Unlocked,
    UnlockedExceptSales,
    Closing,
    Locked,
}

/// Names a period: fiscal year and its 1-based number within the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PeriodRef {
    pub fiscal_year: i32,
    pub period: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FiscalYear {
    pub year: i32,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub reference: PeriodRef,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub status: PeriodStatus,
}

/// The company's fiscal calendar: open fiscal years and the status of every
/// period. Periods are numbered globally from 0 (first period of the first
/// open fiscal year); the balance index of the Book uses that number.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Calendar {
    start_month: u32,
    layout: PeriodLayout,
    first_year: Option<i32>,
    statuses: Vec<PeriodStatus>,
}

impl Calendar {
    /// `start_month` must be 1..=12: the setup command refuses others, so
    /// another value here is a bug of ours.
    pub fn new(start_month: u32, layout: PeriodLayout) -> Calendar {
        assert!(
            (1..=12).contains(&start_month),
            "fiscal-year start month {start_month} passed the setup check"
        );
        Calendar {
            start_month,
            layout,
            first_year: None,
            statuses: Vec::new(),
        }
    }

    pub fn layout(&self) -> PeriodLayout {
        self.layout
    }

    pub fn year_count(&self) -> usize {
        self.statuses.len() / self.layout.periods_per_year()
    }

    pub fn period_count(&self) -> usize {
        self.statuses.len()
    }

    /// The year the next `open_year` must name (None: any year, none open).
    pub fn next_year(&self) -> Option<i32> {
        // At most MAX_FISCAL_YEARS years are open, so the count fits.
        self.first_year
            .map(|y| y + i32::try_from(self.year_count()).unwrap_or(i32::MAX))
    }

    /// Opens `year` with all periods unlocked. The caller has checked that
    /// it is the next year (`gl::period::check_open`).
    pub fn open_year(&mut self, year: i32) {
        assert!(
            self.next_year().is_none_or(|next| next == year),
            "fiscal year {year} opened out of order"
        );
        if self.first_year.is_none() {
            self.first_year = Some(year);
        }
        self.statuses.extend(std::iter::repeat_n(
            PeriodStatus::Unlocked,
            self.layout.periods_per_year(),
        ));
    }

    /// Global index of the period containing `date`, if its year is open.
    pub fn index_of_date(&self, date: NaiveDate) -> Option<usize> {
        let first = self.first_year?;
        let months = (date.year() as i64 * 12 + date.month0() as i64)
            - (first as i64 * 12 + self.start_month as i64 - 1);
        if months < 0 {
            return None;
        }
        let index = months as usize / self.layout.months_per_period();
        (index < self.statuses.len()).then_some(index)
    }

    pub fn index_of(&self, reference: PeriodRef) -> Option<usize> {
        let first = self.first_year?;
        let ppy = self.layout.periods_per_year();
        let year_index = reference.fiscal_year.checked_sub(first)?;
        if year_index < 0 || reference.period == 0 || reference.period as usize > ppy {
            return None;
        }
        let index = year_index as usize * ppy + reference.period as usize - 1;
        (index < self.statuses.len()).then_some(index)
    }

    /// Index of the fiscal year (0 = first open) a period belongs to.
    pub fn year_index_of(&self, period_index: usize) -> usize {
        period_index / self.layout.periods_per_year()
    }

    /// Global index of the first period of the fiscal year that
    /// `period_index` belongs to (where profit and loss start at zero).
    pub fn year_start_index(&self, period_index: usize) -> usize {
        self.year_index_of(period_index) * self.layout.periods_per_year()
    }

    /// First day of the fiscal year containing `date`, by the company's
    /// start month, whether or not that year is open (`None` only at the
    /// edge of the date range).
    pub fn fiscal_year_start(&self, date: NaiveDate) -> Option<NaiveDate> {
        let year = if date.month() >= self.start_month {
            date.year()
        } else {
            date.year().checked_sub(1)?
        };
        NaiveDate::from_ymd_opt(year, self.start_month, 1)
    }

    pub fn reference(&self, period_index: usize) -> PeriodRef {
        let ppy = self.layout.periods_per_year();
        PeriodRef {
            fiscal_year: self.first_year.unwrap_or(0) + (period_index / ppy) as i32,
            period: (period_index % ppy + 1) as u8,
        }
    }

    pub fn status(&self, period_index: usize) -> Option<PeriodStatus> {
        self.statuses.get(period_index).copied()
    }

    /// Sets the status of an existing period. The caller has checked the
    /// change (`gl::period::check_status_change`).
    pub fn set_status(&mut self, period_index: usize, status: PeriodStatus) {
        assert!(
            self.statuses[period_index] != PeriodStatus::Locked,
            "a locked period changed status"
        );
        self.statuses[period_index] = status;
    }

    pub fn period(&self, period_index: usize) -> Option<Period> {
        let status = self.status(period_index)?;
        let mpp = self.layout.months_per_period();
        let start = self.month_start(period_index * mpp)?;
        let next = self.month_start((period_index + 1) * mpp)?;
        Some(Period {
            reference: self.reference(period_index),
            start,
            end: next.pred_opt()?,
            status,
        })
    }

    pub fn periods(&self) -> impl Iterator<Item = Period> + '_ {
        (0..self.statuses.len()).filter_map(|i| self.period(i))
    }

    pub fn fiscal_years(&self) -> impl Iterator<Item = FiscalYear> + '_ {
        let first = self.first_year.unwrap_or(0);
        (0..self.year_count()).filter_map(move |y| {
            Some(FiscalYear {
                year: first + y as i32,
                start: self.month_start(y * 12)?,
                end: self.month_start((y + 1) * 12)?.pred_opt()?,
            })
        })
    }

    /// First day of the month `offset` months after the first year's start.
    fn month_start(&self, offset: usize) -> Option<NaiveDate> {
        let first = self.first_year?;
        let months = first as i64 * 12 + self.start_month as i64 - 1 + offset as i64;
        NaiveDate::from_ymd_opt((months / 12) as i32, (months % 12) as u32 + 1, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn fiscal_year_starting_in_july_spans_two_calendar_years() {
        let mut c = Calendar::new(7, PeriodLayout::Monthly);
        c.open_year(2024);
        assert_eq!(c.index_of_date(d(2024, 6, 30)), None);
        assert_eq!(c.index_of_date(d(2024, 7, 1)), Some(0));
        assert_eq!(c.index_of_date(d(2025, 6, 30)), Some(11));
        assert_eq!(c.index_of_date(d(2025, 7, 1)), None);
        let p = c.period(11).expect("period 12");
        assert_eq!((p.start, p.end), (d(2025, 6, 1), d(2025, 6, 30)));
        assert_eq!(
            p.reference,
            PeriodRef {
                fiscal_year: 2024,
                period: 12
            }
        );
    }

    #[test]
    fn quarterly_layout_has_four_periods() {
        let mut c = Calendar::new(1, PeriodLayout::Quarterly);
        c.open_year(2024);
        assert_eq!(c.period_count(), 4);
        assert_eq!(c.index_of_date(d(2024, 5, 15)), Some(1));
        let q1 = c.period(0).expect("q1");
        assert_eq!(q1.end, d(2024, 3, 31));
    }
}
