//! GoBD export (Datenträgerüberlassung, issue 19): `index.xml` is valid by
//! `xmllint --dtdvalid gdpdu-01-09-2004.dtd`; read back, it describes
//! every CSV exactly (column count, names, types, delimiters); the row
//! counts equal the books; the hash-chain rows point at the right records;
//! the ZIP holds everything; any sample book's journal sums to zero per
//! entry.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use chrono::NaiveDate;
use kontor::demo::{self, DemoSpec, VatPosting};
use kontor::formats::gobd::{self, DTD, Exporter, GobdError, GobdFiles, TableKind};
use kontor::ledger::Book;
use kontor::ledger::chain::{ChainHash, ChainHead, LogRecord};
use kontor::ledger::event::encode;
use kontor::ledger::gl::ChartTemplate;
use kontor::ledger::partners::PartnerKind;
use kontor::ledger::report::open_items::{OpenItemsFilter, open_items};
use kontor::store::log::seal_all;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde::Deserialize;

const FIXTURE_DTD: &str = "tests/fixtures/gobd/gdpdu-01-09-2004.dtd";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The demo company over two years (partners, tax codes, centres, open
/// items, reversals), built once.
fn demo_log() -> &'static (Book, Vec<LogRecord>) {
    static LOG: OnceLock<(Book, Vec<LogRecord>)> = OnceLock::new();
    LOG.get_or_init(|| {
        let spec = DemoSpec {
            seed: 19,
            chart: ChartTemplate::Skr03,
            first_year: 2025,
            entries: 1_500,
            vat: VatPosting::TaxCodes,
        };
        let (book, events) = demo::build(&spec, |_, _| {}).unwrap();
        let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
        (book, records)
    })
}

fn year_export(year: i32) -> GobdFiles {
    range_export(date(year, 1, 1), date(year, 12, 31))
}

fn range_export(from: NaiveDate, to: NaiveDate) -> GobdFiles {
    let (book, records) = demo_log();
    Exporter::new(book, records, from, to)
        .unwrap()
        .finish(book)
        .unwrap()
}

/// A date as (year, month, day).
type Ymd = (i32, u32, u32);

/// The demo year and its second half.
const RANGES: [(Ymd, Ymd); 2] = [
    ((2025, 1, 1), (2025, 12, 31)),
    ((2025, 7, 1), (2025, 12, 31)),
];

fn file<'a>(files: &'a GobdFiles, name: &str) -> &'a str {
    let bytes = &files
        .files
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} is in the export"))
        .1;
    std::str::from_utf8(bytes).expect("UTF-8")
}

// ----- index.xml read back -----

#[derive(Deserialize)]
struct DataSet {
    #[serde(rename = "Media")]
    media: Media,
}

