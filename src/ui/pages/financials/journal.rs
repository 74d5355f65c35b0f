//! Journal: posted entries with filters, entry detail and reversal (Storno).
//! A reversal dated in a closing period asks for confirmation first and
//! then posts with the closing right (until users and rights exist, the
//! user holds every right), as the entry screen does.
//!
//! The list pages through `report::journal` a page at a time (newest
//! first): one scan to count the matches, one to fetch the page, so a
//! 100,000-entry company renders 100 rows, never all. The text filter
//! lower-cases every entry's reference and memo on each scan, so it waits
//! for a typing pause before it runs.

use std::cell::RefCell;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::components::use_change_right;
use crate::ui::components::user;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use rust_decimal::Decimal;

use crate::formats::amount::parse_amount;
use crate::ledger::gl::{Area, Level};
use crate::ledger::posting::{EntryWarning, reversal_warnings};
use crate::ledger::posting::{PostingCommand, Rights};
use crate::ledger::report::JournalFilter;
use crate::ledger::types::AccountNo;
use crate::ledger::types::Side;
use crate::ledger::types::limits::MAX_REPORT_ROWS;
use crate::ledger::types::{EntryId, PostedEntry};
use crate::ledger::{Book, Command, Event};
use crate::texts;
use crate::ui::components::{
    DateField, NoCompany, Pager, entry_href, entry_label, fmt_amount, fmt_date, fmt_nonzero, focus,
    lc_of, number_style, sheet_href,
};
use crate::ui::errors::{entry_warning, session_error};
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;

/// Entries per journal page.
pub const JOURNAL_PAGE_ROWS: usize = 100;
/// Typing pause before the text filter runs (ms).
const TEXT_DEBOUNCE_MS: u32 = 250;
texts! {
    pub enum T {
        Title => "Journal", "Journal";
        From => "Von", "From";
        To => "Bis", "To";
        ReversalDate => "Stornodatum", "Reversal date";
        Lead => "Alle gebuchten Belege, neueste zuerst. Enter auf einer Nummer öffnet die Buchung; Storno in der Buchung.", "Every posted entry, newest first. Enter on a number opens the entry; reverse it from there.";
        Account => "Konto", "Account";
        Text => "Text oder Referenz", "Text or reference";
        Amount => "Betrag", "Amount";
        Number => "Belegnummer", "Entry number";
        NumberHint => "17 oder 2026/17", "17 or 2026/17";
        BadAccount => "Unbekanntes Konto", "Unknown account";
        BadAmount => "Kein gültiger Betrag", "Not a valid amount";
        BadNumber => "Keine gültige Nummer", "Not a valid number";
        Clear => "Filter löschen", "Clear filters";
        No => "Nr.", "No.";
        Date => "Datum", "Date";
        Reference => "Referenz", "Reference";
        Memo => "Buchungstext", "Text";
        Total => "Summe", "Total";
        Links => "Storno", "Reversal";
        ReversalOf => "Storno zu", "Reverses";
        ReversedBy => "storniert durch", "reversed by";
        Matches => "Buchungen", "entries";
        NoMatches => "Keine Buchungen gefunden.", "No entries found.";
        NewEntry => "Neue Buchung (Alt+N)", "New entry (Alt+N)";
        EntryTitle => "Buchung", "Entry";
        NotFound => "Diese Buchung gibt es nicht.", "This entry does not exist.";
        PostingDate => "Buchungsdatum", "Posting date";
        DocumentDate => "Belegdatum", "Document date";
        DueDate => "Fälligkeit", "Due date";
        User => "Benutzer", "User";
        Name => "Bezeichnung", "Name";
        Debit => "Soll", "Debit";
        Credit => "Haben", "Credit";
        Fc => "Fremdwährung", "Foreign currency";
        LineMemo => "Zeilentext", "Line text";
        Rounding => "Rundung", "rounding";
        Reverse => "Stornieren", "Reverse";
        ReverseTitle => "Storno buchen", "Post a reversal";
        ReverseHint => "Eine gebuchte Buchung ändert sich nie: der Storno bucht jede Zeile mit vertauschten Seiten. Datum leer = Datum der Buchung.", "A posted entry never changes: the reversal posts every line with sides swapped. Empty date = the entry's date.";
        Reversed => "Storno gebucht:", "Reversal posted:";
        AlreadyReversed => "Diese Buchung ist storniert durch", "This entry was reversed by";
        IsReversal => "Diese Buchung ist der Storno zu", "This entry reverses";
        Back => "‹ Zum Journal", "‹ Back to the journal";
        Prev => "‹ Vorherige", "‹ Previous";
        NextEntry => "Nächste ›", "Next ›";
        ConfirmReverse => "Trotzdem stornieren?", "Reverse anyway?";
        ReverseAnyway => "Trotzdem stornieren", "Reverse anyway";
        Cancel => "Abbrechen", "Cancel";
    }
}

