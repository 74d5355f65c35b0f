//! A payment as one entry and one clearing (Zahlung buchen).
//!
//! The entry is built from ONE `EntryDraft` by `posting::build_entry`, so
//! periods, numbering, the idempotency key, tax lines and rounding are
//! the journal's own. Its line 0 is the partner line on the control
//! account (one item: its due date is the payment date); the means, G/L,
//! fee, discount, write-off and exchange-difference lines follow. The
//! clearing then closes the paid items against that line's item, whose
//! id is known before it exists (entry = the next id, line 0,
//! installment 0); the Book folds the entry first.
//!
//! Signs: "debit positive" throughout; `dir` is +1 for incoming money
//! (the means are debited) and −1 for outgoing.

use crate::ledger::gl::DeterminationKey;
use crate::ledger::gl::fx::lc_from_fc;
use crate::ledger::open_items::OpenItemsError;
use crate::ledger::open_items::{ClearedPart, Clearing, ItemId, OpenItem};
use crate::ledger::partners::{Partner, PartnerKind, PartnersError};
use crate::ledger::payments::Payments;
use crate::ledger::payments::command::{PaidItem, PaidMeans, Payment, PaymentsEvent, Step};
use crate::ledger::payments::discount::discount_lines;
use crate::ledger::payments::draft::{Direction, Means, PaymentDraft};
use crate::ledger::payments::error::{PaymentField, PaymentsError};
use crate::ledger::payments::offer::item_offer;
use crate::ledger::payments::settings::PaymentSettings;
use crate::ledger::posting::{Context, EntryDraft, LineDraft, Pending, Rights, build_entry};
use crate::ledger::types::limits::MAX_CLEARING_PARTS;
use crate::ledger::types::money::{decimals_used, round};
use crate::ledger::types::{AccountNo, Currency, EntryId, PostedEntry, Side, Timestamp};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// One paid item, checked: the item, the amounts in the payment currency
/// and the LC share of the item's booked amount the payment takes off.
pub(crate) struct Paid<'a> {
    pub item: &'a OpenItem,
    pub amount: Decimal,
    pub discount: Decimal,
    pub share_lc: Decimal,
}

/// What the lines are built from.
pub(crate) struct Frame<'a> {
    pub cx: Context<'a>,
    pub settings: &'a PaymentSettings,
    pub draft: &'a PaymentDraft,
    pub partner: Option<&'a Partner>,
    /// The payment currency; `None` for LC.
    pub fc: Option<Currency>,
    /// Units of FC per LC for an FC payment.
    pub rate: Decimal,
    pub decimals: u32,
    pub lc_decimals: u32,
    pub dir: Decimal,
}

impl Frame<'_> {
    /// LC of an amount in the payment currency, as `build_entry` converts.
    pub fn lc(&self, amount: Decimal) -> Decimal {
        match self.fc {
            Some(_) => lc_from_fc(amount, self.rate, self.lc_decimals),
            None => amount,
        }
    }

    /// A line in the payment currency, debit when `signed` is positive.
    pub fn line(&self, account: Option<AccountNo>, signed: Decimal) -> LineDraft {
        let line = signed_line(account, signed);
        match self.fc {
            Some(c) => line.in_fc(c, Some(self.rate)),
            None => line,
        }
    }
}

/// An LC line, debit when `signed` is positive.
pub(crate) fn signed_line(account: Option<AccountNo>, signed: Decimal) -> LineDraft {
    LineDraft {
        account,
        debit: signed.max(Decimal::ZERO),
        credit: (-signed).max(Decimal::ZERO),
        ..LineDraft::default()
    }
}

