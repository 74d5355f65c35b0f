//! Fällige Dauerbuchungen (due recurring postings) at
//! `/financials/recurring/due`: every occurrence of an active standing
//! posting or loan instalment due up to the chosen date
//! (`Recurring::due`), all checked; "Buchen" posts the checked ones as ONE
//! `PostDue` command with a fresh posting key (a retry is refused, not
//! posted twice), "Aussetzen" skips one (`Skip`), "Bearbeiten" edits an
//! occurrence's lines and reference inline before posting (the edit goes
//! through `forms::entry` like the entry grid). A refusal names the
//! occurrence (source and date). Nothing posts by itself.

mod texts;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::forms::entry::{EntryForm, LineForm};
use crate::forms::template::line_forms;
use crate::ledger::posting::EntryDraft;
use crate::ledger::recurring::{Due, DuePosting, RecurringCommand, Source};
use crate::ledger::types::PostingKey;
use crate::ledger::{Command, Event};
use crate::ui::components::use_change_right;
use crate::ui::components::{
    DateField, ErrorBox, NoCompany, Said, fmt_amount, fmt_date, fresh_posting_key, now,
    number_style, row_keys, today, user,
};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

use texts::T;

type Occ = (Source, NaiveDate);

#[component]
pub fn DuePostingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page recurring-page" data-page="due-postings">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

/// The source's name: the standing posting's, or "Darlehen: name".
fn source_label(source: Source, lang: Lang) -> impl Fn(&crate::ledger::Book) -> String {
    move |b| match source {
        Source::Standing(n) => b
            .recurring()
            .standing_posting(n)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| n.to_string()),
        Source::Loan(n) => format!(
            "{}: {}",
            T::Loan.text(lang),
            b.recurring()
                .loan(n)
                .map(|l| l.name.clone())
                .unwrap_or_else(|| n.to_string())
        ),
    }
}

/// The amount an occurrence moves: its debits (LC or FC as typed).
fn total(draft: &EntryDraft) -> Decimal {
    draft.lines.iter().map(|l| l.debit).sum()
}

