//! From an accepted proposal to the payment the engine posts: the line's
//! money as one transfer on the house bank's account, against the
//! partner's items (and what stays on account) or against G/L lines.
//!
//! A G/L split is exact: its parts add up to the line's amount to the
//! cent. Parts are gross; a part with a tax code becomes the net amount
//! whose tax (as the payment engine computes it) makes the gross again,
//! and when no net amount does (19 % tax skips some gross cents), the
//! cent left over goes on the same account untaxed.

use crate::ledger::bank::house_bank::HouseBank;
use crate::ledger::bank::matching::ProposalAction;
use crate::ledger::bank::rules::{RuleSplit, Share};
use crate::ledger::bank::statement::BankLine;
use crate::ledger::payments::{Direction, GlLineDraft, ItemDraft, Means, MeansDraft, PaymentDraft};
use crate::ledger::posting::Context;
use crate::ledger::types::limits::MAX_TEXT_LEN;
use crate::ledger::types::money::round;
use crate::ledger::types::{PostingKey, Side};
use rust_decimal::Decimal;

/// The gross amount of each part of `splits` for a line of `amount`
/// (absolute): percents rounded, the `Rest` part (or, without one, the
/// last part) taking what the others leave. `None` when a part would not
/// be positive (the rule's amounts exceed the line).
pub fn split_amounts(amount: Decimal, splits: &[RuleSplit], decimals: u32) -> Option<Vec<Decimal>> {
    let mut parts: Vec<Decimal> = splits
        .iter()
        .map(|s| match s.share {
            Share::Percent(p) => round(amount * p / Decimal::ONE_HUNDRED, decimals),
            Share::Amount(a) => a,
            Share::Rest => Decimal::ZERO,
        })
        .collect();
    let taker = splits
        .iter()
        .position(|s| s.share == Share::Rest)
        .or(splits.len().checked_sub(1))?;
    let others: Decimal = parts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != taker)
        .map(|(_, p)| *p)
        .sum();
    let only_amounts = splits.iter().all(|s| matches!(s.share, Share::Amount(_)));
    if only_amounts && others + parts[taker] != amount {
        return None;
    }
    parts[taker] = amount - others;
    parts.iter().all(|p| *p > Decimal::ZERO).then_some(parts)
}

/// Text cut to the engine's limit for a reference or memo.
fn cut(text: &str) -> String {
    text.chars().take(MAX_TEXT_LEN).collect()
}

/// The payment that posts `line` as `action` proposes: direction from the
/// sign, date the booking date, one transfer of the line's amount on the
/// house bank's account, reference the end-to-end id (else the bank's),
/// memo the purpose. A partner's items whose amounts (less discounts,
/// credit notes netted) plus what stays on account miss the line's
/// amount are marked for write-off (the engine checks the tolerance).
pub fn payment_draft(
    cx: Context<'_>,
    house_bank: &HouseBank,
    line: &BankLine,
    action: &ProposalAction,
    user: &str,
    key: PostingKey,
) -> PaymentDraft {
    let mut draft = base_draft(cx, house_bank, line, user, key);
    let amount = line.amount.abs();
    match action {
        ProposalAction::Partner {
            partner,
            items,
            on_account,
        } => {
            let side = match draft.direction {
                Direction::Incoming => Side::Debit,
                Direction::Outgoing => Side::Credit,
            };
            let mut needed = *on_account;
            for p in items {
                let same = cx.open_items.item(p.item).is_none_or(|i| i.side == side);
                let net = p.amount - p.discount;
                needed += if same { net } else { -net };
            }
            draft.partner = Some(*partner);
            draft.items = items
                .iter()
                .map(|p| ItemDraft {
                    item: p.item,
                    amount: p.amount,
                    discount: p.discount,
                })
                .collect();
            draft.on_account = *on_account;
            draft.write_off = needed != amount;
        }
        ProposalAction::Gl { splits } => {
            let decimals = decimals(cx, house_bank);
            let parts = split_amounts(amount, splits, decimals).unwrap_or_default();
            for (split, gross) in splits.iter().zip(parts) {
                draft
                    .gl_lines
                    .extend(gl_lines(cx, line, split, gross, decimals));
            }
        }
    }
    draft
}

