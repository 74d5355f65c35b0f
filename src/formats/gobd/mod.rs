//! GoBD tax-audit export (Datenträgerüberlassung, "Z3"): the books of a
//! date range as CSV tables described by an `index.xml` that follows the
//! GDPdU "Beschreibungsstandard" (`gdpdu-01-09-2004.dtd`, shipped beside it
//! as auditors' tools expect), packed into one ZIP.
//!
//! Tables ([`TableKind`]): journal lines of the entries posted in the
//! range, accounts, partners, tax codes with their rates, cost centres,
//! open items at the end of the range, and the hash chain: log position
//! and hash of the first and last record of the range's postings and the
//! log's head, so an auditor can check that nothing was left out or
//! changed (see `docs/log-format.md`).
//!
//! Built step by step ([`Exporter`]) so the UI can show progress; pure:
//! a Book and its log records in, file bytes out.

pub mod index_xml;
pub mod tables;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::io::Write;

use crate::ledger::Book;
use crate::ledger::chain::{ChainHash, LogRecord};
use crate::ledger::gl::{AccountCurrency, AccountType};
use crate::ledger::partners::PartnerKind;
use crate::ledger::tax::{TaxDirection, TaxKind};
use crate::ledger::types::limits::DIMENSIONS;
use crate::ledger::types::{EntryId, PostedEntry, Side, TaxPart};
pub use index_xml::Supplier;
pub use tables::{Accuracy, Column, ColumnType, CsvTable, TableKind, TableSpec};
use tables::{Field, spec, yes_no};

/// The DTD's file name, as `index.xml`'s DOCTYPE names it.
pub const DTD_NAME: &str = "gdpdu-01-09-2004.dtd";
/// The DTD's text (source: `tests/fixtures/gobd/README.md`).
pub const DTD: &str = include_str!("gdpdu-01-09-2004.dtd");
/// The description file's name.
pub const INDEX_NAME: &str = "index.xml";

/// How the v1 encoder starts a posting record (read without decoding).
const POSTING_V1: &str = crate::ledger::event::v1::ENTRY_POSTED;

/// Why an export could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GobdError {
    /// The range ends before it starts.
    #[error("the range ends ({to}) before it starts ({from})")]
    EmptyRange { from: NaiveDate, to: NaiveDate },
    /// The log records given are not the log the Book was folded from:
    /// they hold `postings` entry records, the Book `entries` entries.
    #[error("the log holds {postings} postings, the books {entries} entries")]
    LogMismatch { postings: usize, entries: usize },
    /// The books gained entries while the export was being written.
    #[error("the books changed while the export was being written")]
    BooksChanged,
    /// The ZIP writer failed (out of memory).
    #[error("the ZIP file could not be written: {detail}")]
    Zip { detail: String },
}

/// One point of the hash chain an auditor can check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainPoint {
    /// Log position (record sequence number, from 1).
    pub seq: u64,
    pub hash: ChainHash,
    /// The hash the record links to (GENESIS before the first).
    pub previous: ChainHash,
    /// The entry the record posts, with its posting date.
    pub entry: Option<(EntryId, NaiveDate)>,
}

/// The chain rows of an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainSummary {
    /// First and last record of the range's postings; `None` without any.
    pub first: Option<ChainPoint>,
    pub last: Option<ChainPoint>,
    /// The log's last record at the export.
    pub head: Option<ChainPoint>,
    pub range_entries: usize,
    pub all_entries: usize,
}

/// Rows per table, in [`TableKind::ALL`] order.
pub type Counts = Vec<(TableKind, usize)>;

/// The written files: name and bytes, `index.xml` and the DTD first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GobdFiles {
    pub files: Vec<(String, Vec<u8>)>,
    pub counts: Counts,
    pub chain: ChainSummary,
}

fn is_posting(body: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Kind<'a> {
        #[serde(default, rename = "type", borrow)]
        kind: Option<&'a str>,
    }
    body.starts_with(POSTING_V1)
        || (!body.starts_with(r#"{"v":1,"type":""#)
            && serde_json::from_str::<Kind>(body).is_ok_and(|k| k.kind == Some("entry_posted")))
}

