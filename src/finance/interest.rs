//! Default interest under § 288 BGB and the € 40 flat fee of § 288 (5).
//!
//! The rate is the base rate of § 247 BGB (Basiszinssatz, set by the
//! Bundesbank for each half-year from 1 January and 1 July) plus 5
//! percentage points when a consumer is the debtor, plus 9 points (8 for
//! obligations that arose before 29 July 2014, Art. 229 § 34 EGBGB) when
//! no consumer is involved. Interest runs for each day after the due date
//! up to and including the as-of date; a period that crosses a base-rate
//! change is split, each part computed with its own rate.
//!
//! Arithmetic is exact: each part is principal × rate × days / (100 ×
//! basis), computed in integers and rounded once to cents, half away from
//! zero; the total is the sum of the rounded parts, so a letter's lines
//! add up to its total. The base-rate table is data
//! (`basiszinssatz.csv`), editable, and refuses to guess a rate it does
//! not hold.

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The shipped table (see the file's header for its source and status).
pub const SHIPPED_TABLE: &str = include_str!("basiszinssatz.csv");

/// The base rate from one half-year start on, in percent per year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaseRate {
    pub valid_from: NaiveDate,
    pub percent: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BaseRateError {
    #[error("the table holds no rates")]
    Empty,
    /// 1-based line of the text.
    #[error("line {line}: expected \"YYYY-MM-DD;percent\"")]
    BadLine { line: usize },
    #[error("{date}: the base rate changes only on 1 January and 1 July")]
    NotHalfYearStart { date: NaiveDate },
    #[error("{date}: the rates must follow each other half-year by half-year")]
    NotConsecutive { date: NaiveDate },
}

/// A gapless series of half-yearly base rates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaseRateTable {
    rates: Vec<BaseRate>,
}

fn is_half_year_start(date: NaiveDate) -> bool {
    date.day() == 1 && (date.month() == 1 || date.month() == 7)
}

fn next_half_year(date: NaiveDate) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(6))
}

impl BaseRateTable {
    /// A table from rates in date order, one per half-year without gaps.
    pub fn new(rates: Vec<BaseRate>) -> Result<Self, BaseRateError> {
        if rates.is_empty() {
            return Err(BaseRateError::Empty);
        }
        for (i, rate) in rates.iter().enumerate() {
            let date = rate.valid_from;
            if !is_half_year_start(date) {
                return Err(BaseRateError::NotHalfYearStart { date });
            }
            if i > 0 && next_half_year(rates[i - 1].valid_from) != Some(date) {
                return Err(BaseRateError::NotConsecutive { date });
            }
        }
        Ok(BaseRateTable { rates })
    }

    /// Reads `valid_from;percent` lines; `#` comments, blank lines and
    /// the header line `valid_from;percent` are skipped.
    pub fn parse(text: &str) -> Result<Self, BaseRateError> {
        let mut rates = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') || line == "valid_from;percent" {
                continue;
            }
            let bad = BaseRateError::BadLine { line: i + 1 };
            let (date, percent) = line.split_once(';').ok_or(bad.clone())?;
            let valid_from =
                NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| bad.clone())?;
            let percent = percent.trim().parse::<Decimal>().map_err(|_| bad)?;
            rates.push(BaseRate {
                valid_from,
                percent,
            });
        }
        Self::new(rates)
    }

    /// The table shipped with Kontor.
    pub fn shipped() -> Result<Self, BaseRateError> {
        Self::parse(SHIPPED_TABLE)
    }

    pub fn rates(&self) -> &[BaseRate] {
        &self.rates
    }

    /// The last day the table has a rate for.
    pub fn known_until(&self) -> Option<NaiveDate> {
        let last = self.rates.last()?;
        next_half_year(last.valid_from)?.pred_opt()
    }

    /// The rate on `date` and the first day of the next half-year.
    fn period_of(&self, date: NaiveDate) -> Option<(Decimal, NaiveDate)> {
        let index = self.rates.partition_point(|r| r.valid_from <= date);
        let rate = self.rates.get(index.checked_sub(1)?)?;
        let end = next_half_year(rate.valid_from)?;
        (date < end).then_some((rate.percent, end))
    }

    /// The base rate in force on `date`, if the table knows it.
    pub fn rate_on(&self, date: NaiveDate) -> Option<Decimal> {
        self.period_of(date).map(|(rate, _)| rate)
    }
}

/// Who owes: it decides the surcharge and the flat fee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DebtorKind {
    /// A consumer (§ 13 BGB) is party to the transaction.
    Consumer,
    /// No consumer is party to it (business to business).
    Business,
}

/// Days per year the daily rate is taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DayCount {
    /// Actual days, 365 per year (also in leap years).
    Act365,
    /// Actual days, 360 per year.
    Act360,
}

impl DayCount {
    fn days_per_year(self) -> i128 {
        match self {
            DayCount::Act365 => 365,
            DayCount::Act360 => 360,
        }
    }
}

/// The day the 9-point surcharge and the flat fee start to apply to
/// obligations arising from it on (Art. 229 § 34 EGBGB). Evaluated at
/// compile time.
const PAYMENT_DELAYS_ACT: NaiveDate = match NaiveDate::from_ymd_opt(2014, 7, 29) {
    Some(date) => date,
    None => panic!("29 July 2014 is a date"),
};

