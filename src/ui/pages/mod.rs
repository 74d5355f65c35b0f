//! Screens, one module per area of the product.

pub mod accounts;
pub mod admin;
pub mod backup;
pub mod cost_report;
pub mod costing;
pub mod entry;
pub mod journal;
pub mod modules;
pub mod reports;
pub mod setup;
pub mod start;
pub mod tax;
pub mod vat;
pub mod vouchers;

use leptos::prelude::*;
use leptos_router::components::A;

use super::i18n::{Key, use_i18n};

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page">
            <h1>{move || i18n.t(Key::NotFoundTitle)}</h1>
            <p>{move || i18n.t(Key::NotFoundBody)}</p>
            <A href="/">{move || i18n.t(Key::BackToStart)}</A>
        </section>
    }
}
