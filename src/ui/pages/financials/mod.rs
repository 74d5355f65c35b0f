//! Financials (Finanzbuchhaltung): the chart of accounts, the journal
//! entry grid, journal vouchers (Buchungsstapel) and the journal with each
//! entry's detail and reversal. The entry screen and the vouchers share
//! their drafts through `components::drafts`, never each other's code.

mod accounts;
mod entry;
mod journal;
mod vouchers;

pub use accounts::AccountsPage;
pub use entry::EntryPage;
pub use journal::{EntryDetailPage, JournalPage};
pub use vouchers::VouchersPage;
