//! Posting templates and recurring postings (issue 17, part A), engine
//! side: the template's checks and its exact split, schedules (month-end
//! clamping, days of the month, ends), standing postings checked as they
//! would post, the due list, posting several occurrences as one command
//! (all or nothing, the key on the first entry, a locked period refused
//! with the occurrence named), skipping, and the replay of all of it.

use chrono::NaiveDate;
use kontor::ledger::gl::{GlCommand, GlError};
use kontor::ledger::journal::JournalError;
use kontor::ledger::posting::{EntryDraft, LineDraft};
use kontor::ledger::recurring::template::split;
use kontor::ledger::recurring::{
    DuePosting, End, Frequency, Occurrence, PostingTemplate, RecurringCommand, RecurringError,
    Schedule, Source, StandingPosting, TemplateLine,
};
use kontor::ledger::sample::sample_setup;
use kontor::ledger::types::{AccountNo, PeriodRef, PeriodStatus, PostingKey, Timestamp};
use kontor::ledger::{Book, Command, DomainError, Event};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn a(n: &str) -> AccountNo {
    AccountNo::parse(n).unwrap()
}

fn at() -> Timestamp {
    Timestamp::at(d(2024, 1, 2), 9, 30, 0).unwrap()
}

fn book() -> Book {
    Book::set_up(&sample_setup(2024)).unwrap().0
}

fn refuses(b: &mut Book, cmd: &Command) -> DomainError {
    let before = b.clone();
    let err = b.execute(cmd).unwrap_err();
    assert_eq!(*b, before, "a refused command changed the book");
    err
}

fn tline(account: &str, percent: Decimal) -> TemplateLine {
    TemplateLine {
        account: a(account),
        percent,
        tax_code: None,
        dims: Default::default(),
        memo: String::new(),
    }
}

fn kfz() -> PostingTemplate {
    PostingTemplate {
        code: "KFZ".into(),
        name: "Kfz-Kosten 70/30".into(),
        lines: vec![tline("4530", dec!(70)), tline("4500", dec!(30))],
    }
}

fn save_template(t: PostingTemplate) -> Command {
    RecurringCommand::SaveTemplate {
        template: t,
        by: "anna".into(),
        at: at(),
    }
    .into()
}

fn schedule(frequency: Frequency, first: NaiveDate, end: End) -> Schedule {
    Schedule {
        frequency,
        first,
        end,
    }
}

fn dates(s: &Schedule, until: NaiveDate) -> Vec<NaiveDate> {
    s.dates_until(until).collect()
}

/// Rent: 4210 to 1200, 1,200.00, monthly on the 1st from January 2024.
fn rent() -> StandingPosting {
    StandingPosting {
        number: 0,
        name: "Miete Lager".into(),
        draft: EntryDraft::new(
            d(2024, 1, 1),
            "anna",
            vec![
                LineDraft::debit_lc(a("4210"), dec!(1200.00)),
                LineDraft::credit_lc(a("1200"), dec!(1200.00)),
            ],
        ),
        schedule: schedule(Frequency::Monthly, d(2024, 1, 1), End::Open),
        active: true,
        done: BTreeMap::new(),
    }
}

fn save_standing(s: StandingPosting) -> Command {
    RecurringCommand::SaveStanding {
        posting: Box::new(s),
        by: "anna".into(),
        at: at(),
    }
    .into()
}

fn post_due(b: &Book, as_of: NaiveDate, key: u128) -> Command {
    let postings = b
        .recurring()
        .due(b.context(), as_of)
        .into_iter()
        .map(|due| DuePosting {
            source: due.source,
            date: due.date,
            draft: due.draft,
        })
        .collect();
    RecurringCommand::PostDue {
        postings,
        key: PostingKey(key),
        by: "anna".into(),
        at: at(),
    }
    .into()
}

// ----- templates -----

#[test]
fn a_template_is_saved_replaced_and_deleted() {
    let mut b = book();
    b.execute(&save_template(kfz())).unwrap();
    assert_eq!(b.recurring().template("KFZ"), Some(&kfz()));
    let mut changed = kfz();
    changed.lines[0].percent = dec!(60.5);
    changed.lines[1].percent = dec!(39.5);
    b.execute(&save_template(changed.clone())).unwrap();
    assert_eq!(b.recurring().templates(), &[changed]);
    b.execute(&Command::Recurring(RecurringCommand::DeleteTemplate {
        code: "KFZ".into(),
        by: "anna".into(),
        at: at(),
    }))
    .unwrap();
    assert!(b.recurring().templates().is_empty());
    let err = refuses(
        &mut b,
        &Command::Recurring(RecurringCommand::DeleteTemplate {
            code: "KFZ".into(),
            by: "anna".into(),
            at: at(),
        }),
    );
    assert_eq!(
        err,
        DomainError::Recurring(RecurringError::UnknownTemplate { code: "KFZ".into() })
    );
}

