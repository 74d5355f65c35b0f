//! The change log (issue 18, Änderungsprotokoll): every master record's
//! changes read from the log alone. Checked against the frozen corpus
//! (known edits of an account, a partner, a bank rule, the payment
//! settings), against the partner sub-ledger's own per-field history on
//! the demo company, and by a property: replaying the logged field
//! changes from nothing gives each record's last stored version.

use std::collections::{BTreeMap, HashMap};

use kontor::demo::{self, DemoSpec};
use kontor::ledger::book::change_log::{
    Action, Change, ChangeFilter, Fields, RecordKind, change_log, flatten_record, users,
};
use kontor::ledger::chain::{ChainHead, LogRecord};
use kontor::ledger::event::encode;
use kontor::ledger::types::Timestamp;
use kontor::store::log::seal_all;
use proptest::prelude::*;

const CORPUS: &str = include_str!("fixtures/events/v1-corpus.jsonl");

fn corpus_log() -> Vec<Change> {
    let records = seal_all(ChainHead::EMPTY, CORPUS.lines().map(str::to_owned));
    change_log(&records).expect("the corpus is readable")
}

fn find<'a>(log: &'a [Change], kind: RecordKind, record: &str, action: Action) -> Vec<&'a Change> {
    log.iter()
        .filter(|c| c.kind == kind && c.record == record && c.action == action)
        .collect()
}

fn field<'a>(c: &'a Change, name: &str) -> Option<(&'a str, &'a str)> {
    c.fields
        .iter()
        .find(|f| f.field == name)
        .map(|f| (f.old.as_str(), f.new.as_str()))
}

#[test]
fn an_account_renamed_shows_the_one_field_with_old_and_new() {
    let log = corpus_log();
    let renamed = find(&log, RecordKind::Account, "4210", Action::Changed);
    assert_eq!(renamed.len(), 1, "{renamed:?}");
    assert_eq!(renamed[0].fields.len(), 1);
    assert_eq!(
        field(renamed[0], "name_en"),
        Some(("Rent", "Rent (updated)"))
    );
    // Account events of version 1 carry no stamp: nobody is claimed.
    assert_eq!((renamed[0].by.as_ref(), renamed[0].at), (None, None));
    assert_eq!(renamed[0].position, 550);
}

#[test]
fn a_partner_update_names_its_author_time_and_each_changed_field() {
    let log = corpus_log();
    let changed = find(&log, RecordKind::Partner, "10001", Action::Changed);
    let first = changed.first().expect("the corpus changes partner 10001");
    assert_eq!(first.by.as_deref(), Some("ben"));
    assert_eq!(first.at, Timestamp::parse("2025-01-15T09:30:00Z"));
    assert_eq!(
        field(first, "name"),
        Some(("Bäckerei Krüger KG", "Bäckerei Krüger GmbH"))
    );
    assert!(first.fields.iter().all(|f| f.old != f.new));
    // The author is offered as a filter; filtering by him keeps the change.
    assert!(users(&log).contains(&"ben".to_owned()));
    let by_ben = ChangeFilter {
        by: Some("ben".into()),
        kind: Some(RecordKind::Partner),
        ..ChangeFilter::default()
    };
    assert!(by_ben.admits(first));
    let other_day = ChangeFilter {
        from: Some(chrono::NaiveDate::from_ymd_opt(2025, 1, 16).expect("date")),
        ..by_ben.clone()
    };
    assert!(!other_day.admits(first));
}

#[test]
fn a_deleted_rule_lists_what_it_was_and_a_move_survives_the_next_save() {
    let log = corpus_log();
    let deleted = find(&log, RecordKind::BankRule, "1", Action::Deleted);
    assert_eq!(deleted.len(), 1);
    assert_eq!(field(deleted[0], "name"), Some(("Krüger", "")));
    assert!(deleted[0].fields.iter().all(|f| f.new.is_empty()));
    let moved = find(&log, RecordKind::BankRule, "2", Action::Changed);
    assert_eq!(field(moved[0], "to"), Some(("", "0")));
    // The creditor id is set beside the payment settings and stays there.
    let settings = find(&log, RecordKind::PaymentSettings, "", Action::Changed);
    assert!(
        settings
            .iter()
            .any(|c| field(c, "creditor_id") == Some(("", "DE98ZZZ09999999999")))
    );
    assert!(settings.iter().all(|c| {
        c.fields
            .iter()
            .all(|f| f.field != "creditor_id" || !f.new.is_empty())
    }));
}

