//! The demo's loan (issue 17, part B): a bank loan of 50,000.00 € at
//! 4.5 % a year, 60 monthly annuity instalments (932.15, the last
//! absorbing the rounding) on the 30th (the month's last day in
//! February), paid out on 1 January of the first year, on the chart's
//! "Verbindlichkeiten gegenüber Kreditinstituten" / "Zinsen und ähnliche
//! Aufwendungen" / bank (SKR03 0630 / 2100 / 1200, SKR04 3150 / 7300 /
//! 1800: all in the templates). The payout is posted as an entry (bank to
//! loan account); every instalment before the demo's last month is posted
//! through `PostDue`, as a user posts the due list; the last month's
//! instalment is left due, so the due list shows one.
//!
//! Entries: the payout and the posted instalments, counted by
//! [`entries`] so the generator writes that many less and the demo keeps
//! its exact size. A demo below `MIN_ENTRIES` has no loan.

use super::{DEMO_USER, DemoError, DemoSpec};
use crate::demo::accounts::DemoAccounts;
use crate::ledger::gl::ChartTemplate;
use crate::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use crate::ledger::recurring::{DuePosting, Loan, RecurringCommand, Repayment};
use crate::ledger::types::{AccountNo, PostingKey, Timestamp};
use crate::ledger::{Book, Command, DomainError, Event};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The key of the `PostDue` that posts the instalments.
const POST_KEY: PostingKey = PostingKey(0xDE17_0000_0000_0000_0000_0000_0000_0002);
/// The key of the payout entry.
const PAYOUT_KEY: PostingKey = PostingKey(0xDE17_0000_0000_0000_0000_0000_0000_0001);
const INSTALMENTS: u32 = 60;
/// The smallest demo with a loan: its entries come off the generator's
/// (the payout and up to 58 instalments), and a small demo needs those
/// for the vendors its payment run pays.
pub(crate) const MIN_ENTRIES: usize = 2_000;

fn first_day(spec: &DemoSpec) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(spec.first_year, 1, 1)
}

/// The first day of the demo's last month: instalments before it are
/// posted, the one in that month is left due.
fn last_month(spec: &DemoSpec) -> Option<NaiveDate> {
    let year = spec.first_year + i32::try_from(spec.years()).ok()? - 1;
    NaiveDate::from_ymd_opt(year, 12, 1)
}

fn loan(spec: &DemoSpec) -> Result<Option<Loan>, DemoError> {
    let Some(start) = first_day(spec) else {
        return Ok(None);
    };
    let (loan_account, interest_account) = match spec.chart {
        ChartTemplate::Skr04 => ("3150", "7300"),
        _ => ("0630", "2100"),
    };
    let account = |n| AccountNo::parse(n).map_err(|e| DemoError::Domain(DomainError::from(e)));
    let bank = DemoAccounts::for_chart(spec.chart)?.bank;
    Ok(Some(Loan {
        number: 0,
        name: "Sparkasse Investitionsdarlehen".into(),
        principal: Decimal::new(5_000_000, 2),
        rates: vec![(start, Decimal::new(45, 1))],
        start,
        instalments: INSTALMENTS,
        every_months: 1,
        payment_day: 30,
        repayment: Repayment::Annuity,
        loan_account: account(loan_account)?,
        interest_account: account(interest_account)?,
        bank_account: bank,
        active: true,
        done: BTreeMap::new(),
    }))
}

/// Instalments posted: those dated before the last month.
fn posted(spec: &DemoSpec) -> usize {
    let (Ok(Some(l)), Some(until)) = (loan(spec), last_month(spec)) else {
        return 0;
    };
    l.schedule().iter().filter(|r| r.date < until).count()
}

/// Entries this part posts for `spec`: the payout and the instalments
/// before the last month.
pub(crate) fn entries(spec: &DemoSpec) -> usize {
    if spec.entries < MIN_ENTRIES {
        return 0;
    }
    1 + posted(spec)
}

/// Adds the loan to the demo's `book` (commands numbered from `index` in
/// refusals).
pub(crate) fn add(
    spec: &DemoSpec,
    book: &mut Book,
    events: &mut Vec<Event>,
    index: usize,
) -> Result<(), DemoError> {
    if spec.entries < MIN_ENTRIES {
        return Ok(());
    }
    let (Some(l), Some(until)) = (loan(spec)?, last_month(spec)) else {
        return Ok(());
    };
    let at = Timestamp::at_midnight(l.start);
    let mut payout = EntryDraft::new(
        l.start,
        DEMO_USER,
        vec![
            LineDraft::debit_lc(l.bank_account, l.principal),
            LineDraft::credit_lc(l.loan_account, l.principal),
        ],
    );
    payout.reference = "Darlehen 1 Auszahlung".into();
    payout.memo = l.name.clone();
    payout.key = Some(PAYOUT_KEY);
    exec(
        book,
        events,
        index,
        &PostingCommand::PostEntry { draft: payout }.into(),
    )?;
    exec(
        book,
        events,
        index + 1,
        &RecurringCommand::SaveLoan {
            loan: Box::new(l),
            by: DEMO_USER.into(),
            at,
        }
        .into(),
    )?;
    let postings: Vec<DuePosting> = book
        .recurring()
        .due(book.context(), until)
        .into_iter()
        .filter(|d| d.date < until)
        .map(|d| DuePosting {
            source: d.source,
            date: d.date,
            draft: d.draft,
        })
        .collect();
    if postings.is_empty() {
        return Ok(());
    }
    let at = Timestamp::at_midnight(until);
    exec(
        book,
        events,
        index + 2,
        &RecurringCommand::PostDue {
            postings,
            key: POST_KEY,
            by: DEMO_USER.into(),
            at,
        }
        .into(),
    )
}

fn exec(
    book: &mut Book,
    events: &mut Vec<Event>,
    index: usize,
    command: &Command,
) -> Result<(), DemoError> {
    let new = book
        .execute(command)
        .map_err(|error| DemoError::Refused { index, error })?;
    events.extend(new);
    Ok(())
}
