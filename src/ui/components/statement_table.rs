//! The balance sheet and the P&L as one screen part (issue 17, part D):
//! period range, comparison choice, the lines of § 266 / § 275 HGB in the
//! UI's language with amount, comparison, deviation and percent, each
//! line expanding to its accounts (linked to the account sheet), the two
//! checks as ✓/✗ lines, CSV (Alt+E) and print (Alt+P). The balance-sheet
//! and P&L pages each show it with their statement.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use super::{
    AsOfBar, NoCompany, PeriodPicker, default_year_periods, dialect, fmt_amount, fmt_date,
    focus_sibling, lc_of, offer_csv, print_page, report_shortcuts, sheet_href,
};
use crate::formats::csv::{Cell, CsvWriter};
use crate::ledger::Book;
use crate::ledger::report::{Comparison, FinancialStatement, financial_statements};
use crate::ledger::statements::{Source, Statement};
use crate::texts;
use crate::ui::errors::{domain_error, no_periods};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    enum T {
        BsTitle => "Bilanz", "Balance sheet";
        PlTitle => "Gewinn- und Verlustrechnung", "Profit and loss account";
        BsLead => "Gliederung nach § 266 HGB (kleine Kapitalgesellschaft), Werte zum Ende des Zeitraums; Position anklicken für ihre Konten.", "Structure of § 266 HGB (small company), values at the end of the range; click a line for its accounts.";
        PlLead => "Gesamtkostenverfahren nach § 275 Abs. 2 HGB, Bewegungen des Zeitraums; Position anklicken für ihre Konten.", "Total-cost format of § 275 (2) HGB, movements of the range; click a line for its accounts.";
        Comparison => "Vergleich", "Comparison";
        NoComparison => "ohne", "none";
        PreviousYear => "Vorjahr", "Previous year";
        PreviousPeriod => "Vorperiode", "Previous period";
        Line => "Position", "Line";
        Current => "Berichtszeitraum", "Current";
        Compared => "Vergleich", "Comparison";
        Deviation => "Abweichung", "Deviation";
        Percent => "%", "%";
        NoComparisonData => "Für den Vergleichszeitraum gibt es keine Perioden.", "The calendar has no periods for the comparison.";
        CheckBalance => "Summe Aktiva = Summe Passiva", "Total assets = total equity and liabilities";
        CheckResult => "Jahresergebnis GuV = Jahresüberschuss/-fehlbetrag der Bilanz", "P&L result = balance-sheet net income/net loss";
        CheckResultYtd => "Jahresergebnis GuV des Geschäftsjahres bis Ende des Zeitraums = Jahresüberschuss/-fehlbetrag der Bilanz", "P&L result of the fiscal year to the end of the range = balance-sheet net income/net loss";
        Difference => "Differenz", "Difference";
        ExpandAll => "Alle aufklappen", "Expand all";
        CollapseAll => "Alle zuklappen", "Collapse all";
        ExportCsv => "CSV exportieren (Alt+E)", "Export CSV (Alt+E)";
        Print => "Drucken (Alt+P)", "Print (Alt+P)";
        Account => "Konto", "Account";
        Name => "Bezeichnung", "Name";
        Unassigned => "nicht zugeordnet", "not assigned";
        Moved => "umgegliedert", "moved";
        CurrencyNote => "Beträge in", "Amounts in";
    }
}

/// The statement as the screen and the CSV show it.
#[derive(Clone, Debug, PartialEq)]
struct StatementView {
    report: FinancialStatement,
    /// Account names in the UI's language, by number.
    names: std::collections::BTreeMap<String, String>,
    lc: String,
    decimals: u32,
    from: NaiveDate,
    to: NaiveDate,
    cmp_dates: Option<(NaiveDate, NaiveDate)>,
}

