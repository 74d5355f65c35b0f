//! Aging report (Fälligkeitsanalyse) at `/reports/aging`: per partner,
//! the amounts open at the end of a day by days overdue (not due, then
//! one bucket per bound, then over the last; the bounds are typed, 30, 60,
//! 90 by default), the totals, and the check line against the control
//! accounts' balances that day (`AgingReport::difference`), CSV
//! (`formats::report_csv::aging_csv`) and print. A partner links to its
//! statement.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::formats::report_csv::{aging_bucket_titles, aging_csv};
use crate::ledger::Book;
use crate::ledger::partners::PartnerKind;
use crate::ledger::report::{AgingAmounts, DEFAULT_AGING_BOUNDS};
use crate::ledger::types::PartnerCode;
use crate::texts;
use crate::ui::components::{
    AsOfBar, DateField, KindPicker, NoCompany, default_as_of, dialect, fmt_amount, fmt_date, lc_of,
    offer_csv, print_page, report_shortcuts, statement_href,
};
use crate::ui::errors::domain_error;
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Fälligkeitsanalyse", "Aging report";
        Lead => "Offene Beträge je Partner nach Tagen überfällig am Stichtag; die Summe wird mit den Sammelkonten abgestimmt.", "Open amounts per partner by days overdue at the end of the day; the total is checked against the control accounts.";
        AsOf => "Stichtag", "As of";
        Bounds => "Grenzen (Tage)", "Bounds (days)";
        BadBounds => "Grenzen: steigende ganze Zahlen über 0, durch Komma getrennt (z. B. 30, 60, 90).", "Bounds: increasing whole numbers above 0, separated by commas (e.g. 30, 60, 90).";
        ExportCsv => "CSV exportieren (Alt+E)", "Export CSV (Alt+E)";
        Print => "Drucken (Alt+P)", "Print (Alt+P)";
        Partner => "Partner", "Partner";
        Total => "Summe", "Total";
        Control => "Sammelkonto", "Control account";
        ControlTotal => "Sammelkonten gesamt", "Control accounts total";
        Difference => "Differenz", "Difference";
        Agrees => "Die Summe stimmt mit den Sammelkonten überein.", "The total agrees with the control accounts.";
        Differs => "Die Summe weicht von den Sammelkonten ab: Buchungen ohne Partner auf einem Sammelkonto.", "The total differs from the control accounts: postings without a partner on a control account.";
        Empty => "Keine offenen Posten.", "No open items.";
        CurrencyNote => "Beträge in", "Amounts in";
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Row {
    code: PartnerCode,
    name: String,
    amounts: AgingAmounts,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct View {
    lang: Lang,
    as_of: NaiveDate,
    titles: Vec<String>,
    rows: Vec<Row>,
    totals: AgingAmounts,
    control: Vec<(String, Decimal)>,
    control_total: Decimal,
    difference: Decimal,
    lc: String,
    decimals: u32,
    csv: String,
}

fn build(
    book: &Book,
    kind: PartnerKind,
    as_of: NaiveDate,
    bounds: &[u32],
    lang: Lang,
) -> Result<View, String> {
    let report = book
        .aging(kind, as_of, bounds)
        .map_err(|e| domain_error(&e, lang))?;
    let (lc, decimals) = lc_of(book);
    Ok(View {
        lang,
        as_of,
        titles: aging_bucket_titles(&report.bounds, dialect(lang)),
        rows: report
            .rows
            .iter()
            .map(|r| Row {
                code: r.partner.code,
                name: r.partner.name.clone(),
                amounts: r.amounts.clone(),
            })
            .collect(),
        totals: report.totals.clone(),
        control: report
            .control_accounts
            .iter()
            .map(|(a, b)| (a.to_string(), *b))
            .collect(),
        control_total: report.control_total,
        difference: report.difference,
        csv: aging_csv(&report, decimals, dialect(lang)),
        lc,
        decimals,
    })
}

/// "30, 60, 90" as bounds; `None` when a part is no whole number.
fn parse_bounds(text: &str) -> Option<Vec<u32>> {
    text.split([',', ';', ' '])
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.trim().parse().ok())
        .collect()
}

