//! Rabattgruppen (discount groups) at `/master-data/discount-groups`: the
//! groups (code, name, discount % per item group) with a form whose rows
//! map an item group to a percent (`SaveDiscountGroup`). A partner gets
//! its group on the partner form (`SetPartnerPricing`); the price lookup
//! reads it. Keyboard first: ↑/↓ move through the groups, Enter edits.

mod texts;

use leptos::prelude::*;

use crate::ui::components::SaveButton;
use crate::ui::components::{focus_by_id, row_enter};
use rust_decimal::Decimal;

use crate::ledger::Command;
use crate::ledger::items::{DiscountGroup, ItemsCommand};
use crate::ui::components::{ErrorBox, NoCompany, Said, fmt_factor, parse_factor};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

use texts::T;

#[component]
pub fn DiscountGroupsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page prices-page" data-page="discount-groups">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

/// One row as typed: item group code, percent.
type Row = (RwSignal<String>, RwSignal<String>);

fn blank() -> Row {
    (RwSignal::new(String::new()), RwSignal::new(String::new()))
}

#[derive(Clone, Copy)]
struct Form {
    editing: RwSignal<Option<String>>,
    code: RwSignal<String>,
    name: RwSignal<String>,
    rows: RwSignal<Vec<Row>>,
}

impl Form {
    fn clear(&self) {
        self.editing.set(None);
        self.code.set(String::new());
        self.name.set(String::new());
        self.rows.set(vec![blank()]);
    }

    fn load(&self, g: &DiscountGroup, lang: Lang) {
        self.editing.set(Some(g.code.clone()));
        self.code.set(g.code.clone());
        self.name.set(g.name.clone());
        let rows = g.discounts.iter().map(|(group, p)| {
            (
                RwSignal::new(group.clone()),
                RwSignal::new(fmt_factor(*p, lang)),
            )
        });
        self.rows.set(rows.collect());
    }

    fn read(&self, lang: Lang) -> Result<DiscountGroup, Message> {
        let discounts = self
            .rows
            .get_untracked()
            .iter()
            .enumerate()
            .map(|(i, (group, percent))| read_row(i, group, percent, lang))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(DiscountGroup {
            code: self.code.get_untracked().trim().to_uppercase(),
            name: self.name.get_untracked().trim().to_string(),
            discounts,
        })
    }
}

/// What the form says: a row's typing mistake, or a `Said`; made a
/// sentence in the language shown, so it follows a language switch.
#[derive(Clone, Debug)]
enum Message {
    Row(usize, Said<T>),
    Said(Said<T>),
}

impl Message {
    fn say(&self, lang: Lang) -> String {
        match self {
            Message::Row(i, said) => format!("{} {}: {}", T::Row.text(lang), i + 1, said.say(lang)),
            Message::Said(said) => said.say(lang),
        }
    }
}

fn read_row(
    i: usize,
    group: &RwSignal<String>,
    percent: &RwSignal<String>,
    lang: Lang,
) -> Result<(String, Decimal), Message> {
    let group = group.get_untracked();
    if group.is_empty() {
        return Err(Message::Row(i, Said::Plain(T::NoItemGroup)));
    }
    let text = percent.get_untracked();
    let p = parse_factor(&text, lang)
        .ok_or_else(|| Message::Row(i, Said::Typed(text.clone(), T::BadPercent)))?;
    Ok((group, p))
}

#[component]
fn Body() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let groups = Memo::new(move |_| {
        app.with_book(|b| b.items().discount_groups().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    });
    let form = Form {
        editing: RwSignal::new(None),
        code: RwSignal::new(String::new()),
        name: RwSignal::new(String::new()),
        rows: RwSignal::new(vec![blank()]),
    };
    let refusal = RwSignal::new(None::<Message>);
    let notice = RwSignal::new(None::<Said<T>>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        refusal.set(None);
        notice.set(None);
        let group = match form.read(lang) {
            Ok(g) => g,
            Err(m) => return refusal.set(Some(m)),
        };
        let created = form.editing.get_untracked().is_none();
        let code = group.code.clone();
        match app
            .execute(Command::Items(ItemsCommand::SaveDiscountGroup { group }))
            .await
        {
            Ok(_) => {
                let t = if created { T::Created } else { T::Saved };
                notice.set(Some(Said::Done(t, code)));
                form.clear();
            }
            Err(e) => refusal.set(Some(Message::Said(Said::Session(e)))),
        }
    });
    let edit = move |g: DiscountGroup| {
        refusal.set(None);
        notice.set(None);
        form.load(&g, i18n.lang_untracked());
        focus_by_id("discount-group-name");
    };
    view! {
        <GroupTable groups=groups edit=edit />
        <GroupForm form=form save=save refusal=refusal notice=notice />
    }
}

