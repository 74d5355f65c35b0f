//! Budget against actual (Plan-Ist-Vergleich, issue 17 part D): a fiscal
//! year's period range, all budgets or those of one cost centre, per
//! budgeted account budget, actual, deviation and percent (in the
//! account's natural sign); CSV (Alt+E) and print (Alt+P).

use leptos::prelude::*;

use crate::formats::csv::{Cell, CsvWriter};
use crate::ledger::report::{BudgetReport, CentreFilter, budget_vs_actual};
use crate::texts;
use crate::ui::components::{
    AsOfBar, NoCompany, dialect, fmt_amount, lc_of, offer_csv, print_page, report_shortcuts,
};
use crate::ui::errors::domain_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    enum T {
        Title => "Plan-Ist-Vergleich", "Budget vs actual";
        Lead => "Planwerte gegen Ist-Werte je Konto im gewählten Zeitraum; Erlöse positiv.", "Budget against actual per account in the chosen range; revenue positive.";
        Year => "Geschäftsjahr", "Fiscal year";
        FromPeriod => "Von Periode", "From period";
        ToPeriod => "Bis Periode", "To period";
        Centre => "Kostenstelle", "Cost centre";
        All => "alle Planwerte", "all budgets";
        NoCentre => "ohne Kostenstelle", "no cost centre";
        Account => "Konto", "Account";
        Name => "Bezeichnung", "Name";
        Budget => "Plan", "Budget";
        Actual => "Ist", "Actual";
        Deviation => "Abweichung", "Deviation";
        Percent => "Abw. %", "Dev. %";
        Empty => "Für dieses Jahr gibt es keine Planwerte.", "There are no budgets for this year.";
        ExportCsv => "CSV exportieren (Alt+E)", "Export CSV (Alt+E)";
        Print => "Drucken (Alt+P)", "Print (Alt+P)";
    }
}

#[derive(Clone, Debug, PartialEq)]
struct View {
    report: BudgetReport,
    names: Vec<String>,
    decimals: u32,
}

fn csv(v: &View, lang: Lang) -> String {
    let t = |k: T| k.text(lang);
    let d = v.decimals;
    let mut w = CsvWriter::new(dialect(lang));
    w.header(&[
        t(T::Account),
        t(T::Name),
        t(T::Centre),
        t(T::Budget),
        t(T::Actual),
        t(T::Deviation),
        t(T::Percent),
    ]);
    for (r, name) in v.report.rows.iter().zip(&v.names) {
        w.row(&[
            Cell::text(r.account.to_string()),
            Cell::text(name.clone()),
            Cell::text(r.centre.clone().unwrap_or_default()),
            Cell::Amount(r.budget, d),
            Cell::Amount(r.actual, d),
            Cell::Amount(r.deviation, d),
            match r.deviation_percent {
                Some(p) => Cell::Amount(p, 1),
                None => Cell::Empty,
            },
        ]);
    }
    w.finish()
}

