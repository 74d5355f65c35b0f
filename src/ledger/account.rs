//! Accounts (Sachkonten) of the chart of accounts (Kontenplan). An account
//! is either a title account (Titelkonto: groups others, never posted to)
//! or a postable account; it has a type that decides where it appears in
//! the balance sheet or P&L, an account currency, a control-account flag
//! (Sammelkonto: receivables/payables collected from business partners) and
//! an active flag. Accounts are never deleted, only deactivated, because
//! posted lines keep pointing at them.

use crate::ledger::currency::Currency;
use crate::ledger::error::DomainError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest account number; SKR numbers have 4 digits, extended charts 8.
pub const MAX_ACCOUNT_NO_LEN: usize = 15;
/// Most accounts one chart may hold; more are refused.
pub const MAX_ACCOUNTS: usize = 10_000;
/// Longest account name, in characters.
pub const MAX_ACCOUNT_NAME_LEN: usize = 120;

/// Account number: 1..=15 ASCII letters or digits, kept as text because
/// leading zeros matter ("0800" in SKR03). `Copy` and 16 bytes, so lines
/// and indexes carry it without allocation. Ordered by its bytes, so a
/// class title "1" sorts right before "1000".
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AccountNo {
    len: u8,
    bytes: [u8; MAX_ACCOUNT_NO_LEN],
}

impl AccountNo {
    pub fn parse(text: &str) -> Result<AccountNo, DomainError> {
        let b = text.as_bytes();
        if b.is_empty() || b.len() > MAX_ACCOUNT_NO_LEN || !b.iter().all(u8::is_ascii_alphanumeric)
        {
            return Err(DomainError::InvalidAccountNo {
                text: text.chars().take(MAX_ACCOUNT_NO_LEN + 5).collect(),
            });
        }
        let mut bytes = [0u8; MAX_ACCOUNT_NO_LEN];
        bytes[..b.len()].copy_from_slice(b);
        Ok(AccountNo {
            len: b.len() as u8,
            bytes,
        })
    }

    pub fn as_str(&self) -> &str {
        // `parse` admits ASCII only.
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("?")
    }
}

impl Ord for AccountNo {
    /// By the number's characters, not its length: "2" after "1999".
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.bytes[..self.len as usize].cmp(&other.bytes[..other.len as usize])
    }
}

impl PartialOrd for AccountNo {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Debug for AccountNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccountNo({})", self.as_str())
    }
}

impl fmt::Display for AccountNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for AccountNo {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for AccountNo {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        AccountNo::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Where the account's balance is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "currency")]
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
        match (german, self.name_de.is_empty(), self.name_en.is_empty()) {
            (true, false, _) | (false, _, true) => &self.name_de,
            _ => &self.name_en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_numbers_keep_leading_zeros_and_sort_titles_first() {
        let a = AccountNo::parse("0800").expect("valid");
        assert_eq!(a.as_str(), "0800");
        let title = AccountNo::parse("1").expect("valid");
        let bank = AccountNo::parse("1200").expect("valid");
        assert!(title < bank);
        assert!(a < title);
        let two = AccountNo::parse("2").expect("valid");
        assert!(bank < two);
    }

    #[test]
    fn account_numbers_with_spaces_colons_or_too_long_are_refused() {
        for bad in ["", "12 00", "1200:", "1234567890123456", "Ä1"] {
            assert!(AccountNo::parse(bad).is_err(), "{bad}");
        }
    }
}
