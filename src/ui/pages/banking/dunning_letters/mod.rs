//! (issue 16 skeleton) dunning_letters.

use leptos::prelude::*;

#[component]
pub fn DunningLettersPage() -> impl IntoView {
    view! { <section class="page"><h1>"DunningLettersPage"</h1></section> }
}
