//! Journal listing (Journal): posted entries with filters and paging.

use crate::ledger::book::Book;
use crate::ledger::types::limits::MAX_REPORT_ROWS;
use crate::ledger::types::{AccountNo, PostedEntry};
use chrono::NaiveDate;

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
