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

pub mod command;
pub mod error;
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
use crate::ledger::payments::{PaymentDraft, Payments};
use crate::ledger::posting::Context;
use crate::ledger::types::PartnerCode;
use std::collections::HashMap;

/// The payment-run sub-ledger's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaymentRuns {
    creditor_id: String,
    /// Every run ever saved, by number (deleted ones removed).
    runs: Vec<PaymentRun>,
    next_number: u32,
    /// Items of saved and ordered runs → the run.
    reserved: HashMap<ItemId, u32>,
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
    pub fn propose(
        &self,
        cx: Context<'_>,
        bank: &Bank,
        params: &RunParams,
        editing: Option<u32>,
    ) -> Proposal {
        let _ = (cx, bank, params, editing);
        Proposal::default()
    }

    /// The events of every command but `Execute` (which the Book runs
    /// through [`PaymentRuns::execution`]), or why it is refused.
    pub fn check(
        &self,
        cx: Context<'_>,
        bank: &Bank,
        cmd: &PaymentRunsCommand,
    ) -> Result<Vec<PaymentRunsEvent>, PaymentRunsError> {
        let _ = (cx, bank, cmd);
        Err(PaymentRunsError::NothingToPay)
    }

    /// `Execute`: the payment drafts of run `number`, one per partner in
    /// the run's partner order (each with its end-to-end id as reference),
    /// after checking that every item is still open and unchanged.
    pub fn execution(
        &self,
        cx: Context<'_>,
        payments: &Payments,
        bank: &Bank,
        number: u32,
        order_only: bool,
    ) -> Result<Vec<(PartnerCode, PaymentDraft)>, PaymentRunsError> {
        let _ = (cx, payments, bank, number, order_only);
        Err(PaymentRunsError::UnknownRun { number })
    }

    /// Folds one event in; errors only for one that does not fit.
    pub fn apply(&mut self, event: &PaymentRunsEvent) -> Result<(), PaymentRunsError> {
        let _ = event;
        Ok(())
    }

    /// What the end-to-end ids of executed and ordered runs stand for, for
    /// the bank statement matcher.
    pub fn end_to_end_index(&self, bank: &Bank) -> HashMap<String, EndToEndTarget> {
        let _ = bank;
        HashMap::new()
    }
}
