//! SKELETON: Posting rules.

use leptos::prelude::*;

use crate::texts;
use crate::ui::components::NoCompany;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Buchungsregeln", "Posting rules";
    }
}

#[component]
pub fn BankRulesPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    view! {
        <section class="page bank-rules-page" data-page="bank-rules">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || app.company.get().is_none().then(|| view! { <NoCompany /> })}
        </section>
    }
}
