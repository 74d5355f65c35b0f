//! Interoperability with Debian's `age` CLI (1.1.1, installed by
//! `scripts/setup.sh`): a Kontor backup decrypts with `age -d` and gunzips
//! to the documented JSON; files the CLI encrypted with `age -p` (work
//! factor 18), binary or ASCII-armoured (`age -a -p`), are accepted by
//! inspect and restore; and the committed fixtures
//! `tests/fixtures/backup/cli-made.kontor.age` and `cli-armored.kontor.age`
//! still open.
//!
//! age reads passphrases from the terminal (/dev/tty), never from stdin,
//! so each call runs under util-linux `script`, which gives it a
//! pseudo-terminal and forwards our stdin (the passphrase) to it.

use futures::executor::block_on;
use kontor::backup::{self, CompanySnapshot, RestoreMode};
use kontor::ledger::Book;
use kontor::ledger::chain::ChainHead;
use kontor::ledger::event::encode;
use kontor::ledger::sample::sample_events;
use kontor::store::log::seal_all;
use kontor::store::{CompanyLog, CompanyMeta, MemoryStore, Store};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const AGE: &str = "/usr/bin/age";
const PASSPHRASE: &str = "korrekt Pferd Batterie";
const FIXTURE: &str = "tests/fixtures/backup/cli-made.kontor.age";
const FIXTURE_PASSPHRASE: &str = "kontor-fixture";
const ARMORED_FIXTURE: &str = "tests/fixtures/backup/cli-armored.kontor.age";