/// Percentage points above the base rate (§ 288 (1) and (2) BGB).
pub fn surcharge_points(debtor: DebtorKind, obligation_arose_on: NaiveDate) -> Decimal {
    match debtor {
        DebtorKind::Consumer => Decimal::from(5),
        DebtorKind::Business if obligation_arose_on >= PAYMENT_DELAYS_ACT => Decimal::from(9),
        DebtorKind::Business => Decimal::from(8),
    }
}

/// The € 40 flat fee per claim of § 288 (5) BGB: for business debtors
/// and obligations that arose from 29 July 2014 on, otherwise nothing.
/// (It counts towards damages for costs of legal pursuit.)
pub fn flat_fee(debtor: DebtorKind, obligation_arose_on: NaiveDate) -> Decimal {
    match debtor {
        DebtorKind::Business if obligation_arose_on >= PAYMENT_DELAYS_ACT => Decimal::from(40),
        _ => Decimal::ZERO,
    }
}

/// One overdue amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestClaim {
    pub principal: Decimal,
    /// The last day payment was on time; interest runs from the day after.
    pub due_date: NaiveDate,
    /// Interest runs up to and including this day.
    pub as_of: NaiveDate,
    pub debtor: DebtorKind,
    /// When the obligation arose (usually the invoice or contract date).
    pub obligation_arose_on: NaiveDate,
    pub day_count: DayCount,
}

/// One stretch of days at one rate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestPeriod {
    pub from: NaiveDate,
    /// Inclusive.
    pub to: NaiveDate,
    pub days: i64,
    pub base_rate: Decimal,
    /// Base rate plus surcharge, percent per year.
    pub rate: Decimal,
    /// Rounded to cents.
    pub interest: Decimal,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterestStatement {
    pub periods: Vec<InterestPeriod>,
    pub total: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InterestError {
    #[error("the principal must not be negative")]
    NegativePrincipal,
    #[error("the base-rate table has no rate for {date}")]
    BaseRateUnknown { date: NaiveDate },
    #[error("the amounts are too large to compute exactly")]
    Overflow,
}

/// `numerator / denominator` rounded to cents, half away from zero,
/// exactly: both sides are brought to integers and divided once.
fn round_to_cents(numerator: Decimal, denominator: i128) -> Option<Decimal> {
    let scale = numerator.scale();
    let denominator = denominator.checked_mul(10i128.checked_pow(scale)?)?;
    let scaled = numerator.mantissa().checked_mul(100)?;
    let (quotient, remainder) = (scaled / denominator, scaled % denominator);
    let away = remainder.checked_abs()?.checked_mul(2)? >= denominator.abs();
    let cents = if away {
        quotient + scaled.signum() * denominator.signum()
    } else {
        quotient
    };
    Decimal::try_from_i128_with_scale(cents, 2).ok()
}

/// Interest on `claim` under § 288 BGB, split at every base-rate change.
/// Nothing is owed (an empty statement) when `as_of` is not after the due date.
pub fn default_interest(
    table: &BaseRateTable,
    claim: &InterestClaim,
) -> Result<InterestStatement, InterestError> {
    if claim.principal < Decimal::ZERO {
        return Err(InterestError::NegativePrincipal);
    }
    let points = surcharge_points(claim.debtor, claim.obligation_arose_on);
    let mut statement = InterestStatement::default();
    let mut from = claim.due_date.checked_add_days(Days::new(1));
    while let Some(start) = from.filter(|d| *d <= claim.as_of) {
        let (base_rate, next_change) = table
            .period_of(start)
            .ok_or(InterestError::BaseRateUnknown { date: start })?;
        let to = next_change
            .pred_opt()
            .map_or(claim.as_of, |d| d.min(claim.as_of));
        let days = (to - start).num_days() + 1;
        let rate = base_rate + points;
        let numerator = claim
            .principal
            .checked_mul(rate)
            .and_then(|x| x.checked_mul(Decimal::from(days)))
            .ok_or(InterestError::Overflow)?;
        let interest = round_to_cents(numerator, 100 * claim.day_count.days_per_year())
            .ok_or(InterestError::Overflow)?;
        statement.total = statement
            .total
            .checked_add(interest)
            .ok_or(InterestError::Overflow)?;
        statement.periods.push(InterestPeriod {
            from: start,
            to,
            days,
            base_rate,
            rate,
            interest,
        });
        from = Some(next_change);
    }
    statement.total.rescale(2);
    Ok(statement)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounding_is_half_away_from_zero_and_exact() {
        assert_eq!(round_to_cents(dec!(1), 200), Some(dec!(0.01))); // 0.005
        assert_eq!(round_to_cents(dec!(0.99), 100), Some(dec!(0.01))); // 0.0099
        assert_eq!(round_to_cents(dec!(0.4), 100), Some(dec!(0.00))); // 0.004
        assert_eq!(round_to_cents(dec!(-1), 200), Some(dec!(-0.01)));
        // 1/3 has no exact decimal: 0.333… → 0.33.
        assert_eq!(round_to_cents(dec!(1), 3), Some(dec!(0.33)));
    }
}
