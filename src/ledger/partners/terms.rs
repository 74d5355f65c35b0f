//! Payment terms (Zahlungsbedingungen): named, shared master data that
//! say when an invoice is due and what cash discount (Skonto) it offers,
//! e.g. "14 Tage 2 % Skonto, 30 Tage netto". `schedule` turns terms, the
//! dates of an entry and the amount of a partner line into the line's
//! open items: one per installment, with due date and discount steps.
//!
//! The rules, as SAP Business One and DATEV users know them:
//! - base date: the document date or the posting date;
//! - start: the base date itself, the 1st of its month, the middle of the
//!   month (the 15th for a base date up to the 15th, else the month's last
//!   day) or the month's end;
//! - then plus months (a month-end start stays at month end: end of
//!   January + 1 month is the end of February) and plus days: the net due
//!   date;
//! - installments (Raten): each a percentage of the amount, due its days
//!   after the net due date; the percentages sum to 100; the last one takes
//!   what rounding leaves, so the parts always sum to the line;
//! - cash-discount steps (up to three): days after the base date and a
//!   percentage; a step applies to an installment due on or after it;
//! - tolerance days: kept on the item for dunning and payment, which grant
//!   them; reports count days past the due date itself.
//!
//! Only lines on the invoice side (a customer's debit, a vendor's credit)
//! follow the terms. Credit notes and payments (the other side) become one
//! item due on the base date without discount. A due date typed on the line
//! replaces the net due date and makes one item; discount steps up to that
//! date are kept.

use crate::ledger::types::money::round;
use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;

/// The date the terms count from.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum BaseDate {
    /// Belegdatum.
    #[default]
    Document,
    /// Buchungsdatum.
    Posting,
}

/// Where counting starts from the base date.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum DueStart {
    /// The base date itself.
    #[default]
    Date,
    /// The 1st of the base date's month.
    MonthStart,
    /// The 15th, or the month's last day for a base date after the 15th.
    HalfMonth,
    /// The last day of the base date's month.
    MonthEnd,
}

/// One cash-discount step: `percent` off when paid within `days` of the
/// base date.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DiscountStep {
    pub days: u16,
    pub percent: Decimal,
}

/// One installment: `percent` of the amount, due `days` after the net
/// due date.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Installment {
    pub percent: Decimal,
    pub days: u16,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PaymentTerms {
    /// 1..=MAX_TERMS_CODE_LEN letters, digits, `-`, `_` (e.g. "N30").
    pub code: String,
    pub name_de: String,
    pub name_en: String,
    pub base: BaseDate,
    pub start: DueStart,
    pub months: u16,
    pub days: u16,
    /// At most MAX_DISCOUNT_STEPS, days strictly increasing.
    pub discounts: Vec<DiscountStep>,
    /// Empty: one installment of 100 %.
    pub installments: Vec<Installment>,
    pub tolerance_days: u16,
    pub active: bool,
}

impl PaymentTerms {
    /// "Net `days` days" from the document date, no discount.
    pub fn net(code: &str, days: u16) -> PaymentTerms {
        PaymentTerms {
            code: code.to_string(),
            name_de: format!("{days} Tage netto"),
            name_en: format!("{days} days net"),
            base: BaseDate::Document,
            start: DueStart::Date,
            months: 0,
            days,
            discounts: Vec::new(),
            installments: Vec::new(),
            tolerance_days: 0,
            active: true,
        }
    }

    /// The net due date for `base` (before installments).
    pub fn net_due(&self, base: NaiveDate) -> NaiveDate {
        let (start, at_month_end) = match self.start {
            DueStart::Date => (base, false),
            DueStart::MonthStart => (base.with_day(1).unwrap_or(base), false),
            DueStart::HalfMonth if base.day() <= 15 => (base.with_day(15).unwrap_or(base), false),
            DueStart::HalfMonth | DueStart::MonthEnd => (month_end(base), true),
        };
        let moved = add_months(start, self.months, at_month_end);
        add_days(moved, self.days)
    }
}

