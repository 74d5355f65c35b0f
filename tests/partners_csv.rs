//! The partner CSV reader (`formats::partners_csv`) from outside: the
//! `kontor-cli partners` command prints what a file would import or every
//! bad row with its line and reason (exit code 1), also checked against a
//! company's books; and the reader never panics, whatever bytes it gets
//! (arbitrary bytes, and text made of its own header names, separators,
//! quotes and line breaks, which reaches the row checks).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use kontor::formats::partners_csv::{ImportOptions, parse_partners};
use kontor::ledger::types::Currency;
use proptest::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kontor-partners-{}-{name}", std::process::id()));
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

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

const GOOD: &str = "Nummer;Name;Straße;Hausnummer;PLZ;Ort;Land;USt-IdNr.;IBAN;Kreditlimit;Farbe\n\
10001;Bäckerei Krüger KG;Hafenstraße;7a;20457;Hamburg;DE;DE136695976;DE44500105175407324931;5.000,00;blau\n\
70001;\"Mühle Weber; GmbH\";Am Bach;1;01067;Dresden;DE;;;;grün\n";

#[test]
fn cli_partners_prints_the_partners_a_file_would_import() {
    let dir = scratch("good");
    // Windows-1252, as German Excel writes it.
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(GOOD);
    let file = write(&dir, "partner.csv", &bytes);
    let out = cli(&["partners", &file, "--today", "2024-06-01"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[1],
        "2\t10001\tcustomer\tBäckerei Krüger KG\tHafenstraße 7a\t20457\tHamburg\tDE\tDE136695976\tDE44500105175407324931\t"
    );
    assert_eq!(
        lines[2],
        "3\t70001\tvendor\tMühle Weber; GmbH\tAm Bach 1\t01067\tDresden\tDE\t\t\t"
    );
    assert_eq!(lines[3], "# ignored columns: Farbe");
    assert_eq!(lines[4], "# 2 partners");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cli_partners_names_every_bad_row_and_fails() {
    let dir = scratch("bad");
    let csv = "code,name,iban,credit limit\n\
10001,Good Customer Ltd,,\n\
10002,Bad IBAN Ltd,DE44500105175407324932,\n\
10001,Twice Ltd,,\n\
10003,Bad Limit Ltd,,lots\n\
,No Code Ltd,,\n";
    let file = write(&dir, "partners.csv", csv.as_bytes());
    let out = cli(&["partners", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    let stderr = text(&out.stderr);
    let rows: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        rows[..4],
        [
            "line 3, column Iban: the IBAN is not valid",
            "line 4, column Code: the code is on line 2 already",
            "line 5, column CreditLimit: not an amount",
            "line 6, column Code: a field every partner needs is empty",
        ],
        "{stderr}"
    );
    assert!(
        rows[4].ends_with("4 bad rows; nothing would be imported"),
        "{stderr}"
    );

    let out = cli(&["partners", &write(&dir, "empty.csv", b"")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("line 1: the file has no header line"));
    let out = cli(&["partners"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("partners needs a FILE"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// With `--company`, rows the parser accepts are checked by the engine
/// against that company's books: a control account that is not one, and a
/// code the demo company's customers already use.
#[test]
fn cli_partners_checks_rows_against_a_company() {
    let dir = scratch("company");
    let books = dir.join("books").display().to_string();
    let made = cli(&["generate", "--entries", "20", "--out", &books]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let csv = "Nummer;Name;Sammelkonto\n69001;Gut GmbH;1400\n69002;Falsch GmbH;8400\n10001;Doppelt GmbH;\n";
    let file = write(&dir, "p.csv", csv.as_bytes());
    let alone = cli(&["partners", &file]);
    assert!(alone.status.success(), "{}", text(&alone.stderr));
    let out = cli(&["partners", &file, "--company", &books]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let rows: Vec<&str> = stderr.lines().collect();
    assert_eq!(rows.len(), 3, "{stderr}");
    assert!(rows[0].starts_with("line 3: refused: "), "{stderr}");
    assert!(rows[0].contains("8400"), "{stderr}");
    assert!(rows[1].starts_with("line 4: refused: "), "{stderr}");
    assert!(rows[1].contains("10001 already exists"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn options() -> ImportOptions {
    ImportOptions {
        lc: Currency::EUR,
        today: NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
    }
}

/// Pieces of a partner file: header names of many columns, values good
/// and bad, separators, quotes, line breaks and bytes that are not UTF-8.
const PIECES: &[&str] = &[
    "Nummer",
    "Name",
    "IBAN",
    "Art",
    "Land",
    "Kreditlimit",
    "Obligo",
    "Mandatsreferenz",
    "Mandatsdatum",
    "Sequenz",
    "Zahlungsweg",
    "Sprache",
    "Währung",
    "Sammelkonto",
    "Aktiv",
    "code",
    "name",
    "kind",
    "currency",
    "10001",
    "70001",
    "99999999999999",
    "DE44500105175407324931",
    "1.000,50",
    "1,000.50",
    "-5",
    "31.02.2024",
    "2024-02-29",
    "ja",
    "x",
    "USD",
    "EUR",
    "Kunde",
    "vendor",
    ";",
    ",",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\u{feff}",
    "\u{80}",
    "ä",
    " ",
    "",
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
        let _ = parse_partners(&bytes, None, options());
    }

    /// Text made of the reader's own vocabulary reaches the row checks;
    /// whatever it says, every refused row has a line within the file.
    #[test]
    fn the_reader_never_panics_on_partner_like_text(
        pieces in prop::collection::vec(0usize..PIECES.len(), 0..200),
        raw in prop::collection::vec(any::<u8>(), 0..8),
    ) {
        let bytes = file_of(pieces, raw);
        let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
        match parse_partners(&bytes, None, options()) {
            Ok(parsed) => prop_assert_eq!(parsed.partners.len(), parsed.lines.len()),
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(e.line <= lines + 1, "{:?} beyond {} lines", e, lines);
                }
            }
        }
    }
}
