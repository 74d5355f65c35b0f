//! DATEV-Import at `/financials/datev-import`: pick a DATEV EXTF
//! Buchungsstapel → its header (Berater, Mandant, period, label, category)
//! → every row checked against this company (`forms::datev_import`) →
//! the refused rows with their line and reason, or a preview of the
//! postings → "Als Buchungsstapel übernehmen" (Alt+Ü or Ctrl+Enter) puts
//! all rows into one new journal voucher draft and opens the vouchers
//! screen, where the user reviews and posts all or nothing. While any row
//! is refused, nothing is taken over.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::formats::datev::header::{Category, ExtfHeader};
use crate::forms::datev_import::{FileRefusal, ImportPlan, plan_import};
use crate::store::CompanyLog;
use crate::texts;
use crate::ui::components::use_change_right;
use crate::ui::components::{
    ErrorBox, NoCompany, OPEN_VOUCHER_KEY, VOUCHER_PREFIX, VoucherDraft, fmt_amount, fmt_date,
    fresh_posting_key, number_style, save_voucher, today, user,
};
use crate::ui::errors::{datev_file_refusal, datev_row_parts, store_error};
use crate::ui::i18n::{I18n, Lang, Text, use_i18n};
use crate::ui::state::{AppState, use_app};

texts! {
    pub enum T {
        Title => "DATEV-Import (Buchungsstapel)", "DATEV import (posting batch)";
        Lead => "Eine DATEV-Datei im EXTF-Format (Buchungsstapel, z. B. Buchungen des Steuerberaters oder aus einer Übernahme) wird Zeile für Zeile geprüft und als ein Buchungsstapel übernommen, den Sie prüfen und dann ganz oder gar nicht buchen. Personenkonten (Sachkontenlänge + 1 Stellen) sind die Nummern Ihrer Geschäftspartner.", "A DATEV file in EXTF format (posting batch, e.g. your tax advisor's postings or a migration) is checked row by row and taken over as one journal voucher, which you review and then post all or nothing. Partner accounts (account length + 1 digits) are the codes of your business partners.";
        File => "EXTF-Datei (CSV)", "EXTF file (CSV)";
        Header => "Kopfsatz", "Header";
        Adviser => "Berater-Nr.", "Adviser no.";
        Client => "Mandanten-Nr.", "Client no.";
        Period => "Zeitraum", "Period";
        Label => "Bezeichnung", "Label";
        Category => "Datenkategorie", "Data category";
        FiscalYear => "WJ-Beginn", "Fiscal year start";
        AccountLength => "Sachkontenlänge", "Account length";
        Locked => "Festschreibung", "Locked";
        Yes => "ja", "yes";
        No => "nein", "no";
        Refused => "Zeilen abgelehnt – die Datei wird nicht übernommen:", "rows refused – the file is not taken over:";
        Of => "von", "of";
        Line => "Zeile", "Line";
        Ready => "Zeilen geprüft, alle buchbar.", "rows checked, all can be posted.";
        Preview => "Vorschau", "Preview";
        Date => "Belegdatum", "Date";
        Account => "Konto", "Account";
        Contra => "Gegenkonto", "Contra account";
        Side => "S/H", "D/C";
        Amount => "Umsatz", "Amount";
        Bu => "BU", "BU";
        TaxCode => "Steuer", "Tax";
        Doc => "Belegfeld 1", "Document";
        Text_ => "Buchungstext", "Text";
        TakeOver => "Als Buchungsstapel übernehmen", "Take over as journal voucher";
        Shortcut => "Alt+Ü oder Strg+Enter", "Alt+Ü or Ctrl+Enter";
        Reading => "Datei wird gelesen und geprüft …", "Reading and checking the file …";
        Unreadable => "Die Datei konnte nicht gelesen werden:", "The file could not be read:";
    }
}

fn category_name(c: Category, lang: Lang) -> &'static str {
    match (c, lang) {
        (Category::Bookings, Lang::De) => "21 Buchungsstapel",
        (Category::Bookings, Lang::En) => "21 posting batch",
        (Category::AccountLabels, Lang::De) => "20 Kontenbeschriftungen",
        (Category::AccountLabels, Lang::En) => "20 account labels",
        (Category::Partners, Lang::De) => "16 Debitoren/Kreditoren",
        (Category::Partners, Lang::En) => "16 customers/vendors",
    }
}

/// What the picked file came to.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    File(FileRefusal),
    Plan(Box<ImportPlan>),
}

#[component]
pub fn DatevImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = Memo::new(move |_| app.with_book(|_| ()).is_some());
    view! {
        <section class="page datev-import" data-page="datev-import">
            <h1>{move || i18n.t(T::Title)}</h1>
            <p class="lead">{move || i18n.t(T::Lead)}</p>
            {move || if open.get() { view! { <ImportBody /> }.into_any() } else { view! { <NoCompany /> }.into_any() }}
        </section>
    }
}

