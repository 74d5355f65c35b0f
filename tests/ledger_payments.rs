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
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
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

fn settings() -> PaymentSettings {
    PaymentSettings {
        tolerance_lc: dec!(1.00),
        write_off_account: Some(a("4900")),
        discount_accounts: [("V19".to_string(), a("3736"))].into(),
        checks_account: Some(a("1360")),
        card_account: Some(a("1590")),
        ..PaymentSettings::default()
    }
}

fn set_settings(s: PaymentSettings) -> Command {
    PaymentsCommand::SetSettings {
        settings: Box::new(s),
        by: "anna".into(),
        at: at(),
    }
    .into()
}

fn book_with_settings() -> Book {
    let mut b = book();
    run(&mut b, &set_settings(settings()));
    b
}

fn incoming(
    date: NaiveDate,
    items: Vec<(ItemId, Decimal, Decimal)>,
    money: Decimal,
) -> PaymentDraft {
    draft(
        Direction::Incoming,
        Some("10001"),
        date,
        items,
        vec![bank(money)],
    )
}

/// Every account's balance, for "restored exactly" comparisons.
fn balances(b: &Book) -> Vec<(AccountNo, Decimal)> {
    b.gl()
        .accounts()
        .map(|acc| (acc.number, balance(b, &acc.number.to_string())))
        .filter(|(_, x)| !x.is_zero())
        .collect()
}

fn opens(b: &Book) -> Vec<(ItemId, Decimal)> {
    b.open_items()
        .items()
        .iter()
        .map(|i| (i.id, i.open_lc))
        .collect()
}

#[test]
fn settings_are_checked_and_kept() {
    let mut b = book();
    run(&mut b, &set_settings(settings()));
    assert_eq!(b.payments().settings(), &settings());
    let mut bad = settings();
    bad.write_off_account = Some(a("9999"));
    let e = payments_err(refuses(&mut b, &set_settings(bad)));
    assert!(
        matches!(e, PaymentsError::SettingsAccountInvalid { .. }),
        "{e:?}"
    );
    let mut bad = settings();
    bad.tolerance_lc = dec!(-1);
    assert_eq!(
        payments_err(refuses(&mut b, &set_settings(bad))),
        PaymentsError::ToleranceInvalid { max_decimals: 2 }
    );
    let mut bad = settings();
    bad.tolerance_lc = dec!(0.001);
    assert_eq!(
        payments_err(refuses(&mut b, &set_settings(bad))),
        PaymentsError::ToleranceInvalid { max_decimals: 2 }
    );
    let mut bad = settings();
    bad.discount_accounts.insert("XX".into(), a("8736"));
    assert_eq!(
        payments_err(refuses(&mut b, &set_settings(bad))),
        PaymentsError::SettingsTaxCodeUnknown { code: "XX".into() }
    );
}

/// Golden: partial payment then the rest, then both cancelled: every item
/// and every balance back exactly.
#[test]
fn a_partial_payment_then_the_rest_and_their_cancellation_restore_everything() {
    let mut b = book_with_settings();
    let inv = invoice_19(&mut b, d(2024, 3, 1));
    let (before_open, before_bal) = (opens(&b), balances(&b));
    run(
        &mut b,
        &pay(incoming(
            d(2024, 4, 20),
            vec![(inv, dec!(500), dec!(0))],
            dec!(500),
        )),
    );
    assert_eq!(open_lc(&b, inv), dec!(690));
    let mut rest = incoming(d(2024, 4, 25), vec![(inv, dec!(690), dec!(0))], dec!(690));
    rest.key = key(77);
    run(&mut b, &pay(rest));
    assert_eq!(open_lc(&b, inv), dec!(0));
    assert_eq!(balance(&b, "1200"), dec!(1190));
    assert_eq!(open_sum(&b, "10001"), control_balance(&b, "10001"));
    run(&mut b, &cancel(2));
    assert_eq!(open_lc(&b, inv), dec!(690));
    assert_eq!(balance(&b, "1200"), dec!(500));
    run(&mut b, &cancel(1));
    assert_eq!(open_lc(&b, inv), dec!(1190));
    assert_eq!(balances(&b), before_bal);
    assert_eq!(open_sum(&b, "10001"), dec!(1190));
    assert_eq!(control_balance(&b, "10001"), dec!(1190));
    // The new items (payments and reversals) are closed; the old ones as before.
    for (id, open) in &before_open {
        assert_eq!(open_lc(&b, *id), *open);
    }
    assert!(
        b.open_items()
            .items()
            .iter()
            .filter(|i| i.id != inv)
            .all(|i| i.open_lc.is_zero())
    );
    assert_eq!(
        payments_err(refuses(&mut b, &cancel(1))),
        PaymentsError::AlreadyCancelled { number: 1 }
    );
}

