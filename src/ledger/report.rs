//! Reports (Berichte) as pure functions of the Book:
//! - trial balance (Summen- und Saldenliste) for a period range, read from
//!   the (account, period) balance index, never from lines;
//! - account sheet (Kontoblatt) with running balance, contra account
//!   (Gegenkonto) and, on a foreign-currency account, the FC amounts and
//!   FC balance beside LC, from the account's line list;
//! - journal listing (Journal) with filters and a row limit.
//!
//! Opening balances follow the bookkeeper's rule: balance-sheet accounts
//! (asset, liability, equity) carry everything posted before the report
//! starts; profit-and-loss accounts (revenue, expense) start every fiscal
//! year at zero, so their opening is what the report's own fiscal year
//! posted before its start. The P&L result of the earlier fiscal years is
//! not lost: the trial balance shows it as the result carried forward
//! (Ergebnisvortrag), a balance-sheet line of its own, until a year-end
//! closing (a later issue) books it to an equity account. So the opening
//! balances of a report, carried-forward line included, always sum to
//! zero. A report whose range starts in the first period of the first year
//! sees nothing carried: its closing balances are the cumulative ones
//! hledger and ledger print (the cross-checks compare exactly these).
//! A range may span fiscal years (the command-line balance does); the
//! reset applies at the range's start, its movements are the range's.

use crate::ledger::account::{AccountCurrency, AccountNo};
use crate::ledger::book::{Book, Totals};
use crate::ledger::currency::Currency;
use crate::ledger::entry::{EntryId, FcAmount, Line, PostedEntry};
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
    /// Ergebnisvortrag: the P&L result of the fiscal years before the one
    /// `from` lies in (debit-positive, so a profit is negative), shown on
    /// the balance-sheet side; no movements, so opening = closing. With
    /// it, `rows` open and close at a sum of zero.
    pub carried_forward_lc: Decimal,
    pub carried_forward_sc: Decimal,
    pub total_debit_lc: Decimal,
    pub total_credit_lc: Decimal,
    pub total_debit_sc: Decimal,
    pub total_credit_sc: Decimal,
}

/// Trial balance from period `from` to `to` (both included). Reads the
/// balance index: `accounts × periods` sums, never a line.
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
        carried_forward_lc: Decimal::ZERO,
        carried_forward_sc: Decimal::ZERO,
        total_debit_lc: Decimal::ZERO,
        total_credit_lc: Decimal::ZERO,
        total_debit_sc: Decimal::ZERO,
        total_credit_sc: Decimal::ZERO,
    };
    if start > end {
        return Ok(report);
    }
    let year_start = calendar.year_start_index(start);
    let mut carried = Totals::default();
    for account in book.accounts() {
        let Some(per_period) = book.account_totals(account.number) else {
            continue;
        };
        // P&L accounts open at zero in every fiscal year; what earlier
        // years posted on them is the result carried forward.
        let opens_at = if account.account_type.is_profit_and_loss() {
            per_period[..year_start].iter().for_each(|t| carried.add(t));
            year_start
        } else {
            0
        };
        let mut before = Totals::default();
        per_period[opens_at..start]
            .iter()
            .for_each(|t| before.add(t));
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
    report.carried_forward_lc = carried.balance_lc();
    report.carried_forward_sc = carried.balance_sc();
    Ok(report)
}

/// Gegenkonto of a sheet line: the account on the other side of its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contra {
    /// The other side's account; when it has several, the one with the
    /// largest LC amount (the first of equal ones).
    pub account: AccountNo,
    /// How many further accounts the other side has: 0 for an entry of two
    /// accounts, more for a split entry (shown as "8400 + 2").
    pub others: usize,
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
    /// Debit-positive FC balance after this line (foreign-currency
    /// accounts only, see `AccountSheet::fc`).
    pub balance_fc: Option<Decimal>,
    /// Gegenkonto; `None` only if the other side is empty.
    pub contra: Option<Contra>,
    pub reverses: Option<EntryId>,
    pub reversed_by: Option<EntryId>,
}

/// The foreign-currency side of the sheet of an account kept in one
/// foreign currency (`AccountCurrency::Foreign`): every line on such an
/// account carries an FC amount in that currency, so it has an FC balance.
/// Accounts open to all currencies mix currencies and have none; their
/// lines still show their own FC amounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SheetFc {
    pub currency: Currency,
    pub opening_fc: Decimal,
    pub debit_fc: Decimal,
    pub credit_fc: Decimal,
    pub closing_fc: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountSheet {
    pub account: AccountNo,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Debit-positive balance before `from`; for a P&L account only what
    /// `from`'s fiscal year posted before it (see the module doc).
    pub opening_lc: Decimal,
    /// By posting date, then entry id.
    pub lines: Vec<SheetLine>,
    pub debit_lc: Decimal,
    pub credit_lc: Decimal,
    pub closing_lc: Decimal,
    pub fc: Option<SheetFc>,
    /// More than `MAX_REPORT_ROWS` lines matched; totals still cover all.
    pub truncated: bool,
}

