//! The change log (Änderungsprotokoll): for every master record, who
//! changed which field when, from what to what, read from the log and
//! nothing else. Master-data events carry the whole record (or, for a few,
//! the one field they set), so the log is replayed over the stored bodies
//! alone: each record's fields are flattened to text and compared with the
//! version before. Posted entries, runs and bank work are movements, not
//! master data, and are skipped without being decoded.
//!
//! Values are the stored canonical text: enums by their stored names,
//! flags `true`/`false`, amounts as plain decimals, dates ISO, a list as
//! its elements joined by `; `, nothing (or an omitted field) as "". A
//! field is named by its stored key, nested keys joined by `.`
//! (`address.street`), so the screen can label the ones it knows and show
//! the rest as they are. Who and when come from the record's stamp: the
//! event's own, or the writer's that the session adds to master data
//! whose events carry none (`event::encode_stamped`); records written
//! before that have neither, and say so.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde_json::Value;

use crate::ledger::chain::LogRecord;
use crate::ledger::event::stored_type;
use crate::ledger::types::Timestamp;

/// The kinds of master record the log knows.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum RecordKind {
    Company,
    Account,
    Period,
    ExchangeRate,
    Determination,
    TaxCode,
    Dimension,
    CostCentre,
    DistributionRule,
    CentreRequirement,
    PaymentTerms,
    Partner,
    PartnerPricing,
    PaymentSettings,
    HouseBank,
    BankRule,
    DunningTerm,
    DunningSettings,
    ItemGroup,
    Item,
    PriceList,
    SpecialPrice,
    DiscountGroup,
    StatementPosition,
    PostingTemplate,
    StandingPosting,
    Loan,
    DatevSettings,
    EntryRules,
    NumberSeries,
    Role,
    User,
    PasswordPolicy,
    DisplayDecimals,
}

impl RecordKind {
    /// Every kind, in the order the screen offers them.
    pub const ALL: [RecordKind; 34] = [
        RecordKind::Company,
        RecordKind::Account,
        RecordKind::Period,
        RecordKind::ExchangeRate,
        RecordKind::Determination,
        RecordKind::TaxCode,
        RecordKind::Dimension,
        RecordKind::CostCentre,
        RecordKind::DistributionRule,
        RecordKind::CentreRequirement,
        RecordKind::PaymentTerms,
        RecordKind::Partner,
        RecordKind::PartnerPricing,
        RecordKind::PaymentSettings,
        RecordKind::HouseBank,
        RecordKind::BankRule,
        RecordKind::DunningTerm,
        RecordKind::DunningSettings,
        RecordKind::ItemGroup,
        RecordKind::Item,
        RecordKind::PriceList,
        RecordKind::SpecialPrice,
        RecordKind::DiscountGroup,
        RecordKind::StatementPosition,
        RecordKind::PostingTemplate,
        RecordKind::StandingPosting,
        RecordKind::Loan,
        RecordKind::DatevSettings,
        RecordKind::EntryRules,
        RecordKind::NumberSeries,
        RecordKind::Role,
        RecordKind::User,
        RecordKind::PasswordPolicy,
        RecordKind::DisplayDecimals,
    ];
}

/// What an event did to its record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Action {
    Created,
    Changed,
    Deleted,
}

/// One field of a record, before and after.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// One event's effect on one master record.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    /// The record's position in the log (`seq`).
    pub position: u64,
    pub kind: RecordKind,
    /// The record's key as stored (`4210`, `1/VERW`, `USD 2025-01-01`);
    /// "" for the company's one record of a kind (settings).
    pub record: String,
    pub action: Action,
    /// Who and when, where the event was stamped.
    pub by: Option<String>,
    pub at: Option<Timestamp>,
    /// The fields that differ, in key order; never empty.
    pub fields: Vec<FieldChange>,
}

/// A stored body that is not an event this reader understands.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("log record {position} is not readable JSON: {message}")]
pub struct ChangeLogError {
    pub position: u64,
    pub message: String,
}

/// How an event type names its record and its values.
#[derive(Clone, Copy)]
enum Shape {
    /// The whole record under `object` (`""`: beside the type), its key
    /// at the `key` paths; `only` limits the fields (none: all).
    Whole {
        object: &'static str,
        key: &'static [&'static str],
        only: &'static [&'static str],
    },
    /// The record named at `key` is deleted.
    Delete { key: &'static [&'static str] },
}

