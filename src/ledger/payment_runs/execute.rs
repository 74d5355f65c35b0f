//! Executing a run: one payment draft per partner, through the house
//! bank's transit account (Geldtransit) with the end-to-end id as the
//! means' reference, so the statement line later clears the transit
//! account; and what each end-to-end id stands for, for the matcher.

use crate::ledger::bank::matching::{EndToEndTarget, ProposedItem};
use crate::ledger::bank::{Bank, HouseBank};
use crate::ledger::partners::PartnerKind;
use crate::ledger::payment_runs::error::PaymentRunsError;
use crate::ledger::payment_runs::run::{PaymentRun, RunItem, RunStatus};
use crate::ledger::payment_runs::{PaymentRuns, end_to_end_id};
use crate::ledger::payments::{Direction, ItemDraft, Means, MeansDraft, PaymentDraft};
use crate::ledger::posting::Context;
use crate::ledger::types::{PartnerCode, PostingKey};
use rust_decimal::Decimal;
use std::collections::HashMap;

type E = PaymentRunsError;

impl PaymentRun {
    /// The run's items per partner, in the run's partner order (partner
    /// code order; the `seq` of each partner's end-to-end id).
    pub fn by_partner(&self) -> Vec<(PartnerCode, Vec<&RunItem>)> {
        let mut out: Vec<(PartnerCode, Vec<&RunItem>)> = Vec::new();
        let mut items: Vec<&RunItem> = self.items.iter().collect();
        items.sort_by_key(|i| (i.partner, i.item));
        for item in items {
            match out.last_mut() {
                Some((code, list)) if *code == item.partner => list.push(item),
                _ => out.push((item.partner, vec![item])),
            }
        }
        out
    }
}

/// The idempotency key of the run's `seq`-th payment, derived from the
/// command's key (a retried command derives the same keys).
pub fn payment_key(key: PostingKey, seq: usize) -> PostingKey {
    let seq = u128::try_from(seq).unwrap_or(u128::MAX) + 1;
    PostingKey(key.0 ^ seq.wrapping_mul(0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835))
}

/// Money of a partner's payment: invoices less discount, less credit notes.
pub(super) fn net(cx: Context<'_>, items: &[&RunItem]) -> Decimal {
    items
        .iter()
        .map(|i| {
            let invoice = cx
                .partners
                .partner(i.partner)
                .map(|p| p.kind.invoice_side());
            let side = cx.open_items.item(i.item).map(|it| it.side);
            if side == invoice {
                i.amount - i.discount
            } else {
                -i.amount
            }
        })
        .sum()
}

/// One payment a run makes (or collects), as its file and statement
/// line show it: money out for a vendor, in for a customer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunPayment {
    pub partner: PartnerCode,
    pub end_to_end_id: String,
    /// Money moved (items less discounts, less credit notes), positive.
    pub amount: Decimal,
    /// A customer's direct debit (else a credit transfer to a vendor).
    pub direct_debit: bool,
    pub items: Vec<RunItem>,
}

impl PaymentRuns {
    /// The payments of run `number`, one per partner in the run's
    /// partner order; `None` for an unknown run.
    pub fn run_payments(&self, cx: Context<'_>, number: u32) -> Option<Vec<RunPayment>> {
        let run = self.run(number)?;
        Some(
            run.by_partner()
                .into_iter()
                .enumerate()
                .map(|(seq, (partner, items))| RunPayment {
                    partner,
                    end_to_end_id: end_to_end_id(number, seq),
                    amount: net(cx, &items),
                    direct_debit: is_customer(cx, partner),
                    items: items.into_iter().cloned().collect(),
                })
                .collect(),
        )
    }

