//! The Leptos single-page app (wasm32 only): shell, routes, pages.
//! Pages read the Book through `state::AppState::with_book` and write only
//! through `AppState::execute` (see ARCHITECTURE.md).

pub mod actor;
pub mod components;
pub mod errors;
pub mod i18n;
mod pages;
pub mod pwa;
mod shell;
pub mod state;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use i18n::I18n;
use pages::modules::{self, Module};
use pages::*;
use state::AppState;

#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    AppState::provide();
    view! {
        <Router>
            <shell::Shell>
                <components::OpenFailureNotice />
                <components::LockScreen />
                <components::RightsGate>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=start::StartPage />
                    <Route path=path!("/setup") view=admin::SetupPage />
                    <Route path=path!("/admin") view=|| modules::page(Module::Admin) />
                    <Route path=path!("/admin/company") view=admin::CompanyDetailsPage />
                    <Route path=path!("/admin/periods") view=admin::PeriodsPage />
                    <Route path=path!("/admin/currencies") view=admin::CurrenciesPage />
                    <Route path=path!("/admin/determination") view=admin::DeterminationPage />
                    <Route path=path!("/admin/entry-rules") view=admin::EntryRulesPage />
                    <Route path=path!("/admin/number-series") view=admin::NumberSeriesPage />
                    <Route path=path!("/admin/backup") view=admin::BackupPage />
                    <Route path=path!("/admin/change-log") view=admin::ChangeLogPage />
                    <Route path=path!("/admin/users") view=admin::UsersPage />
                    <Route path=path!("/admin/tax-codes") view=admin::TaxCodesPage />
                    <Route path=path!("/admin/costing") view=admin::CostingPage />
                    <Route path=path!("/admin/statement-layout") view=admin::StatementLayoutPage />
                    <Route path=path!("/master-data") view=|| modules::page(Module::MasterData) />
                    <Route path=path!("/master-data/partners") view=master_data::PartnerListPage />
                    <Route path=path!("/master-data/partners/new") view=master_data::PartnerPage />
                    <Route path=path!("/master-data/partners/:code") view=master_data::PartnerPage />
                    <Route path=path!("/master-data/payment-terms") view=master_data::PaymentTermsPage />
                    <Route path=path!("/master-data/items") view=master_data::ItemListPage />
                    <Route path=path!("/master-data/items/new") view=master_data::ItemPage />
                    <Route path=path!("/master-data/items/import") view=master_data::ItemImportPage />
                    <Route path=path!("/master-data/items/:code") view=master_data::ItemPage />
                    <Route path=path!("/master-data/item-groups") view=master_data::ItemGroupsPage />
                    <Route path=path!("/master-data/price-lists") view=master_data::PriceListsPage />
                    <Route path=path!("/master-data/price-lists/:number") view=master_data::PriceListPage />
                    <Route path=path!("/master-data/special-prices") view=master_data::SpecialPricesPage />
                    <Route path=path!("/master-data/discount-groups") view=master_data::DiscountGroupsPage />
                    <Route path=path!("/master-data/price-check") view=master_data::PriceCheckPage />
                    <Route path=path!("/financials") view=|| modules::page(Module::Financials) />
                    <Route path=path!("/financials/accounts") view=financials::AccountsPage />
                    <Route path=path!("/financials/entry") view=financials::EntryPage />
                    <Route path=path!("/financials/vouchers") view=financials::VouchersPage />
                    // Issue 19, part C: DATEV import.
                    <Route path=path!("/financials/datev-import") view=financials::DatevImportPage />
                    <Route path=path!("/financials/journal") view=financials::JournalPage />
                    <Route path=path!("/financials/journal/:id") view=financials::EntryDetailPage />
                    <Route path=path!("/financials/posting-templates") view=financials::PostingTemplatesPage />
                    <Route path=path!("/financials/recurring") view=financials::RecurringPage />
                    <Route path=path!("/financials/recurring/due") view=financials::DuePostingsPage />
                    <Route path=path!("/financials/loans") view=financials::LoansPage />
                    <Route path=path!("/financials/loans/:number") view=financials::LoanPage />
                    <Route path=path!("/financials/year-end") view=financials::YearEndPage />
                    <Route path=path!("/financials/opening-balances") view=financials::OpeningBalancesPage />
                    <Route path=path!("/financials/budgets") view=financials::BudgetsPage />
                    <Route path=path!("/financials/einvoice") view=financials::EInvoicePage />
                    <Route path=path!("/banking") view=|| modules::page(Module::Banking) />
                    <Route path=path!("/banking/incoming") view=banking::IncomingPaymentPage />
                    <Route path=path!("/banking/outgoing") view=banking::OutgoingPaymentPage />
                    <Route path=path!("/banking/payments") view=banking::PaymentListPage />
                    <Route path=path!("/banking/reconciliation") view=banking::ReconciliationPage />
                    <Route path=path!("/banking/revaluation") view=banking::RevaluationPage />
                    <Route path=path!("/banking/settings") view=banking::PaymentSettingsPage />
                    <Route path=path!("/banking/house-banks") view=banking::HouseBanksPage />
                    <Route path=path!("/banking/statements") view=banking::StatementsPage />
                    <Route path=path!("/banking/statements/:number") view=banking::StatementPage />
                    <Route path=path!("/banking/rules") view=banking::BankRulesPage />
                    <Route path=path!("/banking/payment-runs") view=banking::PaymentRunsPage />
                    <Route path=path!("/banking/payment-runs/:number") view=banking::PaymentRunPage />
                    <Route path=path!("/banking/dunning") view=banking::DunningRunPage />
                    <Route path=path!("/banking/dunning/terms") view=banking::DunningTermsPage />
                    <Route path=path!("/banking/dunning/runs/:number") view=banking::DunningLettersPage />
                    <Route path=path!("/reports") view=|| modules::page(Module::Reports) />
                    <Route path=path!("/reports/trial-balance") view=reports::TrialBalancePage />
                    <Route path=path!("/reports/account/:account") view=reports::AccountSheetPage />
                    <Route path=path!("/reports/vat") view=reports::VatReturnPage />
                    <Route path=path!("/reports/cost-centres") view=reports::CostCentreReportPage />
                    <Route path=path!("/reports/open-items") view=reports::OpenItemsPage />
                    <Route path=path!("/reports/aging") view=reports::AgingPage />
                    <Route path=path!("/reports/credit-risk") view=reports::CreditRiskPage />
                    <Route path=path!("/reports/partner-statement/:code") view=reports::PartnerStatementPage />
                    <Route path=path!("/reports/balance-sheet") view=reports::BalanceSheetPage />
                    <Route path=path!("/reports/profit-loss") view=reports::ProfitLossPage />
                    <Route path=path!("/reports/budget") view=reports::BudgetReportPage />
                    <Route path=path!("/reports/charts") view=reports::ChartsPage />
                    // issue 19, part B: DATEV export
                    <Route path=path!("/reports/datev-export") view=reports::DatevExportPage />
                    // issue 19 part D: GoBD export, hledger/ledger journal
                    <Route path=path!("/reports/gobd-export") view=reports::GobdExportPage />
                    <Route path=path!("/reports/journal-download") view=reports::JournalDownloadPage />
                </Routes>
                </components::RightsGate>
            </shell::Shell>
        </Router>
    }
}
