//! Buchungsregeln (posting rules) at `/banking/rules`: the rules in the
//! order they are tried, with conditions and action in words and the mark
//! of a learned rule; keys and buttons move a rule (`MoveRule`) or delete
//! it after a confirmation (`DeleteRule`); a form writes a rule
//! (`SaveRule`) and tests it against the lines imported so far
//! (`matching::rule_hits`). Refusals are shown at their field.

mod form;
mod form_view;
mod list;
mod texts;
mod words;

use leptos::prelude::*;

use crate::ui::components::{now, user};

use crate::ledger::Command;
use crate::ledger::bank::matching::rule_hits;
use crate::ledger::bank::{BankCommand, Rule};
use crate::ui::components::NoCompany;
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

use form::{Form, Refusal, field_of};
use form_view::RuleForm;
use list::{ListActions, RuleList, focus_rule};
use texts::T;

#[component]
pub fn BankRulesPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page bank-rules-page" data-page="bank-rules">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <Body /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

/// "This rule would have matched 14 lines", in `lang`.
fn hits_text(n: usize, lang: Lang) -> String {
    if n == 1 {
        T::WouldMatchOne.text(lang).to_string()
    } else {
        T::WouldMatch.text(lang).replace("{n}", &n.to_string())
    }
}

/// Executes a rule command; the refusal's sentence when refused.
async fn run(app: AppState, cmd: BankCommand, lang: Lang) -> Result<(), String> {
    app.execute(Command::Bank(cmd))
        .await
        .map(|_| ())
        .map_err(|e| session_error(&e, lang))
}

#[component]
fn Body() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rules = Memo::new(move |_| {
        app.with_book(|b| b.bank().rules().to_vec())
            .unwrap_or_default()
    });
    let form = Form::new();
    form.clear();
    let refusal = RwSignal::new(None::<Refusal>);
    let notice = RwSignal::new(None::<String>);
    let hits = RwSignal::new(None::<String>);
    let confirming = RwSignal::new(None::<u32>);
    let reset = move || {
        refusal.set(None);
        notice.set(None);
        hits.set(None);
    };
    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        reset();
        let rule = match form.read(lang) {
            Ok(r) => r,
            Err(r) => return refusal.set(Some(r)),
        };
        let Some(at) = now() else { return };
        let what = if rule.id == 0 { T::Created } else { T::Saved };
        let name = rule.name.clone();
        let cmd = Command::Bank(BankCommand::SaveRule {
            rule: Box::new(rule),
            by: user(),
            at,
        });
        match app.execute(cmd).await {
            Ok(_) => {
                notice.set(Some(format!("{} {name}", what.text(lang))));
                form.clear();
            }
            Err(e) => refusal.set(Some((field_of(&e), session_error(&e, lang)))),
        }
    });
    let test = move || {
        let lang = i18n.lang_untracked();
        reset();
        match form.read(lang) {
            Ok(rule) => hits.set(app.with_book(|b| hits_text(rule_hits(b.bank(), &rule), lang))),
            Err(r) => refusal.set(Some(r)),
        }
    };
    let move_to = move |id: u32, to: u32| {
        let Some(at) = now() else { return };
        leptos::task::spawn_local(async move {
            let lang = i18n.lang_untracked();
            reset();
            match run(
                app,
                BankCommand::MoveRule {
                    id,
                    to,
                    by: user(),
                    at,
                },
                lang,
            )
            .await
            {
                Ok(()) => request_animation_frame(move || focus_rule(id)),
                Err(m) => refusal.set(Some((None, m))),
            }
        });
    };
    let edit = move |r: Rule| {
        reset();
        form.load(&r, i18n.lang_untracked());
        crate::ui::components::focus_by_id("rule-name");
    };
    let delete = move |id: u32| {
        confirming.set(Some(id));
        request_animation_frame(|| crate::ui::components::focus_by_id("rule-confirm-yes"));
    };
    let actions = ListActions {
        edit,
        move_to,
        delete,
    };
    view! {
        <RuleList rules=rules actions=actions />
        <ConfirmDelete confirming=confirming rules=rules refusal=refusal notice=notice editing=form.editing clear=move || form.clear() />
        <RuleForm form=form save=save test=test cancel=move || { reset(); form.clear() } refusal=refusal notice=notice hits=hits />
    }
}

/// "Really delete the rule?" with Yes (focused) and No; Escape says No.
#[component]
fn ConfirmDelete(
    confirming: RwSignal<Option<u32>>,
    rules: Memo<Vec<Rule>>,
    refusal: RwSignal<Option<Refusal>>,
    notice: RwSignal<Option<String>>,
    editing: RwSignal<u32>,
    clear: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = move || {
        let id = confirming.get()?;
        rules.with(|rs| rs.iter().find(|r| r.id == id).map(|r| r.name.clone()))
    };
    let yes = move || {
        let Some(id) = confirming.get_untracked() else {
            return;
        };
        let Some(at) = now() else { return };
        let gone = name();
        confirming.set(None);
        leptos::task::spawn_local(async move {
            let lang = i18n.lang_untracked();
            match run(app, BankCommand::DeleteRule { id, by: user(), at }, lang).await {
                Ok(()) => {
                    if editing.get_untracked() == id {
                        clear();
                    }
                    notice.set(Some(format!(
                        "{} {}",
                        T::Deleted.text(lang),
                        gone.unwrap_or_default()
                    )));
                }
                Err(m) => refusal.set(Some((None, m))),
            }
        });
    };
    let no = move || {
        let id = confirming.get_untracked();
        confirming.set(None);
        if let Some(id) = id {
            request_animation_frame(move || focus_rule(id));
        }
    };
    view! {
        <Show when=move || confirming.get().is_some()>
            <div class="confirm-box" role="alertdialog" data-testid="rule-confirm"
                on:keydown=move |ev| if ev.key() == "Escape" { no() }>
                <p>{move || i18n.t(T::ConfirmDelete)} " " <strong>{name}</strong></p>
                <button type="button" id="rule-confirm-yes" class="button danger" data-testid="rule-confirm-yes" on:click=move |_| yes()>{move || i18n.t(T::Yes)}</button>
                " "
                <button type="button" class="button" data-testid="rule-confirm-no" on:click=move |_| no()>{move || i18n.t(T::No)}</button>
            </div>
        </Show>
    }
}
