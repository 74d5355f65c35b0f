//! (issue 17 skeleton, part D) budgets.

use leptos::prelude::*;

#[component]
pub fn BudgetsPage() -> impl IntoView {
    view! { <section class="page"><h1>"BudgetsPage"</h1></section> }
}
