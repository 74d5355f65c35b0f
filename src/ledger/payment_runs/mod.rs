//! Payment runs (Zahlungsläufe, SAP Business One's payment wizard): which
//! open items to pay or collect now, reserved while the run is saved,
//! then executed as one payment per partner through the house bank's
//! transit account (Geldtransit), with the SEPA files kept byte for byte.
//! The files are written outside the engine (`forms::payment_run` with
//! `formats::sepa`) and handed in with the command: the engine knows no
//! file format. Each payment carries an end-to-end id, by which the bank
//! statement's line is matched to the run later (`end_to_end_index`).
//!
//! Sits above `bank` (a run pays from a house bank) and `payments` (its
//! execution posts payments).

mod check;
pub mod command;
pub mod error;
mod execute;
pub mod proposal;
pub mod run;

pub use command::{PaymentRunsCommand, PaymentRunsEvent};
pub use error::PaymentRunsError;
pub use proposal::{Excluded, Exclusion, Proposal, ProposedRow};
pub use run::{
    PartnerSelection, PaymentRun, RunDraft, RunFile, RunFileKind, RunItem, RunParams, RunStatus,
};

use crate::ledger::bank::Bank;
use crate::ledger::bank::matching::EndToEndTarget;
use crate::ledger::open_items::ItemId;
pub use execute::{RunPayment, payment_key};

use crate::ledger::payments::PaymentDraft;
use crate::ledger::posting::Context;
use crate::ledger::types::{PartnerCode, PostingKey};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The payment-run sub-ledger's state.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PaymentRuns {
    creditor_id: String,
    /// Every run ever saved, by number (deleted ones removed).
    runs: Vec<PaymentRun>,
    next_number: u32,
    /// Items of saved and ordered runs → the run.
    reserved: HashMap<ItemId, u32>,
    /// Executed runs' payments as their statement lines show them (money
    /// out negative), by end-to-end id.
    transit: HashMap<String, Decimal>,
}

/// The end-to-end id of the `seq`-th payment (0-based, the run's partner
/// order) of run `run`: unique over the company's life, at most 35
/// characters of the SEPA set.
pub fn end_to_end_id(run: u32, seq: usize) -> String {
    format!("KONTOR-R{run}-{}", seq + 1)
}

impl PaymentRuns {
    pub fn creditor_id(&self) -> &str {
        &self.creditor_id
    }

    pub fn runs(&self) -> &[PaymentRun] {
        &self.runs
    }

    pub fn run(&self, number: u32) -> Option<&PaymentRun> {
        self.runs.iter().find(|r| r.number == number)
    }

    /// The number the next saved run gets.
    pub fn next_number(&self) -> u32 {
        self.next_number.max(1)
    }

    /// The saved or ordered run that reserves `item`.
    pub fn reserved_by(&self, item: ItemId) -> Option<u32> {
        self.reserved.get(&item).copied()
    }

    /// Step 4: the recommendation for `params`, leaving out items other
    /// runs reserve (but not those of run `editing`, being edited).
    /// Empty for an unknown house bank.
    pub fn propose(
        &self,
        cx: Context<'_>,
        bank: &Bank,
        params: &RunParams,
        editing: Option<u32>,
    ) -> Proposal {
        match bank.house_bank(&params.house_bank) {
            Some(house) => proposal::compute(cx, house, params, &self.reserved, editing),
            None => Proposal::default(),
        }
    }

    /// The events of every command but `Execute` (which the Book runs
    /// through [`PaymentRuns::execution`]), or why it is refused.
    pub fn check(
        &self,
        cx: Context<'_>,
        bank: &Bank,
        cmd: &PaymentRunsCommand,
    ) -> Result<Vec<PaymentRunsEvent>, PaymentRunsError> {
        match cmd {
            PaymentRunsCommand::SetCreditorId {
                creditor_id,
                by,
                at,
            } => self.check_creditor_id(creditor_id, by, *at),
            PaymentRunsCommand::Save { run, by, at } => self.check_save(cx, bank, run, by, *at),
            PaymentRunsCommand::Delete { number, by, at } => self.check_delete(*number, by, *at),
            PaymentRunsCommand::Execute {
                number,
                order_only,
                files,
                key,
                by,
                at,
            } => {
                // The Book posts the payments first; this is the closing
                // event alone (what an order run appends).
                self.check_execution(cx, bank, *number, *order_only)?;
                if *order_only && files.is_empty() {
                    return Err(PaymentRunsError::NoFiles);
                }
                Ok(vec![PaymentRunsEvent::RunExecuted {
                    number: *number,
                    payments: Vec::new(),
                    order_only: *order_only,
                    files: files.clone(),
                    key: *key,
                    by: by.clone(),
                    at: *at,
                }])
            }
        }
    }