fn in_range(e: &PostedEntry, from: NaiveDate, to: NaiveDate) -> bool {
    e.posting_date >= from && e.posting_date <= to
}

/// The row counts an export of `from..=to` will have, without writing it
/// (the screen's preview).
pub fn preview(book: &Book, from: NaiveDate, to: NaiveDate) -> Counts {
    let entries = book.entries().iter().filter(|e| in_range(e, from, to));
    let (n_entries, lines) = entries.fold((0, 0), |(n, l), e| (n + 1, l + e.lines.len()));
    TableKind::ALL
        .iter()
        .map(|&kind| {
            let count = match kind {
                TableKind::Journal => lines,
                TableKind::Accounts => book.accounts().count(),
                TableKind::Partners => book.partners().partners().count(),
                TableKind::TaxCodes => book.tax_codes().map(|c| c.rates.len().max(1)).sum(),
                TableKind::CostCentres => (1..=DIMENSIONS as u8)
                    .map(|d| book.costing().centres(d).count())
                    .sum(),
                TableKind::OpenItems => open_items(book, to).count(),
                // The head always; first and last with postings in the range.
                TableKind::Chain => {
                    if n_entries > 0 {
                        3
                    } else {
                        1
                    }
                }
            };
            (kind, count)
        })
        .collect()
}

/// Items posted up to `to` with something open at its end: (item, open
/// LC, open FC).
fn open_items(
    book: &Book,
    to: NaiveDate,
) -> impl Iterator<
    Item = (
        &crate::ledger::open_items::OpenItem,
        Decimal,
        Option<Decimal>,
    ),
> + '_ {
    let items = book.open_items();
    items.items().iter().filter_map(move |item| {
        if item.posting_date > to {
            return None;
        }
        let (lc, fc) = items.open_as_of(item, to);
        (!lc.is_zero() || fc.is_some_and(|f| !f.is_zero())).then_some((item, lc, fc))
    })
}

/// The export of one range, written step by step: [`Exporter::step`]
/// writes journal rows, [`Exporter::finish`] the rest. It keeps no
/// reference to the Book between steps (the UI must not hold the open
/// Book across an `.await`); every step is given the same Book, and
/// `finish` refuses one that gained entries meanwhile.
pub struct Exporter {
    from: NaiveDate,
    to: NaiveDate,
    acc: Accuracy,
    /// Log position of each entry (index = entry index).
    entry_seqs: Vec<u64>,
    /// Indexes of the entries in the range, in id order.
    selected: Vec<usize>,
    entries_at_start: usize,
    chain: ChainSummary,
    next: usize,
    journal_spec: TableSpec,
    journal: CsvTable,
}

impl Exporter {
    /// Prepares the export of `from..=to` of `book`, whose log is
    /// `records` (verified; the Book folded from exactly them).
    pub fn new(
        book: &Book,
        records: &[LogRecord],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Exporter, GobdError> {
        if to < from {
            return Err(GobdError::EmptyRange { from, to });
        }
        let entry_seqs: Vec<u64> = records
            .iter()
            .filter(|r| is_posting(&r.body))
            .map(|r| r.seq)
            .collect();
        if entry_seqs.len() != book.entry_count() {
            return Err(GobdError::LogMismatch {
                postings: entry_seqs.len(),
                entries: book.entry_count(),
            });
        }
        let selected: Vec<usize> = book
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| in_range(e, from, to))
            .map(|(i, _)| i)
            .collect();
        let chain = chain(book, records, &entry_seqs, &selected);
        let acc = accuracy(book, &selected, to);
        let journal_spec = spec(TableKind::Journal, acc);
        let journal = CsvTable::new(&journal_spec);
        Ok(Exporter {
            from,
            to,
            acc,
            entry_seqs,
            selected,
            entries_at_start: book.entry_count(),
            chain,
            next: 0,
            journal_spec,
            journal,
        })
    }

    /// Entries of the range.
    pub fn total(&self) -> usize {
        self.selected.len()
    }

