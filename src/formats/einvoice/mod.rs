//! E-invoice reader (E-Rechnung, issue 19): XRechnung / EN 16931 invoices in
//! either syntax — OASIS UBL 2.1 (`Invoice`, `CreditNote`) and UN/CEFACT CII
//! D16B (`CrossIndustryInvoice`) — and ZUGFeRD / Factur-X PDFs carrying the
//! CII XML as an embedded file. Bytes in, one [`Invoice`] out; no I/O, knows
//! nothing of the ledger or the UI.
//!
//! The model names the EN 16931 business terms (BT-…) it holds. Amounts are
//! `Decimal` as written in the file (never rounded here); [`totals::check`]
//! recomputes the sums and reports every mismatch with its numbers — a
//! mismatch is data to show, not a refusal.

mod cii;
pub mod error;
pub mod pdf;
pub mod totals;
mod ubl;
mod xml;

pub use error::{EInvoiceError, EInvoiceErrorKind, Location};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// Which XML syntax the invoice was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Syntax {
    /// OASIS UBL 2.1 `Invoice` or `CreditNote`.
    Ubl,
    /// UN/CEFACT Cross Industry Invoice D16B.
    Cii,
}

/// What the bytes were: the XML itself, or a PDF carrying it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind")]
pub enum Container {
    Xml,
    /// A ZUGFeRD / Factur-X (or XRechnung-in-PDF) PDF; `file` is the name of
    /// the embedded file the invoice was read from (`factur-x.xml`, …).
    Pdf {
        file: String,
    },
}

/// One e-invoice (EN 16931 semantic model, the parts a bookkeeper posts).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Invoice {
    pub syntax: Syntax,
    pub container: Container,
    /// BT-24 specification identifier (`urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0`).
    pub specification: Option<String>,
    /// BT-1 invoice number.
    pub number: String,
    /// BT-3 invoice type code (UNTDID 1001: 380 invoice, 381 credit note,
    /// 384 corrected invoice, 326 partial invoice, 389 self-billed, …).
    pub type_code: String,
    /// BT-2 issue date.
    pub issue_date: NaiveDate,
    /// BT-9 payment due date.
    pub due_date: Option<NaiveDate>,
    /// BT-72 actual delivery date.
    pub delivery_date: Option<NaiveDate>,
    /// BT-73/BT-74 invoicing period.
    pub period: Option<Period>,
    /// BT-20 payment terms (free text, e.g. "Zahlbar innerhalb 30 Tagen netto").
    pub payment_terms: Option<String>,
    /// BT-5 invoice currency code (ISO 4217).
    pub currency: String,
    /// BT-10 buyer reference (Leitweg-ID for public buyers).
    pub buyer_reference: Option<String>,
    /// BT-13 purchase order reference.
    pub order_reference: Option<String>,
    /// BT-12 contract reference.
    pub contract_reference: Option<String>,
    /// BT-25 preceding invoice reference (credit notes, corrections).
    pub preceding_invoice: Option<String>,
    /// BG-1 invoice notes (BT-22), in file order.
    pub notes: Vec<String>,
    /// BG-4 seller.
    pub seller: Party,
    /// BG-7 buyer.
    pub buyer: Party,
    /// BG-16 payment instructions, in file order (usually one transfer).
    pub payment_means: Vec<PaymentMeans>,
    /// BG-25 invoice lines, in file order.
    pub lines: Vec<Line>,
    /// BG-20 / BG-21 document-level allowances and charges.
    pub allowances_charges: Vec<AllowanceCharge>,
    /// BG-23 VAT breakdown, one per category and rate.
    pub vat_breakdown: Vec<VatBreakdown>,
    /// BG-22 document totals.
    pub totals: Totals,
    /// Cash discounts (Skonto) offered, from XRechnung's payment-terms
    /// convention `#SKONTO#TAGE=14#PROZENT=2.00#` (BT-20) or ZUGFeRD
    /// EXTENDED's discount terms; in the order written, 0 % entries kept.
    pub cash_discounts: Vec<CashDiscount>,
}

