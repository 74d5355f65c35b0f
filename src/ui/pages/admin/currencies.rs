//! Währungen und Wechselkurse: the company's local and system currency, the
//! ISO currencies Kontor knows, and the dated rate table per currency. A
//! rate is quoted as units of foreign currency per one unit of local
//! currency (the ECB quotation when LC is EUR), and the rate for a date is
//! the latest one on or before it (see `ledger::fx`).

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::amount::{format_amount, parse_amount, parse_date};
use crate::formats::ecb::{EcbError, EcbRates, MAX_ECB_BYTES, parse_ecb};
use crate::ledger::Command;
use crate::ledger::gl::GlCommand;
use crate::ledger::types::Currency;
use crate::ledger::types::limits::MAX_FX_RATE_DECIMALS as MAX_RATE_DECIMALS;
use crate::texts;
use crate::ui::components::SaveButton;
use crate::ui::components::{AdminFrame, fmt_date, say};
use crate::ui::components::{ErrorBox, number_style, today};
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::{AppState, use_app};

texts! {
    pub enum T {
        Title => "Währungen und Wechselkurse", "Currencies and exchange rates";
        Lead => "Kurse gelten ab ihrem Datum, bis ein neuerer Kurs folgt. Fremdwährungsbuchungen rechnen mit dem Kurs ihres Buchungsdatums.", "A rate applies from its date until a newer one follows. Foreign-currency postings use the rate of their posting date.";
        Lc => "Hauswährung", "Local currency";
        Sc => "Systemwährung", "System currency";
        EnterRate => "Kurs erfassen", "Enter a rate";
        Currency => "Währung", "Currency";
        Date => "Gültig ab", "Valid from";
        Rate => "Kurs", "Rate";
        Per => "je", "per";
        Save => "Kurs speichern", "Save rate";
        Saving => "Wird gespeichert …", "Saving …";
        Saved => "Kurs gespeichert:", "Rate saved:";
        From => "ab", "from";
        DateInvalid => "ist kein gültiges Datum (z. B. 05.01.2026).", "is not a valid date (e.g. 2026-01-05).";
        RateInvalid => "ist kein gültiger Kurs (z. B. 1,0837; höchstens 10 Nachkommastellen).", "is not a valid rate (e.g. 1.0837; at most 10 decimals).";
        RateEmpty => "Bitte einen Kurs eingeben.", "Please enter a rate.";
        History => "Kurshistorie", "Rate history";
        NoRates => "Für diese Währung ist noch kein Kurs erfasst.", "No rate has been entered for this currency yet.";
        Inverse => "Gegenkurs", "Inverse";
        Known => "Bekannte Währungen (ISO 4217)", "Known currencies (ISO 4217)";
        Code => "Code", "Code";
        Decimals => "Nachkommastellen", "Decimals";
        Latest => "Letzter Kurs", "Latest rate";
        ValidFrom => "gültig ab", "valid from";
        Count => "Kurse", "Rates";
        IsLc => "Hauswährung", "local currency";
        Show => "Kurse anzeigen:", "Show rates:";
        Import => "Kursdatei der EZB importieren", "Import an ECB rate file";
        ImportHint => "Euro-Referenzkurse der EZB als CSV (eurofxref.csv, eurofxref-hist.csv) oder XML (eurofxref-daily.xml). Die EZB notiert Fremdwährung je 1 EUR; der Import gilt daher nur bei Hauswährung EUR. Bereits erfasste gleiche Kurse werden übersprungen.", "ECB euro reference rates as CSV (eurofxref.csv, eurofxref-hist.csv) or XML (eurofxref-daily.xml). The ECB quotes foreign currency per 1 EUR, so the import applies only when the local currency is EUR. Rates already entered unchanged are skipped.";
        ImportFile => "Datei wählen", "Choose file";
        ImportNotEur => "Die Hauswährung ist nicht EUR; EZB-Kurse (je 1 EUR) passen nicht.", "The local currency is not EUR; ECB rates (per 1 EUR) do not fit.";
        Importing => "Importiere Kurse …", "Importing rates …";
        Imported => "Kurse importiert:", "Rates imported:";
        Unchanged => "bereits vorhanden:", "already present:";
        SkippedCodes => "unbekannte Währungen übersprungen:", "unknown currencies skipped:";
        ReadFailed => "Die Datei ließ sich nicht lesen.", "The file could not be read.";
    }
}

/// Decimals the inverse rate is shown with (a reading aid, never stored).
const INVERSE_DECIMALS: u32 = 6;

/// A rate with the open company's display decimals.
fn rate_text(app: AppState, rate: Decimal, lang: Lang) -> String {
    crate::ui::components::fmt_rate(rate, &app.display_decimals(), lang)
}

