//! DATEV EXTF export (issue 19, part B): the DATEV settings command, a
//! golden export of a fixed set of postings compared byte for byte
//! (Windows-1252, CRLF, header), the refusals, the personal-account rule,
//! the ZIP, and a property: the rows of every entry re-sum to the entry
//! per account, a generated tax line counted on its base line's account.

use chrono::{NaiveDate, NaiveDateTime};
use kontor::formats::datev::export::{
    self, BUCHUNGSSTAPEL_FILE, ExportError, ExportRequest, LABELS_FILE, PARTNERS_FILE, Place,
    archive, partner_account, rows_of,
};
use kontor::ledger::costing::{CostCentre, CostingCommand, Dimension};
use kontor::ledger::gl::{Account, AccountType, DatevSettings, DatevSettingsError, GlCommand};
use kontor::ledger::partners::{BankAccount, Partner, PartnerKind, PartnersCommand};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, PartnerCode, Side, Timestamp};
use kontor::ledger::{Book, Command, DomainError};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;
use std::io::Read;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn pc(n: &str) -> PartnerCode {
    PartnerCode::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at(d(2024, 1, 2), 9, 30, 0).unwrap()
}

fn account(number: &str, name: &str, account_type: AccountType, parent: &str) -> Account {
    Account {
        number: a(number),
        name_de: name.into(),
        name_en: String::new(),
        account_type,
        postable: true,
        parent: Some(a(parent)),
        control: false,
        currency: kontor::ledger::gl::AccountCurrency::Local,
        active: true,
    }
}

fn settings() -> DatevSettings {
    DatevSettings {
        consultant: 29098,
        client: 55003,
        account_length: 4,
        lock: true,
    }
}

fn set_datev(b: &mut Book, s: DatevSettings) -> Result<(), DomainError> {
    b.execute(&Command::Gl(GlCommand::SetDatevSettings {
        settings: s,
        by: "anna".into(),
        at: at(),
    }))
    .map(|_| ())
}

fn request(from: NaiveDate, to: NaiveDate) -> ExportRequest {
    ExportRequest {
        from,
        to,
        created: NaiveDateTime::parse_from_str("2024-07-01 10:15:30.250", "%Y-%m-%d %H:%M:%S%.3f")
            .unwrap(),
        label: "Buchungen 1. Halbjahr".into(),
    }
}

fn line(account: &str, side: Side, amount: Decimal) -> LineDraft {
    match side {
        Side::Debit => LineDraft::debit_lc(a(account), amount),
        Side::Credit => LineDraft::credit_lc(a(account), amount),
    }
}

fn taxed(l: LineDraft, code: &str) -> LineDraft {
    LineDraft {
        tax_code: Some(code.into()),
        ..l
    }
}

fn gross(l: LineDraft, code: &str) -> LineDraft {
    LineDraft {
        gross: true,
        ..taxed(l, code)
    }
}

fn memo(l: LineDraft, text: &str) -> LineDraft {
    LineDraft {
        memo: text.into(),
        ..l
    }
}

fn post(b: &mut Book, date: NaiveDate, reference: &str, text: &str, lines: Vec<LineDraft>) {
    let mut draft = EntryDraft::new(date, "anna", lines);
    draft.reference = reference.into();
    draft.memo = text.into();
    b.execute(&Command::Posting(PostingCommand::PostEntry { draft }))
        .unwrap();
}

fn partner(code: &str, kind: PartnerKind, name: &str) -> Partner {
    Partner::new(pc(code), kind, name)
}

