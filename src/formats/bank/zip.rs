//! ZIP archives of statements, as German banks deliver camt.053 (one XML
//! per account and day). Read with the `zip` crate, deflate only, through
//! flate2's pure-Rust backend (no C, builds for wasm32).
//!
//! An archive is untrusted: the sizes it declares are not believed. Every
//! entry is inflated through a counting reader that stops one byte past
//! the limits, so a ZIP bomb is refused after at most
//! [`ZipLimits::max_total_bytes`] + 1 bytes of work, never by running out
//! of memory. Directories, macOS resource forks (`__MACOSX/`) and hidden
//! files are skipped; any other entry must be a statement, so nothing in
//! an archive is dropped silently.

use super::error::{BankError, BankErrorKind, Location};
use std::io::{Cursor, Read};

/// How much one archive may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ZipLimits {
    pub max_entries: usize,
    /// Uncompressed bytes of one entry.
    pub max_entry_bytes: u64,
    /// Uncompressed bytes of all entries together.
    pub max_total_bytes: u64,
}

impl Default for ZipLimits {
    /// 1,000 entries (three years of daily statements of one account),
    /// 64 MiB per entry, 128 MiB together: far above real archives, far
    /// below what a browser tab can hold.
    fn default() -> ZipLimits {
        ZipLimits {
            max_entries: 1_000,
            max_entry_bytes: 64 << 20,
            max_total_bytes: 128 << 20,
        }
    }
}

/// Whether `bytes` start like a ZIP archive (local file header, or the
/// end record of an empty archive).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// One file of an archive, inflated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZipEntry {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files of the archive `file`, in archive order, within `limits`.
pub fn unpack(file: &str, bytes: &[u8], limits: ZipLimits) -> Result<Vec<ZipEntry>, BankError> {
    let whole = |kind| BankError::new(file, Location::File, kind);
    let mut archive =
        ::zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| whole(zip_error(e)))?;
    if archive.len() > limits.max_entries {
        return Err(whole(BankErrorKind::ZipTooManyEntries {
            limit: limits.max_entries,
        }));
    }
    let mut total: u64 = 0;
    let mut out = Vec::new();
    for index in 0..archive.len() {
        let entry = archive.by_index(index).map_err(|e| whole(zip_error(e)))?;
        let name = match entry.name() {
            Ok(name) => name.into_owned(),
            Err(e) => return Err(whole(zip_error(e))),
        };
        let in_entry = |kind| whole(kind).in_entry(file, &name);
        if entry.is_dir() || skipped(&name) {
            continue;
        }
        if entry.encrypted() {
            return Err(in_entry(BankErrorKind::ZipEncrypted));
        }
        let room = limits
            .max_entry_bytes
            .min(limits.max_total_bytes.saturating_sub(total));
        let mut data = Vec::new();
        let read = entry
            .take(room.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|e| {
                in_entry(BankErrorKind::ZipInvalid {
                    detail: e.to_string(),
                })
            })?;
        total = total.saturating_add(read as u64);
        if read as u64 > limits.max_entry_bytes {
            return Err(in_entry(BankErrorKind::TooLarge {
                limit: limits.max_entry_bytes,
            }));
        }
        if total > limits.max_total_bytes {
            return Err(in_entry(BankErrorKind::ZipTooLarge {
                limit: limits.max_total_bytes,
            }));
        }
        out.push(ZipEntry { name, bytes: data });
    }
    if out.is_empty() {
        return Err(whole(BankErrorKind::ZipEmpty));
    }
    Ok(out)
}

/// Entries that are not content: macOS resource forks and hidden files.
fn skipped(name: &str) -> bool {
    let base = name.rsplit('/').next().unwrap_or(name);
    name.starts_with("__MACOSX/") || base.starts_with('.') || base.is_empty()
}

fn zip_error(error: ::zip::result::ZipError) -> BankErrorKind {
    use ::zip::result::ZipError;
    match error {
        ZipError::UnsupportedArchive(detail) if detail.contains("ompression") => {
            BankErrorKind::ZipUnsupportedCompression {
                method: detail.to_string(),
            }
        }
        ZipError::UnsupportedArchive(detail) if detail.contains("ncrypt") => {
            BankErrorKind::ZipEncrypted
        }
        other => BankErrorKind::ZipInvalid {
            detail: other.to_string(),
        },
    }
}
