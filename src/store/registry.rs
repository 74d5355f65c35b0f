//! The registry of companies (Mandantenverzeichnis): which companies exist
//! and what they are called. Kept apart from the companies' own databases so
//! that listing companies never opens a log.

use super::error::StoreError;
use serde::{Deserialize, Serialize};

/// Longest company name, in characters: enough for any legal name, short
/// enough for a title bar.
pub const MAX_NAME_CHARS: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyMeta {
    /// Stable id; part of the company's database name. Never reused.
    pub id: String,
    pub name: String,
    pub created_at_unix_ms: u64,
}

/// Trims and checks a name the user typed.
pub fn clean_name(name: &str) -> Result<String, StoreError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(StoreError::InvalidName {
            max_chars: MAX_NAME_CHARS,
        });
    }
    Ok(name.to_string())
}

/// The explicit confirmation of a delete: the exact current name.
pub fn check_delete_confirmation(meta: &CompanyMeta, confirm_name: &str) -> Result<(), StoreError> {
    if meta.name == confirm_name {
        Ok(())
    } else {
        Err(StoreError::ConfirmationMismatch)
    }
}

pub fn encode_meta(meta: &CompanyMeta) -> Result<String, StoreError> {
    serde_json::to_string(meta).map_err(StoreError::unexpected)
}

pub fn decode_meta(text: &str) -> Result<CompanyMeta, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::CorruptMeta {
        what: "registry entry".into(),
        detail: e.to_string(),
    })
}

/// Milliseconds since 1970 from the platform clock (`SystemTime` panics on
/// wasm32, so the browser's clock is asked there).
pub fn now_unix_ms() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(0)
    }
}

/// Sorted by name, then id, so lists are stable.
pub fn sort_companies(companies: &mut [CompanyMeta]) {
    companies.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_and_overlong_names_are_refused() {
        assert!(clean_name("   ").is_err());
        assert!(clean_name(&"x".repeat(MAX_NAME_CHARS + 1)).is_err());
        assert_eq!(clean_name("  Müller GmbH ").unwrap(), "Müller GmbH");
    }
}
