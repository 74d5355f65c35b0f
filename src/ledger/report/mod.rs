//! Reports (Berichte) as pure functions of the Book, returning data (the
//! CSV of a report is `formats`' business): trial balance, account sheet,
//! journal listing, VAT return (UStVA), cost-centre report. Each reads the
//! index its sub-ledger keeps; none scans lines for totals.

pub mod account_sheet;
pub mod cost_centres;
pub mod journal;
pub mod trial_balance;
pub mod vat_return;

pub use account_sheet::{AccountSheet, Contra, SheetFc, SheetLine, account_sheet, contra_of};
pub use cost_centres::{CostCentreReport, cost_centre_report};
pub use journal::{JournalFilter, JournalPage, journal};
pub use trial_balance::{TrialBalance, TrialBalanceRow, trial_balance};
pub use vat_return::{VatReturn, VatReturnRow, vat_return};

pub use crate::ledger::types::limits::MAX_REPORT_ROWS;

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::gl::GlError;
use crate::ledger::types::{AccountNo, PeriodRef};
use chrono::NaiveDate;

/// The global period indexes of `from..=to`; `start > end` is an empty
/// range, not an error.
pub fn period_range(
    book: &Book,
    from: PeriodRef,
    to: PeriodRef,
) -> Result<(usize, usize), DomainError> {
    let calendar = book.calendar();
    let start = calendar
        .index_of(from)
        .ok_or(GlError::PeriodNotFound { period: from })?;
    let end = calendar
        .index_of(to)
        .ok_or(GlError::PeriodNotFound { period: to })?;
    Ok((start, end))
}

impl Book {
    pub fn trial_balance(
        &self,
        from: PeriodRef,
        to: PeriodRef,
    ) -> Result<TrialBalance, DomainError> {
        trial_balance(self, from, to)
    }

    pub fn account_sheet(
        &self,
        account: AccountNo,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<AccountSheet, DomainError> {
        account_sheet(self, account, from, to)
    }

    pub fn journal_page(&self, filter: &JournalFilter) -> JournalPage<'_> {
        journal(self, filter)
    }

    pub fn vat_return(&self, from: PeriodRef, to: PeriodRef) -> Result<VatReturn, DomainError> {
        vat_return(self, from, to)
    }

    pub fn cost_centre_report(
        &self,
        from: PeriodRef,
        to: PeriodRef,
    ) -> Result<CostCentreReport, DomainError> {
        cost_centre_report(self, from, to)
    }
}