/// The steps of `Post`: the entry, the clearing, the payment.
pub(crate) fn check_post(
    payments: &Payments,
    cx: Context<'_>,
    rights: Rights,
    draft: &PaymentDraft,
    at: Timestamp,
) -> Result<Vec<Step>, PaymentsError> {
    let frame = frame(cx, &payments.settings, draft)?;
    check_amounts(&frame)?;
    let paid = paid_items(&frame)?;
    let lines = entry_lines(&frame, &paid)?;
    let entry_draft = EntryDraft {
        posting_date: draft.posting_date,
        document_date: draft.document_date,
        due_date: None,
        reference: draft.reference.clone(),
        memo: draft.memo.clone(),
        user: draft.user.clone(),
        lines: lines.drafts,
        key: Some(draft.key),
        // Derived from the payment: the rules on typed entries do not apply.
        entered_on: None,
        series: None,
    };
    let entry = build_entry(cx, &entry_draft, rights, &Pending::default())?;
    let clearing = clearing(&frame, &paid, &entry, at)?;
    let payment = Payment {
        number: payments.next_number(),
        direction: draft.direction,
        partner: draft.partner,
        date: draft.posting_date,
        currency: frame.fc,
        entry: entry.id,
        clearing: clearing.as_ref().map(|c| c.number),
        means: lines.means,
        items: paid
            .iter()
            .map(|p| PaidItem {
                item: p.item.id,
                amount: p.amount,
                discount: p.discount,
            })
            .collect(),
        on_account: draft.on_account,
        fee: draft.fee,
        write_off_lc: lines.write_off_lc,
        reference: draft.reference.clone(),
        by: draft.user.clone(),
        at,
        key: draft.key,
    };
    let mut steps = vec![Step::Entry(Box::new(entry))];
    if let Some(clearing) = clearing {
        steps.push(Step::OpenItems(
            crate::ledger::open_items::OpenItemsEvent::ItemsCleared { clearing },
        ));
    }
    steps.push(Step::Payments(PaymentsEvent::PaymentPosted {
        payment: Box::new(payment),
    }));
    Ok(steps)
}

fn frame<'a>(
    cx: Context<'a>,
    settings: &'a PaymentSettings,
    draft: &'a PaymentDraft,
) -> Result<Frame<'a>, PaymentsError> {
    let gl = cx.gl.settings();
    let partner = match draft.partner {
        Some(code) => Some(
            cx.partners
                .partner(code)
                .ok_or(PartnersError::PartnerUnknown { line: None, code })?,
        ),
        None => None,
    };
    let fc = draft.currency.filter(|&c| c != gl.lc);
    let rate = match fc {
        Some(c) => match draft.rate_fc_per_lc {
            Some(r) => {
                crate::ledger::gl::RateTable::check_rate(c, r)?;
                r
            }
            None => cx.gl.rates().rate_on(c, draft.posting_date)?,
        },
        None => Decimal::ONE,
    };
    let dir = match draft.direction {
        Direction::Incoming => Decimal::ONE,
        Direction::Outgoing => Decimal::NEGATIVE_ONE,
    };
    Ok(Frame {
        cx,
        settings,
        draft,
        partner,
        fc,
        rate,
        decimals: fc.map_or(gl.lc_decimals(), |c| c.decimals()),
        lc_decimals: gl.lc_decimals(),
        dir,
    })
}

