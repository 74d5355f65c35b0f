//! The data-entry rules family of the random command sequences (issue
//! 18): rules drawn with every mode, day limits around their maximum, and
//! cash accounts from the pool (so now and then a revenue account, an
//! unknown number or a double is refused). The drafts the generator posts
//! carry no day of entry, so only the cash rule meets them; when it
//! refuses, the main property checks that the refusal changed nothing.
//! Beside them the display decimals, now and then above what a stored
//! rate or quantity can carry.

use chrono::NaiveDate;
use kontor::ledger::gl::{DisplayDecimals, EntryRules, GlCommand, MAX_WINDOW_DAYS, RuleMode};
use kontor::ledger::posting::Rights;
use kontor::ledger::types::limits::{MAX_FX_RATE_DECIMALS, MAX_QUANTITY_DECIMALS};
use kontor::ledger::types::{AccountNo, Timestamp};
use kontor::ledger::{Book, Command};
use proptest::prelude::*;

/// Cash accounts the rules name: SKR03's cash box and bank, a receivable
/// control account, a revenue account, an account that is not there.
const CASH_POOL: [&str; 5] = ["1000", "1200", "1400", "8400", "9999"];

#[derive(Clone, Debug)]
pub enum EntryRulesOp {
    Rules {
        days: (Option<u32>, Option<u32>),
        modes: [RuleMode; 4],
        cash: Vec<usize>,
    },
    Display(DisplayDecimals),
}

fn mode() -> impl Strategy<Value = RuleMode> {
    prop_oneof![3 => Just(RuleMode::Off), 2 => Just(RuleMode::Warn), 1 => Just(RuleMode::Refuse)]
}

fn days() -> impl Strategy<Value = Option<u32>> {
    prop_oneof![
        2 => Just(None),
        4 => (0..=MAX_WINDOW_DAYS).prop_map(Some),
        1 => (MAX_WINDOW_DAYS + 1..MAX_WINDOW_DAYS + 10).prop_map(Some),
    ]
}

pub fn entry_rules_op() -> impl Strategy<Value = EntryRulesOp> {
    let rules = (
        (days(), days()),
        [mode(), mode(), mode(), mode()],
        prop::collection::vec(prop_oneof![6 => 0..2usize, 1 => 2..CASH_POOL.len()], 0..3),
    )
        .prop_map(|(days, modes, cash)| EntryRulesOp::Rules { days, modes, cash });
    let display = (0..=MAX_FX_RATE_DECIMALS + 2, 0..=MAX_QUANTITY_DECIMALS + 1).prop_map(
        |(rates, quantities)| EntryRulesOp::Display(DisplayDecimals { rates, quantities }),
    );
    prop_oneof![3 => rules, 1 => display]
}

pub fn command(_book: &Book, base: NaiveDate, op: &EntryRulesOp) -> (Command, Rights) {
    let at = Timestamp::at(base, 9, 30, 0).unwrap_or_else(|| unreachable!());
    let (days, modes, cash) = match op {
        EntryRulesOp::Rules { days, modes, cash } => (days, modes, cash),
        EntryRulesOp::Display(decimals) => {
            let command = GlCommand::SetDisplayDecimals {
                decimals: *decimals,
                by: "prop".into(),
                at,
            };
            return (Command::Gl(command), Rights::ALL);
        }
    };
    let [date_window, reference, document_date, cash_negative] = *modes;
    let rules = EntryRules {
        days_back: days.0,
        days_ahead: days.1,
        date_window,
        reference,
        document_date,
        cash_accounts: cash
            .iter()
            .map(|&i| AccountNo::parse(CASH_POOL[i]).unwrap_or_else(|_| unreachable!()))
            .collect(),
        cash_negative,
    };
    (
        Command::Gl(GlCommand::SetEntryRules {
            rules,
            by: "prop".into(),
            at,
        }),
        Rights::ALL,
    )
}
