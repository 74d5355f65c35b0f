//! Display decimals (Anzeige-Nachkommastellen, issue 18's global
//! parameters): how many decimals exchange rates and quantities are shown
//! with at least. A value stored with more decimals shows them all: a rate
//! rounded for the screen would misstate what a posting used. Amounts are
//! not here: their decimals are the currency's and the company's
//! (`Settings::amount_decimals`), fixed at setup.

use crate::ledger::types::limits::{MAX_FX_RATE_DECIMALS, MAX_QUANTITY_DECIMALS};
use rust_decimal::Decimal;

/// The least decimals rates and quantities are shown with. The default
/// (none) shows each value as stored, as before the setting existed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DisplayDecimals {
    pub rates: u32,
    pub quantities: u32,
}

/// Which display setting is out of range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisplayField {
    Rates,
    Quantities,
}

/// A display setting above what a stored value can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field:?} may be shown with at most {max} decimals, not {decimals}")]
pub struct DisplayDecimalsError {
    pub field: DisplayField,
    pub decimals: u32,
    pub max: u32,
}

impl DisplayDecimals {
    /// At most the decimals a stored rate or quantity may have.
    pub fn check(&self) -> Result<(), DisplayDecimalsError> {
        for (field, decimals, max) in [
            (DisplayField::Rates, self.rates, MAX_FX_RATE_DECIMALS),
            (
                DisplayField::Quantities,
                self.quantities,
                MAX_QUANTITY_DECIMALS,
            ),
        ] {
            if decimals > max {
                return Err(DisplayDecimalsError {
                    field,
                    decimals,
                    max,
                });
            }
        }
        Ok(())
    }

    /// The decimals `rate` is shown with.
    pub fn rate(&self, rate: Decimal) -> u32 {
        shown(rate, self.rates)
    }

    /// The decimals `quantity` is shown with.
    pub fn quantity(&self, quantity: Decimal) -> u32 {
        shown(quantity, self.quantities)
    }
}

/// At least `least`, and every decimal the value has.
fn shown(value: Decimal, least: u32) -> u32 {
    value.normalize().scale().max(least)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn values_show_at_least_the_setting_and_never_fewer_than_they_have() {
        let d = DisplayDecimals {
            rates: 4,
            quantities: 2,
        };
        assert_eq!(d.rate(dec!(1.08)), 4);
        assert_eq!(d.rate(dec!(1.083456)), 6);
        assert_eq!(d.quantity(dec!(100)), 2);
        assert_eq!(d.quantity(dec!(2.5000)), 2);
        assert_eq!(d.quantity(dec!(0.125)), 3);
        let stored = DisplayDecimals::default();
        assert_eq!(stored.rate(dec!(1.0800)), 2);
        assert_eq!(stored.quantity(dec!(3)), 0);
    }

    #[test]
    fn settings_above_what_is_stored_are_refused() {
        let too_many = DisplayDecimals {
            rates: MAX_FX_RATE_DECIMALS + 1,
            quantities: 0,
        };
        assert_eq!(
            too_many.check().map_err(|e| e.field),
            Err(DisplayField::Rates)
        );
        let quantities = DisplayDecimals {
            rates: 0,
            quantities: MAX_QUANTITY_DECIMALS + 1,
        };
        assert_eq!(
            quantities.check().map_err(|e| (e.field, e.max)),
            Err((DisplayField::Quantities, MAX_QUANTITY_DECIMALS))
        );
        let most = DisplayDecimals {
            rates: MAX_FX_RATE_DECIMALS,
            quantities: MAX_QUANTITY_DECIMALS,
        };
        assert_eq!(most.check(), Ok(()));
    }
}
