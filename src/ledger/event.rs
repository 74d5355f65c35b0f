//! Events (Ereignisse): the facts in a company's log. A checked command
//! becomes events; folding them in order rebuilds the Book. The stored
//! form is canonical, versioned JSON: `{"v":1,"type":"entry_posted",...}`,
//! decimals as strings, field order fixed by the type definitions, absent
//! optional fields omitted. Version 1 is stable forever: a later version
//! adds a new `v` and keeps reading 1 (see the golden test in
//! `tests/ledger_events.rs`). Tax codes, cost accounting and the fields
//! they added to lines (`tax`, `shares`) were added compatibly: new
//! variants, and line fields that are omitted when empty, so a log written
//! before them decodes and replays unchanged.

use crate::ledger::account::{Account, AccountNo};
use crate::ledger::company::{CompanyDetails, Settings};
use crate::ledger::costing::{CentreRequirement, CostCentre, Dimension, DistributionRule};
use crate::ledger::currency::Currency;
use crate::ledger::determination::GlDetermination;
use crate::ledger::entry::PostedEntry;
use crate::ledger::period::{PeriodRef, PeriodStatus};
use crate::ledger::tax::TaxCode;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The version `encode` writes.
pub const VERSION: u64 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    CompanyCreated {
        settings: Settings,
    },
    AccountCreated {
        account: Account,
    },
    AccountUpdated {
        account: Account,
    },
    AccountActiveSet {
        account: AccountNo,
        active: bool,
    },
    FiscalYearOpened {
        year: i32,
    },
    PeriodStatusSet {
        period: PeriodRef,
        status: PeriodStatus,
    },
    ExchangeRateSet {
        currency: Currency,
        date: NaiveDate,
        rate_fc_per_lc: Decimal,
    },
    GlDeterminationSet {
        determination: GlDetermination,
    },
    EntryPosted {
        entry: PostedEntry,
    },
    // Added after the first release; still version 1: new variants and
    // optional fields only, so every earlier record reads unchanged.
    TaxCodeCreated {
        tax_code: TaxCode,
    },
    TaxCodeUpdated {
        tax_code: TaxCode,
    },
    DimensionDefined {
        dimension: Dimension,
    },
    CostCentreCreated {
        centre: CostCentre,
    },
    CostCentreUpdated {
        centre: CostCentre,
    },
    DistributionRuleCreated {
        rule: DistributionRule,
    },
    DistributionRuleUpdated {
        rule: DistributionRule,
    },
    CentreRequirementSet {
        requirement: CentreRequirement,
    },
    CompanyDetailsUpdated {
        details: CompanyDetails,
    },
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

#[derive(Serialize)]
struct Envelope<'a> {
    v: u64,
    #[serde(flatten)]
    event: &'a Event,
}

/// The canonical stored bytes of `event` (what the hash chain covers).
pub fn encode(event: &Event) -> String {
    // Serialising these plain types cannot fail: no maps with non-string
    // keys, no custom serialisers that error.
    serde_json::to_string(&Envelope { v: VERSION, event }).unwrap_or_default()
}

/// Only the version and type of a stored event; serde skips every other
/// field without building it.
#[derive(Deserialize)]
struct Probe<'a> {
    #[serde(default)]
    v: Option<u64>,
    #[serde(default, rename = "type", borrow)]
    kind: Option<&'a str>,
}

/// How `encode` starts a version-1 `entry_posted` record.
const ENTRY_POSTED_V1: &str = r#"{"v":1,"type":"entry_posted","#;

/// The fields of `entry_posted`, read without the internally tagged enum's
/// buffering: posted entries are nearly every record of a large log.
#[derive(Deserialize)]
struct EntryPostedFields {
    entry: PostedEntry,
}

pub fn decode(body: &str) -> Result<Event, DecodeError> {
    // Fast path for the common case, a valid version-1 record: read the
    // version, then the event straight from the text, without building a
    // JSON tree first (replaying a large log spends most of its time here).
    // Anything else takes the tree path below, which decides the error.
    // The canonical encoding starts with version and type: a posted entry
    // is recognised without scanning the record twice.
    if body.starts_with(ENTRY_POSTED_V1)
        && let Ok(fields) = serde_json::from_str::<EntryPostedFields>(body)
    {
        return Ok(Event::EntryPosted {
            entry: fields.entry,
        });
    }
    if let Ok(Probe { v: Some(1), kind }) = serde_json::from_str(body) {
        if kind == Some("entry_posted") {
            if let Ok(fields) = serde_json::from_str::<EntryPostedFields>(body) {
                return Ok(Event::EntryPosted {
                    entry: fields.entry,
                });
            }
        } else if let Ok(event) = serde_json::from_str::<Event>(body) {
            return Ok(event);
        }
    }
    decode_tree(body)
}

fn decode_tree(body: &str) -> Result<Event, DecodeError> {
    let value: serde_json::Value = serde_json::from_str(body).map_err(|e| DecodeError::Json {
        message: e.to_string(),
    })?;
    let v = value
        .get("v")
        .and_then(serde_json::Value::as_u64)
        .ok_or(DecodeError::MissingVersion)?;
    match v {
        1 => serde_json::from_value(value).map_err(|e| DecodeError::Json {
            message: e.to_string(),
        }),
        v => Err(DecodeError::UnknownVersion { v }),
    }
}
