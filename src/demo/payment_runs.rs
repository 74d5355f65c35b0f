//! The demo's payment runs (Zahlungsassistent): our SEPA creditor id, one
//! outgoing run of 22 December executed (a few vendors paid through the
//! euro house bank's Geldtransit account, one with cash discount where
//! the books offer one, its pain.001 file kept with the run), and one run
//! of 31 December saved for a class to execute (books under
//! [`MIN_EXECUTED_ENTRIES`] get the creditor id and the saved run only).
//!
//! It runs after the bank side and goes through the user's path: the
//! engine's proposal, `Save`, the file written by `forms::payment_run`,
//! `Execute`. The vendor the open December statement pays is left out of
//! both runs, so that line still matches for the class. The executed run
//! posts one payment (one entry) per vendor, exactly [`PAID_VENDORS`],
//! and the generator writes that many entries less.

use super::bank::{HOUSE_BANK, MIN_ENTRIES};
use super::{DEMO_USER, DemoError, DemoSpec};
use crate::forms::payment_run::run_files;
use crate::ledger::payment_runs::{
    PartnerSelection, PaymentRunsCommand, PaymentRunsEvent, ProposedRow, RunDraft, RunItem,
    RunParams,
};
use crate::ledger::types::{PartnerCode, PostingKey, Side, Timestamp};
use crate::ledger::{Book, Command, Event};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Vendors the executed run pays (one payment, one entry each).
pub(crate) const PAID_VENDORS: usize = 3;
/// Smaller demos have too few open vendor invoices in December for the
/// executed run (they get the creditor id and the saved run only).
const MIN_EXECUTED_ENTRIES: usize = 1_000;
/// The demo company's SEPA creditor identifier (the Bundesbank's example,
/// a valid one that belongs to nobody).
pub const CREDITOR_ID: &str = "DE98ZZZ09999999999";
/// The executed run's key: fixed, so the demo stays deterministic.
const RUN_KEY: PostingKey = PostingKey(0x4b4f_4e54_4f52_2d52_554e_2d44_454d_4f31);

/// Entries this part posts for `spec`: the generator writes that many less.
pub(crate) fn entries(spec: &DemoSpec) -> usize {
    if spec.entries >= MIN_EXECUTED_ENTRIES {
        PAID_VENDORS
    } else {
        0
    }
}

/// Executes one command on the Book, as `build` does with the generator's.
struct Run<'a> {
    book: &'a mut Book,
    events: &'a mut Vec<Event>,
    index: usize,
}

impl Run<'_> {
    fn exec(&mut self, command: Command) -> Result<Vec<Event>, DemoError> {
        let index = self.index;
        self.index += 1;
        let new = self
            .book
            .execute(&command)
            .map_err(|error| DemoError::Refused { index, error })?;
        self.events.extend(new.iter().cloned());
        Ok(new)
    }
}

/// Adds the payment runs to the demo's `book` (commands numbered from
/// `index` in refusals), after the bank side.
pub(crate) fn add(
    spec: &DemoSpec,
    book: &mut Book,
    events: &mut Vec<Event>,
    index: usize,
) -> Result<(), DemoError> {
    if spec.entries < MIN_ENTRIES {
        return Ok(());
    }
    let year = spec.first_year + spec.years() as i32 - 1;
    let mut run = Run {
        book,
        events,
        index,
    };
    run.exec(Command::PaymentRuns(PaymentRunsCommand::SetCreditorId {
        creditor_id: CREDITOR_ID.into(),
        by: DEMO_USER.into(),
        at: Timestamp::at_midnight(date(year, 12, 1)?),
    }))?;
    let spare = statement_vendor(run.book);
    if entries(spec) > 0 {
        let paid_on = date(year, 12, 22)?;
        let executed = params("Lieferanten Dezember", paid_on)?;
        let items = pick(run.book, &executed, spare, Some(PAID_VENDORS))?;
        let number = save(&mut run, executed, items)?;
        execute(&mut run, number, paid_on)?;
    }
    let saved = params("Lieferanten Jahresende", date(year, 12, 31)?)?;
    let items = pick(run.book, &saved, spare, None)?;
    if !items.is_empty() {
        save(&mut run, saved, items)?;
    }
    Ok(())
}

