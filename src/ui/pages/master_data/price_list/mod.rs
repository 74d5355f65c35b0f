//! (issue 20 skeleton) price_list.

use leptos::prelude::*;

#[component]
pub fn PriceListPage() -> impl IntoView {
    view! { <section class="page"><h1>"PriceListPage"</h1></section> }
}
