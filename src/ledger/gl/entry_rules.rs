//! Data-entry rules (Erfassungsregeln, issue 18): what a company demands of
//! every entry beyond a balanced one, each rule off, a warning the user
//! confirms, or a refusal. Set by `GlCommand::SetEntryRules`; a company
//! that never set them has every rule off, as before the rules existed.
//!
//! The rules live here, beside the settings they extend; posting applies
//! them (`posting::rules`) when it builds an entry, never when a stored
//! entry is folded, so a rule set later never refuses the past.

use crate::ledger::types::AccountNo;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Most days a posting date may lie before or after the day of entry
/// that a rule can name (ten years).
pub const MAX_WINDOW_DAYS: u32 = 3_660;
/// Most cash accounts (Kassenkonten) the negative-cash rule watches.
pub const MAX_CASH_ACCOUNTS: usize = 20;

/// What a rule does when an entry breaks it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum RuleMode {
    /// Not checked.
    #[default]
    Off,
    /// Posted after the user confirms (the entry screen asks).
    Warn,
    /// Refused by the engine, whatever screen or console sent it.
    Refuse,
}

/// The rules of a company. `Default` is every rule off.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EntryRules {
    /// Posting date at most this many days before the day of entry.
    pub days_back: Option<u32>,
    /// Posting date at most this many days after the day of entry.
    pub days_ahead: Option<u32>,
    /// How the two limits above apply.
    pub date_window: RuleMode,
    /// A reference (Belegnummer) on every entry the user types.
    pub reference: RuleMode,
    /// A document date (Belegdatum) typed on every entry, not defaulted.
    pub document_date: RuleMode,
    /// The cash accounts whose balance must not go below zero.
    pub cash_accounts: Vec<AccountNo>,
    /// How the negative-cash rule applies.
    pub cash_negative: RuleMode,
}

/// One rule an entry breaks (found by `posting::rules`; here so the
/// journal's refusal can carry it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleBreach {
    /// The posting date is more than `days` before the day of entry.
    TooFarBack {
        date: NaiveDate,
        earliest: NaiveDate,
        days: u32,
    },
    /// The posting date is more than `days` after the day of entry.
    TooFarAhead {
        date: NaiveDate,
        latest: NaiveDate,
        days: u32,
    },
    /// The entry has no reference (Belegnummer).
    NoReference,
    /// The entry's document date (Belegdatum) was not typed.
    NoDocumentDate,
    /// The entry takes a cash account below zero; `balance` after it, in
    /// the local currency with its `decimals`.
    CashNegative {
        account: AccountNo,
        balance: Decimal,
        decimals: u32,
    },
}

/// Why entry rules were refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EntryRulesError {
    #[error("a date window of {days} days is more than {max}")]
    WindowTooLong { days: u32, max: u32 },
    #[error("the date window rule is on but names no limit")]
    WindowWithoutLimit,
    #[error("{count} cash accounts are more than {max}")]
    TooManyCashAccounts { count: usize, max: usize },
    #[error("cash account {account} is not a postable asset account of the chart")]
    NotACashAccount { account: AccountNo },
    #[error("cash account {account} is named twice")]
    CashAccountTwice { account: AccountNo },
    #[error("the negative-cash rule is on but names no cash account")]
    NoCashAccount,
}

/// Checks the limits; `is_cash_account` says whether an account may be
/// watched (postable, an asset, not a control account).
pub fn check(
    rules: &EntryRules,
    is_cash_account: impl Fn(AccountNo) -> bool,
) -> Result<(), EntryRulesError> {
    for days in [rules.days_back, rules.days_ahead].into_iter().flatten() {
        if days > MAX_WINDOW_DAYS {
            return Err(EntryRulesError::WindowTooLong {
                days,
                max: MAX_WINDOW_DAYS,
            });
        }
    }
    if rules.date_window != RuleMode::Off && rules.days_back.is_none() && rules.days_ahead.is_none()
    {
        return Err(EntryRulesError::WindowWithoutLimit);
    }
    let count = rules.cash_accounts.len();
    if count > MAX_CASH_ACCOUNTS {
        return Err(EntryRulesError::TooManyCashAccounts {
            count,
            max: MAX_CASH_ACCOUNTS,
        });
    }
    for (i, &account) in rules.cash_accounts.iter().enumerate() {
        if !is_cash_account(account) {
            return Err(EntryRulesError::NotACashAccount { account });
        }
        if rules.cash_accounts[..i].contains(&account) {
            return Err(EntryRulesError::CashAccountTwice { account });
        }
    }
    if rules.cash_negative != RuleMode::Off && count == 0 {
        return Err(EntryRulesError::NoCashAccount);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acc(n: &str) -> AccountNo {
        AccountNo::parse(n).expect("account number")
    }

    #[test]
    fn every_rule_off_is_valid_and_the_default() {
        assert_eq!(check(&EntryRules::default(), |_| false), Ok(()));
        assert_eq!(EntryRules::default().date_window, RuleMode::Off);
    }

    #[test]
    fn limits_and_accounts_are_checked() {
        let window = EntryRules {
            date_window: RuleMode::Warn,
            ..EntryRules::default()
        };
        assert_eq!(
            check(&window, |_| true),
            Err(EntryRulesError::WindowWithoutLimit)
        );
        let long = EntryRules {
            days_ahead: Some(MAX_WINDOW_DAYS + 1),
            ..window.clone()
        };
        assert!(matches!(
            check(&long, |_| true),
            Err(EntryRulesError::WindowTooLong { .. })
        ));
        let cash = EntryRules {
            cash_accounts: vec![acc("1000"), acc("1000")],
            cash_negative: RuleMode::Refuse,
            ..EntryRules::default()
        };
        assert_eq!(
            check(&cash, |_| true),
            Err(EntryRulesError::CashAccountTwice {
                account: acc("1000")
            })
        );
        assert_eq!(
            check(&cash, |_| false),
            Err(EntryRulesError::NotACashAccount {
                account: acc("1000")
            })
        );
        let none = EntryRules {
            cash_negative: RuleMode::Warn,
            ..EntryRules::default()
        };
        assert_eq!(check(&none, |_| true), Err(EntryRulesError::NoCashAccount));
    }
}
