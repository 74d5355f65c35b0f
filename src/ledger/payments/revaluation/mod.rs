//! Period-end foreign-currency revaluation (Fremdwährungsbewertung).
//!
//! On a chosen date every open FC item and every FC balance of an account
//! kept in a foreign currency is revalued at that date's rate
//! (`preview`, pure, what the screen lists). The differences that German
//! commercial law lets us post (imparity principle, § 256a HGB: losses
//! always; unrealised gains only for a remaining term of at most one year
//! when the setting says so) become one entry (`entry`), and, when asked,
//! its reversal on the first day of the next period, so the next period
//! starts again from the booked rates.
//!
//! Item differences are posted against the FX adjustment account, never
//! the control accounts: the open items keep summing to them. A balance
//! of an FC account (a USD bank account) is corrected on the account
//! itself, by a line with an FC amount of zero.

mod entry;
mod preview;

pub use preview::{
    RevaluationPreview, RevaluedAccount, RevaluedItem, Treatment, preview, remaining_term_over_year,
};

use crate::ledger::payments::command::Step;
use crate::ledger::payments::error::PaymentsError;
use crate::ledger::payments::settings::PaymentSettings;
use crate::ledger::posting::{Context, Rights};
use crate::ledger::types::{AccountNo, Currency, PostingKey};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevaluationDraft {
    pub date: NaiveDate,
    /// Post the reversal on this date (the first day of the next period).
    pub reverse_on: Option<NaiveDate>,
    pub user: String,
    pub key: PostingKey,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RevaluationError {
    #[error("nothing to revalue on {date}")]
    NothingToRevalue { date: NaiveDate },
    #[error("no exchange rate of {currency} on or before {date}")]
    RateMissing { currency: Currency, date: NaiveDate },
    #[error("no FX adjustment account in the payment settings")]
    AdjustmentAccountMissing,
    #[error("account {account} cannot take the revaluation")]
    AccountUnusable { account: AccountNo },
    #[error("the reversal date {reverse_on} is not after {date}")]
    ReversalNotAfter {
        date: NaiveDate,
        reverse_on: NaiveDate,
    },
}

/// The entries `Revalue` posts (the revaluation, then its reversal when
/// `reverse_on` is set), or why not. Pure.
pub fn check(
    cx: Context<'_>,
    settings: &PaymentSettings,
    rights: Rights,
    draft: &RevaluationDraft,
) -> Result<Vec<Step>, PaymentsError> {
    if let Some(reverse_on) = draft.reverse_on
        && reverse_on <= draft.date
    {
        return Err(RevaluationError::ReversalNotAfter {
            date: draft.date,
            reverse_on,
        }
        .into());
    }
    let found = preview(cx, settings, draft.date)?;
    let entries = entry::build(cx, settings, rights, draft, &found)?;
    Ok(entries
        .into_iter()
        .map(|e| Step::Entry(Box::new(e)))
        .collect())
}
