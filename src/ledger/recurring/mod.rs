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

use crate::ledger::posting::{Context, Rights};
use chrono::NaiveDate;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
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

    pub fn check(
        &self,
        cx: Context<'_>,
        rights: Rights,
        cmd: &RecurringCommand,
    ) -> Result<Vec<RecurringStep>, RecurringError> {
        let _ = (cx, rights, cmd);
        todo!(
            "skeleton: recurring checks come with parts A (templates, standing, PostDue) and B (loans)"
        )
    }

    pub fn apply(&mut self, cx: Context<'_>, event: &RecurringEvent) -> Result<(), RecurringError> {
        let _ = (cx, event);
        todo!("skeleton: recurring apply comes with parts A and B")
    }
}
