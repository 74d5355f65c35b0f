//! The e-invoice reader (issue 19) against the XRechnung test suite's
//! business cases (UBL and CII pairs, `tests/fixtures/xrechnung/`), the
//! EN 16931 totals check, malformed files, ZUGFeRD PDFs and arbitrary bytes.

use kontor::formats::einvoice::error::Expected;
use kontor::formats::einvoice::{
    self, Container, EInvoiceErrorKind, Invoice, Location, Syntax, totals,
};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xrechnung")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every business case: (case, UBL file name, CII file name).
fn pairs() -> Vec<(String, String, String)> {
    let mut cases: Vec<String> = std::fs::read_dir(fixtures())
        .expect("fixture folder")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix("_ubl.xml").map(str::to_string))
        .collect();
    cases.sort();
    cases
        .into_iter()
        .map(|case| {
            let ubl = format!("{case}_ubl.xml");
            let cii = format!("{case}_uncefact.xml");
            assert!(fixtures().join(&cii).exists(), "{cii} missing");
            (case, ubl, cii)
        })
        .collect()
}

fn read(name: &str) -> Invoice {
    einvoice::read(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_suite_has_all_its_business_cases() {
    assert_eq!(pairs().len(), 33);
}

#[test]
fn every_business_case_reads_in_both_syntaxes() {
    for (_, ubl, cii) in pairs() {
        let u = read(&ubl);
        let c = read(&cii);
        assert_eq!(u.syntax, Syntax::Ubl, "{ubl}");
        assert_eq!(c.syntax, Syntax::Cii, "{cii}");
        assert_eq!(u.container, Container::Xml);
        assert!(!u.lines.is_empty(), "{ubl} has no lines");
        assert!(!u.vat_breakdown.is_empty(), "{ubl} has no VAT breakdown");
    }
}

/// Where the suite's own UBL and CII files of a case disagree (the
/// samples are kept unchanged; these are faults of the samples, not of the
/// reader): (case, what).
const SAMPLE_DIFFERENCES: &[(&str, &str)] = &[
    // The UBL file gives the seller's VAT id as "DE 123456789", the CII file
    // as "DE152338654".
    ("01.21a-INVOICE", "seller VAT id"),
];

/// Every figure of the two files that differs, as (case, what).
fn differences(case: &str, u: &Invoice, c: &Invoice) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut same = |what: &str, equal: bool| {
        if !equal {
            out.push((case.to_string(), what.to_string()));
        }
    };
    same("totals", u.totals == c.totals);
    same("number", u.number == c.number);
    same("issue date", u.issue_date == c.issue_date);
    same("due date", u.due_date == c.due_date);
    same("type code", u.type_code == c.type_code);
    same("currency", u.currency == c.currency);
    same("seller VAT id", u.seller.vat_id == c.seller.vat_id);
    same("buyer VAT id", u.buyer.vat_id == c.buyer.vat_id);
    same("seller name", u.seller.name == c.seller.name);
    same("buyer name", u.buyer.name == c.buyer.name);
    same("line count", u.lines.len() == c.lines.len());
    same("IBAN", u.seller_iban() == c.seller_iban());
    let rates = |i: &Invoice| -> Vec<(String, Decimal, Decimal, Decimal)> {
        i.vat_breakdown
            .iter()
            .map(|b| {
                (
                    b.category.clone(),
                    b.rate.unwrap_or_default(),
                    b.base,
                    b.tax,
                )
            })
            .collect()
    };
    same("VAT breakdown", rates(u) == rates(c));
    let lines = |i: &Invoice| -> Vec<(Decimal, Decimal, String)> {
        i.lines
            .iter()
            .map(|l| (l.net_amount, l.quantity, l.vat_category.clone()))
            .collect()
    };
    same("lines", lines(u) == lines(c));
    out
}

#[test]
fn ubl_and_cii_of_a_case_give_the_same_invoice_figures() {
    let mut found = Vec::new();
    for (case, ubl, cii) in pairs() {
        found.extend(differences(&case, &read(&ubl), &read(&cii)));
    }
    let expected: Vec<(String, String)> = SAMPLE_DIFFERENCES
        .iter()
        .map(|(c, w)| (c.to_string(), w.to_string()))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn every_business_case_adds_up() {
    for (_, ubl, cii) in pairs() {
        for name in [ubl, cii] {
            let mismatches = totals::check(&read(&name));
            assert!(mismatches.is_empty(), "{name}: {mismatches:?}");
        }
    }
}

#[test]
fn a_ubl_invoice_reads_its_parties_lines_and_payment() {
    let i = read("01.01a-INVOICE_ubl.xml");
    assert_eq!(i.number, "123456XX");
    assert_eq!(i.type_code, "380");
    assert_eq!(i.issue_date.to_string(), "2016-04-04");
    assert_eq!(i.currency, "EUR");
    assert_eq!(i.seller.address.country, "DE");
    assert!(
        i.seller
            .vat_id
            .as_deref()
            .is_some_and(|v| v.starts_with("DE"))
    );
    assert_eq!(i.lines[0].vat_category, "S");
    assert_eq!(i.lines[0].vat_rate, Some(Decimal::from(7)));
    assert_eq!(i.lines[0].net_amount, "288.79".parse::<Decimal>().unwrap());
    assert_eq!(i.lines[0].unit_code, "XPP");
    let t = &i.totals;
    assert_eq!(t.net + t.tax, t.gross);
    assert!(i.seller_iban().is_some());
    assert!(
        i.specification
            .as_deref()
            .unwrap_or("")
            .contains("xrechnung")
    );
}

/// `text` with the first `from` replaced by `to` (the case must contain it).
fn edited(name: &str, from: &str, to: &str) -> Vec<u8> {
    let text = String::from_utf8(fixture(name)).unwrap();
    assert!(text.contains(from), "{name} lacks {from:?}");
    text.replacen(from, to, 1).into_bytes()
}

#[test]
fn a_missing_payable_amount_is_refused_with_its_element_path() {
    let bytes = edited(
        "01.01a-INVOICE_ubl.xml",
        "<cbc:PayableAmount",
        "<cbc:NotPayableAmount",
    );
    let bytes = String::from_utf8(bytes).unwrap().replacen(
        "</cbc:PayableAmount>",
        "</cbc:NotPayableAmount>",
        1,
    );
    let e = einvoice::read(bytes.as_bytes()).unwrap_err();
    assert_eq!(e.kind, EInvoiceErrorKind::Missing);
    assert_eq!(
        e.path(),
        Some("/ubl:Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount"),
        "{e}"
    );
}

#[test]
fn a_bad_amount_names_the_element_and_the_value() {
    let bytes = edited(
        "01.01a-INVOICE_uncefact.xml",
        "<ram:DuePayableAmount>",
        "<ram:DuePayableAmount>12,5x",
    );
    let e = einvoice::read(&bytes).unwrap_err();
    assert!(
        matches!(&e.kind, EInvoiceErrorKind::Invalid { value, expected: Expected::Amount } if value.starts_with("12,5x")),
        "{e}"
    );
    assert_eq!(
        e.path(),
        Some(
            "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:DuePayableAmount"
        )
    );
}

#[test]
fn a_bad_date_and_a_bad_line_are_named_with_their_position() {
    let e = einvoice::read(&edited(
        "01.01a-INVOICE_uncefact.xml",
        ">20160404<",
        ">20161304<",
    ))
    .unwrap_err();
    assert!(
        matches!(&e.kind, EInvoiceErrorKind::Invalid { value, expected: Expected::Date } if value == "20161304"),
        "{e}"
    );
    assert!(
        e.path()
            .is_some_and(|p| p.ends_with("ram:IssueDateTime/udt:DateTimeString"))
    );

    // The second of several lines: its 1-based position is in the path.
    let name = "01.05a-INVOICE_ubl.xml";
    let text = String::from_utf8(fixture(name)).unwrap();
    assert!(text.matches("<cac:InvoiceLine>").count() >= 2, "{name}");
    let first = text.find("<cac:InvoiceLine>").unwrap();
    let second = first + 1 + text[first + 1..].find("<cac:InvoiceLine>").unwrap();
    let quantity = second + text[second..].find("<cbc:InvoicedQuantity").unwrap();
    let close = quantity + text[quantity..].find('>').unwrap() + 1;
    let mut broken = text.clone();
    broken.insert(close, 'x');
    let e = einvoice::read(broken.as_bytes()).unwrap_err();
    assert_eq!(
        e.path(),
        Some("/ubl:Invoice/cac:InvoiceLine[2]/cbc:InvoicedQuantity"),
        "{e}"
    );
}

#[test]
fn malformed_xml_names_the_line_and_other_roots_are_no_invoice() {
    let e =
        einvoice::read(&edited("01.01a-INVOICE_ubl.xml", "</cbc:ID>", "</cbc:Id>")).unwrap_err();
    assert!(
        matches!(e.kind, EInvoiceErrorKind::InvalidXml { .. }),
        "{e}"
    );
    assert!(matches!(e.at, Location::Line { line } if line > 1), "{e}");

    let e = einvoice::read(b"<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"/>").unwrap_err();
    assert!(
        matches!(e.kind, EInvoiceErrorKind::NotAnInvoice { .. }),
        "{e}"
    );
    assert_eq!(
        einvoice::read(b"").unwrap_err().kind,
        EInvoiceErrorKind::Empty
    );
    assert_eq!(
        einvoice::read(b"Rechnung Nr. 1").unwrap_err().kind,
        EInvoiceErrorKind::UnknownFormat
    );
    // The right local name in the wrong namespace is not an invoice either.
    let e = einvoice::read(b"<Invoice xmlns=\"urn:example\"><ID>1</ID></Invoice>").unwrap_err();
    assert!(
        matches!(e.kind, EInvoiceErrorKind::NotAnInvoice { .. }),
        "{e}"
    );
}

#[test]
fn a_changed_line_amount_is_a_mismatch_with_its_numbers_not_an_error() {
    // 01.01a's first line is 288.79 at 7 %; make it 300.00.
    let bytes = edited(
        "01.01a-INVOICE_ubl.xml",
        "<cbc:LineExtensionAmount currencyID=\"EUR\">288.79</cbc:LineExtensionAmount>",
        "<cbc:LineExtensionAmount currencyID=\"EUR\">300.00</cbc:LineExtensionAmount>",
    );
    let i = einvoice::read(&bytes).expect("a mismatch still reads");
    let m = totals::check(&i);
    let line_sum = m
        .iter()
        .find(|m| m.rule == totals::Rule::LineSum)
        .expect("line sum mismatch");
    assert_eq!(
        line_sum.computed - line_sum.stated,
        "11.21".parse::<Decimal>().unwrap(),
        "{line_sum:?}"
    );
    assert!(
        m.iter()
            .any(|m| matches!(m.rule, totals::Rule::VatBase { .. })),
        "{m:?}"
    );
    // The stated totals themselves still agree with each other.
    assert!(!m.iter().any(|m| m.rule == totals::Rule::Gross), "{m:?}");
}

#[test]
fn tax_is_base_times_rate_rounded_half_away_from_zero() {
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    assert_eq!(totals::tax_of(d("0.50"), Some(d("19"))), d("0.10")); // 0.095
    assert_eq!(totals::tax_of(d("-0.50"), Some(d("19"))), d("-0.10"));
    assert_eq!(totals::tax_of(d("10781.25"), Some(d("19"))), d("2048.44"));
    assert_eq!(totals::tax_of(d("100"), None), d("0"));

    let mut i = read("01.01a-INVOICE_uncefact.xml");
    i.vat_breakdown[0].tax += d("0.01");
    i.totals.tax += d("0.01");
    i.totals.gross += d("0.01");
    i.totals.payable += d("0.01");
    let m = totals::check(&i);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(matches!(&m[0].rule, totals::Rule::VatTax { category, .. } if category == "S"));
    assert_eq!(m[0].computed + d("0.01"), m[0].stated);

    let mut i = read("01.01a-INVOICE_uncefact.xml");
    i.totals.payable += d("1");
    let m = totals::check(&i);
    assert_eq!(m.len(), 1, "{m:?}");
    assert_eq!(m[0].rule, totals::Rule::Payable);
}

// ------------------------------------------------------------ ZUGFeRD PDF

/// A PDF with `xml` embedded as `name` (in the EmbeddedFiles name tree and
/// the catalog's /AF, as ZUGFeRD 2 / Factur-X do), deflated when `deflate`.
/// Synthetic: pdf-writer, not a PDF/A-3 producer.
fn zugferd_pdf(xml: &[u8], name: &str, deflate: bool) -> Vec<u8> {
    use pdf_writer::types::AssociationKind;
    use pdf_writer::{Filter, Name, Pdf, Rect, Ref, Str, TextStr};
    let (catalog, pages, page, spec, file, content) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
        Ref::new(6),
    );
    let mut pdf = Pdf::new();
    {
        let mut c = pdf.catalog(catalog);
        c.pages(pages);
        c.names()
            .embedded_files()
            .names()
            .insert(Str(name.as_bytes()), spec);
        c.insert(Name(b"AF")).array().item(spec);
    }
    pdf.pages(pages).kids([page]).count(1);
    pdf.page(page)
        .parent(pages)
        .media_box(Rect::new(0.0, 0.0, 595.0, 842.0))
        .contents(content);
    pdf.stream(content, b"BT /F1 12 Tf 72 770 Td (Rechnung) Tj ET");
    pdf.file_spec(spec)
        .path(Str(name.as_bytes()))
        .unic_file(TextStr(name))
        .description(TextStr("Factur-X/ZUGFeRD invoice"))
        .embedded_file(file)
        .association_kind(AssociationKind::Alternative);
    let data = if deflate {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(xml).unwrap();
        z.finish().unwrap()
    } else {
        xml.to_vec()
    };
    let mut ef = pdf.embedded_file(file, &data);
    ef.subtype(Name(b"text#2Fxml"));
    if deflate {
        ef.filter(Filter::FlateDecode);
    }
    drop(ef);
    pdf.finish()
}

const SYNTHETIC_PDF: &str = "synthetic-zugferd.pdf";

#[test]
fn the_synthetic_zugferd_fixture_is_what_the_builder_makes() {
    let built = zugferd_pdf(
        &fixture("01.01a-INVOICE_uncefact.xml"),
        "factur-x.xml",
        true,
    );
    if std::env::var_os("KONTOR_WRITE_FIXTURES").is_some() {
        std::fs::write(fixtures().join(SYNTHETIC_PDF), &built).unwrap();
    }
    assert_eq!(
        built,
        fixture(SYNTHETIC_PDF),
        "rerun with KONTOR_WRITE_FIXTURES=1"
    );
}

#[test]
fn a_zugferd_pdf_reads_to_the_same_invoice_as_its_xml() {
    let xml = read("01.01a-INVOICE_uncefact.xml");
    let pdf = einvoice::read(&fixture(SYNTHETIC_PDF)).expect("embedded invoice");
    assert_eq!(
        pdf.container,
        Container::Pdf {
            file: "factur-x.xml".into()
        }
    );
    assert_eq!(
        Invoice {
            container: Container::Xml,
            ..pdf
        },
        xml
    );
    for name in [
        "zugferd-invoice.xml",
        "xrechnung.xml",
        "ZUGFeRD-invoice.xml",
    ] {
        let bytes = zugferd_pdf(&fixture("02.01a-INVOICE_uncefact.xml"), name, false);
        let i = einvoice::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(i.totals, read("02.01a-INVOICE_uncefact.xml").totals);
    }
}

/// Runs poppler's pdfdetach; a missing tool fails the test.
fn pdfdetach(args: &[&str]) -> String {
    let out = std::process::Command::new("pdfdetach")
        .args(args)
        .output()
        .expect("pdfdetach (poppler-utils, scripts/setup.sh) must be installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn pdfdetach_sees_the_same_embedded_file_we_read() {
    let path = fixtures().join(SYNTHETIC_PDF);
    let path = path.to_str().unwrap();
    let list = pdfdetach(&["-list", path]);
    assert!(
        list.contains("1 embedded files") && list.contains("factur-x.xml"),
        "{list}"
    );
    assert_eq!(
        einvoice::pdf::embedded_names(&fixture(SYNTHETIC_PDF)).unwrap(),
        vec!["factur-x.xml".to_string()]
    );
    let dir = std::env::temp_dir().join(format!("kontor-einvoice-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let saved = dir.join("saved.xml");
    pdfdetach(&["-save", "1", "-o", saved.to_str().unwrap(), path]);
    let theirs = std::fs::read(&saved).unwrap();
    let ours = einvoice::pdf::embedded_invoice(&fixture(SYNTHETIC_PDF)).unwrap();
    assert_eq!(ours.bytes, theirs);
    assert_eq!(theirs, fixture("01.01a-INVOICE_uncefact.xml"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_pdf_without_an_invoice_or_with_a_broken_one_is_refused() {
    let other = zugferd_pdf(b"<note/>", "attachment.xml", false);
    assert_eq!(
        einvoice::read(&other).unwrap_err().kind,
        EInvoiceErrorKind::NoEmbeddedInvoice
    );
    let plain = kontor_plain_pdf();
    assert_eq!(
        einvoice::read(&plain).unwrap_err().kind,
        EInvoiceErrorKind::NoEmbeddedInvoice
    );
    let broken = zugferd_pdf(
        &edited(
            "01.01a-INVOICE_uncefact.xml",
            "<ram:DuePayableAmount>",
            "<ram:DuePayableAmount>x",
        ),
        "factur-x.xml",
        true,
    );
    let e = einvoice::read(&broken).unwrap_err();
    assert_eq!(e.embedded.as_deref(), Some("factur-x.xml"));
    assert!(
        e.path()
            .is_some_and(|p| p.ends_with("ram:DuePayableAmount")),
        "{e}"
    );
    let cut = &fixture(SYNTHETIC_PDF)[..300];
    assert!(matches!(
        einvoice::read(cut).unwrap_err().kind,
        EInvoiceErrorKind::BadPdf { .. } | EInvoiceErrorKind::NoEmbeddedInvoice
    ));
}

/// A PDF with one page and nothing embedded.
fn kontor_plain_pdf() -> Vec<u8> {
    use pdf_writer::{Pdf, Rect, Ref};
    let mut pdf = Pdf::new();
    pdf.catalog(Ref::new(1)).pages(Ref::new(2));
    pdf.pages(Ref::new(2)).kids([Ref::new(3)]).count(1);
    pdf.page(Ref::new(3))
        .parent(Ref::new(2))
        .media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
    pdf.finish()
}

// ------------------------------------------------------------ command line

#[test]
fn cli_einvoice_prints_json_or_the_typed_error_with_exit_code_2() {
    let exe = env!("CARGO_BIN_EXE_kontor-cli");
    for name in ["02.01a-INVOICE_ubl.xml", "02.01a-INVOICE_uncefact.xml"] {
        let out = std::process::Command::new(exe)
            .arg("einvoice")
            .arg(fixtures().join(name))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["totals"]["net"], "10781.25", "{name}");
        assert_eq!(json["totals"]["tax"], "2048.44", "{name}");
        assert_eq!(json["totals"]["gross"], "12829.69", "{name}");
        assert_eq!(json["totals"]["payable"], "12829.69", "{name}");
        assert_eq!(json["seller"]["vat_id"], "ATU123456789", "{name}");
        assert_eq!(json["vat_breakdown"][0]["rate"], "19", "{name}");
        assert_eq!(json["vat_breakdown"][0]["base"], "10781.25", "{name}");
        assert_eq!(json["check"]["ok"], true, "{name}");
        assert!(json["lines"].as_array().is_some_and(|l| !l.is_empty()));
        assert!(json["issue_date"].as_str().is_some_and(|d| d.len() == 10));
    }

    let out = std::process::Command::new(exe)
        .arg("einvoice")
        .arg(fixtures().join(SYNTHETIC_PDF))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["container"]["kind"], "pdf");
    assert_eq!(json["container"]["file"], "factur-x.xml");

    let dir = std::env::temp_dir().join(format!("kontor-einvoice-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.xml");
    std::fs::write(
        &bad,
        edited(
            "01.01a-INVOICE_uncefact.xml",
            "<ram:DuePayableAmount>",
            "<ram:DuePayableAmount>x",
        ),
    )
    .unwrap();
    let out = std::process::Command::new(exe)
        .arg("einvoice")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.xml") && err.contains("ram:DuePayableAmount"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

// ------------------------------------------------------------ no panics

fn all_fixture_bytes() -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = [fixtures(), zugferd_dir()]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap())
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("xml" | "pdf")))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

mod no_panics {
    use super::*;
    use proptest::prelude::*;

    fn mutated() -> impl Strategy<Value = Vec<u8>> {
        let files = all_fixture_bytes();
        (
            0..files.len(),
            prop::collection::vec((any::<usize>(), any::<u8>(), 0u8..4), 1..8),
        )
            .prop_map(move |(i, edits)| {
                let mut bytes = files[i].clone();
                for (at, byte, how) in edits {
                    if bytes.is_empty() {
                        break;
                    }
                    let at = at % bytes.len();
                    match how {
                        0 => bytes[at] = byte,
                        1 => {
                            bytes.remove(at);
                        }
                        2 => bytes.insert(at, byte),
                        _ => bytes.truncate(at),
                    }
                }
                bytes
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
            let _ = einvoice::read(&bytes);
            let mut pdf = b"%PDF-1.7\n".to_vec();
            pdf.extend_from_slice(&bytes);
            let _ = einvoice::read(&pdf);
        }

        #[test]
        fn mutated_fixtures_never_panic(bytes in mutated()) {
            if let Ok(i) = einvoice::read(&bytes) {
                let _ = totals::check(&i);
            }
        }
    }
}

// ------------------------------------------------------------ real ZUGFeRD PDFs

fn zugferd_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/zugferd")
}

#[test]
fn real_zugferd_pdfs_read_add_up_and_match_pdfdetach() {
    for (name, index, embedded) in [
        ("EN16931_Einfach.pdf", "1", "factur-x.xml"),
        ("validV2PDF.pdf", "2", "factur-x.xml"),
        ("zugferd_2p1_EXTENDED_PDFA-3A.pdf", "1", "factur-x.xml"),
    ] {
        let path = zugferd_dir().join(name);
        let bytes = std::fs::read(&path).unwrap();
        let invoice = einvoice::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            invoice.container,
            Container::Pdf {
                file: embedded.into()
            },
            "{name}"
        );
        assert_eq!(invoice.syntax, Syntax::Cii);
        assert!(!invoice.lines.is_empty(), "{name}");
        assert_eq!(totals::check(&invoice), vec![], "{name}");

        let dir =
            std::env::temp_dir().join(format!("kontor-zugferd-{}-{index}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let saved = dir.join(format!("{name}.xml"));
        pdfdetach(&[
            "-save",
            index,
            "-o",
            saved.to_str().unwrap(),
            path.to_str().unwrap(),
        ]);
        let ours = einvoice::pdf::embedded_invoice(&bytes).unwrap();
        assert_eq!(ours.bytes, std::fs::read(&saved).unwrap(), "{name}");
        std::fs::remove_dir_all(&dir).ok();
    }
}

#[test]
fn the_extended_profiles_freight_is_a_document_charge() {
    let bytes = std::fs::read(zugferd_dir().join("zugferd_2p1_EXTENDED_PDFA-3A.pdf")).unwrap();
    let i = einvoice::read(&bytes).unwrap();
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let freight: Vec<_> = i.allowances_charges.iter().filter(|a| a.charge).collect();
    assert_eq!(freight.len(), 1);
    assert_eq!(freight[0].amount, d("3.00"));
    assert_eq!(freight[0].reason.as_deref(), Some("Transportkosten"));
    assert_eq!(i.totals.charges, d("3.00"));
    assert_eq!(i.totals.payable, d("518.99"));
    assert_eq!(i.vat_breakdown.len(), 2);
}

#[test]
fn a_zugferd_1_invoice_is_refused_as_such() {
    // validV2PDF.pdf's first embedded file is ZUGFeRD 1; alone in a PDF it
    // is refused by name.
    let bytes = std::fs::read(zugferd_dir().join("validV2PDF.pdf")).unwrap();
    let doc_names = einvoice::pdf::embedded_names(&bytes).unwrap();
    assert_eq!(doc_names, vec!["ZUGFeRD-invoice.xml", "factur-x.xml"]);
    let dir = std::env::temp_dir().join(format!("kontor-zugferd1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let saved = dir.join("v1.xml");
    let path = zugferd_dir().join("validV2PDF.pdf");
    pdfdetach(&[
        "-save",
        "1",
        "-o",
        saved.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    let v1 = std::fs::read(&saved).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let e = einvoice::read(&v1).unwrap_err();
    assert_eq!(e.kind, EInvoiceErrorKind::ZugferdV1, "{e}");
    let pdf = zugferd_pdf(&v1, "ZUGFeRD-invoice.xml", true);
    let e = einvoice::read(&pdf).unwrap_err();
    assert_eq!(e.kind, EInvoiceErrorKind::ZugferdV1, "{e}");
    assert_eq!(e.embedded.as_deref(), Some("ZUGFeRD-invoice.xml"));
}

#[test]
fn cash_discounts_are_read_from_the_xrechnung_convention_and_zugferd_terms() {
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    for name in ["01.10a-INVOICE_ubl.xml", "01.10a-INVOICE_uncefact.xml"] {
        let i = read(name);
        let found: Vec<(u32, Decimal)> = i
            .cash_discounts
            .iter()
            .map(|c| (c.days, c.percent))
            .collect();
        assert_eq!(
            found,
            vec![(7, d("2.00")), (14, d("1.00")), (30, d("0.00"))],
            "{name}"
        );
    }
    let bytes = std::fs::read(zugferd_dir().join("zugferd_2p1_EXTENDED_PDFA-3A.pdf")).unwrap();
    let i = einvoice::read(&bytes).unwrap();
    assert!(
        i.cash_discounts
            .iter()
            .any(|c| c.days == 14 && c.percent == d("2.00"))
    );
    let parsed = einvoice::skonto_from_terms(
        "Zahlbar sofort.\n#SKONTO#TAGE=10#PROZENT=3.00#BASISBETRAG=119.00#\n#SKONTO#TAGE=x#PROZENT=1#",
    );
    assert_eq!(parsed.len(), 1);
    assert_eq!(parsed[0].base, Some(d("119.00")));
}

#[test]
fn a_ubl_credit_note_reads_with_its_own_element_names() {
    // No credit note among the suite's cases: one is derived here from
    // 01.01a by the UBL CreditNote schema's names (the fixture is unchanged).
    let text = String::from_utf8(fixture("01.01a-INVOICE_ubl.xml")).unwrap();
    let credit = text
        .replace("ubl:schema:xsd:Invoice-2", "ubl:schema:xsd:CreditNote-2")
        .replace("ubl:Invoice", "ubl:CreditNote")
        .replace(
            "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
            "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
        )
        .replace("cac:InvoiceLine>", "cac:CreditNoteLine>")
        .replace("cbc:InvoicedQuantity", "cbc:CreditedQuantity");
    let i = einvoice::read(credit.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let original = read("01.01a-INVOICE_ubl.xml");
    assert_eq!(i.type_code, "381");
    assert!(i.is_credit_note() && !original.is_credit_note());
    assert_eq!(i.totals, original.totals);
    assert_eq!(i.lines, original.lines);
    assert!(totals::check(&i).is_empty());
}

#[test]
fn utf16_files_read_and_limits_hold() {
    let text = String::from_utf8(fixture("01.01a-INVOICE_uncefact.xml")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text
        .replacen("encoding=\"UTF-8\"", "encoding=\"UTF-16\"", 1)
        .encode_utf16()
    {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    assert_eq!(einvoice::detect(&utf16), einvoice::Detected::Xml);
    assert_eq!(
        einvoice::read(&utf16).unwrap().totals,
        read("01.01a-INVOICE_uncefact.xml").totals
    );

    let deep = format!("{}{}", "<a>".repeat(200), "</a>".repeat(200));
    let e = einvoice::read(deep.as_bytes()).unwrap_err();
    assert!(matches!(e.kind, EInvoiceErrorKind::TooDeep { .. }), "{e}");

    // An XML file that mentions %PDF- early is still XML.
    let mentions = text.replacen(
        "<rsm:ExchangedDocument>",
        "<!-- %PDF-1.7 --><rsm:ExchangedDocument>",
        1,
    );
    assert_eq!(
        einvoice::detect(mentions.as_bytes()),
        einvoice::Detected::Xml
    );
    assert!(einvoice::read(mentions.as_bytes()).is_ok());
}
