//! Incoming and outgoing payments (Zahlungseingang / Zahlungsausgang) at
//! `/banking/incoming` and `/banking/outgoing`: one form, the direction
//! its parameter. The header names the partner, dates, reference and
//! currency; the partner's open items are ticked (`items`), the means say
//! how the money moves (`means`), and the preview (`preview`) shows the
//! entry the engine would post, checked exactly as the post will be. The
//! form carries a fresh `PostingKey`, so posting it twice posts once.

mod form;
mod header;
mod items;
mod means;
mod preview;
mod texts;

use gloo::storage::{LocalStorage as Browser, Storage};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;

use self::form::Form;
use self::header::Header;
use self::items::ItemsTable;
use self::means::{FeeLine, GlTable, MeansTable, Pickers};
use self::preview::{PreviewPanel, RIGHTS};
use self::texts::T;
use crate::ledger::payments::{Direction, PaymentsCommand, PaymentsEvent};
use crate::ledger::{Command, Event};
use crate::ui::components::now;
use crate::ui::components::use_change_right;
use crate::ui::components::{NoCompany, default_as_of, entry_href};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::{AppState, use_app};

/// localStorage key of the bank account the last payment went through.
const LAST_BANK_KEY: &str = "kontor.payment.bank";

fn last_bank() -> String {
    Browser::get(LAST_BANK_KEY).unwrap_or_default()
}

#[component]
pub fn IncomingPaymentPage() -> impl IntoView {
    view! { <PaymentPage direction=Direction::Incoming /> }
}

#[component]
pub fn OutgoingPaymentPage() -> impl IntoView {
    view! { <PaymentPage direction=Direction::Outgoing /> }
}

/// What the last post said: the payment number and its entry, or why not.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    Posted { number: u32, href: String },
    Failed(String),
}

#[component]
fn PaymentPage(direction: Direction) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let form = Form::new(direction, last_bank());
    let outcome = RwSignal::new(None::<Outcome>);
    let decimals = Signal::derive(move || {
        app.with_book(|b| {
            let lc = b.settings().lc.as_str().to_string();
            match form.currency_of(&lc) {
                Ok(Some(c)) => c.decimals(),
                _ => b.settings().lc_decimals(),
            }
        })
        .unwrap_or(2)
    });
    effects(app, form, decimals);
    let post = Action::new_local(move |_: &()| post(app, form, outcome, i18n.lang_untracked()));
    let pending = post.pending();
    let keys = move |e: ev::KeyboardEvent| {
        if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
            e.prevent_default();
            if !pending.get_untracked() {
                post.dispatch(());
            }
        }
    };
    let (title, lead, slug) = match direction {
        Direction::Incoming => (T::TitleIncoming, T::LeadIncoming, "incoming"),
        Direction::Outgoing => (T::TitleOutgoing, T::LeadOutgoing, "outgoing"),
    };
    view! {
        <section class="page payment-page" data-page=format!("payment-{slug}") on:keydown=keys>
            <h1>{move || i18n.t(title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead">{move || i18n.t(lead)}</p>
                    <Pickers />
                    <Header form=form />
                    <div class="pay-layout">
                        <div class="pay-main">
                            <Show when=move || form.partner_code().is_some()>
                                <h2>{move || i18n.t(T::Items)}</h2>
                                <ItemsTable form=form decimals=decimals />
                            </Show>
                            <FeeLine form=form />
                            <MeansTable form=form />
                            <Show when=move || form.partner.get().trim().is_empty()>
                                <GlTable form=form />
                            </Show>
                        </div>
                        <PreviewPanel form=form decimals=decimals />
                    </div>
                    <div class="toolbar pay-actions">
                        <button type="button" class="button primary" data-testid="pay-post"
                            disabled=move || pending.get() || right.denied()
                            on:click=move |_| { post.dispatch(()); } title=move || right.why()>{move || i18n.t(T::Post)}</button>
                        <span class="muted small">{move || i18n.t(T::Keys)}</span>
                    </div>
                    <OutcomeBox outcome=outcome />
                }.into_any()
            }}
        </section>
    }
}

