//! Chart of accounts (Kontenplan): tree, search, add/edit/deactivate.

use leptos::prelude::*;

#[component]
pub fn AccountsPage() -> impl IntoView {
    view! { <section class="page" data-page="accounts"><h1>"Kontenplan / Chart of accounts"</h1></section> }
}
