//! Financials (Finanzbuchhaltung): the chart of accounts, the journal
//! entry grid, journal vouchers (Buchungsstapel) and the journal with each
//! entry's detail and reversal. The entry screen and the vouchers share
//! their drafts through `components::drafts`, never each other's code.

mod accounts;
mod budgets;
mod datev_import;
mod due_postings;
mod einvoice;
mod entry;
mod journal;
mod loan;
mod loans;
mod opening_balances;
mod posting_templates;
mod recurring;
mod vouchers;
mod year_end;

pub use accounts::AccountsPage;
pub use budgets::BudgetsPage;
pub use datev_import::DatevImportPage;
pub use due_postings::DuePostingsPage;
pub use einvoice::EInvoicePage;
pub use entry::EntryPage;
pub use journal::{EntryDetailPage, JournalPage};
pub use loan::LoanPage;
pub use loans::LoansPage;
pub use opening_balances::OpeningBalancesPage;
pub use posting_templates::PostingTemplatesPage;
pub use recurring::RecurringPage;
pub use vouchers::VouchersPage;
pub use year_end::YearEndPage;
