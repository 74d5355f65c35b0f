//! Commands and events of the payment-run sub-ledger.

use crate::ledger::payment_runs::run::{PaymentRun, RunDraft, RunFile};
use crate::ledger::types::{PostingKey, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentRunsCommand {
    /// Our SEPA creditor identifier (Gläubiger-ID) for direct debits.
    SetCreditorId {
        creditor_id: String,
        by: String,
        at: Timestamp,
    },
    /// Creates (`number == 0`) or replaces a saved run; reserves its items.
    Save {
        run: Box<RunDraft>,
        by: String,
        at: Timestamp,
    },
    /// Deletes a saved run; its items are free again.
    Delete {
        number: u32,
        by: String,
        at: Timestamp,
    },
    /// Executes a saved run: posts one payment per partner (through the
    /// house bank's transit account, so the statement line clears it
    /// later) and keeps the files, all or nothing. `order_only`: writes
    /// the files without posting (a payment order run).
    Execute {
        number: u32,
        order_only: bool,
        files: Vec<RunFile>,
        key: PostingKey,
        by: String,
        at: Timestamp,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentRunsEvent {
    CreditorIdSet {
        creditor_id: String,
        by: String,
        at: Timestamp,
    },
    RunSaved {
        run: Box<PaymentRun>,
    },
    RunDeleted {
        number: u32,
        by: String,
        at: Timestamp,
    },
    /// Appended after the payments' entries, clearings and events.
    RunExecuted {
        number: u32,
        /// The payments posted, in the run's partner order (empty for an
        /// order run).
        payments: Vec<u32>,
        order_only: bool,
        files: Vec<RunFile>,
        key: PostingKey,
        by: String,
        at: Timestamp,
    },
}