fn build(
    book: &Book,
    statement: Statement,
    from: usize,
    to: usize,
    comparison: Comparison,
    lang: Lang,
) -> Result<StatementView, String> {
    let calendar = book.calendar();
    let (Some(p_from), Some(p_to)) = (calendar.period(from), calendar.period(to)) else {
        return Err(no_periods(lang));
    };
    let (bs, pl) = financial_statements(book, p_from.reference, p_to.reference, comparison)
        .map_err(|e| domain_error(&e, lang))?;
    let report = match statement {
        Statement::BalanceSheet => bs,
        Statement::ProfitAndLoss => pl,
    };
    let names = book
        .accounts()
        .map(|a| (a.number.to_string(), a.name(lang == Lang::De).to_string()))
        .collect();
    let cmp_dates = report.comparison_range.and_then(|(f, t)| {
        let f = calendar.period(calendar.index_of(f)?)?;
        let t = calendar.period(calendar.index_of(t)?)?;
        Some((f.start, t.end))
    });
    let (lc, decimals) = lc_of(book);
    Ok(StatementView {
        report,
        names,
        lc,
        decimals,
        from: p_from.start,
        to: p_to.end,
        cmp_dates,
    })
}

fn percent(p: Option<Decimal>, lang: Lang) -> String {
    p.map(|p| format!("{} %", fmt_amount(p, 1, lang)))
        .unwrap_or_default()
}

fn line_label(r: &crate::ledger::report::StatementRow, lang: Lang) -> String {
    let text = if lang == Lang::De {
        r.line.de
    } else {
        r.line.en
    };
    if r.line.label.is_empty() {
        text.to_string()
    } else {
        format!("{} {}", r.line.label, text)
    }
}

fn statement_csv(v: &StatementView, lang: Lang) -> String {
    let t = |k: T| k.text(lang);
    let d = v.decimals;
    let mut w = CsvWriter::new(dialect(lang));
    let with_cmp = v.report.comparison_range.is_some();
    let mut header = vec![t(T::Line), t(T::Account), t(T::Name), t(T::Current)];
    if with_cmp {
        header.extend([t(T::Compared), t(T::Deviation), t(T::Percent)]);
    }
    w.header(&header);
    for r in &v.report.rows {
        let mut row = vec![Cell::text(line_label(r, lang)), Cell::Empty, Cell::Empty];
        row.push(Cell::Amount(r.amount, d));
        if with_cmp {
            row.push(Cell::Amount(r.comparison.unwrap_or_default(), d));
            row.push(Cell::Amount(r.deviation.unwrap_or_default(), d));
            row.push(match r.deviation_percent {
                Some(p) => Cell::Amount(p, 1),
                None => Cell::Empty,
            });
        }
        w.row(&row);
        for a in &r.accounts {
            let number = a.account.to_string();
            let name = v.names.get(&number).cloned().unwrap_or_default();
            let mut row = vec![
                Cell::Empty,
                Cell::text(number),
                Cell::text(name),
                Cell::Amount(a.amount, d),
            ];
            if with_cmp {
                let c = a.comparison.unwrap_or_default();
                row.push(Cell::Amount(c, d));
                row.push(Cell::Amount(a.amount - c, d));
                row.push(Cell::Empty);
            }
            w.row(&row);
        }
    }
    w.finish()
}

