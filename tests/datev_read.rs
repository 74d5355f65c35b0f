//! The DATEV EXTF reader against DATEV samples (tests/fixtures/datev/,
//! MIT, Georg Ledermann's `datev` gem) and hand-made faults.

use chrono::NaiveDate;
use kontor::formats::datev::bu::BuKey;
use kontor::formats::datev::header::{Category, ExtfHeader};
use kontor::formats::datev::read::{Side, read, split_records};
use kontor::formats::datev::{DatevError, Expected};
use rust_decimal_macros::dec;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/datev/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture present")
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn first_line(bytes: &[u8]) -> &[u8] {
    let end = bytes.windows(2).position(|w| w == b"\r\n").expect("CRLF");
    &bytes[..end]
}

#[test]
fn the_buchungsstapel_sample_reads_with_its_header_and_rows() {
    let file = read(&fixture("EXTF_Buchungsstapel.csv")).expect("reads");
    let h = &file.header;
    assert_eq!(h.marker, "EXTF");
    assert_eq!(h.version, 700);
    assert_eq!(h.category, Category::Bookings);
    assert_eq!(h.format_version, 9);
    assert_eq!(h.created, "20180306102500000");
    assert_eq!(h.origin, "XY");
    assert_eq!(h.exported_by, "Chief Accounting Officer");
    assert_eq!(h.adviser, 1001);
    assert_eq!(h.client, 456);
    assert_eq!(h.fiscal_year_start, d(2018, 1, 1));
    assert_eq!(h.account_length, 4);
    assert_eq!(h.date_from, Some(d(2018, 2, 1)));
    assert_eq!(h.date_to, Some(d(2018, 2, 28)));
    assert_eq!(h.label, "Beispiel-Buchungen");
    assert_eq!(h.booking_type, Some(1));
    assert_eq!(h.locked, Some(false));
    assert_eq!(h.currency, "EUR");
    assert_eq!(file.columns.len(), 120);
    assert!(file.refused.is_empty(), "{:?}", file.refused);
    assert_eq!(file.bookings.len(), 2);
    let first = &file.bookings[0];
    assert_eq!(first.line, 3);
    assert_eq!(first.amount, dec!(24.95));
    assert_eq!(first.side, Side::Credit);
    assert_eq!(first.account, "1200");
    assert_eq!(first.contra, "4940");
    assert_eq!(first.bu_key, Some(BuKey(8)));
    assert_eq!(first.date, d(2018, 2, 21));
    assert_eq!(first.text, "Fachbuch: Controlling für Dummies");
    let last = &file.bookings[1];
    assert_eq!(last.line, 4);
    assert_eq!(last.amount, dec!(5950.00));
    assert_eq!(last.side, Side::Debit);
    assert_eq!(last.account, "10000");
    assert_eq!(last.contra, "8400");
    assert_eq!(last.bu_key, None);
    assert_eq!(last.date, d(2018, 2, 22));
    assert_eq!(last.doc1, "RE201802-135");
    assert_eq!(last.text, "Honorar FiBu-Seminar");
}

#[test]
fn the_label_and_partner_samples_read() {
    let labels = read(&fixture("EXTF_Kontenbeschriftungen.csv")).expect("reads");
    assert_eq!(labels.header.category, Category::AccountLabels);
    assert_eq!(labels.header.format_version, 2);
    assert_eq!(labels.header.label, "Beispiel-Konten");
    assert_eq!(labels.header.date_from, None);
    assert_eq!(labels.labels.len(), 3);
    assert_eq!(labels.labels[0].account, "400");
    assert_eq!(labels.labels[0].label, "Betriebsausstattung");
    assert_eq!(labels.labels[2].account, "1200");
    assert_eq!(labels.labels[2].label, "Girokonto");
    assert_eq!(labels.labels[2].language, "de-DE");

    let partners = read(&fixture("EXTF_Stammdaten.csv")).expect("reads");
    assert_eq!(partners.header.category, Category::Partners);
    assert_eq!(partners.header.format_version, 5);
    assert_eq!(partners.header.label, "Kunden und Lieferanten");
    assert!(partners.refused.is_empty(), "{:?}", partners.refused);
    assert_eq!(partners.rows.len(), 4);
    let (line, first) = &partners.rows[0];
    assert_eq!(*line, 3);
    assert_eq!(first[0], "10000");
    assert_eq!(first[3], "Mustermann");
    assert_eq!(first[18], "Köln");
    let (_, last) = &partners.rows[3];
    assert_eq!(last[0], "70003");
    assert_eq!(last[1], "Scary Kitten  AG");
}

