//! Commands and events of the tax sub-ledger: tax-code definitions.

use crate::ledger::tax::code::TaxCode;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaxCommand {
    /// Defines a new tax code (Steuerkennzeichen).
    CreateTaxCode { tax_code: TaxCode },
    /// Replaces a tax code's definition (names, rates, accounts,
    /// Kennzahlen, active). Posted lines keep their amounts; the VAT
    /// return reads the current Kennzahlen.
    UpdateTaxCode { tax_code: TaxCode },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TaxEvent {
    TaxCodeCreated { tax_code: TaxCode },
    TaxCodeUpdated { tax_code: TaxCode },
}
