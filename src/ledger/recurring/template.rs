//! Posting templates (Kontierungsmuster): a named split of an amount by
//! percent over accounts, e.g. "Kfz-Kosten 70 % 4530 / 30 % 4580". The
//! shares are rounded so that they sum exactly to the amount (largest
//! remainder, as `costing::split` rounds a distribution rule: every share
//! rounded down, the minor units left over go to the largest remainders,
//! equal remainders in line order).

use crate::ledger::costing::{CostingError, dimension_number};
use crate::ledger::journal::JournalError;
use crate::ledger::posting::Context;
use crate::ledger::recurring::error::RecurringError;
use crate::ledger::tax::TaxError;
use crate::ledger::types::limits::{DIMENSIONS, MAX_NAME_LEN, MAX_TEXT_LEN};
use crate::ledger::types::money::{decimals_used, minor_unit};
use crate::ledger::types::{AccountNo, Field, check_text, valid_code};
use rust_decimal::{Decimal, RoundingStrategy};

/// Longest template code.
pub const MAX_TEMPLATE_CODE_LEN: usize = 20;
/// Most lines of one template.
pub const MAX_TEMPLATE_LINES: usize = 50;
/// Decimals of a share in percent.
pub const MAX_PERCENT_DECIMALS: u32 = 2;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TemplateLine {
    pub account: AccountNo,
    /// Share in percent (> 0, at most two decimals); a template's shares
    /// sum to exactly 100.
    pub percent: Decimal,
    pub tax_code: Option<String>,
    pub dims: [Option<String>; DIMENSIONS],
    pub memo: String,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PostingTemplate {
    pub code: String,
    pub name: String,
    pub lines: Vec<TemplateLine>,
}

/// Splits `amount` by the template's shares, one amount per line with
/// `decimals` places, summing exactly to `amount` (a negative amount
/// splits like its absolute value, every share negative).
pub fn split(template: &PostingTemplate, amount: Decimal, decimals: u32) -> Vec<Decimal> {
    let percents: Vec<Decimal> = template.lines.iter().map(|l| l.percent).collect();
    split_by(&percents, amount, decimals)
}

/// `split` over bare weights (percents need not sum to 100; a zero total
/// gives zeros).
pub fn split_by(weights: &[Decimal], amount: Decimal, decimals: u32) -> Vec<Decimal> {
    let total: Decimal = weights.iter().sum();
    if total.is_zero() || weights.is_empty() {
        return vec![Decimal::ZERO; weights.len()];
    }
    let negative = amount.is_sign_negative();
    let amount = amount.abs();
    let mut shares: Vec<(Decimal, Decimal)> = weights
        .iter()
        .map(|w| {
            let exact = amount * *w / total;
            let floor = exact.round_dp_with_strategy(decimals, RoundingStrategy::ToZero);
            (floor, exact - floor)
        })
        .collect();
    let unit = minor_unit(decimals);
    let mut rest = amount - shares.iter().map(|s| s.0).sum::<Decimal>();
    let mut order: Vec<usize> = (0..shares.len()).collect();
    // Stable: equal remainders keep line order.
    order.sort_by(|&a, &b| shares[b].1.cmp(&shares[a].1));
    for &i in order.iter().cycle().take(order.len() * 2) {
        if rest < unit {
            break;
        }
        shares[i].0 += unit;
        rest -= unit;
    }
    // Left only when `amount` has more places than `decimals`.
    if !rest.is_zero()
        && let Some(&first) = order.first()
    {
        shares[first].0 += rest;
    }
    shares
        .into_iter()
        .map(|(s, _)| if negative { -s } else { s })
        .collect()
}

/// A template's rules: a code, a name, 1 to `MAX_TEMPLATE_LINES` lines,
/// each on a postable active account that is not a control account, with
/// a known tax code and known centres, a share above 0 with at most two
/// decimals, the shares summing to exactly 100.
pub fn check_template(cx: Context<'_>, t: &PostingTemplate) -> Result<(), RecurringError> {
    if !valid_code(&t.code, MAX_TEMPLATE_CODE_LEN) {
        return Err(RecurringError::InvalidCode {
            code: t.code.clone(),
            max: MAX_TEMPLATE_CODE_LEN,
        });
    }
    check_name(&t.name)?;
    if t.lines.is_empty() {
        return Err(RecurringError::NoLines);
    }
    if t.lines.len() > MAX_TEMPLATE_LINES {
        return Err(RecurringError::TooManyLines {
            count: t.lines.len(),
            max: MAX_TEMPLATE_LINES,
        });
    }
    for (line, l) in t.lines.iter().enumerate() {
        if l.percent <= Decimal::ZERO
            || l.percent > Decimal::ONE_HUNDRED
            || decimals_used(l.percent) > MAX_PERCENT_DECIMALS
        {
            return Err(RecurringError::InvalidPercent {
                line,
                percent: l.percent,
            });
        }
        check_line(cx, line, l)?;
    }
    let sum: Decimal = t.lines.iter().map(|l| l.percent).sum();
    if sum != Decimal::ONE_HUNDRED {
        return Err(RecurringError::SharesNot100 { sum });
    }
    Ok(())
}

/// A name: not blank, at most `MAX_NAME_LEN` characters.
pub(super) fn check_name(name: &str) -> Result<(), RecurringError> {
    if name.trim().is_empty() || name.chars().count() > MAX_NAME_LEN {
        return Err(RecurringError::InvalidName { max: MAX_NAME_LEN });
    }
    Ok(())
}

fn check_line(cx: Context<'_>, line: usize, l: &TemplateLine) -> Result<(), RecurringError> {
    let account = l.account;
    let Some(a) = cx.gl.account(account) else {
        return Err(JournalError::AccountNotFound { line, account }.into());
    };
    if !a.postable || a.control {
        return Err(JournalError::AccountNotPostable { line, account }.into());
    }
    if !a.active {
        return Err(JournalError::AccountInactive { line, account }.into());
    }
    if let Some(code) = &l.tax_code
        && cx.tax.code(code).is_none()
    {
        return Err(JournalError::Tax(TaxError::TaxCodeUnknown {
            line: Some(line),
            code: code.clone(),
        })
        .into());
    }
    for (slot, code) in l.dims.iter().enumerate() {
        let Some(code) = code else { continue };
        let dimension = dimension_number(slot);
        if cx.costing.lookup(dimension, code).is_none() {
            return Err(JournalError::Costing(CostingError::CentreUnknown {
                line: Some(line),
                dimension,
                code: code.clone(),
            })
            .into());
        }
    }
    check_text(&l.memo, Field::LineMemo { line }, MAX_TEXT_LEN, false)?;
    Ok(())
}
