//! Posting templates (Kontierungsmuster): a named split of an amount by
//! percent over accounts, e.g. "Kfz-Kosten 70 % 4530 / 30 % 4580". The
//! shares are rounded so that they sum exactly to the amount (largest
//! remainder, `types::money::split`).

use crate::ledger::types::AccountNo;
use crate::ledger::types::limits::DIMENSIONS;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateLine {
    pub account: AccountNo,
    /// Share in percent (> 0, at most two decimals); a template's shares
    /// sum to exactly 100.
    pub percent: Decimal,
    pub tax_code: Option<String>,
    pub dims: [Option<String>; DIMENSIONS],
    pub memo: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostingTemplate {
    pub code: String,
    pub name: String,
    pub lines: Vec<TemplateLine>,
}
