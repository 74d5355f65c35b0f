//! Stammdaten (master data): business partners (list with CSV import,
//! the partner with its open items and change history) and payment terms.
//! Each screen is its own module; they share nothing but `ui::components`.

mod partner;
mod partner_list;
mod payment_terms;

pub use partner::PartnerPage;
pub use partner_list::PartnerListPage;
pub use payment_terms::PaymentTermsPage;
