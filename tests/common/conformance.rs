//! The behavioural suite every [`Store`] must pass (Verhaltenstests): run
//! natively against `MemoryStore` by `tests/store_native.rs` and in
//! headless Chromium against `IdbStore` by `tests/browser/`, which both
//! include this file. Test code, so it lives under `tests/` and not in the
//! library. Each check takes
//! `make`, which returns a store over the *same* storage each time it is
//! called: calling it again is "the app was closed and opened again".
//!
//! Panics on failure, like any test.
#![allow(dead_code)] // each including test crate uses a part of it

use kontor::ledger::chain::{ChainHead, LogRecord, verify_chain};
use kontor::security::{CharClass, PolicyError};
use kontor::store::log::seal_all;
use kontor::store::vault::NewPassword;
use kontor::store::{CompanyLog, RawLayout, Store, StoreError};

/// A body shaped like a posted entry event: about 400 bytes of JSON, with
/// quotes, non-ASCII and an escaped newline so encodings are exercised.
pub fn sample_body(n: u64) -> String {
    format!(
        concat!(
            "{{\"v\":1,\"type\":\"EntryPosted\",\"entry\":{{\"no\":{n},\"date\":\"2026-03-{day:02}\",",
            "\"period\":\"2026-03\",\"text\":\"Rechnung {n} Müller & Söhne \\\"Büro\\\"\\nZeile 2\",",
            "\"lines\":[{{\"account\":\"1200\",\"debit_lc\":\"{a}.{c:02}\",\"credit_lc\":\"0\",\"tax\":null}},",
            "{{\"account\":\"8400\",\"debit_lc\":\"0\",\"credit_lc\":\"{b}.{c:02}\",\"tax\":\"USt19\"}},",
            "{{\"account\":\"1776\",\"debit_lc\":\"0\",\"credit_lc\":\"{t}.{c:02}\",\"tax\":null}}]}}}}"
        ),
        n = n,
        day = n % 28 + 1,
        a = 119 + n % 1000,
        b = 100 + n % 1000,
        t = 19 + n % 10,
        c = n % 100,
    )
}

/// Seals `count` sample bodies after `head`.
pub fn sample_records(head: ChainHead, count: u64) -> Vec<LogRecord> {
    seal_all(head, (head.seq + 1..=head.seq + count).map(sample_body))
}

/// The day the suite's passwords are set.
pub fn set_on() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
}

/// `password` as its owner sets it on [`set_on`] under the default policy,
/// with the tests' cheap key parameters.
pub fn own(password: &str) -> NewPassword<'_> {
    use kontor::security::password::TESTS_ONLY;
    NewPassword::own(password, TESTS_ONLY, Default::default(), set_on())
}

async fn new_company<S: Store>(store: &S, name: &str) -> (String, S::Company) {
    let meta = store.create_company(name).await.expect("create company");
    let company = store.open_company(&meta.id).await.expect("open company");
    (meta.id, company)
}

pub async fn registry_creates_lists_and_renames<S: Store>(make: impl Fn() -> S) {
    let store = make();
    assert_eq!(store.list_companies().await.unwrap(), vec![]);
    let a = store.create_company("  Zeta GmbH ").await.unwrap();
    let b = store.create_company("Alpha AG").await.unwrap();
    assert_eq!(a.name, "Zeta GmbH");
    assert_ne!(a.id, b.id);
    assert!(matches!(
        store.create_company("  ").await,
        Err(StoreError::InvalidName { .. })
    ));
    let renamed = store.rename_company(&a.id, "Beta KG").await.unwrap();
    assert_eq!(renamed.id, a.id);
    let names: Vec<String> = make()
        .list_companies()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, vec!["Alpha AG", "Beta KG"]);
    assert!(matches!(
        store.rename_company("no-such-id", "X").await,
        Err(StoreError::NotFound { .. })
    ));
}

pub async fn appended_records_read_back_after_reload<S: Store>(make: impl Fn() -> S) {
    let (id, company) = new_company(&make(), "Reload GmbH").await;
    assert_eq!(company.head().await.unwrap(), ChainHead::EMPTY);
    assert_eq!(company.load().await.unwrap(), vec![]);
    let first = sample_records(ChainHead::EMPTY, 3);
    let head = company.append(&first).await.unwrap();
    assert_eq!(head, ChainHead::after(&first[2]));
    let second = sample_records(head, 1);
    let head = company.append(&second).await.unwrap();
    drop(company);

    let reopened = make().open_company(&id).await.unwrap();
    assert_eq!(reopened.head().await.unwrap(), head);
    let loaded = reopened.load().await.unwrap();
    let written: Vec<LogRecord> = first.into_iter().chain(second).collect();
    assert_eq!(loaded, written);
}