#[test]
fn a_template_whose_shares_do_not_sum_to_100_is_refused() {
    let mut b = book();
    let mut t = kfz();
    t.lines[1].percent = dec!(20);
    assert_eq!(
        refuses(&mut b, &save_template(t)),
        DomainError::Recurring(RecurringError::SharesNot100 { sum: dec!(90) })
    );
    let mut t = kfz();
    t.lines[1].percent = dec!(30.01);
    assert_eq!(
        refuses(&mut b, &save_template(t)),
        DomainError::Recurring(RecurringError::SharesNot100 { sum: dec!(100.01) })
    );
}

/// A change to the good template.
type Change = Box<dyn Fn(&mut PostingTemplate)>;

#[test]
fn a_template_line_is_checked_like_an_entry_line() {
    let mut b = book();
    let cases: Vec<(Change, DomainError)> = vec![
        (
            Box::new(|t| t.code = "K F Z".into()),
            DomainError::Recurring(RecurringError::InvalidCode {
                code: "K F Z".into(),
                max: 20,
            }),
        ),
        (
            Box::new(|t| t.name = " ".into()),
            DomainError::Recurring(RecurringError::InvalidName { max: 120 }),
        ),
        (
            Box::new(|t| t.lines.clear()),
            DomainError::Recurring(RecurringError::NoLines),
        ),
        (
            Box::new(|t| t.lines[1].percent = dec!(30.005)),
            DomainError::Recurring(RecurringError::InvalidPercent {
                line: 1,
                percent: dec!(30.005),
            }),
        ),
        (
            Box::new(|t| t.lines[0].percent = dec!(-70)),
            DomainError::Recurring(RecurringError::InvalidPercent {
                line: 0,
                percent: dec!(-70),
            }),
        ),
        (
            Box::new(|t| t.lines[1].account = a("8999")),
            DomainError::Journal(JournalError::AccountNotFound {
                line: 1,
                account: a("8999"),
            }),
        ),
        (
            // A title account.
            Box::new(|t| t.lines[1].account = a("4")),
            DomainError::Journal(JournalError::AccountNotPostable {
                line: 1,
                account: a("4"),
            }),
        ),
        (
            Box::new(|t| t.lines[0].tax_code = Some("V99".into())),
            DomainError::Tax(kontor::ledger::tax::TaxError::TaxCodeUnknown {
                line: Some(0),
                code: "V99".into(),
            }),
        ),
    ];
    for (change, expected) in cases {
        let mut t = kfz();
        change(&mut t);
        let got = refuses(&mut b, &save_template(t));
        assert_eq!(got, expected);
    }
    // The same template with a known tax code is fine.
    let mut t = kfz();
    t.lines[0].tax_code = Some("V19".into());
    b.execute(&save_template(t)).unwrap();
}

#[test]
fn the_split_sums_exactly_and_gives_the_remainder_to_the_largest_fraction() {
    let t = kfz();
    assert_eq!(
        split(&t, dec!(1000.00), 2),
        vec![dec!(700.00), dec!(300.00)]
    );
    // 0.01 × 70 % = 0.007, × 30 % = 0.003: the one cent goes to the
    // larger remainder (0.007).
    assert_eq!(split(&t, dec!(0.01), 2), vec![dec!(0.01), dec!(0.00)]);
    // Thirds: 33.34 / 33.33 / 33.33 (equal remainders in line order).
    let thirds = PostingTemplate {
        code: "D".into(),
        name: "Drittel".into(),
        lines: vec![
            tline("4530", dec!(33.33)),
            tline("4500", dec!(33.33)),
            tline("4210", dec!(33.34)),
        ],
    };
    // 100.00 × 33.33 % = 33.33 each, 33.34 → 100.00 exactly.
    assert_eq!(
        split(&thirds, dec!(100.00), 2),
        vec![dec!(33.33), dec!(33.33), dec!(33.34)]
    );
    // 10.00: 3.333, 3.333, 3.334 → floors 3.33 3.33 3.33, one cent left
    // to the largest remainder (line 3: 0.004).
    assert_eq!(
        split(&thirds, dec!(10.00), 2),
        vec![dec!(3.33), dec!(3.33), dec!(3.34)]
    );
    // A credit note splits like its absolute amount.
    assert_eq!(split(&t, dec!(-10.01), 2), vec![dec!(-7.01), dec!(-3.00)]);
}