#[test]
fn cancelling_a_discounted_payment_restores_the_vat_and_the_discount() {
    let mut b = book_with_settings();
    let inv = invoice_19(&mut b, d(2024, 3, 1));
    let before = (balances(&b), vat_march(&b));
    let mut p = incoming(
        d(2024, 3, 10),
        vec![(inv, dec!(1190), dec!(23.80))],
        dec!(1161.20),
    );
    p.fee = dec!(5);
    run(&mut b, &pay(p));
    assert_eq!(balance(&b, "4970"), dec!(5));
    run(&mut b, &cancel(1));
    assert_eq!(open_lc(&b, inv), dec!(1190));
    assert_eq!(balances(&b), before.0);
    assert_eq!(kz(&vat_march(&b), 81), kz(&before.1, 81));
    assert_eq!(vat_march(&b).output_tax_lc, before.1.output_tax_lc);
}

/// A payment's entry is not reversed in the journal (the payment would
/// stand with its items cleared): it is cancelled as a payment; after
/// that, its reversal cannot be reversed either.
#[test]
fn a_payment_entry_is_not_reversed_in_the_journal() {
    let mut b = book_with_settings();
    let inv = invoice_19(&mut b, d(2024, 3, 1));
    run(
        &mut b,
        &pay(incoming(
            d(2024, 3, 20),
            vec![(inv, dec!(1190), dec!(0))],
            dec!(1190),
        )),
    );
    let entry = b.payments().payment(1).unwrap().payment.entry;
    let reverse = |entry| {
        Command::Posting(PostingCommand::ReverseEntry {
            entry,
            date: None,
            user: "anna".into(),
        })
    };
    let before = b.clone();
    assert_eq!(
        payments_err(refuses(&mut b, &reverse(entry))),
        PaymentsError::EntryOfPayment { entry, number: 1 }
    );
    assert_eq!(b, before);
    run(&mut b, &cancel(1));
    let reversal = b
        .payments()
        .payment(1)
        .unwrap()
        .cancelled
        .as_ref()
        .unwrap()
        .0;
    assert_eq!(
        payments_err(refuses(&mut b, &reverse(reversal))),
        PaymentsError::EntryOfPayment {
            entry: reversal,
            number: 1
        }
    );
    assert_eq!(open_lc(&b, inv), dec!(1190));
}

/// Golden: invoice 1,000.00 at 19 % (1,190.00) and 500.00 at 7 %
/// (535.00), 1,725.00; 2 % = 34.50, split by gross 1,190 : 535:
/// 19 % 23.80 (20.00 + 3.80), 7 % 10.70 (10.00 + 0.70).
#[test]
fn a_mixed_rate_invoice_splits_the_discount_by_rate() {
    let mut b = book_with_settings();
    let e = post(
        &mut b,
        d(2024, 3, 1),
        vec![
            LineDraft::partner(c("10001"), Side::Debit, dec!(1725)),
            taxed("8400", Side::Credit, dec!(1000), "U19"),
            taxed("8300", Side::Credit, dec!(500), "U7"),
        ],
    );
    let inv = item_of(e);
    run(
        &mut b,
        &pay(incoming(
            d(2024, 3, 14),
            vec![(inv, dec!(1725), dec!(34.50))],
            dec!(1690.50),
        )),
    );
    let entry = last_entry(&b);
    assert_eq!(signed_on(entry, "8736"), dec!(30.00));
    assert_eq!(signed_on(entry, "1776"), dec!(3.80));
    assert_eq!(signed_on(entry, "1771"), dec!(0.70));
    let vat = vat_march(&b);
    assert_eq!(kz(&vat, 81), (dec!(980), dec!(186.20)));
    assert_eq!(kz(&vat, 86).0, dec!(490));
}