#[derive(Deserialize)]
struct Media {
    #[serde(rename = "Table")]
    tables: Vec<Table>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Table {
    #[serde(rename = "URL")]
    url: String,
    name: String,
    #[serde(rename = "UTF8")]
    utf8: Option<serde::de::IgnoredAny>,
    decimal_symbol: String,
    range: Range,
    variable_length: VariableLength,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Range {
    from: usize,
}

#[derive(Deserialize)]
struct VariableLength {
    #[serde(rename = "$value")]
    items: Vec<Item>,
}

#[derive(Deserialize)]
enum Item {
    ColumnDelimiter(String),
    RecordDelimiter(serde::de::IgnoredAny),
    TextEncapsulator(serde::de::IgnoredAny),
    VariablePrimaryKey(Col),
    VariableColumn(Col),
    ForeignKey(ForeignKey),
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Col {
    name: String,
    alpha_numeric: Option<serde::de::IgnoredAny>,
    numeric: Option<Numeric>,
    date: Option<DateType>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Numeric {
    accuracy: Option<u32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DateType {
    format: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ForeignKey {
    name: Vec<String>,
    references: String,
}

#[derive(Clone, Debug, PartialEq)]
enum Type {
    Text,
    Numeric(u32),
    Date,
}

struct Described {
    url: String,
    name: String,
    columns: Vec<(String, Type)>,
    keys: usize,
    foreign: Vec<(Vec<String>, String)>,
}

fn read_index(xml: &str) -> Vec<Described> {
    let set: DataSet = quick_xml::de::from_str(xml).expect("index.xml reads back");
    set.media
        .tables
        .into_iter()
        .map(|t| {
            assert!(t.utf8.is_some(), "{}: UTF8", t.url);
            assert_eq!(t.decimal_symbol, ",", "{}", t.url);
            assert_eq!(t.range.from, 2, "{}: the header line is skipped", t.url);
            let mut columns = Vec::new();
            let mut keys = 0;
            let mut foreign = Vec::new();
            for item in t.variable_length.items {
                let c = match item {
                    Item::ColumnDelimiter(d) => {
                        assert_eq!(d, ";");
                        continue;
                    }
                    Item::RecordDelimiter(_) | Item::TextEncapsulator(_) => continue,
                    Item::ForeignKey(f) => {
                        foreign.push((f.name, f.references));
                        continue;
                    }
                    Item::VariablePrimaryKey(c) => {
                        assert_eq!(keys, columns.len(), "keys come first");
                        keys += 1;
                        c
                    }
                    Item::VariableColumn(c) => c,
                };
                let ty = match (c.alpha_numeric, c.numeric, c.date) {
                    (Some(_), None, None) => Type::Text,
                    (None, Some(n), None) => Type::Numeric(n.accuracy.unwrap_or(0)),
                    (None, None, Some(d)) => {
                        assert_eq!(d.format, "DD.MM.YYYY");
                        Type::Date
                    }
                    _ => panic!("{}: column {} has exactly one type", t.url, c.name),
                };
                columns.push((c.name, ty));
            }
            Described {
                url: t.url,
                name: t.name,
                columns,
                keys,
                foreign,
            }
        })
        .collect()
}

// ----- CSV read back -----

/// A field as written: its text and whether it was in quotes.
#[derive(Clone, Debug, PartialEq)]
struct Cell {
    text: String,
    quoted: bool,
}

/// Splits CSV text (`;`, CRLF, `"` with doubled inner quotes); panics on
/// anything else.
fn parse_csv(text: &str) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = Cell {
        text: String::new(),
        quoted: false,
    };
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.text.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                cell.text.push(c);
            }
            continue;
        }
        match c {
            '"' => {
                assert!(cell.text.is_empty() && !cell.quoted, "quote inside a field");
                in_quotes = true;
                cell.quoted = true;
            }
            ';' => row.push(std::mem::replace(
                &mut cell,
                Cell {
                    text: String::new(),
                    quoted: false,
                },
            )),
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "records end with CRLF");
                row.push(std::mem::replace(
                    &mut cell,
                    Cell {
                        text: String::new(),
                        quoted: false,
                    },
                ));
                rows.push(std::mem::take(&mut row));
            }
            '\n' => panic!("a bare LF ends no record"),
            c => cell.text.push(c),
        }
    }
    assert!(!in_quotes, "unterminated quote");
    assert!(
        row.is_empty() && cell.text.is_empty(),
        "last record ends with CRLF"
    );
    rows
}

