//! The partner and open-item family of the random command sequences:
//! partners created, updated and imported (with a bad IBAN, a bad VAT id,
//! a duplicate code, a wrong control account now and then), payment terms
//! with and without cash-discount steps and installments (some not
//! summing to 100 %), invoices and credit notes to customers and vendors
//! (some with a due date typed on the line, some to a control account
//! without a partner, which is refused), clearings of the open items a
//! user sees (valid and not) and their cancellation.
//!
//! `check_open_items` is the invariant, checked after every
//! accepted command: each partner's open amounts sum to the balance of
//! its lines on the control accounts, read from the journal.

use super::{Pick, date, key, no, pick, posting_key};
use chrono::{Days, NaiveDate};
use kontor::ledger::gl::AccountCurrency;
use kontor::ledger::open_items::{OpenItem, OpenItemsCommand, PartDraft};
use kontor::ledger::partners::{
    BankAccount, DiscountStep, DueStart, Installment, Partner, PartnerKind, PartnersCommand,
    PaymentTerms,
};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand, Rights};
use kontor::ledger::types::money::split;
use kontor::ledger::types::{Currency, PartnerCode, Side, Timestamp};
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

/// Codes partner commands use: the setup's customer and vendor (so a
/// creation of them is a duplicate), new ones of both kinds, and (from
/// `IMPORTED`) the ones imports mostly bring.
const PARTNER_CODES: [&str; 9] = [
    "10001", "70001", "10002", "10003", "70002", "70003", "10500", "10501", "70500",
];
const IMPORTED: usize = 6;
/// Terms codes: the setup's two, then new ones.
const TERMS_CODES: [&str; 4] = ["N30", "S2N30", "R2", "M1"];
const GOOD_IBAN: &str = "DE44500105175407324931";
const GOOD_VAT_ID: &str = "DE136695976";
/// Credit limits (the commitment limit is twice the credit limit).
const LIMITS: [Decimal; 2] = [dec!(5000), dec!(40000)];

#[derive(Clone, Debug)]
pub struct PartnerSpec {
    code: usize,
    terms: Option<Pick>,
    limit: Option<usize>,
    bank: bool,
    active: bool,
    /// Change the control account (refused once the partner has postings).
    control: bool,
    defect: Option<u8>,
}

#[derive(Clone, Debug)]
pub struct TermsSpec {
    code: usize,
    start: u8,
    months: u16,
    days: u16,
    /// (days after the previous step, percent index)
    discounts: Vec<(u16, usize)>,
    /// Number of installments and days between them.
    installments: (usize, u16),
    defect: Option<u8>,
}

#[derive(Clone, Debug)]
pub struct InvoiceSpec {
    day: u16,
    partner: Pick,
    credit_note: bool,
    amount: Decimal,
    tax: bool,
    /// Days after the posting date typed as the line's due date.
    due: Option<u16>,
    /// The line goes to the control account without the partner.
    without_partner: bool,
    /// The partner line is typed in USD (partners here invoice in LC).
    fc: bool,
    exceed_commitment: bool,
    key: Option<u8>,
}

#[derive(Clone, Debug)]
pub struct ClearSpec {
    partner: Index,
    debit: Index,
    credit: Index,
    partial: bool,
    defect: Option<u8>,
}

#[derive(Clone, Debug)]
pub enum PartnerOp {
    Create(PartnerSpec),
    Update(Index, PartnerSpec),
    Import(Vec<PartnerSpec>),
    CreateTerms(TermsSpec),
    UpdateTerms(Index, TermsSpec),
    Invoice(InvoiceSpec),
    Clear(ClearSpec),
    /// A clearing picked from those not cancelled yet (typed: any number,
    /// or the next one, unknown).
    Cancel(Pick),
}

// ----- strategies -----

fn partner_spec() -> impl Strategy<Value = PartnerSpec> {
    spec_of((0..IMPORTED).boxed(), 0.25)
}

