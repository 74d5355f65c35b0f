//! Mahnverfahren (dunning terms) at `/banking/dunning/terms`: the terms
//! (list + form with its levels table: days, fee, minimum balance,
//! interest, texts in German and English; grouping, interest base, day
//! count, consumer/business, the € 40 flat fee), the income accounts of
//! the charges, and the base-rate table (edited or the shipped one).
//! Writes only through `DunningCommand`; a refusal is shown as its
//! sentence, at the level row it is about.

mod form;
mod settings;
mod texts;

use leptos::prelude::*;

use crate::ui::components::SaveButton;
use crate::ui::components::{focus_by_id, row_enter};

use crate::ui::components::{now, user};

use crate::ledger::Command;
use crate::ledger::dunning::{DunningCommand, DunningTerm, MAX_LEVELS, TermField};
use crate::ui::components::{ErrorBox, NoCompany, Said};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Text, use_i18n};
use crate::ui::state::use_app;

use form::{Form, LevelRow, field_of, row_of};
use settings::{RatesForm, SettingsForm};
use texts::T;

/// A refusal and the term field it is about (`None`: the whole form).
type Refusal = (Option<TermField>, String);

#[component]
pub fn DunningTermsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page dunning-terms-page" data-page="dunning-terms">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

#[component]
fn Body() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let terms = Memo::new(move |_| {
        app.with_book(|b| b.dunning().terms().to_vec())
            .unwrap_or_default()
    });
    let decimals = move || app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2);
    let form = Form::new();
    let refusal = RwSignal::new(None::<Refusal>);
    let notice = RwSignal::new(None::<Said<T>>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        refusal.set(None);
        notice.set(None);
        let term = match form.read(untrack(decimals), lang) {
            Ok(t) => t,
            Err(e) => return refusal.set(Some((e.field, e.message))),
        };
        let Some(at) = now() else { return };
        let created = form.editing.get_untracked().is_none();
        let code = term.code.clone();
        let cmd = Command::Dunning(DunningCommand::SaveTerm {
            term: Box::new(term),
            by: user(),
            at,
        });
        match app.execute(cmd).await {
            Ok(_) => {
                let t = if created { T::Created } else { T::Saved };
                notice.set(Some(Said::Done(t, code)));
                form.clear();
            }
            Err(e) => refusal.set(Some((field_of(&e), session_error(&e, lang)))),
        }
    });
    let delete = Action::new_local(move |code: &String| {
        let code = code.clone();
        async move {
            let lang = i18n.lang_untracked();
            refusal.set(None);
            let Some(at) = now() else { return };
            let cmd = Command::Dunning(DunningCommand::DeleteTerm {
                code: code.clone(),
                by: user(),
                at,
            });
            match app.execute(cmd).await {
                Ok(_) => notice.set(Some(Said::Done(T::Deleted, code))),
                Err(e) => refusal.set(Some((None, session_error(&e, lang)))),
            }
        }
    });
    let edit = move |t: DunningTerm| {
        refusal.set(None);
        notice.set(None);
        form.load(&t, untrack(decimals), i18n.lang_untracked());
        focus_by_id("dunning-term-name");
    };
    view! {
        <TermList terms=terms edit=edit delete=move |c| { delete.dispatch(c); } />
        <TermForm form=form save=save refusal=refusal notice=notice />
        <SettingsForm />
        <RatesForm />
    }
}