    /// Entries written so far.
    pub fn done(&self) -> usize {
        self.next
    }

    /// Writes the journal rows of up to `max_entries` more entries of
    /// `book` (the Book given to `new`); true once every entry of the
    /// range is written.
    pub fn step(&mut self, book: &Book, max_entries: usize) -> bool {
        let end = (self.next + max_entries).min(self.selected.len());
        let lc = book.settings().lc;
        for &i in &self.selected[self.next..end] {
            // Entries are never removed: an index once valid stays valid.
            let Some(entry) = book.entries().get(i) else {
                continue;
            };
            let seq = self.entry_seqs.get(i).copied().unwrap_or(0);
            journal_rows(&mut self.journal, entry, lc.as_str(), self.acc, seq);
        }
        self.next = end;
        self.next == self.selected.len()
    }

    /// Writes what is left of the journal, the other tables and
    /// `index.xml`. Refused when `book` gained entries since `new`.
    pub fn finish(mut self, book: &Book) -> Result<GobdFiles, GobdError> {
        if book.entry_count() != self.entries_at_start {
            return Err(GobdError::BooksChanged);
        }
        while !self.step(book, 10_000) {}
        let acc = self.acc;
        let chain = self.chain.clone();
        let mut tables: Vec<(TableSpec, CsvTable)> = Vec::new();
        let journal = std::mem::take(&mut self.journal);
        tables.push((self.journal_spec.clone(), journal));
        for kind in &TableKind::ALL[1..] {
            let spec = spec(*kind, acc);
            let mut t = CsvTable::new(&spec);
            match kind {
                TableKind::Journal => unreachable!("written by step"),
                TableKind::Accounts => account_rows(&mut t, book),
                TableKind::Partners => partner_rows(&mut t, book),
                TableKind::TaxCodes => tax_rows(&mut t, book, acc),
                TableKind::CostCentres => centre_rows(&mut t, book),
                TableKind::OpenItems => item_rows(&mut t, book, self.to, acc),
                TableKind::Chain => chain_rows(&mut t, &chain),
            }
            tables.push((spec, t));
        }
        let settings = book.settings();
        let head = chain
            .head
            .as_ref()
            .map(|h| format!("{} {}", h.seq, h.hash))
            .unwrap_or_default();
        let comment = format!(
            "Kontor GoBD-Export {} bis {}; {} Buchungen im Zeitraum; Protokollkopf {head}",
            self.from.format("%d.%m.%Y"),
            self.to.format("%d.%m.%Y"),
            chain.range_entries
        );
        let supplier = Supplier {
            name: &settings.name,
            location: &settings.address,
            comment: &comment,
        };
        let specs: Vec<(TableSpec, bool)> = tables
            .iter()
            .map(|(s, _)| (s.clone(), s.kind == TableKind::Journal))
            .collect();
        let media = format!(
            "{} {}–{}",
            settings.name,
            self.from.format("%d.%m.%Y"),
            self.to.format("%d.%m.%Y")
        );
        let index = index_xml::write_index(&supplier, &media, &specs, self.from, self.to);
        let mut files = vec![
            (INDEX_NAME.to_string(), index.into_bytes()),
            (DTD_NAME.to_string(), DTD.as_bytes().to_vec()),
        ];
        let mut counts = Vec::new();
        for (s, t) in tables {
            counts.push((s.kind, t.rows));
            files.push((s.kind.file().to_string(), t.text.into_bytes()));
        }
        Ok(GobdFiles {
            files,
            counts,
            chain,
        })
    }
}

fn point(records: &[LogRecord], seq: u64, entry: Option<&PostedEntry>) -> Option<ChainPoint> {
    let index = usize::try_from(seq).ok()?.checked_sub(1)?;
    let record = records.get(index)?;
    let previous = match index.checked_sub(1) {
        Some(p) => records.get(p)?.hash,
        None => ChainHash::GENESIS,
    };
    Some(ChainPoint {
        seq: record.seq,
        hash: record.hash,
        previous,
        entry: entry.map(|e| (e.id, e.posting_date)),
    })
}

