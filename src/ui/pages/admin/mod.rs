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

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::formats::amount::format_date;
use crate::texts;
use crate::ui::components::number_style;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    /// Texts shared by the administration screens.
    pub enum T {
        SubNav => "Administration", "Administration";
        NavCompany => "Firmendaten", "Company details";
        NavPeriods => "Buchungsperioden", "Posting periods";
        NavCurrencies => "Währungen und Kurse", "Currencies and rates";
        NavDetermination => "Sachkontenfindung", "G/L account determination";
        NavTaxCodes => "Steuerkennzeichen", "Tax codes";
        NavCosting => "Kostenrechnung", "Cost accounting";
        NoCompanyTitle => "Kein Mandant geöffnet", "No company open";
        NoCompanyBody => "Diese Einstellungen gehören zu einem Mandanten. Öffnen oder legen Sie auf der Startseite einen an.", "These settings belong to a company. Open or create one on the start page.";
        ToStart => "Zur Startseite", "Go to start";
    }
}

/// A text in `lang`, for handlers that build messages outside the view.
fn say(t: impl Text, lang: Lang) -> &'static str {
    t.text(lang)
}

/// A date in the language's style (22.11.2026 / 2026-11-22).
fn date_text(date: NaiveDate, lang: Lang) -> String {
    format_date(date, number_style(lang))
}

/// The frame every administration screen shares: sub-navigation, title,
/// lead, and either the screen's body or a pointer to the start page when
/// no company is open.
#[component]
pub(crate) fn AdminFrame<H: Text + Send + Sync, L: Text + Send + Sync>(
    page: &'static str,
    title: H,
    lead: L,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // A memo, so the body re-renders when a company opens or closes, not on
    // every change to the Book (that would reset half-typed forms).
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page admin-page" data-page=page>
            <nav class="admin-nav" aria-label=move || i18n.t(T::SubNav)>
                <A href="/admin/company">{move || i18n.t(T::NavCompany)}</A>
                <A href="/admin/periods">{move || i18n.t(T::NavPeriods)}</A>
                <A href="/admin/currencies">{move || i18n.t(T::NavCurrencies)}</A>
                <A href="/admin/determination">{move || i18n.t(T::NavDetermination)}</A>
                <A href="/admin/tax-codes">{move || i18n.t(T::NavTaxCodes)}</A>
                <A href="/admin/costing">{move || i18n.t(T::NavCosting)}</A>
            </nav>
            <h1>{move || i18n.t(title)}</h1>
            <p class="lead">{move || i18n.t(lead)}</p>
            {move || if open.get() {
                children().into_any()
            } else {
                view! {
                    <div class="admin-empty" data-testid="no-company">
                        <h2>{move || i18n.t(T::NoCompanyTitle)}</h2>
                        <p>{move || i18n.t(T::NoCompanyBody)}</p>
                        <A href="/" attr:class="button primary">{move || i18n.t(T::ToStart)}</A>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
