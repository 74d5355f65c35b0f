//! OASIS UBL 2.1 `Invoice` and `CreditNote` (XRechnung's UBL syntax,
//! CIUS of EN 16931) into the model.

use super::error::{EInvoiceError, EInvoiceErrorKind, Expected};
use super::xml::{Name, Node};
use super::{
    Address, AllowanceCharge, Contact, Container, ElectronicAddress, Invoice, Line, Party,
    PaymentMeans, Period, Syntax, Totals, VatBreakdown,
};
use rust_decimal::Decimal;

pub const INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
pub const CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
pub const CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
pub const CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

/// Most invoice lines read.
pub const MAX_LINES: usize = 100_000;

fn cac(local: &str) -> Name<'_> {
    (CAC, local)
}
fn cbc(local: &str) -> Name<'_> {
    (CBC, local)
}

const DATE: &str = "%Y-%m-%d";

fn date_at(
    node: &Node<'_>,
    names: &[Name<'_>],
) -> Result<Option<chrono::NaiveDate>, EInvoiceError> {
    node.get(names)
        .map(|n| super::xml::date(&n.element.text, DATE, &n.path))
        .transpose()
}

/// Reads a UBL document whose root is `root` (already known to be an
/// `Invoice` or `CreditNote` in its namespace).
pub fn read(root: Node<'_>, credit_note: bool) -> Result<Invoice, EInvoiceError> {
    let (type_name, line_name, quantity_name) = if credit_note {
        ("CreditNoteTypeCode", "CreditNoteLine", "CreditedQuantity")
    } else {
        ("InvoiceTypeCode", "InvoiceLine", "InvoicedQuantity")
    };
    let number = root.need_text(&[cbc("ID")])?;
    let issue = root.need(&[cbc("IssueDate")])?;
    let issue_date = super::xml::date(&issue.element.text, DATE, &issue.path)?;
    let type_code = root.need_text(&[cbc(type_name)])?;
    let currency = currency(&root)?;
    let mut due_date = date_at(&root, &[cbc("DueDate")])?;
    let payment_means = root
        .all(cac("PaymentMeans"))
        .iter()
        .map(|p| {
            if due_date.is_none() {
                due_date = date_at(p, &[cbc("PaymentDueDate")])?;
            }
            payment_means(p)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let notes = root
        .all(cbc("Note"))
        .iter()
        .filter_map(|n| n.text())
        .collect();
    let payment_terms = join(
        root.all(cac("PaymentTerms"))
            .iter()
            .filter_map(|t| t.text_at(&[cbc("Note")])),
    );
    let cash_discounts = payment_terms
        .as_deref()
        .map(super::skonto_from_terms)
        .unwrap_or_default();
    let lines_found = root.all(cac(line_name));
    if lines_found.len() > MAX_LINES {
        return Err(EInvoiceError::whole(EInvoiceErrorKind::TooMany {
            what: "invoice lines".into(),
            limit: MAX_LINES,
        }));
    }
    let lines = lines_found
        .iter()
        .map(|l| line(l, quantity_name))
        .collect::<Result<Vec<_>, _>>()?;
    let allowances_charges = root
        .all(cac("AllowanceCharge"))
        .iter()
        .map(|a| allowance_charge(a, true))
        .collect::<Result<Vec<_>, _>>()?;
    let (tax_total, vat_breakdown) = tax(&root, &currency)?;
    let totals = totals(&root, tax_total)?;
    Ok(Invoice {
        syntax: Syntax::Ubl,
        container: Container::Xml,
        specification: root.text_at(&[cbc("CustomizationID")]),
        number,
        type_code,
        issue_date,
        due_date,
        delivery_date: date_at(&root, &[cac("Delivery"), cbc("ActualDeliveryDate")])?,
        period: period(&root)?,
        payment_terms,
        currency,
        buyer_reference: root.text_at(&[cbc("BuyerReference")]),
        order_reference: root.text_at(&[cac("OrderReference"), cbc("ID")]),
        contract_reference: root.text_at(&[cac("ContractDocumentReference"), cbc("ID")]),
        preceding_invoice: root.text_at(&[
            cac("BillingReference"),
            cac("InvoiceDocumentReference"),
            cbc("ID"),
        ]),
        notes,
        seller: party(&root.need(&[cac("AccountingSupplierParty"), cac("Party")])?)?,
        buyer: party(&root.need(&[cac("AccountingCustomerParty"), cac("Party")])?)?,
        payment_means,
        lines,
        allowances_charges,
        vat_breakdown,
        totals,
        cash_discounts,
    })
}

/// Non-empty texts joined by a line break; `None` when there are none.
pub fn join(texts: impl Iterator<Item = String>) -> Option<String> {
    let all: Vec<String> = texts.collect();
    (!all.is_empty()).then(|| all.join("\n"))
}

fn currency(root: &Node<'_>) -> Result<String, EInvoiceError> {
    let node = root.need(&[cbc("DocumentCurrencyCode")])?;
    let code = node.text().unwrap_or_default();
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(EInvoiceError::at(
            node.path,
            EInvoiceErrorKind::Invalid {
                value: super::xml::quoted(&code),
                expected: Expected::Currency,
            },
        ))
    }
}

fn period(node: &Node<'_>) -> Result<Option<Period>, EInvoiceError> {
    let Some(p) = node.first(cac("InvoicePeriod")) else {
        return Ok(None);
    };
    let start = date_at(&p, &[cbc("StartDate")])?;
    let end = date_at(&p, &[cbc("EndDate")])?;
    Ok((start.is_some() || end.is_some()).then_some(Period { start, end }))
}

fn party(p: &Node<'_>) -> Result<Party, EInvoiceError> {
    let legal = p.first(cac("PartyLegalEntity"));
    let trading_name = p.text_at(&[cac("PartyName"), cbc("Name")]);
    let name = match legal
        .as_ref()
        .and_then(|l| l.text_at(&[cbc("RegistrationName")]))
    {
        Some(name) => name,
        None => match &trading_name {
            Some(name) => name.clone(),
            None => {
                return Err(EInvoiceError::at(
                    format!(
                        "{}/{}",
                        p.child_path(cac("PartyLegalEntity")),
                        "cbc:RegistrationName"
                    ),
                    EInvoiceErrorKind::Missing,
                ));
            }
        },
    };
    let mut vat_id = None;
    let mut tax_number = None;
    for scheme in p.all(cac("PartyTaxScheme")) {
        let id = scheme.text_at(&[cbc("CompanyID")]);
        match scheme.text_at(&[cac("TaxScheme"), cbc("ID")]).as_deref() {
            Some("VAT") => vat_id = vat_id.or(id),
            _ => tax_number = tax_number.or(id),
        }
    }
    let address = match p.first(cac("PostalAddress")) {
        Some(a) => Address {
            street: a.text_at(&[cbc("StreetName")]),
            additional: a.text_at(&[cbc("AdditionalStreetName")]),
            city: a.text_at(&[cbc("CityName")]),
            postcode: a.text_at(&[cbc("PostalZone")]),
            subdivision: a.text_at(&[cbc("CountrySubentity")]),
            country: a.need_text(&[cac("Country"), cbc("IdentificationCode")])?,
        },
        None => {
            return Err(EInvoiceError::at(
                p.child_path(cac("PostalAddress")),
                EInvoiceErrorKind::Missing,
            ));
        }
    };
    let contact = p.first(cac("Contact")).map(|c| Contact {
        name: c.text_at(&[cbc("Name")]),
        phone: c.text_at(&[cbc("Telephone")]),
        email: c.text_at(&[cbc("ElectronicMail")]),
    });
    let electronic_address = p.first(cbc("EndpointID")).and_then(|e| {
        e.text().map(|value| ElectronicAddress {
            scheme: e.attr("schemeID").unwrap_or_default(),
            value,
        })
    });
    Ok(Party {
        name,
        trading_name,
        vat_id,
        tax_number,
        legal_id: legal.and_then(|l| l.text_at(&[cbc("CompanyID")])),
        id: p.text_at(&[cac("PartyIdentification"), cbc("ID")]),
        address,
        contact,
        electronic_address,
    })
}

fn payment_means(p: &Node<'_>) -> Result<PaymentMeans, EInvoiceError> {
    let account = p.first(cac("PayeeFinancialAccount"));
    let mandate = p.first(cac("PaymentMandate"));
    Ok(PaymentMeans {
        code: p.need_text(&[cbc("PaymentMeansCode")])?,
        remittance: p.text_at(&[cbc("PaymentID")]),
        iban: account
            .as_ref()
            .and_then(|a| a.text_at(&[cbc("ID")]))
            .map(|iban| iban.split_whitespace().collect()),
        account_name: account.as_ref().and_then(|a| a.text_at(&[cbc("Name")])),
        bic: account
            .as_ref()
            .and_then(|a| a.text_at(&[cac("FinancialInstitutionBranch"), cbc("ID")])),
        mandate: mandate.as_ref().and_then(|m| m.text_at(&[cbc("ID")])),
        debited_iban: mandate
            .as_ref()
            .and_then(|m| m.text_at(&[cac("PayerFinancialAccount"), cbc("ID")]))
            .map(|iban| iban.split_whitespace().collect()),
    })
}

fn allowance_charge(a: &Node<'_>, document: bool) -> Result<AllowanceCharge, EInvoiceError> {
    let indicator = a.need(&[cbc("ChargeIndicator")])?;
    let charge = match indicator.text().as_deref() {
        Some("true") | Some("1") => true,
        Some("false") | Some("0") => false,
        other => {
            return Err(EInvoiceError::at(
                indicator.path,
                EInvoiceErrorKind::Invalid {
                    value: super::xml::quoted(other.unwrap_or_default()),
                    expected: Expected::Code,
                },
            ));
        }
    };
    let category = if document {
        a.first(cac("TaxCategory"))
    } else {
        None
    };
    Ok(AllowanceCharge {
        charge,
        amount: a.need_decimal(&[cbc("Amount")], Expected::Amount)?,
        base_amount: a.decimal_at(&[cbc("BaseAmount")], Expected::Amount)?,
        percent: a.decimal_at(&[cbc("MultiplierFactorNumeric")], Expected::Percent)?,
        reason: a.text_at(&[cbc("AllowanceChargeReason")]),
        reason_code: a.text_at(&[cbc("AllowanceChargeReasonCode")]),
        vat_category: category.as_ref().and_then(|c| c.text_at(&[cbc("ID")])),
        vat_rate: match &category {
            Some(c) => c.decimal_at(&[cbc("Percent")], Expected::Percent)?,
            None => None,
        },
    })
}

fn line(l: &Node<'_>, quantity_name: &str) -> Result<Line, EInvoiceError> {
    let quantity = l.need(&[cbc(quantity_name)])?;
    let item = l.need(&[cac("Item")])?;
    let category = item.need(&[cac("ClassifiedTaxCategory")])?;
    let price = l.need(&[cac("Price")])?;
    let base_quantity = match price.first(cbc("BaseQuantity")) {
        Some(b) => b.decimal(Expected::Number)?,
        None => Decimal::ONE,
    };
    Ok(Line {
        id: l.need_text(&[cbc("ID")])?,
        name: item.need_text(&[cbc("Name")])?,
        description: item.text_at(&[cbc("Description")]),
        seller_item_id: item.text_at(&[cac("SellersItemIdentification"), cbc("ID")]),
        quantity: quantity.decimal(Expected::Number)?,
        unit_code: quantity.attr("unitCode").ok_or_else(|| {
            EInvoiceError::at(
                format!("{}/@unitCode", quantity.path),
                EInvoiceErrorKind::Missing,
            )
        })?,
        net_price: price.need_decimal(&[cbc("PriceAmount")], Expected::Amount)?,
        price_base_quantity: base_quantity,
        net_amount: l.need_decimal(&[cbc("LineExtensionAmount")], Expected::Amount)?,
        vat_category: category.need_text(&[cbc("ID")])?,
        vat_rate: category.decimal_at(&[cbc("Percent")], Expected::Percent)?,
        note: l.text_at(&[cbc("Note")]),
        order_line: l.text_at(&[cac("OrderLineReference"), cbc("LineID")]),
        accounting_reference: l.text_at(&[cbc("AccountingCost")]),
        period: period(l)?,
        allowances_charges: l
            .all(cac("AllowanceCharge"))
            .iter()
            .map(|a| allowance_charge(a, false))
            .collect::<Result<Vec<_>, _>>()?,
    })
}

/// BT-110 and the breakdown, from the `TaxTotal` in the invoice currency
/// (a second one in the tax currency, BT-111, carries no breakdown).
fn tax(root: &Node<'_>, currency: &str) -> Result<(Decimal, Vec<VatBreakdown>), EInvoiceError> {
    let totals = root.all(cac("TaxTotal"));
    let chosen = totals
        .iter()
        .find(|t| {
            t.first(cbc("TaxAmount"))
                .and_then(|a| a.attr("currencyID"))
                .is_none_or(|c| c == currency)
        })
        .or(totals.first());
    let Some(total) = chosen else {
        return Err(EInvoiceError::at(
            root.child_path(cac("TaxTotal")),
            EInvoiceErrorKind::Missing,
        ));
    };
    let amount = total.need_decimal(&[cbc("TaxAmount")], Expected::Amount)?;
    let breakdown = total
        .all(cac("TaxSubtotal"))
        .iter()
        .map(|s| {
            let category = s.need(&[cac("TaxCategory")])?;
            Ok(VatBreakdown {
                category: category.need_text(&[cbc("ID")])?,
                rate: category.decimal_at(&[cbc("Percent")], Expected::Percent)?,
                base: s.need_decimal(&[cbc("TaxableAmount")], Expected::Amount)?,
                tax: s.need_decimal(&[cbc("TaxAmount")], Expected::Amount)?,
                exemption_reason: category.text_at(&[cbc("TaxExemptionReason")]),
                exemption_code: category.text_at(&[cbc("TaxExemptionReasonCode")]),
            })
        })
        .collect::<Result<Vec<_>, EInvoiceError>>()?;
    Ok((amount, breakdown))
}

fn totals(root: &Node<'_>, tax: Decimal) -> Result<Totals, EInvoiceError> {
    let t = root.need(&[cac("LegalMonetaryTotal")])?;
    let optional = |name: &str| -> Result<Decimal, EInvoiceError> {
        Ok(t.decimal_at(&[cbc(name)], Expected::Amount)?
            .unwrap_or(Decimal::ZERO))
    };
    Ok(Totals {
        line_sum: t.need_decimal(&[cbc("LineExtensionAmount")], Expected::Amount)?,
        allowances: optional("AllowanceTotalAmount")?,
        charges: optional("ChargeTotalAmount")?,
        net: t.need_decimal(&[cbc("TaxExclusiveAmount")], Expected::Amount)?,
        tax,
        gross: t.need_decimal(&[cbc("TaxInclusiveAmount")], Expected::Amount)?,
        prepaid: optional("PrepaidAmount")?,
        rounding: optional("PayableRoundingAmount")?,
        payable: t.need_decimal(&[cbc("PayableAmount")], Expected::Amount)?,
    })
}
