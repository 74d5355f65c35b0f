//! Time travel (issue 17, part E): the bar on every report that shows the
//! books as they stood at a past moment (a date and time or a log
//! position), and says which moment a report shows.
//!
//! Collapsed it reads "Stand: aktuell ▾"; Alt+T or a click opens the
//! choice: a date and time (in the browser's time zone, resolved by the
//! stamps of the log, `ledger::book::moment`) or a log position. While the
//! past is folded a progress bar shows; then a banner says "Stand vom
//! 10.04.2025 12:00 (Position 4.711 von 9.999)" with "zurück zu aktuell".
//! The moment is kept in the app state, so it holds across reports until
//! the user goes back.

use chrono::NaiveDate;
use leptos::ev;
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::date_field::DateField;
use super::format::{fmt_amount, fmt_date, today};
use super::notice::ProgressBar;
use crate::ledger::book::moment::Moment;
use crate::ledger::types::Timestamp;
use crate::texts;
use crate::ui::errors::session_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{PastMoment, TimeTravel, use_app};

texts! {
    enum T {
        Current => "Stand: aktuell", "As of: now";
        Choose => "Stand wählen (Alt+T)", "Choose the moment (Alt+T)";
        ByTime => "Datum und Uhrzeit", "Date and time";
        ByPosition => "Logposition", "Log position";
        Date => "Datum", "Date";
        Time => "Uhrzeit", "Time";
        Position => "Position", "Position";
        Of => "von", "of";
        Show => "Anzeigen", "Show";
        Cancel => "Abbrechen", "Cancel";
        Back => "Zurück zu aktuell", "Back to now";
        StandVom => "Stand vom", "As of";
        StandAfter => "Stand nach Position", "As of position";
        LastStamp => "letzter Zeitstempel", "last time stamp";
        NoStamp => "vor dem ersten Zeitstempel", "before the first time stamp";
        Folding => "Buchungsstand wird aufgebaut …", "Rebuilding the books …";
        BadTime => "Uhrzeit als HH:MM", "Time as HH:MM";
        BadPosition => "Eine Position ab 1", "A position from 1";
        ReadOnly => "Vergangener Stand: nur lesen, keine Änderungen.", "A past moment: read only, no changes.";
        Rule => "Zeitpunkt: alle Einträge bis zum ersten mit späterem Zeitstempel; Buchungen ohne Zeitstempel gelten ab dem letzten davor.", "Moment: every record up to the first one stamped later; postings without a stamp count from the last stamp before them.";
    }
}

/// Seconds since 1970 of a local date and time (the browser's zone).
fn local_to_stamp(date: NaiveDate, hour: u32, minute: u32) -> Option<Timestamp> {
    use chrono::Datelike;
    let d = js_sys::Date::new_with_year_month_day_hr_min(
        date.year() as u32,
        date.month0() as i32,
        date.day() as i32,
        hour as i32,
        minute as i32,
    );
    Timestamp::from_unix_seconds((d.get_time() / 1000.0).floor() as i64)
}

/// A stamp (UTC) in the browser's zone, in the language's style.
pub fn fmt_stamp(t: Timestamp, lang: Lang) -> String {
    let ms = t.as_naive().and_utc().timestamp() as f64 * 1000.0;
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let date = NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date());
    match date {
        Some(date) => format!(
            "{} {:02}:{:02}",
            fmt_date(date, lang),
            d.get_hours(),
            d.get_minutes()
        ),
        None => t.to_string(),
    }
}

fn fmt_count(n: u64, lang: Lang) -> String {
    fmt_amount(Decimal::from(n), 0, lang)
}

/// "Stand vom 10.04.2025 12:00 (Position 4.711 von 9.999)".
fn banner(p: PastMoment, total: u64, lang: Lang) -> String {
    let t = |k: T| k.text(lang);
    let place = format!(
        "{} {} {} {}",
        t(T::Position),
        fmt_count(p.position, lang),
        t(T::Of),
        fmt_count(total, lang)
    );
    match p.asked {
        Moment::At(at) => format!("{} {} ({place})", t(T::StandVom), fmt_stamp(at, lang)),
        Moment::Position(_) => {
            let stamp = match p.stamp {
                Some(s) => format!("{} {}", t(T::LastStamp), fmt_stamp(s, lang)),
                None => t(T::NoStamp).to_string(),
            };
            format!(
                "{} {} {} {} ({stamp})",
                t(T::StandAfter),
                fmt_count(p.position, lang),
                t(T::Of),
                fmt_count(total, lang)
            )
        }
    }
}