/// A cash-discount step of one item: pay by `date`, deduct `amount`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DiscountDue {
    pub date: NaiveDate,
    pub percent: Decimal,
    /// In the line's LC (and FC, for an FC line).
    pub amount_lc: Decimal,
    pub amount_fc: Option<Decimal>,
}

/// One installment of a line as it becomes an open item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemPlan {
    pub due_date: NaiveDate,
    pub amount_lc: Decimal,
    pub amount_fc: Option<Decimal>,
    pub discounts: Vec<DiscountDue>,
    pub tolerance_days: u16,
}

/// What `schedule` needs to know about the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineDates {
    pub document_date: NaiveDate,
    pub posting_date: NaiveDate,
    /// Typed on the line: replaces the net due date.
    pub due_override: Option<NaiveDate>,
    /// On the invoice side of its partner (see the module docs).
    pub invoice_side: bool,
}

/// The amounts of a line and their decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineAmounts {
    pub amount_lc: Decimal,
    pub lc_decimals: u32,
    /// FC amount and its decimals, for an FC line.
    pub fc: Option<(Decimal, u32)>,
}

/// The open items of a partner line under `terms` (none: due on the base
/// date). Every item's amount is positive; they sum to the line exactly.
pub fn schedule(
    terms: Option<&PaymentTerms>,
    dates: LineDates,
    amounts: LineAmounts,
) -> Vec<ItemPlan> {
    let base = match terms.map(|t| t.base) {
        Some(BaseDate::Posting) => dates.posting_date,
        _ => dates.document_date,
    };
    let single = |due_date: NaiveDate, steps: &[DiscountStep], tolerance_days| ItemPlan {
        due_date,
        amount_lc: amounts.amount_lc,
        amount_fc: amounts.fc.map(|(a, _)| a),
        discounts: discounts(steps, base, due_date, amounts.amount_lc, amounts),
        tolerance_days,
    };
    let Some(terms) = terms.filter(|_| dates.invoice_side) else {
        let due = dates.due_override.unwrap_or(base);
        return vec![single(due, &[], terms.map_or(0, |t| t.tolerance_days))];
    };
    if let Some(due) = dates.due_override {
        return vec![single(due, &terms.discounts, terms.tolerance_days)];
    }
    let net_due = terms.net_due(base);
    if terms.installments.is_empty() {
        return vec![single(net_due, &terms.discounts, terms.tolerance_days)];
    }
    let lc_parts = shares(amounts.amount_lc, &terms.installments, amounts.lc_decimals);
    let fc_parts = amounts
        .fc
        .map(|(amount, decimals)| shares(amount, &terms.installments, decimals));
    terms
        .installments
        .iter()
        .enumerate()
        .map(|(i, inst)| {
            let due_date = add_days(net_due, inst.days);
            let amount_fc = fc_parts.as_ref().map(|p| p[i]);
            let part = LineAmounts {
                amount_lc: lc_parts[i],
                lc_decimals: amounts.lc_decimals,
                fc: amounts.fc.zip(amount_fc).map(|((_, d), a)| (a, d)),
            };
            ItemPlan {
                due_date,
                amount_lc: lc_parts[i],
                amount_fc,
                discounts: discounts(&terms.discounts, base, due_date, lc_parts[i], part),
                tolerance_days: terms.tolerance_days,
            }
        })
        .collect()
}

/// The discount steps that fall on or before `due_date`.
fn discounts(
    steps: &[DiscountStep],
    base: NaiveDate,
    due_date: NaiveDate,
    amount_lc: Decimal,
    amounts: LineAmounts,
) -> Vec<DiscountDue> {
    steps
        .iter()
        .map(|s| (add_days(base, s.days), s))
        .filter(|(date, _)| *date <= due_date)
        .map(|(date, s)| DiscountDue {
            date,
            percent: s.percent,
            amount_lc: round(
                amount_lc * s.percent / Decimal::ONE_HUNDRED,
                amounts.lc_decimals,
            ),
            amount_fc: amounts
                .fc
                .map(|(a, d)| round(a * s.percent / Decimal::ONE_HUNDRED, d)),
        })
        .collect()
}

