//! Recurring postings (Dauerbuchungen), posting templates
//! (Kontierungsmuster) and loans (Darlehen), issue 17. Built on posting
//! (rank 5, beside `payments` and `dunning`): a template splits an amount
//! over accounts by percent and is only a tool of the entry grid; a
//! standing posting is an entry draft with a schedule; a loan computes its
//! repayment schedule, and each instalment is due like an occurrence of a
//! standing posting. Nothing posts by itself: the due list (`due`) is
//! shown when a company opens, and `PostDue` posts the occurrences the
//! user confirmed as one command, each becoming an entry.
//!
//! Where is what: `template` (templates and the exact split), `schedule`
//! (frequencies and the dates they give), `standing` (standing postings
//! and their occurrences), `loan` (loans, rate changes, the schedule from
//! `crate::finance::loan`), `due` (what is due as of a date), `command`,
//! `error`.

pub mod command;
pub mod due;
pub mod error;
pub mod loan;
pub mod schedule;
pub mod standing;
pub mod template;

pub use command::{DuePosting, RecurringCommand, RecurringEvent, RecurringStep};
pub use due::{Due, Source};
pub use error::RecurringError;
pub use loan::{Instalment, Loan, Repayment};
pub use schedule::{End, Frequency, Schedule};
pub use standing::{Occurrence, StandingPosting};
pub use template::{PostingTemplate, TemplateLine};

use crate::ledger::journal::JournalError;
use crate::ledger::posting::{self, Context, Pending, Rights, build_entry};
use crate::ledger::types::limits::MAX_VOUCHER_ENTRIES;
use crate::ledger::types::{PostingKey, Timestamp};
use chrono::NaiveDate;

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Recurring {
    templates: Vec<PostingTemplate>,
    standing: Vec<StandingPosting>,
    loans: Vec<Loan>,
}

impl Recurring {
    pub fn templates(&self) -> &[PostingTemplate] {
        &self.templates
    }

    pub fn template(&self, code: &str) -> Option<&PostingTemplate> {
        self.templates.iter().find(|t| t.code == code)
    }

    pub fn standing(&self) -> &[StandingPosting] {
        &self.standing
    }

    pub fn standing_posting(&self, number: u32) -> Option<&StandingPosting> {
        self.standing.iter().find(|s| s.number == number)
    }

    pub fn loans(&self) -> &[Loan] {
        &self.loans
    }

    pub fn loan(&self, number: u32) -> Option<&Loan> {
        self.loans.iter().find(|l| l.number == number)
    }

    /// Every occurrence of an active standing posting or loan due on or
    /// before `as_of` and neither posted nor skipped, oldest first.
    pub fn due(&self, cx: Context<'_>, as_of: NaiveDate) -> Vec<Due> {
        due::due(self, cx, as_of)
    }

