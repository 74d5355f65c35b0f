//! Account sheet (Kontoblatt): an account's lines in a date range with
//! the running balance, from the account's line list.

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::gl::GlError;
use crate::ledger::types::limits::MAX_REPORT_ROWS;
use crate::ledger::types::{AccountNo, EntryId, FcAmount, Side};
use chrono::NaiveDate;
use rust_decimal::Decimal;

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
        .ok_or(GlError::UnknownAccount { account })?;
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
