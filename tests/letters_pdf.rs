//! Letters as PDF (`letters::pdf`): the file parses and carries the
//! letters' text (read back with poppler's `pdftotext`), German letters
//! and the euro sign survive the WinAnsi encoding, long tables continue
//! on a new page under a repeated header, several letters share one file
//! with each on its own page, and the bytes are deterministic (golden).

use kontor::letters::{Letter, Table, letters_pdf};
use std::path::PathBuf;
use std::process::Command;

fn letter(subject: &str, rows: usize) -> Letter {
    Letter {
        letterhead: vec![
            "Muster Handels GmbH".into(),
            "Hauptstraße 1".into(),
            "10115 Berlin".into(),
        ],
        sender_line: "Muster Handels GmbH · Hauptstraße 1 · 10115 Berlin".into(),
        recipient: vec![
            "Bäckerei Größe KG".into(),
            "Müllerweg 7".into(),
            "80331 München".into(),
        ],
        place_date: "Berlin, 30.11.2026".into(),
        subject: subject.into(),
        paragraphs: vec![
            "Sehr geehrte Damen und Herren,".into(),
            "trotz unserer Rechnung ist der folgende Betrag noch offen. Wir bitten Sie, ihn bis zum 10.12.2026 zu überweisen; für Rückfragen stehen wir Ihnen gern zur Verfügung.".into(),
        ],
        table: Table {
            headers: ["Beleg", "Belegdatum", "Fällig", "Tage", "Offen", "Zinsen"]
                .map(String::from)
                .to_vec(),
            numeric: vec![false, false, false, true, true, true],
            rows: (1..=rows)
                .map(|i| {
                    vec![
                        format!("RE-2026-{i:04}"),
                        "01.09.2026".into(),
                        "01.10.2026".into(),
                        "60".into(),
                        "1.190,00".into(),
                        "17,12".into(),
                    ]
                })
                .collect(),
            totals: vec![vec![
                "Gesamtbetrag".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                "1.247,12 €".into(),
            ]],
        },
        closing: vec![
            "Mit freundlichen Grüßen".into(),
            String::new(),
            "Muster Handels GmbH".into(),
        ],
        footer: vec![
            "Muster Handels GmbH".into(),
            "USt-IdNr. DE123456789".into(),
            "Sparkasse · IBAN DE89370400440532013000".into(),
        ],
    }
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/letters")
}

/// The text of `pdf` by `pdftotext -layout`, pages split at form feeds;
/// `None` when poppler is not installed (structure is checked instead).
fn pdf_pages(pdf: &[u8], name: &str) -> Option<Vec<String>> {
    let dir = std::env::temp_dir().join(format!("kontor-letters-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, pdf).expect("pdf written");
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "pdftotext refused the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("pdftotext writes UTF-8");
    let mut pages: Vec<String> = text.split('\u{c}').map(String::from).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(pages)
}

fn structure(pdf: &[u8], pages: usize) {
    let text = String::from_utf8_lossy(pdf);
    assert!(text.starts_with("%PDF-"));
    assert!(text.trim_end().ends_with("%%EOF"));
    assert!(text.contains("/Helvetica-Bold") && text.contains("/WinAnsiEncoding"));
    assert!(text.contains(&format!("/Count {pages}")), "{pages} pages");
}

#[test]
fn a_letter_reads_back_with_umlauts_euro_and_every_part() {
    let pdf = letters_pdf(&[letter("1. Mahnung", 3)]);
    structure(&pdf, 1);
    let Some(pages) = pdf_pages(&pdf, "one.pdf") else {
        return;
    };
    assert_eq!(pages.len(), 1, "{pages:?}");
    let page = &pages[0];
    for needle in [
        "Muster Handels GmbH",
        "Hauptstraße 1",
        "Bäckerei Größe KG",
        "80331 München",
        "Berlin, 30.11.2026",
        "1. Mahnung",
        "Sehr geehrte Damen und Herren,",
        "Rückfragen",
        "RE-2026-0003",
        "Belegdatum",
        "Fällig",
        "1.247,12 €",
        "Mit freundlichen Grüßen",
        "USt-IdNr. DE123456789",
    ] {
        assert!(page.contains(needle), "{needle:?} missing in:\n{page}");
    }
}

#[test]
fn a_long_table_continues_on_a_new_page_under_its_header() {
    let pdf = letters_pdf(&[letter("2. Mahnung", 90)]);
    let text = String::from_utf8_lossy(&pdf).into_owned();
    assert!(!text.contains("/Count 1 "), "90 rows need more than a page");
    let Some(pages) = pdf_pages(&pdf, "long.pdf") else {
        return;
    };
    assert!(pages.len() >= 2, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("Belegdatum"), "header on page {}", i + 1);
        assert!(
            page.contains("USt-IdNr. DE123456789"),
            "footer on page {}",
            i + 1
        );
    }
    let all = pages.concat();
    for i in 1..=90 {
        assert!(all.contains(&format!("RE-2026-{i:04}")), "row {i}");
    }
    let last = pages.last().map(String::as_str).unwrap_or_default();
    assert!(last.contains("Gesamtbetrag") && last.contains("Mit freundlichen Grüßen"));
}

#[test]
fn several_letters_share_one_file_each_on_its_own_page() {
    let pdf = letters_pdf(&[letter("1. Mahnung", 2), letter("3. Mahnung", 2)]);
    structure(&pdf, 2);
    let Some(pages) = pdf_pages(&pdf, "two.pdf") else {
        return;
    };
    assert_eq!(pages.len(), 2);
    assert!(pages[0].contains("1. Mahnung") && !pages[0].contains("3. Mahnung"));
    assert!(pages[1].contains("3. Mahnung") && pages[1].contains("Bäckerei Größe KG"));
}

#[test]
fn an_unmappable_character_becomes_a_question_mark() {
    let mut l = letter("1. Mahnung", 1);
    l.recipient[0] = "Łukasz Wrocław".into();
    let Some(pages) = pdf_pages(&letters_pdf(&[l]), "latin2.pdf") else {
        return;
    };
    assert!(pages[0].contains("?ukasz Wroc?aw"), "{}", pages[0]);
}

#[test]
fn no_letters_still_give_a_valid_file() {
    let pdf = letters_pdf(&[]);
    structure(&pdf, 1);
    if let Some(pages) = pdf_pages(&pdf, "empty.pdf") {
        assert!(pages.concat().trim().is_empty());
    }
}

/// The same letters give the same bytes: compared with the committed
/// golden; `LETTERS_BLESS=1` rewrites it.
#[test]
fn the_bytes_are_deterministic_golden() {
    let pdf = letters_pdf(&[letter("1. Mahnung", 3), letter("2. Mahnung", 1)]);
    assert_eq!(
        pdf,
        letters_pdf(&[letter("1. Mahnung", 3), letter("2. Mahnung", 1)])
    );
    let path = fixtures().join("two-letters.pdf");
    if std::env::var_os("LETTERS_BLESS").is_some() {
        std::fs::create_dir_all(fixtures()).expect("fixtures dir");
        std::fs::write(&path, &pdf).expect("golden written");
    }
    let expected = std::fs::read(&path).expect("golden file present");
    assert!(expected == pdf, "the PDF differs from {}", path.display());
}
