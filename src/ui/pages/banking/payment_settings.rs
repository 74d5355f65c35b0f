//! Banking screen (skeleton, to be built).

use leptos::prelude::*;

#[component]
pub fn PaymentSettingsPage() -> impl IntoView {
    view! { <section class="page"><h1>"PaymentSettingsPage"</h1></section> }
}
