//! "Books anyone can check" (issue 19): the worked example of
//! `docs/log-format.md` recomputes to the hashes the document states, and
//! `kontor-cli verify` accepts a backup made natively, names the record
//! whose amount was changed, and refuses truncated, foreign and encrypted
//! files with their own messages.

use std::path::PathBuf;
use std::process::{Command, Output};

use kontor::backup::{self, CompanySnapshot, Exporter};
use kontor::ledger::chain::{ChainHash, ChainHead, LogRecord, verify_chain};
use kontor::ledger::event::{decode, encode};
use kontor::ledger::sample::sample_events;
use kontor::store::CompanyMeta;
use kontor::store::log::seal_all;

const DOC: &str = "docs/log-format.md";

fn doc() -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(DOC)).unwrap()
}

fn section<'a>(doc: &'a str, heading: &str) -> &'a str {
    let start = doc.find(heading).expect("the section exists");
    let rest = &doc[start + heading.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn the_worked_example_recomputes_to_the_stated_hashes() {
    let doc = doc();
    let example = section(&doc, "## 6. Worked example");
    let records: Vec<LogRecord> = example
        .lines()
        .filter(|l| l.starts_with("{\"seq\":"))
        .map(|l| serde_json::from_str(l).expect("a record line parses"))
        .collect();
    assert_eq!(records.len(), 2);
    // The chain recomputed from genesis, by the library and by hand.
    let head = verify_chain(ChainHead::EMPTY, &records).expect("the example verifies");
    let h1 = ChainHash::link(&ChainHash::GENESIS, records[0].body.as_bytes());
    let h2 = ChainHash::link(&h1, records[1].body.as_bytes());
    assert_eq!((head.seq, head.hash), (2, h2));
    // Every hash the text states is one of the two, and both are stated
    // in the prose as well as in the records.
    let stated: Vec<&str> = example
        .split('`')
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
        .collect();
    assert!(stated.contains(&h1.to_hex().as_str()));
    assert!(stated.contains(&h2.to_hex().as_str()));
    assert!(
        stated
            .iter()
            .all(|h| *h == h1.to_hex() || *h == h2.to_hex())
    );
    // The stated body lengths and the source of the bodies.
    for r in &records {
        assert!(example.contains(&format!("{} bytes", r.body.len())));
        decode(&r.body).expect("the example bodies are real events");
    }
    let corpus =
        std::fs::read_to_string("tests/fixtures/events/v1-corpus.jsonl").expect("the corpus");
    let first_two: Vec<&str> = corpus.lines().take(2).collect();
    assert_eq!(
        first_two,
        records.iter().map(|r| r.body.as_str()).collect::<Vec<_>>()
    );
    // The example entry body of section 3 decodes and encodes back.
    let body = section(&doc, "## 3. Event bodies")
        .lines()
        .find(|l| l.starts_with("{\"v\":1,\"type\":\"entry_posted\""))
        .expect("an example entry");
    assert_eq!(encode(&decode(body).unwrap()), body);
}

// ----- kontor-cli verify -----

fn work_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kontor-verify-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kontor-cli"))
        .args(args)
        .output()
        .unwrap()
}

fn snapshot() -> CompanySnapshot {
    let (_, events) = sample_events(5, 40, 4, 2026).unwrap();
    CompanySnapshot {
        meta: CompanyMeta {
            id: "c-verify".into(),
            name: "Prüf GmbH".into(),
            created_at_unix_ms: 1_700_000_000_000,
        },
        records: seal_all(ChainHead::EMPTY, events.iter().map(encode)),
        drafts: None,
    }
}

