//! The closing sub-ledger's events as stored (issue 17: new variants).
//! Entry ids as plain numbers, like a payment's reversal; the entries
//! themselves are `entry_posted` records before the event.

use super::{EventRefV1, EventV1, TimestampV1};
use crate::ledger::closing::ClosingEvent;
use crate::ledger::event::Event;
use crate::ledger::types::EntryId;

pub(super) fn closing_to_wire(event: &ClosingEvent) -> EventRefV1<'static> {
    match event {
        ClosingEvent::YearClosed {
            year,
            entries,
            by,
            at,
        } => EventRefV1::YearClosed {
            year: *year,
            entries: entries.iter().map(|e| e.0).collect(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        ClosingEvent::ClosingReverted {
            year,
            reversals,
            by,
            at,
        } => EventRefV1::ClosingReverted {
            year: *year,
            reversals: reversals.iter().map(|e| e.0).collect(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        ClosingEvent::OpeningBalancesPosted { entry, by, at } => {
            EventRefV1::OpeningBalancesPosted {
                entry: entry.0,
                by: by.clone(),
                at: TimestampV1(*at),
            }
        }
    }
}

pub(super) fn closing_from_wire(event: EventV1) -> Event {
    use EventV1 as W;
    Event::Closing(match event {
        W::YearClosed {
            year,
            entries,
            by,
            at,
        } => ClosingEvent::YearClosed {
            year,
            entries: entries.into_iter().map(EntryId).collect(),
            by,
            at: at.0,
        },
        W::ClosingReverted {
            year,
            reversals,
            by,
            at,
        } => ClosingEvent::ClosingReverted {
            year,
            reversals: reversals.into_iter().map(EntryId).collect(),
            by,
            at: at.0,
        },
        W::OpeningBalancesPosted { entry, by, at } => ClosingEvent::OpeningBalancesPosted {
            entry: EntryId(entry),
            by,
            at: at.0,
        },
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    })
}
