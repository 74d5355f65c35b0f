//! SKELETON: Bank statements.

use leptos::prelude::*;

use crate::texts;
use crate::ui::components::NoCompany;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Kontoauszüge", "Bank statements";
    }
}

#[component]
pub fn StatementsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    view! {
        <section class="page statements-page" data-page="statements">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || app.company.get().is_none().then(|| view! { <NoCompany /> })}
        </section>
    }
}
