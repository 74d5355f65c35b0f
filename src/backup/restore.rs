//! Reading and restoring a backup (Wiederherstellung) in two stages:
//! [`inspect`] unwraps and checks the whole file without touching storage
//! (the UI shows its manifest), then [`restore`] writes it into a freshly
//! created company and removes that company again if anything fails, so
//! stored companies are either unchanged or gain one complete company.
//!
//! The store cannot create a company with a given id (ids are issued by the
//! store and never reused), so a restored company always gets a new id.
//! "Already exists" therefore means: a stored company has the backup's id
//! (the original is still here) or the backup's exact name (it was restored
//! before). Replacing restores first and deletes the old company last.

use super::crypto::open;
use super::document::{BackupDocument, parse_document};
use super::error::{BackupError, ManifestField};
use crate::ledger::Book;
use crate::store::log::MAX_APPEND_RECORDS;
use crate::store::registry::{MAX_NAME_CHARS, check_delete_confirmation};
use crate::store::{CompanyLog, CompanyMeta, Store, StoreError};

/// Records per append during a restore: the store's largest append, so a
/// 100,000-event log takes ten transactions and ten progress steps.
pub const RESTORE_CHUNK: usize = MAX_APPEND_RECORDS;

/// Unwraps (age, gzip), parses and verifies a backup file: format and
/// version, hash chain, manifest figures, and that the events fold into
/// books through the engine's own check (the path every typed command
/// takes), so a log that verifies but cannot be opened is refused here.
/// Nothing is written. The
/// passphrase is ignored for unencrypted files ([`super::detect`] tells the
/// UI whether to ask for one). `progress(done, total)` counts file bytes.
pub fn inspect(
    bytes: &[u8],
    passphrase: &str,
    progress: impl FnMut(u64, u64),
) -> Result<BackupDocument, BackupError> {
    let json = open(bytes, passphrase, progress)?;
    let document = parse_document(&json)?;
    Book::fold_records(&document.log).map_err(BackupError::DoesNotFold)?;
    Ok(document)
}

/// Where a restored company goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreMode {
    /// A new company with the backup's name; refused with
    /// [`BackupError::CompanyExists`] if the backup's id or name is stored.
    New,
    /// A new company named "<name> (Kopie)" (or "(Kopie 2)", …): always
    /// possible.
    AsCopy,
    /// Restores, then deletes `company_id`. `confirm_name` must be that
    /// company's exact current name, as for the store's delete.
    Replace {
        company_id: String,
        confirm_name: String,
    },
}

/// Writes a checked document into storage; returns the new company (its
/// id is new in every mode). `progress(done, total)` counts records.
pub async fn restore<S: Store>(
    store: &S,
    document: &BackupDocument,
    mode: RestoreMode,
    mut progress: impl FnMut(u64, u64),
) -> Result<CompanyMeta, BackupError> {
    let stored = store.list_companies().await?;
    let manifest = &document.manifest;
    let name = match &mode {
        RestoreMode::New => {
            if let Some(existing) = stored
                .iter()
                .find(|c| c.id == manifest.company_id || c.name == manifest.company_name)
            {
                return Err(BackupError::CompanyExists {
                    id: existing.id.clone(),
                    name: existing.name.clone(),
                });
            }
            manifest.company_name.clone()
        }
        RestoreMode::AsCopy => copy_name(&manifest.company_name, &stored),
        RestoreMode::Replace {
            company_id,
            confirm_name,
        } => {
            let old = stored.iter().find(|c| &c.id == company_id).ok_or_else(|| {
                BackupError::Store(StoreError::NotFound {
                    what: format!("company {company_id}"),
                })
            })?;
            check_delete_confirmation(old, confirm_name)?;
            manifest.company_name.clone()
        }
    };

    let created = store.create_company(&name).await?;
    let written = write_into(store, &created, document, &mut progress).await;
    let replaced = match (&written, &mode) {
        (
            Ok(()),
            RestoreMode::Replace {
                company_id,
                confirm_name,
            },
        ) => store
            .delete_company(company_id, confirm_name)
            .await
            .map_err(BackupError::from),
        (result, _) => result.clone(),
    };
    match replaced {
        Ok(()) => Ok(created),
        Err(error) => {
            // Best effort: if even this fails, storage itself is gone and
            // the first error is the one worth showing.
            let _ = store.delete_company(&created.id, &created.name).await;
            Err(error)
        }
    }
}

async fn write_into<S: Store>(
    store: &S,
    created: &CompanyMeta,
    document: &BackupDocument,
    progress: &mut impl FnMut(u64, u64),
) -> Result<(), BackupError> {
    let company = store.open_company(&created.id).await?;
    let total = document.log.len() as u64;
    let mut done = 0u64;
    progress(done, total);
    for chunk in document.log.chunks(RESTORE_CHUNK) {
        company.append(chunk).await?;
        done += chunk.len() as u64;
        progress(done, total);
    }
    if let Some(drafts) = &document.drafts {
        for (key, json) in drafts {
            company.put_draft(key, json).await?;
        }
    }
    // The pair invariant once more: what the store now holds ends exactly
    // where the manifest said.
    let head = company.head().await?;
    if head.hash != document.manifest.head_hash || head.seq != document.manifest.head_seq {
        return Err(BackupError::ManifestMismatch {
            field: ManifestField::HeadHash,
            manifest: document.manifest.head_hash.to_hex(),
            found: head.hash.to_hex(),
        });
    }
    Ok(())
}

/// "<name> (Kopie)", or "(Kopie 2)", "(Kopie 3)", … until no stored
/// company has it; the base is shortened so the whole stays within the
/// store's name limit.
pub fn copy_name(name: &str, stored: &[CompanyMeta]) -> String {
    let taken = |candidate: &str| stored.iter().any(|c| c.name == candidate);
    (1..=stored.len() + 1)
        .map(|n| {
            let suffix = if n == 1 {
                " (Kopie)".to_string()
            } else {
                format!(" (Kopie {n})")
            };
            let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
            let base: String = name.trim().chars().take(room).collect();
            format!("{base}{suffix}")
        })
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| format!("{} (Kopie)", name.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(name: &str) -> CompanyMeta {
        CompanyMeta {
            id: name.into(),
            name: name.into(),
            created_at_unix_ms: 0,
        }
    }

    #[test]
    fn copy_names_count_up_and_stay_within_the_limit() {
        assert_eq!(copy_name("A", &[meta("A")]), "A (Kopie)");
        assert_eq!(
            copy_name("A", &[meta("A"), meta("A (Kopie)")]),
            "A (Kopie 2)"
        );
        let long = "x".repeat(MAX_NAME_CHARS);
        assert_eq!(copy_name(&long, &[]).chars().count(), MAX_NAME_CHARS);
    }
}
