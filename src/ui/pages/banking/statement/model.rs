//! What the statement page shows, read from the Book once per change: the
//! header, the balances to check, and every line with its status (posted
//! as which payment) or, when open, the matcher's ranked proposals.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::ledger::Book;
use crate::ledger::bank::matching::{Matcher, Proposal, ProposalAction};
use crate::ledger::bank::{BankLine, HouseBank, LineRef, Statement};
use crate::ledger::types::EntryId;

/// The statement and what surrounds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Data {
    pub statement: Statement,
    pub bank: HouseBank,
    pub file_name: String,
    pub decimals: u32,
    pub check: Check,
    pub lines: Vec<LineData>,
}

/// The balances the check compares (LC of the bank's G/L account).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Check {
    pub previous_closing: Option<Decimal>,
    /// Book balance of the account before the statement's first day.
    pub booked_before: Decimal,
    /// Book balance up to the statement's last day.
    pub booked_after: Decimal,
    pub lines_sum: Decimal,
    pub open_lines: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Status {
    Posted {
        payment: u32,
        entry: Option<EntryId>,
    },
    Open {
        proposals: Vec<Shown>,
    },
}

/// A proposal and how it reads (partner or accounts, items).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Shown {
    pub proposal: Proposal,
    pub target: String,
    pub items: String,
    /// What stays on the partner's account, unmatched.
    pub on_account: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct LineData {
    pub index: u32,
    pub line: BankLine,
    pub status: Status,
}

/// Proposals shown per line at most (keys 1–9 choose them).
pub(super) const MAX_PROPOSALS: usize = 9;

pub(super) fn data(book: &Book, number: u32) -> Option<Data> {
    let bank = book.bank();
    let statement = bank.statement(number)?.clone();
    let house_bank = bank.house_bank(&statement.house_bank)?.clone();
    let end_to_end = book.payment_runs().end_to_end_index(bank);
    let matcher = Matcher::new(book.context(), book.payments(), bank).with_end_to_end(&end_to_end);
    let lines = statement
        .lines
        .iter()
        .zip(0u32..)
        .map(|(line, index)| line_data(book, &matcher, &house_bank, number, index, line))
        .collect::<Vec<_>>();
    let check = check(book, &statement, &house_bank, &lines);
    Some(Data {
        file_name: bank
            .file(statement.file)
            .map(|f| f.name.clone())
            .unwrap_or_default(),
        decimals: statement.currency.decimals(),
        statement,
        bank: house_bank,
        check,
        lines,
    })
}

fn line_data(
    book: &Book,
    matcher: &Matcher<'_>,
    house_bank: &HouseBank,
    statement: u32,
    index: u32,
    line: &BankLine,
) -> LineData {
    let at = LineRef {
        statement,
        line: index,
    };
    let status = match book.bank_line_payment(at) {
        Some(payment) => Status::Posted {
            payment,
            entry: book.payments().payment(payment).map(|r| r.payment.entry),
        },
        None => Status::Open {
            proposals: matcher
                .propose(house_bank, line)
                .into_iter()
                .take(MAX_PROPOSALS)
                .map(|p| shown(book, p))
                .collect(),
        },
    };
    LineData {
        index,
        line: line.clone(),
        status,
    }
}

fn shown(book: &Book, proposal: Proposal) -> Shown {
    let (target, items) = match &proposal.action {
        ProposalAction::Partner { partner, items, .. } => {
            let name = book
                .partner(*partner)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            let refs = items
                .iter()
                .map(|i| reference_of(book, i.item.entry))
                .collect::<Vec<_>>()
                .join(", ");
            (format!("{partner} {name}"), refs)
        }
        ProposalAction::Gl { splits } => (
            splits
                .iter()
                .map(|s| s.account.as_str().to_string())
                .collect::<Vec<_>>()
                .join(" + "),
            String::new(),
        ),
    };
    let on_account = match &proposal.action {
        ProposalAction::Partner { on_account, .. } => *on_account,
        ProposalAction::Gl { .. } => Decimal::ZERO,
    };
    Shown {
        proposal,
        target,
        items,
        on_account,
    }
}

/// An entry's reference, or its number when it has none.
pub(super) fn reference_of(book: &Book, entry: EntryId) -> String {
    match book.entry(entry) {
        Some(e) if !e.reference.trim().is_empty() => e.reference.clone(),
        Some(e) => format!("{}/{}", e.fiscal_year, e.number),
        None => String::new(),
    }
}

/// The balance check: the previous statement of the house bank (not
/// intraday), and the bank account's book balance before the statement's
/// first day and up to its last day.
fn check(book: &Book, s: &Statement, bank: &HouseBank, lines: &[LineData]) -> Check {
    let previous_closing = book
        .bank()
        .statements()
        .iter()
        .rfind(|p| p.number < s.number && p.house_bank == s.house_bank && !p.intraday)
        .and_then(|p| p.closing.map(|c| c.amount));
    let first = s.lines.iter().map(|l| l.booking_date).min();
    let last = s.lines.iter().map(|l| l.booking_date).max();
    let start = first.or(s.opening.map(|o| o.date + chrono::Days::new(1)));
    let end = last.max(s.closing.map(|c| c.date));
    Check {
        previous_closing,
        booked_before: start.map_or(Decimal::ZERO, |d| booked(book, bank, |p| p < d)),
        booked_after: end.map_or(Decimal::ZERO, |d| booked(book, bank, |p| p <= d)),
        lines_sum: s.lines.iter().map(|l| l.amount).sum(),
        open_lines: lines
            .iter()
            .filter(|l| matches!(l.status, Status::Open { .. }))
            .count(),
    }
}

/// The bank account's balance (debit positive) over entries whose posting
/// date passes `when`.
fn booked(book: &Book, bank: &HouseBank, when: impl Fn(NaiveDate) -> bool) -> Decimal {
    book.account_line_refs(bank.account)
        .unwrap_or_default()
        .iter()
        .filter_map(|r| book.line(*r))
        .filter(|(e, _)| when(e.posting_date))
        .map(|(_, l)| l.signed_lc())
        .sum()
}
