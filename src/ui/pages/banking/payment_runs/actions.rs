//! Steps 5 and 6: save the run (its items are reserved), execute it
//! (payments posted through the transit account, the SEPA file written)
//! or write the payment order only. The files are written by
//! `forms::payment_run::run_files` from the saved run before the command
//! and offered for download once it is appended. Every refusal is kept
//! by the item or partner it is about, for the recommendation's rows.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::form::Form;
use super::texts::T;
use super::{Notice, now, offer_file, user};
use crate::forms::payment_run::{RunFileError, run_files};
use crate::ledger::open_items::ItemId;
use crate::ledger::payment_runs::{
    PaymentRunsCommand, PaymentRunsError as E, PaymentRunsEvent, RunItem,
};
use crate::ledger::types::{PartnerCode, PostingKey};
use crate::ledger::{Command, DomainError, Event};
use crate::session::SessionError;
use crate::ui::components::fresh_posting_key;
use crate::ui::components::use_change_right;
use crate::ui::errors::{payment_runs_error, run_file_error, session_error};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

/// The refusals of the last save or execute, by what they are about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    pub items: Vec<(ItemId, String)>,
    pub partners: Vec<(PartnerCode, String)>,
}

impl Problems {
    /// The refusal shown at the row of `item` of `partner`.
    pub fn about(&self, item: ItemId, partner: PartnerCode) -> Option<String> {
        let of_item = self.items.iter().find(|(i, _)| *i == item);
        let of_partner = || self.partners.iter().find(|(p, _)| *p == partner);
        of_item
            .map(|(_, m)| m.clone())
            .or_else(|| of_partner().map(|(_, m)| m.clone()))
    }

    fn of_session(e: &SessionError, lang: Lang) -> Problems {
        let mut p = Problems::default();
        let SessionError::Domain(DomainError::PaymentRuns(e)) = e else {
            return p;
        };
        let text = payment_runs_error(e, lang);
        match e {
            E::ItemNotOpen { item }
            | E::WrongPartner { item, .. }
            | E::DuplicateItem { item }
            | E::AmountTooHigh { item, .. }
            | E::BadDiscount { item, .. }
            | E::ItemReserved { item, .. }
            | E::AmountNotPositive { item }
            | E::OtherCurrency { item } => p.items.push((*item, text)),
            E::PartnerBlocked { partner }
            | E::NoIban { partner }
            | E::NoMandate { partner }
            | E::PartnerNetNotPositive { partner, .. }
            | E::WrongDirection { partner }
            | E::Payment { partner, .. } => p.partners.push((*partner, text)),
            _ => {}
        }
        p
    }

    fn of_files(errors: &[RunFileError], lang: Lang) -> Problems {
        let mut p = Problems::default();
        for e in errors {
            if let RunFileError::Sepa {
                partner: Some(partner),
                ..
            } = e
            {
                p.partners.push((*partner, run_file_error(e, lang)));
            }
        }
        p
    }
}

/// Saves the form's run; its number, or `None` after showing why not.
async fn save_run(
    app: AppState,
    form: Form,
    saved: StoredValue<Option<Vec<RunItem>>>,
    problems: RwSignal<Problems>,
    notice: RwSignal<Option<Notice>>,
    lang: Lang,
) -> Option<u32> {
    problems.set(Problems::default());
    notice.set(None);
    let draft = match untrack(|| form.draft(lang)) {
        Ok(d) => d,
        Err(e) => {
            notice.set(Notice::failed(e.text(lang)));
            return None;
        }
    };
    let items = draft.items.clone();
    let cmd = Command::PaymentRuns(PaymentRunsCommand::Save {
        run: Box::new(draft),
        by: user(),
        at: now()?,
    });
    match app.execute(cmd).await {
        Ok(events) => {
            let number = events.iter().find_map(|e| match e {
                Event::PaymentRuns(PaymentRunsEvent::RunSaved { run }) => Some(run.number),
                _ => None,
            })?;
            form.editing.set(Some(number));
            saved.set_value(Some(items));
            notice.set(Notice::ok(format!("{} {number}", T::SavedAs.text(lang))));
            Some(number)
        }
        Err(e) => {
            problems.set(Problems::of_session(&e, lang));
            notice.set(Notice::failed(session_error(&e, lang)));
            None
        }
    }
}

/// Step 5 (Ctrl+Enter).
pub async fn save(
    app: AppState,
    form: Form,
    saved: StoredValue<Option<Vec<RunItem>>>,
    problems: RwSignal<Problems>,
    notice: RwSignal<Option<Notice>>,
    lang: Lang,
) {
    // The outcome is on screen already (notice and rows).
    save_run(app, form, saved, problems, notice, lang).await;
}

