//! The Leptos single-page app (wasm32 only): shell, routes, pages.
//! Pages read the Book and write only through commands (see ARCHITECTURE.md).

pub mod i18n;
mod pages;
mod shell;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use i18n::I18n;
use pages::{NotFound, modules};

#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    view! {
        <Router>
            <shell::Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=pages::StartPage />
                    <Route path=path!("/admin") view=|| modules::page(modules::Module::Admin) />
                    <Route path=path!("/master-data") view=|| modules::page(modules::Module::MasterData) />
                    <Route path=path!("/financials") view=|| modules::page(modules::Module::Financials) />
                    <Route path=path!("/banking") view=|| modules::page(modules::Module::Banking) />
                    <Route path=path!("/reports") view=|| modules::page(modules::Module::Reports) />
                </Routes>
            </shell::Shell>
        </Router>
    }
}
