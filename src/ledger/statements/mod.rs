//! Financial statements' master data (issue 17): where each account
//! stands in the balance sheet (Bilanz, § 266 HGB for small companies) and
//! the profit and loss account (GuV, § 275 HGB, total-cost format), and
//! budgets per account (and optionally cost centre) and period. Rank 3:
//! reads `gl` (accounts, calendar) and `costing` (centres).
//!
//! The layout is data: the structure (`layout`: lines with their German
//! and English labels) and, per chart template, account ranges mapped to
//! its lines (`layouts/*.txt`); a user moves an account to another line
//! by a command (`StatementsCommand::SetPosition`), kept as an override.
//! The statements themselves are reports (`report::statements`,
//! `report::budget`).
//!
//! Where is what: `layout` (structure and range mapping), `budget`
//! (budget rows), `command`, `error`.

pub mod budget;
pub mod command;
pub mod error;
pub mod layout;

pub use budget::{BudgetKey, BudgetRow};
pub use command::{StatementsCommand, StatementsEvent};
pub use error::StatementsError;
pub use layout::{LayoutLine, Statement};

use crate::ledger::costing::Costing;
use crate::ledger::gl::Gl;
use crate::ledger::types::AccountNo;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// What the statements sub-ledger reads.
#[derive(Clone, Copy)]
pub struct Refs<'a> {
    pub gl: &'a Gl,
    pub costing: &'a Costing,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Statements {
    /// Account → layout line key, where the user moved it.
    overrides: BTreeMap<AccountNo, String>,
    /// Budget amounts per key, one per period of the key's fiscal year.
    budgets: BTreeMap<BudgetKey, Vec<Decimal>>,
}

impl Statements {
    pub fn overrides(&self) -> &BTreeMap<AccountNo, String> {
        &self.overrides
    }

    pub fn budgets(&self) -> &BTreeMap<BudgetKey, Vec<Decimal>> {
        &self.budgets
    }

    pub fn check(
        &self,
        refs: Refs<'_>,
        cmd: &StatementsCommand,
    ) -> Result<StatementsEvent, StatementsError> {
        let _ = (refs, cmd);
        todo!("skeleton: statement and budget checks come with part D")
    }

    pub fn apply(
        &mut self,
        refs: Refs<'_>,
        event: &StatementsEvent,
    ) -> Result<(), StatementsError> {
        let _ = (refs, event);
        todo!("skeleton: statement and budget apply comes with part D")
    }
}
