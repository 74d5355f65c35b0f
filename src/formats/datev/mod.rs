//! DATEV EXTF (issue 19). Placeholder of helper B until helper C's
//! `mod.rs` is merged: only the export.
pub mod export;
