//! Executing a dunning run: the chosen letters are recomputed (a chosen
//! item that is no longer overdue and open, or that the proposal would
//! skip, refuses the whole run), then, with `post_charges`, one entry per
//! letter posts its charges as a receivable of the customer, and the run
//! is recorded after them. All or nothing, idempotent by the run's key.
//!
//! The charges entry: the customer's line (on his control account, so it
//! becomes an open item due on the run date) against the fee account
//! (dunning fee and € 40 flat fees) and the interest account (default
//! interest). No VAT: a dunning fee and default interest are damages for
//! the delay, not consideration for a supply (no taxable turnover under
//! § 1 UStG; UStAE 1.3 (6)), and the flat fee of § 288 (5) BGB is a
//! lump sum on such damages; so the lines carry no tax code.

use crate::ledger::dunning::command::{DunningRun, DunningRunDraft, Letter, LetterChoice};
use crate::ledger::dunning::error::DunningError;
use crate::ledger::dunning::proposal::{ProposedLetter, Skipped};
use crate::ledger::dunning::propose::Proposer;
use crate::ledger::dunning::{Dunning, DunningEvent, DunningStep};
use crate::ledger::posting::{Context, EntryDraft, LineDraft, Pending, Rights, build_entry};
use crate::ledger::types::limits::MAX_TEXT_LEN;
use crate::ledger::types::text::{Field, check_text};
use crate::ledger::types::{AccountNo, Side, Timestamp};
use std::collections::BTreeSet;

impl Dunning {
    /// The steps of executing `draft`: the charges' entries, then the run.
    pub(super) fn check_execute(
        &self,
        cx: Context<'_>,
        rights: Rights,
        draft: &DunningRunDraft,
        at: Timestamp,
    ) -> Result<Vec<DunningStep>, DunningError> {
        check_text(&draft.user, Field::User, MAX_TEXT_LEN, true)?;
        if let Some(run) = self.runs.iter().find(|r| r.key == draft.key) {
            return Err(DunningError::AlreadyExecuted {
                key: draft.key,
                run: run.number,
            });
        }
        Pending::default().check_key(cx.journal, draft.key)?;
        let proposer = Proposer {
            cx,
            dunning: self,
            table: self.base_rates(),
            date: draft.date,
        };
        let mut seen = BTreeSet::new();
        let mut letters = Vec::new();
        for choice in &draft.letters {
            if !seen.insert(choice.partner) {
                return Err(DunningError::DuplicatePartner {
                    partner: choice.partner,
                });
            }
            letters.extend(chosen_letters(&proposer, choice)?);
        }
        if letters.is_empty() {
            return Err(DunningError::NothingToDun);
        }
        let number = u32::try_from(self.runs.len() + 1).unwrap_or(u32::MAX);
        let mut steps = Vec::new();
        let mut executed = Vec::with_capacity(letters.len());
        let mut pending = Pending::default();
        for letter in letters {
            let entry = if draft.post_charges {
                let posted = self.charges_entry(cx, rights, draft, number, &letter, &pending)?;
                posted.map(|posted| {
                    pending.add(&posted);
                    let id = posted.id;
                    steps.push(DunningStep::Entry(Box::new(posted)));
                    id
                })
            } else {
                None
            };
            executed.push(Letter { letter, entry });
        }
        let run = DunningRun {
            number,
            date: draft.date,
            letters: executed,
            by: draft.user.clone(),
            at,
            key: draft.key,
        };
        steps.push(DunningStep::Dunning(DunningEvent::RunExecuted {
            run: Box::new(run),
        }));
        Ok(steps)
    }

    /// The entry of one letter's charges (None: it charges nothing). The
    /// run's key goes on its first entry.
    fn charges_entry(
        &self,
        cx: Context<'_>,
        rights: Rights,
        draft: &DunningRunDraft,
        number: u32,
        letter: &ProposedLetter,
        pending: &Pending,
    ) -> Result<Option<crate::ledger::types::PostedEntry>, DunningError> {
        let fees = letter.fee + letter.flat_fees();
        let interest = letter.interest();
        if (fees + interest).is_zero() {
            return Ok(None);
        }
        let account = |a: Option<AccountNo>| a.ok_or(DunningError::ChargeAccount);
        let mut lines = vec![LineDraft {
            due_date: Some(draft.date),
            ..LineDraft::partner(letter.partner, Side::Debit, fees + interest)
        }];
        if !fees.is_zero() {
            lines.push(LineDraft::credit_lc(
                account(self.settings.fee_account)?,
                fees,
            ));
        }
        if !interest.is_zero() {
            lines.push(LineDraft::credit_lc(
                account(self.settings.interest_account)?,
                interest,
            ));
        }
        let mut entry = EntryDraft::new(draft.date, &draft.user, lines);
        entry.reference = format!("Mahnlauf {number}");
        entry.due_date = Some(draft.date);
        entry.key = pending.keys.is_empty().then_some(draft.key);
        Ok(Some(build_entry(cx, &entry, rights, pending)?))
    }
}

/// The letters of one choice, recomputed; refuses an item the proposal
/// would not dun. An empty choice takes every item the proposal has.
fn chosen_letters(
    proposer: &Proposer<'_>,
    choice: &LetterChoice,
) -> Result<Vec<ProposedLetter>, DunningError> {
    let partner = choice.partner;
    let not_dunnable = DunningError::NotDunnable { partner };
    let master = proposer.cx.partners.partner(partner).ok_or(not_dunnable)?;
    let only = (!choice.items.is_empty()).then_some(choice.items.as_slice());
    let result = proposer.partner(master, only);
    let refused = |s: &Skipped| s.item.is_none() || only.is_some();
    if let Some(skipped) = result.skipped.into_iter().find(refused) {
        return Err(DunningError::NotDunned { skipped });
    }
    for &item in &choice.items {
        if !result
            .letters
            .iter()
            .any(|l| l.items.iter().any(|i| i.item == item))
        {
            return Err(DunningError::ItemNotDue { partner, item });
        }
    }
    Ok(result.letters)
}
