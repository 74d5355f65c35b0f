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

// ----- what `Recurring` calls (part A's stubs; part B fills them) -----

use crate::ledger::posting::Context;
use crate::ledger::recurring::due::Due;
use crate::ledger::recurring::error::RecurringError;

/// Checks a `SaveLoan`; returns the loan the event carries: number
/// assigned (0 creates the next), `done` empty (kept from the saved loan
/// by `apply_saved`).
pub fn check_save(loans: &[Loan], cx: Context<'_>, loan: &Loan) -> Result<Loan, RecurringError> {
    let _ = cx;
    if loan.instalments == 0 {
        return Err(RecurringError::ZeroTerm);
    }
    let number = match loan.number {
        0 => loans.iter().map(|l| l.number).max().unwrap_or(0) + 1,
        n if loans.iter().any(|l| l.number == n) => n,
        number => return Err(RecurringError::UnknownLoan { number }),
    };
    Ok(Loan {
        number,
        done: BTreeMap::new(),
        ..loan.clone()
    })
}

/// Folds a saved loan in: a new one is appended (its number must be the
/// next), a known one replaced keeping what was posted or skipped.
pub fn apply_saved(loans: &mut Vec<Loan>, loan: &Loan) -> Result<(), RecurringError> {
    match loans.iter_mut().find(|l| l.number == loan.number) {
        Some(old) => {
            let done = std::mem::take(&mut old.done);
            *old = Loan {
                done,
                ..loan.clone()
            };
        }
        None => {
            let next = loans.iter().map(|l| l.number).max().unwrap_or(0) + 1;
            if loan.number != next {
                return Err(RecurringError::UnknownLoan {
                    number: loan.number,
                });
            }
            loans.push(loan.clone());
        }
    }
    Ok(())
}

/// Checks a `ChangeLoanRate`.
pub fn check_rate(
    loans: &[Loan],
    cx: Context<'_>,
    number: u32,
    from: NaiveDate,
    rate: Decimal,
) -> Result<(), RecurringError> {
    let _ = (cx, from, rate);
    if !loans.iter().any(|l| l.number == number) {
        return Err(RecurringError::UnknownLoan { number });
    }
    Ok(())
}

/// Folds a rate change in: the rate from `from` on (replacing one of the
/// same date), the rates kept sorted by date.
pub fn apply_rate(
    loans: &mut [Loan],
    number: u32,
    from: NaiveDate,
    rate: Decimal,
) -> Result<(), RecurringError> {
    let Some(loan) = loans.iter_mut().find(|l| l.number == number) else {
        return Err(RecurringError::UnknownLoan { number });
    };
    loan.rates.retain(|(d, _)| *d != from);
    loan.rates.push((from, rate));
    loan.rates.sort_by_key(|(d, _)| *d);
    Ok(())
}

/// The loan's instalments dated on or before `as_of` that are not in
/// `loan.done`, oldest first, each with the draft it posts
/// (`Source::Loan(loan.number)`). `PostDue` and `Skip` accept a loan's
/// occurrence on `date` only when this lists it for `as_of = date`.
pub fn due_instalments(loan: &Loan, cx: Context<'_>, as_of: NaiveDate) -> Vec<Due> {
    let _ = (loan, cx, as_of);
    Vec::new()
}