/// Means present, every amount not negative and within the decimals.
fn check_amounts(f: &Frame<'_>) -> Result<(), PaymentsError> {
    let d = f.draft;
    if d.means.is_empty() {
        return Err(PaymentsError::NoMeans);
    }
    if d.partner.is_none() && (!d.items.is_empty() || !d.on_account.is_zero()) {
        return Err(PaymentsError::PartnerMissing);
    }
    if d.items.is_empty() && d.on_account.is_zero() && d.gl_lines.is_empty() {
        return Err(PaymentsError::NothingToPay);
    }
    let bad = |amount: Decimal, zero_ok: bool| {
        amount.is_sign_negative() && !amount.is_zero()
            || amount.is_zero() && !zero_ok
            || decimals_used(amount) > f.decimals
    };
    let invalid = |field| PaymentsError::AmountInvalid {
        field,
        max_decimals: f.decimals,
    };
    for (index, item) in d.items.iter().enumerate() {
        if bad(item.amount, false) {
            return Err(invalid(PaymentField::ItemAmount { index }));
        }
        if bad(item.discount, true) {
            return Err(invalid(PaymentField::ItemDiscount { index }));
        }
        if item.discount > item.amount {
            return Err(PaymentsError::DiscountExceedsAmount { index });
        }
    }
    for (index, m) in d.means.iter().enumerate() {
        if bad(m.amount, false) {
            return Err(invalid(PaymentField::Means { index }));
        }
    }
    for (index, l) in d.gl_lines.iter().enumerate() {
        if bad(l.amount, false) {
            return Err(invalid(PaymentField::GlLine { index }));
        }
    }
    if bad(d.on_account, true) {
        return Err(invalid(PaymentField::OnAccount));
    }
    if bad(d.fee, true) {
        return Err(invalid(PaymentField::Fee));
    }
    Ok(())
}

/// Each named item: existing, the partner's, open, in the payment's
/// currency, not overpaid, a discount in time or confirmed.
fn paid_items<'a>(f: &Frame<'a>) -> Result<Vec<Paid<'a>>, PaymentsError> {
    let mut seen = BTreeSet::new();
    let mut paid = Vec::with_capacity(f.draft.items.len());
    for (index, d) in f.draft.items.iter().enumerate() {
        if !seen.insert(d.item) {
            return Err(PaymentsError::ItemTwice { index });
        }
        let item =
            f.cx.open_items
                .item(d.item)
                .ok_or(PaymentsError::ItemUnknown {
                    index,
                    item: d.item,
                })?;
        check_item(f, index, item, d.amount, d.discount)?;
        let open_fc = item.fc.as_ref().map(|x| x.open_fc);
        let share_lc = match open_fc {
            Some(open) if d.amount != open => round(item.open_lc * d.amount / open, f.lc_decimals),
            Some(_) => item.open_lc,
            None => d.amount,
        };
        paid.push(Paid {
            item,
            amount: d.amount,
            discount: d.discount,
            share_lc,
        });
    }
    Ok(paid)
}

fn check_item(
    f: &Frame<'_>,
    index: usize,
    item: &OpenItem,
    amount: Decimal,
    discount: Decimal,
) -> Result<(), PaymentsError> {
    let lc = f.cx.gl.settings().lc;
    let Some(partner) = f.partner else {
        return Err(PaymentsError::PartnerMissing);
    };
    if item.partner != partner.code {
        return Err(PaymentsError::ItemOfOtherPartner {
            index,
            owner: item.partner,
            partner: partner.code,
        });
    }
    if !item.is_open() {
        return Err(PaymentsError::ItemNotOpen { index });
    }
    let item_currency = item.fc.as_ref().map_or(lc, |x| x.currency);
    let payment_currency = f.fc.unwrap_or(lc);
    if item_currency != payment_currency {
        return Err(PaymentsError::ItemCurrency {
            index,
            item: item_currency,
            payment: payment_currency,
        });
    }
    if f.draft.posting_date < item.posting_date {
        return Err(PaymentsError::PaymentBeforeItem {
            index,
            posting_date: item.posting_date,
        });
    }
    let offer = item_offer(item, f.draft.posting_date, f.decimals);
    if amount > offer.open {
        return Err(PaymentsError::ExceedsOpen {
            index,
            amount,
            open: offer.open,
        });
    }
    if partner.payment_block && amount != offer.open {
        return Err(PaymentsError::PartialBlocked {
            index,
            partner: partner.code,
        });
    }
    if !discount.is_zero() && offer.until.is_none() && !f.draft.late_discount_confirmed {
        return Err(PaymentsError::LateDiscount {
            index,
            last: item.discounts.last().map(|d| d.date),
        });
    }
    Ok(())
}

