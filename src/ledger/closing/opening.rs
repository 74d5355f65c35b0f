//! Opening balances (Eröffnungsbilanzwerte) of a company that starts
//! mid-life: one entry holding the user's lines (G/L accounts, or
//! partners, whose lines become open items with their reference and due
//! date) and, per counter account, the line that balances them: G/L lines
//! against the opening-balance account of the G/L determination
//! (Saldenvorträge Sachkonten, 9000), customer lines against 9008 and
//! vendor lines against 9009 when the chart has them next to 9000
//! (SKR03/SKR04), else against the opening-balance account as well.
//! Because the user's lines balance by themselves, the counter lines net
//! to zero over the counter accounts.

use crate::ledger::closing::{ClosingError, OpeningLine};
use crate::ledger::gl::{DeterminationKey, Gl};
use crate::ledger::partners::PartnerKind;
use crate::ledger::posting::{Context, EntryDraft, LineDraft, Pending, Rights, build_entry};
use crate::ledger::types::{AccountNo, PartnerCode, PostedEntry, PostingKey};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Debit − credit over `lines` (zero when they balance).
pub fn opening_difference(lines: &[OpeningLine]) -> Decimal {
    lines.iter().map(|l| l.debit - l.credit).sum()
}

/// The counter account of a partner line: 9008 (customers) or 9009
/// (vendors) where the chart keeps them beside an opening-balance
/// account 9000, else the opening-balance account itself.
pub fn partner_counter(gl: &Gl, opening: AccountNo, kind: Option<PartnerKind>) -> AccountNo {
    let wanted = match kind {
        Some(PartnerKind::Customer) => "9008",
        Some(PartnerKind::Vendor) => "9009",
        None => return opening,
    };
    if opening.as_str() != "9000" {
        return opening;
    }
    AccountNo::parse(wanted)
        .ok()
        .filter(|n| {
            gl.account(*n)
                .is_some_and(|a| a.postable && a.active && !a.control && a.currency.allows(None))
        })
        .unwrap_or(opening)
}

/// The entry of opening balances `lines` on `date`, or why not.
pub(crate) fn opening_entry(
    cx: Context<'_>,
    rights: Rights,
    date: NaiveDate,
    lines: &[OpeningLine],
    key: PostingKey,
    by: &str,
) -> Result<PostedEntry, ClosingError> {
    if lines.is_empty() {
        return Err(ClosingError::OpeningEmpty);
    }
    if let Some(line) = lines
        .iter()
        .position(|l| l.account.is_none() && l.partner.is_none())
    {
        return Err(ClosingError::OpeningLineWithoutAccount { line });
    }
    let difference = opening_difference(lines);
    if !difference.is_zero() {
        return Err(ClosingError::OpeningUnbalanced { difference });
    }
    let opening = cx.gl.determined_account(DeterminationKey::OpeningBalance)?;
    let kind_of = |code: PartnerCode| cx.partners.partner(code).map(|p| p.kind);
    let mut counters: BTreeMap<AccountNo, Decimal> = BTreeMap::new();
    let mut drafts: Vec<LineDraft> = Vec::with_capacity(lines.len() + 3);
    for line in lines {
        let counter = match line.partner {
            Some(code) => partner_counter(cx.gl, opening, kind_of(code)),
            None => opening,
        };
        *counters.entry(counter).or_default() += line.debit - line.credit;
        drafts.push(LineDraft {
            account: line.account,
            debit: line.debit,
            credit: line.credit,
            memo: line.reference.clone(),
            partner: line.partner,
            due_date: line.due_date,
            ..LineDraft::default()
        });
    }
    for (account, net) in counters {
        if net.is_zero() {
            continue;
        }
        let mut counter = if net.is_sign_positive() {
            LineDraft::credit_lc(account, net)
        } else {
            LineDraft::debit_lc(account, -net)
        };
        counter.memo = "Saldenvortrag".to_string();
        drafts.push(counter);
    }
    let draft = EntryDraft {
        posting_date: date,
        document_date: None,
        due_date: None,
        reference: "Eröffnungsbilanzwerte".to_string(),
        memo: "Saldenvorträge (Übernahme)".to_string(),
        user: by.to_string(),
        lines: drafts,
        key: Some(key),
        entered_on: None,
        series: None,
    };
    let entry = build_entry(cx, &draft, rights, &Pending::default())?;
    cx.journal.check_posted(cx.gl, cx.partners, &entry)?;
    Ok(entry)
}
