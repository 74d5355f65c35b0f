//! Until helper C's `formats::datev::bu` is merged: the BU key of a tax
//! code by its kind, direction and rate (SKR03/SKR04 keys).

use crate::ledger::tax::{TaxCode, TaxDirection, TaxKind};
use rust_decimal::Decimal;

/// `Ok(None)`: the code needs no key (tax-free); `Err(())`: no key known.
pub fn bu_key(code: &TaxCode, percent: Decimal) -> Result<Option<&'static str>, ()> {
    let seven = percent == Decimal::from(7);
    Ok(Some(match (code.kind, code.direction) {
        (TaxKind::TaxFree, _) => return Ok(None),
        (TaxKind::Standard | TaxKind::Reduced, TaxDirection::Output) => {
            if seven { "2" } else { "3" }
        }
        (TaxKind::Standard | TaxKind::Reduced, TaxDirection::Input) => {
            if seven { "8" } else { "9" }
        }
        (TaxKind::IntraEuSupply, _) => "10",
        (TaxKind::IntraEuAcquisition, _) => {
            if seven { "18" } else { "19" }
        }
        (TaxKind::ReverseCharge13b, _) => "94",
    }))
}
