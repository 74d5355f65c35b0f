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
    DuePosting, End, Frequency, PostingTemplate, RecurringCommand, Schedule, Source,
    StandingPosting, TemplateLine,
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
