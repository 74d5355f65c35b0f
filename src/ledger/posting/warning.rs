//! Warnings (Plausibilitätshinweise): what the engine would post but a
//! bookkeeper should look at twice first. A warning never refuses: the
//! entry screen shows it at its line and asks the user to confirm or
//! correct before posting, as DATEV does. Pure functions of the Book and a
//! draft, so the screen and tests ask the same question. They live in
//! `posting` because they read what posting reads (a [`Context`]).
//!
//! - A tax code of the wrong direction for the account: an input-tax code
//!   (Vorsteuer, purchases: V…, and the self-assessed IGE…/RC… codes) on a
//!   revenue account, or an output-tax code (Umsatzsteuer, sales: U…) on an
//!   expense account. Posted silently, it lands in the wrong Kennzahl of
//!   the VAT return (a negative Kz 66 for input tax on a sale).
//! - A posting date in a closing period (Abschlussperiode): posting there
//!   needs the closing right. Until users and rights exist every user holds
//!   every right ([`Rights::ALL`](super::Rights::ALL)), so this is a
//!   question, not a refusal: the screen posts after the user confirms.
//! - A data-entry rule of the company in warning mode (`posting::rules`).

use super::{Context, EntryDraft, rules};
use crate::ledger::gl::AccountType;
use crate::ledger::gl::{RuleBreach, RuleMode};
use crate::ledger::tax::TaxDirection;
use crate::ledger::types::{AccountNo, EntryId, PeriodStatus};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryWarning {
    /// Line `line` (0-based, as in the draft) carries an input-tax code on
    /// a revenue account.
    InputTaxOnRevenue {
        line: usize,
        code: String,
        account: AccountNo,
    },
    /// Line `line` carries an output-tax code on an expense account.
    OutputTaxOnExpense {
        line: usize,
        code: String,
        account: AccountNo,
    },
    /// The posting date lies in a period in closing.
    ClosingPeriod { date: NaiveDate },
    /// The entry breaks a data-entry rule in warning mode.
    Rule(RuleBreach),
}

impl EntryWarning {
    /// The draft line the warning is about, if it is about one.
    pub fn line(&self) -> Option<usize> {
        match self {
            EntryWarning::InputTaxOnRevenue { line, .. }
            | EntryWarning::OutputTaxOnExpense { line, .. } => Some(*line),
            EntryWarning::ClosingPeriod { .. } | EntryWarning::Rule(_) => None,
        }
    }

    /// Whether posting after the user confirmed needs the closing right.
    pub fn needs_closing_right(&self) -> bool {
        matches!(self, EntryWarning::ClosingPeriod { .. })
    }
}

/// The warnings of `draft`, line warnings in line order, then the period.
/// Lines the engine would refuse (unknown account or tax code) give no
/// warning: the refusal says what is wrong.
pub fn entry_warnings(ctx: Context<'_>, draft: &EntryDraft) -> Vec<EntryWarning> {
    let mut warnings = Vec::new();
    for (line, typed) in draft.lines.iter().enumerate() {
        let (Some(account), Some(code)) = (typed.account, typed.tax_code.as_deref()) else {
            continue;
        };
        let (Some(found), Some(tax)) = (ctx.gl.account(account), ctx.tax.code(code)) else {
            continue;
        };
        let code = tax.code.clone();
        match (found.account_type, tax.direction) {
            (AccountType::Revenue, TaxDirection::Input) => {
                warnings.push(EntryWarning::InputTaxOnRevenue {
                    line,
                    code,
                    account,
                });
            }
            (AccountType::Expense, TaxDirection::Output) => {
                warnings.push(EntryWarning::OutputTaxOnExpense {
                    line,
                    code,
                    account,
                });
            }
            _ => {}
        }
    }
    warnings.extend(closing_period(ctx, draft.posting_date));
    warnings.extend(rule_warnings(ctx, draft));
    warnings
}

/// The company's data-entry rules in warning mode that `draft` breaks;
/// the negative-cash rule only when the draft's lines build.
fn rule_warnings(ctx: Context<'_>, draft: &EntryDraft) -> Vec<EntryWarning> {
    let lines = super::build::build_lines(ctx, draft).unwrap_or_default();
    rules::breaches(ctx, draft, &lines)
        .into_iter()
        .filter(|(_, mode)| *mode == RuleMode::Warn)
        .map(|(breach, _)| EntryWarning::Rule(breach))
        .collect()
}

/// The warnings of reversing `entry` on `date` (default: the original's
/// posting date): only the closing period; the lines mirror an entry that
/// was posted already.
pub fn reversal_warnings(
    ctx: Context<'_>,
    entry: EntryId,
    date: Option<NaiveDate>,
) -> Vec<EntryWarning> {
    let Some(date) = date.or_else(|| ctx.journal.entry(entry).map(|e| e.posting_date)) else {
        return Vec::new();
    };
    closing_period(ctx, date).into_iter().collect()
}

fn closing_period(ctx: Context<'_>, date: NaiveDate) -> Option<EntryWarning> {
    let calendar = ctx.gl.calendar();
    let status = calendar
        .index_of_date(date)
        .and_then(|i| calendar.status(i))?;
    (status == PeriodStatus::Closing).then_some(EntryWarning::ClosingPeriod { date })
}
