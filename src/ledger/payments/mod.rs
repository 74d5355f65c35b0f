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

pub mod build;
pub mod cancel;
pub mod command;
pub mod discount;
pub mod draft;
pub mod error;
pub mod offer;
pub mod reconcile;
pub mod revaluation;
pub mod settings;

pub use build::payment_item;
pub use command::{PaidItem, PaidMeans, Payment, PaymentsCommand, PaymentsEvent, Step};
pub use draft::{Direction, GlLineDraft, ItemDraft, Means, MeansDraft, PaymentDraft};
pub use error::{PaymentField, PaymentsError, SettingsField};
pub use offer::{ItemOffer, item_offer};
pub use settings::PaymentSettings;

use crate::ledger::partners::Stamp;
use crate::ledger::posting::{Context, Rights};

/// A payment and, once cancelled, its reversal and who cancelled it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PaymentRecord {
    pub payment: Payment,
    pub cancelled: Option<(crate::ledger::types::EntryId, Stamp)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Payments {
    settings: PaymentSettings,
    /// `payments[n - 1]` is payment number n.
    payments: Vec<PaymentRecord>,
}

impl PaymentRecord {
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.is_some()
    }

    /// The item of the payment's partner line (what stays open on account).
    pub fn item(&self) -> Option<crate::ledger::open_items::ItemId> {
        self.payment
            .partner
            .map(|_| payment_item(self.payment.entry))
    }
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
            PaymentsCommand::SetSettings { settings, by, at } => {
                settings.check(cx.gl, cx.tax)?;
                crate::ledger::types::check_text(
                    by,
                    crate::ledger::types::Field::User,
                    crate::ledger::types::limits::MAX_TEXT_LEN,
                    true,
                )?;
                Ok(vec![Step::Payments(PaymentsEvent::SettingsChanged {
                    settings: settings.clone(),
                    by: by.clone(),
                    at: *at,
                })])
            }
            PaymentsCommand::Post { draft, at } => build::check_post(self, cx, rights, draft, *at),
            PaymentsCommand::Cancel {
                number,
                date,
                by,
                at,
            } => {
                let req = cancel::CancelRequest {
                    number: *number,
                    date: *date,
                    by,
                    at: *at,
                };
                cancel::check_cancel(self, cx, rights, &req)
            }
            PaymentsCommand::AutoReconcile { draft } => {
                reconcile::check_auto(cx, &self.settings, draft)
            }
            PaymentsCommand::Revalue { draft } => {
                revaluation::check(cx, &self.settings, rights, draft)
            }
        }
    }

    /// Folds one event in, re-checking it against the journal and the open
    /// items it names (already folded: they come first in the append).
    pub fn apply(&mut self, cx: Context<'_>, event: &PaymentsEvent) -> Result<(), PaymentsError> {
        match event {
            PaymentsEvent::SettingsChanged { settings, .. } => {
                settings.check(cx.gl, cx.tax)?;
                self.settings = (**settings).clone();
            }
            PaymentsEvent::PaymentPosted { payment } => {
                self.check_posted(cx, payment)?;
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
                if record.cancelled.is_some() {
                    return Err(PaymentsError::AlreadyCancelled { number: *number });
                }
                let reverses = cx.journal.entry(*reversal).and_then(|e| e.reverses);
                if reverses != Some(record.payment.entry) {
                    return Err(PaymentsError::PaymentMismatch { number: *number });
                }
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

    /// The number the next payment gets.
    pub fn next_number(&self) -> u32 {
        u32::try_from(self.payments.len() + 1).unwrap_or(u32::MAX)
    }

    /// Re-checks a payment read from the log: its number continues, its
    /// entry is posted with its key, its clearing is made and names its
    /// items.
    fn check_posted(&self, cx: Context<'_>, payment: &Payment) -> Result<(), PaymentsError> {
        let number = payment.number;
        let mismatch = PaymentsError::PaymentMismatch { number };
        if number != self.next_number() {
            return Err(mismatch);
        }
        let entry = cx.journal.entry(payment.entry).ok_or(mismatch.clone())?;
        if entry.key != Some(payment.key) || entry.posting_date != payment.date {
            return Err(mismatch);
        }
        if let Some(n) = payment.clearing {
            let record = cx.open_items.clearing(n).ok_or(mismatch.clone())?;
            let names = |id| record.clearing.parts.iter().any(|p| p.item == id);
            let complete = record.cancelled.is_none()
                && payment.items.iter().all(|i| names(i.item))
                && Some(record.clearing.partner) == payment.partner;
            if !complete {
                return Err(mismatch);
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

    /// The payments of partner `code`, in number order (for the list).
    pub fn of_partner(
        &self,
        code: crate::ledger::types::PartnerCode,
    ) -> impl Iterator<Item = &PaymentRecord> + '_ {
        self.payments
            .iter()
            .filter(move |r| r.payment.partner == Some(code))
    }

    /// The payment whose entry (or reversal) is `entry`, if any: the
    /// journal's drill-down from an entry to its payment.
    pub fn by_entry(&self, entry: crate::ledger::types::EntryId) -> Option<&PaymentRecord> {
        self.payments.iter().find(|r| {
            r.payment.entry == entry || r.cancelled.as_ref().is_some_and(|c| c.0 == entry)
        })
    }

    pub fn payment(&self, number: u32) -> Option<&PaymentRecord> {
        self.payments
            .get(usize::try_from(number).ok()?.checked_sub(1)?)
    }
}
