//! The DATEV family of the random command sequences (issue 19, part B):
//! DATEV settings drawn around their limits, so now and then a Berater-Nr.,
//! Mandanten-Nr. or account length out of range is refused (and a
//! refusal changes nothing, which the main property checks for every
//! command).

use chrono::NaiveDate;
use kontor::ledger::gl::{DatevSettings, GlCommand};
use kontor::ledger::posting::Rights;
use kontor::ledger::types::Timestamp;
use kontor::ledger::{Book, Command};
use proptest::prelude::*;

#[derive(Clone, Debug)]
pub struct DatevOp {
    consultant: u32,
    client: u32,
    account_length: u8,
    lock: bool,
}

pub fn datev_op() -> impl Strategy<Value = DatevOp> {
    (
        prop_oneof![4 => 1001u32..=9_999_999, 1 => 0u32..1001, 1 => 10_000_000u32..10_000_100],
        prop_oneof![4 => 1u32..=99_999, 1 => Just(0u32), 1 => 100_000u32..100_100],
        prop_oneof![4 => 4u8..=8, 1 => 0u8..4, 1 => 9u8..12],
        any::<bool>(),
    )
        .prop_map(|(consultant, client, account_length, lock)| DatevOp {
            consultant,
            client,
            account_length,
            lock,
        })
}

pub fn command(_book: &Book, base: NaiveDate, op: &DatevOp) -> (Command, Rights) {
    let at = Timestamp::at(base, 11, 0, 0).unwrap_or_else(|| unreachable!());
    (
        Command::Gl(GlCommand::SetDatevSettings {
            settings: DatevSettings {
                consultant: op.consultant,
                client: op.client,
                account_length: op.account_length,
                lock: op.lock,
            },
            by: "prop".into(),
            at,
        }),
        Rights::ALL,
    )
}
