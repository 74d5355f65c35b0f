//! Mahnlauf (dunning run) at `/banking/dunning`: a run date and the
//! customers (all, or numbers typed), "Vorschlag" shows the engine's
//! proposal (`Dunning::propose`, pure) per customer with every item's days
//! overdue, previous → new level, interest, fee and flat fee, and the
//! skipped ones with their reason in words. Unticked items and customers
//! stay out; "Mahnlauf ausführen" executes the rest as one command
//! (optionally posting the charges). Executed runs link to their letters.

mod proposal;
mod texts;

use std::collections::HashSet;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::components::use_change_right;
use crate::ui::components::{now, user};

use crate::ledger::Command;
use crate::ledger::dunning::{
    DunningCommand, DunningParams, DunningProposal, DunningRunDraft, LetterChoice,
};
use crate::ledger::open_items::ItemId;
use crate::ledger::types::{PartnerCode, PostingKey};
use crate::ui::components::{
    DateField, ErrorBox, NoCompany, fmt_amount, fmt_date, fresh_posting_key, today,
};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

use proposal::ProposalView;
use texts::T;

/// What the user ticked off: whole customers and single items.
#[derive(Clone, Copy)]
pub struct Exclusions {
    pub customers: RwSignal<HashSet<PartnerCode>>,
    pub items: RwSignal<HashSet<ItemId>>,
}

impl Exclusions {
    fn clear(&self) {
        self.customers.set(HashSet::new());
        self.items.set(HashSet::new());
    }

    /// One choice per customer kept, with the items kept (a term that
    /// writes a letter per item still gives one choice per customer).
    fn choices(&self, proposal: &DunningProposal) -> Vec<LetterChoice> {
        let (customers, items) = (self.customers.get_untracked(), self.items.get_untracked());
        let mut choices: Vec<LetterChoice> = Vec::new();
        for letter in proposal
            .letters
            .iter()
            .filter(|l| !customers.contains(&l.partner))
        {
            let kept = letter
                .items
                .iter()
                .map(|i| i.item)
                .filter(|i| !items.contains(i));
            match choices.iter_mut().find(|c| c.partner == letter.partner) {
                Some(choice) => choice.items.extend(kept),
                None => choices.push(LetterChoice {
                    partner: letter.partner,
                    items: kept.collect(),
                }),
            }
        }
        choices.retain(|c| !c.items.is_empty());
        choices
    }
}

/// Customer numbers as typed, or the sentence about the first bad one.
fn customers(text: &str, lang: Lang) -> Result<Vec<PartnerCode>, String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| PartnerCode::parse(s).map_err(|_| format!("„{s}“ {}", T::BadCustomer.text(lang))))
        .collect()
}

#[component]
pub fn DunningRunPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page dunning-run-page" data-page="dunning-run">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            <p class="no-print"><a href="/banking/dunning/terms" data-testid="to-terms">{move || i18n.t(T::Terms)}</a></p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

