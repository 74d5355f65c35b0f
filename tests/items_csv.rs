//! The item CSV reader (`formats::items_csv`) from outside: German and
//! English files (Windows-1252 too) become the items an import would
//! create; every bad row is named with its line, column and reason;
//! `check_against` names the rows the engine refuses; `kontor-cli
//! items-csv` prints the same; and the reader never panics, whatever bytes
//! it gets (arbitrary bytes, and text made of its own header names,
//! separators, quotes and line breaks, which reaches the row checks).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use kontor::formats::items_csv::{
    Column, ColumnMap, RowError, RowReason, check_against, parse_items, parse_unit,
};
use kontor::ledger::items::{ItemGroup, ItemsCommand, ItemsError, UnitCode};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, Timestamp};
use kontor::ledger::{Book, DomainError};
use proptest::prelude::*;
use rust_decimal_macros::dec;
use std::path::PathBuf;
use std::process::{Command, Output};

const GERMAN: &str = "Artikelnummer;Bezeichnung;Gruppe;Einheit;Preis;Verkauf;Einkauf;Erlöskonto;Erlöskonto EU;Steuerschlüssel Verkauf;Farbe\n\
A-100;Schraube M4 „verzinkt“;HW;Stk;1.234,5678;ja;nein;8400;8125;u19;blau\n\
B.200;\"Beratung; vor Ort\";DL;Std;95;;;;;;\n";

fn at() -> Timestamp {
    Timestamp::at(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(), 9, 0, 0).unwrap()
}

fn unit(code: &str) -> UnitCode {
    UnitCode::parse(code).unwrap()
}

#[test]
fn a_german_windows_1252_file_becomes_items() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(GERMAN);
    let parsed = parse_items(&bytes, None).unwrap();
    assert_eq!(parsed.lines, [2, 3]);
    assert_eq!(parsed.ignored, ["Farbe"]);
    let (a, b) = (&parsed.items[0], &parsed.items[1]);
    assert_eq!(a.code, "A-100");
    assert_eq!(a.description_de, "Schraube M4 „verzinkt“");
    assert_eq!(a.description_en, "");
    assert_eq!((a.group.as_str(), a.unit), ("HW", unit("H87")));
    assert_eq!(a.default_price, dec!(1234.5678));
    assert_eq!((a.sales, a.purchase, a.active), (true, false, true));
    let n = |s| Some(AccountNo::parse(s).unwrap());
    assert_eq!(a.accounts.revenue, [n("8400"), n("8125"), None]);
    assert_eq!(a.accounts.expense, [None, None, None]);
    assert_eq!(a.accounts.sales_tax.as_deref(), Some("U19"));
    assert_eq!(a.accounts.purchase_tax, None);
    assert_eq!(b.description_de, "Beratung; vor Ort");
    assert_eq!((b.unit, b.default_price), (unit("HUR"), dec!(95)));
    assert_eq!((b.sales, b.purchase), (true, true));
}

#[test]
fn an_english_file_reads_with_a_decimal_point_and_an_explicit_mapping() {
    let csv = "Item code,Description,Group,Unit,Price,Active,Remarks\n\
X1,Screw,HW,piece,\"1,234.50\",no,\"two\nlines\"\n\
X2,Cable,HW,m²,0.5,,\n";
    let parsed = parse_items(csv.as_bytes(), None).unwrap();
    assert_eq!(parsed.lines, [2, 4]);
    let x1 = &parsed.items[0];
    assert_eq!(x1.description_en, "Screw");
    assert_eq!((x1.unit, x1.default_price), (unit("H87"), dec!(1234.50)));
    assert!(!x1.active);
    assert_eq!(x1.remarks, "two\nlines");
    assert_eq!(parsed.items[1].unit, unit("MTK"));

    // A mapping given by the caller wins over the header names.
    let csv = "a;b;c\nZ-1;Mutter;HW\n";
    let map = ColumnMap {
        columns: vec![
            Some(Column::Code),
            Some(Column::DescriptionDe),
            Some(Column::Group),
        ],
    };
    let parsed = parse_items(csv.as_bytes(), Some(&map)).unwrap();
    assert_eq!(parsed.items[0].code, "Z-1");
    assert_eq!(parsed.items[0].unit, UnitCode::default());
}

