//! The Leptos single-page app (wasm32 only).

use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! { <main>"Kontor"</main> }
}
