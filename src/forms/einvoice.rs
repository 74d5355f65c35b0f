//! The posting proposal of an incoming e-invoice (issue 19, part F): from
//! an invoice read by `formats::einvoice` and the Book, the vendor it
//! matches (VAT id, then IBAN, then name; which one matched is said) or a
//! vendor pre-filled from the invoice to create, one expense line per VAT
//! category and rate (net, with the input tax code the category and rate
//! map to, on the vendor's last used expense account or the chart's
//! general expense account), the vendor line of the gross amount, the due
//! date (the invoice's, else the vendor's terms) and the invoice number as
//! reference. Nothing is proposed while the invoice's own sums disagree.
//! Pure, no web code: tested natively.

use crate::formats::einvoice::totals::{self, Mismatch};
use crate::formats::einvoice::{Invoice, VatBreakdown};
use crate::ledger::Book;
use crate::ledger::gl::AccountType;
use crate::ledger::partners::{BankAccount, Partner, PartnerKind};
use crate::ledger::posting::{EntryDraft, LineDraft};
use crate::ledger::tax::{TaxDirection, TaxKind};
use crate::ledger::types::limits::{
    MAX_NAME_LEN, MAX_POSTCODE_LEN, MAX_STREET_LEN, MAX_TAX_ID_LEN, MAX_TOWN_LEN, VENDOR_CODES,
};
use crate::ledger::types::vat_id::check_vat_id;
use crate::ledger::types::{AccountNo, PartnerCode, Side};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// How the vendor was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    VatId,
    Iban,
    Name,
}

/// Where a proposed line's account comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountSource {
    /// The account posted for this vendor last time (remembered).
    Remembered,
    /// The chart's general expense account.
    General,
    /// No expense account found: the user picks one.
    None,
}

/// One proposed expense line: the net of one VAT category and rate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposedLine {
    pub account: Option<AccountNo>,
    pub source: AccountSource,
    /// The input tax code; `None` for untaxed categories (Z, E, O, G, …)
    /// or when the chart has no code for the category and rate.
    pub tax_code: Option<String>,
    /// The VAT category (UNTDID 5305: S, AE, K, Z, E, …) and rate.
    pub category: String,
    pub rate: Option<Decimal>,
    /// The invoice's taxable amount and tax of the category and rate.
    pub net: Decimal,
    pub tax: Decimal,
    /// Set when a taxed category found no code in the chart.
    pub code_missing: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// The matched vendor and how.
    pub vendor: Option<(PartnerCode, MatchedBy)>,
    /// A vendor pre-filled from the seller, with the next free vendor
    /// code, offered when none matched.
    pub new_vendor: Partner,
    pub lines: Vec<ProposedLine>,
    /// A credit note: the vendor line is a debit, the expense lines credits.
    pub credit_note: bool,
    /// The vendor line: net + tax (BT-112).
    pub gross: Decimal,
    /// BT-115, to show when it differs from the gross (prepaid amounts).
    pub payable: Decimal,
    pub document_date: NaiveDate,
    /// The invoice's due date, else the vendor's terms from the document
    /// date; `None` without either (the entry then falls due on its date).
    pub due_date: Option<NaiveDate>,
    /// Whether `due_date` is the invoice's own (BT-9).
    pub due_from_invoice: bool,
    pub reference: String,
    pub memo: String,
}

/// A taxed VAT category and rate the company's tax codes do not cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoTaxCode;

/// Why nothing is proposed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProposalError {
    /// The invoice's sums disagree; each with its two numbers.
    Totals(Vec<Mismatch>),
    /// The invoice is not in the company's local currency.
    Currency { invoice: String, local: String },
}

