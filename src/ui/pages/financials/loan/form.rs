//! The loan form as typed (texts, so a refused save loses nothing),
//! filled from a saved loan or with the chart's usual accounts, and read
//! back into a `Loan` with the value that could not be read.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

use crate::formats::amount::{format_number, parse_amount};
use crate::ledger::Book;
use crate::ledger::gl::ChartTemplate;
use crate::ledger::recurring::{Loan, Repayment};
use crate::ledger::types::AccountNo;
use crate::ui::components::{Said, number_style};
use crate::ui::i18n::Lang;

use super::T;

/// Decimals of a typed rate in percent.
pub const RATE_DECIMALS: u32 = 4;

#[derive(Clone, Copy)]
pub struct Form {
    /// The saved loan's number; 0 for a new one.
    pub number: RwSignal<u32>,
    pub name: RwSignal<String>,
    pub principal: RwSignal<String>,
    pub rate: RwSignal<String>,
    pub start: RwSignal<Option<NaiveDate>>,
    pub instalments: RwSignal<String>,
    pub every_months: RwSignal<u8>,
    pub payment_day: RwSignal<String>,
    pub annuity: RwSignal<bool>,
    pub loan_account: RwSignal<String>,
    pub interest_account: RwSignal<String>,
    pub bank_account: RwSignal<String>,
    pub active: RwSignal<bool>,
    /// The saved loan's rate changes after the first rate (kept as they
    /// are; `ChangeLoanRate` adds one).
    pub later_rates: RwSignal<Vec<(NaiveDate, Decimal)>>,
}

fn text(s: &str) -> RwSignal<String> {
    RwSignal::new(s.to_string())
}

/// A decimal as typed in `lang`, without digit grouping.
pub fn typed(d: Decimal, lang: Lang) -> String {
    let plain = d.normalize().to_string();
    match lang {
        Lang::De => plain.replace('.', ","),
        Lang::En => plain,
    }
}

impl Form {
    /// An empty form with the chart's loan, interest and bank accounts.
    pub fn new(book: Option<&Book>, start: NaiveDate) -> Form {
        let (loan, interest, bank) = match book.map(|b| b.settings().chart) {
            Some(ChartTemplate::Skr04) => ("3150", "7300", "1800"),
            _ => ("0630", "2100", "1200"),
        };
        Form {
            number: RwSignal::new(0),
            name: text(""),
            principal: text(""),
            rate: text(""),
            start: RwSignal::new(Some(start)),
            instalments: text(""),
            every_months: RwSignal::new(1),
            payment_day: text("1"),
            annuity: RwSignal::new(true),
            loan_account: text(loan),
            interest_account: text(interest),
            bank_account: text(bank),
            active: RwSignal::new(true),
            later_rates: RwSignal::new(Vec::new()),
        }
    }

    pub fn load(&self, l: &Loan, lang: Lang) {
        self.number.set(l.number);
        self.name.set(l.name.clone());
        let cents = format!("{:.2}", l.principal);
        self.principal.set(match lang {
            Lang::De => cents.replace('.', ","),
            Lang::En => cents,
        });
        self.rate.set(
            l.rates
                .first()
                .map(|r| typed(r.1, lang))
                .unwrap_or_default(),
        );
        self.start.set(Some(l.start));
        self.instalments.set(l.instalments.to_string());
        self.every_months.set(l.every_months);
        self.payment_day.set(l.payment_day.to_string());
        self.annuity.set(l.repayment == Repayment::Annuity);
        self.loan_account.set(l.loan_account.to_string());
        self.interest_account.set(l.interest_account.to_string());
        self.bank_account.set(l.bank_account.to_string());
        self.active.set(l.active);
        self.later_rates
            .set(l.rates.iter().skip(1).copied().collect());
    }

    /// The typed loan, or what could not be read. Reads untracked unless
    /// called inside a reactive scope that wants to track (`tracked`).
    pub fn read(&self, lang: Lang, tracked: bool) -> Result<Loan, Said<T>> {
        let get = |s: RwSignal<String>| {
            if tracked { s.get() } else { s.get_untracked() }
                .trim()
                .to_string()
        };
        let style = number_style(lang);
        let principal_text = get(self.principal);
        let principal = parse_amount(&principal_text, style, 2)
            .map_err(|_| Said::Typed(principal_text.clone(), T::BadAmount))?;
        let rate_text = get(self.rate).trim_end_matches('%').trim().to_string();
        let rate = parse_amount(&rate_text, style, RATE_DECIMALS)
            .map_err(|_| Said::Typed(rate_text.clone(), T::BadRate))?;
        let start = if tracked {
            self.start.get()
        } else {
            self.start.get_untracked()
        }
        .ok_or(Said::Plain(T::NoStart))?;
        let count_text = get(self.instalments);
        let instalments = count_text
            .parse::<u32>()
            .map_err(|_| Said::Typed(count_text.clone(), T::BadCount))?;
        let day_text = get(self.payment_day);
        let payment_day = day_text
            .parse::<u8>()
            .map_err(|_| Said::Typed(day_text.clone(), T::BadDay))?;
        let account = |s: RwSignal<String>| {
            let t = get(s);
            let number = t.split_whitespace().next().unwrap_or("").to_string();
            AccountNo::parse(&number).map_err(|_| Said::Typed(t.clone(), T::BadAccount))
        };
        let (every_months, annuity, active, later, number) = if tracked {
            (
                self.every_months.get(),
                self.annuity.get(),
                self.active.get(),
                self.later_rates.get(),
                self.number.get(),
            )
        } else {
            (
                self.every_months.get_untracked(),
                self.annuity.get_untracked(),
                self.active.get_untracked(),
                self.later_rates.get_untracked(),
                self.number.get_untracked(),
            )
        };
        let mut rates = vec![(start, rate)];
        rates.extend(later.into_iter().filter(|(d, _)| *d > start));
        Ok(Loan {
            number,
            name: get(self.name),
            principal,
            rates,
            start,
            instalments,
            every_months,
            payment_day,
            repayment: if annuity {
                Repayment::Annuity
            } else {
                Repayment::FixedPrincipal
            },
            loan_account: account(self.loan_account)?,
            interest_account: account(self.interest_account)?,
            bank_account: account(self.bank_account)?,
            active,
            done: BTreeMap::new(),
        })
    }
}

/// "6 % ab 01.01.2024, 3 % ab 01.08.2024".
pub fn rates_words(rates: &[(NaiveDate, Decimal)], lang: Lang) -> String {
    let from = match lang {
        Lang::De => "ab",
        Lang::En => "from",
    };
    rates
        .iter()
        .map(|(d, r)| {
            format!(
                "{} % {from} {}",
                format_number(*r, number_style(lang)),
                crate::ui::components::fmt_date(*d, lang)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}
