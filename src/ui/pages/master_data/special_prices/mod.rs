//! Sonderpreise (special prices) at `/master-data/special-prices`: per
//! business partner or per price list (a period or volume discount), per
//! item, a price or a discount valid from/to, with quantity breaks. The
//! list filters by partner or list; the form (`form`, `breaks`) saves
//! with `SaveSpecial`; Delete asks before `DeleteSpecial`. Keyboard first:
//! ↑/↓ move, Enter edits, Delete asks to delete. A refusal (overlapping
//! validity, a break not above the one before) is shown at its field.

mod breaks;
mod form;
mod texts;

use leptos::prelude::*;

use crate::ui::components::SaveButton;
use crate::ui::components::{focus_by_id, row_keys};

use crate::ledger::Command;
use crate::ledger::items::{ItemsCommand, PriceScope, PriceValue, SpecialPrice};
use crate::ledger::types::Currency;
use crate::ui::components::{
    DateField, ErrorBox, NoCompany, Said, field_error, fmt_date, fmt_factor, fmt_price,
    fmt_quantity, list_label,
};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

use form::{Field, Form, Refusal, field_of};
use texts::T;

#[component]
pub fn SpecialPricesPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page prices-page" data-page="special-prices">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

/// Which specials the list shows: all, a partner's, a list's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeFilter {
    All,
    Partner,
    List,
}

fn matches(s: &SpecialPrice, kind: ScopeFilter, text: &str) -> bool {
    let text = text.trim();
    match (&s.scope, kind) {
        (_, ScopeFilter::All) => true,
        (PriceScope::Partner(p), ScopeFilter::Partner) => {
            text.is_empty() || p.as_str().eq_ignore_ascii_case(text)
        }
        (PriceScope::List(n), ScopeFilter::List) => text.is_empty() || n.to_string() == text,
        _ => false,
    }
}

