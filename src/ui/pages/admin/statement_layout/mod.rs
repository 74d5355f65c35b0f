//! Statement layout (Bilanz-/GuV-Gliederung, issue 17 part D): every
//! line of the balance sheet and the P&L with the accounts standing on
//! it (by the chart's ranges, moved by the user, or not assigned and in
//! the default line of their type, highlighted); an account moves to
//! another line of its statement by a select, or back to the chart's
//! mapping.

use leptos::prelude::*;

use crate::ledger::Command;
use crate::ledger::statements::layout::{LINES, lines_of};
use crate::ledger::statements::{Source, Statement, StatementsCommand};
use crate::ledger::types::AccountNo;
use crate::texts;
use crate::ui::components::{AdminFrame, Said, now, user};
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;

texts! {
    enum T {
        Title => "Bilanz- und GuV-Gliederung", "Statement layout";
        Lead => "Welche Konten auf welcher Position der Bilanz (§ 266 HGB) und der GuV (§ 275 HGB) stehen; ein Konto lässt sich auf eine andere Position seiner Rechnung verschieben.", "Which accounts stand on which line of the balance sheet (§ 266 HGB) and the P&L (§ 275 HGB); an account can move to another line of its statement.";
        BalanceSheet => "Bilanz", "Balance sheet";
        ProfitAndLoss => "Gewinn- und Verlustrechnung", "Profit and loss account";
        MoveTo => "Position", "Line";
        Reset => "Zurücksetzen", "Reset";
        Unassigned => "nicht zugeordnet", "not assigned";
        Moved => "umgegliedert", "moved";
        Saved => "Gespeichert:", "Saved:";
        NoClock => "Die Uhr des Browsers liefert keine gültige Zeit; es wurde nichts gespeichert.", "The browser's clock gives no valid time; nothing was saved.";
    }
}

#[component]
pub fn StatementLayoutPage() -> impl IntoView {
    view! {
        <AdminFrame page="statement-layout" title=T::Title lead=T::Lead>
            <LayoutBody />
        </AdminFrame>
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Placed {
    account: AccountNo,
    name: String,
    line: &'static str,
    source: Source,
    statement: Statement,
}

#[component]
fn LayoutBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let said = RwSignal::new(None::<Said<T>>);
    let placed = Memo::new(move |_| {
        let lang = i18n.lang();
        app.with_book(|b| {
            b.accounts()
                .filter(|a| a.postable)
                .map(|a| {
                    let (line, source) = b.statements().position(b.gl(), a);
                    Placed {
                        account: a.number,
                        name: a.name(lang == Lang::De).to_string(),
                        line,
                        source,
                        statement: Statement::of(a.account_type),
                    }
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let set = move |account: AccountNo, line: Option<String>| {
        let Some(at) = now() else {
            said.set(Some(Said::Plain(T::NoClock)));
            return;
        };
        let cmd = Command::Statements(StatementsCommand::SetPosition {
            account,
            line,
            by: user(),
            at,
        });
        leptos::task::spawn_local(async move {
            match app.execute(cmd).await {
                Ok(_) => said.set(Some(Said::Done(T::Saved, account.to_string()))),
                Err(e) => said.set(Some(Said::Session(e))),
            }
        });
    };
    let section = move |statement: Statement| {
        let lang = i18n.lang();
        lines_of(statement)
            .map(|l| {
                let label = format!(
                    "{} {}",
                    l.label,
                    if lang == Lang::De { l.de } else { l.en }
                );
                let accounts: Vec<Placed> = placed
                    .get()
                    .into_iter()
                    .filter(|p| p.line == l.key)
                    .collect();
                let rows = accounts
                    .into_iter()
                    .map(|p| {
                        let class = match p.source {
                            Source::Unmapped => "layout-account unmapped",
                            Source::Override => "layout-account moved",
                            Source::Chart => "layout-account",
                        };
                        let mark = match p.source {
                            Source::Unmapped => format!(" ({})", i18n.t(T::Unassigned)),
                            Source::Override => format!(" ({})", i18n.t(T::Moved)),
                            Source::Chart => String::new(),
                        };
                        let account = p.account;
                        let options = LINES
                            .iter()
                            .filter(|x| x.statement == p.statement && x.mappable)
                            .map(|x| {
                                let text = format!(
                                    "{} {}",
                                    x.key,
                                    if lang == Lang::De { x.de } else { x.en }
                                );
                                view! { <option value=x.key selected=x.key == p.line>{text}</option> }
                            })
                            .collect_view();
                        view! {
                            <li class=class data-account=account.to_string()>
                                <span class="account-label">{account.to_string()} " " {p.name.clone()}</span>
                                <span class="muted">{mark}</span>
                                <select data-testid="move-line" aria-label=i18n.t(T::MoveTo) on:change=move |ev| {
                                    set(account, Some(event_target_value(&ev)));
                                }>{options}</select>
                                {(p.source == Source::Override).then(|| view! {
                                    <button class="button small" data-testid="reset-line" on:click=move |_| set(account, None)>{i18n.t(T::Reset)}</button>
                                })}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class=format!("layout-line depth-{}", l.key.matches('.').count()) data-line=l.key>
                        <div class="layout-line-label">{label}</div>
                        <ul class="layout-accounts">{rows}</ul>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <p class="notice" role="status" data-testid="layout-said">{move || said.get().map(|s| s.say(i18n.lang()))}</p>
        <div class="statement-layout">
            <section>
                <h2>{move || i18n.t(T::BalanceSheet)}</h2>
                {move || section(Statement::BalanceSheet)}
            </section>
            <section>
                <h2>{move || i18n.t(T::ProfitAndLoss)}</h2>
                {move || section(Statement::ProfitAndLoss)}
            </section>
        </div>
    }
}
