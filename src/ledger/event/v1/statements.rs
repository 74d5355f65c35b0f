//! The statements sub-ledger's events as stored (issue 17: new variants).

use super::EventRefV1;
use crate::ledger::statements::StatementsEvent;

pub(super) fn statements_to_wire(event: &StatementsEvent) -> EventRefV1<'static> {
    let _ = event;
    todo!("skeleton: the statements wire structs come with part D")
}
