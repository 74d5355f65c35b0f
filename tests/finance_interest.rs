//! § 288 BGB default interest: golden cases computed by hand (the
//! arithmetic is in the comments), across base-rate changes, for consumers
//! and businesses; the shipped base-rate table; the table's refusals.

use chrono::NaiveDate;
use kontor::finance::interest::{
    BaseRate, BaseRateError, BaseRateTable, DayCount, DebtorKind, InterestClaim, InterestError,
    default_interest, flat_fee, surcharge_points,
};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn table() -> BaseRateTable {
    BaseRateTable::shipped().expect("the shipped table parses")
}

fn claim(
    principal: Decimal,
    due: NaiveDate,
    as_of: NaiveDate,
    debtor: DebtorKind,
) -> InterestClaim {
    InterestClaim {
        principal,
        due_date: due,
        as_of,
        debtor,
        obligation_arose_on: date(2024, 5, 15),
        day_count: DayCount::Act365,
    }
}

/// One period as (from, to, days, rate, interest).
type Row = (NaiveDate, NaiveDate, i64, String, String);

/// The rows of each period, and the total.
fn periods(claim: &InterestClaim) -> (Vec<Row>, String) {
    let statement = default_interest(&table(), claim).expect("computable");
    let rows = statement
        .periods
        .iter()
        .map(|p| {
            (
                p.from,
                p.to,
                p.days,
                p.rate.to_string(),
                p.interest.to_string(),
            )
        })
        .collect();
    (rows, statement.total.to_string())
}

#[test]
fn shipped_table_covers_2002_to_2025() {
    let t = table();
    assert_eq!(t.rates().len(), 48);
    assert_eq!(
        t.rates()[0],
        BaseRate {
            valid_from: date(2002, 1, 1),
            percent: dec!(2.57)
        }
    );
    assert_eq!(t.rate_on(date(2013, 3, 1)), Some(dec!(-0.13)));
    assert_eq!(t.rate_on(date(2024, 6, 30)), Some(dec!(3.62)));
    assert_eq!(t.rate_on(date(2024, 7, 1)), Some(dec!(3.37)));
    assert_eq!(t.rate_on(date(2025, 12, 31)), Some(dec!(1.27)));
    assert_eq!(t.known_until(), Some(date(2025, 12, 31)));
    // Never guessed: before the table and after its last half-year.
    assert_eq!(t.rate_on(date(2001, 12, 31)), None);
    assert_eq!(t.rate_on(date(2026, 1, 1)), None);
}

/// € 10,000.00 due 15 June 2024, interest up to 15 July 2024: 15 days in
/// June at the base rate 3.62, 15 days in July at 3.37.
#[test]
fn business_across_1_july() {
    let (rows, total) = periods(&claim(
        dec!(10000.00),
        date(2024, 6, 15),
        date(2024, 7, 15),
        DebtorKind::Business,
    ));
    // 10,000 × 12.62 % × 15/365 = 1,893,000 / 36,500 = 51.8630… → 51.86
    // 10,000 × 12.37 % × 15/365 = 1,855,500 / 36,500 = 50.8356… → 50.84
    assert_eq!(
        rows,
        [
            (
                date(2024, 6, 16),
                date(2024, 6, 30),
                15,
                "12.62".into(),
                "51.86".into()
            ),
            (
                date(2024, 7, 1),
                date(2024, 7, 15),
                15,
                "12.37".into(),
                "50.84".into()
            ),
        ]
    );
    assert_eq!(total, "102.70");
}

#[test]
fn consumer_across_1_july() {
    let (rows, total) = periods(&claim(
        dec!(10000.00),
        date(2024, 6, 15),
        date(2024, 7, 15),
        DebtorKind::Consumer,
    ));
    // 10,000 × 8.62 % × 15/365 = 1,293,000 / 36,500 = 35.4246… → 35.42
    // 10,000 × 8.37 % × 15/365 = 1,255,500 / 36,500 = 34.3972… → 34.40
    let interest: Vec<_> = rows.iter().map(|r| (r.3.as_str(), r.4.as_str())).collect();
    assert_eq!(interest, [("8.62", "35.42"), ("8.37", "34.40")]);
    assert_eq!(total, "69.82");
}

