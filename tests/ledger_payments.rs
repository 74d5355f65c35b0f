//! Payments (issue 14), engine side: posting a payment against open items
//! (full, partial, on account, to G/L accounts, several means, fee), the
//! cash discount with its VAT correction, the tolerance write-off, the
//! realised exchange difference, cancelling, and the refusals. Every
//! golden figure is computed by hand in the comment above its assert.

use chrono::{Datelike, NaiveDate};
use kontor::ledger::open_items::ItemId;
use kontor::ledger::partners::{DiscountStep, Partner, PartnerKind, PartnersCommand, PaymentTerms};
use kontor::ledger::payments::{
    Direction, GlLineDraft, ItemDraft, Means, MeansDraft, PaymentDraft, PaymentSettings,
    PaymentsCommand, PaymentsError, payment_item,
};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand, Rights};
use kontor::ledger::report::VatReturn;
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, EntryId, PartnerCode, PostingKey, Side, Timestamp};
use kontor::ledger::{Book, Command, DomainError, Event};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn c(n: &str) -> PartnerCode {
    PartnerCode::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at(d(2024, 1, 2), 9, 30, 0).unwrap()
}

fn run(b: &mut Book, cmd: &Command) -> Vec<Event> {
    b.execute(cmd).unwrap()
}

fn refuses(b: &mut Book, cmd: &Command) -> DomainError {
    let before = b.clone();
    let err = b.execute(cmd).unwrap_err();
    assert_eq!(*b, before, "a refused command changed the book");
    err
}

fn payments_err(e: DomainError) -> PaymentsError {
    match e {
        DomainError::Payments(e) => e,
        other => panic!("expected a payments refusal, got {other:?}"),
    }
}

/// 14 days 2 %, 30 days net.
fn skonto() -> PaymentTerms {
    PaymentTerms {
        discounts: vec![DiscountStep {
            days: 14,
            percent: dec!(2),
        }],
        ..PaymentTerms::net("S2N30", 30)
    }
}

/// The SKR03 sample with customer 10001 (2 % skonto), vendor 70001.
fn book() -> Book {
    let mut b = Book::set_up(&sample_setup(2024)).unwrap().0;
    run(
        &mut b,
        &PartnersCommand::CreatePaymentTerms { terms: skonto() }.into(),
    );
    let mut cust = Partner::new(c("10001"), PartnerKind::Customer, "Bäckerei Krüger KG");
    cust.payment_terms = Some("S2N30".into());
    let mut vend = Partner::new(c("70001"), PartnerKind::Vendor, "Mühle Weber GmbH");
    vend.payment_terms = Some("S2N30".into());
    for p in [cust, vend] {
        run(
            &mut b,
            &PartnersCommand::CreatePartner {
                partner: Box::new(p),
                by: "anna".into(),
                at: at(),
            }
            .into(),
        );
    }
    b
}

fn post(b: &mut Book, date: NaiveDate, lines: Vec<LineDraft>) -> EntryId {
    let draft = EntryDraft::new(date, "anna", lines);
    match run(b, &PostingCommand::PostEntry { draft }.into()).first() {
        Some(Event::EntryPosted { entry }) => entry.id,
        other => panic!("expected an entry, got {other:?}"),
    }
}

fn taxed(account: &str, side: Side, net: Decimal, code: &str) -> LineDraft {
    let mut l = match side {
        Side::Debit => LineDraft::debit_lc(a(account), net),
        Side::Credit => LineDraft::credit_lc(a(account), net),
    };
    l.tax_code = Some(code.into());
    l
}

/// Customer invoice: 1,000.00 + 19 % = 1,190.00.
fn invoice_19(b: &mut Book, date: NaiveDate) -> ItemId {
    let e = post(
        b,
        date,
        vec![
            LineDraft::partner(c("10001"), Side::Debit, dec!(1190)),
            taxed("8400", Side::Credit, dec!(1000), "U19"),
        ],
    );
    payment_item(e)
}

fn item_of(entry: EntryId) -> ItemId {
    payment_item(entry)
}

fn key(n: u128) -> PostingKey {
    PostingKey(n)
}

fn bank(amount: Decimal) -> MeansDraft {
    MeansDraft {
        means: Means::Transfer,
        account: Some(a("1200")),
        amount,
        reference: String::new(),
    }
}

fn draft(
    direction: Direction,
    partner: Option<&str>,
    date: NaiveDate,
    items: Vec<(ItemId, Decimal, Decimal)>,
    means: Vec<MeansDraft>,
) -> PaymentDraft {
    PaymentDraft {
        direction,
        partner: partner.map(c),
        posting_date: date,
        document_date: None,
        currency: None,
        rate_fc_per_lc: None,
        items: items
            .into_iter()
            .map(|(item, amount, discount)| ItemDraft {
                item,
                amount,
                discount,
            })
            .collect(),
        on_account: Decimal::ZERO,
        gl_lines: Vec::new(),
        means,
        fee: Decimal::ZERO,
        write_off: false,
        late_discount_confirmed: false,
        reference: "ZE-1".into(),
        memo: String::new(),
        user: "anna".into(),
        key: key(u128::from(date.ordinal()) + 1000),
    }
}

