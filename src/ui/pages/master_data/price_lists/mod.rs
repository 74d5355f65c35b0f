//! (issue 20 skeleton) price_lists.

use leptos::prelude::*;

#[component]
pub fn PriceListsPage() -> impl IntoView {
    view! { <section class="page"><h1>"PriceListsPage"</h1></section> }
}
