//! The numbering series events as stored (issue 18: G/L variants
//! `number_series_set` and `series_number_drawn`). Kinds as words; an
//! empty prefix is left out.

use super::{EventRefV1, EventV1, TimestampV1};
use crate::ledger::event::Event;
use crate::ledger::gl::{DocumentKind, GlEvent, NumberSeries};
use crate::ledger::types::EntryId;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

wire_names!(DocumentKindV1, DocumentKind, [
    DocumentKind::OutgoingInvoice => "outgoing_invoice",
    DocumentKind::IncomingInvoice => "incoming_invoice",
    DocumentKind::Cash => "cash",
    DocumentKind::Bank => "bank",
    DocumentKind::General => "general",
]);

#[derive(Serialize, Deserialize)]
pub struct NumberSeriesV1 {
    code: String,
    name: String,
    kind: DocumentKindV1,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    prefix: String,
    with_year: bool,
    width: u8,
    start: u32,
}

pub(super) fn numbering_to_wire(event: &GlEvent) -> EventRefV1<'static> {
    match event {
        GlEvent::NumberSeriesSet { series, by, at } => EventRefV1::NumberSeriesSet {
            series: series
                .iter()
                .map(|s| NumberSeriesV1 {
                    code: s.code.clone(),
                    name: s.name.clone(),
                    kind: DocumentKindV1(s.kind),
                    prefix: s.prefix.clone(),
                    with_year: s.with_year,
                    width: s.width,
                    start: s.start,
                })
                .collect(),
            by: by.clone(),
            at: TimestampV1(*at),
        },
        GlEvent::SeriesNumberDrawn {
            series,
            year,
            number,
            entry,
        } => EventRefV1::SeriesNumberDrawn {
            series: series.clone(),
            year: *year,
            number: *number,
            entry: entry.0,
        },
        // `gl_to_wire` hands over only the variants above.
        _ => unreachable!("gl_to_wire writes the other G/L events itself"),
    }
}

pub(super) fn numbering_from_wire(event: EventV1) -> Event {
    match event {
        EventV1::NumberSeriesSet { series, by, at } => Event::Gl(GlEvent::NumberSeriesSet {
            series: series
                .into_iter()
                .map(|s| NumberSeries {
                    code: s.code,
                    name: s.name,
                    kind: s.kind.0,
                    prefix: s.prefix,
                    with_year: s.with_year,
                    width: s.width,
                    start: s.start,
                })
                .collect(),
            by,
            at: at.0,
        }),
        EventV1::SeriesNumberDrawn {
            series,
            year,
            number,
            entry,
        } => Event::Gl(GlEvent::SeriesNumberDrawn {
            series,
            year,
            number,
            entry: EntryId(entry),
        }),
        // `from_wire` hands over only the variants above.
        _ => unreachable!("from_wire reads the other events itself"),
    }
}
