//! (issue 20 skeleton) item_list.

use leptos::prelude::*;

#[component]
pub fn ItemListPage() -> impl IntoView {
    view! { <section class="page"><h1>"ItemListPage"</h1></section> }
}
