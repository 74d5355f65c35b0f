//! (issue 17 skeleton, part B) loan.

use leptos::prelude::*;

#[component]
pub fn LoanPage() -> impl IntoView {
    view! { <section class="page"><h1>"LoanPage"</h1></section> }
}
