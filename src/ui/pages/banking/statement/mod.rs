//! One bank statement (Kontoauszug) at `/banking/statements/:number`: its
//! header (house bank, ids, dates, the original file to download), the
//! balance check (`check`), and its lines with the matcher's proposals
//! (`lines`). Keyboard first: ↑/↓ through the lines, Enter accepts the top
//! proposal, 1–9 another, `M` opens the manual posting (`manual`), `P`
//! parks the line on the suspense account, Delete discards the pick, and
//! Ctrl+Enter (the payment pages' posting key) or "Buchen" posts every
//! picked line in one `BankCommand::PostLines` (`post`). A pick that
//! corrected the top proposal offers "Immer so buchen", a learned rule.
//! An intraday statement (camt.052) is shown, never posted.

mod check;
mod lines;
mod manual;
mod model;
mod post;
mod texts;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use crate::ledger::bank::BankCommand;
use crate::ledger::bank::matching::Reason;
use crate::ledger::types::Timestamp;
use crate::ledger::{Command, Event};
use crate::ui::components::use_change_right;
use crate::ui::components::{NoCompany, download, fmt_amount, focus, today};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};
use model::{Data, Status};
use post::{Pick, Picks, learned_rule, post_command};
use texts::T;

/// What the page's parts share.
#[derive(Clone, Copy)]
struct Ui {
    /// Position of the selected line in the list.
    selected: RwSignal<usize>,
    picks: RwSignal<Picks>,
    /// The line whose manual posting is open.
    manual: RwSignal<Option<u32>>,
    /// The line whose corrected pick is to be learned as a rule.
    learn: RwSignal<Option<u32>>,
    message: RwSignal<Option<(bool, String)>>,
}

/// A proposal's reason in words.
fn reason_text(r: &Reason, decimals: u32, lang: Lang) -> String {
    let money = |x| fmt_amount(x, decimals, lang);
    match r {
        Reason::Iban => T::RIban.text(lang).to_string(),
        Reason::Name => T::RName.text(lang).to_string(),
        Reason::DocumentNumber { number } => format!("{} {number}", T::RDocument.text(lang)),
        Reason::CreditorReference => T::RCreditorRef.text(lang).to_string(),
        Reason::EndToEndId => T::REndToEnd.text(lang).to_string(),
        Reason::ExactAmount => T::RExact.text(lang).to_string(),
        Reason::NetOfDiscount { discount } => {
            format!("{} {}", T::RNetOfDiscount.text(lang), money(*discount))
        }
        Reason::WithinTolerance { difference } => {
            format!("{} {}", T::RTolerance.text(lang), money(*difference))
        }
        Reason::Partial => T::RPartial.text(lang).to_string(),
        Reason::SeveralItems { count } => format!("{} {count}", T::RSeveral.text(lang)),
        Reason::DateWindow => T::RDateWindow.text(lang).to_string(),
        Reason::Rule { id, name } => format!("{} {id} „{name}“", T::RRule.text(lang)),
    }
}

/// Who posts and when: the "kontor" user, the browser's clock.
fn stamp(lang: Lang) -> (String, Timestamp) {
    let seconds = (js_sys::Date::now() / 1000.0).floor() as i64;
    let at = Timestamp::from_unix_seconds(seconds).unwrap_or(Timestamp::at_midnight(today()));
    (T::User.text(lang).to_string(), at)
}

