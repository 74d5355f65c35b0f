//! (issue 17 skeleton, part D) balance sheet.

use leptos::prelude::*;

#[component]
pub fn BalanceSheetPage() -> impl IntoView {
    view! { <section class="page"><h1>"BalanceSheetPage"</h1></section> }
}