/// A cash discount: `percent` off when paid within `days` of the issue
/// date, on `base` (the whole amount due when absent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CashDiscount {
    pub days: u32,
    pub percent: Decimal,
    pub base: Option<Decimal>,
}

/// The cash discounts of XRechnung's payment-terms convention (KoSIT):
/// one `#SKONTO#TAGE=n#PROZENT=p#` (optionally `BASISBETRAG=b#`) per line;
/// anything else in the text is ignored, a malformed entry skipped.
pub fn skonto_from_terms(text: &str) -> Vec<CashDiscount> {
    text.lines()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("#SKONTO#")?;
            let mut days = None;
            let mut percent = None;
            let mut base = None;
            for field in rest.split('#').filter(|f| !f.trim().is_empty()) {
                let (key, value) = field.split_once('=')?;
                let value = value.trim();
                match key.trim() {
                    "TAGE" => days = value.parse::<u32>().ok(),
                    "PROZENT" => percent = value.parse::<Decimal>().ok(),
                    "BASISBETRAG" => base = Some(value.parse::<Decimal>().ok()?),
                    _ => return None,
                }
            }
            Some(CashDiscount {
                days: days?,
                percent: percent?,
                base,
            })
        })
        .collect()
}

impl Invoice {
    /// The seller's IBAN of the first credit-transfer payment means (BT-84),
    /// where the invoice names one.
    pub fn seller_iban(&self) -> Option<&str> {
        self.payment_means.iter().find_map(|p| p.iban.as_deref())
    }

    /// The BIC beside [`Invoice::seller_iban`] (BT-86).
    pub fn seller_bic(&self) -> Option<&str> {
        self.payment_means
            .iter()
            .find(|p| p.iban.is_some())
            .and_then(|p| p.bic.as_deref())
    }

    /// Whether the type code makes this a credit note (381, 396, 532 …):
    /// the amounts are then meant with the opposite sign.
    pub fn is_credit_note(&self) -> bool {
        matches!(
            self.type_code.as_str(),
            "81" | "83" | "261" | "262" | "296" | "308" | "381" | "396" | "420" | "458" | "532"
        )
    }
}

/// BG-14 invoicing period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Period {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// Seller (BG-4) or buyer (BG-7).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Party {
    /// BT-27 / BT-44 name.
    pub name: String,
    /// BT-28 / BT-45 trading name.
    pub trading_name: Option<String>,
    /// BT-31 / BT-48 VAT identifier (USt-IdNr., `DE123456789`).
    pub vat_id: Option<String>,
    /// BT-32 seller's tax registration (Steuernummer, scheme `FC`).
    pub tax_number: Option<String>,
    /// BT-30 / BT-47 legal registration identifier (Handelsregister …).
    pub legal_id: Option<String>,
    /// BT-29 / BT-46 party identifier (e.g. a customer number at the seller).
    pub id: Option<String>,
    /// BG-5 / BG-8 postal address.
    pub address: Address,
    /// BG-6 / BG-9 contact.
    pub contact: Option<Contact>,
    /// BT-34 / BT-49 electronic address (e-mail, Leitweg-ID, Peppol id).
    pub electronic_address: Option<ElectronicAddress>,
}

/// BG-5 / BG-8 postal address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Address {
    /// BT-35 / BT-50 address line 1 (street and number).
    pub street: Option<String>,
    /// BT-36 / BT-51 address line 2.
    pub additional: Option<String>,
    /// BT-37 / BT-52 city.
    pub city: Option<String>,
    /// BT-38 / BT-53 post code.
    pub postcode: Option<String>,
    /// BT-39 / BT-54 country subdivision.
    pub subdivision: Option<String>,
    /// BT-40 / BT-55 country code (ISO 3166-1 alpha-2), as written.
    pub country: String,
}

/// BG-6 / BG-9 contact.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// BT-41 / BT-56 contact point (a person or department).
    pub name: Option<String>,
    /// BT-42 / BT-57 telephone.
    pub phone: Option<String>,
    /// BT-43 / BT-58 e-mail.
    pub email: Option<String>,
}