const fn whole(object: &'static str, key: &'static [&'static str]) -> Shape {
    Shape::Whole {
        object,
        key,
        only: &[],
    }
}

/// A field or two set beside the key (`account_active_set`).
const fn patch(key: &'static [&'static str], only: &'static [&'static str]) -> Shape {
    Shape::Whole {
        object: "",
        key,
        only,
    }
}

const COMPANY_FIELDS: &[&str] = &["name", "address", "country", "vat_id", "tax_number"];

/// Every master-data event type of the log, with its record kind and shape.
/// Any other type (entries, clearings, runs, bank work) is not master data.
const RULES: &[(&str, RecordKind, Shape)] = {
    use RecordKind as K;
    &[
        (
            "company_created",
            K::Company,
            Shape::Whole {
                object: "settings",
                key: &[],
                only: COMPANY_FIELDS,
            },
        ),
        ("company_details_updated", K::Company, whole("details", &[])),
        ("account_created", K::Account, whole("account", &["number"])),
        ("account_updated", K::Account, whole("account", &["number"])),
        (
            "account_active_set",
            K::Account,
            patch(&["account"], &["active"]),
        ),
        (
            "period_status_set",
            K::Period,
            patch(&["period.fiscal_year", "period.period"], &["status"]),
        ),
        (
            "exchange_rate_set",
            K::ExchangeRate,
            patch(&["currency", "date"], &["rate_fc_per_lc"]),
        ),
        (
            "gl_determination_set",
            K::Determination,
            whole("determination", &[]),
        ),
        ("tax_code_created", K::TaxCode, whole("tax_code", &["code"])),
        ("tax_code_updated", K::TaxCode, whole("tax_code", &["code"])),
        (
            "dimension_defined",
            K::Dimension,
            whole("dimension", &["number"]),
        ),
        (
            "cost_centre_created",
            K::CostCentre,
            whole("centre", &["dimension", "code"]),
        ),
        (
            "cost_centre_updated",
            K::CostCentre,
            whole("centre", &["dimension", "code"]),
        ),
        (
            "distribution_rule_created",
            K::DistributionRule,
            whole("rule", &["dimension", "code"]),
        ),
        (
            "distribution_rule_updated",
            K::DistributionRule,
            whole("rule", &["dimension", "code"]),
        ),
        (
            "centre_requirement_set",
            K::CentreRequirement,
            whole("requirement", &[]),
        ),
        (
            "payment_terms_created",
            K::PaymentTerms,
            whole("terms", &["code"]),
        ),
        (
            "payment_terms_updated",
            K::PaymentTerms,
            whole("terms", &["code"]),
        ),
        ("partner_created", K::Partner, whole("partner", &["code"])),
        ("partner_updated", K::Partner, whole("partner", &["code"])),
        (
            "partner_pricing_set",
            K::PartnerPricing,
            whole("pricing", &["partner"]),
        ),
        (
            "payment_settings_changed",
            K::PaymentSettings,
            whole("settings", &[]),
        ),
        (
            "creditor_id_set",
            K::PaymentSettings,
            patch(&[], &["creditor_id"]),
        ),
        ("house_bank_saved", K::HouseBank, whole("bank", &["code"])),
        ("bank_rule_saved", K::BankRule, whole("rule", &["id"])),
        ("bank_rule_moved", K::BankRule, patch(&["id"], &["to"])),
        (
            "bank_rule_deleted",
            K::BankRule,
            Shape::Delete { key: &["id"] },
        ),
        (
            "dunning_term_saved",
            K::DunningTerm,
            whole("term", &["code"]),
        ),
        (
            "dunning_term_deleted",
            K::DunningTerm,
            Shape::Delete { key: &["code"] },
        ),
        (
            "dunning_settings_set",
            K::DunningSettings,
            whole("settings", &[]),
        ),
        ("item_group_saved", K::ItemGroup, whole("group", &["code"])),
        ("item_saved", K::Item, whole("item", &["code"])),
        ("price_list_saved", K::PriceList, whole("list", &["number"])),
        (
            "special_price_saved",
            K::SpecialPrice,
            whole("special", &["id"]),
        ),
        (
            "special_price_deleted",
            K::SpecialPrice,
            Shape::Delete { key: &["id"] },
        ),
        (
            "discount_group_saved",
            K::DiscountGroup,
            whole("group", &["code"]),
        ),
        (
            "statement_position_set",
            K::StatementPosition,
            patch(&["account"], &["line"]),
        ),
        (
            "posting_template_saved",
            K::PostingTemplate,
            whole("template", &["code"]),
        ),
        (
            "posting_template_deleted",
            K::PostingTemplate,
            Shape::Delete { key: &["code"] },
        ),
        (
            "standing_posting_saved",
            K::StandingPosting,
            whole("posting", &["number"]),
        ),
        ("loan_saved", K::Loan, whole("loan", &["number"])),
        (
            "datev_settings_set",
            K::DatevSettings,
            whole("settings", &[]),
        ),
        ("entry_rules_set", K::EntryRules, whole("rules", &[])),
        (
            "display_decimals_set",
            K::DisplayDecimals,
            whole("decimals", &[]),
        ),
        ("number_series_set", K::NumberSeries, whole("series", &[])),
        ("role_saved", K::Role, whole("role", &["code"])),
        ("user_saved", K::User, whole("user", &["login"])),
        (
            "password_policy_set",
            K::PasswordPolicy,
            whole("policy", &[]),
        ),
    ]
};