/// A fresh directory per test; names are plain so they survive the shell
/// command line `script` builds.
fn work_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kontor-backup-cli-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `age <args>` on a pseudo-terminal, typing `typed` (passphrase
/// lines) into it.
fn age_on_tty(args: &[&Path], flags: &str, typed: &str) {
    assert!(
        Path::new(AGE).exists(),
        "the age CLI is missing: run scripts/setup.sh"
    );
    let mut command_line = format!("{AGE} {flags}");
    for arg in args {
        command_line.push(' ');
        command_line.push_str(&arg.display().to_string());
    }
    let mut child = Command::new("script")
        .args(["-qec", &command_line, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("util-linux script");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(typed.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "age {flags} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn sample_snapshot(entries: usize) -> CompanySnapshot {
    let (_, events) = sample_events(5, entries, 3, 2026).unwrap();
    CompanySnapshot {
        meta: CompanyMeta {
            id: "c-interop".into(),
            name: "Interop GmbH".into(),
            created_at_unix_ms: 1_767_225_600_000,
        },
        records: seal_all(ChainHead::EMPTY, events.iter().map(encode)),
        drafts: Some(BTreeMap::from([("entry/1".to_string(), "{}".to_string())])),
    }
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Restores into an empty store and replays: the file is usable, not only
/// readable.
fn restore_and_replay(document: &backup::BackupDocument) -> Book {
    let store = MemoryStore::new();
    block_on(async {
        let meta = backup::restore(&store, document, RestoreMode::New, |_, _| {})
            .await
            .unwrap();
        let company = store.open_company(&meta.id).await.unwrap();
        Book::replay(&company.load().await.unwrap()).unwrap()
    })
}

#[test]
fn kontor_backup_decrypts_with_the_age_cli_to_the_documented_json() {
    let dir = work_dir("decrypt");
    let snapshot = sample_snapshot(40);
    let file = backup::export_encrypted(&snapshot, PASSPHRASE, |_, _| {}).unwrap();
    let encrypted = dir.join("backup.kontor.age");
    let decrypted = dir.join("backup.json.gz");
    std::fs::write(&encrypted, &file).unwrap();

    age_on_tty(
        &[&decrypted, &encrypted],
        "-d -o",
        &format!("{PASSPHRASE}\n"),
    );

    let json = gunzip(&std::fs::read(&decrypted).unwrap());
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let manifest = &value["manifest"];
    assert_eq!(manifest["format"], "kontor-backup");
    assert_eq!(manifest["format_version"], 1);
    assert_eq!(manifest["encrypted"], true);
    assert_eq!(manifest["company_id"], "c-interop");
    assert_eq!(manifest["company_name"], "Interop GmbH");
    assert_eq!(manifest["created_at_unix_ms"], 1_767_225_600_000u64);
    assert_eq!(manifest["event_count"], snapshot.records.len());
    assert_eq!(manifest["head_seq"], snapshot.records.len());
    let last = snapshot.records.last().unwrap();
    assert_eq!(manifest["head_hash"], last.hash.to_hex());
    assert_eq!(manifest["drafts_included"], true);
    let log = value["log"].as_array().unwrap();
    assert_eq!(log.len(), snapshot.records.len());
    assert_eq!(log[0]["seq"], 1);
    assert_eq!(log[0]["body"], snapshot.records[0].body);
    assert_eq!(log[0]["hash"], snapshot.records[0].hash.to_hex());
    assert_eq!(value["drafts"]["entry/1"], "{}");
    let document = backup::document::parse_document(&json).unwrap();
    assert_eq!(document.log, snapshot.records);
}

#[test]
fn files_encrypted_by_the_age_cli_are_accepted() {
    let dir = work_dir("encrypt");
    let snapshot = sample_snapshot(40);
    let expected = Book::replay(&snapshot.records).unwrap();
    let plain = backup::export_plain(&snapshot, |_, _| {}).unwrap();
    // The documented route (gzip inside age) and a plain export that a
    // user encrypted as it was.
    for (name, content) in [("gzip", gzip(&plain)), ("json", plain.clone())] {
        let input = dir.join(format!("in.{name}"));
        let output = dir.join(format!("out-{name}.kontor.age"));
        std::fs::write(&input, &content).unwrap();
        age_on_tty(
            &[&output, &input],
            "-p -o",
            &format!("{PASSPHRASE}\n{PASSPHRASE}\n"),
        );
        let file = std::fs::read(&output).unwrap();
        let header = String::from_utf8_lossy(&file[..80]).to_string();
        assert!(header.contains("-> scrypt "), "{header}");
        let document = backup::inspect(&file, PASSPHRASE, |_, _| {}).unwrap();
        assert_eq!(document.log, snapshot.records, "{name}");
        assert_eq!(restore_and_replay(&document), expected, "{name}");
        assert_eq!(
            backup::inspect(&file, "falsch", |_, _| {}),
            Err(backup::BackupError::WrongPassphrase)
        );
    }
}

#[test]
fn committed_cli_fixture_opens_and_restores() {
    let file = std::fs::read(FIXTURE).unwrap();
    let document = backup::inspect(&file, FIXTURE_PASSPHRASE, |_, _| {}).unwrap();
    assert_eq!(document.manifest.company_name, "Interop GmbH");
    assert_eq!(document.manifest.company_id, "c-interop");
    // The fixture was written before tax codes existed (company setup then
    // emitted fewer events), so it is also a log of an earlier version:
    // it must still verify, restore and replay, entry for entry.
    assert_eq!(document.manifest.event_count, document.log.len() as u64);
    let original = Book::replay(&document.log).unwrap();
    assert_eq!(original.entry_count(), 40);
    assert_eq!(restore_and_replay(&document), original);
}

#[test]
fn armoured_files_from_the_age_cli_are_accepted() {
    let dir = work_dir("armor");
    let snapshot = sample_snapshot(12);
    let expected = Book::replay(&snapshot.records).unwrap();
    let input = dir.join("in.json.gz");
    let output = dir.join("out.kontor.age");
    std::fs::write(
        &input,
        gzip(&backup::export_plain(&snapshot, |_, _| {}).unwrap()),
    )
    .unwrap();
    age_on_tty(
        &[&output, &input],
        "-a -p -o",
        &format!("{PASSPHRASE}\n{PASSPHRASE}\n"),
    );
    let file = std::fs::read(&output).unwrap();
    assert!(file.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"));
    assert_eq!(backup::detect(&file), backup::FileKind::Encrypted);
    let document = backup::inspect(&file, PASSPHRASE, |_, _| {}).unwrap();
    assert_eq!(document.log, snapshot.records);
    assert_eq!(restore_and_replay(&document), expected);
    assert_eq!(
        backup::inspect(&file, "falsch", |_, _| {}),
        Err(backup::BackupError::WrongPassphrase)
    );
}

#[test]
fn committed_armoured_cli_fixture_opens_and_restores() {
    let file = std::fs::read(ARMORED_FIXTURE).unwrap();
    assert!(file.starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----"));
    let document = backup::inspect(&file, FIXTURE_PASSPHRASE, |_, _| {}).unwrap();
    assert_eq!(document.manifest.company_name, "Interop GmbH");
    let original = Book::replay(&document.log).unwrap();
    assert_eq!(original.entry_count(), 40);
    assert_eq!(backup::log_counts(&document.log).postings, 40);
    assert_eq!(restore_and_replay(&document), original);
}

/// Rewrites the armoured fixture: `cargo test --test native --
/// --ignored --exact backup_cli::write_armored_fixture` (`age -a -p`).
#[test]
#[ignore]
fn write_armored_fixture() {
    let dir = work_dir("armored-fixture");
    let plain = backup::export_plain(&sample_snapshot(40), |_, _| {}).unwrap();
    let input = dir.join("fixture.json.gz");
    std::fs::write(&input, gzip(&plain)).unwrap();
    let output = std::env::current_dir().unwrap().join(ARMORED_FIXTURE);
    age_on_tty(
        &[&output, &input],
        "-a -p -o",
        &format!("{FIXTURE_PASSPHRASE}\n{FIXTURE_PASSPHRASE}\n"),
    );
}

/// Rewrites the fixture (see tests/fixtures/backup/README.md):
/// `cargo test --test native -- --ignored --exact
/// backup_cli::write_fixture`.
#[test]
#[ignore]
fn write_fixture() {
    let dir = work_dir("fixture");
    let plain = backup::export_plain(&sample_snapshot(40), |_, _| {}).unwrap();
    let input = dir.join("fixture.json.gz");
    std::fs::write(&input, gzip(&plain)).unwrap();
    let output = std::env::current_dir().unwrap().join(FIXTURE);
    std::fs::create_dir_all(output.parent().unwrap()).unwrap();
    age_on_tty(
        &[&output, &input],
        "-p -o",
        &format!("{FIXTURE_PASSPHRASE}\n{FIXTURE_PASSPHRASE}\n"),
    );
}
