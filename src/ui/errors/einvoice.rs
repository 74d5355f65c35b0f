//! Sentences for refused e-invoice files (`formats::einvoice::EInvoiceError`)
//! and for sums of an invoice that do not add up (`totals::Mismatch`). A
//! refusal names the element (with the file's prefixes) or line, and the
//! value found; a mismatch names the EN 16931 rule and both numbers.
//! Exhaustive over `EInvoiceErrorKind` and `Rule`.

use super::{number, pick};
use crate::formats::einvoice::error::Expected;
use crate::formats::einvoice::totals::{Mismatch, Rule};
use crate::formats::einvoice::{EInvoiceError, EInvoiceErrorKind, Location};
use crate::ui::i18n::Lang;
use rust_decimal::Decimal;

/// "Element /Invoice/cbc:IssueDate: „2024-13-01“ ist kein Datum."
pub fn einvoice_error(e: &EInvoiceError, lang: Lang) -> String {
    let (wde, wen) = reason(&e.kind);
    let (mut pde, mut pen) = match &e.at {
        Location::File => (String::new(), String::new()),
        Location::Element { path } => (format!("Element {path}"), format!("Element {path}")),
        Location::Line { line } => (format!("Zeile {line}"), format!("Line {line}")),
    };
    if let Some(file) = &e.embedded {
        let (fde, fen) = (
            format!("Eingebettete Datei „{file}“"),
            format!("Embedded file “{file}”"),
        );
        pde = if pde.is_empty() {
            fde
        } else {
            format!("{fde}, {pde}")
        };
        pen = if pen.is_empty() {
            fen
        } else {
            format!("{fen}, {pen}")
        };
    }
    if pde.is_empty() {
        pick(lang, wde, wen)
    } else {
        pick(lang, format!("{pde}: {wde}"), format!("{pen}: {wen}"))
    }
}

fn expected(e: Expected) -> (&'static str, &'static str) {
    match e {
        Expected::Amount => ("kein Betrag", "not an amount"),
        Expected::Number => ("keine Zahl", "not a number"),
        Expected::Percent => ("kein Prozentsatz", "not a percentage"),
        Expected::Date => ("kein Datum", "not a date"),
        Expected::Currency => (
            "kein Währungscode (ISO 4217)",
            "not a currency code (ISO 4217)",
        ),
        Expected::Code => ("kein gültiger Code", "not a valid code"),
    }
}

fn reason(kind: &EInvoiceErrorKind) -> (String, String) {
    use EInvoiceErrorKind as K;
    match kind {
        K::Empty => ("Die Datei ist leer.".into(), "The file is empty.".into()),
        K::TooLarge { limit } => (
            format!("Die Datei ist größer als {limit} Bytes."),
            format!("The file is larger than {limit} bytes."),
        ),
        K::UnknownFormat => (
            "Das ist weder eine XML-Rechnung (XRechnung) noch ein PDF (ZUGFeRD/Factur-X).".into(),
            "This is neither an XML invoice (XRechnung) nor a PDF (ZUGFeRD/Factur-X).".into(),
        ),
        K::BadEncoding { encoding } => (
            format!("Der Text ist kein gültiges {encoding}."),
            format!("The text is not valid {encoding}."),
        ),
        K::InvalidXml { message } => (
            format!("Das XML ist fehlerhaft: {message}."),
            format!("The XML is malformed: {message}."),
        ),
        K::TooDeep { limit } => (
            format!("Das XML ist tiefer als {limit} Ebenen verschachtelt."),
            format!("The XML nests deeper than {limit} levels."),
        ),
        K::NotAnInvoice { root } => (
            format!(
                "Das ist keine E-Rechnung: das Wurzelelement ist {root} (erwartet: UBL Invoice/CreditNote oder CII CrossIndustryInvoice)."
            ),
            format!(
                "This is not an e-invoice: the root element is {root} (expected UBL Invoice/CreditNote or CII CrossIndustryInvoice)."
            ),
        ),
        K::ZugferdV1 => (
            "ZUGFeRD 1.0 (CrossIndustryDocument) wird nicht gelesen; gelesen werden ZUGFeRD 2 / Factur-X und XRechnung.".into(),
            "ZUGFeRD 1.0 (CrossIndustryDocument) is not read; ZUGFeRD 2 / Factur-X and XRechnung are.".into(),
        ),
        K::Missing => (
            "Dieses Pflichtelement fehlt oder ist leer.".into(),
            "This required element is missing or empty.".into(),
        ),
        K::Invalid { value, expected: e } => {
            let (de, en) = expected(*e);
            (format!("„{value}“ ist {de}."), format!("“{value}” is {en}."))
        }
        K::DateFormat { format } => (
            format!("Das Datumsformat „{format}“ wird nicht gelesen (nur 102, JJJJMMTT)."),
            format!("The date format “{format}” is not read (only 102, YYYYMMDD)."),
        ),
        K::TooMany { what, limit } => (
            format!("Mehr als {limit} Einträge ({what})."),
            format!("More than {limit} {what}."),
        ),
        K::BadPdf { message } => (
            format!("Das PDF kann nicht gelesen werden: {message}."),
            format!("The PDF cannot be read: {message}."),
        ),
        K::NoEmbeddedInvoice => (
            "Das PDF enthält keine eingebettete E-Rechnung (factur-x.xml, zugferd-invoice.xml oder xrechnung.xml); es ist ein gewöhnliches PDF, keine ZUGFeRD/Factur-X-Rechnung.".into(),
            "The PDF carries no embedded e-invoice (factur-x.xml, zugferd-invoice.xml or xrechnung.xml); it is a plain PDF, not a ZUGFeRD/Factur-X invoice.".into(),
        ),
        K::BadEmbeddedFile { file, message } => (
            format!("Die eingebettete Datei „{file}“ kann nicht gelesen werden: {message}."),
            format!("The embedded file “{file}” cannot be read: {message}."),
        ),
    }
}

