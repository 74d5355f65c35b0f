//! Preislisten (price lists) at `/master-data/price-lists`: the lists
//! (number, name, own prices or derived from a base list by a factor with
//! its rounding in words, currency, active) and the form that creates or
//! edits one (`SavePriceList`). Keyboard first: ↑/↓ move through the
//! lists, Enter edits, Shift+Enter opens the list's prices. A refusal
//! (factor ≤ 0, a base chain leading back to the list) is shown at its
//! field.

mod form;
mod texts;

use leptos::prelude::*;

use crate::ui::components::SaveButton;
use crate::ui::components::{focus_by_id, row_keys};
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::ledger::Command;
use crate::ledger::items::{ItemsCommand, PriceList, RoundMode, RoundStep};
use crate::ledger::types::Currency;
use crate::ui::components::{
    ErrorBox, NoCompany, Said, basis_words, field_error, list_label, mode_words, step_words,
};
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

use form::{Field, Form, Refusal, field_of};
use texts::T;

#[component]
pub fn PriceListsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page prices-page" data-page="price-lists">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

/// The next free list number (one above the highest).
fn next_number(lists: &[PriceList]) -> u32 {
    lists.iter().map(|l| l.number).max().unwrap_or(0) + 1
}

#[component]
fn Body() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lists = Memo::new(move |_| {
        app.with_book(|b| b.items().lists().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let lc = app.with_book(|b| b.settings().lc).unwrap_or(Currency::EUR);
    let form = Form::new(lc);
    form.number
        .set(next_number(&lists.get_untracked()).to_string());
    let refusal = RwSignal::new(None::<Refusal>);
    let notice = RwSignal::new(None::<Said<T>>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        refusal.set(None);
        notice.set(None);
        let list = match form.read(lang) {
            Ok(l) => l,
            Err(r) => return refusal.set(Some(r)),
        };
        let created = form.editing.get_untracked().is_none();
        let label = format!("{} {}", list.number, list.name);
        match app
            .execute(Command::Items(ItemsCommand::SavePriceList { list }))
            .await
        {
            Ok(_) => {
                let t = if created { T::Created } else { T::Saved };
                notice.set(Some(Said::Done(t, label)));
                form.clear(next_number(&lists.get_untracked()), lc);
            }
            Err(e) => refusal.set(Some((field_of(&e), Said::Session(e)))),
        }
    });
    let edit = move |l: PriceList| {
        refusal.set(None);
        notice.set(None);
        form.load(&l, i18n.lang_untracked());
        focus_by_id("price-list-name");
    };
    view! {
        <ListTable lists=lists edit=edit />
        <ListForm form=form lists=lists save=save refusal=refusal notice=notice
            cancel=move || form.clear(next_number(&lists.get_untracked()), lc) />
    }
}

#[component]
fn ListTable(
    lists: Memo<Vec<PriceList>>,
    edit: impl Fn(PriceList) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = StoredValue::new_local(use_navigate());
    let row = move |l: PriceList| {
        let lang = i18n.lang();
        let href = format!("/master-data/price-lists/{}", l.number);
        let on_key = {
            let (l, href) = (l.clone(), href.clone());
            row_keys(move |ev, _| {
                match ev.key().as_str() {
                    "Enter" if ev.shift_key() => {
                        navigate.with_value(|go| go(&href, Default::default()))
                    }
                    "Enter" => edit(l.clone()),
                    _ => return false,
                }
                true
            })
        };
        let basis = app
            .with_book(|b| basis_words(b.items(), &l.basis, lang))
            .unwrap_or_default();
        let for_edit = l.clone();
        view! {
            <tr data-number=l.number.to_string() tabindex="0" on:keydown=on_key class:inactive=!l.active>
                <td class="num"><strong>{l.number}</strong></td>
                <td>{l.name.clone()}</td>
                <td data-testid=format!("basis-{}", l.number)>{basis}</td>
                <td>{l.currency.to_string()}</td>
                <td>{if l.active { T::Yes.text(lang) } else { T::No.text(lang) }}</td>
                <td class="nowrap">
                    <A href=href attr:class="button small" attr:tabindex="-1" attr:data-testid=format!("prices-{}", l.number)>{T::Prices.text(lang)}</A>
                    " "
                    <button type="button" class="button small" tabindex="-1" data-testid=format!("edit-list-{}", l.number)
                        on:click=move |_| edit(for_edit.clone())>{T::Edit.text(lang)}</button>
                </td>
            </tr>
        }
    };
    view! {
        <h2>{move || i18n.t(T::Lists)}</h2>
        <Show when=move || !lists.get().is_empty()
            fallback=move || view! { <p class="muted" data-testid="lists-empty">{move || i18n.t(T::Empty)}</p> }>
            <div class="table-wrap">
                <table class="data price-lists" data-testid="price-lists">
                    <thead><tr>
                        <th class="num">{move || i18n.t(T::Number)}</th>
                        <th>{move || i18n.t(T::Name)}</th>
                        <th>{move || i18n.t(T::Basis)}</th>
                        <th>{move || i18n.t(T::Currency)}</th>
                        <th>{move || i18n.t(T::Active)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || lists.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        </Show>
    }
}

const STEPS: [(RoundStep, &str); 5] = [
    (RoundStep::Cent, "cent"),
    (RoundStep::FiveCents, "five"),
    (RoundStep::TenCents, "ten"),
    (RoundStep::Whole, "whole"),
    (RoundStep::Ending99, "99"),
];
const MODES: [(RoundMode, &str); 3] = [
    (RoundMode::Commercial, "commercial"),
    (RoundMode::Up, "up"),
    (RoundMode::Down, "down"),
];

#[component]
fn ListForm(
    form: Form,
    lists: Memo<Vec<PriceList>>,
    save: Action<(), ()>,
    refusal: RwSignal<Option<Refusal>>,
    notice: RwSignal<Option<Said<T>>>,
    cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = save.pending();
    let editing = Signal::derive(move || form.editing.get().is_some());
    let general = Signal::derive(move || {
        let lang = i18n.lang();
        refusal
            .get()
            .filter(|(f, _)| f.is_none())
            .map(|(_, m)| m.say(lang))
    });
    let bad = move |f: Field| refusal.get().is_some_and(|(g, _)| g == Some(f));
    view! {
        <form class="form price-list-form" data-testid="price-list-form"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }
            on:keydown=move |ev| if ev.key() == "Escape" && editing.get_untracked() { cancel() }>
            <h2>{move || match form.editing.get() {
                Some(n) => format!("{} {n}", i18n.t(T::EditTitle)),
                None => i18n.t(T::New).to_string(),
            }}</h2>
            <div class="field-row">
                <label class="field narrow" class:invalid=move || bad(Field::Number)>
                    <span>{move || i18n.t(T::Number)}</span>
                    <input data-testid="list-number" inputmode="numeric" autocomplete="off" prop:value=form.number
                        prop:disabled=move || editing.get()
                        on:input=move |ev| form.number.set(event_target_value(&ev)) />
                    {field_error(refusal, Field::Number)}
                </label>
                <label class="field" class:invalid=move || bad(Field::Name)>
                    <span>{move || i18n.t(T::Name)}</span>
                    <input id="price-list-name" data-testid="list-name" autocomplete="off" prop:value=form.name
                        on:input=move |ev| form.name.set(event_target_value(&ev)) />
                    {field_error(refusal, Field::Name)}
                </label>
                <label class="field narrow" class:invalid=move || bad(Field::Currency)>
                    <span>{move || i18n.t(T::Currency)}</span>
                    <input data-testid="list-currency" maxlength="3" autocomplete="off" prop:value=form.currency
                        on:input=move |ev| form.currency.set(event_target_value(&ev)) />
                    {field_error(refusal, Field::Currency)}
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="list-active" prop:checked=form.active
                        on:change=move |ev| form.active.set(event_target_checked(&ev)) />
                    <span>{move || i18n.t(T::Active)}</span>
                </label>
            </div>
            <BasisFields form=form lists=lists refusal=refusal />
            <ErrorBox message=general />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|n| n.say(i18n.lang()))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="list-save" pending=move || pending.get()>
                    {move || if editing.get() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
                <Show when=move || editing.get()>
                    <button type="button" class="button" on:click=move |_| cancel()>{move || i18n.t(T::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}

/// Own prices or derived: base list, factor, rounding step and mode.
#[component]
fn BasisFields(
    form: Form,
    lists: Memo<Vec<PriceList>>,
    refusal: RwSignal<Option<Refusal>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let bad = move |f: Field| refusal.get().is_some_and(|(g, _)| g == Some(f));
    let base_options = move || {
        let own = form.editing.get();
        lists
            .get()
            .into_iter()
            .filter(|l| Some(l.number) != own)
            .map(|l| {
                let n = l.number;
                let label = app.with_book(|b| list_label(b.items(), n)).unwrap_or_default();
                view! { <option value=n.to_string() selected=move || form.base.get() == Some(n)>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field-row">
            <label class="field">
                <span>{move || i18n.t(T::Basis)}</span>
                <select data-testid="list-basis" on:change=move |ev| form.derived.set(event_target_value(&ev) == "derived")>
                    <option value="own" selected=move || !form.derived.get()>{move || i18n.t(T::OwnPrices)}</option>
                    <option value="derived" selected=move || form.derived.get()>{move || i18n.t(T::Derived)}</option>
                </select>
            </label>
        </div>
        <Show when=move || form.derived.get()>
            <div class="field-row">
                <label class="field" class:invalid=move || bad(Field::Base)>
                    <span>{move || i18n.t(T::BaseList)}</span>
                    <select data-testid="list-base" on:change=move |ev| form.base.set(event_target_value(&ev).parse().ok())>
                        <option value="" selected=move || form.base.get().is_none()>"—"</option>
                        {base_options}
                    </select>
                    {field_error(refusal, Field::Base)}
                </label>
                <label class="field narrow" class:invalid=move || bad(Field::Factor)>
                    <span>{move || i18n.t(T::Factor)}</span>
                    <input class="num" data-testid="list-factor" inputmode="decimal" autocomplete="off" prop:value=form.factor
                        on:input=move |ev| form.factor.set(event_target_value(&ev)) />
                    {field_error(refusal, Field::Factor)}
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::Step)}</span>
                    <select data-testid="list-step" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some((s, _)) = STEPS.iter().find(|(_, k)| *k == v) { form.step.set(*s) }
                    }>
                        {STEPS.iter().map(|(s, k)| { let s = *s; view! {
                            <option value=*k selected=move || form.step.get() == s>{move || step_words(s, i18n.lang())}</option>
                        }}).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::Mode)}</span>
                    <select data-testid="list-mode" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some((m, _)) = MODES.iter().find(|(_, k)| *k == v) { form.mode.set(*m) }
                    }>
                        {MODES.iter().map(|(m, k)| { let m = *m; view! {
                            <option value=*k selected=move || form.mode.get() == m>{move || mode_words(m, i18n.lang())}</option>
                        }}).collect_view()}
                    </select>
                </label>
            </div>
        </Show>
    }
}