#[test]
fn business_across_1_july_act_360() {
    let mut c = claim(
        dec!(10000.00),
        date(2024, 6, 15),
        date(2024, 7, 15),
        DebtorKind::Business,
    );
    c.day_count = DayCount::Act360;
    let (rows, total) = periods(&c);
    // 1,893,000 / 36,000 = 52.5833… → 52.58; 1,855,500 / 36,000 = 51.5416… → 51.54
    let interest: Vec<_> = rows.iter().map(|r| r.4.as_str()).collect();
    assert_eq!(interest, ["52.58", "51.54"]);
    assert_eq!(total, "104.12");
}

#[test]
fn consumer_across_the_turn_of_the_year() {
    let (rows, total) = periods(&claim(
        dec!(1234.56),
        date(2024, 12, 20),
        date(2025, 1, 10),
        DebtorKind::Consumer,
    ));
    // 21–31 Dec: 11 days at 3.37 + 5 = 8.37 %:
    //   1,234.56 × 8.37 × 11 = 113,665.9392; / 36,500 = 3.1141… → 3.11
    // 1–10 Jan: 10 days at 2.27 + 5 = 7.27 %:
    //   1,234.56 × 7.27 × 10 = 89,752.512; / 36,500 = 2.4589… → 2.46
    assert_eq!(
        rows,
        [
            (
                date(2024, 12, 21),
                date(2024, 12, 31),
                11,
                "8.37".into(),
                "3.11".into()
            ),
            (
                date(2025, 1, 1),
                date(2025, 1, 10),
                10,
                "7.27".into(),
                "2.46".into()
            ),
        ]
    );
    assert_eq!(total, "5.57");
}

#[test]
fn business_over_three_half_years_with_a_leap_day() {
    let (rows, total) = periods(&claim(
        dec!(5000),
        date(2023, 5, 31),
        date(2024, 2, 29),
        DebtorKind::Business,
    ));
    // Jun 2023: 30 days at 1.62 + 9:  5,000 × 10.62 × 30 = 1,593,000 / 36,500 = 43.6438… → 43.64
    // Jul–Dec:  184 days at 3.12 + 9: 5,000 × 12.12 × 184 = 11,150,400 / 36,500 = 305.4904… → 305.49
    // Jan–29 Feb 2024: 60 days at 3.62 + 9: 5,000 × 12.62 × 60 = 3,786,000 / 36,500 = 103.7260… → 103.73
    assert_eq!(
        rows,
        [
            (
                date(2023, 6, 1),
                date(2023, 6, 30),
                30,
                "10.62".into(),
                "43.64".into()
            ),
            (
                date(2023, 7, 1),
                date(2023, 12, 31),
                184,
                "12.12".into(),
                "305.49".into()
            ),
            (
                date(2024, 1, 1),
                date(2024, 2, 29),
                60,
                "12.62".into(),
                "103.73".into()
            ),
        ]
    );
    assert_eq!(total, "452.86");
}

#[test]
fn surcharge_and_flat_fee_follow_the_2014_act() {
    let before = date(2014, 7, 28);
    let from = date(2014, 7, 29);
    assert_eq!(surcharge_points(DebtorKind::Consumer, before), dec!(5));
    assert_eq!(surcharge_points(DebtorKind::Consumer, from), dec!(5));
    assert_eq!(surcharge_points(DebtorKind::Business, before), dec!(8));
    assert_eq!(surcharge_points(DebtorKind::Business, from), dec!(9));
    assert_eq!(flat_fee(DebtorKind::Business, from), dec!(40));
    assert_eq!(flat_fee(DebtorKind::Business, before), dec!(0));
    assert_eq!(flat_fee(DebtorKind::Consumer, from), dec!(0));

    // An old business obligation: 8 points. 1,000 × (−0.73 + 8) % × 10/365
    // = 1,000 × 7.27 × 10 / 36,500 = 1.9917… → 1.99
    let mut c = claim(
        dec!(1000),
        date(2014, 7, 1),
        date(2014, 7, 11),
        DebtorKind::Business,
    );
    c.obligation_arose_on = date(2014, 6, 1);
    let (rows, total) = periods(&c);
    assert_eq!(rows[0].3, "7.27");
    assert_eq!(total, "1.99");
}

