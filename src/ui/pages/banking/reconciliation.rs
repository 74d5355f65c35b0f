//! Banking screen (skeleton, to be built).

use leptos::prelude::*;

#[component]
pub fn ReconciliationPage() -> impl IntoView {
    view! { <section class="page"><h1>"ReconciliationPage"</h1></section> }
}