#[test]
fn to_line_writes_every_sample_header_byte_for_byte() {
    for name in [
        "EXTF_Buchungsstapel.csv",
        "EXTF_Kontenbeschriftungen.csv",
        "EXTF_Stammdaten.csv",
    ] {
        let bytes = fixture(name);
        let file = read(&bytes).expect("reads");
        let line = file.header.to_line();
        let (encoded, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&line);
        assert!(!unmappable);
        assert_eq!(&encoded[..], first_line(&bytes), "{name}");
    }
}

#[test]
fn a_new_header_parses_back_to_itself() {
    let mut h = ExtfHeader::new(Category::Bookings, 29098, 55003, d(2026, 1, 1), 4);
    h.date_from = Some(d(2026, 1, 1));
    h.date_to = Some(d(2026, 3, 31));
    h.label = "Kontor \"Q1\" 2026".into();
    h.locked = Some(true);
    h.booking_type = Some(1);
    h.currency = "EUR".into();
    h.created = "20260401120000000".into();
    h.origin = "KO".into();
    let line = h.to_line();
    let records = split_records(&line).expect("splits");
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].fields.len(), 31);
    assert_eq!(ExtfHeader::parse(&records[0].fields), Ok(h));
}

fn sample_with(rows: &str) -> Vec<u8> {
    let bytes = fixture("EXTF_Buchungsstapel.csv");
    let text = encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned();
    let mut lines = text.split("\r\n");
    let header = lines.next().expect("header");
    let titles = lines.next().expect("titles");
    let mut out = format!("{header}\r\n{titles}\r\n");
    for r in rows.lines() {
        out.push_str(r);
        out.push_str("\r\n");
    }
    encoding_rs::WINDOWS_1252.encode(&out).0.into_owned()
}

fn refused(rows: &str) -> Vec<DatevError> {
    read(&sample_with(rows)).expect("file reads").refused
}

#[test]
fn bad_rows_are_refused_with_line_column_value_and_expectation() {
    let errs = refused(
        "24,95;\"H\";\"\";;;\"\";1200;4940;\"8\";2102;\"\"\n\
         0,00;\"H\";\"\";;;\"\";1200;4940;\"\";2102\n\
         1.000,00;\"H\";\"\";;;\"\";1200;4940;\"\";2102\n\
         10,00;\"X\";\"\";;;\"\";1200;4940;\"\";2102\n\
         10,00;\"S\";\"\";;;\"\";12a0;4940;\"\";2102\n\
         10,00;\"S\";\"\";;;\"\";1200;4940;\"4\";2102\n\
         10,00;\"S\";\"\";;;\"\";1200;4940;\"\";3102\n\
         10,00;\"S\";\"\";;;\"\";1200;4940;\"\";1503\n\
         10,00;\"S\";\"\";;;\"\";1200;4940;\"\";\n\
         10,001;\"S\";\"\";;;\"\";1200;4940;\"\";2102\n\
         10,00;\"S\";\"\";;;\"\";1200;4940;\"\";102",
    );
    let got: Vec<(usize, &str, Expected)> = errs
        .iter()
        .map(|e| (e.line, e.column.as_str(), e.expected.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (4, "Umsatz (ohne Soll/Haben-Kz)", Expected::PositiveAmount),
            (5, "Umsatz (ohne Soll/Haben-Kz)", Expected::PositiveAmount),
            (6, "Soll/Haben-Kennzeichen", Expected::Side),
            (7, "Konto", Expected::AccountNumber { len: 4 }),
            (8, "BU-Schlüssel", Expected::KnownBuKey),
            (9, "Belegdatum", Expected::BelegDate),
            (
                10,
                "Belegdatum",
                Expected::DateInRange {
                    from: "01.02.2018".into(),
                    to: "28.02.2018".into()
                }
            ),
            (11, "Belegdatum", Expected::BelegDate),
            (12, "Umsatz (ohne Soll/Haben-Kz)", Expected::PositiveAmount),
        ]
    );
    // Line 13: "102" is 1 February (DATEV drops the leading zero).
    let file = read(&sample_with("10,00;\"S\";\"\";;;\"\";1200;4940;\"\";102")).expect("reads");
    assert_eq!(file.bookings[0].date, d(2018, 2, 1));
    assert_eq!(errs[3].value, "12a0");
}

