//! Loan schedules (Tilgungspläne) for annuity and fixed-principal loans.
//!
//! Conventions (those of German banks for instalment loans, stated so a
//! bookkeeper can check a schedule by hand):
//!
//! - **Dates.** The first instalment falls on the first payment day that is
//!   at least one period after the payout (`start`): the payment day in the
//!   month one period after the start, or in the month after that when the
//!   payment day comes before the start's day of month (payout 15 January,
//!   monthly, payment day 1 → first instalment 1 March). Every further
//!   instalment falls one period later, on the payment day clamped to the
//!   month's last day (payment day 31 → 28/29 February).
//! - **Interest** (30/360 per period): each instalment pays the interest of
//!   one full period on the debt remaining before it, `remaining × rate/100
//!   × months/12`, rounded to the cent half away from zero. A first period
//!   that is longer than one period (see dates) still bears one period's
//!   interest: full periods, no broken-period interest.
//! - **Annuity.** The instalment is `A = P·q / (1 − (1+q)^−n)` with `q` the
//!   period rate (`rate/100 × months/12`), `P` the debt and `n` the number
//!   of instalments, rounded to the cent; each instalment's principal part
//!   is `A − interest`. With a zero rate `A = P / n`. The power is computed
//!   in `Decimal` (28 significant digits), never in floating point.
//! - **Fixed principal** (Ratentilgung): each instalment repays `P / n`
//!   rounded to the cent, plus the period's interest.
//! - **The last instalment** repays exactly the debt left, so the principal
//!   parts always add up to the principal and the debt ends at zero; it
//!   absorbs every rounding difference. An earlier instalment never repays
//!   more than the debt left (its principal part is capped), so the debt is
//!   never negative.
//! - **Rate changes.** Rates hold from a date on; an instalment bears the
//!   rate in force on its own date (the last rate whose date is on or
//!   before it). For an annuity loan the instalment is recomputed, with the
//!   formula above, from the debt remaining before the first instalment
//!   under a new rate and the number of instalments left (so the loan still
//!   ends on its last date); for a fixed-principal loan only the interest
//!   changes. Instalments before the change stay exactly as they were.
//!
//! Amounts are in a currency with cents (two decimals). No I/O and nothing
//! of the ledger: the recurring sub-ledger turns rows into postings.

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

/// Largest principal: 10^12.
pub const MAX_PRINCIPAL: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// Highest nominal rate in percent a year.
pub const MAX_RATE: Decimal = Decimal::from_parts(30, 0, 0, false, 0);
/// Decimals of a rate in percent (4.1234 %).
pub const MAX_RATE_DECIMALS: u32 = 4;
/// Longest term in months (instalments × months between them): 50 years.
pub const MAX_TERM_MONTHS: u32 = 600;
/// Most rate changes of one loan (besides the first rate).
pub const MAX_RATE_CHANGES: usize = 100;
/// Decimals of an amount (cents).
pub const DECIMALS: u32 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Repayment {
    /// Equal instalments (interest + principal), the last absorbing the
    /// rounding.
    Annuity,
    /// Equal principal parts plus the interest of the period.
    FixedPrincipal,
}

/// What a schedule is computed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoanTerms {
    pub principal: Decimal,
    /// Nominal rate in percent a year from a date on, in date order; the
    /// first from the start.
    pub rates: Vec<(NaiveDate, Decimal)>,
    /// Payout date.
    pub start: NaiveDate,
    /// Number of instalments.
    pub instalments: u32,
    /// Months between instalments: 1, 3, 6 or 12.
    pub every_months: u8,
    /// Day of month of each instalment, 1–31 (clamped to the month's end).
    pub payment_day: u8,
    pub repayment: Repayment,
}

/// One row of the schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based.
    pub number: u32,
    pub date: NaiveDate,
    /// The rate in force on `date`, percent a year.
    pub rate: Decimal,
    /// What is paid: interest + principal.
    pub instalment: Decimal,
    pub interest: Decimal,
    pub principal: Decimal,
    /// Debt after this instalment.
    pub remaining: Decimal,
}

/// Sums over a schedule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Totals {
    pub instalment: Decimal,
    pub interest: Decimal,
    pub principal: Decimal,
}