/// Checks a field against its declared type.
fn check_type(cell: &Cell, ty: &Type) -> Result<(), String> {
    match ty {
        Type::Text => {
            if cell.quoted || cell.text.is_empty() {
                Ok(())
            } else {
                Err(format!("text not in quotes: {:?}", cell.text))
            }
        }
        _ if cell.text.is_empty() => Ok(()),
        _ if cell.quoted => Err(format!("a number or date in quotes: {:?}", cell.text)),
        Type::Numeric(acc) => {
            let t = cell.text.strip_prefix('-').unwrap_or(&cell.text);
            let (int, frac) = match t.split_once(',') {
                Some((i, f)) => (i, Some(f)),
                None => (t, None),
            };
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            let ok = digits(int)
                && match (acc, frac) {
                    (0, None) => true,
                    (n, Some(f)) => digits(f) && f.len() == *n as usize,
                    _ => false,
                };
            if ok {
                Ok(())
            } else {
                Err(format!("not a number with {acc} decimals: {:?}", cell.text))
            }
        }
        Type::Date => NaiveDate::parse_from_str(&cell.text, "%d.%m.%Y")
            .map(|_| ())
            .map_err(|_| format!("not a date DD.MM.YYYY: {:?}", cell.text)),
    }
}

fn amount(cell: &Cell) -> Decimal {
    cell.text.replace(',', ".").parse().unwrap()
}

/// Every table of `files` as described: names, column count, types.
/// Returns the tables by name, rows without the header.
fn check_described(files: &GobdFiles) -> BTreeMap<String, (Vec<String>, Vec<Vec<Cell>>)> {
    let index = read_index(file(files, "index.xml"));
    assert_eq!(index.len(), TableKind::ALL.len());
    let mut out = BTreeMap::new();
    for t in index {
        let rows = parse_csv(file(files, &t.url));
        let (header, data) = rows.split_first().expect("a header line");
        let names: Vec<String> = t.columns.iter().map(|(n, _)| n.clone()).collect();
        let header: Vec<String> = header.iter().map(|c| c.text.clone()).collect();
        assert_eq!(header, names, "{}: header = described columns", t.url);
        assert!(t.keys >= 1, "{}: a primary key", t.url);
        for (fk_columns, references) in &t.foreign {
            assert!(
                fk_columns.iter().all(|c| names.contains(c)),
                "{}: foreign key columns exist",
                t.url
            );
            assert!(
                TableKind::ALL.iter().any(|k| k.name() == references),
                "{}: references a table",
                t.url
            );
        }
        for (line, row) in data.iter().enumerate() {
            assert_eq!(
                row.len(),
                t.columns.len(),
                "{} line {}: column count",
                t.url,
                line + 2
            );
            for (cell, (name, ty)) in row.iter().zip(&t.columns) {
                if let Err(e) = check_type(cell, ty) {
                    panic!("{} line {} column {name}: {e}", t.url, line + 2);
                }
            }
        }
        // Primary keys are unique.
        let mut keys: Vec<Vec<String>> = data
            .iter()
            .map(|r| r[..t.keys].iter().map(|c| c.text.clone()).collect())
            .collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "{}: primary key unique", t.url);
        out.insert(t.name.clone(), (names, data.to_vec()));
    }
    out
}

fn column<'a>(table: &'a (Vec<String>, Vec<Vec<Cell>>), name: &str) -> Vec<&'a Cell> {
    let i = table.0.iter().position(|n| n == name).unwrap();
    table.1.iter().map(|r| &r[i]).collect()
}

// ----- the tests -----

#[test]
fn the_shipped_dtd_is_the_published_one() {
    let fixture = std::fs::read_to_string(FIXTURE_DTD).unwrap();
    assert_eq!(DTD, fixture);
    let files = year_export(2025);
    assert_eq!(file(&files, "gdpdu-01-09-2004.dtd"), fixture);
}

fn xmllint_dtdvalid(dir: &Path) -> Result<(), String> {
    let dtd = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE_DTD);
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--dtdvalid")
        .arg(&dtd)
        .arg(dir.join("index.xml"))
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "xmllint could not be started ({e}); install it with ./scripts/setup.sh \
                 (Debian package libxml2-utils) — the DTD check is not skipped"
            )
        });
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

fn unpack(files: &GobdFiles, test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kontor-gobd-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in &files.files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    dir
}

