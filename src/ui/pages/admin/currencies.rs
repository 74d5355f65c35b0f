//! Währungen.
use leptos::prelude::*;

#[component]
pub fn CurrenciesPage() -> impl IntoView {
    view! { <section class="page" data-page="currencies"><h1>"Währungen / Currencies"</h1></section> }
}
