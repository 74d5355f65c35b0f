//! (issue 20 skeleton) discount_groups.

use leptos::prelude::*;

#[component]
pub fn DiscountGroupsPage() -> impl IntoView {
    view! { <section class="page"><h1>"DiscountGroupsPage"</h1></section> }
}
