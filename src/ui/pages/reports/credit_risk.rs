//! (issue 16 skeleton) credit risk.

use leptos::prelude::*;

#[component]
pub fn CreditRiskPage() -> impl IntoView {
    view! { <section class="page"><h1>"CreditRiskPage"</h1></section> }
}
