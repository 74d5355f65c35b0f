//! The store against real IndexedDB in headless Chromium: the behavioural
//! suite (`tests/common/conformance.rs`) plus the faults only a browser can
//! produce. All tests share one page, so each one uses its own namespace
//! (database names). Run with `scripts/test-browser.sh`.
#![cfg(target_arch = "wasm32")]

mod backup;
#[path = "../common/conformance.rs"]
mod conformance;
mod connections;
mod encryption;
mod faults;
mod messages;
mod raw;
mod suite;
mod tabs;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// A namespace no other test (or earlier run in this profile) uses.
pub fn unique_namespace(test: &str) -> String {
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("test.{test}.{}.{random}", js_sys::Date::now() as u64)
}
