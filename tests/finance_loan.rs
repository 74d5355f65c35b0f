//! Loan schedules (`finance::loan`): golden tables computed by hand (the
//! arithmetic is in the comments), a rate change, the refusals, and
//! properties over random loans (the principal parts add up to the
//! principal exactly, the debt is never negative, only the last instalment
//! differs from the annuity).

use chrono::NaiveDate;
use kontor::finance::loan::{
    LoanError, LoanTerms, MAX_RATE, MAX_TERM_MONTHS, Repayment, Row, annuity, check, rate_on,
    remaining_on, schedule, totals, with_rate,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn terms(principal: Decimal, rate: Decimal, n: u32, every: u8, repayment: Repayment) -> LoanTerms {
    LoanTerms {
        principal,
        rates: vec![(date(2026, 1, 1), rate)],
        start: date(2026, 1, 1),
        instalments: n,
        every_months: every,
        payment_day: 1,
        repayment,
    }
}

/// (date, instalment, interest, principal, remaining) as text.
fn table(rows: &[Row]) -> Vec<(NaiveDate, String, String, String, String)> {
    rows.iter()
        .map(|r| {
            (
                r.date,
                r.instalment.to_string(),
                r.interest.to_string(),
                r.principal.to_string(),
                r.remaining.to_string(),
            )
        })
        .collect()
}

fn row(
    d: NaiveDate,
    instalment: &str,
    interest: &str,
    principal: &str,
    remaining: &str,
) -> (NaiveDate, String, String, String, String) {
    (
        d,
        instalment.into(),
        interest.into(),
        principal.into(),
        remaining.into(),
    )
}

/// 10,000.00 € at 6 % a year, 12 monthly instalments, paid out 1 January
/// 2026, payment day 1 (first instalment 1 February, one month later).
///
/// q = 6 / 100 / 12 = 0.005; (1+q)^12 = 1.005^12 = 1.0616778118644995688;
/// A = 10000 · 0.005 · 1.06167781… / 0.06167781… = 860.6642970708 → 860.66.
/// Row k: interest = remaining · 0.005 rounded to the cent, principal =
/// 860.66 − interest:
///  1: 10000.00 · 0.005 = 50.00;   810.66 → 9189.34
///  2: 9189.34 · 0.005 = 45.9467 → 45.95; 814.71 → 8374.63
///  3: 8374.63 · 0.005 = 41.873  → 41.87; 818.79 → 7555.84
///  4: 7555.84 · 0.005 = 37.7792 → 37.78; 822.88 → 6732.96
///  5: 6732.96 · 0.005 = 33.6648 → 33.66; 827.00 → 5905.96
///  6: 5905.96 · 0.005 = 29.5298 → 29.53; 831.13 → 5074.83
///  7: 5074.83 · 0.005 = 25.374  → 25.37; 835.29 → 4239.54
///  8: 4239.54 · 0.005 = 21.1977 → 21.20; 839.46 → 3400.08
///  9: 3400.08 · 0.005 = 17.0004 → 17.00; 843.66 → 2556.42
/// 10: 2556.42 · 0.005 = 12.7821 → 12.78; 847.88 → 1708.54
/// 11: 1708.54 · 0.005 = 8.5427  →  8.54; 852.12 →  856.42
/// 12: 856.42 · 0.005 = 4.2821   →  4.28; the last repays 856.42 exactly,
///     so it is 860.70 (4 cents of rounding absorbed) → 0.00.
/// Totals: 10,327.96 paid = 327.96 interest + 10,000.00 principal.
#[test]
fn annuity_schedule_matches_the_hand_computed_table() {
    let rows =
        schedule(&terms(dec!(10000.00), dec!(6), 12, 1, Repayment::Annuity)).expect("a valid loan");
    let m = |month: u32| {
        if month <= 12 {
            date(2026, month, 1)
        } else {
            date(2027, month - 12, 1)
        }
    };
    assert_eq!(
        table(&rows),
        vec![
            row(m(2), "860.66", "50.00", "810.66", "9189.34"),
            row(m(3), "860.66", "45.95", "814.71", "8374.63"),
            row(m(4), "860.66", "41.87", "818.79", "7555.84"),
            row(m(5), "860.66", "37.78", "822.88", "6732.96"),
            row(m(6), "860.66", "33.66", "827.00", "5905.96"),
            row(m(7), "860.66", "29.53", "831.13", "5074.83"),
            row(m(8), "860.66", "25.37", "835.29", "4239.54"),
            row(m(9), "860.66", "21.20", "839.46", "3400.08"),
            row(m(10), "860.66", "17.00", "843.66", "2556.42"),
            row(m(11), "860.66", "12.78", "847.88", "1708.54"),
            row(m(12), "860.66", "8.54", "852.12", "856.42"),
            row(m(13), "860.70", "4.28", "856.42", "0.00"),
        ]
    );
    let t = totals(&rows);
    assert_eq!(
        (t.instalment, t.interest, t.principal),
        (dec!(10327.96), dec!(327.96), dec!(10000.00))
    );
    assert_eq!(
        rows.iter().map(|r| r.number).collect::<Vec<_>>(),
        (1..=12).collect::<Vec<_>>()
    );
    assert!(rows.iter().all(|r| r.rate == dec!(6)));
}

/// 12,000.00 € at 8 %, 4 quarterly instalments of 3,000.00 principal each
/// (12,000 / 4); q = 8 / 100 · 3 / 12 = 0.02: interest 240.00 on 12,000,
/// 180.00 on 9,000, 120.00 on 6,000, 60.00 on 3,000. First instalment on
/// 1 April 2026 (three months after the payout on 1 January).
#[test]
fn fixed_principal_schedule_matches_the_hand_computed_table() {
    let rows = schedule(&terms(
        dec!(12000.00),
        dec!(8),
        4,
        3,
        Repayment::FixedPrincipal,
    ))
    .expect("a valid loan");
    assert_eq!(
        table(&rows),
        vec![
            row(date(2026, 4, 1), "3240.00", "240.00", "3000.00", "9000.00"),
            row(date(2026, 7, 1), "3180.00", "180.00", "3000.00", "6000.00"),
            row(date(2026, 10, 1), "3120.00", "120.00", "3000.00", "3000.00"),
            row(date(2027, 1, 1), "3060.00", "60.00", "3000.00", "0.00"),
        ]
    );
}

/// 100.00 € in 3 fixed parts: 33.33, 33.33 and the last 33.34.
#[test]
fn fixed_principal_last_part_absorbs_the_rounding() {
    let rows = schedule(&terms(dec!(100), dec!(0), 3, 1, Repayment::FixedPrincipal))
        .expect("a valid loan");
    let parts: Vec<Decimal> = rows.iter().map(|r| r.principal).collect();
    assert_eq!(parts, vec![dec!(33.33), dec!(33.33), dec!(33.34)]);
    assert!(rows.iter().all(|r| r.interest.is_zero()));
}

/// The 10,000 € loan above, with 3 % from 1 August 2026 (instalment 7).
/// Rows 1–6 stay as they were (debt 5,074.83 after row 6). From row 7:
/// q = 3 / 100 / 12 = 0.0025, six instalments left; 1.0025^6 =
/// 1.0150940630865236816; A = 5074.83 · 0.0025 · 1.01509406… / 0.01509406…
/// = 853.2211927 → 853.22.
///  7: 5074.83 · 0.0025 = 12.687075 → 12.69; 840.53 → 4234.30
///  8: 4234.30 · 0.0025 = 10.58575  → 10.59; 842.63 → 3391.67
///  9: 3391.67 · 0.0025 = 8.479175  →  8.48; 844.74 → 2546.93
/// 10: 2546.93 · 0.0025 = 6.367325  →  6.37; 846.85 → 1700.08
/// 11: 1700.08 · 0.0025 = 4.2502    →  4.25; 848.97 →  851.11
/// 12: 851.11 · 0.0025 = 2.127775   →  2.13; 853.24 (851.11 + 2.13) → 0.00
#[test]
fn a_rate_change_recomputes_the_annuity_from_the_remaining_debt_and_count() {
    let before =
        schedule(&terms(dec!(10000.00), dec!(6), 12, 1, Repayment::Annuity)).expect("a valid loan");
    let mut changed = terms(dec!(10000.00), dec!(6), 12, 1, Repayment::Annuity);
    changed.rates = with_rate(&changed.rates, date(2026, 8, 1), dec!(3));
    let after = schedule(&changed).expect("a valid loan");
    assert_eq!(before[..6], after[..6], "rows before the change stay");
    assert_eq!(
        table(&after[6..]),
        vec![
            row(date(2026, 8, 1), "853.22", "12.69", "840.53", "4234.30"),
            row(date(2026, 9, 1), "853.22", "10.59", "842.63", "3391.67"),
            row(date(2026, 10, 1), "853.22", "8.48", "844.74", "2546.93"),
            row(date(2026, 11, 1), "853.22", "6.37", "846.85", "1700.08"),
            row(date(2026, 12, 1), "853.22", "4.25", "848.97", "851.11"),
            row(date(2027, 1, 1), "853.24", "2.13", "851.11", "0.00"),
        ]
    );
    assert!(after[6..].iter().all(|r| r.rate == dec!(3)));
    assert_eq!(rate_on(&changed.rates, date(2026, 7, 31)), dec!(6));
    assert_eq!(
        remaining_on(dec!(10000.00), &after, date(2026, 8, 15)),
        dec!(4234.30)
    );
    assert_eq!(
        remaining_on(dec!(10000.00), &after, date(2026, 1, 15)),
        dec!(10000.00)
    );
}

/// A rate change dated between two instalments takes effect at the next.
#[test]
fn a_rate_change_between_instalments_applies_from_the_next_one() {
    let mut a = terms(dec!(10000.00), dec!(6), 12, 1, Repayment::Annuity);
    a.rates = with_rate(&a.rates, date(2026, 7, 15), dec!(3));
    let mut b = terms(dec!(10000.00), dec!(6), 12, 1, Repayment::Annuity);
    b.rates = with_rate(&b.rates, date(2026, 8, 1), dec!(3));
    assert_eq!(schedule(&a), schedule(&b));
}

/// A fixed-principal loan's parts do not change with the rate; only the
/// interest does.
#[test]
fn a_rate_change_of_a_fixed_principal_loan_changes_only_interest() {
    let mut t = terms(dec!(12000.00), dec!(8), 4, 3, Repayment::FixedPrincipal);
    t.rates = with_rate(&t.rates, date(2026, 7, 1), dec!(4));
    let rows = schedule(&t).expect("a valid loan");
    let interest: Vec<Decimal> = rows.iter().map(|r| r.interest).collect();
    // 9,000 · 4 % / 4 = 90.00; 6,000 → 60.00; 3,000 → 30.00.
    assert_eq!(
        interest,
        vec![dec!(240.00), dec!(90.00), dec!(60.00), dec!(30.00)]
    );
    assert!(rows.iter().all(|r| r.principal == dec!(3000.00)));
}

#[test]
fn refusals_name_what_is_wrong() {
    let ok = terms(dec!(1000), dec!(5), 12, 1, Repayment::Annuity);
    assert_eq!(check(&ok), Ok(()));
    let with = |f: &dyn Fn(&mut LoanTerms)| {
        let mut t = ok.clone();
        f(&mut t);
        check(&t)
    };
    assert_eq!(with(&|t| t.instalments = 0), Err(LoanError::ZeroTerm));
    assert_eq!(
        with(&|t| t.principal = dec!(0)),
        Err(LoanError::PrincipalNotPositive { principal: dec!(0) })
    );
    assert_eq!(
        with(&|t| t.principal = dec!(-5)),
        Err(LoanError::PrincipalNotPositive {
            principal: dec!(-5)
        })
    );
    assert_eq!(
        with(&|t| t.principal = dec!(10.001)),
        Err(LoanError::PrincipalDecimals {
            principal: dec!(10.001),
            max: 2
        })
    );
    assert_eq!(
        with(&|t| t.every_months = 2),
        Err(LoanError::Interval { months: 2 })
    );
    assert_eq!(
        with(&|t| t.payment_day = 0),
        Err(LoanError::PaymentDay { day: 0 })
    );
    assert_eq!(
        with(&|t| t.payment_day = 32),
        Err(LoanError::PaymentDay { day: 32 })
    );
    assert_eq!(
        with(&|t| t.instalments = 601),
        Err(LoanError::TermTooLong {
            months: 601,
            max: MAX_TERM_MONTHS
        })
    );
    assert_eq!(
        with(&|t| {
            t.instalments = 51;
            t.every_months = 12
        }),
        Err(LoanError::TermTooLong {
            months: 612,
            max: MAX_TERM_MONTHS
        })
    );
    assert_eq!(
        with(&|t| t.rates[0].1 = dec!(-0.5)),
        Err(LoanError::RateOutOfRange {
            from: date(2026, 1, 1),
            rate: dec!(-0.5),
            max: MAX_RATE
        })
    );
    assert_eq!(
        with(&|t| t.rates[0].1 = dec!(30.01)),
        Err(LoanError::RateOutOfRange {
            from: date(2026, 1, 1),
            rate: dec!(30.01),
            max: MAX_RATE
        })
    );
    assert_eq!(
        with(&|t| t.rates[0].1 = dec!(4.12345)),
        Err(LoanError::RateDecimals {
            from: date(2026, 1, 1),
            rate: dec!(4.12345),
            max: 4
        })
    );
    assert_eq!(with(&|t| t.rates.clear()), Err(LoanError::NoRate));
    assert_eq!(
        with(&|t| t.rates[0].0 = date(2026, 1, 2)),
        Err(LoanError::FirstRateNotAtStart {
            from: date(2026, 1, 2),
            start: date(2026, 1, 1)
        })
    );
    assert_eq!(
        with(&|t| t.rates = vec![
            (date(2026, 1, 1), dec!(5)),
            (date(2026, 6, 1), dec!(4)),
            (date(2026, 6, 1), dec!(3))
        ]),
        Err(LoanError::RatesNotInOrder {
            from: date(2026, 6, 1)
        })
    );
    assert_eq!(
        schedule(&LoanTerms {
            instalments: 0,
            ..ok.clone()
        }),
        Err(LoanError::ZeroTerm)
    );
}

#[test]
fn annuity_formula_matches_known_values() {
    // 50,000 at 4.5 % over 60 months: q = 0.00375, 1.00375^60 =
    // 1.2517958…; A = 50000 · 0.00375 · 1.2517958 / 0.2517958 = 932.1510 → 932.15.
    assert_eq!(annuity(dec!(50000), dec!(4.5), 1, 60), dec!(932.15));
    assert_eq!(annuity(dec!(0), dec!(4.5), 1, 60), dec!(0.00));
    assert_eq!(annuity(dec!(1000), dec!(5), 1, 0), dec!(0));
}

fn repayment() -> impl Strategy<Value = Repayment> {
    prop_oneof![Just(Repayment::Annuity), Just(Repayment::FixedPrincipal)]
}

prop_compose! {
    fn loan()(
        cents in 1i64..=100_000_000_000i64,
        rate_bp in 0u32..=3000,
        every in prop_oneof![Just(1u8), Just(3u8), Just(6u8), Just(12u8)],
        n in 1u32..=50,
        day in 1u8..=31,
        start_day in 0u64..3000,
        change in proptest::option::of((1u32..50, 0u32..=3000)),
        repayment in repayment(),
    ) -> LoanTerms {
        let start = date(2020, 1, 1) + chrono::Days::new(start_day);
        let rate = Decimal::new(i64::from(rate_bp), 2);
        let mut rates = vec![(start, rate)];
        if let Some((after_months, bp)) = change
            && let Some(from) = start.checked_add_months(chrono::Months::new(after_months))
        {
            rates = with_rate(&rates, from, Decimal::new(i64::from(bp), 2));
        }
        LoanTerms {
            principal: Decimal::new(cents, 2),
            rates,
            start,
            instalments: n,
            every_months: every,
            payment_day: day,
            repayment,
        }
    }
}

proptest! {
    #[test]
    fn principal_parts_sum_to_the_principal_and_the_debt_stays_non_negative(t in loan()) {
        let rows = schedule(&t).expect("generated loans are valid");
        prop_assert_eq!(rows.len(), t.instalments as usize);
        prop_assert_eq!(totals(&rows).principal, t.principal);
        let mut debt = t.principal;
        for r in &rows {
            prop_assert!(r.remaining >= Decimal::ZERO);
            prop_assert!(r.principal >= Decimal::ZERO);
            prop_assert!(r.interest >= Decimal::ZERO);
            prop_assert_eq!(r.instalment, r.interest + r.principal);
            prop_assert_eq!(r.remaining, debt - r.principal);
            prop_assert_eq!(r.instalment.scale() <= 2, true);
            debt = r.remaining;
        }
        prop_assert_eq!(debt, Decimal::ZERO);
        for w in rows.windows(2) {
            prop_assert!(w[0].date < w[1].date);
        }
        prop_assert!(rows[0].date > t.start);
    }

    /// Without a rate change, every annuity instalment but the last is the
    /// same amount; the last differs from it by the rounding it absorbs
    /// (a few cents: at most half a cent per instalment, grown by interest).
    #[test]
    fn only_the_last_annuity_instalment_differs(mut t in loan()) {
        t.repayment = Repayment::Annuity;
        t.rates.truncate(1);
        let rows = schedule(&t).expect("generated loans are valid");
        let a = annuity(t.principal, t.rates[0].1, t.every_months, t.instalments);
        let (last, rest) = rows.split_last().expect("at least one row");
        for r in rest {
            // Capped only when the annuity would repay more than is left.
            prop_assert!(r.instalment == a || r.remaining.is_zero());
        }
        // Each instalment's rounding (the annuity's and the interest's,
        // half a cent each) stays in the debt and bears interest until the
        // end: at most one cent per period, compounded, plus one.
        let q = t.rates[0].1 * Decimal::from(t.every_months) / Decimal::from(1200);
        let mut slack = dec!(0.01);
        let mut grown = Decimal::ONE;
        for _ in 0..t.instalments {
            slack += dec!(0.01) * grown;
            grown *= Decimal::ONE + q;
        }
        prop_assert!((last.instalment - a).abs() <= slack || a.is_zero(),
            "last {} annuity {} slack {}", last.instalment, a, slack);
    }
}
