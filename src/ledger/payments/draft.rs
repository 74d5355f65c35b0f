//! A payment as the user enters it (Zahlungserfassung), before the engine
//! turns it into one journal entry and the clearing of the items it pays.
//!
//! Amounts are in the payment's currency (`currency`, LC when `None`),
//! never negative; the direction says which way the money goes.

use crate::ledger::open_items::ItemId;
use crate::ledger::types::{AccountNo, Currency, PartnerCode, PostingKey};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Zahlungseingang (money comes in) or Zahlungsausgang (money goes out).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Direction {
    Incoming,
    Outgoing,
}

/// Zahlungsmittel: how the money moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Means {
    /// Überweisung / Lastschrift through a bank account.
    Transfer,
    /// Bar: a cash account.
    Cash,
    /// Scheck: posted to the checks-received clearing account until deposited.
    Check,
    /// Kreditkarte: posted to the credit-card clearing account.
    CreditCard,
}

impl Means {
    pub const ALL: [Means; 4] = [
        Means::Transfer,
        Means::Cash,
        Means::Check,
        Means::CreditCard,
    ];
}

/// One means of a payment. `account`: the bank or cash account for
/// transfer and cash (required), for check and card the clearing account
/// of the payment settings when `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeansDraft {
    pub means: Means,
    pub account: Option<AccountNo>,
    pub amount: Decimal,
    /// Check number, card slip, bank reference; may be empty.
    pub reference: String,
}

/// An open item the payment settles: `amount` of it (what leaves the
/// item's open amount: the money plus the discount), of which `discount`
/// is cash discount (gross, VAT included). In the payment's currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemDraft {
    pub item: ItemId,
    pub amount: Decimal,
    pub discount: Decimal,
}

/// A line of a payment to G/L accounts (no partner), e.g. a fee or a tax
/// payment; `tax_code` as on an entry line (amount net of it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlLineDraft {
    pub account: AccountNo,
    pub amount: Decimal,
    pub tax_code: Option<String>,
    pub memo: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentDraft {
    pub direction: Direction,
    /// The business partner paid or paying; `None` for a payment to G/L
    /// accounts only.
    pub partner: Option<PartnerCode>,
    pub posting_date: NaiveDate,
    /// Defaults to the posting date.
    pub document_date: Option<NaiveDate>,
    /// `None`: local currency.
    pub currency: Option<Currency>,
    /// Units of FC per LC; `None`: the rate table's rate of the posting date.
    pub rate_fc_per_lc: Option<Decimal>,
    pub items: Vec<ItemDraft>,
    /// A payment on account (Akontozahlung): becomes an open item of its own.
    pub on_account: Decimal,
    pub gl_lines: Vec<GlLineDraft>,
    pub means: Vec<MeansDraft>,
    /// Bank fees (Bankspesen) on the payment: incoming, the bank kept them
    /// (less money came in); outgoing, they were charged on top.
    pub fee: Decimal,
    /// Write off a remaining difference within the tolerance of the
    /// payment settings instead of refusing it.
    pub write_off: bool,
    /// The user confirmed a discount taken after its last discount date.
    pub late_discount_confirmed: bool,
    pub reference: String,
    pub memo: String,
    pub user: String,
    /// The idempotency key of the form; the payment entry carries it.
    pub key: PostingKey,
}
