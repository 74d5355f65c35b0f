//! Charts (Grafiken, issue 17 part E): for one fiscal year, revenue,
//! expenses and result per period (grouped bars), cash and bank at each
//! period end (line) and the year's expenses by account group
//! (horizontal bars), read from `ledger::report::series` and drawn by
//! `components::chart`. Like every report it can show a past moment
//! (`AsOfBar`); Alt+P prints, Alt+E exports the figures as CSV.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::csv::{Cell, CsvWriter};
use crate::ledger::Book;
use crate::ledger::report::{cash_series, expense_breakdown, result_series};
use crate::texts;
use crate::ui::components::{
    AsOfBar, BarChart, HBarChart, LineChart, NoCompany, Series, default_year_periods, dialect,
    lc_of, offer_csv, print_page, report_shortcuts,
};
use crate::ui::errors::domain_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    enum T {
        Title => "Grafiken", "Charts";
        Lead => "Umsatz, Aufwand und Ergebnis je Periode, Bank- und Kassenbestand am Periodenende und Aufwand nach Kontengruppen eines Geschäftsjahres. Zeigen Sie auf einen Balken für den Betrag.", "Revenue, expenses and result per period, cash and bank at each period end and expenses by account group for one fiscal year. Point at a bar for its amount.";
        FiscalYear => "Geschäftsjahr", "Fiscal year";
        ResultTitle => "Umsatz, Aufwand und Ergebnis je Periode", "Revenue, expenses and result per period";
        CashTitle => "Bank- und Kassenbestand am Periodenende", "Cash and bank at each period end";
        ExpenseTitle => "Aufwand nach Kontengruppen", "Expenses by account group";
        Revenue => "Umsatz", "Revenue";
        Expenses => "Aufwand", "Expenses";
        ResultName => "Ergebnis", "Result";
        Balance => "Bestand", "Balance";
        Period => "Periode", "Period";
        Group => "Kontengruppe", "Account group";
        Amount => "Betrag", "Amount";
        CashAccounts => "Gezählte Konten (Hausbanken und Kasse/Bank des Kontenrahmens):", "Accounts counted (house banks and the chart's cash and bank):";
        NoCash => "Keine Bank- oder Kassenkonten gefunden.", "No cash or bank accounts found.";
        NoExpenses => "Kein Aufwand in diesem Geschäftsjahr.", "No expenses in this fiscal year.";
        Amounts => "Beträge in", "Amounts in";
        ExportCsv => "CSV exportieren (Alt+E)", "Export CSV (Alt+E)";
        Print => "Drucken (Alt+P)", "Print (Alt+P)";
        Loading => "Lade …", "Loading …";
        M1 => "Jan", "Jan";
        M2 => "Feb", "Feb";
        M3 => "Mär", "Mar";
        M4 => "Apr", "Apr";
        M5 => "Mai", "May";
        M6 => "Jun", "Jun";
        M7 => "Jul", "Jul";
        M8 => "Aug", "Aug";
        M9 => "Sep", "Sep";
        M10 => "Okt", "Oct";
        M11 => "Nov", "Nov";
        M12 => "Dez", "Dec";
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

/// A period's label: its first month ("Mär"), or "Q1" style for longer
/// periods, from its start date.
fn period_label(start: chrono::NaiveDate, number: u8, monthly: bool, lang: Lang) -> String {
    use chrono::Datelike;
    match monthly {
        true => MONTHS[start.month0() as usize].text(lang).to_string(),
        false => format!("P{number}"),
    }
}

/// Everything the page shows for one year, in the language shown.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ChartsView {
    lc: String,
    decimals: u32,
    labels: Vec<String>,
    revenue: Vec<Decimal>,
    expenses: Vec<Decimal>,
    result: Vec<Decimal>,
    cash: Vec<Decimal>,
    cash_accounts: Vec<String>,
    /// Each group, then its accounts (`true`: an account of the group
    /// above), largest first.
    groups: Vec<(String, Decimal, bool)>,
}

fn build(book: &Book, year: i32, lang: Lang) -> Result<ChartsView, String> {
    let err = |e| domain_error(&e, lang);
    let rows = result_series(book, year).map_err(err)?;
    let cash = cash_series(book, year).map_err(err)?;
    let groups = expense_breakdown(book, year).map_err(err)?;
    let monthly = rows.len() == 12;
    let (lc, decimals) = lc_of(book);
    let german = lang == Lang::De;
    let name = |a| {
        book.account(a)
            .map(|acc| format!("{a} {}", acc.name(german)))
            .unwrap_or_else(|| a.to_string())
    };
    Ok(ChartsView {
        lc,
        decimals,
        labels: rows
            .iter()
            .map(|r| period_label(r.start, r.period.period, monthly, lang))
            .collect(),
        revenue: rows.iter().map(|r| r.revenue_lc).collect(),
        expenses: rows.iter().map(|r| r.expenses_lc).collect(),
        result: rows.iter().map(|r| r.result_lc).collect(),
        cash: cash.points.iter().map(|p| p.balance_lc).collect(),
        cash_accounts: cash.accounts.iter().map(|a| name(*a)).collect(),
        groups: groups
            .iter()
            .flat_map(|g| {
                let mut accounts = g.accounts.clone();
                accounts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                // An ungrouped account is its own group: no part rows.
                if accounts.len() == 1 && accounts[0].0 == g.group {
                    accounts.clear();
                }
                std::iter::once((name(g.group), g.amount_lc, false))
                    .chain(accounts.into_iter().map(move |(a, v)| (name(a), v, true)))
            })
            .collect(),
    })
}