    /// The steps `cmd` appends, or why it is refused. Pure.
    pub fn check(
        &self,
        cx: Context<'_>,
        rights: Rights,
        cmd: &RecurringCommand,
    ) -> Result<Vec<RecurringStep>, RecurringError> {
        let event = match cmd {
            RecurringCommand::SaveTemplate { template, by, at } => {
                template::check_template(cx, template)?;
                RecurringEvent::TemplateSaved {
                    template: template.clone(),
                    by: by.clone(),
                    at: *at,
                }
            }
            RecurringCommand::DeleteTemplate { code, by, at } => {
                if self.template(code).is_none() {
                    return Err(RecurringError::UnknownTemplate { code: code.clone() });
                }
                RecurringEvent::TemplateDeleted {
                    code: code.clone(),
                    by: by.clone(),
                    at: *at,
                }
            }
            RecurringCommand::SaveStanding { posting, by, at } => {
                let number = match posting.number {
                    0 => self.next_standing_number(),
                    n if self.standing_posting(n).is_some() => n,
                    number => return Err(RecurringError::UnknownStanding { number }),
                };
                let posting = StandingPosting {
                    number,
                    done: Default::default(),
                    draft: posting::EntryDraft {
                        posting_date: posting.schedule.first,
                        key: None,
                        // Not stored: a template is entered once, its
                        // occurrences are posted later.
                        entered_on: None,
                        series: None,
                        ..posting.draft.clone()
                    },
                    ..(**posting).clone()
                };
                standing::check_standing(cx, rights, &posting)?;
                RecurringEvent::StandingSaved {
                    posting: Box::new(posting),
                    by: by.clone(),
                    at: *at,
                }
            }
            RecurringCommand::PostDue {
                postings,
                key,
                by,
                at,
            } => return self.check_post_due(cx, rights, postings, *key, by, *at),
            RecurringCommand::Skip {
                source,
                date,
                by,
                at,
            } => {
                self.check_due(cx, *source, *date)?;
                RecurringEvent::OccurrenceSkipped {
                    source: *source,
                    date: *date,
                    by: by.clone(),
                    at: *at,
                }
            }
            RecurringCommand::SaveLoan { loan, by, at } => RecurringEvent::LoanSaved {
                loan: Box::new(loan::check_save(&self.loans, cx, loan)?),
                by: by.clone(),
                at: *at,
            },
            RecurringCommand::ChangeLoanRate {
                loan,
                from,
                rate,
                by,
                at,
            } => {
                loan::check_rate(&self.loans, cx, *loan, *from, *rate)?;
                RecurringEvent::LoanRateChanged {
                    loan: *loan,
                    from: *from,
                    rate: *rate,
                    by: by.clone(),
                    at: *at,
                }
            }
        };
        Ok(vec![RecurringStep::Recurring(event)])
    }

    fn next_standing_number(&self) -> u32 {
        self.standing.iter().map(|s| s.number).max().unwrap_or(0) + 1
    }

    /// Whether the occurrence of `source` on `date` may be posted or
    /// skipped: the source exists and is active, `date` is one of its
    /// dates, and it is neither posted nor skipped. Returns the source's
    /// name.
    fn check_due(
        &self,
        cx: Context<'_>,
        source: Source,
        date: NaiveDate,
    ) -> Result<&str, RecurringError> {
        let not_due = RecurringError::NotDue {
            origin: source,
            date,
        };
        match source {
            Source::Standing(number) => {
                let s = self
                    .standing_posting(number)
                    .ok_or(RecurringError::UnknownStanding { number })?;
                if !s.active || s.done.contains_key(&date) || !s.schedule.contains(date) {
                    return Err(not_due);
                }
                Ok(&s.name)
            }
            Source::Loan(number) => {
                let l = self
                    .loan(number)
                    .ok_or(RecurringError::UnknownLoan { number })?;
                let due = l.active
                    && !l.done.contains_key(&date)
                    && loan::due_instalments(l, cx, date)
                        .iter()
                        .any(|d| d.date == date);
                if !due {
                    return Err(not_due);
                }
                Ok(&l.name)
            }
        }
    }

    /// `PostDue`: every occurrence due and chosen once, each draft built as
    /// an entry on its date after the ones before it (like a voucher), the
    /// first carrying `key`; then `OccurrencesPosted`.
    fn check_post_due(
        &self,
        cx: Context<'_>,
        rights: Rights,
        postings: &[DuePosting],
        key: PostingKey,
        by: &str,
        at: Timestamp,
    ) -> Result<Vec<RecurringStep>, RecurringError> {
        if postings.is_empty() {
            return Err(RecurringError::NothingToPost);
        }
        if postings.len() > MAX_VOUCHER_ENTRIES {
            return Err(RecurringError::TooManyOccurrences {
                count: postings.len(),
                max: MAX_VOUCHER_ENTRIES,
            });
        }
        cx.journal.check_key(key)?;
        let mut seen = std::collections::BTreeSet::new();
        let mut pending = Pending::default();
        let mut steps = Vec::with_capacity(postings.len() + 1);
        let mut posted = Vec::with_capacity(postings.len());
        for (index, p) in postings.iter().enumerate() {
            let name = self.check_due(cx, p.source, p.date)?;
            if !seen.insert((p.source, p.date)) {
                return Err(RecurringError::NotDue {
                    origin: p.source,
                    date: p.date,
                });
            }
            let mut draft = standing::occurrence_draft(&p.draft, name, p.date);
            draft.user = by.to_string();
            draft.key = (index == 0).then_some(key);
            let entry = build_entry(cx, &draft, rights, &pending).map_err(|error| {
                RecurringError::Occurrence {
                    origin: p.source,
                    date: p.date,
                    error: Box::new(error),
                }
            })?;
            pending.add(&entry);
            posted.push((p.source, p.date, entry.id));
            steps.push(RecurringStep::Entry(Box::new(entry)));
        }
        steps.push(RecurringStep::Recurring(
            RecurringEvent::OccurrencesPosted {
                posted,
                by: by.to_string(),
                at,
            },
        ));
        Ok(steps)
    }

