//! (issue 17 skeleton, part A) recurring.

use leptos::prelude::*;

#[component]
pub fn RecurringPage() -> impl IntoView {
    view! { <section class="page"><h1>"RecurringPage"</h1></section> }
}