pub async fn sequence_is_gapless_across_blocks<S: Store>(make: impl Fn() -> S) {
    let (id, company) = new_company(&make(), "Blocks GmbH").await;
    let mut head = ChainHead::EMPTY;
    for size in [1u64, 998, 1, 1, 1_500, 7, 493] {
        let records = sample_records(head, size);
        head = company.append(&records).await.unwrap();
    }
    assert_eq!(head.seq, 3_001);
    let loaded = make()
        .open_company(&id)
        .await
        .unwrap()
        .load()
        .await
        .unwrap();
    let seqs: Vec<u64> = loaded.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, (1..=3_001).collect::<Vec<u64>>());
    assert_eq!(verify_chain(ChainHead::EMPTY, &loaded), Ok(head));
}

/// The fast open (issue 21): a framed load returns what a verified load
/// does, and the chain check afterwards passes up to its head, or up to any
/// earlier head of the log, in plain and encrypted companies alike; a head
/// the log does not hold is refused at the first record that differs.
pub async fn framed_load_then_chain_check_equals_verified_load<S: Store>(make: impl Fn() -> S) {
    let (id, company) = new_company(&make(), "Schnell GmbH").await;
    let records = sample_records(ChainHead::EMPTY, 2_345);
    for part in records.chunks(999) {
        company.append(part).await.unwrap();
    }
    let head = ChainHead::after(&records[2_344]);
    let earlier = ChainHead::after(&records[1_499]);
    let check = |company: S::Company| async move {
        let framed = company.load_framed().await.unwrap();
        assert_eq!(framed, company.load().await.unwrap());
        assert_eq!(company.verify_to(head).await, Ok(()));
        assert_eq!(company.verify_to(earlier).await, Ok(()));
        let mut forged = earlier;
        forged.hash = head.hash;
        assert_eq!(
            company.verify_to(forged).await,
            Err(StoreError::BrokenChain { seq: 1_500 })
        );
        let beyond = ChainHead { seq: 2_346, ..head };
        assert_eq!(
            company.verify_to(beyond).await,
            Err(StoreError::BrokenChain { seq: 2_346 })
        );
    };
    check(make().open_company(&id).await.unwrap()).await;
    company.encrypt("anna", &own("Sommer2026!")).await.unwrap();
    let reopened = make().open_company(&id).await.unwrap();
    assert_eq!(reopened.load_framed().await, Err(StoreError::Locked));
    reopened.unlock("anna", "Sommer2026!").await.unwrap();
    check(reopened).await;
}

/// The snapshot is stored bytes beside the log, read back after a reload,
/// replaced by the next; an encrypted company keeps none, and encrypting
/// removes a plain one (the books must not sit in plain beside the log).
/// A plain company keeps its snapshot as given; an encrypted one keeps it
/// sealed, readable only once unlocked, and encryption drops a plain one.
pub async fn a_snapshot_is_kept_plain_or_sealed<S: Store>(make: impl Fn() -> S) {
    let (id, company) = new_company(&make(), "Momentaufnahme GmbH").await;
    company
        .append(&sample_records(ChainHead::EMPTY, 3))
        .await
        .unwrap();
    assert_eq!(company.get_snapshot().await, Ok(None));
    let first: Vec<u8> = (0..=255).cycle().take(70_000).collect();
    assert_eq!(company.put_snapshot(&first).await, Ok(true));
    assert_eq!(company.put_snapshot(b"second").await, Ok(true));
    let reopened = make().open_company(&id).await.unwrap();
    assert_eq!(reopened.get_snapshot().await, Ok(Some(b"second".to_vec())));
    reopened.put_snapshot(&first).await.unwrap();
    assert_eq!(company.get_snapshot().await, Ok(Some(first.clone())));

    company.encrypt("anna", &own("Sommer2026!")).await.unwrap();
    assert_eq!(
        company.get_snapshot().await,
        Ok(None),
        "the plain one is gone"
    );
    assert_eq!(company.put_snapshot(&first).await, Ok(true));
    assert_eq!(company.get_snapshot().await, Ok(Some(first.clone())));
    let locked = make().open_company(&id).await.unwrap();
    assert_eq!(locked.get_snapshot().await, Ok(None), "locked");
    locked.unlock("anna", "Sommer2026!").await.unwrap();
    assert_eq!(locked.get_snapshot().await, Ok(Some(first)));
}