/// An import mostly brings new partners and few defects (one spoils all).
fn import_spec() -> impl Strategy<Value = PartnerSpec> {
    let codes = prop_oneof![1 => 0..IMPORTED, 4 => IMPORTED..PARTNER_CODES.len()];
    spec_of(codes.boxed(), 0.06)
}

fn spec_of(codes: BoxedStrategy<usize>, defects: f64) -> impl Strategy<Value = PartnerSpec> {
    (
        codes,
        prop::option::weighted(0.7, pick(0.1)),
        prop::option::weighted(0.4, 0..LIMITS.len()),
        prop::bool::weighted(0.4),
        prop::bool::weighted(0.9),
        prop::bool::weighted(0.1),
        prop::option::weighted(defects, 0u8..7),
    )
        .prop_map(
            |(code, terms, limit, bank, active, control, defect)| PartnerSpec {
                code,
                terms,
                limit,
                bank,
                active,
                control,
                defect,
            },
        )
}

fn terms_spec() -> impl Strategy<Value = TermsSpec> {
    (
        0..TERMS_CODES.len(),
        0u8..4,
        prop_oneof![3 => Just(0u16), 1 => 1u16..3],
        0u16..61,
        prop::collection::vec((1u16..20, 0usize..3), 0..3),
        (prop_oneof![2 => Just(0usize), 1 => 2usize..4], 1u16..40),
        prop::option::weighted(0.25, 0u8..4),
    )
        .prop_map(
            |(code, start, months, days, discounts, installments, defect)| TermsSpec {
                code,
                start,
                months,
                days,
                discounts,
                installments,
                defect,
            },
        )
}

fn invoice_spec() -> impl Strategy<Value = InvoiceSpec> {
    (
        prop_oneof![8 => 0u16..365, 1 => 365u16..500],
        pick(0.1),
        prop::bool::weighted(0.5),
        (1i64..2_000_000).prop_map(|c| Decimal::new(c, 2)),
        prop::bool::weighted(0.4),
        prop::option::weighted(0.2, 0u16..90),
        prop::bool::weighted(0.06),
        prop::bool::weighted(0.04),
        prop::bool::weighted(0.5),
        key(),
    )
        .prop_map(
            |(day, partner, credit_note, amount, tax, due, without_partner, fc, exceed, key)| {
                InvoiceSpec {
                    day,
                    partner,
                    credit_note,
                    amount,
                    tax,
                    due,
                    without_partner,
                    fc,
                    exceed_commitment: exceed,
                    key,
                }
            },
        )
}

fn clear_spec() -> impl Strategy<Value = ClearSpec> {
    (
        any::<Index>(),
        any::<Index>(),
        any::<Index>(),
        prop::bool::weighted(0.3),
        prop::option::weighted(0.25, 0u8..4),
    )
        .prop_map(|(partner, debit, credit, partial, defect)| ClearSpec {
            partner,
            debit,
            credit,
            partial,
            defect,
        })
}

pub fn partner_op() -> impl Strategy<Value = PartnerOp> {
    prop_oneof![
        2 => partner_spec().prop_map(PartnerOp::Create),
        2 => (any::<Index>(), partner_spec()).prop_map(|(i, s)| PartnerOp::Update(i, s)),
        1 => prop::collection::vec(import_spec(), 1..3).prop_map(PartnerOp::Import),
        1 => terms_spec().prop_map(PartnerOp::CreateTerms),
        1 => (any::<Index>(), terms_spec()).prop_map(|(i, s)| PartnerOp::UpdateTerms(i, s)),
        16 => invoice_spec().prop_map(PartnerOp::Invoice),
        3 => clear_spec().prop_map(PartnerOp::Clear),
        2 => pick(0.1).prop_map(PartnerOp::Cancel),
    ]
}

// ----- the company's partners at setup -----

fn stamp(base: NaiveDate) -> Timestamp {
    Timestamp::at(base, 9, 0, 0).unwrap()
}

fn code(text: &str) -> PartnerCode {
    PartnerCode::parse(text).unwrap()
}

