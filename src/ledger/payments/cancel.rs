//! Cancelling a payment (Zahlung stornieren): the reversal of its whole
//! entry (so the discount, VAT correction, fee, write-off and exchange
//! difference go back with it), the cancellation of its clearing (the
//! paid items re-open by exactly what it took) and the clearing of the
//! payment's item against its mirror in the reversal. Refused when the
//! payment's item was cleared by another clearing since: that one must be
//! cancelled first, or the items would no longer sum to the balance.

use crate::ledger::open_items::{ClearedPart, Clearing, OpenItemsEvent};
use crate::ledger::payments::Payments;
use crate::ledger::payments::build::payment_item;
use crate::ledger::payments::command::{PaymentsEvent, Step};
use crate::ledger::payments::error::PaymentsError;
use crate::ledger::posting::{Context, Pending, Rights, build_reversal};
use crate::ledger::types::Timestamp;
use chrono::NaiveDate;

pub(crate) struct CancelRequest<'a> {
    pub number: u32,
    pub date: Option<NaiveDate>,
    pub by: &'a str,
    pub at: Timestamp,
}

pub(crate) fn check_cancel(
    payments: &Payments,
    cx: Context<'_>,
    rights: Rights,
    req: &CancelRequest<'_>,
) -> Result<Vec<Step>, PaymentsError> {
    let number = req.number;
    let record = payments
        .payment(number)
        .ok_or(PaymentsError::PaymentUnknown { number })?;
    if record.cancelled.is_some() {
        return Err(PaymentsError::AlreadyCancelled { number });
    }
    let payment = &record.payment;
    let item = payment
        .partner
        .and_then(|_| cx.open_items.item(payment_item(payment.entry)));
    if let Some(item) = item {
        let other = item.cleared.iter().find(|c| {
            Some(c.number) != payment.clearing
                && cx
                    .open_items
                    .clearing(c.number)
                    .is_some_and(|r| r.cancelled.is_none())
        });
        if let Some(c) = other {
            return Err(PaymentsError::ClearedAgainSince {
                number,
                clearing: c.number,
            });
        }
    }
    let mut steps = Vec::with_capacity(4);
    // The user may have cancelled the payment's clearing already (the
    // items are open again then): only a clearing still in force is.
    let in_force = payment.clearing.filter(|&n| {
        cx.open_items
            .clearing(n)
            .is_some_and(|r| r.cancelled.is_none())
    });
    if let Some(clearing) = in_force {
        steps.push(Step::OpenItems(OpenItemsEvent::ClearingCancelled {
            number: clearing,
            by: req.by.to_string(),
            at: req.at,
        }));
    }
    let reversal = build_reversal(
        cx,
        payment.entry,
        req.date,
        req.by,
        rights,
        &Pending::default(),
    )?;
    let reversal_id = reversal.id;
    if let (Some(item), Some(partner)) = (item, payment.partner) {
        // After the clearing's cancellation the item is open in full; its
        // mirror in the reversal is too.
        let amount_fc = item.fc.as_ref().map(|f| f.amount_fc);
        let part = |id| ClearedPart {
            item: id,
            amount_lc: item.amount_lc,
            amount_fc,
        };
        steps.push(Step::Entry(Box::new(reversal)));
        steps.push(Step::OpenItems(OpenItemsEvent::ItemsCleared {
            clearing: Clearing {
                number: cx.open_items.next_clearing(),
                partner,
                date: req.date.unwrap_or(payment.date).max(payment.date),
                parts: vec![part(item.id), part(payment_item(reversal_id))],
                by: req.by.to_string(),
                at: Some(req.at),
                reversal: Some(reversal_id),
            },
        }));
    } else {
        steps.push(Step::Entry(Box::new(reversal)));
    }
    steps.push(Step::Payments(PaymentsEvent::PaymentCancelled {
        number,
        reversal: reversal_id,
        by: req.by.to_string(),
        at: req.at,
    }));
    Ok(steps)
}
