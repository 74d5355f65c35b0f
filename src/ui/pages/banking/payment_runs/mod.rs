//! Zahlungsassistent (payment wizard, SAP Business One's steps) at
//! `/banking/payment-runs` (the list of runs) and
//! `/banking/payment-runs/:number` ("new" for a new run): general data,
//! selection and documents (steps 1–3, `steps`), the recommendation with
//! a tick and an amount per item (step 4, `recommendation`), then save,
//! execute or write a payment order only (steps 5–6, `actions`). The
//! files are written by `forms::payment_run::run_files` before the
//! command and kept with the run; the page offers them for download at
//! once and in the list later. Writes only through `PaymentRunsCommand`.

mod actions;
mod form;
mod list;
mod recommendation;
mod steps;
mod texts;
mod wizard;

use leptos::prelude::*;

use crate::ui::components::{now, user};
use leptos_router::hooks::{use_navigate, use_params_map};
use rust_decimal::Decimal;

use crate::ledger::Book;
use crate::ledger::Command;
use crate::ledger::partners::PartnerKind;
use crate::ledger::payment_runs::{PaymentRun, PaymentRunsCommand, RunFile};
use crate::ledger::types::Side;
use crate::ui::components::{NoCompany, download};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

use list::RunList;
use texts::T;

/// A message for the user: done (`ok`) or why not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub ok: bool,
    pub text: String,
}

impl Notice {
    fn ok(text: String) -> Option<Notice> {
        Some(Notice { ok: true, text })
    }
    fn failed(text: String) -> Option<Notice> {
        Some(Notice { ok: false, text })
    }
}

/// What run `r` pays (or collects) in total: its items' amounts less
/// discount, a credit note (an item on the side the partner's kind does
/// not normally have) subtracted.
pub fn run_total(book: &Book, r: &PaymentRun) -> Decimal {
    r.items
        .iter()
        .map(|i| {
            let pay = i.amount - i.discount;
            let usual = match book.partners().partner(i.partner).map(|p| p.kind) {
                Some(PartnerKind::Customer) => Side::Debit,
                _ => Side::Credit,
            };
            match book.open_items().item(i.item) {
                Some(item) if item.side != usual => -pay,
                _ => pay,
            }
        })
        .sum()
}

/// Hands a kept file to the browser; a refusal becomes the notice.
fn offer_file(file: &RunFile, notice: RwSignal<Option<Notice>>, lang: Lang) {
    if let Err(reason) = download(&file.bytes, &file.name, "application/xml") {
        notice.set(Notice::failed(format!(
            "{} {reason}",
            T::DownloadFailed.text(lang)
        )));
    }
}

#[component]
pub fn PaymentRunsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page payment-runs-page" data-page="payment-runs">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <ListBody /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

#[component]
fn ListBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let runs = Memo::new(move |_| {
        app.with_book(|b| b.payment_runs().runs().to_vec())
            .unwrap_or_default()
    });
    let ask_delete = RwSignal::new(None::<u32>);
    let notice = RwSignal::new(None::<Notice>);
    let delete = Action::new_local(move |number: &u32| {
        let number = *number;
        async move {
            let lang = i18n.lang_untracked();
            let Some(at) = now() else { return };
            let cmd = Command::PaymentRuns(PaymentRunsCommand::Delete {
                number,
                by: user(),
                at,
            });
            ask_delete.set(None);
            notice.set(match app.execute(cmd).await {
                Ok(_) => Notice::ok(format!("{} {number}", T::Deleted.text(lang))),
                Err(e) => Notice::failed(session_error(&e, lang)),
            });
        }
    });
    // Alt+A creates (as in the partner list): Alt+N is the shell's new entry.
    let navigate = StoredValue::new_local(use_navigate());
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if e.alt_key() && !e.ctrl_key() && !e.meta_key() && e.key().eq_ignore_ascii_case("a") {
            e.prevent_default();
            navigate.with_value(|go| go("/banking/payment-runs/new", Default::default()));
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="toolbar">
            <a href="/banking/payment-runs/new" class="button primary"
                data-testid="new-run">{move || i18n.t(T::New)}</a>
        </div>
        <RunList runs=runs ask_delete=ask_delete notice=notice />
        <Show when=move || ask_delete.get().is_some()>
            <div class="confirm-box" role="alertdialog" data-testid="confirm-delete">
                <p>{move || format!("{} ({})", i18n.t(T::ConfirmDelete), ask_delete.get().unwrap_or_default())}</p>
                <button type="button" class="button danger" data-testid="confirm-yes"
                    on:click=move |_| { if let Some(n) = ask_delete.get_untracked() { delete.dispatch(n); } }>
                    {move || i18n.t(T::ConfirmYes)}</button>
                <button type="button" class="button" on:click=move |_| ask_delete.set(None)>{move || i18n.t(T::Cancel)}</button>
            </div>
        </Show>
        <NoticeBox notice=notice />
    }
}

#[component]
fn NoticeBox(notice: RwSignal<Option<Notice>>) -> impl IntoView {
    move || {
        notice.get().map(|n| {
            if n.ok {
                view! { <div class="success-box" role="status" data-testid="notice">{n.text}</div> }
                    .into_any()
            } else {
                view! { <div class="error-box" role="alert" data-testid="error">{n.text}</div> }
                    .into_any()
            }
        })
    }
}

#[component]
pub fn PaymentRunPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    // "new" (or anything not a number) opens an empty wizard.
    let number = Memo::new(move |_| {
        params
            .get()
            .get("number")
            .and_then(|n| n.parse::<u32>().ok())
    });
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    // Executing the run on screen turns the wizard into its read-only view.
    let status = Memo::new(move |_| {
        let n = number.get()?;
        app.with_book(|b| b.payment_runs().run(n).map(|r| r.status.clone()))
            .flatten()
    });
    view! {
        <section class="page payment-run-page" data-page="payment-run">
            <a href="/banking/payment-runs" class="back-link">{move || i18n.t(T::Back)}</a>
            {move || match (open.get(), number.get(), status.get()) {
                (false, _, _) => view! { <NoCompany /> }.into_any(),
                (true, n, _) => view! { <wizard::Wizard number=n /> }.into_any(),
            }}
        </section>
    }
}