    /// Folds one event in; errors only for one that does not fit (a
    /// corrupt or reordered log), and then changes nothing.
    pub fn apply(&mut self, cx: Context<'_>, event: &RecurringEvent) -> Result<(), RecurringError> {
        match event {
            RecurringEvent::TemplateSaved { template, .. } => {
                match self.templates.iter_mut().find(|t| t.code == template.code) {
                    Some(old) => *old = template.clone(),
                    None => {
                        self.templates.push(template.clone());
                        self.templates.sort_by(|a, b| a.code.cmp(&b.code));
                    }
                }
            }
            RecurringEvent::TemplateDeleted { code, .. } => {
                if self.template(code).is_none() {
                    return Err(RecurringError::UnknownTemplate { code: code.clone() });
                }
                self.templates.retain(|t| &t.code != code);
            }
            RecurringEvent::StandingSaved { posting, .. } => {
                let next = self.next_standing_number();
                match self
                    .standing
                    .iter_mut()
                    .find(|s| s.number == posting.number)
                {
                    Some(old) => {
                        let done = std::mem::take(&mut old.done);
                        *old = StandingPosting {
                            done,
                            ..(**posting).clone()
                        };
                    }
                    None if posting.number == next => {
                        self.standing.push(StandingPosting {
                            done: Default::default(),
                            ..(**posting).clone()
                        });
                    }
                    None => {
                        return Err(RecurringError::UnknownStanding {
                            number: posting.number,
                        });
                    }
                }
            }
            RecurringEvent::OccurrencesPosted { posted, .. } => {
                for &(source, date, entry) in posted {
                    if cx.journal.entry(entry).is_none() {
                        return Err(JournalError::EntryNotFound { entry }.into());
                    }
                    self.done_slot(source, date)?;
                }
                for &(source, date, entry) in posted {
                    self.mark(source, date, Occurrence::Posted(entry));
                }
            }
            RecurringEvent::OccurrenceSkipped { source, date, .. } => {
                self.done_slot(*source, *date)?;
                self.mark(*source, *date, Occurrence::Skipped);
            }
            RecurringEvent::LoanSaved { loan, .. } => loan::apply_saved(&mut self.loans, loan)?,
            RecurringEvent::LoanRateChanged {
                loan, from, rate, ..
            } => loan::apply_rate(&mut self.loans, *loan, *from, *rate)?,
        }
        Ok(())
    }

    /// The `done` map of `source`, refusing a date already there.
    fn done_slot(&self, source: Source, date: NaiveDate) -> Result<(), RecurringError> {
        let done = match source {
            Source::Standing(number) => {
                &self
                    .standing_posting(number)
                    .ok_or(RecurringError::UnknownStanding { number })?
                    .done
            }
            Source::Loan(number) => {
                &self
                    .loan(number)
                    .ok_or(RecurringError::UnknownLoan { number })?
                    .done
            }
        };
        if done.contains_key(&date) {
            return Err(RecurringError::NotDue {
                origin: source,
                date,
            });
        }
        Ok(())
    }

    fn mark(&mut self, source: Source, date: NaiveDate, what: Occurrence) {
        let done = match source {
            Source::Standing(number) => self
                .standing
                .iter_mut()
                .find(|s| s.number == number)
                .map(|s| &mut s.done),
            Source::Loan(number) => self
                .loans
                .iter_mut()
                .find(|l| l.number == number)
                .map(|l| &mut l.done),
        };
        let Some(done) = done else {
            unreachable!("done_slot found the source before")
        };
        done.insert(date, what);
    }
}