#[component]
fn TermList(
    terms: Memo<Vec<DunningTerm>>,
    edit: impl Fn(DunningTerm) + Copy + Send + Sync + 'static,
    delete: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let row = move |t: DunningTerm| {
        let lang = i18n.lang();
        let on_key = {
            let t = t.clone();
            row_enter(move || edit(t.clone()))
        };
        let days = t
            .levels
            .iter()
            .map(|l| l.days_after_due.to_string())
            .collect::<Vec<_>>()
            .join(" / ");
        let (for_edit, code) = (t.clone(), t.code.clone());
        view! {
            <tr data-code=t.code.clone() tabindex="0" on:keydown=on_key>
                <td><strong class="code">{t.code.clone()}</strong></td>
                <td>{t.name.clone()}</td>
                <td class="num">{t.levels.len()}</td>
                <td class="num">{days}</td>
                <td class="nowrap">
                    <button type="button" class="button small" tabindex="-1" data-testid=format!("edit-term-{code}")
                        on:click=move |_| edit(for_edit.clone())>{T::Edit.text(lang)}</button>
                    " "
                    <button type="button" class="button small" tabindex="-1"
                        on:click=move |_| delete(code.clone())>{T::Delete.text(lang)}</button>
                </td>
            </tr>
        }
    };
    view! {
        <h2>{move || i18n.t(T::Terms)}</h2>
        <Show when=move || !terms.get().is_empty()
            fallback=move || view! { <p class="muted" data-testid="terms-empty">{move || i18n.t(T::Empty)}</p> }>
            <div class="table-wrap">
                <table class="data dunning-terms" data-testid="dunning-terms">
                    <thead><tr>
                        <th>{move || i18n.t(T::Code)}</th>
                        <th>{move || i18n.t(T::Name)}</th>
                        <th class="num">{move || i18n.t(T::Levels)}</th>
                        <th class="num">{move || i18n.t(T::Days)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || terms.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
            <p class="muted small">{move || i18n.t(T::KeysHint)}</p>
        </Show>
    }
}

#[component]
fn TermForm(
    form: Form,
    save: Action<(), ()>,
    refusal: RwSignal<Option<Refusal>>,
    notice: RwSignal<Option<Said<T>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = save.pending();
    let editing = Signal::derive(move || form.editing.get().is_some());
    let general = Signal::derive(move || refusal.get().map(|(_, m)| m));
    let bad_row = move || refusal.get().and_then(|(f, _)| f.and_then(row_of));
    let check = |label: T, value: RwSignal<bool>, testid: &'static str| {
        view! {
            <label class="check">
                <input type="checkbox" data-testid=testid prop:checked=value
                    on:change=move |ev| value.set(event_target_checked(&ev)) />
                <span>{move || i18n.t(label)}</span>
            </label>
        }
    };
    let choice = move |label: T, value: RwSignal<bool>, off: T, on: T, testid: &'static str| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <select data-testid=testid on:change=move |ev| value.set(event_target_value(&ev) == "1")>
                    <option value="0" selected=move || !value.get()>{move || i18n.t(off)}</option>
                    <option value="1" selected=move || value.get()>{move || i18n.t(on)}</option>
                </select>
            </label>
        }
    };
    view! {
        <form class="form dunning-term-form" data-testid="dunning-term-form"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }
            on:keydown=move |ev| if ev.key() == "Escape" && editing.get_untracked() { form.clear() }>
            <h2>{move || match form.editing.get() {
                Some(code) => format!("{} {code}", i18n.t(T::EditTitle)),
                None => i18n.t(T::New).to_string(),
            }}</h2>
            <fieldset>
                <div class="field-row">
                    <label class="field narrow">
                        <span>{move || i18n.t(T::Code)}</span>
                        <input data-testid="term-code" maxlength="20" autocomplete="off" prop:value=form.code
                            prop:disabled=move || editing.get()
                            on:input=move |ev| form.code.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::Name)}</span>
                        <input id="dunning-term-name" data-testid="term-name" autocomplete="off" prop:value=form.name
                            on:input=move |ev| form.name.set(event_target_value(&ev)) />
                    </label>
                </div>
                <div class="field-row">
                    {choice(T::InterestBase, form.original, T::Remaining, T::Original, "term-base")}
                    {choice(T::DayCount, form.act360, T::Act365, T::Act360, "term-days")}
                    {choice(T::Debtor, form.consumer, T::Business, T::Consumer, "term-debtor")}
                </div>
                <div class="field-row">
                    {check(T::Group, form.group, "term-group")}
                    {check(T::FlatFee, form.flat_fee, "term-flat-fee")}
                </div>
            </fieldset>
            <LevelsTable form=form bad_row=Signal::derive(bad_row) />
            <ErrorBox message=general />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|n| n.say(i18n.lang()))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="term-save" pending=move || pending.get()>
                    {move || if editing.get() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
                <Show when=move || editing.get()>
                    <button type="button" class="button" on:click=move |_| form.clear()>{move || i18n.t(T::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}

#[component]
fn LevelsTable(form: Form, bad_row: Signal<Option<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    let full = move || form.levels.with(|l| l.len() >= MAX_LEVELS);
    let text_input = move |value: RwSignal<String>, testid: String, class: &'static str| {
        view! {
            <input class=class data-testid=testid autocomplete="off" prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev)) />
        }
    };
    let row = move |(i, r): (usize, LevelRow)| {
        let lang = i18n.lang();
        view! {
            <tr class:invalid=move || bad_row.get() == Some(i) data-testid=format!("level-{}", i + 1)>
                <td class="num">{i + 1}</td>
                <td>{text_input(r.days, format!("level-{}-days", i + 1), "num narrow")}</td>
                <td>{text_input(r.fee, format!("level-{}-fee", i + 1), "num narrow")}</td>
                <td>{text_input(r.min, format!("level-{}-min", i + 1), "num narrow")}</td>
                <td><input type="checkbox" data-testid=format!("level-{}-interest", i + 1) prop:checked=r.interest
                    on:change=move |ev| r.interest.set(event_target_checked(&ev)) /></td>
                <td>{text_input(r.de, format!("level-{}-de", i + 1), "wide")}</td>
                <td>{text_input(r.en, format!("level-{}-en", i + 1), "wide")}</td>
                <td><button type="button" class="button small" title=T::RemoveLevel.text(lang)
                    on:click=move |_| form.levels.update(|l| { if l.len() > 1 { l.remove(i); } })>"−"</button></td>
            </tr>
        }
    };
    view! {
        <div class="table-wrap">
            <table class="data dunning-levels" data-testid="dunning-levels">
                <thead><tr>
                    <th class="num">{move || i18n.t(T::Level)}</th>
                    <th>{move || i18n.t(T::Days)}</th>
                    <th>{move || i18n.t(T::Fee)}</th>
                    <th>{move || i18n.t(T::MinBalance)}</th>
                    <th>{move || i18n.t(T::Interest)}</th>
                    <th>{move || i18n.t(T::TextDe)}</th>
                    <th>{move || i18n.t(T::TextEn)}</th>
                    <th></th>
                </tr></thead>
                <tbody>{move || form.levels.get().into_iter().enumerate().map(row).collect_view()}</tbody>
            </table>
        </div>
        <p class="muted small">{move || i18n.t(T::TextHint)}</p>
        <button type="button" class="button small" data-testid="add-level"
            prop:disabled=full
            on:click=move |_| form.levels.update(|l| l.push(LevelRow::blank()))>{move || i18n.t(T::AddLevel)}</button>
    }
}
