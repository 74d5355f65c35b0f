//! Demo company (Demo-Mandant): a deterministic generator of the books of
//! a German trading company (Handelsunternehmen) on SKR03 or SKR04, for
//! trainers ("open demo company") and for benchmarks.
//!
//! The same [`DemoSpec`] always gives the same setup and commands, hence the same
//! events, byte for byte: all randomness comes from one seeded [`Rng`],
//! nothing depends on time, hashing or the platform. One realistic year is
//! [`DEMO_YEAR_ENTRIES`] entries; larger books span more fiscal years
//! (at most [`MAX_ENTRIES_PER_YEAR`] entries a year), up to
//! [`MAX_DEMO_ENTRIES`].
//!
//! Where is what: the accounts per chart `accounts`, customers and vendors
//! with their payment terms `partners`, one month of business `month`,
//! house banks, rules and statements `bank` (from a CSV export written by
//! `statement_file`), item groups, items, price lists and special prices
//! `items` (master data after the partners, no entries), a bank loan
//! paid out in the first month with its instalments posted through the
//! due list but the last month's `loans` (after the bank side), budgets
//! `budgets` and the data-entry rules `rules` (both last, in `build`);
//! here the spec, the command iterator [`commands`] and [`build`], which
//! folds them into a Book.
//!
//! [`Rng`]: crate::ledger::sample::Rng

pub mod accounts;
pub mod bank;
mod budgets;
mod changes;
mod dunning;
pub mod einvoice;
mod items;
mod loans;
mod month;
pub mod partners;
mod payment_runs;
mod recurring;
pub mod roles;
pub mod rules;
mod statement_file;

use crate::demo::accounts::{DemoAccounts, DemoTaxCodes};
use crate::demo::month::Company;
use crate::ledger::gl::{Account, ChartTemplate, GlCommand, Settings};
use crate::ledger::setup::{Setup, chart};
use crate::ledger::types::limits::MAX_FISCAL_YEARS;
use crate::ledger::types::{Currency, PeriodLayout};
use crate::ledger::{Book, Command, DomainError, Event};
use chrono::NaiveDate;
use std::collections::VecDeque;

/// Entries of the demo company's one realistic year.
pub const DEMO_YEAR_ENTRIES: usize = 3_000;
/// A bigger book spans more fiscal years: at most this many entries each.
pub const MAX_ENTRIES_PER_YEAR: usize = 25_000;
/// Largest book the generator writes (40 fiscal years).
pub const MAX_DEMO_ENTRIES: usize = 1_000_000;
/// The user every demo entry is posted by.
pub const DEMO_USER: &str = "demo";
/// Decimals of the demo's local currency (EUR).
pub(crate) const LC_DECIMALS: u32 = 2;
/// The first fiscal year a demo may start in: the templates' tax codes
/// carry rates from 1998-04-01 (19 % then 16 %), the first full year is 1999.
pub const MIN_FIRST_YEAR: i32 = 1999;
/// `build` reports progress every this many entries (and at the end).
pub const PROGRESS_EVERY: usize = 500;

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoSpec {
    pub seed: u64,
    /// SKR03 or SKR04.
    pub chart: ChartTemplate,
    /// The first fiscal year (calendar year, monthly periods).
    pub first_year: i32,
    /// Posted entries in total (reversals included), exactly.
    pub entries: usize,
    /// How sales, purchases and expenses carry their VAT.
    pub vat: VatPosting,
}

/// How the demo posts VAT.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum VatPosting {
    /// Every taxed line carries the template's tax code and the engine
    /// adds one tax line per line: how a bookkeeper posts, and the VAT
    /// return has figures. The demo company in the app.
    #[default]
    TaxCodes,
    /// The generator writes one VAT line per rate and invoice to the VAT
    /// accounts itself, without tax codes: about 4 postings per entry, the
    /// shape of issue 8's reference figures for hledger and ledger.
    ExplicitLines,
}

impl DemoSpec {
    /// The demo company: one year (2024) on SKR03.
    pub fn one_year(seed: u64) -> DemoSpec {
        DemoSpec {
            seed,
            chart: ChartTemplate::Skr03,
            first_year: 2024,
            entries: DEMO_YEAR_ENTRIES,
            vat: VatPosting::TaxCodes,
        }
    }

    /// Fiscal years the book spans.
    pub fn years(&self) -> usize {
        self.entries.div_ceil(MAX_ENTRIES_PER_YEAR).max(1)
    }