#[test]
fn units_are_read_by_code_name_or_abbreviation() {
    for (text, code) in [
        ("C62", "C62"),
        ("kgm", "KGM"),
        ("Stück", "H87"),
        ("Stk.", "H87"),
        ("Kilogramm", "KGM"),
        ("hour", "HUR"),
        ("h", "HUR"),
        ("qm", "MTK"),
        ("m³", "MTQ"),
        ("pauschal", "LS"),
        ("Karton", "XCT"),
        ("", "C62"),
    ] {
        assert_eq!(parse_unit(text), Some(unit(code)), "{text}");
    }
    assert_eq!(parse_unit("Eimer"), None);
}

#[test]
fn every_bad_row_is_named_with_its_line_column_and_reason() {
    let csv = "Artikelnummer;Bezeichnung;Gruppe;Einheit;Preis;Verkauf;Erlöskonto\n\
A-1;Gut;HW;;1,50;;\n\
A 2;Leerzeichen;HW;;;;\n\
A-3;Eimer;HW;Eimer;;;\n\
A-4;Preis;HW;;1,23456;;\n\
A-5;Flag;HW;;;vielleicht;\n\
A-6;Konto;HW;;;;84 00\n\
A-1;Doppelt;HW;;;;\n\
A-8;;HW;;;;\n\
A-9;Ohne Gruppe;;;;;\n";
    let errors = parse_items(csv.as_bytes(), None).unwrap_err();
    let got: Vec<(usize, Option<Column>, RowReason)> = errors
        .into_iter()
        .map(
            |RowError {
                 line,
                 column,
                 reason,
             }| (line, column, reason),
        )
        .collect();
    assert_eq!(
        got,
        [
            (3, Some(Column::Code), RowReason::InvalidCode),
            (4, Some(Column::Unit), RowReason::InvalidUnit),
            (5, Some(Column::Price), RowReason::InvalidAmount),
            (6, Some(Column::Sales), RowReason::InvalidFlag),
            (7, Some(Column::RevenueDomestic), RowReason::InvalidAccount),
            (
                8,
                Some(Column::Code),
                RowReason::DuplicateCode { first_line: 2 }
            ),
            (9, Some(Column::DescriptionDe), RowReason::Missing),
            (10, Some(Column::Group), RowReason::Missing),
        ]
    );
}

#[test]
fn a_file_without_the_needed_columns_or_rows_is_refused_whole() {
    let first = |bytes: &[u8]| parse_items(bytes, None).unwrap_err().remove(0);
    let missing = |column| RowError {
        line: 1,
        column: Some(column),
        reason: RowReason::MissingColumn,
    };
    assert_eq!(first(b"Bezeichnung;Gruppe\nx;y\n"), missing(Column::Code));
    assert_eq!(first(b"Nummer;Bezeichnung\nx;y\n"), missing(Column::Group));
    assert_eq!(
        first(b"Nummer;Gruppe\nx;y\n"),
        missing(Column::DescriptionDe)
    );
    assert_eq!(first(b"").reason, RowReason::Empty);
    assert_eq!(
        first(b"Nummer;Bezeichnung;Gruppe\n").reason,
        RowReason::Empty
    );
    assert_eq!(
        first(b"Nummer;Bezeichnung;Gruppe\n\"A;b;c\n").reason,
        RowReason::UnclosedQuote
    );
}