#[component]
pub fn StatementPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let number = move || params.with(|p| p.get("number").and_then(|n| n.parse::<u32>().ok()));
    let data = Memo::new(move |_| app.with_book(|b| model::data(b, number()?)).flatten());
    let ui = Ui {
        selected: RwSignal::new(0),
        picks: RwSignal::new(Picks::new()),
        manual: RwSignal::new(None),
        learn: RwSignal::new(None),
        message: RwSignal::new(None),
    };
    // Posted lines (here or in another tab) drop their picks.
    Effect::new(move |_| {
        data.with(|d| {
            let open = |i: &u32| {
                d.as_ref().is_some_and(|d| {
                    d.lines
                        .iter()
                        .any(|l| l.index == *i && matches!(l.status, Status::Open { .. }))
                })
            };
            ui.picks.update(|p| p.retain(|i, _| open(i)));
        })
    });
    let post = Action::new_local(move |_: &()| run_post(app, data, ui, i18n.lang_untracked()));
    let learn =
        Action::new_local(move |line: &u32| run_learn(app, data, ui, *line, i18n.lang_untracked()));
    Effect::new(move |_| {
        if let Some(line) = ui.learn.get() {
            ui.learn.set(None);
            learn.dispatch(line);
        }
    });
    let keys = move |e: ev::KeyboardEvent| {
        on_key(&e, data, ui, || {
            if !post.pending().get_untracked() {
                post.dispatch(());
            }
        })
    };
    view! {
        <section class="page statement-page" data-page="statement" on:keydown=keys>
            <h1>{move || i18n.t(T::Title)}</h1>
            <p><A href="/banking/statements">{move || i18n.t(T::Back)}</A></p>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                // Worded once per language: re-render on a switch.
                let _lang = i18n.lang();
                match data.get() {
                    None => view! { <p class="muted" data-testid="sl-not-found">{i18n.t(T::NotFound)}</p> }.into_any(),
                    Some(d) => view! { <Statement data=d ui=ui post=post /> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn Statement(data: Data, ui: Ui, post: Action<(), ()>) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let intraday = data.statement.intraday;
    let pending = post.pending();
    let count = move || ui.picks.with(|p| p.len());
    let app = use_app();
    let file = data.statement.file;
    let original = Callback::new(move |()| download_original(app, file, i18n.lang_untracked(), ui));
    view! {
        <check::Header data=data.clone() original=original />
        <check::BalanceCheck data=data.clone() />
        <h2>{move || i18n.t(T::Lines)}</h2>
        <p class="muted small">{move || i18n.t(T::Keys)}</p>
        <lines::LinesTable data=data ui=ui />
        <div class="toolbar">
            <button type="button" class="button primary" data-testid="sl-post"
                disabled=move || intraday || pending.get() || count() == 0 || right.denied()
                on:click=move |_| { post.dispatch(()); } title=move || right.why()>{move || i18n.t(T::Post)}</button>
            <span class="muted small" data-testid="sl-count">{move || format!("{} {}", count(), i18n.t(T::PostCount))}</span>
        </div>
        {intraday.then(|| view! { <p class="notice" data-testid="sl-intraday">{move || i18n.t(T::Intraday)}</p> })}
        {move || ui.message.get().map(|(ok, text)| view! {
            <div class=if ok { "success-box" } else { "error-box" } role=if ok { "status" } else { "alert" }
                data-testid=if ok { "sl-done" } else { "error" }>{text}</div>
        })}
    }
}

/// Whether the key went to a text field or a list (its own keys).
fn in_field(e: &ev::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

fn on_key(e: &ev::KeyboardEvent, data: Memo<Option<Data>>, ui: Ui, post: impl Fn()) {
    let key = e.key();
    if key == "Enter" && (e.ctrl_key() || e.meta_key()) {
        e.prevent_default();
        return post();
    }
    if in_field(e) || e.alt_key() || e.ctrl_key() || e.meta_key() {
        return;
    }
    let handled = data.with_untracked(|d| {
        let d = d.as_ref()?;
        let pos = ui
            .selected
            .get_untracked()
            .min(d.lines.len().checked_sub(1)?);
        let line = &d.lines[pos];
        match key.as_str() {
            "ArrowDown" | "ArrowUp" => {
                let next = if key == "ArrowDown" {
                    (pos + 1).min(d.lines.len() - 1)
                } else {
                    pos.saturating_sub(1)
                };
                ui.selected.set(next);
                focus_row(next);
            }
            "Enter" => choose(line, 0, ui),
            "m" | "M" => ui.manual.set(Some(line.index)),
            "p" | "P" => park(d, line, ui),
            "Delete" | "Backspace" => ui.picks.update(|p| {
                p.remove(&line.index);
            }),
            k => choose(line, k.parse::<usize>().ok()?.checked_sub(1)?, ui),
        }
        Some(())
    });
    if handled.is_some() {
        e.prevent_default();
    }
}

/// Picks proposal `n` of an open line.
fn choose(line: &model::LineData, n: usize, ui: Ui) {
    if let Status::Open { proposals } = &line.status
        && let Some(s) = proposals.get(n)
    {
        let action = s.proposal.action.clone();
        ui.picks.update(|p| {
            p.insert(line.index, Pick::Proposal { n, action });
        });
    }
}

fn park(d: &Data, line: &model::LineData, ui: Ui) {
    if !matches!(line.status, Status::Open { .. }) {
        return;
    }
    if d.bank.suspense_account.is_none() {
        let lang = use_i18n().lang_untracked();
        ui.message
            .set(Some((false, T::NoSuspense.text(lang).to_string())));
        return;
    }
    ui.picks.update(|p| {
        p.insert(line.index, Pick::Park);
    });
}

fn focus_row(pos: usize) {
    let row = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("[data-testid=\"sl-row\"][data-pos=\"{pos}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(row) = row {
        focus(&row);
    }
}

async fn run_post(app: AppState, data: Memo<Option<Data>>, ui: Ui, lang: Lang) {
    let (by, at) = stamp(lang);
    let cmd = data.with_untracked(|d| {
        let d = d.as_ref().filter(|d| !d.statement.intraday)?;
        app.with_book(|b| ui.picks.with_untracked(|p| post_command(b, d, p, &by, at)))?
    });
    let Some(cmd) = cmd else {
        let intraday = data.with_untracked(|d| d.as_ref().is_some_and(|d| d.statement.intraday));
        let why = if intraday {
            T::Intraday
        } else {
            T::NothingAccepted
        };
        return ui.message.set(Some((false, why.text(lang).to_string())));
    };
    match app.execute(Command::Bank(cmd)).await {
        Ok(events) => {
            let posted: usize = events
                .iter()
                .map(|e| match e {
                    Event::Bank(crate::ledger::bank::BankEvent::LinesPosted { lines, .. }) => {
                        lines.len()
                    }
                    _ => 0,
                })
                .sum();
            ui.message.set(Some((
                true,
                format!("{posted} {}", T::PostedCount.text(lang)),
            )));
        }
        Err(e) => ui.message.set(Some((false, session_error(&e, lang)))),
    }
}

async fn run_learn(app: AppState, data: Memo<Option<Data>>, ui: Ui, index: u32, lang: Lang) {
    let rule = data.with_untracked(|d| {
        let line = d
            .as_ref()?
            .statement
            .lines
            .get(usize::try_from(index).ok()?)?;
        ui.picks
            .with_untracked(|p| p.get(&index)?.corrected().map(|a| learned_rule(line, a)))
    });
    let Some(rule) = rule else {
        return;
    };
    let name = rule.name.clone();
    let (by, at) = stamp(lang);
    let cmd = BankCommand::SaveRule {
        rule: Box::new(rule),
        by,
        at,
    };
    match app.execute(Command::Bank(cmd)).await {
        Ok(_) => ui
            .message
            .set(Some((true, format!("{} {name}", T::RuleSaved.text(lang))))),
        Err(e) => ui.message.set(Some((false, session_error(&e, lang)))),
    }
}

/// Hands the statement's original file to the browser.
fn download_original(app: AppState, file: u32, lang: Lang, ui: Ui) {
    let Some(Some((name, bytes))) = app.with_book(|b| {
        b.bank()
            .file(file)
            .map(|f| (f.name.clone(), f.bytes.clone()))
    }) else {
        return;
    };
    if let Err(reason) = download(&bytes, &name, "application/octet-stream") {
        ui.message.set(Some((
            false,
            format!("{}: {reason}", T::Original.text(lang)),
        )));
    }
}
