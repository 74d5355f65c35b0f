//! The demo's dunning (Mahnwesen): the dunning terms M1 (a payment
//! reminder), M2 (two levels, consumers) and M3 (three levels with fees,
//! interest from level 2 and the € 40 flat fee, businesses; the demo's
//! customers with a credit limit name it), the charge accounts (SKR03:
//! 2700 Sonstige Erträge for fees, 2650 Sonstige Zinsen und ähnliche
//! Erträge for interest; SKR04: 4830 Sonstige betriebliche Erträge and
//! 7100 Sonstige Zinsen und ähnliche Erträge: all in the templates), and
//! one run on 31 December of the last year over every letter the proposal
//! shows, so the letters page and the credit-risk view show something.
//!
//! The run records fees and interest on its letters but does not post
//! them: how many customers are overdue on that day depends on the seed
//! and the size (from none to a few dozen), while the demo must post
//! exactly the entries its spec asks for, and the generator, which runs
//! first, must know that number beforehand. So this part posts no entry.
//! A demo without an overdue customer of a term, or whose last year the
//! shipped base-rate table does not reach, has the terms and settings but
//! no run.

use super::{DEMO_USER, DemoError, DemoSpec};
use crate::finance::interest::{BaseRateTable, DayCount, DebtorKind};
use crate::ledger::dunning::{
    DunningCommand, DunningLevel, DunningParams, DunningRunDraft, DunningSettings, DunningTerm,
    InterestBase, LetterChoice,
};
use crate::ledger::gl::ChartTemplate;
use crate::ledger::types::{AccountNo, PostingKey, Timestamp};
use crate::ledger::{Book, Command, DomainError, Event};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The run's idempotency key (distinct from the generator's keys).
const RUN_KEY: PostingKey = PostingKey(0xDE16_0000_0000_0000_0000_0000_0000_0001);

/// The run date: 31 December of the demo's last year.
fn run_date(spec: &DemoSpec) -> Option<NaiveDate> {
    let year = spec.first_year + i32::try_from(spec.years()).ok()? - 1;
    NaiveDate::from_ymd_opt(year, 12, 31)
}

/// Whether the demo may have a dunning run: the shipped base-rate table
/// knows every day from its first year to the run date.
fn has_run(spec: &DemoSpec) -> bool {
    let Ok(table) = BaseRateTable::shipped() else {
        return false;
    };
    let first = table.rates().first().map(|r| r.valid_from);
    let (Some(first), Some(until), Some(date)) = (first, table.known_until(), run_date(spec))
    else {
        return false;
    };
    NaiveDate::from_ymd_opt(spec.first_year, 1, 1).is_some_and(|start| start > first)
        && date <= until
}

/// Entries this part posts for `spec` (none: see the module's doc).
pub(crate) fn entries(spec: &DemoSpec) -> usize {
    let _ = spec;
    0
}

fn level(days: u16, fee: i64, interest: bool, n: u8) -> DunningLevel {
    DunningLevel {
        days_after_due: days,
        fee: Decimal::new(fee, 2),
        min_balance: Decimal::ZERO,
        interest,
        text_de: format!(
            "{n}. Mahnung: Sehr geehrte Damen und Herren, die folgenden Rechnungen sind überfällig. Bitte überweisen Sie den Betrag bis zum {{date}}."
        ),
        text_en: format!(
            "Reminder {n}: Dear {{name}}, the following invoices are overdue. Please transfer the amount by {{date}}."
        ),
    }
}

fn terms() -> Vec<DunningTerm> {
    let reminder = DunningTerm {
        code: "M1".into(),
        name: "Zahlungserinnerung".into(),
        levels: vec![level(10, 0, false, 1)],
        group_items: true,
        interest_base: InterestBase::Remaining,
        day_count: DayCount::Act365,
        debtor: DebtorKind::Business,
        flat_fee: false,
    };
    let consumers = DunningTerm {
        code: "M2".into(),
        name: "Zwei Stufen (Verbraucher)".into(),
        levels: vec![level(14, 0, false, 1), level(28, 500, true, 2)],
        debtor: DebtorKind::Consumer,
        ..reminder.clone()
    };
    let mut three = DunningTerm {
        code: "M3".into(),
        name: "Dreistufiges Mahnverfahren".into(),
        levels: vec![
            level(7, 500, false, 1),
            level(21, 1000, true, 2),
            level(35, 1500, true, 3),
        ],
        flat_fee: true,
        ..reminder.clone()
    };
    three.levels[2].min_balance = Decimal::new(100, 0);
    vec![reminder, consumers, three]
}

fn settings(chart: ChartTemplate) -> Result<DunningSettings, DemoError> {
    let (fee, interest) = match chart {
        ChartTemplate::Skr03 => ("2700", "2650"),
        _ => ("4830", "7100"),
    };
    let account = |n| AccountNo::parse(n).map_err(|e| DemoError::Domain(DomainError::from(e)));
    Ok(DunningSettings {
        fee_account: Some(account(fee)?),
        interest_account: Some(account(interest)?),
        base_rates: None,
    })
}

/// Adds this part to the demo's `book` (commands numbered from `index`
/// in refusals), after the bank side.
pub(crate) fn add(
    spec: &DemoSpec,
    book: &mut Book,
    events: &mut Vec<Event>,
    index: usize,
) -> Result<(), DemoError> {
    let Some(date) = run_date(spec) else {
        return Ok(());
    };
    let at = Timestamp::at_midnight(date);
    let mut commands: Vec<Command> = terms()
        .into_iter()
        .map(|term| {
            DunningCommand::SaveTerm {
                term: Box::new(term),
                by: DEMO_USER.into(),
                at,
            }
            .into()
        })
        .collect();
    commands.push(
        DunningCommand::SetSettings {
            settings: Box::new(settings(spec.chart)?),
            by: DEMO_USER.into(),
            at,
        }
        .into(),
    );
    let mut index = index;
    for command in &commands {
        exec(book, events, index, command)?;
        index += 1;
    }
    if has_run(spec)
        && let Some(run) = run_command(book, date, at)
    {
        exec(book, events, index, &run)?;
    }
    Ok(())
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

/// The run over every customer the proposal has a letter for (None:
/// nobody to dun).
fn run_command(book: &Book, date: NaiveDate, at: Timestamp) -> Option<Command> {
    let proposal = book.dunning().propose(
        book.context(),
        &DunningParams {
            date,
            customers: Vec::new(),
        },
    );
    let mut letters: Vec<LetterChoice> = Vec::new();
    for letter in &proposal.letters {
        if !letters.iter().any(|l| l.partner == letter.partner) {
            letters.push(LetterChoice {
                partner: letter.partner,
                items: Vec::new(),
            });
        }
    }
    (!letters.is_empty()).then(|| {
        DunningCommand::Execute {
            draft: Box::new(DunningRunDraft {
                date,
                letters,
                post_charges: false,
                user: DEMO_USER.into(),
                key: RUN_KEY,
            }),
            at,
        }
        .into()
    })
}
