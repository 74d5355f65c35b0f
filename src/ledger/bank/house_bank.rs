//! House bank accounts (Hausbanken): the company's own bank accounts, each
//! a G/L account with its IBAN; every statement belongs to one.

use crate::ledger::types::{AccountNo, Currency};

#[derive(Clone, Debug, PartialEq, Eq)]
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
