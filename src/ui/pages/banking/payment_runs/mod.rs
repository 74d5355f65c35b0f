//! (issue 16 skeleton) payment_runs.

use leptos::prelude::*;

#[component]
pub fn PaymentRunsPage() -> impl IntoView {
    view! { <section class="page"><h1>"PaymentRunsPage"</h1></section> }
}

#[component]
pub fn PaymentRunPage() -> impl IntoView {
    view! { <section class="page"><h1>"PaymentRunPage"</h1></section> }
}
