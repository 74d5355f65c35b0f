//! Buchungsperioden: the fiscal years with their periods and each period's
//! status. Locking is final in the engine (GoBD Festschreibung), so the
//! screen asks for a confirmation before it sends a lock.

use leptos::prelude::*;

use crate::ledger::Command;
use crate::ledger::gl::GlCommand;
use crate::ledger::types::{FiscalYear, Period, PeriodRef, PeriodStatus};
use crate::texts;
use crate::ui::components::ErrorBox;
use crate::ui::components::{AdminFrame, fmt_date, say};
use crate::ui::errors::session_error;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Buchungsperioden", "Posting periods";
        Lead => "Geschäftsjahre und ihre Perioden. Der Status einer Periode entscheidet, wer in sie buchen darf.", "Fiscal years and their periods. A period's status decides who may post into it.";
        FiscalYear => "Geschäftsjahr", "Fiscal year";
        Period => "Periode", "Period";
        From => "Von", "From";
        To => "Bis", "To";
        Status => "Status", "Status";
        Unlocked => "offen", "unlocked";
        ExceptSales => "offen außer Verkauf", "unlocked except sales";
        Closing => "Abschlussperiode", "closing period";
        Locked => "gesperrt", "locked";
        LockedFinal => "gesperrt (endgültig)", "locked (final)";
        OpenNext => "Geschäftsjahr eröffnen:", "Open fiscal year:";
        Opening => "Wird eröffnet …", "Opening …";
        ConfirmLock => "Periode endgültig sperren? Danach kann niemand mehr in sie buchen, und die Sperre lässt sich nicht aufheben.", "Lock the period for good? Nobody can post into it afterwards, and the lock cannot be lifted.";
        LockNow => "Endgültig sperren", "Lock for good";
        Cancel => "Abbrechen", "Cancel";
        HelpTitle => "Was der Status bedeutet", "What the status means";
        HelpUnlocked => "Alle dürfen buchen.", "Everyone may post.";
        HelpExceptSales => "Alles außer Buchungen auf Erlöskonten; Eingangsrechnungen und Korrekturen kommen noch herein.", "Everything except postings to revenue accounts; purchases and corrections still come in.";
        HelpClosing => "Nur Abschlussbuchungen mit Abschlussrecht.", "Only closing entries made with the closing right.";
        HelpLocked => "Niemand darf buchen. Endgültig (Festschreibung nach GoBD).", "Nobody may post. Final (GoBD write-protection).";
        StatusOf => "Status von Periode", "Status of period";
    }
}

const STATUSES: [PeriodStatus; 4] = [
    PeriodStatus::Unlocked,
    PeriodStatus::UnlockedExceptSales,
    PeriodStatus::Closing,
    PeriodStatus::Locked,
];

fn status_text(status: PeriodStatus) -> T {
    match status {
        PeriodStatus::Unlocked => T::Unlocked,
        PeriodStatus::UnlockedExceptSales => T::ExceptSales,
        PeriodStatus::Closing => T::Closing,
        PeriodStatus::Locked => T::Locked,
    }
}

/// The `<option>` value of a status; also what the e2e tests select.
fn status_code(status: PeriodStatus) -> &'static str {
    match status {
        PeriodStatus::Unlocked => "unlocked",
        PeriodStatus::UnlockedExceptSales => "unlocked_except_sales",
        PeriodStatus::Closing => "closing",
        PeriodStatus::Locked => "locked",
    }
}

fn status_from_code(code: &str) -> Option<PeriodStatus> {
    STATUSES.into_iter().find(|s| status_code(*s) == code)
}

/// "2026-3": the period's id in attributes and test ids.
fn period_key(r: PeriodRef) -> String {
    format!("{}-{}", r.fiscal_year, r.period)
}

#[component]
pub fn PeriodsPage() -> impl IntoView {
    view! {
        <AdminFrame page="periods" title=T::Title lead=T::Lead>
            <PeriodsBody />
        </AdminFrame>
    }
}

