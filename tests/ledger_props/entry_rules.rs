//! The data-entry rules family of the random command sequences (issue
//! 18): rules drawn with every mode, day limits around their maximum, and
//! cash accounts from the pool (so now and then a revenue account, an
//! unknown number or a double is refused). The drafts the generator posts
//! carry no day of entry, so only the cash rule meets them; when it
//! refuses, the main property checks that the refusal changed nothing.

use chrono::NaiveDate;
use kontor::ledger::gl::{EntryRules, GlCommand, MAX_WINDOW_DAYS, RuleMode};
use kontor::ledger::posting::Rights;
use kontor::ledger::types::{AccountNo, Timestamp};
use kontor::ledger::{Book, Command};
use proptest::prelude::*;

/// Cash accounts the rules name: SKR03's cash box and bank, a receivable
/// control account, a revenue account, an account that is not there.
const CASH_POOL: [&str; 5] = ["1000", "1200", "1400", "8400", "9999"];

#[derive(Clone, Debug)]
pub struct EntryRulesOp {
    days: (Option<u32>, Option<u32>),
    modes: [RuleMode; 4],
    cash: Vec<usize>,
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
    (
        (days(), days()),
        [mode(), mode(), mode(), mode()],
        prop::collection::vec(prop_oneof![6 => 0..2usize, 1 => 2..CASH_POOL.len()], 0..3),
    )
        .prop_map(|(days, modes, cash)| EntryRulesOp { days, modes, cash })
}

pub fn command(_book: &Book, base: NaiveDate, op: &EntryRulesOp) -> (Command, Rights) {
    let at = Timestamp::at(base, 9, 30, 0).unwrap_or_else(|| unreachable!());
    let [date_window, reference, document_date, cash_negative] = op.modes;
    let rules = EntryRules {
        days_back: op.days.0,
        days_ahead: op.days.1,
        date_window,
        reference,
        document_date,
        cash_accounts: op
            .cash
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