fn pay(draft: PaymentDraft) -> Command {
    PaymentsCommand::Post {
        draft: Box::new(draft),
        at: at(),
    }
    .into()
}

fn cancel(number: u32) -> Command {
    PaymentsCommand::Cancel {
        number,
        date: None,
        by: "anna".into(),
        at: at(),
    }
    .into()
}

fn balance(b: &Book, account: &str) -> Decimal {
    b.account_line_refs(a(account))
        .map(|refs| {
            refs.iter()
                .filter_map(|r| b.line(*r))
                .map(|(_, l)| l.signed_lc())
                .sum()
        })
        .unwrap_or_default()
}

fn open_lc(b: &Book, item: ItemId) -> Decimal {
    b.open_items().item(item).unwrap().open_lc
}

fn open_sum(b: &Book, partner: &str) -> Decimal {
    b.open_items()
        .items_of(c(partner))
        .map(|i| i.signed_open_lc())
        .sum()
}

fn control_balance(b: &Book, partner: &str) -> Decimal {
    let account = b.partner(c(partner)).unwrap().control_account.unwrap();
    b.account_line_refs(account)
        .unwrap()
        .iter()
        .filter_map(|r| b.line(*r))
        .filter(|(_, l)| l.partner_code() == Some(c(partner)))
        .map(|(_, l)| l.signed_lc())
        .sum()
}

fn vat_march(b: &Book) -> VatReturn {
    let cal = b.gl().calendar();
    let p = cal.reference(cal.index_of_date(d(2024, 3, 1)).unwrap());
    b.vat_return(p, p).unwrap()
}

fn kz(r: &VatReturn, kz: u8) -> (Decimal, Decimal) {
    r.rows
        .iter()
        .filter(|row| row.base_box.map(|k| k.0) == Some(kz))
        .map(|row| (row.base_lc, row.tax_lc))
        .fold((Decimal::ZERO, Decimal::ZERO), |s, x| {
            (s.0 + x.0, s.1 + x.1)
        })
}

fn last_entry(b: &Book) -> &kontor::ledger::types::PostedEntry {
    b.journal().entries().last().unwrap()
}

fn signed_on(entry: &kontor::ledger::types::PostedEntry, account: &str) -> Decimal {
    entry
        .lines
        .iter()
        .filter(|l| l.account == a(account))
        .map(|l| l.signed_lc())
        .sum()
}

#[test]
fn a_full_payment_clears_the_invoice_and_the_payment_item() {
    let mut b = book();
    let inv = invoice_19(&mut b, d(2024, 3, 1));
    let events = run(
        &mut b,
        &pay(draft(
            Direction::Incoming,
            Some("10001"),
            d(2024, 4, 20),
            vec![(inv, dec!(1190), dec!(0))],
            vec![bank(dec!(1190))],
        )),
    );
    assert_eq!(events.len(), 3);
    assert_eq!(open_lc(&b, inv), dec!(0));
    let p = &b.payments().payments()[0].payment;
    assert_eq!(p.number, 1);
    assert_eq!(open_lc(&b, payment_item(p.entry)), dec!(0));
    assert_eq!(balance(&b, "1200"), dec!(1190));
    assert_eq!(open_sum(&b, "10001"), dec!(0));
    assert_eq!(control_balance(&b, "10001"), dec!(0));
}

/// Golden: 1,190.00 paid within the 2 % step: bank 1,166.20, discount
/// 23.80 gross = 20.00 on 8736 + 3.80 off the output tax; March's VAT
/// return: Kz 81 base 1,000.00 − 20.00 = 980.00, tax 190.00 − 3.80 = 186.20.
#[test]
fn cash_discount_corrects_the_output_tax_in_the_same_entry() {
    let mut b = book();
    let inv = invoice_19(&mut b, d(2024, 3, 1));
    let before = vat_march(&b);
    assert_eq!(kz(&before, 81), (dec!(1000), dec!(190)));
    run(
        &mut b,
        &pay(draft(
            Direction::Incoming,
            Some("10001"),
            d(2024, 3, 10),
            vec![(inv, dec!(1190), dec!(23.80))],
            vec![bank(dec!(1166.20))],
        )),
    );
    let e = last_entry(&b);
    assert_eq!(signed_on(e, "1200"), dec!(1166.20));
    assert_eq!(signed_on(e, "8736"), dec!(20.00));
    assert_eq!(signed_on(e, "1776"), dec!(3.80));
    assert_eq!(open_lc(&b, inv), dec!(0));
    let after = vat_march(&b);
    assert_eq!(kz(&after, 81), (dec!(980), dec!(186.20)));
    assert_eq!(after.output_tax_lc, before.output_tax_lc - dec!(3.80));
    assert_eq!(balance(&b, "1776"), dec!(-186.20));
}
