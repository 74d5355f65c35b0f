//! Partner reports: the partner list (Geschäftspartnerliste) with balance,
//! open and overdue amounts and credit used, filtered by kind and
//! type-to-search; and the partner statement (Kontoauszug) with its
//! running balance. Both read the open-item index per partner, never the
//! whole journal. Amounts are debit positive.

use crate::ledger::book::Book;
use crate::ledger::error::DomainError;
use crate::ledger::partners::{Partner, PartnerKind, PartnersError};
use crate::ledger::types::limits::MAX_REPORT_ROWS;
use crate::ledger::types::{EntryId, FcAmount, Line, LineRef, PartnerCode, PostedEntry, Side};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerListFilter {
    pub kind: Option<PartnerKind>,
    pub as_of: NaiveDate,
    /// Case-insensitive part of the code or the name; empty: all.
    pub search: String,
    pub active_only: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerListRow<'a> {
    pub partner: &'a Partner,
    /// The partner's lines up to `as_of`.
    pub balance_lc: Decimal,
    /// Open at the end of `as_of` (equals the balance unless a clearing is
    /// dated later).
    pub open_lc: Decimal,
    pub overdue_lc: Decimal,
    /// Open receivables over the credit limit, for the bar: `open_lc`
    /// divided by the limit (customers with a positive limit only).
    pub credit_used: Option<Decimal>,
}

/// The partners `filter` selects, in code order.
pub fn partner_list<'a>(book: &'a Book, filter: &PartnerListFilter) -> Vec<PartnerListRow<'a>> {
    let needle = filter.search.trim().to_lowercase();
    book.partners()
        .partners()
        .filter(|p| filter.kind.is_none_or(|k| k == p.kind))
        .filter(|p| !filter.active_only || p.active)
        .filter(|p| {
            needle.is_empty()
                || p.code.as_str().contains(&needle)
                || p.name.to_lowercase().contains(&needle)
        })
        .take(MAX_REPORT_ROWS)
        .map(|p| list_row(book, p, filter.as_of))
        .collect()
}

fn list_row<'a>(book: &'a Book, partner: &'a Partner, as_of: NaiveDate) -> PartnerListRow<'a> {
    let items = book.open_items();
    let (mut balance_lc, mut open_lc, mut overdue_lc) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for item in items.items_of(partner.code) {
        if item.posting_date > as_of {
            continue;
        }
        balance_lc += item.signed_amount_lc();
        let (open, _) = items.open_as_of(item, as_of);
        let signed = item.side.sign(open);
        open_lc += signed;
        if item.due_date < as_of {
            overdue_lc += signed;
        }
    }
    let credit_used = partner
        .credit_limit
        .filter(|l| partner.kind == PartnerKind::Customer && *l > Decimal::ZERO)
        .map(|limit| open_lc / limit);
    PartnerListRow {
        partner,
        balance_lc,
        open_lc,
        overdue_lc,
        credit_used,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementLine {
    pub at: LineRef,
    pub entry: EntryId,
    pub posting_date: NaiveDate,
    pub document_date: NaiveDate,
    pub reference: String,
    /// The line memo, or the entry memo when the line has none.
    pub memo: String,
    pub side: Side,
    pub amount_lc: Decimal,
    pub fc: Option<FcAmount>,
    /// Debit-positive balance after this line.
    pub balance_lc: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartnerStatement {
    pub partner: PartnerCode,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub opening_lc: Decimal,
    /// By posting date, then entry id.
    pub lines: Vec<StatementLine>,
    pub debit_lc: Decimal,
    pub credit_lc: Decimal,
    pub closing_lc: Decimal,
    /// More than `MAX_REPORT_ROWS` lines matched; totals cover all.
    pub truncated: bool,
}

/// The statement (Kontoauszug) of `partner` for `from..=to`.
pub fn partner_statement(
    book: &Book,
    partner: PartnerCode,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<PartnerStatement, DomainError> {
    book.partners()
        .partner(partner)
        .ok_or(PartnersError::PartnerUnknown {
            line: None,
            code: partner,
        })?;
    let refs = book
        .open_items()
        .partner(partner)
        .map_or(&[][..], |p| p.lines.as_slice());
    let mut opening_lc = Decimal::ZERO;
    let mut within = Vec::new();
    for r in refs {
        let Some((entry, line)) = book.line(*r) else {
            continue;
        };
        if entry.posting_date < from {
            opening_lc += line.signed_lc();
        } else if entry.posting_date <= to {
            within.push((*r, entry, line));
        }
    }
    within.sort_by_key(|(_, e, _)| (e.posting_date, e.id));
    let mut statement = PartnerStatement {
        partner,
        from,
        to,
        opening_lc,
        lines: Vec::new(),
        debit_lc: Decimal::ZERO,
        credit_lc: Decimal::ZERO,
        closing_lc: opening_lc,
        truncated: within.len() > MAX_REPORT_ROWS,
    };
    for (at, entry, line) in within {
        match line.side {
            Side::Debit => statement.debit_lc += line.amount_lc,
            Side::Credit => statement.credit_lc += line.amount_lc,
        }
        statement.closing_lc += line.signed_lc();
        if statement.lines.len() < MAX_REPORT_ROWS {
            let balance_lc = statement.closing_lc;
            statement
                .lines
                .push(statement_line(at, entry, line, balance_lc));
        }
    }
    Ok(statement)
}

fn statement_line(
    at: LineRef,
    entry: &PostedEntry,
    line: &Line,
    balance_lc: Decimal,
) -> StatementLine {
    StatementLine {
        at,
        entry: entry.id,
        posting_date: entry.posting_date,
        document_date: entry.document_date,
        reference: entry.reference.clone(),
        memo: if line.memo.is_empty() {
            entry.memo.clone()
        } else {
            line.memo.clone()
        },
        side: line.side,
        amount_lc: line.amount_lc,
        fc: line.fc(),
        balance_lc,
    }
}
