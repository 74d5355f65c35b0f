//! The proposal (Abstimmungsvorschlag): candidate sets of one partner's
//! open items that net to zero, ranked by matching reference, then exact
//! amount (one against one, then one against two), then date proximity.
//!
//! Bounded on purpose: amounts are matched by hash look-up, each item
//! looks at the few nearest-dated items of the same amount, one-against-two
//! only at a window of the nearest-dated items of the other side, and only
//! when the better reasons leave room under `limit`.

use crate::ledger::open_items::ItemId;
use crate::ledger::payments::reconcile::index::{
    Cand, amount_index, candidates, nearest, net_parts, reference_groups, spread,
};
use crate::ledger::payments::reconcile::{Proposal, ProposalPart, Reason};
use crate::ledger::posting::Context;
use crate::ledger::types::limits::MAX_CLEARING_PARTS;
use crate::ledger::types::{PartnerCode, Side};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Same-amount items each item is paired with (nearest dates first).
const PAIRS_PER_ITEM: usize = 2;
/// Other-side items, nearest dated, each item tries as one of two.
const TWO_WINDOW: usize = 16;
/// One-against-two proposals looked for, per proposal asked.
const TWO_PER_LIMIT: usize = 8;

/// Up to `limit` proposals for `partner`'s items open on `date`, best
/// first. Pure; proposals may share items (the user accepts one).
pub fn proposals(
    cx: Context<'_>,
    partner: PartnerCode,
    date: NaiveDate,
    limit: usize,
) -> Vec<Proposal> {
    let decimals = cx.gl.settings().lc_decimals();
    let cands = candidates(cx.open_items.items_of(partner), date, decimals);
    let mut found = Found::default();
    for group in reference_groups(cx.journal, &cands) {
        let members: Vec<usize> = group.members.iter().map(|m| m.0).collect();
        if members.len() > MAX_CLEARING_PARTS {
            continue;
        }
        let reason = if group.via_memo() {
            Reason::MemoNamesReference {
                reference: group.reference.clone(),
            }
        } else {
            Reason::SameReference {
                reference: group.reference.clone(),
            }
        };
        if let Some((parts, amount)) = net_parts(&cands, &members) {
            let days = spread(&cands, members.iter().copied());
            found.push(Proposal {
                reason,
                parts,
                amount,
                days,
            });
        }
    }
    let unused = vec![false; cands.len()];
    let debits = amount_index(&cands, Side::Debit, &unused);
    let credits = amount_index(&cands, Side::Credit, &unused);
    exact_amount(&cands, &credits, &mut found);
    if found.list.len() < limit {
        let cap = found.list.len() + limit.saturating_mul(TWO_PER_LIMIT);
        one_against_two(&cands, [&debits, &credits], cap, &mut found);
    }
    let mut list = found.list;
    list.sort_by_cached_key(|p| {
        let first = p.parts.first().map(|part| part.item);
        (
            p.reason.rank(),
            p.is_partial(),
            p.days,
            p.parts.len(),
            first,
        )
    });
    list.truncate(limit);
    list
}

/// The proposals so far, each set of items once (the best reason first).
#[derive(Default)]
struct Found {
    list: Vec<Proposal>,
    seen: HashSet<Vec<ItemId>>,
}

impl Found {
    fn push(&mut self, proposal: Proposal) {
        let mut key: Vec<ItemId> = proposal.parts.iter().map(|p| p.item).collect();
        key.sort();
        if self.seen.insert(key) {
            self.list.push(proposal);
        }
    }
}

fn full(c: &Cand) -> ProposalPart {
    ProposalPart {
        item: c.id,
        side: c.side,
        amount: c.open,
        partial: false,
    }
}

/// Each debit against the nearest-dated credits of its amount.
fn exact_amount(cands: &[Cand], credits: &HashMap<i128, Vec<usize>>, found: &mut Found) {
    for (i, d) in cands.iter().enumerate() {
        if d.side != Side::Debit {
            continue;
        }
        let Some(bucket) = credits.get(&d.cents) else {
            continue;
        };
        for k in nearest(cands, bucket, d.date, PAIRS_PER_ITEM) {
            found.push(Proposal {
                reason: Reason::ExactAmount,
                parts: vec![full(d), full(&cands[k])],
                amount: d.open,
                days: spread(cands, [i, k].into_iter()),
            });
        }
    }
}

/// Each item against two of the other side that add up to it: one from
/// the nearest-dated window, the other found by its amount. Stops at
/// `cap` proposals in all.
fn one_against_two(
    cands: &[Cand],
    index: [&HashMap<i128, Vec<usize>>; 2],
    cap: usize,
    found: &mut Found,
) {
    let by_side = |side: Side| -> Vec<usize> {
        (0..cands.len())
            .filter(|&i| cands[i].side == side)
            .collect()
    };
    let others = [by_side(Side::Debit), by_side(Side::Credit)];
    for (t, target) in cands.iter().enumerate() {
        let other = usize::from(target.side == Side::Debit);
        for y in nearest(cands, &others[other], target.date, TWO_WINDOW) {
            if found.list.len() >= cap {
                return;
            }
            let rest = target.cents - cands[y].cents;
            let Some(bucket) = (rest > 0).then(|| index[other].get(&rest)).flatten() else {
                continue;
            };
            let Some(z) = nearest(cands, bucket, target.date, 2)
                .into_iter()
                .find(|&z| z != y)
            else {
                continue;
            };
            let (first, second) = if cands[y].date <= cands[z].date {
                (y, z)
            } else {
                (z, y)
            };
            let mut parts = vec![full(target), full(&cands[first]), full(&cands[second])];
            parts.sort_by_key(|p| p.side == Side::Credit);
            found.push(Proposal {
                reason: Reason::OneAgainstTwo,
                parts,
                amount: target.open,
                days: spread(cands, [t, y, z].into_iter()),
            });
        }
    }
}
