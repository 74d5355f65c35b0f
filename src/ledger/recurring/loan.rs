//! Loans (Darlehen): principal, interest rate (with changes from a date),
//! start, term, annuity or fixed repayment, payment day. The schedule
//! (date, instalment, interest, principal, remaining debt) comes from
//! `crate::finance::loan`; each instalment is due like an occurrence of a
//! standing posting and posts interest expense and principal repayment
//! against the bank account.

use crate::finance::loan::{self as maths, LoanError, LoanTerms, Row};
use crate::ledger::gl::{AccountType, Gl};
use crate::ledger::posting::{Context, EntryDraft, LineDraft};
use crate::ledger::recurring::due::{Due, Source};
use crate::ledger::recurring::error::RecurringError;
use crate::ledger::recurring::standing::Occurrence;
use crate::ledger::types::limits::MAX_NAME_LEN;
use crate::ledger::types::{AccountNo, Side};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Repayment {
    /// Equal instalments (interest + principal), the last absorbing the
    /// rounding.
    Annuity,
    /// Equal principal parts plus the interest of the period.
    FixedPrincipal,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// Most loans of one company.
pub const MAX_LOANS: usize = 999;

/// A loan taken (its account a liability: the company repays and pays
/// interest) or given (an asset: the company is repaid and earns
/// interest). Read from the loan account's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Direction {
    Taken,
    Given,
}

impl From<Repayment> for maths::Repayment {
    fn from(r: Repayment) -> maths::Repayment {
        match r {
            Repayment::Annuity => maths::Repayment::Annuity,
            Repayment::FixedPrincipal => maths::Repayment::FixedPrincipal,
        }
    }
}

impl From<maths::Row> for Instalment {
    fn from(r: maths::Row) -> Instalment {
        Instalment {
            date: r.date,
            instalment: r.instalment,
            interest: r.interest,
            principal: r.principal,
            remaining: r.remaining,
        }
    }
}

impl Loan {
    /// What `finance::loan` computes the schedule from.
    pub fn terms(&self) -> LoanTerms {
        LoanTerms {
            principal: self.principal,
            rates: self.rates.clone(),
            start: self.start,
            instalments: self.instalments,
            every_months: self.every_months,
            payment_day: self.payment_day,
            repayment: self.repayment.into(),
        }
    }

    /// The schedule, one row per instalment (numbered from 1, with the
    /// rate of each); an error only for a loan the engine would refuse.
    pub fn rows(&self) -> Result<Vec<Row>, LoanError> {
        maths::schedule(&self.terms())
    }

    /// The schedule as `Instalment`s; empty for a loan the engine would
    /// refuse (a saved loan always has one).
    pub fn schedule(&self) -> Vec<Instalment> {
        self.rows()
            .map(|rows| rows.into_iter().map(Instalment::from).collect())
            .unwrap_or_default()
    }

    /// The schedule with `rate` from `from` on (the preview of a rate
    /// change; `ChangeLoanRate` checks it).
    pub fn with_rate(&self, from: NaiveDate, rate: Decimal) -> Loan {
        Loan {
            rates: maths::with_rate(&self.rates, from, rate),
            ..self.clone()
        }
    }

    /// The rate in force on `date`.
    pub fn rate_on(&self, date: NaiveDate) -> Decimal {
        maths::rate_on(&self.rates, date)
    }

    /// The debt after every instalment dated on or before `date`.
    pub fn remaining_on(&self, date: NaiveDate) -> Decimal {
        match self.rows() {
            Ok(rows) => maths::remaining_on(self.principal, &rows, date),
            Err(_) => self.principal,
        }
    }

    /// The first instalment neither posted nor skipped.
    pub fn next_open(&self) -> Option<Row> {
        self.rows()
            .ok()?
            .into_iter()
            .find(|r| !self.done.contains_key(&r.date))
    }

    /// The date of the last instalment posted or skipped.
    pub fn last_done(&self) -> Option<NaiveDate> {
        self.done.keys().next_back().copied()
    }

    /// Taken or given, from the loan account's type; `None` when it is
    /// not a balance-sheet account of the chart.
    pub fn direction(&self, gl: &Gl) -> Option<Direction> {
        match gl.account(self.loan_account)?.account_type {
            AccountType::Liability => Some(Direction::Taken),
            AccountType::Asset => Some(Direction::Given),
            AccountType::Equity | AccountType::Revenue | AccountType::Expense => None,
        }
    }
}

