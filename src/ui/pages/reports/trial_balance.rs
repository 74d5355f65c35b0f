//! Reports: trial balance (Summen- und Saldenliste) and account sheet
//! (Kontoblatt). Both read the engine's reports (`ledger::report`), drill
//! down (account → account sheet → entry), export CSV (`formats::csv`) and
//! print (`style/print.css`). The trial balance covers periods of one
//! fiscal year (P&L accounts start each year at zero; earlier years'
//! result is its own line, "Ergebnisvortrag", under equity); the account
//! sheet names each line's contra account and, on a foreign-currency
//! account, shows FC amounts and the FC balance beside LC. What other
//! screens share with these (no-company notice, default range, download,
//! print shortcuts, pager, date field) lives in `ui::components`.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use rust_decimal::Decimal;

use crate::formats::csv::{Cell, CsvWriter};
use crate::ledger::Book;
use crate::ledger::gl::AccountType;
use crate::ledger::types::AccountNo;
use crate::texts;
use crate::ui::components::{
    AsOfBar, DateField, NoCompany, Pager, TYPE_ORDER, default_year_dates, default_year_periods,
    dialect, entry_href, entry_label, fmt_amount, fmt_date, fmt_nonzero, lc_of, offer_csv,
    print_page, report_shortcuts, sheet_href, type_name,
};
use crate::ui::errors::{domain_error, no_periods};
use crate::ui::i18n::{Lang, use_i18n};
use crate::ui::state::use_app;

/// Lines of an account sheet shown per page; the rest is paged, so a bank
/// account with 40,000 lines renders as fast as one with 40.
pub const SHEET_PAGE_ROWS: usize = 200;

texts! {
    pub enum T {
        Loading => "Lade …", "Loading …";
        TbTitle => "Summen- und Saldenliste", "Trial balance";
        TbLead => "Eröffnung, Soll, Haben und Saldo je Konto in Hauswährung; Konto anklicken für das Kontoblatt.", "Opening, debit, credit and closing balance per account in local currency; click an account for its sheet.";
        FiscalYear => "Geschäftsjahr", "Fiscal year";
        FromPeriod => "Von Periode", "From period";
        ToPeriod => "Bis Periode", "To period";
        Account => "Konto", "Account";
        Name => "Bezeichnung", "Name";
        Opening => "Eröffnung", "Opening";
        Debit => "Soll", "Debit";
        Credit => "Haben", "Credit";
        Closing => "Saldo", "Closing";
        Balance => "Saldo", "Balance";
        Total => "Summe", "Total";
        TotalAll => "Gesamtsumme", "Grand total";
        Balanced => "Soll und Haben stimmen überein.", "Debits equal credits.";
        NotBalanced => "Soll und Haben weichen voneinander ab!", "Debits and credits differ!";
        Empty => "Keine Buchungen in diesem Zeitraum.", "No postings in this range.";
        ExportCsv => "CSV exportieren (Alt+E)", "Export CSV (Alt+E)";
        Print => "Drucken (Alt+P)", "Print (Alt+P)";
        SheetTitle => "Kontoblatt", "Account sheet";
        SheetLead => "Alle Buchungen des Kontos mit laufendem Saldo; Nummer anklicken für die Buchung.", "Every posting on the account with a running balance; click a number for the entry.";
        From => "Von", "From";
        To => "Bis", "To";
        OtherAccount => "Anderes Konto", "Other account";
        Number => "Nr.", "No.";
        Date => "Datum", "Date";
        Reference => "Referenz", "Reference";
        Text => "Buchungstext", "Text";
        OpeningBalance => "Anfangssaldo", "Opening balance";
        ClosingBalance => "Endsaldo", "Closing balance";
        UnknownAccount => "Dieses Konto gibt es im Kontenplan nicht.", "This account is not in the chart of accounts.";
        Reversal => "Storno", "Reversal";
        Reversed => "storniert", "reversed";
        Truncated => "Zu viele Zeilen: nur die ersten werden gezeigt; Summen enthalten alle. Engen Sie den Zeitraum ein.", "Too many lines: only the first are shown; totals include all. Narrow the date range.";
        BackToTb => "Zur Summen- und Saldenliste", "To the trial balance";
        InJournal => "Im Journal", "In the journal";
        CurrencyNote => "Beträge in", "Amounts in";
        Lines => "Zeilen", "lines";
        CarriedForward => "Ergebnisvortrag (Vorjahre, noch nicht abgeschlossen)", "Result carried forward (earlier years, not yet closed)";
        Contra => "Gegenkonto", "Contra account";
        ContraOthers => "und weitere", "and more";
        Fc => "Fremdwährung", "Foreign currency";
        And => "und", "and";
    }
}

