//! The posting template picker of the entry grid ("Muster"): choose a
//! template, type the amount, Enter (or the button) fills the grid with
//! the template's lines, the amount split exactly by its shares
//! (`forms::template::fill`); the user then types the counter line.

use leptos::prelude::*;

use crate::forms::entry::LineForm;
use crate::forms::template::fill;
use crate::texts;
use crate::ui::components::number_style;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Template => "Muster", "Template";
        NoTemplate => "— Kontierungsmuster —", "— posting template —";
        Amount => "Betrag", "Amount";
        Fill => "Aufteilen", "Split";
        BadAmount => "Der Betrag ist ungültig.", "The amount is not valid.";
        Hint => "Muster wählen, Betrag eingeben, Enter: die Zeilen werden gefüllt; dann die Gegenbuchung erfassen.", "Choose a template, type the amount, Enter: the lines are filled; then type the counter line.";
    }
}

#[component]
pub fn TemplatePicker(on_fill: Callback<Vec<LineForm>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let templates = Memo::new(move |_| {
        app.with_book(|b| {
            b.recurring()
                .templates()
                .iter()
                .map(|t| (t.code.clone(), t.name.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let chosen = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let bad = RwSignal::new(false);
    let apply = move || {
        let code = chosen.get_untracked();
        if code.is_empty() {
            return;
        }
        let style = number_style(i18n.lang_untracked());
        let filled = app.with_book(|b| {
            let decimals = b.settings().lc_decimals();
            b.recurring()
                .template(&code)
                .map(|t| fill(t, &amount.get_untracked(), style, decimals))
        });
        match filled.flatten() {
            Some(Ok(lines)) => {
                bad.set(false);
                on_fill.run(lines);
                amount.set(String::new());
            }
            Some(Err(_)) => bad.set(true),
            None => {}
        }
    };
    view! {
        <Show when=move || !templates.get().is_empty()>
            <div class="template-picker" data-testid="template-picker">
                <label class="field">
                    <span>{move || i18n.t(T::Template)}</span>
                    <select data-testid="template-choice" on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="" selected=move || chosen.get().is_empty()>{move || i18n.t(T::NoTemplate)}</option>
                        {move || templates.get().into_iter().map(|(code, name)| {
                            let c = code.clone();
                            view! { <option value=code.clone() selected=move || chosen.get() == c>{format!("{code} {name}")}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field narrow">
                    <span>{move || i18n.t(T::Amount)}</span>
                    <input class="num" inputmode="decimal" data-testid="template-amount" prop:value=amount
                        on:input=move |ev| amount.set(event_target_value(&ev))
                        on:keydown=move |ev| if ev.key() == "Enter" {
                            ev.prevent_default();
                            ev.stop_propagation();
                            apply();
                        } />
                </label>
                <button type="button" class="button small" data-testid="template-fill"
                    on:click=move |_| apply()>{move || i18n.t(T::Fill)}</button>
                <Show when=move || bad.get()>
                    <small class="field-error" role="alert">{move || i18n.t(T::BadAmount)}</small>
                </Show>
                <small class="hint">{move || i18n.t(T::Hint)}</small>
            </div>
        </Show>
    }
}
