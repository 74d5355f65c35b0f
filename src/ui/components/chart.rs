//! Charts (Grafiken, issue 17 part E): bar charts (one or several series
//! side by side per label), a line chart and horizontal bars, drawn as SVG
//! by Leptos itself (no JavaScript charting library). Axes carry "nice"
//! ticks (1, 2 or 5 × 10ⁿ) labelled in the UI language; every bar and
//! point has a `<title>` with its exact amount (shown on hover); a
//! visually hidden table holds the same numbers for screen readers. The
//! amounts stay `Decimal` until they become an SVG coordinate (f64 only
//! there). Colours come from CSS classes (`style/charts.css`), with
//! patterns of stroke for print in black and white.

use leptos::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::format::fmt_amount;
use crate::ledger::report::nice_ticks;
use crate::ui::i18n::Lang;

/// One series of a chart: its name (legend, hover) and a value per label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    /// CSS class of its bars or line (`s1`, `s2`, `s3`).
    pub class: &'static str,
    pub values: Vec<Decimal>,
}

const W: f64 = 720.0;
const H: f64 = 300.0;
const LEFT: f64 = 84.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 36.0;

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// The value axis: from the ticks to SVG y (or x) coordinates.
#[derive(Clone, Copy)]
struct Scale {
    lo: f64,
    hi: f64,
    from: f64,
    to: f64,
}

impl Scale {
    fn at(self, v: Decimal) -> f64 {
        let span = self.hi - self.lo;
        let share = if span == 0.0 {
            0.0
        } else {
            (f(v) - self.lo) / span
        };
        self.from + share * (self.to - self.from)
    }
}

fn tick_decimals(ticks: &[Decimal]) -> u32 {
    match ticks.windows(2).next() {
        Some([a, b]) if (*b - *a) < Decimal::ONE => 2,
        _ => 0,
    }
}

fn value_range<'a>(values: impl Iterator<Item = &'a Decimal>) -> Vec<Decimal> {
    let (mut min, mut max) = (Decimal::ZERO, Decimal::ZERO);
    for v in values {
        min = min.min(*v);
        max = max.max(*v);
    }
    nice_ticks(min, max)
}

/// The horizontal grid and value labels of a vertical chart.
fn y_axis(ticks: &[Decimal], scale: Scale, lang: Lang) -> impl IntoView + use<> {
    let d = tick_decimals(ticks);
    ticks
        .iter()
        .map(|t| {
            let y = scale.at(*t);
            let zero = t.is_zero();
            view! {
                <line class="chart-grid" class:chart-zero=zero x1=LEFT x2=W - RIGHT y1=y y2=y />
                <text class="chart-tick" x=LEFT - 6.0 y=y + 4.0 text-anchor="end">{fmt_amount(*t, d, lang)}</text>
            }
        })
        .collect_view()
}

/// The legend and the screen readers' table of a chart.
fn legend_and_table(
    title: &str,
    label_head: &str,
    labels: &[String],
    series: &[Series],
    decimals: u32,
    lang: Lang,
) -> impl IntoView + use<> {
    let legend = (series.len() > 1).then(|| {
        series
            .iter()
            .map(|s| {
                view! { <li><span class=format!("chart-swatch {}", s.class)></span>{s.name.clone()}</li> }
            })
            .collect_view()
    });
    let heads = series
        .iter()
        .map(|s| view! { <th scope="col">{s.name.clone()}</th> })
        .collect_view();
    let rows = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let cells = series
                .iter()
                .map(|s| {
                    let v = s.values.get(i).copied().unwrap_or_default();
                    view! { <td>{fmt_amount(v, decimals, lang)}</td> }
                })
                .collect_view();
            view! { <tr><th scope="row">{l.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <ul class="chart-legend" aria-hidden="true">{legend}</ul>
        <table class="visually-hidden chart-table">
            <caption>{title.to_string()}</caption>
            <thead><tr><th scope="col">{label_head.to_string()}</th>{heads}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// Bars per label, the series side by side (grouped bars).
#[component]
pub fn BarChart(
    #[prop(into)] title: String,
    #[prop(into)] label_head: String,
    labels: Vec<String>,
    series: Vec<Series>,
    decimals: u32,
    lang: Lang,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let ticks = value_range(series.iter().flat_map(|s| s.values.iter()));
    let scale = Scale {
        lo: ticks.first().map_or(0.0, |t| f(*t)),
        hi: ticks.last().map_or(1.0, |t| f(*t)),
        from: H - BOTTOM,
        to: TOP,
    };
    let n = labels.len().max(1) as f64;
    let k = series.len().max(1) as f64;
    let group_w = (W - LEFT - RIGHT) / n;
    let bar_w = group_w * 0.8 / k;
    let zero = scale.at(Decimal::ZERO);
    let bars = series
        .iter()
        .enumerate()
        .flat_map(|(j, s)| {
            let labels = &labels;
            s.values.iter().enumerate().map(move |(i, v)| {
                let x = LEFT + group_w * i as f64 + group_w * 0.1 + bar_w * j as f64;
                let y = scale.at(*v);
                let (top, height) = (y.min(zero), (zero - y).abs().max(0.5));
                let hover = format!(
                    "{} – {}: {}",
                    labels.get(i).cloned().unwrap_or_default(),
                    s.name,
                    fmt_amount(*v, decimals, lang)
                );
                view! {
                    <rect class=format!("chart-bar {}", s.class) class:negative=v.is_sign_negative()
                        x=x y=top width=bar_w.max(1.0) height=height>
                        <title>{hover}</title>
                    </rect>
                }
            })
        })
        .collect_view();
    let x_labels = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let x = LEFT + group_w * (i as f64 + 0.5);
            view! { <text class="chart-label" x=x y=H - BOTTOM + 18.0 text-anchor="middle">{l.clone()}</text> }
        })
        .collect_view();
    let table = legend_and_table(&title, &label_head, &labels, &series, decimals, lang);
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{title.clone()}</figcaption>
            <svg class="chart-svg" viewBox=format!("0 0 {W} {H}") role="img" aria-label=title.clone()
                preserveAspectRatio="xMidYMid meet">
                {y_axis(&ticks, scale, lang)}
                {bars}
                {x_labels}
            </svg>
            {table}
        </figure>
    }
}

