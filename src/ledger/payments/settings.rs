//! Payment settings (Zahlungseinstellungen) of a company: the accounts a
//! payment posts to that the user does not name (cash discount per tax
//! code, write-off, checks and card clearing, unrealised exchange
//! differences) and the tolerances. Changed by a checked command; every
//! account left `None` falls back to the G/L account determination where
//! one fits, else a payment that needs it is refused.

use crate::ledger::gl::Gl;
use crate::ledger::payments::error::{PaymentsError, SettingsField};
use crate::ledger::tax::Tax;
use crate::ledger::types::AccountNo;
use crate::ledger::types::money::decimals_used;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

impl PaymentSettings {
    /// Every named account exists and is postable, the tolerance is not
    /// negative and within the LC decimals, every tax code exists.
    pub fn check(&self, gl: &Gl, tax: &Tax) -> Result<(), PaymentsError> {
        let max_decimals = gl.settings().lc_decimals();
        if self.tolerance_lc.is_sign_negative() && !self.tolerance_lc.is_zero()
            || decimals_used(self.tolerance_lc) > max_decimals
        {
            return Err(PaymentsError::ToleranceInvalid { max_decimals });
        }
        for code in self.discount_accounts.keys() {
            if tax.code(code).is_none() {
                return Err(PaymentsError::SettingsTaxCodeUnknown { code: code.clone() });
            }
        }
        for (field, account) in self.accounts() {
            let usable = gl.account(account).is_some_and(|a| a.postable && a.active);
            if !usable {
                return Err(PaymentsError::SettingsAccountInvalid { field, account });
            }
        }
        Ok(())
    }

    /// Every account the settings name, with its field.
    fn accounts(&self) -> Vec<(SettingsField, AccountNo)> {
        let single = [
            (SettingsField::WriteOff, self.write_off_account),
            (SettingsField::DiscountGranted, self.discount_granted),
            (SettingsField::DiscountReceived, self.discount_received),
            (SettingsField::Checks, self.checks_account),
            (SettingsField::Card, self.card_account),
            (SettingsField::FxUnrealisedGain, self.fx_unrealised_gain),
            (SettingsField::FxUnrealisedLoss, self.fx_unrealised_loss),
            (SettingsField::FxAdjustment, self.fx_adjustment_account),
        ];
        let per_code = self
            .discount_accounts
            .iter()
            .map(|(code, &a)| (SettingsField::Discount { code: code.clone() }, Some(a)));
        single
            .into_iter()
            .chain(per_code)
            .filter_map(|(f, a)| a.map(|a| (f, a)))
            .collect()
    }
}