fn kind_of(code: PartnerCode) -> PartnerKind {
    if code.as_str().starts_with('7') {
        PartnerKind::Vendor
    } else {
        PartnerKind::Customer
    }
}

/// Net 30, "14 days 2 %, 30 days net" and two installments (R2);
/// customer 10001 (S2N30, a credit limit) and vendor 70001 (R2).
pub fn partner_setup(base: NaiveDate) -> Vec<Command> {
    let skonto = PaymentTerms {
        discounts: vec![DiscountStep {
            days: 14,
            percent: dec!(2),
        }],
        ..PaymentTerms::net("S2N30", 30)
    };
    let mut customer = Partner::new(code("10001"), PartnerKind::Customer, "Kunde 10001");
    customer.payment_terms = Some("S2N30".into());
    customer.credit_limit = Some(LIMITS[1]);
    customer.commitment_limit = Some(LIMITS[1] * dec!(2));
    let mut vendor = Partner::new(code("70001"), PartnerKind::Vendor, "Lieferant 70001");
    vendor.payment_terms = Some("R2".into());
    let halves = PaymentTerms {
        start: DueStart::MonthEnd,
        installments: [0, 30]
            .map(|days| Installment {
                percent: dec!(50),
                days,
            })
            .to_vec(),
        ..PaymentTerms::net("R2", 0)
    };
    let terms = [PaymentTerms::net("N30", 30), skonto, halves];
    let mut commands: Vec<Command> = terms
        .into_iter()
        .map(|terms| PartnersCommand::CreatePaymentTerms { terms }.into())
        .collect();
    for partner in [customer, vendor] {
        commands.push(
            PartnersCommand::CreatePartner {
                partner: Box::new(partner),
                by: "prop".into(),
                at: stamp(base),
            }
            .into(),
        );
    }
    commands
}

// ----- from what was drawn to commands -----

/// One thing a user could get wrong in a partner's master data.
fn break_partner(p: &mut Partner, defect: u8) {
    match defect {
        0 => {
            p.bank_accounts = vec![BankAccount {
                iban: "DE44500105175407324932".into(),
                bic: String::new(),
                holder: String::new(),
                default: true,
            }]
        }
        1 => p.vat_id = "DE12345678".into(),
        // A revenue account, then the other kind's control account.
        2 => p.control_account = Some(no("8400")),
        3 => {
            p.control_account = Some(no(match p.kind {
                PartnerKind::Customer => "1600",
                PartnerKind::Vendor => "1400",
            }))
        }
        4 => p.name = " ".into(),
        5 => p.payment_terms = Some("ZZ".into()),
        _ => p.commitment_limit = Some(Decimal::ONE),
    }
}

/// `p` with the drawn master data (terms picked from the Book's list).
fn shaped(book: &Book, mut p: Partner, spec: &PartnerSpec) -> Partner {
    let listed: Vec<String> = book
        .partners()
        .all_terms()
        .map(|t| t.code.clone())
        .collect();
    let typed: Vec<String> = TERMS_CODES.iter().map(|c| c.to_string()).collect();
    p.payment_terms = spec.terms.map(|t| t.choose(&listed, &typed));
    p.credit_limit = spec.limit.map(|l| LIMITS[l]);
    p.commitment_limit = p.credit_limit.map(|l| l * dec!(2));
    p.vat_id = GOOD_VAT_ID.into();
    if spec.bank {
        p.bank_accounts = vec![BankAccount {
            iban: GOOD_IBAN.into(),
            bic: String::new(),
            holder: String::new(),
            default: true,
        }];
    }
    p.active = spec.active;
    if spec.control {
        p.control_account = Some(no(match p.kind {
            PartnerKind::Customer => "1400",
            PartnerKind::Vendor => "1600",
        }));
        p.currency = AccountCurrency::All;
    }
    if let Some(defect) = spec.defect {
        break_partner(&mut p, defect);
    }
    p
}

fn new_partner(book: &Book, spec: &PartnerSpec) -> Partner {
    let c = code(PARTNER_CODES[spec.code]);
    let name = format!("Partner {c}");
    shaped(book, Partner::new(c, kind_of(c), &name), spec)
}

