//! Sachkontenfindung: the default account of each determination key, with
//! an account field that searches the postable, active accounts by number
//! or name as you type. A change sends the whole determination with that
//! one key changed (`SetGlDetermination`); the engine checks the account.

use leptos::prelude::*;

use crate::ledger::Command;
use crate::ledger::gl::DeterminationKey;
use crate::ledger::gl::GlCommand;
use crate::ledger::types::AccountNo;
use crate::texts;
use crate::ui::components::ErrorBox;
use crate::ui::components::{AdminFrame, say};
use crate::ui::errors::{determination_name, domain_error, session_error};
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Sachkontenfindung", "G/L account determination";
        Lead => "Standardkonten, auf die Kontor und spätere Module buchen, ohne dass jemand das Konto nennt. Ein Konto muss bebuchbar und aktiv sein.", "Default accounts Kontor and later modules post to without anyone naming the account. An account must be postable and active.";
        Key => "Vorgang", "Purpose";
        Account => "Konto", "Account";
        Change => "Ändern", "Change";
        NotAssigned => "nicht zugeordnet", "not assigned";
        Search => "Nummer oder Name eingeben, Enter übernimmt", "Type a number or name, Enter applies";
        Apply => "Übernehmen", "Apply";
        Saved => "Gespeichert:", "Saved:";
        Cleared => "Zuordnung entfernt:", "Assignment removed:";
        Hint => "Pfeiltasten wählen einen Vorschlag, Enter übernimmt, Esc schließt die Liste. Ein leeres Feld entfernt die Zuordnung.", "Arrow keys pick a suggestion, Enter applies, Esc closes the list. An empty field removes the assignment.";
    }
}

/// Most suggestions shown under an account field.
const MAX_SUGGESTIONS: usize = 8;

/// A postable, active account as the search sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Choice {
    number: AccountNo,
    name: String,
}

/// Accounts matching `query`: number prefix first, then name contains
/// (case-insensitive); at most `MAX_SUGGESTIONS`.
fn suggestions(choices: &[Choice], query: &str) -> Vec<Choice> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let by_number = choices.iter().filter(|c| c.number.as_str().starts_with(&q));
    let by_name = choices
        .iter()
        .filter(|c| !c.number.as_str().starts_with(&q) && c.name.to_lowercase().contains(&q));
    by_number
        .chain(by_name)
        .take(MAX_SUGGESTIONS)
        .cloned()
        .collect()
}

#[component]
pub fn DeterminationPage() -> impl IntoView {
    view! {
        <AdminFrame page="determination" title=T::Title lead=T::Lead>
            <DeterminationBody />
        </AdminFrame>
    }
}

