//! Posting-period rules (Periodenregeln): which fiscal year may be opened
//! next, which period status may change, and who may post into a period.
//! The calendar's arithmetic is in `types::calendar`; the refusals are
//! the general ledger's.
//!
//! Statuses decide who may post:
//! - *unlocked*: everyone;
//! - *unlocked except sales*: everything except "sales", which for now
//!   means any entry with a line on a revenue account (Erlöskonto);
//! - *closing period* (Abschlussperiode): only with the closing right;
//! - *locked* (gesperrt): nobody. Locking is final (GoBD Festschreibung).

use crate::ledger::gl::error::GlError;
use crate::ledger::types::limits::{MAX_FISCAL_YEAR, MAX_FISCAL_YEARS, MIN_FISCAL_YEAR};
use crate::ledger::types::{Calendar, PeriodRef, PeriodStatus};
use chrono::NaiveDate;

/// Whether `year` is the fiscal year to open next.
pub fn check_open(calendar: &Calendar, year: i32) -> Result<(), GlError> {
    if !(MIN_FISCAL_YEAR..=MAX_FISCAL_YEAR).contains(&year) {
        return Err(GlError::FiscalYearOutOfRange {
            year,
            min: MIN_FISCAL_YEAR,
            max: MAX_FISCAL_YEAR,
        });
    }
    let Some(next) = calendar.next_year() else {
        return Ok(());
    };
    if calendar.year_count() >= MAX_FISCAL_YEARS {
        return Err(GlError::TooManyFiscalYears {
            max: MAX_FISCAL_YEARS,
        });
    }
    if year < next {
        return Err(GlError::FiscalYearExists { year });
    }
    if year > next {
        return Err(GlError::FiscalYearNotNext {
            year,
            expected: next,
        });
    }
    Ok(())
}

/// The index of `period` if its status may change (it exists and is not
/// locked for good).
pub fn check_status_change(calendar: &Calendar, period: PeriodRef) -> Result<usize, GlError> {
    let index = calendar
        .index_of(period)
        .ok_or(GlError::PeriodNotFound { period })?;
    if calendar.status(index) == Some(PeriodStatus::Locked) {
        return Err(GlError::PeriodLockedFinal { period });
    }
    Ok(index)
}

/// Whether an entry dated `date` may go into a period with `status`.
/// `first_revenue_line` is the index of the first line on a revenue
/// account, if any (the "sales" test); `may_post_closing` is the actor's
/// right to post into a closing period.
pub fn check_posting(
    status: PeriodStatus,
    date: NaiveDate,
    first_revenue_line: Option<usize>,
    may_post_closing: bool,
) -> Result<(), GlError> {
    match (status, first_revenue_line) {
        (PeriodStatus::Unlocked, _) => Ok(()),
        (PeriodStatus::UnlockedExceptSales, None) => Ok(()),
        (PeriodStatus::UnlockedExceptSales, Some(line)) => {
            Err(GlError::PeriodClosedForSales { date, line })
        }
        (PeriodStatus::Closing, _) if may_post_closing => Ok(()),
        (PeriodStatus::Closing, _) => Err(GlError::PeriodClosing { date }),
        (PeriodStatus::Locked, _) => Err(GlError::PeriodLocked { date }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::types::PeriodLayout;

    #[test]
    fn fiscal_years_open_in_order_without_gaps() {
        let mut c = Calendar::new(1, PeriodLayout::Monthly);
        assert_eq!(check_open(&c, 2024), Ok(()));
        c.open_year(2024);
        assert_eq!(
            check_open(&c, 2024),
            Err(GlError::FiscalYearExists { year: 2024 })
        );
        assert_eq!(
            check_open(&c, 2026),
            Err(GlError::FiscalYearNotNext {
                year: 2026,
                expected: 2025
            })
        );
        assert_eq!(check_open(&c, 2025), Ok(()));
    }

    #[test]
    fn locking_is_final() {
        let mut c = Calendar::new(1, PeriodLayout::Monthly);
        c.open_year(2024);
        let jan = PeriodRef {
            fiscal_year: 2024,
            period: 1,
        };
        let index = check_status_change(&c, jan).expect("january exists");
        c.set_status(index, PeriodStatus::Locked);
        assert_eq!(
            check_status_change(&c, jan),
            Err(GlError::PeriodLockedFinal { period: jan })
        );
    }
}