/// The golden company: SKR03, three partners, a cost centre, and entries
/// of every shape the export folds or splits.
fn golden_book() -> Book {
    use Side::{Credit as C, Debit as D};
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    set_datev(&mut b, settings()).unwrap();
    let mut krueger = partner("10001", PartnerKind::Customer, "Bäckerei Krüger KG");
    krueger.address.street = "Hafenstraße".into();
    krueger.address.house_number = "7".into();
    krueger.address.postcode = "20457".into();
    krueger.address.town = "Hamburg".into();
    krueger.vat_id = "DE136695976".into();
    krueger.contact.email = "buchhaltung@krueger.example".into();
    krueger.bank_accounts = vec![BankAccount {
        iban: "DE89370400440532013000".into(),
        bic: "COBADEFFXXX".into(),
        holder: String::new(),
        default: true,
    }];
    let mut szabo = partner("10002", PartnerKind::Customer, "Szabó Kőműves Kft.");
    szabo.address.street = "Fő utca".into();
    szabo.address.house_number = "12".into();
    szabo.address.postcode = "1011".into();
    szabo.address.town = "Budapest".into();
    szabo.address.country = "HU".into();
    szabo.vat_id = "HU12892312".into();
    let weber = partner("70001", PartnerKind::Vendor, "Mühle \"Weber\" GmbH");
    for p in [krueger, szabo, weber] {
        b.execute(&Command::Partners(PartnersCommand::CreatePartner {
            partner: Box::new(p),
            by: "anna".into(),
            at: at(),
        }))
        .unwrap();
    }
    b.execute(&Command::Costing(CostingCommand::DefineDimension {
        dimension: Dimension {
            number: 1,
            name_de: "Kostenstelle".into(),
            name_en: String::new(),
            active: true,
        },
    }))
    .unwrap();
    b.execute(&Command::Costing(CostingCommand::CreateCostCentre {
        centre: CostCentre {
            dimension: 1,
            code: "VERW".into(),
            name_de: "Verwaltung".into(),
            name_en: String::new(),
            active: true,
            valid_from: None,
            valid_to: None,
        },
    }))
    .unwrap();
    // 1. A sale at 19 %: the tax line folds into the revenue row as gross.
    post(
        &mut b,
        d(2024, 1, 15),
        "RE-2024-001",
        "Rechnung Brötchen Januar",
        vec![
            LineDraft::partner(pc("10001"), D, dec!(119.00)),
            taxed(line("8400", C, dec!(100.00)), "U19"),
        ],
    );
    // 2. A sale at 19 % and 7 %: two rows against the customer.
    post(
        &mut b,
        d(2024, 2, 3),
        "RE-2024-002",
        "Rechnung Februar",
        vec![
            LineDraft::partner(pc("10001"), D, dec!(226.00)),
            memo(taxed(line("8200", C, dec!(100.00)), "U19"), "Catering"),
            memo(taxed(line("8300", C, dec!(100.00)), "U7"), "Backwaren"),
        ],
    );
    // 3. A purchase, gross with input tax 19 %.
    post(
        &mut b,
        d(2024, 2, 10),
        "ER 88/24",
        "Büromaterial",
        vec![
            gross(line("4930", D, dec!(59.50)), "V19"),
            LineDraft::partner(pc("70001"), C, dec!(59.50)),
        ],
    );
    // 4. The customer pays by bank.
    post(
        &mut b,
        d(2024, 2, 20),
        "RE-2024-001",
        "Zahlung Krüger",
        vec![
            line("1200", D, dec!(119.00)),
            LineDraft::partner(pc("10001"), C, dec!(119.00)),
        ],
    );
    // 5. An intra-EU supply: tax-free, EU VAT id on the row.
    post(
        &mut b,
        d(2024, 3, 5),
        "RE-2024-003",
        "Lieferung nach Budapest (Kőbánya)",
        vec![
            LineDraft::partner(pc("10002"), D, dec!(500.00)),
            taxed(line("8125", C, dec!(500.00)), "IGL"),
        ],
    );
    // 6. An intra-EU acquisition: input and output tax net out; net row.
    post(
        &mut b,
        d(2024, 3, 12),
        "ER-IG-7",
        "Mehl aus Österreich",
        vec![
            taxed(line("3425", D, dec!(1000.00)), "IGE19"),
            LineDraft::partner(pc("70001"), C, dec!(1000.00)),
        ],
    );
    // 7. Rent on a cost centre (KOST1).
    let mut rent = line("4210", D, dec!(1500.00));
    rent.dims[0] = Some("VERW".into());
    post(
        &mut b,
        d(2024, 4, 1),
        "",
        "Miete April",
        vec![rent, line("1200", C, dec!(1500.00))],
    );
    // 8. Two debits against two credits of other amounts: split rows.
    post(
        &mut b,
        d(2024, 5, 31),
        "UM-1",
        "Umbuchung; \"Kasse\" und Privat",
        vec![
            line("1000", D, dec!(300.00)),
            line("1800", D, dec!(200.00)),
            line("1200", C, dec!(350.00)),
            line("1200", C, dec!(150.00)),
        ],
    );
    // Outside the range (July): not exported.
    post(
        &mut b,
        d(2024, 7, 2),
        "X",
        "Juli",
        vec![line("1000", D, dec!(1.00)), line("1200", C, dec!(1.00))],
    );
    b
}

