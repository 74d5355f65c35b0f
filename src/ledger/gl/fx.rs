//! Exchange rates (Wechselkurse): a dated rate table per currency. A rate
//! is quoted as units of the foreign currency per one unit of local
//! currency (`rate_fc_per_lc`, the ECB quotation when LC is EUR: USD
//! 1.0837 means 1 EUR = 1.0837 USD). The rate for a date is the latest one
//! on or before it. Converted amounts are rounded half away from zero to
//! the target's decimals, once, per line.

use crate::ledger::gl::error::GlError;
use crate::ledger::types::Currency;
use crate::ledger::types::limits::{MAX_FX_RATE, MAX_FX_RATE_DECIMALS};
use crate::ledger::types::money::{decimals_used, round};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RateTable {
    rates: BTreeMap<Currency, BTreeMap<NaiveDate, Decimal>>,
}

impl RateTable {
    /// Checks a rate before it becomes an event.
    pub fn check_rate(currency: Currency, rate_fc_per_lc: Decimal) -> Result<(), GlError> {
        if rate_fc_per_lc <= Decimal::ZERO || rate_fc_per_lc > MAX_FX_RATE {
            return Err(GlError::RateOutOfRange {
                currency,
                max: MAX_FX_RATE,
            });
        }
        if decimals_used(rate_fc_per_lc) > MAX_FX_RATE_DECIMALS {
            return Err(GlError::RateTooPrecise {
                currency,
                max: MAX_FX_RATE_DECIMALS,
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
    pub fn rate_on(&self, currency: Currency, date: NaiveDate) -> Result<Decimal, GlError> {
        self.rates
            .get(&currency)
            .and_then(|by_date| by_date.range(..=date).next_back())
            .map(|(_, rate)| *rate)
            .ok_or(GlError::RateMissing { currency, date })
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
            Err(GlError::RateMissing {
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
