//! Cash discount with its VAT correction (§ 17 UStG): a discount reduces
//! the consideration, so the tax of each rate of the paid invoice is
//! reduced by the discount's share. The gross discount is split over the
//! tax codes of the invoice's entry in proportion to their gross (base +
//! tax), exactly (the parts sum to the discount), and each part is posted
//! as a GROSS line with that tax code: the engine's own tax split writes
//! the VAT correction in the same entry, so the VAT return of the
//! payment's period shows it. Untaxed parts carry no tax code.

use crate::ledger::payments::build::{Frame, Paid, discount_account, discount_side};
use crate::ledger::payments::error::PaymentsError;
use crate::ledger::posting::LineDraft;
use crate::ledger::types::money::round;
use crate::ledger::types::{PostedEntry, Side};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The discount lines of one paid item (`discount_lc`: its gross LC).
pub(crate) fn discount_lines(
    f: &Frame<'_>,
    paid: &Paid<'_>,
    discount_lc: Decimal,
) -> Result<Vec<LineDraft>, PaymentsError> {
    if discount_lc.is_zero() {
        return Ok(Vec::new());
    }
    let weights = match f.cx.journal.entry(paid.item.id.entry) {
        Some(entry) => gross_per_code(entry, paid.item.side),
        None => BTreeMap::new(),
    };
    let side = discount_side(paid.item);
    let mut lines = Vec::with_capacity(weights.len().max(1));
    for (code, part) in split(discount_lc, &weights, f.lc_decimals) {
        if part.is_zero() {
            continue;
        }
        let account = discount_account(f, code.as_deref())?;
        let (debit, credit) = match side {
            Side::Debit => (part, Decimal::ZERO),
            Side::Credit => (Decimal::ZERO, part),
        };
        lines.push(LineDraft {
            account: Some(account),
            debit,
            credit,
            gross: code.is_some(),
            tax_code: code,
            ..LineDraft::default()
        });
    }
    Ok(lines)
}

/// The gross (base + its tax lines) of the invoice's lines per tax code
/// (`None`: untaxed), counting the lines opposite the partner line
/// (`item_side`): revenue or expense and their tax.
pub(crate) fn gross_per_code(
    entry: &PostedEntry,
    item_side: Side,
) -> BTreeMap<Option<String>, Decimal> {
    let mut weights: BTreeMap<Option<String>, Decimal> = BTreeMap::new();
    let other = item_side.opposite();
    for (i, line) in entry.lines.iter().enumerate() {
        if line.partner().is_some() || line.tax().is_some() || line.rounding || line.side != other {
            continue;
        }
        let mut gross = line.amount_lc;
        for tax in entry.lines.iter().filter_map(|l| l.tax().map(|t| (l, t))) {
            if usize::from(tax.1.base_line) == i {
                gross += if tax.0.side == line.side {
                    tax.0.amount_lc
                } else {
                    -tax.0.amount_lc
                };
            }
        }
        *weights
            .entry(line.tax_code().map(str::to_string))
            .or_default() += gross;
    }
    weights.retain(|_, w| *w > Decimal::ZERO);
    weights
}

/// `total` split in proportion to `weights`, exactly: cumulative shares
/// rounded, so the parts sum to `total`. No weights: all untaxed.
pub(crate) fn split(
    total: Decimal,
    weights: &BTreeMap<Option<String>, Decimal>,
    decimals: u32,
) -> Vec<(Option<String>, Decimal)> {
    let sum: Decimal = weights.values().sum();
    if sum.is_zero() {
        return vec![(None, total)];
    }
    let mut parts = Vec::with_capacity(weights.len());
    let mut cumulative = Decimal::ZERO;
    let mut taken = Decimal::ZERO;
    for (code, w) in weights {
        cumulative += w;
        let upto = if cumulative == sum {
            total
        } else {
            round(total * cumulative / sum, decimals)
        };
        parts.push((code.clone(), upto - taken));
        taken = upto;
    }
    parts
}
