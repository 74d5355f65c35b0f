//! Drafts the entry screen and the voucher screen share: the journal
//! voucher being filled (`OPEN_VOUCHER_KEY` names it; each voucher is a
//! `VoucherDraft` of typed forms, never part of the log) and the
//! idempotency key a new grid or voucher gets.

use serde::{Deserialize, Serialize};

use crate::forms::entry::EntryForm;
use crate::store::{CompanyLog, StoreError};
use crate::ui::state::AppState;

/// Key of the draft that says which voucher the entry screen adds to.
pub const OPEN_VOUCHER_KEY: &str = "voucher-current";
pub const VOUCHER_PREFIX: &str = "voucher:";

/// A voucher as stored in the drafts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoucherDraft {
    pub name: String,
    pub entries: Vec<EntryForm>,
}

/// The draft key of the voucher the entry screen adds to (the first one
/// when none was chosen).
pub async fn current_voucher_key(app: AppState) -> Result<String, StoreError> {
    let Some(session) = app.session() else {
        return Err(StoreError::NotFound {
            what: "company".into(),
        });
    };
    let current = session.log().get_draft(OPEN_VOUCHER_KEY).await?;
    Ok(current.unwrap_or_else(|| format!("{VOUCHER_PREFIX}1")))
}

/// The voucher stored under `key`; an empty one when there is none or it
/// does not read.
pub async fn load_voucher(app: AppState, key: &str) -> Result<VoucherDraft, StoreError> {
    let Some(session) = app.session() else {
        return Err(StoreError::NotFound {
            what: "company".into(),
        });
    };
    let json = session.log().get_draft(key).await?;
    Ok(json
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default())
}

/// Stores `voucher` under `key` in the company's drafts.
pub async fn save_voucher(
    app: AppState,
    key: &str,
    voucher: &VoucherDraft,
) -> Result<(), StoreError> {
    let Some(session) = app.session() else {
        return Err(StoreError::NotFound {
            what: "company".into(),
        });
    };
    let json = serde_json::to_string(voucher).map_err(|e| StoreError::Unexpected {
        detail: e.to_string(),
    })?;
    session.log().put_draft(key, &json).await
}

/// Appends `form` to the current voucher; returns its new size.
pub async fn add_to_open_voucher(app: AppState, form: EntryForm) -> Result<usize, StoreError> {
    let key = current_voucher_key(app).await?;
    let mut voucher = load_voucher(app, &key).await?;
    if voucher.name.is_empty() {
        voucher.name = key.trim_start_matches(VOUCHER_PREFIX).to_string();
    }
    voucher.entries.push(form);
    save_voucher(app, &key, &voucher).await?;
    if let Some(session) = app.session() {
        session.log().put_draft(OPEN_VOUCHER_KEY, &key).await?;
    }
    Ok(voucher.entries.len())
}

/// A new idempotency key for an entry grid or a voucher, as stored in its
/// draft: 128 bits from `crypto.getRandomValues`. A browser without it
/// gets no key (empty): posting still works, only without the guard
/// against posting the same grid twice.
pub fn fresh_posting_key() -> String {
    let mut bytes = [0u8; 16];
    match getrandom::getrandom(&mut bytes) {
        Ok(()) => crate::ledger::types::PostingKey(u128::from_le_bytes(bytes)).to_hex(),
        Err(_) => String::new(),
    }
}
