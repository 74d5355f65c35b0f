//! (issue 17 skeleton, part E) charts.

use leptos::prelude::*;

#[component]
pub fn ChartsPage() -> impl IntoView {
    view! { <section class="page"><h1>"ChartsPage"</h1></section> }
}