#[test]
fn nothing_is_owed_up_to_the_due_date() {
    for as_of in [date(2024, 6, 15), date(2024, 6, 1)] {
        let (rows, total) = periods(&claim(
            dec!(500),
            date(2024, 6, 15),
            as_of,
            DebtorKind::Business,
        ));
        assert!(rows.is_empty());
        assert_eq!(total, "0.00");
    }
    // One day late: one day of interest. 500 × 12.62 / 36,500 = 0.1728… → 0.17
    let (_, total) = periods(&claim(
        dec!(500),
        date(2024, 6, 15),
        date(2024, 6, 16),
        DebtorKind::Business,
    ));
    assert_eq!(total, "0.17");
}

#[test]
fn refuses_what_it_cannot_compute() {
    let late = claim(
        dec!(100),
        date(2025, 12, 20),
        date(2026, 1, 5),
        DebtorKind::Consumer,
    );
    assert_eq!(
        default_interest(&table(), &late),
        Err(InterestError::BaseRateUnknown {
            date: date(2026, 1, 1)
        })
    );
    let early = claim(
        dec!(100),
        date(2001, 12, 1),
        date(2002, 1, 5),
        DebtorKind::Consumer,
    );
    assert_eq!(
        default_interest(&table(), &early),
        Err(InterestError::BaseRateUnknown {
            date: date(2001, 12, 2)
        })
    );
    let negative = claim(
        dec!(-1),
        date(2024, 1, 1),
        date(2024, 2, 1),
        DebtorKind::Consumer,
    );
    assert_eq!(
        default_interest(&table(), &negative),
        Err(InterestError::NegativePrincipal)
    );
    let huge = claim(
        Decimal::MAX,
        date(2024, 1, 1),
        date(2024, 2, 1),
        DebtorKind::Consumer,
    );
    assert_eq!(
        default_interest(&table(), &huge),
        Err(InterestError::Overflow)
    );
}

#[test]
fn an_edited_table_extends_the_history_and_rounds_half_away_from_zero() {
    let mut rates = table().rates().to_vec();
    rates.push(BaseRate {
        valid_from: date(2026, 1, 1),
        percent: dec!(0.00),
    });
    let edited = BaseRateTable::new(rates).expect("consecutive");
    // 36.50 × 5 % × 1/365 = 0.005 exactly → 0.01 (half away from zero).
    let c = claim(
        dec!(36.50),
        date(2026, 3, 1),
        date(2026, 3, 2),
        DebtorKind::Consumer,
    );
    let statement = default_interest(&edited, &c).expect("known");
    assert_eq!(statement.total.to_string(), "0.01");
    // 36.49 × 5 / 36,500 = 0.004998… → 0.00
    let c = InterestClaim {
        principal: dec!(36.49),
        ..c
    };
    assert_eq!(
        default_interest(&edited, &c)
            .expect("known")
            .total
            .to_string(),
        "0.00"
    );
}

#[test]
fn table_refusals() {
    assert_eq!(
        BaseRateTable::parse("# nothing\n"),
        Err(BaseRateError::Empty)
    );
    assert_eq!(
        BaseRateTable::parse("valid_from;percent\n2024-01-01;3.62\n2024-07-01,3.37\n"),
        Err(BaseRateError::BadLine { line: 3 })
    );
    assert_eq!(
        BaseRateTable::parse("2024-01-01;drei\n"),
        Err(BaseRateError::BadLine { line: 1 })
    );
    assert_eq!(
        BaseRateTable::parse("2024-02-01;3.62\n"),
        Err(BaseRateError::NotHalfYearStart {
            date: date(2024, 2, 1)
        })
    );
    assert_eq!(
        BaseRateTable::parse("2024-01-01;3.62\n2025-01-01;2.27\n"),
        Err(BaseRateError::NotConsecutive {
            date: date(2025, 1, 1)
        })
    );
    assert_eq!(
        BaseRateTable::parse("2024-07-01;3.37\n2024-01-01;3.62\n"),
        Err(BaseRateError::NotConsecutive {
            date: date(2024, 1, 1)
        })
    );
}