pub async fn stale_writer_gets_a_conflict_and_leaves_no_trace<S: Store>(make: impl Fn() -> S) {
    let (id, tab_a) = new_company(&make(), "Two Tabs GmbH").await;
    let tab_b = make().open_company(&id).await.unwrap();
    let base = tab_a
        .append(&sample_records(ChainHead::EMPTY, 2))
        .await
        .unwrap();
    assert_eq!(tab_b.head().await.unwrap(), base);

    let from_a = seal_all(base, ["{\"from\":\"a\"}".to_string()]);
    let from_b = seal_all(
        base,
        ["{\"from\":\"b\"}".to_string(), "{\"n\":2}".to_string()],
    );
    let head_a = tab_a.append(&from_a).await.unwrap();
    assert_eq!(
        tab_b.append(&from_b).await,
        Err(StoreError::Conflict {
            expected_seq: 2,
            found_seq: 3
        }),
        "b sealed after record 2, but a already wrote record 3"
    );
    let stale_base = sample_records(ChainHead::EMPTY, 1);
    assert_eq!(
        tab_b.append(&stale_base).await,
        Err(StoreError::Conflict {
            expected_seq: 0,
            found_seq: 3
        })
    );
    let reopened = make().open_company(&id).await.unwrap();
    assert_eq!(reopened.head().await.unwrap(), head_a);
    let loaded = reopened.load().await.unwrap();
    assert_eq!(loaded.len(), 3);
    assert_eq!(loaded[2], from_a[0]);
}

pub async fn broken_append_leaves_no_trace<S: Store>(make: impl Fn() -> S) {
    let (id, company) = new_company(&make(), "Broken GmbH").await;
    let head = company
        .append(&sample_records(ChainHead::EMPTY, 999))
        .await
        .unwrap();
    let mut bad = sample_records(head, 3);
    bad[2].body.push(' ');
    assert_eq!(
        company.append(&bad).await,
        Err(StoreError::BrokenChain { seq: 1_002 })
    );
    let reopened = make().open_company(&id).await.unwrap();
    assert_eq!(reopened.head().await.unwrap(), head);
    assert_eq!(reopened.load().await.unwrap().len(), 999);
    let good = sample_records(head, 3);
    assert_eq!(reopened.append(&good).await.unwrap().seq, 1_002);
}

/// A company created with its log is listed only complete: one whose log
/// fails in its second chunk (after 10,000 records were stored) is not
/// listed, cannot be opened, and a later creation works as usual.
pub async fn company_created_with_its_log_is_all_or_nothing<S: Store>(make: impl Fn() -> S) {
    let store = make();
    let good = sample_records(ChainHead::EMPTY, 5);
    let meta = store
        .create_company_with_log("Ganz GmbH", &good, |_, _| {})
        .await
        .unwrap();
    let company = make().open_company(&meta.id).await.unwrap();
    assert_eq!(company.load().await.unwrap(), good);
    drop(company);

    let mut records = sample_records(ChainHead::EMPTY, 10_003);
    records[10_001].body.push(' ');
    let mut reported = Vec::new();
    let failed = store
        .create_company_with_log("Halb GmbH", &records, |done, total| {
            reported.push((done, total))
        })
        .await;
    assert_eq!(failed, Err(StoreError::BrokenChain { seq: 10_002 }));
    assert_eq!(reported, vec![(0, 10_003), (10_000, 10_003)]);
    let listed = make().list_companies().await.unwrap();
    assert_eq!(
        listed.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        vec!["Ganz GmbH"]
    );
    assert_eq!(
        store
            .create_company_with_log("", &good, |_, _| {})
            .await
            .map(|m| m.name),
        Err(StoreError::InvalidName { max_chars: 200 })
    );
    assert_eq!(make().list_companies().await.unwrap().len(), 1);
}