#[derive(Clone)]
struct Picked(Option<web_sys::File>);

#[component]
fn ImportBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let outcome = RwSignal::new(None::<Outcome>);
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let read = Action::new_local(move |file: &Picked| {
        read_file(app, file.0.clone(), i18n, outcome, error)
    });
    let take = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            if take_over(app, i18n, outcome, error).await {
                navigate("/financials/vouchers", Default::default());
            }
        }
    });
    let ready =
        move || matches!(outcome.get(), Some(Outcome::Plan(p)) if p.voucher_entries().is_some());
    let _keys = window_event_listener(ev::keydown, move |e| {
        let alt_u = e.alt_key()
            && !e.ctrl_key()
            && (e.key() == "ü" || e.key() == "Ü" || e.code() == "BracketLeft");
        let ctrl_enter = e.ctrl_key() && e.key() == "Enter";
        if (alt_u || ctrl_enter) && ready() && !take.pending().get_untracked() {
            e.prevent_default();
            take.dispatch(());
        }
    });
    let reading = read.pending();
    view! {
        <label class="field">
            <span>{move || i18n.t(T::File)}</span>
            <input type="file" accept=".csv,.txt,text/csv" data-testid="datev-file"
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    read.dispatch(Picked(input.files().and_then(|f| f.get(0))));
                } />
        </label>
        <Show when=move || reading.get()>
            <p class="notice" role="status">{move || i18n.t(T::Reading)}</p>
        </Show>
        <ErrorBox message=Signal::derive(move || error.get()) />
        {move || outcome.get().map(|o| match o {
            Outcome::File(f) => view! {
                <div class="error-box" role="alert" data-testid="datev-file-error">
                    {move || datev_file_refusal(&f, i18n.lang())}
                </div>
            }.into_any(),
            Outcome::Plan(plan) => view! { <PlanView plan=*plan take=take /> }.into_any(),
        })}
    }
}

async fn read_file(
    app: AppState,
    file: Option<web_sys::File>,
    i18n: I18n,
    outcome: RwSignal<Option<Outcome>>,
    error: RwSignal<Option<String>>,
) {
    outcome.set(None);
    error.set(None);
    let Some(file) = file else { return };
    let file = gloo::file::File::from(file);
    match gloo::file::futures::read_as_bytes(&file).await {
        Ok(bytes) => {
            let style = number_style(i18n.lang_untracked());
            let result = app.with_book(|b| plan_import(b, &bytes, style, today(), &user()));
            outcome.set(result.map(|r| match r {
                Ok(plan) => Outcome::Plan(Box::new(plan)),
                Err(f) => Outcome::File(f),
            }));
        }
        Err(e) => error.set(Some(format!(
            "{} {e}",
            T::Unreadable.text(i18n.lang_untracked())
        ))),
    }
}