// ----- shared by the financial pages -----

// ----- trial balance -----

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Sums {
    opening_lc: Decimal,
    debit_lc: Decimal,
    credit_lc: Decimal,
    closing_lc: Decimal,
}

impl Sums {
    fn add(&mut self, o: &Sums) {
        self.opening_lc += o.opening_lc;
        self.debit_lc += o.debit_lc;
        self.credit_lc += o.credit_lc;
        self.closing_lc += o.closing_lc;
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct TbLine {
    /// `None` for the result carried forward, which is no account.
    account: Option<AccountNo>,
    name: String,
    sums: Sums,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct TbGroup {
    account_type: AccountType,
    lines: Vec<TbLine>,
    sums: Sums,
}

/// The trial balance as the screen and the CSV show it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct TbView {
    lc: String,
    decimals: u32,
    from: NaiveDate,
    to: NaiveDate,
    groups: Vec<TbGroup>,
    total: Sums,
}

fn build_tb(book: &Book, from: usize, to: usize, lang: Lang) -> Result<TbView, String> {
    let calendar = book.calendar();
    let (Some(p_from), Some(p_to)) = (calendar.period(from), calendar.period(to)) else {
        return Err(no_periods(lang));
    };
    let report = book
        .trial_balance(p_from.reference, p_to.reference)
        .map_err(|e| domain_error(&e, lang))?;
    let (lc, decimals) = lc_of(book);
    let mut groups: Vec<TbGroup> = TYPE_ORDER
        .iter()
        .map(|t| TbGroup {
            account_type: *t,
            lines: Vec::new(),
            sums: Sums::default(),
        })
        .collect();
    let mut total = Sums::default();
    for row in &report.rows {
        let Some(account) = book.account(row.account) else {
            continue;
        };
        let sums = Sums {
            opening_lc: row.opening_lc,
            debit_lc: row.debit_lc,
            credit_lc: row.credit_lc,
            closing_lc: row.closing_lc,
        };
        let Some(group) = groups
            .iter_mut()
            .find(|g| g.account_type == account.account_type)
        else {
            continue;
        };
        group.sums.add(&sums);
        total.add(&sums);
        group.lines.push(TbLine {
            account: Some(row.account),
            name: account.name(lang == Lang::De).to_string(),
            sums,
        });
    }
    // The earlier years' P&L result, on the balance-sheet side (equity).
    if !report.carried_forward_lc.is_zero()
        && let Some(equity) = groups
            .iter_mut()
            .find(|g| g.account_type == AccountType::Equity)
    {
        use crate::ui::i18n::Text;
        let sums = Sums {
            opening_lc: report.carried_forward_lc,
            closing_lc: report.carried_forward_lc,
            ..Sums::default()
        };
        equity.sums.add(&sums);
        total.add(&sums);
        equity.lines.push(TbLine {
            account: None,
            name: T::CarriedForward.text(lang).to_string(),
            sums,
        });
    }
    // Assert the report's own totals against ours: two ways to the same sum.
    debug_assert_eq!(total.debit_lc, report.total_debit_lc);
    debug_assert_eq!(total.credit_lc, report.total_credit_lc);
    groups.retain(|g| !g.lines.is_empty());
    Ok(TbView {
        lc,
        decimals,
        from: p_from.start,
        to: p_to.end,
        groups,
        total,
    })
}

fn tb_csv(v: &TbView, lang: Lang) -> String {
    use crate::ui::i18n::Text;
    let t = |k: T| k.text(lang);
    let d = v.decimals;
    let mut w = CsvWriter::new(dialect(lang));
    w.header(&[
        t(T::Account),
        t(T::Name),
        t(T::Opening),
        t(T::Debit),
        t(T::Credit),
        t(T::Closing),
    ]);
    let sums = |s: &Sums| {
        [
            Cell::Amount(s.opening_lc, d),
            Cell::Amount(s.debit_lc, d),
            Cell::Amount(s.credit_lc, d),
            Cell::Amount(s.closing_lc, d),
        ]
    };
    for g in &v.groups {
        for l in &g.lines {
            let number = l.account.map(|a| a.to_string()).unwrap_or_default();
            let mut row = vec![Cell::text(number), Cell::text(l.name.clone())];
            row.extend(sums(&l.sums));
            w.row(&row);
        }
        let mut row = vec![
            Cell::Empty,
            Cell::text(format!(
                "{} {}",
                t(T::Total),
                type_name(g.account_type, lang)
            )),
        ];
        row.extend(sums(&g.sums));
        w.row(&row);
    }
    let mut row = vec![Cell::Empty, Cell::text(t(T::TotalAll))];
    row.extend(sums(&v.total));
    w.row(&row);
    w.finish()
}

#[component]
pub fn TrialBalancePage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // `None` = the default fiscal year (see `default_year_periods`).
    let from_sel = RwSignal::new(None::<usize>);
    let to_sel = RwSignal::new(None::<usize>);
    let range = Memo::new(move |_| {
        let default = app.with_report_book(default_year_periods).flatten();
        let from = from_sel.get().or(default.map(|d| d.0))?;
        let to = to_sel.get().or(default.map(|d| d.1))?;
        Some((from, to))
    });
    let report = Memo::new(move |_| {
        let lang = i18n.lang();
        let (from, to) = range.get()?;
        app.with_report_book(|b| build_tb(b, from, to, lang))
    });
    // Period choices: (global index, label, fiscal year).
    let periods = Memo::new(move |_| {
        app.with_report_book(|b| {
            b.calendar()
                .periods()
                .enumerate()
                .map(|(i, p)| {
                    let label = format!(
                        "{:02}/{} ({}–{})",
                        p.reference.period,
                        p.reference.fiscal_year,
                        p.start.format("%d.%m."),
                        p.end.format("%d.%m.")
                    );
                    (i, label, p.reference.fiscal_year)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let years = Memo::new(move |_| {
        let mut ys: Vec<i32> = periods.get().iter().map(|p| p.2).collect();
        ys.dedup();
        ys
    });
    let pick_year = move |year: i32| {
        let ps = periods.get_untracked();
        let first = ps.iter().position(|p| p.2 == year);
        let last = ps.iter().rposition(|p| p.2 == year);
        if let (Some(a), Some(b)) = (first, last) {
            from_sel.set(Some(a));
            to_sel.set(Some(b));
        }
    };
    // A trial balance covers one fiscal year at most (P&L accounts start
    // each year at zero): a "from" in another year moves "to" along.
    let pick_from = move |from: Option<usize>| {
        let Some(from) = from else {
            return;
        };
        let ps = periods.get_untracked();
        let year = ps.get(from).map(|p| p.2);
        let to = range.get_untracked().map(|r| r.1);
        if to.and_then(|t| ps.get(t)).map(|p| p.2) != year {
            to_sel.set(ps.iter().rposition(|p| Some(p.2) == year));
        }
        from_sel.set(Some(from));
    };
    let export = move || {
        let lang = i18n.lang_untracked();
        if let Some(Ok(v)) = report.get_untracked() {
            let name = format!(
                "{}_{}_{}.csv",
                if lang == Lang::De {
                    "summen-und-saldenliste"
                } else {
                    "trial-balance"
                },
                v.from,
                v.to
            );
            offer_csv(&name, &tb_csv(&v, lang));
        }
    };
    report_shortcuts(export);

    let current_year = move || {
        let (from, _) = range.get()?;
        periods.get().get(from).map(|p| p.2)
    };

    view! {
        <section class="page report-page" data-page="trial-balance">
            <h1>{move || i18n.t(T::TbTitle)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead no-print">{move || i18n.t(T::TbLead)}</p>
                    <AsOfBar />
                    <div class="toolbar no-print">
                        <label class="field narrow">
                            <span>{move || i18n.t(T::FiscalYear)}</span>
                            <select data-testid="tb-year" on:change=move |ev| {
                                if let Ok(y) = event_target_value(&ev).parse::<i32>() { pick_year(y) }
                            }>
                                {move || years.get().into_iter().map(|y| view! {
                                    <option value=y.to_string() selected=move || current_year() == Some(y)>{y.to_string()}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="field">
                            <span>{move || i18n.t(T::FromPeriod)}</span>
                            <select data-testid="tb-from" on:change=move |ev| {
                                pick_from(event_target_value(&ev).parse().ok())
                            }>
                                {move || periods.get().into_iter().map(|(i, label, _)| view! {
                                    <option value=i.to_string() selected=move || range.get().map(|r| r.0) == Some(i)>{label}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="field">
                            <span>{move || i18n.t(T::ToPeriod)}</span>
                            <select data-testid="tb-to" on:change=move |ev| {
                                to_sel.set(event_target_value(&ev).parse().ok())
                            }>
                                {move || periods.get().into_iter().filter(|p| Some(p.2) == current_year()).map(|(i, label, _)| view! {
                                    <option value=i.to_string() selected=move || range.get().map(|r| r.1) == Some(i)>{label}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <div class="toolbar-actions">
                            <button class="button" data-testid="export-csv" on:click=move |_| export()>{move || i18n.t(T::ExportCsv)}</button>
                            <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
                        </div>
                    </div>
                    {move || report.get().map(|r| match r {
                        Err(e) => view! { <div class="error-box" role="alert">{e}</div> }.into_any(),
                        Ok(v) => view! { <TbTable view=v /> }.into_any(),
                    })}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn TbTable(view: TbView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang_untracked();
    let d = view.decimals;
    let range = Some((view.from, view.to));
    let amounts = move |s: &Sums| {
        view! {
            <td class="num">{fmt_amount(s.opening_lc, d, lang)}</td>
            <td class="num">{fmt_nonzero(s.debit_lc, d, lang)}</td>
            <td class="num">{fmt_nonzero(s.credit_lc, d, lang)}</td>
            <td class="num">{fmt_amount(s.closing_lc, d, lang)}</td>
        }
    };
    let balanced = view.total.debit_lc == view.total.credit_lc;
    let empty = view.groups.is_empty();
    let caption = format!(
        "{} {} – {} · {} {}",
        i18n.t(T::TbTitle),
        fmt_date(view.from, lang),
        fmt_date(view.to, lang),
        i18n.t(T::CurrencyNote),
        view.lc
    );
    let body = view
        .groups
        .into_iter()
        .map(|g| {
            let rows = g
                .lines
                .into_iter()
                .map(|l| match l.account {
                    Some(account) => {
                        let number = account.to_string();
                        let data_account = number.clone();
                        view! {
                            <tr data-account=data_account>
                                <td><A href=sheet_href(account, range) attr:data-testid="tb-account">{number}</A></td>
                                <td>{l.name}</td>
                                {amounts(&l.sums)}
                            </tr>
                        }
                        .into_any()
                    }
                    None => view! {
                        <tr class="carried-forward" data-testid="tb-carried-forward">
                            <td></td>
                            <td>{l.name}</td>
                            {amounts(&l.sums)}
                        </tr>
                    }
                    .into_any(),
                })
                .collect_view();
            view! {
                <tr class="group-head"><th colspan="6" scope="colgroup">{type_name(g.account_type, lang)}</th></tr>
                {rows}
                <tr class="subtotal" data-subtotal=format!("{:?}", g.account_type).to_lowercase()>
                    <td></td>
                    <td>{format!("{} {}", i18n.t(T::Total), type_name(g.account_type, lang))}</td>
                    {amounts(&g.sums)}
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="report-caption">{caption}</p>
        {if empty {
            view! { <p class="muted" data-testid="tb-empty">{i18n.t(T::Empty)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data report" data-testid="trial-balance">
                        <thead><tr>
                            <th scope="col">{i18n.t(T::Account)}</th>
                            <th scope="col">{i18n.t(T::Name)}</th>
                            <th scope="col" class="num">{i18n.t(T::Opening)}</th>
                            <th scope="col" class="num">{i18n.t(T::Debit)}</th>
                            <th scope="col" class="num">{i18n.t(T::Credit)}</th>
                            <th scope="col" class="num">{i18n.t(T::Closing)}</th>
                        </tr></thead>
                        <tbody>{body}</tbody>
                        <tfoot>
                            <tr class="total" data-testid="tb-total">
                                <td></td>
                                <td>{i18n.t(T::TotalAll)}</td>
                                {amounts(&view.total)}
                            </tr>
                        </tfoot>
                    </table>
                </div>
                <p class=if balanced { "balance-note ok" } else { "balance-note error-box" } data-testid="tb-balanced">
                    {i18n.t(if balanced { T::Balanced } else { T::NotBalanced })}
                </p>
            }.into_any()
        }}
    }
}

// ----- account sheet -----

#[derive(Clone, Debug)]
struct SheetView {
    account: AccountNo,
    name: String,
    lc: String,
    decimals: u32,
    sheet: crate::ledger::report::AccountSheet,
}

/// Compared by identity: a new computation is a new sheet, and comparing
/// 40,000 lines to find out would cost as much as computing them.
#[derive(Clone, Debug)]
struct Shared<T>(Arc<T>);

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// How a sheet shows foreign currency: an account kept in one FC has FC
/// debit, credit and balance columns; an account open to all currencies
/// shows each line's own FC amount; a local account shows none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FcColumns {
    None,
    Account(crate::ledger::report::SheetFc),
    Lines,
}

fn fc_columns(sheet: &crate::ledger::report::AccountSheet) -> FcColumns {
    match sheet.fc {
        Some(fc) => FcColumns::Account(fc),
        None if sheet.lines.iter().any(|l| l.fc.is_some()) => FcColumns::Lines,
        None => FcColumns::None,
    }
}

/// "8400", or "8400 +2" when the other side has two more accounts.
fn contra_text(contra: Option<crate::ledger::report::Contra>) -> String {
    match contra {
        None => String::new(),
        Some(c) if c.others == 0 => c.account.to_string(),
        Some(c) => format!("{} +{}", c.account, c.others),
    }
}

/// "108,37 USD": an FC amount with its currency's decimals.
fn fc_text(fc: &crate::ledger::types::FcAmount, lang: Lang) -> String {
    format!(
        "{} {}",
        fmt_amount(fc.amount_fc, fc.currency.decimals(), lang),
        fc.currency.as_str()
    )
}

fn sheet_csv(v: &SheetView, lang: Lang) -> String {
    use crate::ui::i18n::Text;
    let t = |k: T| k.text(lang);
    let d = v.decimals;
    let s = &v.sheet;
    let fc = fc_columns(s);
    let mut w = CsvWriter::new(dialect(lang));
    let mut header: Vec<String> = [
        T::Number,
        T::Date,
        T::Reference,
        T::Contra,
        T::Text,
        T::Debit,
        T::Credit,
        T::Balance,
    ]
    .iter()
    .map(|k| t(*k).to_string())
    .collect();
    match fc {
        FcColumns::Account(f) => header.extend(
            [T::Debit, T::Credit, T::Balance].map(|k| format!("{} {}", t(k), f.currency.as_str())),
        ),
        FcColumns::Lines => header.push(t(T::Fc).to_string()),
        FcColumns::None => {}
    }
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    w.header(&header);
    let summary =
        |w: &mut CsvWriter, label: T, date: NaiveDate, sums: [Cell; 3], fc_sums: Vec<Cell>| {
            let mut row = vec![
                Cell::Empty,
                Cell::Date(date),
                Cell::Empty,
                Cell::Empty,
                Cell::text(format!("{} {} {}", t(label), v.account, v.name)),
            ];
            row.extend(sums);
            row.extend(fc_sums);
            w.row(&row);
        };
    let fc_sums = |opening: bool| match fc {
        FcColumns::Account(f) => {
            let fd = f.currency.decimals();
            match opening {
                true => vec![Cell::Empty, Cell::Empty, Cell::Amount(f.opening_fc, fd)],
                false => vec![
                    Cell::Amount(f.debit_fc, fd),
                    Cell::Amount(f.credit_fc, fd),
                    Cell::Amount(f.closing_fc, fd),
                ],
            }
        }
        FcColumns::Lines => vec![Cell::Empty],
        FcColumns::None => Vec::new(),
    };
    let opening = [Cell::Empty, Cell::Empty, Cell::Amount(s.opening_lc, d)];
    summary(&mut w, T::OpeningBalance, s.from, opening, fc_sums(true));
    for l in &s.lines {
        let (debit, credit) = sides(l.side, l.amount_lc, d);
        let mut row = vec![
            Cell::text(entry_label(l.fiscal_year, l.number)),
            Cell::Date(l.posting_date),
            Cell::text(l.reference.clone()),
            Cell::text(contra_text(l.contra)),
            Cell::text(l.memo.clone()),
            debit,
            credit,
            Cell::Amount(l.balance_lc, d),
        ];
        match (fc, l.fc) {
            (FcColumns::Account(f), line_fc) => {
                let fd = f.currency.decimals();
                let amount = line_fc.map_or(Decimal::ZERO, |x| x.amount_fc);
                let (debit, credit) = sides(l.side, amount, fd);
                row.extend([debit, credit]);
                row.push(l.balance_fc.map_or(Cell::Empty, |b| Cell::Amount(b, fd)));
            }
            (FcColumns::Lines, Some(x)) => row.push(Cell::text(fc_text(&x, lang))),
            (FcColumns::Lines, None) => row.push(Cell::Empty),
            (FcColumns::None, _) => {}
        }
        w.row(&row);
    }
    let closing = [
        Cell::Amount(s.debit_lc, d),
        Cell::Amount(s.credit_lc, d),
        Cell::Amount(s.closing_lc, d),
    ];
    summary(&mut w, T::ClosingBalance, s.to, closing, fc_sums(false));
    w.finish()
}

fn sides(side: crate::ledger::types::Side, amount: Decimal, d: u32) -> (Cell, Cell) {
    use crate::ledger::types::Side;
    match side {
        Side::Debit => (Cell::Amount(amount, d), Cell::Empty),
        Side::Credit => (Cell::Empty, Cell::Amount(amount, d)),
    }
}

#[component]
pub fn AccountSheetPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let query = use_query_map();
    let navigate = StoredValue::new_local(use_navigate());
    let account = Memo::new(move |_| {
        params
            .get()
            .get("account")
            .and_then(|a| AccountNo::parse(&a).ok())
    });
    let parse_q = move |key: &str| {
        query
            .get_untracked()
            .get(key)
            .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
    };
    let from = RwSignal::new(parse_q("from"));
    let to = RwSignal::new(parse_q("to"));
    let page = RwSignal::new(0usize);
    // Fill the default fiscal year once the Book is there.
    Effect::new(move |_| {
        if from.get().is_none()
            && to.get().is_none()
            && let Some((a, b)) = app.with_book(default_year_dates).flatten()
        {
            from.set(Some(a));
            to.set(Some(b));
        }
    });
    Effect::new(move |_| {
        from.track();
        to.track();
        account.track();
        page.set(0);
    });
    let sheet = Memo::new(move |_| {
        let lang = i18n.lang();
        let account = account.get()?;
        let (from, to) = (from.get()?, to.get()?);
        app.with_book(|b| {
            let name = b.account(account)?.name(lang == Lang::De).to_string();
            let (lc, decimals) = lc_of(b);
            let sheet = b.account_sheet(account, from, to).ok()?;
            Some(Shared(Arc::new(SheetView {
                account,
                name,
                lc,
                decimals,
                sheet,
            })))
        })
        .flatten()
    });
    let accounts = Memo::new(move |_| {
        let lang = i18n.lang();
        app.with_book(|b| {
            b.accounts()
                .filter(|a| a.postable)
                .map(|a| (a.number.to_string(), a.name(lang == Lang::De).to_string()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let export = move || {
        let lang = i18n.lang_untracked();
        if let Some(v) = sheet.get_untracked() {
            let v = &v.0;
            let name = format!(
                "{}_{}_{}_{}.csv",
                if lang == Lang::De {
                    "kontoblatt"
                } else {
                    "account-sheet"
                },
                v.account,
                v.sheet.from,
                v.sheet.to
            );
            offer_csv(&name, &sheet_csv(v, lang));
        }
    };
    report_shortcuts(export);
    let other = RwSignal::new(String::new());
    let go_other = move || {
        let text = other.get_untracked();
        let number = text.split_whitespace().next().unwrap_or("").to_string();
        if let Ok(no) = AccountNo::parse(&number) {
            let range = from.get_untracked().zip(to.get_untracked());
            navigate.with_value(|n| n(&sheet_href(no, range), Default::default()));
            other.set(String::new());
        }
    };
    let title = move || {
        let base = i18n.t(T::SheetTitle);
        match sheet.get() {
            Some(v) => format!("{base} {} {}", v.0.account, v.0.name),
            None => match account.get() {
                Some(a) => format!("{base} {a}"),
                None => base.to_string(),
            },
        }
    };
    view! {
        <section class="page report-page" data-page="account-sheet">
            <h1 data-testid="sheet-title">{title}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead no-print">{move || i18n.t(T::SheetLead)}</p>
                    <div class="toolbar no-print">
                        <DateField label=T::From value=from testid="sheet-from" />
                        <DateField label=T::To value=to testid="sheet-to" />
                        <label class="field">
                            <span>{move || i18n.t(T::OtherAccount)}</span>
                            <input type="search" list="sheet-accounts" data-testid="sheet-other"
                                prop:value=move || other.get()
                                on:input=move |ev| other.set(event_target_value(&ev))
                                on:change=move |_| go_other()
                                on:keydown=move |ev| if ev.key() == "Enter" { go_other() } />
                            <datalist id="sheet-accounts">
                                {move || accounts.get().into_iter().map(|(no, name)| view! {
                                    <option value=no>{name}</option>
                                }).collect_view()}
                            </datalist>
                        </label>
                        <div class="toolbar-actions">
                            <button class="button" data-testid="export-csv" on:click=move |_| export()>{move || i18n.t(T::ExportCsv)}</button>
                            <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
                        </div>
                    </div>
                    {move || match sheet.get() {
                        Some(v) => view! { <SheetTable view=v.0 page=page /> }.into_any(),
                        None if account.get().is_some_and(|a| app.with_book(|b| b.account(a).is_none()).unwrap_or(false)) =>
                            view! { <div class="error-box" role="alert">{i18n.t(T::UnknownAccount)}</div> }.into_any(),
                        None => view! { <p class="muted">{i18n.t(T::Loading)}</p> }.into_any(),
                    }}
                    <p class="no-print"><A href="/reports/trial-balance">{move || i18n.t(T::BackToTb)}</A>
                        " · "
                        {move || account.get().map(|a| view! {
                            <A href=format!("/financials/journal?account={a}")>{move || i18n.t(T::InJournal)}</A>
                        })}
                    </p>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn SheetTable(view: Arc<SheetView>, page: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let v = view;
    let total_lines = v.sheet.lines.len();
    let pages = total_lines.div_ceil(SHEET_PAGE_ROWS).max(1);
    let fc = fc_columns(&v.sheet);
    let caption = {
        let lang = i18n.lang_untracked();
        let currencies = match fc {
            FcColumns::Account(f) => format!("{} {} {}", v.lc, i18n.t(T::And), f.currency.as_str()),
            _ => v.lc.clone(),
        };
        format!(
            "{} {} {} · {} – {} · {} {currencies}",
            i18n.t(T::SheetTitle),
            v.account,
            v.name,
            fmt_date(v.sheet.from, lang),
            fmt_date(v.sheet.to, lang),
            i18n.t(T::CurrencyNote),
        )
    };
    let v2 = v.clone();
    let rows = move || {
        let lang = i18n.lang();
        let start = page.get() * SHEET_PAGE_ROWS;
        v2.sheet
            .lines
            .iter()
            .skip(start)
            .take(SHEET_PAGE_ROWS)
            .map(|l| sheet_row(&v2, l, fc, lang))
            .collect_view()
    };
    let lc = v.lc.clone();
    let heads = move || {
        let mut cols: Vec<(String, bool)> = [
            (T::Number, false),
            (T::Date, false),
            (T::Reference, false),
            (T::Contra, false),
            (T::Text, false),
        ]
        .map(|(k, num)| (i18n.t(k).to_string(), num))
        .to_vec();
        for k in [T::Debit, T::Credit, T::Balance] {
            let label = match fc {
                FcColumns::Account(_) => format!("{} {lc}", i18n.t(k)),
                _ => i18n.t(k).to_string(),
            };
            cols.push((label, true));
        }
        match fc {
            FcColumns::Account(f) => cols.extend(
                [T::Debit, T::Credit, T::Balance]
                    .map(|k| (format!("{} {}", i18n.t(k), f.currency.as_str()), true)),
            ),
            FcColumns::Lines => cols.push((i18n.t(T::Fc).to_string(), true)),
            FcColumns::None => {}
        }
        cols.into_iter()
            .map(|(label, num)| view! { <th scope="col" class:num=num>{label}</th> })
            .collect_view()
    };
    let (v_open, v_close) = (v.clone(), v.clone());
    view! {
        <p class="report-caption">{caption}</p>
        {v.sheet.truncated.then(|| view! { <p class="warning">{i18n.t(T::Truncated)}</p> })}
        <div class="table-wrap">
            <table class="data report" class:fc-sheet=matches!(fc, FcColumns::Account(_)) data-testid="account-sheet" data-fc=match fc {
                FcColumns::Account(f) => f.currency.as_str().to_string(),
                _ => String::new(),
            }>
                <thead><tr>{heads}</tr></thead>
                <tbody>
                    {move || sheet_summary(&v_open, fc, true, i18n.lang())}
                    {rows}
                </tbody>
                <tfoot>{move || sheet_summary(&v_close, fc, false, i18n.lang())}</tfoot>
            </table>
        </div>
        <Pager page=page pages=pages count=total_lines unit=Signal::derive(move || i18n.t(T::Lines)) />
    }
}

/// One line of the sheet: entry, date, reference, contra account, text,
/// LC debit/credit/balance, then the FC columns.
fn sheet_row(
    v: &SheetView,
    l: &crate::ledger::report::SheetLine,
    fc: FcColumns,
    lang: Lang,
) -> impl IntoView + use<> {
    use crate::ledger::types::Side;
    use crate::ui::i18n::Text;
    let d = v.decimals;
    let split = |amount: Decimal, decimals: u32| match l.side {
        Side::Debit => (fmt_amount(amount, decimals, lang), String::new()),
        Side::Credit => (String::new(), fmt_amount(amount, decimals, lang)),
    };
    let (debit, credit) = split(l.amount_lc, d);
    let mark = match (l.reverses, l.reversed_by) {
        (Some(_), _) => Some(("badge reversal", T::Reversal.text(lang))),
        (None, Some(_)) => Some(("badge reversed", T::Reversed.text(lang))),
        _ => None,
    };
    let range = Some((v.sheet.from, v.sheet.to));
    let contra = l.contra.map(|c| {
        let more = (c.others > 0).then(|| {
            view! { <span class="muted" title=format!("{} {}", c.others, T::ContraOthers.text(lang))>{format!(" +{}", c.others)}</span> }
        });
        let number = c.account.to_string();
        view! { <A href=sheet_href(c.account, range)>{number}</A>{more} }
    });
    let label = entry_label(l.fiscal_year, l.number);
    let fc_cells = match (fc, l.fc) {
        (FcColumns::Account(f), line_fc) => {
            let fd = f.currency.decimals();
            let (fd_debit, fd_credit) = split(line_fc.map_or(Decimal::ZERO, |x| x.amount_fc), fd);
            let balance = l
                .balance_fc
                .map(|b| fmt_amount(b, fd, lang))
                .unwrap_or_default();
            view! {
                <td class="num fc">{fd_debit}</td>
                <td class="num fc">{fd_credit}</td>
                <td class="num fc" data-testid="sheet-balance-fc">{balance}</td>
            }
            .into_any()
        }
        (FcColumns::Lines, line_fc) => {
            view! { <td class="num fc">{line_fc.map(|x| fc_text(&x, lang))}</td> }.into_any()
        }
        (FcColumns::None, _) => ().into_any(),
    };
    view! {
        <tr data-testid="sheet-line">
            <td><A href=entry_href(l.entry) attr:data-testid="sheet-entry">{label}</A></td>
            <td class="date">{fmt_date(l.posting_date, lang)}</td>
            <td>{l.reference.clone()}</td>
            <td data-testid="sheet-contra">{contra}</td>
            <td>{l.memo.clone()}{mark.map(|(c, t)| view! { " " <span class=c>{t}</span> })}</td>
            <td class="num">{debit}</td>
            <td class="num">{credit}</td>
            <td class="num">{fmt_amount(l.balance_lc, d, lang)}</td>
            {fc_cells}
        </tr>
    }
}

/// The opening (`opening`) or closing row of a sheet, FC columns included.
fn sheet_summary(v: &SheetView, fc: FcColumns, opening: bool, lang: Lang) -> impl IntoView + use<> {
    use crate::ui::i18n::Text;
    let s = &v.sheet;
    let d = v.decimals;
    let amounts = match opening {
        true => [
            String::new(),
            String::new(),
            fmt_amount(s.opening_lc, d, lang),
        ],
        false => [s.debit_lc, s.credit_lc, s.closing_lc].map(|x| fmt_amount(x, d, lang)),
    };
    let fc_amounts: Vec<String> = match fc {
        FcColumns::Account(f) => {
            let fd = f.currency.decimals();
            match opening {
                true => vec![
                    String::new(),
                    String::new(),
                    fmt_amount(f.opening_fc, fd, lang),
                ],
                false => [f.debit_fc, f.credit_fc, f.closing_fc]
                    .map(|x| fmt_amount(x, fd, lang))
                    .to_vec(),
            }
        }
        FcColumns::Lines => vec![String::new()],
        FcColumns::None => Vec::new(),
    };
    let (class, testid, date, label) = match opening {
        true => ("subtotal", "sheet-opening", s.from, T::OpeningBalance),
        false => ("total", "sheet-closing", s.to, T::ClosingBalance),
    };
    view! {
        <tr class=class data-testid=testid>
            <td></td>
            <td class="date">{fmt_date(date, lang)}</td>
            <td></td>
            <td></td>
            <td>{label.text(lang)}</td>
            {amounts.into_iter().map(|a| view! { <td class="num">{a}</td> }).collect_view()}
            {fc_amounts.into_iter().map(|a| view! { <td class="num fc">{a}</td> }).collect_view()}
        </tr>
    }
}