/// The event types the change log reads as master data.
pub fn master_data_types() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|(t, ..)| *t)
}

/// A record's fields as text, by flattened key.
pub type Fields = BTreeMap<String, String>;

/// The changes of every master record in `records`, oldest first.
pub fn change_log(records: &[LogRecord]) -> Result<Vec<Change>, ChangeLogError> {
    let mut state: HashMap<(RecordKind, String), Fields> = HashMap::new();
    let mut changes = Vec::new();
    for record in records {
        let Some((kind, shape)) = stored_type(&record.body).and_then(rule) else {
            continue;
        };
        let event: Value = serde_json::from_str(&record.body).map_err(|e| ChangeLogError {
            position: record.seq,
            message: e.to_string(),
        })?;
        if let Some(change) = step(&mut state, record.seq, kind, shape, &event) {
            changes.push(change);
        }
    }
    Ok(changes)
}

fn rule(event_type: &str) -> Option<(RecordKind, Shape)> {
    RULES
        .iter()
        .find(|(t, ..)| *t == event_type)
        .map(|&(_, kind, shape)| (kind, shape))
}

/// Folds one master-data event into `state`; the change it made, if any.
fn step(
    state: &mut HashMap<(RecordKind, String), Fields>,
    position: u64,
    kind: RecordKind,
    shape: Shape,
    event: &Value,
) -> Option<Change> {
    let (key, new) = match shape {
        Shape::Whole { object, key, only } => {
            let values = if object.is_empty() {
                event
            } else {
                event.get(object)?
            };
            let mut fields = flatten_record(values);
            if !only.is_empty() {
                fields.retain(|k, _| {
                    only.iter()
                        .any(|o| k == o || k.starts_with(&format!("{o}.")))
                });
            }
            (record_key(event, values, key), Some(fields))
        }
        Shape::Delete { key } => (record_key(event, event, key), None),
    };
    let slot = (kind, key);
    let old = state.remove(&slot);
    let after = new.map(|fields| carry_over(kind, shape, old.as_ref(), fields));
    let action = match (&old, &after) {
        (_, None) => Action::Deleted,
        (None, Some(_)) => Action::Created,
        (Some(_), Some(_)) => Action::Changed,
    };
    let fields = diff(
        old.as_ref().unwrap_or(&Fields::new()),
        after.as_ref().unwrap_or(&Fields::new()),
    );
    let record = slot.1.clone();
    if let Some(after) = after {
        state.insert(slot, after);
    }
    (!fields.is_empty()).then(|| Change {
        position,
        kind,
        record,
        action,
        by: event.get("by").and_then(Value::as_str).map(str::to_owned),
        at: event
            .get("at")
            .and_then(Value::as_str)
            .and_then(Timestamp::parse),
        fields,
    })
}

/// The record after an event: a patch keeps the other fields, and a whole
/// record keeps what only patches set (a bank rule's place in the order,
/// the creditor id beside the payment settings).
fn carry_over(kind: RecordKind, shape: Shape, old: Option<&Fields>, new: Fields) -> Fields {
    let Some(old) = old else { return new };
    let is_patch = matches!(shape, Shape::Whole { object: "", only, .. } if !only.is_empty());
    let mut after = if is_patch { old.clone() } else { Fields::new() };
    if !is_patch {
        for field in patched_fields(kind) {
            if let Some(v) = old.get(field) {
                after.insert(field.to_owned(), v.clone());
            }
        }
    }
    after.extend(new);
    after
}

/// The fields of `kind` that patch events set.
fn patched_fields(kind: RecordKind) -> impl Iterator<Item = &'static str> {
    RULES.iter().flat_map(move |&(_, k, shape)| match shape {
        Shape::Whole {
            object: "", only, ..
        } if k == kind => only.iter().copied(),
        _ => [].iter().copied(),
    })
}