#[component]
fn GroupTable(
    groups: Memo<Vec<DiscountGroup>>,
    edit: impl Fn(DiscountGroup) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let row = move |g: DiscountGroup| {
        let lang = i18n.lang();
        let on_key = {
            let g = g.clone();
            row_enter(move || edit(g.clone()))
        };
        let discounts = g
            .discounts
            .iter()
            .map(|(group, p)| format!("{group} −{} %", fmt_factor(*p, lang)))
            .collect::<Vec<_>>()
            .join(", ");
        let for_edit = g.clone();
        view! {
            <tr data-code=g.code.clone() tabindex="0" on:keydown=on_key>
                <td><strong class="code">{g.code.clone()}</strong></td>
                <td>{g.name.clone()}</td>
                <td>{discounts}</td>
                <td><button type="button" class="button small" tabindex="-1" data-testid=format!("edit-dg-{}", g.code)
                    on:click=move |_| edit(for_edit.clone())>{T::Edit.text(lang)}</button></td>
            </tr>
        }
    };
    view! {
        <h2>{move || i18n.t(T::Groups)}</h2>
        <Show when=move || !groups.get().is_empty()
            fallback=move || view! { <p class="muted">{move || i18n.t(T::Empty)}</p> }>
            <div class="table-wrap">
                <table class="data discount-groups" data-testid="discount-groups">
                    <thead><tr>
                        <th>{move || i18n.t(T::Code)}</th>
                        <th>{move || i18n.t(T::Name)}</th>
                        <th>{move || i18n.t(T::Discounts)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || groups.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn GroupForm(
    form: Form,
    save: Action<(), ()>,
    refusal: RwSignal<Option<Message>>,
    notice: RwSignal<Option<Said<T>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = save.pending();
    let editing = Signal::derive(move || form.editing.get().is_some());
    view! {
        <form class="form discount-group-form" data-testid="discount-group-form"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }
            on:keydown=move |ev| if ev.key() == "Escape" && editing.get_untracked() { form.clear() }>
            <h2>{move || match form.editing.get() {
                Some(c) => format!("{} {c}", i18n.t(T::EditTitle)),
                None => i18n.t(T::New).to_string(),
            }}</h2>
            <div class="field-row">
                <label class="field narrow">
                    <span>{move || i18n.t(T::Code)}</span>
                    <input data-testid="dg-code" autocomplete="off" prop:value=form.code
                        prop:disabled=move || editing.get()
                        on:input=move |ev| form.code.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::Name)}</span>
                    <input id="discount-group-name" data-testid="dg-name" autocomplete="off" prop:value=form.name
                        on:input=move |ev| form.name.set(event_target_value(&ev)) />
                </label>
            </div>
            <RowsTable form=form />
            <ErrorBox message=Signal::derive(move || refusal.get().map(|m| m.say(i18n.lang()))) />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|n| n.say(i18n.lang()))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="dg-save" pending=move || pending.get()>
                    {move || if editing.get() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
                <Show when=move || editing.get()>
                    <button type="button" class="button" on:click=move |_| form.clear()>{move || i18n.t(T::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}

/// Item group → percent rows, with add and remove.
#[component]
fn RowsTable(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let item_groups = Memo::new(move |_| {
        app.with_book(|b| {
            b.items()
                .groups()
                .map(|g| (g.code.clone(), g.name_de.clone(), g.name_en.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let row = move |(i, (group, percent)): (usize, Row)| {
        let lang = i18n.lang();
        let options = item_groups
            .get()
            .into_iter()
            .map(|(code, de, en)| {
                let label = format!("{code} {}", if lang == Lang::De { de } else { en });
                let c = code.clone();
                view! { <option value=code selected=move || group.get() == c>{label}</option> }
            })
            .collect_view();
        view! {
            <tr data-testid=format!("dg-row-{}", i + 1)>
                <td><select data-testid=format!("dg-row-{}-group", i + 1) on:change=move |ev| group.set(event_target_value(&ev))>
                    <option value="" selected=move || group.get().is_empty()>"—"</option>
                    {options}
                </select></td>
                <td><input class="num narrow" inputmode="decimal" data-testid=format!("dg-row-{}-percent", i + 1) prop:value=percent
                    on:input=move |ev| percent.set(event_target_value(&ev)) /></td>
                <td><button type="button" class="button small" title=T::RemoveRow.text(lang)
                    on:click=move |_| form.rows.update(|r| { if r.len() > 1 { r.remove(i); } })>"−"</button></td>
            </tr>
        }
    };
    view! {
        <div class="table-wrap">
            <table class="data dg-rows">
                <thead><tr>
                    <th>{move || i18n.t(T::ItemGroup)}</th>
                    <th class="num">{move || i18n.t(T::Percent)}</th>
                    <th></th>
                </tr></thead>
                <tbody>{move || form.rows.get().into_iter().enumerate().map(row).collect_view()}</tbody>
            </table>
        </div>
        <button type="button" class="button small" data-testid="dg-add-row"
            on:click=move |_| form.rows.update(|r| r.push(blank()))>{move || i18n.t(T::AddRow)}</button>
    }
}