/// BT-34 / BT-49 electronic address with its scheme (EAS code: `EM`
/// e-mail, `0204` Leitweg-ID, `9930` German VAT id, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ElectronicAddress {
    pub scheme: String,
    pub value: String,
}

/// BG-16 payment instructions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PaymentMeans {
    /// BT-81 UNTDID 4461 code: 58 SEPA credit transfer, 59 SEPA direct
    /// debit, 30 credit transfer, 48 card, 10 cash, …
    pub code: String,
    /// BT-83 remittance information (Verwendungszweck).
    pub remittance: Option<String>,
    /// BT-84 payee's IBAN (or account id), spaces removed.
    pub iban: Option<String>,
    /// BT-85 account name.
    pub account_name: Option<String>,
    /// BT-86 payee's BIC.
    pub bic: Option<String>,
    /// BT-89 SEPA mandate reference (direct debit).
    pub mandate: Option<String>,
    /// BT-91 debited account (direct debit), the buyer's IBAN.
    pub debited_iban: Option<String>,
}

/// BG-25 one invoice line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    /// BT-126 line identifier.
    pub id: String,
    /// BT-153 item name.
    pub name: String,
    /// BT-154 item description.
    pub description: Option<String>,
    /// BT-155 seller's item identifier (Artikelnummer).
    pub seller_item_id: Option<String>,
    /// BT-129 invoiced quantity.
    pub quantity: Decimal,
    /// BT-130 unit of measure (UN/ECE Rec 20/21: `C62`, `HUR`, `XPP`, …).
    pub unit_code: String,
    /// BT-146 item net price (after the price discount).
    pub net_price: Decimal,
    /// BT-149 price base quantity (the price is per this many units), 1 when
    /// absent.
    pub price_base_quantity: Decimal,
    /// BT-131 line net amount.
    pub net_amount: Decimal,
    /// BT-151 VAT category code (UNCL 5305: S, Z, E, AE, K, G, O, L, M).
    pub vat_category: String,
    /// BT-152 VAT rate in percent; `None` for category O.
    pub vat_rate: Option<Decimal>,
    /// BT-127 line note.
    pub note: Option<String>,
    /// BT-132 referenced purchase order line.
    pub order_line: Option<String>,
    /// BT-133 buyer accounting reference (Kontierung).
    pub accounting_reference: Option<String>,
    /// BT-134/135 line period.
    pub period: Option<Period>,
    /// BG-27/BG-28 line allowances and charges (already in the net amount).
    pub allowances_charges: Vec<AllowanceCharge>,
}

/// BG-20 allowance or BG-21 charge (document level or, inside a [`Line`],
/// line level).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AllowanceCharge {
    /// true: a charge (Zuschlag); false: an allowance (Nachlass).
    pub charge: bool,
    /// BT-92 / BT-99 amount (positive in the file for both kinds).
    pub amount: Decimal,
    /// BT-93 / BT-100 base amount.
    pub base_amount: Option<Decimal>,
    /// BT-94 / BT-101 percentage.
    pub percent: Option<Decimal>,
    /// BT-97 / BT-104 reason text.
    pub reason: Option<String>,
    /// BT-98 / BT-105 reason code (UNTDID 5189 / 7161).
    pub reason_code: Option<String>,
    /// BT-95 / BT-102 VAT category (document level only).
    pub vat_category: Option<String>,
    /// BT-96 / BT-103 VAT rate (document level only).
    pub vat_rate: Option<Decimal>,
}

/// BG-23 VAT breakdown: one per category and rate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VatBreakdown {
    /// BT-118 VAT category code.
    pub category: String,
    /// BT-119 VAT rate in percent; `None` for category O.
    pub rate: Option<Decimal>,
    /// BT-116 taxable amount.
    pub base: Decimal,
    /// BT-117 VAT amount.
    pub tax: Decimal,
    /// BT-120 exemption reason text.
    pub exemption_reason: Option<String>,
    /// BT-121 exemption reason code (VATEX).
    pub exemption_code: Option<String>,
}

