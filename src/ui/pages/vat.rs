//! Umsatzsteuer-Voranmeldung (UStVA figures) at `/reports/vat`: each
//! Kennzahl with base and tax for a month, quarter or period range, the
//! payable or refundable total (Kz 83), drill-down to the posted lines,
//! CSV export (`formats::report_csv::vat_return_csv`) and print. Also the
//! period picker the cost-centre report shares.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use rust_decimal::Decimal;

use super::reports::{
    NoCompany, dialect, download_csv, entry_href, entry_label, fmt_amount, fmt_date, fmt_nonzero,
    lc_of, print_page, report_shortcuts,
};
use crate::formats::report_csv::vat_return_csv;
use crate::ledger::Book;
use crate::ledger::report::vat_return::{PAYABLE_BOX, VatReturn};
use crate::ledger::tax::Kennzahl;
use crate::ledger::types::LineRef;
use crate::ledger::types::PeriodLayout;
use crate::ledger::types::Side;
use crate::texts;
use crate::ui::components::today;
use crate::ui::errors::{domain_error, no_periods};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::use_app;

/// Lines shown in one drill-down; the figures always include all.
const DRILL_ROWS: usize = 500;

texts! {
    pub enum T {
        Title => "Umsatzsteuer-Voranmeldung", "VAT return (UStVA)";
        Lead => "Kennzahlen der UStVA mit Bemessungsgrundlage und Steuer aus den gebuchten Steuerkennzeichen; Zeile anklicken für die Buchungen dahinter.", "UStVA figures with base and tax from the posted tax codes; click a row for the postings behind it.";
        Period => "Zeitraum", "Period";
        FromPeriod => "Von Periode", "From period";
        ToPeriod => "Bis Periode", "To period";
        FreeRange => "Freier Zeitraum", "Custom range";
        FiscalYear => "Geschäftsjahr", "Fiscal year";
        Quarter => "Quartal", "Quarter";
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

// ----- period picker (shared with the cost-centre report) -----

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
            .or_else(|| app.with_book(default_month).flatten())
    });
    let report = Memo::new(move |_| {
        let lang = i18n.lang();
        let (from, to) = current.get()?;
        app.with_book(|b| build(b, from, to, lang))
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
            download_csv(&name, &vat_return_csv(&v.report, v.decimals, dialect(lang)));
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
                        .with_book(|b| drill(b, &lines, lang))
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