#[test]
fn creations_are_hidden_unless_asked_for_and_no_change_is_empty() {
    let log = corpus_log();
    assert!(log.iter().all(|c| !c.fields.is_empty()));
    assert!(log.windows(2).all(|w| w[0].position <= w[1].position));
    let created = find(&log, RecordKind::Account, "4210", Action::Created);
    assert_eq!(created.len(), 1);
    assert!(!ChangeFilter::default().admits(created[0]));
    let with_new = ChangeFilter {
        created: true,
        record: " 421".into(),
        ..ChangeFilter::default()
    };
    assert!(with_new.admits(created[0]));
}

#[test]
fn the_demo_companys_partner_changes_match_the_partner_history() {
    let spec = DemoSpec {
        entries: 2_000,
        ..DemoSpec::one_year(7)
    };
    let (book, events) = demo::build(&spec, |_, _| {}).expect("the demo builds");
    let records = seal_all(ChainHead::EMPTY, events.iter().map(encode));
    let log = change_log(&records).expect("readable");
    let partners = book.partners();
    let mut checked = 0;
    for partner in partners.partners() {
        let code = partner.code.to_string();
        let record = partners.record(partner.code).expect("listed partner");
        let from_log: Vec<_> = find(&log, RecordKind::Partner, &code, Action::Changed)
            .into_iter()
            .map(|c| (c.by.clone(), c.at))
            .collect();
        let mut from_history: Vec<_> = record
            .changes
            .iter()
            .map(|c| (Some(c.by.clone()), Some(c.at)))
            .collect();
        from_history.dedup();
        assert_eq!(from_log, from_history, "partner {code}");
        checked += from_log.len();
    }
    assert!(
        checked > 0,
        "the demo changes partners, so the log has something to show"
    );
}

/// A record as a body: `item_saved` of `code` with the given fields.
fn item_body(code: &str, fields: &BTreeMap<&str, String>) -> String {
    let mut item = serde_json::Map::new();
    item.insert("code".into(), code.into());
    for (k, v) in fields {
        item.insert((*k).into(), v.clone().into());
    }
    format!(
        r#"{{"v":1,"type":"item_saved","item":{},"by":"anna","at":"2025-01-17T16:00:00Z"}}"#,
        serde_json::Value::Object(item)
    )
}

proptest! {
    #[test]
    fn replaying_the_logged_changes_gives_each_records_last_version(
        saves in prop::collection::vec(
            (0usize..3, prop::collection::btree_map(
                prop::sample::select(vec!["group", "unit", "remarks", "description_de"]),
                prop::sample::select(vec!["", "A", "B", "Ä ö"]).prop_map(str::to_owned),
                0..4,
            )),
            1..20,
        )
    ) {
        let codes = ["A-1", "A-2", "B-7"];
        let bodies: Vec<String> = saves.iter().map(|(i, f)| item_body(codes[*i], f)).collect();
        let records: Vec<LogRecord> = seal_all(ChainHead::EMPTY, bodies.iter().cloned());
        let log = change_log(&records).expect("readable");
        let mut replayed: HashMap<String, Fields> = HashMap::new();
        for c in &log {
            prop_assert!(!c.fields.is_empty());
            let record = replayed.entry(c.record.clone()).or_default();
            for f in &c.fields {
                prop_assert_eq!(record.get(&f.field).map(String::as_str).unwrap_or(""), f.old.as_str());
                if f.new.is_empty() { record.remove(&f.field); } else { record.insert(f.field.clone(), f.new.clone()); }
            }
        }
        for (i, code) in codes.iter().enumerate() {
            let Some(last) = saves.iter().rev().find(|(j, _)| *j == i) else { continue };
            let body: serde_json::Value = serde_json::from_str(&item_body(code, &last.1)).expect("json");
            let expected = flatten_record(&body["item"]);
            prop_assert_eq!(replayed.get(*code).cloned().unwrap_or_default(), expected);
        }
    }
}