/// Why a schedule cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoanError {
    #[error("the principal {principal} is not positive")]
    PrincipalNotPositive { principal: Decimal },
    #[error("the principal {principal} is above {max}")]
    PrincipalTooLarge { principal: Decimal, max: Decimal },
    #[error("the principal {principal} has more than {max} decimals")]
    PrincipalDecimals { principal: Decimal, max: u32 },
    #[error("the loan's term is zero")]
    ZeroTerm,
    #[error("the term of {months} months is longer than {max} months")]
    TermTooLong { months: u32, max: u32 },
    #[error("instalments every {months} months: only 1, 3, 6 or 12")]
    Interval { months: u8 },
    #[error("payment day {day} is not a day of a month (1–31)")]
    PaymentDay { day: u8 },
    #[error("the loan has no interest rate")]
    NoRate,
    #[error("the rate {rate} % from {from} is not between 0 and {max} %")]
    RateOutOfRange {
        from: NaiveDate,
        rate: Decimal,
        max: Decimal,
    },
    #[error("the rate {rate} % from {from} has more than {max} decimals")]
    RateDecimals {
        from: NaiveDate,
        rate: Decimal,
        max: u32,
    },
    #[error("the first rate holds from {from}, not from the start {start}")]
    FirstRateNotAtStart { from: NaiveDate, start: NaiveDate },
    #[error("the rate from {from} does not follow the one before it in date order")]
    RatesNotInOrder { from: NaiveDate },
    #[error("more than {max} rate changes")]
    TooManyRateChanges { max: usize },
}

/// Rounds to cents, half away from zero.
pub fn round_cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(DECIMALS, RoundingStrategy::MidpointAwayFromZero)
}

/// Checks the terms without computing the schedule.
pub fn check(terms: &LoanTerms) -> Result<(), LoanError> {
    let principal = terms.principal;
    if principal <= Decimal::ZERO {
        return Err(LoanError::PrincipalNotPositive { principal });
    }
    if principal > MAX_PRINCIPAL {
        return Err(LoanError::PrincipalTooLarge {
            principal,
            max: MAX_PRINCIPAL,
        });
    }
    if principal.normalize().scale() > DECIMALS {
        return Err(LoanError::PrincipalDecimals {
            principal,
            max: DECIMALS,
        });
    }
    if terms.instalments == 0 {
        return Err(LoanError::ZeroTerm);
    }
    if !matches!(terms.every_months, 1 | 3 | 6 | 12) {
        return Err(LoanError::Interval {
            months: terms.every_months,
        });
    }
    let months = terms
        .instalments
        .saturating_mul(u32::from(terms.every_months));
    if months > MAX_TERM_MONTHS {
        return Err(LoanError::TermTooLong {
            months,
            max: MAX_TERM_MONTHS,
        });
    }
    if !(1..=31).contains(&terms.payment_day) {
        return Err(LoanError::PaymentDay {
            day: terms.payment_day,
        });
    }
    check_rates(&terms.rates, terms.start)
}

/// Checks a rate table: at least one rate, the first from `start`, dates
/// strictly increasing, each rate in 0..=`MAX_RATE` with at most
/// `MAX_RATE_DECIMALS` decimals.
pub fn check_rates(rates: &[(NaiveDate, Decimal)], start: NaiveDate) -> Result<(), LoanError> {
    let Some(&(first, _)) = rates.first() else {
        return Err(LoanError::NoRate);
    };
    if first != start {
        return Err(LoanError::FirstRateNotAtStart { from: first, start });
    }
    if rates.len() > MAX_RATE_CHANGES + 1 {
        return Err(LoanError::TooManyRateChanges {
            max: MAX_RATE_CHANGES,
        });
    }
    for (i, &(from, rate)) in rates.iter().enumerate() {
        if i > 0 && rates[i - 1].0 >= from {
            return Err(LoanError::RatesNotInOrder { from });
        }
        if rate < Decimal::ZERO || rate > MAX_RATE {
            return Err(LoanError::RateOutOfRange {
                from,
                rate,
                max: MAX_RATE,
            });
        }
        if rate.normalize().scale() > MAX_RATE_DECIMALS {
            return Err(LoanError::RateDecimals {
                from,
                rate,
                max: MAX_RATE_DECIMALS,
            });
        }
    }
    Ok(())
}

