//! The due notice: once a company is open and recurring postings or loan
//! instalments are due as of today, a banner says how many ("3
//! Dauerbuchungen fällig") and links to the due list. It only announces:
//! nothing posts by itself. It follows the book (posting or skipping
//! removes it) and can be dismissed until the next company is opened.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::texts;
use crate::ui::components::today;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        One => "Dauerbuchung fällig", "recurring posting due";
        Many => "Dauerbuchungen fällig", "recurring postings due";
        Show => "Anzeigen und buchen", "Show and post";
        Dismiss => "Ausblenden", "Dismiss";
    }
}

#[component]
pub fn DueNotice() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let dismissed_for = RwSignal::new(None::<String>);
    let count = Memo::new(move |_| {
        app.with_book(|b| b.recurring().due(b.context(), today()).len())
            .unwrap_or(0)
    });
    let company = move || app.company.get().map(|c| c.id);
    let shown = move || count.get() > 0 && company().is_some() && dismissed_for.get() != company();
    view! {
        <Show when=shown>
            <div class="due-notice" role="status" data-testid="due-notice">
                <strong>{move || {
                    let n = count.get();
                    format!("{n} {}", i18n.t(if n == 1 { T::One } else { T::Many }))
                }}</strong>
                <A href="/financials/recurring/due" attr:class="button small" attr:data-testid="due-notice-link">{move || i18n.t(T::Show)}</A>
                <button type="button" class="button small" on:click=move |_| dismissed_for.set(company())>{move || i18n.t(T::Dismiss)}</button>
            </div>
        </Show>
    }
}
