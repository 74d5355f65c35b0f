//! Reports (Berichte) as pure functions of the Book, returning data (the
//! CSV of a report is `formats`' business): trial balance, account sheet,
//! journal listing, VAT return (UStVA), cost-centre report, and for
//! business partners the open-items list, the aging report, the partner
//! list, the partner statement and the credit risk per customer with
//! its highest dunning level. Each reads the index its sub-ledger
//! keeps; none scans the journal for totals (the aging report's check
//! line reads the control accounts' lines).

pub mod account_sheet;
pub mod aging;
pub mod budget;
pub mod cost_centres;
pub mod credit_risk;
pub mod journal;
pub mod open_items;
pub mod partners;
pub mod series;
pub mod statements;
pub mod trial_balance;
pub mod vat_return;

pub use account_sheet::{AccountSheet, Contra, SheetFc, SheetLine, account_sheet, contra_of};
pub use aging::{AgingAmounts, AgingReport, AgingRow, DEFAULT_AGING_BOUNDS, aging};
pub use budget::{BudgetReport, BudgetReportRow, CentreFilter, budget_vs_actual};
pub use cost_centres::{CostCentreReport, cost_centre_report};
pub use credit_risk::{CreditRiskRow, OldestOverdue, credit_risk};
pub use journal::{JournalFilter, JournalPage, journal};
pub use open_items::{OpenItemRow, OpenItemsFilter, OpenItemsReport, open_items};
pub use partners::{
    PartnerListFilter, PartnerListRow, PartnerStatement, StatementLine, partner_list,
    partner_statement,
};
pub use series::{
    CashPoint, CashSeries, ExpenseGroup, PeriodResult, cash_accounts, cash_series,
    expense_breakdown, nice_ticks, result_series,
};
pub use statements::{
    Comparison, FinancialStatement, StatementAccount, StatementChecks, StatementRow, balance_sheet,
    financial_statements, profit_and_loss,
};
pub use trial_balance::{TrialBalance, TrialBalanceRow, trial_balance};
pub use vat_return::{VatReturn, VatReturnRow, vat_return};

pub use crate::ledger::types::limits::MAX_REPORT_ROWS;

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::gl::GlError;
use crate::ledger::partners::PartnerKind;
use crate::ledger::types::{AccountNo, PartnerCode, PeriodRef};
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

    pub fn open_items_report(&self, filter: &OpenItemsFilter) -> OpenItemsReport<'_> {
        open_items(self, filter)
    }

    pub fn aging(
        &self,
        kind: PartnerKind,
        as_of: NaiveDate,
        bounds: &[u32],
    ) -> Result<AgingReport<'_>, DomainError> {
        aging(self, kind, as_of, bounds)
    }

    pub fn partner_list(&self, filter: &PartnerListFilter) -> Vec<PartnerListRow<'_>> {
        partner_list(self, filter)
    }

    pub fn partner_statement(
        &self,
        partner: PartnerCode,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<PartnerStatement, DomainError> {
        partner_statement(self, partner, from, to)
    }
}