fn chain(
    book: &Book,
    records: &[LogRecord],
    entry_seqs: &[u64],
    selected: &[usize],
) -> ChainSummary {
    let entries = book.entries();
    let at = |i: Option<&usize>| {
        let i = *i?;
        point(records, *entry_seqs.get(i)?, entries.get(i))
    };
    let head = records.last().and_then(|r| {
        let entry = entry_seqs
            .last()
            .filter(|&&s| s == r.seq)
            .and_then(|_| entries.last());
        point(records, r.seq, entry)
    });
    ChainSummary {
        first: at(selected.first()),
        last: at(selected.last()),
        head,
        range_entries: selected.len(),
        all_entries: entries.len(),
    }
}

/// The accuracies of the amounts the export writes.
fn accuracy(book: &Book, selected: &[usize], to: NaiveDate) -> Accuracy {
    let scale = |d: Decimal| d.normalize().scale();
    let mut fc = 2;
    for &i in selected {
        if let Some(e) = book.entries().get(i) {
            for l in &e.lines {
                if let Some(f) = l.fc() {
                    fc = fc.max(f.currency.decimals()).max(scale(f.amount_fc));
                }
            }
        }
    }
    for (item, _, open_fc) in open_items(book, to) {
        if let Some(f) = &item.fc {
            fc = fc
                .max(f.currency.decimals())
                .max(scale(f.amount_fc))
                .max(open_fc.map_or(0, scale));
        }
    }
    let percent = book
        .tax_codes()
        .flat_map(|c| c.rates.iter())
        .map(|r| scale(r.percent))
        .max()
        .unwrap_or(0)
        .max(2);
    Accuracy {
        lc: book.settings().lc_decimals(),
        fc,
        percent,
    }
}

fn side(s: Side) -> &'static str {
    match s {
        Side::Debit => "S",
        Side::Credit => "H",
    }
}

fn journal_rows(t: &mut CsvTable, e: &PostedEntry, lc: &str, acc: Accuracy, seq: u64) {
    for (n, l) in e.lines.iter().enumerate() {
        let account = l.account.to_string();
        let partner = l.partner_code().map(|p| p.to_string()).unwrap_or_default();
        let fc = l.fc();
        let fc_code = fc
            .map(|f| f.currency.as_str().to_string())
            .unwrap_or_default();
        let dims = l.dims();
        let centre = |d: usize| match dims.get(d).and_then(Option::as_deref) {
            Some(c) => Field::Text(c),
            None => Field::Text(""),
        };
        let tax_part = match l.tax().map(|t| t.part) {
            Some(TaxPart::Output) => "U",
            Some(TaxPart::Input) => "V",
            None => "",
        };
        t.row(&[
            Field::Int(e.id.0),
            Field::Int(n as u64 + 1),
            Field::Int(u64::try_from(e.fiscal_year).unwrap_or(0)),
            Field::Int(u64::from(e.number)),
            Field::Date(e.posting_date),
            Field::Date(e.document_date),
            Field::Text(&e.reference),
            Field::Text(&e.memo),
            Field::Text(&l.memo),
            Field::Text(&account),
            Field::Text(side(l.side)),
            Field::Amount(l.amount_lc, acc.lc),
            Field::Amount(l.signed_lc(), acc.lc),
            Field::Text(lc),
            match fc {
                Some(f) => Field::Amount(f.amount_fc, acc.fc),
                None => Field::Empty,
            },
            Field::Text(&fc_code),
            Field::Text(l.tax_code().unwrap_or("")),
            Field::Text(tax_part),
            Field::Text(&partner),
            match l.partner().and_then(|p| p.due_date) {
                Some(d) => Field::Date(d),
                None => Field::Empty,
            },
            centre(0),
            centre(1),
            centre(2),
            centre(3),
            centre(4),
            match e.reverses {
                Some(id) => Field::Int(id.0),
                None => Field::Empty,
            },
            Field::Text(&e.user),
            Field::Int(seq),
        ]);
    }
}

