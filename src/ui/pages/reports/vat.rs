//! Umsatzsteuer-Voranmeldung (UStVA figures) at `/reports/vat`: each
//! Kennzahl with base and tax for a month, quarter or period range, the
//! payable or refundable total (Kz 83), drill-down to the posted lines,
//! CSV export (`formats::report_csv::vat_return_csv`) and print. The period picker is
//! `components::PeriodPicker`.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use crate::formats::report_csv::vat_return_csv;
use crate::ledger::Book;
use crate::ledger::report::vat_return::{PAYABLE_BOX, VatReturn};
use crate::ledger::tax::Kennzahl;
use crate::ledger::types::LineRef;
use crate::ledger::types::Side;
use crate::texts;
use crate::ui::components::{
    AsOfBar, NoCompany, PeriodPicker, default_month, dialect, entry_href, entry_label, fmt_amount,
    fmt_date, fmt_nonzero, lc_of, offer_csv, print_page, report_shortcuts,
};
use crate::ui::errors::{domain_error, no_periods};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

/// Lines shown in one drill-down; the figures always include all.
const DRILL_ROWS: usize = 500;

texts! {
    pub enum T {
        Title => "Umsatzsteuer-Voranmeldung", "VAT return (UStVA)";
        Lead => "Kennzahlen der UStVA mit Bemessungsgrundlage und Steuer aus den gebuchten Steuerkennzeichen; Zeile anklicken für die Buchungen dahinter.", "UStVA figures with base and tax from the posted tax codes; click a row for the postings behind it.";
        ExportCsv => "CSV exportieren (Alt+E)", "Export CSV (Alt+E)";
        Print => "Drucken (Alt+P)", "Print (Alt+P)";
        Kz => "Kz", "Box";
        Description => "Bezeichnung", "Description";
        Base => "Bemessungsgrundlage", "Tax base";
        Tax => "Steuer", "Tax";
        Codes => "Steuerkennz.", "Tax codes";
        Lines => "Zeilen", "Lines";
        Show => "Buchungen zeigen", "Show postings";
        Hide => "Buchungen ausblenden", "Hide postings";
        OutputTotal => "Umsatzsteuer gesamt", "Output VAT total";
        InputTotal => "Abziehbare Vorsteuer gesamt", "Deductible input VAT total";
        Payable => "Verbleibende Vorauszahlung (Zahllast)", "Remaining prepayment (payable)";
        Refundable => "Verbleibender Überschuss (Erstattung)", "Remaining surplus (refundable)";
        Empty => "Keine Buchungen mit Steuerkennzeichen in diesem Zeitraum.", "No postings with a tax code in this range.";
        Unknown => "Buchungen mit nicht (mehr) definierten Steuerkennzeichen; ihre Steuer ist in den Summen enthalten:", "Postings with tax codes that are not (or no longer) defined; their tax is included in the totals:";
        WholeEuros => "ELSTER übernimmt Bemessungsgrundlagen in vollen Euro, Steuerbeträge mit Cent.", "ELSTER takes bases in whole euros and taxes with cents.";
        CurrencyNote => "Beträge in", "Amounts in";
        Date => "Datum", "Date";
        Entry => "Buchung", "Entry";
        Account => "Konto", "Account";
        Text => "Buchungstext", "Text";
        Part => "Art", "Part";
        PartBase => "Basis", "Base";
        PartOutput => "Umsatzsteuer", "Output VAT";
        PartInput => "Vorsteuer", "Input VAT";
        Debit => "Soll", "Debit";
        Credit => "Haben", "Credit";
        MoreLines => "Weitere Zeilen nicht gezeigt:", "More lines not shown:";
        Reversal => "Storno", "Reversal";
        Kz41 => "Innergemeinschaftliche Lieferungen an Abnehmer mit USt-IdNr.", "Intra-EU supplies to customers with a VAT ID";
        Kz43 => "Weitere steuerfreie Umsätze mit Vorsteuerabzug", "Other tax-exempt sales with input tax deduction";
        Kz48 => "Steuerfreie Umsätze ohne Vorsteuerabzug", "Tax-exempt sales without input tax deduction";
        Kz81 => "Steuerpflichtige Umsätze zum Steuersatz von 19 %", "Taxable sales at 19 %";
        Kz86 => "Steuerpflichtige Umsätze zum Steuersatz von 7 %", "Taxable sales at 7 %";
        Kz89 => "Steuerpflichtige innergemeinschaftliche Erwerbe zu 19 %", "Taxable intra-EU acquisitions at 19 %";
        Kz46 => "Sonstige Leistungen eines EU-Unternehmers (§ 13b Abs. 1 UStG)", "Services of an EU business (§ 13b (1) UStG)";
        Kz84 => "Andere Leistungen (§ 13b Abs. 2 UStG)", "Other reverse-charge supplies (§ 13b (2) UStG)";
        Kz66 => "Vorsteuerbeträge aus Rechnungen von anderen Unternehmern", "Input tax from invoices of other businesses";
        Kz61 => "Vorsteuer aus innergemeinschaftlichem Erwerb", "Input tax from intra-EU acquisitions";
        Kz67 => "Vorsteuer aus Leistungen im Sinne des § 13b UStG", "Input tax from § 13b supplies";
        KzOther => "Kennzahl", "Box";
    }
}

