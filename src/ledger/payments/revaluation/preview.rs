//! What a revaluation on a date would post, item by item and account by
//! account: the booked LC still open, the LC at the date's rate and the
//! difference, with the reason it is or is not posted.

use crate::ledger::gl::AccountCurrency;
use crate::ledger::gl::fx::lc_from_fc;
use crate::ledger::open_items::{ItemId, OpenItem};
use crate::ledger::payments::error::PaymentsError;
use crate::ledger::payments::revaluation::RevaluationError;
use crate::ledger::payments::settings::PaymentSettings;
use crate::ledger::posting::Context;
use crate::ledger::types::{AccountNo, Currency, PartnerCode};
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Whether and why a difference is posted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Treatment {
    /// No difference at the date's rate.
    Unchanged,
    /// A loss: always posted (imparity principle).
    Loss,
    /// An unrealised gain that is posted.
    Gain,
    /// An unrealised gain of an item due more than a year after the date:
    /// not posted while `gains_within_year_only` is set (§ 256a HGB).
    GainLongTerm,
}

impl Treatment {
    pub fn posted(self) -> bool {
        matches!(self, Treatment::Loss | Treatment::Gain)
    }

    fn of(difference: Decimal, long_term: bool, settings: &PaymentSettings) -> Treatment {
        if difference.is_zero() {
            Treatment::Unchanged
        } else if difference.is_sign_negative() {
            Treatment::Loss
        } else if long_term && settings.gains_within_year_only {
            Treatment::GainLongTerm
        } else {
            Treatment::Gain
        }
    }
}

/// One open FC item. Amounts are signed, debit positive; `difference` is
/// positive for a gain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevaluedItem {
    pub item: ItemId,
    pub partner: PartnerCode,
    /// The item's control account.
    pub account: AccountNo,
    pub due_date: NaiveDate,
    pub currency: Currency,
    pub open_fc: Decimal,
    /// What is still open in LC at the booked rate.
    pub booked_lc: Decimal,
    /// The rate of the posted line (units of FC per LC).
    pub booked_rate: Option<Decimal>,
    /// The date's rate (units of FC per LC).
    pub rate: Decimal,
    pub revalued_lc: Decimal,
    pub difference: Decimal,
    pub treatment: Treatment,
}

/// The balance of an account kept in a foreign currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevaluedAccount {
    pub account: AccountNo,
    pub currency: Currency,
    pub balance_fc: Decimal,
    pub balance_lc: Decimal,
    pub rate: Decimal,
    pub revalued_lc: Decimal,
    pub difference: Decimal,
    pub treatment: Treatment,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RevaluationPreview {
    pub items: Vec<RevaluedItem>,
    pub accounts: Vec<RevaluedAccount>,
}

impl RevaluationPreview {
    fn treatments(&self) -> impl Iterator<Item = (Treatment, Decimal)> + '_ {
        let items = self.items.iter().map(|i| (i.treatment, i.difference));
        let accounts = self.accounts.iter().map(|a| (a.treatment, a.difference));
        items.chain(accounts)
    }

    fn total(&self, treatment: Treatment) -> Decimal {
        self.treatments()
            .filter(|(t, _)| *t == treatment)
            .map(|(_, d)| d)
            .sum()
    }

    /// The posted gains (positive).
    pub fn gains(&self) -> Decimal {
        self.total(Treatment::Gain)
    }

    /// The posted losses (negative).
    pub fn losses(&self) -> Decimal {
        self.total(Treatment::Loss)
    }

    /// Gains left unposted under § 256a HGB (positive).
    pub fn gains_not_posted(&self) -> Decimal {
        self.total(Treatment::GainLongTerm)
    }

    /// Whether anything would be posted.
    pub fn has_postings(&self) -> bool {
        self.treatments().any(|(t, _)| t.posted())
    }
}

/// Whether an item due on `due` runs more than one year after `date`.
pub fn remaining_term_over_year(due: NaiveDate, date: NaiveDate) -> bool {
    date.checked_add_months(Months::new(12))
        .is_none_or(|year_later| due > year_later)
}

