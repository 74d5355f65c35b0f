//! GoBD-Export (Datenträgerüberlassung, "Z3") at `/reports/gobd-export`:
//! a fiscal year or period range, what each table of the export holds (in
//! the user's language), the row counts the export will have, the log's
//! head, and the ZIP (`formats::gobd`) with a progress bar; Alt+E
//! downloads. Always the current books (no time travel: an auditor gets
//! the books as they stand).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::formats::amount::format_number;
use crate::formats::gobd::{self, Exporter, GobdError, TableKind};
use crate::store::CompanyLog;
use crate::texts;
use crate::ui::components::{
    ErrorBox, NoCompany, PeriodPicker, ProgressBar, default_year_periods, download, fmt_date,
    number_style, report_shortcuts,
};
use crate::ui::errors::{gobd_error, store_error};
use crate::ui::i18n::{Lang, Text, use_i18n};
use crate::ui::state::{Progress, use_app};

/// Entries written between two paints of the progress bar.
const STEP_ENTRIES: usize = 5_000;

texts! {
    pub enum T {
        Title => "GoBD-Export (Datenträgerüberlassung)", "GoBD tax-audit export (data access Z3)";
        Lead => "Für die Außenprüfung: die Buchungen eines Geschäftsjahres oder Zeitraums mit Konten, Geschäftspartnern, Steuerschlüsseln, Kostenstellen und offenen Posten als CSV-Tabellen, beschrieben durch eine index.xml nach dem Beschreibungsstandard (gdpdu-01-09-2004.dtd), in einer ZIP-Datei. Prüfsoftware wie IDEA liest sie direkt ein.", "For a tax audit: the entries of a fiscal year or range with accounts, business partners, tax codes, cost centres and open items as CSV tables, described by an index.xml following the GDPdU description standard (gdpdu-01-09-2004.dtd), in one ZIP file. Audit software such as IDEA reads it directly.";
        Download => "ZIP herunterladen (Alt+E)", "Download ZIP (Alt+E)";
        Table => "Tabelle", "Table";
        File => "Datei", "File";
        Holds => "Inhalt", "Contents";
        Rows => "Zeilen", "Rows";
        Range => "Zeitraum", "Range";
        Head => "Kopf des Protokolls", "Head of the log";
        Position => "Position", "Position";
        HeadNote => "Die Tabelle Hashkette enthält Position und SHA-256 des ersten und letzten Protokollsatzes des Zeitraums und den Kopf; damit prüft der Prüfer mit einer Sicherung und kontor-cli verify, dass nichts fehlt oder geändert wurde (docs/log-format.md).", "The hash-chain table holds position and SHA-256 of the range's first and last log record and the head; with a backup and kontor-cli verify an auditor checks that nothing is missing or changed (docs/log-format.md).";
        Format => "Format: UTF-8, Semikolon, CRLF, Text in Anführungszeichen, Dezimalkomma, Datum TT.MM.JJJJ, erste Zeile Spaltennamen.", "Format: UTF-8, semicolon, CRLF, text in double quotes, decimal comma, dates DD.MM.YYYY, first line column names.";
        Loading => "Protokoll wird gelesen …", "Reading the log …";
        Writing => "Tabellen werden geschrieben …", "Writing the tables …";
        Packing => "ZIP wird gepackt …", "Packing the ZIP …";
        Saved => "Heruntergeladen:", "Downloaded:";
        Entries => "Buchungen", "entries";
        Journal => "Buchungsjournal: jede Zeile jeder im Zeitraum gebuchten Buchung (Stornos eingeschlossen) mit Beleg, Text, Konto, Soll/Haben, Betrag, Fremdwährung, Steuerschlüssel, Geschäftspartner, Kostenstellen und Protokollposition.", "Journal: every line of every entry posted in the range (reversals included) with document, text, account, debit/credit, amount, foreign currency, tax code, business partner, cost centres and log position.";
        Accounts => "Kontenplan: alle Konten mit Bezeichnung, Kontoart, Titel- und Sammelkonten.", "Chart of accounts: every account with name, type, title and control accounts.";
        Partners => "Debitoren und Kreditoren mit Anschrift, USt-IdNr., Steuernummer und Sammelkonto.", "Customers and vendors with address, VAT ID, tax number and control account.";
        TaxCodes => "Steuerschlüssel mit jedem Steuersatz ab seinem Gültigkeitsbeginn, Steuerkonten und UStVA-Kennzahlen.", "Tax codes with every rate from its start date, tax accounts and VAT return boxes.";
        Centres => "Kostenstellen und Profitcenter je Dimension mit Gültigkeit.", "Cost and profit centres per dimension with validity.";
        OpenItems => "Offene Posten am Ende des Zeitraums: ursprünglicher und offener Betrag, Fälligkeit.", "Open items at the end of the range: original and open amount, due date.";
        Chain => "Hash-Kette: erster und letzter Protokollsatz des Zeitraums und Kopf des Protokolls mit SHA-256.", "Hash chain: first and last log record of the range and the head of the log with SHA-256.";
        NameJournal => "Buchungsjournal", "Journal";
        NameAccounts => "Konten", "Accounts";
        NamePartners => "Geschäftspartner", "Business partners";
        NameTaxCodes => "Steuerschlüssel", "Tax codes";
        NameCentres => "Kostenstellen", "Cost centres";
        NameOpenItems => "Offene Posten", "Open items";
        NameChain => "Hash-Kette", "Hash chain";
        NameIndex => "Beschreibung", "Description";
        Dtd => "Beschreibung der Tabellen nach dem Beschreibungsstandard, mit der DTD daneben.", "Description of the tables by the GDPdU standard, with the DTD beside it.";
    }
}