fn kz_text(k: Kennzahl) -> T {
    match k.0 {
        41 => T::Kz41,
        43 => T::Kz43,
        48 => T::Kz48,
        81 => T::Kz81,
        86 => T::Kz86,
        89 => T::Kz89,
        46 | 47 => T::Kz46,
        84 | 85 => T::Kz84,
        66 => T::Kz66,
        61 => T::Kz61,
        67 => T::Kz67,
        _ => T::KzOther,
    }
}

/// The description of a form line, by its first Kennzahl.
pub fn kz_description(base: Option<Kennzahl>, tax: Option<Kennzahl>, lang: Lang) -> String {
    match base.or(tax) {
        Some(k) if kz_text(k) == T::KzOther => format!("{} {k}", T::KzOther.text(lang)),
        Some(k) => kz_text(k).text(lang).to_string(),
        None => String::new(),
    }
}

// ----- the VAT return -----

#[derive(Clone, Debug, PartialEq, Eq)]
struct VatView {
    /// The language the view is for: a switch makes a new view, so the
    /// table re-renders (equal figures would otherwise keep the old text).
    lang: Lang,
    report: VatReturn,
    lc: String,
    decimals: u32,
    from: NaiveDate,
    to: NaiveDate,
}

fn build(book: &Book, from: usize, to: usize, lang: Lang) -> Result<VatView, String> {
    let c = book.calendar();
    let no_company = || no_periods(lang);
    let (Some(a), Some(b)) = (c.period(from), c.period(to)) else {
        return Err(no_company());
    };
    let report = book
        .vat_return(a.reference, b.reference)
        .map_err(|e| domain_error(&e, lang))?;
    let (lc, decimals) = lc_of(book);
    Ok(VatView {
        lang,
        report,
        lc,
        decimals,
        from: a.start,
        to: b.end,
    })
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct DrillLine {
    id: crate::ledger::types::EntryId,
    label: String,
    date: NaiveDate,
    reversal: bool,
    account: String,
    account_name: String,
    memo: String,
    code: String,
    part: T,
    debit: Decimal,
    credit: Decimal,
}

fn drill(book: &Book, lines: &[LineRef], lang: Lang) -> Vec<DrillLine> {
    lines
        .iter()
        .take(DRILL_ROWS)
        .filter_map(|r| {
            let (entry, line) = book.line(*r)?;
            let part = match line.tax().map(|t| t.part) {
                Some(crate::ledger::types::TaxPart::Output) => T::PartOutput,
                Some(crate::ledger::types::TaxPart::Input) => T::PartInput,
                None => T::PartBase,
            };
            let code = line
                .tax()
                .map(|t| t.code.clone())
                .or_else(|| line.tax_code().map(str::to_string))
                .unwrap_or_default();
            let (debit, credit) = match line.side {
                Side::Debit => (line.amount_lc, Decimal::ZERO),
                Side::Credit => (Decimal::ZERO, line.amount_lc),
            };
            Some(DrillLine {
                id: entry.id,
                label: entry_label(entry.fiscal_year, entry.number),
                date: entry.posting_date,
                reversal: entry.reverses.is_some(),
                account: line.account.to_string(),
                account_name: book
                    .account(line.account)
                    .map(|a| a.name(lang == Lang::De).to_string())
                    .unwrap_or_default(),
                memo: if line.memo.is_empty() {
                    entry.memo.clone()
                } else {
                    line.memo.clone()
                },
                code,
                part,
                debit,
                credit,
            })
        })
        .collect()
}

#[component]
pub fn VatReturnPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let selected = RwSignal::new(None::<(usize, usize)>);
    let current = Memo::new(move |_| {
        selected
            .get()
            .or_else(|| app.with_report_book(default_month).flatten())
    });
    let report = Memo::new(move |_| {
        let lang = i18n.lang();
        let (from, to) = current.get()?;
        app.with_report_book(|b| build(b, from, to, lang))
    });
    let expanded = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        current.track();
        expanded.set(None);
    });
    let export = move || {
        let lang = i18n.lang_untracked();
        if let Some(Ok(v)) = report.get_untracked() {
            let name = format!(
                "{}_{}_{}.csv",
                if lang == Lang::De {
                    "ustva"
                } else {
                    "vat-return"
                },
                v.from,
                v.to
            );
            offer_csv(&name, &vat_return_csv(&v.report, v.decimals, dialect(lang)));
        }
    };
    report_shortcuts(export);

    view! {
        <section class="page report-page vat-page" data-page="vat-return">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead no-print">{move || i18n.t(T::Lead)}</p>
                    <AsOfBar />
                    <div class="toolbar no-print">
                        <PeriodPicker selected=selected current=Signal::from(current) testid="vat" />
                        <div class="toolbar-actions">
                            <button class="button" data-testid="export-csv" on:click=move |_| export()>{move || i18n.t(T::ExportCsv)}</button>
                            <button class="button" data-testid="print" on:click=move |_| print_page()>{move || i18n.t(T::Print)}</button>
                        </div>
                    </div>
                    {move || report.get().map(|r| match r {
                        Err(e) => view! { <div class="error-box" role="alert">{e}</div> }.into_any(),
                        Ok(v) => view! { <VatTable view=v expanded=expanded /> }.into_any(),
                    })}
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn VatTable(view: VatView, expanded: RwSignal<Option<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lang = view.lang;
    let d = view.decimals;
    let caption = format!(
        "{} {} – {} · {} {}",
        i18n.t(T::Title),
        fmt_date(view.from, lang),
        fmt_date(view.to, lang),
        i18n.t(T::CurrencyNote),
        view.lc
    );
    let r = view.report;
    let kz = |k: Option<Kennzahl>| k.map(|k| k.to_string()).unwrap_or_default();
    let empty = r.rows.is_empty() && r.payable_lc.is_zero();
    let rows = r
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let lines = row.lines.clone();
            let count = lines.len();
            let open = move || expanded.get() == Some(i);
            let toggle = move |_| expanded.update(|e| *e = if *e == Some(i) { None } else { Some(i) });
            let testid = format!("vat-row-{}", kz(row.tax_box.or(row.base_box)));
            let base_cell = if row.base_box.is_some() {
                fmt_amount(row.base_lc, d, lang)
            } else {
                String::new()
            };
            // Kz 81, 86 and 89 have no tax Kennzahl, but their tax is on the form.
            let tax_cell = if row.has_tax {
                fmt_amount(row.tax_lc, d, lang)
            } else {
                String::new()
            };
            let detail = move || {
                open().then(|| {
                    let items = app
                        .with_report_book(|b| drill(b, &lines, lang))
                        .unwrap_or_default();
                    let more = count.saturating_sub(items.len());
                    view! {
                        <tr class="drill-row">
                            <td colspan="7">
                                <table class="data drill" data-testid="vat-drill">
                                    <thead><tr>
                                        <th>{i18n.t(T::Date)}</th>
                                        <th>{i18n.t(T::Entry)}</th>
                                        <th>{i18n.t(T::Account)}</th>
                                        <th>{i18n.t(T::Text)}</th>
                                        <th>{i18n.t(T::Codes)}</th>
                                        <th>{i18n.t(T::Part)}</th>
                                        <th class="num">{i18n.t(T::Debit)}</th>
                                        <th class="num">{i18n.t(T::Credit)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {items.into_iter().map(|l| view! {
                                            <tr>
                                                <td class="date">{fmt_date(l.date, lang)}</td>
                                                <td>
                                                    <A href=entry_href(l.id) attr:data-testid="vat-entry-link">{l.label}</A>
                                                    {l.reversal.then(|| view! { " " <span class="badge reversal">{i18n.t(T::Reversal)}</span> })}
                                                </td>
                                                <td><span class="account-no">{l.account}</span>" "{l.account_name}</td>
                                                <td class="memo">{l.memo}</td>
                                                <td>{l.code}</td>
                                                <td>{i18n.t(l.part)}</td>
                                                <td class="num">{fmt_nonzero(l.debit, d, lang)}</td>
                                                <td class="num">{fmt_nonzero(l.credit, d, lang)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                {(more > 0).then(|| view! { <p class="muted small">{format!("{} {more}", i18n.t(T::MoreLines))}</p> })}
                            </td>
                        </tr>
                    }
                })
            };
            view! {
                <tr class="vat-row" class:open=open data-testid=testid>
                    <td class="kz">{kz(row.base_box)}</td>
                    <td>{kz_description(row.base_box, row.tax_box, lang)}</td>
                    <td class="num" data-testid="vat-base">{base_cell}</td>
                    <td class="kz">{kz(row.tax_box)}</td>
                    <td class="num" data-testid="vat-tax">{tax_cell}</td>
                    <td class="codes">{row.codes.join(", ")}</td>
                    <td class="num no-print">
                        <button type="button" class="link-button" data-testid="vat-drill-toggle"
                            aria-expanded=move || open().to_string() on:click=toggle>
                            {move || format!("{} ({count})", i18n.t(if open() { T::Hide } else { T::Show }))}
                        </button>
                    </td>
                </tr>
                {detail}
            }
        })
        .collect_view();
    let payable = r.payable_lc;
    let unknown = r.unknown_codes.clone();
    view! {
        <p class="report-caption">{caption}</p>
        {if empty {
            view! { <p class="muted" data-testid="vat-empty">{i18n.t(T::Empty)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data report vat-return" data-testid="vat-return">
                        <thead><tr>
                            <th scope="col">{i18n.t(T::Kz)}</th>
                            <th scope="col">{i18n.t(T::Description)}</th>
                            <th scope="col" class="num">{i18n.t(T::Base)}</th>
                            <th scope="col">{i18n.t(T::Kz)}</th>
                            <th scope="col" class="num">{i18n.t(T::Tax)}</th>
                            <th scope="col">{i18n.t(T::Codes)}</th>
                            <th scope="col" class="num no-print">{i18n.t(T::Lines)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                        <tfoot>
                            <tr class="subtotal">
                                <td></td><td>{i18n.t(T::OutputTotal)}</td><td></td><td></td>
                                <td class="num" data-testid="vat-output-total">{fmt_amount(r.output_tax_lc, d, lang)}</td>
                                <td></td><td class="no-print"></td>
                            </tr>
                            <tr class="subtotal">
                                <td></td><td>{i18n.t(T::InputTotal)}</td><td></td><td></td>
                                <td class="num" data-testid="vat-input-total">{fmt_amount(r.input_tax_lc, d, lang)}</td>
                                <td></td><td class="no-print"></td>
                            </tr>
                            <tr class="total" class:refund=payable.is_sign_negative() data-testid="vat-payable">
                                <td></td>
                                <td>{i18n.t(if payable.is_sign_negative() { T::Refundable } else { T::Payable })}</td>
                                <td></td>
                                <td class="kz">{PAYABLE_BOX.to_string()}</td>
                                <td class="num" data-testid="vat-payable-amount">{fmt_amount(payable, d, lang)}</td>
                                <td></td><td class="no-print"></td>
                            </tr>
                        </tfoot>
                    </table>
                </div>
                <p class="muted small">{i18n.t(T::WholeEuros)}</p>
            }.into_any()
        }}
        {(!unknown.is_empty()).then(|| view! {
            <p class="warning" data-testid="vat-unknown">{format!("{} {}", i18n.t(T::Unknown), unknown.join(", "))}</p>
        })}
    }
}