/// The rate table with `rate` from `from` on: a rate of the same date is
/// replaced, later and earlier rates stay. Not checked.
pub fn with_rate(
    rates: &[(NaiveDate, Decimal)],
    from: NaiveDate,
    rate: Decimal,
) -> Vec<(NaiveDate, Decimal)> {
    let mut out: Vec<(NaiveDate, Decimal)> =
        rates.iter().copied().filter(|&(d, _)| d != from).collect();
    let at = out.partition_point(|&(d, _)| d < from);
    out.insert(at, (from, rate));
    out
}

/// The rate in force on `date`: the last whose date is on or before it,
/// else the first.
pub fn rate_on(rates: &[(NaiveDate, Decimal)], date: NaiveDate) -> Decimal {
    rates
        .iter()
        .rev()
        .find(|&&(from, _)| from <= date)
        .or(rates.first())
        .map_or(Decimal::ZERO, |&(_, rate)| rate)
}

/// Months since year 0 of a date's month (0-based month).
fn month_index(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 12 + i64::from(date.month0())
}

/// The payment day in the month `index` (see `month_index`), clamped to
/// the month's last day; `None` outside chrono's range.
fn on_day(index: i64, day: u8) -> Option<NaiveDate> {
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?.day();
    NaiveDate::from_ymd_opt(year, month, u32::from(day).min(last))
}

/// The instalment dates (see the module's conventions); `None` when a date
/// would fall outside the calendar or the inputs are out of range
/// (`check` refuses those first).
pub fn instalment_dates(
    start: NaiveDate,
    instalments: u32,
    every_months: u8,
    payment_day: u8,
) -> Option<Vec<NaiveDate>> {
    if every_months == 0 || !(1..=31).contains(&payment_day) {
        return None;
    }
    let every = i64::from(every_months);
    let one_period_on = start.checked_add_months(Months::new(u32::from(every_months)))?;
    let mut first = month_index(start) + every;
    if on_day(first, payment_day)? < one_period_on {
        first += 1;
    }
    (0..i64::from(instalments))
        .map(|k| on_day(first + k * every, payment_day))
        .collect()
}

/// Interest of one period on `debt` at `rate` percent a year, 30/360,
/// rounded to the cent.
pub fn period_interest(debt: Decimal, rate: Decimal, every_months: u8) -> Decimal {
    // debt × rate × months / 1200: one division, one rounding.
    round_cents(debt * rate * Decimal::from(every_months) / Decimal::from(1200))
}

/// The annuity that repays `debt` in `count` instalments at `rate` percent
/// a year with `every_months` between them, rounded to the cent; a zero
/// rate gives `debt / count`. Zero for zero instalments.
pub fn annuity(debt: Decimal, rate: Decimal, every_months: u8, count: u32) -> Decimal {
    if count == 0 {
        return Decimal::ZERO;
    }
    let q = rate * Decimal::from(every_months) / Decimal::from(1200);
    if q.is_zero() {
        return round_cents(debt / Decimal::from(count));
    }
    // f = (1+q)^n by repeated squaring; the term (≤ 600 months at ≤ 30 %)
    // keeps f below e^15, far inside Decimal's range. Were it to overflow,
    // f/(f−1) would be 1 to more than the cents shown.
    let mut f = Decimal::ONE;
    let mut base = Decimal::ONE + q;
    let mut n = count;
    let mut overflow = false;
    while n > 0 {
        if n & 1 == 1 {
            match f.checked_mul(base) {
                Some(v) => f = v,
                None => {
                    overflow = true;
                    break;
                }
            }
        }
        n >>= 1;
        if n > 0 {
            match base.checked_mul(base) {
                Some(v) => base = v,
                None => {
                    overflow = true;
                    break;
                }
            }
        }
    }
    if overflow {
        return round_cents(debt * q);
    }
    // A = P·q·f/(f−1), the same as P·q/(1 − (1+q)^−n).
    round_cents(debt * q * f / (f - Decimal::ONE))
}

