//! Dunning (issue 16), engine side: terms and settings with their
//! refusals, the proposal (levels, § 288 BGB interest across a base-rate
//! change, consumer and business rates, act/365 and act/360, the flat
//! fee, minimum balance, blocked partners, grouping), executing runs over
//! two levels, the charges entry and its open item, idempotency. Every
//! golden figure is computed by hand in the comment above its assert.

use chrono::NaiveDate;
use kontor::finance::interest::{BaseRate, DayCount, DebtorKind};
use kontor::ledger::dunning::{
    DunningCommand, DunningError, DunningLevel, DunningParams, DunningProposal, DunningRunDraft,
    DunningSettings, DunningTerm, InterestBase, LetterChoice, SkipReason, TermField,
};
use kontor::ledger::open_items::ItemId;
use kontor::ledger::partners::{Partner, PartnerKind, PartnersCommand};
use kontor::ledger::payments::payment_item;
use kontor::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, PartnerCode, PostingKey, Side, Timestamp};
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

fn refuses(b: &mut Book, cmd: &Command) -> DunningError {
    let before = b.clone();
    let err = b.execute(cmd).unwrap_err();
    assert_eq!(*b, before, "a refused command changed the book");
    match err {
        DomainError::Dunning(e) => e,
        other => panic!("expected a dunning refusal, got {other:?}"),
    }
}

fn level(days: u16, fee: Decimal, min_balance: Decimal, interest: bool) -> DunningLevel {
    DunningLevel {
        days_after_due: days,
        fee,
        min_balance,
        interest,
        text_de: "Bitte zahlen Sie bis {date}.".into(),
        text_en: "Please pay by {date}.".into(),
    }
}

/// Level 1 after 0 days (no fee, no interest), level 2 after 14 days
/// (5.00, interest), level 3 after 28 days (10.00, interest, minimum
/// balance 100.00).
fn term(debtor: DebtorKind, day_count: DayCount, group_items: bool) -> DunningTerm {
    DunningTerm {
        code: "M3".into(),
        name: "Drei Stufen".into(),
        levels: vec![
            level(0, dec!(0), dec!(0), false),
            level(14, dec!(5.00), dec!(0), true),
            level(28, dec!(10.00), dec!(100.00), true),
        ],
        group_items,
        interest_base: InterestBase::Remaining,
        day_count,
        debtor,
        flat_fee: false,
    }
}

