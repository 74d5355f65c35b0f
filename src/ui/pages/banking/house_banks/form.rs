//! The house bank form as typed: loading a saved bank into it, reading it
//! back into a `HouseBank`, and which field an engine refusal is about.

use leptos::prelude::*;

use crate::ledger::DomainError;
use crate::ledger::bank::{BankError, HouseBank, HouseBankField};
use crate::ledger::gl::GlError;
use crate::ledger::types::{AccountNo, Currency};
use crate::session::SessionError;
use crate::ui::i18n::{Lang, Text};

use super::texts::T;

/// The form's fields; `editing` holds the code of the bank being edited.
#[derive(Clone, Copy)]
pub struct Form {
    pub editing: RwSignal<Option<String>>,
    pub code: RwSignal<String>,
    pub name: RwSignal<String>,
    pub account: RwSignal<String>,
    pub iban: RwSignal<String>,
    pub bic: RwSignal<String>,
    pub currency: RwSignal<String>,
    pub suspense: RwSignal<String>,
    /// Kept as saved: the CSV import writes it, this form only shows it.
    pub csv_mapping: RwSignal<Option<String>>,
}

/// A typing mistake the form finds before the engine sees the bank.
pub struct FormError {
    pub field: HouseBankField,
    pub message: String,
}

impl Form {
    pub fn new() -> Form {
        let s = || RwSignal::new(String::new());
        Form {
            editing: RwSignal::new(None),
            code: s(),
            name: s(),
            account: s(),
            iban: s(),
            bic: s(),
            currency: s(),
            suspense: s(),
            csv_mapping: RwSignal::new(None),
        }
    }

    pub fn clear(&self, lc: &Currency) {
        self.editing.set(None);
        for s in [
            self.code,
            self.name,
            self.account,
            self.iban,
            self.bic,
            self.suspense,
        ] {
            s.set(String::new());
        }
        self.currency.set(lc.as_str().to_string());
        self.csv_mapping.set(None);
    }

    pub fn load(&self, b: &HouseBank) {
        self.editing.set(Some(b.code.clone()));
        self.code.set(b.code.clone());
        self.name.set(b.name.clone());
        self.account.set(b.account.to_string());
        self.iban.set(b.iban.clone());
        self.bic.set(b.bic.clone());
        self.currency.set(b.currency.as_str().to_string());
        self.suspense.set(
            b.suspense_account
                .map(|a| a.to_string())
                .unwrap_or_default(),
        );
        self.csv_mapping.set(b.csv_mapping.clone());
    }

    /// The typed bank; the engine checks the rest (IBAN, BIC, accounts).
    pub fn read(&self, lang: Lang) -> Result<HouseBank, FormError> {
        let quoted = |text: &str, why: T| format!("„{}“ {}", text.trim(), why.text(lang));
        let account = |s: RwSignal<String>, field| -> Result<Option<AccountNo>, FormError> {
            let text = s.get_untracked();
            if text.trim().is_empty() {
                return Ok(None);
            }
            AccountNo::parse(text.trim())
                .map(Some)
                .map_err(|_| FormError {
                    field,
                    message: quoted(&text, T::BadAccount),
                })
        };
        let currency_text = self.currency.get_untracked();
        let currency =
            Currency::parse(currency_text.trim().to_uppercase().as_str()).map_err(|_| {
                FormError {
                    // The currency has no field of its own in the
                    // engine's refusals: the account is the nearest.
                    field: HouseBankField::Account,
                    message: quoted(&currency_text, T::BadCurrency),
                }
            })?;
        let main = account(self.account, HouseBankField::Account)?;
        let main = match main {
            Some(a) => a,
            None => {
                return Err(FormError {
                    field: HouseBankField::Account,
                    message: quoted("", T::BadAccount),
                });
            }
        };
        Ok(HouseBank {
            code: self.code.get_untracked().trim().to_uppercase(),
            name: self.name.get_untracked().trim().to_string(),
            account: main,
            iban: compact(&self.iban.get_untracked()),
            bic: compact(&self.bic.get_untracked()),
            currency,
            suspense_account: account(self.suspense, HouseBankField::SuspenseAccount)?,
            csv_mapping: self.csv_mapping.get_untracked(),
        })
    }
}

/// An IBAN or BIC as typed in groups (`DE89 3704 …`): no spaces, upper case.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

/// The field of the form an engine refusal of `bank` is about, if one.
pub fn field_of(e: &SessionError, bank: &HouseBank) -> Option<HouseBankField> {
    let SessionError::Domain(DomainError::Bank(e)) = e else {
        return None;
    };
    match e {
        BankError::HouseBankInvalid { field } => Some(*field),
        BankError::IbanTaken { .. } => Some(HouseBankField::Iban),
        BankError::NotABankAccount { account } if Some(*account) == bank.suspense_account => {
            Some(HouseBankField::SuspenseAccount)
        }
        BankError::NotABankAccount { .. } => Some(HouseBankField::Account),
        BankError::Gl(GlError::UnknownAccount { account })
            if Some(*account) == bank.suspense_account =>
        {
            Some(HouseBankField::SuspenseAccount)
        }
        BankError::Gl(_) => Some(HouseBankField::Account),
        _ => None,
    }
}
