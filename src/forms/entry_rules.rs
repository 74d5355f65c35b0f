//! The data-entry rules as typed (Administration → Erfassungsregeln): day
//! limits and cash accounts as text, so a half-typed form survives, and
//! `rules` turning them into `EntryRules`. The engine checks the limits
//! and the accounts against the chart; this only reads the text.

use crate::ledger::gl::{EntryRules, RuleMode};
use crate::ledger::types::AccountNo;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryRulesForm {
    pub days_back: String,
    pub days_ahead: String,
    pub date_window: RuleMode,
    pub reference: RuleMode,
    pub document_date: RuleMode,
    /// Account numbers separated by spaces, commas or semicolons.
    pub cash_accounts: String,
    pub cash_negative: RuleMode,
}

/// The field whose text could not be read, with that text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesFormError {
    DaysBack(String),
    DaysAhead(String),
    CashAccount(String),
}

impl EntryRulesForm {
    /// The form showing `rules`.
    pub fn of(rules: &EntryRules) -> EntryRulesForm {
        let days = |d: Option<u32>| d.map(|d| d.to_string()).unwrap_or_default();
        EntryRulesForm {
            days_back: days(rules.days_back),
            days_ahead: days(rules.days_ahead),
            date_window: rules.date_window,
            reference: rules.reference,
            document_date: rules.document_date,
            cash_accounts: rules
                .cash_accounts
                .iter()
                .map(|a| a.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            cash_negative: rules.cash_negative,
        }
    }

    /// The rules typed; an empty day field is "no limit".
    pub fn rules(&self) -> Result<EntryRules, RulesFormError> {
        let days = |text: &str, err: fn(String) -> RulesFormError| match text.trim() {
            "" => Ok(None),
            t => t.parse::<u32>().map(Some).map_err(|_| err(t.to_string())),
        };
        let cash_accounts = self
            .cash_accounts
            .split([' ', ',', ';'])
            .filter(|t| !t.is_empty())
            .map(|t| AccountNo::parse(t).map_err(|_| RulesFormError::CashAccount(t.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(EntryRules {
            days_back: days(&self.days_back, RulesFormError::DaysBack)?,
            days_ahead: days(&self.days_ahead, RulesFormError::DaysAhead)?,
            date_window: self.date_window,
            reference: self.reference,
            document_date: self.document_date,
            cash_accounts,
            cash_negative: self.cash_negative,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_round_trip_through_the_form() {
        let rules = EntryRules {
            days_back: Some(30),
            days_ahead: None,
            date_window: RuleMode::Refuse,
            reference: RuleMode::Warn,
            document_date: RuleMode::Off,
            cash_accounts: vec![
                AccountNo::parse("1000").expect("account"),
                AccountNo::parse("1010").expect("account"),
            ],
            cash_negative: RuleMode::Warn,
        };
        let form = EntryRulesForm::of(&rules);
        assert_eq!(form.cash_accounts, "1000, 1010");
        assert_eq!(form.days_ahead, "");
        assert_eq!(form.rules(), Ok(rules));
    }

    #[test]
    fn unreadable_text_names_its_field() {
        let form = EntryRulesForm {
            days_back: " 3x ".into(),
            ..EntryRulesForm::default()
        };
        assert_eq!(form.rules(), Err(RulesFormError::DaysBack("3x".into())));
        let form = EntryRulesForm {
            days_ahead: "-1".into(),
            ..EntryRulesForm::default()
        };
        assert_eq!(form.rules(), Err(RulesFormError::DaysAhead("-1".into())));
        let form = EntryRulesForm {
            cash_accounts: "1000;;10-00".into(),
            ..EntryRulesForm::default()
        };
        assert_eq!(
            form.rules(),
            Err(RulesFormError::CashAccount("10-00".into()))
        );
    }
}
