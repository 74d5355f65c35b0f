//! Reports (Berichte) as pure functions of the Book:
//! - trial balance (Summen- und Saldenliste) for a period range, read from
//!   the (account, period) balance index, never from lines;
//! - account sheet (Kontoblatt) with running balance, from the account's
//!   line list;
//! - journal listing (Journal) with filters and a row limit.
//!
//! Opening balances are the sum of all earlier periods, for every account
//! type: until year-end closing exists (a later issue), nothing is carried
//! forward by posting, so cumulative sums are what hledger shows too.

use crate::ledger::account::AccountNo;
use crate::ledger::book::{Book, Totals};
use crate::ledger::entry::{EntryId, FcAmount, PostedEntry};
use crate::ledger::error::DomainError;
use crate::ledger::money::Side;
use crate::ledger::period::PeriodRef;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Most rows an account sheet or a journal page returns; the rest is
/// reported as `truncated`, the caller pages with narrower filters.
pub const MAX_REPORT_ROWS: usize = 100_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrialBalanceRow {
    pub account: AccountNo,
    /// Debit-positive balance before `from`.
    pub opening_lc: Decimal,
    pub debit_lc: Decimal,
    pub credit_lc: Decimal,
    pub closing_lc: Decimal,
    pub opening_sc: Decimal,
    pub debit_sc: Decimal,
    pub credit_sc: Decimal,
    pub closing_sc: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrialBalance {
    pub from: PeriodRef,
    pub to: PeriodRef,
    /// Accounts with an opening balance or movements, in number order.
    pub rows: Vec<TrialBalanceRow>,
    pub total_debit_lc: Decimal,
    pub total_credit_lc: Decimal,
    pub total_debit_sc: Decimal,
    pub total_credit_sc: Decimal,
}

/// Trial balance from period `from` to `to` (both included).
pub fn trial_balance(
    book: &Book,
    from: PeriodRef,
    to: PeriodRef,
) -> Result<TrialBalance, DomainError> {
    let calendar = book.calendar();
    let start = calendar
        .index_of(from)
        .ok_or(DomainError::PeriodNotFound { period: from })?;
    let end = calendar
        .index_of(to)
        .ok_or(DomainError::PeriodNotFound { period: to })?;
    let mut report = TrialBalance {
        from,
        to,
        rows: Vec::new(),
        total_debit_lc: Decimal::ZERO,
        total_credit_lc: Decimal::ZERO,
        total_debit_sc: Decimal::ZERO,
        total_credit_sc: Decimal::ZERO,
    };
    if start > end {
        return Ok(report);
    }
    for account in book.accounts() {
        let Some(per_period) = book.account_totals(account.number) else {
            continue;
        };
        let mut before = Totals::default();
        per_period[..start].iter().for_each(|t| before.add(t));
        let mut within = Totals::default();
        per_period[start..=end].iter().for_each(|t| within.add(t));
        if before == Totals::default() && within == Totals::default() {
            continue;
        }
        report.total_debit_lc += within.debit_lc;
        report.total_credit_lc += within.credit_lc;
        report.total_debit_sc += within.debit_sc;
        report.total_credit_sc += within.credit_sc;
        report.rows.push(TrialBalanceRow {
            account: account.number,
            opening_lc: before.balance_lc(),
            debit_lc: within.debit_lc,
            credit_lc: within.credit_lc,
            closing_lc: before.balance_lc() + within.balance_lc(),
            opening_sc: before.balance_sc(),
            debit_sc: within.debit_sc,
            credit_sc: within.credit_sc,
            closing_sc: before.balance_sc() + within.balance_sc(),
        });
    }
    Ok(report)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetLine {
    pub entry: EntryId,
    pub fiscal_year: i32,
    pub number: u32,
    pub posting_date: NaiveDate,
    pub reference: String,
    /// The line memo, or the entry memo when the line has none.
    pub memo: String,
    pub side: Side,
    pub amount_lc: Decimal,
    pub amount_sc: Decimal,
    pub fc: Option<FcAmount>,
    /// Debit-positive balance after this line.
    pub balance_lc: Decimal,
    pub reverses: Option<EntryId>,
    pub reversed_by: Option<EntryId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountSheet {
    pub account: AccountNo,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub opening_lc: Decimal,
    /// By posting date, then entry id.
    pub lines: Vec<SheetLine>,
    pub debit_lc: Decimal,
    pub credit_lc: Decimal,
    pub closing_lc: Decimal,
    /// More than `MAX_REPORT_ROWS` lines matched; totals still cover all.
    pub truncated: bool,
}

/// Account sheet of `account` for `from..=to` (posting dates).
pub fn account_sheet(
    book: &Book,
    account: AccountNo,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<AccountSheet, DomainError> {
    let refs = book
        .account_line_refs(account)
        .ok_or(DomainError::UnknownAccount { account })?;
    let mut opening_lc = Decimal::ZERO;
    let mut within = Vec::new();
    for r in refs {
        let Some((entry, line)) = book.line(*r) else {
            continue;
        };
        if entry.posting_date < from {
            opening_lc += line.signed_lc();
        } else if entry.posting_date <= to {
            within.push((entry, line));
        }
    }
    within.sort_by_key(|(e, _)| (e.posting_date, e.id));
    let mut sheet = AccountSheet {
        account,
        from,
        to,
        opening_lc,
        lines: Vec::new(),
        debit_lc: Decimal::ZERO,
        credit_lc: Decimal::ZERO,
        closing_lc: opening_lc,
        truncated: within.len() > MAX_REPORT_ROWS,
    };
    for (entry, line) in within {
        match line.side {
            Side::Debit => sheet.debit_lc += line.amount_lc,
            Side::Credit => sheet.credit_lc += line.amount_lc,
        }
        sheet.closing_lc += line.signed_lc();
        if sheet.lines.len() < MAX_REPORT_ROWS {
            sheet.lines.push(SheetLine {
                entry: entry.id,
                fiscal_year: entry.fiscal_year,
                number: entry.number,
                posting_date: entry.posting_date,
                reference: entry.reference.clone(),
                memo: if line.memo.is_empty() {
                    entry.memo.clone()
                } else {
                    line.memo.clone()
                },
                side: line.side,
                amount_lc: line.amount_lc,
                amount_sc: line.amount_sc,
                fc: line.fc(),
                balance_lc: sheet.closing_lc,
                reverses: entry.reverses,
                reversed_by: book.reversed_by(entry.id),
            });
        }
    }
    Ok(sheet)
}

/// Filter of the journal listing; every set field must match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub fiscal_year: Option<i32>,
    /// Entries with at least one line on this account.
    pub account: Option<AccountNo>,
    /// Case-insensitive substring of reference or memo.
    pub text: Option<String>,
    pub user: Option<String>,
    /// Rows to skip (paging).
    pub offset: usize,
    /// Rows to return; 0 or more than `MAX_REPORT_ROWS` means `MAX_REPORT_ROWS`.
    pub limit: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalPage<'a> {
    /// In posting order (id order).
    pub entries: Vec<&'a PostedEntry>,
    pub total_matches: usize,
}

pub fn journal<'a>(book: &'a Book, filter: &JournalFilter) -> JournalPage<'a> {
    let limit = match filter.limit {
        0 => MAX_REPORT_ROWS,
        n => n.min(MAX_REPORT_ROWS),
    };
    let needle = filter.text.as_ref().map(|t| t.to_lowercase());
    let matches = |e: &PostedEntry| {
        filter.from.is_none_or(|d| e.posting_date >= d)
            && filter.to.is_none_or(|d| e.posting_date <= d)
            && filter.fiscal_year.is_none_or(|y| e.fiscal_year == y)
            && filter.user.as_ref().is_none_or(|u| &e.user == u)
            && needle.as_ref().is_none_or(|n| {
                e.reference.to_lowercase().contains(n) || e.memo.to_lowercase().contains(n)
            })
    };
    // With an account, walk only that account's lines instead of all entries.
    let candidates: Box<dyn Iterator<Item = &PostedEntry>> = match filter.account {
        Some(account) => {
            let mut ids: Vec<u32> = book
                .account_line_refs(account)
                .unwrap_or(&[])
                .iter()
                .map(|r| r.entry)
                .collect();
            ids.dedup();
            Box::new(
                ids.into_iter()
                    .filter_map(|i| book.entries().get(i as usize)),
            )
        }
        None => Box::new(book.entries().iter()),
    };
    let mut page = JournalPage {
        entries: Vec::new(),
        total_matches: 0,
    };
    for entry in candidates.filter(|e| matches(e)) {
        if page.total_matches >= filter.offset && page.entries.len() < limit {
            page.entries.push(entry);
        }
        page.total_matches += 1;
    }
    page
}

impl Book {
    pub fn trial_balance(
        &self,
        from: PeriodRef,
        to: PeriodRef,
    ) -> Result<TrialBalance, DomainError> {
        trial_balance(self, from, to)
    }

    pub fn account_sheet(
        &self,
        account: AccountNo,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<AccountSheet, DomainError> {
        account_sheet(self, account, from, to)
    }

    pub fn journal(&self, filter: &JournalFilter) -> JournalPage<'_> {
        journal(self, filter)
    }
}
