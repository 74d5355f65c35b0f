//! Dauerbuchungen (recurring postings) at `/financials/recurring`: the
//! list (number, name, frequency, next date, amount, active) and a form:
//! name, frequency (daily … yearly or days of the month), first date, end
//! (open, a last date or a number of postings), reference, memo, active,
//! and lines like the entry grid's (account or partner code, debit,
//! credit, tax code, gross, centre, memo; read by `forms::entry`). The
//! engine checks the lines as the entry would post on the first date.
//! What is due is posted on `/financials/recurring/due`.

mod texts;

use chrono::NaiveDate;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::formats::amount::{format_date, parse_date};
use crate::forms::entry::{EntryForm, LineForm};
use crate::forms::template::line_forms;
use crate::ledger::Command;
use crate::ledger::recurring::{End, Frequency, RecurringCommand, Schedule, StandingPosting};
use crate::ui::components::SaveButton;
use crate::ui::components::{
    ErrorBox, NoCompany, Said, fmt_amount, fmt_date, focus_by_id, now, number_style, row_enter,
    today, user,
};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

use texts::T;

#[component]
pub fn RecurringPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page recurring-page" data-page="recurring">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

const FREQUENCIES: [&str; 7] = [
    "monthly",
    "quarterly",
    "half_yearly",
    "yearly",
    "weekly",
    "daily",
    "days",
];

fn frequency_key(f: &Frequency) -> &'static str {
    match f {
        Frequency::Daily => "daily",
        Frequency::Weekly => "weekly",
        Frequency::Monthly => "monthly",
        Frequency::Quarterly => "quarterly",
        Frequency::HalfYearly => "half_yearly",
        Frequency::Yearly => "yearly",
        Frequency::Days(_) => "days",
    }
}

fn frequency_text(key: &str) -> T {
    match key {
        "daily" => T::Daily,
        "weekly" => T::Weekly,
        "quarterly" => T::Quarterly,
        "half_yearly" => T::HalfYearly,
        "yearly" => T::Yearly,
        "days" => T::OnDays,
        _ => T::Monthly,
    }
}

