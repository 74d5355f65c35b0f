//! Banking screen (skeleton, to be built).

use leptos::prelude::*;

#[component]
pub fn IncomingPaymentPage() -> impl IntoView {
    view! { <section class="page"><h1>"IncomingPaymentPage"</h1></section> }
}

#[component]
pub fn OutgoingPaymentPage() -> impl IntoView {
    view! { <section class="page"><h1>"OutgoingPaymentPage"</h1></section> }
}
