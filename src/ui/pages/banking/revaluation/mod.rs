//! Fremdwährungsbewertung at `/banking/revaluation`: a date (default: the
//! end of the last closed period, else of the current one), the reversal
//! on the next day (ticked by default), the engine's preview of every open
//! FC item and FC account balance with the difference and whether it is
//! posted (§ 256a HGB), totals, and "Buchen", which sends
//! `PaymentsCommand::Revalue` and links the entries it posted. The rows
//! and their formatting live in `table`.

mod table;

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ledger::payments::PaymentsCommand;
use crate::ledger::payments::revaluation::{RevaluationDraft, preview};
use crate::ledger::types::{EntryId, PeriodStatus, PostingKey};
use crate::ledger::{Book, Command, Event};
use crate::texts;
use crate::ui::components::use_change_right;
use crate::ui::components::{
    DateField, NoCompany, default_as_of, entry_href, entry_label, fresh_posting_key,
};
use crate::ui::errors::{domain_error, session_error};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};
use table::{PreviewTables, PreviewView};

texts! {
    pub enum T {
        Title => "Fremdwährungsbewertung", "Foreign-currency revaluation";
        Lead => "Bewertet alle offenen Fremdwährungsposten und Fremdwährungskonten zum Kurs des Stichtags. Verluste werden immer gebucht, unrealisierte Gewinne nach § 256a HGB nur bei einer Restlaufzeit bis zu einem Jahr (Einstellung). Posten-Differenzen gehen auf das Wertberichtigungskonto, nicht auf die Sammelkonten.", "Revalues every open foreign-currency item and foreign-currency account at the date's rate. Losses are always posted; unrealised gains, under § 256a HGB, only for a remaining term of up to one year (setting). Item differences go to the FX adjustment account, not to the control accounts.";
        Date => "Stichtag", "Revaluation date";
        Reverse => "am Folgetag auflösen (Storno)", "reverse on the next day";
        ReverseOn => "Auflösung am", "Reverse on";
        Post => "Buchen", "Post";
        PostedAs => "Gebucht:", "Posted:";
        Reversal => "Auflösung", "reversal";
        NoKey => "Der Browser liefert keine Zufallszahl für den Buchungsschlüssel; es wurde nichts gebucht.", "The browser gave no random number for the posting key; nothing was posted.";
    }
}

/// The entries posted (id, label, whether it is the reversal), or why not.
type Outcome = Result<Vec<(EntryId, String, bool)>, String>;

/// The page's inputs.
#[derive(Clone, Copy)]
struct Form {
    date: RwSignal<Option<NaiveDate>>,
    reverse: RwSignal<bool>,
    reverse_on: RwSignal<Option<NaiveDate>>,
    key: RwSignal<String>,
}

/// The end of the last period that is closing or locked, else of the
/// period containing the day reports open on.
fn default_date(book: &Book) -> NaiveDate {
    let calendar = book.calendar();
    let closed = calendar
        .periods()
        .filter(|p| p.status != PeriodStatus::Unlocked)
        .filter(|p| p.status != PeriodStatus::UnlockedExceptSales)
        .map(|p| p.end)
        .max();
    let day = default_as_of(book);
    closed.unwrap_or_else(|| {
        calendar
            .index_of_date(day)
            .and_then(|i| calendar.period(i))
            .map_or(day, |p| p.end)
    })
}

#[component]
pub fn RevaluationPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    view! {
        <section class="page revaluation-page" data-page="revaluation">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! { <RevaluationBody /> }.into_any()
            }}
        </section>
    }
}

