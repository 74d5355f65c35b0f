//! UN/CEFACT Cross Industry Invoice D16B (XRechnung's CII syntax, and the
//! XML inside ZUGFeRD 2.x / Factur-X PDFs) into the model.

use super::error::{EInvoiceError, EInvoiceErrorKind, Expected};
use super::ubl::join;
use super::xml::{Name, Node};
use super::{
    Address, AllowanceCharge, Contact, Container, ElectronicAddress, Invoice, Line, Party,
    PaymentMeans, Period, Syntax, Totals, VatBreakdown,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub const RSM: &str = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
pub const RAM: &str =
    "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
pub const UDT: &str = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

/// Most invoice lines read.
pub const MAX_LINES: usize = super::ubl::MAX_LINES;

fn rsm(local: &str) -> Name<'_> {
    (RSM, local)
}
fn ram(local: &str) -> Name<'_> {
    (RAM, local)
}
fn udt(local: &str) -> Name<'_> {
    (UDT, local)
}

/// A CII date: `<udt:DateTimeString format="102">20240131</…>` (or
/// `udt:DateString` inside `TaxPointDate`), under the element at `names`.
fn date_at(node: &Node<'_>, names: &[Name<'_>]) -> Result<Option<NaiveDate>, EInvoiceError> {
    let Some(holder) = node.get(names) else {
        return Ok(None);
    };
    let value = holder
        .first(udt("DateTimeString"))
        .or_else(|| holder.first(udt("DateString")));
    let Some(value) = value else {
        return Err(EInvoiceError::at(
            holder.child_path(udt("DateTimeString")),
            EInvoiceErrorKind::Missing,
        ));
    };
    match value.attr("format").as_deref() {
        None | Some("102") => {}
        Some(other) => {
            return Err(EInvoiceError::at(
                format!("{}/@format", value.path),
                EInvoiceErrorKind::DateFormat {
                    format: super::xml::quoted(other),
                },
            ));
        }
    }
    super::xml::date(&value.element.text, "%Y%m%d", &value.path).map(Some)
}

fn need_date(node: &Node<'_>, names: &[Name<'_>]) -> Result<NaiveDate, EInvoiceError> {
    match date_at(node, names)? {
        Some(date) => Ok(date),
        None => {
            let mut path = node.path.clone();
            for name in names {
                path = format!("{path}/ram:{}", name.1);
            }
            Err(EInvoiceError::at(path, EInvoiceErrorKind::Missing))
        }
    }
}