#[component]
fn DeterminationBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let choices = Memo::new(move |_| {
        let german = i18n.is_de();
        app.with_book(|b| {
            b.accounts()
                .filter(|a| a.postable && a.active)
                .map(|a| Choice {
                    number: a.number,
                    name: a.name(german).to_string(),
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <ErrorBox message=Signal::derive(move || error.get()) />
        <Show when=move || notice.get().is_some()>
            <div class="success-box" role="status" data-testid="determination-saved">{move || notice.get()}</div>
        </Show>
        <div class="table-wrap">
            <table class="data determination">
                <thead><tr>
                    <th>{move || i18n.t(T::Key)}</th>
                    <th>{move || i18n.t(T::Account)}</th>
                    <th class="change-col">{move || i18n.t(T::Change)}</th>
                </tr></thead>
                <tbody>
                    {DeterminationKey::ALL.into_iter().map(|key| view! {
                        <KeyRow key=key choices=choices error=error notice=notice />
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p class="muted hint">{move || i18n.t(T::Hint)}</p>
    }
}

fn key_slug(key: DeterminationKey) -> &'static str {
    match key {
        DeterminationKey::Rounding => "rounding",
        DeterminationKey::OpeningBalance => "opening_balance",
        DeterminationKey::RetainedEarnings => "retained_earnings",
        DeterminationKey::FxGain => "fx_gain",
        DeterminationKey::FxLoss => "fx_loss",
        DeterminationKey::VatInput => "vat_input",
        DeterminationKey::VatOutput => "vat_output",
        DeterminationKey::Receivables => "receivables",
        DeterminationKey::Payables => "payables",
        DeterminationKey::BankFees => "bank_fees",
        DeterminationKey::CashDiscount => "cash_discount",
    }
}

#[component]
fn KeyRow(
    key: DeterminationKey,
    choices: Memo<Vec<Choice>>,
    error: RwSignal<Option<String>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let slug = key_slug(key);
    let current = Memo::new(move |_| {
        let german = i18n.is_de();
        app.with_book(|b| {
            b.determination().get(key).map(|n| {
                (
                    n,
                    b.account(n)
                        .map(|a| a.name(german).to_string())
                        .unwrap_or_default(),
                )
            })
        })
        .flatten()
    });
    let text = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let highlight = RwSignal::new(0usize);
    let found = Memo::new(move |_| suggestions(&choices.get(), &text.get()));

    let save = Action::new_local(move |account: &Option<AccountNo>| {
        let account = *account;
        async move {
            let lang = i18n.lang_untracked();
            error.set(None);
            notice.set(None);
            let Some(mut determination) = app.with_book(|b| b.determination().clone()) else {
                return;
            };
            determination.set(key, account);
            match app
                .execute(Command::Gl(GlCommand::SetGlDetermination { determination }))
                .await
            {
                Ok(_) => {
                    text.set(String::new());
                    open.set(false);
                    let what = determination_name(key, lang);
                    notice.set(Some(match account {
                        Some(n) => format!("{} {what} → {n}", say(T::Saved, lang)),
                        None => format!("{} {what}", say(T::Cleared, lang)),
                    }));
                }
                Err(e) => error.set(Some(session_error(&e, lang))),
            }
        }
    });
    // Enter: the highlighted suggestion, else the typed number.
    let apply = move || {
        let lang = i18n.lang_untracked();
        let typed = text.get_untracked();
        let picked = open
            .get_untracked()
            .then(|| {
                found
                    .get_untracked()
                    .get(highlight.get_untracked())
                    .map(|c| c.number)
            })
            .flatten();
        match picked
            .map(|n| Ok(Some(n)))
            .unwrap_or_else(|| typed_account(&typed, lang))
        {
            Ok(account) => {
                save.dispatch(account);
            }
            Err(message) => {
                notice.set(None);
                error.set(Some(message));
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            open.set(true);
            let n = found.get_untracked().len();
            if n > 0 {
                highlight.update(|h| *h = (*h + 1).min(n - 1));
            }
        }
        "ArrowUp" => {
            ev.prevent_default();
            highlight.update(|h| *h = h.saturating_sub(1));
        }
        "Enter" => {
            ev.prevent_default();
            apply();
        }
        "Escape" if open.get_untracked() => {
            ev.prevent_default();
            open.set(false);
        }
        _ => {}
    };
    let list_id = format!("det-list-{slug}");
    let option_id = move |i: usize| format!("det-{slug}-opt-{i}");
    let label = move || {
        format!(
            "{} – {}",
            determination_name(key, i18n.lang()),
            i18n.t(T::Search)
        )
    };
    view! {
        <tr data-key=slug>
            <th scope="row" class="key-name">{move || determination_name(key, i18n.lang())}</th>
            <td class="current-account" data-testid=format!("det-current-{slug}")>
                {move || match current.get() {
                    Some((n, name)) => view! { <span class="account-no">{n.to_string()}</span> " " <span>{name}</span> }.into_any(),
                    None => view! { <span class="muted">{i18n.t(T::NotAssigned)}</span> }.into_any(),
                }}
            </td>
            <td class="change-col">
                <div class="account-search">
                    <input type="text" role="combobox" autocomplete="off" aria-autocomplete="list"
                        id=format!("det-input-{slug}") data-testid=format!("det-input-{slug}")
                        aria-label=label aria-controls=list_id.clone()
                        aria-expanded=move || (open.get() && !found.get().is_empty()).to_string()
                        aria-activedescendant=move || (open.get() && !found.get().is_empty()).then(|| option_id(highlight.get()))
                        placeholder=move || current.get().map(|(n, _)| n.to_string()).unwrap_or_default()
                        prop:value=move || text.get()
                        on:input=move |ev| { text.set(event_target_value(&ev)); highlight.set(0); open.set(true); }
                        on:keydown=on_key
                        on:blur=move |_| open.set(false) />
                    <button type="button" class="button small" disabled=move || save.pending().get()
                        on:click=move |_| apply()>{move || i18n.t(T::Apply)}</button>
                    <Show when=move || open.get() && !found.get().is_empty()>
                        <ul class="suggestions" role="listbox" id=list_id.clone()>
                            {move || found.get().into_iter().enumerate().map(|(i, c)| {
                                let number = c.number;
                                view! {
                                    <li role="option" id=option_id(i) aria-selected=move || (highlight.get() == i).to_string()
                                        class:active=move || highlight.get() == i
                                        // mousedown, not click: it fires before the input's blur closes the list.
                                        on:mousedown=move |ev| { ev.prevent_default(); save.dispatch(Some(number)); }>
                                        <span class="account-no">{number.to_string()}</span>
                                        <span>{c.name.clone()}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </Show>
                </div>
            </td>
        </tr>
    }
}

/// The account number typed (anything after the first space is the name a
/// suggestion showed); empty means "remove the assignment".
fn typed_account(text: &str, lang: Lang) -> Result<Option<AccountNo>, String> {
    let number = text.split_whitespace().next().unwrap_or("");
    if number.is_empty() {
        return Ok(None);
    }
    AccountNo::parse(number)
        .map(Some)
        .map_err(|e| domain_error(&e.into(), lang))
}