/// `total` split by the installments' percentages, rounded; the last
/// share takes the remainder.
fn shares(total: Decimal, installments: &[Installment], decimals: u32) -> Vec<Decimal> {
    let mut rest = total;
    let last = installments.len().saturating_sub(1);
    installments
        .iter()
        .enumerate()
        .map(|(i, inst)| {
            let share = if i == last {
                rest
            } else {
                round(total * inst.percent / Decimal::ONE_HUNDRED, decimals)
            };
            rest -= share;
            share
        })
        .collect()
}

/// The last day of `date`'s month.
pub fn month_end(date: NaiveDate) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first
        .checked_add_months(Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// `date` plus `months`; a day beyond the target month's end becomes that
/// end (31 January + 1 month = 28/29 February), and `at_month_end` keeps
/// a month end at month end (28 February + 1 month = 31 March). Saturates
/// at `NaiveDate::MAX`, far beyond any fiscal year.
fn add_months(date: NaiveDate, months: u16, at_month_end: bool) -> NaiveDate {
    let moved = date
        .checked_add_months(Months::new(u32::from(months)))
        .unwrap_or(NaiveDate::MAX);
    if at_month_end {
        month_end(moved)
    } else {
        moved
    }
}

/// `date` plus `days`, saturating like `add_months`.
fn add_days(date: NaiveDate, days: u16) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    fn terms(start: DueStart, months: u16, days: u16) -> PaymentTerms {
        PaymentTerms {
            start,
            months,
            ..PaymentTerms::net("T", days)
        }
    }

    #[test]
    fn month_end_start_stays_at_month_end_across_leap_years() {
        let t = terms(DueStart::MonthEnd, 1, 0);
        assert_eq!(t.net_due(d(2024, 1, 10)), d(2024, 2, 29));
        assert_eq!(t.net_due(d(2023, 1, 31)), d(2023, 2, 28));
        assert_eq!(t.net_due(d(2024, 2, 29)), d(2024, 3, 31));
        let plain = terms(DueStart::Date, 1, 0);
        assert_eq!(plain.net_due(d(2024, 1, 31)), d(2024, 2, 29));
        assert_eq!(plain.net_due(d(2024, 2, 29)), d(2024, 3, 29));
    }

    #[test]
    fn half_month_is_the_15th_or_the_month_end() {
        let t = terms(DueStart::HalfMonth, 0, 10);
        assert_eq!(t.net_due(d(2024, 2, 15)), d(2024, 2, 25));
        assert_eq!(t.net_due(d(2024, 2, 16)), d(2024, 3, 10));
        let start = terms(DueStart::MonthStart, 1, 9);
        assert_eq!(start.net_due(d(2024, 12, 20)), d(2025, 1, 10));
    }

    #[test]
    fn installments_sum_to_the_line_and_the_last_takes_the_rest() {
        let mut t = PaymentTerms::net("R3", 30);
        t.installments = vec![
            Installment {
                percent: dec!(33.3333),
                days: 0,
            },
            Installment {
                percent: dec!(33.3333),
                days: 30,
            },
            Installment {
                percent: dec!(33.3334),
                days: 60,
            },
        ];
        let dates = LineDates {
            document_date: d(2024, 1, 31),
            posting_date: d(2024, 2, 1),
            due_override: None,
            invoice_side: true,
        };
        let amounts = LineAmounts {
            amount_lc: dec!(100.00),
            lc_decimals: 2,
            fc: None,
        };
        let items = schedule(Some(&t), dates, amounts);
        let got: Vec<_> = items.iter().map(|i| (i.due_date, i.amount_lc)).collect();
        assert_eq!(
            got,
            [
                (d(2024, 3, 1), dec!(33.33)),
                (d(2024, 3, 31), dec!(33.33)),
                (d(2024, 4, 30), dec!(33.34)),
            ]
        );
    }
}
