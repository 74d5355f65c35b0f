//! Year-end closing (Jahresabschluss) and opening balances
//! (Eröffnungsbilanzwerte), issue 17. Built on posting (rank 5).
//!
//! The books are one cumulative log, so balance-sheet accounts carry
//! their balances into the next year by themselves (the trial balance
//! opens them with everything posted before). Closing a year posts, dated
//! its last day, one entry that closes every profit-and-loss account to
//! the retained-earnings account of the G/L determination: afterwards the
//! P&L accounts stand at zero for that year and the next year's trial
//! balance shows no result carried forward. The closing is marked, so the
//! statements of the closed year still show its result, and it can be
//! reverted (reversal entries) while the year's periods are not locked.
//! Opening balances for a company that starts mid-life (migration) are
//! one entry against the opening-balance account, checked to balance;
//! partner lines become open items as on any entry.
//!
//! A year with no balance on any P&L account is refused
//! (`NothingToClose`) rather than marked closed without an entry.
//!
//! Where is what: `close` (the closing entry), `opening` (the entry of
//! opening balances and its counter accounts), `preview` (what a closing
//! would post, and what warns), `command`, `error`.

pub mod close;
pub mod command;
pub mod error;
pub mod opening;
pub mod preview;

pub use command::{ClosingCommand, ClosingEvent, ClosingStep, OpeningLine, YearClosing};
pub use error::ClosingError;
pub use opening::{opening_difference, partner_counter};
pub use preview::{CarriedItems, ClosingPreview, preview};

use crate::ledger::posting::{Context, Pending, Rights, build_reversal};
use crate::ledger::types::limits::MAX_TEXT_LEN;
use crate::ledger::types::{EntryId, Field, PeriodStatus, check_text};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Closing {
    years: BTreeMap<i32, YearClosing>,
    opening: Vec<EntryId>,
}

impl Closing {
    /// The closing of fiscal year `year`, if it is closed (not reverted).
    pub fn year(&self, year: i32) -> Option<&YearClosing> {
        self.years.get(&year).filter(|c| c.reverted.is_none())
    }