/// A postable, active local-currency account that is no control account
/// and of one of `types`.
fn account_ok(gl: &Gl, account: AccountNo, types: &[AccountType]) -> bool {
    gl.account(account).is_some_and(|a| {
        a.postable
            && a.active
            && !a.control
            && a.currency.allows(None)
            && types.contains(&a.account_type)
    })
}

/// A refusal of the schedule maths as the sub-ledger's: the zero term has
/// its own variant (the issue names it).
pub fn loan_error(e: LoanError) -> RecurringError {
    match e {
        LoanError::ZeroTerm => RecurringError::ZeroTerm,
        other => RecurringError::Loan(other),
    }
}

/// Checks a loan to save: its name, terms (see `finance::loan::check`)
/// and accounts; `existing` is the saved loan of the same number. A loan
/// with posted instalments may change only in ways that leave the posted
/// rows as they were.
pub fn check_loan(
    cx: Context<'_>,
    existing: Option<&Loan>,
    loan: &Loan,
) -> Result<(), RecurringError> {
    let name = loan.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_LEN {
        return Err(RecurringError::InvalidName { max: MAX_NAME_LEN });
    }
    maths::check(&loan.terms()).map_err(loan_error)?;
    let gl = cx.gl;
    let direction = if account_ok(gl, loan.loan_account, &[AccountType::Liability]) {
        Direction::Taken
    } else if account_ok(gl, loan.loan_account, &[AccountType::Asset]) {
        Direction::Given
    } else {
        return Err(RecurringError::LoanAccount {
            account: loan.loan_account,
        });
    };
    let interest_type = match direction {
        Direction::Taken => AccountType::Expense,
        Direction::Given => AccountType::Revenue,
    };
    if !account_ok(gl, loan.interest_account, &[interest_type]) {
        return Err(RecurringError::LoanInterestAccount {
            account: loan.interest_account,
            given: direction == Direction::Given,
        });
    }
    if loan.bank_account == loan.loan_account
        || !account_ok(gl, loan.bank_account, &[AccountType::Asset])
    {
        return Err(RecurringError::LoanBankAccount {
            account: loan.bank_account,
        });
    }
    if let Some(old) = existing {
        check_posted_rows_stay(old, loan)?;
    }
    Ok(())
}

/// Posted instalments never change: every row of `old` dated on or before
/// its last posted instalment must be the same in `new`.
fn check_posted_rows_stay(old: &Loan, new: &Loan) -> Result<(), RecurringError> {
    let Some(last) = old
        .done
        .iter()
        .rev()
        .find(|(_, o)| matches!(o, Occurrence::Posted(_)))
        .map(|(d, _)| *d)
    else {
        return Ok(());
    };
    let before = old.rows().map_err(loan_error)?;
    let after = new.rows().map_err(loan_error)?;
    for (i, row) in before.iter().enumerate().filter(|(_, r)| r.date <= last) {
        let same = after.get(i).is_some_and(|a| {
            (a.date, a.instalment, a.interest, a.principal)
                == (row.date, row.instalment, row.interest, row.principal)
        });
        if !same {
            return Err(RecurringError::LoanPostedRowsChange {
                loan: old.number,
                date: row.date,
            });
        }
    }
    Ok(())
}

/// Checks a rate change: the loan exists, the new rate holds from a date
/// after the start and after the last instalment posted or skipped, and
/// the rate is in range.
pub fn check_rate_change(
    loan: Option<&Loan>,
    number: u32,
    from: NaiveDate,
    rate: Decimal,
) -> Result<(), RecurringError> {
    let Some(loan) = loan else {
        return Err(RecurringError::UnknownLoan { number });
    };
    let after = loan.last_done().map_or(loan.start, |d| d.max(loan.start));
    if from <= after {
        return Err(RecurringError::RateChangeTooEarly {
            loan: number,
            from,
            earliest: after.succ_opt().unwrap_or(after),
        });
    }
    let changed = loan.with_rate(from, rate);
    maths::check(&changed.terms()).map_err(loan_error)
}

/// The number a new loan gets: one more than the highest.
pub fn next_number(loans: &[Loan]) -> u32 {
    loans.iter().map(|l| l.number).max().unwrap_or(0) + 1
}

