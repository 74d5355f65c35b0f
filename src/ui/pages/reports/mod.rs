//! Reports (Berichte): trial balance with the account sheet, the VAT
//! return (UStVA), the cost-centre report, and the partner reports: open
//! items (with clearing), aging and the partner statement. They share formatting, the
//! period picker, download and print from `components`, never each
//! other's code.

mod aging;
mod balance_sheet;
mod budget_report;
mod charts;
mod cost_centres;
mod credit_risk;
mod datev_export;
mod gobd_export;
mod journal_download;
mod open_items;
mod partner_statement;
mod profit_loss;
mod trial_balance;
mod vat;

pub use aging::AgingPage;
pub use balance_sheet::BalanceSheetPage;
pub use budget_report::BudgetReportPage;
pub use charts::ChartsPage;
pub use cost_centres::CostCentreReportPage;
pub use credit_risk::CreditRiskPage;
pub use datev_export::DatevExportPage;
pub use gobd_export::GobdExportPage;
pub use journal_download::JournalDownloadPage;
pub use open_items::OpenItemsPage;
pub use partner_statement::PartnerStatementPage;
pub use profit_loss::ProfitLossPage;
pub use trial_balance::{AccountSheetPage, TrialBalancePage};
pub use vat::VatReturnPage;