/// An amount as the invoice wrote it, in the language's separators.
fn amount(value: Decimal, lang: Lang) -> String {
    number(value, lang)
}

fn rate_text(category: &str, rate: Option<Decimal>, lang: Lang) -> String {
    match rate {
        Some(rate) => format!("{category} {} %", number(rate, lang)),
        None => category.to_string(),
    }
}

/// The group letters EN 16931 uses in its per-category rules (BR-S-08,
/// BR-IC-08 for K, BR-AF-08 for L, BR-AG-08 for M).
fn rule_group(category: &str) -> &str {
    match category {
        "K" => "IC",
        "L" => "AF",
        "M" => "AG",
        other => other,
    }
}

/// "Summe der Positionen: Rechnung 100,00, berechnet 110,00 (BR-CO-10)."
pub fn mismatch(m: &Mismatch, lang: Lang) -> String {
    let (de, en, rule) = match &m.rule {
        Rule::LineSum => (
            "Summe der Positionen (netto)".to_string(),
            "Sum of line net amounts".to_string(),
            "BR-CO-10".to_string(),
        ),
        Rule::Allowances => (
            "Summe der Nachlässe".into(),
            "Sum of allowances".into(),
            "BR-CO-11".to_string(),
        ),
        Rule::Charges => (
            "Summe der Zuschläge".into(),
            "Sum of charges".into(),
            "BR-CO-12".to_string(),
        ),
        Rule::Net => (
            "Gesamtbetrag netto (Positionen − Nachlässe + Zuschläge)".into(),
            "Total without VAT (lines − allowances + charges)".into(),
            "BR-CO-13".to_string(),
        ),
        Rule::VatBase { category, rate } => {
            let r = rate_text(category, *rate, lang);
            (
                format!("Bemessungsgrundlage USt {r}"),
                format!("Taxable amount VAT {r}"),
                format!("BR-{}-08", rule_group(category)),
            )
        }
        Rule::VatTax { category, rate } => {
            let r = rate_text(category, *rate, lang);
            (
                format!("Steuerbetrag USt {r} (Grundlage × Satz, kaufmännisch gerundet)"),
                format!("VAT amount {r} (base × rate, rounded half away from zero)"),
                "BR-CO-17".to_string(),
            )
        }
        Rule::TaxTotal => (
            "Umsatzsteuer gesamt (Summe der Steuerbeträge)".into(),
            "Total VAT (sum of the VAT amounts)".into(),
            "BR-CO-14".to_string(),
        ),
        Rule::Gross => (
            "Gesamtbetrag brutto (netto + USt)".into(),
            "Total with VAT (net + VAT)".into(),
            "BR-CO-15".to_string(),
        ),
        Rule::Payable => (
            "Zahlbetrag (brutto − Vorauszahlung + Rundung)".into(),
            "Amount due (gross − paid + rounding)".into(),
            "BR-CO-16".to_string(),
        ),
    };
    let (stated, computed) = (amount(m.stated, lang), amount(m.computed, lang));
    pick(
        lang,
        format!("{de}: Rechnung {stated}, nachgerechnet {computed} ({rule})."),
        format!("{en}: invoice {stated}, recomputed {computed} ({rule})."),
    )
}
