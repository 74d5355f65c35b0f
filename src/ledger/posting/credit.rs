//! Credit limit (Kreditlimit) and commitment limit (Obligo-Limit) of
//! customers, checked when an entry raises what a customer owes. Exposure
//! is the customer's open receivables (its open items, debit positive)
//! plus this entry's lines for it.
//! - over the credit limit: a notice the grid shows and the user confirms;
//!   the engine posts anyway;
//! - over the commitment limit: refused unless the acting user holds
//!   `Rights::exceed_commitment_limit` (every user does until users and
//!   rights exist; `Book::check_with` lets a caller act without it).
//!
//! Entries of one voucher are checked each against the Book, not against
//! each other.

use crate::ledger::journal::JournalError;
use crate::ledger::partners::{Partner, PartnerKind, PartnersError};
use crate::ledger::posting::draft::EntryDraft;
use crate::ledger::posting::preview::preview_entry;
use crate::ledger::posting::{Context, Rights};
use crate::ledger::types::{Line, PartnerCode};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Which limit an entry takes a customer over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CreditLevel {
    /// Over the credit limit: confirm.
    Credit,
    /// Over the commitment limit: refused without the right.
    Commitment,
}

/// A customer this entry takes over a limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditNotice {
    pub partner: PartnerCode,
    /// Open receivables with this entry (LC).
    pub exposure_lc: Decimal,
    /// The limit it goes over.
    pub limit_lc: Decimal,
    pub level: CreditLevel,
}

/// The customers `lines` take over a limit, in code order, the higher
/// limit first where both are exceeded.
pub fn credit_notices(cx: Context<'_>, lines: &[Line]) -> Vec<CreditNotice> {
    let mut raised: BTreeMap<PartnerCode, Decimal> = BTreeMap::new();
    for line in lines {
        if let Some(code) = line.partner_code() {
            *raised.entry(code).or_default() += line.signed_lc();
        }
    }
    let mut notices = Vec::new();
    for (code, delta) in raised {
        let Some(partner) = cx.partners.partner(code) else {
            continue;
        };
        if partner.kind != PartnerKind::Customer || delta <= Decimal::ZERO {
            continue;
        }
        let exposure_lc = cx.open_items.open_lc(code) + delta;
        notices.extend(over_limits(partner, exposure_lc));
    }
    notices
}

/// `credit_notices` of what `draft` would post, for the grid to ask
/// before posting (lines that cannot post are left out; `Book::check`
/// reports them).
pub fn draft_credit_notices(cx: Context<'_>, draft: &EntryDraft) -> Vec<CreditNotice> {
    let lines: Vec<Line> = preview_entry(cx, draft)
        .lines
        .into_iter()
        .filter_map(|p| p.lines.ok())
        .flatten()
        .collect();
    credit_notices(cx, &lines)
}

fn over_limits(partner: &Partner, exposure_lc: Decimal) -> Vec<CreditNotice> {
    [
        (CreditLevel::Commitment, partner.commitment_limit),
        (CreditLevel::Credit, partner.credit_limit),
    ]
    .into_iter()
    .filter_map(|(level, limit)| {
        let limit_lc = limit.filter(|l| exposure_lc > *l)?;
        Some(CreditNotice {
            partner: partner.code,
            exposure_lc,
            limit_lc,
            level,
        })
    })
    .collect()
}

/// Refuses the entry when it takes a customer over its commitment limit
/// and the user may not exceed it.
pub(crate) fn check_commitment(
    cx: Context<'_>,
    lines: &[Line],
    rights: Rights,
) -> Result<(), JournalError> {
    if rights.exceed_commitment_limit {
        return Ok(());
    }
    let over = credit_notices(cx, lines)
        .into_iter()
        .find(|n| n.level == CreditLevel::Commitment);
    match over {
        Some(n) => Err(PartnersError::CommitmentLimitExceeded {
            code: n.partner,
            exposure: n.exposure_lc,
            limit: n.limit_lc,
        }
        .into()),
        None => Ok(()),
    }
}
