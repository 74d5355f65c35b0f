//! Internal reconciliation (issue 14), engine side: the proposal's ranking
//! and reasons, partial amounts ready for `ClearItems`, the automatic
//! reconciliation over all partners (consecutive numbers, disjoint items,
//! cancellable) and its refusals, which leave the Book unchanged.

use chrono::NaiveDate;
use kontor::ledger::open_items::{ItemId, OpenItemsCommand, OpenItemsEvent, PartDraft};
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
use kontor::ledger::payments::reconcile::{AutoReconcileDraft, Reason, ReconcileError, proposals};
use kontor::ledger::payments::{PaymentsCommand, PaymentsError};
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, EntryId, PartnerCode, Side, Timestamp};
use kontor::ledger::{Book, Command, DomainError, Event};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn c(n: &str) -> PartnerCode {
    PartnerCode::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at(d(2024, 6, 30), 9, 30, 0).unwrap()
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

/// A book with customer 10001 and vendor 70001 (net terms).
fn book() -> Book {
    let mut b = Book::set_up(&sample_setup(2024)).unwrap().0;
    for (code, kind) in [
        ("10001", PartnerKind::Customer),
        ("70001", PartnerKind::Vendor),
    ] {
        let partner = Partner::new(c(code), kind, "Mühle Weber GmbH");
        let cmd = PartnersCommand::CreatePartner {
            partner: Box::new(partner),
            by: "anna".into(),
            at: at(),
        };
        run(&mut b, &cmd.into());
    }
    b
}

/// An entry with the partner line first (`side` of the partner) against
/// revenue 8400 (customer) or expense 3400 (vendor); its item.
fn post(
    b: &mut Book,
    partner: &str,
    side: Side,
    date: NaiveDate,
    doc: (&str, &str),
    amount: Decimal,
) -> ItemId {
    let other = AccountNo::parse(if partner.starts_with('7') {
        "3400"
    } else {
        "8400"
    })
    .unwrap();
    let lines = vec![
        LineDraft::partner(c(partner), side, amount),
        match side {
            Side::Debit => LineDraft::credit_lc(other, amount),
            Side::Credit => LineDraft::debit_lc(other, amount),
        },
    ];
    let mut draft = EntryDraft::new(date, "anna", lines);
    draft.reference = doc.0.into();
    draft.memo = doc.1.into();
    let events = run(b, &PostingCommand::PostEntry { draft }.into());
    let entry: EntryId = match events.first() {
        Some(Event::EntryPosted { entry }) => entry.id,
        other => panic!("expected an entry, got {other:?}"),
    };
    ItemId {
        entry,
        line: 0,
        installment: 0,
    }
}

fn open(b: &Book, item: ItemId) -> Decimal {
    b.open_items().item(item).unwrap().open_lc
}

fn auto(date: NaiveDate) -> AutoReconcileDraft {
    AutoReconcileDraft::new(date, "anna", at())
}

fn auto_cmd(draft: AutoReconcileDraft) -> Command {
    PaymentsCommand::AutoReconcile { draft }.into()
}

fn cleared(events: &[Event]) -> Vec<(u32, Vec<ItemId>)> {
    events
        .iter()
        .map(|e| match e {
            Event::OpenItems(OpenItemsEvent::ItemsCleared { clearing }) => (
                clearing.number,
                clearing.parts.iter().map(|p| p.item).collect(),
            ),
            other => panic!("expected a clearing, got {other:?}"),
        })
        .collect()
}

#[test]
fn proposals_rank_reference_then_memo_then_exact_amount_then_one_against_two() {
    let mut b = book();
    let debit = Side::Debit;
    let credit = Side::Credit;
    let inv_a = post(
        &mut b,
        "10001",
        debit,
        d(2024, 3, 1),
        ("RE-1", ""),
        dec!(1000),
    );
    let inv_b = post(
        &mut b,
        "10001",
        debit,
        d(2024, 3, 2),
        ("RE-2", ""),
        dec!(500),
    );
    let inv_c = post(
        &mut b,
        "10001",
        debit,
        d(2024, 3, 3),
        ("RE-3", ""),
        dec!(300),
    );
    let inv_d = post(
        &mut b,
        "10001",
        debit,
        d(2024, 3, 6),
        ("RE-4", ""),
        dec!(250),
    );
    let gs_b = post(
        &mut b,
        "10001",
        credit,
        d(2024, 3, 5),
        ("GS-9", ""),
        dec!(500),
    );
    let gs_c1 = post(
        &mut b,
        "10001",
        credit,
        d(2024, 3, 4),
        ("GS-11", ""),
        dec!(100),
    );
    let gs_c2 = post(
        &mut b,
        "10001",
        credit,
        d(2024, 3, 8),
        ("GS-12", ""),
        dec!(200),
    );
    let gs_d = post(
        &mut b,
        "10001",
        credit,
        d(2024, 3, 7),
        ("GS-10", "Gutschrift zu re-4."),
        dec!(250),
    );
    let gs_a = post(
        &mut b,
        "10001",
        credit,
        d(2024, 3, 20),
        ("RE-1", ""),
        dec!(1000),
    );
    // Another partner's items never appear.
    post(
        &mut b,
        "70001",
        credit,
        d(2024, 3, 1),
        ("RE-1", ""),
        dec!(1000),
    );

    let list = proposals(b.context(), c("10001"), d(2024, 3, 31), 10);
    let got: Vec<(Reason, Vec<ItemId>, Decimal, i64)> = list
        .iter()
        .map(|p| {
            (
                p.reason.clone(),
                p.parts.iter().map(|x| x.item).collect(),
                p.amount,
                p.days,
            )
        })
        .collect();
    let reference = |r: &str| r.to_string();
    assert_eq!(
        got,
        vec![
            (
                Reason::SameReference {
                    reference: reference("RE-1")
                },
                vec![inv_a, gs_a],
                dec!(1000),
                19
            ),
            (
                Reason::MemoNamesReference {
                    reference: reference("RE-4")
                },
                vec![inv_d, gs_d],
                dec!(250),
                1
            ),
            (Reason::ExactAmount, vec![inv_b, gs_b], dec!(500), 3),
            (
                Reason::OneAgainstTwo,
                vec![inv_c, gs_c1, gs_c2],
                dec!(300),
                5
            ),
        ]
    );
    assert!(list.iter().all(|p| !p.is_partial()));
    // The limit keeps the best; items posted after the date are left out.
    assert_eq!(
        proposals(b.context(), c("10001"), d(2024, 3, 31), 2).len(),
        2
    );
    let early = proposals(b.context(), c("10001"), d(2024, 3, 10), 10);
    assert!(
        early
            .iter()
            .all(|p| !p.parts.iter().any(|x| x.item == gs_a))
    );
}

#[test]
fn a_reference_proposal_clears_a_partial_amount_through_clear_items() {
    let mut b = book();
    let invoice = post(
        &mut b,
        "10001",
        Side::Debit,
        d(2024, 4, 1),
        ("RE-7", ""),
        dec!(1000),
    );
    let note = post(
        &mut b,
        "10001",
        Side::Credit,
        d(2024, 4, 9),
        ("RE-7", "Teilgutschrift"),
        dec!(200.50),
    );
    let list = proposals(b.context(), c("10001"), d(2024, 4, 30), 10);
    let best = &list[0];
    assert_eq!(
        best.reason,
        Reason::SameReference {
            reference: "RE-7".into()
        }
    );
    assert!(best.is_partial());
    assert_eq!(best.amount, dec!(200.50));
    let parts: Vec<(ItemId, Decimal, bool)> = best
        .parts
        .iter()
        .map(|p| (p.item, p.amount, p.partial))
        .collect();
    assert_eq!(
        parts,
        vec![(invoice, dec!(200.50), true), (note, dec!(200.50), false)]
    );

    let cmd = OpenItemsCommand::ClearItems {
        partner: c("10001"),
        date: d(2024, 4, 30),
        parts: best.drafts(),
        by: "anna".into(),
        at: at(),
    };
    run(&mut b, &cmd.into());
    assert_eq!(open(&b, invoice), dec!(799.50));
    assert_eq!(open(&b, note), dec!(0));
    // What is left has no partner to net against: no proposal.
    assert!(proposals(b.context(), c("10001"), d(2024, 4, 30), 10).is_empty());
}

#[test]
fn auto_reconcile_clears_by_reference_and_by_amount_within_the_days_numbered_on() {
    let mut b = book();
    let (debit, credit) = (Side::Debit, Side::Credit);
    // A manual clearing first, so the automatic numbers continue from 2.
    let m1 = post(&mut b, "10001", debit, d(2024, 1, 2), ("M-1", ""), dec!(10));
    let m2 = post(
        &mut b,
        "10001",
        credit,
        d(2024, 1, 2),
        ("M-2", ""),
        dec!(10),
    );
    let manual = OpenItemsCommand::ClearItems {
        partner: c("10001"),
        date: d(2024, 1, 2),
        parts: vec![
            PartDraft {
                item: m1,
                amount_lc: None,
            },
            PartDraft {
                item: m2,
                amount_lc: None,
            },
        ],
        by: "anna".into(),
        at: at(),
    };
    run(&mut b, &manual.into());
    let ref_inv = post(
        &mut b,
        "10001",
        debit,
        d(2024, 1, 10),
        ("RE-1", ""),
        dec!(1000),
    );
    let ref_gs = post(
        &mut b,
        "10001",
        credit,
        d(2024, 4, 10),
        ("RE-1", ""),
        dec!(1000),
    );
    let amt_inv = post(
        &mut b,
        "10001",
        debit,
        d(2024, 3, 1),
        ("RE-2", ""),
        dec!(500),
    );
    let amt_gs = post(
        &mut b,
        "10001",
        credit,
        d(2024, 3, 31),
        ("GS-2", ""),
        dec!(500),
    );
    let far_inv = post(
        &mut b,
        "10001",
        debit,
        d(2024, 1, 10),
        ("RE-3", ""),
        dec!(400),
    );
    let far_gs = post(
        &mut b,
        "10001",
        credit,
        d(2024, 5, 1),
        ("GS-3", ""),
        dec!(400),
    );
    let v_inv = post(
        &mut b,
        "70001",
        credit,
        d(2024, 2, 1),
        ("ER-1", ""),
        dec!(700),
    );
    let v_gs = post(
        &mut b,
        "70001",
        debit,
        d(2024, 2, 20),
        ("EG-1", ""),
        dec!(700),
    );

    let events = run(&mut b, &auto_cmd(auto(d(2024, 6, 30))));
    assert_eq!(
        cleared(&events),
        vec![
            (2, vec![ref_inv, ref_gs]),
            (3, vec![amt_inv, amt_gs]),
            (4, vec![v_gs, v_inv])
        ]
    );
    for item in [ref_inv, ref_gs, amt_inv, amt_gs, v_inv, v_gs] {
        assert_eq!(open(&b, item), dec!(0));
    }
    // 110 days apart: more than the default 30 match days.
    assert_eq!(
        (open(&b, far_inv), open(&b, far_gs)),
        (dec!(400), dec!(400))
    );
    let clearing = &b.open_items().clearing(3).unwrap().clearing;
    assert_eq!(
        (clearing.date, clearing.by.as_str(), clearing.at),
        (d(2024, 6, 30), "anna", Some(at()))
    );

    // Cancelling one of its clearings re-opens exactly its items.
    let cancel = OpenItemsCommand::CancelClearing {
        number: 3,
        by: "anna".into(),
        at: at(),
    };
    run(&mut b, &cancel.into());
    assert_eq!(
        (open(&b, amt_inv), open(&b, amt_gs)),
        (dec!(500), dec!(500))
    );
    assert_eq!((open(&b, ref_inv), open(&b, v_gs)), (dec!(0), dec!(0)));

    // More days match the far pair (and the re-opened one again).
    let mut wide = auto(d(2024, 6, 30));
    wide.days = Some(120);
    let events = run(&mut b, &auto_cmd(wide));
    assert_eq!(
        cleared(&events),
        vec![(5, vec![far_inv, far_gs]), (6, vec![amt_inv, amt_gs])]
    );
}

#[test]
fn auto_reconcile_rules_can_be_chosen_alone() {
    let mut b = book();
    let inv = post(
        &mut b,
        "10001",
        Side::Debit,
        d(2024, 3, 1),
        ("RE-1", ""),
        dec!(80),
    );
    let gs = post(
        &mut b,
        "10001",
        Side::Credit,
        d(2024, 3, 2),
        ("GS-1", "zu RE-1"),
        dec!(30),
    );
    let gs2 = post(
        &mut b,
        "10001",
        Side::Credit,
        d(2024, 3, 3),
        ("RE-1", ""),
        dec!(50),
    );
    let mut by_amount = auto(d(2024, 3, 31));
    by_amount.by_reference = false;
    let err = refuses(&mut b, &auto_cmd(by_amount));
    assert_eq!(
        err,
        DomainError::Payments(PaymentsError::Reconcile(ReconcileError::NothingToReconcile))
    );
    let mut by_reference = auto(d(2024, 3, 31));
    by_reference.by_amount = false;
    let events = run(&mut b, &auto_cmd(by_reference));
    assert_eq!(cleared(&events), vec![(1, vec![inv, gs, gs2])]);
}

#[test]
fn auto_reconcile_refuses_when_nothing_matches_or_no_rule_is_chosen_storing_nothing() {
    let mut b = book();
    let err = refuses(&mut b, &auto_cmd(auto(d(2024, 6, 30))));
    assert_eq!(
        err,
        DomainError::Payments(PaymentsError::Reconcile(ReconcileError::NothingToReconcile))
    );
    post(
        &mut b,
        "10001",
        Side::Debit,
        d(2024, 3, 1),
        ("RE-1", ""),
        dec!(80),
    );
    post(
        &mut b,
        "10001",
        Side::Credit,
        d(2024, 3, 2),
        ("GS-1", ""),
        dec!(79.99),
    );
    // A matching pair posted after the date does not count.
    post(
        &mut b,
        "70001",
        Side::Credit,
        d(2024, 7, 1),
        ("ER-1", ""),
        dec!(5),
    );
    post(
        &mut b,
        "70001",
        Side::Debit,
        d(2024, 7, 1),
        ("ER-1", ""),
        dec!(5),
    );
    let err = refuses(&mut b, &auto_cmd(auto(d(2024, 6, 30))));
    assert_eq!(
        err,
        DomainError::Payments(PaymentsError::Reconcile(ReconcileError::NothingToReconcile))
    );
    let mut none = auto(d(2024, 7, 31));
    none.by_reference = false;
    none.by_amount = false;
    let err = refuses(&mut b, &auto_cmd(none));
    assert_eq!(
        err,
        DomainError::Payments(PaymentsError::Reconcile(ReconcileError::NoRuleChosen))
    );
    // An empty user is refused by the clearing's own rule.
    let mut nobody = auto(d(2024, 7, 31));
    nobody.by = String::new();
    assert!(matches!(
        refuses(&mut b, &auto_cmd(nobody)),
        DomainError::Input(_)
    ));
}
