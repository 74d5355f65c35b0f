//! The quantity breaks of a special price: rows of "from quantity, price
//! or discount, value", added and removed; the row a refusal is about is
//! marked and carries the sentence.

use leptos::prelude::*;

use super::form::{BreakRow, Field, Form, Refusal};
use super::texts::T;
use crate::ui::i18n::{Text, use_i18n};

#[component]
pub fn BreaksTable(form: Form, refusal: RwSignal<Option<Refusal>>) -> impl IntoView {
    let i18n = use_i18n();
    let bad_row = move || match refusal.get() {
        Some((Some(Field::Break(i)), m)) => Some((i, m.say(i18n.lang()))),
        _ => None,
    };
    let row = move |(i, r): (usize, BreakRow)| {
        let lang = i18n.lang();
        let message = move || bad_row().filter(|(j, _)| *j == i).map(|(_, m)| m);
        view! {
            <tr class:invalid=move || message().is_some() data-testid=format!("break-{}", i + 1)>
                <td><input class="num narrow" inputmode="decimal" data-testid=format!("break-{}-from", i + 1) prop:value=r.from
                    on:input=move |ev| r.from.set(event_target_value(&ev)) /></td>
                <td><select data-testid=format!("break-{}-kind", i + 1) on:change=move |ev| r.discount.set(event_target_value(&ev) == "discount")>
                    <option value="discount" selected=move || r.discount.get()>{T::Discount.text(lang)}</option>
                    <option value="price" selected=move || !r.discount.get()>{T::Price.text(lang)}</option>
                </select></td>
                <td><input class="num narrow" inputmode="decimal" data-testid=format!("break-{}-value", i + 1) prop:value=r.value
                    on:input=move |ev| r.value.set(event_target_value(&ev)) />
                    <Show when=move || message().is_some()>
                        <small class="field-error" role="alert" data-testid="field-error">{message}</small>
                    </Show></td>
                <td><button type="button" class="button small" title=T::RemoveBreak.text(lang)
                    on:click=move |_| form.breaks.update(|b| { b.remove(i); })>"−"</button></td>
            </tr>
        }
    };
    view! {
        <h3>{move || i18n.t(T::Breaks)}</h3>
        <Show when=move || !form.breaks.get().is_empty()
            fallback=move || view! { <p class="muted small">{move || i18n.t(T::NoBreaks)}</p> }>
            <div class="table-wrap">
                <table class="data breaks" data-testid="breaks">
                    <thead><tr>
                        <th class="num">{move || i18n.t(T::BreakFrom)}</th>
                        <th>{move || i18n.t(T::Kind)}</th>
                        <th class="num">{move || i18n.t(T::Amount)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || form.breaks.get().into_iter().enumerate().map(row).collect_view()}</tbody>
                </table>
            </div>
        </Show>
        <button type="button" class="button small" data-testid="add-break"
            on:click=move |_| form.breaks.update(|b| b.push(BreakRow::blank()))>{move || i18n.t(T::AddBreak)}</button>
    }
}