/// Gegenkonto of line `index` of `entry`. The other side's lines typed by
/// the user count; the lines the engine generated (tax lines of a tax
/// code, rounding lines) count only when the other side has nothing else,
/// as in DATEV, where "1200 an 8400 with tax code" shows 8400 and not the
/// VAT account. Of several accounts the largest LC amount wins, and
/// `others` says how many more there are.
pub fn contra_of(entry: &PostedEntry, index: usize) -> Option<Contra> {
    let line = entry.lines.get(index)?;
    let generated = |l: &Line| l.rounding || l.tax().is_some();
    let opposite: Vec<&Line> = entry.lines.iter().filter(|l| l.side != line.side).collect();
    let typed: Vec<&Line> = opposite.iter().copied().filter(|l| !generated(l)).collect();
    let candidates = if typed.is_empty() { opposite } else { typed };
    let mut largest: Option<&Line> = None;
    let mut accounts: Vec<AccountNo> = Vec::new();
    for l in candidates {
        if largest.is_none_or(|b| l.amount_lc > b.amount_lc) {
            largest = Some(l);
        }
        if !accounts.contains(&l.account) {
            accounts.push(l.account);
        }
    }
    largest.map(|l| Contra {
        account: l.account,
        others: accounts.len() - 1,
    })
}

/// The signed FC amount a line puts on an account kept in `currency`.
fn signed_fc(line: &Line, currency: Currency) -> Decimal {
    line.fc()
        .filter(|f| f.currency == currency)
        .map_or(Decimal::ZERO, |f| line.side.sign(f.amount_fc))
}

/// Account sheet of `account` for `from..=to` (posting dates).
pub fn account_sheet(
    book: &Book,
    account: AccountNo,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<AccountSheet, DomainError> {
    let found = book
        .account(account)
        .ok_or(DomainError::UnknownAccount { account })?;
    let refs = book
        .account_line_refs(account)
        .ok_or(DomainError::UnknownAccount { account })?;
    // P&L accounts open at zero on the first day of `from`'s fiscal year.
    let opens_at = match found.account_type.is_profit_and_loss() {
        true => book.calendar().fiscal_year_start(from),
        false => None,
    };
    let fc_currency = match found.currency {
        AccountCurrency::Foreign(c) => Some(c),
        AccountCurrency::Local | AccountCurrency::All => None,
    };
    let mut opening = (Decimal::ZERO, Decimal::ZERO);
    let mut within = Vec::new();
    for r in refs {
        let Some((entry, line)) = book.line(*r) else {
            continue;
        };
        let date = entry.posting_date;
        if date < from {
            if opens_at.is_none_or(|start| date >= start) {
                opening.0 += line.signed_lc();
                opening.1 += fc_currency.map_or(Decimal::ZERO, |c| signed_fc(line, c));
            }
        } else if date <= to {
            within.push((entry, r.line as usize));
        }
    }
    within.sort_by_key(|(e, _)| (e.posting_date, e.id));
    let mut sheet = AccountSheet {
        account,
        from,
        to,
        opening_lc: opening.0,
        lines: Vec::new(),
        debit_lc: Decimal::ZERO,
        credit_lc: Decimal::ZERO,
        closing_lc: opening.0,
        fc: fc_currency.map(|currency| SheetFc {
            currency,
            opening_fc: opening.1,
            debit_fc: Decimal::ZERO,
            credit_fc: Decimal::ZERO,
            closing_fc: opening.1,
        }),
        truncated: within.len() > MAX_REPORT_ROWS,
    };
    for (entry, index) in within {
        add_sheet_line(book, &mut sheet, entry, index);
    }
    Ok(sheet)
}

/// Adds line `index` of `entry` to the sheet's totals and, below the row
/// limit, to its lines.
fn add_sheet_line(book: &Book, sheet: &mut AccountSheet, entry: &PostedEntry, index: usize) {
    let line = &entry.lines[index];
    match line.side {
        Side::Debit => sheet.debit_lc += line.amount_lc,
        Side::Credit => sheet.credit_lc += line.amount_lc,
    }
    sheet.closing_lc += line.signed_lc();
    if let Some(fc) = &mut sheet.fc {
        let amount = signed_fc(line, fc.currency);
        match line.side {
            Side::Debit => fc.debit_fc += amount,
            Side::Credit => fc.credit_fc -= amount,
        }
        fc.closing_fc += amount;
    }
    if sheet.lines.len() >= MAX_REPORT_ROWS {
        return;
    }
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
        balance_fc: sheet.fc.map(|f| f.closing_fc),
        contra: contra_of(entry, index),
        reverses: entry.reverses,
        reversed_by: book.reversed_by(entry.id),
    });
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