    pub fn years(&self) -> impl Iterator<Item = &YearClosing> + '_ {
        self.years.values()
    }

    /// Whether `entry` is a closing entry of a year (statements of that
    /// year leave it out, so they still show the year's result).
    pub fn is_closing_entry(&self, entry: EntryId) -> bool {
        self.years
            .values()
            .filter(|c| c.reverted.is_none())
            .any(|c| c.entries.contains(&entry))
    }

    /// The closed year `entry` closes, if it is a closing entry.
    pub fn year_of_entry(&self, entry: EntryId) -> Option<i32> {
        self.years
            .values()
            .find(|c| c.reverted.is_none() && c.entries.contains(&entry))
            .map(|c| c.year)
    }

    /// The entries of opening balances entered by hand (migration).
    pub fn opening_entries(&self) -> &[EntryId] {
        &self.opening
    }

    /// The preview of closing `year` (see `preview`).
    pub fn preview(&self, cx: Context<'_>, year: i32) -> ClosingPreview {
        preview(cx, self, year)
    }

    pub fn check(
        &self,
        cx: Context<'_>,
        rights: Rights,
        cmd: &ClosingCommand,
    ) -> Result<Vec<ClosingStep>, ClosingError> {
        match cmd {
            ClosingCommand::CloseYear { year, key, by, at } => {
                let year = *year;
                close::year_span(cx.gl, year).ok_or(ClosingError::YearNotFound { year })?;
                if close::year_span(cx.gl, year + 1).is_none() {
                    return Err(ClosingError::NextYearNotOpen { year });
                }
                if self.year(year).is_some() {
                    return Err(ClosingError::AlreadyClosed { year });
                }
                check_text(by, Field::User, MAX_TEXT_LEN, true)?;
                let entries = close::closing_entries(cx, rights, year, *key, by)?;
                let ids = entries.iter().map(|e| e.id).collect();
                Ok(entries
                    .into_iter()
                    .map(|e| ClosingStep::Entry(Box::new(e)))
                    .chain(std::iter::once(ClosingStep::Closing(
                        ClosingEvent::YearClosed {
                            year,
                            entries: ids,
                            by: by.clone(),
                            at: *at,
                        },
                    )))
                    .collect())
            }
            ClosingCommand::RevertClosing { year, by, at } => {
                let year = *year;
                let closed = self.year(year).ok_or(ClosingError::NotClosed { year })?;
                let (start, end, _) =
                    close::year_span(cx.gl, year).ok_or(ClosingError::YearNotFound { year })?;
                let calendar = cx.gl.calendar();
                if (start..=end).any(|p| calendar.status(p) == Some(PeriodStatus::Locked)) {
                    return Err(ClosingError::YearLocked { year });
                }
                check_text(by, Field::User, MAX_TEXT_LEN, true)?;
                let mut pending = Pending::default();
                let mut steps = Vec::with_capacity(closed.entries.len() + 1);
                let mut reversals = Vec::with_capacity(closed.entries.len());
                for entry in &closed.entries {
                    let reversal = build_reversal(cx, *entry, None, by, rights, &pending)?;
                    pending.add(&reversal);
                    reversals.push(reversal.id);
                    steps.push(ClosingStep::Entry(Box::new(reversal)));
                }
                steps.push(ClosingStep::Closing(ClosingEvent::ClosingReverted {
                    year,
                    reversals,
                    by: by.clone(),
                    at: *at,
                }));
                Ok(steps)
            }
            ClosingCommand::PostOpeningBalances {
                date,
                lines,
                key,
                by,
                at,
            } => {
                check_text(by, Field::User, MAX_TEXT_LEN, true)?;
                let entry = opening::opening_entry(cx, rights, *date, lines, *key, by)?;
                let id = entry.id;
                Ok(vec![
                    ClosingStep::Entry(Box::new(entry)),
                    ClosingStep::Closing(ClosingEvent::OpeningBalancesPosted {
                        entry: id,
                        by: by.clone(),
                        at: *at,
                    }),
                ])
            }
        }
    }

    /// Folds an event in after the entries it names were posted; refuses
    /// one that does not fit (a corrupt log), changing nothing.
    pub fn apply(&mut self, cx: Context<'_>, event: &ClosingEvent) -> Result<(), ClosingError> {
        let corrupt = |entry: EntryId| {
            ClosingError::Journal(crate::ledger::journal::JournalError::EntryNotFound { entry })
        };
        match event {
            ClosingEvent::YearClosed {
                year,
                entries,
                by,
                at,
            } => {
                let year = *year;
                let (_, _, fy) =
                    close::year_span(cx.gl, year).ok_or(ClosingError::YearNotFound { year })?;
                if self.year(year).is_some() {
                    return Err(ClosingError::AlreadyClosed { year });
                }
                if entries.is_empty() {
                    return Err(ClosingError::NothingToClose { year });
                }
                for id in entries {
                    let fits = cx
                        .journal
                        .entry(*id)
                        .is_some_and(|e| e.posting_date == fy.end && e.reverses.is_none());
                    if !fits {
                        return Err(corrupt(*id));
                    }
                }
                self.years.insert(
                    year,
                    YearClosing {
                        year,
                        entries: entries.clone(),
                        reverted: None,
                        by: by.clone(),
                        at: *at,
                    },
                );
            }
            ClosingEvent::ClosingReverted {
                year,
                reversals,
                by: _,
                at: _,
            } => {
                let year = *year;
                let closed = self.year(year).ok_or(ClosingError::NotClosed { year })?;
                if reversals.len() != closed.entries.len() {
                    return Err(ClosingError::NotClosed { year });
                }
                for (original, reversal) in closed.entries.iter().zip(reversals) {
                    let fits = cx
                        .journal
                        .entry(*reversal)
                        .is_some_and(|e| e.reverses == Some(*original));
                    if !fits {
                        return Err(corrupt(*reversal));
                    }
                }
                if let Some(c) = self.years.get_mut(&year) {
                    c.reverted = Some(reversals.clone());
                }
            }
            ClosingEvent::OpeningBalancesPosted { entry, .. } => {
                if cx.journal.entry(*entry).is_none() || self.opening.contains(entry) {
                    return Err(corrupt(*entry));
                }
                self.opening.push(*entry);
            }
        }
        Ok(())
    }
}
