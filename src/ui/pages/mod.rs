//! Screens, grouped by the module of the product they belong to:
//! `admin/`, `financials/`, `reports/` (master data and banking fill their
//! own groups when they come), plus the start page and the module
//! overviews. A page never imports another page (`tests/ui_layers.rs`);
//! what pages share is in `ui::components`.

pub mod admin;
pub mod banking;
pub mod financials;
pub mod master_data;
pub mod modules;
pub mod reports;
pub mod start;

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
