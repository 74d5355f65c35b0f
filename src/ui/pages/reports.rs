//! Reports: trial balance (Summen- und Saldenliste) and account sheet
//! (Kontoblatt).

use leptos::prelude::*;

#[component]
pub fn TrialBalancePage() -> impl IntoView {
    view! { <section class="page" data-page="trial-balance"><h1>"Summen- und Saldenliste / Trial balance"</h1></section> }
}

#[component]
pub fn AccountSheetPage() -> impl IntoView {
    view! { <section class="page" data-page="account-sheet"><h1>"Kontoblatt / Account sheet"</h1></section> }
}
