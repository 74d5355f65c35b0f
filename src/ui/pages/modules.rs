//! The product's modules (Administration, Stammdaten, Finanzen, Bank,
//! Berichte): navigation data and each module's overview page.

use leptos::prelude::*;

use crate::ui::i18n::{Key, use_i18n};

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

    /// The module's capabilities as (title, description).
    fn capabilities(self) -> &'static [(Key, Key)] {
        match self {
            Module::Start => &[],
            Module::Admin => &[
                (Key::AdminCompanies, Key::AdminCompaniesBody),
                (Key::AdminSetup, Key::AdminSetupBody),
                (Key::AdminPeriods, Key::AdminPeriodsBody),
                (Key::AdminBackup, Key::AdminBackupBody),
            ],
            Module::MasterData => &[
                (Key::MasterPartners, Key::MasterPartnersBody),
                (Key::MasterItems, Key::MasterItemsBody),
                (Key::MasterPrices, Key::MasterPricesBody),
            ],
            Module::Financials => &[
                (Key::FinChart, Key::FinChartBody),
                (Key::FinJournal, Key::FinJournalBody),
                (Key::FinVouchers, Key::FinVouchersBody),
            ],
            Module::Banking => &[
                (Key::BankStatements, Key::BankStatementsBody),
                (Key::BankPayments, Key::BankPaymentsBody),
            ],
            Module::Reports => &[
                (Key::ReportsTrialBalance, Key::ReportsTrialBalanceBody),
                (Key::ReportsAccountSheet, Key::ReportsAccountSheetBody),
                (Key::ReportsVat, Key::ReportsVatBody),
            ],
        }
    }
}

/// A module's overview: its capabilities, each marked as in progress until
/// its screen exists.
pub fn page(module: Module) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page module-page" data-module=module.slug()>
            <h1>{move || i18n.t(module.label())}</h1>
            <p class="lead">{move || i18n.t(module.lead())}</p>
            <div class="card-grid">
                {module
                    .capabilities()
                    .iter()
                    .map(|(title, body)| {
                        let (title, body) = (*title, *body);
                        view! {
                            <article class="card">
                                <h3>{move || i18n.t(title)}</h3>
                                <p>{move || i18n.t(body)}</p>
                                <span class="badge">{move || i18n.t(Key::ComingNext)}</span>
                            </article>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