pub async fn second_tab_catches_up_with_read_since<S: Store>(make: impl Fn() -> S) {
    let (id, writer) = new_company(&make(), "Catch Up GmbH").await;
    let reader = make().open_company(&id).await.unwrap();
    let seen = writer
        .append(&sample_records(ChainHead::EMPTY, 995))
        .await
        .unwrap();
    assert_eq!(reader.load().await.unwrap().len(), 995);
    let more = sample_records(seen, 10);
    writer.append(&more).await.unwrap();
    assert_eq!(reader.read_since(seen).await.unwrap(), more);
    let forked = seal_all(ChainHead::EMPTY, ["{\"other\":1}".to_string()]);
    assert!(matches!(
        reader.read_since(ChainHead::after(&forked[0])).await,
        Err(StoreError::BrokenChain { seq: 2 })
    ));
}

pub async fn drafts_survive_reload_and_stay_out_of_the_log<S: Store>(make: impl Fn() -> S) {
    let (id, company) = new_company(&make(), "Drafts GmbH").await;
    company
        .put_draft("voucher/7", "{\"text\":\"halb\"}")
        .await
        .unwrap();
    company.put_draft("entry/new", "{}").await.unwrap();
    company
        .put_draft("voucher/7", "{\"text\":\"halb fertig\"}")
        .await
        .unwrap();
    drop(company);
    let reopened = make().open_company(&id).await.unwrap();
    assert_eq!(
        reopened.list_drafts().await.unwrap(),
        vec!["entry/new", "voucher/7"]
    );
    assert_eq!(
        reopened.get_draft("voucher/7").await.unwrap().as_deref(),
        Some("{\"text\":\"halb fertig\"}")
    );
    reopened.delete_draft("entry/new").await.unwrap();
    assert_eq!(reopened.get_draft("entry/new").await.unwrap(), None);
    assert_eq!(reopened.head().await.unwrap(), ChainHead::EMPTY);
    assert_eq!(reopened.load().await.unwrap(), vec![]);
}

pub async fn delete_needs_the_name_and_removes_everything<S: Store>(make: impl Fn() -> S) {
    let store = make();
    let (id, company) = new_company(&store, "Weg GmbH").await;
    let (keep_id, keep) = new_company(&store, "Bleibt GmbH").await;
    company
        .append(&sample_records(ChainHead::EMPTY, 5))
        .await
        .unwrap();
    company.put_draft("d", "{}").await.unwrap();
    keep.append(&sample_records(ChainHead::EMPTY, 2))
        .await
        .unwrap();
    drop(company);
    drop(keep);

    assert_eq!(
        store.delete_company(&id, "weg gmbh").await,
        Err(StoreError::ConfirmationMismatch)
    );
    assert_eq!(
        make()
            .open_company(&id)
            .await
            .unwrap()
            .head()
            .await
            .unwrap()
            .seq,
        5
    );
    store.delete_company(&id, "Weg GmbH").await.unwrap();

    let reopened = make();
    let ids: Vec<String> = reopened
        .list_companies()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, vec![keep_id.clone()]);
    assert!(matches!(
        reopened.open_company(&id).await,
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        reopened.delete_company(&id, "Weg GmbH").await,
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(
        reopened
            .open_company(&keep_id)
            .await
            .unwrap()
            .load()
            .await
            .unwrap()
            .len(),
        2
    );
}

pub async fn storage_reports_persistence<S: Store>(make: impl Fn() -> S) {
    let store = make();
    store.persist().await.unwrap();
    if let Some(estimate) = store.estimate().await.unwrap() {
        assert!(estimate.used_bytes <= estimate.quota_bytes);
    }
}

/// The expected records of `tests/fixtures/store/log-encoding-v1.json`.
pub fn fixture_records(fixture_json: &str) -> Vec<LogRecord> {
    let fixture: serde_json::Value = serde_json::from_str(fixture_json).expect("fixture is JSON");
    fixture["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .flat_map(|b| {
            serde_json::from_value::<Vec<LogRecord>>(b["records"].clone()).expect("records")
        })
        .collect()
}

/// Turns the v1 fixture into what encoding v1 stored: each block as the JSON
/// text of its record array.
pub fn fixture_layout(fixture_json: &str) -> RawLayout {
    let fixture: serde_json::Value = serde_json::from_str(fixture_json).expect("fixture is JSON");
    let blocks = fixture["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| {
            (
                b["block"].as_u64().expect("block number"),
                b["records"].to_string(),
            )
        })
        .collect();
    let drafts = fixture["drafts"]
        .as_array()
        .expect("drafts")
        .iter()
        .map(|d| {
            (
                d["key"].as_str().expect("key").to_string(),
                d["json"].as_str().expect("json").to_string(),
            )
        })
        .collect();
    RawLayout {
        blocks,
        head: fixture["head"].to_string(),
        drafts,
    }
}

