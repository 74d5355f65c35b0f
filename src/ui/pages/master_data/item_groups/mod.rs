//! (issue 20 skeleton) item_groups.

use leptos::prelude::*;

#[component]
pub fn ItemGroupsPage() -> impl IntoView {
    view! { <section class="page"><h1>"ItemGroupsPage"</h1></section> }
}