    /// `Execute`: the payment drafts of run `number`, one per partner in
    /// the run's partner order (each with its end-to-end id as reference
    /// and a key derived from `key`), after checking that every item is
    /// still open with its amount. Empty for an order run.
    pub fn execution(
        &self,
        cx: Context<'_>,
        bank: &Bank,
        number: u32,
        order_only: bool,
        key: PostingKey,
        user: &str,
    ) -> Result<Vec<(PartnerCode, PaymentDraft)>, PaymentRunsError> {
        self.drafts(cx, bank, number, order_only, key, user)
    }

    /// Folds one event in; errors only for one that does not fit. `cx`:
    /// the Book as the event finds it (an executed run's payments are
    /// already posted), for the sides of the items.
    pub fn apply(
        &mut self,
        cx: Context<'_>,
        event: &PaymentRunsEvent,
    ) -> Result<(), PaymentRunsError> {
        match event {
            PaymentRunsEvent::CreditorIdSet { creditor_id, .. } => {
                self.creditor_id.clone_from(creditor_id);
            }
            PaymentRunsEvent::RunSaved { run } => self.apply_saved(run)?,
            PaymentRunsEvent::RunDeleted { number, .. } => {
                self.saved_run(*number)?;
                self.release(*number);
                self.runs.retain(|r| r.number != *number);
            }
            PaymentRunsEvent::RunExecuted {
                number,
                payments,
                order_only,
                files,
                key,
                ..
            } => {
                self.saved_run(*number)?;
                let transit = self.transit_amounts(cx, *number);
                if !*order_only {
                    self.release(*number);
                }
                let run = self
                    .runs
                    .iter_mut()
                    .find(|r| r.number == *number)
                    .ok_or(PaymentRunsError::UnknownRun { number: *number })?;
                run.status = if *order_only {
                    RunStatus::Ordered
                } else {
                    RunStatus::Executed {
                        payments: payments.clone(),
                    }
                };
                run.files.clone_from(files);
                run.key = Some(*key);
                self.transit.extend(transit);
            }
        }
        Ok(())
    }

    fn apply_saved(&mut self, run: &PaymentRun) -> Result<(), PaymentRunsError> {
        let number = run.number;
        if self.run(number).is_some() {
            self.saved_run(number)?;
            self.release(number);
            self.runs.retain(|r| r.number != number);
        } else if number != self.next_number() {
            return Err(PaymentRunsError::UnknownRun { number });
        } else {
            self.next_number = number + 1;
        }
        for i in &run.items {
            self.reserved.insert(i.item, number);
        }
        let at = self.runs.partition_point(|r| r.number < number);
        self.runs.insert(at, run.clone());
        Ok(())
    }

    /// Frees the items run `number` reserves.
    fn release(&mut self, number: u32) {
        self.reserved.retain(|_, r| *r != number);
    }

    /// Each payment of run `number` as its statement line will show it
    /// (money out negative), by end-to-end id.
    fn transit_amounts(&self, cx: Context<'_>, number: u32) -> Vec<(String, Decimal)> {
        let Some(run) = self.run(number) else {
            return Vec::new();
        };
        run.by_partner()
            .into_iter()
            .enumerate()
            .map(|(seq, (partner, items))| {
                let customer = cx
                    .partners
                    .partner(partner)
                    .is_some_and(|p| p.kind == crate::ledger::partners::PartnerKind::Customer);
                let money = execute::net(cx, &items);
                let signed = if customer { money } else { -money };
                (end_to_end_id(number, seq), signed)
            })
            .collect()
    }

    /// What the end-to-end ids of executed and ordered runs stand for, for
    /// the bank statement matcher.
    pub fn end_to_end_index(&self, bank: &Bank) -> HashMap<String, EndToEndTarget> {
        self.e2e_index(bank)
    }
}