/// The entry's lines and what the payment record keeps of them.
struct Lines {
    drafts: Vec<LineDraft>,
    means: Vec<PaidMeans>,
    write_off_lc: Decimal,
}

fn entry_lines(f: &Frame<'_>, paid: &[Paid<'_>]) -> Result<Lines, PaymentsError> {
    let mut drafts = Vec::new();
    if let Some(line) = partner_line(f, paid)? {
        drafts.push(line);
    }
    let means = means_lines(f, &mut drafts)?;
    let needed = needed(f, paid, &mut drafts)?;
    for p in paid.iter().filter(|p| !p.discount.is_zero()) {
        let discount_lc = f.lc(p.discount);
        drafts.extend(discount_lines(f, p, discount_lc)?);
    }
    let total: Decimal = f.draft.means.iter().map(|m| m.amount).sum();
    let difference = total - needed;
    let write_off_lc = if difference.is_zero() {
        Decimal::ZERO
    } else {
        write_off(f, total, needed, difference, &mut drafts)?
    };
    if f.fc.is_some() {
        fx_line(f, &mut drafts)?;
    }
    Ok(Lines {
        drafts,
        means,
        write_off_lc,
    })
}

/// The partner line: what the paid items take plus what stays on
/// account, in the payment currency, LC at the items' booked shares.
fn partner_line(f: &Frame<'_>, paid: &[Paid<'_>]) -> Result<Option<LineDraft>, PaymentsError> {
    let Some(partner) = f.partner else {
        return Ok(None);
    };
    let items: Decimal = paid.iter().map(|p| p.item.side.sign(p.amount)).sum();
    let signed = -items - f.dir * f.draft.on_account;
    if signed.is_zero() {
        return Ok(None);
    }
    let mut line = signed_line(None, signed);
    line.partner = Some(partner.code);
    line.due_date = Some(f.draft.posting_date);
    line.memo = f.draft.memo.clone();
    if let Some(c) = f.fc {
        let items_lc: Decimal = paid.iter().map(|p| p.item.side.sign(p.share_lc)).sum();
        let on_account_lc = f.lc(f.draft.on_account);
        let lc = (items_lc + f.dir * on_account_lc).abs();
        line = line.in_fc(c, Some(booked_rate(signed.abs(), lc, f)));
    }
    Ok(Some(line))
}

/// The rate (≤ 10 decimals) at which `amount_fc` converts to exactly
/// `amount_lc`: the partner line carries the items' booked LC, so the
/// exchange difference shows on its own line.
fn booked_rate(amount_fc: Decimal, amount_lc: Decimal, f: &Frame<'_>) -> Decimal {
    if amount_lc.is_zero() {
        return f.rate;
    }
    let max = crate::ledger::types::limits::MAX_FX_RATE_DECIMALS;
    let mut rate = round(amount_fc / amount_lc, max);
    let step = Decimal::new(1, max);
    for _ in 0..50 {
        let lc = lc_from_fc(amount_fc, rate, f.lc_decimals);
        if lc == amount_lc {
            break;
        }
        rate += if lc > amount_lc { step } else { -step };
    }
    rate
}

fn means_lines(
    f: &Frame<'_>,
    drafts: &mut Vec<LineDraft>,
) -> Result<Vec<PaidMeans>, PaymentsError> {
    let mut paid = Vec::with_capacity(f.draft.means.len());
    for (index, m) in f.draft.means.iter().enumerate() {
        let fallback = match m.means {
            Means::Transfer | Means::Cash => None,
            Means::Check => f.settings.checks_account,
            Means::CreditCard => f.settings.card_account,
        };
        let account = m
            .account
            .or(fallback)
            .ok_or(PaymentsError::MeansAccountMissing {
                index,
                means: m.means,
            })?;
        let mut line = f.line(Some(account), f.dir * m.amount);
        line.memo.clone_from(&m.reference);
        drafts.push(line);
        paid.push(PaidMeans {
            means: m.means,
            account,
            amount: f.lc(m.amount),
            reference: m.reference.clone(),
        });
    }
    Ok(paid)
}

