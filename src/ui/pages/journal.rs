//! Journal: posted entries with filters, entry detail and reversal (Storno).

use leptos::prelude::*;

#[component]
pub fn JournalPage() -> impl IntoView {
    view! { <section class="page" data-page="journal"><h1>"Journal"</h1></section> }
}

#[component]
pub fn EntryDetailPage() -> impl IntoView {
    view! { <section class="page" data-page="entry-detail"><h1>"Buchung / Entry"</h1></section> }
}
