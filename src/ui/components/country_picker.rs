//! The country field of the setup wizard and the company details: the
//! ISO 3166 list searched by German or English name.

use leptos::prelude::*;

use crate::formats::country::{Country, countries, parse_country};
use crate::forms::company::DetailsFormError;
use crate::texts;
use crate::ui::errors::details_form_error;
use crate::ui::i18n::use_i18n;

texts! {
    enum T {
        Country => "Land", "Country";
        CountryHint => "Namen tippen und aus der Liste wählen", "Type a name and pick it from the list";
    }
}

/// The country field: type to search, pick from the ISO 3166 list (German
/// or English names by the app's language, each with its code). Any name,
/// code or label resolves (`formats::country::parse_country`); text that
/// names no country is marked once the field is left.
#[component]
pub fn CountryPicker(value: RwSignal<String>, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let left = RwSignal::new(false);
    let unknown = move || {
        let text = value.get();
        left.get() && parse_country(&text).is_none()
    };
    let list_id = format!("{id}-list");
    let options = move || {
        let de = i18n.is_de();
        let mut sorted: Vec<&Country> = countries().iter().collect();
        sorted.sort_by_key(|c| sort_key(c.name(de)));
        sorted
            .into_iter()
            .map(|c| view! { <option value=c.label(de)></option> })
            .collect_view()
    };
    view! {
        <label class="field country-field" class:invalid=unknown>
            <span>{move || i18n.t(T::Country)}</span>
            <input type="text" id=id data-testid=id list=list_id.clone() autocomplete="off" required=true
                placeholder=move || i18n.t(T::CountryHint)
                prop:value=move || value.get()
                on:input=move |ev| { left.set(false); value.set(event_target_value(&ev)); }
                on:change=move |_| left.set(true) />
            <datalist id=list_id>{options}</datalist>
            <Show when=unknown>
                <small class="field-error">{move || details_form_error(
                    &DetailsFormError::UnknownCountry { text: value.get().trim().to_string() },
                    i18n.lang(),
                )}</small>
            </Show>
        </label>
    }
}

/// Sorts "Österreich" with the O's and "Åland" with the A's.
fn sort_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'ä' | 'å' | 'á' | 'à' | 'â' | 'ã' => 'a',
            'ö' | 'ó' | 'ô' => 'o',
            'ü' | 'ú' => 'u',
            'é' | 'è' | 'ê' => 'e',
            'í' => 'i',
            'ç' => 'c',
            other => other,
        })
        .collect()
}