fn csv(v: &ChartsView, lang: Lang) -> String {
    let t = |k: T| k.text(lang);
    let d = v.decimals;
    let mut w = CsvWriter::new(dialect(lang));
    w.header(&[
        t(T::Period),
        t(T::Revenue),
        t(T::Expenses),
        t(T::ResultName),
        t(T::Balance),
    ]);
    for (i, label) in v.labels.iter().enumerate() {
        let at = |s: &[Decimal]| Cell::Amount(s.get(i).copied().unwrap_or_default(), d);
        w.row(&[
            Cell::text(label.clone()),
            at(&v.revenue),
            at(&v.expenses),
            at(&v.result),
            at(&v.cash),
        ]);
    }
    w.finish()
}

#[component]
pub fn ChartsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let year_sel = RwSignal::new(None::<i32>);
    let years = Memo::new(move |_| {
        app.with_report_book(|b| {
            b.calendar()
                .fiscal_years()
                .map(|y| y.year)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let year = Memo::new(move |_| {
        year_sel.get().or_else(|| {
            app.with_report_book(|b| {
                default_year_periods(b).map(|(from, _)| b.calendar().reference(from).fiscal_year)
            })
            .flatten()
        })
    });
    let report = Memo::new(move |_| {
        let lang = i18n.lang();
        let y = year.get()?;
        app.with_report_book(|b| build(b, y, lang))
    });
    let export = move || {
        let lang = i18n.lang_untracked();
        if let (Some(Ok(v)), Some(y)) = (report.get_untracked(), year.get_untracked()) {
            let name = match lang {
                Lang::De => format!("grafiken_{y}.csv"),
                Lang::En => format!("charts_{y}.csv"),
            };
            offer_csv(&name, &csv(&v, lang));
        }
    };
    report_shortcuts(export);

    view! {
        <section class="page report-page charts-page" data-page="charts">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead no-print">{move || i18n.t(T::Lead)}</p>
                    <AsOfBar />
                    <div class="toolbar no-print">
                        <label class="field narrow">
                            <span>{move || i18n.t(T::FiscalYear)}</span>
                            <select data-testid="charts-year" on:change=move |ev| {
                                if let Ok(y) = event_target_value(&ev).parse::<i32>() { year_sel.set(Some(y)) }
                            }>
                                {move || years.get().into_iter().map(|y| view! {
                                    <option value=y.to_string() selected=move || year.get() == Some(y)>{y.to_string()}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <div class="toolbar-actions">
                            <button class="button" data-testid="export-csv" on:click=move |_| export()>{move || i18n.t(T::ExportCsv)}</button>
                            <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
                        </div>
                    </div>
                    {move || match report.get() {
                        None => view! { <p class="hint">{i18n.t(T::Loading)}</p> }.into_any(),
                        Some(Err(e)) => view! { <div class="error-box" role="alert">{e}</div> }.into_any(),
                        Some(Ok(v)) => view! { <Charts view=v /> }.into_any(),
                    }}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Charts(view: ChartsView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang_untracked();
    let t = |k: T| k.text(lang);
    let d = view.decimals;
    let note = format!("{} {}", t(T::Amounts), view.lc);
    let result_series = vec![
        Series {
            name: t(T::Revenue).into(),
            class: "s1",
            values: view.revenue.clone(),
        },
        Series {
            name: t(T::Expenses).into(),
            class: "s2",
            values: view.expenses.clone(),
        },
        Series {
            name: t(T::ResultName).into(),
            class: "s3",
            values: view.result.clone(),
        },
    ];
    let cash = Series {
        name: t(T::Balance).into(),
        class: "s1",
        values: view.cash.clone(),
    };
    let group_labels: Vec<String> = view.groups.iter().map(|g| g.0.clone()).collect();
    let group_values: Vec<Decimal> = view.groups.iter().map(|g| g.1).collect();
    let group_detail: Vec<bool> = view.groups.iter().map(|g| g.2).collect();
    let groups = Series {
        name: t(T::Amount).into(),
        class: "s2",
        values: group_values,
    };
    let accounts = view.cash_accounts.join(", ");
    let no_cash = view.cash_accounts.is_empty();
    let no_groups = group_labels.is_empty();
    view! {
        <p class="chart-note">{note}</p>
        <div class="charts">
            <BarChart title=t(T::ResultTitle) label_head=t(T::Period) labels=view.labels.clone()
                series=result_series decimals=d lang=lang testid="chart-result" />
            <LineChart title=t(T::CashTitle) label_head=t(T::Period) labels=view.labels.clone()
                series=cash decimals=d lang=lang testid="chart-cash" />
            <p class="chart-note" data-testid="chart-cash-accounts">
                {if no_cash { t(T::NoCash).to_string() } else { format!("{} {accounts}", t(T::CashAccounts)) }}
            </p>
            {if no_groups {
                view! { <p class="hint">{t(T::NoExpenses)}</p> }.into_any()
            } else {
                view! {
                    <HBarChart title=t(T::ExpenseTitle) label_head=t(T::Group) labels=group_labels
                        series=groups decimals=d lang=lang testid="chart-expenses" detail=group_detail />
                }.into_any()
            }}
        </div>
    }
}
