//! House bank accounts (Hausbanken): the company's own bank accounts, each
//! a G/L account with its IBAN; every statement belongs to one.

use crate::ledger::types::{AccountNo, Currency};

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HouseBank {
    /// Short code the user chooses, e.g. `SPK` (1 to 8 letters or digits).
    pub code: String,
    pub name: String,
    /// The bank's G/L account (a balance-sheet account, not a control
    /// account).
    pub account: AccountNo,
    /// Electronic form (no spaces, upper case), checked.
    pub iban: String,
    /// May be empty.
    pub bic: String,
    pub currency: Currency,
    /// Where unmatched lines are parked (Geldtransit), when set.
    pub suspense_account: Option<AccountNo>,
    /// The saved CSV column mapping of this bank's exports, as the UI
    /// stores it (JSON of `formats::bank::csv::CsvMapping`); opaque here.
    pub csv_mapping: Option<String>,
}

use crate::ledger::bank::error::{BankError, HouseBankField};
use crate::ledger::gl::{Gl, GlError};
use crate::ledger::partners::bank::{normalise_iban, valid_bic};
use crate::ledger::types::limits::{MAX_HOUSE_BANK_CODE_LEN, MAX_HOUSE_BANK_NAME_LEN};

impl HouseBank {
    /// The house bank as it is kept (IBAN in electronic form, BIC upper
    /// case, name trimmed), or why not. `others` are the house banks
    /// saved so far: the IBAN may belong to the one of the same code only.
    pub fn checked(&self, gl: &Gl, others: &[HouseBank]) -> Result<HouseBank, BankError> {
        let invalid = |field| BankError::HouseBankInvalid { field };
        let code_ok = !self.code.is_empty()
            && self.code.len() <= MAX_HOUSE_BANK_CODE_LEN
            && self.code.bytes().all(|b| b.is_ascii_alphanumeric());
        if !code_ok {
            return Err(invalid(HouseBankField::Code));
        }
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > MAX_HOUSE_BANK_NAME_LEN {
            return Err(invalid(HouseBankField::Name));
        }
        check_bank_account(gl, self.account, self.currency)?;
        let iban = normalise_iban(&self.iban).ok_or(invalid(HouseBankField::Iban))?;
        if let Some(other) = others
            .iter()
            .find(|b| b.iban == iban && b.code != self.code)
        {
            return Err(BankError::IbanTaken {
                code: other.code.clone(),
            });
        }
        let bic = self.bic.trim().to_uppercase();
        if !bic.is_empty() && !valid_bic(&bic) {
            return Err(invalid(HouseBankField::Bic));
        }
        if let Some(suspense) = self.suspense_account {
            let account = gl
                .account(suspense)
                .ok_or(GlError::UnknownAccount { account: suspense })?;
            if account.control || !account.postable || suspense == self.account {
                return Err(invalid(HouseBankField::SuspenseAccount));
            }
        }
        Ok(HouseBank {
            name: name.to_string(),
            iban,
            bic,
            ..self.clone()
        })
    }
}

/// A house bank's G/L account: it exists, is postable and active, is a
/// balance-sheet account, no control account, and takes lines in the
/// bank's currency.
fn check_bank_account(gl: &Gl, number: AccountNo, currency: Currency) -> Result<(), BankError> {
    let account = gl
        .account(number)
        .ok_or(GlError::UnknownAccount { account: number })?;
    let fc = (currency != gl.settings().lc).then_some(currency);
    let fits = account.postable
        && account.active
        && !account.account_type.is_profit_and_loss()
        && !account.control
        && account.currency.allows(fc);
    if fits {
        Ok(())
    } else {
        Err(BankError::NotABankAccount { account: number })
    }
}
