//! Partner statement (Kontoauszug) at `/reports/partner-statement/:code`:
//! a customer's or vendor's lines for a period with the opening balance,
//! the running balance after each line, drill-down to the entry and the
//! closing balance; the partner's control account, terms and limits in
//! the heading; CSV (`formats::report_csv::partner_statement_csv`) and
//! print. The open-items and aging rows link here.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use rust_decimal::Decimal;

use crate::formats::report_csv::partner_statement_csv;
use crate::ledger::Book;
use crate::ledger::partners::PartnerKind;
use crate::ledger::report::partners::StatementLine;
use crate::ledger::types::{PartnerCode, Side};
use crate::texts;
use crate::ui::components::{
    DateField, NoCompany, default_as_of, dialect, entry_href, entry_label, fmt_amount, fmt_date,
    fmt_nonzero, lc_of, offer_csv, print_page, report_shortcuts,
};
use crate::ui::errors::domain_error;
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

texts! {
    pub enum T {
        Title => "Kontoauszug", "Statement";
        Lead => "Alle Buchungen des Partners im Zeitraum mit laufendem Saldo; Buchung anklicken für den Beleg.", "All of the partner's postings in the range with running balance; click an entry to open it.";
        From => "Von", "From";
        To => "Bis", "To";
        Customer => "Kunde", "Customer";
        Vendor => "Lieferant", "Vendor";
        ControlAccount => "Sammelkonto", "Control account";
        Terms => "Zahlungsbedingung", "Payment terms";
        CreditLimit => "Kreditlimit", "Credit limit";
        CommitmentLimit => "Obligo-Limit", "Commitment limit";
        NoneSet => "keine", "none";
        ExportCsv => "CSV exportieren (Alt+E)", "Export CSV (Alt+E)";
        Print => "Drucken (Alt+P)", "Print (Alt+P)";
        Date => "Datum", "Date";
        Entry => "Buchung", "Entry";
        Reference => "Referenz", "Reference";
        Text => "Text", "Text";
        Debit => "Soll", "Debit";
        Credit => "Haben", "Credit";
        Balance => "Saldo", "Balance";
        Opening => "Anfangssaldo", "Opening balance";
        Closing => "Endsaldo", "Closing balance";
        Totals => "Summen", "Totals";
        More => "Weitere Zeilen nicht gezeigt (die Summen enthalten sie).", "More lines not shown (the totals include them).";
        Unknown => "Diesen Geschäftspartner gibt es nicht.", "There is no such business partner.";
        CurrencyNote => "Beträge in", "Amounts in";
        BackToOpenItems => "Zu den offenen Posten", "To the open items";
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Line {
    line: StatementLine,
    label: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct View {
    lang: Lang,
    heading: String,
    facts: Vec<(T, String)>,
    from: NaiveDate,
    to: NaiveDate,
    opening: Decimal,
    lines: Vec<Line>,
    debit: Decimal,
    credit: Decimal,
    closing: Decimal,
    truncated: bool,
    lc: String,
    decimals: u32,
    csv: String,
}

fn build(
    book: &Book,
    code: PartnerCode,
    (from, to): (NaiveDate, NaiveDate),
    lang: Lang,
) -> Result<View, String> {
    let st = book
        .partner_statement(code, from, to)
        .map_err(|e| domain_error(&e, lang))?;
    let partner = book
        .partner(code)
        .ok_or_else(|| T::Unknown.text(lang).to_string())?;
    let (lc, decimals) = lc_of(book);
    let limit = |l: Option<Decimal>| {
        l.map_or_else(
            || T::NoneSet.text(lang).to_string(),
            |v| fmt_amount(v, decimals, lang),
        )
    };
    let kind = match partner.kind {
        PartnerKind::Customer => T::Customer,
        PartnerKind::Vendor => T::Vendor,
    };
    let mut facts = vec![
        (
            T::ControlAccount,
            partner
                .control_account
                .map(|a| a.to_string())
                .unwrap_or_default(),
        ),
        (
            T::Terms,
            partner
                .payment_terms
                .clone()
                .unwrap_or_else(|| T::NoneSet.text(lang).to_string()),
        ),
    ];
    if partner.kind == PartnerKind::Customer {
        facts.push((T::CreditLimit, limit(partner.credit_limit)));
        facts.push((T::CommitmentLimit, limit(partner.commitment_limit)));
    }
    let lines = st
        .lines
        .iter()
        .map(|l| Line {
            label: book
                .entry(l.entry)
                .map(|e| entry_label(e.fiscal_year, e.number))
                .unwrap_or_default(),
            line: l.clone(),
        })
        .collect();
    Ok(View {
        lang,
        heading: format!("{} {} · {}", code, partner.name, kind.text(lang)),
        facts,
        from,
        to,
        opening: st.opening_lc,
        lines,
        debit: st.debit_lc,
        credit: st.credit_lc,
        closing: st.closing_lc,
        truncated: st.truncated,
        csv: partner_statement_csv(&st, decimals, dialect(lang)),
        lc,
        decimals,
    })
}

#[component]
pub fn PartnerStatementPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let params = use_params_map();
    let query = use_query_map();
    let code = Memo::new(move |_| {
        params
            .get()
            .get("code")
            .and_then(|c| PartnerCode::parse(&c).ok())
    });
    let parse_q = move |key: &str| {
        query
            .get_untracked()
            .get(key)
            .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
    };
    let from = RwSignal::new(parse_q("from"));
    let to = RwSignal::new(parse_q("to"));
    Effect::new(move |_| {
        if to.get().is_none()
            && let Some(d) = app.with_book(default_as_of)
        {
            to.set(Some(d));
        }
        if from.get().is_none()
            && let Some(end) = to.get()
        {
            from.set(chrono::Datelike::with_ordinal(&end, 1));
        }
    });
    let report = Memo::new(move |_| {
        let lang = i18n.lang();
        let (code, range) = (code.get(), from.get().zip(to.get())?);
        let Some(code) = code else {
            return Some(Err(i18n.t(T::Unknown).to_string()));
        };
        app.with_book(|b| build(b, code, range, lang))
    });
    let export = move || {
        if let (Some(Ok(v)), Some(c)) = (report.get_untracked(), code.get_untracked()) {
            let base = match v.lang {
                Lang::De => "kontoauszug",
                Lang::En => "statement",
            };
            offer_csv(&format!("{base}_{c}_{}_{}.csv", v.from, v.to), &v.csv);
        }
    };
    report_shortcuts(export);
    view! {
        <section class="page report-page statement-page" data-page="partner-statement">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead no-print">{move || i18n.t(T::Lead)}</p>
                    <div class="toolbar no-print">
                        <DateField label=T::From value=from testid="st-from" />
                        <DateField label=T::To value=to testid="st-to" />
                        <div class="toolbar-actions">
                            <button class="button" data-testid="export-csv" on:click=move |_| export()>{move || i18n.t(T::ExportCsv)}</button>
                            <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
                        </div>
                    </div>
                    {move || report.get().map(|r| match r {
                        Err(e) => view! { <div class="error-box" role="alert" data-testid="error">{e}</div> }.into_any(),
                        Ok(v) => view! { <StatementTable view=v /> }.into_any(),
                    })}
                    <p class="no-print"><A href="/reports/open-items">{move || i18n.t(T::BackToOpenItems)}</A></p>
                }.into_any()
            }}
        </section>
    }
}