fn parse_time(text: &str) -> Option<(u32, u32)> {
    let text = text.trim();
    if text.is_empty() {
        return Some((23, 59));
    }
    let (h, m) = text.split_once(':').unwrap_or((text, "0"));
    let (h, m) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// The "as of" bar of a report.
#[component]
pub fn AsOfBar() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = RwSignal::new(false);
    let by_position = RwSignal::new(false);
    let date = RwSignal::new(Some(today()));
    let time = RwSignal::new(String::from("12:00"));
    let position = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<T>);

    let show = move || {
        let asked = if by_position.get_untracked() {
            match position
                .get_untracked()
                .trim()
                .replace(['.', ','], "")
                .parse::<u64>()
            {
                Ok(n) if n >= 1 => Moment::Position(n),
                _ => return problem.set(Some(T::BadPosition)),
            }
        } else {
            let at = date
                .get_untracked()
                .zip(parse_time(&time.get_untracked()))
                .and_then(|(d, (h, m))| local_to_stamp(d, h, m));
            match at {
                Some(at) => Moment::At(at),
                None => return problem.set(Some(T::BadTime)),
            }
        };
        problem.set(None);
        open.set(false);
        leptos::task::spawn_local(async move { app.travel_to(asked).await });
    };
    let toggle = move || {
        if !open.get_untracked() && position.get_untracked().is_empty() {
            let n = app.log_length();
            position.set(n.to_string());
        }
        open.update(|o| *o = !*o);
    };
    let handle = window_event_listener(ev::keydown, move |e| {
        if e.alt_key() && !e.ctrl_key() && !e.meta_key() && e.key().eq_ignore_ascii_case("t") {
            e.prevent_default();
            toggle();
        }
    });
    on_cleanup(move || handle.remove());

    let state = move || app.time_travel.get();
    view! {
        <div class="as-of-bar" data-testid="as-of-bar" class:past=move || app.in_past()>
            {move || {
                let lang = i18n.lang();
                match state() {
                    TimeTravel::Past(p) => view! {
                        <div class="as-of-banner" role="status" data-testid="as-of-banner">
                            <span class="as-of-text">{banner(p, app.log_length(), lang)}</span>
                            <span class="as-of-readonly">{T::ReadOnly.text(lang)}</span>
                        </div>
                    }.into_any(),
                    TimeTravel::Folding(_, progress) => view! {
                        <ProgressBar progress=progress label=T::Folding.text(lang) />
                    }.into_any(),
                    TimeTravel::Failed(e) => view! {
                        <div class="error-box" role="alert" data-testid="as-of-error">{session_error(&e, lang)}</div>
                    }.into_any(),
                    TimeTravel::Current => view! {
                        <span class="as-of-text" data-testid="as-of-current">{T::Current.text(lang)}</span>
                    }.into_any(),
                }
            }}
            <button type="button" class="as-of-toggle" data-testid="as-of-toggle"
                aria-expanded=move || open.get().to_string()
                title=move || i18n.t(T::Choose)
                on:click=move |_| toggle()>
                {move || i18n.t(T::Choose)} " ▾"
            </button>
            <Show when=move || app.in_past()>
                <button type="button" class="as-of-back" data-testid="as-of-back"
                    on:click=move |_| app.back_to_current()>
                    {move || i18n.t(T::Back)}
                </button>
            </Show>
            <Show when=move || open.get()>
                <form class="as-of-choice" data-testid="as-of-choice"
                    on:submit=move |ev| { ev.prevent_default(); show(); }
                    on:keydown=move |e| if e.key() == "Escape" { open.set(false); }>
                    <fieldset class="as-of-mode">
                        <label>
                            <input type="radio" name="as-of-mode" data-testid="as-of-by-time"
                                prop:checked=move || !by_position.get()
                                on:change=move |_| by_position.set(false) />
                            {move || i18n.t(T::ByTime)}
                        </label>
                        <label>
                            <input type="radio" name="as-of-mode" data-testid="as-of-by-position"
                                prop:checked=move || by_position.get()
                                on:change=move |_| by_position.set(true) />
                            {move || i18n.t(T::ByPosition)}
                        </label>
                    </fieldset>
                    <Show when=move || !by_position.get()
                        fallback=move || view! {
                            <label class="field narrow">
                                <span>{move || format!("{} ({} {})", i18n.t(T::Position), i18n.t(T::Of), fmt_count(app.log_length(), i18n.lang()))}</span>
                                <input type="text" inputmode="numeric" data-testid="as-of-position"
                                    prop:value=move || position.get()
                                    on:input=move |ev| position.set(event_target_value(&ev)) />
                            </label>
                        }>
                        <DateField label=T::Date value=date testid="as-of-date" />
                        <label class="field narrow">
                            <span>{move || i18n.t(T::Time)}</span>
                            <input type="text" inputmode="numeric" placeholder="HH:MM" data-testid="as-of-time"
                                prop:value=move || time.get()
                                on:input=move |ev| time.set(event_target_value(&ev)) />
                        </label>
                    </Show>
                    <button type="submit" class="primary" data-testid="as-of-show">{move || i18n.t(T::Show)}</button>
                    <button type="button" on:click=move |_| open.set(false)>{move || i18n.t(T::Cancel)}</button>
                    <Show when=move || problem.get().is_some()>
                        <p class="field-error" role="alert">{move || problem.get().map(|p| i18n.t(p))}</p>
                    </Show>
                    <p class="hint as-of-rule">{move || i18n.t(T::Rule)}</p>
                </form>
            </Show>
        </div>
    }
}
