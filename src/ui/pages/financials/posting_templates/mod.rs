//! (issue 17 skeleton, part A) posting templates.

use leptos::prelude::*;

#[component]
pub fn PostingTemplatesPage() -> impl IntoView {
    view! { <section class="page"><h1>"PostingTemplatesPage"</h1></section> }
}