    fn check(&self) -> Result<(), DemoError> {
        if self.entries > MAX_DEMO_ENTRIES {
            return Err(DemoError::TooManyEntries {
                requested: self.entries,
                max: MAX_DEMO_ENTRIES,
            });
        }
        let last_year = self.first_year as i64 + self.years() as i64 - 1;
        if self.first_year < MIN_FIRST_YEAR || last_year > 9000 || self.years() > MAX_FISCAL_YEARS {
            return Err(DemoError::YearOutOfRange {
                year: self.first_year,
            });
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DemoError {
    #[error("a demo company has at most {max} entries, {requested} were asked for")]
    TooManyEntries { requested: usize, max: usize },
    #[error("the demo company's fiscal years must lie within 1999..=9000, starting {year}")]
    YearOutOfRange { year: i32 },
    #[error("the demo company needs chart SKR03 or SKR04, not {chart:?}")]
    UnsupportedChart { chart: ChartTemplate },
    #[error("demo data: {0}")]
    Domain(#[from] DomainError),
    /// A generated command did not pass `Book::check`: a generator bug.
    #[error("demo command {index} was refused: {error}")]
    Refused { index: usize, error: DomainError },
    /// The generated statement file was not read: a generator bug.
    #[error("the demo's statement file was refused: {reason}")]
    Statement { reason: String },
    /// The matcher proposed nothing for a line of the posted statement.
    #[error("demo statement line {}: nothing to post it as", line + 1)]
    NoProposal { line: usize },
    /// The payment run's proposal had fewer vendors than the demo pays:
    /// a generator bug (the demo would lose its size).
    #[error("the demo's payment run found {found} vendors to pay, not {wanted}")]
    TooFewVendors { found: usize, wanted: usize },
    /// The demo run's SEPA file was not written: a generator bug.
    #[error("the demo's payment run file was refused: {reason}")]
    RunFile { reason: String },
}

/// Settings of the demo company.
pub fn demo_settings(chart: ChartTemplate) -> Settings {
    Settings {
        name: "Nordlicht Handelsgesellschaft mbH (Demo)".into(),
        address: "Am Sandtorkai 12, 20457 Hamburg".into(),
        country: "DE".into(),
        vat_id: "DE287654321".into(),
        tax_number: "46/715/02834".into(),
        lc: Currency::EUR,
        sc: Currency::EUR,
        amount_decimals: LC_DECIMALS,
        fiscal_year_start_month: 1,
        period_layout: PeriodLayout::Monthly,
        chart,
    }
}

/// The demo's commands in order, month by month; holds one month at a time.
pub struct Generator {
    spec: DemoSpec,
    company: Company,
    /// Accounts the demo needs that the chart template lacks.
    new_accounts: Vec<Account>,
    /// Item groups, items and prices (`items`), queued after the partners.
    items: Vec<Command>,
    queue: VecDeque<Command>,
    started: bool,
    /// Next month to generate, 0 = January of the first year.
    month_index: usize,
}

/// The demo company's setup: its settings and first fiscal year.
pub fn setup(spec: &DemoSpec) -> Setup {
    Setup {
        settings: demo_settings(spec.chart),
        first_fiscal_year: spec.first_year,
    }
}

/// The commands of the demo company described by `spec` after its setup:
/// the accounts the template lacks, then month after month.
pub fn commands(spec: &DemoSpec) -> Result<Generator, DemoError> {
    spec.check()?;
    let accounts = DemoAccounts::for_chart(spec.chart)?;
    let template = chart::load(spec.chart).map_err(DomainError::from)?;
    let tax_codes = DemoTaxCodes::from_chart(&template)?;
    let new_accounts = accounts
        .created_accounts()
        .into_iter()
        .filter(|a| !template.accounts.iter().any(|t| t.number == a.number))
        .collect();
    let per_year = spec.entries.div_ceil(spec.years());
    let company = Company::new(spec, accounts, tax_codes, per_year);
    let items = items::commands(spec, &company.partner_commands(start(spec)), start(spec))?;
    Ok(Generator {
        spec: *spec,
        company,
        items,
        new_accounts,
        queue: VecDeque::new(),
        started: false,
        month_index: 0,
    })
}

/// 1 January of the demo's first year: the date of its master data.
fn start(spec: &DemoSpec) -> NaiveDate {
    NaiveDate::from_ymd_opt(spec.first_year, 1, 1).unwrap_or_default()
}

/// All commands at once (for small books; large ones should iterate).
pub fn generate(spec: &DemoSpec) -> Result<Vec<Command>, DemoError> {
    Ok(commands(spec)?.collect())
}

impl Generator {
    /// Queues the next month's commands; false when all are generated.
    fn refill(&mut self) -> bool {
        if !self.started {
            self.started = true;
            for account in std::mem::take(&mut self.new_accounts) {
                self.queue
                    .push_back(Command::Gl(GlCommand::CreateAccount { account }));
            }
            self.queue
                .extend(self.company.partner_commands(start(&self.spec)));
            self.queue.extend(std::mem::take(&mut self.items));
            return true;
        }
        let months = self.spec.years() * 12;
        if self.month_index >= months {
            return false;
        }
        let i = self.month_index;
        self.month_index += 1;
        let year = self.spec.first_year + (i / 12) as i32;
        let month = (i % 12) as u32 + 1;
        if month == 1 && i > 0 {
            self.queue
                .push_back(Command::Gl(GlCommand::OpenFiscalYear { year }));
        }
        // Entries spread evenly over the months; the first months take
        // the remainder.
        let budget = self.spec.entries / months + usize::from(i < self.spec.entries % months);
        self.company
            .month(year, month, budget, i == 0, &mut self.queue);
        true
    }
}

impl Iterator for Generator {
    type Item = Command;

    fn next(&mut self) -> Option<Command> {
        loop {
            if let Some(command) = self.queue.pop_front() {
                return Some(command);
            }
            if !self.refill() {
                return None;
            }
        }
    }
}

/// Sets the demo company up and executes its commands, then adds the bank
/// side (`bank`: house banks, rules, a posted and an open statement, which
/// need the Book for the matcher's proposals), and returns the Book with
/// all events, ready to be sealed and appended. `progress(done, total)` is
/// called every [`PROGRESS_EVERY`] entries and once at the end, with
/// entries posted so far and `spec.entries`.
pub fn build(
    spec: &DemoSpec,
    mut progress: impl FnMut(usize, usize),
) -> Result<(Book, Vec<Event>), DemoError> {
    let (mut book, mut events) = Book::set_up(&setup(spec))?;
    spec.check()?;
    let mut count = 0;
    for (index, command) in commands(&generator_spec(spec))?.enumerate() {
        count = index + 1;
        let before = book.entry_count();
        let new = book
            .execute(&command)
            .map_err(|error| DemoError::Refused { index, error })?;
        events.extend(new);
        let done = book.entry_count();
        if done != before && done.is_multiple_of(PROGRESS_EVERY) {
            progress(done, spec.entries);
        }
    }
    events.extend(bank_side(spec, &mut book, count)?);
    events.extend(budgets::budget_events(&mut book, spec.first_year)?);
    events.extend(changes::change_events(&mut book, spec.first_year)?);
    events.extend(roles::roles_events(&mut book, spec.first_year)?);
    events.extend(rules::series_events(&mut book, spec.first_year)?);
    events.extend(rules::rules_events(&mut book, spec.chart, spec.first_year)?);
    progress(book.entry_count(), spec.entries);
    Ok((book, events))
}

/// The spec the generator runs with inside [`build`]: the bank side posts
/// a statement's lines, so the generator writes that many entries less
/// and the book keeps its exact size.
pub fn generator_spec(spec: &DemoSpec) -> DemoSpec {
    DemoSpec {
        entries: spec.entries
            - bank::entries(spec)
            - payment_runs::entries(spec)
            - dunning::entries(spec)
            - loans::entries(spec)
            - recurring::entries(spec)
            - einvoice::entries(spec),
        ..*spec
    }
}

/// The bank side (house banks, rules, a posted and an open statement),
/// executed on `book` after the `commands_run` commands of
/// `commands(&generator_spec(spec))`; its events, in order. [`build`] and
/// `kontor-cli generate` both end with it, so they write the same books.
pub fn bank_side(
    spec: &DemoSpec,
    book: &mut Book,
    commands_run: usize,
) -> Result<Vec<Event>, DemoError> {
    let mut events = Vec::new();
    bank::add(spec, book, &mut events, commands_run)?;
    payment_runs::add(spec, book, &mut events, commands_run + 1_000)?;
    dunning::add(spec, book, &mut events, commands_run + 2_000)?;
    loans::add(spec, book, &mut events, commands_run + 3_000)?;
    recurring::add(spec, book, &mut events, commands_run + 4_000)?;
    einvoice::add(spec, book, &mut events, commands_run + 5_000)?;
    Ok(events)
}
