//! Administration: company details, posting periods, currencies and
//! exchange rates, G/L account determination.

use leptos::prelude::*;

#[component]
pub fn CompanyDetailsPage() -> impl IntoView {
    view! { <section class="page" data-page="company"><h1>"Firmendaten / Company details"</h1></section> }
}

#[component]
pub fn PeriodsPage() -> impl IntoView {
    view! { <section class="page" data-page="periods"><h1>"Buchungsperioden / Posting periods"</h1></section> }
}

#[component]
pub fn CurrenciesPage() -> impl IntoView {
    view! { <section class="page" data-page="currencies"><h1>"Währungen / Currencies"</h1></section> }
}

#[component]
pub fn DeterminationPage() -> impl IntoView {
    view! { <section class="page" data-page="determination"><h1>"Sachkontenfindung / G/L account determination"</h1></section> }
}