proptest! {
    #[test]
    fn split_shares_sum_to_the_amount_and_stay_within_a_unit_of_the_exact_share(
        percents in prop::collection::vec(1u32..=5_000, 1..8),
        cents in -10_000_000i64..10_000_000,
        decimals in 0u32..4,
    ) {
        // Scale the drawn weights to percents with two decimals summing to 100.
        let total: u32 = percents.iter().sum();
        let mut p: Vec<Decimal> = percents
            .iter()
            .map(|&w| (Decimal::from(w) * dec!(100) / Decimal::from(total)).round_dp(2))
            .collect();
        let sum: Decimal = p.iter().sum();
        p[0] += dec!(100) - sum;
        prop_assume!(p.iter().all(|x| *x > Decimal::ZERO));
        let t = PostingTemplate {
            code: "P".into(),
            name: "P".into(),
            lines: p.iter().map(|&x| tline("4530", x)).collect(),
        };
        let amount = Decimal::new(cents, 2).round_dp(decimals);
        let shares = split(&t, amount, decimals);
        prop_assert_eq!(shares.len(), p.len());
        prop_assert_eq!(shares.iter().sum::<Decimal>(), amount);
        let unit = Decimal::new(1, decimals);
        for (share, percent) in shares.iter().zip(&p) {
            let exact = amount * percent / dec!(100);
            prop_assert!((share - exact).abs() < unit, "{share} vs {exact}");
            prop_assert!(share.scale() <= decimals.max(2) || share.normalize().scale() <= decimals);
        }
    }
}

// ----- schedules -----

#[test]
fn monthly_dates_clamp_to_the_month_end_and_keep_the_first_day() {
    let s = schedule(Frequency::Monthly, d(2024, 1, 31), End::Open);
    assert_eq!(
        dates(&s, d(2024, 5, 31)),
        vec![
            d(2024, 1, 31),
            d(2024, 2, 29),
            d(2024, 3, 31),
            d(2024, 4, 30),
            d(2024, 5, 31)
        ]
    );
    let s = schedule(Frequency::Quarterly, d(2023, 11, 30), End::Count(3));
    assert_eq!(
        dates(&s, d(2030, 1, 1)),
        vec![d(2023, 11, 30), d(2024, 2, 29), d(2024, 5, 30)]
    );
    let s = schedule(Frequency::Yearly, d(2024, 2, 29), End::Until(d(2028, 3, 1)));
    assert_eq!(
        dates(&s, d(2030, 1, 1)),
        vec![
            d(2024, 2, 29),
            d(2025, 2, 28),
            d(2026, 2, 28),
            d(2027, 2, 28),
            d(2028, 2, 29)
        ]
    );
    let s = schedule(Frequency::HalfYearly, d(2024, 8, 31), End::Count(2));
    assert_eq!(
        dates(&s, d(2030, 1, 1)),
        vec![d(2024, 8, 31), d(2025, 2, 28)]
    );
}

#[test]
fn daily_weekly_and_days_of_the_month() {
    let s = schedule(Frequency::Daily, d(2024, 2, 28), End::Count(3));
    assert_eq!(
        dates(&s, d(2030, 1, 1)),
        vec![d(2024, 2, 28), d(2024, 2, 29), d(2024, 3, 1)]
    );
    let s = schedule(Frequency::Weekly, d(2024, 1, 5), End::Until(d(2024, 1, 26)));
    assert_eq!(
        dates(&s, d(2030, 1, 1)),
        vec![
            d(2024, 1, 5),
            d(2024, 1, 12),
            d(2024, 1, 19),
            d(2024, 1, 26)
        ]
    );
    // The 15th and the last day (31, 30 and 31 in February clamp to one
    // date), none before the first date.
    let s = schedule(Frequency::Days(vec![31, 15, 30]), d(2024, 1, 20), End::Open);
    assert_eq!(
        dates(&s, d(2024, 3, 20)),
        vec![
            d(2024, 1, 30),
            d(2024, 1, 31),
            d(2024, 2, 15),
            d(2024, 2, 29),
            d(2024, 3, 15)
        ]
    );
    assert!(s.contains(d(2024, 2, 29)));
    assert!(!s.contains(d(2024, 2, 28)));
}