/// Upper case, without spaces or punctuation: how VAT ids and IBANs are
/// compared.
fn compact(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Lower case, words separated by one space: how names are compared.
fn name_key(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The vendor the seller of `invoice` is: by VAT id, then by IBAN, then by
/// name (active vendors first).
pub fn match_vendor(book: &Book, invoice: &Invoice) -> Option<(PartnerCode, MatchedBy)> {
    let mut vendors: Vec<&Partner> = book
        .partners()
        .partners()
        .filter(|p| p.kind == PartnerKind::Vendor)
        .collect();
    vendors.sort_by_key(|p| !p.active);
    let seller = &invoice.seller;
    if let Some(vat) = seller
        .vat_id
        .as_deref()
        .map(compact)
        .filter(|v| !v.is_empty())
        && let Some(p) = vendors.iter().find(|p| compact(&p.vat_id) == vat)
    {
        return Some((p.code, MatchedBy::VatId));
    }
    let ibans: Vec<String> = invoice
        .payment_means
        .iter()
        .filter_map(|m| m.iban.as_deref())
        .map(compact)
        .filter(|i| !i.is_empty())
        .collect();
    if let Some(p) = vendors.iter().find(|p| {
        p.bank_accounts
            .iter()
            .any(|b| ibans.contains(&compact(&b.iban)))
    }) {
        return Some((p.code, MatchedBy::Iban));
    }
    let names: Vec<String> = std::iter::once(seller.name.as_str())
        .chain(seller.trading_name.as_deref())
        .map(name_key)
        .filter(|n| !n.is_empty())
        .collect();
    vendors
        .iter()
        .find(|p| names.contains(&name_key(&p.name)))
        .map(|p| (p.code, MatchedBy::Name))
}

fn cut(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect()
}

/// The next free numeric vendor code (the highest in use + 1), from the
/// start of the vendor range.
pub fn next_vendor_code(book: &Book) -> PartnerCode {
    let highest = book
        .partners()
        .partners()
        .filter_map(|p| p.code.as_str().parse::<u64>().ok())
        .filter(|n| (VENDOR_CODES.0..VENDOR_CODES.1).contains(n))
        .max();
    let next = highest.map_or(VENDOR_CODES.0 + 1, |n| n + 1);
    PartnerCode::parse(&next.to_string())
        .unwrap_or_else(|_| unreachable!("a number of the vendor range is a valid code"))
}

/// A vendor pre-filled from the seller: name, address, VAT id, tax
/// number, IBAN and BIC, contact; each cut to its field's length.
pub fn vendor_from_invoice(invoice: &Invoice, code: PartnerCode) -> Partner {
    let s = &invoice.seller;
    let mut p = Partner::new(code, PartnerKind::Vendor, &cut(&s.name, MAX_NAME_LEN));
    let a = &s.address;
    let text = |o: &Option<String>, max| o.as_deref().map(|t| cut(t, max)).unwrap_or_default();
    p.address.street = text(&a.street, MAX_STREET_LEN);
    p.address.postcode = text(&a.postcode, MAX_POSTCODE_LEN);
    p.address.town = text(&a.city, MAX_TOWN_LEN);
    if a.country.len() == 2 {
        p.address.country = a.country.to_ascii_uppercase();
    }
    // Only a VAT id that passes its check digits goes into the master
    // data; another one is noted in the remarks, as the invoice wrote it.
    if let Some(vat) = s.vat_id.as_deref().filter(|v| !v.trim().is_empty()) {
        match check_vat_id(vat) {
            Ok(id) => p.vat_id = cut(&id, MAX_TAX_ID_LEN),
            Err(_) => p.remarks = cut(&format!("USt-IdNr. laut Rechnung: {vat}"), 200),
        }
    }
    p.tax_number = text(&s.tax_number, MAX_TAX_ID_LEN);
    if let Some(c) = &s.contact {
        p.contact.person = text(&c.name, MAX_NAME_LEN);
        p.contact.phone = text(&c.phone, 40);
        p.contact.email = text(&c.email, 120);
    }
    if let Some(iban) = invoice.seller_iban() {
        p.bank_accounts = vec![BankAccount {
            iban: compact(iban),
            bic: invoice.seller_bic().map(compact).unwrap_or_default(),
            holder: String::new(),
            default: true,
        }];
    }
    p
}

/// The input tax code for a VAT category and rate on `date`: S → the
/// standard or reduced input code of that rate; AE → § 13b (from a German
/// seller the code of § 13b (2), else (1)), at the standard rate; K →
/// intra-EU acquisition at the standard rate; untaxed categories none.
/// `Err(NoTaxCode)` when a taxed category finds no code.
pub fn tax_code_for(
    book: &Book,
    category: &str,
    rate: Option<Decimal>,
    seller_country: &str,
    date: NaiveDate,
) -> Result<Option<String>, NoTaxCode> {
    let input = || {
        book.tax_codes()
            .filter(|c| c.active && c.direction == TaxDirection::Input)
    };
    let rate_is = |c: &crate::ledger::tax::TaxCode, r: Decimal| c.rate_on(date).ok() == Some(r);
    let standard = input()
        .find(|c| c.kind == TaxKind::Standard)
        .and_then(|c| c.rate_on(date).ok());
    match category {
        "S" => {
            let r = rate.unwrap_or_default();
            input()
                .filter(|c| matches!(c.kind, TaxKind::Standard | TaxKind::Reduced))
                .find(|c| rate_is(c, r))
                .map(|c| Some(c.code.clone()))
                .ok_or(NoTaxCode)
        }
        "AE" => {
            let codes: Vec<_> = input()
                .filter(|c| c.kind == TaxKind::ReverseCharge13b)
                .filter(|c| standard.is_none_or(|s| rate_is(c, s)))
                .collect();
            // § 13b (2) (domestic: construction, scrap …) reports in
            // box 84, § 13b (1) (EU services) in box 46.
            let domestic = seller_country.eq_ignore_ascii_case("DE");
            let wanted = if domestic { 84 } else { 46 };
            codes
                .iter()
                .find(|c| c.base_box.is_some_and(|b| b.0 == wanted))
                .or(codes.first())
                .map(|c| Some(c.code.clone()))
                .ok_or(NoTaxCode)
        }
        "K" => input()
            .filter(|c| c.kind == TaxKind::IntraEuAcquisition)
            .find(|c| standard.is_none_or(|s| rate_is(c, s)))
            .map(|c| Some(c.code.clone()))
            .ok_or(NoTaxCode),
        _ => Ok(None),
    }
}

/// The chart's general expense account: "Sonstige betriebliche
/// Aufwendungen" (SKR03 4900, SKR04 6300), else the first postable
/// expense account.
pub fn general_expense_account(book: &Book) -> Option<AccountNo> {
    let usable = |a: &&crate::ledger::gl::Account| {
        a.account_type == AccountType::Expense
            && a.postable
            && a.active
            && !a.control
            && a.currency.allows(None)
    };
    ["4900", "6300"]
        .iter()
        .filter_map(|n| AccountNo::parse(n).ok())
        .filter_map(|n| book.account(n))
        .find(usable)
        .or_else(|| book.accounts().find(usable))
        .map(|a| a.number)
}

/// The proposal for `invoice`, or why there is none.
pub fn propose(book: &Book, invoice: &Invoice) -> Result<Proposal, ProposalError> {
    let mismatches = totals::check(invoice);
    if !mismatches.is_empty() {
        return Err(ProposalError::Totals(mismatches));
    }
    let local = book.settings().lc.as_str().to_string();
    if !invoice.currency.eq_ignore_ascii_case(&local) {
        return Err(ProposalError::Currency {
            invoice: invoice.currency.clone(),
            local,
        });
    }
    let vendor = match_vendor(book, invoice);
    let remembered: &[AccountNo] = vendor.map_or(&[], |(v, _)| book.inbox().last_accounts(v));
    let general = general_expense_account(book);
    let date = invoice.issue_date;
    let breakdown: Vec<&VatBreakdown> = totals::per_rate(invoice);
    let lines = breakdown
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let (account, source) = match remembered.get(i).or(remembered.first()) {
                Some(a) => (Some(*a), AccountSource::Remembered),
                None => match general {
                    Some(a) => (Some(a), AccountSource::General),
                    None => (None, AccountSource::None),
                },
            };
            let code = tax_code_for(
                book,
                &b.category,
                b.rate,
                &invoice.seller.address.country,
                date,
            );
            ProposedLine {
                account,
                source,
                code_missing: code.is_err(),
                tax_code: code.unwrap_or(None),
                category: b.category.clone(),
                rate: b.rate,
                net: b.base,
                tax: b.tax,
            }
        })
        .collect();
    let terms_due = vendor.and_then(|(v, _)| {
        book.partners()
            .terms_of(v)
            .map(|t| t.net_due(invoice.issue_date))
    });
    let memo = cut(
        &format!("{} {}", invoice.seller.name.trim(), invoice.number.trim()),
        120,
    );
    Ok(Proposal {
        vendor,
        new_vendor: vendor_from_invoice(invoice, next_vendor_code(book)),
        lines,
        credit_note: invoice.is_credit_note(),
        gross: invoice.totals.gross,
        payable: invoice.totals.payable,
        document_date: invoice.issue_date,
        due_date: invoice.due_date.or(terms_due),
        due_from_invoice: invoice.due_date.is_some(),
        reference: cut(&invoice.number, 120),
        memo,
    })
}

