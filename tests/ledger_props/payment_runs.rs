//! The payment-run family of the random command sequences (issue 16
//! skeleton: filled by the payment-run work).

use chrono::NaiveDate;
use kontor::ledger::payment_runs::PaymentRunsCommand;
use kontor::ledger::posting::Rights;
use kontor::ledger::types::Timestamp;
use kontor::ledger::{Book, Command};
use proptest::prelude::*;

#[derive(Clone, Debug)]
pub enum RunOp {
    Delete,
}

pub fn run_op() -> impl Strategy<Value = RunOp> {
    Just(RunOp::Delete)
}

pub fn command(book: &Book, base: NaiveDate, op: &RunOp) -> (Command, Rights) {
    let _ = (book, base);
    let at = Timestamp::from_unix_seconds(1_700_000_000).unwrap_or_else(|| unreachable!());
    let cmd = match op {
        RunOp::Delete => PaymentRunsCommand::Delete {
            number: 1,
            by: "prop".into(),
            at,
        },
    };
    (cmd.into(), Rights::ALL)
}