#[test]
fn bad_schedules_are_refused() {
    let mut b = book();
    let cases = [
        (
            Frequency::Days(Vec::new()),
            End::Open,
            RecurringError::NoDays,
        ),
        (
            Frequency::Days(vec![1, 32]),
            End::Open,
            RecurringError::InvalidDay { day: 32 },
        ),
        (
            Frequency::Monthly,
            End::Until(d(2023, 12, 31)),
            RecurringError::EndBeforeFirst {
                first: d(2024, 1, 1),
                until: d(2023, 12, 31),
            },
        ),
        (
            Frequency::Monthly,
            End::Count(0),
            RecurringError::InvalidCount { max: 9_999 },
        ),
    ];
    for (frequency, end, expected) in cases {
        let mut s = rent();
        s.schedule = schedule(frequency, d(2024, 1, 1), end);
        assert_eq!(
            refuses(&mut b, &save_standing(s)),
            DomainError::Recurring(expected)
        );
    }
}

fn frequency() -> impl Strategy<Value = Frequency> {
    prop_oneof![
        Just(Frequency::Daily),
        Just(Frequency::Weekly),
        Just(Frequency::Monthly),
        Just(Frequency::Quarterly),
        Just(Frequency::HalfYearly),
        Just(Frequency::Yearly),
        prop::collection::vec(1u8..=31, 1..4).prop_map(Frequency::Days),
    ]
}

proptest! {
    #[test]
    fn schedule_dates_increase_respect_the_end_and_start_at_the_first(
        frequency in frequency(),
        first_day in 0u64..3_000,
        end in prop_oneof![
            Just(None),
            (0u64..2_000).prop_map(|n| Some(Ok(n))),
            (1u32..60).prop_map(|n| Some(Err(n))),
        ],
    ) {
        let first = d(2020, 1, 1) + chrono::Days::new(first_day);
        let end = match end {
            None => End::Open,
            Some(Ok(days)) => End::Until(first + chrono::Days::new(days)),
            Some(Err(n)) => End::Count(n),
        };
        let s = schedule(frequency.clone(), first, end);
        let until = d(2035, 12, 31);
        let all = dates(&s, until);
        prop_assert!(all.windows(2).all(|w| w[0] < w[1]), "not increasing");
        prop_assert!(all.iter().all(|x| *x >= first));
        if !matches!(frequency, Frequency::Days(_)) {
            prop_assert_eq!(all.first(), Some(&first));
        }
        match end {
            End::Until(u) => prop_assert!(all.iter().all(|x| *x <= u)),
            End::Count(n) => {
                prop_assert!(all.len() <= n as usize);
                prop_assert_eq!(s.dates().count(), n as usize);
            }
            End::Open => {}
        }
        for x in all.iter().take(20) {
            prop_assert!(s.contains(*x));
        }
        if let Some(x) = all.first() {
            let after = *x + chrono::Days::new(1);
            prop_assert_eq!(s.contains(after), all.contains(&after));
        }
    }
}

// ----- standing postings, due, post, skip -----

#[test]
fn a_standing_posting_gets_a_number_and_its_draft_is_checked() {
    let mut b = book();
    b.execute(&save_standing(rent())).unwrap();
    b.execute(&save_standing(rent())).unwrap();
    let numbers: Vec<u32> = b.recurring().standing().iter().map(|s| s.number).collect();
    assert_eq!(numbers, vec![1, 2]);
    let mut bad = rent();
    bad.draft.lines[1].credit = dec!(1100.00);
    assert!(matches!(
        refuses(&mut b, &save_standing(bad)),
        DomainError::Journal(JournalError::Unbalanced { .. })
    ));
    let mut bad = rent();
    bad.draft.lines[1].account = Some(a("8999"));
    assert_eq!(
        refuses(&mut b, &save_standing(bad)),
        DomainError::Journal(JournalError::AccountNotFound {
            line: 1,
            account: a("8999")
        })
    );
    let mut unknown = rent();
    unknown.number = 7;
    assert_eq!(
        refuses(&mut b, &save_standing(unknown)),
        DomainError::Recurring(RecurringError::UnknownStanding { number: 7 })
    );
}

