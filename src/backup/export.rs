//! Writing a backup (Sicherung erstellen): read the company from the store
//! once ([`load_company`]), then turn it into file bytes in steps
//! ([`Exporter`]) so the UI can move a progress bar and let the browser
//! paint between steps; [`export_encrypted`] and [`export_plain`] run all
//! steps at once.

use super::crypto::{SealingWriter, WORK_FACTOR};
use super::document::{DocumentWriter, FORMAT_NAME, FORMAT_VERSION, Manifest};
use super::error::BackupError;
use crate::ledger::chain::{ChainHead, LogRecord, verify_chain};
use crate::store::registry::now_unix_ms;
use crate::store::{CompanyLog, CompanyMeta, Store, StoreError};
use std::collections::BTreeMap;
use std::io::Write;

/// Records written per [`Exporter::step`] by the one-shot functions: about
/// 20 ms of work in WASM, often enough for a smooth bar.
pub const STEP_RECORDS: usize = 2_000;

/// Everything a backup holds, read from the store in one go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanySnapshot {
    pub meta: CompanyMeta,
    /// The whole log, verified by the store on load.
    pub records: Vec<LogRecord>,
    /// Draft key → draft JSON; `None` to leave drafts out of the backup.
    pub drafts: Option<BTreeMap<String, String>>,
}

/// Reads a company's log (and drafts if asked) for a backup.
pub async fn load_company<S: Store>(
    store: &S,
    company_id: &str,
    include_drafts: bool,
) -> Result<CompanySnapshot, BackupError> {
    let meta = store
        .list_companies()
        .await?
        .into_iter()
        .find(|c| c.id == company_id)
        .ok_or_else(|| {
            BackupError::Store(StoreError::NotFound {
                what: format!("company {company_id}"),
            })
        })?;
    let company = store.open_company(company_id).await?;
    let records = company.load().await?;
    let drafts = if include_drafts {
        let mut drafts = BTreeMap::new();
        for key in company.list_drafts().await? {
            if let Some(json) = company.get_draft(&key).await? {
                drafts.insert(key, json);
            }
        }
        Some(drafts)
    } else {
        None
    };
    Ok(CompanySnapshot {
        meta,
        records,
        drafts,
    })
}

enum Sink {
    Plain(Vec<u8>),
    Sealed(Box<SealingWriter>),
}

/// A backup being written, a step at a time.
pub struct Exporter<'a> {
    snapshot: &'a CompanySnapshot,
    sink: Sink,
    written: usize,
}

impl<'a> Exporter<'a> {
    /// Starts an encrypted backup; derives the key (the slow part, ≈0.8 s
    /// in WASM) and writes the manifest.
    pub fn encrypted(
        snapshot: &'a CompanySnapshot,
        passphrase: &str,
    ) -> Result<Exporter<'a>, BackupError> {
        Self::encrypted_with_work_factor(snapshot, passphrase, WORK_FACTOR)
    }

    /// As [`Exporter::encrypted`] with another scrypt work factor: tests
    /// use a low one to stay fast; the app always uses [`WORK_FACTOR`].
    pub fn encrypted_with_work_factor(
        snapshot: &'a CompanySnapshot,
        passphrase: &str,
        work_factor: u8,
    ) -> Result<Exporter<'a>, BackupError> {
        // The obviously weak is refused before the slow key derivation.
        super::passphrase::check_for_export(passphrase, &[&snapshot.meta.name])?;
        let sink = Sink::Sealed(Box::new(SealingWriter::new(passphrase, work_factor)?));
        Self::start(snapshot, sink, true)
    }

    /// Starts a plain (unencrypted, uncompressed) JSON export.
    pub fn plain(snapshot: &'a CompanySnapshot) -> Result<Exporter<'a>, BackupError> {
        Self::start(snapshot, Sink::Plain(Vec::new()), false)
    }

    fn start(
        snapshot: &'a CompanySnapshot,
        sink: Sink,
        encrypted: bool,
    ) -> Result<Exporter<'a>, BackupError> {
        let manifest = manifest_of(snapshot, encrypted, now_unix_ms())?;
        let mut exporter = Exporter {
            snapshot,
            sink,
            written: 0,
        };
        DocumentWriter::begin(exporter.writer(), &manifest).map_err(BackupError::unexpected)?;
        Ok(exporter)
    }

    fn writer(&mut self) -> &mut dyn Write {
        match &mut self.sink {
            Sink::Plain(bytes) => bytes,
            Sink::Sealed(sealing) => sealing.writer(),
        }
    }

    /// Writes up to `max_records` more records; returns `(done, total)`.
    pub fn step(&mut self, max_records: usize) -> Result<(u64, u64), BackupError> {
        let snapshot = self.snapshot;
        let end = self
            .written
            .saturating_add(max_records.max(1))
            .min(snapshot.records.len());
        for i in self.written..end {
            DocumentWriter::record(self.writer(), &snapshot.records[i], i == 0)
                .map_err(BackupError::unexpected)?;
        }
        self.written = end;
        Ok(self.progress())
    }

    pub fn progress(&self) -> (u64, u64) {
        (self.written as u64, self.snapshot.records.len() as u64)
    }

    pub fn is_done(&self) -> bool {
        self.written == self.snapshot.records.len()
    }

    /// Writes the rest and returns the file's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, BackupError> {
        while !self.is_done() {
            self.step(usize::MAX)?;
        }
        let drafts = self.snapshot.drafts.as_ref();
        DocumentWriter::end(self.writer(), drafts).map_err(BackupError::unexpected)?;
        match self.sink {
            Sink::Plain(bytes) => Ok(bytes),
            Sink::Sealed(sealing) => sealing.finish(),
        }
    }
}