fn golden_export() -> export::DatevExport {
    export::export(&golden_book(), &request(d(2024, 1, 1), d(2024, 6, 30))).unwrap()
}

fn file<'a>(e: &'a export::DatevExport, name: &str) -> &'a [u8] {
    &e.files.iter().find(|f| f.name == name).unwrap().bytes
}

fn cp1252(bytes: &[u8]) -> String {
    let (text, _, bad) = encoding_rs::WINDOWS_1252.decode(bytes);
    assert!(!bad);
    text.into_owned()
}

const GOLDEN: &str = "tests/fixtures/datev/golden";

/// Compares with the golden file; `KONTOR_BLESS=1` writes it instead.
fn assert_golden(name: &str, bytes: &[u8]) {
    let path = format!("{GOLDEN}/{name}");
    if std::env::var("KONTOR_BLESS").is_ok() {
        std::fs::write(&path, bytes).unwrap();
    }
    let want = std::fs::read(&path).unwrap();
    assert!(
        want == bytes,
        "{name} differs from the golden file:\n{}",
        cp1252(bytes)
    );
}

#[test]
fn the_golden_postings_export_byte_for_byte() {
    let e = golden_export();
    assert_golden(BUCHUNGSSTAPEL_FILE, file(&e, BUCHUNGSSTAPEL_FILE));
    assert_golden(LABELS_FILE, file(&e, LABELS_FILE));
    assert_golden(PARTNERS_FILE, file(&e, PARTNERS_FILE));
    assert_eq!(
        (
            e.counts.entries,
            e.counts.rows,
            e.counts.accounts,
            e.counts.partners
        ),
        (8, 11, 10, 3)
    );
}

#[test]
fn every_file_is_windows_1252_with_crlf_and_an_extf_700_header() {
    let e = golden_export();
    for (f, category, name) in [
        (BUCHUNGSSTAPEL_FILE, "21", "\"Buchungsstapel\""),
        (LABELS_FILE, "20", "\"Kontenbeschriftungen\""),
        (PARTNERS_FILE, "16", "\"Debitoren/Kreditoren\""),
    ] {
        let bytes = file(&e, f);
        // Every line ends in CRLF; no bare LF.
        assert!(bytes.ends_with(b"\r\n"), "{f}");
        for (i, b) in bytes.iter().enumerate() {
            if *b == b'\n' {
                assert_eq!(bytes[i - 1], b'\r', "{f} byte {i}");
            }
        }
        let text = cp1252(bytes);
        let header: Vec<&str> = text.lines().next().unwrap().split(';').collect();
        assert_eq!(header.len(), 31, "{f}");
        assert_eq!(&header[..4], &["\"EXTF\"", "700", category, name]);
        assert_eq!(header[5], "20240701101530250");
        assert_eq!((header[10], header[11]), ("29098", "55003"));
        assert_eq!((header[12], header[13]), ("20240101", "4"));
        assert_eq!(header[26], "\"03\"");
        if category == "21" {
            assert_eq!((header[14], header[15]), ("20240101", "20240630"));
            assert_eq!(header[16], "\"Buchungen 1. Halbjahr\"");
            assert_eq!((header[18], header[20], header[21]), ("1", "1", "\"EUR\""));
        } else {
            assert_eq!((header[14], header[15], header[20]), ("", "", ""));
        }
    }
    // German letters are single Windows-1252 bytes.
    let stapel = file(&e, BUCHUNGSSTAPEL_FILE);
    assert!(
        stapel.windows(2).any(|w| w == b"\xF6t"),
        "ö of Brötchen as 0xF6"
    );
}