fn account_rows(t: &mut CsvTable, book: &Book) {
    for a in book.accounts() {
        let number = a.number.to_string();
        let parent = a.parent.map(|p| p.to_string()).unwrap_or_default();
        let currency = match a.currency {
            AccountCurrency::Local => "Hauswährung".to_string(),
            AccountCurrency::All => "alle".to_string(),
            AccountCurrency::Foreign(c) => c.as_str().to_string(),
        };
        t.row(&[
            Field::Text(&number),
            Field::Text(&a.name_de),
            Field::Text(&a.name_en),
            Field::Text(match a.account_type {
                AccountType::Asset => "Aktiv",
                AccountType::Liability => "Passiv",
                AccountType::Equity => "Eigenkapital",
                AccountType::Revenue => "Ertrag",
                AccountType::Expense => "Aufwand",
            }),
            Field::Text(yes_no(a.postable)),
            Field::Text(&parent),
            Field::Text(yes_no(a.control)),
            Field::Text(&currency),
            Field::Text(yes_no(a.active)),
        ]);
    }
}

fn partner_rows(t: &mut CsvTable, book: &Book) {
    for p in book.partners().partners() {
        let code = p.code.to_string();
        let control = p.control_account.map(|a| a.to_string()).unwrap_or_default();
        t.row(&[
            Field::Text(&code),
            Field::Text(match p.kind {
                PartnerKind::Customer => "D",
                PartnerKind::Vendor => "K",
            }),
            Field::Text(&p.name),
            Field::Text(&p.group),
            Field::Text(&p.address.street),
            Field::Text(&p.address.house_number),
            Field::Text(&p.address.postcode),
            Field::Text(&p.address.town),
            Field::Text(&p.address.country),
            Field::Text(&p.vat_id),
            Field::Text(&p.tax_number),
            Field::Text(&control),
            Field::Text(p.payment_terms.as_deref().unwrap_or("")),
            Field::Text(yes_no(p.active)),
        ]);
    }
}

fn tax_rows(t: &mut CsvTable, book: &Book, acc: Accuracy) {
    for c in book.tax_codes() {
        let kind = match c.kind {
            TaxKind::Standard => "Regelsatz",
            TaxKind::Reduced => "ermäßigt",
            TaxKind::TaxFree => "steuerfrei",
            TaxKind::IntraEuSupply => "ig. Lieferung",
            TaxKind::IntraEuAcquisition => "ig. Erwerb",
            TaxKind::ReverseCharge13b => "§ 13b UStG",
        };
        let direction = match c.direction {
            TaxDirection::Output => "U",
            TaxDirection::Input => "V",
        };
        let text = |a: Option<String>| a.unwrap_or_default();
        let output = text(c.output_account.map(|a| a.to_string()));
        let input = text(c.input_account.map(|a| a.to_string()));
        let base = text(c.base_box.map(|k| k.to_string()));
        let out_box = text(c.output_tax_box.map(|k| k.to_string()));
        let in_box = text(c.input_tax_box.map(|k| k.to_string()));
        let rates: Vec<Option<&crate::ledger::tax::TaxRate>> = if c.rates.is_empty() {
            vec![None]
        } else {
            c.rates.iter().map(Some).collect()
        };
        for (n, rate) in rates.into_iter().enumerate() {
            t.row(&[
                Field::Text(&c.code),
                Field::Int(n as u64 + 1),
                rate.map_or(Field::Empty, |r| Field::Date(r.valid_from)),
                rate.map_or(Field::Empty, |r| Field::Amount(r.percent, acc.percent)),
                Field::Text(&c.name_de),
                Field::Text(&c.name_en),
                Field::Text(kind),
                Field::Text(direction),
                Field::Text(&output),
                Field::Text(&input),
                Field::Text(&base),
                Field::Text(&out_box),
                Field::Text(&in_box),
                Field::Text(yes_no(c.active)),
            ]);
        }
    }
}