#[component]
fn Body() -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let date = RwSignal::new(Some(today()));
    let typed = RwSignal::new(String::new());
    let proposal = RwSignal::new(None::<DunningProposal>);
    let proposed_on = RwSignal::new(None::<NaiveDate>);
    let exclusions = Exclusions {
        customers: RwSignal::new(HashSet::new()),
        items: RwSignal::new(HashSet::new()),
    };
    let post_charges = RwSignal::new(true);
    let key = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<u32>);
    let propose = move || {
        let lang = i18n.lang_untracked();
        error.set(None);
        done.set(None);
        let Some(d) = date.get_untracked() else {
            return error.set(Some(T::NoDate.text(lang).into()));
        };
        let picked = match customers(&typed.get_untracked(), lang) {
            Ok(c) => c,
            Err(m) => return error.set(Some(m)),
        };
        let params = DunningParams {
            date: d,
            customers: picked,
        };
        exclusions.clear();
        key.set(fresh_posting_key());
        proposed_on.set(Some(d));
        proposal.set(app.with_book(|b| b.dunning().propose(b.context(), &params)));
    };
    let execute = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        error.set(None);
        let (Some(p), Some(d), Some(at)) =
            (proposal.get_untracked(), proposed_on.get_untracked(), now())
        else {
            return;
        };
        let draft = DunningRunDraft {
            date: d,
            letters: exclusions.choices(&p),
            post_charges: post_charges.get_untracked(),
            user: user(),
            key: PostingKey::from_hex(&key.get_untracked()).unwrap_or(PostingKey(0)),
        };
        let cmd = Command::Dunning(DunningCommand::Execute {
            draft: Box::new(draft),
            at,
        });
        match app.execute(cmd).await {
            Ok(_) => {
                proposal.set(None);
                done.set(
                    app.with_book(|b| b.dunning().runs().last().map(|r| r.number))
                        .flatten(),
                );
            }
            Err(e) => error.set(Some(session_error(&e, lang))),
        }
    });
    let pending = execute.pending();
    view! {
        <form class="form dunning-params no-print" data-testid="dunning-params"
            on:submit=move |ev| { ev.prevent_default(); propose(); }>
            <div class="field-row">
                <DateField label=T::Date value=date testid="run-date" />
                <label class="field">
                    <span>{move || i18n.t(T::Customers)}</span>
                    <input data-testid="run-customers" autocomplete="off" placeholder=move || i18n.t(T::CustomersHint)
                        prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev)) />
                </label>
            </div>
            <div class="actions">
                <button type="submit" class="button primary" data-testid="propose">{move || i18n.t(T::Propose)}</button>
            </div>
        </form>
        <ErrorBox message=Signal::derive(move || error.get()) />
        <Show when=move || done.get().is_some()>
            <div class="success-box" role="status" data-testid="run-done">
                {move || format!("{} {}", i18n.t(T::Executed), done.get().unwrap_or_default())}
                " "
                <a data-testid="run-letters-link" href=move || format!("/banking/dunning/runs/{}", done.get().unwrap_or_default())>{move || i18n.t(T::ShowLetters)}</a>
            </div>
        </Show>
        {move || proposal.get().map(|p| view! {
            <ProposalView proposal=p exclusions=exclusions />
            <div class="actions dunning-execute">
                <label class="check">
                    <input type="checkbox" data-testid="post-charges" prop:checked=post_charges
                        on:change=move |ev| post_charges.set(event_target_checked(&ev)) />
                    <span>{move || i18n.t(T::PostCharges)}</span>
                </label>
                <button type="button" class="button primary" data-testid="execute" prop:disabled=move || pending.get() || right.denied()
                    on:click=move |_| { execute.dispatch(()); } title=move || right.why()>
                    {move || if pending.get() { i18n.t(T::Executing) } else { i18n.t(T::Execute) }}
                </button>
            </div>
        })}
        <RunList />
    }
}

#[component]
fn RunList() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let runs = Memo::new(move |_| {
        app.with_book(|b| {
            let d = b.settings().lc_decimals();
            b.dunning()
                .runs()
                .iter()
                .rev()
                .map(|r| {
                    let total = r.letters.iter().map(|l| l.letter.total()).sum();
                    let posted = r.letters.iter().any(|l| l.entry.is_some());
                    (r.number, r.date, r.letters.len(), total, posted, d)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let row = move |(number, date, letters, total, posted, d): (
        u32,
        NaiveDate,
        usize,
        rust_decimal::Decimal,
        bool,
        u32,
    )| {
        let lang = i18n.lang();
        view! {
            <tr data-testid=format!("run-{number}")>
                <td class="num"><a href=format!("/banking/dunning/runs/{number}")>{number}</a></td>
                <td>{fmt_date(date, lang)}</td>
                <td class="num">{letters}</td>
                <td class="num">{fmt_amount(total, d, lang)}</td>
                <td>{if posted { T::Yes.text(lang) } else { T::No.text(lang) }}</td>
            </tr>
        }
    };
    view! {
        <h2>{move || i18n.t(T::Runs)}</h2>
        <Show when=move || !runs.get().is_empty()
            fallback=move || view! { <p class="muted">{move || i18n.t(T::NoRuns)}</p> }>
            <div class="table-wrap">
                <table class="data dunning-runs" data-testid="dunning-runs">
                    <thead><tr>
                        <th class="num">{move || i18n.t(T::Number)}</th>
                        <th>{move || i18n.t(T::Date)}</th>
                        <th class="num">{move || i18n.t(T::Letters)}</th>
                        <th class="num">{move || i18n.t(T::Total)}</th>
                        <th>{move || i18n.t(T::Charges)}</th>
                    </tr></thead>
                    <tbody>{move || runs.get().into_iter().map(row).collect_view()}</tbody>
                </table>
            </div>
        </Show>
    }
}