fn line_row(l: Line, d: u32, lang: Lang) -> impl IntoView {
    let (debit, credit) = match l.line.side {
        Side::Debit => (l.line.amount_lc, Decimal::ZERO),
        Side::Credit => (Decimal::ZERO, l.line.amount_lc),
    };
    let reference = l.line.reference.clone();
    view! {
        <tr data-testid="st-line" data-reference=reference>
            <td class="date">{fmt_date(l.line.posting_date, lang)}</td>
            <td><A href=entry_href(l.line.entry) attr:data-testid="st-entry-link">{l.label}</A></td>
            <td>{l.line.reference}</td>
            <td class="memo">{l.line.memo}</td>
            <td class="num">{fmt_nonzero(debit, d, lang)}</td>
            <td class="num">{fmt_nonzero(credit, d, lang)}</td>
            <td class="num" data-testid="st-balance">{fmt_amount(l.line.balance_lc, d, lang)}</td>
        </tr>
    }
}

#[component]
fn StatementTable(view: View) -> impl IntoView {
    let i18n = use_i18n();
    let (lang, d) = (view.lang, view.decimals);
    let caption = format!(
        "{} – {} · {} {}",
        fmt_date(view.from, lang),
        fmt_date(view.to, lang),
        i18n.t(T::CurrencyNote),
        view.lc
    );
    let facts = view
        .facts
        .iter()
        .map(|(label, value)| {
            view! {
                <div><dt>{i18n.t(*label)}</dt><dd>{value.clone()}</dd></div>
            }
        })
        .collect_view();
    let lines = view
        .lines
        .into_iter()
        .map(|l| line_row(l, d, lang))
        .collect_view();
    view! {
        <h2 data-testid="st-partner">{view.heading}</h2>
        <dl class="partner-facts" data-testid="st-facts">{facts}</dl>
        <p class="report-caption">{caption}</p>
        <div class="table-wrap">
            <table class="data report statement" data-testid="statement">
                <thead><tr>
                    <th class="date">{i18n.t(T::Date)}</th>
                    <th>{i18n.t(T::Entry)}</th>
                    <th>{i18n.t(T::Reference)}</th>
                    <th>{i18n.t(T::Text)}</th>
                    <th class="num">{i18n.t(T::Debit)}</th>
                    <th class="num">{i18n.t(T::Credit)}</th>
                    <th class="num">{i18n.t(T::Balance)}</th>
                </tr></thead>
                <tbody>
                    <tr class="subtotal" data-testid="st-opening">
                        <td colspan="6">{i18n.t(T::Opening)}</td>
                        <td class="num">{fmt_amount(view.opening, d, lang)}</td>
                    </tr>
                    {lines}
                </tbody>
                <tfoot>
                    <tr class="subtotal" data-testid="st-totals">
                        <td colspan="4">{i18n.t(T::Totals)}</td>
                        <td class="num">{fmt_amount(view.debit, d, lang)}</td>
                        <td class="num">{fmt_amount(view.credit, d, lang)}</td>
                        <td></td>
                    </tr>
                    <tr class="total" data-testid="st-closing">
                        <td colspan="6">{i18n.t(T::Closing)}</td>
                        <td class="num">{fmt_amount(view.closing, d, lang)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
        {view.truncated.then(|| view! { <p class="muted small">{i18n.t(T::More)}</p> })}
    }
}