/// The Buchungsstapel's rows as (title → field) maps.
fn rows(e: &export::DatevExport) -> Vec<BTreeMap<String, String>> {
    let text = cp1252(file(e, BUCHUNGSSTAPEL_FILE));
    let mut lines = text.split("\r\n");
    lines.next();
    let titles: Vec<String> = lines.next().unwrap().split(';').map(String::from).collect();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            // No `;` inside the golden texts except entry 8's, quoted.
            let mut fields = Vec::new();
            let (mut cur, mut quoted) = (String::new(), false);
            for c in l.chars() {
                match c {
                    '"' => quoted = !quoted,
                    ';' if !quoted => fields.push(std::mem::take(&mut cur)),
                    c => cur.push(c),
                }
            }
            fields.push(cur);
            assert_eq!(fields.len(), titles.len());
            titles.iter().cloned().zip(fields).collect()
        })
        .collect()
}

#[test]
fn rows_fold_tax_into_gross_with_the_bu_key_and_name_partners_by_number() {
    let e = golden_export();
    let rows = rows(&e);
    let f = |r: &BTreeMap<String, String>, t: &str| r[t].clone();
    let pick = |r: &BTreeMap<String, String>| {
        (
            f(r, "Umsatz (ohne Soll/Haben-Kz)"),
            f(r, "Soll/Haben-Kennzeichen"),
            f(r, "Konto"),
            f(r, "Gegenkonto (ohne BU-Schlüssel)"),
            f(r, "BU-Schlüssel"),
            f(r, "Belegdatum"),
            f(r, "Belegfeld 1"),
        )
    };
    let s = |x: &str| x.to_string();
    // Sale: the customer's personal account 10001 against 8400, gross; 8400
    // is a DATEV automatic account for U19, so DATEV takes the tax from the
    // account and the row carries no BU key.
    assert_eq!(
        pick(&rows[0]),
        (
            s("119,00"),
            s("S"),
            s("10001"),
            s("8400"),
            s(""),
            s("1501"),
            s("RE-2024-001")
        )
    );
    assert_eq!(f(&rows[0], "Buchungstext"), "Rechnung Brötchen Januar");
    // Mixed sale: one row per rate, gross; 8200 is no automatic account
    // (BU 3), 8300 is the automatic account for U7 (no key).
    assert_eq!(pick(&rows[1]).0, "119,00");
    assert_eq!(f(&rows[1], "BU-Schlüssel"), "3");
    assert_eq!(pick(&rows[2]).0, "107,00");
    assert_eq!(
        (f(&rows[2], "BU-Schlüssel"), f(&rows[2], "Buchungstext")),
        (s(""), s("Backwaren"))
    );
    // Purchase: vendor 70001 credited, 4930 with input tax 19 % (BU 9).
    assert_eq!(
        pick(&rows[3]),
        (
            s("59,50"),
            s("H"),
            s("70001"),
            s("4930"),
            s("9"),
            s("1002"),
            s("ER88/24")
        )
    );
    // Intra-EU supply: the VAT id of the Hungarian customer on the row.
    assert_eq!(f(&rows[5], "EU-Land u. USt-IdNr."), "HU12892312");
    // Acquisition: net (the self-assessed taxes cancel), rate 19 %.
    assert_eq!(pick(&rows[6]).0, "1000,00");
    assert_eq!(f(&rows[6], "EU-Steuersatz"), "19,00");
    // Rent: cost centre VERW in KOST1, no reference → the entry number.
    assert_eq!(f(&rows[7], "KOST1 – Kostenstelle"), "VERW");
    assert_eq!(f(&rows[7], "Belegfeld 1"), "7");
    // 300 + 200 against 350 + 150: 300|350, 50|350→… three rows.
    let split: Vec<_> = rows[8..11]
        .iter()
        .map(pick)
        .map(|p| (p.0, p.2, p.3))
        .collect();
    assert_eq!(
        split,
        [
            (s("300,00"), s("1000"), s("1200")),
            (s("50,00"), s("1800"), s("1200")),
            (s("150,00"), s("1800"), s("1200")),
        ]
    );
}

