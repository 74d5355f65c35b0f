//! Forms (Erfassungsmasken): what a user typed, kept as text so unfinished
//! input can be saved as a draft and survive a reload, and turned into
//! engine drafts by pure functions with typed errors that point at the
//! line and field. No web code here: tested natively.

pub mod company;
pub mod datev_import;
pub mod einvoice;
pub mod entry;
pub mod entry_rules;
pub mod number_series;
pub mod payment_run;
pub mod search;
pub mod statement;
pub mod template;
