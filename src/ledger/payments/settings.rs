//! Payment settings (Zahlungseinstellungen) of a company: the accounts a
//! payment posts to that the user does not name (cash discount per tax
//! code, write-off, checks and card clearing, unrealised exchange
//! differences) and the tolerances. Changed by a checked command; every
//! account left `None` falls back to the G/L account determination where
//! one fits, else a payment that needs it is refused.

use crate::ledger::types::AccountNo;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentSettings {
    /// A remaining difference up to this (LC) may be written off.
    pub tolerance_lc: Decimal,
    /// Zahlungsdifferenzen: where a written-off difference goes.
    pub write_off_account: Option<AccountNo>,
    /// Skonto account per tax code of the paid invoice's lines (e.g. U19 →
    /// 8736 "Gewährte Skonti 19 % USt", V19 → 3736); the discount line
    /// carries that tax code, so the VAT is corrected in the same entry.
    pub discount_accounts: BTreeMap<String, AccountNo>,
    /// Discount on untaxed parts, or codes without an account above:
    /// granted to customers (default: determination `CashDiscount`) …
    pub discount_granted: Option<AccountNo>,
    /// … and received from vendors.
    pub discount_received: Option<AccountNo>,
    /// Schecks: checks received, until deposited.
    pub checks_account: Option<AccountNo>,
    /// Kreditkartenabrechnung: card payments, until settled.
    pub card_account: Option<AccountNo>,
    /// Unrealised exchange gains and losses of the revaluation (default:
    /// the determination's realised ones).
    pub fx_unrealised_gain: Option<AccountNo>,
    pub fx_unrealised_loss: Option<AccountNo>,
    /// The balance-sheet account the revaluation's difference of partner
    /// items is posted against (Wertberichtigung aus Kursdifferenzen), so
    /// the control accounts keep summing to the open items.
    pub fx_adjustment_account: Option<AccountNo>,
    /// § 256a HGB: unrealised gains only for items due within a year.
    pub gains_within_year_only: bool,
    /// Automatic reconciliation by amount: at most this many days apart.
    pub match_days: u16,
}

impl Default for PaymentSettings {
    fn default() -> PaymentSettings {
        PaymentSettings {
            tolerance_lc: Decimal::ZERO,
            write_off_account: None,
            discount_accounts: BTreeMap::new(),
            discount_granted: None,
            discount_received: None,
            checks_account: None,
            card_account: None,
            fx_unrealised_gain: None,
            fx_unrealised_loss: None,
            fx_adjustment_account: None,
            gains_within_year_only: true,
            match_days: 30,
        }
    }
}