#[test]
fn characters_outside_windows_1252_are_transliterated_and_listed() {
    let e = golden_export();
    let places: Vec<(Place, char, &str)> = e
        .replaced
        .iter()
        .map(|r| (r.place.clone(), r.found, r.written))
        .collect();
    assert!(places.contains(&(
        Place::Entry {
            year: 2024,
            number: 5
        },
        'ő',
        "o"
    )));
    assert!(places.contains(&(Place::Partner(pc("10002")), 'ő', "o")));
    assert_eq!(e.replaced_count, e.replaced.len());
    let partners = cp1252(file(&e, PARTNERS_FILE));
    assert!(partners.contains("\"Szabó Komuves Kft.\""));
    // A quote in a name is doubled.
    assert!(partners.contains("\"Mühle \"\"Weber\"\" GmbH\""));
}

#[test]
fn the_zip_holds_the_three_files() {
    let e = golden_export();
    let created = request(d(2024, 1, 1), d(2024, 6, 30)).created;
    let bytes = archive::zip(&e, created).unwrap();
    assert_eq!(bytes, archive::zip(&e, created).unwrap(), "deterministic");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    assert_eq!(names, [BUCHUNGSSTAPEL_FILE, LABELS_FILE, PARTNERS_FILE]);
    let mut inner = Vec::new();
    zip.by_name(BUCHUNGSSTAPEL_FILE)
        .unwrap()
        .read_to_end(&mut inner)
        .unwrap();
    assert_eq!(inner, file(&e, BUCHUNGSSTAPEL_FILE));
}

// ----- settings -----

