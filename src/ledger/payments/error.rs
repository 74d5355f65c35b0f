//! Refusals of the payment sub-ledger. Refusals of the sub-ledgers below
//! pass through and are flattened by `DomainError`'s `From`.

use crate::ledger::gl::GlError;
use crate::ledger::journal::JournalError;
use crate::ledger::open_items::ItemId;
use crate::ledger::open_items::OpenItemsError;
use crate::ledger::partners::PartnersError;
use crate::ledger::payments::draft::Means;
use crate::ledger::payments::reconcile::ReconcileError;
use crate::ledger::payments::revaluation::RevaluationError;
use crate::ledger::tax::TaxError;
use crate::ledger::types::{AccountNo, Currency, InputError, PartnerCode};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The field of a payment draft a refusal points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentField {
    /// `items[index].amount`.
    ItemAmount {
        index: usize,
    },
    /// `items[index].discount`.
    ItemDiscount {
        index: usize,
    },
    /// `means[index].amount`.
    Means {
        index: usize,
    },
    /// `gl_lines[index].amount`.
    GlLine {
        index: usize,
    },
    OnAccount,
    Fee,
}

/// The account field of the payment settings a refusal points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsField {
    WriteOff,
    /// The discount account of a tax code.
    Discount {
        code: String,
    },
    DiscountGranted,
    DiscountReceived,
    Checks,
    Card,
    FxUnrealisedGain,
    FxUnrealisedLoss,
    FxAdjustment,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PaymentsError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Gl(#[from] GlError),
    #[error(transparent)]
    Tax(#[from] TaxError),
    #[error(transparent)]
    Partners(#[from] PartnersError),
    #[error(transparent)]
    OpenItems(#[from] OpenItemsError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error(transparent)]
    Reconcile(#[from] ReconcileError),
    #[error(transparent)]
    Revaluation(#[from] RevaluationError),

    #[error("payment {number} does not exist")]
    PaymentUnknown { number: u32 },

    // ----- settings -----
    #[error("payment settings {field:?}: account {account} does not exist or is not postable")]
    SettingsAccountInvalid {
        field: SettingsField,
        account: AccountNo,
    },
    #[error("the tolerance must be 0 or more with at most {max_decimals} decimals")]
    ToleranceInvalid { max_decimals: u32 },
    #[error("payment settings: tax code {code} does not exist")]
    SettingsTaxCodeUnknown { code: String },

    // ----- a payment's draft -----
    #[error("a payment needs at least one means of payment")]
    NoMeans,
    #[error(
        "{field:?}: the amount must be above zero (0 allowed for discount, on account and fee) with at most {max_decimals} decimals"
    )]
    AmountInvalid {
        field: PaymentField,
        max_decimals: u32,
    },
    #[error("a payment for open items or on account needs a business partner")]
    PartnerMissing,
    #[error("the payment pays nothing: no item, no amount on account, no G/L line")]
    NothingToPay,
    #[error("item {index}: {item:?} does not exist")]
    ItemUnknown { index: usize, item: ItemId },
    #[error("item {index} belongs to {owner}, not to {partner}")]
    ItemOfOtherPartner {
        index: usize,
        owner: PartnerCode,
        partner: PartnerCode,
    },
    #[error("item {index} is named twice")]
    ItemTwice { index: usize },
    #[error("item {index} is not open any more")]
    ItemNotOpen { index: usize },
    #[error("item {index} is in {item}, the payment in {payment}")]
    ItemCurrency {
        index: usize,
        item: Currency,
        payment: Currency,
    },
    #[error("item {index}: {amount} is more than the {open} open (pay the rest on account)")]
    ExceedsOpen {
        index: usize,
        amount: Decimal,
        open: Decimal,
    },
    #[error("item {index}: the discount is more than the amount")]
    DiscountExceedsAmount { index: usize },
    #[error(
        "item {index}: partner {partner} has a payment block; only the full open amount may be paid"
    )]
    PartialBlocked { index: usize, partner: PartnerCode },
    #[error("item {index}: the discount period ended ({last:?}); confirm the late discount")]
    LateDiscount {
        index: usize,
        last: Option<NaiveDate>,
    },
    #[error("item {index}: the payment is dated before the item ({posting_date})")]
    PaymentBeforeItem {
        index: usize,
        posting_date: NaiveDate,
    },
    #[error("means {index} ({means:?}) needs an account")]
    MeansAccountMissing { index: usize, means: Means },
    #[error("the means add up to {means}, the payment needs {needed} (difference {difference})")]
    MeansMismatch {
        means: Decimal,
        needed: Decimal,
        difference: Decimal,
    },
    #[error("the difference of {difference_lc} is more than the tolerance of {tolerance_lc}")]
    BeyondTolerance {
        difference_lc: Decimal,
        tolerance_lc: Decimal,
    },
    #[error(
        "a difference is to be written off, but the payment settings name no write-off account"
    )]
    WriteOffAccountMissing,

    // ----- cancelling -----
    #[error("payment {number} is already cancelled")]
    AlreadyCancelled { number: u32 },
    #[error(
        "payment {number}: its item was cleared again since, by clearing {clearing}; cancel that first"
    )]
    ClearedAgainSince { number: u32, clearing: u32 },

    // ----- re-checks of the log -----
    #[error("payment {number} does not match its entry or clearing")]
    PaymentMismatch { number: u32 },
}