/// BG-22 document totals, as written in the file. Optional terms that are
/// absent are zero here (the sums treat them so).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// BT-106 sum of invoice line net amounts.
    pub line_sum: Decimal,
    /// BT-107 sum of document-level allowances.
    pub allowances: Decimal,
    /// BT-108 sum of document-level charges.
    pub charges: Decimal,
    /// BT-109 invoice total without VAT.
    pub net: Decimal,
    /// BT-110 invoice total VAT amount (in the invoice currency).
    pub tax: Decimal,
    /// BT-112 invoice total with VAT.
    pub gross: Decimal,
    /// BT-113 paid amount.
    pub prepaid: Decimal,
    /// BT-114 rounding amount.
    pub rounding: Decimal,
    /// BT-115 amount due for payment.
    pub payable: Decimal,
}

/// Largest file read (bytes); e-invoices are kilobytes, a PDF with images a
/// few megabytes.
pub const MAX_BYTES: usize = 32 << 20;

/// What kind of file `bytes` look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detected {
    Pdf,
    Xml,
    Unknown,
}

/// Sniffs the file kind: XML markup first (after a BOM and whitespace;
/// UTF-16 by its BOM), else `%PDF-` within the first KiB (PDF readers
/// allow a little junk before the header).
pub fn detect(bytes: &[u8]) -> Detected {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Detected::Xml;
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(i) = text.iter().position(|b| !b.is_ascii_whitespace())
        && text[i] == b'<'
    {
        return Detected::Xml;
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Detected::Pdf;
    }
    Detected::Unknown
}

/// Reads one e-invoice: UBL or CII XML, or a ZUGFeRD / Factur-X PDF with the
/// CII XML embedded. Refusals name where (element path) and why.
pub fn read(bytes: &[u8]) -> Result<Invoice, EInvoiceError> {
    if bytes.is_empty() {
        return Err(EInvoiceError::whole(EInvoiceErrorKind::Empty));
    }
    if bytes.len() > MAX_BYTES {
        return Err(EInvoiceError::whole(EInvoiceErrorKind::TooLarge {
            limit: MAX_BYTES as u64,
        }));
    }
    match detect(bytes) {
        Detected::Pdf => {
            let embedded = pdf::embedded_invoice(bytes)?;
            let mut invoice =
                read_xml(&embedded.bytes).map_err(|e| e.in_embedded(&embedded.name))?;
            invoice.container = Container::Pdf {
                file: embedded.name,
            };
            Ok(invoice)
        }
        Detected::Xml => read_xml(bytes),
        Detected::Unknown => Err(EInvoiceError::whole(EInvoiceErrorKind::UnknownFormat)),
    }
}

/// Reads a UBL or CII XML document (the syntax from the root element's
/// namespace, never assumed).
pub fn read_xml(bytes: &[u8]) -> Result<Invoice, EInvoiceError> {
    if bytes.is_empty() {
        return Err(EInvoiceError::whole(EInvoiceErrorKind::Empty));
    }
    if bytes.len() > MAX_BYTES {
        return Err(EInvoiceError::whole(EInvoiceErrorKind::TooLarge {
            limit: MAX_BYTES as u64,
        }));
    }
    let text = xml::decode(bytes)?;
    let root = xml::parse(&text)?;
    let node = xml::Node::root(&root);
    match (root.namespace.as_str(), root.local.as_str()) {
        (ubl::INVOICE, "Invoice") => ubl::read(node, false),
        (ubl::CREDIT_NOTE, "CreditNote") => ubl::read(node, true),
        (cii::RSM, "CrossIndustryInvoice") => cii::read(node),
        (ns, "CrossIndustryDocument") if ns.starts_with("urn:ferd:CrossIndustryDocument") => Err(
            EInvoiceError::at(node.path.clone(), EInvoiceErrorKind::ZugferdV1),
        ),
        _ => Err(EInvoiceError::at(
            node.path.clone(),
            EInvoiceErrorKind::NotAnInvoice {
                root: xml::quoted(&format!("{{{}}}{}", root.namespace, root.local)),
            },
        )),
    }
}
