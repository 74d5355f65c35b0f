//! The recurring family of the random command sequences (issue 17):
//! posting templates (70/30 over two expense accounts, now and then with a
//! bad code, shares summing to 90, a zero share or an unknown account),
//! deleting a template (or an unknown one), standing postings (rent-like
//! 4210 to 1200, monthly, weekly, on days 1 and 15, or yearly from a day
//! of the first months; now and then with no days, a zero count or an
//! unbalanced draft), posting what is due as of a drawn day (the oldest
//! few, now and then with an occurrence that is not due, keys from a
//! small pool so a retry is refused) and skipping one occurrence (or a
//! date that is not one). A command that needs a standing posting first
//! saves one, as a user would. Part B adds its loan commands below.

use chrono::{Days, NaiveDate};
use kontor::ledger::posting::{EntryDraft, LineDraft, Rights};
use kontor::ledger::recurring::{
    DuePosting, End, Frequency, Loan, PostingTemplate, RecurringCommand, Repayment, Schedule,
    Source, StandingPosting, TemplateLine,
};
use kontor::ledger::types::{AccountNo, PostingKey, Timestamp};
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
pub enum RecurringOp {
    Template {
        second: bool,
        defect: Option<u8>,
    },
    DeleteTemplate {
        unknown: bool,
    },
    Standing {
        frequency: u8,
        day: u16,
        defect: Option<u8>,
    },
    PostDue {
        day: u16,
        take: u8,
        not_due: bool,
        key: u8,
    },
    Skip {
        day: u16,
        not_due: bool,
    },
    // ----- loans (part B) -----
    Loan {
        every: u8,
        count: u8,
        defect: Option<u8>,
    },
    LoanRate {
        months: u8,
        bp: u16,
        early: bool,
    },
}

pub fn recurring_op() -> impl Strategy<Value = RecurringOp> {
    let defect = |p, n| prop::option::weighted(p, 0u8..n);
    prop_oneof![
        2 => (prop::bool::weighted(0.4), defect(0.3, 4))
            .prop_map(|(second, defect)| RecurringOp::Template { second, defect }),
        2 => prop::bool::weighted(0.2).prop_map(|unknown| RecurringOp::DeleteTemplate { unknown }),
        1 => (0u8..4, 0u16..120, defect(0.4, 3))
            .prop_map(|(frequency, day, defect)| RecurringOp::Standing { frequency, day, defect }),
        4 => (0u16..400, 1u8..4, prop::bool::weighted(0.1), 0u8..6)
            .prop_map(|(day, take, not_due, key)| RecurringOp::PostDue { day, take, not_due, key }),
        2 => (0u16..400, prop::bool::weighted(0.2))
            .prop_map(|(day, not_due)| RecurringOp::Skip { day, not_due }),
        // ----- loans (part B) -----
        1 => (0u8..4, 0u8..40, defect(0.3, 3))
            .prop_map(|(every, count, defect)| RecurringOp::Loan { every, count, defect }),
        4 => (1u8..24, 0u16..3500, prop::bool::weighted(0.15))
            .prop_map(|(months, bp, early)| RecurringOp::LoanRate { months, bp, early }),
    ]
}

fn stamp(base: NaiveDate) -> Timestamp {
    Timestamp::at(base, 17, 0, 0).unwrap_or_else(|| unreachable!())
}

fn no(text: &str) -> AccountNo {
    AccountNo::parse(text).unwrap_or_else(|_| unreachable!())
}

fn plus(date: NaiveDate, days: u16) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(date)
}

fn template(second: bool, defect: Option<u8>) -> PostingTemplate {
    let line = |account: &str, percent: i64| TemplateLine {
        account: no(account),
        percent: Decimal::new(percent, 0),
        tax_code: None,
        dims: Default::default(),
        memo: String::new(),
    };
    let mut t = PostingTemplate {
        code: if second { "KFZ2" } else { "KFZ" }.into(),
        name: "Kfz-Kosten".into(),
        lines: vec![line("4210", 70), line("4930", 30)],
    };
    match defect {
        None => {}
        Some(0) => t.code = "K Z".into(),
        Some(1) => t.lines[1].percent = Decimal::new(20, 0),
        Some(2) => t.lines[0].percent = Decimal::ZERO,
        Some(_) => t.lines[1].account = no("9999"),
    }
    t
}

/// Rent-like: 4210 to 1200, 100.00, from `first`.
fn standing(first: NaiveDate, frequency: u8, defect: Option<u8>) -> StandingPosting {
    let amount = Decimal::new(10_000, 2);
    let mut draft = EntryDraft::new(
        first,
        "prop",
        vec![
            LineDraft::debit_lc(no("4210"), amount),
            LineDraft::credit_lc(no("1200"), amount),
        ],
    );
    let (frequency, end) = match frequency {
        0 => (Frequency::Monthly, End::Open),
        1 => (Frequency::Weekly, End::Count(20)),
        2 => (Frequency::Days(vec![1, 15]), End::Open),
        _ => (Frequency::Yearly, End::Count(3)),
    };
    let mut s = StandingPosting {
        number: 0,
        name: "Miete".into(),
        draft: EntryDraft {
            memo: "Dauerbuchung".into(),
            ..draft.clone()
        },
        schedule: Schedule {
            frequency,
            first,
            end,
        },
        active: true,
        done: BTreeMap::new(),
    };
    match defect {
        None => {}
        Some(0) => s.schedule.frequency = Frequency::Days(Vec::new()),
        Some(1) => s.schedule.end = End::Count(0),
        Some(_) => {
            draft.lines[1].credit = Decimal::new(9_999, 2);
            s.draft = draft;
        }
    }
    s
}

