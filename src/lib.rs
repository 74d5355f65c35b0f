//! Kontor: a company's books as a fold over an append-only log.
//!
//! Layers (dependencies point one way): `ui → backup → store → ledger`,
//! and `ui/store/backup → formats → ledger`. `ledger` and `formats` are pure
//! and compile natively, as does `security` (password hashes, the data key
//! and sealed blocks, pure crypto); `store` has an in-memory twin natively and
//! IndexedDB on wasm32; `ui` exists only on wasm32.

pub mod backup;
pub mod demo;
pub mod finance;
pub mod formats;
pub mod forms;
pub mod ledger;
pub mod letters;
pub mod security;
pub mod session;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