/// Saves every row as one new voucher draft (each entry with its own
/// posting key, as the entry grid gives) and makes it the open voucher.
async fn take_over(
    app: AppState,
    i18n: I18n,
    outcome: RwSignal<Option<Outcome>>,
    error: RwSignal<Option<String>>,
) -> bool {
    let Some(Outcome::Plan(plan)) = outcome.get_untracked() else {
        return false;
    };
    let Some(entries) = plan.voucher_entries() else {
        return false;
    };
    let Some(session) = app.session() else {
        return false;
    };
    let lang = i18n.lang_untracked();
    let keys = session.log().list_drafts().await.unwrap_or_default();
    let next = keys
        .iter()
        .filter_map(|k| k.strip_prefix(VOUCHER_PREFIX)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    let key = format!("{VOUCHER_PREFIX}{next}");
    let voucher = VoucherDraft {
        name: plan.voucher_name(),
        entries: entries
            .into_iter()
            .map(|mut f| {
                f.key = fresh_posting_key();
                f
            })
            .collect(),
    };
    if let Err(e) = save_voucher(app, &key, &voucher).await {
        error.set(Some(store_error(&e, lang)));
        return false;
    }
    if let Err(e) = session.log().put_draft(OPEN_VOUCHER_KEY, &key).await {
        error.set(Some(store_error(&e, lang)));
        return false;
    }
    true
}

#[component]
fn HeaderFacts(header: ExtfHeader) -> impl IntoView {
    let i18n = use_i18n();
    let h = StoredValue::new(header);
    let period = move || {
        h.with_value(|h| match (h.date_from, h.date_to) {
            (Some(f), Some(t)) => format!(
                "{} – {}",
                fmt_date(f, i18n.lang()),
                fmt_date(t, i18n.lang())
            ),
            _ => String::new(),
        })
    };
    view! {
        <h2>{move || i18n.t(T::Header)}</h2>
        <dl class="facts datev-facts" data-testid="datev-header">
            <dt>{move || i18n.t(T::Adviser)}</dt><dd data-testid="datev-adviser">{h.with_value(|h| h.adviser)}</dd>
            <dt>{move || i18n.t(T::Client)}</dt><dd data-testid="datev-client">{h.with_value(|h| h.client)}</dd>
            <dt>{move || i18n.t(T::Period)}</dt><dd data-testid="datev-period">{period}</dd>
            <dt>{move || i18n.t(T::Label)}</dt><dd data-testid="datev-label" translate="no">{h.with_value(|h| h.label.clone())}</dd>
            <dt>{move || i18n.t(T::Category)}</dt><dd>{move || category_name(h.with_value(|h| h.category), i18n.lang())}</dd>
            <dt>{move || i18n.t(T::FiscalYear)}</dt><dd>{move || fmt_date(h.with_value(|h| h.fiscal_year_start), i18n.lang())}</dd>
            <dt>{move || i18n.t(T::AccountLength)}</dt><dd>{h.with_value(|h| h.account_length)}</dd>
            <dt>{move || i18n.t(T::Locked)}</dt>
            <dd>{move || if h.with_value(|h| h.locked == Some(true)) { i18n.t(T::Yes) } else { i18n.t(T::No) }}</dd>
        </dl>
    }
}

#[component]
fn PlanView(plan: ImportPlan, take: Action<(), ()>) -> impl IntoView {
    let right = use_change_right();
    let i18n = use_i18n();
    let app = use_app();
    let decimals = app.with_book(|b| b.settings().lc_decimals()).unwrap_or(2);
    let total = plan.row_count();
    let refused = plan.refused.clone();
    let n_refused = refused.len();
    let ready = plan.voucher_entries().is_some();
    let pending = take.pending();
    let rows = plan.rows.clone();
    view! {
        <HeaderFacts header=plan.header.clone() />
        {(n_refused > 0).then(|| view! {
            <div class="error-box" role="alert" data-testid="datev-refused">
                <strong>{move || format!("{n_refused} {} {total} {}", i18n.t(T::Of), i18n.t(T::Refused))}</strong>
                <ul>
                    {refused.into_iter().map(|r| {
                        let line = r.line;
                        let problem = StoredValue::new(r.problem);
                        let parts = move || problem.with_value(|p| datev_row_parts(p, i18n.lang()));
                        view! {
                            <li data-line=line>
                                {move || format!("{} {line}: ", i18n.t(T::Line))}
                                {move || parts().column.map(|c| view! { <span class="datev-col" translate="no">{c}</span>": " })}
                                {move || parts().value.map(|v| view! { <span class="datev-value" translate="no">{v}</span>" " })}
                                {move || parts().reason}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })}
        {ready.then(|| view! {
            <div class="notice datev-ready" data-testid="datev-ready">
                <p>{move || format!("{total} {}", i18n.t(T::Ready))}</p>
                <button type="button" class="button primary" data-testid="datev-take-over"
                    prop:disabled=move || pending.get() || right.denied() on:click=move |_| { take.dispatch(()); } title=move || right.why().unwrap_or_else(|| i18n.t(T::Shortcut))>
                    {move || i18n.t(T::TakeOver)}
                </button>
                <span class="hint">{move || i18n.t(T::Shortcut)}</span>
            </div>
        })}
        <h2>{move || i18n.t(T::Preview)}</h2>
        <table class="data datev-preview" data-testid="datev-preview">
            <thead><tr>
                <th>{move || i18n.t(T::Line)}</th>
                <th>{move || i18n.t(T::Date)}</th>
                <th>{move || i18n.t(T::Account)}</th>
                <th>{move || i18n.t(T::Contra)}</th>
                <th>{move || i18n.t(T::Side)}</th>
                <th class="num">{move || i18n.t(T::Amount)}</th>
                <th>{move || i18n.t(T::Bu)}</th>
                <th>{move || i18n.t(T::TaxCode)}</th>
                <th>{move || i18n.t(T::Doc)}</th>
                <th>{move || i18n.t(T::Text_)}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|r| {
                    let b = r.booking;
                    let b_side = b.side;
                    let side = move || match (b_side, i18n.lang()) {
                        (s, Lang::De) => s.letter(),
                        (crate::formats::datev::Side::Debit, Lang::En) => "D",
                        (crate::formats::datev::Side::Credit, Lang::En) => "C",
                    };
                    view! {
                        <tr data-line=b.line>
                            <td>{b.line}</td>
                            <td>{move || fmt_date(b.date, i18n.lang())}</td>
                            <td>{b.account.clone()}</td>
                            <td>{b.contra.clone()}</td>
                            <td>{side}</td>
                            <td class="num">{move || fmt_amount(b.amount, decimals, i18n.lang())}</td>
                            <td>{b.bu_key.map(|k| k.0.to_string()).unwrap_or_default()}</td>
                            <td>{r.tax_code.clone().unwrap_or_default()}</td>
                            <td translate="no">{b.doc1.clone()}</td>
                            <td>{b.text.clone()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
