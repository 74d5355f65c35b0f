//! The demo's recurring postings (issue 17): the posting template
//! "Kfz-Kosten 70/30" (running vehicle costs 70 %, vehicle costs 30 %,
//! both with input VAT 19 %) and three standing postings in the demo's
//! last year: the rent of an outside warehouse (1,500.00 on the 1st of
//! every month), the van's leasing (595.00 gross on the 5th, split like
//! the template) and the liability insurance (1,840.00 once a year on
//! 10 January), all paid from the bank and ending with that year. The
//! occurrences up to November are posted (one `PostDue`, as a bookkeeper
//! confirming the due list), December's rent and leasing are left due,
//! so the due notice has something to announce. Books smaller than
//! `MIN_ENTRIES` get the template and the standing postings but post
//! nothing (the generator must know the entries of this part beforehand).

use super::accounts::{DemoAccounts, tax_account};
use super::{DEMO_USER, DemoError, DemoSpec, VatPosting};
use crate::ledger::gl::ChartTemplate;
use crate::ledger::posting::{EntryDraft, LineDraft};
use crate::ledger::recurring::{
    DuePosting, End, Frequency, PostingTemplate, RecurringCommand, Schedule, StandingPosting,
    TemplateLine,
};
use crate::ledger::tax::TaxError;
use crate::ledger::types::{AccountNo, PostingKey, Timestamp};
use crate::ledger::{Book, Command, DomainError, Event};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Below this many entries the demo posts no occurrence.
const MIN_ENTRIES: usize = 300;
/// Occurrences posted: rent and leasing January to November, the insurance.
const POSTED: usize = 11 + 11 + 1;
/// The confirmation's idempotency key (distinct from the other parts').
const POST_KEY: PostingKey = PostingKey(0xDE17_0000_0000_0000_0000_0000_0000_0003);

/// Entries this part posts for `spec`.
pub(crate) fn entries(spec: &DemoSpec) -> usize {
    if spec.entries >= MIN_ENTRIES {
        POSTED
    } else {
        0
    }
}

fn last_year(spec: &DemoSpec) -> i32 {
    spec.first_year + i32::try_from(spec.years()).unwrap_or(1) - 1
}

fn date(year: i32, month: u32, day: u32) -> Result<NaiveDate, DemoError> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DemoError::YearOutOfRange { year })
}

fn account(n: &str) -> Result<AccountNo, DemoError> {
    AccountNo::parse(n).map_err(|e| DemoError::Domain(DomainError::from(e)))
}

/// (running vehicle costs, vehicle costs, insurance) per chart.
fn numbers(chart: ChartTemplate) -> (&'static str, &'static str, &'static str) {
    match chart {
        ChartTemplate::Skr03 => ("4530", "4500", "4360"),
        _ => ("6530", "6500", "6400"),
    }
}

fn template(chart: ChartTemplate) -> Result<PostingTemplate, DemoError> {
    let (running, vehicle, _) = numbers(chart);
    let line = |n, percent| -> Result<TemplateLine, DemoError> {
        Ok(TemplateLine {
            account: account(n)?,
            percent: Decimal::new(percent, 0),
            tax_code: Some("V19".into()),
            dims: Default::default(),
            memo: String::new(),
        })
    };
    Ok(PostingTemplate {
        code: "KFZ".into(),
        name: "Kfz-Kosten 70/30".into(),
        lines: vec![line(running, 70)?, line(vehicle, 30)?],
    })
}

fn standing(
    name: &str,
    lines: Vec<LineDraft>,
    frequency: Frequency,
    first: NaiveDate,
    until: NaiveDate,
) -> StandingPosting {
    StandingPosting {
        number: 0,
        name: name.into(),
        draft: EntryDraft::new(first, DEMO_USER, lines),
        schedule: Schedule {
            frequency,
            first,
            end: End::Until(until),
        },
        active: true,
        done: Default::default(),
    }
}