#[test]
fn quotes_semicolons_and_line_breaks_inside_a_text_field() {
    let file = read(&sample_with(
        "10,00;\"S\";\"\";;;\"\";1200;4940;\"\";2102;\"RE;1\";\"\";;\"Er sagte \"\"Hallo\"\"\nzweite Zeile\"\n\
         11,00;\"S\";\"\";;;\"\";1200;4940;\"\";2102",
    ))
    .expect("reads");
    assert!(file.refused.is_empty(), "{:?}", file.refused);
    assert_eq!(file.bookings[0].doc1, "RE;1");
    assert_eq!(file.bookings[0].text, "Er sagte \"Hallo\"\r\nzweite Zeile");
    assert_eq!(file.bookings[1].line, 5);
}

#[test]
fn a_full_year_date_and_utf8_with_bom_read() {
    let text = String::from_utf8(
        encoding_rs::WINDOWS_1252
            .decode(&sample_with(
                "10,00;\"S\";\"\";;;\"\";1200;4940;\"\";28022018;\"\";\"\";;\"Größe\"",
            ))
            .0
            .into_owned()
            .into_bytes(),
    )
    .expect("utf8");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let file = read(&bytes).expect("reads");
    assert_eq!(file.bookings[0].date, d(2018, 2, 28));
    assert_eq!(file.bookings[0].text, "Größe");
}

#[test]
fn header_faults_refuse_the_file() {
    let bytes = fixture("EXTF_Buchungsstapel.csv");
    let text = encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned();
    let cases: [(&str, &str, &str, Expected); 5] = [
        (
            "\"EXTF\";700;21",
            "\"XTF\";700;21",
            "Kennzeichen",
            Expected::Marker,
        ),
        (
            "\"EXTF\";700;21",
            "\"EXTF\";510;21",
            "Versionsnummer",
            Expected::Version700,
        ),
        (
            "\"EXTF\";700;21",
            "\"EXTF\";700;22",
            "Formatkategorie",
            Expected::KnownCategory,
        ),
        (
            ";1001;456;",
            ";99;456;",
            "Berater",
            Expected::Range {
                min: 1001,
                max: 9_999_999,
            },
        ),
        (
            ";20180201;20180228;",
            ";20180201;20180230;",
            "Datum bis",
            Expected::DateYmd,
        ),
    ];
    for (from, to, column, expected) in cases {
        let changed = text.replacen(from, to, 1);
        let err = read(&encoding_rs::WINDOWS_1252.encode(&changed).0).expect_err(column);
        assert_eq!(
            (err.line, err.column.as_str(), err.expected),
            (1, column, expected)
        );
    }
    let no_amount = text.replacen("Umsatz (ohne Soll/Haben-Kz)", "Betrag", 1);
    let err = read(&encoding_rs::WINDOWS_1252.encode(&no_amount).0).expect_err("column");
    assert_eq!((err.line, err.expected), (2, Expected::Column));
    assert!(read(b"").is_err());
    let unclosed = read(b"\"EXTF;700").expect_err("quote");
    assert_eq!(unclosed.expected, Expected::ClosedQuote);
}
