//! Account sheet (Kontoblatt): an account's lines in a date range with
//! the running balance, contra account (Gegenkonto) and, on a
//! foreign-currency account, the FC amounts and FC balance beside LC, from
//! the account's line list. A P&L account opens at zero on the first day
//! of the fiscal year (see `trial_balance`).

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::gl::{AccountCurrency, GlError};
use crate::ledger::types::limits::MAX_REPORT_ROWS;
use crate::ledger::types::{AccountNo, Currency, EntryId, FcAmount, Line, PostedEntry, Side};
use chrono::NaiveDate;
use rust_decimal::Decimal;

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
        .ok_or(GlError::UnknownAccount { account })?;
    let refs = book
        .account_line_refs(account)
        .ok_or(GlError::UnknownAccount { account })?;
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
