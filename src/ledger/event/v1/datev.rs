//! The DATEV settings event as stored (issue 19: a new G/L variant,
//! `datev_settings_set`). Every field is written; `lock` as a boolean.

use super::{EventRefV1, EventV1, TimestampV1};
use crate::ledger::event::Event;
use crate::ledger::gl::{DatevSettings, GlEvent};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct DatevSettingsV1 {
    consultant: u32,
    client: u32,
    account_length: u8,
    lock: bool,
}

pub(super) fn datev_to_wire(event: &GlEvent) -> EventRefV1<'static> {
    match event {
        GlEvent::DatevSettingsSet { settings, by, at } => EventRefV1::DatevSettingsSet {
            settings: DatevSettingsV1 {
                consultant: settings.consultant,
                client: settings.client,
                account_length: settings.account_length,
                lock: settings.lock,
            },
            by: by.clone(),
            at: TimestampV1(*at),
        },
        // `gl_to_wire` hands over only the variant above.
        _ => unreachable!("gl_to_wire writes the other G/L events itself"),
    }
}

pub(super) fn datev_from_wire(event: EventV1) -> Event {
    match event {
        EventV1::DatevSettingsSet { settings, by, at } => Event::Gl(GlEvent::DatevSettingsSet {
            settings: DatevSettings {
                consultant: settings.consultant,
                client: settings.client,
                account_length: settings.account_length,
                lock: settings.lock,
            },
            by,
            at: at.0,
        }),
        // `from_wire` hands over only the variant above.
        _ => unreachable!("from_wire reads the other events itself"),
    }
}