fn plain_backup() -> (CompanySnapshot, String) {
    let snapshot = snapshot();
    let bytes = backup::export_plain(&snapshot, |_, _| {}).unwrap();
    (snapshot, String::from_utf8(bytes).unwrap())
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

#[test]
fn a_backup_made_natively_verifies() {
    let (snapshot, json) = plain_backup();
    let dir = work_dir("ok");
    let file = dir.join("prüf.kontor.json");
    std::fs::write(&file, &json).unwrap();
    let out = cli(&["verify", file.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let head = snapshot.records.last().unwrap();
    assert!(
        stdout.contains("company: Prüf GmbH (id c-verify)"),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("records: {}", snapshot.records.len())));
    assert!(stdout.contains("entries: 40"), "{stdout}");
    assert!(stdout.contains(&format!("head: {} {}", head.seq, head.hash)));
    assert!(stdout.trim_end().ends_with("OK"));
    // The head the reader expected.
    let expected = head.hash.to_hex();
    let out = cli(&["verify", file.to_str().unwrap(), "--expect-head", &expected]);
    assert!(out.status.success());
    let other = "0".repeat(64);
    let out = cli(&["verify", file.to_str().unwrap(), "--expect-head", &other]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("the head is"));
    // Gzipped, as `age -d` gives the protected backup.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, json.as_bytes()).unwrap();
    let gz_file = dir.join("backup.json.gz");
    std::fs::write(&gz_file, gz.finish().unwrap()).unwrap();
    let out = cli(&["verify", gz_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_changed_amount_fails_at_its_record() {
    let (snapshot, json) = plain_backup();
    // The 20th posting: change one amount in its body.
    let target = snapshot
        .records
        .iter()
        .filter(|r| r.body.contains("\"entry_posted\""))
        .nth(19)
        .unwrap();
    let lines: Vec<&str> = json.lines().collect();
    let line_no = target.seq as usize + 2;
    let line = lines[line_no - 1];
    assert!(line.starts_with(&format!("{{\"seq\":{},", target.seq)));
    let at = line.find("amount_lc\\\":\\\"").unwrap() + "amount_lc\\\":\\\"".len();
    let digit = line.as_bytes()[at];
    let changed_digit = if digit == b'9' {
        '1'
    } else {
        (digit + 1) as char
    };
    let changed_line = format!("{}{}{}", &line[..at], changed_digit, &line[at + 1..]);
    let mut changed: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    changed[line_no - 1] = changed_line;
    let dir = work_dir("changed");
    let file = dir.join("changed.kontor.json");
    std::fs::write(&file, changed.join("\n") + "\n").unwrap();
    let out = cli(&["verify", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "record {} (line {line_no}) does not match its hash",
            target.seq
        )),
        "{stderr}"
    );
    assert!(text(&out.stdout).is_empty(), "no OK on a changed log");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_removed_record_is_a_gap_at_its_position() {
    let (_, json) = plain_backup();
    let mut lines: Vec<&str> = json.lines().collect();
    lines.remove(2 + 9); // record 10
    let dir = work_dir("gap");
    let file = dir.join("gap.kontor.json");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let out = cli(&["verify", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("record at position 10 (line 12) has sequence number 11, expected 10"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `kontor-cli changes` on a backup of the demo company: one JSON line
/// per change, and the demo's edit of its first customer among them with
/// its author, time and the street's old and new value.
#[test]
fn the_cli_prints_the_change_log_of_a_backup() {
    let spec = kontor::demo::DemoSpec {
        entries: 2_000,
        ..kontor::demo::DemoSpec::one_year(3)
    };
    let (_, events) = kontor::demo::build(&spec, |_, _| {}).unwrap();
    let snapshot = CompanySnapshot {
        records: seal_all(ChainHead::EMPTY, events.iter().map(encode)),
        ..snapshot()
    };
    let json = backup::export_plain(&snapshot, |_, _| {}).unwrap();
    let file = work_dir("changes").join("demo.kontor.json");
    std::fs::write(&file, &json).unwrap();
    let out = cli(&["changes", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        lines.len() > 1_000,
        "every account and partner created is a line"
    );
    let moved: Vec<_> = lines
        .iter()
        .filter(|l| l["kind"] == "Partner" && l["action"] == "changed")
        .collect();
    assert_eq!(moved.len(), 2, "{moved:?}");
    assert_eq!(moved[0]["by"], "demo");
    assert_eq!(moved[0]["at"], "2024-01-02T08:01:00Z");
    let street = moved[0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "address.street")
        .unwrap();
    assert_eq!(street["new"], "Große Bleichen");
    assert_ne!(street["old"], street["new"]);
    // A damaged file is refused as `verify` refuses it, before any line.
    let mut damaged = json.clone();
    let at = damaged.len() / 2;
    damaged[at] ^= 1;
    std::fs::write(&file, &damaged).unwrap();
    let out = cli(&["changes", file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn truncated_foreign_and_encrypted_files_are_refused() {
    let (snapshot, json) = plain_backup();
    let dir = work_dir("refused");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated.json",
            json.as_bytes()[..json.len() / 2].to_vec(),
            "truncated or damaged",
        ),
        (
            "other.json",
            br#"{"hello":"world"}"#.to_vec(),
            "not a Kontor backup",
        ),
        (
            "photo.jpg",
            vec![0xff, 0xd8, 0xff, 0xe0, 0, 0],
            "not a Kontor backup",
        ),
        (
            "newer.json",
            br#"{"manifest":{"format":"kontor-backup","format_version":9},"log":7}"#.to_vec(),
            "format version 9",
        ),
        (
            "protected.kontor.age",
            Exporter::encrypted_with_work_factor(&snapshot, "korrekt Pferd Batterie", 2)
                .unwrap()
                .finish()
                .unwrap(),
            "encrypted backup; decrypt it first",
        ),
    ];
    for (name, bytes, message) in cases {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = cli(&["verify", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(message), "{name}: {stderr}");
    }
    // A manifest that does not describe its log.
    let wrong = json.replacen(
        &format!("\"event_count\":{}", snapshot.records.len()),
        "\"event_count\":3",
        1,
    );
    let file = dir.join("manifest.json");
    std::fs::write(&file, wrong).unwrap();
    let out = cli(&["verify", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("the manifest's event_count is 3"));
    // Usage.
    let out = cli(&["verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("verify takes one FILE"));
    let _ = std::fs::remove_dir_all(&dir);
}

// ----- the hledger/ledger journal of a range -----

#[test]
fn a_range_journal_holds_the_range_and_hledger_agrees_with_our_movements() {
    use kontor::formats::hledger::{write_journal, write_journal_between};
    use rust_decimal::Decimal;
    use std::collections::BTreeMap;
    use std::str::FromStr;

    let (book, _) = sample_events(11, 120, 5, 2026).unwrap();
    let from = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    let to = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let in_range: Vec<_> = book
        .entries()
        .iter()
        .filter(|e| e.posting_date >= from && e.posting_date <= to)
        .collect();
    assert!(!in_range.is_empty() && in_range.len() < book.entry_count());
    let journal = write_journal_between(&book, Some((from, to)));
    assert!(journal.contains("entries posted from 2026-04-01 to 2026-06-30 only"));
    let transactions = journal.lines().filter(|l| l.starts_with("2026-")).count();
    assert_eq!(transactions, in_range.len());
    assert_eq!(write_journal_between(&book, None), write_journal(&book));
    // Our movements per account in the range.
    let mut ours: BTreeMap<String, Decimal> = BTreeMap::new();
    for e in &in_range {
        for l in &e.lines {
            *ours.entry(l.account.to_string()).or_default() += l.signed_lc();
        }
    }
    ours.retain(|_, v| !v.is_zero());
    // hledger's, from the file as the page tells the user to check it.
    let path = std::env::temp_dir().join(format!("kontor-range-{}.journal", std::process::id()));
    std::fs::write(&path, &journal).unwrap();
    let out = Command::new("hledger")
        .arg("-f")
        .arg(&path)
        .args(["balance", "--flat", "--no-total", "-O", "csv"])
        .output()
        .unwrap_or_else(|e| panic!("cannot run hledger ({e}): install it with scripts/setup.sh"));
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut theirs = BTreeMap::new();
    for row in text(&out.stdout).lines().skip(1) {
        let (account, amount) = row.split_once("\",\"").unwrap();
        let number = account
            .trim_matches('"')
            .split(' ')
            .next()
            .unwrap()
            .to_string();
        let value = amount.trim_matches('"').replace(',', "");
        let value = value.trim_end_matches(" EUR").trim().to_string();
        theirs.insert(number, Decimal::from_str(&value).unwrap());
    }
    assert_eq!(theirs, ours);
}