/// The record's key: the `paths` read in the record, else beside the type
/// (`bank_rule_deleted`'s `id`), joined by `/`, or by a space for a patch
/// keyed by several top-level fields.
fn record_key(event: &Value, values: &Value, paths: &[&str]) -> String {
    paths
        .iter()
        .map(|path| {
            let found = lookup(values, path).or_else(|| lookup(event, path));
            found.map(scalar).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn lookup<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, part| v.get(part))
}

/// Differences between two versions of a record; a missing field is "".
pub fn diff(old: &Fields, new: &Fields) -> Vec<FieldChange> {
    let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let a = old.get(k).map(String::as_str).unwrap_or("");
            let b = new.get(k).map(String::as_str).unwrap_or("");
            (a != b).then(|| FieldChange {
                field: k.clone(),
                old: a.to_owned(),
                new: b.to_owned(),
            })
        })
        .collect()
}

/// A record's fields as text. The envelope's keys (`v`, `type`) and the
/// stamp (`by`, `at`) are not fields of the record.
pub fn flatten_record(value: &Value) -> Fields {
    let mut out = Fields::new();
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if !matches!(k.as_str(), "v" | "type" | "by" | "at") {
                    flatten(k, v, &mut out);
                }
            }
        }
        other => {
            out.insert(String::new(), text(other));
        }
    }
    out.retain(|_, v| !v.is_empty());
    out
}

fn flatten(prefix: &str, value: &Value, out: &mut Fields) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                flatten(&format!("{prefix}.{k}"), v, out);
            }
        }
        other => {
            out.insert(prefix.to_owned(), text(other));
        }
    }
}

/// A value as one line of text: a list's elements joined by `; `, an
/// object as `key=value` pairs.
fn text(value: &Value) -> String {
    match value {
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join("; "),
        Value::Object(_) => {
            let mut fields = Fields::new();
            flatten("", value, &mut fields);
            fields
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| format!("{}={v}", k.trim_start_matches('.')))
                .collect::<Vec<_>>()
                .join(" ")
        }
        other => scalar(other),
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        other => text(other),
    }
}

/// Which changes a view shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangeFilter {
    pub kind: Option<RecordKind>,
    /// Part of the record's key, case-insensitive.
    pub record: String,
    pub by: Option<String>,
    /// Stamped on or after / on or before these days; an unstamped change
    /// is outside any date range.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Whether new records are shown beside changes and deletions.
    pub created: bool,
}

impl ChangeFilter {
    pub fn admits(&self, c: &Change) -> bool {
        let day = c.at.map(Timestamp::date);
        (self.created || c.action != Action::Created)
            && self.kind.is_none_or(|k| k == c.kind)
            && self.by.as_ref().is_none_or(|b| c.by.as_ref() == Some(b))
            && self.from.is_none_or(|f| day.is_some_and(|d| d >= f))
            && self.to.is_none_or(|t| day.is_some_and(|d| d <= t))
            && (self.record.is_empty()
                || c.record
                    .to_lowercase()
                    .contains(&self.record.trim().to_lowercase()))
    }
}

/// The users named in `changes`, sorted, each once.
pub fn users(changes: &[Change]) -> Vec<String> {
    let set: BTreeSet<&String> = changes.iter().filter_map(|c| c.by.as_ref()).collect();
    set.into_iter().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_names_a_distinct_event_type_and_kinds_are_listed_once() {
        let types: BTreeSet<&str> = RULES.iter().map(|(t, ..)| *t).collect();
        assert_eq!(types.len(), RULES.len());
        let kinds: BTreeSet<RecordKind> = RecordKind::ALL.into_iter().collect();
        assert_eq!(kinds.len(), RecordKind::ALL.len());
        for (_, kind, _) in RULES {
            assert!(kinds.contains(kind), "{kind:?} missing from ALL");
        }
    }

    #[test]
    fn lists_and_nested_objects_flatten_to_one_line_each() {
        let v: Value = serde_json::from_str(
            r#"{"code":"U19","rates":[{"valid_from":"2007-01-01","percent":"19"}],"address":{"town":"Hamburg","street":null},"tags":["a","b"]}"#,
        )
        .expect("json");
        let f = flatten_record(&v);
        assert_eq!(f["rates"], "percent=19 valid_from=2007-01-01");
        assert_eq!(f["address.town"], "Hamburg");
        assert!(!f.contains_key("address.street"));
        assert_eq!(f["tags"], "a; b");
    }
}
