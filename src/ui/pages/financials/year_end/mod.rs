//! Jahresabschluss at `/financials/year-end` (issue 17, part C): choose
//! the fiscal year (default: the last one not closed that has a following
//! year), see the engine's preview (P&L accounts closed with their
//! balances, the result, the retained-earnings account; the
//! Saldenvorträge; the open items carried per control account; warnings),
//! post the closing (Alt+B) with a fresh posting key, see each year's
//! status, and revert a closing after a confirmation. When the next year
//! is not open yet, a button opens it first. The tables are in `tables`.

mod tables;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ledger::closing::{ClosingCommand, ClosingPreview};
use crate::ledger::gl::GlCommand;
use crate::ledger::types::PostingKey;
use crate::ledger::{Book, Command};
use crate::texts;
use crate::ui::components::use_change_right;
use crate::ui::components::{
    NoCompany, Said, current_voucher_key, entry_href, entry_label, fmt_amount, fmt_date,
    fresh_posting_key, load_voucher, now, today, user,
};
use crate::ui::i18n::use_i18n;
use crate::ui::state::{AppState, use_app};
use tables::{CarriedTable, ItemsTable, ProfitLossTable, YearStatus};

texts! {
    pub enum T {
        Title => "Jahresabschluss", "Year-end closing";
        Lead => "In Kontor tragen sich die Salden der Bestandskonten von selbst ins neue Jahr vor; der Abschluss bucht eine einzige Buchung zum letzten Tag des Jahres, die jedes GuV-Konto auf den Gewinnvortrag abschließt.", "In Kontor the balances of balance-sheet accounts carry into the new year by themselves; closing posts one entry on the last day of the year that closes every P&L account to retained earnings.";
        Year => "Geschäftsjahr", "Fiscal year";
        Result => "Jahresergebnis", "Result of the year";
        Profit => "Gewinn", "profit";
        Loss => "Verlust", "loss";
        Retained => "Gewinnvortrag (Konto)", "Retained earnings (account)";
        PlTitle => "Abzuschließende GuV-Konten", "P&L accounts closed";
        PlClosedTitle => "Abgeschlossene GuV-Konten", "P&L accounts closed";
        CarriedTitle => "Saldenvorträge ins neue Jahr", "Balances carried into the new year";
        CarriedLead => "Schlusssaldo jedes Bestandskontos = Eröffnungssaldo des Folgejahres (einschließlich der Abschlussbuchung).", "Each balance-sheet account's closing balance = its opening balance of the next year (closing entry included).";
        ItemsTitle => "Offene Posten, die vorgetragen werden", "Open items carried forward";
        ItemsLead => "Offene Posten bleiben offen und gehen mit ihrem Sammelkonto ins neue Jahr.", "Open items stay open and carry forward with their control account.";
        Account => "Konto", "Account";
        Name => "Bezeichnung", "Name";
        Balance => "Saldo", "Balance";
        Count => "Anzahl", "Count";
        Open => "Offen", "Open";
        Debit => "S", "Dr";
        Credit => "H", "Cr";
        Post => "Abschluss buchen", "Post closing";
        Posting => "Wird gebucht …", "Posting …";
        Revert => "Abschluss zurücknehmen", "Revert closing";
        ConfirmRevert => "Abschluss zurücknehmen? Die Abschlussbuchung wird storniert; die GuV-Konten zeigen das Jahr wieder mit Saldo.", "Revert the closing? The closing entry is reversed; the P&L accounts show the year's balances again.";
        RevertNow => "Zurücknehmen", "Revert";
        Cancel => "Abbrechen", "Cancel";
        OpenNext => "Zuerst Geschäftsjahr eröffnen:", "Open fiscal year first:";
        NextMissing => "Das Folgejahr ist noch nicht eröffnet. Ohne Folgejahr gibt es keinen Vortrag.", "The next year is not open yet. Without it there is nothing to carry into.";
        Posted => "Abschluss gebucht:", "Closing posted:";
        Reverted => "Abschluss zurückgenommen:", "Closing reverted:";
        StatusTitle => "Status der Geschäftsjahre", "Status of the fiscal years";
        Status => "Status", "Status";
        StatusOpen => "nicht abgeschlossen", "not closed";
        StatusClosed => "abgeschlossen am", "closed on";
        StatusBy => "von", "by";
        StatusReverted => "zurückgenommen", "reverted";
        Entry => "Buchung", "Entry";
        WarnEarlier => "Frühere Jahre sind nicht abgeschlossen; ihr Ergebnis bleibt als Ergebnisvortrag stehen:", "Earlier years are not closed; their result stays as a result carried forward:";
        WarnAfter => "Nach dem Abschluss wurden Buchungen in dieses Jahr gebucht; der Abschluss gleicht sie nicht aus. Nehmen Sie ihn zurück und schließen Sie erneut ab. Buchungen:", "Entries were posted into this year after its closing; the closing does not net them. Revert it and close again. Entries:";
        WarnDrafts => "Im Buchungsstapel liegen noch ungebuchte Buchungen mit Datum in diesem Jahr:", "The journal voucher still holds unposted entries dated in this year:";
        WarnNone => "Keine Warnungen.", "No warnings.";
        Warnings => "Hinweise", "Warnings";
        NothingPl => "Kein GuV-Konto hat in diesem Jahr einen Saldo.", "No P&L account has a balance in this year.";
        NoKey => "Der Browser liefert keine Zufallszahl für den Buchungsschlüssel; es wurde nichts gebucht.", "The browser gave no random number for the posting key; nothing was posted.";
        Shortcut => "Alt+B bucht den Abschluss.", "Alt+B posts the closing.";
    }
}