/// The manifest of a snapshot. Verifies the chain first: the store checked
/// it on load, but a backup is the last line of defence, so the head we
/// vouch for is one we computed ourselves.
fn manifest_of(
    snapshot: &CompanySnapshot,
    encrypted: bool,
    exported_at_unix_ms: u64,
) -> Result<Manifest, BackupError> {
    let head = verify_chain(ChainHead::EMPTY, &snapshot.records)
        .map_err(|e| BackupError::BrokenChain { seq: e.seq() })?;
    Ok(Manifest {
        format: FORMAT_NAME.to_string(),
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        encrypted,
        exported_at_unix_ms,
        company_id: snapshot.meta.id.clone(),
        company_name: snapshot.meta.name.clone(),
        created_at_unix_ms: snapshot.meta.created_at_unix_ms,
        event_count: snapshot.records.len() as u64,
        head_seq: head.seq,
        head_hash: head.hash,
        drafts_included: snapshot.drafts.is_some(),
    })
}

fn run_steps(
    mut exporter: Exporter<'_>,
    mut progress: impl FnMut(u64, u64),
) -> Result<Vec<u8>, BackupError> {
    while !exporter.is_done() {
        let (done, total) = exporter.step(STEP_RECORDS)?;
        progress(done, total);
    }
    let (done, total) = exporter.progress();
    progress(done, total);
    exporter.finish()
}

/// The encrypted backup file (`.kontor.age`) of `snapshot`, in one call.
pub fn export_encrypted(
    snapshot: &CompanySnapshot,
    passphrase: &str,
    progress: impl FnMut(u64, u64),
) -> Result<Vec<u8>, BackupError> {
    run_steps(Exporter::encrypted(snapshot, passphrase)?, progress)
}

/// The plain JSON export (`.kontor.json`), labelled `"encrypted": false`.
pub fn export_plain(
    snapshot: &CompanySnapshot,
    progress: impl FnMut(u64, u64),
) -> Result<Vec<u8>, BackupError> {
    run_steps(Exporter::plain(snapshot)?, progress)
}

/// `<company>-<YYYY-MM-DD>.kontor.age` (or `.kontor.json`): the name
/// reduced to letters, digits, `-` and `_` so every file system and every
/// mail filter accepts it; umlauts stay (they are letters).
pub fn file_name(company_name: &str, unix_ms: u64, encrypted: bool) -> String {
    let mut base = String::new();
    for c in company_name.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            base.push(c);
        } else if !base.ends_with('-') {
            base.push('-');
        }
    }
    let base: String = base.trim_matches('-').chars().take(60).collect();
    let base = if base.is_empty() {
        "kontor".to_string()
    } else {
        base
    };
    let date = chrono::DateTime::from_timestamp_millis(unix_ms as i64)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "undated".to_string());
    let extension = if encrypted {
        "kontor.age"
    } else {
        "kontor.json"
    };
    format!("{base}-{date}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finishing_after_some_steps_writes_the_rest() {
        let records = crate::store::log::seal_all(ChainHead::EMPTY, (0..5).map(|i| i.to_string()));
        let snapshot = CompanySnapshot {
            meta: CompanyMeta {
                id: "c".into(),
                name: "C".into(),
                created_at_unix_ms: 0,
            },
            records,
            drafts: None,
        };
        let mut exporter = Exporter::plain(&snapshot).unwrap();
        assert_eq!(exporter.step(2).unwrap(), (2, 5));
        let bytes = exporter.finish().unwrap();
        let document = crate::backup::document::parse_document(&bytes).unwrap();
        assert_eq!(document.log, snapshot.records);
    }

    #[test]
    fn file_names_are_tame() {
        assert_eq!(
            file_name("Müller & Söhne GmbH", 1_700_000_000_000, true),
            "Müller-Söhne-GmbH-2023-11-14.kontor.age"
        );
        assert_eq!(
            file_name(" ../etc/passwd ", 0, false),
            "etc-passwd-1970-01-01.kontor.json"
        );
        assert_eq!(file_name("???", 0, true), "kontor-1970-01-01.kontor.age");
    }
}
