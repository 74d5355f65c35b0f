//! (issue 17 skeleton, part D) statement layout.

use leptos::prelude::*;

#[component]
pub fn StatementLayoutPage() -> impl IntoView {
    view! { <section class="page"><h1>"StatementLayoutPage"</h1></section> }
}
