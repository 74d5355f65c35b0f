//! Administration: the setup wizard (Einrichtungsassistent), company
//! details (Firmendaten), posting periods (Buchungsperioden), currencies
//! and exchange rates (Währungen, Wechselkurse), G/L account determination
//! (Sachkontenfindung), data-entry rules (Erfassungsregeln), the change log (Änderungsprotokoll), users (Benutzer: encryption at rest, logins), tax codes (Steuerkennzeichen), cost accounting
//! (Kostenrechnung) and backup (Datensicherung). Each screen reads the open
//! Book and changes it only through a checked command; they share their
//! frame (`components::AdminFrame`), never each other's code.

pub mod backup;
mod change_log;
mod company;
mod costing;
mod currencies;
mod determination;
mod entry_rules;
mod number_series;
mod periods;
mod setup;
mod statement_layout;
mod tax_codes;
mod users;

pub use backup::BackupPage;
pub use change_log::ChangeLogPage;
pub use company::CompanyDetailsPage;
pub use costing::CostingPage;
pub use currencies::CurrenciesPage;
pub use determination::DeterminationPage;
pub use entry_rules::EntryRulesPage;
pub use number_series::NumberSeriesPage;
pub use periods::PeriodsPage;
pub use setup::SetupPage;
pub use statement_layout::StatementLayoutPage;
pub use tax_codes::TaxCodesPage;
pub use users::UsersPage;