/// The form's automatic parts: the default date, the item rows following
/// partner, date and currency, the first means row's amount following
/// what the items need.
fn effects(app: AppState, form: Form, decimals: Signal<u32>) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        if form.posting_date.get().is_none()
            && let Some(d) = app.with_book(default_as_of)
        {
            form.posting_date.set(Some(d));
        }
    });
    // The rows' signals belong to the page, not to this effect: a rerun
    // would dispose of the signals of the rows it reads the ticks from.
    let owner = Owner::current();
    Effect::new(move |_| {
        let lang = i18n.lang_untracked();
        let old = form.items.get_untracked();
        let build = || {
            app.with_book(|b| items::rows(b, &form, lang, &old))
                .unwrap_or_default()
        };
        let rows = match &owner {
            Some(o) => o.with(build),
            None => build(),
        };
        form.items.set(rows);
    });
    Effect::new(move |prev: Option<Lang>| {
        let lang = i18n.lang();
        if let Some(p) = prev.filter(|p| *p != lang) {
            untrack(|| form.relocalize(p, lang, decimals.get()));
        }
        lang
    });
    Effect::new(move |_| {
        let (lang, d) = (i18n.lang(), decimals.get());
        let need = form.need(lang, d);
        let first = form.means.get().first().copied();
        if let Some(row) = first
            && row.auto.get()
        {
            let text = if need.is_zero() {
                String::new()
            } else {
                crate::ui::components::fmt_amount(need, d, lang)
            };
            row.amount.set(text);
        }
    });
}

/// Posts the form's payment; on success clears the form and says which
/// payment and entry it became.
async fn post(app: AppState, form: Form, outcome: RwSignal<Option<Outcome>>, lang: Lang) {
    outcome.set(None);
    let Some(draft) = untrack(|| app.with_book(|b| form.draft(b, lang))) else {
        return;
    };
    let draft = match draft {
        Ok(d) => d,
        Err(e) => {
            outcome.set(Some(Outcome::Failed(e.text(lang))));
            return;
        }
    };
    let Some(at) = now() else {
        return;
    };
    let bank = form
        .means
        .get_untracked()
        .first()
        .map(|m| m.account.get_untracked())
        .unwrap_or_default();
    let cmd = Command::Payments(PaymentsCommand::Post {
        draft: Box::new(draft),
        at,
    });
    match app.execute_with(RIGHTS, cmd).await {
        Ok(events) => {
            let posted = events.iter().find_map(|e| match e {
                Event::Payments(PaymentsEvent::PaymentPosted { payment }) => {
                    Some((payment.number, payment.entry))
                }
                _ => None,
            });
            // Only a convenience for the next payment: without
            // localStorage the field just starts empty.
            let _ = Browser::set(LAST_BANK_KEY, &bank);
            form.clear(bank);
            if let Some((number, entry)) = posted {
                let href = entry_href(entry);
                outcome.set(Some(Outcome::Posted { number, href }));
            }
        }
        Err(e) => outcome.set(Some(Outcome::Failed(session_error(&e, lang)))),
    }
}

#[component]
fn OutcomeBox(outcome: RwSignal<Option<Outcome>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        outcome.get().map(|o| match o {
            Outcome::Posted { number, href } => view! {
                <div class="success-box" role="status" data-testid="pay-posted" data-number=number>
                    {format!("{} {number}", i18n.t(T::Posted))}" · "
                    <A href=href attr:data-testid="pay-entry-link">{i18n.t(T::ToEntry)}</A>
                </div>
            }
            .into_any(),
            Outcome::Failed(text) => view! {
                <div class="error-box" role="alert" data-testid="error">{text}</div>
            }
            .into_any(),
        })
    }
}
