//! (issue 17 skeleton, part C) opening balances.

use leptos::prelude::*;

#[component]
pub fn OpeningBalancesPage() -> impl IntoView {
    view! { <section class="page"><h1>"OpeningBalancesPage"</h1></section> }
}
