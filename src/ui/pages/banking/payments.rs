//! Banking screen (skeleton, to be built).

use leptos::prelude::*;

#[component]
pub fn PaymentListPage() -> impl IntoView {
    view! { <section class="page"><h1>"PaymentListPage"</h1></section> }
}
