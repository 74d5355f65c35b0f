//! The bank statements (Kontoauszüge) at `/banking/statements`: every
//! imported statement, newest first, a page at a time, filtered by house
//! bank, with its lines, the lines still open and its balances, marked when
//! its balances do not chain (`list`); and the import of a statement file
//! (`import`): camt, ZIP, MT940 or CSV with a column mapping, read by
//! `formats::bank`, mapped by `forms::statement`, sent as one
//! `BankCommand::Import`.

mod import;
mod list;
mod texts;

use leptos::prelude::*;

use crate::ui::components::NoCompany;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use texts::T;

#[component]
pub fn StatementsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let bank = RwSignal::new(String::new());
    view! {
        <section class="page statements-page" data-page="statements">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead">{move || i18n.t(T::Lead)}</p>
                    <import::Import />
                    <list::StatementList bank=bank />
                }.into_any()
            }}
        </section>
    }
}