#[test]
fn due_occurrences_are_listed_posted_as_one_command_and_remembered() {
    let mut b = book();
    b.execute(&save_standing(rent())).unwrap();
    let due = b.recurring().due(b.context(), d(2024, 3, 15));
    let listed: Vec<(Source, NaiveDate)> = due.iter().map(|x| (x.source, x.date)).collect();
    assert_eq!(
        listed,
        vec![
            (Source::Standing(1), d(2024, 1, 1)),
            (Source::Standing(1), d(2024, 2, 1)),
            (Source::Standing(1), d(2024, 3, 1))
        ]
    );
    assert_eq!(due[1].draft.posting_date, d(2024, 2, 1));
    assert_eq!(due[1].draft.reference, "Miete Lager");

    let cmd = post_due(&b, d(2024, 3, 15), 77);
    let events = b.execute(&cmd).unwrap();
    assert_eq!(events.len(), 4, "three entries and the occurrences");
    let entries: Vec<&kontor::ledger::types::PostedEntry> = b.entries().iter().collect();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0].key, Some(PostingKey(77)));
    assert_eq!(entries[1].key, None);
    assert_eq!(entries[2].posting_date, d(2024, 3, 1));
    assert_eq!(entries[2].reference, "Miete Lager");
    let s = b.recurring().standing_posting(1).unwrap();
    assert_eq!(
        s.done.get(&d(2024, 2, 1)),
        Some(&Occurrence::Posted(entries[1].id))
    );
    assert!(b.recurring().due(b.context(), d(2024, 3, 31)).is_empty());
    assert_eq!(b.recurring().due(b.context(), d(2024, 4, 1)).len(), 1);

    // A retry of the same command: the key was posted.
    assert!(matches!(
        refuses(&mut b, &cmd),
        DomainError::Journal(JournalError::AlreadyPosted { .. })
    ));
    // The same occurrences with a new key: no longer due.
    let again = match cmd {
        Command::Recurring(RecurringCommand::PostDue {
            postings, by, at, ..
        }) => RecurringCommand::PostDue {
            postings,
            key: PostingKey(78),
            by,
            at,
        },
        _ => unreachable!(),
    };
    assert_eq!(
        refuses(&mut b, &again.into()),
        DomainError::Recurring(RecurringError::NotDue {
            origin: Source::Standing(1),
            date: d(2024, 1, 1)
        })
    );
}

#[test]
fn an_edited_draft_is_posted_as_edited_on_the_occurrence_date() {
    let mut b = book();
    b.execute(&save_standing(rent())).unwrap();
    let mut draft = b.recurring().due(b.context(), d(2024, 1, 31))[0]
        .draft
        .clone();
    draft.lines[0].debit = dec!(1250.00);
    draft.lines[1].credit = dec!(1250.00);
    draft.reference = "Miete Januar".into();
    draft.posting_date = d(2024, 1, 20); // ignored: the occurrence's date wins
    b.execute(&Command::Recurring(RecurringCommand::PostDue {
        postings: vec![DuePosting {
            source: Source::Standing(1),
            date: d(2024, 1, 1),
            draft,
        }],
        key: PostingKey(5),
        by: "bert".into(),
        at: at(),
    }))
    .unwrap();
    let e = &b.entries()[0];
    assert_eq!(e.posting_date, d(2024, 1, 1));
    assert_eq!(e.reference, "Miete Januar");
    assert_eq!(e.user, "bert");
    assert_eq!(e.lines[0].amount_lc, dec!(1250.00));
}

#[test]
fn a_locked_period_refuses_the_whole_post_and_names_the_occurrence() {
    let mut b = book();
    b.execute(&save_standing(rent())).unwrap();
    b.execute(&Command::Gl(GlCommand::SetPeriodStatus {
        period: PeriodRef {
            fiscal_year: 2024,
            period: 2,
        },
        status: PeriodStatus::Locked,
    }))
    .unwrap();
    let cmd = post_due(&b, d(2024, 3, 15), 9);
    let err = refuses(&mut b, &cmd);
    assert_eq!(
        err,
        DomainError::Recurring(RecurringError::Occurrence {
            origin: Source::Standing(1),
            date: d(2024, 2, 1),
            error: Box::new(JournalError::Gl(GlError::PeriodLocked {
                date: d(2024, 2, 1)
            })),
        })
    );
    assert!(b.entries().is_empty(), "nothing of the three was posted");
}

