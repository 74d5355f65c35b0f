//! Accounts (Sachkonten) of the chart of accounts (Kontenplan). An account
//! is either a title account (Titelkonto: groups others, never posted to)
//! or a postable account; it has a type that decides where it appears in
//! the balance sheet or P&L, an account currency, a control-account flag
//! (Sammelkonto: receivables/payables collected from business partners) and
//! an active flag. Accounts are never deleted, only deactivated, because
//! posted lines keep pointing at them.

use crate::ledger::types::text::Names;
use crate::ledger::types::{AccountNo, Currency};

/// Where the account's balance is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum AccountType {
    /// Aktiva
    Asset,
    /// Passiva (Fremdkapital)
    Liability,
    /// Eigenkapital
    Equity,
    /// Erlöse (Ertrag)
    Revenue,
    /// Aufwand
    Expense,
}

impl AccountType {
    /// Revenue and expense accounts make up profit and loss (GuV).
    pub fn is_profit_and_loss(self) -> bool {
        matches!(self, AccountType::Revenue | AccountType::Expense)
    }
}

/// Which currencies lines on the account may be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AccountCurrency {
    /// Local currency only (the usual case).
    Local,
    /// Only this one foreign currency (e.g. a USD bank account).
    Foreign(Currency),
    /// Local and any foreign currency.
    All,
}

impl AccountCurrency {
    /// Whether a line in `fc` (None = local currency) may go to the account.
    pub fn allows(self, fc: Option<Currency>) -> bool {
        match (self, fc) {
            (AccountCurrency::All, _) => true,
            (AccountCurrency::Local, None) => true,
            (AccountCurrency::Foreign(c), Some(f)) => c == f,
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Account {
    pub number: AccountNo,
    pub name_de: String,
    pub name_en: String,
    pub account_type: AccountType,
    /// False for title accounts (Titelkonten), which only group.
    pub postable: bool,
    /// The title account this one is grouped under.
    pub parent: Option<AccountNo>,
    /// Control account (Sammelkonto) for receivables or payables.
    pub control: bool,
    pub currency: AccountCurrency,
    pub active: bool,
}

impl Account {
    /// The name in the requested language, falling back to the other.
    pub fn name(&self, german: bool) -> &str {
        self.names().pick(german)
    }

    pub fn names(&self) -> Names<'_> {
        Names {
            de: &self.name_de,
            en: &self.name_en,
        }
    }
}