fn save_standing(posting: StandingPosting, at: Timestamp) -> Command {
    RecurringCommand::SaveStanding {
        posting: Box::new(posting),
        by: "prop".into(),
        at,
    }
    .into()
}

pub fn command(book: &Book, base: NaiveDate, op: &RecurringOp) -> (Command, Rights) {
    let at = stamp(base);
    let by = || "prop".to_string();
    let needs_standing = book.recurring().standing().is_empty();
    let cmd: Command = match op {
        RecurringOp::Template { second, defect } => RecurringCommand::SaveTemplate {
            template: template(*second, *defect),
            by: by(),
            at,
        }
        .into(),
        RecurringOp::DeleteTemplate { unknown } => match book.recurring().templates().first() {
            // A user deletes what is there; first there must be one.
            None if !unknown => RecurringCommand::SaveTemplate {
                template: template(false, None),
                by: by(),
                at,
            }
            .into(),
            t => RecurringCommand::DeleteTemplate {
                code: t
                    .filter(|_| !unknown)
                    .map_or("NONE".into(), |t| t.code.clone()),
                by: by(),
                at,
            }
            .into(),
        },
        RecurringOp::Standing {
            frequency,
            day,
            defect,
        } => save_standing(standing(plus(base, *day), *frequency, *defect), at),
        // ----- loans (part B) -----
        RecurringOp::Loan {
            every,
            count,
            defect,
        } => save_loan(loan(base, *every, *count, *defect), at),
        RecurringOp::LoanRate { months, bp, early } => match book.recurring().loans().first() {
            // A user changes the rate of a loan there is; first there must
            // be one (now and then with a zero term).
            None => save_loan(loan(base, 0, 12, early.then_some(0)), at),
            Some(l) => RecurringCommand::ChangeLoanRate {
                loan: l.number,
                from: if *early {
                    l.start
                } else {
                    l.start
                        .checked_add_months(chrono::Months::new(u32::from(*months)))
                        .unwrap_or(l.start)
                },
                rate: Decimal::new(i64::from(*bp), 2),
                by: by(),
                at,
            }
            .into(),
        },
        _ if needs_standing => save_standing(standing(base, 0, None), at),
        RecurringOp::PostDue {
            day,
            take,
            not_due,
            key,
        } => {
            let as_of = plus(base, *day);
            let mut postings: Vec<DuePosting> = book
                .recurring()
                .due(book.context(), as_of)
                .into_iter()
                .take(usize::from(*take))
                .map(|d| DuePosting {
                    source: d.source,
                    date: d.date,
                    draft: d.draft,
                })
                .collect();
            if *not_due || postings.is_empty() {
                // The day after the first one's date, or a posting that
                // does not exist: neither is due.
                let (source, date) = match postings.first() {
                    Some(p) => (p.source, plus(p.date, 1)),
                    None => (Source::Standing(99), as_of),
                };
                let draft = book.recurring().standing()[0].occurrence_draft(date);
                postings.push(DuePosting {
                    source,
                    date,
                    draft,
                });
            }
            RecurringCommand::PostDue {
                postings,
                key: PostingKey(0x7265_6375_7272_0000_0000_0000_0000_0000 + u128::from(*key)),
                by: by(),
                at,
            }
            .into()
        }
        RecurringOp::Skip { day, not_due } => {
            let as_of = plus(base, *day);
            let due = book.recurring().due(book.context(), as_of);
            let (source, date) = match due.first() {
                Some(d) if !not_due => (d.source, d.date),
                Some(d) => (d.source, plus(d.date, 1)),
                None => (Source::Standing(1), plus(as_of, 1)),
            };
            RecurringCommand::Skip {
                source,
                date,
                by: by(),
                at,
            }
            .into()
        }
    };
    (cmd, Rights::ALL)
}

// ----- loans (part B) -----

/// 10,000.00 at 6 % on 0630 / 2100 / 1200 from `start`, monthly,
/// quarterly, half-yearly or yearly, 1 to 40 instalments; now and then
/// with a zero term, the interest account as bank account or a rate above
/// the limit.
fn loan(start: NaiveDate, every: u8, count: u8, defect: Option<u8>) -> Loan {
    let mut l = Loan {
        number: 0,
        name: "Darlehen".into(),
        principal: Decimal::new(1_000_000, 2),
        rates: vec![(start, Decimal::new(6, 0))],
        start,
        instalments: u32::from(count) + 1,
        every_months: [1, 3, 6, 12][usize::from(every % 4)],
        payment_day: 1,
        repayment: if count.is_multiple_of(2) {
            Repayment::Annuity
        } else {
            Repayment::FixedPrincipal
        },
        loan_account: no("0630"),
        interest_account: no("2100"),
        bank_account: no("1200"),
        active: true,
        done: BTreeMap::new(),
    };
    match defect {
        None => {}
        Some(0) => l.instalments = 0,
        Some(1) => l.bank_account = no("2100"),
        Some(_) => l.rates[0].1 = Decimal::new(40, 0),
    }
    l
}

fn save_loan(loan: Loan, at: Timestamp) -> Command {
    RecurringCommand::SaveLoan {
        loan: Box::new(loan),
        by: "prop".into(),
        at,
    }
    .into()
}
