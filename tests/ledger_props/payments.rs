//! The payment family of the random command sequences: payment settings
//! (valid, or naming an unknown account), payments against the open items
//! a user sees for a partner (full and partial amounts, the discount the
//! screen offers, a fee, one or two means, now and then on account, a
//! cent off with or without write-off, an overpaid item, no means, an FC
//! item paid in its currency at another rate), their cancellation, and
//! the automatic reconciliation and revaluation with plain drafts.
//!
//! `check_item_history` is the invariant: every item's amount is
//! what is open plus the parts of the clearings not cancelled.

use super::{key, posting_key};
use chrono::{Days, NaiveDate};
use kontor::ledger::open_items::OpenItem;
use kontor::ledger::payments::reconcile::AutoReconcileDraft;
use kontor::ledger::payments::revaluation::RevaluationDraft;
use kontor::ledger::payments::{
    Direction, ItemDraft, Means, MeansDraft, PaymentDraft, PaymentSettings, PaymentsCommand,
    item_offer,
};
use kontor::ledger::posting::Rights;
use kontor::ledger::types::money::round;
use kontor::ledger::types::{AccountNo, Currency, PartnerCode, PostingKey, Timestamp};
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[derive(Clone, Debug)]
pub struct PaySpec {
    partner: Index,
    items: Vec<(Index, u8)>,
    discount: bool,
    fee: bool,
    on_account: bool,
    two_means: bool,
    check: bool,
    day: u16,
    /// 0 none, 1 a cent off (write-off asked), 2 a cent off (not asked),
    /// 3 an overpaid item, 4 no means, 5 another rate (FC only).
    defect: u8,
    key: Option<u8>,
}

#[derive(Clone, Debug)]
pub enum PaymentOp {
    Settings { bad: bool },
    Post(PaySpec),
    Cancel { pick: Index, day: Option<u16> },
    AutoReconcile { day: u16 },
    Revalue { day: u16 },
}

fn pay_spec() -> impl Strategy<Value = PaySpec> {
    (
        (
            any::<Index>(),
            prop::collection::vec((any::<Index>(), prop_oneof![3 => Just(100u8), 2 => 1u8..100]), 1..4),
        ),
        (any::<bool>(), prop::bool::weighted(0.3), prop::bool::weighted(0.2)),
        (prop::bool::weighted(0.3), prop::bool::weighted(0.2)),
        0u16..400,
        prop_oneof![12 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8), 1 => Just(3u8), 1 => Just(4u8), 2 => Just(5u8)],
        key(),
    )
        .prop_map(
            |((partner, items), (discount, fee, on_account), (two_means, check), day, defect, key)| {
                PaySpec {
                    partner,
                    items,
                    discount,
                    fee,
                    on_account,
                    two_means,
                    check,
                    day,
                    defect,
                    key,
                }
            },
        )
}

pub fn payment_op() -> impl Strategy<Value = PaymentOp> {
    prop_oneof![
        1 => prop::bool::weighted(0.2).prop_map(|bad| PaymentOp::Settings { bad }),
        8 => pay_spec().prop_map(PaymentOp::Post),
        3 => (any::<Index>(), prop::option::weighted(0.3, 0u16..400))
            .prop_map(|(pick, day)| PaymentOp::Cancel { pick, day }),
        2 => (0u16..400).prop_map(|day| PaymentOp::AutoReconcile { day }),
        2 => (0u16..400).prop_map(|day| PaymentOp::Revalue { day }),
    ]
}

fn no(text: &str) -> AccountNo {
    AccountNo::parse(text).unwrap()
}

fn stamp(base: NaiveDate) -> Timestamp {
    Timestamp::at(base, 12, 0, 0).unwrap()
}

fn day(base: NaiveDate, d: u16) -> NaiveDate {
    base + Days::new(u64::from(d))
}

/// Settings with a tolerance of one unit and accounts every setup has.
pub fn settings(bad: bool) -> PaymentSettings {
    PaymentSettings {
        tolerance_lc: dec!(1),
        write_off_account: Some(no(if bad { "9999" } else { "4930" })),
        checks_account: Some(no("1500")),
        card_account: Some(no("1500")),
        ..PaymentSettings::default()
    }
}

