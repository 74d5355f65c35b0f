//! The backup document (Sicherungsdokument): one JSON object holding a
//! manifest, a company's complete log and, optionally, its drafts.
//!
//! ```json
//! {"manifest":{"format":"kontor-backup","format_version":1,"app_version":"0.1.0",
//!   "encrypted":true,"exported_at_unix_ms":1700000000000,
//!   "company_id":"c-…","company_name":"Muster GmbH","created_at_unix_ms":1690000000000,
//!   "event_count":2,"head_seq":2,"head_hash":"<64 hex>","drafts_included":true},
//!  "log":[
//! {"seq":1,"body":"<event JSON as stored>","hash":"<64 hex>"},
//! {"seq":2,"body":"…","hash":"…"}
//! ],
//!  "drafts":{"<key>":"<draft JSON as stored>"}}
//! ```
//!
//! `body` and draft values are the stored strings verbatim, because the
//! hash chain covers those exact bytes: re-encoding them would break it.
//! One record per line keeps a plain export readable in an editor.
//! `drafts` is absent when `drafts_included` is false. Readers ignore
//! unknown fields, so adding a field is not a new format version; changing
//! the meaning of one is.

use super::error::{BackupError, ManifestField};
use crate::ledger::chain::{ChainHash, ChainHead, LogRecord, verify_chain};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;

/// The `format` value of every Kontor backup.
pub const FORMAT_NAME: &str = "kontor-backup";
/// The document version this code writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// What the UI shows before anything is restored, and what `restore`
/// checks the log against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// Kontor's version (`CARGO_PKG_VERSION`) that wrote the file.
    pub app_version: String,
    /// False for the plain JSON export, so nobody mistakes it for the
    /// protected file.
    pub encrypted: bool,
    pub exported_at_unix_ms: u64,
    pub company_id: String,
    pub company_name: String,
    pub created_at_unix_ms: u64,
    pub event_count: u64,
    pub head_seq: u64,
    pub head_hash: ChainHash,
    pub drafts_included: bool,
}

/// A parsed and verified backup: safe to restore.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupDocument {
    pub manifest: Manifest,
    pub log: Vec<LogRecord>,
    /// Draft key → draft JSON, as stored; `None` when not included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafts: Option<BTreeMap<String, String>>,
}

/// Just enough of a document to tell "newer version" and "not ours" from
/// "damaged" when the full parse fails.
#[derive(Deserialize)]
struct Probe {
    manifest: ProbeManifest,
}

#[derive(Deserialize)]
struct ProbeManifest {
    format: String,
    format_version: u32,
}

/// What a log holds, counted so the screen can say what it counts: every
/// event in the log, the postings (posted entries, reversals included)
/// among them, and the rest — master data and settings (company, accounts,
/// tax codes, periods, rates, cost centres …).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LogCounts {
    pub events: u64,
    pub postings: u64,
    pub master_data: u64,
}

/// The `type` of a stored event, read without building the event.
#[derive(Deserialize)]
struct EventKind<'a> {
    #[serde(default, rename = "type", borrow)]
    kind: Option<&'a str>,
}

/// How the canonical encoding starts a version-1 posting: recognised
/// without parsing the record.
const POSTING_V1: &str = r#"{"v":1,"type":"entry_posted","#;

/// Counts events by kind from the stored bodies.
pub fn log_counts(log: &[LogRecord]) -> LogCounts {
    let postings = log
        .iter()
        .filter(|r| {
            r.body.starts_with(POSTING_V1)
                || serde_json::from_str::<EventKind>(&r.body)
                    .is_ok_and(|e| e.kind == Some("entry_posted"))
        })
        .count() as u64;
    let events = log.len() as u64;
    LogCounts {
        events,
        postings,
        master_data: events - postings,
    }
}

/// Writes the document in the layout above, record by record, so the
/// caller can report progress and stream into a compressor.
pub(crate) struct DocumentWriter;

impl DocumentWriter {
    pub(crate) fn begin(
        out: &mut (impl Write + ?Sized),
        manifest: &Manifest,
    ) -> std::io::Result<()> {
        out.write_all(b"{\"manifest\":")?;
        serde_json::to_writer(&mut *out, manifest)?;
        out.write_all(b",\n\"log\":[")
    }

    pub(crate) fn record(
        out: &mut (impl Write + ?Sized),
        record: &LogRecord,
        first: bool,
    ) -> std::io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, record)?;
        Ok(())
    }

    pub(crate) fn end(
        out: &mut (impl Write + ?Sized),
        drafts: Option<&BTreeMap<String, String>>,
    ) -> std::io::Result<()> {
        out.write_all(b"\n]")?;
        if let Some(drafts) = drafts {
            out.write_all(b",\n\"drafts\":")?;
            serde_json::to_writer(&mut *out, drafts)?;
        }
        out.write_all(b"}\n")
    }
}

/// Parses a decompressed document and checks everything a restore relies
/// on: format name and version, the hash chain, and the manifest's figures.
pub fn parse_document(json: &[u8]) -> Result<BackupDocument, BackupError> {
    let document: BackupDocument = match serde_json::from_slice(json) {
        Ok(document) => document,
        Err(error) => return Err(classify_parse_failure(json, error)),
    };
    check_format(&document.manifest.format, document.manifest.format_version)?;
    check_log(&document)?;
    Ok(document)
}

