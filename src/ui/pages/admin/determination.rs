//! Sachkontenfindung.
use leptos::prelude::*;

#[component]
pub fn DeterminationPage() -> impl IntoView {
    view! { <section class="page" data-page="determination"><h1>"Sachkontenfindung / G/L account determination"</h1></section> }
}
