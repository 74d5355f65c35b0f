//! Banking screen (skeleton, to be built).

use leptos::prelude::*;

#[component]
pub fn RevaluationPage() -> impl IntoView {
    view! { <section class="page"><h1>"RevaluationPage"</h1></section> }
}
