//! The product's modules (Administration, Stammdaten, Finanzen, Bank,
//! Berichte): navigation data and each module's overview page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ledger::gl::Level;
use crate::ui::components::area_of_path;
use crate::ui::i18n::{Key, use_i18n};
use crate::ui::state::use_app;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    Start,
    Admin,
    MasterData,
    Financials,
    Banking,
    Reports,
}

impl Module {
    /// Navigation order; Alt+1 … Alt+6 follow it.
    pub const NAV: [Module; 6] = [
        Module::Start,
        Module::Admin,
        Module::MasterData,
        Module::Financials,
        Module::Banking,
        Module::Reports,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Module::Start => "/",
            Module::Admin => "/admin",
            Module::MasterData => "/master-data",
            Module::Financials => "/financials",
            Module::Banking => "/banking",
            Module::Reports => "/reports",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Module::Start => "start",
            Module::Admin => "admin",
            Module::MasterData => "master-data",
            Module::Financials => "financials",
            Module::Banking => "banking",
            Module::Reports => "reports",
        }
    }

    pub fn label(self) -> Key {
        match self {
            Module::Start => Key::NavStart,
            Module::Admin => Key::NavAdmin,
            Module::MasterData => Key::NavMasterData,
            Module::Financials => Key::NavFinancials,
            Module::Banking => Key::NavBanking,
            Module::Reports => Key::NavReports,
        }
    }

    pub fn lead(self) -> Key {
        match self {
            Module::Start => Key::StartLead,
            Module::Admin => Key::AdminLead,
            Module::MasterData => Key::MasterLead,
            Module::Financials => Key::FinLead,
            Module::Banking => Key::BankLead,
            Module::Reports => Key::ReportsLead,
        }
    }

    /// The module's capabilities as (title, description, screen if built).
    fn capabilities(self) -> &'static [(Key, Key, Option<&'static str>)] {
        match self {
            Module::Start => &[],
            Module::Admin => &[
                (Key::AdminCompanies, Key::AdminCompaniesBody, Some("/")),
                (
                    Key::AdminDetails,
                    Key::AdminDetailsBody,
                    Some("/admin/company"),
                ),
                (
                    Key::AdminPeriods,
                    Key::AdminPeriodsBody,
                    Some("/admin/periods"),
                ),
                (
                    Key::AdminCurrencies,
                    Key::AdminCurrenciesBody,
                    Some("/admin/currencies"),
                ),
                (
                    Key::AdminDetermination,
                    Key::AdminDeterminationBody,
                    Some("/admin/determination"),
                ),
                (
                    Key::AdminEntryRules,
                    Key::AdminEntryRulesBody,
                    Some("/admin/entry-rules"),
                ),
                (
                    Key::AdminNumberSeries,
                    Key::AdminNumberSeriesBody,
                    Some("/admin/number-series"),
                ),
                (
                    Key::AdminTaxCodes,
                    Key::AdminTaxCodesBody,
                    Some("/admin/tax-codes"),
                ),
                (
                    Key::AdminCosting,
                    Key::AdminCostingBody,
                    Some("/admin/costing"),
                ),
                (
                    Key::AdminLayout,
                    Key::AdminLayoutBody,
                    Some("/admin/statement-layout"),
                ),
                (
                    Key::AdminChangeLog,
                    Key::AdminChangeLogBody,
                    Some("/admin/change-log"),
                ),
                (Key::AdminUsers, Key::AdminUsersBody, Some("/admin/users")),
                (Key::AdminSetup, Key::AdminSetupBody, Some("/setup")),
                (
                    Key::AdminBackup,
                    Key::AdminBackupBody,
                    Some("/admin/backup"),
                ),
            ],
            Module::MasterData => &[
                (
                    Key::MasterPartners,
                    Key::MasterPartnersBody,
                    Some("/master-data/partners"),
                ),
                (
                    Key::MasterTerms,
                    Key::MasterTermsBody,
                    Some("/master-data/payment-terms"),
                ),
                (
                    Key::MasterItems,
                    Key::MasterItemsBody,
                    Some("/master-data/items"),
                ),
                (
                    Key::MasterItemGroups,
                    Key::MasterItemGroupsBody,
                    Some("/master-data/item-groups"),
                ),
                (
                    Key::MasterPrices,
                    Key::MasterPricesBody,
                    Some("/master-data/price-lists"),
                ),
                (
                    Key::MasterSpecialPrices,
                    Key::MasterSpecialPricesBody,
                    Some("/master-data/special-prices"),
                ),
                (
                    Key::MasterDiscountGroups,
                    Key::MasterDiscountGroupsBody,
                    Some("/master-data/discount-groups"),
                ),
                (
                    Key::MasterPriceCheck,
                    Key::MasterPriceCheckBody,
                    Some("/master-data/price-check"),
                ),
            ],
            Module::Financials => &[
                (
                    Key::FinJournal,
                    Key::FinJournalBody,
                    Some("/financials/entry"),
                ),
                (
                    Key::FinJournalList,
                    Key::FinJournalListBody,
                    Some("/financials/journal"),
                ),
                (
                    Key::FinEInvoice,
                    Key::FinEInvoiceBody,
                    Some("/financials/einvoice"),
                ),
                (
                    Key::FinVouchers,
                    Key::FinVouchersBody,
                    Some("/financials/vouchers"),
                ),
                (
                    Key::FinDatevImport,
                    Key::FinDatevImportBody,
                    Some("/financials/datev-import"),
                ),
                (
                    Key::FinChart,
                    Key::FinChartBody,
                    Some("/financials/accounts"),
                ),
                (
                    Key::FinTemplates,
                    Key::FinTemplatesBody,
                    Some("/financials/posting-templates"),
                ),
                (
                    Key::FinRecurring,
                    Key::FinRecurringBody,
                    Some("/financials/recurring"),
                ),
                (
                    Key::FinDue,
                    Key::FinDueBody,
                    Some("/financials/recurring/due"),
                ),
                (Key::FinLoans, Key::FinLoansBody, Some("/financials/loans")),
                (
                    Key::FinYearEnd,
                    Key::FinYearEndBody,
                    Some("/financials/year-end"),
                ),
                (
                    Key::FinOpening,
                    Key::FinOpeningBody,
                    Some("/financials/opening-balances"),
                ),
                (
                    Key::FinBudgets,
                    Key::FinBudgetsBody,
                    Some("/financials/budgets"),
                ),
            ],
            Module::Banking => &[
                (
                    Key::BankIncoming,
                    Key::BankIncomingBody,
                    Some("/banking/incoming"),
                ),
                (
                    Key::BankOutgoing,
                    Key::BankOutgoingBody,
                    Some("/banking/outgoing"),
                ),
                (
                    Key::BankPaymentList,
                    Key::BankPaymentListBody,
                    Some("/banking/payments"),
                ),
                (
                    Key::BankReconciliation,
                    Key::BankReconciliationBody,
                    Some("/banking/reconciliation"),
                ),
                (
                    Key::BankRevaluation,
                    Key::BankRevaluationBody,
                    Some("/banking/revaluation"),
                ),
                (
                    Key::BankSettings,
                    Key::BankSettingsBody,
                    Some("/banking/settings"),
                ),
                (
                    Key::BankStatements,
                    Key::BankStatementsBody,
                    Some("/banking/statements"),
                ),
                (
                    Key::BankHouseBanks,
                    Key::BankHouseBanksBody,
                    Some("/banking/house-banks"),
                ),
                (Key::BankRules, Key::BankRulesBody, Some("/banking/rules")),
                (
                    Key::BankPayments,
                    Key::BankPaymentsBody,
                    Some("/banking/payment-runs"),
                ),
                (
                    Key::BankDunning,
                    Key::BankDunningBody,
                    Some("/banking/dunning"),
                ),
                (
                    Key::BankDunningTerms,
                    Key::BankDunningTermsBody,
                    Some("/banking/dunning/terms"),
                ),
            ],
            Module::Reports => &[
                (
                    Key::ReportsTrialBalance,
                    Key::ReportsTrialBalanceBody,
                    Some("/reports/trial-balance"),
                ),
                (
                    Key::ReportsAccountSheet,
                    Key::ReportsAccountSheetBody,
                    Some("/financials/accounts"),
                ),
                (Key::ReportsVat, Key::ReportsVatBody, Some("/reports/vat")),
                (
                    Key::ReportsCostCentres,
                    Key::ReportsCostCentresBody,
                    Some("/reports/cost-centres"),
                ),
                (
                    Key::ReportsOpenItems,
                    Key::ReportsOpenItemsBody,
                    Some("/reports/open-items"),
                ),
                (
                    Key::ReportsAging,
                    Key::ReportsAgingBody,
                    Some("/reports/aging"),
                ),
                (
                    Key::ReportsCreditRisk,
                    Key::ReportsCreditRiskBody,
                    Some("/reports/credit-risk"),
                ),
                (
                    Key::ReportsStatement,
                    Key::ReportsStatementBody,
                    Some("/reports/open-items"),
                ),
                (
                    Key::ReportsBalanceSheet,
                    Key::ReportsBalanceSheetBody,
                    Some("/reports/balance-sheet"),
                ),
                (
                    Key::ReportsProfitLoss,
                    Key::ReportsProfitLossBody,
                    Some("/reports/profit-loss"),
                ),
                (
                    Key::ReportsBudget,
                    Key::ReportsBudgetBody,
                    Some("/reports/budget"),
                ),
                (
                    Key::ReportsCharts,
                    Key::ReportsChartsBody,
                    Some("/reports/charts"),
                ),
                // issue 19, part B
                (
                    Key::ReportsDatevExport,
                    Key::ReportsDatevExportBody,
                    Some("/reports/datev-export"),
                ),
                // issue 19 part D
                (
                    Key::ReportsGobd,
                    Key::ReportsGobdBody,
                    Some("/reports/gobd-export"),
                ),
                (
                    Key::ReportsJournal,
                    Key::ReportsJournalBody,
                    Some("/reports/journal-download"),
                ),
            ],
        }
    }
}

/// A module's overview: a card per capability, a link where its screen
/// exists, marked "in progress" where not; a screen the user has no
/// right to is left out.
pub fn page(module: Module) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let allowed = move |path: &Option<&str>| {
        path.and_then(area_of_path)
            .is_none_or(|area| app.level(area) != Level::None)
    };
    view! {
        <section class="page module-page" data-module=module.slug()>
            <h1>{move || i18n.t(module.label())}</h1>
            <p class="lead">{move || i18n.t(module.lead())}</p>
            <div class="card-grid">
                {module
                    .capabilities()
                    .iter()
                    .filter(|(_, _, path)| allowed(path))
                    .map(|(title, body, path)| {
                        let (title, body) = (*title, *body);
                        match path {
                            Some(path) => view! {
                                <A href=*path attr:class="card card-link">
                                    <h3>{move || i18n.t(title)}</h3>
                                    <p>{move || i18n.t(body)}</p>
                                </A>
                            }.into_any(),
                            None => view! {
                                <article class="card">
                                    <h3>{move || i18n.t(title)}</h3>
                                    <p>{move || i18n.t(body)}</p>
                                    <span class="badge">{move || i18n.t(Key::ComingNext)}</span>
                                </article>
                            }.into_any(),
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