fn terms(spec: &TermsSpec) -> PaymentTerms {
    const PERCENTS: [Decimal; 3] = [dec!(2), dec!(3), dec!(1.5)];
    let mut days = 0;
    let discounts = spec
        .discounts
        .iter()
        .map(|&(gap, percent)| {
            days += gap;
            DiscountStep {
                days,
                percent: PERCENTS[percent],
            }
        })
        .collect();
    let (count, gap) = spec.installments;
    let installments = split(Decimal::ONE_HUNDRED, count as u32, 2)
        .into_iter()
        .enumerate()
        .map(|(i, percent)| Installment {
            percent,
            days: gap * i as u16,
        })
        .collect();
    let mut t = PaymentTerms {
        start: [
            DueStart::Date,
            DueStart::MonthStart,
            DueStart::HalfMonth,
            DueStart::MonthEnd,
        ][usize::from(spec.start)],
        months: spec.months,
        days: spec.days,
        discounts,
        installments,
        ..PaymentTerms::net(TERMS_CODES[spec.code], spec.days)
    };
    match spec.defect {
        None => {}
        // Installments that do not sum to 100 %.
        Some(0) => {
            t.installments = vec![
                Installment {
                    percent: dec!(60),
                    days: 0,
                },
                Installment {
                    percent: dec!(30),
                    days: 30,
                },
            ]
        }
        Some(1) => t.code = "N 30".into(),
        Some(2) => {
            t.discounts = vec![DiscountStep {
                days: 10,
                percent: Decimal::ZERO,
            }]
        }
        _ => t.name_de = String::new(),
    }
    t
}

fn partner_command(book: &Book, base: NaiveDate, op: &PartnerOp) -> (Command, Rights) {
    let (by, at) = ("prop".to_string(), stamp(base));
    let command: Command = match op {
        PartnerOp::Create(spec) => PartnersCommand::CreatePartner {
            partner: Box::new(new_partner(book, spec)),
            by,
            at,
        }
        .into(),
        PartnerOp::Update(pick, spec) => {
            let listed: Vec<&Partner> = book.partners().partners().collect();
            let partner = match listed.get(pick.index(listed.len() + 1)) {
                Some(p) => shaped(book, (*p).clone(), spec),
                None => new_partner(book, spec),
            };
            PartnersCommand::UpdatePartner {
                partner: Box::new(partner),
                by,
                at,
            }
            .into()
        }
        PartnerOp::Import(specs) => PartnersCommand::ImportPartners {
            partners: specs.iter().map(|s| new_partner(book, s)).collect(),
            by,
            at,
        }
        .into(),
        PartnerOp::CreateTerms(spec) => {
            PartnersCommand::CreatePaymentTerms { terms: terms(spec) }.into()
        }
        PartnerOp::UpdateTerms(pick, spec) => {
            let listed: Vec<String> = book
                .partners()
                .all_terms()
                .map(|t| t.code.clone())
                .collect();
            let mut t = terms(spec);
            if let Some(existing) = listed.get(pick.index(listed.len() + 1))
                && spec.defect != Some(1)
            {
                t.code = existing.clone();
            }
            PartnersCommand::UpdatePaymentTerms { terms: t }.into()
        }
        PartnerOp::Invoice(spec) => return invoice(book, base, spec),
        PartnerOp::Clear(spec) => clear(book, spec, base),
        PartnerOp::Cancel(pick) => {
            let clearings = book.open_items().clearings();
            let listed: Vec<u32> = clearings
                .iter()
                .filter(|c| c.cancelled.is_none())
                .map(|c| c.clearing.number)
                .collect();
            let typed: Vec<u32> = (1..=clearings.len() as u32 + 1).collect();
            OpenItemsCommand::CancelClearing {
                number: pick.choose(&listed, &typed),
                by,
                at,
            }
            .into()
        }
    };
    (command, Rights::ALL)
}

