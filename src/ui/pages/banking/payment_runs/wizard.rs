//! One run in the wizard: a new or saved run is edited in steps 1 to 6;
//! an executed or ordered run is shown read-only with its payments and
//! files. The recommendation is recomputed from the Book whenever a field
//! of steps 1 to 3 changes; the rows keep what the user ticked and typed.

use leptos::ev;
use leptos::prelude::*;

use super::actions::{ActionBar, Problems, save};
use super::form::{Form, rows};
use super::recommendation::Recommendation;
use super::steps::Steps;
use super::texts::T;
use super::{Notice, NoticeBox, offer_file, run_total};
use crate::ledger::payment_runs::{PaymentRun, RunItem, RunStatus};
use crate::ui::components::{default_as_of, fmt_amount, fmt_date};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

#[component]
pub fn Wizard(number: Option<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let run = number.and_then(|n| {
        app.with_book(|b| b.payment_runs().run(n).cloned())
            .flatten()
    });
    match (number, run) {
        (Some(_), None) => view! {
            <h1>{move || i18n.t(T::RunTitle)}</h1>
            <p class="notice" data-testid="run-unknown">{move || i18n.t(T::Unknown)}</p>
        }
        .into_any(),
        (_, Some(run)) if run.status != RunStatus::Saved => view! { <Done run=run /> }.into_any(),
        (_, run) => view! { <Edit run=run /> }.into_any(),
    }
}

/// Steps 1–6 for a new run (`None`) or a saved one.
#[component]
fn Edit(run: Option<PaymentRun>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let form = Form::new();
    let saved = StoredValue::new(run.as_ref().map(|r| r.items.clone()));
    match &run {
        Some(r) => form.load(r, i18n.lang_untracked()),
        None => defaults(app, form),
    }
    let creditor = app.with_book(|b| b.payment_runs().creditor_id().to_string());
    form.creditor_id.set(creditor.unwrap_or_default());
    follow_proposal(app, form, saved);
    Effect::new(move |prev: Option<Lang>| {
        let lang = i18n.lang();
        if let Some(p) = prev.filter(|p| *p != lang) {
            untrack(|| form.relocalize(p, lang));
        }
        lang
    });
    let problems = RwSignal::new(Problems::default());
    let notice = RwSignal::new(None::<Notice>);
    let save_action = Action::new_local(move |_: &()| {
        save(app, form, saved, problems, notice, i18n.lang_untracked())
    });
    let keys = move |e: ev::KeyboardEvent| {
        if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
            e.prevent_default();
            if !save_action.pending().get_untracked() {
                save_action.dispatch(());
            }
        }
    };
    view! {
        <div class="run-wizard" on:keydown=keys>
            <h1 data-testid="run-title">{move || match form.editing.get() {
                Some(n) => format!("{} {n}", i18n.t(T::RunTitle)),
                None => i18n.t(T::NewTitle).to_string(),
            }}</h1>
            <Steps form=form notice=notice />
            <Recommendation form=form problems=problems />
            <ActionBar form=form save=save_action saved=saved problems=problems notice=notice />
            <NoticeBox notice=notice />
        </div>
    }
}

/// A new run starts as of the company's current date: paid today, the
/// next run a week later, everything due until then.
fn defaults(app: AppState, form: Form) {
    let Some((date, bank)) = app.with_book(|b| {
        let bank = b
            .bank()
            .house_banks()
            .iter()
            .find(|h| h.suspense_account.is_some())
            .or(b.bank().house_banks().first())
            .map(|h| h.code.clone());
        (default_as_of(b), bank)
    }) else {
        return;
    };
    let next = date + chrono::Days::new(7);
    form.run_date.set(Some(date));
    form.next_run_date.set(Some(next));
    form.due_until.set(Some(next));
    form.house_bank.set(bank.unwrap_or_default());
}

/// Rebuilds the rows whenever the proposal changes. The rows' signals
/// belong to the page, not to the effect: a rerun would dispose of the
/// signals it reads the ticks from.
fn follow_proposal(app: AppState, form: Form, saved: StoredValue<Option<Vec<RunItem>>>) {
    let i18n = use_i18n();
    let proposal = Memo::new(move |_| {
        let params = form.params(i18n.lang()).ok()?;
        let editing = form.editing.get();
        app.with_book(|b| {
            b.payment_runs()
                .propose(b.context(), b.bank(), &params, editing)
        })
    });
    let owner = Owner::current();
    Effect::new(move |_| {
        let Some(p) = proposal.get() else {
            form.rows.set(Vec::new());
            return;
        };
        let lang = i18n.lang_untracked();
        let old = form.rows.get_untracked();
        let build = || saved.with_value(|s| rows(&p.rows, &old, s.as_deref(), lang));
        let new = match &owner {
            Some(o) => o.with(build),
            None => build(),
        };
        form.rows.set(new);
        form.excluded.set(p.excluded.clone());
    });
}

/// An executed or ordered run: what it paid, its payments and files.
#[component]
fn Done(run: PaymentRun) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let notice = RwSignal::new(None::<Notice>);
    let total = app.with_book(|b| run_total(b, &run)).unwrap_or_default();
    let payments = match &run.status {
        RunStatus::Executed { payments } => payments
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    };
    let status = if payments.is_empty() {
        T::Ordered
    } else {
        T::Executed
    };
    let files = run
        .files
        .iter()
        .cloned()
        .map(|f| {
            let name = f.name.clone();
            view! { <button type="button" class="button" data-testid="run-file" data-name=name.clone()
                on:click=move |_| offer_file(&f, notice, i18n.lang_untracked())>{format!("↓ {name}")}</button> }
        })
        .collect_view();
    // The facts follow a language switch (they read the language inside).
    let (number, name, house_bank) = (
        run.number,
        run.params.name.clone(),
        run.params.house_bank.clone(),
    );
    let (run_date, items) = (run.params.run_date, run.items.len());
    let facts = move || {
        let lang = i18n.lang();
        view! {
            <h1 data-testid="run-title">{format!("{} {number} · {name}", T::RunTitle.text(lang))}</h1>
            <p class="notice">{T::ReadOnly.text(lang)}</p>
            <dl class="run-facts">
                <dt>{T::Status.text(lang)}</dt><dd data-testid="run-status">{status.text(lang)}</dd>
                <dt>{T::RunDate.text(lang)}</dt><dd>{fmt_date(run_date, lang)}</dd>
                <dt>{T::HouseBank.text(lang)}</dt><dd>{house_bank.clone()}</dd>
                <dt>{T::Total.text(lang)}</dt><dd class="num" data-testid="run-total">{fmt_amount(total, 2, lang)}</dd>
                <dt>{T::Items.text(lang)}</dt><dd>{items}</dd>
                <dt>{T::Payments.text(lang)}</dt><dd data-testid="run-payments">{payments.clone()}</dd>
            </dl>
        }
    };
    view! {
        {facts}
        <div class="toolbar run-files">{files}</div>
        <NoticeBox notice=notice />
    }
}
