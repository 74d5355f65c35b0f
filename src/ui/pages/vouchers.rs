//! Journal vouchers (Buchungsstapel): saved batches posted all or none.

use leptos::prelude::*;

#[component]
pub fn VouchersPage() -> impl IntoView {
    view! { <section class="page" data-page="vouchers"><h1>"Buchungsstapel / Journal vouchers"</h1></section> }
}
