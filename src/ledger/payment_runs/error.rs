//! Why the payment-run sub-ledger refuses a command.

use crate::ledger::gl::GlError;
use crate::ledger::open_items::ItemId;
use crate::ledger::payments::PaymentsError;
use crate::ledger::types::{InputError, PartnerCode};
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PaymentRunsError {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Gl(GlError),
    #[error("there is no payment run {number}")]
    UnknownRun { number: u32 },
    #[error("payment run {number} was executed and cannot be changed")]
    AlreadyExecuted { number: u32 },
    #[error("the run has nothing to pay")]
    NothingToPay,
    #[error("the run is neither outgoing nor incoming")]
    NoDirection,
    #[error("there is no house bank {code:?}")]
    UnknownHouseBank { code: String },
    #[error("house bank {code:?} has no transit account (Geldtransit)")]
    NoTransitAccount { code: String },
    #[error("{creditor_id:?} is not a valid SEPA creditor identifier")]
    InvalidCreditorId { creditor_id: String },
    #[error("direct debits need our SEPA creditor identifier")]
    NoCreditorId,
    #[error("the next run date {next} is before the run date")]
    NextRunBeforeRun { next: chrono::NaiveDate },
    #[error("item {item:?} is not open (any more)")]
    ItemNotOpen { item: ItemId },
    #[error("item {item:?} is not an item of partner {partner}")]
    WrongPartner { item: ItemId, partner: PartnerCode },
    #[error("item {item:?} appears twice in the run")]
    DuplicateItem { item: ItemId },
    #[error("item {item:?}: {amount} is more than its open {open}")]
    AmountTooHigh {
        item: ItemId,
        amount: Decimal,
        open: Decimal,
    },
    #[error("item {item:?}: the amount must be more than zero")]
    AmountNotPositive { item: ItemId },
    #[error("item {item:?} is not in the house bank's currency")]
    OtherCurrency { item: ItemId },
    #[error("partner {partner} is not paid by this run's direction and payment method")]
    WrongDirection { partner: PartnerCode },
    #[error("item {item:?}: the discount {discount} is more than the amount")]
    BadDiscount { item: ItemId, discount: Decimal },
    #[error("item {item:?} is reserved by payment run {run}")]
    ItemReserved { item: ItemId, run: u32 },
    #[error("partner {partner}: payments are blocked")]
    PartnerBlocked { partner: PartnerCode },
    #[error("vendor {partner} has no IBAN")]
    NoIban { partner: PartnerCode },
    #[error("customer {partner} has no SEPA mandate")]
    NoMandate { partner: PartnerCode },
    #[error("partner {partner}: the items net to {total}, nothing to pay")]
    PartnerNetNotPositive {
        partner: PartnerCode,
        total: Decimal,
    },
    #[error("the run's total {total} exceeds its maximum {max}")]
    OverMaximum { total: Decimal, max: Decimal },
    #[error("an order run needs its files")]
    NoFiles,
    /// The payment of one partner was refused (a locked period, an item
    /// paid meanwhile …).
    #[error("partner {partner}: {error}")]
    Payment {
        partner: PartnerCode,
        error: Box<PaymentsError>,
    },
}

impl From<InputError> for PaymentRunsError {
    fn from(e: InputError) -> Self {
        PaymentRunsError::Input(e)
    }
}

impl From<GlError> for PaymentRunsError {
    fn from(e: GlError) -> Self {
        PaymentRunsError::Gl(e)
    }
}
