//! The statements family of the random command sequences: moving an
//! account to a statement line (any line of the layout, so now and then a
//! line of the other statement or a subtotal, refused) or back to the
//! chart's mapping, and setting a year's budgets of a few accounts (now
//! and then for a year not opened, with one amount too few, or with a row
//! twice, refused).

use chrono::NaiveDate;
use kontor::ledger::posting::Rights;
use kontor::ledger::statements::layout::LINES;
use kontor::ledger::statements::{BudgetKey, BudgetRow, StatementsCommand};
use kontor::ledger::types::Timestamp;
use kontor::ledger::{Book, Command};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;

#[derive(Clone, Debug)]
pub enum StatementsOp {
    Position {
        account: Index,
        line: Option<Index>,
    },
    Budgets {
        accounts: Vec<Index>,
        cents: i64,
        defect: Option<u8>,
    },
}

pub fn statements_op() -> impl Strategy<Value = StatementsOp> {
    prop_oneof![
        1 => (any::<Index>(), prop::option::weighted(0.8, any::<Index>()))
            .prop_map(|(account, line)| StatementsOp::Position { account, line }),
        1 => (
            prop::collection::vec(any::<Index>(), 0..4),
            -100_000i64..100_000,
            prop::option::weighted(0.25, 0u8..3),
        )
            .prop_map(|(accounts, cents, defect)| StatementsOp::Budgets { accounts, cents, defect }),
    ]
}

pub fn command(book: &Book, base: NaiveDate, op: &StatementsOp) -> (Command, Rights) {
    let at = Timestamp::at(base, 17, 0, 0).unwrap_or_else(|| unreachable!());
    let by = "prop".to_string();
    let accounts: Vec<_> = book
        .accounts()
        .filter(|a| a.postable)
        .map(|a| a.number)
        .collect();
    let cmd = match op {
        StatementsOp::Position { account, line } => StatementsCommand::SetPosition {
            account: accounts[account.index(accounts.len())],
            line: line.map(|l| LINES[l.index(LINES.len())].key.to_string()),
            by,
            at,
        },
        StatementsOp::Budgets {
            accounts: picks,
            cents,
            defect,
        } => {
            let calendar = book.calendar();
            let last = calendar.fiscal_years().last().map_or(2024, |y| y.year);
            let year = if *defect == Some(0) { last + 1 } else { last };
            let periods = calendar.layout().periods_per_year() - usize::from(*defect == Some(1));
            let mut rows: Vec<BudgetRow> = picks
                .iter()
                .map(|i| BudgetRow {
                    key: BudgetKey {
                        year,
                        account: accounts[i.index(accounts.len())],
                        centre: None,
                    },
                    amounts: vec![Decimal::new(*cents, 2); periods],
                })
                .collect();
            rows.sort_by(|a, b| a.key.cmp(&b.key));
            rows.dedup_by(|a, b| a.key == b.key);
            if *defect == Some(2)
                && let Some(first) = rows.first().cloned()
            {
                rows.push(first);
            }
            StatementsCommand::SetBudgets { year, rows, by, at }
        }
    };
    (Command::Statements(cmd), Rights::ALL)
}