/// One series as a line with a point per label.
#[component]
pub fn LineChart(
    #[prop(into)] title: String,
    #[prop(into)] label_head: String,
    labels: Vec<String>,
    series: Series,
    decimals: u32,
    lang: Lang,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let ticks = value_range(series.values.iter());
    let scale = Scale {
        lo: ticks.first().map_or(0.0, |t| f(*t)),
        hi: ticks.last().map_or(1.0, |t| f(*t)),
        from: H - BOTTOM,
        to: TOP,
    };
    let n = labels.len().max(1) as f64;
    let step = (W - LEFT - RIGHT) / n;
    let x_of = move |i: usize| LEFT + step * (i as f64 + 0.5);
    let points: Vec<(f64, f64, Decimal)> = series
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| (x_of(i), scale.at(*v), *v))
        .collect();
    let path = points
        .iter()
        .map(|(x, y, _)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let dots = points
        .iter()
        .enumerate()
        .map(|(i, (x, y, v))| {
            let hover = format!(
                "{}: {}",
                labels.get(i).cloned().unwrap_or_default(),
                fmt_amount(*v, decimals, lang)
            );
            view! {
                <circle class=format!("chart-point {}", series.class) cx=*x cy=*y r="4">
                    <title>{hover}</title>
                </circle>
            }
        })
        .collect_view();
    let x_labels = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            view! { <text class="chart-label" x=x_of(i) y=H - BOTTOM + 18.0 text-anchor="middle">{l.clone()}</text> }
        })
        .collect_view();
    let one = [series.clone()];
    let table = legend_and_table(&title, &label_head, &labels, &one, decimals, lang);
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{title.clone()}</figcaption>
            <svg class="chart-svg" viewBox=format!("0 0 {W} {H}") role="img" aria-label=title.clone()
                preserveAspectRatio="xMidYMid meet">
                {y_axis(&ticks, scale, lang)}
                <polyline class=format!("chart-line {}", series.class) points=path fill="none" />
                {dots}
                {x_labels}
            </svg>
            {table}
        </figure>
    }
}

/// Horizontal bars, one per labelled row (long labels, e.g. account
/// groups), in the order given; a row marked in `detail` is a part of the
/// row above it (an account of a group): indented, lighter.
#[component]
pub fn HBarChart(
    #[prop(into)] title: String,
    #[prop(into)] label_head: String,
    labels: Vec<String>,
    series: Series,
    decimals: u32,
    lang: Lang,
    #[prop(into)] testid: String,
    #[prop(optional)] detail: Vec<bool>,
) -> impl IntoView {
    const ROW: f64 = 24.0;
    const LABEL_W: f64 = 250.0;
    let height = TOP + BOTTOM + ROW * labels.len().max(1) as f64;
    let ticks = value_range(series.values.iter());
    let scale = Scale {
        lo: ticks.first().map_or(0.0, |t| f(*t)),
        hi: ticks.last().map_or(1.0, |t| f(*t)),
        from: LABEL_W,
        to: W - RIGHT - 90.0,
    };
    let zero = scale.at(Decimal::ZERO);
    let d = tick_decimals(&ticks);
    let grid = ticks
        .iter()
        .map(|t| {
            let x = scale.at(*t);
            view! {
                <line class="chart-grid" class:chart-zero=t.is_zero() x1=x x2=x y1=TOP y2=height - BOTTOM />
                <text class="chart-tick" x=x y=height - BOTTOM + 16.0 text-anchor="middle">{fmt_amount(*t, d, lang)}</text>
            }
        })
        .collect_view();
    let bars = series
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let y = TOP + ROW * i as f64;
            let x = scale.at(*v);
            let (left, width) = (x.min(zero), (x - zero).abs().max(0.5));
            let label = labels.get(i).cloned().unwrap_or_default();
            let short: String = if label.chars().count() > 34 {
                label.chars().take(33).chain(['…']).collect()
            } else {
                label.clone()
            };
            let amount = fmt_amount(*v, decimals, lang);
            let hover = format!("{label}: {amount}");
            let part = detail.get(i).copied().unwrap_or(false);
            let class = match part {
                true => format!("chart-bar {} detail", series.class),
                false => format!("chart-bar {}", series.class),
            };
            view! {
                <text class="chart-label" class:detail=part x=LABEL_W - 8.0 y=y + ROW * 0.62 text-anchor="end">{short}</text>
                <rect class=class x=left y=y + ROW * 0.15 width=width height=ROW * 0.7>
                    <title>{hover}</title>
                </rect>
                <text class="chart-value" x=left + width + 6.0 y=y + ROW * 0.62>{amount}</text>
            }
        })
        .collect_view();
    let one = [series.clone()];
    let table = legend_and_table(&title, &label_head, &labels, &one, decimals, lang);
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{title.clone()}</figcaption>
            <svg class="chart-svg tall" viewBox=format!("0 0 {W} {height}") role="img" aria-label=title.clone()
                preserveAspectRatio="xMidYMid meet">
                {grid}
                {bars}
            </svg>
            {table}
        </figure>
    }
}
