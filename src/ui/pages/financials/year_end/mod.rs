//! (issue 17 skeleton, part C) year end.

use leptos::prelude::*;

#[component]
pub fn YearEndPage() -> impl IntoView {
    view! { <section class="page"><h1>"YearEndPage"</h1></section> }
}