/// An invoice or credit note to a partner picked from the Book's list (or
/// typed): the partner line, and revenue or expense on the other side
/// (gross with the 19 % code now and then).
fn invoice(book: &Book, base: NaiveDate, spec: &InvoiceSpec) -> (Command, Rights) {
    let mut listed: Vec<PartnerCode> = book.partners().partners().map(|p| p.code).collect();
    // A credit note is given for an invoice: to a partner with one open.
    let invoiced: Vec<PartnerCode> = listed
        .iter()
        .copied()
        .filter(|c| {
            book.open_items().items_of(*c).any(|i| {
                i.is_open()
                    && book
                        .partner(*c)
                        .is_some_and(|p| p.kind.invoice_side() == i.side)
            })
        })
        .collect();
    if spec.credit_note && !invoiced.is_empty() {
        listed = invoiced;
    }
    let typed: Vec<PartnerCode> = PARTNER_CODES.iter().map(|c| code(c)).collect();
    let partner = spec.partner.choose(&listed, &typed);
    let kind = book.partner(partner).map_or(kind_of(partner), |p| p.kind);
    let side = if spec.credit_note {
        kind.invoice_side().opposite()
    } else {
        kind.invoice_side()
    };
    let posting_date = date(base, spec.day);
    let mut line = LineDraft::partner(partner, side, spec.amount);
    line.due_date = spec.due.map(|d| date(posting_date, d));
    if spec.without_partner {
        let control = book.partner(partner).and_then(|p| p.control_account);
        line.partner = None;
        line.account = Some(control.unwrap_or(no("1400")));
    }
    if spec.fc {
        line = line.in_fc(Currency::USD, None);
    }
    let (account, tax) = match kind {
        PartnerKind::Customer => ("8400", "U19"),
        PartnerKind::Vendor => ("3400", "V19"),
    };
    let mut other = LineDraft::debit_lc(no(account), spec.amount);
    if side == Side::Debit {
        other = LineDraft::credit_lc(no(account), spec.amount);
    }
    if spec.tax {
        other.tax_code = Some(tax.into());
        other.gross = true;
    }
    let mut draft = EntryDraft::new(posting_date, "prop", vec![line, other]);
    draft.reference = format!("RE-{}", spec.day);
    draft.key = posting_key(spec.key);
    let rights = Rights {
        post_into_closing: false,
        exceed_commitment_limit: spec.exceed_commitment,
    };
    (PostingCommand::PostEntry { draft }.into(), rights)
}

/// A clearing as a user picks it on the open-items list: a partner that
/// has open debit and credit items (else any), one of each, for the
/// smaller open amount (or half of it), on the later posting date.
fn clear(book: &Book, spec: &ClearSpec, base: NaiveDate) -> Command {
    let oi = book.open_items();
    let open_of = |c: PartnerCode, side: Side| -> Vec<&OpenItem> {
        oi.items_of(c)
            .filter(|i| i.is_open() && i.side == side)
            .collect()
    };
    let all: Vec<PartnerCode> = book.partners().partners().map(|p| p.code).collect();
    let both: Vec<PartnerCode> = all
        .iter()
        .copied()
        .filter(|c| !open_of(*c, Side::Debit).is_empty() && !open_of(*c, Side::Credit).is_empty())
        .collect();
    let from = if both.is_empty() { &all } else { &both };
    let Some(&partner) = from.get(spec.partner.index(from.len().max(1))) else {
        return clearing(code("10001"), base, Vec::new());
    };
    let pick = |items: Vec<&OpenItem>, i: &Index| {
        (!items.is_empty()).then(|| items[i.index(items.len())].clone())
    };
    let parts: Vec<OpenItem> = [
        pick(open_of(partner, Side::Debit), &spec.debit),
        pick(open_of(partner, Side::Credit), &spec.credit),
    ]
    .into_iter()
    .flatten()
    .collect();
    let smaller = parts.iter().map(|i| i.open_lc).min().unwrap_or_default();
    let decimals = book.settings().lc_decimals();
    let amount = if spec.partial {
        (smaller / dec!(2)).round_dp(decimals)
    } else {
        smaller
    };
    let on = parts.iter().map(|i| i.posting_date).max().unwrap_or(base);
    let mut drafts: Vec<PartDraft> = parts
        .iter()
        .map(|i| PartDraft {
            item: i.id,
            amount_lc: Some(amount),
        })
        .collect();
    let mut on_date = on;
    match spec.defect {
        None => {}
        // All that is open of each: refused unless the two are equal.
        Some(0) => drafts.iter_mut().for_each(|d| d.amount_lc = None),
        Some(1) => on_date = on.checked_sub_days(Days::new(40)).unwrap_or(on),
        Some(2) => drafts.extend(drafts.first().cloned()),
        _ => {
            if let Some(other) = oi
                .items()
                .iter()
                .find(|i| i.partner != partner && i.is_open())
                && let Some(last) = drafts.last_mut()
            {
                last.item = other.id;
            }
        }
    }
    clearing(partner, on_date, drafts)
}