fn frequency_words(f: &Frequency, lang: Lang) -> String {
    match f {
        Frequency::Days(days) => format!(
            "{} {}",
            T::OnDays.text(lang),
            days.iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        f => frequency_text(frequency_key(f)).text(lang).to_string(),
    }
}

/// One grid row: a signal per cell.
#[derive(Clone, Copy)]
struct Row {
    account: RwSignal<String>,
    debit: RwSignal<String>,
    credit: RwSignal<String>,
    tax_code: RwSignal<String>,
    gross: RwSignal<bool>,
    centre: RwSignal<String>,
    memo: RwSignal<String>,
    /// Currency and rate are kept as they were (the form shows no cells).
    fc: StoredValue<(String, String)>,
}

impl Row {
    fn of(l: &LineForm) -> Row {
        Row {
            account: RwSignal::new(l.account.clone()),
            debit: RwSignal::new(l.debit.clone()),
            credit: RwSignal::new(l.credit.clone()),
            tax_code: RwSignal::new(l.tax_code.clone()),
            gross: RwSignal::new(l.gross),
            centre: RwSignal::new(l.dim1.clone()),
            memo: RwSignal::new(l.memo.clone()),
            fc: StoredValue::new((l.currency.clone(), l.rate.clone())),
        }
    }

    fn line(&self) -> LineForm {
        let (currency, rate) = self.fc.get_value();
        LineForm {
            account: self.account.get_untracked(),
            debit: self.debit.get_untracked(),
            credit: self.credit.get_untracked(),
            currency,
            rate,
            memo: self.memo.get_untracked(),
            tax_code: self.tax_code.get_untracked(),
            gross: self.gross.get_untracked(),
            dim1: self.centre.get_untracked(),
        }
    }
}

#[derive(Clone, Copy)]
struct Form {
    editing: RwSignal<Option<u32>>,
    name: RwSignal<String>,
    frequency: RwSignal<String>,
    days: RwSignal<String>,
    first: RwSignal<String>,
    end: RwSignal<String>,
    end_date: RwSignal<String>,
    end_count: RwSignal<String>,
    reference: RwSignal<String>,
    memo: RwSignal<String>,
    active: RwSignal<bool>,
    rows: RwSignal<Vec<Row>>,
}

impl Form {
    fn new() -> Form {
        Form {
            editing: RwSignal::new(None),
            name: RwSignal::new(String::new()),
            frequency: RwSignal::new("monthly".into()),
            days: RwSignal::new(String::new()),
            first: RwSignal::new(String::new()),
            end: RwSignal::new("open".into()),
            end_date: RwSignal::new(String::new()),
            end_count: RwSignal::new(String::new()),
            reference: RwSignal::new(String::new()),
            memo: RwSignal::new(String::new()),
            active: RwSignal::new(true),
            rows: RwSignal::new(Vec::new()),
        }
    }

    fn clear(&self, lang: Lang) {
        self.editing.set(None);
        self.name.set(String::new());
        self.frequency.set("monthly".into());
        self.days.set(String::new());
        self.first.set(format_date(today(), number_style(lang)));
        self.end.set("open".into());
        self.end_date.set(String::new());
        self.end_count.set(String::new());
        self.reference.set(String::new());
        self.memo.set(String::new());
        self.active.set(true);
        self.rows.set(vec![
            Row::of(&LineForm::default()),
            Row::of(&LineForm::default()),
        ]);
    }

    fn load(&self, s: &StandingPosting, lang: Lang, decimals: u32) {
        let style = number_style(lang);
        self.editing.set(Some(s.number));
        self.name.set(s.name.clone());
        self.frequency
            .set(frequency_key(&s.schedule.frequency).into());
        self.days.set(match &s.schedule.frequency {
            Frequency::Days(d) => d.iter().map(u8::to_string).collect::<Vec<_>>().join(", "),
            _ => String::new(),
        });
        self.first.set(format_date(s.schedule.first, style));
        let (end, date, count) = match s.schedule.end {
            End::Open => ("open", String::new(), String::new()),
            End::Until(d) => ("until", format_date(d, style), String::new()),
            End::Count(n) => ("count", String::new(), n.to_string()),
        };
        self.end.set(end.into());
        self.end_date.set(date);
        self.end_count.set(count);
        self.reference.set(s.draft.reference.clone());
        self.memo.set(s.draft.memo.clone());
        self.active.set(s.active);
        self.rows.set(
            line_forms(&s.draft, style, decimals)
                .iter()
                .map(Row::of)
                .collect(),
        );
    }
}

type Refusal = RwSignal<Option<Said<T>>>;

fn read_date(text: &str) -> Result<NaiveDate, Said<T>> {
    parse_date(text, today()).map_err(|_| Said::Typed(text.to_string(), T::BadDate))
}

fn read_schedule(form: Form) -> Result<Schedule, Said<T>> {
    let first = read_date(&form.first.get_untracked())?;
    let frequency = match form.frequency.get_untracked().as_str() {
        "daily" => Frequency::Daily,
        "weekly" => Frequency::Weekly,
        "quarterly" => Frequency::Quarterly,
        "half_yearly" => Frequency::HalfYearly,
        "yearly" => Frequency::Yearly,
        "days" => {
            let text = form.days.get_untracked();
            let days = text
                .split([',', ';', ' '])
                .filter(|t| !t.trim().is_empty())
                .map(|t| t.trim().parse::<u8>())
                .collect::<Result<Vec<u8>, _>>()
                .map_err(|_| Said::Typed(text.clone(), T::BadDays))?;
            Frequency::Days(days)
        }
        _ => Frequency::Monthly,
    };
    let end = match form.end.get_untracked().as_str() {
        "until" => End::Until(read_date(&form.end_date.get_untracked())?),
        "count" => {
            let text = form.end_count.get_untracked();
            End::Count(
                text.trim()
                    .parse::<u32>()
                    .map_err(|_| Said::Typed(text.clone(), T::BadCount))?,
            )
        }
        _ => End::Open,
    };
    Ok(Schedule {
        frequency,
        first,
        end,
    })
}

/// The standing posting the form holds, or what does not read.
fn read(form: Form, lang: Lang) -> Result<StandingPosting, Said<T>> {
    let style = number_style(lang);
    let schedule = read_schedule(form)?;
    let entry = EntryForm {
        posting_date: format_date(schedule.first, style),
        document_date: String::new(),
        reference: form.reference.get_untracked(),
        memo: form.memo.get_untracked(),
        lines: form.rows.get_untracked().iter().map(Row::line).collect(),
        key: String::new(),
        series: String::new(),
    };
    let app = use_app();
    let draft = app
        .with_book(|b| entry.to_book_draft(b, style, today(), &user()))
        .and_then(Result::ok)
        .ok_or(Said::Plain(T::BadLines))?;
    Ok(StandingPosting {
        number: form.editing.get_untracked().unwrap_or(0),
        name: form.name.get_untracked().trim().to_string(),
        draft,
        schedule,
        active: form.active.get_untracked(),
        done: Default::default(),
    })
}

#[component]
fn Body() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let postings = Memo::new(move |_| {
        app.with_book(|b| b.recurring().standing().to_vec())
            .unwrap_or_default()
    });
    let form = Form::new();
    form.clear(i18n.lang_untracked());
    let refusal: Refusal = RwSignal::new(None);
    let notice: Refusal = RwSignal::new(None);
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        refusal.set(None);
        notice.set(None);
        let posting = match read(form, lang) {
            Ok(p) => p,
            Err(m) => return refusal.set(Some(m)),
        };
        let Some(at) = now() else {
            return refusal.set(Some(Said::Plain(T::NoClock)));
        };
        let created = posting.number == 0;
        let name = posting.name.clone();
        let cmd = RecurringCommand::SaveStanding {
            posting: Box::new(posting),
            by: user(),
            at,
        };
        match app.execute(Command::Recurring(cmd)).await {
            Ok(_) => {
                let t = if created { T::Created } else { T::Saved };
                notice.set(Some(Said::Done(t, name)));
                form.clear(lang);
            }
            Err(e) => refusal.set(Some(Said::Session(e))),
        }
    });
    let edit = move |s: StandingPosting| {
        refusal.set(None);
        notice.set(None);
        let decimals = app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2);
        form.load(&s, i18n.lang_untracked(), decimals);
        focus_by_id("standing-name");
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
                form.clear(i18n.lang_untracked());
                focus_by_id("standing-name");
            }
            "z" => {
                e.prevent_default();
                form.rows.update(|r| r.push(Row::of(&LineForm::default())));
            }
            _ => {}
        }
    });
    view! {
        <div class="field-row">
            <A href="/financials/recurring/due" attr:class="button" attr:data-testid="to-due">{move || i18n.t(T::DueList)}</A>
        </div>
        <StandingTable postings=postings edit=edit />
        <StandingForm form=form save=save refusal=refusal notice=notice />
    }
}