/// The year the screen proposes: the last one not closed that has a
/// following year, else the last year.
fn default_year(book: &Book) -> Option<i32> {
    let years: Vec<i32> = book.calendar().fiscal_years().map(|f| f.year).collect();
    years
        .iter()
        .rev()
        .copied()
        .find(|y| years.contains(&(y + 1)) && book.closing().year(*y).is_none())
        .or_else(|| years.last().copied())
}

#[component]
pub fn YearEndPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    view! {
        <section class="page year-end-page" data-page="year-end">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! { <YearEndBody /> }.into_any()
            }}
        </section>
    }
}

/// What the last action did: an entry label and link, or a refusal.
#[derive(Clone)]
enum Outcome {
    Posted(T, Vec<(crate::ledger::types::EntryId, String)>),
    Refused(Said<T>),
}

#[component]
fn YearEndBody() -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let year = RwSignal::new(app.with_book(default_year).flatten());
    let key = RwSignal::new(fresh_posting_key());
    let outcome = RwSignal::new(None::<Outcome>);
    let confirming = RwSignal::new(false);
    let drafts = RwSignal::new(Vec::<String>::new());
    let years = Memo::new(move |_| {
        app.with_book(|b| {
            b.calendar()
                .fiscal_years()
                .map(|f| f.year)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let preview = Memo::new(move |_| {
        let y = year.get()?;
        app.with_book(|b| b.closing().preview(b.context(), y))
    });
    let next_open = Memo::new(move |_| {
        let y = year.get()?;
        app.with_book(|b| b.calendar().fiscal_years().any(|f| f.year == y + 1))
    });
    let next_year = Memo::new(move |_| app.with_book(|b| b.calendar().next_year()).flatten());
    // Unposted voucher entries dated in the chosen year (drafts are kept
    // by the UI, not the engine).
    Effect::new(move |_| {
        let Some(y) = year.get() else { return };
        leptos::task::spawn_local(async move {
            drafts.set(unposted_in(app, y).await);
        });
    });

    let post = Action::new_local(move |_: &()| async move {
        let Some(y) = year.get_untracked() else {
            return;
        };
        close(app, y, key, outcome).await;
    });
    let revert = Action::new_local(move |_: &()| async move {
        let Some(y) = year.get_untracked() else {
            return;
        };
        confirming.set(false);
        outcome.set(None);
        let Some(at) = now() else { return };
        let cmd = Command::Closing(ClosingCommand::RevertClosing {
            year: y,
            by: user(),
            at,
        });
        match app.execute(cmd).await {
            Ok(events) => outcome.set(Some(Outcome::Posted(T::Reverted, posted(&events)))),
            Err(e) => outcome.set(Some(Outcome::Refused(Said::Session(e)))),
        }
    });
    let open_next = Action::new_local(move |next: &i32| {
        let next = *next;
        async move {
            outcome.set(None);
            if let Err(e) = app
                .execute(Command::Gl(GlCommand::OpenFiscalYear { year: next }))
                .await
            {
                outcome.set(Some(Outcome::Refused(Said::Session(e))));
            }
        }
    });
    let can_post = move || {
        !post.pending().get()
            && next_open.get() == Some(true)
            && preview
                .get()
                .is_some_and(|p| !p.closed && !p.profit_and_loss.is_empty())
    };
    let shortcut = window_event_listener(ev::keydown, move |e| {
        if e.alt_key() && !e.ctrl_key() && !e.meta_key() && e.key().eq_ignore_ascii_case("b") {
            e.prevent_default();
            if can_post() {
                post.dispatch(());
            }
        }
    });
    on_cleanup(move || shortcut.remove());

    view! {
        <p class="lead" data-testid="ye-lead">{move || i18n.t(T::Lead)}</p>
        <div class="toolbar">
            <label>
                <span>{move || i18n.t(T::Year)}</span>
                <select data-testid="ye-year"
                    prop:value=move || year.get().map(|y| y.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        outcome.set(None);
                        confirming.set(false);
                        year.set(event_target_value(&ev).parse().ok());
                    }>
                    {move || years.get().into_iter().map(|y| view! {
                        <option value=y.to_string() selected=move || year.get() == Some(y)>{y}</option>
                    }).collect_view()}
                </select>
            </label>
            {move || (next_open.get() == Some(false)).then(|| {
                let y = year.get().unwrap_or_default();
                let openable = next_year.get() == Some(y + 1);
                view! {
                    <span class="muted">{i18n.t(T::NextMissing)}</span>
                    {openable.then(|| view! {
                        <button type="button" class="button" data-testid="ye-open-next"
                            disabled=move || open_next.pending().get()
                            on:click=move |_| { open_next.dispatch(y + 1); }>
                            {format!("{} {}", i18n.t(T::OpenNext), y + 1)}
                        </button>
                    })}
                }
            })}
        </div>
        {move || preview.get().map(|p| view! { <PreviewView preview=p drafts=drafts /> })}
        <div class="toolbar ye-actions">
            {move || {
                let closed = preview.get().is_some_and(|p| p.closed);
                if closed {
                    view! {
                        <button type="button" class="button danger" data-testid="ye-revert"
                            disabled=move || revert.pending().get() || right.denied()
                            on:click=move |_| confirming.set(true) title=move || right.why()>
                            {move || i18n.t(T::Revert)}
                        </button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button primary" data-testid="ye-post"
                            disabled=move || !can_post() || right.denied()
                            on:click=move |_| { post.dispatch(()); } title=move || right.why().unwrap_or("Alt+B")>
                            {move || if post.pending().get() { i18n.t(T::Posting) } else { i18n.t(T::Post) }}
                        </button>
                        <span class="muted">{move || i18n.t(T::Shortcut)}</span>
                    }.into_any()
                }
            }}
        </div>
        <Show when=move || confirming.get()>
            <div class="ye-confirm" role="alertdialog" aria-label=move || i18n.t(T::Revert)>
                <p class="warning">{move || i18n.t(T::ConfirmRevert)}</p>
                <button type="button" class="button danger small" data-testid="ye-confirm-revert" autofocus
                    on:click=move |_| { revert.dispatch(()); }>{move || i18n.t(T::RevertNow)}</button>
                <button type="button" class="button small" on:click=move |_| confirming.set(false)>
                    {move || i18n.t(T::Cancel)}
                </button>
            </div>
        </Show>
        {move || outcome.get().map(|o| match o {
            Outcome::Refused(said) => view! {
                <div class="error-box" role="alert" data-testid="error">{move || said.say(i18n.lang())}</div>
            }.into_any(),
            Outcome::Posted(what, entries) => view! {
                <div class="success-box" role="status" data-testid="ye-done">
                    {move || i18n.t(what)}
                    {entries.clone().into_iter().map(|(id, label)| view! {
                        " " <A href=entry_href(id) attr:data-testid="ye-entry-link">{label}</A>
                    }).collect_view()}
                </div>
            }.into_any(),
        })}
        <YearStatus />
    }
}

/// The entries among `events`, with their labels.
fn posted(events: &[crate::ledger::Event]) -> Vec<(crate::ledger::types::EntryId, String)> {
    events
        .iter()
        .filter_map(|e| match e {
            crate::ledger::Event::EntryPosted { entry } => {
                Some((entry.id, entry_label(entry.fiscal_year, entry.number)))
            }
            _ => None,
        })
        .collect()
}

/// Sends `CloseYear`; on success a fresh key, so a second closing after a
/// revert is a new one, while a retry of a lost answer is refused.
async fn close(
    app: AppState,
    year: i32,
    key: RwSignal<String>,
    outcome: RwSignal<Option<Outcome>>,
) {
    outcome.set(None);
    let Some(posting_key) = PostingKey::from_hex(&key.get_untracked()) else {
        outcome.set(Some(Outcome::Refused(Said::Plain(T::NoKey))));
        return;
    };
    let Some(at) = now() else { return };
    let cmd = Command::Closing(ClosingCommand::CloseYear {
        year,
        key: posting_key,
        by: user(),
        at,
    });
    match app.execute(cmd).await {
        Ok(events) => {
            key.set(fresh_posting_key());
            outcome.set(Some(Outcome::Posted(T::Posted, posted(&events))));
        }
        Err(e) => outcome.set(Some(Outcome::Refused(Said::Session(e)))),
    }
}

/// Posting dates (as typed) of the open voucher's entries that fall in
/// `year`.
async fn unposted_in(app: AppState, year: i32) -> Vec<String> {
    let Ok(key) = current_voucher_key(app).await else {
        return Vec::new();
    };
    let Ok(voucher) = load_voucher(app, &key).await else {
        return Vec::new();
    };
    let Some((start, end)) = app
        .with_book(|b| {
            b.calendar()
                .fiscal_years()
                .find(|f| f.year == year)
                .map(|f| (f.start, f.end))
        })
        .flatten()
    else {
        return Vec::new();
    };
    voucher
        .entries
        .iter()
        .filter_map(|e| {
            let date = crate::formats::amount::parse_date(&e.posting_date, today()).ok()?;
            (date >= start && date <= end).then(|| e.posting_date.clone())
        })
        .collect()
}

#[component]
fn PreviewView(preview: ClosingPreview, drafts: RwSignal<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let decimals = app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2);
    let result = preview.result;
    let retained = preview.retained_earnings;
    let earlier = preview.earlier_not_closed.clone();
    let after = preview.posted_after_closing.clone();
    let after_labels: Vec<(crate::ledger::types::EntryId, String)> = app
        .with_book(|b| {
            after
                .iter()
                .filter_map(|id| b.entry(*id))
                .map(|e| (e.id, entry_label(e.fiscal_year, e.number)))
                .collect()
        })
        .unwrap_or_default();
    let has_warnings = !earlier.is_empty() || !after_labels.is_empty();
    let pl = preview.profit_and_loss.clone();
    let closed = preview.closed;
    view! {
        <div class="ye-summary">
            <div class="ye-result" data-testid="ye-result" data-result=result.to_string()>
                <span>{move || i18n.t(T::Result)}</span>
                <strong>{move || fmt_amount(result.abs(), decimals, i18n.lang())}</strong>
                <span class="muted">{move || if result.is_sign_negative() { i18n.t(T::Loss) } else { i18n.t(T::Profit) }}</span>
            </div>
            <div class="ye-retained">
                <span>{move || i18n.t(T::Retained)}</span>
                <strong data-testid="ye-retained">{retained.map(|a| a.to_string()).unwrap_or_else(|| "—".into())}</strong>
            </div>
        </div>
        <section class="ye-warnings" data-testid="ye-warnings">
            <h2>{move || i18n.t(T::Warnings)}</h2>
            {(!earlier.is_empty()).then(|| {
                let list = earlier.iter().map(|y| y.to_string()).collect::<Vec<_>>().join(", ");
                view! { <p class="warning" data-testid="ye-warn-earlier">{move || i18n.t(T::WarnEarlier)}" "{list.clone()}</p> }
            })}
            {(!after_labels.is_empty()).then(|| view! {
                <p class="warning" data-testid="ye-warn-after">{move || i18n.t(T::WarnAfter)}
                    {after_labels.clone().into_iter().map(|(id, label)| view! {
                        " " <A href=entry_href(id)>{label}</A>
                    }).collect_view()}
                </p>
            })}
            {move || {
                let d = drafts.get();
                (!d.is_empty()).then(|| view! {
                    <p class="warning" data-testid="ye-warn-drafts">{i18n.t(T::WarnDrafts)}" "{d.join(", ")}</p>
                })
            }}
            {move || (!has_warnings && drafts.get().is_empty()).then(|| view! {
                <p class="muted">{i18n.t(T::WarnNone)}</p>
            })}
        </section>
        <div class="ye-tables">
            <section>
                <h2>{move || if closed { i18n.t(T::PlClosedTitle) } else { i18n.t(T::PlTitle) }}</h2>
                {if pl.is_empty() {
                    view! { <p class="muted" data-testid="ye-nothing">{move || i18n.t(T::NothingPl)}</p> }.into_any()
                } else {
                    view! { <ProfitLossTable rows=pl.clone() decimals=decimals /> }.into_any()
                }}
            </section>
            <section>
                <h2>{move || i18n.t(T::CarriedTitle)}</h2>
                <p class="muted">{move || i18n.t(T::CarriedLead)}</p>
                <CarriedTable rows=preview.carried.clone() decimals=decimals />
            </section>
            <section>
                <h2>{move || i18n.t(T::ItemsTitle)}</h2>
                <p class="muted">{move || i18n.t(T::ItemsLead)}</p>
                <ItemsTable rows=preview.open_items_by_account.clone() decimals=decimals />
            </section>
        </div>
    }
}

/// "closed on 31.12.2024 by kontor" and the like, for the status table.
pub(crate) fn closed_words(
    lang: crate::ui::i18n::Lang,
    c: &crate::ledger::closing::YearClosing,
) -> String {
    use crate::ui::i18n::Text;
    if c.reverted.is_some() {
        return T::StatusReverted.text(lang).to_string();
    }
    format!(
        "{} {} {} {}",
        T::StatusClosed.text(lang),
        fmt_date(c.at.date(), lang),
        T::StatusBy.text(lang),
        c.by
    )
}
