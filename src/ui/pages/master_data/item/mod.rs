//! (issue 20 skeleton) item.

use leptos::prelude::*;

#[component]
pub fn ItemPage() -> impl IntoView {
    view! { <section class="page"><h1>"ItemPage"</h1></section> }
}
