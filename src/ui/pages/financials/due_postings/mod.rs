//! (issue 17 skeleton, part A) due postings.

use leptos::prelude::*;

#[component]
pub fn DuePostingsPage() -> impl IntoView {
    view! { <section class="page"><h1>"DuePostingsPage"</h1></section> }
}