/// The payment that parks `line` on the house bank's suspense account
/// (Geldtransit); `None` when the house bank has none.
pub fn suspense_draft(
    cx: Context<'_>,
    house_bank: &HouseBank,
    line: &BankLine,
    user: &str,
    key: PostingKey,
) -> Option<PaymentDraft> {
    let account = house_bank.suspense_account?;
    let mut draft = base_draft(cx, house_bank, line, user, key);
    draft.gl_lines.push(GlLineDraft {
        account,
        amount: line.amount.abs(),
        tax_code: None,
        memo: String::new(),
    });
    Some(draft)
}

fn decimals(cx: Context<'_>, house_bank: &HouseBank) -> u32 {
    let gl = cx.gl.settings();
    if house_bank.currency == gl.lc {
        gl.lc_decimals()
    } else {
        house_bank.currency.decimals()
    }
}

/// Everything but what the money pays.
fn base_draft(
    cx: Context<'_>,
    house_bank: &HouseBank,
    line: &BankLine,
    user: &str,
    key: PostingKey,
) -> PaymentDraft {
    let direction = if line.amount.is_sign_negative() {
        Direction::Outgoing
    } else {
        Direction::Incoming
    };
    let reference = if line.end_to_end_id.is_empty() || line.end_to_end_id == "NOTPROVIDED" {
        &line.bank_reference
    } else {
        &line.end_to_end_id
    };
    PaymentDraft {
        direction,
        partner: None,
        posting_date: line.booking_date,
        document_date: None,
        currency: (house_bank.currency != cx.gl.settings().lc).then_some(house_bank.currency),
        rate_fc_per_lc: None,
        items: Vec::new(),
        on_account: Decimal::ZERO,
        gl_lines: Vec::new(),
        means: vec![MeansDraft {
            means: Means::Transfer,
            account: Some(house_bank.account),
            amount: line.amount.abs(),
            reference: cut(&line.bank_reference),
        }],
        fee: Decimal::ZERO,
        write_off: false,
        late_discount_confirmed: false,
        reference: cut(reference),
        memo: cut(&line.purpose),
        user: user.to_string(),
        key,
    }
}

/// The G/L line(s) of a split part of `gross`: net of its tax code so
/// that net + tax = gross, the cent no net amount reaches untaxed.
fn gl_lines(
    cx: Context<'_>,
    line: &BankLine,
    split: &RuleSplit,
    gross: Decimal,
    decimals: u32,
) -> Vec<GlLineDraft> {
    let memo = cut(&line.purpose);
    let plain = |amount| GlLineDraft {
        account: split.account,
        amount,
        tax_code: None,
        memo: memo.clone(),
    };
    let Some(code) = &split.tax_code else {
        return vec![plain(gross)];
    };
    let tax_of = |net: Decimal| {
        cx.tax
            .code(code)
            .and_then(|tc| tc.split(line.booking_date, net, false, decimals).ok())
            .map(|s| s.tax_lc)
    };
    let Some(first_tax) = cx
        .tax
        .code(code)
        .and_then(|tc| tc.split(line.booking_date, gross, true, decimals).ok())
    else {
        // An unknown code or no rate on the date: the engine says why.
        return vec![GlLineDraft {
            tax_code: Some(code.clone()),
            ..plain(gross)
        }];
    };
    let cent = Decimal::new(1, decimals);
    let mut net = first_tax.net_lc;
    // The largest net whose gross does not exceed the part (a step or two
    // from the first guess).
    for _ in 0..4 {
        match tax_of(net) {
            Some(tax) if net + tax > gross => net -= cent,
            _ => break,
        }
    }
    for _ in 0..4 {
        match tax_of(net + cent) {
            Some(tax) if net + cent + tax <= gross => net += cent,
            _ => break,
        }
    }
    let taxed = net + tax_of(net).unwrap_or_default();
    let mut lines = Vec::new();
    if net > Decimal::ZERO {
        lines.push(GlLineDraft {
            tax_code: Some(code.clone()),
            ..plain(net)
        });
    }
    if gross > taxed || net <= Decimal::ZERO {
        let rest = if net > Decimal::ZERO {
            gross - taxed
        } else {
            gross
        };
        lines.push(plain(rest));
    }
    lines
}