/// Reads a CII document whose root is `rsm:CrossIndustryInvoice`.
pub fn read(root: Node<'_>) -> Result<Invoice, EInvoiceError> {
    let document = root.need(&[rsm("ExchangedDocument")])?;
    let transaction = root.need(&[rsm("SupplyChainTradeTransaction")])?;
    let agreement = transaction.need(&[ram("ApplicableHeaderTradeAgreement")])?;
    let settlement = transaction.need(&[ram("ApplicableHeaderTradeSettlement")])?;
    let currency = currency(&settlement)?;
    let terms = settlement.all(ram("SpecifiedTradePaymentTerms"));
    let mut due_date = None;
    let mut mandate = None;
    for t in &terms {
        if due_date.is_none() {
            due_date = date_at(t, &[ram("DueDateDateTime")])?;
        }
        mandate = mandate.or_else(|| t.text_at(&[ram("DirectDebitMandateID")]));
    }
    let payment_terms = join(
        terms
            .iter()
            .filter_map(|t| t.text_at(&[ram("Description")])),
    );
    let mut cash_discounts = payment_terms
        .as_deref()
        .map(super::skonto_from_terms)
        .unwrap_or_default();
    // ZUGFeRD EXTENDED: structured discount terms (days, percent, base).
    for t in &terms {
        for d in t.all(ram("ApplicableTradePaymentDiscountTerms")) {
            let days = d.get(&[ram("BasisPeriodMeasure")]);
            let days = days.and_then(|n| n.text()?.parse::<u32>().ok());
            let percent = d.decimal_at(&[ram("CalculationPercent")], Expected::Percent)?;
            if let (Some(days), Some(percent)) = (days, percent) {
                cash_discounts.push(super::CashDiscount {
                    days,
                    percent,
                    base: d.decimal_at(&[ram("BasisAmount")], Expected::Amount)?,
                });
            }
        }
    }
    let remittance = settlement.text_at(&[ram("PaymentReference")]);
    let payment_means = settlement
        .all(ram("SpecifiedTradeSettlementPaymentMeans"))
        .iter()
        .map(|p| payment_means(p, &remittance, &mandate))
        .collect::<Result<Vec<_>, _>>()?;
    let lines_found = transaction.all(ram("IncludedSupplyChainTradeLineItem"));
    if lines_found.len() > MAX_LINES {
        return Err(EInvoiceError::whole(EInvoiceErrorKind::TooMany {
            what: "invoice lines".into(),
            limit: MAX_LINES,
        }));
    }
    let lines = lines_found
        .iter()
        .map(line)
        .collect::<Result<Vec<_>, _>>()?;
    let mut allowances_charges = settlement
        .all(ram("SpecifiedTradeAllowanceCharge"))
        .iter()
        .map(|a| allowance_charge(a, true))
        .collect::<Result<Vec<_>, _>>()?;
    // ZUGFeRD's EXTENDED profile writes freight as a logistics service
    // charge; EN 16931 counts it among the document charges (BT-108).
    for charge in settlement.all(ram("SpecifiedLogisticsServiceCharge")) {
        allowances_charges.push(logistics_charge(&charge)?);
    }
    let vat_breakdown = settlement
        .all(ram("ApplicableTradeTax"))
        .iter()
        .map(breakdown)
        .collect::<Result<Vec<_>, _>>()?;
    let totals = totals(&settlement, &currency, &vat_breakdown)?;
    Ok(Invoice {
        syntax: Syntax::Cii,
        container: Container::Xml,
        specification: root.text_at(&[
            rsm("ExchangedDocumentContext"),
            ram("GuidelineSpecifiedDocumentContextParameter"),
            ram("ID"),
        ]),
        number: document.need_text(&[ram("ID")])?,
        type_code: document.need_text(&[ram("TypeCode")])?,
        issue_date: need_date(&document, &[ram("IssueDateTime")])?,
        due_date,
        delivery_date: date_at(
            &transaction,
            &[
                ram("ApplicableHeaderTradeDelivery"),
                ram("ActualDeliverySupplyChainEvent"),
                ram("OccurrenceDateTime"),
            ],
        )?,
        period: period(&settlement)?,
        payment_terms,
        currency,
        buyer_reference: agreement.text_at(&[ram("BuyerReference")]),
        order_reference: agreement
            .text_at(&[ram("BuyerOrderReferencedDocument"), ram("IssuerAssignedID")]),
        contract_reference: agreement
            .text_at(&[ram("ContractReferencedDocument"), ram("IssuerAssignedID")]),
        preceding_invoice: settlement
            .text_at(&[ram("InvoiceReferencedDocument"), ram("IssuerAssignedID")]),
        notes: document
            .all(ram("IncludedNote"))
            .iter()
            .filter_map(|n| n.text_at(&[ram("Content")]))
            .collect(),
        seller: party(&agreement.need(&[ram("SellerTradeParty")])?)?,
        buyer: party(&agreement.need(&[ram("BuyerTradeParty")])?)?,
        payment_means,
        lines,
        allowances_charges,
        vat_breakdown,
        totals,
        cash_discounts,
    })
}

fn currency(settlement: &Node<'_>) -> Result<String, EInvoiceError> {
    let node = settlement.need(&[ram("InvoiceCurrencyCode")])?;
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
    let Some(p) = node.first(ram("BillingSpecifiedPeriod")) else {
        return Ok(None);
    };
    let start = date_at(&p, &[ram("StartDateTime")])?;
    let end = date_at(&p, &[ram("EndDateTime")])?;
    Ok((start.is_some() || end.is_some()).then_some(Period { start, end }))
}