fn centre_rows(t: &mut CsvTable, book: &Book) {
    let costing = book.costing();
    for d in 1..=DIMENSIONS as u8 {
        let dimension = costing
            .dimension(d)
            .map(|x| x.name_de.as_str())
            .unwrap_or("");
        for c in costing.centres(d) {
            t.row(&[
                Field::Int(u64::from(d)),
                Field::Text(&c.code),
                Field::Text(dimension),
                Field::Text(&c.name_de),
                Field::Text(&c.name_en),
                c.valid_from.map_or(Field::Empty, Field::Date),
                c.valid_to.map_or(Field::Empty, Field::Date),
                Field::Text(yes_no(c.active)),
            ]);
        }
    }
}

fn item_rows(t: &mut CsvTable, book: &Book, to: NaiveDate, acc: Accuracy) {
    for (item, open_lc, open_fc) in open_items(book, to) {
        let partner = item.partner.to_string();
        let account = item.account.to_string();
        let fc_code = item
            .fc
            .as_ref()
            .map(|f| f.currency.as_str().to_string())
            .unwrap_or_default();
        t.row(&[
            Field::Int(item.id.entry.0),
            Field::Int(u64::from(item.id.line) + 1),
            Field::Int(u64::from(item.id.installment) + 1),
            Field::Text(&partner),
            Field::Text(&account),
            Field::Text(side(item.side)),
            Field::Date(item.posting_date),
            Field::Date(item.document_date),
            Field::Date(item.due_date),
            Field::Amount(item.amount_lc, acc.lc),
            Field::Amount(open_lc, acc.lc),
            Field::Amount(item.side.sign(open_lc), acc.lc),
            Field::Text(&fc_code),
            item.fc
                .as_ref()
                .map_or(Field::Empty, |f| Field::Amount(f.amount_fc, acc.fc)),
            open_fc.map_or(Field::Empty, |f| Field::Amount(f, acc.fc)),
        ]);
    }
}

fn chain_rows(t: &mut CsvTable, chain: &ChainSummary) {
    let rows = [
        ("ERSTER", chain.first.as_ref(), chain.range_entries),
        ("LETZTER", chain.last.as_ref(), chain.range_entries),
        ("KOPF", chain.head.as_ref(), chain.all_entries),
    ];
    for (what, point, entries) in rows {
        let Some(p) = point else { continue };
        let hash = p.hash.to_hex();
        let previous = p.previous.to_hex();
        t.row(&[
            Field::Text(what),
            Field::Int(p.seq),
            Field::Text(&hash),
            Field::Text(&previous),
            p.entry.map_or(Field::Empty, |(id, _)| Field::Int(id.0)),
            p.entry.map_or(Field::Empty, |(_, d)| Field::Date(d)),
            Field::Int(entries as u64),
        ]);
    }
}

/// The files packed as one ZIP (deflate, fixed timestamps: the same books
/// give the same bytes).
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, GobdError> {
    let fail = |e: &dyn std::fmt::Display| GobdError::Zip {
        detail: e.to_string(),
    };
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(false);
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        let options = options.large_file(bytes.len() as u64 >= u64::from(u32::MAX));
        writer
            .start_file(name.as_str(), options)
            .map_err(|e| fail(&e))?;
        writer.write_all(bytes).map_err(|e| fail(&e))?;
    }
    let cursor = writer.finish().map_err(|e| fail(&e))?;
    Ok(cursor.into_inner())
}

/// The whole export in one call: files and the ZIP of them.
pub fn export_zip(
    book: &Book,
    records: &[LogRecord],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(GobdFiles, Vec<u8>), GobdError> {
    let files = Exporter::new(book, records, from, to)?.finish(book)?;
    let bytes = zip(&files.files)?;
    Ok((files, bytes))
}

/// The download's file name: `gobd-<company>-<from>-<to>.zip`.
pub fn file_name(company: &str, from: NaiveDate, to: NaiveDate) -> String {
    let slug: String = company
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "gobd-{}-{}-{}.zip",
        if slug.is_empty() { "firma" } else { &slug },
        from.format("%Y%m%d"),
        to.format("%Y%m%d")
    )
}
