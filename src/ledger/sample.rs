//! A small deterministic generator of sample books for tests and
//! benchmarks (Beispieldaten): an SKR03 company and balanced entries with
//! random accounts, dates and amounts from a seed. The full demo company
//! is a later issue; this one only needs to be valid and reproducible.

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::event::Event;
use crate::ledger::gl::{ChartTemplate, GlError, Settings};
use crate::ledger::posting::{EntryDraft, LineDraft, PostingCommand};
use crate::ledger::setup::Setup;
use crate::ledger::types::{AccountNo, Currency, PeriodLayout};
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

/// SKR03 postable accounts the generator draws from.
pub const SAMPLE_ACCOUNTS: [&str; 12] = [
    "1000", "1200", "1360", "1576", "1700", "1776", "4120", "4210", "4930", "8400", "0800", "1800",
];

/// splitmix64: tiny, fast, good enough for sample data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// Settings of the sample company: SKR03, EUR/EUR, calendar-year monthly.
pub fn sample_settings() -> Settings {
    Settings {
        name: "Muster GmbH".into(),
        address: "Musterstraße 1, 10115 Berlin".into(),
        country: "DE".into(),
        vat_id: "DE123456789".into(),
        tax_number: "30/123/45678".into(),
        lc: Currency::EUR,
        sc: Currency::EUR,
        amount_decimals: 2,
        fiscal_year_start_month: 1,
        period_layout: PeriodLayout::Monthly,
        chart: ChartTemplate::Skr03,
    }
}

/// The sample company's setup, first fiscal year `first_fiscal_year`.
pub fn sample_setup(first_fiscal_year: i32) -> Setup {
    Setup {
        settings: sample_settings(),
        first_fiscal_year,
    }
}

fn account(text: &str) -> Result<AccountNo, DomainError> {
    Ok(AccountNo::parse(text)?)
}

/// `n` balanced entries of `lines` lines (at least 2) dated within the
/// calendar year `year`: `lines - 1` debits of 0.01..=10,000.00 and one
/// credit of their sum.
pub fn sample_drafts(
    seed: u64,
    n: usize,
    lines: usize,
    year: i32,
) -> Result<Vec<EntryDraft>, DomainError> {
    let mut rng = Rng::new(seed);
    let start = NaiveDate::from_ymd_opt(year, 1, 1).ok_or(GlError::NoPeriod {
        date: NaiveDate::MIN,
    })?;
    let accounts: Vec<AccountNo> = SAMPLE_ACCOUNTS
        .iter()
        .map(|a| account(a))
        .collect::<Result<_, _>>()?;
    let lines = lines.max(2);
    let mut drafts = Vec::with_capacity(n);
    for i in 0..n {
        let date = start
            .checked_add_days(Days::new(rng.below(365)))
            .unwrap_or(start);
        let mut total = Decimal::ZERO;
        let mut draft_lines = Vec::with_capacity(lines);
        for _ in 0..lines - 1 {
            let amount = Decimal::new(rng.below(1_000_000) as i64 + 1, 2);
            total += amount;
            let a = accounts[rng.below(accounts.len() as u64) as usize];
            draft_lines.push(LineDraft::debit_lc(a, amount));
        }
        let a = accounts[rng.below(accounts.len() as u64) as usize];
        draft_lines.push(LineDraft::credit_lc(a, total));
        let mut draft = EntryDraft::new(date, "sample", draft_lines);
        draft.reference = format!("S-{}", i + 1);
        drafts.push(draft);
    }
    Ok(drafts)
}

/// The events of a sample company (year `year`) with `n` entries of
/// `lines` lines, produced by executing the commands on a fresh Book.
pub fn sample_events(
    seed: u64,
    n: usize,
    lines: usize,
    year: i32,
) -> Result<(Book, Vec<Event>), DomainError> {
    let (mut book, mut events) = Book::set_up(&sample_setup(year))?;
    for draft in sample_drafts(seed, n, lines, year)? {
        events.extend(book.execute(&PostingCommand::PostEntry { draft }.into())?);
    }
    Ok((book, events))
}
