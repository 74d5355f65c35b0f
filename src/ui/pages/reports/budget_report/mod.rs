//! (issue 17 skeleton, part D) budget report.

use leptos::prelude::*;

#[component]
pub fn BudgetReportPage() -> impl IntoView {
    view! { <section class="page"><h1>"BudgetReportPage"</h1></section> }
}
