//! Loans (Darlehen): principal, interest rate (with changes from a date),
//! start, term, annuity or fixed repayment, payment day. The schedule
//! (date, instalment, interest, principal, remaining debt) comes from
//! `crate::finance::loan`; each instalment is due like an occurrence of a
//! standing posting and posts interest expense and principal repayment
//! against the bank account.

use crate::ledger::recurring::standing::Occurrence;
use crate::ledger::types::AccountNo;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repayment {
    /// Equal instalments (interest + principal), the last absorbing the
    /// rounding.
    Annuity,
    /// Equal principal parts plus the interest of the period.
    FixedPrincipal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loan {
    /// 1, 2, 3 …; 0 in a save command creates one.
    pub number: u32,
    pub name: String,
    pub principal: Decimal,
    /// Nominal interest in percent a year, from a date on; the first from
    /// the start. Sorted by date.
    pub rates: Vec<(NaiveDate, Decimal)>,
    /// Payout date; interest runs from here.
    pub start: NaiveDate,
    /// Number of instalments.
    pub instalments: u32,
    /// Months between instalments (1, 3, 6 or 12).
    pub every_months: u8,
    /// Day of month of each instalment (1–31, clamped to the month's end).
    pub payment_day: u8,
    pub repayment: Repayment,
    /// Taken (a liability, e.g. 0630) or given (an asset).
    pub loan_account: AccountNo,
    pub interest_account: AccountNo,
    pub bank_account: AccountNo,
    pub active: bool,
    /// Instalment dates already posted or skipped (folded, never saved).
    pub done: BTreeMap<NaiveDate, Occurrence>,
}

/// One row of the schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instalment {
    pub date: NaiveDate,
    pub instalment: Decimal,
    pub interest: Decimal,
    pub principal: Decimal,
    pub remaining: Decimal,
}
