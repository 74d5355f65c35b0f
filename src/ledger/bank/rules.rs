//! Posting rules (Buchungsregeln): conditions on a statement line and what
//! such a line is posted to. Written by the user or learned from a
//! corrected proposal; tried in their order, the first that matches wins.

use crate::ledger::types::{AccountNo, PartnerCode};
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextMatch {
    /// Case-insensitive substring.
    Contains(String),
    /// A regular expression (`regex-lite` syntax), case-insensitive.
    Regex(String),
}

/// Money in or out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Credit,
    Debit,
}

/// Every set condition must hold; an empty one is not checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conditions {
    /// Only lines of this house bank (code), when not empty.
    pub house_bank: String,
    /// Counterparty IBAN, electronic form.
    pub iban: String,
    /// Case-insensitive substring of the counterparty name.
    pub name_contains: String,
    pub purpose: Option<TextMatch>,
    /// Bounds of the line's absolute amount, inclusive.
    pub amount_min: Option<Decimal>,
    pub amount_max: Option<Decimal>,
    pub sign: Option<Sign>,
}

/// A part of a G/L split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Share {
    /// Percent of the line's amount (rounded; the `Rest` part or the last
    /// part takes the cent).
    Percent(Decimal),
    /// A fixed amount.
    Amount(Decimal),
    /// What the other parts leave.
    Rest,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSplit {
    pub account: AccountNo,
    /// Tax code as on an entry line (the amount is gross of it).
    pub tax_code: Option<String>,
    /// Cost centre, when the account wants one.
    pub centre: Option<String>,
    pub share: Share,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleAction {
    /// The line is this partner's payment: matched against its open items.
    Partner(PartnerCode),
    /// The line is posted to G/L accounts, split.
    Gl(Vec<RuleSplit>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    /// Assigned on first save (1, 2, 3 …); 0 in a new rule's draft.
    pub id: u32,
    pub name: String,
    pub conditions: Conditions,
    pub action: RuleAction,
    /// Created from a corrected proposal ("always do this").
    pub learned: bool,
}

use crate::ledger::bank::error::BankError;
use crate::ledger::bank::house_bank::HouseBank;
use crate::ledger::bank::statement::BankLine;
use crate::ledger::posting::Context;

impl Rule {
    /// Refuses a rule that names an unknown account, partner, tax code or
    /// centre, a bad IBAN or regular expression, or a split that does not
    /// add up. SKELETON: the matching part fills it.
    pub fn check(&self, cx: Context<'_>) -> Result<(), BankError> {
        let _ = cx;
        Ok(())
    }

    /// Whether `line` of `house_bank` meets every condition. SKELETON.
    pub fn matches(&self, house_bank: &HouseBank, line: &BankLine) -> bool {
        let _ = (house_bank, line);
        false
    }
}