#[component]
fn PeriodsBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    // Newest fiscal year first: that is where the work is.
    let years = Memo::new(move |_| {
        app.with_book(|book| {
            let calendar = book.calendar();
            let mut years: Vec<(FiscalYear, Vec<Period>)> = calendar
                .fiscal_years()
                .map(|fy| {
                    let periods = calendar
                        .periods()
                        .filter(|p| p.reference.fiscal_year == fy.year)
                        .collect();
                    (fy, periods)
                })
                .collect();
            years.reverse();
            years
        })
        .unwrap_or_default()
    });
    let next_year = Memo::new(move |_| app.with_book(|b| b.calendar().next_year()).flatten());

    let open_year = Action::new_local(move |year: &i32| {
        let year = *year;
        async move {
            error.set(None);
            if let Err(e) = app
                .execute(Command::Gl(GlCommand::OpenFiscalYear { year }))
                .await
            {
                error.set(Some(session_error(&e, i18n.lang_untracked())));
            }
        }
    });

    view! {
        <div class="toolbar">
            {move || next_year.get().map(|year| view! {
                <button type="button" class="button" data-testid="open-next-year"
                    disabled=move || open_year.pending().get()
                    on:click=move |_| { open_year.dispatch(year); }>
                    {move || if open_year.pending().get() {
                        i18n.t(T::Opening).to_string()
                    } else {
                        format!("{} {year}", i18n.t(T::OpenNext))
                    }}
                </button>
            })}
        </div>
        <ErrorBox message=Signal::derive(move || error.get()) />
        <div class="periods-layout">
            <div class="periods-years">
                <For each=move || years.get() key=|(fy, periods)| (fy.year, periods.iter().map(|p| p.status).collect::<Vec<_>>())
                    children=move |(fy, periods)| view! { <YearTable year=fy periods=periods error=error /> } />
            </div>
            <aside class="admin-help">
                <h2>{move || i18n.t(T::HelpTitle)}</h2>
                <dl>
                    <dt>{move || i18n.t(T::Unlocked)}</dt><dd>{move || i18n.t(T::HelpUnlocked)}</dd>
                    <dt>{move || i18n.t(T::ExceptSales)}</dt><dd>{move || i18n.t(T::HelpExceptSales)}</dd>
                    <dt>{move || i18n.t(T::Closing)}</dt><dd>{move || i18n.t(T::HelpClosing)}</dd>
                    <dt>{move || i18n.t(T::Locked)}</dt><dd>{move || i18n.t(T::HelpLocked)}</dd>
                </dl>
            </aside>
        </div>
    }
}

#[component]
fn YearTable(
    year: FiscalYear,
    periods: Vec<Period>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading = move || {
        let lang = i18n.lang();
        format!(
            "{} {} · {} – {}",
            say(T::FiscalYear, lang),
            year.year,
            fmt_date(year.start, lang),
            fmt_date(year.end, lang)
        )
    };
    view! {
        <section class="fiscal-year" data-fiscal-year=year.year.to_string()>
            <h2>{heading}</h2>
            <div class="table-wrap">
                <table class="data periods">
                    <thead>
                        <tr>
                            <th class="num">{move || i18n.t(T::Period)}</th>
                            <th>{move || i18n.t(T::From)}</th>
                            <th>{move || i18n.t(T::To)}</th>
                            <th>{move || i18n.t(T::Status)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {periods.into_iter().map(|p| view! { <PeriodRow period=p error=error /> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn PeriodRow(period: Period, error: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let reference = period.reference;
    // What the select shows; differs from the Book only while a lock waits
    // for its confirmation.
    let choice = RwSignal::new(period.status);
    let set_status = Action::new_local(move |status: &PeriodStatus| {
        let status = *status;
        async move {
            error.set(None);
            let cmd = Command::Gl(GlCommand::SetPeriodStatus {
                period: reference,
                status,
            });
            if let Err(e) = app.execute(cmd).await {
                choice.set(period.status);
                error.set(Some(session_error(&e, i18n.lang_untracked())));
            }
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let Some(status) = status_from_code(&event_target_value(&ev)) else {
            return;
        };
        choice.set(status);
        if status != PeriodStatus::Locked {
            set_status.dispatch(status);
        }
    };
    let confirming =
        move || choice.get() == PeriodStatus::Locked && period.status != PeriodStatus::Locked;
    let key = period_key(reference);
    let label = move || {
        format!(
            "{} {}/{}",
            i18n.t(T::StatusOf),
            reference.period,
            reference.fiscal_year
        )
    };
    let status_cell = if period.status == PeriodStatus::Locked {
        view! {
            <span class="status-badge locked" data-status="locked">{move || i18n.t(T::LockedFinal)}</span>
        }
        .into_any()
    } else {
        view! {
            <select class="period-status" data-testid=format!("period-status-{key}") aria-label=label
                prop:value=move || status_code(choice.get()) on:change=on_change
                disabled=move || set_status.pending().get()>
                {STATUSES.into_iter().map(|s| view! {
                    <option value=status_code(s)>{move || i18n.t(status_text(s))}</option>
                }).collect_view()}
            </select>
            <Show when=confirming>
                <div class="lock-confirm" role="alertdialog" aria-label=move || i18n.t(T::LockNow)>
                    <p class="warning">{move || i18n.t(T::ConfirmLock)}</p>
                    <button type="button" class="button danger small" data-testid="confirm-lock" autofocus
                        on:click=move |_| { set_status.dispatch(PeriodStatus::Locked); }>
                        {move || i18n.t(T::LockNow)}
                    </button>
                    <button type="button" class="button small" on:click=move |_| choice.set(period.status)>
                        {move || i18n.t(T::Cancel)}
                    </button>
                </div>
            </Show>
        }
        .into_any()
    };
    view! {
        <tr data-period=key.clone() data-status=status_code(period.status)
            class=move || if period.status == PeriodStatus::Locked { "locked" } else { "" }>
            <td class="num">{reference.period}</td>
            <td>{move || fmt_date(period.start, i18n.lang())}</td>
            <td>{move || fmt_date(period.end, i18n.lang())}</td>
            <td class="status-cell">{status_cell}</td>
        </tr>
    }
}