/// `vat`: the input VAT account when the demo writes VAT lines itself
/// (`VatPosting::ExplicitLines`); else the leasing carries tax code V19.
fn postings(
    spec: &DemoSpec,
    accounts: &DemoAccounts,
    vat: Option<AccountNo>,
) -> Result<Vec<StandingPosting>, DemoError> {
    let year = last_year(spec);
    let until = date(year, 12, 31)?;
    let (running, vehicle, insurance) = numbers(spec.chart);
    let gross = |n, cents| -> Result<LineDraft, DemoError> {
        Ok(LineDraft {
            tax_code: Some("V19".into()),
            gross: true,
            ..LineDraft::debit_lc(account(n)?, Decimal::new(cents, 2))
        })
    };
    Ok(vec![
        standing(
            "Miete Außenlager",
            vec![
                LineDraft::debit_lc(accounts.rent, Decimal::new(150_000, 2)),
                LineDraft::credit_lc(accounts.bank, Decimal::new(150_000, 2)),
            ],
            Frequency::Monthly,
            date(year, 1, 1)?,
            until,
        ),
        standing(
            "Leasing Lieferwagen",
            match vat {
                None => vec![
                    gross(running, 41_650)?,
                    gross(vehicle, 17_850)?,
                    LineDraft::credit_lc(accounts.bank, Decimal::new(59_500, 2)),
                ],
                Some(vat) => vec![
                    LineDraft::debit_lc(account(running)?, Decimal::new(35_000, 2)),
                    LineDraft::debit_lc(account(vehicle)?, Decimal::new(15_000, 2)),
                    LineDraft::debit_lc(vat, Decimal::new(9_500, 2)),
                    LineDraft::credit_lc(accounts.bank, Decimal::new(59_500, 2)),
                ],
            },
            Frequency::Monthly,
            date(year, 1, 5)?,
            until,
        ),
        standing(
            "Betriebshaftpflicht",
            vec![
                LineDraft::debit_lc(account(insurance)?, Decimal::new(184_000, 2)),
                LineDraft::credit_lc(accounts.bank, Decimal::new(184_000, 2)),
            ],
            Frequency::Yearly,
            date(year, 1, 10)?,
            until,
        ),
    ])
}

/// Adds this part to the demo's `book` (commands numbered from `index`
/// in refusals).
pub(crate) fn add(
    spec: &DemoSpec,
    book: &mut Book,
    events: &mut Vec<Event>,
    index: usize,
) -> Result<(), DemoError> {
    let accounts = DemoAccounts::for_chart(spec.chart)?;
    let year = last_year(spec);
    let at = Timestamp::at_midnight(date(year, 1, 2)?);
    let by = || DEMO_USER.to_string();
    // The template carries V19; a demo without tax codes gets none.
    let mut commands: Vec<Command> = Vec::new();
    if spec.vat == VatPosting::TaxCodes {
        commands.push(
            RecurringCommand::SaveTemplate {
                template: template(spec.chart)?,
                by: by(),
                at,
            }
            .into(),
        );
    }
    let vat = match spec.vat {
        VatPosting::TaxCodes => None,
        VatPosting::ExplicitLines => {
            let code = book.tax_codes().find(|c| c.code == "V19").ok_or_else(|| {
                DomainError::Tax(TaxError::TaxCodeUnknown {
                    line: None,
                    code: "V19".into(),
                })
            })?;
            Some(tax_account(code)?)
        }
    };
    commands.extend(postings(spec, &accounts, vat)?.into_iter().map(|posting| {
        Command::from(RecurringCommand::SaveStanding {
            posting: Box::new(posting),
            by: by(),
            at,
        })
    }));
    for (i, command) in commands.iter().enumerate() {
        events.extend(book.execute(command).map_err(|error| DemoError::Refused {
            index: index + i,
            error,
        })?);
    }
    if entries(spec) == 0 {
        return Ok(());
    }
    let as_of = date(year, 11, 30)?;
    let postings: Vec<DuePosting> = book
        .recurring()
        .due(book.context(), as_of)
        .into_iter()
        .map(|d| DuePosting {
            source: d.source,
            date: d.date,
            draft: d.draft,
        })
        .collect();
    assert_eq!(
        postings.len(),
        POSTED,
        "the demo's standing postings have {POSTED} dates up to November"
    );
    let confirm = RecurringCommand::PostDue {
        postings,
        key: POST_KEY,
        by: by(),
        at: Timestamp::at_midnight(as_of),
    };
    events.extend(
        book.execute(&confirm.into())
            .map_err(|error| DemoError::Refused {
                index: index + commands.len(),
                error,
            })?,
    );
    Ok(())
}
