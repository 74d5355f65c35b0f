//! (issue 16 skeleton) dunning_run.

use leptos::prelude::*;

#[component]
pub fn DunningRunPage() -> impl IntoView {
    view! { <section class="page"><h1>"DunningRunPage"</h1></section> }
}