/// The entry one instalment posts. A loan taken: debit the loan account
/// (principal repaid), debit the interest account (interest expense),
/// credit the bank (the instalment); a loan given the other way round.
/// A zero part gets no line. Reference "Darlehen 1 Rate 7/60", memo the
/// loan's name.
pub fn instalment_draft(loan: &Loan, row: &Row, direction: Direction) -> EntryDraft {
    let (principal_side, bank_side) = match direction {
        Direction::Taken => (Side::Debit, Side::Credit),
        Direction::Given => (Side::Credit, Side::Debit),
    };
    let line = |account: AccountNo, side: Side, amount: Decimal, memo: &str| {
        let mut l = match side {
            Side::Debit => LineDraft::debit_lc(account, amount),
            Side::Credit => LineDraft::credit_lc(account, amount),
        };
        l.memo = memo.to_string();
        l
    };
    let mut lines = Vec::with_capacity(3);
    if !row.principal.is_zero() {
        lines.push(line(
            loan.loan_account,
            principal_side,
            row.principal,
            "Tilgung",
        ));
    }
    if !row.interest.is_zero() {
        lines.push(line(
            loan.interest_account,
            principal_side,
            row.interest,
            "Zinsen",
        ));
    }
    lines.push(line(loan.bank_account, bank_side, row.instalment, ""));
    let mut draft = EntryDraft::new(row.date, "", lines);
    draft.reference = format!(
        "Darlehen {} Rate {}/{}",
        loan.number, row.number, loan.instalments
    );
    draft.memo = loan.name.clone();
    draft
}

/// Every instalment of an active loan dated on or before `as_of` that is
/// neither posted nor skipped, oldest first, with the entry it posts. A
/// row of nothing to pay (a tiny loan's zero instalments) is never due.
pub fn due_instalments(loan: &Loan, cx: Context<'_>, as_of: NaiveDate) -> Vec<Due> {
    if !loan.active {
        return Vec::new();
    }
    let (Ok(rows), Some(direction)) = (loan.rows(), loan.direction(cx.gl)) else {
        return Vec::new();
    };
    rows.iter()
        .take_while(|r| r.date <= as_of)
        .filter(|r| !loan.done.contains_key(&r.date) && !r.instalment.is_zero())
        .map(|r| Due {
            source: Source::Loan(loan.number),
            date: r.date,
            draft: instalment_draft(loan, r, direction),
        })
        .collect()
}

// ----- what `Recurring` calls (names from part A's stubs) -----

/// Checks a `SaveLoan`; returns the loan the event carries: number
/// assigned (0 creates the next), `done` empty (kept from the saved loan
/// by `apply_saved`), the name trimmed.
pub fn check_save(loans: &[Loan], cx: Context<'_>, loan: &Loan) -> Result<Loan, RecurringError> {
    let (number, existing) = match loan.number {
        0 => {
            if loans.len() >= MAX_LOANS {
                return Err(RecurringError::TooManyLoans { max: MAX_LOANS });
            }
            (next_number(loans), None)
        }
        n => match loans.iter().find(|l| l.number == n) {
            Some(old) => (n, Some(old)),
            None => return Err(RecurringError::UnknownLoan { number: n }),
        },
    };
    let saved = Loan {
        number,
        name: loan.name.trim().to_string(),
        done: BTreeMap::new(),
        ..loan.clone()
    };
    check_loan(cx, existing, &saved)?;
    Ok(saved)
}

/// Folds a saved loan in: a new one is appended (its number must be the
/// next), a known one replaced keeping what was posted or skipped.
pub fn apply_saved(loans: &mut Vec<Loan>, loan: &Loan) -> Result<(), RecurringError> {
    // The terms as the event claims them must give a schedule.
    maths::check(&loan.terms()).map_err(loan_error)?;
    match loans.iter_mut().find(|l| l.number == loan.number) {
        Some(old) => {
            let done = std::mem::take(&mut old.done);
            *old = Loan {
                done,
                ..loan.clone()
            };
        }
        None => {
            if loan.number != next_number(loans) {
                return Err(RecurringError::UnknownLoan {
                    number: loan.number,
                });
            }
            loans.push(Loan {
                done: BTreeMap::new(),
                ..loan.clone()
            });
        }
    }
    Ok(())
}

/// Checks a `ChangeLoanRate` (see `check_rate_change`).
pub fn check_rate(
    loans: &[Loan],
    cx: Context<'_>,
    number: u32,
    from: NaiveDate,
    rate: Decimal,
) -> Result<(), RecurringError> {
    let _ = cx;
    let loan = loans.iter().find(|l| l.number == number);
    check_rate_change(loan, number, from, rate)
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
    let rates = maths::with_rate(&loan.rates, from, rate);
    maths::check_rates(&rates, loan.start).map_err(loan_error)?;
    loan.rates = rates;
    Ok(())
}