fn date(y: i32, m: u32, d: u32) -> Result<NaiveDate, DemoError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or(DemoError::YearOutOfRange { year: y })
}

/// An outgoing run from the euro house bank on `run_date`, the next one
/// two weeks later, everything due within two months (so even a small
/// book has vendors to pay).
fn params(name: &str, run_date: NaiveDate) -> Result<RunParams, DemoError> {
    let later = |days| {
        run_date
            .checked_add_days(chrono::Days::new(days))
            .ok_or(DemoError::YearOutOfRange { year: 9999 })
    };
    Ok(RunParams {
        name: name.into(),
        run_date,
        outgoing: true,
        incoming: false,
        house_bank: HOUSE_BANK.into(),
        next_run_date: later(14)?,
        partners: PartnerSelection::All,
        methods: Vec::new(),
        include_credit_notes: false,
        due_until: later(60)?,
        max_total: None,
    })
}

/// The vendor whose invoice the open December statement pays (the bank
/// side picks the first wholly open local-currency vendor item).
fn statement_vendor(book: &Book) -> Option<PartnerCode> {
    book.open_items()
        .items()
        .iter()
        .find(|i| {
            i.side == Side::Credit
                && i.fc.is_none()
                && i.open_lc > Decimal::ZERO
                && i.open_lc == i.amount_lc
        })
        .map(|i| i.partner)
}

/// The proposal's items of `count` vendors (all when `None`), not
/// `spare` and not booked after the run date: a vendor with a discounted
/// item first, then in the proposal's order. Fewer vendors than `count`
/// is a generator bug.
fn pick(
    book: &Book,
    params: &RunParams,
    spare: Option<PartnerCode>,
    count: Option<usize>,
) -> Result<Vec<RunItem>, DemoError> {
    let proposal = book
        .payment_runs()
        .propose(book.context(), book.bank(), params, None);
    let rows: Vec<&ProposedRow> = proposal
        .rows
        .iter()
        .filter(|r| Some(r.partner) != spare && !r.credit_note)
        .filter(|r| {
            book.open_items()
                .item(r.item)
                .is_some_and(|i| i.posting_date <= params.run_date)
        })
        .collect();
    let mut vendors: Vec<PartnerCode> = Vec::new();
    let discounted = rows.iter().find(|r| r.discount > Decimal::ZERO);
    for r in discounted.into_iter().chain(rows.iter()) {
        if !vendors.contains(&r.partner) && count.is_none_or(|c| vendors.len() < c) {
            vendors.push(r.partner);
        }
    }
    if let Some(wanted) = count.filter(|c| vendors.len() < *c) {
        return Err(DemoError::TooFewVendors {
            found: vendors.len(),
            wanted,
        });
    }
    Ok(rows
        .into_iter()
        .filter(|r| vendors.contains(&r.partner))
        .map(|r| RunItem {
            item: r.item,
            partner: r.partner,
            amount: r.open,
            discount: r.discount,
        })
        .collect())
}

/// Saves a new run; its number.
fn save(run: &mut Run<'_>, params: RunParams, items: Vec<RunItem>) -> Result<u32, DemoError> {
    let at = Timestamp::at_midnight(params.run_date);
    let new = run.exec(Command::PaymentRuns(PaymentRunsCommand::Save {
        run: Box::new(RunDraft {
            number: 0,
            params,
            items,
        }),
        by: DEMO_USER.into(),
        at,
    }))?;
    Ok(new
        .iter()
        .find_map(|e| match e {
            Event::PaymentRuns(PaymentRunsEvent::RunSaved { run }) => Some(run.number),
            _ => None,
        })
        .unwrap_or_default())
}

/// Writes the run's pain.001 as the wizard does and executes it.
fn execute(run: &mut Run<'_>, number: u32, day: NaiveDate) -> Result<(), DemoError> {
    let at = Timestamp::at(day, 9, 0, 0).ok_or(DemoError::YearOutOfRange { year: 0 })?;
    let files =
        run_files(run.book, number, at.as_naive()).map_err(|errors| DemoError::RunFile {
            reason: errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        })?;
    run.exec(Command::PaymentRuns(PaymentRunsCommand::Execute {
        number,
        order_only: false,
        files,
        key: RUN_KEY,
        by: DEMO_USER.into(),
        at,
    }))?;
    Ok(())
}
