//! The rounding rules of a derived price list (Rundungsregeln): a step
//! (the cent, 0.05, 0.10, a whole unit, a price ending in .99) and a mode
//! (commercial, up, down), exact on `Decimal`.
//!
//! Why its own module: the same rule rounds a derived price in the lookup,
//! in the mass update's preview and in the property test, and each of the
//! fifteen combinations is tested here once.
//!
//! Steps other than `Cent` are in the currency's major unit (0.05 EUR,
//! 0.05 USD). Prices are never negative, so "up" and "down" are toward
//! and away from zero alike. Commercial rounding takes the nearer step
//! and, exactly half-way, the higher one (half away from zero).
//!
//! `Ending99`: the steps are 0.99, 1.99, 2.99, …; Commercial takes the
//! nearest (12.49 → 12.99, half-way goes up), Up the next x.99 ≥ the
//! value, Down the previous x.99 ≤ it. Below 0.99 there is no smaller
//! non-negative x.99, so every mode gives 0.99 (0.50 → 0.99, also Down:
//! a price never becomes free by rounding); 0 stays 0 (a free item stays
//! free).

use crate::ledger::items::prices::{RoundMode, RoundStep, Rounding};
use crate::ledger::types::money::minor_unit;
use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

impl Rounding {
    /// `value` (≥ 0) rounded by this rule; `decimals` are the currency's
    /// (the size of `Cent`).
    pub fn apply(&self, value: Decimal, decimals: u32) -> Decimal {
        let step = match self.step {
            RoundStep::Cent => minor_unit(decimals),
            RoundStep::FiveCents => dec!(0.05),
            RoundStep::TenCents => dec!(0.10),
            RoundStep::Whole => Decimal::ONE,
            RoundStep::Ending99 => return ending_99(value, self.mode),
        };
        to_step(value, step, self.mode)
    }
}

/// `value` to a multiple of `step`.
fn to_step(value: Decimal, step: Decimal, mode: RoundMode) -> Decimal {
    let steps = (value / step).round_dp_with_strategy(0, strategy(mode));
    (steps * step).normalize()
}

fn strategy(mode: RoundMode) -> RoundingStrategy {
    match mode {
        RoundMode::Commercial => RoundingStrategy::MidpointAwayFromZero,
        RoundMode::Up => RoundingStrategy::AwayFromZero,
        RoundMode::Down => RoundingStrategy::ToZero,
    }
}

/// `value` to a price ending in .99 (see the module doc).
fn ending_99(value: Decimal, mode: RoundMode) -> Decimal {
    if value <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let cent = dec!(0.01);
    // The largest x.99 ≤ value (may be -0.01 below 0.99).
    let lower = (value + cent).floor() - cent;
    let upper = if lower == value {
        lower
    } else {
        lower + Decimal::ONE
    };
    let picked = match mode {
        RoundMode::Down => lower,
        RoundMode::Up => upper,
        RoundMode::Commercial if value - lower < upper - value => lower,
        RoundMode::Commercial => upper,
    };
    picked.max(dec!(0.99)).normalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(step: RoundStep, mode: RoundMode, value: Decimal) -> Decimal {
        Rounding { step, mode }.apply(value, 2)
    }

    use RoundMode::{Commercial as C, Down as D, Up as U};
    use RoundStep::*;

    #[test]
    fn cent() {
        assert_eq!(r(Cent, C, dec!(8.4915)), dec!(8.49));
        assert_eq!(r(Cent, C, dec!(8.495)), dec!(8.50));
        assert_eq!(r(Cent, U, dec!(8.491)), dec!(8.50));
        assert_eq!(r(Cent, D, dec!(8.499)), dec!(8.49));
        assert_eq!(r(Cent, U, dec!(8.49)), dec!(8.49));
        // JPY has no cents: the step is one yen.
        let yen = Rounding {
            step: Cent,
            mode: C,
        };
        assert_eq!(yen.apply(dec!(1234.5), 0), dec!(1235));
    }

    #[test]
    fn five_cents() {
        assert_eq!(r(FiveCents, C, dec!(8.4915)), dec!(8.50));
        assert_eq!(r(FiveCents, C, dec!(8.424)), dec!(8.40));
        assert_eq!(r(FiveCents, C, dec!(8.425)), dec!(8.45));
        assert_eq!(r(FiveCents, U, dec!(8.401)), dec!(8.45));
        assert_eq!(r(FiveCents, D, dec!(8.449)), dec!(8.40));
        assert_eq!(r(FiveCents, D, dec!(8.45)), dec!(8.45));
    }

    #[test]
    fn ten_cents() {
        assert_eq!(r(TenCents, C, dec!(8.45)), dec!(8.50));
        assert_eq!(r(TenCents, C, dec!(8.449)), dec!(8.40));
        assert_eq!(r(TenCents, U, dec!(8.401)), dec!(8.50));
        assert_eq!(r(TenCents, D, dec!(8.499)), dec!(8.40));
    }

    #[test]
    fn whole() {
        assert_eq!(r(Whole, C, dec!(8.5)), dec!(9));
        assert_eq!(r(Whole, C, dec!(8.49)), dec!(8));
        assert_eq!(r(Whole, U, dec!(8.01)), dec!(9));
        assert_eq!(r(Whole, D, dec!(8.99)), dec!(8));
        assert_eq!(r(Whole, U, dec!(8)), dec!(8));
    }

    #[test]
    fn ending_99_commercial_takes_the_nearest_and_half_way_goes_up() {
        assert_eq!(r(Ending99, C, dec!(12.80)), dec!(12.99));
        assert_eq!(r(Ending99, C, dec!(12.40)), dec!(11.99));
        assert_eq!(r(Ending99, C, dec!(12.49)), dec!(12.99));
        assert_eq!(r(Ending99, C, dec!(12.99)), dec!(12.99));
        assert_eq!(r(Ending99, C, dec!(0.50)), dec!(0.99));
    }

    #[test]
    fn ending_99_up_and_down() {
        assert_eq!(r(Ending99, U, dec!(12.00)), dec!(12.99));
        assert_eq!(r(Ending99, U, dec!(12.995)), dec!(13.99));
        assert_eq!(r(Ending99, D, dec!(12.98)), dec!(11.99));
        assert_eq!(r(Ending99, D, dec!(12.99)), dec!(12.99));
        assert_eq!(r(Ending99, U, dec!(0.50)), dec!(0.99));
        assert_eq!(r(Ending99, D, dec!(0.50)), dec!(0.99));
        assert_eq!(r(Ending99, D, dec!(0)), dec!(0));
    }
}