/// The engine's checks, one pass for every row: an unknown group, a code
/// the book has, an expense account in a revenue slot; the rest imports.
#[test]
fn check_against_names_each_row_the_engine_refuses_and_the_rest_imports() {
    let mut book = Book::set_up(&sample_setup(2024)).unwrap().0;
    let group = ItemGroup {
        code: "HW".into(),
        name_de: "Hardware".into(),
        name_en: String::new(),
        accounts: Default::default(),
    };
    let cmd = ItemsCommand::SaveGroup {
        group,
        by: "anna".into(),
        at: at(),
    };
    book.execute(&cmd.into()).unwrap();
    let first = parse_items(b"Nummer;Bezeichnung;Gruppe\nA-1;Eins;HW\n", None).unwrap();
    book.execute(&first.command("anna", at())).unwrap();

    let csv = "Nummer;Bezeichnung;Gruppe;Erlöskonto\n\
B-1;Gut;HW;8400\n\
B-2;Gruppe fehlt;SW;\n\
A-1;Gibt es;HW;\n\
B-4;Falsches Konto;HW;3400\n";
    let parsed = parse_items(csv.as_bytes(), None).unwrap();
    let errors = check_against(&book, &parsed, "anna", at());
    let refused: Vec<(usize, RowReason)> = errors.into_iter().map(|e| (e.line, e.reason)).collect();
    let items = |e| RowReason::Refused(DomainError::Items(e));
    assert_eq!(
        refused,
        [
            (3, items(ItemsError::UnknownGroup { code: "SW".into() })),
            (4, items(ItemsError::ItemExists { code: "A-1".into() })),
            (
                5,
                items(ItemsError::BadAccount {
                    account: AccountNo::parse("3400").unwrap(),
                    revenue_or_expense: "revenue",
                })
            ),
        ]
    );
    // The whole import is refused at the first bad row, and its line is
    // found again from the engine's refusal.
    let error = book.execute(&parsed.command("anna", at())).unwrap_err();
    assert_eq!(parsed.line_of(&error), Some(3));
    assert_eq!(book.items().items().count(), 1);
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kontor-items-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kontor-cli"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn cli_items_csv_prints_the_items_or_every_bad_row() {
    let dir = scratch("cli");
    let good = dir.join("good.csv");
    std::fs::write(&good, GERMAN).unwrap();
    let out = cli(&["items-csv", &good.display().to_string()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[1],
        "2\tA-100\tSchraube M4 „verzinkt“\t\tHW\tH87\t1234.5678\ttrue\tfalse\ttrue\trevenue=8400,8125,;expense=,,;sales_tax=U19;purchase_tax="
    );
    assert!(
        lines[2].starts_with("3\tB.200\tBeratung; vor Ort\t\tDL\tHUR\t95\t"),
        "{stdout}"
    );
    assert_eq!(lines[3..], ["# ignored columns: Farbe", "# 2 items"]);

    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "code,description,group,unit\nA,x,HW,\nB,y,HW,bucket\nA,z,HW,\n",
    )
    .unwrap();
    let out = cli(&["items-csv", &bad.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    let rows: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        rows[..2],
        [
            "line 3, column Unit: not a unit of measure (UN/ECE Rec 20 code or name)",
            "line 4, column Code: the code is on line 2 already",
        ],
        "{stderr}"
    );
    assert!(rows[2].ends_with("2 bad rows; nothing would be imported"));
    let out = cli(&["items-csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("items-csv takes one FILE"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Pieces of an item file: header names, values good and bad, separators,
/// quotes, line breaks and bytes that are not UTF-8.
const PIECES: &[&str] = &[
    "Artikelnummer",
    "Bezeichnung",
    "Description",
    "Gruppe",
    "Einheit",
    "Preis",
    "Verkauf",
    "Einkauf",
    "Erlöskonto",
    "Aufwandskonto EU",
    "Vorsteuer",
    "Aktiv",
    "A-1",
    "a.b_c",
    "Ä",
    "HW",
    "Stk",
    "KGM",
    "m²",
    "1.000,50",
    "1,000.50",
    "-5",
    "0,00001",
    "8400",
    "ja",
    "x",
    ";",
    ",",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\u{feff}",
    "\u{80}",
    " ",
];

fn file_of(pieces: Vec<usize>, raw: Vec<u8>) -> Vec<u8> {
    let mut bytes: Vec<u8> = pieces
        .into_iter()
        .flat_map(|i| PIECES[i % PIECES.len()].as_bytes().to_vec())
        .collect();
    bytes.extend(raw);
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_reader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        // Only that it returns: any result is fine for random bytes.
        let _ = parse_items(&bytes, None);
    }

    /// Text made of the reader's own vocabulary reaches the row checks;
    /// whatever it says, every refused row has a line within the file and
    /// every item one of its own.
    #[test]
    fn the_reader_never_panics_on_item_like_text(
        pieces in prop::collection::vec(0usize..PIECES.len(), 0..200),
        raw in prop::collection::vec(any::<u8>(), 0..8),
    ) {
        let bytes = file_of(pieces, raw);
        let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
        match parse_items(&bytes, None) {
            Ok(parsed) => prop_assert_eq!(parsed.items.len(), parsed.lines.len()),
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(e.line <= lines + 1, "{:?} beyond {} lines", e, lines);
                }
            }
        }
    }
}