/// The schedule, one row per instalment; the terms are checked first.
pub fn schedule(terms: &LoanTerms) -> Result<Vec<Row>, LoanError> {
    check(terms)?;
    let dates = instalment_dates(
        terms.start,
        terms.instalments,
        terms.every_months,
        terms.payment_day,
    )
    .ok_or(LoanError::TermTooLong {
        months: terms.instalments * u32::from(terms.every_months),
        max: MAX_TERM_MONTHS,
    })?;
    let n = terms.instalments;
    let fixed_part = round_cents(terms.principal / Decimal::from(n));
    let mut rows = Vec::with_capacity(dates.len());
    let mut remaining = terms.principal;
    let mut annuity_amount = Decimal::ZERO;
    let mut previous_rate: Option<Decimal> = None;
    for (i, date) in dates.into_iter().enumerate() {
        let number = u32::try_from(i).map_or(u32::MAX, |i| i + 1);
        let rate = rate_on(&terms.rates, date);
        let interest = period_interest(remaining, rate, terms.every_months);
        let principal = if number == n {
            remaining
        } else {
            let wanted = match terms.repayment {
                Repayment::Annuity => {
                    if previous_rate != Some(rate) {
                        annuity_amount =
                            annuity(remaining, rate, terms.every_months, n - (number - 1));
                    }
                    annuity_amount - interest
                }
                Repayment::FixedPrincipal => fixed_part,
            };
            wanted.max(Decimal::ZERO).min(remaining)
        };
        previous_rate = Some(rate);
        remaining -= principal;
        rows.push(Row {
            number,
            date,
            rate,
            instalment: interest + principal,
            interest,
            principal,
            remaining,
        });
    }
    Ok(rows)
}

/// Sums of the instalments, interest and principal parts.
pub fn totals(rows: &[Row]) -> Totals {
    rows.iter().fold(Totals::default(), |t, r| Totals {
        instalment: t.instalment + r.instalment,
        interest: t.interest + r.interest,
        principal: t.principal + r.principal,
    })
}

/// The debt after every instalment dated on or before `date` (the
/// principal before the first).
pub fn remaining_on(principal: Decimal, rows: &[Row], date: NaiveDate) -> Decimal {
    rows.iter()
        .take_while(|r| r.date <= date)
        .last()
        .map_or(principal, |r| r.remaining)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn max_principal_is_ten_to_the_twelfth() {
        assert_eq!(MAX_PRINCIPAL, dec!(1000000000000));
    }

    #[test]
    fn first_date_is_at_least_one_period_after_the_start() {
        assert_eq!(
            instalment_dates(date(2026, 1, 15), 2, 1, 1),
            Some(vec![date(2026, 3, 1), date(2026, 4, 1)])
        );
        assert_eq!(
            instalment_dates(date(2026, 1, 1), 2, 1, 1),
            Some(vec![date(2026, 2, 1), date(2026, 3, 1)])
        );
        assert_eq!(
            instalment_dates(date(2026, 1, 31), 3, 1, 31),
            Some(vec![
                date(2026, 2, 28),
                date(2026, 3, 31),
                date(2026, 4, 30)
            ])
        );
        assert_eq!(
            instalment_dates(date(2025, 11, 10), 2, 3, 30),
            Some(vec![date(2026, 2, 28), date(2026, 5, 30)])
        );
    }

    #[test]
    fn annuity_of_a_zero_rate_is_the_principal_divided() {
        assert_eq!(annuity(dec!(1200), dec!(0), 1, 12), dec!(100.00));
        assert_eq!(annuity(dec!(100), dec!(0), 1, 3), dec!(33.33));
    }

    #[test]
    fn with_rate_replaces_the_same_date_and_keeps_order() {
        let r = vec![(date(2026, 1, 1), dec!(5)), (date(2026, 7, 1), dec!(6))];
        assert_eq!(
            with_rate(&r, date(2026, 4, 1), dec!(4)),
            vec![
                (date(2026, 1, 1), dec!(5)),
                (date(2026, 4, 1), dec!(4)),
                (date(2026, 7, 1), dec!(6))
            ]
        );
        assert_eq!(
            with_rate(&r, date(2026, 7, 1), dec!(3)),
            vec![(date(2026, 1, 1), dec!(5)), (date(2026, 7, 1), dec!(3))]
        );
    }
}