fn check_format(format: &str, version: u32) -> Result<(), BackupError> {
    if format != FORMAT_NAME {
        return Err(BackupError::NotKontorBackup);
    }
    if version > FORMAT_VERSION {
        return Err(BackupError::NewerFormat {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if version == 0 {
        return Err(BackupError::NotKontorBackup);
    }
    Ok(())
}

/// A newer version may change the shape, so the manifest's format decides
/// first; otherwise invalid JSON is damage and valid JSON of another shape
/// is someone else's file.
fn classify_parse_failure(json: &[u8], error: serde_json::Error) -> BackupError {
    if let Ok(probe) = serde_json::from_slice::<Probe>(json) {
        if let Err(refusal) = check_format(&probe.manifest.format, probe.manifest.format_version) {
            return refusal;
        }
        return BackupError::damaged(error);
    }
    match error.classify() {
        serde_json::error::Category::Data => BackupError::NotKontorBackup,
        _ => BackupError::damaged(error),
    }
}

/// The pair invariant of a restore: the chain verifies from the first
/// record, and the manifest written beside it describes exactly it.
fn check_log(document: &BackupDocument) -> Result<(), BackupError> {
    let manifest = &document.manifest;
    let head = verify_chain(ChainHead::EMPTY, &document.log)
        .map_err(|e| BackupError::BrokenChain { seq: e.seq() })?;
    let count = document.log.len() as u64;
    if manifest.event_count != count {
        return Err(mismatch(
            ManifestField::EventCount,
            manifest.event_count,
            count,
        ));
    }
    if manifest.head_seq != head.seq {
        return Err(mismatch(
            ManifestField::HeadSeq,
            manifest.head_seq,
            head.seq,
        ));
    }
    if manifest.head_hash != head.hash {
        return Err(mismatch(
            ManifestField::HeadHash,
            manifest.head_hash,
            head.hash,
        ));
    }
    if manifest.drafts_included != document.drafts.is_some() {
        return Err(mismatch(
            ManifestField::DraftsIncluded,
            manifest.drafts_included,
            document.drafts.is_some(),
        ));
    }
    Ok(())
}

fn mismatch(field: ManifestField, manifest: impl ToString, found: impl ToString) -> BackupError {
    BackupError::ManifestMismatch {
        field,
        manifest: manifest.to_string(),
        found: found.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::log::seal_all;

    fn manifest_for(log: &[LogRecord]) -> Manifest {
        let head = verify_chain(ChainHead::EMPTY, log).unwrap();
        Manifest {
            format: FORMAT_NAME.into(),
            format_version: FORMAT_VERSION,
            app_version: "0.1.0".into(),
            encrypted: false,
            exported_at_unix_ms: 1,
            company_id: "c1".into(),
            company_name: "Muster GmbH".into(),
            created_at_unix_ms: 0,
            event_count: log.len() as u64,
            head_seq: head.seq,
            head_hash: head.hash,
            drafts_included: true,
        }
    }

    #[test]
    fn counts_tell_postings_from_master_data() {
        let (book, events) = crate::ledger::sample::sample_events(3, 7, 2, 2026).unwrap();
        let log = seal_all(
            ChainHead::EMPTY,
            events.iter().map(crate::ledger::event::encode),
        );
        let counts = log_counts(&log);
        assert_eq!(counts.postings, 7);
        assert_eq!(book.entry_count(), 7);
        assert_eq!(counts.events, log.len() as u64);
        assert_eq!(counts.master_data, counts.events - 7);
        assert!(
            counts.master_data > 7,
            "setup alone is many events: {counts:?}"
        );
    }

    fn written(document: &BackupDocument) -> Vec<u8> {
        let mut out = Vec::new();
        DocumentWriter::begin(&mut out, &document.manifest).unwrap();
        for (i, r) in document.log.iter().enumerate() {
            DocumentWriter::record(&mut out, r, i == 0).unwrap();
        }
        DocumentWriter::end(&mut out, document.drafts.as_ref()).unwrap();
        out
    }

    #[test]
    fn streamed_document_parses_as_the_serde_shape() {
        let log = seal_all(ChainHead::EMPTY, ["{\"a\":1}".into(), "b\n\"".into()]);
        let document = BackupDocument {
            manifest: manifest_for(&log),
            drafts: Some([("k".to_string(), "{}".to_string())].into()),
            log,
        };
        let bytes = written(&document);
        assert_eq!(parse_document(&bytes).unwrap(), document);
        let generic: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(generic, serde_json::to_value(&document).unwrap());
    }

    #[test]
    fn empty_log_round_trips() {
        let document = BackupDocument {
            manifest: Manifest {
                drafts_included: false,
                ..manifest_for(&[])
            },
            log: vec![],
            drafts: None,
        };
        assert_eq!(parse_document(&written(&document)).unwrap(), document);
    }

    #[test]
    fn newer_version_with_another_shape_is_named_as_such() {
        let json = br#"{"manifest":{"format":"kontor-backup","format_version":2},"events":[]}"#;
        assert_eq!(
            parse_document(json),
            Err(BackupError::NewerFormat {
                found: 2,
                supported: 1
            })
        );
    }

    #[test]
    fn other_json_is_not_a_backup_and_cut_json_is_damage() {
        assert_eq!(
            parse_document(br#"{"hello":"world"}"#),
            Err(BackupError::NotKontorBackup)
        );
        assert!(matches!(
            parse_document(br#"{"manifest":{"format":"kontor-ba"#),
            Err(BackupError::Damaged { .. })
        ));
    }
}