/// The setup's payment settings (with partners).
pub fn command_settings(base: NaiveDate) -> Command {
    PaymentsCommand::SetSettings {
        settings: Box::new(settings(false)),
        by: "prop".into(),
        at: stamp(base),
    }
    .into()
}

pub fn command(book: &Book, base: NaiveDate, op: &PaymentOp) -> (Command, Rights) {
    let cmd = match op {
        PaymentOp::Settings { bad } => PaymentsCommand::SetSettings {
            settings: Box::new(settings(*bad)),
            by: "prop".into(),
            at: stamp(base),
        },
        PaymentOp::Post(spec) => PaymentsCommand::Post {
            draft: Box::new(payment(book, base, spec)),
            at: stamp(base),
        },
        PaymentOp::Cancel { pick, day: d } => PaymentsCommand::Cancel {
            number: u32::try_from(pick.index(book.payments().payments().len() + 1) + 1)
                .unwrap_or(1),
            date: d.map(|d| day(base, d)),
            by: "prop".into(),
            at: stamp(base),
        },
        PaymentOp::AutoReconcile { day: d } => PaymentsCommand::AutoReconcile {
            draft: AutoReconcileDraft::new(day(base, *d), "prop", stamp(base)),
        },
        PaymentOp::Revalue { day: d } => PaymentsCommand::Revalue {
            draft: RevaluationDraft {
                date: day(base, *d),
                reverse_on: None,
                user: "prop".into(),
                key: PostingKey(0x7e7a),
            },
        },
    };
    (
        cmd.into(),
        Rights {
            exceed_commitment_limit: false,
            ..Rights::ALL
        },
    )
}

