//! The checks of `Save`, `Delete` and `SetCreditorId`: a saved run must be
//! executable as it stands (every item open, the partner's, in the bank's
//! currency, not reserved by another run; every partner payable and
//! netting to more than zero; the total within the maximum), so that
//! executing it later fails only for what changed meanwhile.

use crate::ledger::bank::Bank;
use crate::ledger::partners::bank::normalise_creditor_id;
use crate::ledger::partners::{Partner, PartnerKind};
use crate::ledger::payment_runs::error::PaymentRunsError;
use crate::ledger::payment_runs::proposal::{
    Exclusion, in_bank_currency, partner_exclusion, selects,
};
use crate::ledger::payment_runs::run::{PaymentRun, RunDraft, RunItem, RunStatus};
use crate::ledger::payment_runs::{PaymentRuns, PaymentRunsEvent};
use crate::ledger::posting::Context;
use crate::ledger::types::limits::MAX_TEXT_LEN;
use crate::ledger::types::text::Field;
use crate::ledger::types::{InputError, PartnerCode, Timestamp};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashSet};

type E = PaymentRunsError;

impl PaymentRuns {
    pub(super) fn check_creditor_id(
        &self,
        creditor_id: &str,
        by: &str,
        at: Timestamp,
    ) -> Result<Vec<PaymentRunsEvent>, E> {
        let creditor_id =
            normalise_creditor_id(creditor_id).ok_or_else(|| E::InvalidCreditorId {
                creditor_id: creditor_id.to_string(),
            })?;
        Ok(vec![PaymentRunsEvent::CreditorIdSet {
            creditor_id,
            by: by.to_string(),
            at,
        }])
    }

    /// The run that `number` names and that may still change.
    pub(super) fn saved_run(&self, number: u32) -> Result<&PaymentRun, E> {
        let run = self.run(number).ok_or(E::UnknownRun { number })?;
        match run.status {
            RunStatus::Saved => Ok(run),
            RunStatus::Executed { .. } | RunStatus::Ordered => Err(E::AlreadyExecuted { number }),
        }
    }

    pub(super) fn check_delete(
        &self,
        number: u32,
        by: &str,
        at: Timestamp,
    ) -> Result<Vec<PaymentRunsEvent>, E> {
        self.saved_run(number)?;
        Ok(vec![PaymentRunsEvent::RunDeleted {
            number,
            by: by.to_string(),
            at,
        }])
    }

    pub(super) fn check_save(
        &self,
        cx: Context<'_>,
        bank: &Bank,
        draft: &RunDraft,
        by: &str,
        at: Timestamp,
    ) -> Result<Vec<PaymentRunsEvent>, E> {
        let number = match draft.number {
            0 => self.next_number(),
            n => self.saved_run(n)?.number,
        };
        self.check_draft(cx, bank, draft, number)?;
        let mut items = draft.items.clone();
        items.sort_by_key(|i| (i.partner, i.item));
        Ok(vec![PaymentRunsEvent::RunSaved {
            run: Box::new(PaymentRun {
                number,
                params: RunParams {
                    name: draft.params.name.trim().to_string(),
                    ..draft.params.clone()
                },
                items,
                status: RunStatus::Saved,
                files: Vec::new(),
                by: by.to_string(),
                at,
                key: None,
            }),
        }])
    }