fn party(p: &Node<'_>) -> Result<Party, EInvoiceError> {
    let mut vat_id = None;
    let mut tax_number = None;
    for registration in p.all(ram("SpecifiedTaxRegistration")) {
        let Some(id) = registration.first(ram("ID")) else {
            continue;
        };
        match id.attr("schemeID").as_deref() {
            Some("VA") => vat_id = vat_id.or(id.text()),
            _ => tax_number = tax_number.or(id.text()),
        }
    }
    let a = p.need(&[ram("PostalTradeAddress")])?;
    let additional = join(
        [a.text_at(&[ram("LineTwo")]), a.text_at(&[ram("LineThree")])]
            .into_iter()
            .flatten(),
    );
    let address = Address {
        street: a.text_at(&[ram("LineOne")]),
        additional,
        city: a.text_at(&[ram("CityName")]),
        postcode: a.text_at(&[ram("PostcodeCode")]),
        subdivision: a.text_at(&[ram("CountrySubDivisionName")]),
        country: a.need_text(&[ram("CountryID")])?,
    };
    let contact = p.first(ram("DefinedTradeContact")).map(|c| Contact {
        name: c
            .text_at(&[ram("PersonName")])
            .or_else(|| c.text_at(&[ram("DepartmentName")])),
        phone: c.text_at(&[
            ram("TelephoneUniversalCommunication"),
            ram("CompleteNumber"),
        ]),
        email: c.text_at(&[ram("EmailURIUniversalCommunication"), ram("URIID")]),
    });
    let electronic_address = p
        .get(&[ram("URIUniversalCommunication"), ram("URIID")])
        .and_then(|e| {
            e.text().map(|value| ElectronicAddress {
                scheme: e.attr("schemeID").unwrap_or_default(),
                value,
            })
        });
    let legal = p.first(ram("SpecifiedLegalOrganization"));
    Ok(Party {
        name: p.need_text(&[ram("Name")])?,
        trading_name: legal
            .as_ref()
            .and_then(|l| l.text_at(&[ram("TradingBusinessName")])),
        vat_id,
        tax_number,
        legal_id: legal.as_ref().and_then(|l| l.text_at(&[ram("ID")])),
        id: p
            .text_at(&[ram("ID")])
            .or_else(|| p.text_at(&[ram("GlobalID")])),
        address,
        contact,
        electronic_address,
    })
}

fn payment_means(
    p: &Node<'_>,
    remittance: &Option<String>,
    mandate: &Option<String>,
) -> Result<PaymentMeans, EInvoiceError> {
    let account = p.first(ram("PayeePartyCreditorFinancialAccount"));
    let iban = account.as_ref().and_then(|a| {
        a.text_at(&[ram("IBANID")])
            .or_else(|| a.text_at(&[ram("ProprietaryID")]))
    });
    let code = p.need_text(&[ram("TypeCode")])?;
    let debit = code == "59";
    Ok(PaymentMeans {
        remittance: remittance.clone(),
        iban: iban.map(|i| i.split_whitespace().collect()),
        account_name: account
            .as_ref()
            .and_then(|a| a.text_at(&[ram("AccountName")])),
        bic: p.text_at(&[
            ram("PayeeSpecifiedCreditorFinancialInstitution"),
            ram("BICID"),
        ]),
        mandate: if debit { mandate.clone() } else { None },
        debited_iban: p
            .text_at(&[ram("PayerPartyDebtorFinancialAccount"), ram("IBANID")])
            .map(|i| i.split_whitespace().collect()),
        code,
    })
}

fn allowance_charge(a: &Node<'_>, document: bool) -> Result<AllowanceCharge, EInvoiceError> {
    let indicator = a.need(&[ram("ChargeIndicator"), udt("Indicator")])?;
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
        a.first(ram("CategoryTradeTax"))
    } else {
        None
    };
    Ok(AllowanceCharge {
        charge,
        amount: a.need_decimal(&[ram("ActualAmount")], Expected::Amount)?,
        base_amount: a.decimal_at(&[ram("BasisAmount")], Expected::Amount)?,
        percent: a.decimal_at(&[ram("CalculationPercent")], Expected::Percent)?,
        reason: a.text_at(&[ram("Reason")]),
        reason_code: a.text_at(&[ram("ReasonCode")]),
        vat_category: category
            .as_ref()
            .and_then(|c| c.text_at(&[ram("CategoryCode")])),
        vat_rate: match &category {
            Some(c) => c.decimal_at(&[ram("RateApplicablePercent")], Expected::Percent)?,
            None => None,
        },
    })
}

fn logistics_charge(c: &Node<'_>) -> Result<AllowanceCharge, EInvoiceError> {
    let tax = c.first(ram("AppliedTradeTax"));
    Ok(AllowanceCharge {
        charge: true,
        amount: c.need_decimal(&[ram("AppliedAmount")], Expected::Amount)?,
        base_amount: None,
        percent: None,
        reason: c.text_at(&[ram("Description")]),
        reason_code: None,
        vat_category: tax.as_ref().and_then(|t| t.text_at(&[ram("CategoryCode")])),
        vat_rate: match &tax {
            Some(t) => t.decimal_at(&[ram("RateApplicablePercent")], Expected::Percent)?,
            None => None,
        },
    })
}

