//! The dunning sub-ledger's events as stored (added compatibly for issue
//! 16: new variants).

use super::EventRefV1;
use crate::ledger::dunning::DunningEvent;

pub(super) fn dunning_to_wire(event: &DunningEvent) -> EventRefV1<'static> {
    let _ = event;
    unimplemented!("dunning events are not stored yet (skeleton)")
}