    /// Everything a saved run promises, for run `number` (its own
    /// reservations do not count).
    pub(super) fn check_draft(
        &self,
        cx: Context<'_>,
        bank: &Bank,
        draft: &RunDraft,
        number: u32,
    ) -> Result<(), E> {
        let p = &draft.params;
        if p.name.trim().chars().count() > MAX_TEXT_LEN {
            return Err(InputError::TextTooLong {
                field: Field::Memo,
                max: MAX_TEXT_LEN,
            }
            .into());
        }
        if !p.outgoing && !p.incoming {
            return Err(E::NoDirection);
        }
        let house = bank
            .house_bank(&p.house_bank)
            .ok_or_else(|| E::UnknownHouseBank {
                code: p.house_bank.clone(),
            })?;
        if p.next_run_date < p.run_date {
            return Err(E::NextRunBeforeRun {
                next: p.next_run_date,
            });
        }
        if draft.items.is_empty() {
            return Err(E::NothingToPay);
        }
        let mut seen = HashSet::with_capacity(draft.items.len());
        let mut nets: BTreeMap<PartnerCode, Decimal> = BTreeMap::new();
        for i in &draft.items {
            if !seen.insert(i.item) {
                return Err(E::DuplicateItem { item: i.item });
            }
            let signed = self.check_item(cx, house, i, number)?;
            *nets.entry(i.partner).or_default() += signed;
        }
        let mut total = Decimal::ZERO;
        for (code, net) in nets {
            check_partner(cx, draft, code)?;
            if net <= Decimal::ZERO {
                return Err(E::PartnerNetNotPositive {
                    partner: code,
                    total: net,
                });
            }
            total += net;
        }
        if let Some(max) = p.max_total.filter(|max| total > *max) {
            return Err(E::OverMaximum { total, max });
        }
        if p.incoming && self.creditor_id.is_empty() && draft_has_customers(cx, draft) {
            return Err(E::NoCreditorId);
        }
        Ok(())
    }

    /// One item: open, the partner's, the amount and discount within
    /// bounds, in the bank's currency, not another run's. Returns what
    /// it adds to the partner's payment (credit notes negative).
    fn check_item(
        &self,
        cx: Context<'_>,
        house: &crate::ledger::bank::HouseBank,
        i: &RunItem,
        number: u32,
    ) -> Result<Decimal, E> {
        let item = cx
            .open_items
            .item(i.item)
            .filter(|it| it.is_open())
            .ok_or(E::ItemNotOpen { item: i.item })?;
        if item.partner != i.partner {
            return Err(E::WrongPartner {
                item: i.item,
                partner: i.partner,
            });
        }
        if i.amount <= Decimal::ZERO {
            return Err(E::AmountNotPositive { item: i.item });
        }
        if i.amount > item.open_lc {
            return Err(E::AmountTooHigh {
                item: i.item,
                amount: i.amount,
                open: item.open_lc,
            });
        }
        if i.discount < Decimal::ZERO || i.discount > i.amount {
            return Err(E::BadDiscount {
                item: i.item,
                discount: i.discount,
            });
        }
        if !in_bank_currency(cx, house, item) {
            return Err(E::OtherCurrency { item: i.item });
        }
        if let Some(run) = self.reserved_by(i.item).filter(|r| *r != number) {
            return Err(E::ItemReserved { item: i.item, run });
        }
        let invoice = cx
            .partners
            .partner(i.partner)
            .map(|p| p.kind.invoice_side());
        if Some(item.side) == invoice {
            Ok(i.amount - i.discount)
        } else if i.discount.is_zero() {
            Ok(-i.amount)
        } else {
            Err(E::BadDiscount {
                item: i.item,
                discount: i.discount,
            })
        }
    }
}

/// The partner is selected by the run's direction and method, and
/// payable (no block, an IBAN, a mandate for a customer).
fn check_partner(cx: Context<'_>, draft: &RunDraft, code: PartnerCode) -> Result<(), E> {
    let partner: &Partner = cx
        .partners
        .partner(code)
        .ok_or(E::WrongDirection { partner: code })?;
    let direction_ok = selects(
        &crate::ledger::payment_runs::RunParams {
            partners: crate::ledger::payment_runs::PartnerSelection::All,
            ..draft.params.clone()
        },
        partner,
    );
    if !direction_ok {
        return Err(E::WrongDirection { partner: code });
    }
    match partner_exclusion(partner) {
        None => Ok(()),
        Some(Exclusion::PartnerBlocked) => Err(E::PartnerBlocked { partner: code }),
        Some(Exclusion::NoMandate) => Err(E::NoMandate { partner: code }),
        Some(_) => Err(E::NoIban { partner: code }),
    }
}

fn draft_has_customers(cx: Context<'_>, draft: &RunDraft) -> bool {
    draft.items.iter().any(|i| {
        cx.partners
            .partner(i.partner)
            .is_some_and(|p| p.kind == PartnerKind::Customer)
    })
}

use crate::ledger::payment_runs::run::RunParams;