    /// The checks of `Execute` (before any payment is built): the run is
    /// saved, its house bank has a transit account (unless an order run),
    /// direct debits have our creditor id, and every item is still open
    /// with at least its amount (else refused by item, nothing done).
    pub(super) fn check_execution(
        &self,
        cx: Context<'_>,
        bank: &Bank,
        number: u32,
        order_only: bool,
    ) -> Result<(&PaymentRun, Option<crate::ledger::types::AccountNo>), E> {
        let run = self.saved_run(number)?;
        let house = house_bank(bank, run)?;
        let transit = match (order_only, house.suspense_account) {
            (true, _) => None,
            (false, Some(account)) => Some(account),
            (false, None) => {
                return Err(E::NoTransitAccount {
                    code: house.code.clone(),
                });
            }
        };
        for i in &run.items {
            let open = cx
                .open_items
                .item(i.item)
                .filter(|it| it.is_open())
                .ok_or(E::ItemNotOpen { item: i.item })?
                .open_lc;
            if i.amount > open {
                return Err(E::AmountTooHigh {
                    item: i.item,
                    amount: i.amount,
                    open,
                });
            }
        }
        let debits = run.items.iter().any(|i| is_customer(cx, i.partner));
        if debits && self.creditor_id.is_empty() {
            return Err(E::NoCreditorId);
        }
        Ok((run, transit))
    }

    /// The payment drafts of an execution with `key` by `user` (empty for
    /// an order run).
    pub(super) fn drafts(
        &self,
        cx: Context<'_>,
        bank: &Bank,
        number: u32,
        order_only: bool,
        key: PostingKey,
        user: &str,
    ) -> Result<Vec<(PartnerCode, PaymentDraft)>, E> {
        let (run, transit) = self.check_execution(cx, bank, number, order_only)?;
        let Some(transit) = transit else {
            return Ok(Vec::new());
        };
        Ok(run
            .by_partner()
            .into_iter()
            .enumerate()
            .map(|(seq, (partner, items))| {
                let draft = PaymentDraft {
                    direction: if is_customer(cx, partner) {
                        Direction::Incoming
                    } else {
                        Direction::Outgoing
                    },
                    partner: Some(partner),
                    posting_date: run.params.run_date,
                    document_date: None,
                    currency: None,
                    rate_fc_per_lc: None,
                    items: items
                        .iter()
                        .map(|i| ItemDraft {
                            item: i.item,
                            amount: i.amount,
                            discount: i.discount,
                        })
                        .collect(),
                    on_account: Decimal::ZERO,
                    gl_lines: Vec::new(),
                    means: vec![MeansDraft {
                        means: Means::Transfer,
                        account: Some(transit),
                        amount: net(cx, &items),
                        reference: end_to_end_id(number, seq),
                    }],
                    fee: Decimal::ZERO,
                    write_off: false,
                    late_discount_confirmed: false,
                    reference: end_to_end_id(number, seq),
                    memo: run.params.name.clone(),
                    user: user.to_string(),
                    key: payment_key(key, seq),
                };
                (partner, draft)
            })
            .collect())
    }

    /// What the end-to-end ids of executed and ordered runs stand for:
    /// an executed run's payment cleared the partner through the transit
    /// account (the line clears the transit account), an order run's
    /// line pays the run's items of the partner.
    pub(super) fn e2e_index(&self, bank: &Bank) -> HashMap<String, EndToEndTarget> {
        let mut out = HashMap::new();
        for run in &self.runs {
            let transit = house_bank(bank, run).ok().and_then(|h| h.suspense_account);
            for (seq, (partner, items)) in run.by_partner().into_iter().enumerate() {
                let target = match (&run.status, transit) {
                    (RunStatus::Saved, _) => continue,
                    (RunStatus::Executed { .. }, None) => continue,
                    (RunStatus::Executed { .. }, Some(account)) => {
                        let id = end_to_end_id(run.number, seq);
                        EndToEndTarget::Transit {
                            account,
                            amount: self.transit.get(&id).copied().unwrap_or_default(),
                            partner,
                        }
                    }
                    (RunStatus::Ordered, _) => EndToEndTarget::Items {
                        partner,
                        items: items
                            .iter()
                            .map(|i| ProposedItem {
                                item: i.item,
                                amount: i.amount,
                                discount: i.discount,
                            })
                            .collect(),
                    },
                };
                out.insert(end_to_end_id(run.number, seq), target);
            }
        }
        out
    }
}

fn house_bank<'b>(bank: &'b Bank, run: &PaymentRun) -> Result<&'b HouseBank, E> {
    bank.house_bank(&run.params.house_bank)
        .ok_or_else(|| E::UnknownHouseBank {
            code: run.params.house_bank.clone(),
        })
}

fn is_customer(cx: Context<'_>, code: PartnerCode) -> bool {
    cx.partners
        .partner(code)
        .is_some_and(|p| p.kind == PartnerKind::Customer)
}
