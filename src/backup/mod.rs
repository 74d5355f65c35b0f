//! Backup file of a whole company (Datensicherung): a versioned JSON
//! document (manifest + complete log + optional drafts, [`document`]),
//! gzip-compressed and encrypted in the open age format with a passphrase
//! ([`crypto`]), so a user can always get their books back with the `age`
//! tool alone: `age -d firma-2025-01-31.kontor.age | gunzip`.
//!
//! The flow the UI follows:
//! 1. export: [`load_company`] (async, store) → [`export_encrypted`] or
//!    [`export_plain`] (sync; or [`Exporter`] step by step for a progress
//!    bar) → download as [`file_name`].
//! 2. restore: [`detect`] (ask for a passphrase?) → [`inspect`] (sync:
//!    decrypt, unpack, parse, verify chain and manifest; nothing written;
//!    show the manifest) → [`restore`] (async, store) with a
//!    [`RestoreMode`]. Every refusal is a [`BackupError`] and leaves the
//!    stored companies unchanged.

pub mod crypto;
pub mod document;
pub mod error;
pub mod export;
pub mod passphrase;
pub mod restore;

pub use crypto::{FileKind, MAX_WORK_FACTOR, WORK_FACTOR, detect};
pub use document::{BackupDocument, FORMAT_NAME, FORMAT_VERSION, LogCounts, Manifest, log_counts};
pub use error::{BackupError, ManifestField};
pub use export::{
    CompanySnapshot, Exporter, export_encrypted, export_plain, file_name, load_company,
};
pub use restore::{RestoreMode, copy_name, inspect, restore};
