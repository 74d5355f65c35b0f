//! The dunning family of the random command sequences (issue 16 skeleton:
//! filled by the dunning work).

use chrono::NaiveDate;
use kontor::ledger::dunning::DunningCommand;
use kontor::ledger::posting::Rights;
use kontor::ledger::types::Timestamp;
use kontor::ledger::{Book, Command};
use proptest::prelude::*;

#[derive(Clone, Debug)]
pub enum DunningOp {
    DeleteTerm,
}

pub fn dunning_op() -> impl Strategy<Value = DunningOp> {
    Just(DunningOp::DeleteTerm)
}

pub fn command(book: &Book, base: NaiveDate, op: &DunningOp) -> (Command, Rights) {
    let _ = (book, base);
    let at = Timestamp::from_unix_seconds(1_700_000_000).unwrap_or_else(|| unreachable!());
    let cmd = match op {
        DunningOp::DeleteTerm => DunningCommand::DeleteTerm {
            code: "M1".into(),
            by: "prop".into(),
            at,
        },
    };
    (cmd.into(), Rights::ALL)
}
