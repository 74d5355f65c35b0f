//! Asking the browser to keep our data (`navigator.storage.persist()`) and
//! how much room it gives (`estimate()`). Without persistence Chromium may
//! evict the books under storage pressure, so the UI shows the answer.
//!
//! `persist()` may not answer for a long time: Firefox opens a permission
//! prompt and its promise stays pending until the user decides (headless:
//! forever). Callers must never make anything wait for it; the UI asks in
//! the background and shows the answer when it comes. Browsers lacking a
//! method (WebKit reports no estimate) get `Unsupported` / `None`, not an
//! error.

use crate::store::error::StoreError;
use crate::store::{Persistence, StorageEstimate};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Old browsers have no `navigator.storage`; web-sys would hand back
    // `undefined` typed as a StorageManager, so check first.
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    Some(navigator.storage())
}

/// Whether `manager` has a callable method `name` (older engines and some
/// WebKit builds lack `persist` or `estimate`; calling it would throw).
fn has_method(manager: &web_sys::StorageManager, name: &str) -> bool {
    js_sys::Reflect::get(manager, &name.into()).is_ok_and(|f| f.is_function())
}

fn js_failure(value: wasm_bindgen::JsValue) -> StoreError {
    StoreError::StorageUnavailable {
        detail: format!("{value:?}"),
    }
}

pub async fn persist() -> Result<Persistence, StoreError> {
    let Some(manager) = storage_manager().filter(|m| has_method(m, "persist")) else {
        return Ok(Persistence::Unsupported);
    };
    let granted = JsFuture::from(manager.persist().map_err(js_failure)?)
        .await
        .map_err(js_failure)?;
    Ok(if granted.as_bool() == Some(true) {
        Persistence::Granted
    } else {
        Persistence::Denied
    })
}

pub async fn estimate() -> Result<Option<StorageEstimate>, StoreError> {
    let Some(manager) = storage_manager().filter(|m| has_method(m, "estimate")) else {
        return Ok(None);
    };
    let answer = JsFuture::from(manager.estimate().map_err(js_failure)?)
        .await
        .map_err(js_failure)?;
    // A dictionary, not a class: `instanceof` would fail, so no `dyn_into`.
    if !answer.is_object() {
        return Ok(None);
    }
    let books = indexed_db_usage(&answer);
    let estimate: web_sys::StorageEstimate = answer.unchecked_into();
    let used = books.or(estimate.get_usage().map(|u| u as u64));
    match (used, estimate.get_quota()) {
        (Some(used), Some(quota)) => Ok(Some(StorageEstimate {
            used_bytes: used,
            quota_bytes: quota as u64,
        })),
        _ => Ok(None),
    }
}

/// The books' share of the usage where the engine says it (Chromium's
/// `usageDetails.indexedDB`): the total also counts the app's own files
/// the service worker keeps for offline use, which are not the user's data.
fn indexed_db_usage(answer: &wasm_bindgen::JsValue) -> Option<u64> {
    let details = js_sys::Reflect::get(answer, &"usageDetails".into()).ok()?;
    if !details.is_object() {
        return None;
    }
    let idb = js_sys::Reflect::get(&details, &"indexedDB".into()).ok()?;
    // No IndexedDB entry yet means nothing stored: zero bytes.
    Some(idb.as_f64().map_or(0, |bytes| bytes as u64))
}
