//! Reports (Berichte): trial balance with the account sheet, the VAT
//! return (UStVA) and the cost-centre report. They share formatting, the
//! period picker, download and print from `components`, never each
//! other's code.

mod cost_centres;
mod trial_balance;
mod vat;

pub use cost_centres::CostCentreReportPage;
pub use trial_balance::{AccountSheetPage, TrialBalancePage};
pub use vat::VatReturnPage;