/// A vendor's invoice 500.00 + 19 % input tax = 595.00, paid within the
/// step: 11.90 discount = 10.00 on 3736 + 1.90 off the input tax.
#[test]
fn a_vendor_discount_corrects_the_input_tax() {
    let mut b = book_with_settings();
    let e = post(
        &mut b,
        d(2024, 3, 1),
        vec![
            LineDraft::partner(c("70001"), Side::Credit, dec!(595)),
            taxed("4900", Side::Debit, dec!(500), "V19"),
        ],
    );
    let mut p = draft(
        Direction::Outgoing,
        Some("70001"),
        d(2024, 3, 5),
        vec![(item_of(e), dec!(595), dec!(11.90))],
        vec![bank(dec!(583.10))],
    );
    p.fee = dec!(2.50);
    p.means[0].amount = dec!(585.60);
    run(&mut b, &pay(p));
    let entry = last_entry(&b);
    assert_eq!(signed_on(entry, "1200"), dec!(-585.60));
    assert_eq!(signed_on(entry, "3736"), dec!(-10.00));
    assert_eq!(signed_on(entry, "1576"), dec!(-1.90));
    assert_eq!(signed_on(entry, "4970"), dec!(2.50));
    assert_eq!(open_lc(&b, item_of(e)), dec!(0));
    assert_eq!(balance(&b, "1576"), dec!(93.10));
}

#[test]
fn a_late_discount_needs_confirmation() {
    let mut b = book_with_settings();
    let inv = invoice_19(&mut b, d(2024, 3, 1));
    let mut p = incoming(
        d(2024, 4, 1),
        vec![(inv, dec!(1190), dec!(23.80))],
        dec!(1166.20),
    );
    assert_eq!(
        payments_err(refuses(&mut b, &pay(p.clone()))),
        PaymentsError::LateDiscount {
            index: 0,
            last: Some(d(2024, 3, 15))
        }
    );
    p.late_discount_confirmed = true;
    run(&mut b, &pay(p));
    assert_eq!(open_lc(&b, inv), dec!(0));
}

#[test]
fn a_small_difference_is_written_off_within_the_tolerance() {
    let mut b = book_with_settings();
    let inv = invoice_19(&mut b, d(2024, 3, 1));
    let mut p = incoming(
        d(2024, 4, 20),
        vec![(inv, dec!(1190), dec!(0))],
        dec!(1189.50),
    );
    assert_eq!(
        payments_err(refuses(&mut b, &pay(p.clone()))),
        PaymentsError::MeansMismatch {
            means: dec!(1189.50),
            needed: dec!(1190),
            difference: dec!(-0.50)
        }
    );
    p.write_off = true;
    let mut far = p.clone();
    far.means[0].amount = dec!(1188.00);
    assert_eq!(
        payments_err(refuses(&mut b, &pay(far))),
        PaymentsError::BeyondTolerance {
            difference_lc: dec!(-2.00),
            tolerance_lc: dec!(1.00)
        }
    );
    run(&mut b, &pay(p));
    assert_eq!(signed_on(last_entry(&b), "4900"), dec!(0.50));
    assert_eq!(open_lc(&b, inv), dec!(0));
    assert_eq!(
        b.payments().payment(1).unwrap().payment.write_off_lc,
        dec!(0.50)
    );
}

#[test]
fn on_account_g_l_lines_and_means_by_settings() {
    let mut b = book_with_settings();
    let inv = invoice_19(&mut b, d(2024, 3, 1));
    let mut p = draft(
        Direction::Incoming,
        Some("10001"),
        d(2024, 4, 20),
        vec![(inv, dec!(1190), dec!(0))],
        vec![
            MeansDraft {
                means: Means::Check,
                account: None,
                amount: dec!(1000),
                reference: "Scheck 17".into(),
            },
            MeansDraft {
                means: Means::CreditCard,
                account: None,
                amount: dec!(300),
                reference: String::new(),
            },
        ],
    );
    p.on_account = dec!(110);
    run(&mut b, &pay(p));
    assert_eq!(balance(&b, "1360"), dec!(1000));
    assert_eq!(balance(&b, "1590"), dec!(300));
    let pay_item = payment_item(b.payments().payment(1).unwrap().payment.entry);
    assert_eq!(open_lc(&b, pay_item), dec!(110));
    assert_eq!(open_sum(&b, "10001"), dec!(-110));
    assert_eq!(control_balance(&b, "10001"), dec!(-110));
    // A tax prepayment to the tax office: G/L only, no partner.
    let mut tax = draft(
        Direction::Outgoing,
        None,
        d(2024, 4, 10),
        vec![],
        vec![bank(dec!(400))],
    );
    tax.gl_lines = vec![GlLineDraft {
        account: a("1780"),
        amount: dec!(400),
        tax_code: None,
        memo: "USt-VZ 03/2024".into(),
    }];
    tax.key = key(9);
    run(&mut b, &pay(tax));
    assert_eq!(balance(&b, "1780"), dec!(400));
    run(&mut b, &cancel(2));
    assert_eq!(balance(&b, "1780"), dec!(0));
}