/// After `fixture_json` was written raw into company `id`: the current code
/// opens it, verifies it, and appends after it (rewriting the v1 tail block
/// in the current encoding).
pub async fn old_encoding_opens_and_extends<S: Store>(
    make: impl Fn() -> S,
    id: &str,
    fixture_json: &str,
) {
    let expected = fixture_records(fixture_json);
    let company = make().open_company(id).await.unwrap();
    let loaded = company.load().await.unwrap();
    assert_eq!(loaded, expected);
    let head = company.head().await.unwrap();
    assert_eq!(verify_chain(ChainHead::EMPTY, &loaded), Ok(head));
    assert_eq!(company.list_drafts().await.unwrap(), vec!["voucher/1"]);
    let next = sample_records(head, 2);
    company.append(&next).await.unwrap();
    let reloaded = make().open_company(id).await.unwrap().load().await.unwrap();
    assert_eq!(reloaded.len(), expected.len() + 2);
    assert_eq!(reloaded[..expected.len()], expected[..]);
}

/// Encryption at rest (issue 18): a company encrypted in place keeps its
/// log and drafts, this handle keeps working, and a reopened handle reads
/// and writes nothing until a login with the right password; an unknown
/// login and a wrong password get the same refusal; a second login and a
/// password set again open the same books. Returns the company's id and
/// the texts that must not appear in raw storage.
pub async fn encrypted_company_opens_only_with_a_password<S: Store>(
    make: impl Fn() -> S,
) -> String {
    let store = make();
    let (id, company) = new_company(&store, "Verschlüsselt GmbH").await;
    let records = sample_records(ChainHead::EMPTY, 1_500);
    company.append(&records).await.unwrap();
    company
        .put_draft("voucher/1", "{\"text\":\"Büromaterial Schreiber\"}")
        .await
        .unwrap();
    assert!(!company.is_locked().await.unwrap());
    assert!(company.logins().await.unwrap().is_empty());
    assert_eq!(
        company.put_login("ben", &own("Winter2026?")).await,
        Err(StoreError::NotEncrypted)
    );
    // The first password meets the policy too; nothing is sealed before.
    assert_eq!(
        company.encrypt("anna", &own("sommer")).await,
        Err(StoreError::Password(PolicyError::TooShort { min: 8 }))
    );
    assert!(company.logins().await.unwrap().is_empty());

    company
        .encrypt(" Anna ", &own("Sommer2026!"))
        .await
        .unwrap();
    assert_eq!(
        company.encrypt("anna", &own("Sommer2026!")).await,
        Err(StoreError::AlreadyEncrypted)
    );
    assert_eq!(company.logins().await.unwrap(), vec!["anna"]);
    let head = company.head().await.unwrap();
    let more = sample_records(head, 3);
    company.append(&more).await.unwrap();
    let mut all = records.clone();
    all.extend(more);

    let locked = make().open_company(&id).await.unwrap();
    assert!(locked.is_locked().await.unwrap());
    assert_eq!(locked.load().await, Err(StoreError::Locked));
    assert_eq!(locked.get_draft("voucher/1").await, Err(StoreError::Locked));
    let next = sample_records(ChainHead::after(&all[all.len() - 1]), 1);
    assert_eq!(locked.append(&next).await, Err(StoreError::Locked));
    for (login, password) in [("anna", "sommer2026!"), ("ben", "Sommer2026!"), ("", "")] {
        assert_eq!(
            locked.unlock(login, password).await,
            Err(StoreError::LoginRefused),
            "{login}"
        );
    }
    locked.unlock("ANNA", "Sommer2026!").await.unwrap();
    assert!(!locked.is_locked().await.unwrap());
    assert_eq!(locked.load().await.unwrap(), all);
    assert_eq!(
        locked.get_draft("voucher/1").await.unwrap().as_deref(),
        Some("{\"text\":\"Büromaterial Schreiber\"}")
    );
    locked.append(&next).await.unwrap();
    all.extend(next);

    locked
        .put_login("ben", &own("Winter2026?").for_someone_else())
        .await
        .unwrap();
    locked.put_login("anna", &own("Neu2026!x")).await.unwrap();
    assert_eq!(locked.logins().await.unwrap(), vec!["anna", "ben"]);
    let as_ben = make().open_company(&id).await.unwrap();
    as_ben.unlock("ben", "Winter2026?").await.unwrap();
    assert_eq!(as_ben.load().await.unwrap(), all);
    let as_anna = make().open_company(&id).await.unwrap();
    assert_eq!(
        as_anna.unlock("anna", "Sommer2026!").await,
        Err(StoreError::LoginRefused)
    );
    as_anna.unlock("anna", "Neu2026!x").await.unwrap();
    assert_eq!(as_anna.load().await.unwrap(), all);
    id
}