#[component]
fn Body() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let kind = RwSignal::new(ScopeFilter::All);
    let filter_text = RwSignal::new(String::new());
    let specials = Memo::new(move |_| {
        let (k, text) = (kind.get(), filter_text.get());
        app.with_book(|b| {
            b.items()
                .specials()
                .filter(|s| matches(s, k, &text))
                .cloned()
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let lc = app.with_book(|b| b.settings().lc).unwrap_or(Currency::EUR);
    let form = Form::new(lc);
    let refusal = RwSignal::new(None::<Refusal>);
    let notice = RwSignal::new(None::<Said<T>>);
    let ask_delete = RwSignal::new(None::<u32>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        refusal.set(None);
        notice.set(None);
        let special = match form.read(lang) {
            Ok(s) => s,
            Err(r) => return refusal.set(Some(r)),
        };
        let created = special.id == 0;
        let label = special.item.clone();
        match app
            .execute(Command::Items(ItemsCommand::SaveSpecial { special }))
            .await
        {
            Ok(_) => {
                let t = if created { T::Created } else { T::Saved };
                notice.set(Some(Said::Done(t, label)));
                form.clear(lc);
            }
            Err(e) => refusal.set(Some((field_of(&e), Said::Session(e)))),
        }
    });
    let delete = Action::new_local(move |id: &u32| {
        let id = *id;
        async move {
            ask_delete.set(None);
            refusal.set(None);
            match app
                .execute(Command::Items(ItemsCommand::DeleteSpecial { id }))
                .await
            {
                Ok(_) => notice.set(Some(Said::Done(T::Deleted, id.to_string()))),
                Err(e) => refusal.set(Some((None, Said::Session(e)))),
            }
        }
    });
    let edit = move |s: SpecialPrice| {
        refusal.set(None);
        notice.set(None);
        form.load(&s, i18n.lang_untracked());
        focus_by_id("special-item");
    };
    view! {
        <FilterBar kind=kind text=filter_text />
        <SpecialTable specials=specials edit=edit ask_delete=ask_delete />
        <Show when=move || ask_delete.get().is_some()>
            <div class="confirm-box" role="alertdialog" data-testid="confirm-delete">
                <p>{move || i18n.t(T::AskDelete)}</p>
                <button type="button" class="button danger" data-testid="confirm-yes"
                    on:click=move |_| { if let Some(id) = ask_delete.get_untracked() { delete.dispatch(id); } }>{move || i18n.t(T::Yes)}</button>
                " "
                <button type="button" class="button" data-testid="confirm-no" on:click=move |_| ask_delete.set(None)>{move || i18n.t(T::No)}</button>
            </div>
        </Show>
        <SpecialForm form=form save=save refusal=refusal notice=notice cancel=move || form.clear(lc) />
    }
}

#[component]
fn FilterBar(kind: RwSignal<ScopeFilter>, text: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let options = [
        (ScopeFilter::All, "all", T::FilterAll),
        (ScopeFilter::Partner, "partner", T::FilterPartner),
        (ScopeFilter::List, "list", T::FilterList),
    ];
    view! {
        <div class="toolbar">
            <label class="field">
                <span>{move || i18n.t(T::Filter)}</span>
                <select data-testid="special-filter-kind" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some((k, _, _)) = options.iter().find(|(_, key, _)| *key == v) { kind.set(*k) }
                }>
                    {options.iter().map(|(k, key, t)| { let (k, t) = (*k, *t); view! {
                        <option value=*key selected=move || kind.get() == k>{move || i18n.t(t)}</option>
                    }}).collect_view()}
                </select>
            </label>
            <Show when=move || kind.get() != ScopeFilter::All>
                <label class="field narrow">
                    <span>{move || i18n.t(T::FilterValue)}</span>
                    <input type="search" data-testid="special-filter" autocomplete="off" prop:value=text
                        on:input=move |ev| text.set(event_target_value(&ev)) />
                </label>
            </Show>
        </div>
    }
}

/// "12,50 EUR" or "−5 %".
pub fn value_words(v: &PriceValue, lang: Lang) -> String {
    match v {
        PriceValue::Price { amount, currency } => {
            format!("{} {currency}", fmt_price(*amount, *currency, lang))
        }
        PriceValue::Discount { percent } => format!("−{} %", fmt_factor(*percent, lang)),
    }
}

fn validity_words(s: &SpecialPrice, lang: Lang) -> String {
    let day = |d: Option<chrono::NaiveDate>| match d {
        Some(d) => fmt_date(d, lang),
        None => T::Open.text(lang).to_string(),
    };
    if s.valid_from.is_none() && s.valid_to.is_none() {
        return T::Always.text(lang).to_string();
    }
    format!("{} – {}", day(s.valid_from), day(s.valid_to))
}

fn scope_words(s: &SpecialPrice, lang: Lang) -> String {
    let app = use_app();
    match &s.scope {
        PriceScope::Partner(p) => {
            let name = app
                .with_book(|b| b.partner(*p).map(|x| x.name.clone()))
                .flatten()
                .unwrap_or_default();
            format!("{} {p} {name}", T::Partner.text(lang))
        }
        PriceScope::List(n) => {
            let label = app
                .with_book(|b| list_label(b.items(), *n))
                .unwrap_or_default();
            format!("{} {label}", T::List.text(lang))
        }
    }
}

#[component]
fn SpecialTable(
    specials: Memo<Vec<SpecialPrice>>,
    edit: impl Fn(SpecialPrice) + Copy + Send + Sync + 'static,
    ask_delete: RwSignal<Option<u32>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let row = move |s: SpecialPrice| {
        let lang = i18n.lang();
        let display = app.display_decimals();
        let id = s.id;
        let on_key = {
            let s = s.clone();
            row_keys(move |ev, _| {
                match ev.key().as_str() {
                    "Enter" => edit(s.clone()),
                    "Delete" => ask_delete.set(Some(id)),
                    _ => return false,
                }
                true
            })
        };
        let breaks = s
            .breaks
            .iter()
            .map(|b| {
                format!(
                    "≥ {}: {}",
                    fmt_quantity(b.from, &display, lang),
                    value_words(&b.value, lang)
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let for_edit = s.clone();
        view! {
            <tr data-id=id.to_string() tabindex="0" on:keydown=on_key>
                <td>{scope_words(&s, lang)}</td>
                <td><span class="code">{s.item.clone()}</span></td>
                <td class="nowrap">{validity_words(&s, lang)}</td>
                <td class="num nowrap">{value_words(&s.value, lang)}</td>
                <td>{breaks}</td>
                <td class="nowrap">
                    <button type="button" class="button small" tabindex="-1" data-testid=format!("edit-special-{id}")
                        on:click=move |_| edit(for_edit.clone())>{T::Edit.text(lang)}</button>
                    " "
                    <button type="button" class="button small" tabindex="-1" data-testid=format!("delete-special-{id}")
                        on:click=move |_| ask_delete.set(Some(id))>{T::Delete.text(lang)}</button>
                </td>
            </tr>
        }
    };
    view! {
        <h2>{move || i18n.t(T::Specials)}</h2>
        <Show when=move || !specials.get().is_empty()
            fallback=move || view! { <p class="muted" data-testid="specials-empty">{move || i18n.t(T::Empty)}</p> }>
            <div class="table-wrap">
                <table class="data specials" data-testid="specials">
                    <thead><tr>
                        <th>{move || i18n.t(T::Scope)}</th>
                        <th>{move || i18n.t(T::Item)}</th>
                        <th>{move || i18n.t(T::Validity)}</th>
                        <th class="num">{move || i18n.t(T::Value)}</th>
                        <th>{move || i18n.t(T::Breaks)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || specials.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn SpecialForm(
    form: Form,
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
    let app = use_app();
    let item_name = move || {
        let code = form.item.get();
        let lang = i18n.lang();
        app.with_book(|b| {
            b.items().item(code.trim()).map(|r| {
                if lang == Lang::De {
                    r.item.description_de.clone()
                } else {
                    r.item.description_en.clone()
                }
            })
        })
        .flatten()
    };
    view! {
        <form class="form special-form" data-testid="special-form"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }
            on:keydown=move |ev| if ev.key() == "Escape" && editing.get_untracked() { cancel() }>
            <h2>{move || match form.editing.get() {
                Some(id) => format!("{} {id}", i18n.t(T::EditTitle)),
                None => i18n.t(T::New).to_string(),
            }}</h2>
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t(T::Scope)}</span>
                    <select data-testid="special-scope-kind" on:change=move |ev| form.for_list.set(event_target_value(&ev) == "list")>
                        <option value="partner" selected=move || !form.for_list.get()>{move || i18n.t(T::Partner)}</option>
                        <option value="list" selected=move || form.for_list.get()>{move || i18n.t(T::List)}</option>
                    </select>
                </label>
                <label class="field narrow" class:invalid=move || bad(Field::Scope)>
                    <span>{move || i18n.t(T::ScopeCode)}</span>
                    <input data-testid="special-scope" autocomplete="off" prop:value=form.scope
                        on:input=move |ev| form.scope.set(event_target_value(&ev)) />
                    {field_error(refusal, Field::Scope)}
                </label>
                <label class="field" class:invalid=move || bad(Field::Item)>
                    <span>{move || i18n.t(T::Item)}</span>
                    <input id="special-item" data-testid="special-item" autocomplete="off" prop:value=form.item
                        on:input=move |ev| form.item.set(event_target_value(&ev)) />
                    <small class="muted" data-testid="special-item-name">{item_name}</small>
                    {field_error(refusal, Field::Item)}
                </label>
            </div>
            <div class="field-row" class:invalid=move || bad(Field::Validity)>
                <DateField label=T::ValidFrom value=form.from testid="special-from" />
                <DateField label=T::ValidTo value=form.to testid="special-to" />
                {field_error(refusal, Field::Validity)}
            </div>
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t(T::Kind)}</span>
                    <select data-testid="special-kind" on:change=move |ev| form.discount.set(event_target_value(&ev) == "discount")>
                        <option value="price" selected=move || !form.discount.get()>{move || i18n.t(T::Price)}</option>
                        <option value="discount" selected=move || form.discount.get()>{move || i18n.t(T::Discount)}</option>
                    </select>
                </label>
                <label class="field narrow" class:invalid=move || bad(Field::Value)>
                    <span>{move || i18n.t(T::Amount)}</span>
                    <input class="num" inputmode="decimal" data-testid="special-value" autocomplete="off" prop:value=form.value
                        on:input=move |ev| form.value.set(event_target_value(&ev)) />
                    {field_error(refusal, Field::Value)}
                </label>
                <label class="field narrow">
                    <span>{move || i18n.t(T::Currency)}</span>
                    <input data-testid="special-currency" maxlength="3" autocomplete="off" prop:value=form.currency
                        on:input=move |ev| form.currency.set(event_target_value(&ev)) />
                </label>
            </div>
            <breaks::BreaksTable form=form refusal=refusal />
            <ErrorBox message=general />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|n| n.say(i18n.lang()))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="special-save" pending=move || pending.get()>
                    {move || if editing.get() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
                <Show when=move || editing.get()>
                    <button type="button" class="button" on:click=move |_| cancel()>{move || i18n.t(T::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}