#[component]
pub fn CurrenciesPage() -> impl IntoView {
    view! {
        <AdminFrame page="currencies" title=T::Title lead=T::Lead>
            <CurrenciesBody />
        </AdminFrame>
    }
}

#[component]
fn CurrenciesBody() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lc_sc = Memo::new(move |_| {
        app.with_book(|b| Some(b.settings()).map(|s| (s.lc, s.sc)))
            .flatten()
            .unwrap_or((Currency::EUR, Currency::EUR))
    });
    let lc = move || lc_sc.get().0;
    let first_foreign = if lc_sc.get_untracked().0 == Currency::USD {
        Currency::EUR
    } else {
        Currency::USD
    };
    let currency = RwSignal::new(first_foreign);
    let history = Memo::new(move |_| {
        let c = currency.get();
        let mut rows: Vec<(NaiveDate, Decimal)> = app
            .with_book(|b| b.rates().history(c).collect())
            .unwrap_or_default();
        rows.reverse();
        rows
    });
    let overview = Memo::new(move |_| {
        app.with_book(|b| {
            Currency::all()
                .map(|c| {
                    let mut count = 0usize;
                    let mut latest = None;
                    for (date, rate) in b.rates().history(c) {
                        count += 1;
                        latest = Some((date, rate));
                    }
                    (c, latest, count)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });

    view! {
        <dl class="currency-facts">
            <div><dt>{move || i18n.t(T::Lc)}</dt><dd data-testid="lc">{move || lc_sc.get().0.to_string()}</dd></div>
            <div><dt>{move || i18n.t(T::Sc)}</dt><dd data-testid="sc">{move || lc_sc.get().1.to_string()}</dd></div>
        </dl>
        <div class="currencies-layout">
            <div>
                <RateForm currency=currency lc=Signal::derive(lc) />
                <RateImport lc=Signal::derive(lc) />
                <h2>{move || format!("{} {}", i18n.t(T::History), currency.get())}</h2>
                <Show when=move || !history.get().is_empty()
                    fallback=move || view! { <p class="muted" data-testid="no-rates">{move || i18n.t(T::NoRates)}</p> }>
                    <div class="table-wrap">
                        <table class="data rates" data-testid="rate-history">
                            <thead><tr>
                                <th>{move || i18n.t(T::Date)}</th>
                                <th class="num">{move || format!("{} ({} {} 1 {})", i18n.t(T::Rate), currency.get(), i18n.t(T::Per), lc())}</th>
                                <th class="num">{move || format!("{} ({} {} 1 {})", i18n.t(T::Inverse), lc(), i18n.t(T::Per), currency.get())}</th>
                            </tr></thead>
                            <tbody>
                                {move || history.get().into_iter().map(|(date, rate)| {
                                    let inverse = (Decimal::ONE / rate).round_dp(INVERSE_DECIMALS);
                                    view! {
                                        <tr data-date=date.to_string()>
                                            <td>{move || fmt_date(date, i18n.lang())}</td>
                                            <td class="num">{move || rate_text(app, rate, i18n.lang())}</td>
                                            <td class="num muted">{move || format_amount(inverse, INVERSE_DECIMALS, number_style(i18n.lang()))}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </Show>
            </div>
            <div>
                <h2>{move || i18n.t(T::Known)}</h2>
                <div class="table-wrap currency-table">
                    <table class="data" data-testid="currency-table">
                        <thead><tr>
                            <th>{move || i18n.t(T::Code)}</th>
                            <th class="num">{move || i18n.t(T::Decimals)}</th>
                            <th class="num">{move || i18n.t(T::Latest)}</th>
                            <th>{move || i18n.t(T::ValidFrom)}</th>
                            <th class="num">{move || i18n.t(T::Count)}</th>
                        </tr></thead>
                        <tbody>
                            {move || overview.get().into_iter().map(|(c, latest, count)| {
                                let is_lc = c == lc();
                                let code = c.to_string();
                                view! {
                                    <tr data-currency=code.clone() class:selected=move || currency.get() == c>
                                        <td>
                                            {if is_lc {
                                                view! { <strong>{code.clone()}</strong> }.into_any()
                                            } else {
                                                view! {
                                                    <button type="button" class="link-button"
                                                        aria-label=move || format!("{} {}", i18n.t(T::Show), c)
                                                        on:click=move |_| currency.set(c)>{code.clone()}</button>
                                                }.into_any()
                                            }}
                                        </td>
                                        <td class="num">{c.decimals()}</td>
                                        <td class="num">{move || match (is_lc, latest) {
                                            (true, _) => i18n.t(T::IsLc).to_string(),
                                            (false, Some((_, rate))) => rate_text(app, rate, i18n.lang()),
                                            (false, None) => "–".to_string(),
                                        }}</td>
                                        <td>{move || latest.map(|(d, _)| fmt_date(d, i18n.lang())).unwrap_or_default()}</td>
                                        <td class="num">{(count > 0).then_some(count)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
        </div>
    }
}

/// "Currency, date, rate (FC per 1 LC)" → `SetExchangeRate`.
#[component]
fn RateForm(currency: RwSignal<Currency>, lc: Signal<Currency>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let date = RwSignal::new(fmt_date(today(), i18n.lang_untracked()));
    let rate = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);

    let save = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        error.set(None);
        notice.set(None);
        let c = currency.get_untracked();
        let (date_value, rate_value) =
            match read_form(&date.get_untracked(), &rate.get_untracked(), lang) {
                Ok(v) => v,
                Err(message) => {
                    error.set(Some(message));
                    return;
                }
            };
        let cmd = Command::Gl(GlCommand::SetExchangeRate {
            currency: c,
            date: date_value,
            rate_fc_per_lc: rate_value,
        });
        match app.execute(cmd).await {
            Ok(_) => {
                notice.set(Some(format!(
                    "{} 1 {} = {} {c} {} {}",
                    say(T::Saved, lang),
                    lc.get_untracked(),
                    rate_text(app, rate_value, lang),
                    say(T::From, lang),
                    fmt_date(date_value, lang)
                )));
                rate.set(String::new());
            }
            Err(e) => error.set(Some(session_error(&e, lang))),
        }
    });

    let foreign = move || {
        Currency::all()
            .filter(move |c| *c != lc.get())
            .collect::<Vec<_>>()
    };
    view! {
        <form class="form rate-form" data-testid="rate-form"
            on:submit=move |ev| { ev.prevent_default(); save.dispatch(()); }>
            <fieldset>
                <legend>{move || i18n.t(T::EnterRate)}</legend>
                <div class="field-row">
                    <label class="field narrow">
                        <span>{move || i18n.t(T::Currency)}</span>
                        <select id="rate-currency" prop:value=move || currency.get().to_string()
                            on:change=move |ev| {
                                if let Ok(c) = Currency::parse(&event_target_value(&ev)) {
                                    currency.set(c);
                                }
                            }>
                            {move || foreign().into_iter().map(|c| view! {
                                <option value=c.to_string() selected=move || currency.get() == c>{c.to_string()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(T::Date)}</span>
                        <input type="text" id="rate-date" required autocomplete="off"
                            prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span>{move || format!("{} ({} {} 1 {})", i18n.t(T::Rate), currency.get(), i18n.t(T::Per), lc.get())}</span>
                        <input type="text" id="rate-value" required inputmode="decimal" autocomplete="off" class="num"
                            placeholder=move || if i18n.is_de() { "1,0837" } else { "1.0837" }
                            prop:value=move || rate.get() on:input=move |ev| rate.set(event_target_value(&ev)) />
                    </label>
                </div>
                <ErrorBox message=Signal::derive(move || error.get()) />
                <Show when=move || notice.get().is_some()>
                    <div class="success-box" role="status" data-testid="rate-saved">{move || notice.get()}</div>
                </Show>
                <div class="actions">
                    <SaveButton testid="save-rate" pending=move || save.pending().get()>
                        {move || i18n.t(if save.pending().get() { T::Saving } else { T::Save })}
                    </SaveButton>
                </div>
            </fieldset>
        </form>
    }
}

/// The form's date and rate, or a sentence saying which is wrong.
fn read_form(date: &str, rate: &str, lang: Lang) -> Result<(NaiveDate, Decimal), String> {
    let date_value = parse_date(date, today())
        .map_err(|_| format!("„{}“ {}", date.trim(), say(T::DateInvalid, lang)))?;
    if rate.trim().is_empty() {
        return Err(say(T::RateEmpty, lang).to_string());
    }
    let rate_value = parse_amount(rate, number_style(lang), MAX_RATE_DECIMALS)
        .map_err(|_| format!("„{}“ {}", rate.trim(), say(T::RateInvalid, lang)))?;
    Ok((date_value, rate_value))
}

/// The ECB rate file: read in the browser, parsed by `formats::ecb`, then
/// one `SetExchangeRate` per new rate (the engine has no bulk command; a
/// refused rate stops the import and says which one).
#[component]
fn RateImport(lc: Signal<Currency>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);
    let progress = RwSignal::new(None::<(usize, usize)>);

    let import = Action::new_local(move |file: &web_sys::File| {
        let file = gloo::file::File::from(file.clone());
        async move {
            let lang = i18n.lang_untracked();
            error.set(None);
            notice.set(None);
            if lc.get_untracked() != Currency::EUR {
                error.set(Some(say(T::ImportNotEur, lang).to_string()));
                return;
            }
            if file.size() as usize > MAX_ECB_BYTES {
                error.set(Some(ecb_error(
                    &EcbError::TooLarge { max: MAX_ECB_BYTES },
                    lang,
                )));
                return;
            }
            let Ok(text) = gloo::file::futures::read_as_text(&file).await else {
                error.set(Some(say(T::ReadFailed, lang).to_string()));
                return;
            };
            match parse_ecb(&text) {
                Ok(found) => apply_rates(app, found, progress, error, notice, lang).await,
                Err(e) => error.set(Some(ecb_error(&e, lang))),
            }
        }
    });
    view! {
        <form class="form rate-import" data-testid="rate-import" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>{move || i18n.t(T::Import)}</legend>
                <p class="muted small">{move || i18n.t(T::ImportHint)}</p>
                <label class="field">
                    <span>{move || i18n.t(T::ImportFile)}</span>
                    <input type="file" id="rate-file" accept=".csv,.xml,text/csv,application/xml,text/xml"
                        disabled=move || import.pending().get()
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                                import.dispatch_local(file);
                            }
                            input.set_value("");
                        } />
                </label>
                {move || progress.get().map(|(done, total)| view! {
                    <p class="muted" role="status">{format!("{} {done} / {total}", i18n.t(T::Importing))}</p>
                })}
                <ErrorBox message=Signal::derive(move || error.get()) />
                <Show when=move || notice.get().is_some()>
                    <div class="success-box" role="status" data-testid="rates-imported">{move || notice.get()}</div>
                </Show>
            </fieldset>
        </form>
    }
}

/// Sends the rates not yet in the table, one command each.
async fn apply_rates(
    app: crate::ui::state::AppState,
    found: EcbRates,
    progress: RwSignal<Option<(usize, usize)>>,
    error: RwSignal<Option<String>>,
    notice: RwSignal<Option<String>>,
    lang: Lang,
) {
    let new: Vec<_> = app
        .with_book(|b| {
            found
                .rates
                .iter()
                .filter(|r| {
                    b.rates()
                        .history(r.currency)
                        .find(|(d, _)| *d == r.date)
                        .is_none_or(|(_, rate)| rate != r.rate_fc_per_eur)
                })
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let unchanged = found.rates.len() - new.len();
    let total = new.len();
    for (i, r) in new.into_iter().enumerate() {
        progress.set(Some((i, total)));
        let cmd = Command::Gl(GlCommand::SetExchangeRate {
            currency: r.currency,
            date: r.date,
            rate_fc_per_lc: r.rate_fc_per_eur,
        });
        if let Err(e) = app.execute(cmd).await {
            progress.set(None);
            error.set(Some(format!(
                "{} {} {}: {}",
                r.currency,
                say(T::From, lang),
                fmt_date(r.date, lang),
                session_error(&e, lang)
            )));
            return;
        }
    }
    progress.set(None);
    let mut message = format!(
        "{} {total}; {} {unchanged}",
        say(T::Imported, lang),
        say(T::Unchanged, lang)
    );
    if !found.skipped_codes.is_empty() {
        message.push_str(&format!(
            "; {} {}",
            say(T::SkippedCodes, lang),
            found.skipped_codes.join(", ")
        ));
    }
    notice.set(Some(message));
}

fn ecb_error(e: &EcbError, lang: Lang) -> String {
    let (de, en) = match e {
        EcbError::Empty => (
            "Die Datei enthält keine verwendbaren Kurse.".to_string(),
            "The file holds no usable rates.".to_string(),
        ),
        EcbError::TooLarge { max } => (
            format!("Die Datei ist größer als {} MB.", max / 1_000_000),
            format!("The file is larger than {} MB.", max / 1_000_000),
        ),
        EcbError::TooMany { max } => (
            format!("Die Datei enthält mehr als {max} Kurse; bitte einen kürzeren Zeitraum wählen."),
            format!("The file holds more than {max} rates; please choose a shorter period."),
        ),
        EcbError::NotEcb => (
            "Das ist keine Kursdatei der EZB (CSV mit Kopfzeile „Date, USD, …“ oder XML mit „Cube“).".to_string(),
            "This is not an ECB rate file (CSV with header \"Date, USD, …\" or XML with \"Cube\").".to_string(),
        ),
        EcbError::BadDate { line, text } => (
            format!("Zeile {line}: „{text}“ ist kein Datum."),
            format!("Line {line}: \"{text}\" is not a date."),
        ),
        EcbError::ColumnCount { line, expected, found } => (
            format!("Zeile {line} hat {found} Spalten, die Kopfzeile {expected}; steht dort ein Kurs mit Dezimalkomma?"),
            format!("Line {line} has {found} columns, the header {expected}; is a rate written with a decimal comma?"),
        ),
        EcbError::BadRate { line, code, text } => (
            format!("Zeile {line}: „{text}“ ist kein Kurs für {code}."),
            format!("Line {line}: \"{text}\" is not a rate for {code}."),
        ),
    };
    if lang == Lang::De { de } else { en }
}