fn label(kind: TableKind) -> T {
    match kind {
        TableKind::Journal => T::NameJournal,
        TableKind::Accounts => T::NameAccounts,
        TableKind::Partners => T::NamePartners,
        TableKind::TaxCodes => T::NameTaxCodes,
        TableKind::CostCentres => T::NameCentres,
        TableKind::OpenItems => T::NameOpenItems,
        TableKind::Chain => T::NameChain,
    }
}

fn holds(kind: TableKind) -> T {
    match kind {
        TableKind::Journal => T::Journal,
        TableKind::Accounts => T::Accounts,
        TableKind::Partners => T::Partners,
        TableKind::TaxCodes => T::TaxCodes,
        TableKind::CostCentres => T::Centres,
        TableKind::OpenItems => T::OpenItems,
        TableKind::Chain => T::Chain,
    }
}

/// `1.234.567` / `1,234,567`.
fn count(n: usize, lang: Lang) -> String {
    format_number(rust_decimal::Decimal::from(n), number_style(lang))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Writing,
    Packing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Preview {
    from: NaiveDate,
    to: NaiveDate,
    counts: gobd::Counts,
    head_seq: u64,
    head_hash: String,
}

#[component]
pub fn GobdExportPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let selected = RwSignal::new(None::<(usize, usize)>);
    let current = Memo::new(move |_| {
        selected
            .get()
            .or_else(|| app.with_book(default_year_periods).flatten())
    });
    let preview = Memo::new(move |_| {
        let (a, b) = current.get()?;
        let head = app.session().map(|s| s.head())?;
        app.with_book(|book| {
            let c = book.calendar();
            let (from, to) = (c.period(a)?.start, c.period(b)?.end);
            Some(Preview {
                from,
                to,
                counts: gobd::preview(book, from, to),
                head_seq: head.seq,
                head_hash: head.hash.to_hex(),
            })
        })
        .flatten()
    });
    let phase = RwSignal::new(None::<Phase>);
    let progress = RwSignal::new(Progress { done: 0, total: 1 });
    let error = RwSignal::new(None::<String>);
    let notice = RwSignal::new(None::<String>);

    let export = Action::new_local(move |_: &()| async move {
        let lang = i18n.lang_untracked();
        error.set(None);
        notice.set(None);
        let (Some(p), Some(session), Some(company)) = (
            preview.get_untracked(),
            app.session(),
            app.company.get_untracked(),
        ) else {
            return;
        };
        phase.set(Some(Phase::Loading));
        progress.set(Progress { done: 0, total: 1 });
        gloo::timers::future::TimeoutFuture::new(0).await;
        let records = match session.log().load().await {
            Ok(records) => records,
            Err(e) => {
                phase.set(None);
                error.set(Some(store_error(&e, lang)));
                return;
            }
        };
        let result: Result<(Vec<u8>, usize), GobdError> = async {
            // The Book is borrowed per step, never across an await.
            let mut exporter = {
                let book = session.book();
                Exporter::new(&book, &records, p.from, p.to)?
            };
            drop(records);
            let total = exporter.total();
            phase.set(Some(Phase::Writing));
            loop {
                progress.set(Progress {
                    done: exporter.done(),
                    total: total.max(1),
                });
                gloo::timers::future::TimeoutFuture::new(0).await;
                let done = exporter.step(&session.book(), STEP_ENTRIES);
                if done {
                    break;
                }
            }
            let files = {
                let book = session.book();
                exporter.finish(&book)?
            };
            phase.set(Some(Phase::Packing));
            gloo::timers::future::TimeoutFuture::new(0).await;
            Ok((gobd::zip(&files.files)?, files.chain.range_entries))
        }
        .await;
        phase.set(None);
        match result {
            Ok((bytes, entries)) => {
                let name = gobd::file_name(&company.name, p.from, p.to);
                match download(&bytes, &name, "application/zip") {
                    Ok(()) => notice.set(Some(format!(
                        "{} {name} ({} {}, {:.1} MB)",
                        T::Saved.text(lang),
                        count(entries, lang),
                        T::Entries.text(lang),
                        bytes.len() as f64 / 1_000_000.0
                    ))),
                    Err(detail) => error.set(Some(gobd_error(&GobdError::Zip { detail }, lang))),
                }
            }
            Err(e) => error.set(Some(gobd_error(&e, lang))),
        }
    });
    let start = move || {
        if phase.get_untracked().is_none() {
            export.dispatch(());
        }
    };
    report_shortcuts(start);

    view! {
        <section class="page report-page gobd-page" data-page="gobd-export">
            <h1>{move || i18n.t(T::Title)}</h1>
            {move || if app.company.get().is_none() {
                view! { <NoCompany /> }.into_any()
            } else {
                view! {
                    <p class="lead">{move || i18n.t(T::Lead)}</p>
                    <div class="toolbar">
                        <PeriodPicker selected=selected current=Signal::from(current) testid="gobd" />
                        <div class="toolbar-actions">
                            <button class="button primary" data-testid="gobd-download"
                                disabled=move || phase.get().is_some()
                                on:click=move |_| start()>{move || i18n.t(T::Download)}</button>
                        </div>
                    </div>
                    {move || phase.get().map(|ph| {
                        let label = match ph {
                            Phase::Loading => T::Loading,
                            Phase::Writing => T::Writing,
                            Phase::Packing => T::Packing,
                        };
                        view! { <ProgressBar progress=progress.get() label=i18n.t(label) /> }
                    })}
                    <ErrorBox message=Signal::from(error) />
                    {move || notice.get().map(|n| view! { <p class="notice gobd-saved" data-testid="gobd-saved" role="status">{n}</p> })}
                    {move || preview.get().map(|p| view! { <GobdTables preview=p /> })}
                    <p class="muted gobd-format">{move || i18n.t(T::Format)}</p>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn GobdTables(preview: Preview) -> impl IntoView {
    let i18n = use_i18n();
    let p = preview;
    let rows = move || {
        let lang = i18n.lang();
        let mut rows: Vec<AnyView> = vec![
            view! {
                <tr data-testid="gobd-row-index">
                    <td>{T::NameIndex.text(lang)}</td>
                    <td><code>"index.xml, gdpdu-01-09-2004.dtd"</code></td>
                    <td>{T::Dtd.text(lang)}</td>
                    <td class="num">"—"</td>
                </tr>
            }
            .into_any(),
        ];
        for (kind, n) in p.counts.clone() {
            rows.push(
                view! {
                    <tr data-testid=format!("gobd-row-{}", kind.name())>
                        <td>{label(kind).text(lang)}</td>
                        <td><code>{kind.file()}</code></td>
                        <td>{holds(kind).text(lang)}</td>
                        <td class="num" data-testid=format!("gobd-count-{}", kind.name())>{count(n, lang)}</td>
                    </tr>
                }
                .into_any(),
            );
        }
        rows
    };
    let range = move || {
        let lang = i18n.lang();
        format!("{} – {}", fmt_date(p.from, lang), fmt_date(p.to, lang))
    };
    let head_seq = p.head_seq;
    let head_hash = p.head_hash.clone();
    view! {
        <table class="report-table gobd-tables" data-testid="gobd-tables">
            <caption>{move || format!("{} {}", i18n.t(T::Range), range())}</caption>
            <thead>
                <tr>
                    <th>{move || i18n.t(T::Table)}</th>
                    <th>{move || i18n.t(T::File)}</th>
                    <th>{move || i18n.t(T::Holds)}</th>
                    <th class="num">{move || i18n.t(T::Rows)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <div class="gobd-head" data-testid="gobd-head">
            <p>
                <strong>{move || i18n.t(T::Head)}</strong>": "
                {move || i18n.t(T::Position)}" "{head_seq}", SHA-256 "
                <code class="gobd-hash">{head_hash}</code>
            </p>
            <p class="muted">{move || i18n.t(T::HeadNote)}</p>
        </div>
    }
}
