//! Administration: company details (Firmendaten), posting periods
//! (Buchungsperioden), currencies and exchange rates (Währungen,
//! Wechselkurse), G/L account determination (Sachkontenfindung). Each
//! screen reads the open Book and changes it only through a checked command.

mod company;
mod currencies;
mod determination;
mod periods;

pub use company::CompanyDetailsPage;
pub use currencies::CurrenciesPage;
pub use determination::DeterminationPage;
pub use periods::PeriodsPage;
