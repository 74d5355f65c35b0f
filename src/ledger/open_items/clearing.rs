//! Clearing (Ausgleich, interne Abstimmung): items of one partner whose
//! cleared amounts net to zero in LC, so the partner's open amounts keep
//! summing to its balance. A clearing has a number and a date, is
//! cancelled rather than edited, and a cancellation re-opens exactly what
//! it cleared. Payments (the next issue) clear the items they pay the same
//! way; a reversal clears the reversed entry's items against its own
//! (`reversal_clearings`), as a cancellation document does.

use crate::ledger::open_items::OpenItems;
use crate::ledger::open_items::command::{ClearedPart, Clearing, PartDraft};
use crate::ledger::open_items::error::OpenItemsError;
use crate::ledger::open_items::item::{ItemId, OpenItem};
use crate::ledger::types::limits::{MAX_CLEARING_PARTS, MAX_TEXT_LEN};
use crate::ledger::types::money::{decimals_used, round};
use crate::ledger::types::{EntryId, Field, PartnerCode, PostedEntry, Timestamp, check_text};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};

/// What a clearing is asked to do, before it has a number.
pub(crate) struct ClearingDraft<'a> {
    pub partner: PartnerCode,
    pub date: NaiveDate,
    pub parts: &'a [PartDraft],
    pub by: &'a str,
    pub at: Option<Timestamp>,
    pub reversal: Option<EntryId>,
}

impl OpenItems {
    /// The clearing `draft` makes, numbered next, or why not.
    pub(crate) fn build_clearing(
        &self,
        draft: &ClearingDraft<'_>,
        lc_decimals: u32,
    ) -> Result<Clearing, OpenItemsError> {
        check_text(draft.by, Field::User, MAX_TEXT_LEN, true)?;
        let count = draft.parts.len();
        if count < 2 {
            return Err(OpenItemsError::TooFewParts { count });
        }
        if count > MAX_CLEARING_PARTS {
            return Err(OpenItemsError::TooManyParts {
                count,
                max: MAX_CLEARING_PARTS,
            });
        }
        let mut seen = BTreeSet::new();
        let mut parts = Vec::with_capacity(count);
        let mut diff_lc = Decimal::ZERO;
        for (index, part) in draft.parts.iter().enumerate() {
            if !seen.insert(part.item) {
                return Err(OpenItemsError::ItemTwice { index });
            }
            let item = self.part_item(draft, index, part.item)?;
            let amount_lc = part.amount_lc.unwrap_or(item.open_lc);
            check_amount(index, item, amount_lc, lc_decimals)?;
            diff_lc += item.side.sign(amount_lc);
            parts.push(ClearedPart {
                item: part.item,
                amount_lc,
                amount_fc: fc_share(item, amount_lc),
            });
        }
        if !diff_lc.is_zero() {
            return Err(OpenItemsError::ClearingNotBalanced { diff_lc });
        }
        Ok(Clearing {
            number: self.next_clearing(),
            partner: draft.partner,
            date: draft.date,
            parts,
            by: draft.by.to_string(),
            at: draft.at,
            reversal: draft.reversal,
        })
    }

    /// The open item a part names: existing, the partner's, open, posted
    /// on or before the clearing date.
    fn part_item(
        &self,
        draft: &ClearingDraft<'_>,
        index: usize,
        id: ItemId,
    ) -> Result<&OpenItem, OpenItemsError> {
        let item = self
            .item(id)
            .ok_or(OpenItemsError::ItemUnknown { index, item: id })?;
        if item.partner != draft.partner {
            return Err(OpenItemsError::ItemOfOtherPartner {
                index,
                item: id,
                owner: item.partner,
                partner: draft.partner,
            });
        }
        if !item.is_open() {
            return Err(OpenItemsError::ItemNotOpen { index });
        }
        if draft.date < item.posting_date {
            return Err(OpenItemsError::ClearingBeforeItem {
                index,
                posting_date: item.posting_date,
            });
        }
        Ok(item)
    }