/// The open items of a partner the screen lists, in one currency (that of
/// the first one picked).
fn chosen<'a>(book: &'a Book, spec: &PaySpec) -> (Option<PartnerCode>, Vec<(&'a OpenItem, u8)>) {
    // The screen lists partners with open items first; now and then one
    // without (a payment on account).
    let all: Vec<PartnerCode> = book.partners().partners().map(|p| p.code).collect();
    let with_items: Vec<PartnerCode> = all
        .iter()
        .copied()
        .filter(|&c| book.open_items().items_of(c).any(|i| wanted(i, spec)))
        .collect();
    let partners = if with_items.is_empty() || spec.on_account && spec.fee {
        all
    } else {
        with_items
    };
    if partners.is_empty() {
        return (None, Vec::new());
    }
    let code = partners[spec.partner.index(partners.len())];
    let open: Vec<&OpenItem> = book
        .open_items()
        .items_of(code)
        .filter(|i| wanted(i, spec))
        .collect();
    if open.is_empty() {
        return (Some(code), Vec::new());
    }
    let first = open[spec.items[0].0.index(open.len())];
    let currency = first.fc.as_ref().map(|f| f.currency);
    let same: Vec<&OpenItem> = open
        .into_iter()
        .filter(|i| i.fc.as_ref().map(|f| f.currency) == currency)
        .collect();
    let mut picked: Vec<(&OpenItem, u8)> = Vec::new();
    for (index, share) in &spec.items {
        let item = same[index.index(same.len())];
        if picked.iter().all(|(p, _)| p.id != item.id) {
            picked.push((item, *share));
        }
    }
    (Some(code), picked)
}

/// An open item, with discount steps when the spec takes a discount (the
/// user pays those first while the discount lasts).
fn wanted(item: &OpenItem, spec: &PaySpec) -> bool {
    item.is_open() && (!spec.discount || !item.discounts.is_empty())
}

fn payment(book: &Book, base: NaiveDate, spec: &PaySpec) -> PaymentDraft {
    let lc_decimals = book.gl().settings().lc_decimals();
    let (partner, picked) = chosen(book, spec);
    // Mostly paid after the items were posted, as a user would; now and
    // then a date typed before them.
    let latest = picked.iter().map(|(i, _)| i.posting_date).max();
    let date = match latest {
        Some(latest) if spec.day < 380 => {
            day(latest, spec.day % if spec.discount { 10 } else { 20 })
        }
        _ => day(base, spec.day),
    };
    let fc = picked
        .first()
        .and_then(|(i, _)| i.fc.as_ref().map(|f| f.currency));
    let decimals = fc.map_or(lc_decimals, |c: Currency| c.decimals());
    let mut items = Vec::new();
    let mut net = Decimal::ZERO;
    for (index, (item, share)) in picked.iter().enumerate() {
        let offer = item_offer(item, date, decimals);
        let mut amount = if *share >= 100 {
            offer.open
        } else {
            round(offer.open * Decimal::from(*share) / dec!(100), decimals)
                .max(Decimal::new(1, decimals))
        };
        if spec.defect == 3 && index == 0 {
            amount = offer.open + Decimal::new(1, decimals);
        }
        let discount = if spec.discount && amount == offer.open {
            offer.discount
        } else {
            Decimal::ZERO
        };
        net += item.side.sign(amount - discount);
        items.push(ItemDraft {
            item: item.id,
            amount,
            discount,
        });
    }
    let direction = if net.is_sign_negative() {
        Direction::Outgoing
    } else {
        Direction::Incoming
    };
    let dir = if direction == Direction::Incoming {
        Decimal::ONE
    } else {
        Decimal::NEGATIVE_ONE
    };
    let on_account = if spec.on_account || partner.is_some() && items.is_empty() {
        dec!(25)
    } else {
        Decimal::ZERO
    };
    let fee = if spec.fee { dec!(1.5) } else { Decimal::ZERO };
    let mut needed = dir * net + on_account - dir * fee;
    if spec.defect == 1 || spec.defect == 2 {
        needed += Decimal::new(1, decimals);
    }
    let means = means(fc, needed, spec);
    let rate = fc.filter(|_| spec.defect == 5).map(|_| dec!(1.2));
    PaymentDraft {
        direction,
        partner,
        posting_date: date,
        document_date: None,
        currency: fc,
        rate_fc_per_lc: rate,
        items,
        on_account,
        gl_lines: Vec::new(),
        means,
        fee,
        write_off: spec.defect == 1,
        late_discount_confirmed: spec.defect == 0,
        reference: "ZE".into(),
        memo: String::new(),
        user: "prop".into(),
        key: posting_key(spec.key).unwrap_or(PostingKey(u128::from(spec.day) << 64 | 0x9a)),
    }
}

fn means(fc: Option<Currency>, needed: Decimal, spec: &PaySpec) -> Vec<MeansDraft> {
    if spec.defect == 4 || needed <= Decimal::ZERO {
        return Vec::new();
    }
    let bank = if fc.is_some() { "1260" } else { "1200" };
    let one = |means, account: Option<&str>, amount| MeansDraft {
        means,
        account: account.map(no),
        amount,
        reference: String::new(),
    };
    let first = if spec.check && fc.is_none() {
        one(Means::Check, None, needed)
    } else {
        one(Means::Transfer, Some(bank), needed)
    };
    let half = round(needed / dec!(2), 2);
    if spec.two_means && fc.is_none() && half > Decimal::ZERO && half < needed {
        vec![
            MeansDraft {
                amount: needed - half,
                ..first
            },
            one(Means::Cash, Some("1000"), half),
        ]
    } else {
        vec![first]
    }
}

/// Every item's amount is what is open plus the parts of the clearings
/// not cancelled (LC, and FC for an FC item).
pub fn check_item_history(book: &Book) -> Result<(), String> {
    let items = book.open_items();
    for item in items.items() {
        let mut cleared = Decimal::ZERO;
        for part in &item.cleared {
            let record = items
                .clearing(part.number)
                .ok_or_else(|| format!("item {:?}: clearing {} unknown", item.id, part.number))?;
            if record.cancelled.is_none() {
                cleared += part.amount_lc;
            }
        }
        if item.amount_lc != item.open_lc + cleared {
            return Err(format!(
                "item {:?}: amount {} but open {} + cleared {cleared}",
                item.id, item.amount_lc, item.open_lc
            ));
        }
    }
    Ok(())
}
