//! Kontierungsmuster (posting templates) at
//! `/financials/posting-templates`: the list and a form whose lines name
//! an account, a share in percent, optionally a tax code, a cost centre
//! and a memo, with the live sum of the shares (`SaveTemplate`; the engine
//! refuses shares that do not sum to 100). The entry grid uses them
//! (`components::TemplatePicker`). Keyboard first: ↑/↓ move through the
//! list, Enter edits, Alt+A starts a new template, Alt+S saves, Alt+Z adds
//! a line.

mod texts;

use leptos::ev;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::amount::{format_number, parse_amount};
use crate::forms::entry::account_number;
use crate::forms::template::percent_sum;
use crate::ledger::Command;
use crate::ledger::recurring::{PostingTemplate, RecurringCommand, TemplateLine};
use crate::ledger::types::AccountNo;
use crate::ui::components::SaveButton;
use crate::ui::components::{
    ErrorBox, NoCompany, Said, focus_by_id, now, number_style, row_enter, user,
};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

use texts::T;

#[component]
pub fn PostingTemplatesPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page recurring-page" data-page="posting-templates">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

/// One line as typed: account, percent, tax code, centre, memo.
#[derive(Clone, Copy)]
struct Row {
    account: RwSignal<String>,
    percent: RwSignal<String>,
    tax_code: RwSignal<String>,
    centre: RwSignal<String>,
    memo: RwSignal<String>,
}

impl Row {
    fn new() -> Row {
        Row {
            account: RwSignal::new(String::new()),
            percent: RwSignal::new(String::new()),
            tax_code: RwSignal::new(String::new()),
            centre: RwSignal::new(String::new()),
            memo: RwSignal::new(String::new()),
        }
    }

    fn of(l: &TemplateLine, lang: Lang) -> Row {
        Row {
            account: RwSignal::new(l.account.as_str().to_string()),
            percent: RwSignal::new(format_number(l.percent, number_style(lang))),
            tax_code: RwSignal::new(l.tax_code.clone().unwrap_or_default()),
            centre: RwSignal::new(l.dims[0].clone().unwrap_or_default()),
            memo: RwSignal::new(l.memo.clone()),
        }
    }

    fn is_blank(&self) -> bool {
        [
            self.account,
            self.percent,
            self.tax_code,
            self.centre,
            self.memo,
        ]
        .iter()
        .all(|s| s.get_untracked().trim().is_empty())
    }
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
        self.rows.set(vec![Row::new(), Row::new()]);
    }

    fn load(&self, t: &PostingTemplate, lang: Lang) {
        self.editing.set(Some(t.code.clone()));
        self.code.set(t.code.clone());
        self.name.set(t.name.clone());
        self.rows
            .set(t.lines.iter().map(|l| Row::of(l, lang)).collect());
    }

    fn read(&self, lang: Lang) -> Result<PostingTemplate, Message> {
        let style = number_style(lang);
        let optional = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_string()).filter(|t| !t.is_empty())
        };
        let mut lines = Vec::new();
        for (i, row) in self.rows.get_untracked().iter().enumerate() {
            if row.is_blank() {
                continue;
            }
            let account_text = row.account.get_untracked();
            let account = AccountNo::parse(account_number(&account_text))
                .map_err(|_| Message::Row(i, Said::Typed(account_text.clone(), T::BadAccount)))?;
            let percent_text = row.percent.get_untracked();
            let percent = parse_amount(&percent_text, style, 6)
                .map_err(|_| Message::Row(i, Said::Typed(percent_text.clone(), T::BadPercent)))?;
            let mut dims: [Option<String>; crate::ledger::types::limits::DIMENSIONS] =
                Default::default();
            dims[0] = optional(row.centre);
            lines.push(TemplateLine {
                account,
                percent,
                tax_code: optional(row.tax_code).map(|c| c.to_uppercase()),
                dims,
                memo: row.memo.get_untracked().trim().to_string(),
            });
        }
        Ok(PostingTemplate {
            code: self.code.get_untracked().trim().to_uppercase(),
            name: self.name.get_untracked().trim().to_string(),
            lines,
        })
    }
}

/// What the form says, made a sentence in the language shown.
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