#[component]
pub fn BudgetReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let years = Memo::new(move |_| {
        app.with_report_book(|b| {
            b.calendar()
                .fiscal_years()
                .map(|y| y.year)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let ppy = move || {
        app.with_report_book(|b| b.calendar().layout().periods_per_year())
            .unwrap_or(12) as u8
    };
    let year = RwSignal::new(None::<i32>);
    let current_year = Memo::new(move |_| year.get().or_else(|| years.get().last().copied()));
    let from = RwSignal::new(1u8);
    let to = RwSignal::new(None::<u8>);
    let filter = RwSignal::new(CentreFilter::All);
    let centres = Memo::new(move |_| {
        app.with_report_book(|b| {
            b.costing()
                .centres(crate::ledger::statements::BUDGET_DIMENSION)
                .map(|c| c.code.clone())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let report = Memo::new(move |_| {
        let lang = i18n.lang();
        let y = current_year.get()?;
        let f = from.get();
        let t = to.get().unwrap_or_else(ppy);
        let c = filter.get();
        app.with_report_book(|b| {
            let report = budget_vs_actual(b, y, f, t, &c).map_err(|e| domain_error(&e, lang))?;
            let names = report
                .rows
                .iter()
                .map(|r| {
                    b.account(r.account)
                        .map(|a| a.name(lang == Lang::De).to_string())
                        .unwrap_or_default()
                })
                .collect();
            Ok::<_, String>(View {
                report,
                names,
                decimals: lc_of(b).1,
            })
        })
    });
    let export = move || {
        let lang = i18n.lang_untracked();
        if let Some(Ok(v)) = report.get_untracked() {
            let stem = if lang == Lang::De {
                "plan-ist"
            } else {
                "budget-vs-actual"
            };
            offer_csv(&format!("{stem}_{}.csv", v.report.year), &csv(&v, lang));
        }
    };
    report_shortcuts(export);
    let period_options = move |selected: Box<dyn Fn() -> u8 + Send + Sync>| {
        (1..=ppy())
            .map(|p| {
                let sel = selected();
                view! { <option value=p.to_string() selected=sel == p>{p.to_string()}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="page report-page" data-page="budget-report">
            <h1>{move || i18n.t(T::Title)}</h1>
            <AsOfBar />
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead no-print">{move || i18n.t(T::Lead)}</p>
                    <div class="toolbar no-print">
                        <label class="field narrow">
                            <span>{move || i18n.t(T::Year)}</span>
                            <select data-testid="br-year" on:change=move |ev| year.set(event_target_value(&ev).parse().ok())>
                                {move || years.get().into_iter().map(|y| view! {
                                    <option value=y.to_string() selected=move || current_year.get() == Some(y)>{y.to_string()}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="field narrow">
                            <span>{move || i18n.t(T::FromPeriod)}</span>
                            <select data-testid="br-from" on:change=move |ev| if let Ok(p) = event_target_value(&ev).parse() { from.set(p) }>
                                {move || period_options(Box::new(move || from.get()))}
                            </select>
                        </label>
                        <label class="field narrow">
                            <span>{move || i18n.t(T::ToPeriod)}</span>
                            <select data-testid="br-to" on:change=move |ev| to.set(event_target_value(&ev).parse().ok())>
                                {move || period_options(Box::new(move || to.get().unwrap_or_else(ppy)))}
                            </select>
                        </label>
                        <label class="field">
                            <span>{move || i18n.t(T::Centre)}</span>
                            <select data-testid="br-centre" on:change=move |ev| {
                                let v = event_target_value(&ev);
                                filter.set(match v.as_str() {
                                    "*" => CentreFilter::All,
                                    "" => CentreFilter::NoCentre,
                                    c => CentreFilter::Centre(c.to_string()),
                                });
                            }>
                                <option value="*">{move || i18n.t(T::All)}</option>
                                <option value="">{move || i18n.t(T::NoCentre)}</option>
                                {move || centres.get().into_iter().map(|c| view! { <option value=c.clone()>{c.clone()}</option> }).collect_view()}
                            </select>
                        </label>
                        <div class="toolbar-actions">
                            <button class="button" data-testid="export-csv" on:click=move |_| export()>{move || i18n.t(T::ExportCsv)}</button>
                            <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
                        </div>
                    </div>
                    {move || report.get().map(|r| match r {
                        Err(e) => view! { <div class="error-box" role="alert">{e}</div> }.into_any(),
                        Ok(v) => view! { <BudgetTable view=v /> }.into_any(),
                    })}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn BudgetTable(view: View) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang_untracked();
    let d = view.decimals;
    if view.report.rows.is_empty() {
        return view! { <p class="muted" data-testid="budget-empty">{i18n.t(T::Empty)}</p> }
            .into_any();
    }
    let rows = view
        .report
        .rows
        .iter()
        .zip(view.names.iter())
        .map(|(r, name)| {
            let class = if r.deviation.is_sign_negative() && !r.deviation.is_zero() {
                "num negative"
            } else {
                "num"
            };
            view! {
                <tr data-account=r.account.to_string()>
                    <td>{r.account.to_string()}</td>
                    <td>{name.clone()}</td>
                    <td>{r.centre.clone().unwrap_or_default()}</td>
                    <td class="num">{fmt_amount(r.budget, d, lang)}</td>
                    <td class="num">{fmt_amount(r.actual, d, lang)}</td>
                    <td class=class data-testid="deviation">{fmt_amount(r.deviation, d, lang)}</td>
                    <td class="num">{r.deviation_percent.map(|p| format!("{} %", fmt_amount(p, 1, lang))).unwrap_or_default()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="report budget-report" data-testid="budget-report">
                <thead>
                    <tr>
                        <th>{i18n.t(T::Account)}</th>
                        <th>{i18n.t(T::Name)}</th>
                        <th>{i18n.t(T::Centre)}</th>
                        <th class="num">{i18n.t(T::Budget)}</th>
                        <th class="num">{i18n.t(T::Actual)}</th>
                        <th class="num">{i18n.t(T::Deviation)}</th>
                        <th class="num">{i18n.t(T::Percent)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
