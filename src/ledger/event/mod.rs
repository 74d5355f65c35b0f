//! Events (Ereignisse): the facts in a company's log. A checked command
//! becomes events; folding them in order rebuilds the Book. Each
//! sub-ledger has its own events; the company's creation and posted
//! entries are the Book's and the journal's.
//!
//! The stored form is `v1` (frozen, canonical JSON). `encode` writes it;
//! `decode` reads every version this program knows. `encode_stamped` adds
//! the writer's stamp to the records of master data whose events carry no
//! author of their own (`stamp`).

mod stamp;
pub mod v1;

pub use stamp::{STAMPED_BY_WRITER, decode_stamp, encode_stamped, stored_type};

use crate::ledger::bank::BankEvent;
use crate::ledger::closing::ClosingEvent;
use crate::ledger::costing::CostingEvent;
use crate::ledger::dunning::DunningEvent;
use crate::ledger::gl::{GlEvent, Settings};
use crate::ledger::inbox::InboxEvent;
use crate::ledger::items::ItemsEvent;
use crate::ledger::open_items::OpenItemsEvent;
use crate::ledger::partners::PartnersEvent;
use crate::ledger::payment_runs::PaymentRunsEvent;
use crate::ledger::payments::PaymentsEvent;
use crate::ledger::recurring::RecurringEvent;
use crate::ledger::statements::StatementsEvent;
use crate::ledger::tax::TaxEvent;
use crate::ledger::types::PostedEntry;

/// The version `encode` writes.
pub const VERSION: u64 = 1;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The first event of every log: the company and its settings.
    CompanyCreated {
        settings: Settings,
    },
    Gl(GlEvent),
    Tax(TaxEvent),
    Costing(CostingEvent),
    Partners(PartnersEvent),
    OpenItems(OpenItemsEvent),
    Payments(PaymentsEvent),
    Bank(BankEvent),
    PaymentRuns(PaymentRunsEvent),
    Dunning(DunningEvent),
    Items(ItemsEvent),
    Recurring(RecurringEvent),
    Closing(ClosingEvent),
    Statements(StatementsEvent),
    Inbox(InboxEvent),
    EntryPosted {
        entry: PostedEntry,
    },
}

impl From<GlEvent> for Event {
    fn from(e: GlEvent) -> Event {
        Event::Gl(e)
    }
}

impl From<TaxEvent> for Event {
    fn from(e: TaxEvent) -> Event {
        Event::Tax(e)
    }
}

impl From<CostingEvent> for Event {
    fn from(e: CostingEvent) -> Event {
        Event::Costing(e)
    }
}

impl From<PartnersEvent> for Event {
    fn from(e: PartnersEvent) -> Event {
        Event::Partners(e)
    }
}

impl From<BankEvent> for Event {
    fn from(e: BankEvent) -> Event {
        Event::Bank(e)
    }
}

impl From<PaymentRunsEvent> for Event {
    fn from(e: PaymentRunsEvent) -> Event {
        Event::PaymentRuns(e)
    }
}

impl From<RecurringEvent> for Event {
    fn from(e: RecurringEvent) -> Event {
        Event::Recurring(e)
    }
}

impl From<ClosingEvent> for Event {
    fn from(e: ClosingEvent) -> Event {
        Event::Closing(e)
    }
}

impl From<StatementsEvent> for Event {
    fn from(e: StatementsEvent) -> Event {
        Event::Statements(e)
    }
}

impl From<InboxEvent> for Event {
    fn from(e: InboxEvent) -> Event {
        Event::Inbox(e)
    }
}

impl From<ItemsEvent> for Event {
    fn from(e: ItemsEvent) -> Event {
        Event::Items(e)
    }
}

impl From<DunningEvent> for Event {
    fn from(e: DunningEvent) -> Event {
        Event::Dunning(e)
    }
}

impl From<PaymentsEvent> for Event {
    fn from(e: PaymentsEvent) -> Event {
        Event::Payments(e)
    }
}

impl From<OpenItemsEvent> for Event {
    fn from(e: OpenItemsEvent) -> Event {
        Event::OpenItems(e)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the record is not valid event JSON: {message}")]
    Json { message: String },
    #[error("the record has no version field \"v\"")]
    MissingVersion,
    #[error("the record has version {v}, this program reads up to {VERSION}")]
    UnknownVersion { v: u64 },
}

/// The canonical stored bytes of `event` (what the hash chain covers).
pub fn encode(event: &Event) -> String {
    v1::encode(event)
}

/// Only the version of a stored event; serde skips every other field.
#[derive(serde::Deserialize)]
struct Probe {
    #[serde(default)]
    v: Option<u64>,
}

pub fn decode(body: &str) -> Result<Event, DecodeError> {
    // Fast path for the common cases, a valid version-1 posted entry,
    // payment or clearing (nearly every record of a large log): read it
    // straight from the text, without building a JSON tree or buffering the
    // tagged enum. The canonical encoding starts with version and type, so
    // it is recognised without scanning the record twice. Anything else is
    // probed for its version; the tree path decides the error.
    if let Some(event) = v1::decode_direct(body) {
        return Ok(event);
    }
    if let Ok(Probe { v: Some(1) }) = serde_json::from_str(body)
        && let Ok(event) = v1::decode_str(body)
    {
        return Ok(event);
    }
    decode_tree(body)
}

fn decode_tree(body: &str) -> Result<Event, DecodeError> {
    let json = |e: serde_json::Error| DecodeError::Json {
        message: e.to_string(),
    };
    let value: serde_json::Value = serde_json::from_str(body).map_err(json)?;
    let v = value
        .get("v")
        .and_then(serde_json::Value::as_u64)
        .ok_or(DecodeError::MissingVersion)?;
    match v {
        1 => v1::decode_value(value).map_err(json),
        v => Err(DecodeError::UnknownVersion { v }),
    }
}