#[component]
fn Body() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let templates = Memo::new(move |_| {
        app.with_book(|b| b.recurring().templates().to_vec())
            .unwrap_or_default()
    });
    let form = Form {
        editing: RwSignal::new(None),
        code: RwSignal::new(String::new()),
        name: RwSignal::new(String::new()),
        rows: RwSignal::new(vec![Row::new(), Row::new()]),
    };
    let refusal = RwSignal::new(None::<Message>);
    let notice = RwSignal::new(None::<Said<T>>);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        refusal.set(None);
        notice.set(None);
        let template = match form.read(lang) {
            Ok(t) => t,
            Err(m) => return refusal.set(Some(m)),
        };
        let created = form.editing.get_untracked().is_none();
        let code = template.code.clone();
        let Some(at) = now() else {
            return refusal.set(Some(Message::Said(Said::Plain(T::NoClock))));
        };
        let cmd = RecurringCommand::SaveTemplate {
            template,
            by: user(),
            at,
        };
        match app.execute(Command::Recurring(cmd)).await {
            Ok(_) => {
                let t = if created { T::Created } else { T::Saved };
                notice.set(Some(Said::Done(t, code)));
                form.clear();
            }
            Err(e) => refusal.set(Some(Message::Said(Said::Session(e)))),
        }
    });
    let delete = Action::new_local(move |code: &String| {
        let code = code.clone();
        async move {
            refusal.set(None);
            notice.set(None);
            let Some(at) = now() else {
                return refusal.set(Some(Message::Said(Said::Plain(T::NoClock))));
            };
            let cmd = RecurringCommand::DeleteTemplate {
                code: code.clone(),
                by: user(),
                at,
            };
            match app.execute(Command::Recurring(cmd)).await {
                Ok(_) => {
                    notice.set(Some(Said::Done(T::Deleted, code)));
                    form.clear();
                }
                Err(e) => refusal.set(Some(Message::Said(Said::Session(e)))),
            }
        }
    });
    let edit = move |t: PostingTemplate| {
        refusal.set(None);
        notice.set(None);
        form.load(&t, i18n.lang_untracked());
        focus_by_id("template-name");
    };
    let _keys = window_event_listener(ev::keydown, move |e| {
        if !e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        match e.key().to_lowercase().as_str() {
            "s" => {
                e.prevent_default();
                save.dispatch(());
            }
            "a" => {
                e.prevent_default();
                form.clear();
                focus_by_id("template-code");
            }
            "z" => {
                e.prevent_default();
                form.rows.update(|r| r.push(Row::new()));
            }
            _ => {}
        }
    });
    view! {
        <TemplateTable templates=templates edit=edit delete=delete />
        <TemplateForm form=form save=save refusal=refusal notice=notice />
    }
}