impl Proposal {
    /// The entry draft of the proposal for `vendor` posted on
    /// `posting_date`: the vendor line of the gross amount (credit; debit
    /// for a credit note) and one net line per VAT rate with its tax code,
    /// so the engine writes the tax lines. Lines without an account stay
    /// without (the engine names them).
    pub fn draft(&self, vendor: PartnerCode, posting_date: NaiveDate, user: &str) -> EntryDraft {
        let (vendor_side, line_side) = if self.credit_note {
            (Side::Debit, Side::Credit)
        } else {
            (Side::Credit, Side::Debit)
        };
        let mut lines = vec![LineDraft::partner(vendor, vendor_side, self.gross)];
        for l in &self.lines {
            let mut line = LineDraft {
                account: l.account,
                tax_code: l.tax_code.clone(),
                ..LineDraft::default()
            };
            match line_side {
                Side::Debit => line.debit = l.net,
                Side::Credit => line.credit = l.net,
            }
            lines.push(line);
        }
        // The invoice's own due date replaces the vendor's terms; without
        // one the engine applies the terms (with their discount steps).
        let due = self.due_date.filter(|_| self.due_from_invoice);
        lines[0].due_date = due;
        let mut draft = EntryDraft::new(posting_date, user, lines);
        draft.document_date = Some(self.document_date);
        draft.due_date = due;
        draft.reference = self.reference.clone();
        draft.memo = self.memo.clone();
        draft
    }
}
