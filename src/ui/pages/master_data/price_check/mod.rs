//! (issue 20 skeleton) price_check.

use leptos::prelude::*;

#[component]
pub fn PriceCheckPage() -> impl IntoView {
    view! { <section class="page"><h1>"PriceCheckPage"</h1></section> }
}
