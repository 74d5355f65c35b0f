//! Firmendaten.
use leptos::prelude::*;

#[component]
pub fn CompanyDetailsPage() -> impl IntoView {
    view! { <section class="page" data-page="company"><h1>"Firmendaten / Company details"</h1></section> }
}