/// The journal's filters as typed; kept while the user looks at an entry
/// and comes back (the page itself unmounts).
#[derive(Clone, Debug, Default, PartialEq)]
struct Filters {
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    account: String,
    text: String,
    amount: String,
    number: String,
    page: usize,
}

thread_local! {
    static LAST_FILTERS: RefCell<Filters> = RefCell::new(Filters::default());
}

/// Entry number filter: "17" or "2025/17".
fn parse_number(text: &str) -> Option<(Option<i32>, u32)> {
    let text = text.trim();
    match text.split_once('/') {
        Some((y, n)) => Some((Some(y.trim().parse().ok()?), n.trim().parse().ok()?)),
        None => Some((None, text.parse().ok()?)),
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    id: EntryId,
    label: String,
    date: NaiveDate,
    reference: String,
    memo: String,
    total_lc: Decimal,
    reverses: Option<(EntryId, String)>,
    reversed_by: Option<(EntryId, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct ListView {
    rows: Vec<Row>,
    total_matches: usize,
    decimals: u32,
    lc: String,
    /// Time the query took, for the performance check (data attribute).
    query_ms: u32,
}

/// Resolved filters: `Err` names the field that does not parse.
struct Query {
    engine: JournalFilter,
    amount_lc: Option<Decimal>,
    number: Option<(Option<i32>, u32)>,
}

fn label_of(book: &Book, id: EntryId) -> String {
    book.entry(id)
        .map(|e| entry_label(e.fiscal_year, e.number))
        .unwrap_or_else(|| id.0.to_string())
}

fn row_of(book: &Book, e: &PostedEntry) -> Row {
    Row {
        id: e.id,
        label: entry_label(e.fiscal_year, e.number),
        date: e.posting_date,
        reference: e.reference.clone(),
        memo: e.memo.clone(),
        total_lc: e.total_debit_lc(),
        reverses: e.reverses.map(|r| (r, label_of(book, r))),
        reversed_by: book.reversed_by(e.id).map(|r| (r, label_of(book, r))),
    }
}

fn extra_match(q: &Query, e: &PostedEntry) -> bool {
    q.number
        .is_none_or(|(year, n)| e.number == n && year.is_none_or(|y| e.fiscal_year == y))
        && q.amount_lc
            .is_none_or(|a| e.total_debit_lc() == a || e.lines.iter().any(|l| l.amount_lc == a))
}

/// One page of matches, newest first.
fn list_page(book: &Book, q: &Query, page: usize) -> (Vec<Row>, usize) {
    if q.amount_lc.is_none() && q.number.is_none() {
        // Count, then fetch just the page from the end.
        let count = book
            .journal_page(&JournalFilter {
                limit: 1,
                ..q.engine.clone()
            })
            .total_matches;
        let end = count.saturating_sub(page * JOURNAL_PAGE_ROWS);
        let start = end.saturating_sub(JOURNAL_PAGE_ROWS);
        let found = book.journal_page(&JournalFilter {
            offset: start,
            limit: (end - start).max(1),
            ..q.engine.clone()
        });
        let rows = if end == start {
            Vec::new()
        } else {
            found
                .entries
                .iter()
                .rev()
                .map(|e| row_of(book, e))
                .collect()
        };
        return (rows, count);
    }
    // Amount and number are not engine filters: walk all engine matches in
    // chunks of the engine's row limit and filter here.
    let mut matched: Vec<&PostedEntry> = Vec::new();
    let mut offset = 0;
    loop {
        let found = book.journal_page(&JournalFilter {
            offset,
            limit: MAX_REPORT_ROWS,
            ..q.engine.clone()
        });
        let n = found.entries.len();
        matched.extend(found.entries.into_iter().filter(|e| extra_match(q, e)));
        offset += n;
        if n == 0 || offset >= found.total_matches {
            break;
        }
    }
    let count = matched.len();
    let rows = matched
        .iter()
        .rev()
        .skip(page * JOURNAL_PAGE_ROWS)
        .take(JOURNAL_PAGE_ROWS)
        .map(|e| row_of(book, e))
        .collect();
    (rows, count)
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

#[component]
pub fn JournalPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let query = use_query_map();
    let mut saved = LAST_FILTERS.with(|f| f.borrow().clone());
    // A link like /financials/journal?account=1200 starts a fresh filter.
    if let Some(account) = query.get_untracked().get("account") {
        saved = Filters {
            account,
            ..Filters::default()
        };
    }
    let from = RwSignal::new(saved.from);
    let to = RwSignal::new(saved.to);
    let account = RwSignal::new(saved.account.clone());
    let text_input = RwSignal::new(saved.text.clone());
    let text = RwSignal::new(saved.text.clone());
    let amount = RwSignal::new(saved.amount.clone());
    let number = RwSignal::new(saved.number.clone());
    let page = RwSignal::new(saved.page);
    let filters = move || Filters {
        from: from.get(),
        to: to.get(),
        account: account.get(),
        text: text.get(),
        amount: amount.get(),
        number: number.get(),
        page: page.get(),
    };
    Effect::new(move |_| {
        let f = filters();
        LAST_FILTERS.with(|l| *l.borrow_mut() = f);
    });
    // Back to the first page whenever a filter (not the page) changes.
    Effect::new(move |prev: Option<()>| {
        from.track();
        to.track();
        account.track();
        text.track();
        amount.track();
        number.track();
        if prev.is_some() {
            page.set(0);
        }
    });
    // Debounce: the text filter runs after a typing pause.
    let pending = StoredValue::new_local(None::<gloo::timers::callback::Timeout>);
    let on_text = move |value: String| {
        text_input.set(value.clone());
        let timeout = gloo::timers::callback::Timeout::new(TEXT_DEBOUNCE_MS, move || {
            text.set(value);
        });
        pending.set_value(Some(timeout));
    };

    let account_bad = Memo::new(move |_| {
        let a = account.get();
        let a = a.split_whitespace().next().unwrap_or("");
        !a.is_empty()
            && AccountNo::parse(a)
                .ok()
                .and_then(|no| app.with_book(|b| b.account(no).is_some()))
                != Some(true)
    });
    let amount_parsed = Memo::new(move |_| {
        let a = amount.get();
        if a.trim().is_empty() {
            return Ok(None);
        }
        parse_amount(&a, number_style(i18n.lang()), 6)
            .map(Some)
            .map_err(|_| ())
    });
    let number_parsed = Memo::new(move |_| {
        let n = number.get();
        if n.trim().is_empty() {
            return Ok(None);
        }
        parse_number(&n).map(Some).ok_or(())
    });

    let list = Memo::new(move |_| {
        let acc = account.get();
        let acc = acc.split_whitespace().next().unwrap_or("");
        let account = if acc.is_empty() || account_bad.get() {
            None
        } else {
            AccountNo::parse(acc).ok()
        };
        let t = text.get();
        let q = Query {
            engine: JournalFilter {
                from: from.get(),
                to: to.get(),
                account,
                text: (!t.trim().is_empty()).then(|| t.trim().to_string()),
                ..JournalFilter::default()
            },
            amount_lc: amount_parsed.get().ok().flatten(),
            number: number_parsed.get().ok().flatten(),
        };
        let page = page.get();
        app.with_book(|b| {
            let started = now_ms();
            let (rows, total_matches) = list_page(b, &q, page);
            let (lc, decimals) = lc_of(b);
            ListView {
                rows,
                total_matches,
                decimals,
                lc,
                query_ms: (now_ms() - started).round() as u32,
            }
        })
    });
    let accounts = Memo::new(move |_| {
        let lang = i18n.lang();
        app.with_book(|b| {
            b.accounts()
                .filter(|a| a.postable)
                .map(|a| (a.number.to_string(), a.name(lang == Lang::De).to_string()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let clear = move || {
        from.set(None);
        to.set(None);
        account.set(String::new());
        text_input.set(String::new());
        text.set(String::new());
        amount.set(String::new());
        number.set(String::new());
        page.set(0);
    };
    let search_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = search_ref.get() {
            focus(&input);
        }
    });

    view! {
        <section class="page journal-page" data-page="journal">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead">{move || i18n.t(T::Lead)}</p>
                    <div class="toolbar filters">
                        <label class="field">
                            <span>{move || i18n.t(T::Text)}</span>
                            <input type="search" data-testid="journal-text" node_ref=search_ref
                                prop:value=move || text_input.get()
                                on:input=move |ev| on_text(event_target_value(&ev)) />
                        </label>
                        <DateField label=T::From value=from testid="journal-from" />
                        <DateField label=T::To value=to testid="journal-to" />
                        <label class="field" class:invalid=move || account_bad.get()>
                            <span>{move || i18n.t(T::Account)}</span>
                            <input type="search" list="journal-accounts" data-testid="journal-account"
                                prop:value=move || account.get()
                                on:change=move |ev| account.set(event_target_value(&ev)) />
                            <datalist id="journal-accounts">
                                {move || accounts.get().into_iter().map(|(no, name)| view! {
                                    <option value=no>{name}</option>
                                }).collect_view()}
                            </datalist>
                            <Show when=move || account_bad.get()>
                                <span class="field-error">{move || i18n.t(T::BadAccount)}</span>
                            </Show>
                        </label>
                        <label class="field narrow" class:invalid=move || amount_parsed.get().is_err()>
                            <span>{move || i18n.t(T::Amount)}</span>
                            <input type="text" inputmode="decimal" data-testid="journal-amount"
                                prop:value=move || amount.get()
                                on:change=move |ev| amount.set(event_target_value(&ev)) />
                            <Show when=move || amount_parsed.get().is_err()>
                                <span class="field-error">{move || i18n.t(T::BadAmount)}</span>
                            </Show>
                        </label>
                        <label class="field narrow" class:invalid=move || number_parsed.get().is_err()>
                            <span>{move || i18n.t(T::Number)}</span>
                            <input type="text" data-testid="journal-number" placeholder=move || i18n.t(T::NumberHint)
                                prop:value=move || number.get()
                                on:change=move |ev| number.set(event_target_value(&ev)) />
                            <Show when=move || number_parsed.get().is_err()>
                                <span class="field-error">{move || i18n.t(T::BadNumber)}</span>
                            </Show>
                        </label>
                        <div class="toolbar-actions">
                            <button class="button" data-testid="journal-clear" on:click=move |_| clear()>{move || i18n.t(T::Clear)}</button>
                            <A href="/financials/entry" attr:class="button primary">{move || i18n.t(T::NewEntry)}</A>
                        </div>
                    </div>
                    // The table's texts and amounts are in the language it was drawn in: redraw on Alt+L.
                    {move || {
                        i18n.lang();
                        list.get().map(|v| view! { <JournalTable view=v page=page /> })
                    }}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn JournalTable(view: ListView, page: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang_untracked();
    let d = view.decimals;
    let pages = view.total_matches.div_ceil(JOURNAL_PAGE_ROWS).max(1);
    let count = view.total_matches;
    if view.rows.is_empty() {
        return view! { <p class="muted" data-testid="journal-empty">{i18n.t(T::NoMatches)}</p> }
            .into_any();
    }
    let rows = view
        .rows
        .into_iter()
        .map(|r| {
            let link = |target: Option<(EntryId, String)>, label: T, class: &'static str| {
                target.map(|(id, l)| {
                    view! {
                        <span class=class>{i18n.t(label)}" "<A href=entry_href(id)>{l}</A></span>
                    }
                })
            };
            let label = r.label;
            view! {
                <tr data-testid="journal-row" data-entry=r.id.0.to_string()>
                    <td><A href=entry_href(r.id) attr:data-testid="journal-entry">{label}</A></td>
                    <td class="date">{fmt_date(r.date, lang)}</td>
                    <td>{r.reference}</td>
                    <td class="memo">{r.memo}</td>
                    <td class="num">{fmt_amount(r.total_lc, d, lang)}</td>
                    <td class="links">
                        {link(r.reverses, T::ReversalOf, "badge reversal")}
                        {link(r.reversed_by, T::ReversedBy, "badge reversed")}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="muted" data-testid="journal-count" data-ms=view.query_ms.to_string()>
            {format!("{count} {} · {}", i18n.t(T::Matches), view.lc)}
        </p>
        <div class="table-wrap">
            <table class="data" data-testid="journal">
                <thead><tr>
                    <th scope="col">{i18n.t(T::No)}</th>
                    <th scope="col">{i18n.t(T::Date)}</th>
                    <th scope="col">{i18n.t(T::Reference)}</th>
                    <th scope="col">{i18n.t(T::Memo)}</th>
                    <th scope="col" class="num">{i18n.t(T::Total)}</th>
                    <th scope="col">{i18n.t(T::Links)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pager page=page pages=pages count=count unit=Signal::derive(move || i18n.t(T::Matches)) />
    }
    .into_any()
}

// ----- entry detail -----

#[derive(Clone, Debug, PartialEq, Eq)]
struct LineView {
    account: AccountNo,
    name: String,
    side: Side,
    amount_lc: Decimal,
    fc: Option<String>,
    memo: String,
    rounding: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct EntryView {
    id: EntryId,
    label: String,
    posting_date: NaiveDate,
    document_date: NaiveDate,
    due_date: NaiveDate,
    reference: String,
    memo: String,
    user: String,
    lines: Vec<LineView>,
    debit_lc: Decimal,
    credit_lc: Decimal,
    decimals: u32,
    lc: String,
    reverses: Option<(EntryId, String)>,
    reversed_by: Option<(EntryId, String)>,
    prev: Option<EntryId>,
    next: Option<EntryId>,
}

fn entry_view(book: &Book, id: EntryId, lang: Lang) -> Option<EntryView> {
    let e = book.entry(id)?;
    let (lc, decimals) = lc_of(book);
    let style = number_style(lang);
    let lines = e
        .lines
        .iter()
        .map(|l| LineView {
            account: l.account,
            name: book
                .account(l.account)
                .map(|a| a.name(lang == Lang::De).to_string())
                .unwrap_or_default(),
            side: l.side,
            amount_lc: l.amount_lc,
            fc: l.fc().map(|fc| {
                use crate::formats::amount::format_amount;
                format!(
                    "{} {} · {} {}",
                    format_amount(fc.amount_fc, fc.currency.decimals(), style),
                    fc.currency.as_str(),
                    match lang {
                        Lang::De => "Kurs",
                        Lang::En => "rate",
                    },
                    crate::ui::components::fmt_rate(
                        fc.rate_fc_per_lc,
                        book.gl().display_decimals(),
                        lang
                    )
                )
            }),
            memo: l.memo.clone(),
            rounding: l.rounding,
        })
        .collect();
    let count = book.entry_count() as u64;
    Some(EntryView {
        id,
        label: entry_label(e.fiscal_year, e.number),
        posting_date: e.posting_date,
        document_date: e.document_date,
        due_date: e.due_date,
        reference: e.reference.clone(),
        memo: e.memo.clone(),
        user: e.user.clone(),
        lines,
        debit_lc: e.total_debit_lc(),
        credit_lc: e
            .lines
            .iter()
            .filter(|l| l.side == Side::Credit)
            .map(|l| l.amount_lc)
            .sum(),
        decimals,
        lc,
        reverses: e.reverses.map(|r| (r, label_of(book, r))),
        reversed_by: book.reversed_by(id).map(|r| (r, label_of(book, r))),
        prev: (id.0 > 1).then(|| EntryId(id.0 - 1)),
        next: (id.0 < count).then(|| EntryId(id.0 + 1)),
    })
}

#[component]
pub fn EntryDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .get()
            .get("id")
            .and_then(|s| s.parse::<u64>().ok())
            .map(EntryId)
    });
    let entry = Memo::new(move |_| {
        let lang = i18n.lang();
        let id = id.get()?;
        app.with_book(|b| entry_view(b, id, lang)).flatten()
    });
    let title = move || match entry.get() {
        Some(e) => format!("{} {}", i18n.t(T::EntryTitle), e.label),
        None => i18n.t(T::EntryTitle).to_string(),
    };
    view! {
        <section class="page entry-detail-page" data-page="entry-detail">
            <p class="no-print"><A href="/financials/journal">{move || i18n.t(T::Back)}</A></p>
            <h1 data-testid="entry-title">{title}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                match entry.get() {
                    None => view! { <div class="error-box" role="alert">{i18n.t(T::NotFound)}</div> }.into_any(),
                    Some(e) => view! { <EntryDetail entry=e /> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn EntryDetail(entry: EntryView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang_untracked();
    let d = entry.decimals;
    let range = Some((entry.posting_date, entry.posting_date));
    let has_fc = entry.lines.iter().any(|l| l.fc.is_some());
    let lines = entry
        .lines
        .iter()
        .map(|l| {
            let (debit, credit) = match l.side {
                Side::Debit => (fmt_nonzero(l.amount_lc, d, lang), String::new()),
                Side::Credit => (String::new(), fmt_nonzero(l.amount_lc, d, lang)),
            };
            let number = l.account.to_string();
            let memo = if l.rounding {
                format!("{} ({})", l.memo, i18n.t(T::Rounding))
            } else {
                l.memo.clone()
            };
            view! {
                <tr data-testid="entry-line">
                    <td><A href=sheet_href(l.account, range)>{number}</A></td>
                    <td>{l.name.clone()}</td>
                    <td class="num">{debit}</td>
                    <td class="num">{credit}</td>
                    {has_fc.then(|| view! { <td class="num">{l.fc.clone().unwrap_or_default()}</td> })}
                    <td>{memo}</td>
                </tr>
            }
        })
        .collect_view();
    let link = |target: Option<(EntryId, String)>, label: T, testid: &'static str| {
        target.map(|(id, l)| {
            view! {
                <p class="entry-link" data-testid=testid>{i18n.t(label)}" "<A href=entry_href(id)>{l}</A></p>
            }
        })
    };
    // Storno needs its own right (issue 18); the engine checks it again.
    let can_reverse = entry.reverses.is_none()
        && entry.reversed_by.is_none()
        && use_app().level(Area::Reversing) == Level::Full;
    let nav = |target: Option<EntryId>, label: T| {
        target.map(
            |id| view! { <A href=entry_href(id) attr:class="button small">{i18n.t(label)}</A> },
        )
    };
    view! {
        {link(entry.reversed_by.clone(), T::AlreadyReversed, "reversed-by")}
        {link(entry.reverses.clone(), T::IsReversal, "reverses")}
        <dl class="entry-head">
            <div><dt>{i18n.t(T::PostingDate)}</dt><dd data-testid="entry-date">{fmt_date(entry.posting_date, lang)}</dd></div>
            <div><dt>{i18n.t(T::DocumentDate)}</dt><dd>{fmt_date(entry.document_date, lang)}</dd></div>
            <div><dt>{i18n.t(T::DueDate)}</dt><dd>{fmt_date(entry.due_date, lang)}</dd></div>
            <div><dt>{i18n.t(T::Reference)}</dt><dd>{entry.reference.clone()}</dd></div>
            <div class="wide"><dt>{i18n.t(T::Memo)}</dt><dd>{entry.memo.clone()}</dd></div>
            <div><dt>{i18n.t(T::User)}</dt><dd>{entry.user.clone()}</dd></div>
        </dl>
        <div class="table-wrap">
            <table class="data" data-testid="entry-lines">
                <thead><tr>
                    <th scope="col">{i18n.t(T::Account)}</th>
                    <th scope="col">{i18n.t(T::Name)}</th>
                    <th scope="col" class="num">{format!("{} ({})", i18n.t(T::Debit), entry.lc)}</th>
                    <th scope="col" class="num">{format!("{} ({})", i18n.t(T::Credit), entry.lc)}</th>
                    {has_fc.then(|| view! { <th scope="col" class="num">{i18n.t(T::Fc)}</th> })}
                    <th scope="col">{i18n.t(T::LineMemo)}</th>
                </tr></thead>
                <tbody>{lines}</tbody>
                <tfoot><tr class="total">
                    <td></td>
                    <td>{i18n.t(T::Total)}</td>
                    <td class="num">{fmt_amount(entry.debit_lc, d, lang)}</td>
                    <td class="num">{fmt_amount(entry.credit_lc, d, lang)}</td>
                    {has_fc.then(|| view! { <td></td> })}
                    <td></td>
                </tr></tfoot>
            </table>
        </div>
        <crate::ui::components::OriginalDocument entry=entry.id />
        {can_reverse.then(|| view! { <ReverseForm id=entry.id /> })}
        <nav class="pager no-print">
            {nav(entry.prev, T::Prev)}
            {nav(entry.next, T::NextEntry)}
        </nav>
    }
}

#[component]
fn ReverseForm(id: EntryId) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let date = RwSignal::new(None::<NaiveDate>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<(EntryId, String)>);
    // Warnings waiting for the user's answer.
    let asking = RwSignal::new(None::<Vec<EntryWarning>>);
    // Goes ahead only when every warning is among those the user confirmed.
    let reverse = Action::new_local(move |confirmed: &Option<Vec<EntryWarning>>| {
        let confirmed = confirmed.clone();
        async move {
            error.set(None);
            let date = date.get_untracked();
            let warnings = untrack(|| app.with_book(|b| reversal_warnings(b.context(), id, date)))
                .unwrap_or_default();
            let agreed = confirmed.is_some_and(|ok| warnings.iter().all(|w| ok.contains(w)));
            if !warnings.is_empty() && !agreed {
                asking.set(Some(warnings));
                return;
            }
            asking.set(None);
            let cmd = Command::Posting(PostingCommand::ReverseEntry {
                entry: id,
                date,
                user: user(),
            });
            let rights = Rights {
                post_into_closing: warnings.iter().any(EntryWarning::needs_closing_right),
                // No role gives the right to exceed a commitment limit yet:
                // over it, the entry is refused.
                exceed_commitment_limit: false,
            };
            match app.execute_with(rights, cmd).await {
                Ok(events) => {
                    let new_id = events.iter().find_map(|e| match e {
                        Event::EntryPosted { entry } => Some(entry.id),
                        _ => None,
                    });
                    if let Some(new_id) = new_id {
                        let label = app
                            .with_book(|b| label_of(b, new_id))
                            .unwrap_or_else(|| new_id.0.to_string());
                        done.set(Some((new_id, label)));
                    }
                }
                Err(e) => error.set(Some(session_error(&e, i18n.lang_untracked()))),
            }
        }
    });
    view! {
        <fieldset class="reverse-form no-print" data-testid="reverse-form">
            <legend>{move || i18n.t(T::ReverseTitle)}</legend>
            <p class="muted">{move || i18n.t(T::ReverseHint)}</p>
            <div class="toolbar">
                <DateField label=T::ReversalDate value=date testid="reverse-date" />
                <button class="button primary" data-testid="reverse"
                    disabled=move || reverse.pending().get() || right.denied()
                    on:click=move |_| { reverse.dispatch(None); } title=move || right.why()>{move || i18n.t(T::Reverse)}</button>
            </div>
            {move || asking.get().map(|warnings| { let confirmed = warnings.clone(); view! {
                <div class="confirm-box" role="alertdialog" data-testid="confirm-reverse"
                    aria-label=move || i18n.t(T::ConfirmReverse)>
                    <ul>{warnings.iter().map(|w| view! { <li class="warning">{entry_warning(w, i18n.lang())}</li> }).collect_view()}</ul>
                    <button type="button" class="button primary" data-testid="reverse-anyway"
                        on:click=move |_| { reverse.dispatch(Some(confirmed.clone())); }>{move || i18n.t(T::ReverseAnyway)}</button>
                    <button type="button" class="button" on:click=move |_| asking.set(None)>{move || i18n.t(T::Cancel)}</button>
                </div>
            }})}
            {move || error.get().map(|e| view! { <div class="error-box" role="alert" data-testid="error">{e}</div> })}
            {move || done.get().map(|(id, label)| view! {
                <div class="success-box" data-testid="reversed">{i18n.t(T::Reversed)}" "<A href=entry_href(id)>{label}</A></div>
            })}
        </fieldset>
    }
}