#[test]
fn a_payment_cleared_again_since_cannot_be_cancelled() {
    use kontor::ledger::open_items::{OpenItemsCommand, PartDraft};
    let mut b = book_with_settings();
    let mut p = draft(
        Direction::Incoming,
        Some("10001"),
        d(2024, 3, 1),
        vec![],
        vec![bank(dec!(500))],
    );
    p.on_account = dec!(500);
    run(&mut b, &pay(p));
    let inv = invoice_19(&mut b, d(2024, 3, 2));
    let pay_item = payment_item(b.payments().payment(1).unwrap().payment.entry);
    run(
        &mut b,
        &OpenItemsCommand::ClearItems {
            partner: c("10001"),
            date: d(2024, 3, 3),
            parts: vec![
                PartDraft {
                    item: inv,
                    amount_lc: Some(dec!(500)),
                },
                PartDraft {
                    item: pay_item,
                    amount_lc: None,
                },
            ],
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    assert_eq!(
        payments_err(refuses(&mut b, &cancel(1))),
        PaymentsError::ClearedAgainSince {
            number: 1,
            clearing: 1
        }
    );
    run(
        &mut b,
        &OpenItemsCommand::CancelClearing {
            number: 1,
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    run(&mut b, &cancel(1));
    assert_eq!(open_lc(&b, inv), dec!(1190));
    assert_eq!(open_sum(&b, "10001"), control_balance(&b, "10001"));
}

#[test]
fn bad_payments_are_refused_and_change_nothing() {
    let mut b = book_with_settings();
    let inv = invoice_19(&mut b, d(2024, 3, 1));
    let e = post(
        &mut b,
        d(2024, 3, 1),
        vec![
            LineDraft::partner(c("70001"), Side::Credit, dec!(100)),
            LineDraft::debit_lc(a("4900"), dec!(100)),
        ],
    );
    let vendor_item = item_of(e);
    let date = d(2024, 4, 20);
    let err = |b: &mut Book, p: PaymentDraft| payments_err(refuses(b, &pay(p)));
    assert_eq!(
        err(
            &mut b,
            incoming(date, vec![(inv, dec!(1200), dec!(0))], dec!(1200))
        ),
        PaymentsError::ExceedsOpen {
            index: 0,
            amount: dec!(1200),
            open: dec!(1190)
        }
    );
    assert_eq!(
        err(
            &mut b,
            incoming(date, vec![(inv, dec!(1190), dec!(0))], dec!(1100))
        ),
        PaymentsError::MeansMismatch {
            means: dec!(1100),
            needed: dec!(1190),
            difference: dec!(-90)
        }
    );
    assert_eq!(
        err(
            &mut b,
            incoming(date, vec![(vendor_item, dec!(100), dec!(0))], dec!(100))
        ),
        PaymentsError::ItemOfOtherPartner {
            index: 0,
            owner: c("70001"),
            partner: c("10001")
        }
    );
    let mut none = incoming(date, vec![(inv, dec!(1190), dec!(0))], dec!(1190));
    none.means.clear();
    assert_eq!(err(&mut b, none), PaymentsError::NoMeans);
    assert_eq!(
        err(
            &mut b,
            incoming(date, vec![(inv, dec!(-5), dec!(0))], dec!(5))
        ),
        PaymentsError::AmountInvalid {
            field: kontor::ledger::payments::PaymentField::ItemAmount { index: 0 },
            max_decimals: 2
        }
    );
    let mut usd = incoming(date, vec![(inv, dec!(1190), dec!(0))], dec!(1190));
    usd.currency = Some(kontor::ledger::types::Currency::USD);
    usd.rate_fc_per_lc = Some(dec!(1.1));
    assert_eq!(
        err(&mut b, usd),
        PaymentsError::ItemCurrency {
            index: 0,
            item: kontor::ledger::types::Currency::EUR,
            payment: kontor::ledger::types::Currency::USD
        }
    );
    let mut cash = incoming(date, vec![(inv, dec!(1190), dec!(0))], dec!(1190));
    cash.means[0].means = Means::Cash;
    cash.means[0].account = None;
    assert_eq!(
        err(&mut b, cash),
        PaymentsError::MeansAccountMissing {
            index: 0,
            means: Means::Cash
        }
    );
    // A payment block: only the full open amount.
    let mut blocked = b.partner(c("10001")).unwrap().clone();
    blocked.payment_block = true;
    run(
        &mut b,
        &PartnersCommand::UpdatePartner {
            partner: Box::new(blocked),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    assert_eq!(
        err(
            &mut b,
            incoming(date, vec![(inv, dec!(100), dec!(0))], dec!(100))
        ),
        PaymentsError::PartialBlocked {
            index: 0,
            partner: c("10001")
        }
    );
    run(
        &mut b,
        &pay(incoming(date, vec![(inv, dec!(1190), dec!(0))], dec!(1190))),
    );
    assert_eq!(
        payments_err(refuses(&mut b, &cancel(9))),
        PaymentsError::PaymentUnknown { number: 9 }
    );
}

/// A customer 10002 in USD (control 1410, any currency), a USD bank 1260,
/// the rate 1.10 USD/EUR and its invoice of 1,100.00 USD (1,000.00 EUR).
fn usd_company() -> (Book, ItemId) {
    use kontor::ledger::gl::{Account, AccountCurrency, AccountType, GlCommand};
    use kontor::ledger::types::Currency;
    let mut b = book_with_settings();
    let acc = |n: &str, name: &str, control, currency| Account {
        number: a(n),
        name_de: name.into(),
        name_en: name.into(),
        account_type: AccountType::Asset,
        postable: true,
        parent: None,
        control,
        currency,
        active: true,
    };
    for account in [
        acc("1420", "Forderungen FW", true, AccountCurrency::All),
        acc(
            "1260",
            "Bank USD",
            false,
            AccountCurrency::Foreign(Currency::USD),
        ),
    ] {
        run(&mut b, &GlCommand::CreateAccount { account }.into());
    }
    run(
        &mut b,
        &GlCommand::SetExchangeRate {
            currency: Currency::USD,
            date: d(2024, 1, 1),
            rate_fc_per_lc: dec!(1.1),
        }
        .into(),
    );
    let mut p = Partner::new(c("10002"), PartnerKind::Customer, "Acme Inc.");
    p.control_account = Some(a("1420"));
    p.currency = AccountCurrency::All;
    run(
        &mut b,
        &PartnersCommand::CreatePartner {
            partner: Box::new(p),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    let e = post(
        &mut b,
        d(2024, 3, 1),
        vec![
            LineDraft::partner(c("10002"), Side::Debit, dec!(1100)).in_fc(Currency::USD, None),
            LineDraft::credit_lc(a("8400"), dec!(1000)),
        ],
    );
    (b, item_of(e))
}

fn usd_payment(
    date: NaiveDate,
    item: ItemId,
    amount: Decimal,
    discount: Decimal,
    rate: Decimal,
) -> PaymentDraft {
    let mut p = draft(
        Direction::Incoming,
        Some("10002"),
        date,
        vec![(item, amount, discount)],
        vec![MeansDraft {
            means: Means::Transfer,
            account: Some(a("1260")),
            amount: amount - discount,
            reference: String::new(),
        }],
    );
    p.currency = Some(kontor::ledger::types::Currency::USD);
    p.rate_fc_per_lc = Some(rate);
    p.late_discount_confirmed = true;
    p
}

/// Golden: 550.00 USD of the 1,100.00 USD item at 1.00: its LC share
/// 500.00, the bank 550.00 EUR, a 50.00 gain. The rest, 550.00 USD with
/// 11.00 USD discount at 1.10: bank 539.00 USD = 490.00 EUR, discount
/// 10.00 EUR (untaxed, the invoice had no tax code), the partner line's
/// 500.00 EUR: no difference left.
#[test]
fn a_usd_item_paid_in_two_parts_with_a_discount() {
    let (mut b, inv) = usd_company();
    run(
        &mut b,
        &pay(usd_payment(
            d(2024, 3, 5),
            inv,
            dec!(550),
            dec!(0),
            dec!(1.0),
        )),
    );
    let e = last_entry(&b);
    assert_eq!(signed_on(e, "1260"), dec!(550.00));
    assert_eq!(signed_on(e, "1420"), dec!(-500.00));
    assert_eq!(signed_on(e, "2660"), dec!(-50.00));
    let item = b.open_items().item(inv).unwrap();
    assert_eq!(
        (item.open_lc, item.fc.as_ref().unwrap().open_fc),
        (dec!(500), dec!(550))
    );
    let mut rest = usd_payment(d(2024, 3, 6), inv, dec!(550), dec!(11), dec!(1.1));
    rest.key = key(5);
    run(&mut b, &pay(rest));
    let e = last_entry(&b);
    assert_eq!(signed_on(e, "1260"), dec!(490.00));
    assert_eq!(signed_on(e, "8736"), dec!(10.00));
    assert_eq!(signed_on(e, "1420"), dec!(-500.00));
    assert_eq!(signed_on(e, "2660") + signed_on(e, "2150"), dec!(0));
    let item = b.open_items().item(inv).unwrap();
    assert_eq!(
        (item.open_lc, item.fc.as_ref().unwrap().open_fc),
        (dec!(0), dec!(0))
    );
    assert_eq!(open_sum(&b, "10002"), control_balance(&b, "10002"));
}

/// Golden: 1,100.00 USD invoiced at 1.10 USD/EUR (1,000.00 EUR), paid at
/// 1.00: the bank gets 1,100.00 EUR, the partner line carries 1,100.00
/// USD at its booked 1,000.00 EUR, 100.00 EUR realised gain on 2660.
#[test]
fn a_usd_invoice_paid_at_another_rate_realises_the_difference() {
    use kontor::ledger::types::Currency;
    let (mut b, inv) = usd_company();
    let before = balances(&b);
    let mut usd = draft(
        Direction::Incoming,
        Some("10002"),
        d(2024, 4, 2),
        vec![(inv, dec!(1100), dec!(0))],
        vec![MeansDraft {
            means: Means::Transfer,
            account: Some(a("1260")),
            amount: dec!(1100),
            reference: String::new(),
        }],
    );
    usd.currency = Some(Currency::USD);
    usd.rate_fc_per_lc = Some(dec!(1.0));
    run(&mut b, &pay(usd));
    let entry = last_entry(&b);
    assert_eq!(signed_on(entry, "1260"), dec!(1100.00));
    assert_eq!(signed_on(entry, "1420"), dec!(-1000.00));
    assert_eq!(entry.lines[0].fc().unwrap().amount_fc, dec!(1100));
    assert_eq!(signed_on(entry, "2660"), dec!(-100.00));
    assert_eq!(entry.imbalance(), (dec!(0), dec!(0)));
    assert_eq!(open_lc(&b, inv), dec!(0));
    assert_eq!(
        b.open_items()
            .item(inv)
            .unwrap()
            .fc
            .as_ref()
            .unwrap()
            .open_fc,
        dec!(0)
    );
    assert_eq!(open_sum(&b, "10002"), control_balance(&b, "10002"));
    run(&mut b, &cancel(1));
    assert_eq!(balances(&b), before);
    assert_eq!(
        b.open_items()
            .item(inv)
            .unwrap()
            .fc
            .as_ref()
            .unwrap()
            .open_fc,
        dec!(1100)
    );
}

/// Found by the property test: the user cancelled the payment's clearing
/// by hand first; cancelling the payment then must not cancel it again.
#[test]
fn a_payment_whose_clearing_was_cancelled_by_hand_can_still_be_cancelled() {
    use kontor::ledger::open_items::OpenItemsCommand;
    let mut b = book_with_settings();
    let inv = invoice_19(&mut b, d(2024, 3, 1));
    run(
        &mut b,
        &pay(incoming(
            d(2024, 4, 20),
            vec![(inv, dec!(1190), dec!(0))],
            dec!(1190),
        )),
    );
    run(
        &mut b,
        &OpenItemsCommand::CancelClearing {
            number: 1,
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    assert_eq!(open_lc(&b, inv), dec!(1190));
    run(&mut b, &cancel(1));
    assert_eq!(open_lc(&b, inv), dec!(1190));
    assert_eq!(balance(&b, "1200"), dec!(0));
    assert_eq!(open_sum(&b, "10001"), control_balance(&b, "10001"));
}
