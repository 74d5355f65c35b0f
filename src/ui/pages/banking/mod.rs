//! Banking (Zahlungsverkehr): incoming and outgoing payments, the payment
//! list with cancellation, internal reconciliation, the foreign-currency
//! revaluation and the payment settings; house banks, bank statements
//! (import, matching, posting) and posting rules; the payment wizard
//! (payment runs with SEPA files) and dunning (terms, runs, letters). Each screen is its own module;
//! they share nothing but `ui::components`.

mod bank_rules;
mod dunning_letters;
mod dunning_run;
mod dunning_terms;
mod house_banks;
mod payment;
mod payment_runs;
mod payment_settings;
mod payments;
mod reconciliation;
mod revaluation;
mod statement;
mod statements;

pub use bank_rules::BankRulesPage;
pub use dunning_letters::DunningLettersPage;
pub use dunning_run::DunningRunPage;
pub use dunning_terms::DunningTermsPage;
pub use house_banks::HouseBanksPage;
pub use payment::{IncomingPaymentPage, OutgoingPaymentPage};
pub use payment_runs::{PaymentRunPage, PaymentRunsPage};
pub use payment_settings::PaymentSettingsPage;
pub use payments::PaymentListPage;
pub use reconciliation::ReconciliationPage;
pub use revaluation::RevaluationPage;
pub use statement::StatementPage;
pub use statements::StatementsPage;
