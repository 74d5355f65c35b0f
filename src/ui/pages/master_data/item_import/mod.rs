//! (issue 20 skeleton) item_import.

use leptos::prelude::*;

#[component]
pub fn ItemImportPage() -> impl IntoView {
    view! { <section class="page"><h1>"ItemImportPage"</h1></section> }
}
