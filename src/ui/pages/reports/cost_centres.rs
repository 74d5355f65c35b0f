//! Kostenstellenauswertung (cost-centre report) at `/reports/cost-centres`:
//! revenue, expense and result by centre for one dimension and a period
//! range, the part no centre carries as "unassigned", totals equal to the
//! P&L of the range; accounts per centre on demand; CSV export
//! (`formats::report_csv::cost_centre_csv`) and print.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::formats::report_csv::cost_centre_csv;
use crate::ledger::Book;
use crate::ledger::gl::AccountType;
use crate::ledger::report::cost_centres::{CentreRow, CostCentreReport};
use crate::texts;
use crate::ui::components::{
    NoCompany, PeriodPicker, default_year_periods, dialect, fmt_amount, fmt_date, lc_of, offer_csv,
    print_page, report_shortcuts, sheet_href,
};
use crate::ui::errors::{domain_error, no_periods};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;
use leptos_router::components::A;

texts! {
    pub enum T {
        Title => "Kostenstellenauswertung", "Cost-centre report";
        Lead => "Erlöse und Aufwand je Kostenstelle einer Dimension; was keine Kostenstelle trägt, steht unter „nicht zugeordnet“. Die Summen entsprechen der GuV des Zeitraums.", "Revenue and expense per centre of one dimension; what no centre carries appears as “unassigned”. The totals equal the P&L of the range.";
        Dimension => "Dimension", "Dimension";
        NoDimensions => "Noch keine Dimension definiert. Legen Sie unter Administration › Kostenrechnung Dimensionen und Kostenstellen an.", "No dimension defined yet. Define dimensions and centres under Administration › Cost accounting.";
        ToCosting => "Zur Kostenrechnung", "To cost accounting";
        Centre => "Kostenstelle", "Centre";
        Name => "Bezeichnung", "Name";
        Revenue => "Erlöse", "Revenue";
        Expense => "Aufwand", "Expense";
        Result => "Ergebnis", "Result";
        Share => "Anteil Aufwand", "Share of expense";
        Unassigned => "nicht zugeordnet", "unassigned";
        Total => "Summe (GuV)", "Total (P&L)";
        Matches => "Die Summe der Kostenstellen entspricht der GuV des Zeitraums.", "The centres add up to the P&L of the range.";
        Differs => "Die Summe der Kostenstellen weicht von der GuV ab!", "The centres do not add up to the P&L!";
        Accounts => "Konten", "Accounts";
        ExportCsv => "CSV exportieren (Alt+E)", "Export CSV (Alt+E)";
        Print => "Drucken (Alt+P)", "Print (Alt+P)";
        CurrencyNote => "Beträge in", "Amounts in";
        Empty => "Keine Erlöse oder Aufwendungen in diesem Zeitraum.", "No revenue or expense in this range.";
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct CentreLine {
    row: CentreRow,
    name: String,
    /// (account, name, type, amount)
    accounts: Vec<(String, String, AccountType, Decimal)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct CostView {
    /// The language the view is for: a switch makes a new view, so the
    /// table re-renders (equal figures would otherwise keep the old text).
    lang: Lang,
    report: CostCentreReport,
    lc: String,
    decimals: u32,
    from: NaiveDate,
    to: NaiveDate,
    /// Defined or used dimensions: (number, name).
    dimensions: Vec<(u8, String)>,
}

fn build(book: &Book, from: usize, to: usize, lang: Lang) -> Result<CostView, String> {
    let c = book.calendar();
    let (Some(a), Some(b)) = (c.period(from), c.period(to)) else {
        return Err(no_periods(lang));
    };
    let report = book
        .cost_centre_report(a.reference, b.reference)
        .map_err(|e| domain_error(&e, lang))?;
    let de = lang == Lang::De;
    let mut dimensions: Vec<(u8, String)> = Vec::new();
    for row in &report.rows {
        if dimensions.iter().any(|d| d.0 == row.dimension) {
            continue;
        }
        let name = book
            .costing()
            .dimension(row.dimension)
            .map(|d| {
                if de || d.name_en.is_empty() {
                    if d.name_de.is_empty() {
                        d.name_en.clone()
                    } else {
                        d.name_de.clone()
                    }
                } else {
                    d.name_en.clone()
                }
            })
            .unwrap_or_default();
        dimensions.push((row.dimension, name));
    }
    let (lc, decimals) = lc_of(book);
    Ok(CostView {
        lang,
        report,
        lc,
        decimals,
        from: a.start,
        to: b.end,
        dimensions,
    })
}

fn centre_lines(book: &Book, view: &CostView, dimension: u8, lang: Lang) -> Vec<CentreLine> {
    let de = lang == Lang::De;
    view.report
        .rows
        .iter()
        .filter(|r| r.dimension == dimension)
        .map(|r| {
            let name = match &r.centre {
                Some(code) => book
                    .costing()
                    .centre(dimension, code)
                    .map(|c| {
                        if de && !c.name_de.is_empty() || c.name_en.is_empty() {
                            c.name_de.clone()
                        } else {
                            c.name_en.clone()
                        }
                    })
                    .unwrap_or_default(),
                None => T::Unassigned.text(lang).to_string(),
            };
            let accounts = r
                .accounts
                .iter()
                .map(|a| {
                    (
                        a.account.to_string(),
                        book.account(a.account)
                            .map(|x| x.name(de).to_string())
                            .unwrap_or_default(),
                        a.account_type,
                        a.amount_lc,
                    )
                })
                .collect();
            CentreLine {
                row: r.clone(),
                name,
                accounts,
            }
        })
        .collect()
}

#[component]
pub fn CostCentreReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let selected = RwSignal::new(None::<(usize, usize)>);
    let current = Memo::new(move |_| {
        selected
            .get()
            .or_else(|| app.with_book(default_year_periods).flatten())
    });
    let report = Memo::new(move |_| {
        let lang = i18n.lang();
        let (from, to) = current.get()?;
        app.with_book(|b| build(b, from, to, lang))
    });
    let dimension = RwSignal::new(None::<u8>);
    let current_dim = Memo::new(move |_| {
        let dims = match report.get() {
            Some(Ok(v)) => v.dimensions,
            _ => Vec::new(),
        };
        dimension
            .get()
            .filter(|d| dims.iter().any(|x| x.0 == *d))
            .or_else(|| dims.first().map(|d| d.0))
    });
    let export = move || {
        let lang = i18n.lang_untracked();
        if let Some(Ok(v)) = report.get_untracked() {
            let name = format!(
                "{}_{}_{}.csv",
                if lang == Lang::De {
                    "kostenstellen"
                } else {
                    "cost-centres"
                },
                v.from,
                v.to
            );
            offer_csv(
                &name,
                &cost_centre_csv(&v.report, v.decimals, dialect(lang)),
            );
        }
    };
    report_shortcuts(export);

    view! {
        <section class="page report-page cost-report-page" data-page="cost-centres">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead no-print">{move || i18n.t(T::Lead)}</p>
                    <div class="toolbar no-print">
                        <PeriodPicker selected=selected current=Signal::from(current) testid="cc" />
                        <label class="field narrow">
                            <span>{move || i18n.t(T::Dimension)}</span>
                            <select data-testid="cc-dimension" on:change=move |ev| dimension.set(event_target_value(&ev).parse().ok())>
                                {move || match report.get() {
                                    Some(Ok(v)) => v.dimensions.into_iter().map(|(n, name)| view! {
                                        <option value=n.to_string() selected=move || current_dim.get() == Some(n)>{format!("{n} · {name}")}</option>
                                    }).collect_view().into_any(),
                                    _ => ().into_any(),
                                }}
                            </select>
                        </label>
                        <div class="toolbar-actions">
                            <button class="button" data-testid="export-csv" on:click=move |_| export()>{move || i18n.t(T::ExportCsv)}</button>
                            <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
                        </div>
                    </div>
                    {move || report.get().map(|r| match r {
                        Err(e) => view! { <div class="error-box" role="alert">{e}</div> }.into_any(),
                        Ok(v) if v.dimensions.is_empty() => view! {
                            <div class="notice" data-testid="cc-no-dimensions">
                                <p>{i18n.t(T::NoDimensions)}</p>
                                <A href="/admin/costing" attr:class="button primary">{i18n.t(T::ToCosting)}</A>
                            </div>
                        }.into_any(),
                        Ok(v) => match current_dim.get() {
                            Some(d) => view! { <CostTable view=v dimension=d /> }.into_any(),
                            None => ().into_any(),
                        },
                    })}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn CostTable(view: CostView, dimension: u8) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lang = view.lang;
    let d = view.decimals;
    let range = Some((view.from, view.to));
    let lines = app
        .with_book(|b| centre_lines(b, &view, dimension, lang))
        .unwrap_or_default();
    let dim_name = view
        .dimensions
        .iter()
        .find(|x| x.0 == dimension)
        .map(|x| x.1.clone())
        .unwrap_or_default();
    let caption = format!(
        "{} · {} {dimension} {dim_name} · {} – {} · {} {}",
        i18n.t(T::Title),
        i18n.t(T::Dimension),
        fmt_date(view.from, lang),
        fmt_date(view.to, lang),
        i18n.t(T::CurrencyNote),
        view.lc
    );
    let r = &view.report;
    let sum = lines.iter().fold((Decimal::ZERO, Decimal::ZERO), |acc, l| {
        (acc.0 + l.row.revenue_lc, acc.1 + l.row.expense_lc)
    });
    let matches = sum == (r.revenue_lc, r.expense_lc);
    let total_expense = r.expense_lc;
    let share = move |x: Decimal| {
        if total_expense.is_zero() {
            String::new()
        } else {
            format!(
                "{} %",
                fmt_amount(
                    (x * Decimal::ONE_HUNDRED / total_expense).round_dp(1),
                    1,
                    lang
                )
            )
        }
    };
    let empty = r.revenue_lc.is_zero()
        && r.expense_lc.is_zero()
        && lines.iter().all(|l| l.row.accounts.is_empty());
    let open = RwSignal::new(Vec::<usize>::new());
    let body = lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let is_open = move || open.get().contains(&i);
            let toggle = move |_| {
                open.update(|o| {
                    if let Some(p) = o.iter().position(|x| *x == i) {
                        o.remove(p);
                    } else {
                        o.push(i);
                    }
                })
            };
            let code = l.row.centre.clone();
            let testid = format!("cc-row-{}", code.clone().unwrap_or_else(|| "unassigned".into()));
            let has_accounts = !l.accounts.is_empty();
            let accounts = l.accounts.clone();
            let n = accounts.len();
            view! {
                <tr class="centre-row" class:unassigned=code.is_none() data-testid=testid>
                    <td><strong>{code.clone().unwrap_or_default()}</strong></td>
                    <td>{if code.is_none() { view! { <em>{l.name.clone()}</em> }.into_any() } else { l.name.clone().into_any() }}</td>
                    <td class="num" data-testid="cc-revenue">{fmt_amount(l.row.revenue_lc, d, lang)}</td>
                    <td class="num" data-testid="cc-expense">{fmt_amount(l.row.expense_lc, d, lang)}</td>
                    <td class="num" data-testid="cc-result" class:negative=l.row.result_lc.is_sign_negative()>{fmt_amount(l.row.result_lc, d, lang)}</td>
                    <td class="num muted">{share(l.row.expense_lc)}</td>
                    <td class="num no-print">
                        {has_accounts.then(|| view! {
                            <button type="button" class="link-button" aria-expanded=move || is_open().to_string() on:click=toggle>
                                {format!("{} ({n})", i18n.t(T::Accounts))}
                            </button>
                        })}
                    </td>
                </tr>
                {move || is_open().then(|| accounts.iter().map(|(no, name, t, amount)| {
                    let (rev, exp) = if *t == AccountType::Revenue { (fmt_amount(*amount, d, lang), String::new()) } else { (String::new(), fmt_amount(*amount, d, lang)) };
                    let account = crate::ledger::types::AccountNo::parse(no).ok();
                    let (no, name) = (no.clone(), name.clone());
                    view! {
                        <tr class="account-row">
                            <td></td>
                            <td>{match account {
                                Some(a) => view! { <span><A href=sheet_href(a, range)><span class="account-no">{no.clone()}</span></A>" "{name.clone()}</span> }.into_any(),
                                None => view! { <span><span class="account-no">{no}</span>" "{name}</span> }.into_any(),
                            }}</td>
                            <td class="num">{rev}</td>
                            <td class="num">{exp}</td>
                            <td></td><td></td><td class="no-print"></td>
                        </tr>
                    }
                }).collect_view())}
            }
        })
        .collect_view();
    view! {
        <p class="report-caption">{caption}</p>
        {if empty {
            view! { <p class="muted" data-testid="cc-empty">{i18n.t(T::Empty)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data report cost-report" data-testid="cost-report">
                        <thead><tr>
                            <th scope="col">{i18n.t(T::Centre)}</th>
                            <th scope="col">{i18n.t(T::Name)}</th>
                            <th scope="col" class="num">{i18n.t(T::Revenue)}</th>
                            <th scope="col" class="num">{i18n.t(T::Expense)}</th>
                            <th scope="col" class="num">{i18n.t(T::Result)}</th>
                            <th scope="col" class="num">{i18n.t(T::Share)}</th>
                            <th scope="col" class="num no-print">{i18n.t(T::Accounts)}</th>
                        </tr></thead>
                        <tbody>{body}</tbody>
                        <tfoot>
                            <tr class="total" data-testid="cc-total">
                                <td></td>
                                <td>{i18n.t(T::Total)}</td>
                                <td class="num">{fmt_amount(r.revenue_lc, d, lang)}</td>
                                <td class="num" data-testid="cc-total-expense">{fmt_amount(r.expense_lc, d, lang)}</td>
                                <td class="num">{fmt_amount(r.result_lc, d, lang)}</td>
                                <td></td><td class="no-print"></td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
                <p class=if matches { "balance-note ok" } else { "balance-note error-box" } data-testid="cc-matches">
                    {i18n.t(if matches { T::Matches } else { T::Differs })}
                </p>
            }.into_any()
        }}
    }
}
