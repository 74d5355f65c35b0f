//! (issue 17 skeleton, part B) loans.

use leptos::prelude::*;

#[component]
pub fn LoansPage() -> impl IntoView {
    view! { <section class="page"><h1>"LoansPage"</h1></section> }
}