#[test]
fn index_xml_is_valid_by_the_dtd() {
    for (n, (a, b)) in RANGES.into_iter().enumerate() {
        let files = range_export(date(a.0, a.1, a.2), date(b.0, b.1, b.2));
        let dir = unpack(&files, &format!("valid-{n}"));
        if let Err(e) = xmllint_dtdvalid(&dir) {
            panic!("index.xml of range {n} is not DTD-valid:\n{e}");
        }
        // …also as the auditor opens it, with the DTD beside it.
        let out = Command::new("xmllint")
            .args(["--noout", "--valid", "index.xml"])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn an_invalid_index_is_caught_by_the_check() {
    // The check itself can fail: a table without its VariableLength block.
    let mut files = year_export(2025);
    let index = String::from_utf8(files.files[0].1.clone()).unwrap();
    let broken = index.replacen("<Range>\n        <From>2</From>", "<Range>", 1);
    assert_ne!(broken, index);
    files.files[0].1 = broken.into_bytes();
    let dir = unpack(&files, "broken");
    assert!(xmllint_dtdvalid(&dir).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_csv_is_as_index_xml_describes_it() {
    for (a, b) in RANGES {
        let files = range_export(date(a.0, a.1, a.2), date(b.0, b.1, b.2));
        let tables = check_described(&files);
        assert_eq!(tables.len(), 7);
        // Amount accuracy is the LC's: two decimals.
        let index = read_index(file(&files, "index.xml"));
        let journal = index.iter().find(|t| t.name == "Buchungsjournal").unwrap();
        assert!(
            journal
                .columns
                .contains(&("Betrag".to_string(), Type::Numeric(2)))
        );
        assert!(
            journal
                .columns
                .contains(&("Buchungsdatum".into(), Type::Date))
        );
        assert_eq!(journal.keys, 2);
    }
}

#[test]
fn row_counts_equal_the_books() {
    let (book, _) = demo_log();
    for (a, b) in RANGES {
        let (from, to) = (date(a.0, a.1, a.2), date(b.0, b.1, b.2));
        let files = range_export(from, to);
        let tables = check_described(&files);
        let entries: Vec<_> = book
            .entries()
            .iter()
            .filter(|e| e.posting_date >= from && e.posting_date <= to)
            .collect();
        assert!(entries.len() > 100, "the demo year has entries");
        let lines: usize = entries.iter().map(|e| e.lines.len()).sum();
        let rows = |name: &str| tables[name].1.len();
        assert_eq!(rows("Buchungsjournal"), lines);
        assert_eq!(rows("Konten"), book.accounts().count());
        assert_eq!(rows("Geschaeftspartner"), book.partners().len());
        assert!(rows("Geschaeftspartner") > 5);
        let rates: usize = book.tax_codes().map(|c| c.rates.len().max(1)).sum();
        assert_eq!(rows("Steuerschluessel"), rates);
        let centres: usize = (1..=5u8).map(|d| book.costing().centres(d).count()).sum();
        assert_eq!(rows("Kostenstellen"), centres);
        let open = open_items(book, &OpenItemsFilter::new(PartnerKind::Customer, to))
            .rows
            .len()
            + open_items(book, &OpenItemsFilter::new(PartnerKind::Vendor, to))
                .rows
                .len();
        assert_eq!(rows("OffenePosten"), open);
        assert!(open > 0, "the demo leaves items open");
        assert_eq!(rows("Hashkette"), 3);
        // Distinct entries in the journal = the range's entries.
        let mut ids: Vec<&str> = column(&tables["Buchungsjournal"], "BuchungsID")
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        ids.dedup();
        assert_eq!(ids.len(), entries.len());
        // The preview says the same as the export.
        assert_eq!(gobd::preview(book, from, to), files.counts);
    }
}

#[test]
fn the_chain_rows_point_at_the_right_records() {
    let (book, records) = demo_log();
    let files = year_export(2025);
    let tables = check_described(&files);
    let chain = &tables["Hashkette"];
    let what = column(chain, "Satz");
    assert_eq!(
        what.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
        ["ERSTER", "LETZTER", "KOPF"]
    );
    let seqs = column(chain, "Protokollposition");
    let hashes = column(chain, "Hash");
    let previous = column(chain, "VorherigerHash");
    let ids = column(chain, "BuchungsID");
    for (i, (((seq, hash), prev), id)) in seqs
        .iter()
        .zip(&hashes)
        .zip(&previous)
        .zip(&ids)
        .enumerate()
    {
        let seq: usize = seq.text.parse().unwrap();
        let record = &records[seq - 1];
        assert_eq!(record.seq as usize, seq);
        assert_eq!(hash.text, record.hash.to_hex());
        let prev = ChainHash::from_hex(&prev.text).unwrap();
        // An auditor recomputes the hash from the record and the one before.
        assert_eq!(ChainHash::link(&prev, record.body.as_bytes()), record.hash);
        if i < 2 {
            assert!(record.body.contains("\"entry_posted\""));
            let id: u64 = id.text.parse().unwrap();
            assert!(
                record.body.contains(&format!("\"id\":{id}")),
                "{}",
                &record.body[..80]
            );
        }
    }
    assert_eq!(
        seqs[2].text,
        records.len().to_string(),
        "the head is the last record"
    );
    // First and last are the year's first and last postings in the log.
    let journal_seqs: Vec<u64> = column(&tables["Buchungsjournal"], "Protokollposition")
        .iter()
        .map(|c| c.text.parse().unwrap())
        .collect();
    assert_eq!(seqs[0].text, journal_seqs.iter().min().unwrap().to_string());
    assert_eq!(seqs[1].text, journal_seqs.iter().max().unwrap().to_string());
    assert_eq!(files.chain.range_entries, {
        let mut s = journal_seqs.clone();
        s.dedup();
        s.len()
    });
    assert_eq!(files.chain.all_entries, book.entry_count());
}

#[test]
fn the_zip_holds_index_dtd_and_tables_and_is_deterministic() {
    let (book, records) = demo_log();
    let (files, bytes) =
        gobd::export_zip(book, records, date(2025, 1, 1), date(2025, 12, 31)).unwrap();
    let (_, again) = gobd::export_zip(book, records, date(2025, 1, 1), date(2025, 12, 31)).unwrap();
    assert_eq!(bytes, again, "same books, same bytes");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut names: Vec<String> = archive
        .file_names()
        .map(|n| n.unwrap().to_string())
        .collect();
    names.sort();
    let mut expected: Vec<String> = TableKind::ALL
        .iter()
        .map(|k| k.file().to_string())
        .collect();
    expected.extend(["index.xml".to_string(), "gdpdu-01-09-2004.dtd".to_string()]);
    expected.sort();
    assert_eq!(names, expected);
    for (name, content) in &files.files {
        let mut out = Vec::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(&out, content, "{name}");
    }
    assert_eq!(
        gobd::file_name("Muster GmbH & Co. KG", date(2025, 1, 1), date(2025, 12, 31)),
        "gobd-Muster-GmbH-Co-KG-20250101-20251231.zip"
    );
}

#[test]
fn a_range_within_the_year_holds_only_its_entries() {
    let (book, records) = demo_log();
    let (from, to) = (date(2025, 3, 1), date(2025, 3, 31));
    let files = Exporter::new(book, records, from, to)
        .unwrap()
        .finish(book)
        .unwrap();
    let tables = check_described(&files);
    for cell in column(&tables["Buchungsjournal"], "Buchungsdatum") {
        let d = NaiveDate::parse_from_str(&cell.text, "%d.%m.%Y").unwrap();
        assert!(d >= from && d <= to);
    }
    let index = file(&files, "index.xml");
    assert!(index.contains("<From>01.03.2025</From>"));
    assert!(index.contains("<To>31.03.2025</To>"));
}

#[test]
fn a_range_without_postings_has_only_the_head_and_a_reversed_range_is_refused() {
    let (book, records) = demo_log();
    let files = Exporter::new(book, records, date(2030, 1, 1), date(2030, 12, 31))
        .unwrap()
        .finish(book)
        .unwrap();
    let tables = check_described(&files);
    assert_eq!(tables["Buchungsjournal"].1.len(), 0);
    assert_eq!(tables["Hashkette"].1.len(), 1);
    assert!(matches!(
        Exporter::new(book, records, date(2025, 2, 1), date(2025, 1, 1)),
        Err(GobdError::EmptyRange { .. })
    ));
}

#[test]
fn records_that_are_not_the_books_log_are_refused() {
    let (book, records) = demo_log();
    let fewer = &records[..records.len() / 2];
    assert!(matches!(
        Exporter::new(book, fewer, date(2025, 1, 1), date(2025, 12, 31)),
        Err(GobdError::LogMismatch { .. })
    ));
}

#[test]
fn the_exporter_reports_progress_step_by_step() {
    let (book, records) = demo_log();
    let mut exporter = Exporter::new(book, records, date(2025, 1, 1), date(2025, 12, 31)).unwrap();
    let total = exporter.total();
    assert!(total > 200);
    assert!(!exporter.step(book, 100));
    assert_eq!(exporter.done(), 100);
    while !exporter.step(book, 100) {}
    assert_eq!(exporter.done(), total);
    let stepped = exporter.finish(book).unwrap();
    assert_eq!(stepped, year_export(2025));
}

fn journal_sums_to_zero(files: &GobdFiles) -> Result<(), TestCaseError> {
    let tables = check_described(files);
    let journal = &tables["Buchungsjournal"];
    let ids = column(journal, "BuchungsID");
    let signed = column(journal, "BetragVorzeichen");
    let plain = column(journal, "Betrag");
    let sides = column(journal, "SollHaben");
    let mut sums: BTreeMap<&str, Decimal> = BTreeMap::new();
    for (((id, signed), plain), side) in ids.iter().zip(&signed).zip(&plain).zip(&sides) {
        let s = amount(signed);
        let a = amount(plain);
        let expected = if side.text == "S" { a } else { -a };
        prop_assert_eq!(s, expected);
        *sums.entry(id.text.as_str()).or_default() += s;
    }
    for (id, sum) in sums {
        prop_assert!(sum.is_zero(), "entry {} sums to {}", id, sum);
    }
    Ok(())
}

#[test]
fn the_demo_journal_sums_to_zero_per_entry() {
    journal_sums_to_zero(&year_export(2025)).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]
    #[test]
    fn any_sample_book_exports_valid_csv_summing_to_zero(
        seed in any::<u64>(),
        entries in 1usize..120,
        accounts in 2usize..12,
        month in 1u32..=12,
    ) {
        let (book, events) =
            kontor::ledger::sample::sample_events(seed, entries, accounts, 2026).unwrap();
        let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
        let from = date(2026, month, 1);
        let files = Exporter::new(&book, &records, from, date(2026, 12, 31))
            .unwrap()
            .finish(&book)
            .unwrap();
        journal_sums_to_zero(&files)?;
        let expected: usize = book
            .entries()
            .iter()
            .filter(|e| e.posting_date >= from)
            .map(|e| e.lines.len())
            .sum();
        prop_assert_eq!(files.counts[0], (TableKind::Journal, expected));
    }
}

#[test]
fn books_that_gained_entries_during_the_export_are_refused() {
    let (small, events) = kontor::ledger::sample::sample_events(3, 10, 3, 2026).unwrap();
    let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
    let (bigger, _) = kontor::ledger::sample::sample_events(3, 11, 3, 2026).unwrap();
    let exporter = Exporter::new(&small, &records, date(2026, 1, 1), date(2026, 12, 31)).unwrap();
    assert_eq!(exporter.finish(&bigger), Err(GobdError::BooksChanged));
}