/// The whole statement screen part: toolbar, table, checks.
#[component]
pub fn StatementReport(statement: Statement) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let selected = RwSignal::new(None::<(usize, usize)>);
    let current = Memo::new(move |_| {
        selected
            .get()
            .or_else(|| app.with_report_book(default_year_periods).flatten())
    });
    let comparison = RwSignal::new(Comparison::PreviousYear);
    let report = Memo::new(move |_| {
        let lang = i18n.lang();
        let (from, to) = current.get()?;
        let c = comparison.get();
        app.with_report_book(|b| build(b, statement, from, to, c, lang))
    });
    let expanded = RwSignal::new(BTreeSet::<&'static str>::new());
    let (title, lead, page) = match statement {
        Statement::BalanceSheet => (T::BsTitle, T::BsLead, "balance-sheet"),
        Statement::ProfitAndLoss => (T::PlTitle, T::PlLead, "profit-loss"),
    };
    let export = move || {
        let lang = i18n.lang_untracked();
        if let Some(Ok(v)) = report.get_untracked() {
            let stem = match (statement, lang) {
                (Statement::BalanceSheet, Lang::De) => "bilanz",
                (Statement::BalanceSheet, Lang::En) => "balance-sheet",
                (Statement::ProfitAndLoss, Lang::De) => "guv",
                (Statement::ProfitAndLoss, Lang::En) => "profit-and-loss",
            };
            offer_csv(
                &format!("{stem}_{}_{}.csv", v.from, v.to),
                &statement_csv(&v, lang),
            );
        }
    };
    report_shortcuts(export);
    let expand_all = move |_| {
        if let Some(Ok(v)) = report.get_untracked() {
            expanded.set(
                v.report
                    .rows
                    .iter()
                    .filter(|r| !r.accounts.is_empty())
                    .map(|r| r.line.key)
                    .collect(),
            );
        }
    };
    view! {
        <section class="page report-page statement-page" data-page=page>
            <h1>{move || i18n.t(title)}</h1>
            <AsOfBar />
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead no-print">{move || i18n.t(lead)}</p>
                    <div class="toolbar no-print">
                        <PeriodPicker selected=selected current=Signal::from(current) testid=page />
                        <label class="field narrow">
                            <span>{move || i18n.t(T::Comparison)}</span>
                            <select data-testid="comparison" on:change=move |ev| {
                                comparison.set(match event_target_value(&ev).as_str() {
                                    "none" => Comparison::None,
                                    "period" => Comparison::PreviousPeriod,
                                    _ => Comparison::PreviousYear,
                                });
                            }>
                                <option value="year" selected=move || comparison.get() == Comparison::PreviousYear>{move || i18n.t(T::PreviousYear)}</option>
                                <option value="period" selected=move || comparison.get() == Comparison::PreviousPeriod>{move || i18n.t(T::PreviousPeriod)}</option>
                                <option value="none" selected=move || comparison.get() == Comparison::None>{move || i18n.t(T::NoComparison)}</option>
                            </select>
                        </label>
                        <div class="toolbar-actions">
                            <button class="button" data-testid="expand-all" on:click=expand_all>{move || i18n.t(T::ExpandAll)}</button>
                            <button class="button" data-testid="collapse-all" on:click=move |_| expanded.set(BTreeSet::new())>{move || i18n.t(T::CollapseAll)}</button>
                            <button class="button" data-testid="export-csv" on:click=move |_| export()>{move || i18n.t(T::ExportCsv)}</button>
                            <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
                        </div>
                    </div>
                    {move || report.get().map(|r| match r {
                        Err(e) => view! { <div class="error-box" role="alert">{e}</div> }.into_any(),
                        Ok(v) => view! { <StatementTable view=v expanded=expanded /> }.into_any(),
                    })}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn StatementTable(
    view: StatementView,
    expanded: RwSignal<BTreeSet<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang_untracked();
    let d = view.decimals;
    let with_cmp = view.report.comparison_range.is_some();
    let wanted_cmp = view.report.comparison != Comparison::None;
    let range = Some((view.from, view.to));
    let caption = {
        let mut c = format!(
            "{} {} – {}",
            i18n.t(match view.report.statement {
                Statement::BalanceSheet => T::BsTitle,
                Statement::ProfitAndLoss => T::PlTitle,
            }),
            fmt_date(view.from, lang),
            fmt_date(view.to, lang)
        );
        if let Some((f, t)) = view.cmp_dates {
            c.push_str(&format!(
                " · {} {} – {}",
                i18n.t(T::Compared),
                fmt_date(f, lang),
                fmt_date(t, lang)
            ));
        }
        c.push_str(&format!(" · {} {}", i18n.t(T::CurrencyNote), view.lc));
        c
    };
    let checks = view.report.checks;
    let names = view.names.clone();
    let rows = view
        .report
        .rows
        .iter()
        .map(|r| {
            let key = r.line.key;
            let has_accounts = !r.accounts.is_empty();
            let class = format!(
                "statement-line depth-{}{}",
                r.depth,
                if r.line.mappable { "" } else { " subtotal" }
            );
            let toggle = move || {
                if has_accounts {
                    expanded.update(|s| {
                        if !s.remove(key) {
                            s.insert(key);
                        }
                    });
                }
            };
            let label = line_label(r, lang);
            let amount = fmt_amount(r.amount, d, lang);
            let cmp_cells = with_cmp.then(|| {
                view! {
                    <td class="num">{fmt_amount(r.comparison.unwrap_or_default(), d, lang)}</td>
                    <td class="num">{fmt_amount(r.deviation.unwrap_or_default(), d, lang)}</td>
                    <td class="num">{percent(r.deviation_percent, lang)}</td>
                }
            });
            let acc_data: Vec<_> = r
                .accounts
                .iter()
                .map(|a| {
                    let number = a.account.to_string();
                    let name = names.get(&number).cloned().unwrap_or_default();
                    let mark = match a.source {
                        Source::Chart => String::new(),
                        Source::Override => format!(" ({})", i18n.t(T::Moved)),
                        Source::Unmapped => format!(" ({})", i18n.t(T::Unassigned)),
                    };
                    (
                        a.account,
                        number,
                        name,
                        mark,
                        a.amount,
                        a.comparison.unwrap_or_default(),
                    )
                })
                .collect();
            let accounts = move || {
                expanded.with(|s| s.contains(key)).then(|| {
                    acc_data
                        .clone()
                        .into_iter()
                        .map(|(account, number, name, mark, amount, c)| {
                            let cmp = with_cmp.then(|| {
                                view! {
                                    <td class="num">{fmt_amount(c, d, lang)}</td>
                                    <td class="num">{fmt_amount(amount - c, d, lang)}</td>
                                    <td></td>
                                }
                            });
                            let shown = number.clone();
                            view! {
                                <tr class="statement-account" data-account=number>
                                    <td>
                                        <A href=sheet_href(account, range)>{shown}</A>
                                        " " {name} <span class="muted">{mark}</span>
                                    </td>
                                    <td class="num">{fmt_amount(amount, d, lang)}</td>
                                    {cmp}
                                </tr>
                            }
                        })
                        .collect_view()
                })
            };
            view! {
                <tr class=class data-line=key tabindex="0"
                    on:click=move |_| toggle()
                    on:keydown=move |ev| {
                        let key = ev.key();
                        if key == "Enter" || key == " " {
                            ev.prevent_default();
                            toggle();
                        } else if key == "ArrowDown" || key == "ArrowUp" {
                            ev.prevent_default();
                            let row: web_sys::Element = event_target(&ev);
                            focus_sibling(&row, key == "ArrowDown");
                        }
                    }>
                    <td>
                        <span class="toggle">{if has_accounts { "▸ " } else { "" }}</span>
                        {label}
                    </td>
                    <td class="num">{amount}</td>
                    {cmp_cells}
                </tr>
                {accounts}
            }
        })
        .collect_view();
    let mark = |ok: bool| if ok { "✓" } else { "✗" };
    let is_bs = view.report.statement == Statement::BalanceSheet;
    let result_text = if is_bs {
        T::CheckResult
    } else {
        T::CheckResultYtd
    };
    let table_class = if is_bs {
        "report statement bs"
    } else {
        "report statement pl"
    };
    let balance_ok = checks.balances();
    let result_ok = checks.results_agree();
    view! {
        <div class="table-wrap">
            <table class=table_class data-testid="statement">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th>{i18n.t(T::Line)}</th>
                        <th class="num">{i18n.t(T::Current)}</th>
                        {with_cmp.then(|| view! {
                            <th class="num">{i18n.t(T::Compared)}</th>
                            <th class="num">{i18n.t(T::Deviation)}</th>
                            <th class="num">{i18n.t(T::Percent)}</th>
                        })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(wanted_cmp && !with_cmp).then(|| view! { <p class="muted" data-testid="no-comparison">{i18n.t(T::NoComparisonData)}</p> })}
        <ul class="statement-checks" data-testid="checks">
            {is_bs.then(|| view! {
                <li class=if balance_ok { "check ok" } else { "check bad" } data-testid="check-balance" data-ok=balance_ok.to_string()>
                    <span class="mark">{mark(balance_ok)}</span>
                    {format!(" {}: {} = {}", i18n.t(T::CheckBalance), fmt_amount(checks.total_assets, d, lang), fmt_amount(checks.total_equity_and_liabilities, d, lang))}
                    {(!balance_ok).then(|| format!(" · {} {}", i18n.t(T::Difference), fmt_amount(checks.balance_difference, d, lang)))}
                </li>
            })}
            <li class=if result_ok { "check ok" } else { "check bad" } data-testid="check-result" data-ok=result_ok.to_string()>
                <span class="mark">{mark(result_ok)}</span>
                {format!(" {}: {} = {}", i18n.t(result_text), fmt_amount(checks.pl_result, d, lang), fmt_amount(checks.bs_result, d, lang))}
                {(!result_ok).then(|| format!(" · {} {}", i18n.t(T::Difference), fmt_amount(checks.result_difference, d, lang)))}
            </li>
        </ul>
    }
}
