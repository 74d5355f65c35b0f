//! (issue 20 skeleton) special_prices.

use leptos::prelude::*;

#[component]
pub fn SpecialPricesPage() -> impl IntoView {
    view! { <section class="page"><h1>"SpecialPricesPage"</h1></section> }
}