fn save_term(b: &mut Book, t: DunningTerm) {
    run(
        b,
        &DunningCommand::SaveTerm {
            term: Box::new(t),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
}

fn settings_cmd(fee: &str, interest: &str) -> Command {
    DunningCommand::SetSettings {
        settings: Box::new(DunningSettings {
            fee_account: Some(a(fee)),
            interest_account: Some(a(interest)),
            base_rates: None,
        }),
        by: "anna".into(),
        at: at(),
    }
    .into()
}

/// The SKR03 sample with customers 10001 and 10002 naming term M3, the
/// term (business, act/365, grouped) and the charge accounts 2700 / 2650.
fn book() -> Book {
    let mut b = Book::set_up(&sample_setup(2024)).unwrap().0;
    for code in ["10001", "10002"] {
        let mut cust = Partner::new(c(code), PartnerKind::Customer, "Bäckerei Krüger KG");
        cust.dunning_term = "M3".into();
        run(
            &mut b,
            &PartnersCommand::CreatePartner {
                partner: Box::new(cust),
                by: "anna".into(),
                at: at(),
            }
            .into(),
        );
    }
    save_term(&mut b, term(DebtorKind::Business, DayCount::Act365, true));
    run(&mut b, &settings_cmd("2700", "2650"));
    b
}

/// A customer invoice of `gross` (net + 19 %) due on `due`.
fn invoice(b: &mut Book, partner: &str, date: NaiveDate, due: NaiveDate, net: Decimal) -> ItemId {
    let mut revenue = LineDraft::credit_lc(a("8400"), net);
    revenue.tax_code = Some("U19".into());
    let customer = LineDraft {
        due_date: Some(due),
        ..LineDraft::partner(c(partner), Side::Debit, net * dec!(1.19))
    };
    let draft = EntryDraft::new(date, "anna", vec![customer, revenue]);
    match run(b, &PostingCommand::PostEntry { draft }.into()).first() {
        Some(Event::EntryPosted { entry }) => payment_item(entry.id),
        other => panic!("expected an entry, got {other:?}"),
    }
}

fn propose(b: &Book, date: NaiveDate) -> DunningProposal {
    b.dunning().propose(
        b.context(),
        &DunningParams {
            date,
            customers: Vec::new(),
        },
    )
}

fn execute_cmd(date: NaiveDate, letters: Vec<LetterChoice>, post: bool, key: u128) -> Command {
    DunningCommand::Execute {
        draft: Box::new(DunningRunDraft {
            date,
            letters,
            post_charges: post,
            user: "anna".into(),
            key: PostingKey(key),
        }),
        at: at(),
    }
    .into()
}

fn all_of(partner: &str) -> LetterChoice {
    LetterChoice {
        partner: c(partner),
        items: Vec::new(),
    }
}

#[test]
fn interest_across_the_july_change_business_act365() {
    let mut b = book();
    let item = invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    let p = propose(&b, d(2024, 7, 15));
    assert_eq!(p.letters.len(), 1, "{p:?}");
    let letter = &p.letters[0];
    let dunned = &letter.items[0];
    assert_eq!(dunned.item, item);
    assert_eq!(dunned.days_overdue, 30);
    // 30 days after due: level 3 at once (levels are never waited for).
    assert_eq!(
        (dunned.previous_level, dunned.level, letter.level),
        (0, 3, 3)
    );
    assert_eq!(letter.fee, dec!(10.00));
    // 16–30 June: 15 days at 3.62 + 9 = 12.62 %:
    //   1,190.00 × 12.62 × 15 / 36,500 = 6.1717 → 6.17
    // 1–15 July: 15 days at 3.37 + 9 = 12.37 %:
    //   1,190.00 × 12.37 × 15 / 36,500 = 6.0494 → 6.05
    let periods: Vec<_> = dunned
        .periods
        .iter()
        .map(|p| (p.from, p.to, p.days, p.rate, p.interest))
        .collect();
    assert_eq!(
        periods,
        vec![
            (d(2024, 6, 16), d(2024, 6, 30), 15, dec!(12.62), dec!(6.17)),
            (d(2024, 7, 1), d(2024, 7, 15), 15, dec!(12.37), dec!(6.05)),
        ]
    );
    assert_eq!(dunned.interest, dec!(12.22));
    // Open 1,190.00 + fee 10.00 + interest 12.22.
    assert_eq!(letter.total(), dec!(1212.22));
}

#[test]
fn interest_consumer_rate_and_act360() {
    let mut b = book();
    save_term(&mut b, term(DebtorKind::Consumer, DayCount::Act365, true));
    invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    // Consumers: 3.62 + 5 = 8.62 % and 3.37 + 5 = 8.37 %:
    //   1,190.00 × 8.62 × 15 / 36,500 = 4.2155 → 4.22
    //   1,190.00 × 8.37 × 15 / 36,500 = 4.0933 → 4.09; total 8.31
    let p = propose(&b, d(2024, 7, 15));
    assert_eq!(p.letters[0].items[0].interest, dec!(8.31));
    save_term(&mut b, term(DebtorKind::Business, DayCount::Act360, true));
    // Act/360, business: 1,190.00 × 12.62 × 15 / 36,000 = 6.2574 → 6.26
    //   and 1,190.00 × 12.37 × 15 / 36,000 = 6.1335 → 6.13; total 12.39
    let p = propose(&b, d(2024, 7, 15));
    assert_eq!(p.letters[0].items[0].interest, dec!(12.39));
}

#[test]
fn interest_on_the_original_amount_after_a_part_payment() {
    let mut b = book();
    let mut t = term(DebtorKind::Business, DayCount::Act365, true);
    t.interest_base = InterestBase::Original;
    save_term(&mut b, t.clone());
    let item = invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    // Original amount: the same 12.22 as in the golden case above.
    let p = propose(&b, d(2024, 7, 15));
    assert_eq!(p.letters[0].items[0].item, item);
    assert_eq!(p.letters[0].items[0].interest, dec!(12.22));
}

#[test]
fn two_runs_raise_the_level_and_charge_interest_once_per_day() {
    let mut b = book();
    let item = invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    // Run 1 on 20 June: 5 days overdue, level 1 (no fee, no interest).
    run(
        &mut b,
        &execute_cmd(d(2024, 6, 20), vec![all_of("10001")], false, 1),
    );
    assert_eq!(b.dunning().level(item), 1);
    // The next day nothing new: the item stays at level 1.
    let p = propose(&b, d(2024, 6, 21));
    assert!(p.letters.is_empty());
    assert_eq!(
        p.skipped[0].reason,
        SkipReason::LevelAlreadyReached { level: 1 }
    );
    // Run 2 on 1 July: 16 days, level 2 with interest 16 June – 1 July:
    //   15 days at 12.62 % = 6.17 (above) + 1 day at 12.37 %:
    //   1,190.00 × 12.37 / 36,500 = 0.4033 → 0.40; total 6.57
    let p = propose(&b, d(2024, 7, 1));
    assert_eq!(p.letters[0].items[0].previous_level, 1);
    assert_eq!(p.letters[0].items[0].level, 2);
    assert_eq!(p.letters[0].items[0].interest, dec!(6.57));
    run(
        &mut b,
        &execute_cmd(d(2024, 7, 1), vec![all_of("10001")], false, 2),
    );
    assert_eq!(b.dunning().interest_until(item), Some(d(2024, 7, 1)));
    // Run 3 on 15 July: level 3, interest only from 2 July (charged up to
    //   1 July before): 14 days at 12.37 %:
    //   1,190.00 × 12.37 × 14 / 36,500 = 5.6461 → 5.65
    let p = propose(&b, d(2024, 7, 15));
    let dunned = &p.letters[0].items[0];
    assert_eq!((dunned.previous_level, dunned.level), (2, 3));
    assert_eq!(dunned.periods[0].from, d(2024, 7, 2));
    assert_eq!(dunned.interest, dec!(5.65));
    run(
        &mut b,
        &execute_cmd(d(2024, 7, 15), vec![all_of("10001")], false, 3),
    );
    let history: Vec<_> = b
        .dunning()
        .history(item)
        .iter()
        .map(|l| (l.run, l.date, l.level))
        .collect();
    assert_eq!(
        history,
        vec![
            (1, d(2024, 6, 20), 1),
            (2, d(2024, 7, 1), 2),
            (3, d(2024, 7, 15), 3)
        ]
    );
    assert_eq!(b.dunning().partner_history(c("10001")).count(), 3);
    // At the last level: skipped with that reason.
    let p = propose(&b, d(2024, 8, 30));
    assert_eq!(p.skipped[0].reason, SkipReason::LastLevelReached);
}

#[test]
fn flat_fee_for_business_debtors_only_the_first_time() {
    let mut b = book();
    let mut t = term(DebtorKind::Business, DayCount::Act365, true);
    t.flat_fee = true;
    save_term(&mut b, t);
    invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    let p = propose(&b, d(2024, 6, 20));
    assert_eq!(p.letters[0].items[0].flat_fee, dec!(40));
    run(
        &mut b,
        &execute_cmd(d(2024, 6, 20), vec![all_of("10001")], false, 1),
    );
    let p = propose(&b, d(2024, 7, 1));
    assert_eq!(p.letters[0].items[0].flat_fee, dec!(0));
    // Consumers never owe it.
    let mut b = book();
    let mut t = term(DebtorKind::Consumer, DayCount::Act365, true);
    t.flat_fee = true;
    save_term(&mut b, t);
    invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    assert_eq!(propose(&b, d(2024, 6, 20)).letters[0].flat_fees(), dec!(0));
}

#[test]
fn minimum_balance_skips_a_small_debt() {
    let mut b = book();
    // 59.50 overdue 30 days reaches level 3, whose minimum is 100.00.
    invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(50));
    let p = propose(&b, d(2024, 7, 15));
    assert!(p.letters.is_empty());
    assert_eq!(p.skipped.len(), 1);
    assert_eq!(p.skipped[0].reason, SkipReason::BelowMinimum);
    // Executing it anyway is refused with the same reason.
    let e = refuses(
        &mut b,
        &execute_cmd(d(2024, 7, 15), vec![all_of("10001")], false, 1),
    );
    assert!(matches!(
        e,
        DunningError::NotDunned { skipped } if skipped.reason == SkipReason::BelowMinimum
    ));
}

#[test]
fn blocked_and_termless_customers_are_skipped_with_the_reason() {
    let mut b = book();
    invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    invoice(&mut b, "10002", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    let mut blocked = b.partner(c("10001")).unwrap().clone();
    blocked.payment_block = true;
    let mut termless = b.partner(c("10002")).unwrap().clone();
    termless.dunning_term = "XX".into();
    for p in [blocked, termless] {
        run(
            &mut b,
            &PartnersCommand::UpdatePartner {
                partner: Box::new(p),
                by: "anna".into(),
                at: at(),
            }
            .into(),
        );
    }
    let p = propose(&b, d(2024, 7, 15));
    assert!(p.letters.is_empty());
    let reasons: Vec<_> = p
        .skipped
        .iter()
        .map(|s| (s.partner, s.reason.clone()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (c("10001"), SkipReason::PartnerBlocked),
            (c("10002"), SkipReason::UnknownTerm { code: "XX".into() }),
        ]
    );
}

#[test]
fn grouping_puts_a_customers_items_in_one_letter_else_one_each() {
    let mut b = book();
    invoice(&mut b, "10002", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    invoice(&mut b, "10001", d(2024, 6, 1), d(2024, 7, 10), dec!(200));
    // Not yet overdue on 15 July: left out.
    invoice(&mut b, "10001", d(2024, 7, 1), d(2024, 7, 31), dec!(300));
    let p = propose(&b, d(2024, 7, 15));
    let shape: Vec<_> = p
        .letters
        .iter()
        .map(|l| (l.partner, l.level, l.items.len()))
        .collect();
    // Sorted by partner; 10001's letter at the higher of levels 3 and 1.
    assert_eq!(shape, vec![(c("10001"), 3, 2), (c("10002"), 3, 1)]);
    save_term(&mut b, term(DebtorKind::Business, DayCount::Act365, false));
    let p = propose(&b, d(2024, 7, 15));
    let shape: Vec<_> = p
        .letters
        .iter()
        .map(|l| (l.partner, l.level, l.items.len(), l.fee))
        .collect();
    assert_eq!(
        shape,
        vec![
            (c("10001"), 3, 1, dec!(10.00)),
            (c("10001"), 1, 1, dec!(0)),
            (c("10002"), 3, 1, dec!(10.00)),
        ]
    );
}

#[test]
fn charges_are_posted_as_a_receivable_due_on_the_run_date() {
    let mut b = book();
    let mut t = term(DebtorKind::Business, DayCount::Act365, true);
    t.flat_fee = true;
    save_term(&mut b, t);
    invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    let before = b.entry_count();
    let events = run(
        &mut b,
        &execute_cmd(d(2024, 7, 15), vec![all_of("10001")], true, 7),
    );
    // One entry and the run, in that order.
    assert_eq!(events.len(), 2);
    assert_eq!(b.entry_count(), before + 1);
    let entry = b.entries().last().unwrap().clone();
    assert_eq!(entry.key, Some(PostingKey(7)));
    // Fee 10.00 + flat fee 40.00 = 50.00 on 2700; interest 12.22 on 2650;
    // 62.22 on the customer's control account, no tax line.
    let lines: Vec<_> = entry
        .lines
        .iter()
        .map(|l| (l.account.to_string(), l.side, l.amount_lc))
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert_eq!(lines[1], ("2700".into(), Side::Credit, dec!(50.00)));
    assert_eq!(lines[2], ("2650".into(), Side::Credit, dec!(12.22)));
    assert_eq!((lines[0].1, lines[0].2), (Side::Debit, dec!(62.22)));
    let run_record = &b.dunning().runs()[0];
    assert_eq!(run_record.letters[0].entry, Some(entry.id));
    // The charges are a new open item of the customer, due on the run date.
    let charges: Vec<_> = b
        .open_items()
        .items_of(c("10001"))
        .filter(|i| i.id.entry == entry.id)
        .map(|i| (i.due_date, i.open_lc))
        .collect();
    assert_eq!(charges, vec![(d(2024, 7, 15), dec!(62.22))]);
    // The same key again: refused, nothing posted twice.
    let e = refuses(
        &mut b,
        &execute_cmd(d(2024, 7, 15), vec![all_of("10001")], true, 7),
    );
    assert_eq!(
        e,
        DunningError::AlreadyExecuted {
            key: PostingKey(7),
            run: 1
        }
    );
}

#[test]
fn a_run_without_charges_is_idempotent_too() {
    let mut b = book();
    invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    run(
        &mut b,
        &execute_cmd(d(2024, 6, 20), vec![all_of("10001")], false, 9),
    );
    let e = refuses(
        &mut b,
        &execute_cmd(d(2024, 6, 20), vec![all_of("10001")], false, 9),
    );
    assert!(matches!(e, DunningError::AlreadyExecuted { run: 1, .. }));
}

#[test]
fn execute_refuses_items_not_due_and_missing_accounts_all_or_nothing() {
    let mut b = book();
    let due = invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    let later = invoice(&mut b, "10001", d(2024, 7, 1), d(2024, 7, 31), dec!(300));
    let choice = LetterChoice {
        partner: c("10001"),
        items: vec![due, later],
    };
    let e = refuses(&mut b, &execute_cmd(d(2024, 7, 15), vec![choice], true, 1));
    assert_eq!(
        e,
        DunningError::ItemNotDue {
            partner: c("10001"),
            item: later
        }
    );
    assert_eq!(
        refuses(&mut b, &execute_cmd(d(2024, 7, 15), Vec::new(), true, 1)),
        DunningError::NothingToDun
    );
    assert_eq!(
        refuses(
            &mut b,
            &execute_cmd(
                d(2024, 7, 15),
                vec![all_of("10001"), all_of("10001")],
                true,
                1
            )
        ),
        DunningError::DuplicatePartner {
            partner: c("10001")
        }
    );
    // Without a fee account, charges cannot be posted: nothing happens.
    run(
        &mut b,
        &DunningCommand::SetSettings {
            settings: Box::new(DunningSettings::default()),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    assert_eq!(
        refuses(
            &mut b,
            &execute_cmd(d(2024, 7, 15), vec![all_of("10001")], true, 1)
        ),
        DunningError::ChargeAccount
    );
    assert!(b.dunning().runs().is_empty());
}

/// One bad edit of a term.
type TermChange = Box<dyn Fn(&mut DunningTerm)>;

#[test]
fn terms_are_checked_field_by_field() {
    let mut b = book();
    let base = term(DebtorKind::Business, DayCount::Act365, true);
    let cases: Vec<(TermChange, TermField)> = vec![
        (Box::new(|t| t.code = "M 3".into()), TermField::Code),
        (Box::new(|t| t.code = "M".repeat(13)), TermField::Code),
        (Box::new(|t| t.name = " ".into()), TermField::Name),
        (Box::new(|t| t.levels.clear()), TermField::Levels),
        (
            Box::new(|t| {
                let l = t.levels[0].clone();
                t.levels = (0..11)
                    .map(|i| DunningLevel {
                        days_after_due: i,
                        ..l.clone()
                    })
                    .collect();
            }),
            TermField::Levels,
        ),
        (
            Box::new(|t| t.levels[1].days_after_due = 0),
            TermField::Days(1),
        ),
        (Box::new(|t| t.levels[2].fee = dec!(-1)), TermField::Fee(2)),
        (
            Box::new(|t| t.levels[2].fee = dec!(1.005)),
            TermField::Fee(2),
        ),
        (
            Box::new(|t| t.levels[0].min_balance = dec!(-0.01)),
            TermField::MinBalance(0),
        ),
        (
            Box::new(|t| t.levels[1].text_en = "x".repeat(2001)),
            TermField::Text(1),
        ),
    ];
    for (change, field) in cases {
        let mut t = base.clone();
        change(&mut t);
        let cmd = DunningCommand::SaveTerm {
            term: Box::new(t),
            by: "anna".into(),
            at: at(),
        };
        assert_eq!(
            refuses(&mut b, &cmd.into()),
            DunningError::InvalidTerm { field }
        );
    }
}

#[test]
fn a_term_a_partner_names_cannot_be_deleted() {
    let mut b = book();
    let delete = |code: &str| -> Command {
        DunningCommand::DeleteTerm {
            code: code.into(),
            by: "anna".into(),
            at: at(),
        }
        .into()
    };
    assert_eq!(
        refuses(&mut b, &delete("M3")),
        DunningError::TermInUse {
            code: "M3".into(),
            partner: c("10001")
        }
    );
    assert_eq!(
        refuses(&mut b, &delete("M9")),
        DunningError::UnknownTerm { code: "M9".into() }
    );
    let mut other = term(DebtorKind::Business, DayCount::Act365, true);
    other.code = "M9".into();
    save_term(&mut b, other);
    run(&mut b, &delete("M9"));
    assert!(b.dunning().term("M9").is_none());
}

#[test]
fn settings_need_income_accounts_and_a_valid_rate_table() {
    let mut b = book();
    // 4830 is an expense account in SKR03, 1400 the receivables control.
    for (fee, interest) in [("4830", "2650"), ("2700", "1400"), ("2700", "9999")] {
        assert_eq!(
            refuses(&mut b, &settings_cmd(fee, interest)),
            DunningError::ChargeAccount
        );
    }
    let rates = vec![
        BaseRate {
            valid_from: d(2024, 1, 1),
            percent: dec!(3.62),
        },
        BaseRate {
            valid_from: d(2025, 1, 1),
            percent: dec!(2.27),
        },
    ];
    let cmd = DunningCommand::SetSettings {
        settings: Box::new(DunningSettings {
            fee_account: None,
            interest_account: None,
            base_rates: Some(rates),
        }),
        by: "anna".into(),
        at: at(),
    };
    assert!(matches!(
        refuses(&mut b, &cmd.into()),
        DunningError::InvalidBaseRates { .. }
    ));
}

#[test]
fn credit_risk_puts_the_dunned_customer_first() {
    use kontor::ledger::report::{OldestOverdue, credit_risk};
    let mut b = book();
    let mut limited = b.partner(c("10002")).unwrap().clone();
    limited.credit_limit = Some(dec!(3000));
    run(
        &mut b,
        &PartnersCommand::UpdatePartner {
            partner: Box::new(limited),
            by: "anna".into(),
            at: at(),
        }
        .into(),
    );
    // 10001: 1,190.00 due 15 June, dunned to level 1 on 20 June.
    invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    run(
        &mut b,
        &execute_cmd(d(2024, 6, 20), vec![all_of("10001")], false, 1),
    );
    // 10002: 2,380.00 due 10 June and 595.00 not due yet, never dunned:
    // more overdue, but a lower level.
    invoice(&mut b, "10002", d(2024, 5, 10), d(2024, 6, 10), dec!(2000));
    invoice(&mut b, "10002", d(2024, 6, 20), d(2024, 7, 20), dec!(500));
    let rows = credit_risk(&b, d(2024, 6, 30));
    let shape: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r.partner,
                r.highest_level,
                r.exposure,
                r.overdue,
                r.utilisation,
            )
        })
        .collect();
    // 10002: 2,975.00 / 3,000.00 = 99.1666 % → 99.2 %.
    assert_eq!(
        shape,
        vec![
            (c("10001"), 1, dec!(1190.00), dec!(1190.00), None),
            (
                c("10002"),
                0,
                dec!(2975.00),
                dec!(2380.00),
                Some(dec!(99.2))
            ),
        ]
    );
    assert_eq!(
        rows[1].oldest_overdue,
        Some(OldestOverdue {
            due_date: d(2024, 6, 10),
            days: 20
        })
    );
    // Before the second invoice was posted only the first counts.
    let early = credit_risk(&b, d(2024, 6, 12));
    assert_eq!(early[1].exposure, dec!(2380.00));
}

#[test]
fn the_demo_duns_its_overdue_customers_on_31_december_and_keeps_its_size() {
    use kontor::demo::{self, DemoSpec};
    use kontor::ledger::gl::ChartTemplate;
    for (chart, fee, interest, year) in [
        (ChartTemplate::Skr03, "2700", "2650", 2024),
        (ChartTemplate::Skr04, "4830", "7100", 2024),
        (ChartTemplate::Skr03, "2700", "2650", 2025),
    ] {
        let spec = DemoSpec {
            chart,
            first_year: year,
            ..DemoSpec::one_year(2024)
        };
        let book = demo::build(&spec, |_, _| {}).unwrap().0;
        assert_eq!(book.entry_count(), spec.entries, "{chart:?}");
        let dunning = book.dunning();
        let codes: Vec<&str> = dunning.terms().iter().map(|t| t.code.as_str()).collect();
        assert_eq!(codes, ["M1", "M2", "M3"]);
        assert_eq!(dunning.settings().fee_account, Some(a(fee)));
        assert_eq!(dunning.settings().interest_account, Some(a(interest)));
        let run = &dunning.runs()[0];
        assert_eq!(run.date, d(year, 12, 31));
        assert!(!run.letters.is_empty(), "{chart:?}");
        eprintln!("{chart:?} {year}: {} letters", run.letters.len());
        for letter in &run.letters {
            // Charges recorded, not posted (the demo's size is exact).
            assert_eq!(letter.entry, None);
            assert!(letter.letter.fee > dec!(0));
            let partner = book.partner(letter.letter.partner).unwrap();
            assert_eq!(partner.dunning_term, "M3");
            for item in &letter.letter.items {
                assert_eq!(dunning.level(item.item), item.level);
            }
        }
    }
}

/// The charges a run posted are dunned with the invoice next time, but
/// bear no default interest (§ 289 BGB: no interest on interest; the
/// e2e letter showed 0.04 interest on them) and no flat fee.
#[test]
fn posted_charges_are_dunned_without_interest_or_flat_fee() {
    let mut b = book();
    let mut t = term(DebtorKind::Business, DayCount::Act365, true);
    t.flat_fee = true;
    save_term(&mut b, t);
    let invoice = invoice(&mut b, "10001", d(2024, 5, 16), d(2024, 6, 15), dec!(1000));
    run(
        &mut b,
        &execute_cmd(d(2024, 6, 20), vec![all_of("10001")], true, 7),
    );
    let charges = b.entries().last().unwrap().id;
    let later = propose(&b, d(2024, 7, 20));
    let items = &later.letters[0].items;
    let of = |entry| items.iter().find(|i| i.item.entry == entry).unwrap();
    let fee_item = of(charges);
    // Level 1 of the first run: no fee, no interest, the flat fee 40.00.
    assert_eq!(fee_item.open, dec!(40.00));
    assert_eq!(fee_item.level, 3, "30 days past the run date");
    assert_eq!((fee_item.interest, fee_item.flat_fee), (dec!(0), dec!(0)));
    assert!(fee_item.periods.is_empty());
    assert!(
        of(invoice.entry).interest > dec!(0),
        "the invoice still bears interest"
    );
}