    /// Re-checks a clearing read from the log: its number continues, and
    /// it is what the same request would build now.
    pub(crate) fn check_clearing(
        &self,
        clearing: &Clearing,
        lc_decimals: u32,
    ) -> Result<(), OpenItemsError> {
        let expected = self.next_clearing();
        if clearing.number != expected {
            return Err(OpenItemsError::ClearingNumberMismatch {
                expected,
                found: clearing.number,
            });
        }
        let drafts: Vec<PartDraft> = clearing
            .parts
            .iter()
            .map(|p| PartDraft {
                item: p.item,
                amount_lc: Some(p.amount_lc),
            })
            .collect();
        let draft = ClearingDraft {
            partner: clearing.partner,
            date: clearing.date,
            parts: &drafts,
            by: &clearing.by,
            at: clearing.at,
            reversal: clearing.reversal,
        };
        let rebuilt = self.build_clearing(&draft, lc_decimals)?;
        for (index, (a, b)) in rebuilt.parts.iter().zip(&clearing.parts).enumerate() {
            if a.amount_fc != b.amount_fc {
                return Err(OpenItemsError::PartFcMismatch { index });
            }
        }
        Ok(())
    }

    /// The clearings that close `original`'s open items against the items
    /// of its reversal `reversal` (posted on `date` by `by`): one per
    /// partner, numbered from the next number. Each closes what is still
    /// open of an original item against the same amount of its mirror;
    /// what was cleared before (a payment) stays open on the mirror.
    pub fn reversal_clearings(
        &self,
        original: &PostedEntry,
        reversal: EntryId,
        date: NaiveDate,
        by: &str,
    ) -> Vec<Clearing> {
        let mut per_partner: BTreeMap<PartnerCode, Vec<ClearedPart>> = BTreeMap::new();
        for (line, posted) in original.lines.iter().enumerate() {
            let (Some(code), Ok(line)) = (posted.partner_code(), u16::try_from(line)) else {
                continue;
            };
            for installment in 0..=u8::MAX {
                let id = ItemId {
                    entry: original.id,
                    line,
                    installment,
                };
                let Some(item) = self.item(id) else { break };
                if !item.is_open() {
                    continue;
                }
                // The mirror is not folded yet: it will be open in full,
                // so its FC share is computed from the original amounts.
                let amount_lc = item.open_lc;
                let mirror_fc = item.fc.as_ref().map(|f| {
                    share(
                        f.amount_fc,
                        item.amount_lc,
                        amount_lc,
                        f.currency.decimals(),
                    )
                });
                let parts = per_partner.entry(code).or_default();
                parts.push(ClearedPart {
                    item: id,
                    amount_lc,
                    amount_fc: fc_share(item, amount_lc),
                });
                parts.push(ClearedPart {
                    item: ItemId {
                        entry: reversal,
                        ..id
                    },
                    amount_lc,
                    amount_fc: mirror_fc,
                });
            }
        }
        let date = date.max(original.posting_date);
        per_partner
            .into_iter()
            .zip(self.next_clearing()..)
            .map(|((partner, parts), number)| Clearing {
                number,
                partner,
                date,
                parts,
                by: by.to_string(),
                at: None,
                reversal: Some(reversal),
            })
            .collect()
    }

    /// The number the next clearing gets.
    pub fn next_clearing(&self) -> u32 {
        // Fits: clearings are bounded by the items, which by the journal.
        u32::try_from(self.clearings.len() + 1).unwrap_or(u32::MAX)
    }
}

/// A part's LC amount: above zero, within the LC decimals and what is open.
fn check_amount(
    index: usize,
    item: &OpenItem,
    amount: Decimal,
    lc_decimals: u32,
) -> Result<(), OpenItemsError> {
    if amount <= Decimal::ZERO || decimals_used(amount) > lc_decimals {
        return Err(OpenItemsError::PartAmountInvalid {
            index,
            max_decimals: lc_decimals,
        });
    }
    if amount > item.open_lc {
        return Err(OpenItemsError::PartExceedsOpen {
            index,
            amount,
            open: item.open_lc,
        });
    }
    Ok(())
}

/// The FC amount cleared with `amount_lc` of an FC item: all that is open
/// when all LC is, else the same share, rounded to the currency.
fn fc_share(item: &OpenItem, amount_lc: Decimal) -> Option<Decimal> {
    let fc = item.fc.as_ref()?;
    Some(share(
        fc.open_fc,
        item.open_lc,
        amount_lc,
        fc.currency.decimals(),
    ))
}

/// `open_fc` when `amount_lc` is all of `open_lc`, else its share.
fn share(open_fc: Decimal, open_lc: Decimal, amount_lc: Decimal, decimals: u32) -> Decimal {
    if amount_lc == open_lc || open_lc.is_zero() {
        return open_fc;
    }
    round(open_fc * amount_lc / open_lc, decimals)
}
