//! (issue 16 skeleton) dunning_terms.

use leptos::prelude::*;

#[component]
pub fn DunningTermsPage() -> impl IntoView {
    view! { <section class="page"><h1>"DunningTermsPage"</h1></section> }
}
