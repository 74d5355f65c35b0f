//! Exchange rates (Wechselkurse): a dated rate table per currency. A rate
//! is quoted as units of the foreign currency per one unit of local
//! currency (`rate_fc_per_lc`, the ECB quotation when LC is EUR: USD
//! 1.0837 means 1 EUR = 1.0837 USD). The rate for a date is the latest one
//! on or before it. Converted amounts are rounded half away from zero to
//! the target's decimals, once, per line.

use crate::ledger::currency::Currency;
use crate::ledger::error::DomainError;
use crate::ledger::money::round;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Largest accepted rate (units of FC per LC); beyond it, a typo is likelier.
pub const MAX_RATE: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);
/// Most decimals a rate may carry (ECB publishes at most 4 or 5).
pub const MAX_RATE_DECIMALS: u32 = 10;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateTable {
    rates: BTreeMap<Currency, BTreeMap<NaiveDate, Decimal>>,
}

impl RateTable {
    /// Checks a rate before it becomes an event.
    pub fn check_rate(currency: Currency, rate_fc_per_lc: Decimal) -> Result<(), DomainError> {
        if rate_fc_per_lc <= Decimal::ZERO || rate_fc_per_lc > MAX_RATE {
            return Err(DomainError::RateOutOfRange {
                currency,
                max: MAX_RATE,
            });
        }
        if crate::ledger::money::decimals_used(rate_fc_per_lc) > MAX_RATE_DECIMALS {
            return Err(DomainError::RateTooPrecise {
                currency,
                max: MAX_RATE_DECIMALS,
            });
        }
        Ok(())
    }

    /// Sets (or replaces) the rate of `currency` from `date` on.
    pub fn set(&mut self, currency: Currency, date: NaiveDate, rate_fc_per_lc: Decimal) {
        self.rates
            .entry(currency)
            .or_default()
            .insert(date, rate_fc_per_lc);
    }

    /// The latest rate on or before `date`.
    pub fn rate_on(&self, currency: Currency, date: NaiveDate) -> Result<Decimal, DomainError> {
        self.rates
            .get(&currency)
            .and_then(|by_date| by_date.range(..=date).next_back())
            .map(|(_, rate)| *rate)
            .ok_or(DomainError::RateMissing { currency, date })
    }

    /// All rates of one currency, by date.
    pub fn history(&self, currency: Currency) -> impl Iterator<Item = (NaiveDate, Decimal)> + '_ {
        self.rates
            .get(&currency)
            .into_iter()
            .flat_map(|m| m.iter().map(|(d, r)| (*d, *r)))
    }
}

/// LC amount of an FC amount: `amount_fc / rate_fc_per_lc`, rounded.
pub fn lc_from_fc(amount_fc: Decimal, rate_fc_per_lc: Decimal, lc_decimals: u32) -> Decimal {
    round(amount_fc / rate_fc_per_lc, lc_decimals)
}

/// FC amount of an LC amount: `amount_lc * rate_fc_per_lc`, rounded.
pub fn fc_from_lc(amount_lc: Decimal, rate_fc_per_lc: Decimal, fc_decimals: u32) -> Decimal {
    round(amount_lc * rate_fc_per_lc, fc_decimals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn rate_for_a_date_is_the_latest_on_or_before_it() {
        let mut t = RateTable::default();
        t.set(Currency::USD, d(2024, 1, 2), dec!(1.0956));
        t.set(Currency::USD, d(2024, 1, 5), dec!(1.0837));
        assert_eq!(t.rate_on(Currency::USD, d(2024, 1, 4)), Ok(dec!(1.0956)));
        assert_eq!(t.rate_on(Currency::USD, d(2024, 1, 5)), Ok(dec!(1.0837)));
        assert_eq!(t.rate_on(Currency::USD, d(2024, 3, 1)), Ok(dec!(1.0837)));
        assert_eq!(
            t.rate_on(Currency::USD, d(2024, 1, 1)),
            Err(DomainError::RateMissing {
                currency: Currency::USD,
                date: d(2024, 1, 1)
            })
        );
    }

    #[test]
    fn conversions_round_half_away_from_zero() {
        // 100 USD at 1.0837 USD/EUR = 92.2764... EUR
        assert_eq!(lc_from_fc(dec!(100.00), dec!(1.0837), 2), dec!(92.28));
        // 10000 JPY at 161.25 JPY/EUR = 62.0155... EUR
        assert_eq!(lc_from_fc(dec!(10000), dec!(161.25), 2), dec!(62.02));
        assert_eq!(fc_from_lc(dec!(62.02), dec!(161.25), 0), dec!(10001));
    }

    #[test]
    fn zero_negative_and_overly_precise_rates_are_refused() {
        assert!(RateTable::check_rate(Currency::USD, dec!(0)).is_err());
        assert!(RateTable::check_rate(Currency::USD, dec!(-1.1)).is_err());
        assert!(RateTable::check_rate(Currency::USD, dec!(1.12345678901)).is_err());
        assert!(RateTable::check_rate(Currency::USD, dec!(1.0837)).is_ok());
    }
}
