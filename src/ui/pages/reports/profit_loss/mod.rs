//! (issue 17 skeleton, part D) profit loss.

use leptos::prelude::*;

#[component]
pub fn ProfitLossPage() -> impl IntoView {
    view! { <section class="page"><h1>"ProfitLossPage"</h1></section> }
}
