//! Banking (Zahlungsverkehr): incoming and outgoing payments, the payment
//! list with cancellation, internal reconciliation, the foreign-currency
//! revaluation and the payment settings. Each screen is its own module;
//! they share nothing but `ui::components`.

mod payment;
mod payment_settings;
mod payments;
mod reconciliation;
mod revaluation;

pub use payment::{IncomingPaymentPage, OutgoingPaymentPage};
pub use payment_settings::PaymentSettingsPage;
pub use payments::PaymentListPage;
pub use reconciliation::ReconciliationPage;
pub use revaluation::RevaluationPage;