#[test]
fn datev_settings_are_checked_and_kept() {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    assert_eq!(b.gl().datev_settings(), None);
    let refused = |b: &mut Book, s: DatevSettings| match set_datev(b, s) {
        Err(DomainError::Gl(kontor::ledger::gl::GlError::Datev(e))) => e,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let with = |f: fn(&mut DatevSettings)| {
        let mut s = settings();
        f(&mut s);
        s
    };
    assert_eq!(
        refused(&mut b, with(|s| s.consultant = 1000)),
        DatevSettingsError::Consultant {
            value: 1000,
            min: 1001,
            max: 9_999_999
        }
    );
    assert_eq!(
        refused(&mut b, with(|s| s.consultant = 10_000_000)),
        DatevSettingsError::Consultant {
            value: 10_000_000,
            min: 1001,
            max: 9_999_999
        }
    );
    assert_eq!(
        refused(&mut b, with(|s| s.client = 0)),
        DatevSettingsError::Client {
            value: 0,
            min: 1,
            max: 99_999
        }
    );
    assert_eq!(
        refused(&mut b, with(|s| s.client = 100_000)),
        DatevSettingsError::Client {
            value: 100_000,
            min: 1,
            max: 99_999
        }
    );
    assert_eq!(
        refused(&mut b, with(|s| s.account_length = 3)),
        DatevSettingsError::AccountLength {
            value: 3,
            min: 4,
            max: 8
        }
    );
    assert_eq!(
        refused(&mut b, with(|s| s.account_length = 9)),
        DatevSettingsError::AccountLength {
            value: 9,
            min: 4,
            max: 8
        }
    );
    assert_eq!(b.gl().datev_settings(), None, "a refusal changes nothing");
    set_datev(&mut b, settings()).unwrap();
    assert_eq!(b.gl().datev_settings(), Some(&settings()));
    // A five-digit account needs length 5.
    b.execute(&Command::Gl(GlCommand::CreateAccount {
        account: account("48001", "Sonderkonto", AccountType::Expense, "4"),
    }))
    .unwrap();
    assert_eq!(
        refused(&mut b, settings()),
        DatevSettingsError::AccountTooLong {
            account: a("48001"),
            length: 4
        }
    );
    set_datev(
        &mut b,
        DatevSettings {
            account_length: 5,
            lock: false,
            ..settings()
        },
    )
    .unwrap();
    assert_eq!(
        b.gl().datev_settings().map(|s| (s.account_length, s.lock)),
        Some((5, false))
    );
}

#[test]
fn the_export_refuses_without_settings_and_across_fiscal_years() {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    let r = request(d(2024, 1, 1), d(2024, 12, 31));
    assert_eq!(export::export(&b, &r), Err(ExportError::NoSettings));
    set_datev(&mut b, settings()).unwrap();
    assert_eq!(
        export::export(&b, &request(d(2024, 6, 1), d(2025, 1, 31))),
        Err(ExportError::AcrossYears {
            from: d(2024, 6, 1),
            to: d(2025, 1, 31),
            year_start: d(2024, 1, 1)
        })
    );
    assert_eq!(
        export::export(&b, &request(d(2024, 6, 2), d(2024, 6, 1))),
        Err(ExportError::EmptyRange {
            from: d(2024, 6, 2),
            to: d(2024, 6, 1)
        })
    );
    // An empty year exports headers and titles only.
    let e = export::export(&b, &r).unwrap();
    assert_eq!(e.counts.rows, 0);
    assert_eq!(cp1252(file(&e, BUCHUNGSSTAPEL_FILE)).lines().count(), 2);
}

#[test]
fn a_longer_account_length_widens_partner_numbers_and_refuses_nothing_else() {
    assert_eq!(partner_account(pc("10001"), 4), Some(10001));
    assert_eq!(partner_account(pc("10001"), 5), Some(100_001));
    assert_eq!(partner_account(pc("70001"), 5), Some(700_001));
    assert_eq!(partner_account(pc("69999"), 8), Some(600_009_999));
    let mut b = golden_book();
    set_datev(
        &mut b,
        DatevSettings {
            account_length: 5,
            ..settings()
        },
    )
    .unwrap();
    let e = export::export(&b, &request(d(2024, 1, 1), d(2024, 6, 30))).unwrap();
    let rows = rows(&e);
    assert_eq!(rows[0]["Konto"], "100001");
    assert_eq!(rows[3]["Konto"], "700001");
    assert!(cp1252(file(&e, PARTNERS_FILE)).contains("\r\n100002;\"Szab"));
}

#[test]
fn an_account_with_letters_is_refused_with_its_entry() {
    let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
    set_datev(&mut b, settings()).unwrap();
    b.execute(&Command::Gl(GlCommand::CreateAccount {
        account: account("K100", "Kasse Filiale", AccountType::Asset, "1"),
    }))
    .unwrap();
    post(
        &mut b,
        d(2024, 3, 1),
        "",
        "Einlage",
        vec![
            line("K100", Side::Debit, dec!(10)),
            line("1200", Side::Credit, dec!(10)),
        ],
    );
    assert_eq!(
        export::export(&b, &request(d(2024, 1, 1), d(2024, 12, 31))),
        Err(ExportError::AccountNotNumeric {
            year: 2024,
            number: 1,
            account: a("K100")
        })
    );
}

// ----- property: rows re-sum to the entry -----

/// Per DATEV account (a partner's personal account for partner lines),
/// debit-positive sums of the entry, a generated tax line counted on its
/// base line's account.
fn entry_sums(entry: &kontor::ledger::types::PostedEntry) -> BTreeMap<String, Decimal> {
    let key = |l: &kontor::ledger::types::Line| match l.partner_code() {
        Some(p) => partner_account(p, 4).unwrap().to_string(),
        None => l.account.to_string(),
    };
    let mut sums = BTreeMap::new();
    for l in &entry.lines {
        let k = match l.tax() {
            Some(t) => key(&entry.lines[usize::from(t.base_line)]),
            None => key(l),
        };
        *sums.entry(k).or_insert(Decimal::ZERO) += l.side.sign(l.amount_lc);
    }
    sums.retain(|_, v| !v.is_zero());
    sums
}

fn row_sums(rows: &[export::Row]) -> BTreeMap<String, Decimal> {
    let mut sums = BTreeMap::new();
    for r in rows {
        assert!(r.amount > Decimal::ZERO);
        assert_ne!(r.account, r.counter.clone() + "x");
        *sums.entry(r.account.clone()).or_insert(Decimal::ZERO) += r.side.sign(r.amount);
        *sums.entry(r.counter.clone()).or_insert(Decimal::ZERO) -= r.side.sign(r.amount);
    }
    sums.retain(|_, v| !v.is_zero());
    sums
}

const CODES: [Option<&str>; 6] = [
    None,
    Some("U19"),
    Some("U7"),
    Some("V19"),
    Some("IGE19"),
    Some("RC19"),
];
const ACCOUNTS: [&str; 6] = ["8400", "4930", "1200", "1000", "3425", "4210"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn rows_re_sum_to_every_entry(
        entries in prop::collection::vec(
            prop::collection::vec((0usize..8, 1u32..100_000, 0usize..6, any::<bool>()), 1..6),
            1..8,
        )
    ) {
        let (mut b, _) = Book::set_up(&sample_setup(2024)).unwrap();
        set_datev(&mut b, settings()).unwrap();
        for (code, kind) in [("10001", PartnerKind::Customer), ("70001", PartnerKind::Vendor)] {
            b.execute(&Command::Partners(PartnersCommand::CreatePartner {
                partner: Box::new(partner(code, kind, "P")),
                by: "anna".into(),
                at: at(),
            })).unwrap();
        }
        for lines in &entries {
            // Debit lines as drawn; one credit line (bank or a partner)
            // of their total, so every draft balances before tax.
            let mut drafts = Vec::new();
            let mut total = Decimal::ZERO;
            for (acc, cents, code, debit) in lines {
                let amount = Decimal::new(i64::from(*cents), 2);
                let mut l = match acc {
                    6 => LineDraft::partner(pc("10001"), Side::Debit, amount),
                    7 => LineDraft::partner(pc("70001"), Side::Debit, amount),
                    i => line(ACCOUNTS[*i], Side::Debit, amount),
                };
                if *acc < 6 {
                    l.tax_code = CODES[*code].map(String::from);
                    l.gross = *debit;
                }
                total += amount;
                drafts.push(l);
            }
            drafts.push(line("1200", Side::Credit, total));
            let draft = EntryDraft::new(d(2024, 5, 1), "anna", drafts);
            // The engine may refuse a draw (e.g. a gross line that leaves
            // the entry unbalanced); only posted entries are exported.
            let _ = b.execute(&Command::Posting(PostingCommand::PostEntry { draft }));
        }
        for entry in b.entries() {
            match rows_of(&b, entry, 4) {
                Ok(rows) => prop_assert_eq!(row_sums(&rows), entry_sums(entry)),
                Err(ExportError::TwoTaxCodes { .. }) => {}
                Err(e) => prop_assert!(false, "unexpected refusal {e:?}"),
            }
        }
    }
}

// ----- round trip through helper C's reader -----

#[test]
fn the_export_reads_back_through_the_datev_reader_to_the_same_rows() {
    use kontor::formats::datev::read::{Side as DSide, read};
    let b = golden_book();
    let r = request(d(2024, 1, 1), d(2024, 6, 30));
    let e = export::export(&b, &r).unwrap();
    let stapel = read(file(&e, BUCHUNGSSTAPEL_FILE)).unwrap();
    assert!(stapel.refused.is_empty(), "{:?}", stapel.refused);
    assert_eq!(stapel.header.adviser, 29098);
    assert_eq!(stapel.header.client, 55003);
    assert_eq!(stapel.header.account_length, 4);
    assert_eq!(stapel.header.locked, Some(true));
    assert_eq!(
        (stapel.header.date_from, stapel.header.date_to),
        (Some(r.from), Some(r.to))
    );
    // The rows as the export made them, entry by entry.
    let want: Vec<export::Row> = b
        .entries()
        .iter()
        .filter(|x| x.posting_date >= r.from && x.posting_date <= r.to)
        .flat_map(|x| rows_of(&b, x, 4).unwrap())
        .collect();
    assert_eq!(stapel.bookings.len(), want.len());
    for (got, want) in stapel.bookings.iter().zip(&want) {
        let side = match got.side {
            DSide::Debit => Side::Debit,
            DSide::Credit => Side::Credit,
        };
        assert_eq!(
            (
                got.amount,
                side,
                got.account.as_str(),
                got.contra.as_str(),
                got.bu_key.map(|k| k.0),
                got.date,
                got.doc1.as_str(),
            ),
            (
                want.amount,
                want.side,
                want.account.as_str(),
                want.counter.as_str(),
                want.bu,
                want.date,
                want.document.as_str(),
            ),
            "line {}",
            got.line
        );
        // Texts come back as written: Windows-1252, transliterated.
        assert_eq!(got.text, want.text.replace('ő', "o"));
        assert_eq!(got.cost1, want.kost1.clone().unwrap_or_default());
        assert_eq!(got.eu_vat_id, want.eu_vat_id.clone().unwrap_or_default());
        assert_eq!(got.eu_rate, want.eu_rate);
        assert_eq!(got.currency, "EUR");
    }
    // The labels file reads back to the accounts' names.
    let labels = read(file(&e, LABELS_FILE)).unwrap();
    assert_eq!(labels.labels.len(), 10);
    assert_eq!(
        (
            labels.labels[1].account.as_str(),
            labels.labels[1].label.as_str()
        ),
        ("1200", "Bank")
    );
    // And the partners file is an EXTF file of category 16 the reader takes.
    let partners = read(file(&e, PARTNERS_FILE)).unwrap();
    assert_eq!(partners.rows.len(), 3);
}

// ----- the demo company -----

#[test]
fn the_demo_year_exports_and_every_entry_re_sums() {
    use kontor::demo::{self, DemoSpec};
    use kontor::ledger::gl::ChartTemplate;
    for chart in [ChartTemplate::Skr03, ChartTemplate::Skr04] {
        let spec = DemoSpec {
            chart,
            entries: 600,
            ..DemoSpec::one_year(2024)
        };
        let mut b = demo::build(&spec, |_, _| {}).unwrap().0;
        set_datev(&mut b, settings()).unwrap();
        let year = b.calendar().fiscal_years().last().unwrap().year;
        let r = request(d(year, 1, 1), d(year, 12, 31));
        let e = export::export(&b, &r).unwrap();
        let in_range: Vec<_> = b
            .entries()
            .iter()
            .filter(|x| x.posting_date >= r.from && x.posting_date <= r.to)
            .collect();
        assert!(in_range.len() >= 600, "{chart:?}: {}", in_range.len());
        assert_eq!(e.counts.entries, in_range.len());
        assert_eq!(e.counts.partners, b.partners().len());
        let mut rows = 0;
        for entry in in_range {
            let r = rows_of(&b, entry, 4).unwrap();
            assert_eq!(row_sums(&r), entry_sums(entry), "entry {}", entry.number);
            rows += r.len();
        }
        assert_eq!(e.counts.rows, rows);
        let read = kontor::formats::datev::read::read(file(&e, BUCHUNGSSTAPEL_FILE)).unwrap();
        assert!(read.refused.is_empty(), "{:?}", read.refused.first());
        assert_eq!(read.bookings.len(), rows);
        assert_eq!(e.replaced_count, 0, "{:?}", e.replaced.first());
    }
}
