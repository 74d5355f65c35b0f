//! The indexes both the proposal and the automatic reconciliation search:
//! a partner's open items as candidates (date order), grouped by the
//! reference of their entry (and by references their memo names), and
//! bucketed by amount in whole cents, so a match is a hash look-up.

use crate::ledger::journal::Journal;
use crate::ledger::open_items::{ItemId, OpenItem};
use crate::ledger::payments::reconcile::ProposalPart;
use crate::ledger::types::Side;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// An open item that may be reconciled on the clearing date.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cand {
    pub id: ItemId,
    pub side: Side,
    pub open: Decimal,
    /// `open` in units of the last LC decimal: the amount index's key.
    pub cents: i128,
    pub date: NaiveDate,
}

/// The open items posted on or before `date`, oldest first.
pub(super) fn candidates<'a>(
    items: impl Iterator<Item = &'a OpenItem>,
    date: NaiveDate,
    decimals: u32,
) -> Vec<Cand> {
    let mut cands: Vec<Cand> = items
        .filter(|i| i.is_open() && i.posting_date <= date)
        .map(|i| Cand {
            id: i.id,
            side: i.side,
            open: i.open_lc,
            cents: cents(i.open_lc, decimals),
            date: i.posting_date,
        })
        .collect();
    cands.sort_by_key(|c| (c.date, c.id));
    cands
}

/// An amount in units of its last decimal (open amounts have at most the
/// LC decimals, so this is exact).
pub(super) fn cents(amount: Decimal, decimals: u32) -> i128 {
    let mut a = amount;
    a.rescale(decimals);
    a.mantissa()
}

/// The items sharing one reference: `(candidate, joined by its memo)`.
pub(super) struct Group {
    pub reference: String,
    pub members: Vec<(usize, bool)>,
}

impl Group {
    pub fn via_memo(&self) -> bool {
        self.members.iter().any(|m| m.1)
    }
}

/// The candidates grouped by their entry's reference (case-insensitive),
/// with the items whose memo names a reference added to its group; only
/// groups with both debit and credit items, ordered by reference.
pub(super) fn reference_groups(journal: &Journal, cands: &[Cand]) -> Vec<Group> {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut groups: Vec<Group> = Vec::new();
    let mut own: Vec<Option<String>> = Vec::with_capacity(cands.len());
    for (i, c) in cands.iter().enumerate() {
        let reference = journal.entry(c.id.entry).map_or("", |e| e.reference.trim());
        if reference.is_empty() {
            own.push(None);
            continue;
        }
        let key = reference.to_lowercase();
        let g = *by_key.entry(key.clone()).or_insert_with(|| {
            groups.push(Group {
                reference: reference.to_string(),
                members: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].members.push((i, false));
        own.push(Some(key));
    }
    for (i, c) in cands.iter().enumerate() {
        let memo = journal.entry(c.id.entry).map_or("", |e| e.memo.as_str());
        for token in memo_tokens(memo) {
            if own[i].as_deref() == Some(token.as_str()) {
                continue;
            }
            if let Some(&g) = by_key.get(&token) {
                groups[g].members.push((i, true));
            }
        }
    }
    groups.retain(|g| {
        let debit = g.members.iter().any(|m| cands[m.0].side == Side::Debit);
        let credit = g.members.iter().any(|m| cands[m.0].side == Side::Credit);
        debit && credit
    });
    groups.sort_by(|a, b| a.reference.cmp(&b.reference));
    groups
}

/// The words of a memo (and the whole memo) that could be a reference,
/// lower-case, each once.
fn memo_tokens(memo: &str) -> Vec<String> {
    let memo = memo.trim();
    if memo.is_empty() {
        return Vec::new();
    }
    let mut tokens = vec![memo.to_lowercase()];
    let words = memo.split(|ch: char| ch.is_whitespace() || ",;:()[]\"'".contains(ch));
    for word in words {
        let word = word.trim_end_matches('.').to_lowercase();
        if !word.is_empty() && !tokens.contains(&word) {
            tokens.push(word);
        }
    }
    tokens
}

/// The candidates of `side` not `used`, by amount, each bucket oldest
/// first.
pub(super) fn amount_index(cands: &[Cand], side: Side, used: &[bool]) -> HashMap<i128, Vec<usize>> {
    let mut index: HashMap<i128, Vec<usize>> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        if c.side == side && !used[i] {
            index.entry(c.cents).or_default().push(i);
        }
    }
    index
}

/// Parts that net `members` to zero: the smaller side in full, the larger
/// side oldest first up to the same amount (its last part partial). `None`
/// when a side is missing.
pub(super) fn net_parts(cands: &[Cand], members: &[usize]) -> Option<(Vec<ProposalPart>, Decimal)> {
    let side_sum = |side: Side| -> Decimal {
        members
            .iter()
            .map(|&m| &cands[m])
            .filter(|c| c.side == side)
            .map(|c| c.open)
            .sum()
    };
    let (debit, credit) = (side_sum(Side::Debit), side_sum(Side::Credit));
    if debit.is_zero() || credit.is_zero() {
        return None;
    }
    let amount = debit.min(credit);
    let mut sorted: Vec<usize> = members.to_vec();
    sorted.sort_by_key(|&m| (cands[m].side == Side::Credit, cands[m].date, cands[m].id));
    sorted.dedup();
    let mut parts = Vec::with_capacity(sorted.len());
    let mut left = [amount, amount];
    for m in sorted {
        let c = &cands[m];
        let rest = &mut left[usize::from(c.side == Side::Credit)];
        if rest.is_zero() {
            continue;
        }
        let take = c.open.min(*rest);
        *rest -= take;
        parts.push(ProposalPart {
            item: c.id,
            side: c.side,
            amount: take,
            partial: take < c.open,
        });
    }
    Some((parts, amount))
}

/// Days between the earliest and the latest of `items`' dates.
pub(super) fn spread(cands: &[Cand], items: impl Iterator<Item = usize>) -> i64 {
    let dates: Vec<NaiveDate> = items.map(|i| cands[i].date).collect();
    match (dates.iter().min(), dates.iter().max()) {
        (Some(lo), Some(hi)) => (*hi - *lo).num_days(),
        _ => 0,
    }
}

/// The position in `bucket` (oldest first) whose date is nearest to
/// `date`, and up to `k` of them, nearest first.
pub(super) fn nearest(cands: &[Cand], bucket: &[usize], date: NaiveDate, k: usize) -> Vec<usize> {
    let split = bucket.partition_point(|&i| cands[i].date < date);
    let (mut lo, mut hi) = (split, split);
    let mut out = Vec::with_capacity(k);
    while out.len() < k && (lo > 0 || hi < bucket.len()) {
        let before = lo
            .checked_sub(1)
            .map(|p| (date - cands[bucket[p]].date).num_days());
        let after = bucket.get(hi).map(|&i| (cands[i].date - date).num_days());
        match (before, after) {
            (Some(b), Some(a)) if b < a => {
                lo -= 1;
                out.push(bucket[lo]);
            }
            (_, Some(_)) => {
                out.push(bucket[hi]);
                hi += 1;
            }
            (Some(_), None) => {
                lo -= 1;
                out.push(bucket[lo]);
            }
            (None, None) => break,
        }
    }
    out
}
