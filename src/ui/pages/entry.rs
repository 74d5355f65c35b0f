//! Journal entry (Journalbuchung): the grid bookkeepers type into all day.

use leptos::prelude::*;

#[component]
pub fn EntryPage() -> impl IntoView {
    view! { <section class="page" data-page="entry"><h1>"Journalbuchung / Journal entry"</h1></section> }
}
