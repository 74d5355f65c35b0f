//! Placeholder replaced below.
#![cfg(target_arch = "wasm32")]