fn clearing(partner: PartnerCode, date: NaiveDate, parts: Vec<PartDraft>) -> Command {
    OpenItemsCommand::ClearItems {
        partner,
        date,
        parts,
        by: "prop".into(),
        at: stamp(date),
    }
    .into()
}

pub fn command(book: &Book, base: NaiveDate, op: &PartnerOp) -> (Command, Rights) {
    partner_command(book, base, op)
}

// ----- the invariant -----

/// Open items against the journal: each partner's open amounts (LC, debit
/// positive) sum to the balance of the lines posted for it, which all lie
/// on control accounts; each item's open amount lies within its amount;
/// and the items of each line sum to the line.
pub fn check_open_items(book: &Book) -> Result<(), String> {
    let mut lines: BTreeMap<PartnerCode, Decimal> = BTreeMap::new();
    let mut per_line: BTreeMap<(u64, u16), Decimal> = BTreeMap::new();
    for e in book.entries() {
        for (i, l) in e.lines.iter().enumerate() {
            let Some(p) = l.partner_code() else { continue };
            if !book.account(l.account).is_some_and(|a| a.control) {
                return Err(format!(
                    "partner line on {}, not a control account",
                    l.account
                ));
            }
            *lines.entry(p).or_default() += l.signed_lc();
            per_line.insert((e.id.0, i as u16), l.signed_lc());
        }
    }
    let mut items: BTreeMap<PartnerCode, Decimal> = BTreeMap::new();
    let mut item_lines: BTreeMap<(u64, u16), Decimal> = BTreeMap::new();
    for i in book.open_items().items() {
        if i.open_lc.is_sign_negative() || i.open_lc > i.amount_lc {
            return Err(format!(
                "item {:?} has {} open of {}",
                i.id, i.open_lc, i.amount_lc
            ));
        }
        *items.entry(i.partner).or_default() += i.signed_open_lc();
        *item_lines.entry((i.id.entry.0, i.id.line)).or_default() += i.signed_amount_lc();
    }
    if item_lines != per_line {
        return Err(format!("items {item_lines:?} split lines {per_line:?}"));
    }
    for p in book.partners().partners() {
        let (open, balance) = (
            items.get(&p.code).copied().unwrap_or_default(),
            lines.get(&p.code).copied().unwrap_or_default(),
        );
        if open != balance || book.open_items().open_lc(p.code) != balance {
            return Err(format!(
                "partner {}: open {open}, balance {balance}",
                p.code
            ));
        }
    }
    Ok(())
}

/// The control accounts' balances equal the aging totals on the last day
/// anything was posted (the report's check line shows no difference).
pub fn check_aging(book: &Book, as_of: NaiveDate) -> Result<(), String> {
    for kind in [PartnerKind::Customer, PartnerKind::Vendor] {
        let report = book
            .aging(kind, as_of, &kontor::ledger::report::DEFAULT_AGING_BOUNDS)
            .map_err(|e| format!("{e:?}"))?;
        if !report.difference.is_zero() {
            return Err(format!("{kind:?} aging difference {}", report.difference));
        }
    }
    Ok(())
}