#[component]
fn Body() -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let as_of = RwSignal::new(Some(today()));
    let due = Memo::new(move |_| {
        let date = as_of.get().unwrap_or_else(today);
        app.with_book(|b| b.recurring().due(b.context(), date))
            .unwrap_or_default()
    });
    // Unchecked occurrences (all are checked at first) and edited drafts.
    let unchecked = RwSignal::new(BTreeSet::<Occ>::new());
    let edited = RwSignal::new(BTreeMap::<Occ, EntryDraft>::new());
    let editing = RwSignal::new(None::<Occ>);
    let refusal = RwSignal::new(None::<Said<T>>);
    let notice = RwSignal::new(None::<Said<T>>);
    let key = StoredValue::new(fresh_posting_key());
    let post = Action::new_local(move |_: &()| async move {
        refusal.set(None);
        notice.set(None);
        let skip = unchecked.get_untracked();
        let edits = edited.get_untracked();
        let postings: Vec<DuePosting> = due
            .get_untracked()
            .into_iter()
            .filter(|d| !skip.contains(&(d.source, d.date)))
            .map(|d| DuePosting {
                source: d.source,
                date: d.date,
                draft: edits.get(&(d.source, d.date)).cloned().unwrap_or(d.draft),
            })
            .collect();
        let Some(at) = now() else {
            return refusal.set(Some(Said::Plain(T::NoClock)));
        };
        let key_hex = key.get_value();
        let cmd = RecurringCommand::PostDue {
            postings,
            key: PostingKey::from_hex(&key_hex).unwrap_or(PostingKey(0)),
            by: user(),
            at,
        };
        match app.execute(Command::Recurring(cmd)).await {
            Ok(events) => {
                let numbers = app
                    .with_book(|b| {
                        events
                            .iter()
                            .filter_map(|e| match e {
                                Event::EntryPosted { entry } => b
                                    .entry(entry.id)
                                    .map(|e| format!("{}/{}", e.fiscal_year, e.number)),
                                _ => None,
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default();
                notice.set(Some(Said::Done(T::Posted, numbers)));
                key.set_value(fresh_posting_key());
                edited.set(BTreeMap::new());
                unchecked.set(BTreeSet::new());
            }
            Err(e) => refusal.set(Some(Said::Session(e))),
        }
    });
    let skip = Action::new_local(move |occ: &Occ| {
        let (source, date) = *occ;
        async move {
            refusal.set(None);
            notice.set(None);
            let Some(at) = now() else {
                return refusal.set(Some(Said::Plain(T::NoClock)));
            };
            let cmd = RecurringCommand::Skip {
                source,
                date,
                by: user(),
                at,
            };
            match app.execute(Command::Recurring(cmd)).await {
                Ok(_) => {
                    let lang = i18n.lang_untracked();
                    let name = app
                        .with_book(source_label(source, lang))
                        .unwrap_or_default();
                    notice.set(Some(Said::Done(
                        T::Skipped,
                        format!("{name} {}", fmt_date(date, lang)),
                    )));
                }
                Err(e) => refusal.set(Some(Said::Session(e))),
            }
        }
    });
    let pending = post.pending();
    let checked_count = move || {
        let skip = unchecked.get();
        due.get()
            .iter()
            .filter(|d| !skip.contains(&(d.source, d.date)))
            .count()
    };
    let on_keys = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            post.dispatch(());
        }
    };
    view! {
        <div class="due-postings" on:keydown=on_keys>
            <div class="field-row">
                <DateField label=T::AsOf value=as_of testid="due-as-of" />
                <A href="/financials/recurring" attr:class="button small">{move || i18n.t(T::Standing)}</A>
            </div>
            <Show when=move || !due.get().is_empty()
                fallback=move || view! { <p class="muted" data-testid="nothing-due">{move || i18n.t(T::Nothing)}</p> }>
                <div class="table-wrap">
                    <table class="data due-list" data-testid="due-list">
                        <thead><tr>
                            <th></th>
                            <th>{move || i18n.t(T::Date)}</th>
                            <th>{move || i18n.t(T::Source)}</th>
                            <th>{move || i18n.t(T::Reference)}</th>
                            <th class="num">{move || i18n.t(T::Amount)}</th>
                            <th></th>
                        </tr></thead>
                        <tbody>
                            {move || due.get().into_iter().map(|d| view! {
                                <DueRow due=d unchecked=unchecked edited=edited editing=editing skip=skip />
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="actions">
                    <button type="button" class="button primary" data-testid="post-due"
                        prop:disabled=move || pending.get() || checked_count() == 0 || right.denied()
                        on:click=move |_| { post.dispatch(()); } title=move || right.why()>
                        {move || i18n.t(T::Post)}
                    </button>
                    <span class="muted">{move || format!("{} {}", checked_count(), i18n.t(T::Selected))}</span>
                    <Show when=move || pending.get()>
                        <span class="muted" role="status">{move || i18n.t(T::Posting)}</span>
                    </Show>
                </div>
            </Show>
            <ErrorBox message=Signal::derive(move || refusal.get().map(|m| m.say(i18n.lang()))) />
            <Show when=move || notice.get().is_some()>
                <div class="success-box" role="status" data-testid="notice">
                    {move || notice.get().map(|n| n.say(i18n.lang()))}
                    " "
                    <A href="/financials/journal">{move || i18n.t(T::ToJournal)}</A>
                </div>
            </Show>
        </div>
    }
}

#[component]
fn DueRow(
    due: Due,
    unchecked: RwSignal<BTreeSet<Occ>>,
    edited: RwSignal<BTreeMap<Occ, EntryDraft>>,
    editing: RwSignal<Option<Occ>>,
    skip: Action<Occ, ()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let occ = (due.source, due.date);
    let testid = match due.source {
        Source::Standing(n) => format!("due-s{n}-{}", due.date),
        Source::Loan(n) => format!("due-l{n}-{}", due.date),
    };
    let decimals = app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2);
    let original = due.draft.clone();
    let draft = Memo::new(move |_| {
        edited
            .with(|e| e.get(&occ).cloned())
            .unwrap_or_else(|| original.clone())
    });
    let name = move || {
        app.with_book(source_label(occ.0, i18n.lang()))
            .unwrap_or_default()
    };
    let checked = move || !unchecked.with(|u| u.contains(&occ));
    let toggle = move || {
        unchecked.update(|u| {
            if !u.remove(&occ) {
                u.insert(occ);
            }
        })
    };
    let on_key = row_keys(move |ev, _| {
        match ev.key().as_str() {
            " " => toggle(),
            "e" | "E" => editing.set(Some(occ)),
            _ => return false,
        }
        true
    });
    let lines_text = move || {
        let lang = i18n.lang();
        draft
            .get()
            .lines
            .iter()
            .map(|l| {
                let who = l
                    .partner
                    .map(|p| p.as_str().to_string())
                    .or(l.account.map(|a| a.as_str().to_string()))
                    .unwrap_or_default();
                if l.debit.is_zero() {
                    format!("H {who} {}", fmt_amount(l.credit, decimals, lang))
                } else {
                    format!("S {who} {}", fmt_amount(l.debit, decimals, lang))
                }
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let is_edited = move || edited.with(|e| e.contains_key(&occ));
    view! {
        <tr data-testid=testid.clone() tabindex="0" on:keydown=on_key class:unchecked=move || !checked()>
            <td><input type="checkbox" tabindex="-1" data-testid="due-check" prop:checked=checked on:change=move |_| toggle() /></td>
            <td>{move || fmt_date(occ.1, i18n.lang())}</td>
            <td>{name}
                <Show when=is_edited><span class="badge">{move || i18n.t(T::Edited)}</span></Show>
                <div class="muted small due-lines">{lines_text}</div>
            </td>
            <td>{move || draft.get().reference}</td>
            <td class="num">{move || fmt_amount(total(&draft.get()), decimals, i18n.lang())}</td>
            <td class="actions-cell">
                <button type="button" class="button small" tabindex="-1" data-testid="due-edit"
                    on:click=move |_| editing.set(Some(occ))>{move || i18n.t(T::Edit)}</button>
                <button type="button" class="button small" tabindex="-1" data-testid="due-skip"
                    on:click=move |_| { skip.dispatch(occ); }>{move || i18n.t(T::Skip)}</button>
            </td>
        </tr>
        <Show when=move || editing.get() == Some(occ)>
            <tr class="due-edit-row"><td colspan="6">
                <EditOccurrence occ=occ draft=draft.get_untracked() edited=edited editing=editing />
            </td></tr>
        </Show>
    }
}

/// An edited line: account, debit, credit cells and the line as it was.
type EditRow = (
    RwSignal<String>,
    RwSignal<String>,
    RwSignal<String>,
    LineForm,
);

/// The occurrence's reference and lines as grid cells; "Übernehmen" reads
/// them like the entry grid (`EntryForm::to_book_draft`).
#[component]
fn EditOccurrence(
    occ: Occ,
    draft: EntryDraft,
    edited: RwSignal<BTreeMap<Occ, EntryDraft>>,
    editing: RwSignal<Option<Occ>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lang = i18n.lang_untracked();
    let style = number_style(lang);
    let decimals = app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2);
    let reference = RwSignal::new(draft.reference.clone());
    let memo = RwSignal::new(draft.memo.clone());
    let rows: Vec<EditRow> = line_forms(&draft, style, decimals)
        .into_iter()
        .map(|l| {
            (
                RwSignal::new(l.account.clone()),
                RwSignal::new(l.debit.clone()),
                RwSignal::new(l.credit.clone()),
                l,
            )
        })
        .collect();
    let bad = RwSignal::new(false);
    let rows_for_apply = rows.clone();
    let apply = move |_| {
        let form = EntryForm {
            posting_date: crate::formats::amount::format_date(occ.1, style),
            document_date: String::new(),
            reference: reference.get_untracked(),
            memo: memo.get_untracked(),
            lines: rows_for_apply
                .iter()
                .map(|(a, d, c, l)| LineForm {
                    account: a.get_untracked(),
                    debit: d.get_untracked(),
                    credit: c.get_untracked(),
                    ..l.clone()
                })
                .collect(),
            key: String::new(),
            series: String::new(),
        };
        let read = app.with_book(|b| form.to_book_draft(b, style, today(), &user()));
        match read {
            Some(Ok(mut d)) => {
                // The grid has no due-date cell: keep the lines' own.
                for (line, old) in d.lines.iter_mut().zip(&draft.lines) {
                    line.due_date = old.due_date;
                }
                edited.update(|e| {
                    e.insert(occ, d);
                });
                editing.set(None);
                bad.set(false);
            }
            _ => bad.set(true),
        }
    };
    view! {
        <div class="due-edit" data-testid="due-edit-form">
            <div class="field-row">
                <label class="field">
                    <span>{move || i18n.t(T::Reference)}</span>
                    <input data-testid="due-edit-reference" prop:value=reference on:input=move |ev| reference.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>{move || i18n.t(T::Memo)}</span>
                    <input prop:value=memo on:input=move |ev| memo.set(event_target_value(&ev)) />
                </label>
            </div>
            <table class="data due-edit-lines">
                <thead><tr>
                    <th>{move || i18n.t(T::Account)}</th>
                    <th class="num">{move || i18n.t(T::Debit)}</th>
                    <th class="num">{move || i18n.t(T::Credit)}</th>
                    <th>{move || i18n.t(T::TaxCode)}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().enumerate().map(|(i, (a, d, c, l))| view! {
                        <tr>
                            <td><input data-testid=format!("due-edit-{}-account", i + 1) prop:value=a on:input=move |ev| a.set(event_target_value(&ev)) /></td>
                            <td><input class="num" data-testid=format!("due-edit-{}-debit", i + 1) prop:value=d on:input=move |ev| d.set(event_target_value(&ev)) /></td>
                            <td><input class="num" data-testid=format!("due-edit-{}-credit", i + 1) prop:value=c on:input=move |ev| c.set(event_target_value(&ev)) /></td>
                            <td>{l.tax_code.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <Show when=move || bad.get()>
                <small class="field-error" role="alert">{move || i18n.t(T::BadLine)}</small>
            </Show>
            <div class="actions">
                <button type="button" class="button primary small" data-testid="due-edit-apply" on:click=apply>{move || i18n.t(T::Apply)}</button>
                <button type="button" class="button small" on:click=move |_| editing.set(None)>{move || i18n.t(T::Cancel)}</button>
            </div>
        </div>
    }
}