#[test]
fn skipping_an_occurrence_removes_it_from_the_due_list() {
    let mut b = book();
    b.execute(&save_standing(rent())).unwrap();
    let skip = |date| -> Command {
        RecurringCommand::Skip {
            source: Source::Standing(1),
            date,
            by: "anna".into(),
            at: at(),
        }
        .into()
    };
    b.execute(&skip(d(2024, 2, 1))).unwrap();
    let due: Vec<NaiveDate> = b
        .recurring()
        .due(b.context(), d(2024, 3, 1))
        .iter()
        .map(|x| x.date)
        .collect();
    assert_eq!(due, vec![d(2024, 1, 1), d(2024, 3, 1)]);
    for date in [d(2024, 2, 1), d(2024, 2, 2)] {
        assert_eq!(
            refuses(&mut b, &skip(date)),
            DomainError::Recurring(RecurringError::NotDue {
                origin: Source::Standing(1),
                date
            })
        );
    }
    // An inactive posting is not due, and its occurrences cannot be posted.
    let mut off = b.recurring().standing_posting(1).unwrap().clone();
    off.active = false;
    b.execute(&save_standing(off)).unwrap();
    assert!(b.recurring().due(b.context(), d(2024, 3, 1)).is_empty());
    assert_eq!(
        b.recurring().standing_posting(1).unwrap().done.len(),
        1,
        "an edit keeps what was done"
    );
    assert!(matches!(
        refuses(&mut b, &skip(d(2024, 3, 1))),
        DomainError::Recurring(RecurringError::NotDue { .. })
    ));
}

#[test]
fn post_due_refuses_nothing_chosen_and_an_occurrence_chosen_twice() {
    let mut b = book();
    b.execute(&save_standing(rent())).unwrap();
    let cmd = |postings| -> Command {
        RecurringCommand::PostDue {
            postings,
            key: PostingKey(3),
            by: "anna".into(),
            at: at(),
        }
        .into()
    };
    assert_eq!(
        refuses(&mut b, &cmd(Vec::new())),
        DomainError::Recurring(RecurringError::NothingToPost)
    );
    let due = b.recurring().due(b.context(), d(2024, 1, 1)).remove(0);
    let p = DuePosting {
        source: due.source,
        date: due.date,
        draft: due.draft,
    };
    assert_eq!(
        refuses(&mut b, &cmd(vec![p.clone(), p])),
        DomainError::Recurring(RecurringError::NotDue {
            origin: Source::Standing(1),
            date: d(2024, 1, 1)
        })
    );
}

#[test]
fn the_log_replays_to_the_same_recurring_state() {
    let mut b = book();
    let mut events: Vec<Event> = Book::set_up(&sample_setup(2024)).unwrap().1;
    let mut t = kfz();
    t.lines[0].dims = Default::default();
    t.lines[1].memo = "Leasing".into();
    let mut weekly = rent();
    weekly.name = "Reinigung".into();
    weekly.schedule = schedule(Frequency::Days(vec![15, 31]), d(2024, 1, 15), End::Count(4));
    let mut inactive = rent();
    inactive.active = false;
    inactive.schedule.end = End::Until(d(2024, 12, 1));
    for cmd in [
        save_template(t),
        save_standing(rent()),
        save_standing(weekly),
        save_standing(inactive),
    ] {
        events.extend(b.execute(&cmd).unwrap());
    }
    events.extend(b.execute(&post_due(&b, d(2024, 2, 20), 11)).unwrap());
    events.extend(
        b.execute(&Command::Recurring(RecurringCommand::Skip {
            source: Source::Standing(1),
            date: d(2024, 3, 1),
            by: "anna".into(),
            at: at(),
        }))
        .unwrap(),
    );
    let mut head = kontor::ledger::chain::ChainHead::EMPTY;
    let log: Vec<_> = events
        .iter()
        .map(|e| {
            let record = head.seal(kontor::ledger::event::encode(e));
            head = kontor::ledger::chain::ChainHead::after(&record);
            record
        })
        .collect();
    let replayed = Book::replay(&log).unwrap();
    assert_eq!(replayed, b);
    assert_eq!(replayed.recurring().standing().len(), 3);
    assert_eq!(
        replayed.recurring().standing_posting(1).unwrap().done.len(),
        3
    );
}