fn line(l: &Node<'_>) -> Result<Line, EInvoiceError> {
    let document = l.need(&[ram("AssociatedDocumentLineDocument")])?;
    let product = l.need(&[ram("SpecifiedTradeProduct")])?;
    let agreement = l.need(&[ram("SpecifiedLineTradeAgreement")])?;
    let price = agreement.need(&[ram("NetPriceProductTradePrice")])?;
    let quantity = l.need(&[ram("SpecifiedLineTradeDelivery"), ram("BilledQuantity")])?;
    let settlement = l.need(&[ram("SpecifiedLineTradeSettlement")])?;
    let tax = settlement.need(&[ram("ApplicableTradeTax")])?;
    let base_quantity = match price.first(ram("BasisQuantity")) {
        Some(b) => b.decimal(Expected::Number)?,
        None => Decimal::ONE,
    };
    Ok(Line {
        id: document.need_text(&[ram("LineID")])?,
        name: product.need_text(&[ram("Name")])?,
        description: product.text_at(&[ram("Description")]),
        seller_item_id: product.text_at(&[ram("SellerAssignedID")]),
        quantity: quantity.decimal(Expected::Number)?,
        unit_code: quantity.attr("unitCode").ok_or_else(|| {
            EInvoiceError::at(
                format!("{}/@unitCode", quantity.path),
                EInvoiceErrorKind::Missing,
            )
        })?,
        net_price: price.need_decimal(&[ram("ChargeAmount")], Expected::Amount)?,
        price_base_quantity: base_quantity,
        net_amount: settlement.need_decimal(
            &[
                ram("SpecifiedTradeSettlementLineMonetarySummation"),
                ram("LineTotalAmount"),
            ],
            Expected::Amount,
        )?,
        vat_category: tax.need_text(&[ram("CategoryCode")])?,
        vat_rate: tax.decimal_at(&[ram("RateApplicablePercent")], Expected::Percent)?,
        note: document.text_at(&[ram("IncludedNote"), ram("Content")]),
        order_line: agreement.text_at(&[ram("BuyerOrderReferencedDocument"), ram("LineID")]),
        accounting_reference: settlement
            .text_at(&[ram("ReceivableSpecifiedTradeAccountingAccount"), ram("ID")]),
        period: period(&settlement)?,
        allowances_charges: settlement
            .all(ram("SpecifiedTradeAllowanceCharge"))
            .iter()
            .map(|a| allowance_charge(a, false))
            .collect::<Result<Vec<_>, _>>()?,
    })
}

fn breakdown(t: &Node<'_>) -> Result<VatBreakdown, EInvoiceError> {
    Ok(VatBreakdown {
        category: t.need_text(&[ram("CategoryCode")])?,
        rate: t.decimal_at(&[ram("RateApplicablePercent")], Expected::Percent)?,
        base: t.need_decimal(&[ram("BasisAmount")], Expected::Amount)?,
        tax: t.need_decimal(&[ram("CalculatedAmount")], Expected::Amount)?,
        exemption_reason: t.text_at(&[ram("ExemptionReason")]),
        exemption_code: t.text_at(&[ram("ExemptionReasonCode")]),
    })
}

fn totals(
    settlement: &Node<'_>,
    currency: &str,
    breakdown: &[VatBreakdown],
) -> Result<Totals, EInvoiceError> {
    let t = settlement.need(&[ram("SpecifiedTradeSettlementHeaderMonetarySummation")])?;
    let optional = |name: &str| -> Result<Decimal, EInvoiceError> {
        Ok(t.decimal_at(&[ram(name)], Expected::Amount)?
            .unwrap_or(Decimal::ZERO))
    };
    // BT-110 is the TaxTotalAmount in the invoice currency (a second one
    // in the tax currency is BT-111); absent, the breakdown's sum stands.
    let tax = match t
        .all(ram("TaxTotalAmount"))
        .into_iter()
        .find(|a| a.attr("currencyID").is_none_or(|c| c == currency))
    {
        Some(node) => node.decimal(Expected::Amount)?,
        None => breakdown.iter().map(|b| b.tax).sum(),
    };
    Ok(Totals {
        line_sum: t.need_decimal(&[ram("LineTotalAmount")], Expected::Amount)?,
        allowances: optional("AllowanceTotalAmount")?,
        charges: optional("ChargeTotalAmount")?,
        net: t.need_decimal(&[ram("TaxBasisTotalAmount")], Expected::Amount)?,
        tax,
        gross: t.need_decimal(&[ram("GrandTotalAmount")], Expected::Amount)?,
        prepaid: optional("TotalPrepaidAmount")?,
        rounding: optional("RoundingAmount")?,
        payable: t.need_decimal(&[ram("DuePayableAmount")], Expected::Amount)?,
    })
}