/// The saved run's number when the Book holds it as the form reads;
/// `None` when it must be saved (again) first.
fn unchanged(app: AppState, form: Form, lang: Lang) -> Option<u32> {
    let number = form.editing.get_untracked()?;
    let draft = untrack(|| form.draft(lang)).ok()?;
    app.with_book(|b| {
        b.payment_runs()
            .run(number)
            .filter(|r| r.params == draft.params && r.items == draft.items)
            .map(|r| r.number)
    })
    .flatten()
}

/// Step 6: saves what changed, writes the files, executes (or only
/// orders) the run and offers its files for download.
pub async fn execute(
    app: AppState,
    form: Form,
    saved: StoredValue<Option<Vec<RunItem>>>,
    problems: RwSignal<Problems>,
    notice: RwSignal<Option<Notice>>,
    order_only: bool,
    lang: Lang,
) -> Option<u32> {
    let number = match unchanged(app, form, lang) {
        Some(n) => n,
        None => save_run(app, form, saved, problems, notice, lang).await?,
    };
    let at = now()?;
    let files = match app.with_book(|b| run_files(b, number, at.as_naive()))? {
        Ok(files) => files,
        Err(errors) => {
            file_problems(&errors, problems, notice, lang);
            return None;
        }
    };
    let key = PostingKey::from_hex(&fresh_posting_key()).unwrap_or(PostingKey(0));
    let cmd = Command::PaymentRuns(PaymentRunsCommand::Execute {
        number,
        order_only,
        files: files.clone(),
        key,
        by: user(),
        at,
    });
    match app.execute(cmd).await {
        Ok(_) => {
            for f in &files {
                offer_file(f, notice, lang);
            }
            Some(number)
        }
        Err(e) => {
            problems.set(Problems::of_session(&e, lang));
            notice.set(Notice::failed(session_error(&e, lang)));
            None
        }
    }
}

fn file_problems(
    errors: &[RunFileError],
    problems: RwSignal<Problems>,
    notice: RwSignal<Option<Notice>>,
    lang: Lang,
) {
    problems.set(Problems::of_files(errors, lang));
    let lines: Vec<String> = errors.iter().map(|e| run_file_error(e, lang)).collect();
    notice.set(Notice::failed(format!(
        "{} {}",
        T::FileProblems.text(lang),
        lines.join(" · ")
    )));
}

#[component]
pub fn ActionBar(
    form: Form,
    save: Action<(), ()>,
    saved: StoredValue<Option<Vec<RunItem>>>,
    problems: RwSignal<Problems>,
    notice: RwSignal<Option<Notice>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = StoredValue::new_local(use_navigate());
    let run = Action::new_local(move |order_only: &bool| {
        let order_only = *order_only;
        async move {
            let lang = i18n.lang_untracked();
            if let Some(n) = execute(app, form, saved, problems, notice, order_only, lang).await {
                // The run's own page shows it executed, with its files.
                let to = format!("/banking/payment-runs/{n}");
                navigate.with_value(|go| go(&to, Default::default()));
            }
        }
    });
    let busy = move || save.pending().get() || run.pending().get();
    let right = use_change_right();
    view! {
        <section class="run-step run-actions" data-testid="step-actions">
            <h2>{move || format!("{} · {}", i18n.t(T::StepSave), i18n.t(T::StepExecute))}</h2>
            <div class="toolbar">
                <button type="button" class="button primary" data-testid="run-save"
                    prop:disabled=move || busy() || right.denied() title=move || right.why() on:click=move |_| { save.dispatch(()); }>
                    {move || if save.pending().get() { i18n.t(T::Saving) } else { i18n.t(T::Save) }}</button>
                <button type="button" class="button" data-testid="run-execute"
                    prop:disabled=busy on:click=move |_| { run.dispatch(false); }>{move || i18n.t(T::Execute)}</button>
                <button type="button" class="button" data-testid="run-order"
                    prop:disabled=busy on:click=move |_| { run.dispatch(true); }>{move || i18n.t(T::OrderOnly)}</button>
                <Show when=move || run.pending().get()>
                    <span class="busy" role="status" data-testid="run-busy">{move || i18n.t(T::Executing)}</span>
                </Show>
            </div>
            <p class="muted small">{move || i18n.t(T::ExecuteHint)}</p>
            <p class="muted small">{move || i18n.t(T::WizardKeys)}</p>
        </section>
    }
}
