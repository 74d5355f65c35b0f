//! The period picker of the period reports (VAT return, cost-centre
//! report): month / quarter / fiscal-year presets plus free from/to
//! periods, in the company's calendar.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use super::format::today;
use crate::ledger::Book;
use crate::ledger::types::PeriodLayout;
use crate::texts;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    enum T {
        Period => "Zeitraum", "Period";
        FromPeriod => "Von Periode", "From period";
        ToPeriod => "Bis Periode", "To period";
        FreeRange => "Freier Zeitraum", "Custom range";
        FiscalYear => "Geschäftsjahr", "Fiscal year";
        Quarter => "Quartal", "Quarter";
        M1 => "Januar", "January";
        M2 => "Februar", "February";
        M3 => "März", "March";
        M4 => "April", "April";
        M5 => "Mai", "May";
        M6 => "Juni", "June";
        M7 => "Juli", "July";
        M8 => "August", "August";
        M9 => "September", "September";
        M10 => "Oktober", "October";
        M11 => "November", "November";
        M12 => "Dezember", "December";
    }
}

const MONTHS: [T; 12] = [
    T::M1,
    T::M2,
    T::M3,
    T::M4,
    T::M5,
    T::M6,
    T::M7,
    T::M8,
    T::M9,
    T::M10,
    T::M11,
    T::M12,
];

#[derive(Clone, Debug, PartialEq, Eq)]
struct PeriodInfo {
    index: usize,
    fiscal_year: i32,
    number: u8,
    start: NaiveDate,
    end: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Calendar {
    months_per_period: usize,
    periods: Vec<PeriodInfo>,
}

fn calendar_of(book: &Book) -> Calendar {
    let c = book.calendar();
    Calendar {
        months_per_period: match c.layout() {
            PeriodLayout::Monthly => 1,
            _ => c.layout().months_per_period(),
        },
        periods: c
            .periods()
            .enumerate()
            .map(|(index, p)| PeriodInfo {
                index,
                fiscal_year: p.reference.fiscal_year,
                number: p.reference.period,
                start: p.start,
                end: p.end,
            })
            .collect(),
    }
}

/// The period holding the last posting (or today), as a one-period range.
pub fn default_month(book: &Book) -> Option<(usize, usize)> {
    let date = book
        .entries()
        .last()
        .map(|e| e.posting_date)
        .unwrap_or_else(today);
    let c = book.calendar();
    let i = c
        .index_of_date(date)
        .or_else(|| c.period_count().checked_sub(1))?;
    Some((i, i))
}

fn short_range(start: NaiveDate, end: NaiveDate) -> String {
    format!("{}–{}", start.format("%d.%m."), end.format("%d.%m.%Y"))
}

fn period_label(p: &PeriodInfo, months_per_period: usize, lang: Lang) -> String {
    if months_per_period == 1 {
        let m = MONTHS[p.start.month0() as usize].text(lang);
        format!("{m} {}", p.start.year())
    } else {
        format!(
            "{:02}/{} ({})",
            p.number,
            p.fiscal_year,
            short_range(p.start, p.end)
        )
    }
}

/// A preset range: first and last global period index, label.
type Preset = (usize, usize, String);

/// Presets per fiscal year: (year, presets).
fn presets(cal: &Calendar, lang: Lang) -> Vec<(i32, Vec<Preset>)> {
    let mut out: Vec<(i32, Vec<Preset>)> = Vec::new();
    let mut years: Vec<i32> = cal.periods.iter().map(|p| p.fiscal_year).collect();
    years.dedup();
    for year in years {
        let ps: Vec<&PeriodInfo> = cal
            .periods
            .iter()
            .filter(|p| p.fiscal_year == year)
            .collect();
        let (Some(first), Some(last)) = (ps.first(), ps.last()) else {
            continue;
        };
        let mut items = Vec::new();
        if cal.months_per_period == 1 {
            items.extend(
                ps.iter()
                    .map(|p| (p.index, p.index, period_label(p, 1, lang))),
            );
        }
        let per_quarter = (3 / cal.months_per_period.max(1)).max(1);
        if cal.months_per_period <= 3 {
            for (q, chunk) in ps.chunks(per_quarter).enumerate() {
                let (a, b) = (chunk[0], chunk[chunk.len() - 1]);
                items.push((
                    a.index,
                    b.index,
                    format!(
                        "{} {} {} ({})",
                        T::Quarter.text(lang),
                        q + 1,
                        year,
                        short_range(a.start, b.end)
                    ),
                ));
            }
        }
        items.push((
            first.index,
            last.index,
            format!("{} {year}", T::FiscalYear.text(lang)),
        ));
        out.push((year, items));
    }
    out
}

/// Month / quarter / fiscal-year presets plus free from/to periods.
/// `selected` is what the user picked (`None`: the page's default);
/// `current` the range in effect.
#[component]
pub fn PeriodPicker(
    selected: RwSignal<Option<(usize, usize)>>,
    current: Signal<Option<(usize, usize)>>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let cal = Memo::new(move |_| {
        app.with_book(calendar_of).unwrap_or(Calendar {
            months_per_period: 1,
            periods: Vec::new(),
        })
    });
    let choices = Memo::new(move |_| presets(&cal.get(), i18n.lang()));
    let is_preset = move || {
        let cur = current.get();
        choices
            .get()
            .iter()
            .any(|(_, items)| items.iter().any(|(a, b, _)| Some((*a, *b)) == cur))
    };
    let set_from = move |v: String| {
        if let Ok(a) = v.parse::<usize>() {
            let b = current.get_untracked().map_or(a, |c| c.1.max(a));
            selected.set(Some((a, b)));
        }
    };
    let set_to = move |v: String| {
        if let Ok(b) = v.parse::<usize>() {
            let a = current.get_untracked().map_or(b, |c| c.0.min(b));
            selected.set(Some((a, b)));
        }
    };
    let period_options = move |pick_from: bool| {
        let c = cal.get();
        let lang = i18n.lang();
        c.periods
            .iter()
            .map(|p| {
                let i = p.index;
                let label = period_label(p, c.months_per_period, lang);
                let sel =
                    move || current.get().map(|r| if pick_from { r.0 } else { r.1 }) == Some(i);
                view! { <option value=i.to_string() selected=sel>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="field period-preset">
            <span>{move || i18n.t(T::Period)}</span>
            <select data-testid=format!("{testid}-preset") on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some((a, b)) = v.split_once('-')
                    && let (Ok(a), Ok(b)) = (a.parse(), b.parse())
                {
                    selected.set(Some((a, b)));
                }
            }>
                <option value="" selected=move || !is_preset() disabled=true>{move || i18n.t(T::FreeRange)}</option>
                {move || choices.get().into_iter().map(|(year, items)| view! {
                    <optgroup label=year.to_string()>
                        {items.into_iter().map(|(a, b, label)| view! {
                            <option value=format!("{a}-{b}") selected=move || current.get() == Some((a, b))>{label}</option>
                        }).collect_view()}
                    </optgroup>
                }).collect_view()}
            </select>
        </label>
        <label class="field narrow">
            <span>{move || i18n.t(T::FromPeriod)}</span>
            <select data-testid=format!("{testid}-from") on:change=move |ev| set_from(event_target_value(&ev))>
                {move || period_options(true)}
            </select>
        </label>
        <label class="field narrow">
            <span>{move || i18n.t(T::ToPeriod)}</span>
            <select data-testid=format!("{testid}-to") on:change=move |ev| set_to(event_target_value(&ev))>
                {move || period_options(false)}
            </select>
        </label>
    }
}