#[component]
fn RevaluationBody() -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let form = Form {
        date: RwSignal::new(app.with_book(default_date)),
        reverse: RwSignal::new(true),
        reverse_on: RwSignal::new(None),
        key: RwSignal::new(fresh_posting_key()),
    };
    // The reversal follows the date: the next day.
    Effect::new(move |_| {
        form.reverse_on.set(
            form.date
                .get()
                .and_then(|d| d.checked_add_days(Days::new(1))),
        );
    });
    let shown = Memo::new(move |_| {
        let lang = i18n.lang();
        let date = form.date.get()?;
        app.with_book(|b| {
            preview(b.context(), b.payments().settings(), date)
                .map(|p| PreviewView::new(b, &p, lang))
                .map_err(|e| domain_error(&e.into(), lang))
        })
    });
    let result = RwSignal::new(None::<Outcome>);
    let post = Action::new_local(move |_: &()| post(app, form, result, i18n.lang_untracked()));
    view! {
        <p class="lead">{move || i18n.t(T::Lead)}</p>
        <div class="toolbar">
            <DateField label=T::Date value=form.date testid="rv-date" />
            <label class="check">
                <input type="checkbox" data-testid="rv-reverse" prop:checked=move || form.reverse.get()
                    on:change=move |ev| form.reverse.set(event_target_checked(&ev)) />
                <span>{move || i18n.t(T::Reverse)}</span>
            </label>
            <Show when=move || form.reverse.get()>
                <DateField label=T::ReverseOn value=form.reverse_on testid="rv-reverse-on" />
            </Show>
        </div>
        {move || shown.get().map(|r| match r {
            Ok(v) => view! { <PreviewTables view=v /> }.into_any(),
            Err(message) => view! { <div class="error-box" role="alert" data-testid="error">{message}</div> }.into_any(),
        })}
        <div class="toolbar">
            <button class="button primary" data-testid="rv-post"
                disabled=move || post.pending().get() || !shown.get().is_some_and(|r| r.is_ok_and(|v| v.has_postings)) || right.denied()
                on:click=move |_| { post.dispatch(()); } title=move || right.why()>{move || i18n.t(T::Post)}</button>
        </div>
        {move || result.get().map(|r| view! { <OutcomeBox result=r /> })}
    }
}

#[component]
fn OutcomeBox(result: Outcome) -> impl IntoView {
    let i18n = use_i18n();
    match result {
        Err(message) => {
            view! { <div class="error-box" role="alert" data-testid="error">{message}</div> }
                .into_any()
        }
        Ok(entries) => view! {
            <div class="success-box" role="status" data-testid="rv-posted">
                {move || i18n.t(T::PostedAs)}
                {entries.clone().into_iter().map(|(id, label, reversal)| view! {
                    " "
                    <A href=entry_href(id) attr:data-testid="rv-entry-link">{label}</A>
                    {reversal.then(|| view! { " (" {move || i18n.t(T::Reversal)} ")" })}
                }).collect_view()}
            </div>
        }
        .into_any(),
    }
}

/// Sends the revaluation; on success a fresh key, so the next one is new.
async fn post(app: AppState, form: Form, result: RwSignal<Option<Outcome>>, lang: Lang) {
    result.set(None);
    let Some(date) = form.date.get_untracked() else {
        return;
    };
    let Some(key) = PostingKey::from_hex(&form.key.get_untracked()) else {
        result.set(Some(Err(T::NoKey.text(lang).to_string())));
        return;
    };
    let draft = RevaluationDraft {
        date,
        reverse_on: form
            .reverse
            .get_untracked()
            .then(|| form.reverse_on.get_untracked())
            .flatten(),
        user: "kontor".into(),
        key,
    };
    let cmd = Command::Payments(PaymentsCommand::Revalue { draft });
    match app.execute(cmd).await {
        Ok(events) => {
            let entries = events
                .iter()
                .filter_map(|e| match e {
                    Event::EntryPosted { entry } => Some((
                        entry.id,
                        entry_label(entry.fiscal_year, entry.number),
                        entry.reverses.is_some(),
                    )),
                    _ => None,
                })
                .collect();
            form.key.set(fresh_posting_key());
            result.set(Some(Ok(entries)));
        }
        Err(e) => result.set(Some(Err(session_error(&e, lang)))),
    }
}
