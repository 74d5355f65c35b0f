//! Screens, one module per area of the product.

pub mod modules;

use leptos::prelude::*;
use leptos_router::components::A;

use super::i18n::{Key, use_i18n};
use modules::Module;

/// Start page: what Kontor is, and the way into each module.
#[component]
pub fn StartPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page start-page">
            <h1>{move || i18n.t(Key::StartTitle)}</h1>
            <p class="lead">{move || i18n.t(Key::StartLead)}</p>
            <p class="note">{move || i18n.t(Key::StartPrivacy)}</p>
            <h2>{move || i18n.t(Key::StartModules)}</h2>
            <div class="card-grid">
                {Module::NAV[1..]
                    .iter()
                    .map(|m| {
                        let m = *m;
                        view! {
                            <A href=m.path() attr:class="card card-link">
                                <h3>{move || i18n.t(m.label())}</h3>
                                <p>{move || i18n.t(m.lead())}</p>
                            </A>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="hint"><strong>{move || i18n.t(Key::Shortcuts)}": "</strong>{move || i18n.t(Key::ShortcutsHint)}</p>
        </section>
    }
}

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