/// The password policy on key copies (issue 18): a password below the
/// policy or one of the login's last n is refused and the old copy stays;
/// older ones come back; a password set for someone else must be changed
/// at their next login; expiry counts from the day a password was set.
pub async fn key_copies_keep_the_password_policy<S: Store>(make: impl Fn() -> S) {
    use kontor::ledger::gl::PasswordPolicy;
    let store = make();
    let (id, company) = new_company(&store, "Richtlinie GmbH").await;
    company
        .append(&sample_records(ChainHead::EMPTY, 3))
        .await
        .unwrap();
    let two = PasswordPolicy {
        no_reuse_last: 2,
        ..PasswordPolicy::default()
    };
    let under = |password| NewPassword {
        policy: two,
        ..own(password)
    };
    company.encrypt("anna", &under("Erstes2026")).await.unwrap();
    company
        .put_login("anna", &under("Zweites2026"))
        .await
        .unwrap();
    for (password, refusal) in [
        ("Zweites2026", PolicyError::ReusesRecent { n: 2 }),
        ("Erstes2026", PolicyError::ReusesRecent { n: 2 }),
        (
            "zweites2026",
            PolicyError::MissingClass {
                class: CharClass::Upper,
            },
        ),
    ] {
        assert_eq!(
            company.put_login("anna", &under(password)).await,
            Err(StoreError::Password(refusal)),
            "{password}"
        );
    }
    let fresh = make().open_company(&id).await.unwrap();
    fresh.unlock("anna", "Zweites2026").await.unwrap();
    company
        .put_login("anna", &under("Drittes2026"))
        .await
        .unwrap();
    // Two back is allowed again with n = 2.
    company
        .put_login("anna", &under("Erstes2026"))
        .await
        .unwrap();

    let status = company.login_status("ANNA").await.unwrap().unwrap();
    assert_eq!(status.set_on, Some(set_on()));
    assert!(!status.must_change);
    let policy = PasswordPolicy::default();
    let day = |d| set_on() + chrono::Days::new(d);
    assert!(!status.needs_change(day(89), &policy));
    assert!(status.needs_change(day(90), &policy));
    let never = PasswordPolicy {
        expiry_days: None,
        ..policy
    };
    assert!(!status.needs_change(day(9_000), &never));

    company
        .put_login("ben", &own("Vorläufig2026").for_someone_else())
        .await
        .unwrap();
    let ben = company.login_status("ben").await.unwrap().unwrap();
    assert!(ben.must_change && ben.needs_change(set_on(), &never));
    company.put_login("ben", &own("Eigenes2026")).await.unwrap();
    let ben = company.login_status("ben").await.unwrap().unwrap();
    assert!(!ben.needs_change(set_on(), &never));
    // Readable while locked: the lock screen asks before the books open.
    let locked = make().open_company(&id).await.unwrap();
    assert!(locked.is_locked().await.unwrap());
    assert!(locked.login_status("ben").await.unwrap().is_some());
    assert_eq!(locked.login_status("nobody").await, Ok(None));
    assert_eq!(locked.login_status("").await, Ok(None));
}

/// What an encrypted company's raw storage must not contain: words and
/// amounts of `sample_body` and of the draft above. Each holds a character
/// base64 never writes (a quote, a space, an umlaut), so random ciphertext
/// cannot contain it by chance ("8400" alone is in about one 800 kB
/// base64 text in twenty).
pub const PLAINTEXT_MARKERS: [&str; 5] = [
    "Müller",
    "Rechnung ",
    "\"EntryPosted\"",
    "Büromaterial",
    "\"8400\"",
];