#[component]
fn TemplateTable(
    templates: Memo<Vec<PostingTemplate>>,
    edit: impl Fn(PostingTemplate) + Copy + Send + Sync + 'static,
    delete: Action<String, ()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let row = move |t: PostingTemplate| {
        let lang = i18n.lang();
        let on_key = {
            let t = t.clone();
            row_enter(move || edit(t.clone()))
        };
        let split = t
            .lines
            .iter()
            .map(|l| {
                format!(
                    "{} % {}",
                    format_number(l.percent, number_style(lang)),
                    l.account.as_str()
                )
            })
            .collect::<Vec<_>>()
            .join(" / ");
        let for_edit = t.clone();
        let code = t.code.clone();
        view! {
            <tr data-code=t.code.clone() tabindex="0" on:keydown=on_key>
                <td><strong class="code">{t.code.clone()}</strong></td>
                <td>{t.name.clone()}</td>
                <td>{split}</td>
                <td class="actions-cell">
                    <button type="button" class="button small" tabindex="-1" data-testid=format!("edit-template-{}", t.code)
                        on:click=move |_| edit(for_edit.clone())>{T::Edit.text(lang)}</button>
                    <button type="button" class="button small" tabindex="-1" data-testid=format!("delete-template-{}", t.code)
                        on:click=move |_| { delete.dispatch(code.clone()); }>{T::Delete.text(lang)}</button>
                </td>
            </tr>
        }
    };
    view! {
        <h2>{move || i18n.t(T::Templates)}</h2>
        <Show when=move || !templates.get().is_empty()
            fallback=move || view! { <p class="muted">{move || i18n.t(T::Empty)}</p> }>
            <div class="table-wrap">
                <table class="data posting-templates" data-testid="posting-templates">
                    <thead><tr>
                        <th>{move || i18n.t(T::Code)}</th>
                        <th>{move || i18n.t(T::Name)}</th>
                        <th>{move || i18n.t(T::Split)}</th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || templates.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn TemplateForm(
    form: Form,
    save: Action<(), ()>,
    refusal: RwSignal<Option<Message>>,
    notice: RwSignal<Option<Said<T>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = save.pending();
    let editing = Signal::derive(move || form.editing.get().is_some());
    view! {
        <form class="form template-form" data-testid="template-form"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }
            on:keydown=move |ev| if ev.key() == "Escape" && editing.get_untracked() { form.clear() }>
            <h2>{move || match form.editing.get() {
                Some(c) => format!("{} {c}", i18n.t(T::EditTitle)),
                None => i18n.t(T::New).to_string(),
            }}</h2>
            <div class="field-row">
                <label class="field narrow">
                    <span>{move || i18n.t(T::Code)}</span>
                    <input id="template-code" data-testid="template-code" autocomplete="off" prop:value=form.code
                        prop:disabled=move || editing.get()
                        on:input=move |ev| form.code.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::Name)}</span>
                    <input id="template-name" data-testid="template-name" autocomplete="off" prop:value=form.name
                        on:input=move |ev| form.name.set(event_target_value(&ev)) />
                </label>
            </div>
            <LinesTable form=form />
            <ErrorBox message=Signal::derive(move || refusal.get().map(|m| m.say(i18n.lang()))) />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|n| n.say(i18n.lang()))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="template-save" pending=move || pending.get()>
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
fn LinesTable(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let accounts = move || {
        app.with_book(|b| {
            let de = i18n.is_de();
            b.accounts()
                .filter(|a| a.postable && a.active && !a.control)
                .map(|a| format!("{} {}", a.number.as_str(), a.name(de)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let sum = Memo::new(move |_| {
        let texts: Vec<String> = form.rows.get().iter().map(|r| r.percent.get()).collect();
        percent_sum(&texts, number_style(i18n.lang()))
    });
    let sum_text = move || match sum.get() {
        Some(s) => format!("{} %", format_number(s, number_style(i18n.lang()))),
        None => "–".into(),
    };
    let sum_off = move || sum.get() != Some(Decimal::ONE_HUNDRED);
    let row = move |(i, r): (usize, Row)| {
        let lang = i18n.lang();
        let n = i + 1;
        view! {
            <tr data-testid=format!("template-row-{n}")>
                <td><input list="template-accounts" data-testid=format!("template-row-{n}-account") prop:value=r.account
                    on:input=move |ev| r.account.set(event_target_value(&ev)) /></td>
                <td><input class="num narrow" inputmode="decimal" data-testid=format!("template-row-{n}-percent") prop:value=r.percent
                    on:input=move |ev| r.percent.set(event_target_value(&ev)) /></td>
                <td><input class="narrow" data-testid=format!("template-row-{n}-tax") prop:value=r.tax_code
                    on:input=move |ev| r.tax_code.set(event_target_value(&ev)) /></td>
                <td><input class="narrow" data-testid=format!("template-row-{n}-centre") prop:value=r.centre
                    on:input=move |ev| r.centre.set(event_target_value(&ev)) /></td>
                <td><input data-testid=format!("template-row-{n}-memo") prop:value=r.memo
                    on:input=move |ev| r.memo.set(event_target_value(&ev)) /></td>
                <td><button type="button" class="button small" title=T::RemoveRow.text(lang)
                    on:click=move |_| form.rows.update(|rows| { if rows.len() > 1 { rows.remove(i); } })>"−"</button></td>
            </tr>
        }
    };
    view! {
        <datalist id="template-accounts">
            {move || accounts().into_iter().map(|a| view! { <option value=a /> }).collect_view()}
        </datalist>
        <div class="table-wrap">
            <table class="data template-lines">
                <thead><tr>
                    <th>{move || i18n.t(T::Account)}</th>
                    <th class="num">{move || i18n.t(T::Percent)}</th>
                    <th>{move || i18n.t(T::TaxCode)}</th>
                    <th>{move || i18n.t(T::Centre)}</th>
                    <th>{move || i18n.t(T::Memo)}</th>
                    <th></th>
                </tr></thead>
                <tbody>{move || form.rows.get().into_iter().enumerate().map(row).collect_view()}</tbody>
                <tfoot><tr>
                    <th>{move || i18n.t(T::Sum)}</th>
                    <th class="num" class:sum-off=sum_off data-testid="template-sum">{sum_text}</th>
                    <th colspan="4" class="muted">{move || if sum_off() { i18n.t(T::SumOff) } else { "" }}</th>
                </tr></tfoot>
            </table>
        </div>
        <button type="button" class="button small" data-testid="template-add-row"
            on:click=move |_| form.rows.update(|r| r.push(Row::new()))>{move || i18n.t(T::AddRow)}</button>
    }
}
