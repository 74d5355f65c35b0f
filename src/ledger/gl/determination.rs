//! G/L account determination (Sachkontenfindung): the default accounts the
//! engine and later modules post to without the user naming them
//! (rounding differences, opening balances, retained earnings, exchange
//! differences, VAT, receivables, payables, bank fees, cash discount). A
//! chart template brings defaults; changing them is a checked command.

use crate::ledger::types::AccountNo;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeterminationKey {
    /// Rundungsdifferenzen: FC and SC rounding lines go here.
    Rounding,
    /// Saldenvorträge (opening balance account).
    OpeningBalance,
    /// Gewinnvortrag (retained earnings, year-end closing).
    RetainedEarnings,
    /// Erträge aus Kursdifferenzen.
    FxGain,
    /// Aufwendungen aus Kursdifferenzen.
    FxLoss,
    /// Vorsteuer (input VAT default).
    VatInput,
    /// Umsatzsteuer (output VAT default).
    VatOutput,
    /// Forderungen aus L+L (receivables control).
    Receivables,
    /// Verbindlichkeiten aus L+L (payables control).
    Payables,
    /// Nebenkosten des Geldverkehrs.
    BankFees,
    /// Skonto.
    CashDiscount,
}

impl DeterminationKey {
    pub const ALL: [DeterminationKey; 11] = [
        DeterminationKey::Rounding,
        DeterminationKey::OpeningBalance,
        DeterminationKey::RetainedEarnings,
        DeterminationKey::FxGain,
        DeterminationKey::FxLoss,
        DeterminationKey::VatInput,
        DeterminationKey::VatOutput,
        DeterminationKey::Receivables,
        DeterminationKey::Payables,
        DeterminationKey::BankFees,
        DeterminationKey::CashDiscount,
    ];
}

/// Default accounts; `None` where the company has not chosen one yet. A
/// posting that needs a missing one is refused with `DeterminationMissing`.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GlDetermination {
    pub rounding: Option<AccountNo>,
    pub opening_balance: Option<AccountNo>,
    pub retained_earnings: Option<AccountNo>,
    pub fx_gain: Option<AccountNo>,
    pub fx_loss: Option<AccountNo>,
    pub vat_input: Option<AccountNo>,
    pub vat_output: Option<AccountNo>,
    pub receivables: Option<AccountNo>,
    pub payables: Option<AccountNo>,
    pub bank_fees: Option<AccountNo>,
    pub cash_discount: Option<AccountNo>,
}

impl GlDetermination {
    pub fn get(&self, key: DeterminationKey) -> Option<AccountNo> {
        *self.slot(key)
    }

    pub fn set(&mut self, key: DeterminationKey, account: Option<AccountNo>) {
        *self.slot_mut(key) = account;
    }

    fn slot(&self, key: DeterminationKey) -> &Option<AccountNo> {
        match key {
            DeterminationKey::Rounding => &self.rounding,
            DeterminationKey::OpeningBalance => &self.opening_balance,
            DeterminationKey::RetainedEarnings => &self.retained_earnings,
            DeterminationKey::FxGain => &self.fx_gain,
            DeterminationKey::FxLoss => &self.fx_loss,
            DeterminationKey::VatInput => &self.vat_input,
            DeterminationKey::VatOutput => &self.vat_output,
            DeterminationKey::Receivables => &self.receivables,
            DeterminationKey::Payables => &self.payables,
            DeterminationKey::BankFees => &self.bank_fees,
            DeterminationKey::CashDiscount => &self.cash_discount,
        }
    }

    fn slot_mut(&mut self, key: DeterminationKey) -> &mut Option<AccountNo> {
        match key {
            DeterminationKey::Rounding => &mut self.rounding,
            DeterminationKey::OpeningBalance => &mut self.opening_balance,
            DeterminationKey::RetainedEarnings => &mut self.retained_earnings,
            DeterminationKey::FxGain => &mut self.fx_gain,
            DeterminationKey::FxLoss => &mut self.fx_loss,
            DeterminationKey::VatInput => &mut self.vat_input,
            DeterminationKey::VatOutput => &mut self.vat_output,
            DeterminationKey::Receivables => &mut self.receivables,
            DeterminationKey::Payables => &mut self.payables,
            DeterminationKey::BankFees => &mut self.bank_fees,
            DeterminationKey::CashDiscount => &mut self.cash_discount,
        }
    }

    /// The keys that have an account, in `DeterminationKey::ALL` order.
    pub fn assigned(&self) -> impl Iterator<Item = (DeterminationKey, AccountNo)> + '_ {
        DeterminationKey::ALL
            .into_iter()
            .filter_map(|k| self.get(k).map(|a| (k, a)))
    }
}