#[component]
fn StandingTable(
    postings: Memo<Vec<StandingPosting>>,
    edit: impl Fn(StandingPosting) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let decimals = move || app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2);
    let row = move |s: StandingPosting| {
        let lang = i18n.lang();
        let on_key = {
            let s = s.clone();
            row_enter(move || edit(s.clone()))
        };
        let next = s
            .next_due(
                s.done
                    .keys()
                    .next_back()
                    .copied()
                    .unwrap_or(s.schedule.first),
            )
            .map(|d| fmt_date(d, lang))
            .unwrap_or_else(|| "–".into());
        let amount: rust_decimal::Decimal = s.draft.lines.iter().map(|l| l.debit).sum();
        let for_edit = s.clone();
        view! {
            <tr data-testid=format!("standing-{}", s.number) tabindex="0" on:keydown=on_key class:inactive=!s.active>
                <td class="num">{s.number}</td>
                <td>{s.name.clone()}</td>
                <td>{frequency_words(&s.schedule.frequency, lang)}</td>
                <td>{next}</td>
                <td class="num">{fmt_amount(amount, decimals(), lang)}</td>
                <td>{if s.active { T::Active.text(lang) } else { T::Inactive.text(lang) }}</td>
                <td><button type="button" class="button small" tabindex="-1" data-testid=format!("edit-standing-{}", s.number)
                    on:click=move |_| edit(for_edit.clone())>{T::Edit.text(lang)}</button></td>
            </tr>
        }
    };
    view! {
        <h2>{move || i18n.t(T::List)}</h2>
        <Show when=move || !postings.get().is_empty()
            fallback=move || view! { <p class="muted">{move || i18n.t(T::Empty)}</p> }>
            <div class="table-wrap">
                <table class="data standing-list" data-testid="standing-list">
                    <thead><tr>
                        <th class="num">{move || i18n.t(T::Number)}</th>
                        <th>{move || i18n.t(T::Name)}</th>
                        <th>{move || i18n.t(T::Frequency)}</th>
                        <th>{move || i18n.t(T::NextDue)}</th>
                        <th class="num">{move || i18n.t(T::Amount)}</th>
                        <th></th>
                        <th></th>
                    </tr></thead>
                    <tbody>{move || postings.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn StandingForm(
    form: Form,
    save: Action<(), ()>,
    refusal: Refusal,
    notice: Refusal,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = save.pending();
    let editing = Signal::derive(move || form.editing.get().is_some());
    let text_input = move |label: T, signal: RwSignal<String>, testid: &'static str| {
        view! {
            <label class="field">
                <span>{move || i18n.t(label)}</span>
                <input data-testid=testid autocomplete="off" prop:value=signal
                    on:input=move |ev| signal.set(event_target_value(&ev)) />
            </label>
        }
    };
    view! {
        <form class="form standing-form" data-testid="standing-form"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <h2>{move || match form.editing.get() {
                Some(n) => format!("{} {n}", i18n.t(T::EditTitle)),
                None => i18n.t(T::New).to_string(),
            }}</h2>
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t(T::Name)}</span>
                    <input id="standing-name" data-testid="standing-name" autocomplete="off" prop:value=form.name
                        on:input=move |ev| form.name.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::Frequency)}</span>
                    <select data-testid="standing-frequency" on:change=move |ev| form.frequency.set(event_target_value(&ev))>
                        {FREQUENCIES.iter().map(|k| {
                            let k = *k;
                            view! { <option value=k selected=move || form.frequency.get() == k>{move || i18n.t(frequency_text(k))}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <Show when=move || form.frequency.get() == "days">
                    {text_input(T::Days, form.days, "standing-days")}
                </Show>
                {text_input(T::First, form.first, "standing-first")}
            </div>
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t(T::End)}</span>
                    <select data-testid="standing-end" on:change=move |ev| form.end.set(event_target_value(&ev))>
                        <option value="open" selected=move || form.end.get() == "open">{move || i18n.t(T::Open)}</option>
                        <option value="until" selected=move || form.end.get() == "until">{move || i18n.t(T::Until)}</option>
                        <option value="count" selected=move || form.end.get() == "count">{move || i18n.t(T::Count)}</option>
                    </select>
                </label>
                <Show when=move || form.end.get() == "until">
                    {text_input(T::EndDate, form.end_date, "standing-end-date")}
                </Show>
                <Show when=move || form.end.get() == "count">
                    {text_input(T::EndCount, form.end_count, "standing-end-count")}
                </Show>
                {text_input(T::Reference, form.reference, "standing-reference")}
                {text_input(T::Memo, form.memo, "standing-memo")}
                <label class="field check">
                    <input type="checkbox" data-testid="standing-active" prop:checked=form.active
                        on:change=move |ev| form.active.set(event_target_checked(&ev)) />
                    <span>{move || i18n.t(T::Active)}</span>
                </label>
            </div>
            <LinesGrid form=form />
            <ErrorBox message=Signal::derive(move || refusal.get().map(|m| m.say(i18n.lang()))) />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">{move || notice.get().map(|n| n.say(i18n.lang()))}</div>
            </Show>
            <div class="actions">
                <SaveButton testid="standing-save" pending=move || pending.get()>
                    {move || if editing.get() { i18n.t(T::Save) } else { i18n.t(T::Create) }}
                </SaveButton>
                <Show when=move || editing.get()>
                    <button type="button" class="button" on:click=move |_| form.clear(i18n.lang_untracked())>{move || i18n.t(T::Cancel)}</button>
                </Show>
            </div>
        </form>
    }
}

#[component]
fn LinesGrid(form: Form) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let accounts = move || {
        app.with_book(|b| {
            let de = i18n.is_de();
            let partners = b
                .partners()
                .partners()
                .filter(|p| p.active)
                .map(|p| format!("{} {}", p.code, p.name));
            b.accounts()
                .filter(|a| a.postable && a.active && !a.control)
                .map(|a| format!("{} {}", a.number.as_str(), a.name(de)))
                .chain(partners)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let row = move |(i, r): (usize, Row)| {
        let n = i + 1;
        let cell = move |signal: RwSignal<String>, class: &'static str, field: &'static str| {
            view! {
                <td><input class=class data-testid=format!("standing-row-{n}-{field}") prop:value=signal
                    list=if field == "account" { "standing-accounts" } else { "" }
                    on:input=move |ev| signal.set(event_target_value(&ev)) /></td>
            }
        };
        view! {
            <tr data-testid=format!("standing-row-{n}")>
                {cell(r.account, "", "account")}
                {cell(r.debit, "num", "debit")}
                {cell(r.credit, "num", "credit")}
                {cell(r.tax_code, "narrow", "tax")}
                <td><input type="checkbox" prop:checked=r.gross on:change=move |ev| r.gross.set(event_target_checked(&ev)) /></td>
                {cell(r.centre, "narrow", "centre")}
                {cell(r.memo, "", "memo")}
                <td><button type="button" class="button small"
                    on:click=move |_| form.rows.update(|rows| { if rows.len() > 1 { rows.remove(i); } })>"−"</button></td>
            </tr>
        }
    };
    view! {
        <datalist id="standing-accounts">
            {move || accounts().into_iter().map(|a| view! { <option value=a /> }).collect_view()}
        </datalist>
        <div class="table-wrap">
            <table class="data standing-lines">
                <thead><tr>
                    <th>{move || i18n.t(T::Account)}</th>
                    <th class="num">{move || i18n.t(T::Debit)}</th>
                    <th class="num">{move || i18n.t(T::Credit)}</th>
                    <th>{move || i18n.t(T::TaxCode)}</th>
                    <th>{move || i18n.t(T::Gross)}</th>
                    <th>{move || i18n.t(T::Centre)}</th>
                    <th>{move || i18n.t(T::LineMemo)}</th>
                    <th></th>
                </tr></thead>
                <tbody>{move || form.rows.get().into_iter().enumerate().map(row).collect_view()}</tbody>
            </table>
        </div>
        <button type="button" class="button small" data-testid="standing-add-row"
            on:click=move |_| form.rows.update(|r| r.push(Row::of(&LineForm::default())))>{move || i18n.t(T::AddRow)}</button>
    }
}
