//! The automatic reconciliation (automatische Abstimmung): for every
//! partner, first each reference whose open debit and credit items net to
//! zero, then one debit against one credit of the same amount posted at
//! most N days apart (nearest dates first). Only whole items, each in at
//! most one clearing; the clearings are numbered on from the next number
//! and built by the same rules as a manual one.

use crate::ledger::open_items::clearing::ClearingDraft;
use crate::ledger::open_items::{ItemId, OpenItem, OpenItemsEvent, PartDraft};
use crate::ledger::payments::reconcile::index::{Cand, amount_index, candidates, reference_groups};
use crate::ledger::payments::reconcile::{AutoReconcileDraft, ReconcileError};
use crate::ledger::payments::{PaymentSettings, PaymentsError, Step};
use crate::ledger::posting::Context;
use crate::ledger::types::limits::MAX_CLEARING_PARTS;
use crate::ledger::types::{PartnerCode, Side};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The clearings `draft` makes over all partners, in order, or why not.
/// Pure.
pub fn check_auto(
    cx: Context<'_>,
    settings: &PaymentSettings,
    draft: &AutoReconcileDraft,
) -> Result<Vec<Step>, PaymentsError> {
    if !draft.by_reference && !draft.by_amount {
        return Err(ReconcileError::NoRuleChosen.into());
    }
    let days = i64::from(draft.days.unwrap_or(settings.match_days));
    let decimals = cx.gl.settings().lc_decimals();
    let mut per_partner: BTreeMap<PartnerCode, Vec<&OpenItem>> = BTreeMap::new();
    for item in cx.open_items.items() {
        if item.is_open() && item.posting_date <= draft.date {
            per_partner.entry(item.partner).or_default().push(item);
        }
    }
    let mut sets: Vec<(PartnerCode, Vec<ItemId>)> = Vec::new();
    for (partner, items) in per_partner {
        let cands = candidates(items.into_iter(), draft.date, decimals);
        for set in partner_sets(cx, &cands, draft, days) {
            sets.push((partner, set));
        }
    }
    if sets.is_empty() {
        return Err(ReconcileError::NothingToReconcile.into());
    }
    let next = cx.open_items.next_clearing();
    sets.into_iter()
        .zip(next..)
        .map(|((partner, items), number)| {
            let parts: Vec<PartDraft> = items
                .into_iter()
                .map(|item| PartDraft {
                    item,
                    amount_lc: None,
                })
                .collect();
            let request = ClearingDraft {
                partner,
                date: draft.date,
                parts: &parts,
                by: &draft.by,
                at: Some(draft.at),
                reversal: None,
            };
            let mut clearing = cx.open_items.build_clearing(&request, decimals)?;
            clearing.number = number;
            Ok(Step::OpenItems(OpenItemsEvent::ItemsCleared { clearing }))
        })
        .collect()
}

/// One partner's sets of items to clear, disjoint.
fn partner_sets(
    cx: Context<'_>,
    cands: &[Cand],
    draft: &AutoReconcileDraft,
    days: i64,
) -> Vec<Vec<ItemId>> {
    let mut used = vec![false; cands.len()];
    let mut sets = Vec::new();
    if draft.by_reference {
        for group in reference_groups(cx.journal, cands) {
            let mut members: Vec<usize> = group.members.iter().map(|m| m.0).collect();
            members.sort_by_key(|&m| (cands[m].side == Side::Credit, cands[m].date, cands[m].id));
            let net: Decimal = members
                .iter()
                .map(|&m| cands[m].side.sign(cands[m].open))
                .sum();
            let free = members.iter().all(|&m| !used[m]);
            if net.is_zero() && free && members.len() <= MAX_CLEARING_PARTS {
                for &m in &members {
                    used[m] = true;
                }
                sets.push(members.iter().map(|&m| cands[m].id).collect());
            }
        }
    }
    if draft.by_amount {
        let debits = amount_index(cands, Side::Debit, &used);
        let credits = amount_index(cands, Side::Credit, &used);
        let mut keys: Vec<i128> = debits
            .keys()
            .filter(|k| credits.contains_key(k))
            .copied()
            .collect();
        keys.sort_unstable();
        for key in keys {
            if let (Some(d), Some(c)) = (debits.get(&key), credits.get(&key)) {
                pair_within(cands, d, c, days, &mut sets);
            }
        }
    }
    sets
}

/// Pairs debits with credits (both oldest first) posted at most `days`
/// apart, walking both lists once.
fn pair_within(
    cands: &[Cand],
    debits: &[usize],
    credits: &[usize],
    days: i64,
    sets: &mut Vec<Vec<ItemId>>,
) {
    let (mut i, mut j) = (0, 0);
    while let (Some(&d), Some(&c)) = (debits.get(i), credits.get(j)) {
        let gap = (cands[c].date - cands[d].date).num_days();
        if gap.abs() <= days {
            sets.push(vec![cands[d].id, cands[c].id]);
            i += 1;
            j += 1;
        } else if gap > 0 {
            i += 1;
        } else {
            j += 1;
        }
    }
}