/// What the means must add up to (payment currency); pushes the G/L and
/// fee lines on the way.
fn needed(
    f: &Frame<'_>,
    paid: &[Paid<'_>],
    drafts: &mut Vec<LineDraft>,
) -> Result<Decimal, PaymentsError> {
    let d = f.draft;
    let mut needed: Decimal = paid
        .iter()
        .map(|p| f.dir * p.item.side.sign(p.amount - p.discount))
        .sum();
    needed += d.on_account;
    for l in &d.gl_lines {
        let tax = match &l.tax_code {
            Some(code) => match f.cx.tax.code(code) {
                Some(tc) => {
                    tc.split(d.posting_date, l.amount, false, f.decimals)?
                        .tax_lc
                }
                None => Decimal::ZERO,
            },
            None => Decimal::ZERO,
        };
        needed += l.amount + tax;
        let mut line = f.line(Some(l.account), -f.dir * l.amount);
        line.tax_code.clone_from(&l.tax_code);
        line.memo.clone_from(&l.memo);
        drafts.push(line);
    }
    if !d.fee.is_zero() {
        let account = f.cx.gl.determined_account(DeterminationKey::BankFees)?;
        drafts.push(f.line(Some(account), d.fee));
        needed -= f.dir * d.fee;
    }
    Ok(needed)
}

/// The write-off line of a difference within the tolerance, or the
/// refusal that names the difference.
fn write_off(
    f: &Frame<'_>,
    total: Decimal,
    needed: Decimal,
    difference: Decimal,
    drafts: &mut Vec<LineDraft>,
) -> Result<Decimal, PaymentsError> {
    if !f.draft.write_off {
        return Err(PaymentsError::MeansMismatch {
            means: total,
            needed,
            difference,
        });
    }
    let difference_lc = f.lc(difference);
    if difference_lc.abs() > f.settings.tolerance_lc || difference_lc.is_zero() {
        return Err(PaymentsError::BeyondTolerance {
            difference_lc,
            tolerance_lc: f.settings.tolerance_lc,
        });
    }
    let account = f
        .settings
        .write_off_account
        .ok_or(PaymentsError::WriteOffAccountMissing)?;
    let signed_lc = -f.dir * difference_lc;
    drafts.push(signed_line(Some(account), signed_lc));
    Ok(signed_lc)
}

/// The realised exchange difference of an FC payment: what the lines
/// leave unbalanced in LC, on FxGain (credit) or FxLoss (debit).
fn fx_line(f: &Frame<'_>, drafts: &mut Vec<LineDraft>) -> Result<(), PaymentsError> {
    let mut diff = Decimal::ZERO;
    for l in drafts.iter() {
        let signed = l.debit - l.credit;
        let lc = match &l.fc {
            Some(x) => {
                let rate = x.rate_fc_per_lc.unwrap_or(f.rate);
                sign_of(signed) * lc_from_fc(signed.abs(), rate, f.lc_decimals)
            }
            None => signed,
        };
        let tax = match (&l.tax_code, l.gross) {
            (Some(code), false) => match f.cx.tax.code(code) {
                Some(tc) => {
                    sign_of(lc)
                        * tc.split(f.draft.posting_date, lc.abs(), false, f.lc_decimals)?
                            .tax_lc
                }
                None => Decimal::ZERO,
            },
            _ => Decimal::ZERO,
        };
        diff += lc + tax;
    }
    if diff.is_zero() {
        return Ok(());
    }
    let key = if diff.is_sign_positive() {
        DeterminationKey::FxGain
    } else {
        DeterminationKey::FxLoss
    };
    let account = f.cx.gl.determined_account(key)?;
    drafts.push(signed_line(Some(account), -diff));
    Ok(())
}

fn sign_of(x: Decimal) -> Decimal {
    if x.is_sign_negative() {
        Decimal::NEGATIVE_ONE
    } else {
        Decimal::ONE
    }
}

/// The clearing of the paid items against the payment's partner-line
/// item (line 0 of `entry`, not folded yet).
fn clearing(
    f: &Frame<'_>,
    paid: &[Paid<'_>],
    entry: &PostedEntry,
    at: Timestamp,
) -> Result<Option<Clearing>, PaymentsError> {
    let Some(partner) = f.partner else {
        return Ok(None);
    };
    if paid.is_empty() {
        return Ok(None);
    }
    let mut parts: Vec<ClearedPart> = paid
        .iter()
        .map(|p| ClearedPart {
            item: p.item.id,
            amount_lc: p.share_lc,
            amount_fc: p.item.fc.as_ref().map(|_| p.amount),
        })
        .collect();
    let net_lc: Decimal = paid.iter().map(|p| p.item.side.sign(p.share_lc)).sum();
    if !net_lc.is_zero() {
        let line = entry
            .lines
            .first()
            .filter(|l| l.partner_code() == Some(partner.code))
            .ok_or(PaymentsError::NothingToPay)?;
        let amount_fc = line.fc().map(|x| {
            let open_fc = x.amount_fc;
            share_of(open_fc, line.amount_lc, net_lc.abs(), x.currency.decimals())
        });
        parts.push(ClearedPart {
            item: payment_item(entry.id),
            amount_lc: net_lc.abs(),
            amount_fc,
        });
    }
    if parts.len() < 2 {
        return Err(OpenItemsError::TooFewParts { count: parts.len() }.into());
    }
    if parts.len() > MAX_CLEARING_PARTS {
        return Err(OpenItemsError::TooManyParts {
            count: parts.len(),
            max: MAX_CLEARING_PARTS,
        }
        .into());
    }
    // The FC amounts as the open-item ledger will re-check them.
    for (p, part) in paid.iter().zip(parts.iter_mut()) {
        if let Some(x) = p.item.fc.as_ref() {
            part.amount_fc = Some(share_of(
                x.open_fc,
                p.item.open_lc,
                p.share_lc,
                x.currency.decimals(),
            ));
        }
    }
    Ok(Some(Clearing {
        number: f.cx.open_items.next_clearing(),
        partner: partner.code,
        date: f.draft.posting_date,
        parts,
        by: f.draft.user.clone(),
        at: Some(at),
        reversal: None,
    }))
}

/// The item of a payment's partner line (line 0 of its entry).
pub fn payment_item(entry: EntryId) -> ItemId {
    ItemId {
        entry,
        line: 0,
        installment: 0,
    }
}

/// The open-item ledger's FC share: all when all LC, else proportional.
pub(crate) fn share_of(
    open_fc: Decimal,
    open_lc: Decimal,
    amount_lc: Decimal,
    decimals: u32,
) -> Decimal {
    if amount_lc == open_lc || open_lc.is_zero() {
        return open_fc;
    }
    round(open_fc * amount_lc / open_lc, decimals)
}

/// The discount account of `code` (None: untaxed) for the partner's kind.
pub(crate) fn discount_account(
    f: &Frame<'_>,
    code: Option<&str>,
) -> Result<AccountNo, PaymentsError> {
    if let Some(a) = code.and_then(|c| f.settings.discount_accounts.get(c)) {
        return Ok(*a);
    }
    let kind = f.partner.map(|p| p.kind);
    let fallback = match kind {
        Some(PartnerKind::Vendor) => f.settings.discount_received,
        _ => f.settings.discount_granted,
    };
    match fallback {
        Some(a) => Ok(a),
        None => Ok(f.cx.gl.determined_account(DeterminationKey::CashDiscount)?),
    }
}

/// The side of a discount line: the side of the item it reduces.
pub(crate) fn discount_side(item: &OpenItem) -> Side {
    item.side
}