/// Every open FC item and FC account balance on `date`, revalued at that
/// date's rate. Refuses a currency without a rate on or before `date`.
pub fn preview(
    cx: Context<'_>,
    settings: &PaymentSettings,
    date: NaiveDate,
) -> Result<RevaluationPreview, PaymentsError> {
    let mut rates = Rates::new(cx, date);
    let mut items = Vec::new();
    for item in cx.open_items.items() {
        if let Some(found) = revalue_item(cx, settings, &mut rates, item, date)? {
            items.push(found);
        }
    }
    let mut accounts = Vec::new();
    for account in cx.gl.accounts() {
        let AccountCurrency::Foreign(currency) = account.currency else {
            continue;
        };
        if account.control || !account.postable {
            continue;
        }
        let (balance_fc, balance_lc) = balances(cx, account.number, date);
        if balance_fc.is_zero() && balance_lc.is_zero() {
            continue;
        }
        let rate = rates.get(currency)?;
        let revalued_lc = lc_from_fc(balance_fc, rate, rates.lc_decimals);
        let difference = revalued_lc - balance_lc;
        accounts.push(RevaluedAccount {
            account: account.number,
            currency,
            balance_fc,
            balance_lc,
            rate,
            revalued_lc,
            difference,
            // Money in a bank account is always short-term.
            treatment: Treatment::of(difference, false, settings),
        });
    }
    Ok(RevaluationPreview { items, accounts })
}

fn revalue_item(
    cx: Context<'_>,
    settings: &PaymentSettings,
    rates: &mut Rates,
    item: &OpenItem,
    date: NaiveDate,
) -> Result<Option<RevaluedItem>, PaymentsError> {
    let Some(fc) = item.fc.as_deref() else {
        return Ok(None);
    };
    if item.posting_date > date {
        return Ok(None);
    }
    let (open_lc, open_fc) = cx.open_items.open_as_of(item, date);
    let open_fc = open_fc.unwrap_or_default();
    if open_lc.is_zero() && open_fc.is_zero() {
        return Ok(None);
    }
    let rate = rates.get(fc.currency)?;
    let open_fc = item.side.sign(open_fc);
    let booked_lc = item.side.sign(open_lc);
    let revalued_lc = lc_from_fc(open_fc, rate, rates.lc_decimals);
    let difference = revalued_lc - booked_lc;
    let long_term = remaining_term_over_year(item.due_date, date);
    let booked_rate = cx
        .journal
        .entry(item.id.entry)
        .and_then(|e| e.lines.get(usize::from(item.id.line)))
        .and_then(|l| l.fc())
        .map(|f| f.rate_fc_per_lc);
    Ok(Some(RevaluedItem {
        item: item.id,
        partner: item.partner,
        account: item.account,
        due_date: item.due_date,
        currency: fc.currency,
        open_fc,
        booked_lc,
        booked_rate,
        rate,
        revalued_lc,
        difference,
        treatment: Treatment::of(difference, long_term, settings),
    }))
}

/// The FC and LC balance (debit positive) of `account` at the end of `date`.
fn balances(cx: Context<'_>, account: AccountNo, date: NaiveDate) -> (Decimal, Decimal) {
    let entries = cx.journal.entries();
    let mut fc = Decimal::ZERO;
    let mut lc = Decimal::ZERO;
    for r in cx.gl.account_line_refs(account).unwrap_or_default() {
        let Some(entry) = usize::try_from(r.entry).ok().and_then(|i| entries.get(i)) else {
            continue;
        };
        if entry.posting_date > date {
            continue;
        }
        let Some(line) = entry.lines.get(usize::from(r.line)) else {
            continue;
        };
        lc += line.signed_lc();
        if let Some(f) = line.fc() {
            fc += line.side.sign(f.amount_fc);
        }
    }
    (fc, lc)
}

/// The date's rates, looked up once per currency.
struct Rates<'a> {
    cx: Context<'a>,
    date: NaiveDate,
    lc_decimals: u32,
    found: BTreeMap<Currency, Decimal>,
}

impl<'a> Rates<'a> {
    fn new(cx: Context<'a>, date: NaiveDate) -> Rates<'a> {
        Rates {
            cx,
            date,
            lc_decimals: cx.gl.settings().lc_decimals(),
            found: BTreeMap::new(),
        }
    }

    fn get(&mut self, currency: Currency) -> Result<Decimal, RevaluationError> {
        if let Some(rate) = self.found.get(&currency) {
            return Ok(*rate);
        }
        let rate = self
            .cx
            .gl
            .rates()
            .rate_on(currency, self.date)
            .map_err(|_| RevaluationError::RateMissing {
                currency,
                date: self.date,
            })?;
        self.found.insert(currency, rate);
        Ok(rate)
    }
}