#[component]
pub fn AgingPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let kind = RwSignal::new(PartnerKind::Customer);
    let as_of = RwSignal::new(None::<NaiveDate>);
    let default_bounds = DEFAULT_AGING_BOUNDS.map(|b| b.to_string()).join(", ");
    let bounds = RwSignal::new(default_bounds);
    Effect::new(move |_| {
        if as_of.get().is_none()
            && let Some(d) = app.with_book(default_as_of)
        {
            as_of.set(Some(d));
        }
    });
    let report = Memo::new(move |_| {
        let lang = i18n.lang();
        let day = as_of.get()?;
        let Some(b) = parse_bounds(&bounds.get()) else {
            return Some(Err(i18n.t(T::BadBounds).to_string()));
        };
        app.with_report_book(|book| build(book, kind.get(), day, &b, lang))
    });
    let export = move || {
        if let Some(Ok(v)) = report.get_untracked() {
            let name = match v.lang {
                Lang::De => format!("faelligkeitsanalyse_{}.csv", v.as_of),
                Lang::En => format!("aging_{}.csv", v.as_of),
            };
            offer_csv(&name, &v.csv);
        }
    };
    report_shortcuts(export);
    view! {
        <section class="page report-page aging-page" data-page="aging">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead no-print">{move || i18n.t(T::Lead)}</p>
                    <AsOfBar />
                    <div class="toolbar no-print">
                        <KindPicker kind=kind testid="aging-kind" />
                        <DateField label=T::AsOf value=as_of testid="aging-as-of" />
                        <label class="field narrow">
                            <span>{move || i18n.t(T::Bounds)}</span>
                            <input type="text" data-testid="aging-bounds" prop:value=move || bounds.get()
                                on:change=move |ev| bounds.set(event_target_value(&ev)) />
                        </label>
                        <div class="toolbar-actions">
                            <button class="button" data-testid="export-csv" on:click=move |_| export()>{move || i18n.t(T::ExportCsv)}</button>
                            <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
                        </div>
                    </div>
                    {move || report.get().map(|r| match r {
                        Err(e) => view! { <div class="error-box" role="alert" data-testid="error">{e}</div> }.into_any(),
                        Ok(v) => view! { <AgingTable view=v /> }.into_any(),
                    })}
                }.into_any()
            }}
        </section>
    }
}

/// The amount cells of one row: not due, each bucket, total.
fn amount_cells(a: &AgingAmounts, d: u32, lang: Lang) -> impl IntoView + use<> {
    let mut values = vec![a.not_due];
    values.extend(a.overdue.iter().copied());
    values.push(a.total);
    values
        .into_iter()
        .enumerate()
        .map(|(i, v)| view! { <td class="num" data-testid=format!("aging-b{i}")>{fmt_amount(v, d, lang)}</td> })
        .collect_view()
}

#[component]
fn AgingTable(view: View) -> impl IntoView {
    let i18n = use_i18n();
    let (lang, d) = (view.lang, view.decimals);
    if view.rows.is_empty() && view.control_total.is_zero() {
        return view! { <p class="muted" data-testid="aging-empty">{i18n.t(T::Empty)}</p> }
            .into_any();
    }
    let caption = format!(
        "{} {} · {} {}",
        i18n.t(T::AsOf),
        fmt_date(view.as_of, lang),
        i18n.t(T::CurrencyNote),
        view.lc
    );
    let year_start = chrono::Datelike::with_ordinal(&view.as_of, 1).unwrap_or(view.as_of);
    let range = Some((year_start, view.as_of));
    let span = view.titles.len() + 1;
    let rows = view
        .rows
        .clone()
        .into_iter()
        .map(|r| view! {
            <tr data-testid="aging-row" data-partner=r.code.to_string()>
                <td><A href=statement_href(r.code, range) attr:data-testid="aging-statement-link">
                    <span class="account-no">{r.code.to_string()}</span>" "{r.name}</A></td>
                {amount_cells(&r.amounts, d, lang)}
            </tr>
        })
        .collect_view();
    let check = view
        .control
        .iter()
        .map(|(account, balance)| {
            view! {
                <tr class="check" data-testid="aging-control" data-account=account.clone()>
                    <td>{format!("{} {account}", i18n.t(T::Control))}</td>
                    <td colspan=span - 1></td>
                    <td class="num">{fmt_amount(*balance, d, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    let agrees = view.difference.is_zero();
    view! {
        <p class="report-caption">{caption}</p>
        <div class="table-wrap">
            <table class="data report aging" data-testid="aging">
                <thead><tr>
                    <th>{i18n.t(T::Partner)}</th>
                    {view.titles.iter().map(|t| view! { <th class="num">{t.clone()}</th> }).collect_view()}
                    <th class="num">{i18n.t(T::Total)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr class="total" data-testid="aging-total">
                        <td>{i18n.t(T::Total)}</td>
                        {amount_cells(&view.totals, d, lang)}
                    </tr>
                    {check}
                    <tr class="check" data-testid="aging-control-total">
                        <td>{i18n.t(T::ControlTotal)}</td>
                        <td colspan=span - 1></td>
                        <td class="num">{fmt_amount(view.control_total, d, lang)}</td>
                    </tr>
                    <tr class="check" class:warning=!agrees data-testid="aging-difference">
                        <td>{i18n.t(T::Difference)}</td>
                        <td colspan=span - 1></td>
                        <td class="num">{fmt_amount(view.difference, d, lang)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
        <p class=if agrees { "muted small" } else { "warning" } data-testid="aging-check">
            {i18n.t(if agrees { T::Agrees } else { T::Differs })}
        </p>
    }
    .into_any()
}
