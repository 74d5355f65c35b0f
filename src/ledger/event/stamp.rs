//! The writer's stamp on records whose events carry no author of their
//! own. Partners, items, settings and every later kind of event name their
//! user and time in their wire struct; the general ledger's and tax and
//! cost accounting's first master data (accounts, tax codes, centres,
//! terms, rates, periods, prices) did not. Their records now end with
//! `"by":"<user>","at":"YYYY-MM-DDTHH:MM:SSZ"`, written by the session
//! from the command's actor: optional fields, added last and omitted when
//! absent, as version 1's rules allow, so every record written before
//! still reads and the chain covers the stamp. The fold does not need it;
//! the change log and time travel (`book::moment`) read it.

use crate::ledger::event::{Event, encode};
use crate::ledger::types::{Stamp, Timestamp};

/// The event types whose records take the writer's stamp at the end.
pub const STAMPED_BY_WRITER: &[&str] = &[
    "company_details_updated",
    "account_created",
    "account_updated",
    "account_active_set",
    "fiscal_year_opened",
    "period_status_set",
    "exchange_rate_set",
    "gl_determination_set",
    "tax_code_created",
    "tax_code_updated",
    "dimension_defined",
    "cost_centre_created",
    "cost_centre_updated",
    "distribution_rule_created",
    "distribution_rule_updated",
    "centre_requirement_set",
    "payment_terms_created",
    "payment_terms_updated",
    "partner_pricing_set",
    "price_list_saved",
    "prices_set",
    "special_price_saved",
    "special_price_deleted",
    "discount_group_saved",
];

/// The stored type of a body, read from the canonical start
/// (`{"v":1,"type":"…"`) without decoding it.
pub fn stored_type(body: &str) -> Option<&str> {
    const START: &str = "{\"v\":1,\"type\":\"";
    let rest = body.strip_prefix(START)?;
    rest.find('"').map(|end| &rest[..end])
}

/// The stored bytes of `event`, with `stamp` at the end when its type
/// takes the writer's stamp.
pub fn encode_stamped(event: &Event, stamp: Option<&Stamp>) -> String {
    let body = encode(event);
    match stamp {
        Some(stamp) if takes_stamp(&body) => {
            // Our own encoding is one JSON object.
            assert!(body.ends_with('}'), "an encoded event is an object");
            let by = serde_json::Value::String(stamp.by.clone());
            format!(
                "{},\"by\":{by},\"at\":\"{}\"}}",
                &body[..body.len() - 1],
                stamp.at
            )
        }
        _ => body,
    }
}

fn takes_stamp(body: &str) -> bool {
    stored_type(body).is_some_and(|t| STAMPED_BY_WRITER.contains(&t))
}

#[derive(serde::Deserialize)]
struct Probe {
    by: Option<String>,
    at: Option<String>,
}

/// The writer's stamp at the end of a stored body, if it has one (`None`
/// for a type that does not take it: its own `by`/`at` are the event's).
pub fn decode_stamp(body: &str) -> Option<Stamp> {
    if !takes_stamp(body) {
        return None;
    }
    let probe: Probe = serde_json::from_str(body).ok()?;
    Some(Stamp {
        by: probe.by?,
        at: Timestamp::parse(&probe.at?)?,
    })
}
