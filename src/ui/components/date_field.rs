//! A date typed the way the UI language writes it (22.11.2026 or
//! 2026-11-22), checked when the field is left.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::format::{fmt_date, today};
use crate::formats::amount::parse_date;
use crate::texts;
use crate::ui::i18n::{Text, use_i18n};

texts! {
    enum T {
        DateHint => "TT.MM.JJJJ", "YYYY-MM-DD";
        BadDate => "Kein gültiges Datum", "Not a valid date";
    }
}

/// A date field typed the way the UI language writes dates; `None` while
/// the text is not a date (the field shows it).
#[component]
pub fn DateField<L: Text + Send + Sync>(
    label: L,
    value: RwSignal<Option<NaiveDate>>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let invalid = RwSignal::new(false);
    // Show the date in the UI language whenever it or the language changes.
    Effect::new(move |_| {
        let lang = i18n.lang();
        if let Some(d) = value.get() {
            text.set(fmt_date(d, lang));
            invalid.set(false);
        }
    });
    let commit = move || {
        let t = text.get_untracked();
        if t.trim().is_empty() {
            invalid.set(false);
            value.set(None);
            return;
        }
        match parse_date(&t, today()) {
            Ok(d) => {
                invalid.set(false);
                value.set(Some(d));
                text.set(fmt_date(d, i18n.lang_untracked()));
            }
            Err(_) => invalid.set(true),
        }
    };
    view! {
        <label class="field narrow" class:invalid=move || invalid.get()>
            <span>{move || i18n.t(label)}</span>
            <input type="text" inputmode="numeric" autocomplete="off" data-testid=testid
                placeholder=move || i18n.t(T::DateHint)
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:change=move |_| commit()
                on:keydown=move |ev| if ev.key() == "Enter" { commit() } />
            <Show when=move || invalid.get()>
                <span class="field-error">{move || i18n.t(T::BadDate)}</span>
            </Show>
        </label>
    }
}
